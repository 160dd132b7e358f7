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
//! [`NodeLinkWriter`] writes the file a node and an edge at a time (pretty-printed, as
//! `serde_json` prints the whole document), so a graph of any size streams to disk.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::{Edge, GraphSink, Node, QuoteGraph};

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
        let text = serde_json::to_string_pretty(v).map_err(io::Error::other)?;
        self.out
            .write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                self.out.write_all(b"\n")?;
            }
            self.out.write_all(b"    ")?;
            self.out.write_all(line.as_bytes())?;
        }
        Ok(())
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

/// Reads a graph written by [`to_node_link`].
pub fn from_node_link(json: &str) -> Result<QuoteGraph, serde_json::Error> {
    let doc: NodeLink = serde_json::from_str(json)?;
    Ok(QuoteGraph::from_parts(
        doc.nodes,
        doc.edges
            .into_iter()
            .map(|l| (l.source, l.target, l.edge))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EdgeKind, NodeKind};

    /// The document `serde_json` prints whole: what the streamed writer must print.
    fn whole(g: &QuoteGraph) -> String {
        let doc = NodeLink {
            directed: true,
            multigraph: true,
            graph: GraphAttrs {
                generator: format!("quotegraph {}", env!("CARGO_PKG_VERSION")),
            },
            nodes: g.nodes().map(|(_, n)| n.clone()).collect(),
            edges: g
                .edges()
                .map(|(s, t, e)| Link {
                    source: g.graph[s].id.clone(),
                    target: g.graph[t].id.clone(),
                    key: e.kind.as_str().to_string(),
                    edge: e.clone(),
                })
                .collect(),
        };
        serde_json::to_string_pretty(&doc).unwrap() + "\n"
    }

    #[test]
    fn streamed_json_is_the_document_serde_prints() {
        let a = Node::new(
            "person:a".into(),
            NodeKind::Person,
            "A \"quoted\"\nname".into(),
        );
        let b = Node::new("place:b".into(), NodeKind::Place, "B".into());
        let graphs = [
            QuoteGraph::default(),
            QuoteGraph::from_parts(vec![a.clone()], vec![]),
            QuoteGraph::from_parts(
                vec![a, b],
                vec![(
                    "person:a".into(),
                    "place:b".into(),
                    Edge::new(EdgeKind::Stance, 2),
                )],
            ),
        ];
        for g in &graphs {
            let text = to_node_link(g);
            assert_eq!(text, whole(g));
            assert_eq!(to_node_link(&from_node_link(&text).unwrap()), text);
        }
    }
}
