//! The candidate tables of single name words, kept by counts: a batch's sightings summed per
//! row (`person_keys`, `named_keys`, `key_words`) and per signature, then written.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use rusqlite::{params, Connection};

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
    /// Words whose candidates the batch touches, and given names whose people it touches.
    pub touched: BTreeSet<String>,
    pub givens: BTreeSet<String>,
}

/// Adds a word to a set, copied only when new.
fn note(set: &mut BTreeSet<String>, word: &str) {
    if !set.contains(word) {
        set.insert(word.to_string());
    }
}

impl<'a> Deltas<'a> {
    pub(super) fn add(&mut self, s: &'a Sight, sign: i64, lex: &Lexicon) {
        let m = if s.slot == "text" { sign } else { 0 };
        match s.key_kind {
            KeyKind::Person => {
                let last = s.last.as_deref().unwrap_or_default();
                let first = s.first.as_deref().unwrap_or_default();
                note(&mut self.touched, last);
                note(&mut self.givens, first);
                let e = self.people.entry((last, &s.key)).or_insert((first, 0, 0));
                e.1 += sign;
                e.2 += m;
            }
            KeyKind::Named => {
                let Some(name) = &s.named else { return };
                for w in index_words(super::entities::kind_of_id(&s.key), name) {
                    note(&mut self.touched, w);
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
    let n: i64 = conn
        .prepare_cached(&format!(
            "INSERT INTO {table} ({word_col}, key, {extra_col}, n, m) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT ({word_col}, key) DO UPDATE SET n = n + excluded.n, m = m + excluded.m \
             RETURNING n"
        ))?
        .query_row(params![word, key, extra, dn, dm], |r| r.get(0))?;
    if n <= 0 {
        conn.prepare_cached(&format!(
            "DELETE FROM {table} WHERE {word_col} = ?1 AND key = ?2"
        ))?
        .execute([word, key])?;
    }
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
        let left: i64 = conn
            .prepare_cached(
                "INSERT INTO key_words (key, word, n) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (key, word) DO UPDATE SET n = n + excluded.n RETURNING n",
            )?
            .query_row(params![key, word, n], |r| r.get(0))?;
        if left <= 0 {
            conn.prepare_cached("DELETE FROM key_words WHERE key = ?1 AND word = ?2")?
                .execute([key, word])?;
        }
    }
    Ok(())
}
