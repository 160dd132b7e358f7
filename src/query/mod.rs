//! Queries over a [`QuoteGraph`]: who said a phrase, paths between entities, neighbourhoods,
//! stances, and quotes by speaker and subject.
//!
//! who-said matches whole words, case-insensitively, with curly / straight quotation marks and
//! dash variants folded (a quote's words are folded once, in [`QuoteIndex`]); `fuzzy` also
//! accepts other forms of a word (`flexible` finds `flexibility`). Paths and neighbourhoods walk
//! the relationship map (entities with stance, role and affiliation edges, either direction), so
//! `Dmitry Peskov → Ukraine ← Mark Rutte` reads as who spoke about whom.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

use crate::graph::{Edge, EdgeKind, NodeKind, Occurrence, QuoteGraph};
use crate::quotes::QuoteKind;

mod index;
pub mod store;

pub(crate) use index::stem;
pub use index::QuoteIndex;

/// One quote in a query answer.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteHit {
    pub id: String,
    pub text: String,
    pub kind: Option<QuoteKind>,
    /// Where it appears (from a store: at most [`store::OCCURRENCES`] of them).
    pub occurrences: Vec<Occurrence>,
    /// How many articles carry it in all.
    pub articles: usize,
}

/// A speaker and the matching quotes.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerHits {
    /// Node id, or `null` for unattributed quotes.
    pub speaker: Option<String>,
    pub name: String,
    pub quotes: Vec<QuoteHit>,
}

fn hit(g: &QuoteGraph, q: NodeIndex) -> QuoteHit {
    let n = &g.graph[q];
    QuoteHit {
        id: n.id.clone(),
        text: n.label.clone(),
        kind: n.quote_kind,
        occurrences: n.occurrences.clone(),
        articles: n.occurrences.len(),
    }
}

/// Every speaker who said the phrase, most matching quotes first (then by name).
pub fn who_said(g: &QuoteGraph, ix: &QuoteIndex, phrase: &str, fuzzy: bool) -> Vec<SpeakerHits> {
    let mut by_speaker: BTreeMap<Option<NodeIndex>, Vec<NodeIndex>> = BTreeMap::new();
    for q in ix.search(phrase, fuzzy) {
        let speakers: Vec<NodeIndex> = g
            .graph
            .edges_directed(q, Direction::Incoming)
            .filter(|e| e.weight().kind == EdgeKind::Said)
            .map(|e| e.source())
            .collect();
        if speakers.is_empty() {
            by_speaker.entry(None).or_default().push(q);
        }
        for s in speakers {
            by_speaker.entry(Some(s)).or_default().push(q);
        }
    }
    let mut out: Vec<SpeakerHits> = by_speaker
        .into_iter()
        .map(|(s, qs)| SpeakerHits {
            speaker: s.map(|s| g.graph[s].id.clone()),
            name: s.map_or_else(
                || "(unattributed)".to_string(),
                |s| g.graph[s].label.clone(),
            ),
            quotes: qs.into_iter().map(|q| hit(g, q)).collect(),
        })
        .collect();
    out.sort_by(|a, b| {
        b.quotes
            .len()
            .cmp(&a.quotes.len())
            .then(a.speaker.is_none().cmp(&b.speaker.is_none()))
            .then(a.name.cmp(&b.name))
    });
    out
}

/// One step of a path: an edge walked forward (`source → target`) or backward.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub from: String,
    pub to: String,
    pub kind: EdgeKind,
    /// The edge points from `from` to `to`.
    pub forward: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub polarity: Option<crate::stance::Polarity>,
    pub count: usize,
}

/// The relationship-map edges of a node, both directions: (neighbour, edge, forward).
fn map_edges(g: &QuoteGraph, n: NodeIndex) -> Vec<(NodeIndex, &Edge, bool)> {
    let keep = |e: &Edge| {
        matches!(
            e.kind,
            EdgeKind::Stance | EdgeKind::Role | EdgeKind::AffiliatedWith
        )
    };
    let mut out: Vec<(NodeIndex, &Edge, bool)> = g
        .graph
        .edges_directed(n, Direction::Outgoing)
        .filter(|e| keep(e.weight()))
        .map(|e| (e.target(), e.weight(), true))
        .chain(
            g.graph
                .edges_directed(n, Direction::Incoming)
                .filter(|e| keep(e.weight()))
                .map(|e| (e.source(), e.weight(), false)),
        )
        .collect();
    out.sort_by(|a, b| {
        g.graph[a.0]
            .id
            .cmp(&g.graph[b.0].id)
            .then(a.1.kind.cmp(&b.1.kind))
    });
    out
}

fn step(g: &QuoteGraph, a: NodeIndex, b: NodeIndex, e: &Edge, forward: bool) -> Step {
    Step {
        from: g.graph[a].label.clone(),
        to: g.graph[b].label.clone(),
        kind: e.kind,
        forward,
        polarity: e.polarity,
        count: e.count,
    }
}

