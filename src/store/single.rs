//! Single name words (`Berg`, `Avalonia`), linked incrementally as `canon::links` links them:
//! per sighting, by canon's pure [`decide`] among the candidates indexed tables give.
//!
//! Candidates are the keys some mention in the text names: people by last name (or, for a given
//! name alone when no one has it as a last name, by given name) in `person_keys`; organisations
//! by their name and by their last word, places by their one specific word, in `named_keys`;
//! each with its sightings (`n`), mentions (`m`), and role words (`key_words`). A sighting
//! brings its honorific gender (`mentions.gender`), the kind its article reads it as
//! (`read_kind`) and its title words: together with the word, its *signature*. Decisions are
//! kept per signature in `word_links` (with how many sightings have it), so a batch that changes
//! the candidates of a word decides that word's few signatures again and moves only the
//! sightings of the signatures whose answer changed.
//!
//! Organisation keys joined to another key first (`orgs`) count as that key, their sightings
//! together. Left out, where canon weighs the whole corpus: the context a candidate shares with
//! the sighting's article (0 for every candidate here: it would make every decision depend on
//! the article, so a new article could change the answer of every sighting of a word), and a
//! candidate's gender from honorifics (here from its given name only).

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::candidates::{apply_candidates, owned, Deltas};
use super::pool::{gender_str, parse_gender, Pools};
use super::rows::{sight_from_row, KeyKind, Sight, SIGHT_COLUMNS};
use crate::canon::decide::{decide, Candidate, Unlinked};
use crate::canon::keys::Key;
use crate::lexicon::Lexicon;

/// A stored sighting and what it becomes.
pub(super) struct Moved {
    pub before: Sight,
    pub after: Sight,
}

/// A signature and the entity stored for it.
type Decision = (Signature, String);

/// What decides a single word's sighting: (word, gender, read kind, title words).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Signature {
    pub last: String,
    pub gender: String,
    pub kind: String,
    pub roles: String,
}

pub(super) fn signature(s: &Sight, lex: &Lexicon) -> Signature {
    let roles: Vec<&str> = s
        .role_words
        .iter()
        .filter(|w| lex.is_title_word(w))
        .map(String::as_str)
        .collect();
    Signature {
        last: s.last.clone().unwrap_or_default(),
        gender: s.gender.map_or("", gender_str).to_string(),
        kind: s.read.as_str().to_string(),
        roles: roles.join(" "),
    }
}

/// The entity a signature's sightings denote: canon's `decide` among the word's candidates, or
/// the word itself (`name:berg`) when none is singled out.
fn decide_signature(
    conn: &Connection,
    pools: &mut Pools,
    sig: &Signature,
    keys: &mut HashMap<String, Key>,
) -> rusqlite::Result<String> {
    let own = Key::LastName {
        last: sig.last.clone(),
    };
    let pool = pools.pool(conn, &sig.last)?;
    let u = Unlinked {
        gender: parse_gender(&sig.gender),
        role_words: sig
            .roles
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect(),
        kind: super::rows::parse(&sig.kind),
    };
    let cands: Vec<Candidate> = pool
        .iter()
        .map(|c| Candidate {
            key: &c.key,
            sightings: c.n,
            gender: c.gender,
            role_words: &c.roles,
            shared_context: 0,
        })
        .collect();
    let chosen = decide(&u, &cands).map_or(own, |i| pool[i].key.clone());
    let id = chosen.id();
    keys.insert(id.clone(), chosen);
    Ok(id)
}

/// Links the single words of a batch. `removed`: sightings of deleted articles (gone from the
/// tables already); `added`: the batch's new sightings, whose `linked` this fills for people
/// and single words. Returns the stored sightings that change, and the keys of the entities
/// decided (for the names of people in `role_index`).
pub(super) fn link(
    conn: &Connection,
    removed: &[Sight],
    added: &mut [Sight],
) -> rusqlite::Result<(Vec<Moved>, HashMap<String, Key>)> {
    let lex = Lexicon::builtin();
    let mut d = Deltas::default();
    for s in removed {
        d.add(s, -1, lex);
    }
    for s in added.iter() {
        d.add(s, 1, lex);
    }
    apply_candidates(conn, &d)?;
    let people: BTreeSet<(String, String)> = d
        .people
        .iter()
        .map(|((last, _), (first, ..))| (first.to_string(), last.to_string()))
        .collect();
    // The batch's own sightings are borrowed no longer: the organisations link them.
    let (mut touched, mut givens) = (owned(&d.touched), owned(&d.givens));
    let Deltas { sigs, .. } = d;
    let org = super::orgs::link(conn, removed, added, &people)?;
    touched.extend(org.words);
    givens.extend(org.givens);
    let (mut sigs, fresh) = apply_signatures(conn, &sigs)?;
    sigs.extend(signatures_of(conn, &touched, &givens)?);
    let mut pools = Pools::default();
    let mut keys = org.keys;
    let mut decided: HashMap<Signature, String> = HashMap::default();
    let mut changed: Vec<Decision> = Vec::new();
    for (sig, before) in sigs {
        if decided.contains_key(&sig) {
            continue;
        }
        let now = decide_signature(conn, &mut pools, &sig, &mut keys)?;
        if now != before {
            conn.prepare_cached(
                "UPDATE word_links SET entity = ?5 WHERE last = ?1 AND gender = ?2 \
                 AND kind = ?3 AND roles = ?4",
            )?
            .execute(params![sig.last, sig.gender, sig.kind, sig.roles, now])?;
            if !fresh.contains(&sig) {
                changed.push((sig.clone(), now.clone()));
            }
        }
        decided.insert(sig, now);
    }
    for s in added.iter_mut() {
        match s.key_kind {
            KeyKind::Person => s.linked = Some(s.key.clone()),
            KeyKind::LastName => {
                let sig = signature(s, lex);
                s.linked = Some(match decided.get(&sig) {
                    Some(e) => e.clone(),
                    None => stored_decision(conn, &sig)?.unwrap_or_else(|| s.key.clone()),
                });
            }
            _ => {}
        }
    }
    let mut all = org.moved;
    all.extend(moved(conn, &changed, lex)?);
    Ok((all, keys))
}

