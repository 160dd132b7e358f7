//! The graph as node-link JSON, the layout `networkx.node_link_graph` reads and writes. Edges
//! are under `edges`, the key networkx ≥ 3.4 reads by default (older networkx:
//! `node_link_graph(data, link="edges")`); a file with `links` is read too.
//!
//! ```json
//! {"directed": true, "multigraph": true, "graph": {"generator": "quotegraph 0.1.0"},
//!  "nodes": [{"id": "person:mark-rutte", "kind": "person", "label": "Mark Rutte", ...}],
//!  "edges": [{"source": "person:mark-rutte", "target": "place:ukraine", "key": "stance",
//!             "kind": "stance", "polarity": "support", "score": 0.33, "count": 9, ...}]}
//! ```
//! The edge `key` is its kind: between two nodes there is at most one edge of each kind.
//!
//! Reading back never trusts the file: [`from_node_link`] checks what later stages rely on
//! (unique node ids, edges between nodes of the file, scores in range, each article's facts
//! consistent, stances pointing at quotes that exist) and answers a [`LoadError`] saying
//! where and what is wrong, never a panic later on.
//!
//! [`NodeLinkWriter`] writes the file a node and an edge at a time (pretty-printed, as
//! `serde_json` prints the whole document), so a graph of any size streams to disk.

use std::collections::HashSet;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{json_list_item, Edge, EdgeKind, GraphSink, Node, NodeKind, QuoteGraph};
use crate::facts::format::{self, FormatError};

/// Why a node-link file is not a graph quotegraph can use. Messages have no trailing full stop;
/// the caller puts the file name in front.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum LoadError {
    /// Not JSON, truncated, or a field of the wrong type (serde names the line and column).
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    #[error("node {index} ({id:?}): {problem}")]
    Node {
        index: usize,
        id: String,
        problem: String,
    },
    #[error("edge {index} ({from:?} -> {to:?}): {problem}")]
    Edge {
        index: usize,
        from: String,
        to: String,
        problem: String,
    },
    #[error("node {id:?}: {source}")]
    Facts {
        id: String,
        #[source]
        source: FormatError,
    },
}

#[derive(Serialize, Deserialize)]
struct NodeLink {
    directed: bool,
    multigraph: bool,
    graph: GraphAttrs,
    nodes: Vec<Node>,
    #[serde(alias = "links")]
    edges: Vec<Link>,
}

#[derive(Serialize, Deserialize)]
struct GraphAttrs {
    generator: String,
}

#[derive(Serialize, Deserialize)]
struct Link {
    source: String,
    target: String,
    key: String,
    #[serde(flatten)]
    edge: Edge,
}

#[derive(Serialize)]
struct LinkRef<'a> {
    source: &'a str,
    target: &'a str,
    key: &'a str,
    #[serde(flatten)]
    edge: &'a Edge,
}

/// Where a [`NodeLinkWriter`] is in the document.
#[derive(PartialEq)]
enum At {
    Start,
    Nodes,
    Edges,
    Done,
}

/// Writes node-link JSON a node and an edge at a time.
pub struct NodeLinkWriter<W: Write> {
    out: W,
    at: At,
    first: bool,
}

impl<W: Write> NodeLinkWriter<W> {
    pub fn new(out: W) -> Self {
        NodeLinkWriter {
            out,
            at: At::Start,
            first: true,
        }
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    fn open(&mut self) -> io::Result<()> {
        if self.at == At::Start {
            write!(
                self.out,
                "{{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {{\n    \"generator\": \"quotegraph {}\"\n  }},\n  \"nodes\": [",
                env!("CARGO_PKG_VERSION")
            )?;
            self.at = At::Nodes;
            self.first = true;
        }
        Ok(())
    }

    fn close_list(&mut self) -> io::Result<()> {
        if self.first {
            self.out.write_all(b"]")
        } else {
            self.out.write_all(b"\n  ]")
        }
    }

    fn item(&mut self, v: &impl Serialize) -> io::Result<()> {
        json_list_item(&mut self.out, &mut self.first, "    ", v)
    }
}

impl<W: Write> GraphSink for NodeLinkWriter<W> {
    fn node(&mut self, n: &Node) -> io::Result<()> {
        self.open()?;
        self.item(n)
    }

