//! Helpers shared by the fault tests (`tests/faults.rs`, `tests/output_faults.rs`): the
//! binary, invented corpora, and reading back what a run left in a folder.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::{json, Value};

pub fn quotegraph() -> Command {
    let mut cmd = Command::cargo_bin("quotegraph").unwrap();
    cmd.timeout(Duration::from_secs(120));
    cmd
}

pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("quotegraph")
}

/// A small invented corpus of `n` articles as one JSONL file.
pub fn corpus(dir: &Path, name: &str, n: usize) -> PathBuf {
    let people = ["Ilse Brandt", "Tomas Reyl", "Wanda Okafor", "Per Lindqvist"];
    let places = ["Porvenna", "Estrelle", "Canada", "France"];
    let mut lines = String::new();
    for k in 0..n {
        let (a, b) = (people[k % 4], people[(k + 1) % 4]);
        let (p, q) = (places[k % 4], places[(k + 2) % 4]);
        let text = format!(
            "“The new bridge to {p} is a good plan,” Mayor {a} said on day {k}.\n\n\
             {b} said the harbour of {q} was a failure. “We reject it,” {b} told reporters."
        );
        lines.push_str(&json!({"id": format!("{name}-{k}"), "text": text}).to_string());
        lines.push('\n');
    }
    let path = dir.join(format!("{name}.jsonl"));
    std::fs::write(&path, lines).unwrap();
    path
}

/// `build` of `input` into `out`, which must succeed.
pub fn build(input: &Path, out: &Path) {
    quotegraph()
        .arg("build")
        .arg(input)
        .args(["--quiet", "--pure-rust-svg", "-o"])
        .arg(out)
        .assert()
        .success();
}

/// The built graph of a small corpus, and the folder holding it.
pub fn built() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), "c", 4);
    let out = dir.path().join("graphs");
    build(&input, &out);
    (dir, out)
}

/// Every file of a folder with its bytes.
pub fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    v.sort();
    v
}

pub fn names(dir: &Path) -> Vec<String> {
    files(dir).into_iter().map(|(n, _)| n).collect()
}

/// The articles a graph file names, as a set of ids.
pub fn article_ids(graph_json: &[u8]) -> Vec<String> {
    let v: Value = serde_json::from_slice(graph_json).unwrap();
    let mut ids: Vec<String> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "article")
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}
