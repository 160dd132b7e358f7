//! SVG of the relationship map: by Graphviz when it is installed and answers in time, else
//! written here from the pure-Rust [`super::map`].
//!
//! Takes a graph (normally a bounded view); gives SVG text and which renderer drew it. The
//! pure-Rust picture is drawn at its natural size (1 unit = 1 pixel, labels 12–16 px, legible
//! at 100 % zoom): circles sized by weight and coloured by kind, labels below them on a white
//! halo, curved edges green / red / grey by stance with arrowheads, width by quote count and
//! the count written on them, a title and a legend. Hover shows full names and edge wording.
//! All text is escaped as XML. An empty graph gives a small picture saying so.
//!
//! ```xml
//! <svg xmlns="http://www.w3.org/2000/svg" width="1180" height="760" viewBox="0 0 1180 760" …>
//!   <g class="edge"><title>Ilse Brandt → Estrelle: opposes · 3 quotes</title><path d="M … Q …" …/></g>
//!   <g class="node"><title>Ilse Brandt (person)</title><circle cx="…" cy="…" r="14" …/><text …>Ilse Brandt</text></g>
//! </svg>
//! ```

use std::convert::Infallible;
use std::fmt::Write;
use std::time::Duration;

use super::graphviz::{self, Outcome};
use super::map::{first_baseline, map, Map, MapNode, NodeGrid, LEADING};
use super::style::{colour, edge_colour, edge_label, stroke, LEGEND, OTHER_EDGE};
use crate::graph::{EdgeKind, NodeKind, QuoteGraph};

/// How long Graphviz may take before the pure-Rust layout draws the map instead.
pub const GRAPHVIZ_TIMEOUT: Duration = Duration::from_secs(20);

/// Which program drew an SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SvgRenderer {
    /// Graphviz (the engine the DOT names: `neato`, or `sfdp` for large graphs).
    Graphviz,
    /// The pure-Rust force layout, asked for or used because Graphviz is not installed.
    PureRust,
    /// The pure-Rust force layout, because Graphviz failed.
    PureRustGraphvizFailed,
    /// The pure-Rust force layout, because Graphviz ran past its time and was stopped.
    PureRustGraphvizTimedOut,
}

impl SvgRenderer {
    pub fn as_str(&self) -> &'static str {
        match self {
            SvgRenderer::Graphviz => "Graphviz",
            SvgRenderer::PureRust => "the pure-Rust force layout",
            SvgRenderer::PureRustGraphvizFailed => {
                "the pure-Rust force layout (Graphviz failed on this graph)"
            }
            SvgRenderer::PureRustGraphvizTimedOut => {
                "the pure-Rust force layout (Graphviz ran past its time limit and was stopped)"
            }
        }
    }
}

/// How to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SvgOptions {
    /// Skip Graphviz (reproducible output whatever is installed).
    pub pure_rust: bool,
    /// Graphviz's time limit.
    pub graphviz_timeout: Duration,
}

impl Default for SvgOptions {
    fn default() -> SvgOptions {
        SvgOptions {
            pure_rust: false,
            graphviz_timeout: GRAPHVIZ_TIMEOUT,
        }
    }
}

/// The graph as SVG: by Graphviz when it runs in time, else by the pure-Rust layout.
/// `force_pure_rust` skips Graphviz. Drawing cannot fail (the error type is empty).
pub fn svg(g: &QuoteGraph, force_pure_rust: bool) -> Result<(String, SvgRenderer), Infallible> {
    Ok(svg_with(
        g,
        &SvgOptions {
            pure_rust: force_pure_rust,
            ..SvgOptions::default()
        },
    ))
}

/// [`svg`] with every option.
pub fn svg_with(g: &QuoteGraph, o: &SvgOptions) -> (String, SvgRenderer) {
    if o.pure_rust || g.node_count() == 0 {
        return (pure_rust_svg(g), SvgRenderer::PureRust);
    }
    let renderer = match graphviz::run(&super::dot(g), o.graphviz_timeout) {
        Outcome::Drawn(svg) => return (svg, SvgRenderer::Graphviz),
        Outcome::Missing => SvgRenderer::PureRust,
        Outcome::Failed(_) => SvgRenderer::PureRustGraphvizFailed,
        Outcome::TimedOut => SvgRenderer::PureRustGraphvizTimedOut,
    };
    (pure_rust_svg(g), renderer)
}

/// Text made safe for XML content and attribute values: markup characters escaped, characters
/// XML 1.0 forbids (most control characters, unpaired surrogates cannot occur in `str`, U+FFFE
/// and U+FFFF) replaced by a space.
pub(crate) fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || matches!(c, '\u{7f}' | '\u{fffe}' | '\u{ffff}') => {
                out.push(' ')
            }
            c => out.push(c),
        }
    }
    out
}

