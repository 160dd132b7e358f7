//! The store through the real binary: ingest is idempotent, a killed ingest leaves the store as
//! it was after its last whole batch, two processes on one store either both work or one is
//! told the store is busy, damaged or foreign files are refused by name, names several
//! entities share are listed, dates and outlets filter, `build` of 200 invented articles writes
//! every file with and without Graphviz, and Python's `sqlite3` runs a query from docs/STORE.md.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

mod common;
#[path = "common/news.rs"]
mod news;

fn quotegraph() -> Command {
    Command::cargo_bin("quotegraph").unwrap()
}

fn ingest(db: &Path, input: &Path, batch: usize) -> String {
    let out = quotegraph()
        .args(["ingest", "--quiet", "--batch", &batch.to_string(), "--db"])
        .arg(db)
        .arg(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// What a store holds, as the exports show it: the whole graph and the articles' facts.
fn contents(db: &Path) -> (String, String) {
    let run = |f: &str| {
        let out = quotegraph()
            .args(["export", "-f", f, "--db"])
            .arg(db)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    (run("json"), run("facts"))
}

fn articles_in(db: &Path) -> usize {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    c.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
        .map_or(0, |n| n as usize)
}

#[test]
fn ingesting_twice_gives_the_same_store() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    news::write_jsonl(&input, 0..60);
    let db = dir.path().join("q.db");
    assert!(ingest(&db, &input, 25).contains("60 read, 60 added, 0 replaced, 0 unchanged"));
    let first = contents(&db);
    assert!(ingest(&db, &input, 7).contains("60 read, 0 added, 0 replaced, 60 unchanged"));
    assert_eq!(contents(&db), first);
    // In one store or batch by batch, in another order: the same exports.
    let other = dir.path().join("other.db");
    let reversed = dir.path().join("reversed.jsonl");
    let lines: Vec<String> = std::fs::read_to_string(&input)
        .unwrap()
        .lines()
        .rev()
        .map(str::to_string)
        .collect();
    std::fs::write(&reversed, lines.join("\n")).unwrap();
    ingest(&other, &reversed, 1000);
    assert_eq!(contents(&other), first);
}

#[test]
fn a_killed_ingest_leaves_the_store_as_after_its_last_whole_batch() {
    let dir = tempfile::tempdir().unwrap();
    let (first, more) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    news::write_jsonl(&first, 0..40);
    news::write_jsonl(&more, 40..1040);
    let db = dir.path().join("q.db");
    ingest(&db, &first, 40);
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("quotegraph"))
        .args(["ingest", "--quiet", "--batch", "100", "--db"])
        .arg(&db)
        .arg(&more)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once a batch or two are in: it is then in the middle of another.
    let start = Instant::now();
    while articles_in(&db) < 140 && start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let n = articles_in(&db);
    assert!((140..1040).contains(&n), "{n} articles after the kill");
    assert_eq!((n - 40) % 100, 0, "a batch was cut: {n} articles");
    // The store is the one the whole batches make.
    let whole = dir.path().join("whole.jsonl");
    news::write_jsonl(&whole, 0..n);
    let fresh = dir.path().join("fresh.db");
    ingest(&fresh, &whole, 1000);
    assert_eq!(contents(&db), contents(&fresh));
    // And ingest picks up where it stopped.
    assert!(ingest(&db, &more, 500).contains(&format!("{} added", 1040 - n)));
}

#[test]
fn two_writers_both_work_or_one_is_told_the_store_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    news::write_jsonl(&a, 0..150);
    news::write_jsonl(&b, 150..300);
    let db = dir.path().join("q.db");
    ingest(&db, &a, 150);
    // Two at once: their batches take turns.
    let spawn = |input: &Path| {
        Process::new(assert_cmd::cargo::cargo_bin("quotegraph"))
            .args(["ingest", "--quiet", "--batch", "20", "--db"])
            .arg(&db)
            .arg(input)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (x, y) = (spawn(&a), spawn(&b));
    for c in [x, y] {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(articles_in(&db), 300);
    let both = dir.path().join("both.jsonl");
    news::write_jsonl(&both, 0..300);
    let fresh = dir.path().join("fresh.db");
    ingest(&fresh, &both, 1000);
    assert_eq!(contents(&db), contents(&fresh));
    // A writer that does not let go: the other gives up with one clear line.
    let hold = rusqlite::Connection::open(&db).unwrap();
    hold.execute_batch("BEGIN IMMEDIATE").unwrap();
    let extra = dir.path().join("c.jsonl");
    news::write_jsonl(&extra, 300..310);
    quotegraph()
        .env("QUOTEGRAPH_BUSY_TIMEOUT", "0.2")
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(&extra)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("q.db: store is busy"));
    hold.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn files_that_are_not_stores_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let query = |db: &Path| {
        quotegraph()
            .args(["who-said", "harbour", "--db"])
            .arg(db)
            .assert()
            .code(1)
    };
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "not a database at all, just words").unwrap();
    query(&text).stderr(predicate::str::contains("notes.db: not a quotegraph store"));
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    query(&other).stderr(predicate::str::contains("other.db: not a quotegraph store"));
    // A store from a newer quotegraph.
    let input = dir.path().join("n.jsonl");
    news::write_jsonl(&input, 0..5);
    let newer = dir.path().join("newer.db");
    ingest(&newer, &input, 10);
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute(
            "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
            [],
        )
        .unwrap();
    query(&newer).stderr(predicate::str::contains(
        "newer.db: store schema_version 99 is not one this quotegraph reads (it reads 4)",
    ));
    // A damaged store: its tables cut short.
    let damaged = dir.path().join("damaged.db");
    ingest(&damaged, &input, 10);
    let bytes = std::fs::read(&damaged).unwrap();
    std::fs::write(&damaged, &bytes[..bytes.len() / 3]).unwrap();
    let out = quotegraph()
        .args(["entities", "-f", "jsonl", "--db"])
        .arg(&damaged)
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.starts_with("quotegraph: ") && err.contains("damaged.db"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

fn built(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    news::write_jsonl(&input, 0..n);
    let db = dir.path().join("q.db");
    ingest(&db, &input, 100);
    (dir, db)
}

fn stdout(args: &[&str], db: &Path) -> String {
    let out = quotegraph()
        .args(args)
        .arg("--db")
        .arg(db)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn a_name_several_entities_share_lists_them() {
    let (_dir, db) = built(80);
    // Two people are called Berg: a last name alone is not enough.
    quotegraph()
        .args(["stances", "Berg", "--db"])
        .arg(&db)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("\"Berg\" is ")
                .and(predicate::str::contains("Anna Berg"))
                .and(predicate::str::contains("Olof Berg"))
                .and(predicate::str::contains("give a fuller name, or --all")),
        );
    let all: Value =
        serde_json::from_str(&stdout(&["stances", "Berg", "--all", "-f", "json"], &db)).unwrap();
    let speakers: std::collections::BTreeSet<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["speaker"].as_str().unwrap())
        .collect();
    assert!(
        speakers.contains("Anna Berg") && speakers.contains("Olof Berg"),
        "{speakers:?}"
    );
    assert!(stdout(&["stances", "Anna Berg"], &db).contains("Anna Berg"));
    quotegraph()
        .args(["neighbors", "Varnhold", "--db"])
        .arg(&db)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no entity named \"Varnhold\"")
                .and(predicate::str::contains("Ilse Varnholt")),
        );
}

