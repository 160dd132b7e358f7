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
    /// Label lines, set below the circle at `font` pixels, and their widest line's width.
    pub lines: Vec<String>,
    pub font: f64,
    pub label_width: f64,
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
            label_width: 0.0,
        })
        .collect();
    for n in &mut nodes {
        n.label_width = n
            .lines
            .iter()
            .map(|l| text_width(l, n.font))
            .fold(0.0, f64::max);
    }
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
    let w = (2.0 * n.r).max(n.label_width) + 4.0;
    (w, 2.0 * n.r + label_height(n))
}

/// The height of a node's label with the gap above it.
fn label_height(n: &MapNode) -> f64 {
    LABEL_GAP + n.lines.len() as f64 * n.font * LEADING
}

/// The baseline of a node's first label line.
pub(crate) fn first_baseline(n: &MapNode) -> f64 {
    n.y + n.r + LABEL_GAP + n.font
}

/// Nodes bucketed by position, to ask in constant time whether a point is on a node or its
/// label.
pub(crate) struct NodeGrid<'m> {
    nodes: &'m [MapNode<'m>],
    cells: rustc_hash::FxHashMap<(i64, i64), Vec<usize>>,
}

/// Cell side; a query looks two cells around, which covers a circle (radius at most 30) or
/// half a label (at most 30 characters) plus a margin of 10.
const CELL: f64 = 64.0;

impl<'m> NodeGrid<'m> {
    pub(crate) fn new(nodes: &'m [MapNode<'m>]) -> NodeGrid<'m> {
        let mut cells: rustc_hash::FxHashMap<(i64, i64), Vec<usize>> = Default::default();
        for (k, n) in nodes.iter().enumerate() {
            cells.entry(cell(n.x, n.y)).or_default().push(k);
        }
        NodeGrid { nodes, cells }
    }

    /// Whether (x, y) lies within `margin` (at most 10 px) of a node's circle or label.
    pub(crate) fn on_a_node(&self, x: f64, y: f64, margin: f64) -> bool {
        let (cx, cy) = cell(x, y);
        (cx - 2..=cx + 2)
            .flat_map(|gx| (cy - 2..=cy + 2).map(move |gy| (gx, gy)))
            .filter_map(|c| self.cells.get(&c))
            .flatten()
            .any(|&k| {
                let n = &self.nodes[k];
                let on_circle = (n.x - x).hypot(n.y - y) < n.r + margin;
                let top = n.y + n.r;
                let on_label = (n.x - x).abs() < n.label_width / 2.0 + margin
                    && y > top - margin
                    && y < top + label_height(n) + margin;
                on_circle || on_label
            })
    }
}

fn cell(x: f64, y: f64) -> (i64, i64) {
    ((x / CELL).floor() as i64, (y / CELL).floor() as i64)
}

#[cfg(test)]
mod tests {
    use super::{MapNode, NodeGrid};
    use crate::graph::NodeKind;

    #[test]
    fn points_on_circles_and_labels_are_found() {
        let node = |x, y| MapNode {
            id: "person:ilse-brandt",
            label: "Ilse Brandt",
            kind: NodeKind::Person,
            weight: 3,
            x,
            y,
            r: 10.0,
            lines: vec!["Ilse Brandt".into()],
            font: 12.0,
            label_width: 80.0,
        };
        let nodes = [node(100.0, 100.0), node(-500.0, 40.0)];
        let grid = NodeGrid::new(&nodes);
        let cases = [
            ((100.0, 100.0), true),
            ((106.0, 94.0), true),
            ((100.0, 125.0), true),
            ((139.0, 120.0), true),
            ((145.0, 120.0), false),
            ((100.0, 140.0), false),
            ((200.0, 200.0), false),
            ((-500.0, 35.0), true),
        ];
        for ((x, y), want) in cases {
            assert_eq!(grid.on_a_node(x, y, 0.0), want, "({x}, {y})");
        }
    }
}
