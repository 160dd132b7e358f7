//! `index.html`: one self-contained page (no network) that draws the relationship map with the
//! vendored Cytoscape.js, answers who-said from a search box, and shows a node's quotes with
//! their articles on click. The graph travels inside the page as JSON.

use serde_json::{json, Value};

use super::tables::cytoscape_elements;
use super::{view, ViewOptions};
use crate::graph::{EdgeKind, NodeKind, QuoteGraph};

const CYTOSCAPE: &str = include_str!("../../assets/vendor/cytoscape.min.js");
const PAGE: &str = include_str!("../../assets/index.html");

/// The page for a graph (the full graph: the map is drawn from its entities and stance edges).
pub fn html(g: &QuoteGraph) -> String {
    let map = view(g, &ViewOptions::default()).expect("the default view names no entity");
    let articles: serde_json::Map<String, Value> = g
        .nodes()
        .filter(|(_, n)| n.kind == NodeKind::Article)
        .map(|(_, n)| (n.id.clone(), json!(n.label)))
        .collect();
    let quotes: Vec<Value> = g
        .nodes()
        .filter(|(_, n)| n.kind == NodeKind::Quote)
        .map(|(i, n)| {
            let speakers: Vec<&str> = g
                .graph
                .edges_directed(i, petgraph::Direction::Incoming)
                .filter(|e| e.weight().kind == EdgeKind::Said)
                .map(|e| g.graph[petgraph::visit::EdgeRef::source(&e)].id.as_str())
                .collect();
            let mentions: Vec<&str> = g
                .graph
                .edges_directed(i, petgraph::Direction::Outgoing)
                .filter(|e| e.weight().kind == EdgeKind::Mentions)
                .map(|e| g.graph[petgraph::visit::EdgeRef::target(&e)].id.as_str())
                .collect();
            json!({
                "id": n.id,
                "text": n.label,
                "kind": n.quote_kind,
                "speakers": speakers,
                "mentions": mentions,
                "occurrences": n.occurrences,
            })
        })
        .collect();
    let data = json!({
        "map": cytoscape_elements(&map),
        "quotes": quotes,
        "articles": articles,
    });
    // Inside <script>, "</" would end the element.
    let data = serde_json::to_string(&data)
        .expect("json")
        .replace("</", "<\\/");
    PAGE.replace("/*CYTOSCAPE*/", CYTOSCAPE)
        .replace("\"/*DATA*/\"", &data)
}
