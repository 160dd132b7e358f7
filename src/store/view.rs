//! Small graphs selected in SQL, for the pictures and narrowed exports: the relationship map's
//! candidates (the most connected entities), one speaker's part, one entity's neighbourhood.
//! Each is a [`QuoteGraph`] of at most a few thousand nodes that `export::view` then narrows as
//! it narrows any graph, so a store of any size draws its map in the time a small graph takes.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::params_from_iter;

use super::read::{node_kind, Filter};
use super::{Store, StoreError};
use crate::corpus::summarise;
use crate::graph::{quote_node_id, Edge, EdgeKind, Node, NodeKind, QuoteGraph};

/// Quotes kept per entity and per stance edge (what `index.html` shows of each).
const SAMPLE: usize = 12;
/// Articles listed per sampled quote.
const ARTICLES: usize = 3;

/// A graph being assembled from rows.
#[derive(Default)]
struct Parts {
    nodes: BTreeMap<String, Node>,
    edges: BTreeMap<(String, String, EdgeKind), Edge>,
}

impl Parts {
    fn into_graph(self) -> QuoteGraph {
        QuoteGraph::from_parts(
            self.nodes.into_values().collect(),
            self.edges
                .into_iter()
                .map(|((s, t, _), e)| (s, t, e))
                .collect(),
        )
    }
}

impl Store {
    /// The entity node of an id, with its aliases, roles and affiliations.
    pub fn entity_node(&self, id: &str) -> Result<Option<Node>, StoreError> {
        let Some(e) = self.entity(id)? else {
            return Ok(None);
        };
        let d = self.entity_details(id)?;
        let mut n = Node::new(
            e.id,
            node_kind(&e.kind).unwrap_or(NodeKind::Anonymous),
            e.name,
        );
        n.aliases = d.aliases;
        n.roles = d.roles;
        n.affiliations = d.affiliations;
        n.mentions = e.mentions;
        n.quotes = e.quotes;
        Ok(Some(n))
    }

    /// The `n` entities with the most stance quotes (said or about them) within the filter.
    fn most_connected(&self, n: usize, filter: &Filter) -> Result<Vec<String>, StoreError> {
        let (cond, values) = filter.sql();
        let sql = if filter.is_empty() {
            // The heaviest by the quotes on their stance edges (an index), and the people with
            // the most roles.
            format!(
                "SELECT id FROM (SELECT id FROM entities ORDER BY weight DESC LIMIT {n}) \
                 UNION SELECT id FROM (SELECT entity_id AS id FROM affiliations \
                 WHERE entity_id LIKE 'person:%' GROUP BY entity_id ORDER BY count(*) DESC, \
                 entity_id LIMIT {})",
                n / 3 + 1
            )
        } else {
            format!(
                "SELECT id, count(*) AS w FROM (SELECT s.speaker_id AS id FROM stance_evidence s \
                 JOIN articles a ON a.id = s.article_id WHERE s.target_id IS NOT NULL \
                 AND s.speaker_id IS NOT NULL{cond} UNION ALL SELECT s.target_id FROM \
                 stance_evidence s JOIN articles a ON a.id = s.article_id \
                 WHERE s.speaker_id IS NOT NULL AND s.target_id IS NOT NULL{cond}) \
                 GROUP BY id ORDER BY w DESC, id LIMIT {n}"
            )
        };
        let args = values.iter().chain(values.iter()).cloned();
        self.conn
            .prepare(&sql)
            .and_then(|mut s| s.query_map(params_from_iter(args), |r| r.get(0))?.collect())
            .map_err(|e| self.err(e))
    }

    /// The relationship map's material: the `candidates` most connected entities, the stance
    /// and role edges among them (stances recomputed from the evidence inside the filter when
    /// there is one), and a sample of quotes for the page: the most repeated ones each entity
    /// said, and each stance's evidence (about its target), with their articles.
    pub fn map_graph(&self, candidates: usize, filter: &Filter) -> Result<QuoteGraph, StoreError> {
        let mut ids: BTreeSet<String> = self
            .most_connected(candidates, filter)?
            .into_iter()
            .collect();
        // The organisations and places the candidates' roles name, so that role edges show.
        let people: Vec<String> = ids
            .iter()
            .filter(|i| i.starts_with("person:") || i.starts_with("name:"))
            .cloned()
            .collect();
        for p in people {
            for (org, _) in self.affiliation_edges(&p)? {
                ids.insert(org);
            }
        }
        self.graph_of(&ids, filter)
    }

