//! DOT through graphviz-rust's model and printer: the relationship map for Graphviz.
//!
//! Takes a graph (normally a bounded view); gives DOT text that any Graphviz command draws as a
//! force-directed map (`layout=neato` with overlap removal and curved splines; `sfdp` for large
//! graphs): shapes and fill colours by node kind (people ellipses, organisations boxes, places
//! hexagons), label size by weight, green / red / grey stance edges with their quote counts,
//! dashed blue role edges. Every string is a quoted DOT string with quotes and backslashes
//! escaped and control characters replaced, so no label can end its quotes or add statements.
//!
//! ```dot
//! digraph quotegraph {
//!   graph [layout="neato" overlap="prism" splines="curved" ...]
//!   "person:ilse-brandt" [label="Ilse Brandt" shape="ellipse" fillcolor="#9ecae1" fontsize="14" ...]
//!   "person:ilse-brandt" -> "place:estrelle" [label="3" tooltip="oppose · 3 quotes" color="#d62728" ...]
//! }
//! ```

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::style::{colour, edge_colour, edge_label, short, wrap};
use crate::graph::{EdgeKind, NodeKind, QuoteGraph};

fn quoted(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            // Other control characters (and the line and paragraph separators) become spaces;
            // U+FFFE and U+FFFF, which would make Graphviz's SVG invalid XML, become U+FFFD.
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => out.push(' '),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quoted(v))
}

fn shape(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "ellipse",
        NodeKind::Org => "box",
        NodeKind::Place => "hexagon",
        NodeKind::Equipment => "component",
        NodeKind::Outlet => "cylinder",
        NodeKind::Anonymous => "ellipse",
        NodeKind::Quote => "note",
        NodeKind::Article => "folder",
    }
}

/// Graphs with more nodes than this are laid out by `sfdp` (multilevel, fast) instead of `neato`.
const NEATO_MAX_NODES: usize = 300;

fn graph_attributes(nodes: usize) -> Vec<Attribute> {
    // Curved splines cost Graphviz far more than the layout on large graphs: straight there.
    let (engine, splines) = if nodes > NEATO_MAX_NODES {
        ("sfdp", "false")
    } else {
        ("neato", "curved")
    };
    vec![
        attr("layout", engine),
        attr("start", "7"),
        // Prism overlap removal from the layout at half scale: compact, nothing overlaps.
        attr("overlap", "prism"),
        attr("overlap_scaling", "-2"),
        attr("sep", "+10"),
        attr("splines", splines),
        attr("outputorder", "edgesfirst"),
        attr("bgcolor", "white"),
        attr("pad", "0.3"),
        attr("fontname", "Helvetica"),
        attr("fontsize", "16"),
        attr(
            "label",
            "Who said what about whom: green supports, red opposes, grey neutral, dashed blue roles; numbers are quotes",
        ),
        attr("labelloc", "t"),
    ]
}

/// Quotes (and roles) on each node's edges, by node index.
fn weights(g: &QuoteGraph) -> std::collections::HashMap<petgraph::stable_graph::NodeIndex, usize> {
    let mut w = std::collections::HashMap::new();
    for (s, t, e) in g.edges() {
        *w.entry(s).or_default() += e.count.max(1);
        *w.entry(t).or_default() += e.count.max(1);
    }
    w
}

/// The graphviz-rust model of a graph.
pub fn model(g: &QuoteGraph) -> Graph {
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attributes(g.node_count()))),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", "filled"),
            attr("fontname", "Helvetica"),
            attr("margin", "0.06,0.03"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "10"),
            attr("arrowsize", "0.7"),
        ])),
    ];
    let weight = weights(g);
    for (i, n) in g.nodes() {
        let w = weight.get(&i).copied().unwrap_or(0);
        let label = match n.kind {
            NodeKind::Quote => wrap(&format!("“{}”", short(&n.label, 90)), 30),
            _ => wrap(&short(&n.label, 30), 16),
        }
        .join("\n");
        let font = (12.0 + 1.2 * (1.0 + w as f64).ln()).min(20.0);
        let mut attributes = vec![
            attr("label", &label),
            attr("shape", shape(n.kind)),
            attr("fillcolor", colour(n.kind)),
            attr("fontsize", &format!("{font:.1}")),
            attr("tooltip", &format!("{} ({})", n.label, n.kind.as_str())),
        ];
        if n.kind == NodeKind::Anonymous {
            attributes.push(attr("style", "filled,dashed"));
        }
        stmts.push(Stmt::Node(DotNode::new(
            NodeId(quoted(&n.id), None),
            attributes,
        )));
    }
    for (s, t, e) in g.edges() {
        let mut attributes = vec![
            attr("color", edge_colour(e)),
            attr("fontcolor", edge_colour(e)),
            attr("tooltip", &edge_label(e)),
        ];
        match e.kind {
            EdgeKind::Stance => {
                if e.count > 1 {
                    attributes.push(attr("label", &e.count.to_string()));
                }
                attributes.push(attr(
                    "penwidth",
                    &format!("{:.1}", 1.0 + 1.1 * (e.count.max(1) as f32).ln()),
                ));
            }
            EdgeKind::Role | EdgeKind::AffiliatedWith => {
                attributes.push(attr("style", "dashed"));
                attributes.push(attr("label", &short(&edge_label(e), 24)));
                attributes.push(attr("fontsize", "9"));
            }
            _ => attributes.push(attr("label", &edge_label(e))),
        }
        stmts.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(quoted(&g.graph[s].id), None)),
                Vertex::N(NodeId(quoted(&g.graph[t].id), None)),
            ),
            attributes,
        }));
    }
    Graph::DiGraph {
        id: Id::Plain("quotegraph".into()),
        strict: false,
        stmts,
    }
}

/// The graph as DOT text.
pub fn dot(g: &QuoteGraph) -> String {
    let mut ctx = PrinterContext::default();
    let mut s = model(g).print(&mut ctx);
    s.push('\n');
    s
}

#[cfg(test)]
mod tests;
