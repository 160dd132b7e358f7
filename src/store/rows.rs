//! Rows in and out: an article's facts, linked sightings, quotes (with their words in the
//! full-text index) and stance facts as table rows; an article deleted with everything of it.

use std::cell::RefCell;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rusqlite::{params, Connection, OptionalExtension};

pub(super) use super::sight::{sight_from_row, KeyKind, Prepared, Sight, MAX_ITEM, SIGHT_COLUMNS};
use crate::facts::ArticleFacts;
use crate::graph::quote_key;
use crate::lexicon::EntityKind;

/// A value stored as its name (`person`, `direct`), read back.
pub(super) fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// A stored integer as a count or offset (a negative one is damage, read as 0).
pub(super) fn uint(v: i64) -> usize {
    usize::try_from(v).unwrap_or(0)
}

/// An `f32` as the `f64` of its shortest decimal form (`0.9`, not `0.8999999761581421`), which
/// reads back as the same `f32`. Remembered per thread (a store holds few distinct confidences
/// and scores; formatting and parsing one costs about a thousand instructions).
pub(super) fn real(x: f32) -> f64 {
    thread_local! {
        static SEEN: RefCell<HashMap<u32, f64>> = RefCell::new(HashMap::default());
    }
    let of = |x: f32| x.to_string().parse().unwrap_or(f64::from(x));
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() >= 1 << 16 {
            seen.clear();
        }
        *seen.entry(x.to_bits()).or_insert_with(|| of(x))
    })
}

pub(super) fn int(v: usize) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
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

/// Wordings new to the store, with their words, for the full-text index: inserted all at once
/// when the batch is written ([`Fts::insert`]), since every statement after a row goes into
/// the index makes it write its pending rows out (a statement's savepoint), one small segment
/// per quote.
#[derive(Default)]
pub(super) struct Fts {
    rows: Vec<(i64, String)>,
    seen: HashSet<i64>,
}

impl Fts {
    /// Notes a quote's wording, before the quote is stored: new when no stored quote has it.
    fn note(&mut self, conn: &Connection, wording: u64, words: &str) -> rusqlite::Result<()> {
        let w = wording as i64;
        if self.seen.contains(&w) {
            return Ok(());
        }
        let stored = conn
            .prepare_cached("SELECT 1 FROM quotes WHERE wording = ?1 LIMIT 1")?
            .query_row([w], |_| Ok(()))
            .optional()?;
        self.seen.insert(w);
        if stored.is_none() {
            self.rows.push((w, words.to_string()));
        }
        Ok(())
    }

    /// Adds the noted wordings to the index, in one statement.
    pub(super) fn insert(self, conn: &Connection) -> rusqlite::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let json = serde_json::to_string(&self.rows).unwrap_or_default();
        conn.prepare_cached(
            "INSERT INTO quotes_fts (rowid, words) \
             SELECT value ->> 0, value ->> 1 FROM json_each(?1)",
        )?
        .execute([json])?;
        Ok(())
    }
}

/// Inserts an article's quotes (their new wordings noted in `fts`), stance facts and
/// sightings, once the sightings are linked: each quote and stance fact gets the entities of
/// its speaker and target.
pub(super) fn insert_content(
    conn: &Connection,
    article: i64,
    p: &Prepared,
    sights: &[Sight],
    fts: &mut Fts,
) -> rusqlite::Result<Vec<super::stances::Evidence>> {
    let f = &p.facts;
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
    let items = |v: &[usize]| (!v.is_empty()).then(|| serde_json::to_string(v).unwrap_or_default());
    for (i, ((q, l), w)) in f.quotes.iter().zip(links).zip(&p.wordings).enumerate() {
        let wording = w.as_ref().map(|w| w.0);
        if let Some((w, words)) = w {
            fts.note(conn, *w, words)?;
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
         score, speaker_id, target_id, wording) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
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
            p.wordings
                .get(s.quote)
                .and_then(Option::as_ref)
                .map(|w| w.0 as i64),
        ])?;
        evidence.push(row);
    }
    insert_sights(conn, f, sights)?;
    Ok(evidence)
}

