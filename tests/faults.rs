//! Faults outside the happy path, one test per class, through the real binary: altered graph
//! files, a closed pipe, nothing readable, two runs into one folder, a full disk or a killed
//! run, hostile text in every export, broken inputs. What a user sees is asserted: the exit
//! code, the one stderr line, and that the old output stays whole. Articles are invented.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::{json, Value};

mod common;
use common::tool;

fn quotegraph() -> Command {
    let mut cmd = Command::cargo_bin("quotegraph").unwrap();
    cmd.timeout(Duration::from_secs(120));
    cmd
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("quotegraph")
}

/// A small invented corpus of `n` articles as one JSONL file.
fn corpus(dir: &Path, name: &str, n: usize) -> PathBuf {
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
fn build(input: &Path, out: &Path) {
    quotegraph()
        .arg("build")
        .arg(input)
        .args(["--quiet", "--pure-rust-svg", "-o"])
        .arg(out)
        .assert()
        .success();
}

/// The built graph of a small corpus, and the folder holding it.
fn built() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), "c", 4);
    let out = dir.path().join("graphs");
    build(&input, &out);
    (dir, out)
}

/// Every file of a folder with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
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

fn names(dir: &Path) -> Vec<String> {
    files(dir).into_iter().map(|(n, _)| n).collect()
}

#[test]
fn altered_graph_files_are_one_clear_error_with_exit_1() {
    let (dir, out) = built();
    let good: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
    let article = good["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .position(|n| n["kind"] == "article")
        .unwrap();
    let mut stance = good.clone();
    stance["nodes"][article]["facts"]["stances"] =
        json!([{"quote": 40, "kind": "place", "name": "Porvenna", "score": -0.5}]);
    let mut wrong_type = good.clone();
    wrong_type["nodes"][0]["mentions"] = json!("many");
    let text = good.to_string();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "stance.json",
            stance.to_string().into_bytes(),
            "stance 0 points at quote 40",
        ),
        (
            "types.json",
            wrong_type.to_string().into_bytes(),
            "invalid type: string \"many\"",
        ),
        (
            "truncated.json",
            text.as_bytes()[..text.len() / 2].to_vec(),
            "EOF while parsing",
        ),
        ("empty.json", Vec::new(), "EOF while parsing"),
        (
            "latin1.json",
            b"{\"nodes\": \"caf\xe9\"}".to_vec(),
            "valid UTF-8",
        ),
        ("missing.json", Vec::new(), "No such file"),
    ];
    for (name, bytes, want) in cases {
        let path = dir.path().join(name);
        if name != "missing.json" {
            std::fs::write(&path, bytes).unwrap();
        }
        for args in [
            vec!["merge", path.to_str().unwrap(), "-o", "merged"],
            vec!["who-said", "bridge", "--graph", path.to_str().unwrap()],
            vec!["export", "-f", "graphml", "--graph", path.to_str().unwrap()],
        ] {
            let o = quotegraph()
                .current_dir(dir.path())
                .args(&args)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(1), "{name} {args:?}: {err}");
            assert_eq!(err.lines().count(), 1, "{name}: {err}");
            assert!(err.contains(name) && err.contains(want), "{name}: {err}");
            assert!(o.stdout.is_empty(), "{name}");
        }
    }
}