const MARGIN: f64 = 24.0;
const HEADER: f64 = 96.0;
const FONT: &str = "Helvetica, Arial, sans-serif";

/// The pure-Rust picture of the graph.
pub fn pure_rust_svg(g: &QuoteGraph) -> String {
    let m = map(g);
    if m.nodes.is_empty() {
        return empty_svg();
    }
    let width = (m.width + 2.0 * MARGIN).max(720.0).ceil();
    let height = (m.height + 2.0 * MARGIN + HEADER).ceil();
    let dx = ((width - m.width) / 2.0).floor();
    let dy = MARGIN + HEADER;
    let mut s = String::with_capacity(4096 + 600 * (m.nodes.len() + m.edges.len()));
    let _ = write!(
        s,
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT}">
<title>quotegraph: who said what about whom</title>
<rect width="100%" height="100%" fill="#ffffff"/>
"##
    );
    header(&mut s, &m);
    s.push_str("<defs>\n");
    for colour in LEGEND.iter().map(|(c, _)| *c).chain([OTHER_EDGE]) {
        let id = &colour[1..];
        let _ = writeln!(
            s,
            r#"<marker id="a{id}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto"><path d="M0,1 L10,5 L0,9 z" fill="{colour}"/></marker>"#
        );
    }
    s.push_str("</defs>\n");
    let _ = writeln!(s, r#"<g transform="translate({dx} {dy})">"#);
    let counts = edges(&mut s, &m);
    for n in &m.nodes {
        node(&mut s, n);
    }
    // Quote counts on top, so that no circle hides them.
    s.push_str(&counts);
    s.push_str("</g>\n</svg>\n");
    s
}

fn header(s: &mut String, m: &Map) {
    let people = m
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Person)
        .count();
    let _ = writeln!(
        s,
        r##"<text x="{MARGIN}" y="30" font-size="18" font-weight="bold" fill="#222">Who said what about whom</text>
<text x="{MARGIN}" y="50" font-size="13" fill="#555">{} entities ({people} people), {} relationships. Circle size: quotes on its edges; line width and number: quotes.</text>"##,
        m.nodes.len(),
        m.edges.len()
    );
    let mut x = MARGIN;
    for (colour, name) in LEGEND {
        let _ = writeln!(
            s,
            r#"<line x1="{x}" y1="70" x2="{}" y2="70" stroke="{colour}" stroke-width="3"/><text x="{}" y="74" font-size="12" fill="{colour}">{name}</text>"#,
            x + 22.0,
            x + 27.0
        );
        x += 38.0 + name.len() as f64 * 6.6;
    }
    let mut x = MARGIN;
    for (kind, name) in [
        (NodeKind::Person, "person"),
        (NodeKind::Org, "organisation"),
        (NodeKind::Place, "place"),
        (NodeKind::Outlet, "outlet"),
        (NodeKind::Anonymous, "anonymous"),
    ] {
        let _ = writeln!(
            s,
            r##"<circle cx="{}" cy="88" r="6" fill="{}" stroke="{}"/><text x="{}" y="92" font-size="12" fill="#444">{name}</text>"##,
            x + 6.0,
            colour(kind),
            stroke(kind),
            x + 16.0
        );
        x += 30.0 + name.len() as f64 * 6.6;
    }
}

