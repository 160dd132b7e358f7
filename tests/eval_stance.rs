//! `quotegraph eval-stance` through the binary, on invented sentences.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const SAMPLE: &str = "tests/data/stance_sample.jsonl";

#[test]
fn scores_the_file_and_its_parts_and_reports_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("pred.jsonl");
    let out = Command::cargo_bin("quotegraph")
        .unwrap()
        .args(["eval-stance", SAMPLE, "--save"])
        .arg(&save)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "skipped {SAMPLE}:5: malformed record"
        )))
        .stderr(predicate::str::contains(format!(
            "skipped {SAMPLE}:6: target span [4, 40) lies outside its text of 10 characters"
        )))
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    // Five records read, four judged; the record without a judgement counts as wrong.
    assert!(
        lines[0].starts_with("stance: 5 records, 4 predicted; accuracy "),
        "{out}"
    );
    assert!(lines[1].starts_with("train part: stance: "), "{out}");
    assert!(
        lines[2].starts_with("held-out part (20 % of articles"),
        "{out}"
    );
    // The predictions: one line per judged record, in input order.
    let saved = std::fs::read_to_string(&save).unwrap();
    let preds: Vec<Value> = saved
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = preds
        .iter()
        .map(|p| p["doc_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "sample-wire_1_1_0_a",
            "sample-wire_1_1_1_b",
            "sample-wire_2_7_0_a",
            "sample-wire_2_7_1_b"
        ]
    );
    assert_eq!(preds[0]["polarity"], "oppose");
    assert_eq!(preds[1]["polarity"], "support");
    // Scoring the saved file gives the same figures.
    let again = Command::cargo_bin("quotegraph")
        .unwrap()
        .args(["eval-stance", SAMPLE, "--predictions"])
        .arg(&save)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(again.stdout).unwrap(), out);
}

#[test]
fn json_figures_and_a_floor() {
    let out = Command::cargo_bin("quotegraph")
        .unwrap()
        .args(["eval-stance", SAMPLE, "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["all"]["records"], 5);
    let parts =
        v["train"]["records"].as_u64().unwrap() + v["held_out"]["records"].as_u64().unwrap();
    assert_eq!(parts, 5);
    // A floor above any figure fails with one line.
    Command::cargo_bin("quotegraph")
        .unwrap()
        .args(["eval-stance", SAMPLE, "--fail-under", "1.01"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("held-out macro-F1"));
    Command::cargo_bin("quotegraph")
        .unwrap()
        .args(["eval-stance", "tests/data/no-such-file.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-file.jsonl"));
}
