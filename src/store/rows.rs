//! Rows in and out: an article's facts as table rows, its sightings with their keys, and the
//! facts read back from the rows (for `merge` and fact shards).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{Store, StoreError};
use crate::canon::keys::{self, Key, Slot};
use crate::facts::{ArticleFacts, MentionFact, QuoteFact, SpeakerFact, StanceFact};
use crate::graph::{quote_key, quote_links};
use crate::lexicon::{EntityKind, Lexicon};

/// A value stored as its name (`person`, `direct`), read back.
pub(super) fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// A stored integer as a count or offset (a negative one is damage, read as 0).
pub(super) fn uint(v: i64) -> usize {
    usize::try_from(v).unwrap_or(0)
}

/// An `f32` as the `f64` of its shortest decimal form (`0.9`, not `0.8999999761581421`), which
/// reads back as the same `f32`.
pub(super) fn real(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

pub(super) fn int(v: usize) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// The kind of a sighting's own key, as stored in `mentions.key_kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeyKind {
    Person,
    LastName,
    Nominal,
    Local,
    Named,
}

impl KeyKind {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            KeyKind::Person => "person",
            KeyKind::LastName => "last_name",
            KeyKind::Nominal => "nominal",
            KeyKind::Local => "local",
            KeyKind::Named => "named",
        }
    }

    fn parse(s: &str) -> KeyKind {
        match s {
            "person" => KeyKind::Person,
            "last_name" => KeyKind::LastName,
            "nominal" => KeyKind::Nominal,
            "local" => KeyKind::Local,
            _ => KeyKind::Named,
        }
    }
}

/// One sighting (a mention, a quote's speaker, a stance target) as the store keeps it.
#[derive(Debug, Clone)]
pub(super) struct Sight {
    /// The row's key: (article, slot, item).
    pub article: i64,
    /// `text`, `speaker` or `target`.
    pub slot: &'static str,
    pub item: i64,
    pub name: String,
    pub alias: String,
    pub role: Option<String>,
    pub affiliations: Vec<String>,
    /// The own key's entity id.
    pub key: String,
    pub key_kind: KeyKind,
    pub first: Option<String>,
    pub last: Option<String>,
    pub words: Vec<String>,
    pub role_words: Vec<String>,
    /// People: the key after last names are linked (its id).
    pub linked: Option<String>,
    /// Nominals: how many people their words fit (2: several).
    pub cand: Option<i64>,
    pub entity: String,
    /// Counts as one of its entity's aliases (not a stance target, not a pronoun).
    pub is_alias: bool,
}

/// An article's facts with everything the store derives from them alone (sightings and their
/// keys, each quote's wording and words, which mentions each quote names): pure work done
/// before the store's transaction, in parallel (see [`crate::store::Prepared`]).
#[derive(Debug, Clone)]
pub struct Prepared {
    pub(super) facts: ArticleFacts,
    pub(super) sights: Vec<Sight>,
    /// Per quote: its wording hash and folded words, when it has words.
    pub(super) wordings: Vec<Option<(u64, String)>>,
    pub(super) links: Vec<crate::graph::QuoteLinks>,
}

impl Prepared {
    pub fn new(facts: ArticleFacts) -> Prepared {
        let sights = sightings(0, &facts);
        let wordings = facts
            .quotes
            .iter()
            .map(|q| {
                let key = quote_key(&q.content);
                (!key.is_empty()).then(|| (crate::text::stable_hash(&key), key))
            })
            .collect();
        let links = quote_links(&facts);
        Prepared {
            facts,
            sights,
            wordings,
            links,
        }
    }

    pub fn facts(&self) -> &ArticleFacts {
        &self.facts
    }
}

fn slot_of(s: Slot) -> (&'static str, usize) {
    match s {
        Slot::Mention(k) => ("text", k),
        Slot::Speaker(k) => ("speaker", k),
        Slot::Target(k) => ("target", k),
    }
}