    /// The entities `ids`, the map edges among them, and their quote samples.
    pub fn graph_of(
        &self,
        ids: &BTreeSet<String>,
        filter: &Filter,
    ) -> Result<QuoteGraph, StoreError> {
        let mut p = Parts::default();
        for id in ids {
            if let Some(n) = self.entity_node(id)? {
                p.nodes.insert(id.clone(), n);
            }
        }
        for s in ids {
            self.stances_among(&mut p, s, ids, filter)?;
            for (org, e) in self.affiliation_edges(s)? {
                if ids.contains(&org) {
                    p.edges.insert((s.clone(), org, e.kind), e);
                }
            }
            let said = self.said_sample(s)?;
            for w in said {
                self.add_quote(&mut p, w, filter)?;
                let e = p
                    .edges
                    .entry((s.clone(), quote_node_id(w), EdgeKind::Said))
                    .or_insert_with(|| Edge::new(EdgeKind::Said, 0));
                e.count += 1;
            }
        }
        Ok(p.into_graph())
    }

    /// Stance edges from `s` to entities of `ids`, with a sample of their evidence.
    fn stances_among(
        &self,
        p: &mut Parts,
        s: &str,
        ids: &BTreeSet<String>,
        filter: &Filter,
    ) -> Result<(), StoreError> {
        let mut by_target: BTreeMap<String, Vec<(f32, u64, Option<String>)>> = BTreeMap::new();
        if filter.is_empty() {
            for row in self.stances(Some(s), None, usize::MAX >> 1)? {
                if !ids.contains(&row.target_id) {
                    continue;
                }
                let mut e = Edge::new(EdgeKind::Stance, row.quotes.max(1));
                e.polarity = Some(row.polarity);
                e.score = Some(row.score);
                let sample = self.evidence_sample(s, &row.target_id)?;
                self.attach(p, s, &row.target_id, e, &sample, filter)?;
            }
            return Ok(());
        }
        for ev in self.evidence(s, None, filter)? {
            if ids.contains(&ev.target_id) {
                if let Some(w) = ev.quote.wording {
                    by_target.entry(ev.target_id.clone()).or_default().push((
                        ev.score,
                        w,
                        ev.quote.date.clone(),
                    ));
                }
            }
        }
        for (t, rows) in by_target {
            let (score, polarity) = summarise(rows.iter().map(|r| r.0).collect());
            let wordings: BTreeSet<u64> = rows.iter().map(|r| r.1).collect();
            let mut e = Edge::new(EdgeKind::Stance, wordings.len().max(1));
            e.polarity = Some(polarity);
            e.score = Some(score);
            e.date = rows.iter().filter_map(|r| r.2.clone()).min();
            let sample: Vec<u64> = wordings.into_iter().take(SAMPLE).collect();
            self.attach(p, s, &t, e, &sample, filter)?;
        }
        Ok(())
    }

    /// Adds a stance edge and its evidence sample (said by `s`, mentioning `t`).
    fn attach(
        &self,
        p: &mut Parts,
        s: &str,
        t: &str,
        mut e: Edge,
        sample: &[u64],
        filter: &Filter,
    ) -> Result<(), StoreError> {
        for &w in sample {
            if self.add_quote(p, w, filter)? {
                let q = quote_node_id(w);
                e.evidence.push(q.clone());
                for (a, b, kind) in [
                    (s, q.as_str(), EdgeKind::Said),
                    (q.as_str(), t, EdgeKind::Mentions),
                ] {
                    p.edges
                        .entry((a.to_string(), b.to_string(), kind))
                        .or_insert_with(|| Edge::new(kind, 1));
                }
            }
        }
        e.evidence.sort();
        p.edges
            .insert((s.to_string(), t.to_string(), EdgeKind::Stance), e);
        Ok(())
    }

