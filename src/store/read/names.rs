//! Names typed by people, resolved to entities: exactly as canon's `Canon::find` in memory
//! ([`Store::find`]), and for people ([`Store::lookup`]) with the candidates of an ambiguous
//! name or the closest names of an unknown one.

use std::collections::BTreeSet;

use rusqlite::params;

use super::{entity_row, EntityRow, ENTITY_COLUMNS};
use crate::graph::strip_role_words;
use crate::store::entities::bare;
use crate::store::{Store, StoreError};
use crate::text::{fold_name, last_name_key};

/// What a name denotes.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    Found(EntityRow),
    /// Several entities answer to the name: a fuller name is needed (or all of them).
    Several(Vec<EntityRow>),
    /// Nothing answers to it; the names closest to it.
    NotFound {
        closest: Vec<String>,
    },
}

impl Store {
    /// Entity ids a lookup key gives (canonical ones first, as `canon::Canon::find` ranks).
    fn by_key(&self, key: &str) -> Result<(Option<String>, BTreeSet<String>), StoreError> {
        let rows: Vec<(String, bool)> = self
            .conn
            .prepare_cached("SELECT entity_id, canonical FROM names WHERE key = ?1")
            .and_then(|mut s| {
                s.query_map([key], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect()
            })
            .map_err(|e| self.err(e))?;
        let canonical = rows.iter().filter(|r| r.1).map(|r| r.0.clone()).max();
        Ok((canonical, rows.into_iter().map(|r| r.0).collect()))
    }

    /// People whose name has this last name.
    fn people_named(&self, last: &str) -> Result<Vec<EntityRow>, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {ENTITY_COLUMNS} FROM entities WHERE last = ?1 ORDER BY id"
            ))
            .and_then(|mut s| s.query_map([last], entity_row)?.collect())
            .map_err(|e| self.err(e))
    }

    /// The entity a name denotes exactly as `canon::Canon::find` decides it in memory: by id,
    /// name or alias (an alias two entities share names neither), then a spelling variant of a
    /// full name, or a last name only one person has.
    pub fn find(&self, name: &str) -> Result<Option<String>, StoreError> {
        let folded = fold_name(name);
        for key in [name, folded.as_str(), bare(&folded)] {
            let (canonical, all) = self.by_key(key)?;
            if canonical.is_some() {
                return Ok(canonical);
            }
            if all.len() == 1 {
                return Ok(all.into_iter().next());
            }
        }
        let people = self.people_named(&last_name_key(name))?;
        let mut fits: Vec<&EntityRow> = if name.trim().contains(' ') {
            people
                .iter()
                .filter(|e| crate::canon::same_person_name(&e.name, name))
                .collect()
        } else {
            people.iter().collect()
        };
        Ok(match fits.len() {
            1 => fits.pop().map(|e| e.id.clone()),
            _ => None,
        })
    }

    /// What a name typed by a person denotes: [`Store::find`], else the candidates it could
    /// mean (several entities share the alias, several people the last name), else, without
    /// its titles (`former President`), the same again; else the closest names.
    pub fn lookup(&self, name: &str) -> Result<Lookup, StoreError> {
        if let Some(id) = self.find(name)? {
            if let Some(e) = self.entity(&id)? {
                // A last name alone that canon could not link (`Berg`, when two people are
                // called Berg) is one of several.
                if (e.kind == "person" || e.id.starts_with("name:")) && !e.name.trim().contains(' ')
                {
                    let mut people = self.people_named(&last_name_key(&e.name))?;
                    if people.iter().any(|p| p.id != e.id) {
                        people.retain(|p| p.id != e.id);
                        people.sort_by(|a, b| b.quotes.cmp(&a.quotes).then(a.id.cmp(&b.id)));
                        people.push(e);
                        return Ok(Lookup::Several(people));
                    }
                }
                return Ok(Lookup::Found(e));
            }
        }
        let mut several: BTreeSet<String> = BTreeSet::new();
        let folded = fold_name(name);
        for key in [folded.as_str(), bare(&folded)] {
            several.extend(self.by_key(key)?.1);
        }
        let people = self.people_named(&last_name_key(name))?;
        if !name.trim().contains(' ') || several.is_empty() {
            several.extend(
                people
                    .iter()
                    .filter(|p| {
                        !name.trim().contains(' ') || crate::canon::same_person_name(&p.name, name)
                    })
                    .map(|p| p.id.clone()),
            );
        }
        if several.len() == 1 {
            let id = several.into_iter().next().unwrap_or_default();
            if let Some(e) = self.entity(&id)? {
                return Ok(Lookup::Found(e));
            }
            return Ok(Lookup::NotFound {
                closest: Vec::new(),
            });
        }
        if several.len() > 1 {
            let mut rows = Vec::new();
            for id in &several {
                rows.extend(self.entity(id)?);
            }
            rows.sort_by(|a, b| b.quotes.cmp(&a.quotes).then(b.mentions.cmp(&a.mentions)));
            return Ok(Lookup::Several(rows));
        }
        let stripped = strip_role_words(name);
        if stripped != name && !stripped.is_empty() {
            if let found @ (Lookup::Found(_) | Lookup::Several(_)) = self.lookup(&stripped)? {
                return Ok(found);
            }
        }
        Ok(Lookup::NotFound {
            closest: self.closest(name, 5)?,
        })
    }

    /// Up to `n` entity names closest to `name` (by edit distance, among names that share the
    /// first letters of one of its words).
    fn closest(&self, name: &str, n: usize) -> Result<Vec<String>, StoreError> {
        let folded = fold_name(name);
        let mut seen: BTreeSet<(usize, i64, String)> = BTreeSet::new();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT e.name, e.quotes + e.mentions FROM names k JOIN entities e ON e.id = k.entity_id \
                 WHERE k.key >= ?1 AND k.key < ?2 LIMIT 400",
            )
            .map_err(|e| self.err(e))?;
        let words: Vec<&str> = folded
            .split(' ')
            .filter(|w| w.chars().count() >= 2)
            .collect();
        for w in words {
            let prefix: String = w.chars().take(3).collect();
            let mut end = prefix.clone();
            end.push(char::MAX);
            let rows = stmt
                .query_map(params![prefix, end], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (cand, weight) = row.map_err(|e| self.err(e))?;
                let d = distance(&folded, &fold_name(&cand));
                seen.insert((d, -weight, cand));
            }
        }
        let mut out: Vec<String> = Vec::new();
        for (_, _, name) in seen {
            if !out.contains(&name) {
                out.push(name);
            }
            if out.len() == n {
                break;
            }
        }
        Ok(out)
    }
}

/// Edit distance between two short strings (Levenshtein, on characters).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
