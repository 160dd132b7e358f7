use std::collections::HashSet;

use super::{view, UnknownName, ViewOptions};
use crate::export::fixtures::{article, crowd, edge, node, quote, stance};
use crate::graph::{EdgeKind, NodeKind, QuoteGraph};
use crate::stance::Polarity;

fn ids(g: &QuoteGraph) -> Vec<&str> {
    g.nodes().map(|(_, n)| n.id.as_str()).collect()
}

fn bounded(max: usize) -> ViewOptions {
    ViewOptions {
        max_nodes: Some(max),
        ..ViewOptions::default()
    }
}

#[test]
fn a_bounded_map_keeps_at_most_its_budget_of_connected_nodes() {
    let g = crowd(600, 12);
    for max in [1, 2, 10, 60, 100, 150] {
        let v = view(&g, &bounded(max)).unwrap();
        assert!(v.node_count() <= max, "{max}: {} nodes", v.node_count());
        assert!(
            v.node_count() >= max.min(2).min(max),
            "{max}: {} nodes",
            v.node_count()
        );
        let touched: HashSet<_> = v.edges().flat_map(|(s, t, _)| [s, t]).collect();
        if max > 1 {
            assert_eq!(touched.len(), v.node_count(), "{max}: isolated nodes");
        }
        // Every hub is more connected than any single person: hubs come first (each with a
        // neighbour, when the budget is too small for all of them).
        let hubs = ids(&v)
            .iter()
            .filter(|i| i.starts_with("place:hub"))
            .count();
        if max >= 24 {
            assert_eq!(hubs, 12, "{max}: hubs kept");
        } else {
            assert!(hubs >= max / 2, "{max}: {hubs} hubs kept");
        }
        assert!(v.edge_count() as f64 <= 2.0 * v.node_count() as f64 + 1.0);
    }
}

#[test]
fn views_are_deterministic_and_unbounded_views_keep_everything() {
    let g = crowd(300, 5);
    assert_eq!(
        view(&g, &bounded(50)).unwrap(),
        view(&g, &bounded(50)).unwrap()
    );
    let all = view(&g, &ViewOptions::default().unbounded()).unwrap();
    assert_eq!(all.node_count(), 305);
    assert_eq!(all.edge_count(), g.edge_count());
}

#[test]
fn the_strongest_ties_stay_when_edges_are_cut() {
    // A hub with many weak neutral ties and one strong opposing one.
    let mut nodes = vec![node("person:hub", NodeKind::Person, "Tomas Reyl")];
    let mut edges = Vec::new();
    for k in 0..40 {
        let id = format!("place:p{k:02}");
        nodes.push(node(&id, NodeKind::Place, &format!("Place {k}")));
        edges.push(("person:hub".to_string(), id, stance(1, Polarity::Neutral)));
    }
    edges.push((
        "person:hub".into(),
        "place:p39".into(),
        stance(1, Polarity::Neutral),
    ));
    nodes.push(node("org:guild", NodeKind::Org, "Weavers Guild"));
    edges.push((
        "person:hub".into(),
        "org:guild".into(),
        stance(6, Polarity::Oppose),
    ));
    let g = QuoteGraph::from_parts(nodes, edges);
    let v = view(&g, &bounded(10)).unwrap();
    assert!(ids(&v).contains(&"org:guild"));
    assert!(v
        .edges()
        .any(|(_, t, e)| v.graph[t].id == "org:guild" && e.count == 6));
}

#[test]
fn speaker_and_ego_views_start_from_their_entity() {
    let g = crowd(200, 4);
    let o = ViewOptions {
        speaker: Some("Person Number 10".into()),
        ..ViewOptions::default()
    };
    let v = view(&g, &o).unwrap();
    assert_eq!(ids(&v), ["person:p-0010", "person:p-0011", "place:hub-002"]);
    let o = ViewOptions {
        ego: Some(("Hub 1".into(), 1)),
        max_nodes: Some(20),
        ..ViewOptions::default()
    };
    let v = view(&g, &o).unwrap();
    assert!(ids(&v).contains(&"place:hub-001") && v.node_count() == 20);
    let o = ViewOptions {
        ego: Some(("Nobody Atall".into(), 1)),
        ..ViewOptions::default()
    };
    assert_eq!(view(&g, &o), Err(UnknownName("Nobody Atall".into())));
}

/// Two speakers; one quote in a dated article of 2031-01, one in 2031-06, one in an undated one.
fn dated() -> QuoteGraph {
    let nodes = vec![
        node("person:ilse-brandt", NodeKind::Person, "Ilse Brandt"),
        node("place:estrelle", NodeKind::Place, "Estrelle"),
        article("article:jan", "January", Some("2031-01-15")),
        article("article:jun", "June", Some("2031-06-30T08:00:00Z")),
        article("article:none", "Undated", None),
        quote("quote:a", "The bridge will open.", "article:jan"),
        quote("quote:b", "The bridge is late.", "article:jun"),
        quote("quote:c", "The bridge is a bridge.", "article:none"),
    ];
    let mut e = stance(3, Polarity::Oppose);
    e.evidence = vec!["quote:a".into(), "quote:b".into(), "quote:c".into()];
    let mut edges = vec![(
        "person:ilse-brandt".to_string(),
        "place:estrelle".to_string(),
        e,
    )];
    for q in ["a", "b", "c"] {
        let said = edge(EdgeKind::Said, 1, None);
        edges.push(("person:ilse-brandt".into(), format!("quote:{q}"), said));
    }
    QuoteGraph::from_parts(nodes, edges)
}

#[test]
fn date_ranges_keep_the_quotes_and_evidence_inside_them() {
    let g = dated();
    let count = |since: Option<&str>, until: Option<&str>| -> Option<usize> {
        let o = ViewOptions {
            since: since.map(Into::into),
            until: until.map(Into::into),
            ..ViewOptions::default()
        };
        let v = view(&g, &o).unwrap();
        let found = v
            .edges()
            .find(|(_, _, e)| e.kind == EdgeKind::Stance)
            .map(|(_, _, e)| e.count);
        found
    };
    let cases = [
        (None, None, Some(3)),
        (Some("2031-01-01"), None, Some(2)),
        (Some("2031-02-01"), None, Some(1)),
        (None, Some("2031-06-30"), Some(2)),
        (None, Some("2031-01-14"), None),
        (Some("2031-01-15"), Some("2031-01-15"), Some(1)),
    ];
    for (since, until, want) in cases {
        assert_eq!(count(since, until), want, "{since:?}..{until:?}");
    }
    let quotes = ViewOptions {
        quotes: true,
        since: Some("2031-06-01".into()),
        max_nodes: None,
        ..ViewOptions::default()
    };
    let v = view(&g, &quotes).unwrap();
    assert!(ids(&v).contains(&"quote:b") && !ids(&v).contains(&"quote:a"));
    assert!(ids(&v).contains(&"article:jun") && !ids(&v).contains(&"article:none"));
}

#[test]
fn bounded_views_with_quotes_share_the_budget() {
    let g = dated();
    let o = ViewOptions {
        quotes: true,
        max_nodes: Some(4),
        ..ViewOptions::default()
    };
    let v = view(&g, &o).unwrap();
    assert_eq!(v.node_count(), 4);
    assert!(ids(&v).contains(&"person:ilse-brandt"));
    assert!(v.nodes().any(|(_, n)| n.kind == NodeKind::Quote));
}
