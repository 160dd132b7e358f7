//! The seed corpus against its hand annotation at graph level (`tests/data/seeds.graph.json`,
//! a copy of `shared/eval/seeds.graph.json`): which mentions are one entity, which are not
//! speakers, four stances, and what the queries answer.

use std::collections::BTreeSet;

use quotegraph::graph::{self, NodeKind, QuoteGraph};
use quotegraph::ingest::{self, IngestOptions};
use quotegraph::query::{self, QuoteIndex};
use serde_json::Value;

fn gold() -> Value {
    serde_json::from_str(&std::fs::read_to_string("tests/data/seeds.graph.json").unwrap()).unwrap()
}

fn seed_graph() -> QuoteGraph {
    let input = ingest::read_paths(&["corpus".into()], &IngestOptions::default());
    assert_eq!(input.articles.len(), 5);
    graph::build(&quotegraph::pipeline::analyze(&input.articles))
}

#[test]
fn every_listed_mention_resolves_to_its_entity_and_entities_stay_apart() {
    let g = seed_graph();
    let gold = gold();
    let mut seen_ids = BTreeSet::new();
    for e in gold["entities"].as_array().unwrap() {
        let canonical = e["canonical"].as_str().unwrap();
        let (_, node) = g
            .find_entity(canonical)
            .unwrap_or_else(|| panic!("no entity for {canonical}"));
        let want_kind = match e["type"].as_str().unwrap() {
            "person" => vec![NodeKind::Person],
            "org" => vec![NodeKind::Org, NodeKind::Outlet],
            "place" => vec![NodeKind::Place],
            "equipment" => vec![NodeKind::Equipment],
            other => panic!("unknown type {other}"),
        };
        assert!(
            want_kind.contains(&node.kind),
            "{canonical} is a {:?}",
            node.kind
        );
        for m in e["mentions"].as_array().unwrap() {
            let m = m.as_str().unwrap();
            let (_, found) = g
                .find_entity(m)
                .unwrap_or_else(|| panic!("mention {m:?} of {canonical} resolves to nothing"));
            assert_eq!(found.id, node.id, "mention {m:?} should be {canonical}");
        }
        assert!(
            seen_ids.insert(node.id.clone()),
            "{canonical} merged with another listed entity"
        );
    }
}

#[test]
fn non_entities_and_modifiers_are_not_speakers() {
    let g = seed_graph();
    // A name in single quotation marks and page boilerplate are no entities at all.
    for text in ["Ramnatein", "Popular Categories"] {
        assert!(g.find_entity(text).is_none(), "{text} became an entity");
        let ix = QuoteIndex::new(&g);
        assert!(
            query::who_said(&g, &ix, text, false).is_empty(),
            "{text} is inside a quote"
        );
    }
    // The former aide spoke, not the former president the phrase names.
    let ix = QuoteIndex::new(&g);
    let hits = query::who_said(&g, &ix, "Every hour counts", false);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.name != "Leonid Kuchma"), "{hits:?}");
}

#[test]
fn listed_stances_come_out_with_their_polarity() {
    let g = seed_graph();
    for s in gold()["stances"].as_array().unwrap() {
        let (speaker, target) = (
            s["speaker"].as_str().unwrap(),
            s["target"].as_str().unwrap(),
        );
        let (si, _) = g.find_entity(speaker).unwrap();
        let (ti, _) = g.find_entity(target).unwrap();
        let rows = query::stances(&g, Some(si), Some(ti));
        assert_eq!(rows.len(), 1, "no stance of {speaker} toward {target}");
        assert_eq!(
            rows[0].polarity.map(|p| p.as_str()),
            s["polarity"].as_str(),
            "{speaker} → {target}"
        );
        assert!(
            !rows[0].quotes.is_empty(),
            "a stance needs its quotes as evidence"
        );
    }
}

#[test]
fn listed_queries_answer_as_stated() {
    let g = seed_graph();
    let ix = QuoteIndex::new(&g);
    for q in gold()["queries"].as_array().unwrap() {
        if let Some(phrase) = q["who_said"].as_str() {
            let got: Vec<String> = query::who_said(&g, &ix, phrase, false)
                .into_iter()
                .map(|h| h.name)
                .collect();
            let want: Vec<String> = q["speakers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    let name = s.as_str().unwrap();
                    g.find_entity(name)
                        .map_or(name.to_string(), |(_, n)| n.label.clone())
                })
                .collect();
            assert_eq!(got, want, "who said {phrase:?}");
        }
        if let Some(path) = q["path"].as_array() {
            let (a, _) = g.find_entity(path[0].as_str().unwrap()).unwrap();
            let (b, _) = g.find_entity(path[1].as_str().unwrap()).unwrap();
            let found = query::shortest_path(&g, a, b);
            assert_eq!(
                found.is_some(),
                q["exists"].as_bool().unwrap(),
                "path {path:?}"
            );
        }
    }
}

#[test]
fn fuzzy_who_said_finds_other_word_forms() {
    let g = seed_graph();
    let ix = QuoteIndex::new(&g);
    assert!(query::who_said(&g, &ix, "flexible", false)
        .iter()
        .all(|h| h.quotes.iter().all(|q| q.text.contains("flexible"))));
    let fuzzy = query::who_said(&g, &ix, "flexible", true);
    assert!(fuzzy
        .iter()
        .any(|h| h.quotes.iter().any(|q| q.text.contains("flexibility"))));
}

#[test]
fn graphs_merge_into_the_graph_of_the_whole() {
    let input = ingest::read_paths(&["corpus".into()], &IngestOptions::default());
    let whole = graph::build(&quotegraph::pipeline::analyze(&input.articles));
    let (a, b) = input.articles.split_at(2);
    let part = |arts: &[ingest::Article]| graph::build(&quotegraph::pipeline::analyze(arts));
    // Parts overlap in one article: it must count once.
    let overlap = [b.to_vec(), a[..1].to_vec()].concat();
    let merged = graph::merge(&[part(a), part(&overlap)]);
    assert_eq!(graph::to_node_link(&merged), graph::to_node_link(&whole));
    // And the JSON reads back to the same graph.
    let back = graph::from_node_link(&graph::to_node_link(&whole)).unwrap();
    assert_eq!(graph::to_node_link(&back), graph::to_node_link(&whole));
}