/// The shortest path from `a` to `b` (breadth-first; ties broken by node id).
pub fn shortest_path(g: &QuoteGraph, a: NodeIndex, b: NodeIndex) -> Option<Vec<Step>> {
    let mut prev: HashMap<NodeIndex, (NodeIndex, &Edge, bool)> = HashMap::new();
    let mut seen = BTreeSet::from([a]);
    let mut queue = VecDeque::from([a]);
    while let Some(n) = queue.pop_front() {
        if n == b {
            let mut steps = Vec::new();
            let mut cur = b;
            while cur != a {
                let (p, e, fwd) = prev[&cur];
                steps.push(step(g, p, cur, e, fwd));
                cur = p;
            }
            steps.reverse();
            return Some(steps);
        }
        for (m, e, fwd) in map_edges(g, n) {
            if seen.insert(m) {
                prev.insert(m, (n, e, fwd));
                queue.push_back(m);
            }
        }
    }
    None
}

/// Every simple path from `a` to `b` of at most `max_len` edges, shortest first.
pub fn all_paths(g: &QuoteGraph, a: NodeIndex, b: NodeIndex, max_len: usize) -> Vec<Vec<Step>> {
    fn walk(
        g: &QuoteGraph,
        at: NodeIndex,
        b: NodeIndex,
        max_len: usize,
        on_path: &mut Vec<NodeIndex>,
        steps: &mut Vec<Step>,
        out: &mut Vec<Vec<Step>>,
    ) {
        if at == b {
            out.push(steps.clone());
            return;
        }
        if steps.len() == max_len || out.len() >= 10_000 {
            return;
        }
        for (m, e, fwd) in map_edges(g, at) {
            if on_path.contains(&m) {
                continue;
            }
            on_path.push(m);
            steps.push(step(g, at, m, e, fwd));
            walk(g, m, b, max_len, on_path, steps, out);
            steps.pop();
            on_path.pop();
        }
    }
    let mut out = Vec::new();
    walk(g, a, b, max_len, &mut vec![a], &mut Vec::new(), &mut out);
    out.sort_by_key(Vec::len);
    out
}

/// A node within some distance of another.
#[derive(Debug, Clone, Serialize)]
pub struct Neighbour {
    pub id: String,
    pub name: String,
    pub kind: NodeKind,
    pub depth: usize,
    /// The edge that reached it.
    pub via: Step,
}

/// Entities within `depth` edges of `start` on the relationship map, nearest first.
pub fn neighbors(g: &QuoteGraph, start: NodeIndex, depth: usize) -> Vec<Neighbour> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::from([start]);
    let mut queue = VecDeque::from([(start, 0usize)]);
    while let Some((n, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for (m, e, fwd) in map_edges(g, n) {
            if seen.insert(m) {
                out.push(Neighbour {
                    id: g.graph[m].id.clone(),
                    name: g.graph[m].label.clone(),
                    kind: g.graph[m].kind,
                    depth: d + 1,
                    via: step(g, n, m, e, fwd),
                });
                queue.push_back((m, d + 1));
            }
        }
    }
    out
}

/// A speaker's stance toward a target, with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct StanceRow {
    pub speaker: String,
    pub target: String,
    /// With `--by month`: the month (`YYYY-MM`) the row covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    pub polarity: Option<crate::stance::Polarity>,
    pub score: Option<f32>,
    pub quotes: Vec<QuoteHit>,
}

/// Stance edges, optionally of one speaker and / or toward one target, strongest first.
pub fn stances(
    g: &QuoteGraph,
    speaker: Option<NodeIndex>,
    target: Option<NodeIndex>,
) -> Vec<StanceRow> {
    let mut rows: Vec<StanceRow> = g
        .graph
        .edge_indices()
        .filter_map(|ei| {
            let (s, t) = g.graph.edge_endpoints(ei)?;
            let e = &g.graph[ei];
            let wanted = e.kind == EdgeKind::Stance
                && speaker.is_none_or(|x| x == s)
                && target.is_none_or(|x| x == t);
            wanted.then(|| StanceRow {
                speaker: g.graph[s].label.clone(),
                target: g.graph[t].label.clone(),
                period: None,
                polarity: e.polarity,
                score: e.score,
                quotes: e
                    .evidence
                    .iter()
                    .filter_map(|q| g.node(q).map(|(i, _)| hit(g, i)))
                    .collect(),
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        a.speaker.cmp(&b.speaker).then(
            b.score
                .unwrap_or(0.0)
                .abs()
                .total_cmp(&a.score.unwrap_or(0.0).abs())
                .then(a.target.cmp(&b.target)),
        )
    });
    rows
}

/// Quotes said by `speaker` and / or mentioning `mentions`, in id order.
pub fn quotes(
    g: &QuoteGraph,
    speaker: Option<NodeIndex>,
    mentions: Option<NodeIndex>,
) -> Vec<QuoteHit> {
    g.nodes()
        .filter(|(_, n)| n.kind == NodeKind::Quote)
        .filter(|&(q, _)| {
            let said = speaker.is_none_or(|s| {
                g.graph
                    .find_edge(s, q)
                    .is_some_and(|e| g.graph[e].kind == EdgeKind::Said)
            });
            let about = mentions.is_none_or(|m| {
                g.graph
                    .edges_connecting(q, m)
                    .any(|e| e.weight().kind == EdgeKind::Mentions)
            });
            said && about
        })
        .map(|(q, _)| hit(g, q))
        .collect()
}