#[test]
fn merging_a_view_without_facts_or_a_changed_article_is_said() {
    let (dir, out) = built();
    let view = dir.path().join("view.json");
    quotegraph()
        .args(["export", "-f", "json", "--graph"])
        .arg(out.join("graph.json"))
        .arg("-o")
        .arg(&view)
        .assert()
        .success();
    let o = quotegraph()
        .arg("merge")
        .arg(&view)
        .arg("-o")
        .arg(dir.path().join("m"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    // A whole-graph export keeps the facts; a narrowed one does not.
    assert!(o.status.success(), "{err}");
    let narrow = dir.path().join("narrow.json");
    quotegraph()
        .args([
            "export",
            "-f",
            "json",
            "--quotes",
            "--max-nodes",
            "5",
            "--graph",
        ])
        .arg(out.join("graph.json"))
        .arg("-o")
        .arg(&narrow)
        .assert()
        .success();
    let o = quotegraph()
        .arg("merge")
        .arg(&narrow)
        .arg("-o")
        .arg(dir.path().join("m2"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("articles without their facts"), "{err}");
    // The same article id with other text in a second part: said, the first kept.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let changed = other.join("c.jsonl");
    let text = "“Nothing changes,” said Mayor Ilse Brandt.";
    std::fs::write(&changed, json!({"id": "c-0", "text": text}).to_string()).unwrap();
    build(&changed, &other.join("graphs"));
    let o = quotegraph()
        .arg("merge")
        .arg(out.join("graph.json"))
        .arg(other.join("graphs/graph.json"))
        .arg("-o")
        .arg(dir.path().join("m3"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("warning: article \"c-0\" differs between") && err.contains("first is kept"),
        "{err}"
    );
}

/// Runs the binary with its stdout a pipe that is closed before it writes: it must exit 0 and
/// report no error.
fn closed_pipe(dir: &Path, args: &[&str]) {
    let mut child = Process::new(bin())
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{args:?}: {err}");
    // Nothing but the note saying which renderer drew an SVG.
    assert!(
        err.lines()
            .all(|l| l.starts_with("quotegraph: SVG drawn by")),
        "{args:?}: {err}"
    );
}

#[test]
fn a_closed_pipe_is_success_for_every_command_and_format() {
    let (dir, _out) = built();
    let d = dir.path();
    let input = corpus(d, "many", 300);
    let input = input.to_str().unwrap();
    for f in ["jsonl", "json", "table"] {
        closed_pipe(d, &["extract", "-f", f, input]);
        closed_pipe(d, &["entities", "-f", f, "--graph", "graphs/graph.json"]);
    }
    for f in [
        "dot",
        "svg",
        "json",
        "graphml",
        "gexf",
        "cytoscape",
        "neo4j-csv",
        "html",
    ] {
        closed_pipe(
            d,
            &[
                "export",
                "-f",
                f,
                "--graph",
                "graphs/graph.json",
                "--pure-rust-svg",
            ],
        );
    }
    for f in ["table", "json"] {
        let g = ["--graph", "graphs/graph.json", "-f", f];
        closed_pipe(d, &[&["who-said", "bridge"], &g[..]].concat());
        closed_pipe(d, &[&["quotes"], &g[..]].concat());
        closed_pipe(d, &[&["stances"], &g[..]].concat());
        closed_pipe(d, &[&["neighbors", "Ilse Brandt"], &g[..]].concat());
        closed_pipe(
            d,
            &[&["path", "Ilse Brandt", "Tomas Reyl"], &g[..]].concat(),
        );
    }
    closed_pipe(
        d,
        &["build", input, "--quiet", "--pure-rust-svg", "-o", "g2"],
    );
}

#[test]
fn nothing_readable_exits_1_as_the_readme_says() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("bin.txt"), b"\x00\x01\x02\x03").unwrap();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    let inputs = ["bin.txt", "empty.txt", "nowhere.txt"];
    for args in [
        &["build", "--quiet", "-o", "out"][..],
        &["extract"][..],
        &["entities", "--format", "json"][..],
    ] {
        let o = quotegraph()
            .current_dir(d)
            .args(args)
            .args(inputs)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        for name in inputs {
            assert!(err.contains(name), "{args:?}: {err}");
        }
        assert!(err.contains("no readable articles"), "{args:?}: {err}");
        assert!(!d.join("out").exists(), "nothing written");
    }
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(
        readme.contains("| 1 | the input could not be used"),
        "README documents exit 1"
    );
}

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

/// The articles a graph file names, as a set of ids.
fn article_ids(graph_json: &[u8]) -> Vec<String> {
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
    let before = files(&out);
    let big = corpus(dir.path(), "big", 400);
    // A full disk: one clear line, exit 2, every old file as it was, no temporary file left.
    let o = limited_build(&big, &out, 64, true);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("graph.json: not written (any old file is left as it was)")
            && err.contains("too large"),
        "{err}"
    );
    assert_eq!(files(&out), before);
    // Killed while writing: the old files stay whole; the next run clears what it left.
    let o = limited_build(&big, &out, 64, false);
    assert!(!o.status.success());
    let left: Vec<(String, Vec<u8>)> = files(&out)
        .into_iter()
        .filter(|(n, _)| !n.ends_with(".tmp"))
        .collect();
    assert_eq!(left, before);
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
fn broken_inputs_cost_only_themselves() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    std::fs::create_dir_all(d.join("sub")).unwrap();
    // One bad byte, one NUL and wrong types in a JSONL file: only their lines are lost.
    let mut jsonl = Vec::new();
    let rec = |id: &str, who: &str| {
        json!({"id": id, "text": format!("“The ferry runs again,” said Mayor {who}.")}).to_string()
    };
    jsonl.extend(rec("j1", "Ilse Brandt").bytes());
    jsonl.extend(b"\n{\"id\": \"j2\", \"text\": \"bad \xff byte\"}\n");
    jsonl.extend(rec("j3", "Tomas Reyl").bytes());
    jsonl.extend(b"\n{\"id\": [\"j4\"], \"text\": \"wrong type\"}\n");
    jsonl.extend(rec("j1", "Wanda Okafor").bytes());
    jsonl.extend(b"\n");
    jsonl.extend(rec("j5", "Per Lindqvist").bytes());
    std::fs::write(d.join("a.jsonl"), jsonl).unwrap();
    // A text with a NUL and a stray byte in the middle: kept, the damage reported.
    let mut text = "“The mill stays open,” said Mayor Wanda Okafor. "
        .as_bytes()
        .to_vec();
    text.extend(b"\x00 and \xff then ");
    text.extend("“It will grow,” Okafor said. Some more words follow here.".as_bytes());
    std::fs::write(d.join("b.txt"), text).unwrap();
    // Two symlink loops, a FIFO and a file beside them.
    std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
    std::os::unix::fs::symlink(".", d.join("sub/here")).unwrap();
    let fifo = d.join("sub/pipe.txt");
    assert!(Process::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::fs::write(
        d.join("sub/c.txt"),
        "“The road is closed,” said Senator Per Lindqvist.",
    )
    .unwrap();
    let o = quotegraph()
        .args(["extract", "-f", "jsonl"])
        .arg(&d)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{err}");
    let docs: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["doc_id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    for id in ["j1", "j3", "j5", "b", "c"] {
        assert!(docs.iter().any(|d| d == id), "{id} missing: {docs:?} {err}");
    }
    let want = [
        "a.jsonl:2: invalid UTF-8",
        "a.jsonl:4: ",
        "\"j1\"",
        "b.txt",
        "NUL",
        "pipe.txt: not a regular file",
        "symlink loop",
    ];
    for w in want {
        assert!(err.contains(w), "{w}: {err}");
    }
    // Each file read once, whatever the loops.
    assert_eq!(docs.iter().filter(|d| *d == "c").count(), 1, "{docs:?}");
}

#[test]
fn a_file_above_the_limit_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "“Words,” said Mayor Ilse Brandt. ".repeat(100)).unwrap();
    let small = corpus(dir.path(), "small", 1);
    let o = quotegraph()
        .args(["extract", "--max-file-bytes", "1000"])
        .arg(&big)
        .arg(&small)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("big.txt: larger than the limit of 1000 bytes")
            && err.contains("--max-file-bytes"),
        "{err}"
    );
    assert!(!o.stdout.is_empty());
    // One article too long, in a JSONL file: only it is skipped, with the limit and the flag.
    let lines = corpus(dir.path(), "lines", 3);
    let o = quotegraph()
        .args([
            "build",
            "--quiet",
            "--pure-rust-svg",
            "--max-article-bytes",
            "186",
            "-o",
        ])
        .arg(dir.path().join("g"))
        .arg(&lines)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("lines.jsonl:3: article of 189 bytes")
            && err.contains(
                "longer than the limit of 186 bytes for one article (--max-article-bytes)"
            ),
        "{err}"
    );
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
