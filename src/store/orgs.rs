//! Organisations named in part, linked incrementally as `canon::links` links them before single
//! words: an acronym joins the organisation whose initials it is (`AVB` -> `Avalon Valley
//! Bank`), a name joins the one it ends (`Valley Bank`), a brand the company it names (`Acme` ->
//! `Acme Foods`), and a name of several words read as an organisation for want of evidence
//! joins the person of that given and last name; by canon's [`decide`] (no sighting evidence:
//! one candidate, or one with five times the sightings).
//!
//! `org_keys` holds every organisation and outlet key with its sightings (`n`), mentions (`m`),
//! what its written name gives (`initials`, `acronym`, the person `person_first`,
//! `person_last`) and its decided `target`. A batch decides again the keys whose candidates it
//! touches (an organisation ending with their name, of their initials or of their brand, the
//! person they name) and moves the sightings of the keys whose target changed. One step only: a
//! target's own target is not followed (canon follows up to four).

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::entities::kind_of_id;
use super::pool::index_words;
use super::rows::{sight_from_row, KeyKind, Sight, SIGHT_COLUMNS};
use super::single::Moved;
use crate::canon::decide::{decide, Candidate, Unlinked};
use crate::canon::keys::{person_key, Key};
use crate::canon::links::initials;
use crate::entities::classify::is_acronym;
use crate::lexicon::Lexicon;

/// What an organisation's written name gives its key (canon's `pool_of` for `Named` keys).
#[derive(Debug, Clone, Default)]
struct Info {
    initials: Option<String>,
    acronym: bool,
    person: Option<(String, String)>,
}

fn info(name: &str, written: &str, lex: &Lexicon) -> Info {
    let words: Vec<&str> = name.split(' ').collect();
    let person = if words.len() >= 2 && words.iter().all(|w| !lex.is_org_word(w)) {
        match person_key(written, lex) {
            Key::Person { first, last } => Some((first, last)),
            _ => None,
        }
    } else {
        None
    };
    Info {
        initials: if words.len() >= 2 {
            initials(written)
        } else {
            None
        },
        acronym: words.len() == 1 && is_acronym(written),
        person,
    }
}

fn is_org(s: &Sight) -> bool {
    s.key_kind == KeyKind::Named && matches!(kind_of_id(&s.key), "org" | "outlet")
}

