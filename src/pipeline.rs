//! The one place that knows the order of the stages.
//!
//! ingest → segment → quotes (marks + cues) → attribution → entities → resolve. Each stage is a
//! pure function over the article; [`extract`] wires them and returns data plus diagnostics.
//! [`extract_all`] runs articles in parallel and keeps the input order.

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Diagnostic;
use crate::ingest::Article;
use crate::lexicon::Lexicon;
use crate::quotes::{Link, Quote, QuoteKind};
use crate::{attribution, entities, quotes, resolve, segment};

/// Everything found in one article.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub doc_id: String,
    pub title: Option<String>,
    pub text: String,
    pub quotes: Vec<Quote>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs every stage over one article.
pub fn extract(article: &Article) -> Extraction {
    let lex = Lexicon::builtin();
    let text = &article.text;
    let seg = segment::segment(text, article.body, lex);
    let (mut found, quoted) = quotes::find(text, &seg, lex);
    attribution::attribute(&mut found, &quoted);
    let names = entities::index(text, &seg, lex);
    resolve::resolve(text, &names, &mut found, lex);
    let mut diagnostics = article.diagnostics.clone();
    for q in quoted.iter().filter(|q| q.unbalanced) {
        diagnostics.push(Diagnostic {
            doc_id: article.id.clone(),
            offset: Some(seg.tokens[q.open].span.start),
            message: "quotation mark opened but never closed in its paragraph".into(),
        });
    }
    Extraction {
        doc_id: article.id.clone(),
        title: article.title.clone(),
        text: text.clone(),
        quotes: found,
        diagnostics,
    }
}

/// Extracts many articles on all cores, in input order.
pub fn extract_all(articles: &[Article]) -> Vec<Extraction> {
    articles.par_iter().map(extract).collect()
}

/// Convenience for tests and examples: one plain-text article.
pub fn extract_text(id: &str, text: &str) -> Extraction {
    extract(&Article::new(id, text.to_string(), None))
}

/// A quote in the flat prediction format of `shared/eval/README.md` (one JSON object a line).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteRecord {
    pub doc_id: String,
    pub content: String,
    pub kind: QuoteKind,
    pub cue: Option<String>,
    pub speaker: Option<String>,
    pub speaker_mention: Option<String>,
    pub speaker_type: Option<&'static str>,
    pub content_start: usize,
    pub content_end: usize,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub confidence: f32,
    pub link: Link,
}

impl Extraction {
    pub fn records(&self) -> Vec<QuoteRecord> {
        self.quotes
            .iter()
            .map(|q| {
                let sp = q.speaker.as_ref();
                QuoteRecord {
                    doc_id: self.doc_id.clone(),
                    content: q.content.of(&self.text).to_string(),
                    kind: q.kind,
                    cue: q.cue.map(|c| c.of(&self.text).to_string()),
                    speaker: sp.map(|s| s.canonical.clone().unwrap_or_else(|| s.mention.clone())),
                    speaker_mention: sp.map(|s| s.mention.clone()),
                    speaker_type: sp.and_then(|s| s.kind).map(|k| k.as_str()),
                    content_start: q.content.start,
                    content_end: q.content.end,
                    speaker_start: sp.map(|s| s.span.start),
                    speaker_end: sp.map(|s| s.span.end),
                    confidence: (q.confidence * 100.0).round() / 100.0,
                    link: q.link,
                }
            })
            .collect()
    }
}
