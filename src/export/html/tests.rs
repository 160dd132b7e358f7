use serde_json::{json, Value};

use super::{html, script_json};
use crate::export::fixtures::{crowd, hostile, HOSTILE};
use crate::graph::QuoteGraph;

#[test]
fn embedded_json_cannot_end_its_script_element() {
    let cases = [
        (json!("</script>"), r#""\u003c/script\u003e""#),
        (json!("<!--<script>"), r#""\u003c!--\u003cscript\u003e""#),
        (json!("a & b"), r#""a \u0026 b""#),
        (
            json!("line\u{2028}para\u{2029}"),
            r#""line\u2028para\u2029""#,
        ),
        (json!({"k": "plain"}), r#"{"k":"plain"}"#),
    ];
    for (value, want) in cases {
        let text = script_json(&value);
        assert_eq!(text, want);
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
    }
}

/// The page's data, as the page's script reads it.
fn data(page: &str) -> Value {
    let start = page
        .find(r#"<script type="application/json" id="data">"#)
        .unwrap();
    let body = &page[start..];
    let body = &body[body.find('>').unwrap() + 1..];
    let end = body.find("</script>").unwrap();
    serde_json::from_str(&body[..end]).expect("the data is JSON")
}

#[test]
fn hostile_text_stays_data() {
    let page = html(&hostile());
    let template = super::PAGE;
    assert_eq!(
        page.matches("<script").count(),
        template.matches("<script").count()
    );
    assert_eq!(
        page.matches("</script").count(),
        template.matches("</script").count()
    );
    assert!(!page.contains("<!--"));
    let d = data(&page);
    let names: Vec<&str> = d["map"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    for name in HOSTILE {
        assert!(names.contains(&name), "{name:?} lost");
    }
    assert_eq!(d["quotes"].as_object().unwrap().len(), HOSTILE.len());
}

#[test]
fn the_page_embeds_the_bounded_map_only() {
    let page = html(&crowd(3000, 20));
    let d = data(&page);
    assert_eq!(d["map"]["nodes"].as_array().unwrap().len(), 100);
    assert_eq!(d["total"]["entities"], 3020);
    assert!(
        page.len() < super::CYTOSCAPE.len() + 200_000,
        "{} bytes",
        page.len()
    );
    assert_eq!(page, html(&crowd(3000, 20)));
}

#[test]
fn an_empty_graph_gives_a_page() {
    let d = data(&html(&QuoteGraph::default()));
    assert_eq!(d["map"]["nodes"], json!([]));
}

#[test]
fn a_prolific_speaker_embeds_a_bounded_sample_of_quotes() {
    use crate::export::fixtures::{article, edge, node, quote, stance};
    use crate::graph::{EdgeKind, NodeKind};
    use crate::stance::Polarity;
    let mut nodes = vec![
        node("person:ilse-brandt", NodeKind::Person, "Ilse Brandt"),
        node("place:estrelle", NodeKind::Place, "Estrelle"),
        article("article:a", "A long year", Some("2031-01-01")),
    ];
    let mut edges = Vec::new();
    let mut e = stance(500, Polarity::Oppose);
    for k in 0..500 {
        let id = format!("quote:{k:03}");
        nodes.push(quote(
            &id,
            &format!("Estrelle failed us, part {k}."),
            "article:a",
        ));
        edges.push((
            "person:ilse-brandt".into(),
            id.clone(),
            edge(EdgeKind::Said, 1, None),
        ));
        edges.push((
            id.clone(),
            "place:estrelle".into(),
            edge(EdgeKind::Mentions, 1, None),
        ));
        e.evidence.push(id);
    }
    edges.push(("person:ilse-brandt".into(), "place:estrelle".into(), e));
    let d = data(&html(&QuoteGraph::from_parts(nodes, edges)));
    let embedded = d["quotes"].as_object().unwrap().len();
    assert!(
        embedded <= 3 * super::QUOTES_PER_NODE,
        "{embedded} quotes embedded"
    );
    let edge = &d["map"]["edges"][0];
    assert_eq!(edge["count"], 500);
    assert_eq!(
        edge["evidence"].as_array().unwrap().len(),
        super::QUOTES_PER_NODE
    );
}
