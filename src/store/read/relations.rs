//! Stances, their evidence, and the relationship-map edges around an entity (stances both ways,
//! roles and affiliations).

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, params_from_iter};

use super::quotes::{quote_row_at, QUOTE_COLUMNS};
use super::{renumber, Filter, QuoteRow};
use crate::graph::{affiliation_edge, Edge, EdgeKind};
use crate::stance::Polarity;
use crate::store::rows::{int, parse, uint};
use crate::store::{Store, StoreError};

/// A stance evidence row: a quote's stance toward a target, with its article's date.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceRow {
    pub speaker_id: String,
    pub target_id: String,
    pub score: f32,
    pub quote: QuoteRow,
}

/// A stored stance: (speaker, target, polarity, score, quotes).
#[derive(Debug, Clone, PartialEq)]
pub struct StanceRow {
    pub speaker_id: String,
    pub target_id: String,
    pub polarity: Polarity,
    pub score: f32,
    pub quotes: usize,
}

impl Store {
    /// Stored stances of a speaker and / or toward a target (both `None`: all), at most `limit`,
    /// strongest first.
    pub fn stances(
        &self,
        speaker: Option<&str>,
        target: Option<&str>,
        limit: usize,
    ) -> Result<Vec<StanceRow>, StoreError> {
        // One condition per given end, so that SQLite searches the index of that end (`?1 IS
        // NULL OR speaker_id = ?1` would scan every stance).
        let cond = match (speaker.is_some(), target.is_some()) {
            (true, true) => "WHERE speaker_id = ?1 AND target_id = ?2",
            (true, false) => "WHERE speaker_id = ?1 AND ?2 IS NULL",
            (false, true) => "WHERE ?1 IS NULL AND target_id = ?2",
            (false, false) => "WHERE ?1 IS NULL AND ?2 IS NULL",
        };
        let sql = format!(
            "SELECT speaker_id, target_id, polarity, score, quotes FROM stances {cond} \
             ORDER BY abs(score) DESC, quotes DESC, speaker_id, target_id LIMIT {}",
            int(limit)
        );
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(params![speaker, target], |r| {
                    let p: String = r.get(2)?;
                    Ok(StanceRow {
                        speaker_id: r.get(0)?,
                        target_id: r.get(1)?,
                        polarity: parse(&p).unwrap_or(Polarity::Neutral),
                        score: r.get::<_, f64>(3)? as f32,
                        quotes: uint(r.get(4)?),
                    })
                })?
                .collect()
            })
            .map_err(|e| self.err(e))
    }

    /// The stance evidence of a speaker (and a target), within the filter, in date order.
    pub fn evidence(
        &self,
        speaker: &str,
        target: Option<&str>,
        filter: &Filter,
    ) -> Result<Vec<EvidenceRow>, StoreError> {
        let (cond, values) = filter.sql();
        let sql = format!(
            "SELECT s.speaker_id, s.target_id, s.score, {QUOTE_COLUMNS} FROM stance_evidence s \
             JOIN quotes q ON q.article_id = s.article_id AND q.idx = s.quote_idx \
             JOIN articles a ON a.id = s.article_id \
             WHERE s.speaker_id = ?1 AND (?2 IS NULL OR s.target_id = ?2) \
             AND s.target_id IS NOT NULL AND s.target_id != s.speaker_id{} \
             ORDER BY a.date, a.doc_id, s.idx",
            renumber(&cond, 3)
        );
        let args: Vec<rusqlite::types::Value> = [
            rusqlite::types::Value::Text(speaker.to_string()),
            target.map_or(rusqlite::types::Value::Null, |t| {
                rusqlite::types::Value::Text(t.to_string())
            }),
        ]
        .into_iter()
        .chain(values.into_iter().map(rusqlite::types::Value::Text))
        .collect();
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(params_from_iter(args), |r| {
                    Ok(EvidenceRow {
                        speaker_id: r.get(0)?,
                        target_id: r.get(1)?,
                        score: r.get::<_, f64>(2)? as f32,
                        quote: quote_row_at(r, 3)?,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.err(e))
    }

    /// The relationship-map edges of an entity, both directions: stances, roles and
    /// affiliations, as (other entity, edge, whether the edge points away from `id`), sorted by
    /// the other entity's id and the kind.
    pub fn map_edges(&self, id: &str) -> Result<Vec<(String, Edge, bool)>, StoreError> {
        let mut out: Vec<(String, Edge, bool)> = Vec::new();
        for row in self.stances(Some(id), None, usize::MAX >> 1)? {
            out.push((row.target_id.clone(), stance_edge(&row), true));
        }
        for row in self.stances(None, Some(id), usize::MAX >> 1)? {
            out.push((row.speaker_id.clone(), stance_edge(&row), false));
        }
        for (org, e) in self.affiliation_edges(id)? {
            out.push((org, e, true));
        }
        for (person, e) in self.affiliated_to(id)? {
            out.push((person, e, false));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.kind.cmp(&b.1.kind)));
        Ok(out)
    }

    /// A person's role and affiliation edges (to the entity each affiliation names).
    pub fn affiliation_edges(&self, person: &str) -> Result<Vec<(String, Edge)>, StoreError> {
        // People, and single words taken for people (`name:` entities of kind person).
        if self.entity(person)?.is_none_or(|e| e.kind != "person") {
            return Ok(Vec::new());
        }
        let details = self.entity_details(person)?;
        let roles: BTreeSet<String> = details.roles.into_iter().collect();
        let mut out: BTreeMap<(String, EdgeKind), Edge> = BTreeMap::new();
        for aff in &details.affiliations {
            let Some(org) = self.find(aff)? else { continue };
            if org == person {
                continue;
            }
            let aliases = self.entity_details(&org)?.aliases.into_iter().collect();
            let e = affiliation_edge(&roles, aff, &aliases);
            out.insert((org, e.kind), e);
        }
        Ok(out.into_iter().map(|((o, _), e)| (o, e)).collect())
    }

    /// People whose affiliations name this entity, with their edges to it.
    fn affiliated_to(&self, id: &str) -> Result<Vec<(String, Edge)>, StoreError> {
        let keys: Vec<String> = self
            .conn
            .prepare_cached("SELECT key FROM names WHERE entity_id = ?1")
            .and_then(|mut s| s.query_map([id], |r| r.get(0))?.collect())
            .map_err(|e| self.err(e))?;
        let mut people: BTreeSet<String> = BTreeSet::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT entity_id FROM affiliations WHERE folded = ?1")
            .map_err(|e| self.err(e))?;
        for k in keys {
            for key in [k.clone(), format!("the {k}")] {
                let rows = stmt
                    .query_map([key], |r| r.get::<_, String>(0))
                    .map_err(|e| self.err(e))?;
                for r in rows {
                    people.insert(r.map_err(|e| self.err(e))?);
                }
            }
        }
        let mut out = Vec::new();
        for p in people {
            for (org, e) in self.affiliation_edges(&p)? {
                if org == id {
                    out.push((p.clone(), e));
                }
            }
        }
        Ok(out)
    }
}

fn stance_edge(row: &StanceRow) -> Edge {
    let mut e = Edge::new(EdgeKind::Stance, row.quotes.max(1));
    e.polarity = Some(row.polarity);
    e.score = Some(row.score);
    e
}
