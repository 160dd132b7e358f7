//! Which nodes a bounded view keeps: the most connected entities, joined to one another.
//!
//! Takes the candidate nodes and edges of a view and a budget; gives at most `budget` nodes.
//! An entity's weight is the number of quotes (and roles) on its edges. Entities are taken
//! heaviest first; one that would have no kept neighbour brings its strongest neighbour along,
//! and entities left without any kept neighbour give their place to the next connected ones, so
//! the map is a network, not a scatter of dots. With quotes, half the budget goes to entities and
//! the rest to their most repeated quotes, then those quotes' articles.
//!
//! Cost: linear in candidates and edges plus one sort; deterministic (ties go by node id).

use std::collections::{BTreeSet, HashMap, HashSet};

use petgraph::stable_graph::NodeIndex;

use super::view::ViewEdge;
use crate::graph::{EdgeKind, NodeKind, QuoteGraph};

struct Ranking<'a> {
    g: &'a QuoteGraph,
    weight: HashMap<NodeIndex, usize>,
    adjacent: HashMap<NodeIndex, Vec<(NodeIndex, usize)>>,
}

impl Ranking<'_> {
    fn weight(&self, n: NodeIndex) -> usize {
        self.weight.get(&n).copied().unwrap_or(0)
    }

    fn neighbours(&self, n: NodeIndex) -> &[(NodeIndex, usize)] {
        self.adjacent.get(&n).map_or(&[], Vec::as_slice)
    }

    /// `candidates` heaviest first, ties by id.
    fn sorted(&self, mut candidates: Vec<NodeIndex>) -> Vec<NodeIndex> {
        candidates.sort_by(|&a, &b| {
            self.weight(b)
                .cmp(&self.weight(a))
                .then_with(|| self.g.graph[a].id.cmp(&self.g.graph[b].id))
        });
        candidates
    }

    fn linked(&self, n: NodeIndex, kept: &HashSet<NodeIndex>) -> bool {
        self.neighbours(n).iter().any(|(m, _)| kept.contains(m))
    }

    /// The strongest neighbour of `n` not yet kept (by edge count, then weight, then id).
    fn strongest_new_neighbour(
        &self,
        n: NodeIndex,
        kept: &HashSet<NodeIndex>,
        allowed: &HashSet<NodeIndex>,
    ) -> Option<NodeIndex> {
        self.neighbours(n)
            .iter()
            .filter(|(m, _)| !kept.contains(m) && allowed.contains(m))
            .max_by(|(a, ca), (b, cb)| {
                ca.cmp(cb)
                    .then_with(|| self.weight(*a).cmp(&self.weight(*b)))
                    .then_with(|| self.g.graph[*b].id.cmp(&self.g.graph[*a].id))
            })
            .map(|(m, _)| *m)
    }
}

