//! `index.html`: one self-contained page (no network) that draws the relationship map.
//!
//! Takes a graph (a whole corpus or a small graph a store selected) and view options; gives the
//! page. It embeds only the bounded view (by default the [`DEFAULT_MAX_NODES`] most connected
//! entities) placed by the pure-Rust layout, so the browser lays nothing out and the page opens
//! at once whatever the corpus size, plus a bounded sample of each shown entity's quotes (the
//! most repeated first) for the side panel and the search box. The vendored Cytoscape.js draws
//! it. The data travels as JSON in a `<script type="application/json">` element with `<`, `>`,
//! `&`, U+2028 and U+2029 escaped, so no text from an article can end the element or run as a
//! script; the page's own script puts text on screen only escaped or as text nodes.
//!
//! [`DEFAULT_MAX_NODES`]: super::DEFAULT_MAX_NODES

use std::collections::{BTreeSet, HashMap};

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde_json::{json, Value};

use super::map::{map, Map};
use super::style::{colour, edge_colour, edge_label, stroke};
use super::{view, UnknownName, ViewOptions};
use crate::graph::{EdgeKind, Node, NodeKind, QuoteGraph};

const CYTOSCAPE: &str = include_str!("../../assets/vendor/cytoscape.min.js");
const PAGE: &str = include_str!("../../assets/index.html");

/// Quotes embedded per shown entity, for each of "said" and "quoted about".
pub const QUOTES_PER_NODE: usize = 12;
/// Articles listed per embedded quote.
const OCCURRENCES_PER_QUOTE: usize = 3;

/// The page for a graph: its default (bounded) relationship map.
pub fn html(g: &QuoteGraph) -> String {
    html_with(g, &ViewOptions::default()).expect("the default view names no entity")
}

/// The page for the view `o` of `g`.
pub fn html_with(g: &QuoteGraph, o: &ViewOptions) -> Result<String, UnknownName> {
    let count = |k: NodeKind| g.nodes().filter(|(_, n)| n.kind == k).count();
    let entities = g.nodes().filter(|(_, n)| n.kind.is_entity()).count();
    let totals = [entities, count(NodeKind::Quote), count(NodeKind::Article)];
    html_with_totals(g, o, totals)
}

/// The page for the view `o` of `g`, a part of a larger corpus whose (entities, quotes,
/// articles) are `totals` (a store's map graph holds only what the page shows).
pub fn html_with_totals(
    g: &QuoteGraph,
    o: &ViewOptions,
    totals: [usize; 3],
) -> Result<String, UnknownName> {
    let shown = view(
        g,
        &ViewOptions {
            quotes: false,
            ..o.clone()
        },
    )?;
    let m = map(&shown);
    let data = json!({
        "map": map_json(&shown, &m),
        "quotes": quotes_json(g, &m),
        "total": {
            "entities": totals[0],
            "quotes": totals[1],
            "articles": totals[2],
        },
    });
    let data = script_json(&data);
    let (before_lib, rest) = PAGE
        .split_once("/*CYTOSCAPE*/")
        .expect("the page template has a place for Cytoscape.js");
    let (before_data, after_data) = rest
        .split_once("/*DATA*/")
        .expect("the page template has a place for its data");
    let mut page = String::with_capacity(PAGE.len() + CYTOSCAPE.len() + data.len());
    page.push_str(before_lib);
    page.push_str(CYTOSCAPE);
    page.push_str(before_data);
    page.push_str(&data);
    page.push_str(after_data);
    Ok(page)
}

