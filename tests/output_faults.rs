//! Output faults through the real binary, one test per class: an output folder another run
//! is writing, two runs at once, a full disk, a killed run, a run stopped while Graphviz draws,
//! and hostile article text in every export. The old output must stay whole, the new one be
//! whole, and no file be made of two runs. Articles are invented.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::Duration;

use serde_json::json;

mod common;
use common::tool;

#[path = "support/faults.rs"]
#[allow(dead_code)]
mod support;
use support::*;

#[cfg(unix)]
#[test]
fn a_folder_another_run_is_writing_is_refused_and_left_whole() {
    let (dir, out) = built();
    let before = files(&out);
    let lock = std::fs::File::options()
        .write(true)
        .open(out.join(".quotegraph.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let other = corpus(dir.path(), "other", 2);
    let o = quotegraph()
        .arg("build")
        .arg(&other)
        .args(["--quiet", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("another quotegraph run is writing this folder"),
        "{err}"
    );
    assert_eq!(files(&out), before);
    drop(lock);
    build(&other, &out);
}

#[test]
fn two_runs_into_one_folder_never_leave_a_file_made_of_both() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = corpus(d, "a", 60);
    let b = corpus(d, "b", 90);
    let out = d.join("graphs");
    for _ in 0..4 {
        let run = |input: &Path| {
            Process::new(bin())
                .arg("build")
                .arg(input)
                .args(["--quiet", "--pure-rust-svg", "-o"])
                .arg(&out)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (x, y) = (run(&a), run(&b));
        let (x, y) = (x.wait_with_output().unwrap(), y.wait_with_output().unwrap());
        for o in [&x, &y] {
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(
                o.status.success() || err.contains("another quotegraph run is writing"),
                "{err}"
            );
        }
        assert!(x.status.success() || y.status.success());
        // Every file whole, and all of them from one run.
        let graph = std::fs::read(out.join("graph.json")).unwrap();
        let ids = article_ids(&graph);
        let from_a = ids.len() == 60 && ids[0].starts_with("article:a-");
        let from_b = ids.len() == 90 && ids[0].starts_with("article:b-");
        assert!(from_a || from_b, "{} articles", ids.len());
        let graphml = std::fs::read_to_string(out.join("graph.graphml")).unwrap();
        roxmltree::Document::parse(&graphml).expect("whole GraphML");
        let prefix = if from_a { "article:a-" } else { "article:b-" };
        assert!(graphml.contains(prefix));
        assert!(!names(&out).iter().any(|n| n.ends_with(".tmp")));
    }
}

/// `build` with its files limited to `blocks` of 512 bytes (`ulimit -f`): the write that passes
/// the limit fails as it would on a full disk (`ignore`: the signal is ignored, the write
/// returns an error) or the process is killed there (the default).
fn limited_build(input: &Path, out: &Path, blocks: u32, ignore: bool) -> std::process::Output {
    let trap = if ignore { "trap '' XFSZ; " } else { "" };
    let script = format!("{trap}ulimit -f {blocks}; exec \"$0\" \"$@\"");
    Process::new("sh")
        .args(["-c", &script])
        .arg(bin())
        .arg("build")
        .arg(input)
        .args(["--quiet", "--pure-rust-svg", "-o"])
        .arg(out)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_full_disk_or_a_killed_run_leaves_the_old_output_whole() {
    let (dir, out) = built();
    // The exports; the store (`quotegraph.db`) is checked by reading it.
    let exports = |d: &Path| -> Vec<(String, Vec<u8>)> {
        files(d)
            .into_iter()
            .filter(|(n, _)| !n.starts_with("quotegraph.db") && !n.ends_with(".tmp"))
            .collect()
    };
    let before = exports(&out);
    let big = corpus(dir.path(), "big", 400);
    // A full disk: one clear line naming the file, exit 2, every old export as it was, the
    // store as it was before the failed batch.
    let o = limited_build(&big, &out, 64, true);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("quotegraph.db")
            || err.contains("not written (any old file is left as it was)"),
        "{err}"
    );
    assert_eq!(exports(&out), before);
    let ids = |db: &Path| -> usize {
        let o = Process::new(bin())
            .args(["entities", "-f", "json", "--db"])
            .arg(db)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_slice::<serde_json::Value>(&o.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    let entities_before = ids(&out.join("quotegraph.db"));
    assert!(entities_before > 0);
    // Killed while writing: the old exports stay whole, the store readable; the next run
    // clears what it left and writes everything.
    let o = limited_build(&big, &out, 64, false);
    assert!(!o.status.success());
    assert_eq!(exports(&out), before);
    assert_eq!(ids(&out.join("quotegraph.db")), entities_before);
    build(&big, &out);
    assert!(
        !names(&out).iter().any(|n| n.ends_with(".tmp")),
        "{:?}",
        names(&out)
    );
    assert_eq!(
        article_ids(&std::fs::read(out.join("graph.json")).unwrap()).len(),
        400
    );
}

/// Articles carrying every kind of text that could break an export.
fn hostile(dir: &Path) -> PathBuf {
    let payloads = [
        "<!--<script>alert(1)</script>",
        "=HYPERLINK(\"http://example.invalid\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "not\u{fffe}chars\u{ffff}",
        "ctrl \u{1b}[31m \u{7} \u{0} \u{8} \u{b} end",
        "\"]; x -> y; a [label=\"\\",
        "tab\there\r\nnew line",
    ];
    let mut lines = String::new();
    for (k, p) in payloads.iter().enumerate() {
        let text = format!(
            "“{p} is not welcome in Porvenna,” said Mayor Ilse Brandt.\n\n\
             “We reject {p} and the plan for Canada,” Senator {p} Reyl told reporters."
        );
        let record = json!({"id": format!("h{k}-{p}"), "title": format!("On {p}"), "text": text});
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    let path = dir.join("hostile.jsonl");
    std::fs::write(&path, lines).unwrap();
    path
}

#[test]
fn hostile_text_is_escaped_in_every_export() {
    let dir = tempfile::tempdir().unwrap();
    let input = hostile(dir.path());
    let out = dir.path().join("graphs");
    build(&input, &out);
    for f in ["graph.graphml", "graph.gexf", "graph.svg"] {
        let text = std::fs::read_to_string(out.join(f)).unwrap();
        if let Err(e) = roxmltree::Document::parse(&text) {
            panic!("{f} is not well-formed XML: {e}");
        }
    }
    // The page: its data cannot end the script element nor open a comment.
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(page.contains("alert(1)"), "the hostile text is in the page");
    assert!(!page.contains("<!--<script>alert") && !page.contains("</script>alert"));
    // DOT: every statement parses back.
    let dot = std::fs::read_to_string(out.join("graph.dot")).unwrap();
    graphviz_rust::parse(&dot).expect("the DOT parses");
    let dot_all = quotegraph()
        .args([
            "export",
            "-f",
            "dot",
            "--quotes",
            "--max-nodes",
            "0",
            "--graph",
        ])
        .arg(out.join("graph.json"))
        .output()
        .unwrap();
    let dot_all = String::from_utf8(dot_all.stdout).unwrap();
    graphviz_rust::parse(&dot_all).expect("the DOT with quotes parses");
    assert!(!dot_all.contains('\u{fffe}') && !dot_all.contains('\u{1b}'));
    // Graphviz draws it as well-formed SVG (skipped without Graphviz, unless required).
    if let Some(dot) = tool("dot", "-V") {
        let mut child = Process::new(dot)
            .arg("-Tsvg")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        std::io::Write::write_all(&mut stdin, dot_all.as_bytes()).unwrap();
        drop(stdin);
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success());
        let svg = String::from_utf8(o.stdout).unwrap();
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        if let Err(e) = roxmltree::Document::parse_with_options(&svg, options) {
            panic!("Graphviz's SVG of the DOT is not well-formed: {e}");
        }
    }
    // CSV: every text cell quoted, none starts a formula.
    let csv = dir.path().join("csv");
    quotegraph()
        .args(["export", "-f", "neo4j-csv", "--graph"])
        .arg(out.join("graph.json"))
        .arg("-o")
        .arg(&csv)
        .assert()
        .success();
    let nodes = std::fs::read_to_string(csv.join("nodes.csv")).unwrap();
    let mut reader = csv_cells(&nodes);
    assert!(reader.len() > 5);
    reader.retain(|c| c.starts_with(['=', '+', '-', '@']));
    assert!(reader.is_empty(), "formula cells: {reader:?}");
    assert!(nodes.contains("\"'+cmd|"), "{nodes}");
    // The terminal: no escape sequence reaches it.
    for args in [
        vec!["extract", "-f", "table", input.to_str().unwrap()],
        vec!["who-said", "welcome", "--graph"],
        vec!["quotes", "--graph"],
    ] {
        let mut cmd = quotegraph();
        cmd.args(&args);
        if args[0] != "extract" {
            cmd.arg(out.join("graph.json"));
        }
        let o = cmd.output().unwrap();
        let text = String::from_utf8(o.stdout).unwrap();
        assert!(
            o.status.success() && text.contains("Brandt"),
            "{args:?}: {text}"
        );
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {text:?}"
        );
    }
}

/// The cells of a CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks).
fn csv_cells(text: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',' | '\n', false) => cells.push(std::mem::take(&mut cell)),
            (c, _) => cell.push(c),
        }
    }
    cells
}

#[cfg(unix)]
#[test]
fn a_run_stopped_while_graphviz_draws_leaves_every_other_file_whole() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), "c", 6);
    // A Graphviz that never answers.
    let fake = dir.path().join("bin");
    std::fs::create_dir(&fake).unwrap();
    std::fs::write(fake.join("dot"), "#!/bin/sh\nexec sleep 60\n").unwrap();
    std::fs::set_permissions(fake.join("dot"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        fake.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = dir.path().join("graphs");
    let mut child = Process::new(bin())
        .arg("build")
        .arg(&input)
        .args(["--quiet", "-o"])
        .arg(&out)
        .env("PATH", path)
        .env("QUOTEGRAPH_GRAPHVIZ_TIMEOUT", "120")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The files that need no drawing are written before the SVG is drawn.
    let start = std::time::Instant::now();
    while !out.join("index.html").exists() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "index.html never came"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(200));
    child.kill().unwrap();
    child.wait().unwrap();
    let graph = std::fs::read(out.join("graph.json")).unwrap();
    assert_eq!(article_ids(&graph).len(), 6);
    for f in ["graph.graphml", "graph.gexf"] {
        let text = std::fs::read_to_string(out.join(f)).unwrap();
        roxmltree::Document::parse(&text).expect("whole");
    }
    for f in ["graph.dot", "graph.cyjs", "index.html"] {
        assert!(out.join(f).is_file(), "{f}");
    }
    assert!(!out.join("graph.svg").exists(), "no half-drawn picture");
}