#[test]
fn quotes_know_their_dates_and_outlets_and_queries_filter_by_them() {
    let (_dir, db) = built(80);
    let hits: Value =
        serde_json::from_str(&stdout(&["who-said", "proud of", "-f", "json"], &db)).unwrap();
    let occurrences: Vec<&Value> = hits
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|h| h["quotes"].as_array().unwrap())
        .flat_map(|q| q["occurrences"].as_array().unwrap())
        .collect();
    assert!(!occurrences.is_empty());
    assert!(occurrences
        .iter()
        .all(|o| o["date"].as_str().unwrap().starts_with("2031-") && o["source"].is_string()));
    let march: Value = serde_json::from_str(&stdout(
        &[
            "who-said",
            "proud of",
            "-f",
            "json",
            "--since",
            "2031-03-01",
            "--until",
            "2031-03-31",
            "--source",
            "valley courier",
        ],
        &db,
    ))
    .unwrap();
    for o in march
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|h| h["quotes"].as_array().unwrap())
        .flat_map(|q| q["occurrences"].as_array().unwrap())
    {
        assert!(o["date"].as_str().unwrap().starts_with("2031-03"), "{o}");
        assert_eq!(o["source"], "Valley Courier");
    }
    // A stance over time: one row per month.
    let by_month: Value = serde_json::from_str(&stdout(
        &["stances", "Ilse Varnholt", "--by", "month", "-f", "json"],
        &db,
    ))
    .unwrap();
    let months: std::collections::BTreeSet<&str> = by_month
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["period"].as_str().unwrap())
        .collect();
    assert!(months.len() > 2, "{months:?}");
    assert!(months.iter().all(|m| m.starts_with("2031-")));
}

