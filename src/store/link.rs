//! Canon, incrementally: which entity each sighting of a batch denotes, and which stored
//! sightings change entity because of the batch.
//!
//! Keys come from each article alone (`canon::keys`); two kinds are linked through indexes
//! kept as tables, exactly as `canon::build` links them in memory, by calling canon's own
//! decisions (`keys::link_last_name`, `keys::link_nominal`) with the candidates an index gives:
//! - `person_keys` (last name → full-name people, with sighting counts): a last name alone
//!   denotes the person `link_last_name` picks among them;
//! - `role_index` (role word → people and last names whose sightings carry it): a nominal
//!   denotes the person `link_nominal` picks among those holding all its words.
//!
//! A batch changes these indexes by counts; a stored sighting is linked again only when its
//! candidates changed: a last name when the decision for its last name changed, a nominal when
//! a person was added to the list of one of its words while it had fewer than two candidates,
//! or removed from one. Everything else stays as it is, so a batch costs time in proportion to
//! itself (and to the sightings whose answer it really changes).

use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use super::rows::{sight_from_row, KeyKind, Sight, SIGHT_COLUMNS};
use crate::canon::keys::{self, Key};

/// A stored sighting and what it becomes.
pub(super) struct Moved {
    pub before: Sight,
    pub after: Sight,
}

