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
    articles: HashMap<(String, i64), i64>,
}

impl Deltas {
    /// Adds (`sign` 1) or takes away (-1) what a sighting gives its entity.
    pub(super) fn add(&mut self, s: &Sight, sign: i64) {
        let e = &s.entity;
        *self.articles.entry((e.clone(), s.article)).or_default() += sign;
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
        // Entities whose name or aliases may have changed: their lookup rows are rewritten.
        let mut renamed: BTreeSet<String> = BTreeSet::new();
        renamed.extend(counted(conn, "entity_names", "name", self.names)?);
        renamed.extend(counted(conn, "aliases", "alias", self.aliases)?);
        counted(conn, "roles", "role", self.roles)?;
        counted(conn, "affiliations", "affiliation", self.affiliations)?;
        for ((e, a), d) in self.articles {
            if d != 0 {
                conn.prepare_cached(
                    "INSERT INTO entity_articles (entity_id, article_id, n) VALUES (?1, ?2, ?3) \
                     ON CONFLICT (entity_id, article_id) DO UPDATE SET n = n + excluded.n",
                )?
                .execute(params![e, a, d])?;
                if d < 0 {
                    conn.prepare_cached(
                        "DELETE FROM entity_articles WHERE entity_id = ?1 AND article_id = ?2 \
                         AND n <= 0",
                    )?
                    .execute(params![e, a])?;
                }
            }
        }
        for id in self.counts.keys() {
            refresh(conn, id, renamed.contains(id))?;
        }
        Ok(())
    }
}

/// Adds counts to a `(entity_id, <column>, n)` table, deleting rows that reach zero; returns
/// the entities that gained or lost a row.
fn counted(
    conn: &Connection,
    table: &str,
    column: &str,
    delta: HashMap<(String, String), i64>,
) -> rusqlite::Result<BTreeSet<String>> {
    let extra = if table == "affiliations" {
        (", folded", ", ?4")
    } else {
        ("", "")
    };
    let upsert = format!(
        "INSERT INTO {table} (entity_id, {column}, n{}) VALUES (?1, ?2, ?3{}) \
         ON CONFLICT (entity_id, {column}) DO UPDATE SET n = n + excluded.n RETURNING n",
        extra.0, extra.1
    );
    let prune = format!("DELETE FROM {table} WHERE entity_id = ?1 AND {column} = ?2");
    let mut changed = BTreeSet::new();
    for ((e, v), d) in delta {
        if d == 0 {
            continue;
        }
        let n: i64 = if table == "affiliations" {
            conn.prepare_cached(&upsert)?
                .query_row(params![e, v, d, fold_name(&v)], |r| r.get(0))?
        } else {
            conn.prepare_cached(&upsert)?
                .query_row(params![e, v, d], |r| r.get(0))?
        };
        if n <= 0 {
            conn.prepare_cached(&prune)?.execute([&e, &v])?;
            changed.insert(e);
        } else if n == d {
            changed.insert(e); // a new row
        }
    }
    Ok(changed)
}

/// Recomputes an entity's shown name (and, when `renamed` or the name changed, its lookup rows),
/// or removes it when nothing denotes it any more.
fn refresh(conn: &Connection, id: &str, renamed: bool) -> rusqlite::Result<()> {
    let row: Option<(i64, String)> = conn
        .prepare_cached("SELECT sightings, name FROM entities WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((sightings, old_name)) = row.filter(|r| r.0 > 0) else {
        for sql in [
            "DELETE FROM entities WHERE id = ?1",
            "DELETE FROM entity_names WHERE entity_id = ?1",
            "DELETE FROM names WHERE entity_id = ?1",
        ] {
            conn.prepare_cached(sql)?.execute([id])?;
        }
        return Ok(());
    };
    debug_assert!(sightings > 0);
    let names: Vec<(String, i64)> = conn
        .prepare_cached("SELECT name, n FROM entity_names WHERE entity_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let name = match canon::entity_name(names.iter().map(|(n, c)| (n.as_str(), *c as usize))) {
        Some(n) => n,
        None => first_sighting_name(conn, id)?,
    };
    if name == old_name && !renamed {
        return Ok(());
    }
    let person = kind_of_id(id) == "person";
    conn.prepare_cached("UPDATE entities SET name = ?2, last = ?3 WHERE id = ?1")?
        .execute(params![id, name, person.then(|| last_name_key(&name))])?;
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
         JOIN mentions m ON m.article_id = e.article_id AND m.entity_id = e.entity_id \
         WHERE e.entity_id = ?1 ORDER BY a.doc_id, \
         CASE m.slot WHEN 'text' THEN 0 WHEN 'speaker' THEN 1 ELSE 2 END, m.item LIMIT 1",
    )?
    .query_row([id], |r| r.get(0))
    .optional()
    .map(Option::unwrap_or_default)
}