/// Inserts sightings (linked already); text mentions get their spans. Most sightings have none
/// of the columns canon fills only now and then (a role, affiliations, a key other than their
/// entity, words, a link, a reading or gender of their own): their rows are inserted by a
/// statement without those columns (NULL either way), with 9 fewer values to bind.
fn insert_sights(conn: &Connection, f: &ArticleFacts, sights: &[Sight]) -> rusqlite::Result<()> {
    let mut full = conn.prepare_cached(
        "INSERT INTO mentions (id, kind, name, alias, role, affiliations, \
         byte_start, byte_end, char_start, char_end, key, key_kind, first, last, words, \
         role_words, linked, cand, entity_id, read_kind, gender, named) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
         ?18, ?19, ?20, ?21, ?22)",
    )?;
    let mut plain = conn.prepare_cached(
        "INSERT INTO mentions (id, kind, name, alias, byte_start, byte_end, char_start, \
         char_end, key_kind, first, last, entity_id, named) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut nominal =
        conn.prepare_cached("INSERT INTO nominal_words (word, cand, mention) VALUES (?1, ?2, ?3)")?;
    // In row id order: each row goes in at the end of the table.
    let mut order: Vec<(i64, &Sight)> = sights.iter().map(|s| (s.id(), s)).collect();
    order.sort_unstable_by_key(|x| x.0);
    for (id, s) in order {
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
        let alias = (s.alias != s.name).then_some(&s.alias);
        let key = (s.key != s.entity).then_some(&s.key);
        let linked = s.linked.as_ref().filter(|l| *l != &s.key);
        let read_kind = (s.read != kind).then(|| s.read.as_str());
        let span = [
            span.map(|x| int(x.0)),
            span.map(|x| int(x.1)),
            span.and_then(|x| x.2).map(int),
            span.and_then(|x| x.3).map(int),
        ];
        let rare = s.role.is_some()
            || !s.affiliations.is_empty()
            || key.is_some()
            || !s.words.is_empty()
            || !s.role_words.is_empty()
            || linked.is_some()
            || s.cand.is_some()
            || read_kind.is_some()
            || s.gender.is_some();
        if !rare {
            plain.execute(params![
                id,
                kind.as_str(),
                s.name,
                alias,
                span[0],
                span[1],
                span[2],
                span[3],
                s.key_kind.code(),
                s.first,
                s.last,
                s.entity,
                s.named,
            ])?;
            continue;
        }
        let join = |w: &[String]| (!w.is_empty()).then(|| w.join(" "));
        full.execute(params![
            id,
            kind.as_str(),
            s.name,
            alias,
            s.role,
            (!s.affiliations.is_empty())
                .then(|| serde_json::to_string(&s.affiliations).unwrap_or_default()),
            span[0],
            span[1],
            span[2],
            span[3],
            key,
            s.key_kind.code(),
            s.first,
            s.last,
            join(&s.words),
            join(&s.role_words),
            linked,
            s.cand,
            s.entity,
            read_kind,
            s.gender.map(super::pool::gender_str),
            s.named,
        ])?;
        if s.key_kind == KeyKind::Nominal {
            for w in &s.words {
                nominal.execute(params![w, s.cand.unwrap_or(0), id])?;
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
            "SELECT {SIGHT_COLUMNS} FROM mentions WHERE id BETWEEN ?1 << 24 AND (?1 << 24) + 16777215"
        ))?
        .query_map([article], sight_from_row)?
        .collect::<Result<_, _>>()?;
    let mut nominal = conn.prepare_cached(
        "DELETE FROM nominal_words WHERE word = ?1 AND cand = ?2 AND mention = ?3",
    )?;
    for s in sights.iter().filter(|s| s.key_kind == KeyKind::Nominal) {
        for w in &s.words {
            nominal.execute(params![w, s.cand.unwrap_or(0), s.id()])?;
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
        "DELETE FROM mentions WHERE id BETWEEN ?1 << 24 AND (?1 << 24) + 16777215",
        "DELETE FROM stance_evidence WHERE article_id = ?1",
        "DELETE FROM articles WHERE id = ?1",
    ] {
        conn.prepare_cached(sql)?.execute([article])?;
    }
    Ok(sights)
}

/// Row ids of an article's sightings by (slot, item).
pub(super) fn by_slot(sights: &[Sight]) -> HashMap<(&'static str, i64), usize> {
    sights
        .iter()
        .enumerate()
        .map(|(i, s)| ((s.slot, s.item), i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::real;

    #[test]
    fn real_is_the_shortest_decimal_and_the_same_when_remembered() {
        for (x, want) in [
            (0.9_f32, 0.9_f64),
            (0.1, 0.1),
            (-0.35, -0.35),
            (1.0, 1.0),
            (0.0, 0.0),
            (0.123_456_7, 0.123_456_7),
        ] {
            assert_eq!(real(x), want, "{x}");
            assert_eq!(real(x), want, "{x} again");
            assert_eq!(real(x) as f32, x);
        }
    }
}
