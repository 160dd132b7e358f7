//! Candidates for single name words, as indexed tables give them: people by last name (or by
//! given name) from `person_keys`, organisations and places by word from `named_keys`, each
//! with its sightings, gender (from its given name) and role words (`key_words`). Read once per
//! word and batch; never written here (see `single`).

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use crate::canon::keys::Key;
use crate::entities::classify::is_place_word;
use crate::lexicon::{EntityKind, Gender, Lexicon};

/// At most this many candidates are weighed for one word (the most sighted first), as in canon.
pub(super) const POOL: usize = 32;

pub(super) fn gender_str(g: Gender) -> &'static str {
    match g {
        Gender::Male => "male",
        Gender::Female => "female",
        Gender::Either => "either",
    }
}

pub(super) fn parse_gender(s: &str) -> Option<Gender> {
    match s {
        "male" => Some(Gender::Male),
        "female" => Some(Gender::Female),
        "either" => Some(Gender::Either),
        _ => None,
    }
}

/// The role words written with a key anywhere.
pub(super) fn role_words(conn: &Connection, id: &str) -> rusqlite::Result<BTreeSet<String>> {
    conn.prepare_cached("SELECT word FROM key_words WHERE key = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect()
}

/// The key an organisation key is joined to (`org_keys.target`), if any.
fn target_of(conn: &Connection, key: &Key) -> rusqlite::Result<Option<Key>> {
    if !matches!(key, Key::Named { .. }) {
        return Ok(None);
    }
    let t: Option<Option<String>> = conn
        .prepare_cached("SELECT target_key FROM org_keys WHERE key = ?1")?
        .query_row([key.id()], |r| r.get(0))
        .optional()?;
    Ok(t.flatten().and_then(|t| serde_json::from_str(&t).ok()))
}

/// A key's own sightings: a person's from `person_keys`, an organisation's from `org_keys`.
fn own_count(conn: &Connection, key: &Key) -> rusqlite::Result<usize> {
    let n: Option<i64> = match key {
        Key::Person { last, .. } => conn
            .prepare_cached("SELECT n FROM person_keys WHERE last = ?1 AND key = ?2")?
            .query_row(params![last, key.id()], |r| r.get(0))
            .optional()?,
        _ => conn
            .prepare_cached("SELECT n FROM org_keys WHERE key = ?1")?
            .query_row([key.id()], |r| r.get(0))
            .optional()?,
    };
    Ok(n.map_or(0, |n| usize::try_from(n).unwrap_or(0)))
}

/// The words an organisation or place key is a candidate under: an organisation's name, its
/// brand (`avalon` of `avalon foods`, as canon's `names::brand_of`) and, of several words, its
/// last; a place's one specific word (`avalon` of `gulf of avalon`).
pub(super) fn index_words<'a>(kind: &str, name: &'a str) -> Vec<&'a str> {
    match kind {
        "org" | "outlet" => {
            let mut v = vec![name];
            v.extend(crate::canon::brand_of(name));
            v.extend(crate::canon::head_word(name));
            v.dedup();
            v
        }
        "place" => {
            let mut core = name
                .split(' ')
                .filter(|w| !is_place_word(w) && !matches!(*w, "of" | "the"));
            match (core.next(), core.next()) {
                (Some(one), None) if one != name => vec![one],
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

/// A candidate as the tables give it.
pub(super) struct Cand {
    pub key: Key,
    pub n: usize,
    pub gender: Option<Gender>,
    pub roles: BTreeSet<String>,
}

/// The candidates of each word, read once per batch.
#[derive(Default)]
pub(super) struct Pools {
    by_word: HashMap<String, Vec<Cand>>,
}

impl Pools {
    pub(super) fn pool(&mut self, conn: &Connection, word: &str) -> rusqlite::Result<&[Cand]> {
        if !self.by_word.contains_key(word) {
            let v = load_pool(conn, word)?;
            self.by_word.insert(word.to_string(), v);
        }
        Ok(&self.by_word[word])
    }
}

fn load_pool(conn: &Connection, word: &str) -> rusqlite::Result<Vec<Cand>> {
    let lex = Lexicon::builtin();
    let count = |n: i64| usize::try_from(n).unwrap_or(0);
    let people = |sql: &str, w: &str| -> rusqlite::Result<Vec<(Key, usize)>> {
        conn.prepare_cached(sql)?
            .query_map([w], |r| {
                let (first, last, n): (String, String, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
                Ok((Key::Person { first, last }, count(n)))
            })?
            .collect()
    };
    let mut found = people(
        "SELECT first, last, n FROM person_keys WHERE last = ?1 AND m > 0",
        word,
    )?;
    if found.is_empty() && lex.first_name(word).is_some() {
        // A given name alone (`Ana`): the people the corpus gives that name.
        found = people(
            "SELECT first, last, n FROM person_keys WHERE first = ?1 AND m > 0",
            lex.formal_name(word),
        )?;
    }
    let named: Vec<(String, String, i64)> = conn
        .prepare_cached("SELECT key, name, n FROM named_keys WHERE word = ?1 AND m > 0")?
        .query_map([word], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (id, name, n) in named {
        let kind = match super::entities::kind_of_id(&id) {
            "org" => EntityKind::Org,
            "outlet" => EntityKind::Outlet,
            "place" => EntityKind::Place,
            _ => continue,
        };
        let brand = crate::canon::brand_of(&name) == Some(word);
        if kind != EntityKind::Place && name != word && !brand && lex.is_org_word(word) {
            continue; // an organisation word alone names none of those ending in it (canon)
        }
        found.push((Key::Named { kind, name }, count(n)));
    }
    let set: BTreeMap<Key, usize> = found.into_iter().collect();
    let mut v: Vec<(Key, usize)> = set.into_iter().collect();
    v.sort_by_key(|c| std::cmp::Reverse(c.1));
    v.truncate(POOL);
    // Candidates as the entities they are (an organisation key joined to a person is that
    // person), their sightings together, as canon counts them.
    let mut seen = rustc_hash::FxHashSet::default();
    let mut followed = Vec::with_capacity(v.len());
    for (key, own) in v {
        let (key, own) = match target_of(conn, &key)? {
            Some(t) => {
                let n = own_count(conn, &t)?;
                (t, n)
            }
            None => (key, own),
        };
        if seen.insert(key.clone()) {
            followed.push((key, own));
        }
    }
    followed
        .into_iter()
        .map(|(key, own)| {
            let id = key.id();
            let gender = match &key {
                Key::Person { first, .. } => lex.first_name(first),
                _ => None,
            };
            let roles = role_words(conn, &id)?;
            let linked: i64 = conn
                .prepare_cached("SELECT coalesce(sum(n), 0) FROM org_keys WHERE target = ?1")?
                .query_row([&id], |r| r.get(0))?;
            let n = own + count(linked);
            Ok(Cand {
                key,
                n,
                gender,
                roles,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::index_words;

    #[test]
    fn keys_are_candidates_under_their_words() {
        let table: [(&str, &str, &[&str]); 7] = [
            ("org", "avalon valley bank", &["avalon valley bank", "bank"]),
            ("org", "avalon foods", &["avalon foods", "avalon", "foods"]),
            (
                "outlet",
                "q avalon usa",
                &["q avalon usa", "q avalon", "usa"],
            ),
            ("outlet", "courier", &["courier"]),
            ("place", "gulf of avalon", &["avalon"]),
            ("place", "avalon", &[]),
            ("person", "ana berg", &[]),
        ];
        for (kind, name, want) in table {
            assert_eq!(index_words(kind, name), want, "{kind} {name}");
        }
    }
}
