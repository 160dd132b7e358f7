//! Canonical entities kept up to date by counts: each sighting adds to its entity's counts,
//! names, aliases, roles and affiliations, and takes them away when it leaves (its article
//! replaced, or linked to another entity). Only the entities a batch touches are refreshed:
//! their shown name (mentions' names first, then canon's `entity_name` over the name counts),
//! the kind of a `name:` entity (a person when a sighting has an honorific, else the kind its
//! sightings are read as most often, from the counts in `entity_kinds`), and their rows in the name lookup table `names`, which answers
//! what [`crate::canon::Canon::find`] answers in memory.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use super::counts::{counted, names, sorted};

use super::rows::{KeyKind, Sight};
use crate::canon::{self, Voters};
use crate::lexicon::EntityKind;
use crate::text::{fold_name, last_name_key};

/// The kind part of an entity id (`person` of `person:mark-rutte`).
pub(super) fn kind_of_id(id: &str) -> &str {
    id.split_once(':').map_or("anonymous", |(k, _)| k)
}

/// The `entity_kinds` row that counts a `name:` entity's sightings with an honorific or a
/// gendered title: any makes it a person.
const HONORIFIC: &str = "honorific";

#[derive(Default)]
struct Counts {
    sightings: i64,
    mentions: i64,
    quotes: i64,
}

/// Count changes of a batch, summed before they are written (one write per row touched), then
/// written in key order ([`sorted`]): neighbouring rows one after another, so a batch touches
/// each page of a large store's tables once rather than once per row. Keys borrow the
/// sightings' strings (no copy per sighting; the writer thread is the pipeline's bottleneck).
#[derive(Default)]
pub(super) struct Deltas<'a> {
    counts: HashMap<&'a str, Counts>,
    /// (entity, name) -> (uses, uses by a mention in the text).
    names: HashMap<(&'a str, &'a str), (i64, i64)>,
    /// `name:` entities: (entity, slot of a speaker or target or `""` for a mention, kind its
    /// sighting is read as) -> sightings.
    kinds: HashMap<(&'a str, &'static str, &'static str), i64>,
    aliases: HashMap<(&'a str, &'a str), i64>,
    roles: HashMap<(&'a str, &'a str), i64>,
    affiliations: HashMap<(&'a str, &'a str), i64>,
    articles: HashMap<(&'a str, i64), i64>,
    /// Last names of people sighted: the `name:` entity of the word (whether the corpus names
    /// people in full with it decides its kind).
    person_lasts: HashSet<&'a str>,
    /// `name:` entities sighted, with their word.
    name_lasts: HashMap<&'a str, &'a str>,
}

impl<'a> Deltas<'a> {
    /// Adds (`sign` 1) or takes away (-1) what a sighting gives its entity.
    pub(super) fn add(&mut self, s: &'a Sight, sign: i64) {
        let e = s.entity.as_str();
        *self.articles.entry((e, s.article)).or_default() += sign;
        let c = self.counts.entry(e).or_default();
        c.sightings += sign;
        match s.slot {
            "text" => c.mentions += sign,
            "speaker" => c.quotes += sign,
            _ => {}
        }
        if s.key_kind != KeyKind::Nominal {
            let n = self.names.entry((e, &s.name)).or_default();
            n.0 += sign;
            if s.slot == "text" {
                n.1 += sign;
            }
        }
        let name = kind_of_id(e) == "name";
        if let Some(last) = &s.last {
            if s.key_kind == KeyKind::Person {
                self.person_lasts.insert(last);
            } else if name {
                let l = self.name_lasts.entry(e).or_insert(last);
                *l = (*l).min(last.as_str());
            }
        }
        if name {
            // Mentions' readings plain, a speaker's or a target's under its slot (canon's
            // voters: mentions first, then speakers, then all).
            let slot = if s.slot == "text" { "" } else { s.slot };
            *self.kinds.entry((e, slot, s.read.as_str())).or_default() += sign;
            if s.gender.is_some() {
                // An honorific or gendered title (`Mr. Berg`) says person, as canon's `kind_of`.
                *self.kinds.entry((e, "", HONORIFIC)).or_default() += sign;
            }
        }
        if s.is_alias {
            *self.aliases.entry((e, s.alias.trim())).or_default() += sign;
        }
        if let Some(r) = &s.role {
            *self.roles.entry((e, r)).or_default() += sign;
        }
        for a in &s.affiliations {
            *self.affiliations.entry((e, a)).or_default() += sign;
        }
    }

    /// The `name:` entities the batch touches with their word: a sighting's own, and the
    /// entity of each last name people are sighted with (on two words for one entity, the
    /// first in order, whatever the order of the sightings).
    fn lasts(&self) -> HashMap<String, &'a str> {
        let mut lasts: HashMap<String, &'a str> = HashMap::default();
        let people = self
            .person_lasts
            .iter()
            .map(|l| (format!("name:{}", canon::keys::slug(l)), *l));
        let names = self.name_lasts.iter().map(|(e, l)| (e.to_string(), *l));
        for (id, last) in people.chain(names) {
            let l = lasts.entry(id).or_insert(last);
            *l = (*l).min(last);
        }
        lasts
    }

    /// Writes the changes and refreshes every entity they touch.
    pub(super) fn apply(self, conn: &Connection) -> rusqlite::Result<()> {
        let lasts = self.lasts();
        let mut count = conn.prepare_cached(
            "INSERT INTO entities (id, name, kind, mentions, quotes, sightings) \
             VALUES (?1, '', ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET \
             mentions = mentions + excluded.mentions, quotes = quotes + excluded.quotes, \
             sightings = sightings + excluded.sightings",
        )?;
        let counts = sorted(self.counts);
        for (id, c) in &counts {
            if c.sightings == 0 && c.mentions == 0 && c.quotes == 0 {
                continue;
            }
            count.execute(params![
                id,
                kind_of_id(id),
                c.mentions,
                c.quotes,
                c.sightings
            ])?;
        }
        names(conn, self.names)?;
        let kinds = self.kinds.into_iter().map(|((e, slot, kind), n)| {
            let vote = if slot.is_empty() {
                kind.to_string()
            } else {
                format!("{slot}:{kind}")
            };
            ((e, vote), n)
        });
        counted(conn, "entity_kinds", "kind", kinds.collect())?;
        // Entities that gained or lost an alias: their lookup rows are rewritten (a changed
        // shown name rewrites them too, in `refresh`).
        let renamed = counted(conn, "aliases", "alias", self.aliases)?;
        counted(conn, "roles", "role", self.roles)?;
        counted(conn, "affiliations", "affiliation", self.affiliations)?;
        let mut upsert = conn.prepare_cached(
            "INSERT INTO entity_articles (entity_id, article_id, n) VALUES (?1, ?2, ?3) \
             ON CONFLICT (entity_id, article_id) DO UPDATE SET n = n + excluded.n",
        )?;
        let mut prune = conn.prepare_cached(
            "DELETE FROM entity_articles WHERE entity_id = ?1 AND article_id = ?2 AND n <= 0",
        )?;
        for ((e, a), d) in sorted(self.articles) {
            if d != 0 {
                upsert.execute(params![e, a, d])?;
                if d < 0 {
                    prune.execute(params![e, a])?;
                }
            }
        }
        for (id, _) in &counts {
            refresh(conn, id, renamed.contains(id), lasts.get(*id).copied())?;
        }
        // A single word whose people changed: its kind may change with them.
        for (id, last) in sorted(lasts) {
            if counts
                .binary_search_by(|(c, _)| (*c).cmp(id.as_str()))
                .is_err()
            {
                refresh(conn, &id, false, Some(last))?;
            }
        }
        Ok(())
    }
}

