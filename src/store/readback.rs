//! The stored facts read back from the rows, in the versioned facts' shape (for `merge`, fact
//! shards and `export -f facts`).

use rusqlite::{params, Connection};

use super::rows::{int, parse, uint};
use super::{Store, StoreError};
use crate::facts::{ArticleFacts, MentionFact, QuoteFact, SpeakerFact, StanceFact};

/// The stored facts, in doc-id order, `batch` articles at a time.
pub(super) fn facts(
    store: &Store,
    batch: usize,
    each: &mut dyn FnMut(Vec<ArticleFacts>) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let conn = &store.conn;
    let err = |e| store.err(e);
    let mut after = String::new();
    loop {
        let heads: Vec<(i64, ArticleFacts)> = conn
            .prepare_cached(
                "SELECT id, doc_id, title, source, url, date, author, content_hash FROM articles \
                 WHERE doc_id > ?1 ORDER BY doc_id LIMIT ?2",
            )
            .map_err(err)?
            .query_map(params![after, int(batch.max(1))], |r| {
                Ok((
                    r.get(0)?,
                    ArticleFacts {
                        doc_id: r.get(1)?,
                        title: r.get(2)?,
                        source: r.get(3)?,
                        url: r.get(4)?,
                        date: r.get(5)?,
                        author: r.get(6)?,
                        content_hash: r.get(7)?,
                        ..ArticleFacts::default()
                    },
                ))
            })
            .map_err(err)?
            .collect::<Result<_, _>>()
            .map_err(err)?;
        let Some((_, last)) = heads.last() else {
            return Ok(());
        };
        after = last.doc_id.clone();
        let mut out = Vec::with_capacity(heads.len());
        for (id, mut f) in heads {
            fill(conn, id, &mut f).map_err(err)?;
            out.push(f);
        }
        each(out)?;
    }
}

/// Reads an article's quotes, mentions and stance facts into `f`.
fn fill(conn: &Connection, article: i64, f: &mut ArticleFacts) -> rusqlite::Result<()> {
    let bad = |what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown {what}").into(),
        )
    };
    let mut q = conn.prepare_cached(
        "SELECT content, kind, cue, speaker_name, speaker_kind, speaker_mention, byte_start, \
         byte_end, char_start, char_end, confidence, context FROM quotes WHERE article_id = ?1 \
         ORDER BY idx",
    )?;
    f.quotes = q
        .query_map([article], |r| {
            let kind: String = r.get(1)?;
            let speaker = match (
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ) {
                (Some(name), Some(kind)) => Some(SpeakerFact {
                    name,
                    kind: parse(&kind).ok_or_else(|| bad("entity kind"))?,
                    mention: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                }),
                _ => None,
            };
            Ok(QuoteFact {
                content: r.get(0)?,
                kind: parse(&kind).ok_or_else(|| bad("quote kind"))?,
                cue: r.get(2)?,
                speaker,
                start: uint(r.get(6)?),
                end: uint(r.get(7)?),
                char_start: r.get::<_, Option<i64>>(8)?.map(uint),
                char_end: r.get::<_, Option<i64>>(9)?.map(uint),
                confidence: r.get::<_, f64>(10)? as f32,
                context: r.get(11)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut m = conn.prepare_cached(
        "SELECT kind, name, coalesce(alias, name), role, affiliations, byte_start, byte_end, char_start, char_end \
         FROM mentions WHERE id BETWEEN (?1 << 24) + (2 << 22) AND (?1 << 24) + (3 << 22) - 1 \
         ORDER BY id",
    )?;
    f.mentions = m
        .query_map([article], |r| {
            let kind: String = r.get(0)?;
            let aff: Option<String> = r.get(4)?;
            Ok(MentionFact {
                kind: parse(&kind).ok_or_else(|| bad("entity kind"))?,
                name: r.get(1)?,
                alias: r.get(2)?,
                role: r.get(3)?,
                affiliations: aff
                    .and_then(|a| serde_json::from_str(&a).ok())
                    .unwrap_or_default(),
                start: uint(r.get::<_, Option<i64>>(5)?.unwrap_or(0)),
                end: uint(r.get::<_, Option<i64>>(6)?.unwrap_or(0)),
                char_start: r.get::<_, Option<i64>>(7)?.map(uint),
                char_end: r.get::<_, Option<i64>>(8)?.map(uint),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut s = conn.prepare_cached(
        "SELECT quote_idx, target_kind, target_name, score FROM stance_evidence \
         WHERE article_id = ?1 ORDER BY idx",
    )?;
    f.stances = s
        .query_map([article], |r| {
            let kind: String = r.get(1)?;
            Ok(StanceFact {
                quote: uint(r.get(0)?),
                kind: parse(&kind).ok_or_else(|| bad("entity kind"))?,
                name: r.get(2)?,
                score: r.get::<_, f64>(3)? as f32,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(())
}
