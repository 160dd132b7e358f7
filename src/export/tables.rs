//! Cytoscape.js / Cytoscape desktop JSON (`.cyjs`) and Neo4j `neo4j-admin import` CSV.
//!
//! ```json
//! {"format_version": "1.0", "generated_by": "quotegraph", "elements": {
//!   "nodes": [{"data": {"id": "person:mark-rutte", "label": "Mark Rutte", "kind": "person", ...}}],
//!   "edges": [{"data": {"id": "e0", "source": "...", "target": "...", "kind": "stance", ...}}]}}
//! ```
//! CSV: `nodes.csv` (`id:ID,:LABEL,name,aliases,mentions:int,quotes:int,date`) and
//! `relationships.csv` (`:START_ID,:END_ID,:TYPE,count:int,polarity,score:float,role,date`).
//! Text cells are always quoted; one that starts like a spreadsheet formula (`=`, `+`, `-`,
//! `@`) starts with `'` instead, so opening the file in a spreadsheet runs nothing.
//! [`CytoscapeWriter`] and [`Neo4jWriter`] write an element (a row) at a time.
//!
//! ```csv
//! id:ID,:LABEL,name,aliases,mentions:int,quotes:int,date
//! "person:ilse-brandt",Person,"Ilse Brandt","Brandt",3,2,""
//! ```

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use crate::graph::{json_list_item, Edge, GraphSink, Node, NodeKind, QuoteGraph};

/// A node's element in Cytoscape.js form.
fn node_element(n: &Node) -> Value {
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
    if let Some(d) = &n.date {
        data.insert("date".into(), json!(d));
    }
    if n.kind == NodeKind::Quote {
        data.insert("occurrences".into(), json!(n.occurrences));
    }
    json!({ "data": data })
}

/// An edge's element in Cytoscape.js form (`k`: its position, for its id).
fn edge_element(k: usize, source: &str, target: &str, e: &Edge) -> Value {
    let mut data = Map::new();
    data.insert("id".into(), json!(format!("e{k}")));
    data.insert("source".into(), json!(source));
    data.insert("target".into(), json!(target));
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
    if let Some(d) = &e.date {
        data.insert("date".into(), json!(d));
    }
    json!({ "data": data })
}

/// Cytoscape.js JSON (`.cyjs`) written an element at a time.
pub struct CytoscapeWriter<W: Write> {
    out: W,
    at: u8,
    first: bool,
    edges: usize,
}

impl<W: Write> CytoscapeWriter<W> {
    pub fn new(out: W) -> Self {
        CytoscapeWriter {
            out,
            at: 0,
            first: true,
            edges: 0,
        }
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    fn start(&mut self) -> io::Result<()> {
        if self.at == 0 {
            self.at = 1;
            write!(
                self.out,
                "{{\n  \"format_version\": \"1.0\",\n  \"generated_by\": \"quotegraph {}\",\n  \"target_cytoscapejs_version\": \"~3.30\",\n  \"data\": {{\n    \"name\": \"quotegraph\"\n  }},\n  \"elements\": {{\n    \"nodes\": [",
                env!("CARGO_PKG_VERSION")
            )?;
        }
        Ok(())
    }

    fn close(&mut self) -> io::Result<()> {
        let end: &[u8] = if self.first { b"]" } else { b"\n    ]" };
        self.out.write_all(end)
    }

    fn start_edges(&mut self) -> io::Result<()> {
        self.start()?;
        if self.at == 1 {
            self.at = 2;
            self.close()?;
            self.out.write_all(b",\n    \"edges\": [")?;
            self.first = true;
        }
        Ok(())
    }

    fn item(&mut self, v: &Value) -> io::Result<()> {
        json_list_item(&mut self.out, &mut self.first, "      ", v)
    }
}

impl<W: Write> GraphSink for CytoscapeWriter<W> {
    fn node(&mut self, n: &Node) -> io::Result<()> {
        self.start()?;
        self.item(&node_element(n))
    }

    fn edge(&mut self, source: &str, target: &str, e: &Edge) -> io::Result<()> {
        self.start_edges()?;
        let v = edge_element(self.edges, source, target, e);
        self.edges += 1;
        self.item(&v)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.start_edges()?;
        self.close()?;
        self.out.write_all(b"\n  }\n}\n")?;
        self.out.flush()
    }
}

pub fn cytoscape(g: &QuoteGraph) -> String {
    let mut w = CytoscapeWriter::new(Vec::new());
    // Writing to memory cannot fail.
    let _ = g.stream(&mut w);
    String::from_utf8(w.into_inner()).unwrap_or_default()
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

/// `nodes.csv` and `relationships.csv` for `neo4j-admin database import`, written a row at a
/// time.
pub struct Neo4jWriter<N: Write, R: Write> {
    nodes: N,
    rels: R,
    started: bool,
}

impl<N: Write, R: Write> Neo4jWriter<N, R> {
    pub fn new(nodes: N, rels: R) -> Self {
        Neo4jWriter {
            nodes,
            rels,
            started: false,
        }
    }

    pub fn into_inner(self) -> (N, R) {
        (self.nodes, self.rels)
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            self.nodes
                .write_all(b"id:ID,:LABEL,name,aliases,mentions:int,quotes:int,date\n")?;
            self.rels
                .write_all(b":START_ID,:END_ID,:TYPE,count:int,polarity,score:float,role,date\n")?;
        }
        Ok(())
    }
}

impl<N: Write, R: Write> GraphSink for Neo4jWriter<N, R> {
    fn node(&mut self, n: &Node) -> io::Result<()> {
        self.start()?;
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
        writeln!(
            self.nodes,
            "{},{},{},{},{},{},{}",
            csv_field(&n.id),
            label,
            csv_field(&n.label),
            csv_field(&n.aliases.join(";")),
            n.mentions,
            n.quotes,
            csv_field(n.date.as_deref().unwrap_or(""))
        )
    }

    fn edge(&mut self, source: &str, target: &str, e: &Edge) -> io::Result<()> {
        self.start()?;
        writeln!(
            self.rels,
            "{},{},{},{},{},{},{},{}",
            csv_field(source),
            csv_field(target),
            e.kind.as_str().to_uppercase(),
            e.count,
            e.polarity.map(|p| p.as_str()).unwrap_or(""),
            e.score.map(|s| s.to_string()).unwrap_or_default(),
            csv_field(e.label.as_deref().unwrap_or("")),
            csv_field(e.date.as_deref().unwrap_or(""))
        )
    }

    fn finish(&mut self) -> io::Result<()> {
        self.start()?;
        self.nodes.flush()?;
        self.rels.flush()
    }
}

/// (nodes.csv, relationships.csv) for `neo4j-admin database import`.
pub fn neo4j_csv(g: &QuoteGraph) -> (String, String) {
    let mut w = Neo4jWriter::new(Vec::new(), Vec::new());
    // Writing to memory cannot fail.
    let _ = g.stream(&mut w);
    let (n, r) = w.into_inner();
    (
        String::from_utf8(n).unwrap_or_default(),
        String::from_utf8(r).unwrap_or_default(),
    )
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
