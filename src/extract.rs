//! One article's extraction: the article-level stages in order.
//!
//! segment → quotes (marks + cues) → attribution → entities → resolve. Each stage is a pure
//! function over the article; [`extract`] wires them and returns data plus diagnostics.
//! [`extract_all`] runs articles in parallel and keeps the input order. Corpus-level work
//! (facts, canon, stance aggregation, the store) sits above this module; see [`crate::pipeline`].

use rayon::prelude::*;
use serde::Serialize;

use crate::entities::Mention;
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
    /// Entity mentions of the body, in text order (see [`entities::find_mentions`]); filled by
    /// [`extract_with_entities`] only: finding quotes and speakers does not need them.
    pub mentions: Vec<Mention>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds the quotes of one article and their speakers (what `quotegraph extract` prints).
pub fn extract(article: &Article) -> Extraction {
    run(article, false)
}

/// [`extract`], plus every entity mention of the article (what the graph needs).
pub fn extract_with_entities(article: &Article) -> Extraction {
    run(article, true)
}

fn run(article: &Article, with_entities: bool) -> Extraction {
    let lex = Lexicon::builtin();
    let text = &article.text;
    let seg = segment::segment(text, article.body, lex);
    let (mut found, quoted) = quotes::find(text, &seg, lex);
    attribution::attribute(&mut found, &quoted);
    // Mentions do not depend on what `resolve` decides: both read the name index.
    let (names, mentions) = if with_entities {
        entities::index_and_mentions(text, &seg, lex)
    } else {
        (entities::index(text, &seg, lex), Vec::new())
    };
    resolve::resolve(text, &names, &mut found, lex);
    let mut diagnostics = article.diagnostics.clone();
    for q in quoted.iter().filter(|q| q.unbalanced) {
        diagnostics.push(Diagnostic {
            doc_id: article.id.clone(),
            offset: Some(seg.tokens[q.open].span.start),
            message: "unbalanced quotation mark: opened but never closed in its paragraph".into(),
        });
    }
    Extraction {
        doc_id: article.id.clone(),
        title: article.title.clone(),
        text: text.clone(),
        quotes: found,
        mentions,
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
    /// The same spans in characters (Unicode scalar values) rather than UTF-8 bytes, for
    /// languages whose strings index by character (Python `text[a:b]`; in JavaScript
    /// `Array.from(text).slice(a, b).join("")`, since JS strings index UTF-16 units).
    pub content_char_start: usize,
    pub content_char_end: usize,
    pub speaker_char_start: Option<usize>,
    pub speaker_char_end: Option<usize>,
    pub confidence: f32,
    pub link: Link,
}

/// The character offsets of byte offsets into `text`, in one pass over it (linear however many
/// offsets are asked for).
pub(crate) fn char_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_by_key(|&i| bytes[i]);
    let mut out = vec![0; bytes.len()];
    let (mut pos, mut chars) = (0, 0);
    for i in order {
        let at = bytes[i].min(text.len());
        // Every byte that does not continue a character starts one.
        chars += text.as_bytes()[pos..at]
            .iter()
            .filter(|&&b| b & 0xc0 != 0x80)
            .count();
        pos = at;
        out[i] = chars;
    }
    out
}

impl Extraction {
    pub fn records(&self) -> Vec<QuoteRecord> {
        let mut offsets = Vec::with_capacity(self.quotes.len() * 4);
        for q in &self.quotes {
            let sp = q.speaker.as_ref().map(|s| s.span);
            offsets.extend([q.content.start, q.content.end]);
            offsets.extend([sp.map_or(0, |s| s.start), sp.map_or(0, |s| s.end)]);
        }
        let chars = char_offsets(&self.text, &offsets);
        self.quotes
            .iter()
            .zip(chars.chunks(4))
            .map(|(q, c)| {
                let sp = q.speaker.as_ref();
                QuoteRecord {
                    doc_id: self.doc_id.clone(),
                    content: q.content.of(&self.text).to_string(),
                    kind: q.kind,
                    cue: q.cue.map(|c| c.of(&self.text).to_string()),
                    // An unresolved pronoun names nobody: the speaker is then unknown (null).
                    speaker: sp.and_then(|s| {
                        s.canonical.clone().or_else(|| {
                            let pronoun = Lexicon::builtin().pronoun(&s.mention.to_lowercase());
                            pronoun.is_none().then(|| s.mention.clone())
                        })
                    }),
                    speaker_mention: sp.map(|s| s.mention.clone()),
                    speaker_type: sp.and_then(|s| s.kind).map(|k| k.as_str()),
                    content_start: q.content.start,
                    content_end: q.content.end,
                    speaker_start: sp.map(|s| s.span.start),
                    speaker_end: sp.map(|s| s.span.end),
                    content_char_start: c[0],
                    content_char_end: c[1],
                    speaker_char_start: sp.map(|_| c[2]),
                    speaker_char_end: sp.map(|_| c[3]),
                    confidence: (q.confidence * 100.0).round() / 100.0,
                    link: q.link,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use crate::text::newsish;

    proptest! {
        /// Whatever the text, extraction returns spans that index it.
        #[test]
        fn every_span_indexes_the_original_text(text in newsish()) {
            let x = super::extract_text("p", &text);
            for r in x.records() {
                prop_assert!(r.content_start <= r.content_end && r.content_end <= text.len());
                prop_assert_eq!(&text[r.content_start..r.content_end], r.content.as_str());
                if let (Some(s), Some(e)) = (r.speaker_start, r.speaker_end) {
                    prop_assert_eq!(&text[s..e], r.speaker_mention.as_deref().unwrap());
                    let chars: String = text.chars().skip(r.speaker_char_start.unwrap())
                        .take(r.speaker_char_end.unwrap() - r.speaker_char_start.unwrap()).collect();
                    prop_assert_eq!(chars.as_str(), &text[s..e]);
                }
                let chars: String = text.chars().skip(r.content_char_start)
                    .take(r.content_char_end - r.content_char_start).collect();
                prop_assert_eq!(chars, r.content.clone());
                prop_assert!((0.0..=1.0).contains(&r.confidence));
            }
        }
    }
}

#[cfg(test)]
mod char_offset_tests {
    #[test]
    fn byte_offsets_become_character_offsets() {
        let text = "Zoë said “ok” 🙂 here";
        let table = [
            (0, 0),
            (4, 3),
            (10, 9),
            (13, 10),
            (15, 12),
            (18, 13),
            (23, 15),
        ];
        let bytes: Vec<usize> = table.iter().rev().map(|&(b, _)| b).collect();
        let got = super::char_offsets(text, &bytes);
        let want: Vec<usize> = table.iter().rev().map(|&(_, c)| c).collect();
        assert_eq!(got, want);
    }
}