#[test]
fn build_of_200_articles_writes_every_file_with_and_without_graphviz() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    news::write_jsonl(&input, 0..200);
    let files = [
        "quotegraph.db",
        "graph.json",
        "graph.dot",
        "graph.svg",
        "graph.graphml",
        "graph.gexf",
        "graph.cyjs",
        "index.html",
    ];
    let mut runs: Vec<(&str, Option<&str>)> = vec![("pure", Some(""))];
    if common::tool("dot", "-V").is_some() {
        runs.push(("graphviz", None));
    }
    for (name, path) in runs {
        let out = dir.path().join(name);
        let mut cmd = quotegraph();
        if let Some(p) = path {
            cmd.env("PATH", p); // no Graphviz to be found
        }
        cmd.args(["build", "--quiet", "-o"])
            .arg(&out)
            .arg(&input)
            .timeout(Duration::from_secs(300))
            .assert()
            .success()
            .stdout(predicate::str::contains("200 articles"));
        for f in files {
            let len = std::fs::metadata(out.join(f)).map_or(0, |m| m.len());
            assert!(len > 0, "{name}: {f} is missing or empty");
        }
        // The GEXF is dynamic: the corpus has dates.
        let gexf = std::fs::read_to_string(out.join("graph.gexf")).unwrap();
        assert!(gexf.contains("mode=\"dynamic\"") && gexf.contains("start=\"2031-"));
        let doc = roxmltree::Document::parse(&gexf).unwrap();
        assert!(doc.descendants().any(|n| n.has_tag_name("edge")));
    }
}

