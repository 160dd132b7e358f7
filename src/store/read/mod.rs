//! Reading the store: entities by name (`names`), quotes by words through the full-text index,
//! by speaker or by what they name (`quotes`), stances, their evidence and the
//! relationship-map edges around an entity (`relations`). Every read goes through an index;
//! none scans a table whose size grows with the corpus, except where the answer itself is that
//! large.

mod names;
mod quotes;
mod relations;

pub use names::Lookup;
pub(crate) use quotes::{quote_row, QUOTE_COLUMNS};
pub use quotes::{Forms, QuoteRow};
pub use relations::{EvidenceRow, StanceRow};

use rusqlite::{OptionalExtension, Row};

use super::rows::{parse, uint};
use super::{Store, StoreError};
use crate::graph::NodeKind;

/// Which articles a query looks at: dated within `since`..=`until` (first ten characters,
/// `YYYY-MM-DD`; undated articles are then left out) and from `source` (any case).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub since: Option<String>,
    pub until: Option<String>,
    pub source: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.since.is_none() && self.until.is_none() && self.source.is_none()
    }

    /// ` AND ...` conditions on the articles table `a`, with their values.
    pub(super) fn sql(&self) -> (String, Vec<String>) {
        let mut sql = String::new();
        let mut values = Vec::new();
        if let Some(s) = &self.since {
            sql.push_str(" AND substr(a.date, 1, 10) >= ?");
            values.push(day(s));
        }
        if let Some(u) = &self.until {
            sql.push_str(" AND substr(a.date, 1, 10) <= ?");
            values.push(day(u));
        }
        if let Some(src) = &self.source {
            sql.push_str(" AND a.source = ? COLLATE NOCASE");
            values.push(src.trim().to_string());
        }
        (sql, values)
    }
}

fn day(s: &str) -> String {
    s.trim().chars().take(10).collect()
}

/// An entity as a query shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EntityRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub mentions: usize,
    pub quotes: usize,
}

/// An entity's aliases (its name left out), roles and affiliations, each sorted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Details {
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub affiliations: Vec<String>,
}

pub(super) fn entity_row(r: &Row) -> rusqlite::Result<EntityRow> {
    Ok(EntityRow {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        mentions: uint(r.get(3)?),
        quotes: uint(r.get(4)?),
    })
}

pub(super) const ENTITY_COLUMNS: &str = "id, name, kind, mentions, quotes";

impl Store {
    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Result<Option<EntityRow>, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {ENTITY_COLUMNS} FROM entities WHERE id = ?1"
            ))
            .and_then(|mut s| s.query_row([id], entity_row).optional())
            .map_err(|e| self.err(e))
    }

    /// An entity's aliases (its name left out), roles and affiliations, each sorted.
    pub fn entity_details(&self, id: &str) -> Result<Details, StoreError> {
        let name = self.entity(id)?.map(|e| e.name).unwrap_or_default();
        let list = |sql: &str| -> Result<Vec<String>, StoreError> {
            self.conn
                .prepare_cached(sql)
                .and_then(|mut s| s.query_map([id], |r| r.get(0))?.collect())
                .map_err(|e| self.err(e))
        };
        let mut aliases = list("SELECT alias FROM aliases WHERE entity_id = ?1 ORDER BY alias")?;
        aliases.retain(|a| a != &name);
        Ok(Details {
            aliases,
            roles: list("SELECT role FROM roles WHERE entity_id = ?1 ORDER BY role")?,
            affiliations: list(
                "SELECT affiliation FROM affiliations WHERE entity_id = ?1 ORDER BY affiliation",
            )?,
        })
    }

    /// Entities of one kind (or all), in id order, `each` called with every one (streamed).
    pub fn each_entity(
        &self,
        kind: Option<&str>,
        each: &mut dyn FnMut(EntityRow) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let sql = format!(
            "SELECT {ENTITY_COLUMNS} FROM entities WHERE ?1 IS NULL OR kind = ?1 ORDER BY id"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([kind], entity_row)
            .map_err(|e| self.err(e))?;
        for r in rows {
            each(r.map_err(|e| self.err(e))?)?;
        }
        Ok(())
    }

    /// How many articles, quotes, entities and stances the store holds.
    pub fn counts(&self) -> Result<[usize; 4], StoreError> {
        let mut out = [0; 4];
        for (i, t) in ["articles", "quotes", "entities", "stances"]
            .iter()
            .enumerate()
        {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            out[i] = uint(n);
        }
        Ok(out)
    }

    /// What the graph holds: (entities, quote wordings, articles).
    pub fn graph_totals(&self) -> Result<[usize; 3], StoreError> {
        let mut out = [0; 3];
        for (i, sql) in [
            "SELECT count(*) FROM entities",
            "SELECT count(*) FROM quotes_fts",
            "SELECT count(*) FROM articles",
        ]
        .iter()
        .enumerate()
        {
            let n: i64 = self
                .conn
                .query_row(sql, [], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            out[i] = uint(n);
        }
        Ok(out)
    }

    /// Whether any stored article has a date.
    pub fn has_dates(&self) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM articles WHERE date IS NOT NULL)",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }
}

/// The graph node kind of an entity kind name.
pub fn node_kind(kind: &str) -> Option<NodeKind> {
    parse(kind)
}

/// A filter's `?` placeholders numbered from `first` (`?3`, `?4`, ...).
pub(super) fn renumber(cond: &str, first: usize) -> String {
    let mut out = String::with_capacity(cond.len() + 8);
    let mut n = first;
    for c in cond.chars() {
        if c == '?' {
            out.push_str(&format!("?{n}"));
            n += 1;
        } else {
            out.push(c);
        }
    }
    out
}