/// Edges as slightly curved lines (so that A → B and B → A stay apart), under the nodes;
/// returns their quote counts, to be drawn over the nodes.
fn edges(s: &mut String, m: &Map) -> String {
    let mut counts = String::new();
    let grid = NodeGrid::new(&m.nodes);
    for e in &m.edges {
        if e.source == e.target {
            continue;
        }
        let (a, b) = (&m.nodes[e.source], &m.nodes[e.target]);
        let (vx, vy) = (b.x - a.x, b.y - a.y);
        let len = (vx * vx + vy * vy).sqrt().max(1e-6);
        // Control point: a little to the right of the direction of travel (roles bend the
        // other way, so that a stance and a role between the same two stay apart).
        let bend = match e.edge.kind {
            EdgeKind::Stance => 0.1,
            EdgeKind::Role | EdgeKind::AffiliatedWith => -0.12,
            _ => 0.2,
        };
        let (cx, cy) = ((a.x + b.x) / 2.0 - vy * bend, (a.y + b.y) / 2.0 + vx * bend);
        let unit = |x: f64, y: f64| {
            let l = (x * x + y * y).sqrt().max(1e-6);
            (x / l, y / l)
        };
        let (ux, uy) = unit(cx - a.x, cy - a.y);
        let (wx, wy) = unit(b.x - cx, b.y - cy);
        let (x1, y1) = (a.x + ux * a.r, a.y + uy * a.r);
        let (x2, y2) = (b.x - wx * (b.r + 1.5), b.y - wy * (b.r + 1.5));
        let colour = edge_colour(e.edge);
        let width = (1.0 + 1.1 * (e.edge.count.max(1) as f64).ln()).min(6.0);
        let dash = if e.edge.kind == EdgeKind::Stance {
            ""
        } else {
            r#" stroke-dasharray="5 3""#
        };
        let _ = writeln!(
            s,
            r#"<g class="edge"><title>{} → {}: {}</title><path d="M{x1:.1},{y1:.1} Q{cx:.1},{cy:.1} {x2:.1},{y2:.1}" fill="none" stroke="{colour}" stroke-width="{width:.1}" stroke-opacity="0.75"{dash} marker-end="url(#a{})"/></g>"#,
            xml_text(a.label),
            xml_text(b.label),
            xml_text(&edge_label(e.edge)),
            &colour[1..]
        );
        // The count where the curve passes its middle, unless a node is there (the line's
        // title still says it).
        let (mx, my) = (
            0.25 * a.x + 0.5 * cx + 0.25 * b.x,
            0.25 * a.y + 0.5 * cy + 0.25 * b.y,
        );
        if e.edge.kind == EdgeKind::Stance
            && e.edge.count > 1
            && len > 40.0
            && !grid.on_a_node(mx, my, 8.0)
        {
            let _ = writeln!(
                counts,
                r##"<text x="{mx:.1}" y="{:.1}" font-size="11" font-weight="bold" text-anchor="middle" fill="{colour}" stroke="#ffffff" stroke-width="3" paint-order="stroke">{}</text>"##,
                my + 4.0,
                e.edge.count
            );
        }
    }
    counts
}

fn node(s: &mut String, n: &MapNode) {
    let _ = write!(
        s,
        r#"<g class="node {}"><title>{} ({}): {} quote{} on its edges</title>"#,
        n.kind.as_str(),
        xml_text(n.label),
        n.kind.as_str(),
        n.weight,
        if n.weight == 1 { "" } else { "s" }
    );
    let (fill, line) = (colour(n.kind), stroke(n.kind));
    let (x, y, r) = (n.x, n.y, n.r);
    let dash = if n.kind == NodeKind::Anonymous {
        r#" stroke-dasharray="3 2""#
    } else {
        ""
    };
    match n.kind {
        NodeKind::Org | NodeKind::Outlet => {
            let _ = write!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="4" fill="{fill}" stroke="{line}" stroke-width="1.5"/>"#,
                x - r,
                y - r * 0.85,
                2.0 * r,
                1.7 * r
            );
        }
        NodeKind::Place => {
            let points: Vec<String> = (0..6)
                .map(|k| {
                    let a = std::f64::consts::FRAC_PI_3 * k as f64;
                    format!("{:.1},{:.1}", x + r * a.cos(), y + r * a.sin())
                })
                .collect();
            let _ = write!(
                s,
                r#"<polygon points="{}" fill="{fill}" stroke="{line}" stroke-width="1.5"/>"#,
                points.join(" ")
            );
        }
        _ => {
            let _ = write!(
                s,
                r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{fill}" stroke="{line}" stroke-width="1.5"{dash}/>"#
            );
        }
    }
    let base = first_baseline(n);
    let _ = write!(
        s,
        r##"<text x="{x:.1}" y="{base:.1}" font-size="{}" text-anchor="middle" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">"##,
        n.font
    );
    for (k, line) in n.lines.iter().enumerate() {
        let dy = if k == 0 { 0.0 } else { n.font * LEADING };
        let _ = write!(
            s,
            r#"<tspan x="{x:.1}" dy="{dy:.1}">{}</tspan>"#,
            xml_text(line)
        );
    }
    s.push_str("</text></g>\n");
}

/// A small valid picture for a graph with nothing to draw.
fn empty_svg() -> String {
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="480" height="120" viewBox="0 0 480 120" font-family="{FONT}">
<title>quotegraph: no relationships</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="240" y="55" font-size="18" text-anchor="middle" fill="#444">No relationships to show</text>
<text x="240" y="82" font-size="12" text-anchor="middle" fill="#777">No speaker took a stance on anyone in this graph or view.</text>
</svg>
"##
    )
}

#[cfg(test)]
mod tests;
