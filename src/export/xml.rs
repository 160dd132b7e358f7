//! GraphML (yEd, Gephi, networkx `read_graphml`) and GEXF 1.2 (Gephi, networkx `read_gexf`).
//!
//! List-valued attributes (aliases, roles, evidence) are joined with `; `. Edge ids are their
//! position, so two files from the same graph are identical. Text is escaped so that any
//! article gives a well-formed file (see `esc`). Articles, quotes and stance edges carry a
//! `date`; in GEXF the graph is then dynamic (`timeformat="date"`) and they `start` on it, so
//! Gephi's timeline plays the corpus. [`GraphmlWriter`] and [`GexfWriter`] write a node and an
//! edge at a time.
//!
//! ```xml
//! <node id="person:mark-rutte"><data key="label">Mark Rutte</data><data key="kind">person</data>…</node>
//! <edge id="e0" source="person:mark-rutte" target="place:ukraine"><data key="kind">stance</data>…</edge>
//! ```

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::graph::{Edge, GraphSink, Node, QuoteGraph};

/// Text made safe for XML element content and attribute values: markup characters escaped;
/// tab, line feed and carriage return as character references (an attribute value keeps them);
/// the characters XML 1.0 cannot hold at all (other C0 controls, U+FFFE, U+FFFF) as U+FFFD.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// (name, type, value) of a node's attributes.
fn node_attrs(n: &Node) -> Vec<(&'static str, &'static str, String)> {
    vec![
        ("label", "string", n.label.clone()),
        ("kind", "string", n.kind.as_str().to_string()),
        ("aliases", "string", n.aliases.join("; ")),
        ("roles", "string", n.roles.join("; ")),
        ("mentions", "int", n.mentions.to_string()),
        ("quotes", "int", n.quotes.to_string()),
        ("date", "string", n.date.clone().unwrap_or_default()),
        ("source", "string", n.source.clone().unwrap_or_default()),
    ]
}

fn edge_attrs(e: &Edge) -> Vec<(&'static str, &'static str, String)> {
    vec![
        ("kind", "string", e.kind.as_str().to_string()),
        ("count", "int", e.count.to_string()),
        (
            "polarity",
            "string",
            e.polarity
                .map(|p| p.as_str().to_string())
                .unwrap_or_default(),
        ),
        ("score", "double", e.score.unwrap_or(0.0).to_string()),
        ("evidence", "string", e.evidence.join("; ")),
        ("role", "string", e.label.clone().unwrap_or_default()),
        ("date", "string", e.date.clone().unwrap_or_default()),
    ]
}

/// A GraphML document written a node and an edge at a time.
pub struct GraphmlWriter<W: Write> {
    out: W,
    started: bool,
    edges: usize,
}

impl<W: Write> GraphmlWriter<W> {
    pub fn new(out: W) -> Self {
        GraphmlWriter {
            out,
            started: false,
            edges: 0,
        }
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    fn start(&mut self) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        let mut s = String::new();
        s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
        for (name, ty, _) in node_attrs(&sample_node()) {
            let _ = writeln!(
                s,
                "  <key id=\"n_{name}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
            );
        }
        for (name, ty, _) in edge_attrs(&sample_edge()) {
            let _ = writeln!(
                s,
                "  <key id=\"e_{name}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
            );
        }
        s.push_str("  <graph id=\"quotegraph\" edgedefault=\"directed\">\n");
        self.out.write_all(s.as_bytes())
    }
}

impl<W: Write> GraphSink for GraphmlWriter<W> {
    fn node(&mut self, n: &Node) -> io::Result<()> {
        self.start()?;
        let mut s = format!("    <node id=\"{}\">", esc(&n.id));
        for (name, _, v) in node_attrs(n) {
            let _ = write!(s, "<data key=\"n_{name}\">{}</data>", esc(&v));
        }
        s.push_str("</node>\n");
        self.out.write_all(s.as_bytes())
    }

    fn edge(&mut self, source: &str, target: &str, e: &Edge) -> io::Result<()> {
        self.start()?;
        let mut s = format!(
            "    <edge id=\"e{}\" source=\"{}\" target=\"{}\">",
            self.edges,
            esc(source),
            esc(target)
        );
        self.edges += 1;
        for (name, _, v) in edge_attrs(e) {
            let _ = write!(s, "<data key=\"e_{name}\">{}</data>", esc(&v));
        }
        s.push_str("</edge>\n");
        self.out.write_all(s.as_bytes())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.start()?;
        self.out.write_all(b"  </graph>\n</graphml>\n")?;
        self.out.flush()
    }
}

pub fn graphml(g: &QuoteGraph) -> String {
    let mut w = GraphmlWriter::new(Vec::new());
    // Writing to memory cannot fail.
    let _ = g.stream(&mut w);
    String::from_utf8(w.into_inner()).unwrap_or_default()
}

/// A `YYYY-MM-DD` day of a date, for GEXF's time attributes (`None` for anything else).
fn gexf_day(date: Option<&String>) -> Option<&str> {
    let d = date?.get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(d)
}

/// A GEXF 1.2 document written a node and an edge at a time. With `dated`, the graph is
/// dynamic (`timeformat="date"`): articles, quotes and stance edges start on their date.
pub struct GexfWriter<W: Write> {
    out: W,
    dated: bool,
    at: u8,
    edges: usize,
}

