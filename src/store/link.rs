//! Canon, incrementally: which entity each sighting of a batch denotes, and which stored
//! sightings change entity because of the batch.
//!
//! Keys come from each article alone (`canon::keys`); two kinds are linked through indexes
//! kept as tables, by canon's own decisions with the candidates an index gives:
//! - single name words (`Berg`): [`single`], by `canon::decide::decide` per signature;
//! - `role_index` (role word → people and single words taken for people, with sighting
//!   counts): a nominal denotes the person `keys::link_nominal` picks among those holding all
//!   its words.
//!
//! A batch changes these indexes by counts; a stored sighting is linked again only when its
//! candidates changed: a single word when the decision for its signature changed, a nominal
//! when a person was added to the list of one of its words while it had fewer than two
//! candidates, or removed from one. Everything else stays as it is, so a batch costs time in
//! proportion to itself (and to the sightings whose answer it really changes).

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use super::rows::{sight_from_row, KeyKind, Sight, SIGHT_COLUMNS};
use super::single;
use crate::canon::keys::{self, Key};

pub(super) use super::single::Moved;

/// Links the sightings of a batch. `removed`: sightings of articles deleted by the batch (gone
/// from the tables already); `added`: the batch's new sightings (not inserted yet), whose
/// `linked`, `cand` and `entity` this fills. Updates canon's tables; returns the stored
/// sightings that change.
pub(super) fn link(
    conn: &Connection,
    removed: &[Sight],
    added: &mut [Sight],
) -> rusqlite::Result<Vec<Moved>> {
    let (mut moved, keys) = single::link(conn, removed, added)?;
    let words = role_index(conn, removed, added, &moved, &keys)?;
    let mut lists = Lists::default();
    for s in added.iter_mut() {
        if s.key_kind == KeyKind::Nominal {
            let (entity, cand) = lists.nominal(conn, s)?;
            s.entity = entity;
            s.cand = Some(cand);
        } else {
            s.entity = s.linked.clone().unwrap_or_else(|| s.key.clone());
        }
    }
    for before in stored_nominals(conn, &words)? {
        let mut after = before.clone();
        let (entity, cand) = lists.nominal(conn, &after)?;
        after.entity = entity;
        after.cand = Some(cand);
        if after.entity != before.entity || after.cand != before.cand {
            moved.push(Moved { before, after });
        }
    }
    Ok(moved)
}

/// Words whose list of people gained one, and words whose list lost one.
#[derive(Default)]
struct Words {
    gained: BTreeSet<String>,
    lost: BTreeSet<String>,
}

