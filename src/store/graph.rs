//! The whole graph, streamed from the store into a [`GraphSink`] without holding it: the same
//! nodes and edges `graph::build` makes in memory from the same articles (the rules are
//! `graph`'s own), each read from an index in a fixed order, so two stores holding the same
//! articles write byte-identical exports whatever order the articles came in.
//!
//! Nodes: entities (by id), quotes (by wording, each with its occurrences sorted by doc id),
//! articles (by doc id). Edges: `said`, `stance`, `role` / `affiliated_with`, then per quote
//! `appears_in`, `mentions`, `reported_by`. Memory holds one quote's occurrences and one
//! stance's evidence at a time; grouping is done by SQLite's sorter (bounded memory).

use std::iter::Peekable;

use rusqlite::params;

use super::read::{node_kind, quote_row, QuoteRow, QUOTE_COLUMNS};
use super::rows::{parse, uint};
use super::{Store, StoreError};
use crate::graph::{earliest, quote_node_id, Edge, EdgeKind, GraphSink, Node, NodeKind};
use crate::stance::Polarity;

/// The phases of a stream, for a progress bar.
pub const PHASES: [&str; 6] = [
    "entities",
    "quotes",
    "articles",
    "speakers and stances",
    "roles",
    "quote edges",
];

impl Store {
    /// Feeds the whole graph to `sink` (see the module doc); `phase` is called as each phase
    /// starts.
    pub fn stream_graph(
        &self,
        sink: &mut dyn GraphSink,
        phase: &mut dyn FnMut(&str),
    ) -> Result<(), StoreError> {
        phase(PHASES[0]);
        self.entity_nodes(sink)?;
        phase(PHASES[1]);
        self.quote_nodes(sink)?;
        phase(PHASES[2]);
        self.article_nodes(sink)?;
        phase(PHASES[3]);
        self.said_edges(sink)?;
        self.stance_edges(sink)?;
        phase(PHASES[4]);
        self.role_edges(sink)?;
        phase(PHASES[5]);
        self.quote_edges(sink)?;
        sink.finish().map_err(StoreError::Write)
    }

