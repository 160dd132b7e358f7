//! The counted rows of entities (`entity_names`, `entity_kinds`, `aliases`, `roles`,
//! `affiliations`): a batch's sums added, rows at zero deleted, in key order.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use crate::text::fold_name;

/// A batch's sums in key order.
pub(super) fn sorted<K: Ord, V>(map: HashMap<K, V>) -> Vec<(K, V)> {
    let mut v: Vec<(K, V)> = map.into_iter().collect();
    v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    v
}

/// Adds counts to a `(entity_id, <column>, n)` table, deleting rows that reach zero; returns
/// the entities that gained or lost a row. The stored count is read, then written (an upsert
/// with `RETURNING` fills a temporary table per row: several times the cost).
pub(super) fn counted<'a, V: AsRef<str> + Ord>(
    conn: &Connection,
    table: &str,
    column: &str,
    delta: HashMap<(&'a str, V), i64>,
) -> rusqlite::Result<BTreeSet<&'a str>> {
    let (extra, value) = if table == "affiliations" {
        (", folded", ", ?4")
    } else {
        ("", "")
    };
    let key = format!("WHERE entity_id = ?1 AND {column} = ?2");
    let mut read = conn.prepare_cached(&format!("SELECT n FROM {table} {key}"))?;
    let mut insert = conn.prepare_cached(&format!(
        "INSERT INTO {table} (entity_id, {column}, n{extra}) VALUES (?1, ?2, ?3{value})"
    ))?;
    let mut update = conn.prepare_cached(&format!("UPDATE {table} SET n = ?3 {key}"))?;
    let mut prune = conn.prepare_cached(&format!("DELETE FROM {table} {key}"))?;
    let mut changed = BTreeSet::new();
    for ((e, v), d) in sorted(delta) {
        if d == 0 {
            continue;
        }
        let v = v.as_ref();
        let old: Option<i64> = read.query_row([e, v], |r| r.get(0)).optional()?;
        let n = old.unwrap_or(0) + d;
        if n <= 0 {
            if old.is_some() {
                prune.execute([e, v])?;
            }
            changed.insert(e);
        } else if old.is_none() {
            if table == "affiliations" {
                insert.execute(params![e, v, n, fold_name(v)])?;
            } else {
                insert.execute(params![e, v, n])?;
            }
            changed.insert(e); // a new row
        } else {
            update.execute(params![e, v, n])?;
        }
    }
    Ok(changed)
}

/// Adds name counts to `entity_names` (all uses and mentions' uses), deleting rows no sighting
/// uses any more. (An entity's lookup rows in `names` follow its shown name and aliases, not
/// these counts: a new or lost row here rewrites them only when it changes the shown name.)
pub(super) fn names(
    conn: &Connection,
    delta: HashMap<(&str, &str), (i64, i64)>,
) -> rusqlite::Result<()> {
    let key = "WHERE entity_id = ?1 AND name = ?2";
    let mut read = conn.prepare_cached(&format!("SELECT n, m FROM entity_names {key}"))?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO entity_names (entity_id, name, n, m) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut update =
        conn.prepare_cached(&format!("UPDATE entity_names SET n = ?3, m = ?4 {key}"))?;
    let mut prune = conn.prepare_cached(&format!("DELETE FROM entity_names {key}"))?;
    for ((e, v), (d, dm)) in sorted(delta) {
        if d == 0 && dm == 0 {
            continue;
        }
        let old: Option<(i64, i64)> = read
            .query_row([e, v], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (n, m) = old.map_or((d, dm), |(n, m)| (n + d, m + dm));
        if n <= 0 {
            if old.is_some() {
                prune.execute([e, v])?;
            }
        } else if old.is_none() {
            insert.execute(params![e, v, n, m])?;
        } else {
            update.execute(params![e, v, n, m])?;
        }
    }
    Ok(())
}