/// The sightings of an article's facts, with their keys (from canon) and no entity yet.
pub(super) fn sightings(article: i64, f: &ArticleFacts) -> Vec<Sight> {
    let lex = Lexicon::builtin();
    keys::sightings(f)
        .into_iter()
        .map(|s| {
            let (slot, item) = slot_of(s.slot);
            let role_words: Vec<String> = {
                let mut w: Vec<String> = s.role_words().filter(|w| !w.is_empty()).collect();
                w.sort();
                w.dedup();
                w
            };
            let (key_kind, first, last, words) = match &s.key {
                Key::Person { first, last } => (
                    KeyKind::Person,
                    Some(first.clone()),
                    Some(last.clone()),
                    vec![],
                ),
                Key::LastName { last } => (KeyKind::LastName, None, Some(last.clone()), vec![]),
                Key::Nominal { words, .. } => (KeyKind::Nominal, None, None, words.clone()),
                Key::Local { .. } => (KeyKind::Local, None, None, vec![]),
                Key::Named { .. } => (KeyKind::Named, None, None, vec![]),
            };
            let is_alias =
                slot != "target" && lex.pronoun(&s.alias.trim().to_lowercase()).is_none();
            Sight {
                article,
                slot,
                item: int(item),
                name: s.name,
                alias: s.alias,
                role: s.role,
                affiliations: s.affiliations,
                key: s.key.id(),
                key_kind,
                first,
                last,
                words,
                role_words,
                linked: None,
                cand: None,
                entity: String::new(),
                is_alias,
            }
        })
        .collect()
}

/// The columns [`sight_from_row`] reads, in order.
/// `key` is stored only where it can differ from `entity_id` (last names, nominals) and
/// `linked` only where it differs from `key`: the rest reads back through `coalesce`.
pub(super) const SIGHT_COLUMNS: &str = "article_id, slot, item, name, alias, role, \
     affiliations, coalesce(key, entity_id), key_kind, first, last, words, role_words, \
     coalesce(linked, key, entity_id), cand, entity_id";

