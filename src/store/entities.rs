//! Canonical entities kept up to date by counts: each sighting adds to its entity's counts,
//! names, aliases, roles and affiliations, and takes them away when it leaves (its article
//! replaced, or linked to another entity). Only the entities a batch touches are refreshed:
//! their shown name (canon's `entity_name` over the name counts) and their rows in the name
//! lookup table `names`, which answers what [`crate::canon::Canon::find`] answers in memory.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{params, Connection, OptionalExtension};

use super::rows::{KeyKind, Sight};
use crate::canon;
use crate::text::{fold_name, last_name_key};

/// The kind part of an entity id (`person` of `person:mark-rutte`).
pub(super) fn kind_of_id(id: &str) -> &str {
    id.split_once(':').map_or("anonymous", |(k, _)| k)
}

#[derive(Default)]
struct Counts {
    sightings: i64,
    mentions: i64,
    quotes: i64,
}

/// Count changes of a batch, summed before they are written (one write per row touched).
#[derive(Default)]
pub(super) struct Deltas {
    counts: HashMap<String, Counts>,
    names: HashMap<(String, String), i64>,
    aliases: HashMap<(String, String), i64>,
    roles: HashMap<(String, String), i64>,
    affiliations: HashMap<(String, String), i64>,
}

impl Deltas {
    /// Adds (`sign` 1) or takes away (-1) what a sighting gives its entity.
    pub(super) fn add(&mut self, s: &Sight, sign: i64) {
        let e = &s.entity;
        let c = self.counts.entry(e.clone()).or_default();
        c.sightings += sign;
        match s.slot {
            "text" => c.mentions += sign,
            "speaker" => c.quotes += sign,
            _ => {}
        }
        if s.key_kind != KeyKind::Nominal {
            *self.names.entry((e.clone(), s.name.clone())).or_default() += sign;
        }
        if s.is_alias {
            let alias = s.alias.trim().to_string();
            *self.aliases.entry((e.clone(), alias)).or_default() += sign;
        }
        if let Some(r) = &s.role {
            *self.roles.entry((e.clone(), r.clone())).or_default() += sign;
        }
        for a in &s.affiliations {
            *self.affiliations.entry((e.clone(), a.clone())).or_default() += sign;
        }
    }

    /// Writes the changes and refreshes every entity they touch.
    pub(super) fn apply(self, conn: &Connection) -> rusqlite::Result<()> {
        let touched: BTreeSet<String> = self.counts.keys().cloned().collect();
        for (id, c) in &self.counts {
            if c.sightings == 0 && c.mentions == 0 && c.quotes == 0 {
                continue;
            }
            conn.prepare_cached(
                "INSERT INTO entities (id, name, kind, mentions, quotes, sightings) \
                 VALUES (?1, '', ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET \
                 mentions = mentions + excluded.mentions, quotes = quotes + excluded.quotes, \
                 sightings = sightings + excluded.sightings",
            )?
            .execute(params![
                id,
                kind_of_id(id),
                c.mentions,
                c.quotes,
                c.sightings
            ])?;
        }
        counted(conn, "entity_names", "name", self.names)?;
        counted(conn, "aliases", "alias", self.aliases)?;
        counted(conn, "roles", "role", self.roles)?;
        counted(conn, "affiliations", "affiliation", self.affiliations)?;
        for id in &touched {
            refresh(conn, id)?;
        }
        Ok(())
    }
}

/// Adds counts to a `(entity_id, <column>, n)` table, deleting rows that reach zero.
fn counted(
    conn: &Connection,
    table: &str,
    column: &str,
    delta: HashMap<(String, String), i64>,
) -> rusqlite::Result<()> {
    let extra = if table == "affiliations" {
        (", folded", ", ?4")
    } else {
        ("", "")
    };
    let upsert = format!(
        "INSERT INTO {table} (entity_id, {column}, n{}) VALUES (?1, ?2, ?3{}) \
         ON CONFLICT (entity_id, {column}) DO UPDATE SET n = n + excluded.n",
        extra.0, extra.1
    );
    let prune = format!("DELETE FROM {table} WHERE entity_id = ?1 AND {column} = ?2 AND n <= 0");
    for ((e, v), d) in delta {
        if d == 0 {
            continue;
        }
        if table == "affiliations" {
            conn.prepare_cached(&upsert)?
                .execute(params![e, v, d, fold_name(&v)])?;
        } else {
            conn.prepare_cached(&upsert)?.execute(params![e, v, d])?;
        }
        if d < 0 {
            conn.prepare_cached(&prune)?.execute([&e, &v])?;
        }
    }
    Ok(())
}

/// Recomputes an entity's shown name and lookup rows, or removes it when nothing denotes it.
fn refresh(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    let sightings: Option<i64> = conn
        .prepare_cached("SELECT sightings FROM entities WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    conn.prepare_cached("DELETE FROM names WHERE entity_id = ?1")?
        .execute([id])?;
    if sightings.unwrap_or(0) <= 0 {
        for table in ["entities WHERE id", "entity_names WHERE entity_id"] {
            conn.prepare_cached(&format!("DELETE FROM {table} = ?1"))?
                .execute([id])?;
        }
        return Ok(());
    }
    let names: Vec<(String, i64)> = conn
        .prepare_cached("SELECT name, n FROM entity_names WHERE entity_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let name = match canon::entity_name(names.iter().map(|(n, c)| (n.as_str(), *c as usize))) {
        Some(n) => n,
        None => first_sighting_name(conn, id)?,
    };
    let person = kind_of_id(id) == "person";
    conn.prepare_cached("UPDATE entities SET name = ?2, last = ?3 WHERE id = ?1")?
        .execute(params![id, name, person.then(|| last_name_key(&name))])?;
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
        "SELECT m.name FROM mentions m JOIN articles a ON a.id = m.article_id \
         WHERE m.entity_id = ?1 ORDER BY a.doc_id, \
         CASE m.slot WHEN 'text' THEN 0 WHEN 'speaker' THEN 1 ELSE 2 END, m.item LIMIT 1",
    )?
    .query_row([id], |r| r.get(0))
    .optional()
    .map(Option::unwrap_or_default)
}
