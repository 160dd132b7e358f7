use graphviz_rust::dot_structures::{Graph, Id, Stmt};

use super::{dot, quoted};
use crate::export::fixtures::{crowd, hostile, HOSTILE};
use crate::export::{view, ViewOptions};
use crate::graph::QuoteGraph;

fn text(id: Id) -> String {
    match id {
        Id::Escaped(s) => s,
        other => panic!("not a quoted string: {other:?}"),
    }
}

#[test]
fn strings_stay_inside_their_quotes() {
    let cases = [
        ("Ilse Brandt", r#""Ilse Brandt""#),
        (r#"say "no""#, r#""say \"no\"""#),
        (r"back\slash", r#""back\\slash""#),
        ("end\\", r#""end\\""#),
        ("two\nlines", r#""two\nlines""#),
        ("tab\tcr\r nul\0 esc\u{1b}", r#""tab cr  nul  esc ""#),
        ("sep\u{2028}para\u{2029}", r#""sep para ""#),
        ("not\u{fffe}chars\u{ffff}", "\"not\u{fffd}chars\u{fffd}\""),
        (r#""]; x -> y; a [label=""#, r#""\"]; x -> y; a [label=\"""#),
    ];
    for (input, want) in cases {
        assert_eq!(text(quoted(input)), want, "{input:?}");
    }
}

/// Every quoted string in DOT text: a backslash escapes the next character.
fn strings(dot: &str) -> usize {
    let mut n = 0;
    let mut chars = dot.chars();
    while let Some(c) = chars.next() {
        if c == '"' {
            n += 1;
            loop {
                match chars.next() {
                    Some('\\') => {
                        chars.next();
                    }
                    Some('"') | None => break,
                    Some(_) => {}
                }
            }
        }
    }
    n
}

#[test]
fn hostile_names_parse_back_as_the_same_statements() {
    let g = view(&hostile(), &ViewOptions::default()).unwrap();
    let text = dot(&g);
    let parsed: Graph = graphviz_rust::parse(&text).expect("the DOT parses");
    let Graph::DiGraph { stmts, .. } = parsed else {
        panic!("not a digraph")
    };
    let nodes = stmts.iter().filter(|s| matches!(s, Stmt::Node(_))).count();
    let edges = stmts.iter().filter(|s| matches!(s, Stmt::Edge(_))).count();
    assert_eq!((nodes, edges), (g.node_count(), g.edge_count()));
    // No statement smuggled in a name: every line is a node, an edge or an attribute list.
    assert_eq!(text.lines().count(), 5 + g.node_count() + g.edge_count());
    assert!(strings(&text) > 0);
    for name in HOSTILE {
        assert!(
            !text.contains(name) || !name.contains('"'),
            "{name:?} unescaped"
        );
    }
}

#[test]
fn small_maps_use_neato_and_large_graphs_sfdp() {
    let engine = |g: &QuoteGraph| {
        let d = dot(g);
        ["neato", "sfdp"]
            .into_iter()
            .find(|e| d.contains(&format!("layout=\"{e}\"")))
    };
    assert_eq!(
        engine(&view(&crowd(500, 6), &ViewOptions::default()).unwrap()),
        Some("neato")
    );
    let all = ViewOptions::default().unbounded();
    assert_eq!(engine(&view(&crowd(500, 6), &all).unwrap()), Some("sfdp"));
}