/// The kind of a `name:` entity (a single word no one claimed), as canon's `kind_of` gives it:
/// a person when a sighting has an honorific, else the kind its mentions are read as most often
/// (its speakers' readings only when no mention has one, its targets' last), people first on a
/// tie; other entities' kind is their id's.
fn entity_kind(conn: &Connection, id: &str, last: Option<&str>) -> rusqlite::Result<String> {
    if kind_of_id(id) != "name" {
        return Ok(kind_of_id(id).to_string());
    }
    let votes: Vec<(String, i64)> = conn
        .prepare_cached("SELECT kind, n FROM entity_kinds WHERE entity_id = ?1 AND n > 0")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let honorific = votes.iter().any(|(k, _)| k == HONORIFIC);
    // Rows are `kind` for text mentions, `speaker:kind` and `target:kind` for the others.
    let tiered = votes.iter().filter_map(|(k, n)| {
        let (tier, kind) = match k.split_once(':') {
            None => (Voters::Mentions, k.as_str()),
            Some(("speaker", kind)) => (Voters::Speakers, kind),
            Some((_, kind)) => (Voters::All, kind),
        };
        let kind = super::rows::parse::<EntityKind>(kind)?;
        Some((tier, kind, usize::try_from(*n).unwrap_or(0)))
    });
    let kind = canon::vote_kind(honorific, people_named(conn, last)?, tiered);
    Ok(kind.as_str().to_string())
}

