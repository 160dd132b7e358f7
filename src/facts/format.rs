//! The facts file format, version 1: what one article says, as one line of JSON.
//!
//! Facts are the unit of distribution: a shard (`*.facts.jsonl`, optionally `.gz` or `.zst`)
//! holds one article a line, made anywhere (another machine, a Spark job through the Python
//! package) and loaded into one store with `quotegraph ingest --facts`. The types here are the
//! file's, kept apart from [`ArticleFacts`] so that the internal types can change while files
//! written earlier still read the same; a change to the file's meaning bumps
//! [`SCHEMA_VERSION`], and a reader refuses a version it does not know.
//!
//! ```json
//! {"schema_version": 1, "doc_id": "a1", "title": "Talks resume", "source": "Daily Courier",
//!  "url": "https://example.org/a1", "date": "2024-03-05", "author": "Ana Ruiz",
//!  "content_hash": "5d41402abc4b2a76",
//!  "quotes": [{"start": 3, "end": 27, "kind": "direct", "content": "We hope for a deal,",
//!              "cue": "said", "speaker": {"name": "Lena Ortiz", "kind": "person",
//!              "mention": "Ortiz"}, "confidence": 0.9, "context": "“We hope for a deal,” …"}],
//!  "mentions": [{"start": 30, "end": 35, "kind": "person", "name": "Lena Ortiz",
//!                "alias": "Ortiz", "role": "Mayor", "affiliations": ["Estrelle"]}],
//!  "stances": [{"quote": 0, "kind": "place", "name": "Estrelle", "score": 0.5}]}
//! ```
//!
//! - `start` / `end`: UTF-8 byte offsets into the article text as quotegraph read it
//!   (`start <= end`); `char_start` / `char_end` (optional): the same span in characters, for
//!   Python and JavaScript; `quote` in a stance is an index into `quotes`.
//! - `kind` of a quote: `direct`, `mixed` or `indirect`; of an entity: `person`, `org`, `place`,
//!   `outlet`, `anonymous`, `equipment`.
//! - `content_hash`: 16 hex digits identifying the text (the same `doc_id` with another hash is a
//!   changed article); `confidence` in [0, 1], `score` in [-1, 1].
//! - Optional fields may be absent; unknown fields are ignored, so a later version 1 writer may
//!   add fields without breaking readers.
//!
//! [`to_line`] writes a line, [`from_line`] reads and [`validate`]s one. Neither does IO.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{ArticleFacts, MentionFact, QuoteFact, SpeakerFact, StanceFact};
use crate::lexicon::EntityKind;
use crate::quotes::QuoteKind;

/// The version this quotegraph writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Why a line is not facts quotegraph can use. Messages have no trailing full stop; the caller
/// puts the file and line in front.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum FormatError {
    #[error("not facts JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("no schema_version: not a quotegraph facts record")]
    NoVersion,
    #[error("facts schema_version {0} is not one this quotegraph reads (it reads {SCHEMA_VERSION}); use the quotegraph that wrote it, or a newer one")]
    Version(u64),
    #[error("facts schema_version is not a whole number")]
    VersionType,
    #[error("inconsistent facts for {doc_id:?}: {problem}")]
    Invalid { doc_id: String, problem: String },
}

#[derive(Serialize, Deserialize)]
struct RecordV1 {
    schema_version: u32,
    doc_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    #[serde(default)]
    content_hash: String,
    #[serde(default)]
    quotes: Vec<QuoteV1>,
    #[serde(default)]
    mentions: Vec<MentionV1>,
    #[serde(default)]
    stances: Vec<StanceV1>,
}

#[derive(Serialize, Deserialize)]
struct QuoteV1 {
    start: usize,
    end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    char_start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    char_end: Option<usize>,
    kind: QuoteKind,
    content: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker: Option<SpeakerV1>,
    #[serde(default)]
    confidence: f32,
    #[serde(default)]
    context: String,
}

#[derive(Serialize, Deserialize)]
struct SpeakerV1 {
    name: String,
    kind: EntityKind,
    mention: String,
}

