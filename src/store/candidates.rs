//! The candidate tables of single name words, kept by counts: a batch's sightings summed per
//! row (`person_keys`, `named_keys`, `key_words`) and per signature, then written.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use super::pool::index_words;
use super::rows::{KeyKind, Sight};
use super::single::{signature, Signature};
use crate::lexicon::Lexicon;

/// Count changes of a batch to the candidate tables and signatures; the candidate tables' keys
/// borrow the sightings' strings.
#[derive(Default)]
pub(super) struct Deltas<'a> {
    /// (last, key) -> (first, n, m)
    pub people: HashMap<(&'a str, &'a str), (&'a str, i64, i64)>,
    /// (word, key) -> (name, n, m)
    pub named: HashMap<(&'a str, &'a str), (&'a str, i64, i64)>,
    /// (key, role word) -> n
    pub words: HashMap<(&'a str, &'a str), i64>,
    pub sigs: HashMap<Signature, i64>,
    /// Words whose candidates the batch touches, and given names whose people it touches
    /// (hashed: ordered and copied once per word by [`owned`]).
    pub touched: HashSet<&'a str>,
    pub givens: HashSet<&'a str>,
}

/// A set of words, copied, in order.
pub(super) fn owned(words: &HashSet<&str>) -> BTreeSet<String> {
    words.iter().map(|w| w.to_string()).collect()
}

impl<'a> Deltas<'a> {
    pub(super) fn add(&mut self, s: &'a Sight, sign: i64, lex: &Lexicon) {
        let m = if s.slot == "text" { sign } else { 0 };
        match s.key_kind {
            KeyKind::Person => {
                let last = s.last.as_deref().unwrap_or_default();
                let first = s.first.as_deref().unwrap_or_default();
                self.touched.insert(last);
                self.givens.insert(first);
                let e = self.people.entry((last, &s.key)).or_insert((first, 0, 0));
                e.1 += sign;
                e.2 += m;
            }
            KeyKind::Named => {
                let Some(name) = &s.named else { return };
                for w in index_words(super::entities::kind_of_id(&s.key), name) {
                    self.touched.insert(w);
                    let e = self.named.entry((w, &s.key)).or_insert((name, 0, 0));
                    e.1 += sign;
                    e.2 += m;
                }
            }
            KeyKind::LastName => {
                *self.sigs.entry(signature(s, lex)).or_default() += sign;
                return;
            }
            _ => return,
        }
        for w in &s.role_words {
            *self.words.entry((&s.key, w)).or_default() += sign;
        }
    }
}

/// Adds `(n, m)` to a counted row, deleting it at zero.
fn upsert(
    conn: &Connection,
    table: &str,
    word_col: &str,
    extra_col: &str,
    (word, key, extra): (&str, &str, &str),
    (dn, dm): (i64, i64),
) -> rusqlite::Result<()> {
    if dn == 0 && dm == 0 {
        return Ok(());
    }
    // Read, then written (an upsert with `RETURNING` fills a temporary table per row).
    let at = format!("WHERE {word_col} = ?1 AND key = ?2");
    let old: Option<(i64, i64)> = conn
        .prepare_cached(&format!("SELECT n, m FROM {table} {at}"))?
        .query_row([word, key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match old {
        None if dn > 0 => conn
            .prepare_cached(&format!(
                "INSERT INTO {table} ({word_col}, key, {extra_col}, n, m) \
                 VALUES (?1, ?2, ?3, ?4, ?5)"
            ))?
            .execute(params![word, key, extra, dn, dm])?,
        None => 0,
        Some((n, _)) if n + dn <= 0 => conn
            .prepare_cached(&format!("DELETE FROM {table} {at}"))?
            .execute([word, key])?,
        Some((n, m)) => conn
            .prepare_cached(&format!("UPDATE {table} SET n = ?3, m = ?4 {at}"))?
            .execute(params![word, key, n + dn, m + dm])?,
    };
    Ok(())
}

/// Writes the batch's changes to the candidate tables.
pub(super) fn apply_candidates(conn: &Connection, d: &Deltas) -> rusqlite::Result<()> {
    for ((last, key), (first, n, m)) in &d.people {
        upsert(
            conn,
            "person_keys",
            "last",
            "first",
            (last, key, first),
            (*n, *m),
        )?;
    }
    for ((word, key), (name, n, m)) in &d.named {
        upsert(
            conn,
            "named_keys",
            "word",
            "name",
            (word, key, name),
            (*n, *m),
        )?;
    }
    for ((key, word), n) in &d.words {
        if *n == 0 {
            continue;
        }
        let at = "WHERE key = ?1 AND word = ?2";
        let old: Option<i64> = conn
            .prepare_cached(&format!("SELECT n FROM key_words {at}"))?
            .query_row([key, word], |r| r.get(0))
            .optional()?;
        match old {
            None if *n > 0 => conn
                .prepare_cached("INSERT INTO key_words (key, word, n) VALUES (?1, ?2, ?3)")?
                .execute(params![key, word, n])?,
            None => 0,
            Some(old) if old + n <= 0 => conn
                .prepare_cached(&format!("DELETE FROM key_words {at}"))?
                .execute([key, word])?,
            Some(old) => conn
                .prepare_cached(&format!("UPDATE key_words SET n = ?3 {at}"))?
                .execute(params![key, word, old + n])?,
        };
    }
    Ok(())
}
