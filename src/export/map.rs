//! The relationship map as a picture model: where each node and label goes, how big it is.
//!
//! Takes a graph (normally a bounded [`super::view`]); gives [`Map`]: every node with its circle
//! (size by weight: the quotes on its edges), its label lines and font size, placed by the
//! pure-Rust force layout so that no node or label overlaps another, and every edge with its
//! ends. The SVG writer and `index.html` both draw this one model, so the page and the picture
//! agree. Never writes anything; deterministic.

use crate::graph::{Edge, NodeKind, QuoteGraph};

use super::layout::{self, Item, Link};
use super::style::{label_lines, text_width};

/// A node as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct MapNode<'g> {
    pub id: &'g str,
    pub label: &'g str,
    pub kind: NodeKind,
    /// Quotes (and roles) on its edges.
    pub weight: usize,
    /// Centre and radius of its circle, in pixels.
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// Label lines, set below the circle at `font` pixels.
    pub lines: Vec<String>,
    pub font: f64,
}

/// An edge as drawn: indexes into [`Map::nodes`].
#[derive(Debug, Clone, PartialEq)]
pub struct MapEdge<'g> {
    pub source: usize,
    pub target: usize,
    pub edge: &'g Edge,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Map<'g> {
    pub nodes: Vec<MapNode<'g>>,
    pub edges: Vec<MapEdge<'g>>,
    pub width: f64,
    pub height: f64,
}

/// Space between a circle and its label.
const LABEL_GAP: f64 = 3.0;
/// Line height as a multiple of the font size.
pub(crate) const LEADING: f64 = 1.2;

/// The radius of a node of this weight.
fn radius(weight: usize) -> f64 {
    (6.0 + 3.0 * (weight as f64).sqrt()).min(30.0)
}

/// The label's font size for a node of this weight (heavier nodes a little larger).
fn font_size(weight: usize) -> f64 {
    let f = 12.0 + 0.9 * (1.0 + weight as f64).ln();
    (f.min(16.0) * 2.0).round() / 2.0
}

/// Lays out the graph as a map.
pub fn map(g: &QuoteGraph) -> Map<'_> {
    let index: std::collections::HashMap<petgraph::stable_graph::NodeIndex, usize> =
        g.nodes().enumerate().map(|(k, (i, _))| (i, k)).collect();
    let mut weight = vec![0usize; index.len()];
    let mut edges = Vec::new();
    for (s, t, e) in g.edges() {
        let (a, b) = (index[&s], index[&t]);
        weight[a] += e.count.max(1);
        weight[b] += e.count.max(1);
        edges.push(MapEdge {
            source: a,
            target: b,
            edge: e,
        });
    }
    let mut nodes: Vec<MapNode> = g
        .nodes()
        .zip(&weight)
        .map(|((_, n), &w)| MapNode {
            id: &n.id,
            label: &n.label,
            kind: n.kind,
            weight: w,
            x: 0.0,
            y: 0.0,
            r: radius(w),
            lines: label_lines(&n.label),
            font: font_size(w),
        })
        .collect();
    let items: Vec<Item> = nodes
        .iter()
        .map(|n| {
            let (w, h) = box_size(n);
            Item {
                w,
                h,
                weight: n.weight as f64,
            }
        })
        .collect();
    let links: Vec<Link> = edges
        .iter()
        .map(|e| Link {
            a: e.source,
            b: e.target,
            strength: 1.0 + 0.25 * (e.edge.count.max(1) as f64).ln(),
        })
        .collect();
    let p = layout::place(&items, &links);
    for (k, n) in nodes.iter_mut().enumerate() {
        // The layout places boxes; the circle sits at the top of its box, the label below.
        n.x = p.xs[k];
        n.y = p.ys[k] - items[k].h / 2.0 + n.r;
    }
    Map {
        nodes,
        edges,
        width: p.width,
        height: p.height,
    }
}

/// The box a node and its label take.
fn box_size(n: &MapNode) -> (f64, f64) {
    let text = n
        .lines
        .iter()
        .map(|l| text_width(l, n.font))
        .fold(0.0, f64::max);
    let w = (2.0 * n.r).max(text) + 4.0;
    let h = 2.0 * n.r + LABEL_GAP + n.lines.len() as f64 * n.font * LEADING;
    (w, h)
}

/// The baseline of a node's first label line.
pub(crate) fn first_baseline(n: &MapNode) -> f64 {
    n.y + n.r + LABEL_GAP + n.font
}
