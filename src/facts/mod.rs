//! Article facts: what one article says, in a form that no longer needs the article's text.
//!
//! Takes an [`Article`] and its [`Extraction`]; gives [`ArticleFacts`]: its quotes (with their
//! speakers as the article names them), its entity mentions, and the stance each quote takes
//! toward each target, all named at article level (`Mark Rutte`, not an entity id). Everything
//! after this point (canonical entities, aggregated stances, the graph) is computed from facts
//! alone, so facts are the unit of distribution: extract shards anywhere, then build one graph
//! from all their facts (`graph::merge` does exactly that).
//!
//! [`format`] is the versioned file form of facts (`*.facts.jsonl` shards), kept apart from
//! these types so that they can change without changing the files.

pub mod format;

/// The fingerprint of the code and data that make facts (`VERSION+HASH`, computed by
/// `build.rs` over the extraction sources and `data/`): equal fingerprints, equal facts for
/// equal text. A store records it (`Store::extractor`), so `build` knows when to extract again.
pub const EXTRACTOR: &str = env!("QUOTEGRAPH_EXTRACTOR");

use serde::{Deserialize, Serialize};

use crate::entities::Mention;
use crate::extract::Extraction;
use crate::ingest::Article;
use crate::lexicon::EntityKind;
use crate::quotes::QuoteKind;
use crate::stance;
pub use crate::stance::StanceFact;
use crate::text::Span;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleFacts {
    pub doc_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// [`content_hash`] of the article text: the same id with another hash is a changed article.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub content_hash: String,
    pub quotes: Vec<QuoteFact>,
    pub mentions: Vec<MentionFact>,
    pub stances: Vec<StanceFact>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteFact {
    pub content: String,
    pub kind: QuoteKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<SpeakerFact>,
    /// Byte offsets of the content in the article text.
    pub start: usize,
    pub end: usize,
    /// The same span in characters (Python `text[a:b]`), when the facts were made from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_end: Option<usize>,
    pub confidence: f32,
    /// The sentence(s) holding the quote, for display.
    pub context: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerFact {
    /// The article-level name (`Mark Rutte`), or the mention itself when unresolved.
    pub name: String,
    pub kind: EntityKind,
    /// The words in the text (`he`, `the Ukrainian president`).
    pub mention: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionFact {
    pub kind: EntityKind,
    /// The article-level name (`Mark Rutte` for `Rutte`).
    pub name: String,
    /// The words in the text.
    pub alias: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<String>,
    pub start: usize,
    pub end: usize,
    /// The same span in characters, when the facts were made from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_end: Option<usize>,
}

/// The facts of one extracted article.
pub fn of(article: &Article, x: &Extraction) -> ArticleFacts {
    // Character offsets of every span, in one pass over the text.
    let mentions: Vec<&Mention> = x
        .mentions
        .iter()
        .filter(|m| !matches!(m.kind, EntityKind::Date | EntityKind::Money))
        .collect();
    let bytes: Vec<usize> = x
        .quotes
        .iter()
        .flat_map(|q| [q.content.start, q.content.end])
        .chain(mentions.iter().flat_map(|m| [m.span.start, m.span.end]))
        .collect();
    let chars = crate::extract::char_offsets(&x.text, &bytes);
    let (quote_chars, mention_chars) = chars.split_at(x.quotes.len() * 2);
    let quotes = x
        .quotes
        .iter()
        .zip(quote_chars.chunks(2))
        .map(|(q, c)| QuoteFact {
            content: q.content.of(&x.text).to_string(),
            kind: q.kind,
            cue: q.cue.map(|c| c.of(&x.text).to_string()),
            speaker: q.speaker.as_ref().and_then(|s| {
                let kind = s.kind?;
                Some(SpeakerFact {
                    name: s.canonical.clone()?,
                    kind,
                    mention: s.mention.clone(),
                })
            }),
            start: q.content.start,
            end: q.content.end,
            char_start: Some(c[0]),
            char_end: Some(c[1]),
            confidence: (q.confidence * 100.0).round() / 100.0,
            context: context(&x.text, q.content),
        })
        .collect();
    let mentions = mentions
        .into_iter()
        .zip(mention_chars.chunks(2))
        .map(|(m, c)| MentionFact {
            kind: m.kind,
            name: m.canonical.clone(),
            alias: m.span.of(&x.text).trim().to_string(),
            role: display_role(&x.text, m),
            affiliations: m.affiliations.clone(),
            start: m.span.start,
            end: m.span.end,
            char_start: Some(c[0]),
            char_end: Some(c[1]),
        })
        .collect();
    ArticleFacts {
        doc_id: article.id.clone(),
        title: article.title.clone(),
        source: article.source.clone(),
        url: article.url.clone(),
        date: article.date.clone(),
        author: article.author.clone(),
        content_hash: content_hash(&article.text),
        quotes,
        mentions,
        stances: stance::in_article(x),
    }
}

/// A short, stable fingerprint of an article's text (16 hex digits of a 64-bit FNV-1a hash):
/// what tells a changed article from the same one read again.
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", crate::text::stable_hash(text))
}

/// The role words of a person mention as written, `Secretary-General` as `Secretary General`.
fn display_role(text: &str, m: &Mention) -> Option<String> {
    let role = text[m.span.start..m.name.start].trim();
    if role.is_empty() || m.kind != EntityKind::Person {
        return None;
    }
    let role = role.replace(['-', '‐'], " ");
    Some(role.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The line (paragraph) holding `span`, clipped to about 400 bytes around it.
fn context(text: &str, span: Span) -> String {
    let (lo, hi) = (span.start.saturating_sub(200), span.end + 200);
    let (start, end) = line_around(text, span, lo, hi);
    let mut a = start.max(lo);
    let mut b = end.min(hi);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    while !text.is_char_boundary(b) {
        b += 1;
    }
    let mut s = text[a..b].trim().to_string();
    if a > start {
        s.insert(0, '…');
    }
    if b < end {
        s.push('…');
    }
    s
}

/// The start and end of the line holding `span`, looked for only a few bytes beyond `lo` and
/// `hi` (the cut of the context) so that a long line costs no more than a short one: a line
/// start before that window is given as 0 and a line end after it as the text's end, which
/// cut the context the same way.
fn line_around(text: &str, span: Span, lo: usize, hi: usize) -> (usize, usize) {
    const CHAR: usize = 4; // the most bytes of one character
    let mut from = lo.saturating_sub(CHAR);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (hi + CHAR).min(text.len()).max(span.end);
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let start = text[from..span.start]
        .rfind('\n')
        .map_or(0, |i| from + i + 1);
    let end = text[span.end..to]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    (start, end)
}

#[cfg(test)]
mod context_tests {
    use proptest::prelude::*;

    use super::context;
    use crate::text::Span;

    /// The context as it was computed before, from the whole line.
    fn context_reference(text: &str, span: Span) -> String {
        let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[span.end..]
            .find('\n')
            .map_or(text.len(), |i| span.end + i);
        let mut a = start.max(span.start.saturating_sub(200));
        let mut b = end.min(span.end + 200);
        while !text.is_char_boundary(a) {
            a -= 1;
        }
        while !text.is_char_boundary(b) {
            b += 1;
        }
        let mut s = text[a..b].trim().to_string();
        if a > start {
            s.insert(0, '…');
        }
        if b < end {
            s.push('…');
        }
        s
    }

    proptest! {
        #[test]
        fn the_context_is_the_one_the_whole_line_gives(
            parts in proptest::collection::vec(r"[a-z ]{0,150}|é|“|\n|\PC{1,3}", 0..12),
            at in 0usize..2000,
            len in 0usize..300,
        ) {
            let text = parts.concat();
            let mut start = at.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let span = Span::new(start, end.max(start));
            prop_assert_eq!(context(&text, span), context_reference(&text, span));
        }
    }
}