    fn entity_nodes(&self, sink: &mut dyn GraphSink) -> Result<(), StoreError> {
        let err = |e| self.err(e);
        let c = &self.conn;
        let prepare = |sql: &str| c.prepare(sql).map_err(err);
        let mut ents =
            prepare("SELECT id, name, kind, mentions, quotes FROM entities ORDER BY id")?;
        let mut a = prepare("SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias")?;
        let mut b = prepare("SELECT entity_id, role FROM roles ORDER BY entity_id, role")?;
        let mut d = prepare(
            "SELECT entity_id, affiliation FROM affiliations ORDER BY entity_id, affiliation",
        )?;
        let pair = |r: &rusqlite::Row| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?));
        let mut aliases = a.query_map([], pair).map_err(err)?.peekable();
        let mut roles = b.query_map([], pair).map_err(err)?.peekable();
        let mut affs = d.query_map([], pair).map_err(err)?.peekable();
        let rows = ents
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, i64>(4)?,
                ))
            })
            .map_err(err)?;
        for row in rows {
            let (id, name, kind, mentions, quotes) = row.map_err(err)?;
            let kind = node_kind(&kind).unwrap_or(NodeKind::Anonymous);
            let mut n = Node::new(id, kind, name);
            n.aliases = take(&mut aliases, &n.id).map_err(err)?;
            n.aliases.retain(|a| a != &n.label);
            n.roles = take(&mut roles, &n.id).map_err(err)?;
            n.affiliations = take(&mut affs, &n.id).map_err(err)?;
            n.mentions = uint(mentions);
            n.quotes = uint(quotes);
            sink.node(&n).map_err(StoreError::Write)?;
        }
        Ok(())
    }

    fn quote_nodes(&self, sink: &mut dyn GraphSink) -> Result<(), StoreError> {
        self.each_wording(&mut |group| {
            let first = &group[0];
            let wording = first.wording.unwrap_or(0);
            let mut n = Node::new(
                quote_node_id(wording),
                NodeKind::Quote,
                first.content.clone(),
            );
            n.quote_kind = Some(first.kind);
            n.occurrences = group.iter().map(QuoteRow::occurrence).collect();
            n.mentions = n.occurrences.len();
            n.date = group.iter().fold(None, |d, q| earliest(d, q.date.as_ref()));
            sink.node(&n).map_err(StoreError::Write)
        })
    }

    /// Calls `each` with every quote wording's occurrences, sorted by doc id and place.
    fn each_wording(
        &self,
        each: &mut dyn FnMut(&[QuoteRow]) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let err = |e| self.err(e);
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {QUOTE_COLUMNS} FROM quotes q NOT INDEXED \
                 JOIN articles a ON a.id = q.article_id \
                 WHERE q.wording IS NOT NULL ORDER BY q.wording"
            ))
            .map_err(err)?;
        let mut group: Vec<QuoteRow> = Vec::new();
        for row in stmt.query_map([], quote_row).map_err(err)? {
            let row = row.map_err(err)?;
            if group.first().is_some_and(|g| g.wording != row.wording) {
                group.sort_by(|a, b| (&a.doc_id, a.idx).cmp(&(&b.doc_id, b.idx)));
                each(&group)?;
                group.clear();
            }
            group.push(row);
        }
        if !group.is_empty() {
            group.sort_by(|a, b| (&a.doc_id, a.idx).cmp(&(&b.doc_id, b.idx)));
            each(&group)?;
        }
        Ok(())
    }

    fn article_nodes(&self, sink: &mut dyn GraphSink) -> Result<(), StoreError> {
        let err = |e| self.err(e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT doc_id, title, quotes, date, source, url FROM articles ORDER BY doc_id",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map([], |r| {
                let doc: String = r.get(0)?;
                let title: Option<String> = r.get(1)?;
                let mut n = Node::new(
                    format!("article:{doc}"),
                    NodeKind::Article,
                    title.unwrap_or(doc),
                );
                n.quotes = uint(r.get(2)?);
                n.date = r.get(3)?;
                n.source = r.get(4)?;
                n.url = r.get(5)?;
                Ok(n)
            })
            .map_err(err)?;
        for n in rows {
            sink.node(&n.map_err(err)?).map_err(StoreError::Write)?;
        }
        Ok(())
    }

    fn said_edges(&self, sink: &mut dyn GraphSink) -> Result<(), StoreError> {
        let err = |e| self.err(e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT entity_id, wording, count(*) FROM quotes \
                 WHERE entity_id IS NOT NULL AND wording IS NOT NULL \
                 GROUP BY entity_id, wording ORDER BY entity_id, wording",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .map_err(err)?;
        for row in rows {
            let (speaker, wording, n) = row.map_err(err)?;
            let e = Edge::new(EdgeKind::Said, uint(n));
            sink.edge(&speaker, &quote_node_id(wording as u64), &e)
                .map_err(StoreError::Write)?;
        }
        Ok(())
    }

    fn stance_edges(&self, sink: &mut dyn GraphSink) -> Result<(), StoreError> {
        let err = |e| self.err(e);
        let mut pairs = self
            .conn
            .prepare(
                "SELECT speaker_id, target_id, polarity, score FROM stances \
                 ORDER BY speaker_id, target_id",
            )
            .map_err(err)?;
        let mut evidence = self
            .conn
            .prepare(
                "SELECT s.speaker_id, s.target_id, s.wording, min(a.date) FROM stance_evidence s \
                 JOIN articles a ON a.id = s.article_id \
                 WHERE s.speaker_id IS NOT NULL AND s.target_id IS NOT NULL \
                 AND s.speaker_id != s.target_id AND s.wording IS NOT NULL \
                 GROUP BY s.speaker_id, s.target_id, s.wording \
                 ORDER BY s.speaker_id, s.target_id",
            )
            .map_err(err)?;
        type Ev = (String, String, i64, Option<String>);
        let mut ev = evidence
            .query_map([], |r| -> rusqlite::Result<Ev> {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .map_err(err)?
            .peekable();
        let rows = pairs
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, f64>(3)?,
                ))
            })
            .map_err(err)?;
        for row in rows {
            let (s, t, polarity, score) = row.map_err(err)?;
            let mut e = Edge::new(EdgeKind::Stance, 0);
            e.polarity = Some(parse(&polarity).unwrap_or(Polarity::Neutral));
            e.score = Some(score as f32);
            let mut wordings: Vec<u64> = Vec::new();
            while let Some(Ok((es, et, _, _))) = ev.peek() {
                if (es.as_str(), et.as_str()) > (s.as_str(), t.as_str()) {
                    break;
                }
                let Some(Ok((es, et, w, date))) = ev.next() else {
                    break;
                };
                if (es.as_str(), et.as_str()) == (s.as_str(), t.as_str()) {
                    wordings.push(w as u64);
                    e.date = earliest(e.date.take(), date.as_ref());
                }
            }
            if let Some(Err(_)) = ev.peek() {
                if let Some(Err(x)) = ev.next() {
                    return Err(err(x));
                }
            }
            wordings.sort_unstable();
            wordings.dedup();
            e.evidence = wordings.into_iter().map(quote_node_id).collect();
            e.count = e.evidence.len().max(1);
            sink.edge(&s, &t, &e).map_err(StoreError::Write)?;
        }
        Ok(())
    }

    fn role_edges(&self, sink: &mut dyn GraphSink) -> Result<(), StoreError> {
        let people: Vec<String> = self
            .conn
            .prepare(
                "SELECT DISTINCT entity_id FROM affiliations WHERE entity_id LIKE 'person:%' \
                 ORDER BY entity_id",
            )
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| self.err(e))?;
        for p in people {
            for (org, e) in self.affiliation_edges(&p)? {
                sink.edge(&p, &org, &e).map_err(StoreError::Write)?;
            }
        }
        Ok(())
    }

    fn quote_edges(&self, sink: &mut dyn GraphSink) -> Result<(), StoreError> {
        let err = |e| self.err(e);
        self.conn
            .execute_batch(
                "CREATE TEMP TABLE IF NOT EXISTS export_sources \
                 (source TEXT PRIMARY KEY, entity_id TEXT NOT NULL); \
                 DELETE FROM temp.export_sources;",
            )
            .map_err(err)?;
        let sources: Vec<String> = self
            .conn
            .prepare("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(err)?;
        for src in sources {
            if let Some(e) = self.find(&src)? {
                self.conn
                    .execute(
                        "INSERT INTO temp.export_sources (source, entity_id) VALUES (?1, ?2)",
                        params![src, e],
                    )
                    .map_err(err)?;
            }
        }
        let kinds = [
            (EdgeKind::AppearsIn, APPEARS_IN),
            (EdgeKind::Mentions, MENTIONS),
            (EdgeKind::ReportedBy, REPORTED_BY),
        ];
        for (kind, sql) in kinds {
            let mut stmt = self.conn.prepare(sql).map_err(err)?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                })
                .map_err(err)?;
            for row in rows {
                let (wording, target, n) = row.map_err(err)?;
                sink.edge(
                    &quote_node_id(wording as u64),
                    &target,
                    &Edge::new(kind, uint(n)),
                )
                .map_err(StoreError::Write)?;
            }
        }
        Ok(())
    }
}

