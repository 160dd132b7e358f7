//! Cytoscape.js / Cytoscape desktop JSON (`.cyjs`) and Neo4j `neo4j-admin import` CSV.
//!
//! ```json
//! {"format_version": "1.0", "generated_by": "quotegraph", "elements": {
//!   "nodes": [{"data": {"id": "person:mark-rutte", "label": "Mark Rutte", "kind": "person", ...}}],
//!   "edges": [{"data": {"id": "e0", "source": "...", "target": "...", "kind": "stance", ...}}]}}
//! ```
//! CSV: `nodes.csv` (`id:ID,:LABEL,name,aliases,mentions:int,quotes:int`) and
//! `relationships.csv` (`:START_ID,:END_ID,:TYPE,count:int,polarity,score:float,role`). Text
//! cells are always quoted; one that starts like a spreadsheet formula (`=`, `+`, `-`, `@`)
//! starts with `'` instead, so opening the file in a spreadsheet runs nothing.
//!
//! ```csv
//! id:ID,:LABEL,name,aliases,mentions:int,quotes:int
//! "person:ilse-brandt",Person,"Ilse Brandt","Brandt",3,2
//! ```

use serde_json::{json, Map, Value};

use crate::graph::{NodeKind, QuoteGraph};

/// The graph's elements in Cytoscape.js form (also embedded in `index.html`).
pub fn cytoscape_elements(g: &QuoteGraph) -> Value {
    let nodes: Vec<Value> = g
        .nodes()
        .map(|(_, n)| {
            let mut data = Map::new();
            data.insert("id".into(), json!(n.id));
            data.insert("label".into(), json!(n.label));
            data.insert("kind".into(), json!(n.kind.as_str()));
            data.insert("color".into(), json!(super::colour(n.kind)));
            if !n.aliases.is_empty() {
                data.insert("aliases".into(), json!(n.aliases));
            }
            if !n.roles.is_empty() {
                data.insert("roles".into(), json!(n.roles));
            }
            data.insert("mentions".into(), json!(n.mentions));
            data.insert("quotes".into(), json!(n.quotes));
            if n.kind == NodeKind::Quote {
                data.insert("occurrences".into(), json!(n.occurrences));
            }
            json!({ "data": data })
        })
        .collect();
    let edges: Vec<Value> = g
        .edges()
        .enumerate()
        .map(|(k, (a, b, e))| {
            let mut data = Map::new();
            data.insert("id".into(), json!(format!("e{k}")));
            data.insert("source".into(), json!(g.graph[a].id));
            data.insert("target".into(), json!(g.graph[b].id));
            data.insert("kind".into(), json!(e.kind.as_str()));
            data.insert("count".into(), json!(e.count));
            data.insert("label".into(), json!(super::edge_label(e)));
            data.insert("color".into(), json!(super::edge_colour(e)));
            if let Some(p) = e.polarity {
                data.insert("polarity".into(), json!(p.as_str()));
            }
            if let Some(s) = e.score {
                data.insert("score".into(), json!(s));
            }
            if !e.evidence.is_empty() {
                data.insert("evidence".into(), json!(e.evidence));
            }
            json!({ "data": data })
        })
        .collect();
    json!({ "nodes": nodes, "edges": edges })
}

pub fn cytoscape(g: &QuoteGraph) -> String {
    let doc = json!({
        "format_version": "1.0",
        "generated_by": format!("quotegraph {}", env!("CARGO_PKG_VERSION")),
        "target_cytoscapejs_version": "~3.30",
        "data": { "name": "quotegraph" },
        "elements": cytoscape_elements(g),
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("json");
    s.push('\n');
    s
}

/// A text cell: always in double quotes (inner quotes doubled), so commas, quotes and line
/// breaks stay inside it; a cell a spreadsheet would take for a formula (starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, which spreadsheets show as
/// text.
fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let mut out = String::with_capacity(s.len() + 3);
    out.push('"');
    if formula {
        out.push('\'');
    }
    out.push_str(&s.replace('"', "\"\""));
    out.push('"');
    out
}

/// (nodes.csv, relationships.csv) for `neo4j-admin database import`.
pub fn neo4j_csv(g: &QuoteGraph) -> (String, String) {
    let mut nodes = String::from("id:ID,:LABEL,name,aliases,mentions:int,quotes:int\n");
    for (_, n) in g.nodes() {
        let label = match n.kind {
            NodeKind::Person => "Person",
            NodeKind::Org => "Organisation",
            NodeKind::Place => "Place",
            NodeKind::Equipment => "Equipment",
            NodeKind::Outlet => "Outlet",
            NodeKind::Anonymous => "AnonymousSource",
            NodeKind::Quote => "Quote",
            NodeKind::Article => "Article",
        };
        nodes.push_str(&format!(
            "{},{},{},{},{},{}\n",
            csv_field(&n.id),
            label,
            csv_field(&n.label),
            csv_field(&n.aliases.join(";")),
            n.mentions,
            n.quotes
        ));
    }
    let mut rels = String::from(":START_ID,:END_ID,:TYPE,count:int,polarity,score:float,role\n");
    for (a, b, e) in g.edges() {
        rels.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            csv_field(&g.graph[a].id),
            csv_field(&g.graph[b].id),
            e.kind.as_str().to_uppercase(),
            e.count,
            e.polarity.map(|p| p.as_str()).unwrap_or(""),
            e.score.map(|s| s.to_string()).unwrap_or_default(),
            csv_field(e.label.as_deref().unwrap_or(""))
        ));
    }
    (nodes, rels)
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn cells_are_quoted_and_formulas_neutralised() {
        let cases: &[(&str, &str)] = &[
            ("Ilse Brandt", "\"Ilse Brandt\""),
            ("a, \"b\"\nc", "\"a, \"\"b\"\"\nc\""),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "\"'+1\""),
            ("-2+3", "\"'-2+3\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\t=1", "\"'\t=1\""),
            ("a=b", "\"a=b\""),
            ("", "\"\""),
        ];
        for (cell, want) in cases {
            assert_eq!(csv_field(cell), *want, "{cell:?}");
        }
    }
}
