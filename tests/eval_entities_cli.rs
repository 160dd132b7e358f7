//! `quotegraph eval-entities` through the real binary, on invented gold.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{json, Value};

/// Two invented articles naming one person twice each (character offsets, as gold gives them).
fn gold() -> String {
    let docs = [
        (
            "g1",
            "Mayor Ida Okoro of Eastvale spoke on Monday. Okoro said the harbour would reopen.",
        ),
        (
            "g2",
            "Ida Okoro, the mayor, visited Port Merrow. “We are ready,” Okoro said.",
        ),
    ];
    let mut out = String::new();
    for (id, text) in docs {
        let mut mentions = Vec::new();
        for (k, _) in text.match_indices("Okoro") {
            let start = text[..k].chars().count();
            mentions.push(json!({"start": start, "end": start + 5, "text": "Okoro", "entity": "P1", "type": "HUM"}));
        }
        let doc = json!({"doc_id": id, "topic": "1", "text": text, "mentions": mentions});
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    out.push_str("{not json\n");
    out
}

#[test]
fn scores_saves_byte_offsets_and_reports_a_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("gold.entities.jsonl");
    std::fs::write(&g, gold()).unwrap();
    let pred = dir.path().join("pred.jsonl");
    Command::cargo_bin("quotegraph")
        .unwrap()
        .args(["eval-entities", g.to_str().unwrap(), "--save", pred.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "entities: 4 scored mentions, recall 1.0; B3 P/R/F1 1.0/1.0/1.0; 1 cross-doc entities, 1.0 kept whole",
        ))
        .stderr(predicate::str::contains("gold.entities.jsonl").and(predicate::str::contains(":3")));
    let saved = std::fs::read_to_string(&pred).unwrap();
    let rows: Vec<Value> = saved
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows
        .iter()
        .all(|r| r["doc_id"].is_string() && r["entity"].is_string()));
    // Scoring the saved file gives the same line.
    Command::cargo_bin("quotegraph")
        .unwrap()
        .args([
            "eval-entities",
            g.to_str().unwrap(),
            "--predictions",
            pred.to_str().unwrap(),
            "--json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"b3_f1\": 1.0"));
}
