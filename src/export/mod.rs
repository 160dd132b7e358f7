//! Exports: the graph in the formats people's tools read, and views that filter it.
//!
//! Takes a [`QuoteGraph`]; gives text (or SVG). [`view`] narrows a graph first: the relationship
//! map (quotes folded into speaker → entity stance edges labelled with quote counts, which is the
//! default for pictures), one speaker, one entity's neighbourhood, stance edges only. Every
//! exporter is a pure function of the graph; only [`svg`] may run a program (Graphviz `dot`,
//! when it is installed; otherwise a pure-Rust layout renders the same DOT).

mod dot;
mod html;
mod tables;
mod xml;

use std::collections::{BTreeSet, VecDeque};

use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::graph::{EdgeKind, Node, NodeKind, QuoteGraph};

pub use dot::{dot, svg, SvgRenderer};
pub use html::html;
pub use tables::{cytoscape, neo4j_csv};
pub use xml::{gexf, graphml};

/// What to keep of a graph.
#[derive(Debug, Clone, Default)]
pub struct ViewOptions {
    /// Keep quote and article nodes (and `said`, `mentions`, `appears_in`, `reported_by`
    /// edges). Without them, quotes fold into the stance edges.
    pub quotes: bool,
    /// Only this speaker, what they said and whom they took a stance on.
    pub speaker: Option<String>,
    /// Only the nodes within `depth` edges of this entity.
    pub ego: Option<(String, usize)>,
    /// Only stance edges.
    pub stance_only: bool,
}

/// A name that matched no entity.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no entity named {0:?} in the graph")]
pub struct UnknownName(pub String);

/// The part of `g` the options keep, as a graph of its own (article facts left out).
pub fn view(g: &QuoteGraph, o: &ViewOptions) -> Result<QuoteGraph, UnknownName> {
    let keep_edge = |k: EdgeKind| {
        if o.stance_only {
            k == EdgeKind::Stance
        } else if o.quotes {
            true
        } else {
            matches!(
                k,
                EdgeKind::Stance | EdgeKind::Role | EdgeKind::AffiliatedWith
            )
        }
    };
    let keep_node = |n: &Node| o.quotes || n.kind.is_entity();
    let mut nodes: BTreeSet<petgraph::stable_graph::NodeIndex> = g
        .nodes()
        .filter(|(_, n)| keep_node(n))
        .map(|(i, _)| i)
        .collect();
    if let Some(name) = &o.speaker {
        let (s, _) = g
            .find_entity(name)
            .ok_or_else(|| UnknownName(name.clone()))?;
        let mut keep = BTreeSet::from([s]);
        for e in g.graph.edges_directed(s, Direction::Outgoing) {
            if keep_edge(e.weight().kind) {
                keep.insert(e.target());
                if e.weight().kind == EdgeKind::Said {
                    // What the quote mentions, and where it appeared.
                    keep.extend(g.graph.neighbors_directed(e.target(), Direction::Outgoing));
                }
            }
        }
        nodes.retain(|i| keep.contains(i));
    }
    if let Some((name, depth)) = &o.ego {
        let (start, _) = g
            .find_entity(name)
            .ok_or_else(|| UnknownName(name.clone()))?;
        let mut seen = BTreeSet::from([start]);
        let mut queue = VecDeque::from([(start, 0usize)]);
        while let Some((n, d)) = queue.pop_front() {
            if d == *depth {
                continue;
            }
            for e in g
                .graph
                .edges_directed(n, Direction::Outgoing)
                .chain(g.graph.edges_directed(n, Direction::Incoming))
            {
                let other = if e.source() == n {
                    e.target()
                } else {
                    e.source()
                };
                if keep_edge(e.weight().kind) && nodes.contains(&other) && seen.insert(other) {
                    queue.push_back((other, d + 1));
                }
            }
        }
        nodes.retain(|i| seen.contains(i));
    }
    let edges: Vec<(String, String, crate::graph::Edge)> = g
        .edges()
        .filter(|(s, t, e)| keep_edge(e.kind) && nodes.contains(s) && nodes.contains(t))
        .map(|(s, t, e)| (g.graph[s].id.clone(), g.graph[t].id.clone(), e.clone()))
        .collect();
    // Without quotes, an entity that no kept edge touches is noise in a picture.
    let touched: BTreeSet<&str> = edges
        .iter()
        .flat_map(|(s, t, _)| [s.as_str(), t.as_str()])
        .collect();
    let kept: Vec<Node> = nodes
        .iter()
        .map(|&i| &g.graph[i])
        .filter(|n| {
            o.quotes || touched.contains(n.id.as_str()) || o.speaker.is_some() || o.ego.is_some()
        })
        .map(|n| Node {
            facts: None,
            ..n.clone()
        })
        .collect();
    Ok(QuoteGraph::from_parts(kept, edges))
}

/// Short display label: words kept whole, at most `max` characters, with `…`.
pub(crate) fn short(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let mut out = String::new();
    for w in s.split(' ') {
        if out.chars().count() + w.chars().count() + 1 > max.saturating_sub(1) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('…');
    out
}

/// Fill colour per node kind, shared by every picture format.
pub(crate) fn colour(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "#9ecae1",
        NodeKind::Org => "#fdd49e",
        NodeKind::Place => "#c7e9c0",
        NodeKind::Equipment => "#d9d9d9",
        NodeKind::Outlet => "#dadaeb",
        NodeKind::Anonymous => "#ffffff",
        NodeKind::Quote => "#fff7bc",
        NodeKind::Article => "#f0f0f0",
    }
}

/// Edge colour: stance by polarity, others neutral.
pub(crate) fn edge_colour(e: &crate::graph::Edge) -> &'static str {
    use crate::stance::Polarity;
    match (e.kind, e.polarity) {
        (EdgeKind::Stance, Some(Polarity::Support)) => "#2ca02c",
        (EdgeKind::Stance, Some(Polarity::Oppose)) => "#d62728",
        (EdgeKind::Stance, _) => "#9e9e9e",
        (EdgeKind::Role | EdgeKind::AffiliatedWith, _) => "#3182bd",
        _ => "#636363",
    }
}

/// The label of an edge in pictures.
pub(crate) fn edge_label(e: &crate::graph::Edge) -> String {
    match e.kind {
        EdgeKind::Stance => {
            let n = e.count;
            let q = if n == 1 { "quote" } else { "quotes" };
            match e.polarity {
                Some(p) if p != crate::stance::Polarity::Neutral => {
                    format!("{} · {n} {q}", p.as_str())
                }
                _ => format!("{n} {q}"),
            }
        }
        EdgeKind::Role | EdgeKind::AffiliatedWith => {
            e.label.clone().unwrap_or_else(|| e.kind.as_str().into())
        }
        k => k.as_str().replace('_', " "),
    }
}
