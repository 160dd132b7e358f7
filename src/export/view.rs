//! Views: the part of a graph a picture or an export shows.
//!
//! Takes a [`QuoteGraph`] (a whole corpus, a graph loaded from `graph.json`, or a small graph a
//! store selected) and [`ViewOptions`]; gives a new, smaller `QuoteGraph` without article facts.
//! By default a view is the *relationship map*: entities joined by speaker → entity stance edges
//! (quotes folded into their counts) and role edges, bounded to the [`DEFAULT_MAX_NODES`] most
//! connected entities so that a picture never has to draw more than people can read. Narrower
//! views: one speaker, one entity's neighbourhood, stance edges only, a date range.
//!
//! Cost: linear in nodes and edges (plus a sort of the candidates); never draws anything.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::graph::{Edge, EdgeKind, Node, QuoteGraph};

/// How many nodes a map shows unless told otherwise.
pub const DEFAULT_MAX_NODES: usize = 100;

/// What to keep of a graph.
#[derive(Debug, Clone)]
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
    /// At most this many nodes: the most connected entities (and, with `quotes`, their most
    /// repeated quotes); without `quotes`, also only the strongest edges, about two per node.
    /// `None` keeps everything the other options keep.
    pub max_nodes: Option<usize>,
    /// Only quotes from articles dated on or after this day (`YYYY-MM-DD`; dates compare as
    /// text on their first ten characters). Articles without a date are left out.
    pub since: Option<String>,
    /// Only quotes from articles dated on or before this day.
    pub until: Option<String>,
}

impl Default for ViewOptions {
    /// The relationship map, bounded to [`DEFAULT_MAX_NODES`] nodes.
    fn default() -> ViewOptions {
        ViewOptions {
            quotes: false,
            speaker: None,
            ego: None,
            stance_only: false,
            max_nodes: Some(DEFAULT_MAX_NODES),
            since: None,
            until: None,
        }
    }
}

impl ViewOptions {
    /// Everything the other options keep, with no bound on the number of nodes.
    pub fn unbounded(self) -> ViewOptions {
        ViewOptions {
            max_nodes: None,
            ..self
        }
    }

    /// Whether the view narrows the graph by anything but its size.
    pub fn narrows(&self) -> bool {
        self.quotes
            || self.speaker.is_some()
            || self.ego.is_some()
            || self.stance_only
            || self.since.is_some()
            || self.until.is_some()
    }

    fn keeps_edge(&self, k: EdgeKind) -> bool {
        if self.stance_only {
            k == EdgeKind::Stance
        } else if self.quotes {
            true
        } else {
            matches!(
                k,
                EdgeKind::Stance | EdgeKind::Role | EdgeKind::AffiliatedWith
            )
        }
    }
}

/// A name that matched no entity.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no entity named {0:?} in the graph")]
pub struct UnknownName(pub String);

/// An edge of the view: its ends and the edge as the view shows it (date-filtered counts).
pub(super) type ViewEdge<'g> = (NodeIndex, NodeIndex, Cow<'g, Edge>);

/// The part of `g` the options keep, as a graph of its own (article facts left out).
pub fn view(g: &QuoteGraph, o: &ViewOptions) -> Result<QuoteGraph, UnknownName> {
    let dated = super::dates::DateFilter::new(g, o.since.as_deref(), o.until.as_deref());
    let edges: Vec<ViewEdge> = g
        .edges()
        .filter(|(_, _, e)| o.keeps_edge(e.kind))
        .filter_map(|(s, t, e)| Some((s, t, dated.edge(e)?)))
        .collect();
    let mut nodes: BTreeSet<NodeIndex> = g
        .nodes()
        .filter(|(_, n)| (o.quotes || n.kind.is_entity()) && dated.keeps_node(n))
        .map(|(i, _)| i)
        .collect();
    let mut seeds: Vec<NodeIndex> = Vec::new();
    if let Some(name) = &o.speaker {
        let (s, _) = g
            .find_entity(name)
            .ok_or_else(|| UnknownName(name.clone()))?;
        seeds.push(s);
        let keep = speaker_part(g, s, o);
        nodes.retain(|i| keep.contains(i));
    }
    if let Some((name, depth)) = &o.ego {
        let (start, _) = g
            .find_entity(name)
            .ok_or_else(|| UnknownName(name.clone()))?;
        seeds.push(start);
        let seen = neighbourhood(start, *depth, &edges, &nodes);
        nodes.retain(|i| seen.contains(i));
    }
    let mut edges: Vec<ViewEdge> = edges
        .into_iter()
        .filter(|(s, t, _)| nodes.contains(s) && nodes.contains(t))
        .collect();
    // Without quotes, an entity that no kept edge touches is noise in a picture.
    if !o.quotes && seeds.is_empty() {
        let touched: HashSet<NodeIndex> = edges.iter().flat_map(|(s, t, _)| [*s, *t]).collect();
        nodes.retain(|i| touched.contains(i));
    }
    if let Some(max) = o.max_nodes.filter(|&m| nodes.len() > m) {
        nodes = super::rank::bounded(g, &nodes, &edges, &seeds, max, !o.quotes);
        edges.retain(|(s, t, _)| nodes.contains(s) && nodes.contains(t));
    }
    if o.max_nodes.is_some() && !o.quotes {
        // A bounded map keeps its strongest ties only, so that it stays readable.
        edges = super::rank::strongest_edges(g, edges, nodes.len());
    }
    let kept: Vec<Node> = nodes
        .iter()
        .map(|&i| Node {
            facts: None,
            ..g.graph[i].clone()
        })
        .collect();
    let edges = edges
        .into_iter()
        .map(|(s, t, e)| (g.graph[s].id.clone(), g.graph[t].id.clone(), e.into_owned()))
        .collect();
    Ok(QuoteGraph::from_parts(kept, edges))
}

/// The speaker, what they said, whom they took a stance on, and (with quotes) what their quotes
/// mention and where they appeared.
fn speaker_part(g: &QuoteGraph, s: NodeIndex, o: &ViewOptions) -> HashSet<NodeIndex> {
    let mut keep = HashSet::from([s]);
    for e in g.graph.edges_directed(s, Direction::Outgoing) {
        if o.keeps_edge(e.weight().kind) {
            keep.insert(e.target());
            if e.weight().kind == EdgeKind::Said {
                keep.extend(g.graph.neighbors_directed(e.target(), Direction::Outgoing));
            }
        }
    }
    keep
}

/// The nodes within `depth` kept edges of `start`, either direction (breadth first).
fn neighbourhood(
    start: NodeIndex,
    depth: usize,
    edges: &[ViewEdge],
    nodes: &BTreeSet<NodeIndex>,
) -> HashSet<NodeIndex> {
    let mut adjacent: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
    for (s, t, _) in edges {
        adjacent.entry(*s).or_default().push(*t);
        adjacent.entry(*t).or_default().push(*s);
    }
    let mut seen = HashSet::from([start]);
    let mut queue = VecDeque::from([(start, 0usize)]);
    while let Some((n, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for &other in adjacent.get(&n).into_iter().flatten() {
            if nodes.contains(&other) && seen.insert(other) {
                queue.push_back((other, d + 1));
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests;
