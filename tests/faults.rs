//! Input faults through the real binary, one test per class: altered graph files, merging
//! views or changed articles, a closed pipe, nothing readable, broken bytes and odd files,
//! sizes above the limits. What a user sees is asserted: the exit code, the one stderr line,
//! and that the rest is read. Articles are invented. (Output faults: `tests/output_faults.rs`.)

use std::io::Read;
use std::path::Path;
use std::process::{Command as Process, Stdio};

use serde_json::{json, Value};

#[path = "support/faults.rs"]
#[allow(dead_code)]
mod support;
use support::*;

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
    let mut dangling = good.clone();
    dangling["edges"][0]["target"] = json!("person:nobody-at-all");
    let mut twice = good.clone();
    let first = twice["nodes"][article].clone();
    twice["nodes"].as_array_mut().unwrap().push(first);
    let mut wrong_type = good.clone();
    wrong_type["nodes"][0]["mentions"] = json!("many");
    let text = good.to_string();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "dangling.json",
            dangling.to_string().into_bytes(),
            "no node \"person:nobody-at-all\" in the file",
        ),
        (
            "twice.json",
            twice.to_string().into_bytes(),
            "id given twice",
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
    // graph.json carries no facts (the store and fact shards do): not a part to merge.
    let o = quotegraph()
        .arg("merge")
        .arg(out.join("graph.json"))
        .arg("-o")
        .arg(dir.path().join("m"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("graph.json: a graph written without its articles' facts"),
        "{err}"
    );
    // The same article id with other text in a second part: said, the last part's kept.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let changed = other.join("c.jsonl");
    let text = "“Nothing changes,” said Mayor Ilse Brandt.";
    std::fs::write(&changed, json!({"id": "c-0", "text": text}).to_string()).unwrap();
    build(&changed, &other.join("graphs"));
    let o = quotegraph()
        .arg("merge")
        .arg(out.join("quotegraph.db"))
        .arg(other.join("graphs/quotegraph.db"))
        .arg("-o")
        .arg(dir.path().join("m3"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("warning: 1 article(s) appear in several parts with different text")
            && err.contains("the last part's is kept"),
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

#[test]
fn a_closed_stderr_is_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    // Errors and warnings for a reader that went away: the exit code stays the documented one.
    for (args, code) in [
        (&["build", "--quiet", "-o", "out", "nowhere.txt"][..], 1),
        (&["who-said", "x", "--db", "no.db"][..], 1),
    ] {
        let mut child = Process::new(bin())
            .current_dir(dir.path())
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "{args:?}");
    }
}
