//! End-to-end behaviour of `quotegraph extract` and `quotegraph eval` through the real binary.

use std::io::Write;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn quotegraph() -> Command {
    Command::cargo_bin("quotegraph").unwrap()
}

/// Runs the binary with `args` (and `stdin`), expects success, returns its stdout.
fn stdout_of(args: &[&str], stdin: Option<&str>) -> Vec<u8> {
    let mut cmd = quotegraph();
    cmd.args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    cmd.assert().success().get_output().stdout.clone()
}

fn jsonl(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::File::create(&p).unwrap().write_all(bytes).unwrap();
    p
}

#[test]
fn corpus_gives_attributed_quotes_with_every_field() {
    let out = stdout_of(&["extract", "corpus", "--format", "jsonl"], None);
    let quotes = jsonl(&out);
    assert!(quotes.len() >= 25, "only {} quotes", quotes.len());
    let docs: std::collections::BTreeSet<_> = quotes
        .iter()
        .map(|q| q["doc_id"].as_str().unwrap())
        .collect();
    assert_eq!(docs.len(), 5, "every seed article has quotes");
    for q in &quotes {
        for field in [
            "doc_id",
            "content",
            "kind",
            "cue",
            "speaker",
            "speaker_mention",
            "speaker_type",
            "content_start",
            "content_end",
            "confidence",
        ] {
            assert!(q.get(field).is_some(), "{field} missing in {q}");
        }
        assert!(["direct", "indirect", "mixed"].contains(&q["kind"].as_str().unwrap()));
        let c = q["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c));
    }
    // Offsets index the article text: check them against the files themselves.
    for q in &quotes {
        let id = q["doc_id"].as_str().unwrap();
        let text = std::fs::read_to_string(format!("corpus/{id}.txt")).unwrap();
        let (s, e) = (
            q["content_start"].as_u64().unwrap() as usize,
            q["content_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], q["content"].as_str().unwrap());
        if let (Some(s), Some(e)) = (q["speaker_start"].as_u64(), q["speaker_end"].as_u64()) {
            assert_eq!(
                &text[s as usize..e as usize],
                q["speaker_mention"].as_str().unwrap()
            );
        }
    }
    let attributed = quotes.iter().filter(|q| q["speaker"].is_string()).count();
    assert!(
        attributed * 10 >= quotes.len() * 9,
        "most quotes have a speaker"
    );
}

#[test]
fn seed_gold_end_to_end_f1_is_at_least_090() {
    quotegraph()
        .args([
            "eval",
            "tests/data/seeds.gold.jsonl",
            "--fail-under",
            "0.90",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("end-to-end F1="));
}

#[test]
fn eval_json_summary_is_machine_readable() {
    let out = stdout_of(&["eval", "tests/data/seeds.gold.jsonl", "--json"], None);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["docs"], 5);
    assert!(v["e2e_f1"].as_f64().unwrap() >= 0.9);
}

#[test]
fn stdin_is_read_when_no_path_is_given() {
    let out = stdout_of(
        &["extract", "--format", "jsonl"],
        Some("“We will not back down,” the minister said on Tuesday.\n"),
    );
    let quotes = jsonl(&out);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0]["content"], "We will not back down,");
    assert_eq!(quotes[0]["speaker_mention"], "the minister");
}

#[test]
fn table_and_json_formats() {
    quotegraph()
        .args(["extract", "--format", "table"])
        .write_stdin("“The pier opens in May,” harbor master Ines Dahl said.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Ines Dahl"))
        .stdout(predicate::str::contains("The pier opens in May"));
    let out = stdout_of(&["extract", "corpus", "--format", "json"], None);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert!(v.as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
fn bad_files_are_named_and_skipped_while_good_ones_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "binary.txt", b"\x7fELF\x00\x01\x02 said");
    write(dir.path(), "latin1.txt", b"\"Caf\xe9 au lait,\" he said.");
    write(
        dir.path(),
        "good.txt",
        "“Prices will fall,” the central bank governor said.".as_bytes(),
    );
    let assert = quotegraph()
        .args(["extract", "--format", "jsonl"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("empty.txt: empty file"))
        .stderr(predicate::str::contains("binary.txt: binary file"))
        .stderr(predicate::str::contains("warning: "))
        .stderr(predicate::str::contains(
            "latin1.txt: not UTF-8 (first at byte 4); read as Windows-1252",
        ));
    // The Latin-1 file is decoded (and reported), not lost.
    let quotes = jsonl(&assert.get_output().stdout);
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0]["content"], "Prices will fall,");
    assert_eq!(quotes[1]["content"], "Caf\u{e9} au lait,");
}

#[test]
fn malformed_jsonl_lines_are_reported_by_line_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "articles.jsonl",
        concat!(
            r#"{"id": "a", "text": "“We are ready,” the general said."}"#,
            "\n",
            "{not json\n",
            r#"{"id": "c", "title": "No body"}"#,
            "\n",
            "\n",
            r#"{"id": "e", "title": "Talks", "text": "The talks failed, a diplomat said."}"#,
            "\n",
        )
        .as_bytes(),
    );
    let assert = quotegraph()
        .args(["extract", "--format", "jsonl"])
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains("articles.jsonl:2: malformed JSON"))
        .stderr(predicate::str::contains(
            "articles.jsonl:3: missing \"text\" field",
        ));
    let quotes = jsonl(&assert.get_output().stdout);
    let ids: Vec<_> = quotes
        .iter()
        .map(|q| q["doc_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "e"]);
    assert_eq!(quotes[1]["speaker_type"], "anonymous");
}

#[test]
fn nothing_readable_is_an_error_with_one_line_per_input() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"   \n");
    quotegraph()
        .arg("extract")
        .arg(&empty)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("empty.txt: empty file"))
        .stderr(predicate::str::contains("no readable articles"));
    quotegraph()
        .args(["extract", "no/such/path.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/path.txt"));
}

#[test]
fn unbalanced_quotation_marks_are_a_diagnostic_not_a_failure() {
    let text =
        "“Jobs are coming back,” she said.\n\nThe senator said the plan was “dead on arrival.\n";
    let assert = quotegraph()
        .args(["extract", "--format", "jsonl", "--diagnostics"])
        .write_stdin(text)
        .assert()
        .success()
        .stderr(predicate::str::contains("unbalanced"));
    let quotes = jsonl(&assert.get_output().stdout);
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert_eq!(quotes[0]["content"], "Jobs are coming back,");
    assert_eq!(quotes[0]["speaker_mention"], "she");
    assert!(
        quotes[0]["speaker"].is_null(),
        "no one for `she` to refer to"
    );
    // The stray mark neither becomes a quote of its own nor hides the reported speech.
    assert_eq!(quotes[1]["kind"], "mixed");
    assert_eq!(quotes[1]["speaker_type"], "person");
}

#[test]
fn trailing_page_boilerplate_is_not_quoted() {
    let text = "Talks resumed on Monday.\n\n“We expect progress,” the envoy said.\n\nPopular Categories\nPolitics\n“Subscribe” said the newsletter\n";
    let out = stdout_of(&["extract", "--format", "jsonl"], Some(text));
    let quotes = jsonl(&out);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0]["content"], "We expect progress,");
}