#[test]
fn python_reads_the_store_with_a_documented_query() {
    let Some(python) = ["/usr/bin/python3", "python3"].iter().find(|p| {
        Process::new(p)
            .args(["-c", "import sqlite3"])
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        assert!(
            std::env::var_os("QUOTEGRAPH_REQUIRE_TOOLS").is_none(),
            "python3 is required (QUOTEGRAPH_REQUIRE_TOOLS is set) but not installed"
        );
        eprintln!("note: python3 not installed; skipping");
        return;
    };
    let (_dir, db) = built(40);
    // The queries as docs/STORE.md gives them.
    let doc = std::fs::read_to_string("docs/STORE.md").unwrap();
    let block = |name: &str| -> String {
        let start = doc.find(&format!("-- {name}\n")).expect(name);
        let rest = &doc[start..];
        rest[..rest.find("```").unwrap()].to_string()
    };
    let script = format!(
        r#"
import json, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
speakers = con.execute("""{}""").fetchall()
found = con.execute("""{}""", ("harbour",)).fetchall()
print(json.dumps([speakers, found]))
"#,
        block("who is quoted most"),
        block("who said a word")
    );
    let o = Process::new(python)
        .args(["-c", &script])
        .arg(&db)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let got: Value = serde_json::from_slice(&o.stdout).unwrap();
    let speakers = got[0].as_array().unwrap();
    assert!(!speakers.is_empty());
    assert!(speakers[0][1].as_i64().unwrap() > 0);
    let found = got[1].as_array().unwrap();
    assert!(found
        .iter()
        .all(|r| r[0].as_str().unwrap().to_lowercase().contains("harbour")));
    // Character offsets slice Python strings: the quote's content is text[a:b] of the
    // article (the invented articles are ASCII but for their curly quotation marks).
    let facts = stdout(&["export", "-f", "facts"], &db);
    let check = r#"
import json, sys
texts = {}
for line in open(sys.argv[1]):
    r = json.loads(line); texts[r["id"]] = r["text"]
for line in sys.stdin:
    f = json.loads(line)
    for q in f["quotes"]:
        assert texts[f["doc_id"]][q["char_start"]:q["char_end"]] == q["content"], q
print("ok")
"#;
    let input = db.with_file_name("news.jsonl");
    let mut child = Process::new(python)
        .args(["-c", check])
        .arg(&input)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), facts.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn build_extracts_again_what_another_extractor_stored() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    news::write_jsonl(&input, 0..12);
    let build = |out: &Path| {
        quotegraph()
            .args(["build", "--quiet", "--pure-rust-svg", "-o"])
            .arg(out)
            .arg(&input)
            .assert()
            .success();
    };
    let fresh = dir.path().join("fresh");
    build(&fresh);
    let out = dir.path().join("out");
    build(&out);
    // Facts as another extractor left them: a title that this code does not make.
    let db = out.join("quotegraph.db");
    let tamper = |fingerprint: Option<&str>| {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute(
            "UPDATE articles SET title = 'Made by another extractor'",
            [],
        )
        .unwrap();
        if let Some(f) = fingerprint {
            c.execute("UPDATE meta SET value = ?1 WHERE key = 'extractor'", [f])
                .unwrap();
        }
    };
    let graph = |d: &Path| std::fs::read_to_string(d.join("graph.json")).unwrap();
    // The same fingerprint: unchanged articles are not extracted again (the store is trusted).
    tamper(None);
    build(&out);
    assert!(graph(&out).contains("Made by another extractor"));
    // Another fingerprint: every article is extracted again, and the graph is this code's.
    tamper(Some("0.0.1+0000000000000000"));
    build(&out);
    assert_eq!(graph(&out), graph(&fresh));
    let c = rusqlite::Connection::open(&db).unwrap();
    let f: String = c
        .query_row("SELECT value FROM meta WHERE key = 'extractor'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(f, quotegraph::facts::EXTRACTOR);
}

#[test]
fn build_makes_its_own_store_again_when_it_is_damaged_or_of_another_version() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    news::write_jsonl(&input, 0..6);
    let out = dir.path().join("out");
    let build = || {
        quotegraph()
            .args(["build", "--quiet", "--pure-rust-svg", "-o"])
            .arg(&out)
            .arg(&input)
            .assert()
            .success()
    };
    build();
    let first = std::fs::read_to_string(out.join("graph.json")).unwrap();
    let c = rusqlite::Connection::open(out.join("quotegraph.db")).unwrap();
    c.execute(
        "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
        [],
    )
    .unwrap();
    drop(c);
    build().stderr(predicate::str::contains("it is made again from the input"));
    assert_eq!(
        std::fs::read_to_string(out.join("graph.json")).unwrap(),
        first
    );
}