/// The words whose single-word candidates a key's counts or link weigh in.
pub(super) fn words_of(key: &Key) -> Vec<String> {
    match key {
        Key::Person { last, .. } => vec![last.clone()],
        Key::Named { kind, name } => index_words(kind.as_str(), name)
            .into_iter()
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

/// What the batch did to organisation keys: stored sightings moved, words whose candidates
/// changed, people whose given name pools changed, and the keys of the targets.
#[derive(Default)]
pub(super) struct Linked {
    pub moved: Vec<Moved>,
    pub words: BTreeSet<String>,
    pub givens: BTreeSet<String>,
    pub keys: HashMap<String, Key>,
}

/// Links the organisation keys of a batch, after the candidate tables took it in, and fills
/// `linked` of the batch's organisation sightings. `people`: (first, last) of the people whose
/// counts the batch changed.
pub(super) fn link(
    conn: &Connection,
    removed: &[Sight],
    added: &mut [Sight],
    people: &BTreeSet<(String, String)>,
) -> rusqlite::Result<Linked> {
    let lex = Lexicon::builtin();
    let mut delta: BTreeMap<&str, (&str, i64, i64, Option<Info>)> = BTreeMap::new();
    for (sign, s) in removed
        .iter()
        .map(|s| (-1, s))
        .chain(added.iter().map(|s| (1, s)))
    {
        if !is_org(s) {
            continue;
        }
        let name = s.named.as_deref().unwrap_or_default();
        let e = delta.entry(&s.key).or_insert((name, 0, 0, None));
        e.1 += sign;
        e.2 += if s.slot == "text" { sign } else { 0 };
        if sign > 0 && e.3.is_none() {
            e.3 = Some(info(name, &s.name, lex));
        }
    }
    let mut out = Linked::default();
    let mut todo: BTreeSet<String> = BTreeSet::new();
    for (key, (name, n, m, inf)) in &delta {
        if *n == 0 && *m == 0 {
            continue;
        }
        // Before its row may go: the keys it is a candidate of.
        todo.extend(touched_by_org(conn, name)?);
        let target = apply(conn, key, name, (*n, *m), inf.as_ref())?;
        if let Some(t) = target {
            // Its merged count changed.
            out.words.extend(words_of(&t));
            if let Key::Person { first, .. } = &t {
                out.givens.insert(first.clone());
            }
        }
        todo.insert(key.to_string());
        todo.extend(touched_by_org(conn, name)?);
    }
    let mut by_person = conn
        .prepare_cached("SELECT key FROM org_keys WHERE person_last = ?1 AND person_first = ?2")?;
    for (first, last) in people {
        for k in by_person.query_map([last, first], |r| r.get(0))? {
            todo.insert(k?);
        }
    }
    for key in &todo {
        redecide(conn, key, &mut out)?;
    }
    // Each key's target read once per batch (an organisation is named by many sightings).
    let mut target = conn.prepare_cached("SELECT target_key FROM org_keys WHERE key = ?1")?;
    let mut linked: HashMap<String, Option<String>> = HashMap::default();
    for s in added.iter_mut().filter(|s| is_org(s)) {
        if let Some(id) = linked.get(&s.key) {
            s.linked.clone_from(id);
            continue;
        }
        let t: Option<Key> = target
            .query_row([&s.key], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten()
            .and_then(|t| serde_json::from_str(&t).ok());
        s.linked = t.as_ref().map(Key::id);
        linked.insert(s.key.clone(), s.linked.clone());
        if let Some(t) = t {
            out.keys.insert(t.id(), t);
        }
    }
    Ok(out)
}

/// Adds a key's counts (inserting it with what its written name gives, deleting it at zero);
/// returns its target.
fn apply(
    conn: &Connection,
    key: &str,
    name: &str,
    (n, m): (i64, i64),
    inf: Option<&Info>,
) -> rusqlite::Result<Option<Key>> {
    let inf = inf.cloned().unwrap_or_default();
    let (pf, pl) = inf.person.clone().unzip();
    // Read, then written (an upsert with `RETURNING` fills a temporary table per row).
    let old: Option<(i64, i64, Option<String>)> = conn
        .prepare_cached("SELECT n, m, target_key FROM org_keys WHERE key = ?1")?
        .query_row([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let target = match old {
        None => {
            if n > 0 {
                conn.prepare_cached(
                    "INSERT INTO org_keys (key, name, initials, acronym, person_first, \
                     person_last, n, m) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![
                    key,
                    name,
                    inf.initials,
                    inf.acronym,
                    pf,
                    pl,
                    n,
                    m
                ])?;
            }
            None
        }
        Some((old_n, old_m, target)) => {
            if old_n + n <= 0 {
                conn.prepare_cached("DELETE FROM org_keys WHERE key = ?1")?
                    .execute([key])?;
            } else {
                conn.prepare_cached("UPDATE org_keys SET n = ?2, m = ?3 WHERE key = ?1")?
                    .execute(params![key, old_n + n, old_m + m])?;
            }
            target
        }
    };
    Ok(target.and_then(|t| serde_json::from_str(&t).ok()))
}

/// The keys whose candidates an organisation of this name is: those named by a word-suffix of
/// it, and the acronym of its initials.
fn touched_by_org(conn: &Connection, name: &str) -> rusqlite::Result<Vec<String>> {
    let words: Vec<&str> = name.split(' ').collect();
    let mut out = Vec::new();
    let mut by_name = conn.prepare_cached("SELECT key FROM org_keys WHERE name = ?1")?;
    for i in 1..words.len() {
        for k in by_name.query_map([words[i..].join(" ")], |r| r.get(0))? {
            out.push(k?);
        }
    }
    if let Some(brand) = crate::canon::brand_of(name) {
        // The brand alone (`Avalon` of `Avalon Foods`).
        for k in by_name.query_map([brand], |r| r.get(0))? {
            out.push(k?);
        }
    }
    let inits: Option<Option<String>> = conn
        .prepare_cached("SELECT initials FROM org_keys WHERE name = ?1 AND initials IS NOT NULL")?
        .query_row([name], |r| r.get(0))
        .optional()?;
    if let Some(Some(i)) = inits {
        let mut acr =
            conn.prepare_cached("SELECT key FROM org_keys WHERE name = ?1 AND acronym")?;
        for k in acr.query_map([i], |r| r.get(0))? {
            out.push(k?);
        }
    }
    Ok(out)
}

/// A candidate: its key and sightings.
fn candidates(conn: &Connection, key: &str) -> rusqlite::Result<Vec<(Key, usize)>> {
    let row: Option<(String, bool, Option<String>, Option<String>)> = conn
        .prepare_cached(
            "SELECT name, acronym, person_first, person_last FROM org_keys WHERE key = ?1",
        )?
        .query_row([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    let Some((name, acronym, pf, pl)) = row else {
        return Ok(Vec::new());
    };
    let count = |n: i64| usize::try_from(n).unwrap_or(0);
    let named = |kind: &str, name: String| match kind {
        "outlet" => Key::Named {
            kind: crate::lexicon::EntityKind::Outlet,
            name,
        },
        _ => Key::Named {
            kind: crate::lexicon::EntityKind::Org,
            name,
        },
    };
    let mut out: BTreeMap<Key, usize> = BTreeMap::new();
    let row3 = |r: &rusqlite::Row| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?));
    if acronym {
        let mut q =
            conn.prepare_cached("SELECT key, name, n FROM org_keys WHERE initials = ?1 AND m > 0")?;
        for r in q.query_map([&name], row3)? {
            let (k, nm, n): (String, String, i64) = r?;
            out.insert(named(kind_of_id(&k), nm), count(n));
        }
    }
    let last = name.rsplit(' ').next().unwrap_or(&name);
    let suffix = format!(" {name}");
    let mut q =
        conn.prepare_cached("SELECT key, name, n FROM named_keys WHERE word = ?1 AND m > 0")?;
    // An organisation word alone (`Department`) names none of those ending in it (canon).
    let generic = !name.contains(' ') && Lexicon::builtin().is_org_word(&name);
    for r in q.query_map([last], row3)? {
        let (k, nm, n): (String, String, i64) = r?;
        if !generic && matches!(kind_of_id(&k), "org" | "outlet") && nm.ends_with(&suffix) {
            out.insert(named(kind_of_id(&k), nm), count(n));
        }
    }
    // A brand alone (`Acme`, `Q-Avalon`): the company it names, which `named_keys` holds under
    // its brand (canon's `brand_of` decides both here and there).
    for r in q.query_map([&name], row3)? {
        let (k, nm, n): (String, String, i64) = r?;
        if matches!(kind_of_id(&k), "org" | "outlet")
            && crate::canon::brand_of(&nm) == Some(name.as_str())
        {
            out.insert(named(kind_of_id(&k), nm), count(n));
        }
    }
    if let (Some(first), Some(last)) = (pf, pl) {
        let p = Key::Person {
            first,
            last: last.clone(),
        };
        let n: Option<i64> = conn
            .prepare_cached("SELECT n FROM person_keys WHERE last = ?1 AND key = ?2 AND m > 0")?
            .query_row(params![last, p.id()], |r| r.get(0))
            .optional()?;
        if let Some(n) = n {
            out.insert(p, count(n));
        }
    }
    out.retain(|k, _| k.id() != key);
    let mut v: Vec<(Key, usize)> = out.into_iter().collect();
    v.sort_by_key(|c| std::cmp::Reverse(c.1));
    v.truncate(super::pool::POOL);
    Ok(v)
}

/// Decides a key's target again; when it changed, moves its stored sightings.
fn redecide(conn: &Connection, key: &str, out: &mut Linked) -> rusqlite::Result<()> {
    let lex = Lexicon::builtin();
    let before: Option<Option<String>> = conn
        .prepare_cached("SELECT target_key FROM org_keys WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    let Some(before) = before else { return Ok(()) };
    let before: Option<Key> = before.and_then(|t| serde_json::from_str(&t).ok());
    let pool = candidates(conn, key)?;
    let empty = BTreeSet::new();
    let roles: Vec<BTreeSet<String>> = pool
        .iter()
        .map(|(k, _)| super::pool::role_words(conn, &k.id()))
        .collect::<Result<_, _>>()?;
    let cands: Vec<Candidate> = pool
        .iter()
        .zip(&roles)
        .map(|((k, n), r)| Candidate {
            key: k,
            sightings: *n,
            gender: match k {
                Key::Person { first, .. } => lex.first_name(first),
                _ => None,
            },
            role_words: if r.is_empty() { &empty } else { r },
            shared_context: 0,
        })
        .collect();
    let now = decide(&Unlinked::default(), &cands).map(|i| pool[i].0.clone());
    if now == before {
        return Ok(());
    }
    conn.prepare_cached("UPDATE org_keys SET target = ?2, target_key = ?3 WHERE key = ?1")?
        .execute(params![
            key,
            now.as_ref().map(Key::id),
            now.as_ref()
                .map(|k| serde_json::to_string(k).unwrap_or_default())
        ])?;
    for t in before.iter().chain(&now) {
        out.words.extend(words_of(t));
        if let Key::Person { first, .. } = t {
            out.givens.insert(first.clone());
        }
        out.keys.insert(t.id(), t.clone());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SIGHT_COLUMNS} FROM mentions WHERE key_kind = {} AND named = \
         (SELECT name FROM org_keys WHERE key = ?1)",
        KeyKind::NAMED
    ))?;
    let entity = now.as_ref().map_or_else(|| key.to_string(), Key::id);
    for before in stmt.query_map([key], sight_from_row)? {
        let before = before?;
        if before.key != key {
            continue;
        }
        let mut after = before.clone();
        after.linked = now.as_ref().map(Key::id);
        after.entity = entity.clone();
        out.moved.push(Moved { before, after });
    }
    Ok(())
}
