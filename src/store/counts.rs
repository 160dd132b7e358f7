//! The counted rows of entities (`entity_names`, `entity_kinds`, `aliases`, `roles`,
//! `affiliations`): a batch's sums added, rows at zero deleted, in key order.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use rusqlite::{params, Connection};

use crate::text::fold_name;

/// A batch's sums in key order.
pub(super) fn sorted<K: Ord, V>(map: HashMap<K, V>) -> Vec<(K, V)> {
    let mut v: Vec<(K, V)> = map.into_iter().collect();
    v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    v
}

/// Adds counts to a `(entity_id, <column>, n)` table, deleting rows that reach zero; returns
/// the entities that gained or lost a row.
pub(super) fn counted<'a, V: AsRef<str> + Ord>(
    conn: &Connection,
    table: &str,
    column: &str,
    delta: HashMap<(&'a str, V), i64>,
) -> rusqlite::Result<BTreeSet<&'a str>> {
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
    let mut up = conn.prepare_cached(&upsert)?;
    for ((e, v), d) in sorted(delta) {
        if d == 0 {
            continue;
        }
        let v = v.as_ref();
        let n: i64 = if table == "affiliations" {
            up.query_row(params![e, v, d, fold_name(v)], |r| r.get(0))?
        } else {
            up.query_row(params![e, v, d], |r| r.get(0))?
        };
        if n <= 0 {
            conn.prepare_cached(&prune)?.execute([e, v])?;
            changed.insert(e);
        } else if n == d {
            changed.insert(e); // a new row
        }
    }
    Ok(changed)
}

/// Adds name counts to `entity_names` (all uses and mentions' uses), deleting rows no sighting
/// uses any more; returns the entities that gained or lost a name.
pub(super) fn names<'a>(
    conn: &Connection,
    delta: HashMap<(&'a str, &'a str), (i64, i64)>,
) -> rusqlite::Result<BTreeSet<&'a str>> {
    let mut changed = BTreeSet::new();
    for ((e, v), (d, dm)) in sorted(delta) {
        if d == 0 && dm == 0 {
            continue;
        }
        let n: i64 = conn
            .prepare_cached(
                "INSERT INTO entity_names (entity_id, name, n, m) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (entity_id, name) DO UPDATE SET n = n + excluded.n, \
                 m = m + excluded.m RETURNING n",
            )?
            .query_row(params![e, v, d, dm], |r| r.get(0))?;
        if n <= 0 {
            conn.prepare_cached("DELETE FROM entity_names WHERE entity_id = ?1 AND name = ?2")?
                .execute([e, v])?;
            changed.insert(e);
        } else if n == d {
            changed.insert(e); // a new row
        }
    }
    Ok(changed)
}