/// Applies the batch to `role_index` (word → linked person keys, with sighting counts).
fn role_index(
    conn: &Connection,
    removed: &[Sight],
    added: &[Sight],
    moved: &[Moved],
    keys: &HashMap<String, Key>,
) -> rusqlite::Result<Words> {
    // (word, key) -> (first, last, delta)
    let mut delta: HashMap<(String, String), (Option<String>, String, i64)> = HashMap::default();
    let mut put = |s: &Sight, sign: i64| {
        let Some(linked) = &s.linked else { return };
        // Nominals look for people (and single words taken for people), not for an
        // organisation or a place a single word joined.
        if !(linked.starts_with("person:") || linked.starts_with("name:")) {
            return;
        }
        // The linked key's names: a person's own, or the person a single word was linked to.
        let (first, last) = match keys.get(linked) {
            Some(Key::Person { first, last }) if linked != &s.key => {
                (Some(first.clone()), last.clone())
            }
            _ => (s.first.clone(), s.last.clone().unwrap_or_default()),
        };
        for w in &s.role_words {
            delta
                .entry((w.clone(), linked.clone()))
                .or_insert((first.clone(), last.clone(), 0))
                .2 += sign;
        }
    };
    for s in removed {
        put(s, -1);
    }
    for s in added {
        put(s, 1);
    }
    for m in moved {
        put(&m.before, -1);
        put(&m.after, 1);
    }
    let mut words = Words::default();
    for ((word, key), (first, last, d)) in delta {
        if d == 0 {
            continue;
        }
        let n: i64 = conn
            .prepare_cached("SELECT n FROM role_index WHERE word = ?1 AND key = ?2")?
            .query_row([&word, &key], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        if n + d > 0 {
            conn.prepare_cached(
                "INSERT INTO role_index (word, key, first, last, n) VALUES (?1, ?2, ?3, ?4, ?5) \
                 ON CONFLICT (word, key) DO UPDATE SET n = excluded.n",
            )?
            .execute(params![word, key, first, last, n + d])?;
            if n == 0 {
                words.gained.insert(word);
            }
        } else {
            conn.prepare_cached("DELETE FROM role_index WHERE word = ?1 AND key = ?2")?
                .execute([&word, &key])?;
            if n > 0 {
                words.lost.insert(word);
            }
        }
    }
    Ok(words)
}

/// Stored nominals whose candidates may have changed.
fn stored_nominals(conn: &Connection, words: &Words) -> rusqlite::Result<Vec<Sight>> {
    // Row ids: in the order of (article, slot, item), as the table's key.
    let mut ids: BTreeSet<i64> = BTreeSet::new();
    let row = |r: &rusqlite::Row| r.get(0);
    let mut few =
        conn.prepare_cached("SELECT mention FROM nominal_words WHERE word = ?1 AND cand < 2")?;
    for w in &words.gained {
        for id in few.query_map([w], row)? {
            ids.insert(id?);
        }
    }
    let mut any = conn.prepare_cached("SELECT mention FROM nominal_words WHERE word = ?1")?;
    for w in &words.lost {
        for id in any.query_map([w], row)? {
            ids.insert(id?);
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SIGHT_COLUMNS} FROM mentions WHERE id = ?1"
    ))?;
    ids.into_iter()
        .map(|id| stmt.query_row([id], sight_from_row))
        .collect()
}

/// The people of each role word, read once per batch.
#[derive(Default)]
struct Lists {
    by_word: HashMap<String, (Vec<Key>, HashSet<String>)>,
}

impl Lists {
    fn load(&mut self, conn: &Connection, word: &str) -> rusqlite::Result<()> {
        if self.by_word.contains_key(word) {
            return Ok(());
        }
        let keys: Vec<Key> = conn
            .prepare_cached("SELECT first, last FROM role_index WHERE word = ?1 ORDER BY key")?
            .query_map([word], |r| {
                let first: Option<String> = r.get(0)?;
                let last: String = r.get(1)?;
                Ok(match first {
                    Some(first) => Key::Person { first, last },
                    None => Key::LastName { last },
                })
            })?
            .collect::<Result<_, _>>()?;
        let ids = keys.iter().map(Key::id).collect();
        self.by_word.insert(word.to_string(), (keys, ids));
        Ok(())
    }

    /// A nominal's entity and how many people its words fit (at most 2).
    fn nominal(&mut self, conn: &Connection, s: &Sight) -> rusqlite::Result<(String, i64)> {
        for w in &s.words {
            self.load(conn, w)?;
        }
        let mut lists: Vec<&(Vec<Key>, HashSet<String>)> =
            s.words.iter().map(|w| &self.by_word[w]).collect();
        if lists.is_empty() || lists.iter().any(|l| l.0.is_empty()) {
            return Ok((s.key.clone(), 0));
        }
        lists.sort_by_key(|l| l.0.len());
        let (first, rest) = lists.split_first().expect("non-empty");
        let fits: Vec<&Key> = first
            .0
            .iter()
            .filter(|k| {
                let id = k.id();
                rest.iter().all(|l| l.1.contains(&id))
            })
            .take(2)
            .collect();
        let cand = fits.len() as i64;
        let entity = keys::link_nominal(fits).map_or_else(|| s.key.clone(), Key::id);
        Ok((entity, cand))
    }
}