/// Applies the batch's signature counts; returns the signatures it touches with their stored
/// decision (`""` for a new one), and the new ones.
fn apply_signatures(
    conn: &Connection,
    delta: &HashMap<Signature, i64>,
) -> rusqlite::Result<(Vec<Decision>, BTreeSet<Signature>)> {
    let lex = Lexicon::builtin();
    let mut out = Vec::new();
    let mut fresh = BTreeSet::new();
    for (sig, d) in delta {
        let before = stored_decision(conn, sig)?;
        let given = lex
            .first_name(&sig.last)
            .map(|_| lex.formal_name(&sig.last).to_string());
        // Read, then written (an upsert with `RETURNING` fills a temporary table per row).
        let at = "WHERE last = ?1 AND gender = ?2 AND kind = ?3 AND roles = ?4";
        let key = params![sig.last, sig.gender, sig.kind, sig.roles];
        let old: Option<i64> = conn
            .prepare_cached(&format!("SELECT n FROM word_links {at}"))?
            .query_row(key, |r| r.get(0))
            .optional()?;
        let n = old.unwrap_or(0) + d;
        if n <= 0 {
            if old.is_some() {
                conn.prepare_cached(&format!("DELETE FROM word_links {at}"))?
                    .execute(key)?;
            }
            continue;
        }
        if old.is_some() {
            conn.prepare_cached(&format!("UPDATE word_links SET n = ?5 {at}"))?
                .execute(params![sig.last, sig.gender, sig.kind, sig.roles, n])?;
        } else {
            conn.prepare_cached(
                "INSERT INTO word_links (last, gender, kind, roles, given, entity, n) \
                 VALUES (?1, ?2, ?3, ?4, ?5, '', ?6)",
            )?
            .execute(params![sig.last, sig.gender, sig.kind, sig.roles, given, n])?;
        }
        if before.is_none() {
            fresh.insert(sig.clone());
        }
        out.push((sig.clone(), before.unwrap_or_default()));
    }
    Ok((out, fresh))
}

fn stored_decision(conn: &Connection, sig: &Signature) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached(
        "SELECT entity FROM word_links WHERE last = ?1 AND gender = ?2 AND kind = ?3 \
         AND roles = ?4",
    )?
    .query_row(params![sig.last, sig.gender, sig.kind, sig.roles], |r| {
        r.get(0)
    })
    .optional()
}

/// The stored signatures of words whose candidates changed, with their decisions.
fn signatures_of(
    conn: &Connection,
    words: &BTreeSet<String>,
    givens: &BTreeSet<String>,
) -> rusqlite::Result<Vec<Decision>> {
    let row = |r: &rusqlite::Row| {
        Ok((
            Signature {
                last: r.get(0)?,
                gender: r.get(1)?,
                kind: r.get(2)?,
                roles: r.get(3)?,
            },
            r.get(4)?,
        ))
    };
    let mut out = Vec::new();
    let select = "SELECT last, gender, kind, roles, entity FROM word_links WHERE";
    for (column, keys) in [("last", words), ("given", givens)] {
        let mut stmt = conn.prepare_cached(&format!("{select} {column} = ?1"))?;
        for k in keys {
            for r in stmt.query_map([k], row)? {
                out.push(r?);
            }
        }
    }
    Ok(out)
}

/// Stored sightings of signatures whose decision changed, linked again.
fn moved(conn: &Connection, changed: &[Decision], lex: &Lexicon) -> rusqlite::Result<Vec<Moved>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SIGHT_COLUMNS} FROM mentions WHERE key_kind = {} AND last = ?1 \
         AND coalesce(gender, '') = ?2 AND coalesce(read_kind, kind) = ?3",
        KeyKind::LAST_NAME
    ))?;
    for (sig, now) in changed {
        for before in stmt.query_map(params![sig.last, sig.gender, sig.kind], sight_from_row)? {
            let before = before?;
            if &signature(&before, lex) != sig {
                continue;
            }
            let mut after = before.clone();
            after.linked = Some(now.clone());
            after.entity = now.clone();
            if after.linked != before.linked {
                out.push(Moved { before, after });
            }
        }
    }
    Ok(out)
}