/// Quote → article, one per article carrying the wording (counted per occurrence).
const APPEARS_IN: &str = "SELECT q.wording, 'article:' || a.doc_id, count(*) FROM quotes q \
     JOIN articles a ON a.id = q.article_id WHERE q.wording IS NOT NULL \
     GROUP BY q.wording, a.doc_id ORDER BY q.wording, a.doc_id";

/// Quote → entity it names (a mention inside its words, or a stance target of it), the
/// speaker left out; counted once per occurrence.
const MENTIONS: &str = "SELECT wording, entity, count(DISTINCT qid) FROM ( \
     SELECT q.id AS qid, q.wording AS wording, m.entity_id AS entity, q.entity_id AS speaker \
     FROM quotes q CROSS JOIN json_each(q.mention_items) j \
     CROSS JOIN mentions m ON m.id = (q.article_id << 24) + (2 << 22) + j.value \
     WHERE q.mention_items IS NOT NULL \
     UNION ALL \
     SELECT q.id, s.wording, s.target_id, s.speaker_id FROM stance_evidence s \
     CROSS JOIN quotes q ON q.article_id = s.article_id AND q.idx = s.quote_idx \
     WHERE s.target_id IS NOT NULL) \
     WHERE wording IS NOT NULL AND entity IS NOT speaker \
     GROUP BY wording, entity ORDER BY wording, entity";

/// Quote → outlet that reported it (named in its paragraph, or the article's source).
const REPORTED_BY: &str = "SELECT wording, entity, count(DISTINCT qid) FROM ( \
     SELECT q.id AS qid, q.wording AS wording, m.entity_id AS entity, q.entity_id AS speaker \
     FROM quotes q CROSS JOIN json_each(q.outlet_items) j \
     CROSS JOIN mentions m ON m.id = (q.article_id << 24) + (2 << 22) + j.value \
     WHERE q.outlet_items IS NOT NULL \
     UNION ALL \
     SELECT q.id, q.wording, x.entity_id, q.entity_id FROM quotes q \
     JOIN articles a ON a.id = q.article_id JOIN temp.export_sources x ON x.source = a.source) \
     WHERE wording IS NOT NULL AND entity IS NOT speaker \
     GROUP BY wording, entity ORDER BY wording, entity";

/// The values of the rows at the head of `rows` that belong to entity `id` (rows of entities
/// before it, which have no entity row, are skipped).
fn take(
    rows: &mut Peekable<impl Iterator<Item = rusqlite::Result<(String, String)>>>,
    id: &str,
) -> rusqlite::Result<Vec<String>> {
    let mut out = Vec::new();
    loop {
        match rows.peek() {
            Some(Ok((e, _))) if e.as_str() < id => {
                rows.next();
            }
            Some(Ok((e, _))) if e == id => {
                if let Some(Ok((_, v))) = rows.next() {
                    out.push(v);
                }
            }
            Some(Err(_)) => {
                if let Some(Err(e)) = rows.next() {
                    return Err(e);
                }
            }
            _ => return Ok(out),
        }
    }
}