#[derive(Serialize, Deserialize)]
struct MentionV1 {
    start: usize,
    end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    char_start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    char_end: Option<usize>,
    kind: EntityKind,
    name: String,
    alias: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    affiliations: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct StanceV1 {
    quote: usize,
    kind: EntityKind,
    name: String,
    score: f32,
}

/// One article's facts as a line of the facts format (no trailing newline).
pub fn to_line(f: &ArticleFacts) -> String {
    let record = RecordV1 {
        schema_version: SCHEMA_VERSION,
        doc_id: f.doc_id.clone(),
        title: f.title.clone(),
        source: f.source.clone(),
        url: f.url.clone(),
        date: f.date.clone(),
        author: f.author.clone(),
        content_hash: f.content_hash.clone(),
        quotes: f.quotes.iter().map(QuoteV1::from).collect(),
        mentions: f.mentions.iter().map(MentionV1::from).collect(),
        stances: f.stances.iter().map(StanceV1::from).collect(),
    };
    // Plain data with string keys: serialising cannot fail.
    serde_json::to_string(&record).unwrap_or_default()
}

/// Reads one line of the facts format and checks it ([`validate`]).
pub fn from_line(line: &str) -> Result<ArticleFacts, FormatError> {
    let value: serde_json::Value = serde_json::from_str(line)?;
    match value.get("schema_version").map(serde_json::Value::as_u64) {
        None => return Err(FormatError::NoVersion),
        Some(Some(v)) if v == u64::from(SCHEMA_VERSION) => {}
        Some(Some(v)) => return Err(FormatError::Version(v)),
        Some(None) => return Err(FormatError::VersionType),
    }
    let r: RecordV1 = serde_json::from_value(value)?;
    let facts = ArticleFacts {
        doc_id: r.doc_id,
        title: r.title,
        source: r.source,
        url: r.url,
        date: r.date,
        author: r.author,
        content_hash: r.content_hash,
        quotes: r.quotes.into_iter().map(QuoteFact::from).collect(),
        mentions: r.mentions.into_iter().map(MentionFact::from).collect(),
        stances: r.stances.into_iter().map(StanceFact::from).collect(),
    };
    validate(&facts)?;
    Ok(facts)
}

/// Checks what later stages rely on: a doc id, spans with `start <= end`, stances that point at
/// a quote of the article, finite scores in range, entity kinds that name entities.
pub fn validate(f: &ArticleFacts) -> Result<(), FormatError> {
    let bad = |problem: String| FormatError::Invalid {
        doc_id: f.doc_id.clone(),
        problem,
    };
    if f.doc_id.trim().is_empty() {
        return Err(bad("empty doc_id".into()));
    }
    for (i, q) in f.quotes.iter().enumerate() {
        if q.start > q.end || q.char_start > q.char_end {
            return Err(bad(format!("quote {i} starts after it ends")));
        }
        if !(0.0..=1.0).contains(&q.confidence) {
            return Err(bad(format!("quote {i} has confidence {}", q.confidence)));
        }
        if let Some(s) = &q.speaker {
            if !is_entity(s.kind) || s.name.trim().is_empty() {
                return Err(bad(format!(
                    "quote {i} has a speaker without a name or kind"
                )));
            }
        }
    }
    for (i, m) in f.mentions.iter().enumerate() {
        if m.start > m.end || m.char_start > m.char_end {
            return Err(bad(format!("mention {i} starts after it ends")));
        }
        if !is_entity(m.kind) || m.name.trim().is_empty() {
            return Err(bad(format!("mention {i} has no name or is not an entity")));
        }
    }
    for (i, s) in f.stances.iter().enumerate() {
        if s.quote >= f.quotes.len() {
            return Err(bad(format!(
                "stance {i} points at quote {} of {}",
                s.quote,
                f.quotes.len()
            )));
        }
        if !(-1.0..=1.0).contains(&s.score) {
            return Err(bad(format!("stance {i} has score {}", s.score)));
        }
        if !is_entity(s.kind) || s.name.trim().is_empty() {
            return Err(bad(format!(
                "stance {i} has a target without a name or kind"
            )));
        }
    }
    Ok(())
}

fn is_entity(kind: EntityKind) -> bool {
    !matches!(kind, EntityKind::Money | EntityKind::Date)
}

impl From<&QuoteFact> for QuoteV1 {
    fn from(q: &QuoteFact) -> Self {
        QuoteV1 {
            start: q.start,
            end: q.end,
            char_start: q.char_start,
            char_end: q.char_end,
            kind: q.kind,
            content: q.content.clone(),
            cue: q.cue.clone(),
            speaker: q.speaker.as_ref().map(|s| SpeakerV1 {
                name: s.name.clone(),
                kind: s.kind,
                mention: s.mention.clone(),
            }),
            confidence: q.confidence,
            context: q.context.clone(),
        }
    }
}

impl From<QuoteV1> for QuoteFact {
    fn from(q: QuoteV1) -> Self {
        QuoteFact {
            content: q.content,
            kind: q.kind,
            cue: q.cue,
            speaker: q.speaker.map(|s| SpeakerFact {
                name: s.name,
                kind: s.kind,
                mention: s.mention,
            }),
            start: q.start,
            end: q.end,
            char_start: q.char_start,
            char_end: q.char_end,
            confidence: q.confidence,
            context: q.context,
        }
    }
}

impl From<&MentionFact> for MentionV1 {
    fn from(m: &MentionFact) -> Self {
        MentionV1 {
            start: m.start,
            end: m.end,
            char_start: m.char_start,
            char_end: m.char_end,
            kind: m.kind,
            name: m.name.clone(),
            alias: m.alias.clone(),
            role: m.role.clone(),
            affiliations: m.affiliations.clone(),
        }
    }
}

impl From<MentionV1> for MentionFact {
    fn from(m: MentionV1) -> Self {
        MentionFact {
            kind: m.kind,
            name: m.name,
            alias: m.alias,
            role: m.role,
            affiliations: m.affiliations,
            start: m.start,
            end: m.end,
            char_start: m.char_start,
            char_end: m.char_end,
        }
    }
}

impl From<&StanceFact> for StanceV1 {
    fn from(s: &StanceFact) -> Self {
        StanceV1 {
            quote: s.quote,
            kind: s.kind,
            name: s.name.clone(),
            score: s.score,
        }
    }
}

impl From<StanceV1> for StanceFact {
    fn from(s: StanceV1) -> Self {
        StanceFact {
            quote: s.quote,
            kind: s.kind,
            name: s.name,
            score: s.score,
        }
    }
}

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
