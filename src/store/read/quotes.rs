//! Quotes: by their words (the full-text index), by wording, by speaker, by what they name.

use std::collections::BTreeSet;

use rusqlite::{params_from_iter, OptionalExtension, Row};

use super::{renumber, Filter};
use crate::graph::{quote_key, Occurrence};
use crate::quotes::QuoteKind;
use crate::store::rows::{int, parse, uint};
use crate::store::{Store, StoreError};

/// One stored quote (one occurrence of its wording) with its article's date and outlet.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteRow {
    pub id: i64,
    pub doc_id: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub idx: usize,
    pub kind: QuoteKind,
    pub content: String,
    pub context: String,
    pub cue: Option<String>,
    pub speaker_id: Option<String>,
    pub speaker_mention: Option<String>,
    pub span: (usize, usize),
    pub chars: (Option<usize>, Option<usize>),
    pub wording: Option<u64>,
}

impl QuoteRow {
    pub fn occurrence(&self) -> Occurrence {
        Occurrence {
            article: format!("article:{}", self.doc_id),
            speaker: self.speaker_id.clone(),
            speaker_mention: self.speaker_mention.clone(),
            cue: self.cue.clone(),
            kind: self.kind,
            start: self.span.0,
            end: self.span.1,
            char_start: self.chars.0,
            char_end: self.chars.1,
            context: self.context.clone(),
            date: self.date.clone(),
            source: self.source.clone(),
        }
    }
}

/// The columns [`quote_row`] reads (quotes `q` joined to articles `a`).
pub(crate) const QUOTE_COLUMNS: &str = "q.id, a.doc_id, a.date, a.source, q.idx, q.kind, \
     q.content, q.context, q.cue, q.entity_id, q.speaker_mention, q.byte_start, q.byte_end, \
     q.char_start, q.char_end, q.wording";

/// Other forms of words a fuzzy search accepts: `same(word, query_word)`, looked up in the
/// index by each query word's prefix (an empty prefix: the word only).
#[derive(Clone, Copy)]
pub struct Forms<'a> {
    pub same: &'a dyn Fn(&str, &str) -> bool,
    pub prefixes: &'a [String],
}

pub(crate) fn quote_row(r: &Row) -> rusqlite::Result<QuoteRow> {
    quote_row_at(r, 0)
}

/// [`quote_row`] reading from column `at` on.
pub(crate) fn quote_row_at(r: &Row, at: usize) -> rusqlite::Result<QuoteRow> {
    let kind: String = r.get(at + 5)?;
    Ok(QuoteRow {
        id: r.get(at)?,
        doc_id: r.get(at + 1)?,
        date: r.get(at + 2)?,
        source: r.get(at + 3)?,
        idx: uint(r.get(at + 4)?),
        kind: parse(&kind).unwrap_or(QuoteKind::Direct),
        content: r.get(at + 6)?,
        context: r.get(at + 7)?,
        cue: r.get(at + 8)?,
        speaker_id: r.get(at + 9)?,
        speaker_mention: r.get(at + 10)?,
        span: (uint(r.get(at + 11)?), uint(r.get(at + 12)?)),
        chars: (
            r.get::<_, Option<i64>>(at + 13)?.map(uint),
            r.get::<_, Option<i64>>(at + 14)?.map(uint),
        ),
        wording: r.get::<_, Option<i64>>(at + 15)?.map(|w| w as u64),
    })
}

impl Store {
    /// The wordings (quote nodes) whose words hold `words` in a row, through the full-text
    /// index; with `fuzzy`, a word also matches the words `fuzzy(word, query_word)` accepts,
    /// looked up by the prefixes given (an empty prefix: the word only). Every candidate is
    /// checked word by word. Sorted.
    pub fn wordings_with(
        &self,
        words: &[String],
        fuzzy: Option<Forms>,
    ) -> Result<Vec<u64>, StoreError> {
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let quoted = |w: &str| format!("\"{}\"", w.replace('"', ""));
        let query = match fuzzy {
            None => quoted(&words.join(" ")),
            Some(forms) => words
                .iter()
                .zip(forms.prefixes)
                .map(|(w, p)| {
                    if p.is_empty() {
                        quoted(w)
                    } else {
                        format!("({} OR {}*)", quoted(w), quoted(p))
                    }
                })
                .collect::<Vec<_>>()
                .join(" AND "),
        };
        let found: Vec<i64> = self
            .conn
            .prepare_cached("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?1 ORDER BY rowid")
            .and_then(|mut s| s.query_map([query], |r| r.get(0))?.collect())
            .map_err(|e| self.err(e))?;
        let same = |a: &str, b: &str| a == b || fuzzy.is_some_and(|f| (f.same)(a, b));
        let mut text = self
            .conn
            .prepare_cached("SELECT content FROM quotes WHERE wording = ?1 LIMIT 1")
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for w in found {
            let content: Option<String> = text
                .query_row([w], |r| r.get(0))
                .optional()
                .map_err(|e| self.err(e))?;
            let Some(content) = content else { continue };
            let key = quote_key(&content);
            let qw: Vec<&str> = key.split(' ').collect();
            if qw
                .windows(words.len())
                .any(|win| win.iter().zip(words).all(|(a, b)| same(a, b)))
            {
                out.push(w as u64);
            }
        }
        out.sort_unstable();
        Ok(out)
    }

