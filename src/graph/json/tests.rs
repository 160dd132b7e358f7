//! Node-link files read back: what we write loads; an altered file is refused with the reason.

use serde_json::{json, Value};

use super::*;
use crate::ingest::Article;

/// The node-link JSON of a graph of two invented articles.
fn written() -> Value {
    let articles = [
        Article::new(
            "a1",
            "“The bridge opens in May,” Mayor Ilse Brandt said of Porvenna.".into(),
            None,
        ),
        Article::new(
            "a2",
            "Ilse Brandt said the bridge was a gift to Porvenna. “We waited long,” she said."
                .into(),
            None,
        ),
    ];
    let g = super::super::build(&crate::pipeline::analyze(&articles));
    let mut doc: Value = serde_json::from_str(&to_node_link(&g)).unwrap();
    // Written as graphs were before the store: with each article's facts (still read).
    for (k, (_, n)) in g.nodes().enumerate() {
        if let Some(f) = &n.facts {
            doc["nodes"][k]["facts"] = serde_json::to_value(f).unwrap();
        }
    }
    doc
}

fn index_of(doc: &Value, kind: &str) -> usize {
    doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .position(|n| n["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} node"))
}

#[test]
fn what_is_written_reads_back_the_same() {
    let doc = written();
    let text = serde_json::to_string(&doc).unwrap();
    let g = from_node_link(&text).unwrap();
    // The facts are read (so old graphs merge), never written.
    assert_eq!(g.facts().len(), 2);
    let mut plain = doc.clone();
    for n in plain["nodes"].as_array_mut().unwrap() {
        n.as_object_mut().unwrap().remove("facts");
    }
    assert_eq!(
        serde_json::from_str::<Value>(&to_node_link(&g)).unwrap(),
        plain
    );
    // The key older networkx writes is read too.
    let old = text.replace("\"edges\":", "\"links\":");
    assert_eq!(from_node_link(&old).unwrap(), g);
}

#[test]
fn altered_files_are_refused_with_the_reason() {
    type Alter = fn(&mut Value);
    let cases: &[(&str, Alter, &str)] = &[
        (
            "stance pointing at a missing quote",
            |d| {
                let a = index_of(d, "article");
                d["nodes"][a]["facts"]["stances"] =
                    json!([{"quote": 99, "kind": "place", "name": "Porvenna", "score": 0.5}]);
            },
            "stance 0 points at quote 99",
        ),
        (
            "a number where a string belongs",
            |d| d["nodes"][0]["label"] = json!(5),
            "invalid type: integer `5`, expected a string",
        ),
        (
            "a negative count",
            |d| d["nodes"][0]["mentions"] = json!(-1),
            "invalid value: integer `-1`",
        ),
        (
            "an unknown node kind",
            |d| d["nodes"][0]["kind"] = json!("planet"),
            "unknown variant `planet`",
        ),
        (
            "no nodes",
            |d| {
                d.as_object_mut().unwrap().remove("nodes");
            },
            "missing field `nodes`",
        ),
        (
            "a node twice",
            |d| {
                let first = d["nodes"][0].clone();
                d["nodes"].as_array_mut().unwrap().push(first);
            },
            "id given twice",
        ),
        (
            "an empty id",
            |d| d["nodes"][0]["id"] = json!(""),
            "empty id",
        ),
        (
            "an edge to a node that is not there",
            |d| d["edges"][0]["target"] = json!("person:nobody"),
            "no node \"person:nobody\" in the file",
        ),
        (
            "an edge twice",
            |d| {
                let first = d["edges"][0].clone();
                d["edges"].as_array_mut().unwrap().push(first);
            },
            "a second",
        ),
        (
            "a score out of range",
            |d| d["edges"][0]["score"] = json!(7.5),
            "score 7.5 outside [-1, 1]",
        ),
        (
            "facts of another article",
            |d| {
                let a = index_of(d, "article");
                d["nodes"][a]["facts"]["doc_id"] = json!("elsewhere");
            },
            "doc_id differs",
        ),
        (
            "facts on an entity",
            |d| {
                let a = index_of(d, "article");
                let p = index_of(d, "person");
                d["nodes"][p]["facts"] = d["nodes"][a]["facts"].clone();
            },
            "facts on a node that is not an article",
        ),
        (
            "a quote span backwards",
            |d| {
                let a = index_of(d, "article");
                d["nodes"][a]["facts"]["quotes"][0]["start"] = json!(1_000_000);
            },
            "quote 0 starts after it ends",
        ),
        (
            "an occurrence backwards",
            |d| {
                let q = index_of(d, "quote");
                d["nodes"][q]["occurrences"][0]["start"] = json!(1_000_000);
            },
            "occurrence starts after it ends",
        ),
    ];
    for (what, alter, want) in cases {
        let mut doc = written();
        alter(&mut doc);
        let err = from_node_link(&doc.to_string())
            .expect_err(what)
            .to_string();
        assert!(err.contains(want), "{what}: {err}");
    }
}

#[test]
fn a_truncated_file_is_an_error_at_every_length() {
    let text = to_node_link(&from_node_link(&written().to_string()).unwrap());
    for cut in (0..text.len() - 2).step_by(97) {
        let cut = (0..=cut).rev().find(|&c| text.is_char_boundary(c)).unwrap();
        let err = from_node_link(&text[..cut]).expect_err("truncated");
        assert!(matches!(err, LoadError::Json(_)), "{cut}: {err}");
    }
}

// Streaming writer.
mod stream {
    use super::*;

    /// The document `serde_json` prints whole: what the streamed writer must print.
    fn whole(g: &QuoteGraph) -> String {
        let doc = NodeLink {
            directed: true,
            multigraph: true,
            graph: GraphAttrs {
                generator: format!("quotegraph {}", env!("CARGO_PKG_VERSION")),
            },
            nodes: g.nodes().map(|(_, n)| n.clone()).collect(),
            edges: g
                .edges()
                .map(|(s, t, e)| Link {
                    source: g.graph[s].id.clone(),
                    target: g.graph[t].id.clone(),
                    key: e.kind.as_str().to_string(),
                    edge: e.clone(),
                })
                .collect(),
        };
        serde_json::to_string_pretty(&doc).unwrap() + "\n"
    }

    #[test]
    fn streamed_json_is_the_document_serde_prints() {
        let a = Node::new(
            "person:a".into(),
            NodeKind::Person,
            "A \"quoted\"\nname".into(),
        );
        let b = Node::new("place:b".into(), NodeKind::Place, "B".into());
        let graphs = [
            QuoteGraph::default(),
            QuoteGraph::from_parts(vec![a.clone()], vec![]),
            QuoteGraph::from_parts(
                vec![a, b],
                vec![(
                    "person:a".into(),
                    "place:b".into(),
                    Edge::new(EdgeKind::Stance, 2),
                )],
            ),
        ];
        for g in &graphs {
            let text = to_node_link(g);
            assert_eq!(text, whole(g));
            assert_eq!(to_node_link(&from_node_link(&text).unwrap()), text);
        }
    }
}