impl<W: Write> GexfWriter<W> {
    pub fn new(out: W, dated: bool) -> Self {
        GexfWriter {
            out,
            dated,
            at: 0,
            edges: 0,
        }
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    fn start(&mut self) -> io::Result<()> {
        if self.at > 0 {
            return Ok(());
        }
        self.at = 1;
        let mut s = String::new();
        s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.push_str("<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n");
        let _ = writeln!(
            s,
            "  <meta><creator>quotegraph {}</creator><description>who said what about whom</description></meta>",
            env!("CARGO_PKG_VERSION")
        );
        if self.dated {
            s.push_str(
                "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n",
            );
        } else {
            s.push_str("  <graph mode=\"static\" defaultedgetype=\"directed\">\n");
        }
        s.push_str("    <attributes class=\"node\">\n");
        for (i, (name, ty, _)) in node_attrs(&sample_node()).iter().enumerate().skip(1) {
            let _ = writeln!(
                s,
                "      <attribute id=\"{i}\" title=\"{name}\" type=\"{}\"/>",
                gexf_type(ty)
            );
        }
        s.push_str("    </attributes>\n    <attributes class=\"edge\">\n");
        for (i, (name, ty, _)) in edge_attrs(&sample_edge()).iter().enumerate() {
            let _ = writeln!(
                s,
                "      <attribute id=\"{i}\" title=\"{name}\" type=\"{}\"/>",
                gexf_type(ty)
            );
        }
        s.push_str("    </attributes>\n    <nodes>\n");
        self.out.write_all(s.as_bytes())
    }

    fn start_edges(&mut self) -> io::Result<()> {
        self.start()?;
        if self.at == 1 {
            self.at = 2;
            self.out.write_all(b"    </nodes>\n    <edges>\n")?;
        }
        Ok(())
    }

    fn time(&self, date: Option<&String>) -> String {
        match gexf_day(date).filter(|_| self.dated) {
            Some(d) => format!(" start=\"{d}\""),
            None => String::new(),
        }
    }
}

impl<W: Write> GraphSink for GexfWriter<W> {
    fn node(&mut self, n: &Node) -> io::Result<()> {
        self.start()?;
        let mut s = format!(
            "      <node id=\"{}\" label=\"{}\"{}><attvalues>",
            esc(&n.id),
            esc(&n.label),
            self.time(n.date.as_ref())
        );
        for (i, (_, _, v)) in node_attrs(n).iter().enumerate().skip(1) {
            let _ = write!(s, "<attvalue for=\"{i}\" value=\"{}\"/>", esc(v));
        }
        s.push_str("</attvalues></node>\n");
        self.out.write_all(s.as_bytes())
    }

    fn edge(&mut self, source: &str, target: &str, e: &Edge) -> io::Result<()> {
        self.start_edges()?;
        let mut s = format!(
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\" label=\"{}\"{}><attvalues>",
            self.edges,
            esc(source),
            esc(target),
            e.count.max(1),
            e.kind.as_str(),
            self.time(e.date.as_ref())
        );
        self.edges += 1;
        for (i, (_, _, v)) in edge_attrs(e).iter().enumerate() {
            let _ = write!(s, "<attvalue for=\"{i}\" value=\"{}\"/>", esc(v));
        }
        s.push_str("</attvalues></edge>\n");
        self.out.write_all(s.as_bytes())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.start_edges()?;
        self.out.write_all(b"    </edges>\n  </graph>\n</gexf>\n")?;
        self.out.flush()
    }
}

/// GEXF of a graph: dynamic when any article has a date.
pub fn gexf(g: &QuoteGraph) -> String {
    let dated = g.nodes().any(|(_, n)| gexf_day(n.date.as_ref()).is_some());
    let mut w = GexfWriter::new(Vec::new(), dated);
    // Writing to memory cannot fail.
    let _ = g.stream(&mut w);
    String::from_utf8(w.into_inner()).unwrap_or_default()
}

fn gexf_type(ty: &str) -> &str {
    match ty {
        "int" => "integer",
        other => other,
    }
}

fn sample_node() -> Node {
    serde_json::from_str(r#"{"id":"","kind":"person","label":""}"#).expect("sample node")
}

fn sample_edge() -> Edge {
    serde_json::from_str(r#"{"kind":"said"}"#).expect("sample edge")
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn any_text_escapes_to_well_formed_xml() {
        let cases: &[(&str, &str)] = &[
            ("Ilse & <Co>", "Ilse &amp; &lt;Co&gt;"),
            ("\"x\" 'y'", "&quot;x&quot; &apos;y&apos;"),
            ("a\tb\nc\r", "a&#9;b&#10;c&#13;"),
            (
                "nul\0 bell\u{7} esc\u{1b}",
                "nul\u{fffd} bell\u{fffd} esc\u{fffd}",
            ),
            ("\u{fffe}\u{ffff}\u{fffd}", "\u{fffd}\u{fffd}\u{fffd}"),
            ("]]> <!-- -->", "]]&gt; &lt;!-- --&gt;"),
        ];
        for (text, want) in cases {
            assert_eq!(esc(text), *want, "{text:?}");
            let doc = format!("<a b=\"{}\">{}</a>", esc(text), esc(text));
            let parsed = roxmltree::Document::parse(&doc).expect("well-formed");
            assert_eq!(
                parsed.root_element().attribute("b"),
                parsed.root_element().text()
            );
        }
    }
}
