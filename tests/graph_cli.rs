//! `build`, `export`, `merge` and the queries through the real binary, and the exports opened
//! by the tools people use: Graphviz `dot`, networkx (headless Chromium: `tests/maps.rs`). A tool that is not
//! installed skips its test with a note, unless `QUOTEGRAPH_REQUIRE_TOOLS=1` (set by `.ci/run`,
//! which installs them) makes its absence a failure.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

mod common;
use common::tool;

/// The exports that are byte-identical from build to build (the SVG depends on the renderer).
const DETERMINISTIC_FILES: [&str; 6] = [
    "graph.json",
    "graph.dot",
    "graph.graphml",
    "graph.gexf",
    "graph.cyjs",
    "index.html",
];

fn quotegraph() -> Command {
    Command::cargo_bin("quotegraph").unwrap()
}

/// Builds the seed corpus into a fresh directory.
fn built() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graphs");
    quotegraph()
        .args(["build", "corpus", "--quiet", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("5 articles"));
    (dir, out)
}

fn counts(graph_json: &Path) -> (usize, usize) {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(graph_json).unwrap()).unwrap();
    (
        v["nodes"].as_array().unwrap().len(),
        v["edges"].as_array().unwrap().len(),
    )
}

#[test]
fn committed_graphs_are_what_the_current_code_builds() {
    let (_dir, out) = built();
    for name in DETERMINISTIC_FILES {
        let fresh = std::fs::read_to_string(out.join(name)).unwrap();
        let committed = std::fs::read_to_string(Path::new("graphs").join(name))
            .unwrap_or_else(|_| panic!("graphs/{name} is missing: run the README's build command"));
        assert!(
            fresh == committed,
            "graphs/{name} is stale: run `cargo run --release -- build` and commit graphs/"
        );
    }
    // The SVG depends on the renderer installed (Graphviz or the pure-Rust layout).
    let svg = std::fs::read_to_string("graphs/graph.svg").unwrap();
    assert!(svg.contains("<svg") && svg.contains("Mark Rutte"));
}

#[test]
fn builds_are_byte_identical() {
    let (_a, one) = built();
    let (_b, two) = built();
    for name in DETERMINISTIC_FILES {
        assert!(
            std::fs::read(one.join(name)).unwrap() == std::fs::read(two.join(name)).unwrap(),
            "{name} differs between two builds"
        );
    }
}

#[test]
fn merging_stores_or_fact_shards_gives_the_graph_of_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = {
        let mut v: Vec<PathBuf> = std::fs::read_dir("corpus")
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    };
    // Two parts that overlap in one article (it must count once).
    for (name, part) in [("a", &files[..3]), ("b", &files[2..])] {
        quotegraph()
            .args(["build", "--quiet", "--pure-rust-svg", "-o"])
            .arg(dir.path().join(name))
            .args(part)
            .assert()
            .success();
    }
    let db = |n: &str| dir.path().join(n).join("quotegraph.db");
    // Part b as a fact shard, the way shards made elsewhere arrive.
    let shard = dir.path().join("b.facts.jsonl");
    quotegraph()
        .args(["export", "-f", "facts", "--db"])
        .arg(db("b"))
        .arg("-o")
        .arg(&shard)
        .assert()
        .success();
    for (out, second) in [("merged", db("b")), ("shards", shard)] {
        quotegraph()
            .args(["merge", "--quiet", "--pure-rust-svg", "-o"])
            .arg(dir.path().join(out))
            .arg(db("a"))
            .arg(second)
            .assert()
            .success()
            .stdout(predicate::str::contains("5 articles"));
    }
    quotegraph()
        .args(["build", "corpus", "--quiet", "--pure-rust-svg", "-o"])
        .arg(dir.path().join("whole"))
        .assert()
        .success();
    // The pure-Rust SVG layout is deterministic too.
    for out in ["merged", "shards"] {
        for name in DETERMINISTIC_FILES.iter().chain(&["graph.svg"]) {
            assert!(
                std::fs::read(dir.path().join(out).join(name)).unwrap()
                    == std::fs::read(dir.path().join("whole").join(name)).unwrap(),
                "{out} {name} differs from the whole build"
            );
        }
    }
    // A graph.json is not a part: it no longer carries its articles' facts.
    quotegraph()
        .args(["merge", "-o"])
        .arg(dir.path().join("nope"))
        .arg(dir.path().join("a/graph.json"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("merge the stores"));
}