/// At most `budget` of `nodes`: seeds first, then the most connected (see the module doc).
/// `drop_isolated`: entities with no kept neighbour give their place to connected ones.
pub(super) fn bounded(
    g: &QuoteGraph,
    nodes: &BTreeSet<NodeIndex>,
    edges: &[ViewEdge],
    seeds: &[NodeIndex],
    budget: usize,
    drop_isolated: bool,
) -> BTreeSet<NodeIndex> {
    let mut r = Ranking {
        g,
        weight: HashMap::new(),
        adjacent: HashMap::new(),
    };
    for (s, t, e) in edges {
        let c = e.count.max(1);
        *r.weight.entry(*s).or_default() += c;
        *r.weight.entry(*t).or_default() += c;
        r.adjacent.entry(*s).or_default().push((*t, c));
        r.adjacent.entry(*t).or_default().push((*s, c));
    }
    let (entities, others): (Vec<NodeIndex>, Vec<NodeIndex>) =
        nodes.iter().partition(|&&i| g.graph[i].kind.is_entity());
    let entity_budget = if others.is_empty() {
        budget
    } else {
        (budget / 2).max(1)
    };
    let allowed: HashSet<NodeIndex> = entities.iter().copied().collect();
    let ranked = r.sorted(entities);
    let mut kept: HashSet<NodeIndex> = seeds.iter().copied().take(budget).collect();
    for &n in &ranked {
        if kept.len() >= entity_budget {
            break;
        }
        if !kept.insert(n) || r.linked(n, &kept) || kept.len() >= entity_budget {
            continue;
        }
        if let Some(m) = r.strongest_new_neighbour(n, &kept, &allowed) {
            kept.insert(m);
        }
    }
    if drop_isolated && entity_budget > 1 {
        let before: Vec<NodeIndex> = kept.iter().copied().collect();
        for n in before {
            if !seeds.contains(&n) && !r.linked(n, &kept) {
                kept.remove(&n);
            }
        }
        for &n in &ranked {
            if kept.len() >= entity_budget {
                break;
            }
            if !kept.contains(&n) && r.linked(n, &kept) {
                kept.insert(n);
            }
        }
    }
    // Quotes next to kept entities, then the articles of kept quotes.
    for kind in [NodeKind::Quote, NodeKind::Article] {
        let near: Vec<NodeIndex> = others
            .iter()
            .copied()
            .filter(|&n| g.graph[n].kind == kind && r.linked(n, &kept))
            .collect();
        for n in r.sorted(near) {
            if kept.len() >= budget {
                break;
            }
            kept.insert(n);
        }
    }
    kept.into_iter().collect()
}

/// Edges per node a bounded map keeps at most, on average.
pub(super) const EDGES_PER_NODE: f64 = 2.0;

/// How much an edge says: its quotes, counted double when they take a side (support or
/// oppose) and one and a half times for roles.
fn strength(e: &crate::graph::Edge) -> usize {
    use crate::stance::Polarity;
    let c = e.count.max(1) * 2;
    match (e.kind, e.polarity) {
        (EdgeKind::Stance, Some(Polarity::Support | Polarity::Oppose)) => c * 2,
        (EdgeKind::Role | EdgeKind::AffiliatedWith, _) => c * 3 / 2,
        _ => c,
    }
}

/// The strongest edges, at most `EDGES_PER_NODE` per node on average: first each node's two
/// strongest (so no node loses its ties), then the strongest of the rest while room remains.
/// Deterministic: ties go by the ends' ids and the kind.
pub(super) fn strongest_edges<'g>(
    g: &QuoteGraph,
    edges: Vec<ViewEdge<'g>>,
    nodes: usize,
) -> Vec<ViewEdge<'g>> {
    let cap = (nodes as f64 * EDGES_PER_NODE).ceil() as usize;
    if edges.len() <= cap {
        return edges;
    }
    let mut order: Vec<usize> = (0..edges.len()).collect();
    let key = |k: usize| {
        let (s, t, e) = &edges[k];
        (
            std::cmp::Reverse(strength(e)),
            &g.graph[*s].id,
            &g.graph[*t].id,
            e.kind,
        )
    };
    order.sort_by(|&a, &b| key(a).cmp(&key(b)));
    let mut degree: HashMap<NodeIndex, usize> = HashMap::new();
    let mut keep = vec![false; edges.len()];
    let mut kept = 0;
    for &k in &order {
        let (s, t, _) = &edges[k];
        let needed =
            degree.get(s).copied().unwrap_or(0) < 2 || degree.get(t).copied().unwrap_or(0) < 2;
        if needed {
            keep[k] = true;
            kept += 1;
            *degree.entry(*s).or_default() += 1;
            *degree.entry(*t).or_default() += 1;
        }
    }
    for &k in &order {
        if kept >= cap {
            break;
        }
        if !keep[k] {
            keep[k] = true;
            kept += 1;
        }
    }
    edges
        .into_iter()
        .zip(keep)
        .filter_map(|(e, k)| k.then_some(e))
        .collect()
}