    /// A quote's node (its first articles, with their nodes); false when none is in the filter.
    fn add_quote(&self, p: &mut Parts, wording: u64, filter: &Filter) -> Result<bool, StoreError> {
        let id = quote_node_id(wording);
        if p.nodes.contains_key(&id) {
            return Ok(true);
        }
        let (rows, total) = self.occurrences(wording, filter, ARTICLES)?;
        let Some(first) = rows.first() else {
            return Ok(false);
        };
        let mut n = Node::new(id.clone(), NodeKind::Quote, first.content.clone());
        n.quote_kind = Some(first.kind);
        n.occurrences = rows.iter().map(super::read::QuoteRow::occurrence).collect();
        n.mentions = total;
        n.date = rows.iter().filter_map(|r| r.date.clone()).min();
        for r in &rows {
            let aid = format!("article:{}", r.doc_id);
            if !p.nodes.contains_key(&aid) {
                let mut a = Node::new(aid.clone(), NodeKind::Article, r.doc_id.clone());
                if let Some(t) = self.article_title(&r.doc_id)? {
                    a.label = t;
                }
                a.date = r.date.clone();
                a.source = r.source.clone();
                p.nodes.insert(aid.clone(), a);
            }
            p.edges
                .entry((id.clone(), aid, EdgeKind::AppearsIn))
                .or_insert_with(|| Edge::new(EdgeKind::AppearsIn, 1));
        }
        p.nodes.insert(id, n);
        Ok(true)
    }

    fn article_title(&self, doc_id: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT title FROM articles WHERE doc_id = ?1")
            .and_then(|mut s| s.query_row([doc_id], |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    /// The wordings an entity said most often (at most [`SAMPLE`]).
    fn said_sample(&self, id: &str) -> Result<Vec<u64>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT wording FROM quotes WHERE entity_id = ?1 AND wording IS NOT NULL \
                 GROUP BY wording ORDER BY count(*) DESC, wording LIMIT ?2",
            )
            .and_then(|mut s| {
                s.query_map(rusqlite::params![id, SAMPLE as i64], |r| r.get::<_, i64>(0))?
                    .map(|w| w.map(|w| w as u64))
                    .collect()
            })
            .map_err(|e| self.err(e))
    }

    /// The first wordings of a stance's evidence (at most [`SAMPLE`]).
    fn evidence_sample(&self, s: &str, t: &str) -> Result<Vec<u64>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT DISTINCT wording FROM stance_evidence \
                 WHERE speaker_id = ?1 AND target_id = ?2 AND wording IS NOT NULL LIMIT ?3",
            )
            .and_then(|mut st| {
                st.query_map(rusqlite::params![s, t, SAMPLE as i64], |r| {
                    r.get::<_, i64>(0)
                })?
                .map(|w| w.map(|w| w as u64))
                .collect()
            })
            .map_err(|e| self.err(e))
    }

    /// The entities within `depth` map edges of `start` (at most `limit`), as a map graph.
    pub fn ego_graph(
        &self,
        start: &str,
        depth: usize,
        limit: usize,
        filter: &Filter,
    ) -> Result<QuoteGraph, StoreError> {
        let mut seen: BTreeSet<String> = BTreeSet::from([start.to_string()]);
        let mut frontier = vec![start.to_string()];
        for _ in 0..depth {
            let mut next = Vec::new();
            for n in &frontier {
                for (m, _, _) in self.map_edges(n)? {
                    if seen.len() < limit && seen.insert(m.clone()) {
                        next.push(m);
                    }
                }
            }
            frontier = next;
        }
        self.graph_of(&seen, filter)
    }

    /// A speaker, the entities it took a stance on, and (at most `limit`) of its quotes with
    /// the entities they name and their articles.
    pub fn speaker_graph(
        &self,
        speaker: &str,
        limit: usize,
        filter: &Filter,
    ) -> Result<QuoteGraph, StoreError> {
        let mut ids: BTreeSet<String> = BTreeSet::from([speaker.to_string()]);
        for row in self.stances(Some(speaker), None, usize::MAX >> 1)? {
            ids.insert(row.target_id);
        }
        let g = self.graph_of(&ids, filter)?;
        let mut p = Parts::default();
        for (_, n) in g.nodes() {
            p.nodes.insert(n.id.clone(), n.clone());
        }
        for (s, t, e) in g.edges() {
            let (s, t) = (g.graph[s].id.clone(), g.graph[t].id.clone());
            p.edges.insert((s, t, e.kind), e.clone());
        }
        let rows = self.quotes_of(speaker, filter)?;
        let mut kept = 0;
        for r in &rows {
            let Some(w) = r.wording else { continue };
            if kept >= limit {
                break;
            }
            if !p.nodes.contains_key(&quote_node_id(w)) {
                kept += 1;
            }
            if self.add_quote(&mut p, w, filter)? {
                p.edges
                    .entry((speaker.to_string(), quote_node_id(w), EdgeKind::Said))
                    .or_insert_with(|| Edge::new(EdgeKind::Said, 0))
                    .count += 1;
            }
        }
        Ok(p.into_graph())
    }
}