/// JSON that can sit inside an HTML `<script>` element: the characters that could end the
/// element, open a comment or end a JavaScript line are written as `\u` escapes (still the same
/// JSON value).
pub(crate) fn script_json(v: &Value) -> String {
    let text = serde_json::to_string(v).expect("a JSON value serialises");
    let mut out = String::with_capacity(text.len() + 64);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn map_json(shown: &QuoteGraph, m: &Map) -> Value {
    let nodes: Vec<Value> = m
        .nodes
        .iter()
        .map(|n| {
            let said = shown.node(n.id).map_or(0, |(_, x)| x.quotes);
            json!({
                "id": n.id,
                "said": said,
                "name": n.label,
                "label": n.lines.join("\n"),
                "kind": n.kind.as_str(),
                "x": (n.x * 10.0).round() / 10.0,
                "y": (n.y * 10.0).round() / 10.0,
                "size": (n.r * 20.0).round() / 10.0,
                "font": n.font,
                "weight": n.weight,
                "color": colour(n.kind),
                "stroke": stroke(n.kind),
            })
        })
        .collect();
    let edges: Vec<Value> = m
        .edges
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let mut v = json!({
                "id": format!("e{k}"),
                "source": m.nodes[e.source].id,
                "target": m.nodes[e.target].id,
                "kind": e.edge.kind.as_str(),
                "count": e.edge.count,
                "label": if e.edge.kind == EdgeKind::Stance && e.edge.count > 1 {
                    e.edge.count.to_string()
                } else {
                    String::new()
                },
                "title": edge_label(e.edge),
                "color": edge_colour(e.edge),
            });
            if !e.edge.evidence.is_empty() {
                v["evidence"] = json!(evidence(e.edge).collect::<Vec<_>>());
            }
            v
        })
        .collect();
    json!({ "nodes": nodes, "edges": edges })
}

/// The quotes the side panel shows: for every node on the map, its most repeated quotes said
/// and quoted about (at most [`QUOTES_PER_NODE`] each), plus as many of each stance edge's
/// evidence that the graph holds; each once.
fn quotes_json(g: &QuoteGraph, m: &Map) -> Value {
    let on_map: BTreeSet<&str> = m.nodes.iter().map(|n| n.id).collect();
    let mut chosen: BTreeSet<&str> = BTreeSet::new();
    for n in &m.nodes {
        let Some((i, _)) = g.node(n.id) else { continue };
        for (dir, kind) in [
            (Direction::Outgoing, EdgeKind::Said),
            (Direction::Incoming, EdgeKind::Mentions),
        ] {
            let mut quotes: Vec<&Node> = linked(g, i, dir, kind).map(|q| &g.graph[q]).collect();
            quotes.sort_by(|a, b| {
                b.occurrences
                    .len()
                    .cmp(&a.occurrences.len())
                    .then_with(|| a.id.cmp(&b.id))
            });
            chosen.extend(quotes.iter().take(QUOTES_PER_NODE).map(|q| q.id.as_str()));
        }
    }
    for e in &m.edges {
        chosen.extend(evidence(e.edge));
    }
    let mut titles: HashMap<&str, &str> = HashMap::new();
    let mut out = serde_json::Map::new();
    for id in chosen {
        let Some((i, q)) = g.node(id) else { continue };
        let on_map_ids = |dir: Direction, kind: EdgeKind| -> Vec<&str> {
            linked(g, i, dir, kind)
                .map(|n| g.graph[n].id.as_str())
                .filter(|id| on_map.contains(id))
                .collect()
        };
        let occurrences: Vec<Value> = q
            .occurrences
            .iter()
            .take(OCCURRENCES_PER_QUOTE)
            .map(|o| {
                let title = *titles.entry(o.article.as_str()).or_insert_with(|| {
                    g.node(&o.article)
                        .map_or(o.article.as_str(), |(_, a)| a.label.as_str())
                });
                json!({ "article": title, "cue": o.cue, "mention": o.speaker_mention })
            })
            .collect();
        out.insert(
            id.to_string(),
            json!({
                "text": q.label,
                "kind": q.quote_kind,
                "speakers": on_map_ids(Direction::Incoming, EdgeKind::Said),
                "mentions": on_map_ids(Direction::Outgoing, EdgeKind::Mentions),
                "articles": q.mentions.max(q.occurrences.len()),
                "occurrences": occurrences,
            }),
        );
    }
    Value::Object(out)
}

/// The quotes of a stance edge the page embeds: the first [`QUOTES_PER_NODE`].
fn evidence(e: &crate::graph::Edge) -> impl Iterator<Item = &str> {
    e.evidence.iter().take(QUOTES_PER_NODE).map(String::as_str)
}

/// The nodes at the other end of `i`'s edges of `kind` in direction `dir`.
fn linked(
    g: &QuoteGraph,
    i: NodeIndex,
    dir: Direction,
    kind: EdgeKind,
) -> impl Iterator<Item = NodeIndex> + '_ {
    g.graph
        .edges_directed(i, dir)
        .filter(move |e| e.weight().kind == kind)
        .map(move |e| {
            if dir == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            }
        })
}

#[cfg(test)]
mod tests;
