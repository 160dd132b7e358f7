//! GraphML (yEd, Gephi, networkx `read_graphml`) and GEXF 1.2 (Gephi, networkx `read_gexf`).
//!
//! List-valued attributes (aliases, roles, evidence) are joined with `; `. Edge ids are their
//! position, so two files from the same graph are identical. Text is escaped so that any
//! article gives a well-formed file (see `esc`).
//!
//! ```xml
//! <node id="person:mark-rutte"><data key="label">Mark Rutte</data><data key="kind">person</data>…</node>
//! <edge id="e0" source="person:mark-rutte" target="place:ukraine"><data key="kind">stance</data>…</edge>
//! ```

use std::fmt::Write;

use crate::graph::{Edge, Node, QuoteGraph};

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
    ]
}

pub fn graphml(g: &QuoteGraph) -> String {
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
    for (_, n) in g.nodes() {
        let _ = write!(s, "    <node id=\"{}\">", esc(&n.id));
        for (name, _, v) in node_attrs(n) {
            let _ = write!(s, "<data key=\"n_{name}\">{}</data>", esc(&v));
        }
        s.push_str("</node>\n");
    }
    for (k, (a, b, e)) in g.edges().enumerate() {
        let _ = write!(
            s,
            "    <edge id=\"e{k}\" source=\"{}\" target=\"{}\">",
            esc(&g.graph[a].id),
            esc(&g.graph[b].id)
        );
        for (name, _, v) in edge_attrs(e) {
            let _ = write!(s, "<data key=\"e_{name}\">{}</data>", esc(&v));
        }
        s.push_str("</edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

pub fn gexf(g: &QuoteGraph) -> String {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n");
    let _ = writeln!(
        s,
        "  <meta><creator>quotegraph {}</creator><description>who said what about whom</description></meta>",
        env!("CARGO_PKG_VERSION")
    );
    s.push_str("  <graph mode=\"static\" defaultedgetype=\"directed\">\n");
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
    for (_, n) in g.nodes() {
        let _ = write!(
            s,
            "      <node id=\"{}\" label=\"{}\"><attvalues>",
            esc(&n.id),
            esc(&n.label)
        );
        for (i, (_, _, v)) in node_attrs(n).iter().enumerate().skip(1) {
            let _ = write!(s, "<attvalue for=\"{i}\" value=\"{}\"/>", esc(v));
        }
        s.push_str("</attvalues></node>\n");
    }
    s.push_str("    </nodes>\n    <edges>\n");
    for (k, (a, b, e)) in g.edges().enumerate() {
        let _ = write!(
            s,
            "      <edge id=\"{k}\" source=\"{}\" target=\"{}\" weight=\"{}\" label=\"{}\"><attvalues>",
            esc(&g.graph[a].id),
            esc(&g.graph[b].id),
            e.count.max(1),
            e.kind.as_str()
        );
        for (i, (_, _, v)) in edge_attrs(e).iter().enumerate() {
            let _ = write!(s, "<attvalue for=\"{i}\" value=\"{}\"/>", esc(v));
        }
        s.push_str("</attvalues></edge>\n");
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    s
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