    /// The speakers (entity ids; `None` for unattributed) of a wording's occurrences within the
    /// filter.
    pub fn speakers_of(
        &self,
        wording: u64,
        filter: &Filter,
    ) -> Result<BTreeSet<Option<String>>, StoreError> {
        let (cond, values) = filter.sql();
        let sql = format!(
            "SELECT DISTINCT q.entity_id FROM quotes q JOIN articles a ON a.id = q.article_id \
             WHERE q.wording = ?{cond}"
        );
        let args = std::iter::once(rusqlite::types::Value::Integer(wording as i64))
            .chain(values.into_iter().map(rusqlite::types::Value::Text));
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_map(params_from_iter(args), |r| r.get(0))?.collect())
            .map_err(|e| self.err(e))
    }

    /// Every occurrence of a quote's wording within the filter, in article order, at most
    /// `limit`; and how many there are in all.
    pub fn occurrences(
        &self,
        wording: u64,
        filter: &Filter,
        limit: usize,
    ) -> Result<(Vec<QuoteRow>, usize), StoreError> {
        let (cond, values) = filter.sql();
        let from = format!(
            "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.wording = ?{cond}"
        );
        let args = || {
            std::iter::once(rusqlite::types::Value::Integer(wording as i64))
                .chain(values.iter().cloned().map(rusqlite::types::Value::Text))
        };
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) {from}"))
            .and_then(|mut s| s.query_row(params_from_iter(args()), |r| r.get(0)))
            .map_err(|e| self.err(e))?;
        let rows = self
            .conn
            .prepare_cached(&format!(
                "SELECT {QUOTE_COLUMNS} {from} ORDER BY a.doc_id, q.idx LIMIT {}",
                int(limit)
            ))
            .and_then(|mut s| s.query_map(params_from_iter(args()), quote_row)?.collect())
            .map_err(|e| self.err(e))?;
        Ok((rows, uint(total)))
    }

    /// Quotes a speaker said (within the filter), in id order.
    pub fn quotes_of(&self, speaker: &str, filter: &Filter) -> Result<Vec<QuoteRow>, StoreError> {
        let (cond, values) = filter.sql();
        let sql = format!(
            "SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id \
             WHERE q.entity_id = ?{cond} ORDER BY q.wording, a.doc_id, q.idx"
        );
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(
                    params_from_iter(std::iter::once(speaker.to_string()).chain(values)),
                    quote_row,
                )?
                .collect()
            })
            .map_err(|e| self.err(e))
    }

    /// Quotes that name an entity (a mention inside their words, or a stance target).
    pub fn quotes_naming(
        &self,
        entity: &str,
        filter: &Filter,
    ) -> Result<Vec<QuoteRow>, StoreError> {
        let (cond, values) = filter.sql();
        let sql = format!(
            "SELECT {QUOTE_COLUMNS} FROM entity_articles e \
             JOIN mentions m ON m.id BETWEEN (e.article_id << 24) + (2 << 22) \
                 AND (e.article_id << 24) + (3 << 22) - 1 AND m.entity_id = e.entity_id \
             JOIN quotes q ON q.article_id = e.article_id \
             JOIN articles a ON a.id = q.article_id \
             WHERE e.entity_id = ?1 AND q.mention_items IS NOT NULL \
             AND EXISTS (SELECT 1 FROM json_each(q.mention_items) j WHERE j.value = m.item){cond} \
             UNION SELECT {QUOTE_COLUMNS} FROM entity_articles e \
             JOIN mentions m ON m.id BETWEEN (e.article_id << 24) + (1 << 22) \
                 AND (e.article_id << 24) + (2 << 22) - 1 AND m.entity_id = e.entity_id \
             JOIN stance_evidence s ON s.article_id = e.article_id AND s.idx = m.item \
             JOIN quotes q ON q.article_id = s.article_id AND q.idx = s.quote_idx \
             JOIN articles a ON a.id = q.article_id \
             WHERE e.entity_id = ?1{cond2} ORDER BY 1",
            cond = renumber(&cond, 2),
            cond2 = renumber(&cond, 2 + values.len()),
        );
        let args = std::iter::once(entity.to_string())
            .chain(values.iter().cloned())
            .chain(values.iter().cloned());
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_map(params_from_iter(args), quote_row)?.collect())
            .map_err(|e| self.err(e))
    }
}
