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

use serde::{Deserialize, Serialize};

use super::{Edge, Node, QuoteGraph};

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

/// Serialises the graph (pretty-printed, trailing newline).
pub fn to_node_link(g: &QuoteGraph) -> String {
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
    let mut s = serde_json::to_string_pretty(&doc).expect("graph serialises");
    s.push('\n');
    s
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
