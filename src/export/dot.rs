//! DOT through graphviz-rust's model and printer, and SVG rendered from it.
//!
//! A relationship map that reads well: shapes and fill colours by node kind (people ellipses,
//! organisations boxes, places hexagons, quotes notes), green / red / grey stance edges labelled
//! with their quote counts, blue role edges, labels wrapped to fit.
//!
//! ```dot
//! digraph quotegraph {
//!   graph [rankdir="LR" ...]
//!   "person:mark-rutte" [label="Mark Rutte" shape="ellipse" fillcolor="#9ecae1" ...]
//!   "person:mark-rutte" -> "place:ukraine" [label="support · 9 quotes" color="#2ca02c" ...]
//! }
//! ```

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::{colour, edge_colour, edge_label, short};
use crate::graph::{EdgeKind, NodeKind, QuoteGraph};

fn quoted(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quoted(v))
}

/// Wraps a label into lines of about `width` characters.
fn wrap(s: &str, width: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for w in s.split_whitespace() {
        let line = lines.last_mut().expect("one line");
        if !line.is_empty() && line.chars().count() + w.chars().count() + 1 > width {
            lines.push(w.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
    }
    lines.join("\n")
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

/// The graphviz-rust model of a graph.
pub fn model(g: &QuoteGraph) -> Graph {
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "LR"),
            attr("overlap", "false"),
            attr("splines", "true"),
            attr("fontname", "Helvetica"),
            attr(
                "label",
                "quotegraph: who said what about whom (green support, red oppose, grey neutral)",
            ),
            attr("labelloc", "t"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", "filled"),
            attr("fontname", "Helvetica"),
            attr("fontsize", "11"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "9"),
        ])),
    ];
    for (_, n) in g.nodes() {
        let label = match n.kind {
            NodeKind::Quote => wrap(&format!("“{}”", short(&n.label, 90)), 30),
            _ => wrap(&short(&n.label, 40), 18),
        };
        let mut attributes = vec![
            attr("label", &label),
            attr("shape", shape(n.kind)),
            attr("fillcolor", colour(n.kind)),
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
            attr("label", &edge_label(e)),
            attr("color", edge_colour(e)),
            attr("fontcolor", edge_colour(e)),
        ];
        if e.kind == EdgeKind::Stance {
            attributes.push(attr(
                "penwidth",
                &format!("{:.1}", 1.0 + (e.count as f32).ln_1p()),
            ));
        }
        if matches!(e.kind, EdgeKind::Role | EdgeKind::AffiliatedWith) {
            attributes.push(attr("style", "dashed"));
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

/// Which program drew an SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SvgRenderer {
    /// Graphviz `dot`, found on the PATH.
    Graphviz,
    /// The pure-Rust layout (layout-rs), used when Graphviz is not installed.
    PureRust,
}

impl SvgRenderer {
    pub fn as_str(&self) -> &'static str {
        match self {
            SvgRenderer::Graphviz => "graphviz dot",
            SvgRenderer::PureRust => "layout-rs (pure Rust)",
        }
    }
}

/// Renders the graph's DOT as SVG: with Graphviz `dot` when it runs, else with layout-rs.
/// `force_pure_rust` skips Graphviz (for reproducible output and tests).
pub fn svg(g: &QuoteGraph, force_pure_rust: bool) -> Result<(String, SvgRenderer), String> {
    let text = dot(g);
    if !force_pure_rust {
        if let Some(svg) = graphviz_svg(&text) {
            return Ok((svg, SvgRenderer::Graphviz));
        }
    }
    pure_rust_svg(&text).map(|s| (s, SvgRenderer::PureRust))
}

fn graphviz_svg(dot: &str) -> Option<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(dot.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).ok())
        .flatten()
}

fn pure_rust_svg(dot: &str) -> Result<String, String> {
    use layout::backends::svg::SVGWriter;
    use layout::gv::{DotParser, GraphBuilder};
    // layout-rs reads a subset of DOT: drop the attributes it does not know.
    let simple: String = dot
        .lines()
        .filter(|l| !l.trim_start().starts_with("graph ["))
        .collect::<Vec<_>>()
        .join("\n");
    std::panic::catch_unwind(|| {
        let mut parser = DotParser::new(&simple);
        let ast = parser
            .process()
            .map_err(|e| format!("layout-rs could not parse the DOT: {e}"))?;
        let mut builder = GraphBuilder::new();
        builder.visit_graph(&ast);
        let mut vg = builder.get();
        let mut writer = SVGWriter::new();
        vg.do_it(false, false, false, &mut writer);
        Ok(writer.finalize())
    })
    .unwrap_or_else(|_| Err("layout-rs failed to lay out the graph".into()))
}