fn split_words(s: Option<String>) -> Vec<String> {
    s.map(|s| {
        s.split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

pub(super) fn sight_from_row(r: &Row) -> rusqlite::Result<Sight> {
    let lex = Lexicon::builtin();
    let slot: String = r.get(1)?;
    let slot = match slot.as_str() {
        "speaker" => "speaker",
        "target" => "target",
        _ => "text",
    };
    let alias: String = r.get(4)?;
    let affiliations: Option<String> = r.get(6)?;
    let key_kind = KeyKind::parse(&r.get::<_, String>(8)?);
    let people = matches!(key_kind, KeyKind::Person | KeyKind::LastName);
    Ok(Sight {
        article: r.get(0)?,
        slot,
        item: r.get(2)?,
        name: r.get(3)?,
        is_alias: slot != "target" && lex.pronoun(&alias.trim().to_lowercase()).is_none(),
        alias,
        role: r.get(5)?,
        affiliations: affiliations
            .and_then(|a| serde_json::from_str(&a).ok())
            .unwrap_or_default(),
        key: r.get(7)?,
        key_kind,
        first: r.get(9)?,
        last: r.get(10)?,
        words: split_words(r.get(11)?),
        role_words: split_words(r.get(12)?),
        linked: if people { r.get(13)? } else { None },
        cand: r.get(14)?,
        entity: r.get(15)?,
    })
}

/// Inserts an article's row; returns its row id.
pub(super) fn insert_article(
    conn: &Connection,
    f: &ArticleFacts,
    run: i64,
) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO articles (doc_id, title, source, url, date, author, content_hash, quotes, run) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        f.doc_id,
        f.title,
        f.source,
        f.url,
        f.date,
        f.author,
        f.content_hash,
        int(f.quotes.len()),
        run
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Inserts an article's quotes (and their words into the full-text index), stance facts and
/// sightings, once the sightings are linked: each quote and stance fact gets the entities of
/// its speaker and target.
pub(super) fn insert_content(
    conn: &Connection,
    article: i64,
    p: &mut Prepared,
) -> rusqlite::Result<Vec<super::stances::Evidence>> {
    let f = &p.facts;
    let sights = &mut p.sights;
    let slots = by_slot(sights);
    let entity = |slot: &'static str, item: usize| {
        slots
            .get(&(slot, int(item)))
            .map(|&i| sights[i].entity.clone())
    };
    let links = &p.links;
    let mut quote = conn.prepare_cached(
        "INSERT INTO quotes (article_id, idx, byte_start, byte_end, char_start, char_end, kind, \
         cue, content, context, speaker_name, speaker_kind, speaker_mention, entity_id, \
         confidence, wording, mention_items, outlet_items) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?;
    // The full-text index holds each wording once, under its hash.
    let mut fts = conn.prepare_cached(
        "INSERT INTO quotes_fts (rowid, words) SELECT ?1, ?2 \
         WHERE NOT EXISTS (SELECT 1 FROM quotes WHERE wording = ?1)",
    )?;
    let items = |v: &[usize]| (!v.is_empty()).then(|| serde_json::to_string(v).unwrap_or_default());
    for (i, ((q, l), w)) in f.quotes.iter().zip(links).zip(&p.wordings).enumerate() {
        let wording = w.as_ref().map(|w| w.0);
        if let Some((w, words)) = w {
            fts.execute(params![*w as i64, words])?;
        }
        quote.execute(params![
            article,
            int(i),
            int(q.start),
            int(q.end),
            q.char_start.map(int),
            q.char_end.map(int),
            q.kind.as_str(),
            q.cue,
            q.content,
            q.context,
            q.speaker.as_ref().map(|s| &s.name),
            q.speaker.as_ref().map(|s| s.kind.as_str()),
            q.speaker.as_ref().map(|s| &s.mention),
            entity("speaker", i),
            real(q.confidence),
            wording.map(|h| h as i64),
            items(&l.names),
            items(&l.reports),
        ])?;
    }
    let mut stance = conn.prepare_cached(
        "INSERT INTO stance_evidence (article_id, idx, quote_idx, target_kind, target_name, \
         score, speaker_id, target_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut evidence = Vec::with_capacity(f.stances.len());
    for (k, s) in f.stances.iter().enumerate() {
        let row = (
            entity("speaker", s.quote),
            entity("target", k),
            int(s.quote),
            real(s.score),
        );
        stance.execute(params![
            article,
            int(k),
            row.2,
            s.kind.as_str(),
            s.name,
            row.3,
            row.0,
            row.1,
        ])?;
        evidence.push(row);
    }
    insert_sights(conn, f, sights)?;
    Ok(evidence)
}

/// Inserts sightings (linked already); text mentions get their spans.
fn insert_sights(
    conn: &Connection,
    f: &ArticleFacts,
    sights: &mut [Sight],
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO mentions (article_id, slot, item, kind, name, alias, role, affiliations, \
         byte_start, byte_end, char_start, char_end, key, key_kind, first, last, words, \
         role_words, linked, cand, entity_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
         ?18, ?19, ?20, ?21)",
    )?;
    let mut nominal = conn.prepare_cached(
        "INSERT INTO nominal_words (word, cand, article_id, slot, item) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for s in sights.iter_mut() {
        let item = uint(s.item);
        let (kind, span) = match s.slot {
            "text" => {
                let m = &f.mentions[item];
                (m.kind, Some((m.start, m.end, m.char_start, m.char_end)))
            }
            "speaker" => (
                f.quotes[item]
                    .speaker
                    .as_ref()
                    .map_or(EntityKind::Person, |s| s.kind),
                None,
            ),
            _ => (f.stances[item].kind, None),
        };
        let join = |w: &[String]| (!w.is_empty()).then(|| w.join(" "));
        stmt.execute(params![
            s.article,
            s.slot,
            s.item,
            kind.as_str(),
            s.name,
            s.alias,
            s.role,
            (!s.affiliations.is_empty())
                .then(|| serde_json::to_string(&s.affiliations).unwrap_or_default()),
            span.map(|x| int(x.0)),
            span.map(|x| int(x.1)),
            span.and_then(|x| x.2).map(int),
            span.and_then(|x| x.3).map(int),
            (s.key != s.entity).then_some(&s.key),
            s.key_kind.as_str(),
            s.first,
            s.last,
            join(&s.words),
            join(&s.role_words),
            s.linked.as_ref().filter(|l| *l != &s.key),
            s.cand,
            s.entity,
        ])?;
        if s.key_kind == KeyKind::Nominal {
            for w in &s.words {
                nominal.execute(params![w, s.cand.unwrap_or(0), s.article, s.slot, s.item])?;
            }
        }
    }
    Ok(())
}

/// The stored article with this doc id: (row id, content hash).
pub(super) fn find_article(
    conn: &Connection,
    doc_id: &str,
) -> rusqlite::Result<Option<(i64, String)>> {
    conn.prepare_cached("SELECT id, content_hash FROM articles WHERE doc_id = ?1")?
        .query_row([doc_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
}

/// Deletes an article and everything of it; returns its sightings as they were.
pub(super) fn delete_article(conn: &Connection, article: i64) -> rusqlite::Result<Vec<Sight>> {
    let sights: Vec<Sight> = conn
        .prepare_cached(&format!(
            "SELECT {SIGHT_COLUMNS} FROM mentions WHERE article_id = ?1"
        ))?
        .query_map([article], sight_from_row)?
        .collect::<Result<_, _>>()?;
    let mut nominal = conn.prepare_cached(
        "DELETE FROM nominal_words WHERE word = ?1 AND cand = ?2 AND article_id = ?3 \
         AND slot = ?4 AND item = ?5",
    )?;
    for s in sights.iter().filter(|s| s.key_kind == KeyKind::Nominal) {
        for w in &s.words {
            nominal.execute(params![w, s.cand.unwrap_or(0), s.article, s.slot, s.item])?;
        }
    }
    // A wording no other article carries leaves the full-text index (a contentless index
    // forgets a row when given the words it was made from).
    let wordings: Vec<(i64, String)> = conn
        .prepare_cached(
            "SELECT wording, min(content) FROM quotes WHERE article_id = ?1 \
             AND wording IS NOT NULL GROUP BY wording",
        )?
        .query_map([article], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    conn.prepare_cached("DELETE FROM quotes WHERE article_id = ?1")?
        .execute([article])?;
    let mut fts = conn.prepare_cached(
        "INSERT INTO quotes_fts (quotes_fts, rowid, words) SELECT 'delete', ?1, ?2 \
         WHERE NOT EXISTS (SELECT 1 FROM quotes WHERE wording = ?1)",
    )?;
    for (w, content) in wordings {
        fts.execute(params![w, quote_key(&content)])?;
    }
    for sql in [
        "DELETE FROM mentions WHERE article_id = ?1",
        "DELETE FROM stance_evidence WHERE article_id = ?1",
        "DELETE FROM articles WHERE id = ?1",
    ] {
        conn.prepare_cached(sql)?.execute([article])?;
    }
    Ok(sights)
}

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
        "SELECT kind, name, alias, role, affiliations, byte_start, byte_end, char_start, char_end \
         FROM mentions WHERE article_id = ?1 AND slot = 'text' ORDER BY item",
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

/// Row ids of an article's sightings by (slot, item).
pub(super) fn by_slot(sights: &[Sight]) -> HashMap<(&'static str, i64), usize> {
    sights
        .iter()
        .enumerate()
        .map(|(i, s)| ((s.slot, s.item), i))
        .collect()
}