/// Links the sightings of a batch. `removed`: sightings of articles deleted by the batch (gone
/// from the tables already); `added`: the batch's new sightings (not inserted yet), whose
/// `linked`, `cand` and `entity` this fills. Updates `person_keys` and `role_index`; returns the
/// stored sightings that change.
pub(super) fn link(
    conn: &Connection,
    removed: &[Sight],
    added: &mut [Sight],
) -> rusqlite::Result<Vec<Moved>> {
    let lasts = last_names(conn, removed, added)?;
    let mut moved = relink_last_names(conn, &lasts)?;
    for s in added.iter_mut() {
        match s.key_kind {
            KeyKind::Person => s.linked = Some(s.key.clone()),
            KeyKind::LastName => {
                let last = s.last.clone().unwrap_or_default();
                s.linked = Some(match lasts.after.get(&last).and_then(Option::as_ref) {
                    Some(k) => k.id(),
                    None => s.key.clone(),
                });
            }
            _ => {}
        }
    }
    let words = role_index(conn, removed, added, &moved, &lasts)?;
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

/// The last-name decisions of a batch: for each last name it touches, the person a last name
/// alone denotes after the batch, and which decisions changed.
struct Lasts {
    after: HashMap<String, Option<Key>>,
    changed: BTreeSet<String>,
}

fn person_candidates(conn: &Connection, last: &str) -> rusqlite::Result<Vec<Key>> {
    conn.prepare_cached("SELECT first FROM person_keys WHERE last = ?1 ORDER BY key")?
        .query_map([last], |r| {
            Ok(Key::Person {
                first: r.get(0)?,
                last: last.to_string(),
            })
        })?
        .collect()
}

fn decide_last(conn: &Connection, last: &str) -> rusqlite::Result<Option<Key>> {
    let c = person_candidates(conn, last)?;
    Ok(keys::link_last_name(c.iter()).cloned())
}

/// Applies the batch to `person_keys` and decides every last name it touches.
fn last_names(conn: &Connection, removed: &[Sight], added: &[Sight]) -> rusqlite::Result<Lasts> {
    let mut delta: HashMap<(String, String), (String, i64)> = HashMap::new();
    let people = |s: &Sight| -> Option<(String, String, String)> {
        (s.key_kind == KeyKind::Person).then(|| {
            (
                s.last.clone().unwrap_or_default(),
                s.key.clone(),
                s.first.clone().unwrap_or_default(),
            )
        })
    };
    for (sign, s) in removed
        .iter()
        .map(|s| (-1, s))
        .chain(added.iter().map(|s| (1, s)))
    {
        if let Some((last, key, first)) = people(s) {
            delta.entry((last, key)).or_insert((first, 0)).1 += sign;
        }
    }
    let touched: BTreeSet<String> = delta.keys().map(|(l, _)| l.clone()).collect();
    let mut before = HashMap::new();
    for last in &touched {
        before.insert(last.clone(), decide_last(conn, last)?);
    }
    for ((last, key), (first, d)) in &delta {
        if *d == 0 {
            continue;
        }
        let n: i64 = conn
            .prepare_cached("SELECT n FROM person_keys WHERE last = ?1 AND key = ?2")?
            .query_row([last, key], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        if n + d > 0 {
            conn.prepare_cached(
                "INSERT INTO person_keys (last, key, first, n) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (last, key) DO UPDATE SET n = excluded.n",
            )?
            .execute(params![last, key, first, n + d])?;
        } else {
            conn.prepare_cached("DELETE FROM person_keys WHERE last = ?1 AND key = ?2")?
                .execute([last, key])?;
        }
    }
    let mut lasts = Lasts {
        after: HashMap::new(),
        changed: BTreeSet::new(),
    };
    let wanted = touched.iter().cloned().chain(
        added
            .iter()
            .filter(|s| s.key_kind == KeyKind::LastName)
            .filter_map(|s| s.last.clone()),
    );
    for last in wanted {
        if lasts.after.contains_key(&last) {
            continue;
        }
        let now = decide_last(conn, &last)?;
        if before.get(&last).is_some_and(|b| b != &now) {
            lasts.changed.insert(last.clone());
        }
        lasts.after.insert(last, now);
    }
    Ok(lasts)
}

/// Stored last-name sightings whose decision changed, linked again.
fn relink_last_names(conn: &Connection, lasts: &Lasts) -> rusqlite::Result<Vec<Moved>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SIGHT_COLUMNS} FROM mentions WHERE key_kind = 'last_name' AND last = ?1"
    ))?;
    for last in &lasts.changed {
        let now = lasts.after.get(last).and_then(Option::as_ref);
        for before in stmt.query_map([last], sight_from_row)? {
            let before = before?;
            let mut after = before.clone();
            let linked = now.map_or_else(|| after.key.clone(), Key::id);
            after.linked = Some(linked.clone());
            after.entity = linked;
            if after.linked != before.linked {
                out.push(Moved { before, after });
            }
        }
    }
    Ok(out)
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
    lasts: &Lasts,
) -> rusqlite::Result<Words> {
    // (word, key) -> (first, last, delta)
    let mut delta: HashMap<(String, String), (Option<String>, String, i64)> = HashMap::new();
    let mut put = |s: &Sight, sign: i64| {
        let Some(linked) = &s.linked else { return };
        // The linked key's names: a person's own, or the person a last name was linked to.
        let last = s.last.clone().unwrap_or_default();
        let first = if linked == &s.key {
            s.first.clone()
        } else {
            match lasts.after.get(&last) {
                Some(Some(Key::Person { first, .. })) => Some(first.clone()),
                _ => None,
            }
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
    let mut ids: BTreeSet<(i64, String, i64)> = BTreeSet::new();
    let row = |r: &rusqlite::Row| Ok((r.get(0)?, r.get(1)?, r.get(2)?));
    let mut few = conn.prepare_cached(
        "SELECT article_id, slot, item FROM nominal_words WHERE word = ?1 AND cand < 2",
    )?;
    for w in &words.gained {
        for id in few.query_map([w], row)? {
            ids.insert(id?);
        }
    }
    let mut any =
        conn.prepare_cached("SELECT article_id, slot, item FROM nominal_words WHERE word = ?1")?;
    for w in &words.lost {
        for id in any.query_map([w], row)? {
            ids.insert(id?);
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SIGHT_COLUMNS} FROM mentions WHERE article_id = ?1 AND slot = ?2 AND item = ?3"
    ))?;
    ids.into_iter()
        .map(|(a, s, i)| stmt.query_row(params![a, s, i], sight_from_row))
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