    fn edge(&mut self, source: &str, target: &str, e: &Edge) -> io::Result<()> {
        self.open()?;
        if self.at == At::Nodes {
            self.close_list()?;
            self.out.write_all(b",\n  \"edges\": [")?;
            self.at = At::Edges;
            self.first = true;
        }
        self.item(&LinkRef {
            source,
            target,
            key: e.kind.as_str(),
            edge: e,
        })
    }

    fn finish(&mut self) -> io::Result<()> {
        self.open()?;
        if self.at == At::Nodes {
            self.close_list()?;
            self.out.write_all(b",\n  \"edges\": [")?;
            self.first = true;
            self.at = At::Edges;
        }
        if self.at == At::Edges {
            self.close_list()?;
            self.out.write_all(b"\n}\n")?;
            self.at = At::Done;
        }
        self.out.flush()
    }
}

/// Serialises the graph (pretty-printed, trailing newline).
pub fn to_node_link(g: &QuoteGraph) -> String {
    let mut w = NodeLinkWriter::new(Vec::new());
    // Writing to memory cannot fail.
    let _ = g.stream(&mut w);
    String::from_utf8(w.into_inner()).unwrap_or_default()
}

/// Reads a graph written by [`to_node_link`] (or by networkx's `node_link_data`), checked
/// ([`LoadError`]).
pub fn from_node_link(json: &str) -> Result<QuoteGraph, LoadError> {
    let doc: NodeLink = serde_json::from_str(json)?;
    check(&doc)?;
    Ok(QuoteGraph::from_parts(
        doc.nodes,
        doc.edges
            .into_iter()
            .map(|l| (l.source, l.target, l.edge))
            .collect(),
    ))
}

/// What the graph's users rely on, checked in one pass over nodes and edges.
fn check(doc: &NodeLink) -> Result<(), LoadError> {
    let mut ids: HashSet<&str> = HashSet::with_capacity(doc.nodes.len());
    for (index, n) in doc.nodes.iter().enumerate() {
        let bad = |problem: &str| LoadError::Node {
            index,
            id: n.id.clone(),
            problem: problem.to_string(),
        };
        if n.id.is_empty() {
            return Err(bad("empty id"));
        }
        if !ids.insert(&n.id) {
            return Err(bad("id given twice"));
        }
        if n.occurrences.iter().any(|o| o.start > o.end) {
            return Err(bad("an occurrence starts after it ends"));
        }
        if let Some(f) = &n.facts {
            if n.kind != NodeKind::Article {
                return Err(bad("facts on a node that is not an article"));
            }
            if n.id.strip_prefix("article:") != Some(f.doc_id.as_str()) {
                return Err(bad("facts of another article (doc_id differs from the id)"));
            }
            format::validate(f).map_err(|source| LoadError::Facts {
                id: n.id.clone(),
                source,
            })?;
        }
    }
    let mut seen: HashSet<(&str, &str, EdgeKind)> = HashSet::with_capacity(doc.edges.len());
    for (index, l) in doc.edges.iter().enumerate() {
        let bad = |problem: String| LoadError::Edge {
            index,
            from: l.source.clone(),
            to: l.target.clone(),
            problem,
        };
        for end in [&l.source, &l.target] {
            if !ids.contains(end.as_str()) {
                return Err(bad(format!("no node {end:?} in the file")));
            }
        }
        if !seen.insert((&l.source, &l.target, l.edge.kind)) {
            return Err(bad(format!("a second {} edge", l.edge.kind.as_str())));
        }
        if let Some(score) = l.edge.score.filter(|s| !(-1.0..=1.0).contains(s)) {
            return Err(bad(format!("score {score} outside [-1, 1]")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