#[test]
fn queries_answer_in_the_terminal_and_as_json() {
    let (_dir, out) = built();
    let graph = out.join("graph.json");
    let db = out.join("quotegraph.db");
    // The same answers from the store (the default) and from graph.json.
    for (flag, g) in [
        ("--db", db.to_str().unwrap()),
        ("--graph", graph.to_str().unwrap()),
    ] {
        quotegraph()
            .args(["who-said", "flexibility", flag, g])
            .assert()
            .success()
            .stdout(predicate::str::starts_with("Mark Rutte ("));
        // Curly and straight marks, case and dashes fold.
        let json = quotegraph()
            .args(["who-said", "WIN–WIN", flag, g, "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let hits: Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(hits[0]["name"], "Mark Rutte");
        assert_eq!(hits[0]["quotes"][0]["kind"], "mixed");
        quotegraph()
            .args(["path", "Peskov", "Rutte", flag, g])
            .assert()
            .success()
            .stdout(
                predicate::str::contains("Dmitry Peskov")
                    .and(predicate::str::contains("Mark Rutte")),
            );
        quotegraph()
            .args([
                "path",
                "Peskov",
                "Rutte",
                "--all",
                "--max-len",
                "3",
                flag,
                g,
                "-f",
                "json",
            ])
            .assert()
            .success();
        quotegraph()
            .args(["neighbors", "Kremlin", "--depth", "2", flag, g])
            .assert()
            .success();
        quotegraph()
            .args(["stances", "Peskov", "--target", "Ukraine", flag, g])
            .assert()
            .success()
            .stdout(predicate::str::contains("oppose"));
        let json = quotegraph()
            .args([
                "quotes",
                "--speaker",
                "Zelenskyy",
                "--mentions",
                "Trump",
                flag,
                g,
                "-f",
                "json",
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let quotes: Value = serde_json::from_slice(&json).unwrap();
        assert!(quotes
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["text"].as_str().unwrap().contains("I thank him")));
        quotegraph()
            .args([
                "entities",
                flag,
                g,
                "--format",
                "jsonl",
                "--kind",
                "equipment",
            ])
            .assert()
            .success()
            .stdout(predicate::str::contains("\"label\":\"Patriot\""));
    }
    // The same queries run straight from a corpus.
    quotegraph()
        .args(["who-said", "financial burden", "--corpus", "corpus"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Donald Trump ("));
}

#[test]
fn unknown_names_and_missing_graphs_are_one_clear_error() {
    let (_dir, out) = built();
    let g = out.join("graph.json");
    quotegraph()
        .args(["path", "Peskov", "Napoleon Bonaparte", "--graph"])
        .arg(&g)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no entity named \"Napoleon Bonaparte\"",
        ));
    quotegraph()
        .args(["who-said", "peace", "--graph", "no/such/graph.json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("run `quotegraph build` first"));
    // From the store: a misspelt name gets the closest names.
    quotegraph()
        .args(["stances", "Rute", "--db"])
        .arg(out.join("quotegraph.db"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no entity named \"Rute\"")
                .and(predicate::str::contains("the closest names: Mark Rutte")),
        );
    quotegraph()
        .args(["who-said", "peace", "--db", "no/such/quotegraph.db"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no/such/quotegraph.db: no store here (run `quotegraph ingest` or `quotegraph build` first)",
        ));
    quotegraph()
        .args(["who-said", "peace", "--db"])
        .arg(&g)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "graph.json: not a quotegraph store",
        ));
}

#[test]
fn export_formats_and_views() {
    let (_dir, out) = built();
    let g = out.join("graph.json");
    let run = |args: &[&str]| -> String {
        let o = quotegraph()
            .arg("export")
            .args(args)
            .arg("--graph")
            .arg(&g)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(o).unwrap()
    };
    assert!(run(&["-f", "dot"]).starts_with("digraph quotegraph {"));
    assert!(run(&["-f", "svg", "--pure-rust-svg"]).contains("<svg"));
    let cy: Value = serde_json::from_str(&run(&["-f", "cytoscape"])).unwrap();
    assert!(!cy["elements"]["nodes"].as_array().unwrap().is_empty());
    assert!(run(&["-f", "graphml"]).contains("<graphml"));
    assert!(run(&["-f", "gexf"]).contains("<gexf"));
    assert!(run(&["-f", "neo4j-csv"]).starts_with("id:ID,:LABEL"));
    // Views: one speaker; an ego network; stance edges only.
    let speaker: Value =
        serde_json::from_str(&run(&["-f", "json", "--speaker", "Peskov", "--quotes"])).unwrap();
    let ids: Vec<&str> = speaker["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"person:dmitry-peskov"));
    assert!(!ids.contains(&"person:mark-rutte"));
    let stance_only: Value = serde_json::from_str(&run(&["-f", "json", "--stance-only"])).unwrap();
    assert!(stance_only["edges"]
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["kind"] == "stance"));
    let ego: Value =
        serde_json::from_str(&run(&["-f", "json", "--ego", "Peskov", "--depth", "1"])).unwrap();
    assert!(ego["nodes"].as_array().unwrap().len() >= 2);
    // From the store: the whole graph streamed, pictures and views selected in SQL.
    let db = out.join("quotegraph.db");
    let from_store = |args: &[&str]| -> String {
        let o = quotegraph()
            .arg("export")
            .args(args)
            .arg("--db")
            .arg(&db)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(o).unwrap()
    };
    assert_eq!(
        from_store(&["-f", "json"]),
        std::fs::read_to_string(out.join("graph.json")).unwrap()
    );
    assert!(from_store(&["-f", "dot"]).starts_with("digraph quotegraph {"));
    assert!(from_store(&["-f", "neo4j-csv"]).starts_with("id:ID,:LABEL"));
    let speaker: Value = serde_json::from_str(&from_store(&[
        "-f",
        "json",
        "--speaker",
        "Peskov",
        "--quotes",
    ]))
    .unwrap();
    let ids: Vec<&str> = speaker["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"person:dmitry-peskov") && !ids.contains(&"person:mark-rutte"));
    assert!(ids.iter().any(|i| i.starts_with("quote:")));
    let ego: Value = serde_json::from_str(&from_store(&[
        "-f", "json", "--ego", "Rutte", "--depth", "1",
    ]))
    .unwrap();
    assert!(ego["nodes"].as_array().unwrap().len() >= 2);
    let facts = from_store(&["-f", "facts"]);
    assert_eq!(facts.lines().count(), 5);
    assert!(facts.starts_with("{\"schema_version\":1,"));
}

#[test]
fn graphviz_renders_the_dot() {
    let Some(dot) = tool("dot", "-V") else { return };
    let (_dir, out) = built();
    let o = Process::new(dot)
        .arg("-Tsvg")
        .arg(out.join("graph.dot"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Mark Rutte"));
}

#[test]
fn networkx_reads_the_exports_with_the_same_counts() {
    // `.ci/run` names the venv's python holding the current networkx from PyPI.
    let pythons = [
        std::env::var("QUOTEGRAPH_PYTHON").unwrap_or_default(),
        "python3".to_string(),
        "/usr/bin/python3".to_string(),
    ];
    let Some(python) = pythons.iter().filter(|p| !p.is_empty()).find(|p| {
        Process::new(p)
            .args(["-c", "import networkx"])
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        assert!(
            std::env::var_os("QUOTEGRAPH_REQUIRE_TOOLS").is_none(),
            "networkx is required (QUOTEGRAPH_REQUIRE_TOOLS is set) but not installed"
        );
        eprintln!("note: networkx not installed; skipping");
        return;
    };
    let (_dir, out) = built();
    let script = r#"
import json, sys
import networkx as nx
d = sys.argv[1]
with open(d + "/graph.json") as f:
    data = json.load(f)
try:  # networkx >= 3.4 names the edge key `edges`; older versions `link`
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
except TypeError:
    g = nx.node_link_graph(data, directed=True, multigraph=True, link="edges")
h = nx.read_graphml(d + "/graph.graphml")
x = nx.read_gexf(d + "/graph.gexf")
print(json.dumps([[g.number_of_nodes(), g.number_of_edges()], [h.number_of_nodes(), h.number_of_edges()], [x.number_of_nodes(), x.number_of_edges()]]))
"#;
    let o = Process::new(python)
        .args(["-c", script])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let got: Vec<(usize, usize)> = serde_json::from_slice(&o.stdout).unwrap();
    let want = counts(&out.join("graph.json"));
    assert_eq!(
        got,
        vec![want; 3],
        "json, graphml, gexf as networkx reads them"
    );
}