/// Whether the corpus names people in full with this last name (canon's `person_lasts`).
fn people_named(conn: &Connection, last: Option<&str>) -> rusqlite::Result<bool> {
    let Some(last) = last else { return Ok(false) };
    Ok(conn
        .prepare_cached("SELECT 1 FROM person_keys WHERE last = ?1 AND n > 0 LIMIT 1")?
        .query_row([last], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The name shown for an entity, as `canon::build` chooses it: canon's `entity_name` over the
/// names mentions in the text use, else over every sighting's names, else the first
/// sighting's name (an entity only nominals denote).
fn shown_name(conn: &Connection, id: &str) -> rusqlite::Result<String> {
    let names: Vec<(String, i64, i64)> = conn
        .prepare_cached("SELECT name, n, m FROM entity_names WHERE entity_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let count = |c: i64| usize::try_from(c).unwrap_or(0);
    let mentioned = names.iter().filter(|n| n.2 > 0);
    let name = canon::entity_name(mentioned.map(|(n, _, m)| (n.as_str(), count(*m))))
        .or_else(|| canon::entity_name(names.iter().map(|(n, c, _)| (n.as_str(), count(*c)))));
    match name {
        Some(n) => Ok(n),
        None => first_sighting_name(conn, id),
    }
}

/// Recomputes an entity's shown name (and, when `renamed` or the name changed, its lookup rows),
/// or removes it when nothing denotes it any more.
fn refresh(conn: &Connection, id: &str, renamed: bool, last: Option<&str>) -> rusqlite::Result<()> {
    let row: Option<(i64, String, String)> = conn
        .prepare_cached("SELECT sightings, name, kind FROM entities WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((sightings, old_name, old_kind)) = row.filter(|r| r.0 > 0) else {
        for sql in [
            "DELETE FROM entities WHERE id = ?1",
            "DELETE FROM entity_names WHERE entity_id = ?1",
            "DELETE FROM entity_kinds WHERE entity_id = ?1",
            "DELETE FROM names WHERE entity_id = ?1",
        ] {
            conn.prepare_cached(sql)?.execute([id])?;
        }
        return Ok(());
    };
    debug_assert!(sightings > 0);
    let name = shown_name(conn, id)?;
    let kind = entity_kind(conn, id, last)?;
    if name == old_name && kind == old_kind && !renamed {
        return Ok(());
    }
    // People are found by their last name (`entities.last`), as `Canon::find` finds them.
    let person = kind == "person";
    conn.prepare_cached("UPDATE entities SET name = ?2, last = ?3, kind = ?4 WHERE id = ?1")?
        .execute(params![
            id,
            name,
            person.then(|| last_name_key(&name)),
            kind
        ])?;
    if name == old_name && !renamed {
        return Ok(());
    }
    conn.prepare_cached("DELETE FROM names WHERE entity_id = ?1")?
        .execute([id])?;
    let aliases: Vec<String> = conn
        .prepare_cached("SELECT alias FROM aliases WHERE entity_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut rows: BTreeSet<(String, bool)> = BTreeSet::new();
    for a in std::iter::once(&name).chain(&aliases) {
        let f = fold_name(a);
        rows.insert((bare(&f).to_string(), false));
        rows.insert((f, false));
    }
    rows.insert((bare(&fold_name(&name)).to_string(), true));
    rows.insert((id.to_string(), true));
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO names (key, entity_id, canonical) VALUES (?1, ?2, ?3)",
    )?;
    for (key, canonical) in rows {
        insert.execute(params![key, id, canonical])?;
    }
    Ok(())
}

/// A folded name without a leading `the `.
pub(super) fn bare(folded: &str) -> &str {
    folded.strip_prefix("the ").unwrap_or(folded)
}

/// The name of the entity's first sighting (by doc id, then place in the article): the name of
/// an entity only nominals denote.
fn first_sighting_name(conn: &Connection, id: &str) -> rusqlite::Result<String> {
    conn.prepare_cached(
        "SELECT m.name FROM entity_articles e JOIN articles a ON a.id = e.article_id \
         JOIN mentions m ON m.id BETWEEN e.article_id << 24 AND (e.article_id << 24) + 16777215 \
         AND m.entity_id = e.entity_id \
         WHERE e.entity_id = ?1 ORDER BY a.doc_id, \
         CASE m.slot WHEN 'text' THEN 0 WHEN 'speaker' THEN 1 ELSE 2 END, m.item LIMIT 1",
    )?
    .query_row([id], |r| r.get(0))
    .optional()
    .map(Option::unwrap_or_default)
}
