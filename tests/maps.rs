//! The relationship map through the real binary: bounded views, graph.svg (pure Rust and
//! Graphviz, and Graphviz hanging or failing), index.html in headless Chromium (drawn, no console
//! message, the search zooms to its hit, time to first render), and article text written to
//! break out of DOT strings, XML and script elements. The articles are invented here.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use serde_json::Value;

mod common;
use common::tool;

const FILES: [&str; 7] = [
    "graph.json",
    "graph.dot",
    "graph.svg",
    "graph.graphml",
    "graph.gexf",
    "graph.cyjs",
    "index.html",
];

fn quotegraph() -> Command {
    Command::cargo_bin("quotegraph").unwrap()
}

/// `n` invented articles: 144 invented people speak about ten countries, each quote worded
/// apart, dated through 2031.
fn invented_corpus(dir: &Path, n: usize) -> PathBuf {
    const FIRST: [&str; 12] = [
        "Ilse", "Tomas", "Mara", "Oskar", "Lena", "Pavel", "Nadia", "Jorund", "Edda", "Kasimir",
        "Runa", "Teodor",
    ];
    const LAST: [&str; 12] = [
        "Brandt",
        "Reyl",
        "Velkova",
        "Adeyemi",
        "Soderholm",
        "Marchetti",
        "Okafor",
        "Lindqvist",
        "Duarte",
        "Halloran",
        "Petrov",
        "Ishikawa",
    ];
    const PLACES: [&str; 10] = [
        "France", "Canada", "Brazil", "Japan", "Kenya", "Norway", "Chile", "Egypt", "India",
        "Mexico",
    ];
    const TITLES: [&str; 4] = ["Foreign Minister", "Mayor", "Senator", "Governor"];
    let say = |form: usize, p: &str, t: &str, name: &str, k: usize| {
        match form {
        0 => format!("“We strongly support the new trade agreement number {k} with {p},” {t} {name} said on Tuesday."),
        1 => format!("“The sanctions against {p} are mistake number {k} and we reject them,” {t} {name} told reporters."),
        2 => format!("{t} {name} said that {p} had welcomed round {k} of the talks."),
        3 => format!("“{p} is a reliable partner and we praise its work on project {k},” said {name}."),
        _ => format!("“We condemn attack number {k} on {p},” {name} said."),
    }
    };
    let mut lines = String::new();
    for a in 0..n {
        let text: Vec<String> = (0..5)
            .map(|j| {
                let s = (a * 7 + j * 13) % 144;
                let name = format!("{} {}", FIRST[s % 12], LAST[s / 12]);
                let place = PLACES[(a + j * s) % 10];
                say((a + j) % 5, place, TITLES[s % 4], &name, a * 5 + j)
            })
            .collect();
        let record = serde_json::json!({
            "id": format!("inv-{a:03}"),
            "title": format!("Invented report {a}"),
            "date": format!("2031-{:02}-{:02}", 1 + a % 12, 1 + a % 28),
            "text": text.join("\n\n"),
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    let path = dir.join("invented.jsonl");
    std::fs::write(&path, lines).unwrap();
    path
}

/// Articles whose ids, titles and quotes try to end a script element, open a comment, break a
/// JavaScript string or a DOT string, or carry control characters.
fn hostile_corpus(dir: &Path) -> PathBuf {
    let payloads = [
        "</script><script>console.error('pwned-1')</script>",
        "<!--<script>console.error('pwned-2')//",
        "line\u{2028}break\u{2029}'; console.error('pwned-3'); '",
        "\"]; evil -> graph; x [label=\"\\",
        "ctrl \u{1b}[31m \u{7} \u{0} end",
    ];
    let mut lines = String::new();
    for (k, p) in payloads.iter().enumerate() {
        let text = format!(
            "“{p} is not welcome in France,” said Senator Ilse Brandt.\n\n\
             “We reject {p} and the plan for Canada,” Mayor Tomas Reyl told reporters."
        );
        let record = serde_json::json!({
            "id": format!("h{k}-{p}"),
            "title": format!("Report {p}"),
            "text": text,
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    let path = dir.join("hostile.jsonl");
    std::fs::write(&path, lines).unwrap();
    path
}

fn build(input: &Path, out: &Path, args: &[&str]) -> String {
    let o = quotegraph()
        .arg("build")
        .arg(input)
        .args(["--quiet", "-o"])
        .arg(out)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(o).unwrap()
}

fn well_formed(svg: &str) {
    // Graphviz writes a DOCTYPE; the document must parse with it.
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    if let Err(e) = roxmltree::Document::parse_with_options(svg, options) {
        panic!("graph.svg is not well-formed XML: {e}");
    }
}

/// The data the page embeds.
fn page_data(page: &str) -> Value {
    let start = page
        .find(r#"<script type="application/json" id="data">"#)
        .unwrap();
    let body = &page[start..];
    let body = &body[body.find('>').unwrap() + 1..];
    serde_json::from_str(&body[..body.find("</script>").unwrap()]).unwrap()
}

/// Headless Chromium on `page` (with `#fragment`): (stdout, stderr log).
fn chromium(chromium: &Path, page: &Path, fragment: &str, args: &[String]) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let page = std::fs::canonicalize(page).unwrap();
    let o = Process::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--hide-scrollbars",
            "--window-size=1280,800",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}{fragment}", page.display()))
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{log}");
    (String::from_utf8_lossy(&o.stdout).into_owned(), log)
}

fn console(log: &str) -> Vec<&str> {
    log.lines().filter(|l| l.contains("CONSOLE")).collect()
}

/// Share of pixels in a PNG that are not (near) white, decoded with Python's standard library.
const PNG_INK: &str = r#"
import sys, zlib, struct
data = open(sys.argv[1], "rb").read()
pos, idat, w, h, ctype = 8, b"", 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
bpp = {2: 3, 6: 4}[ctype]
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
ink = 0
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp):
        if min(line[x], line[x + 1], line[x + 2]) < 200:
            ink += 1
    prev = line
print(ink / (w * h))
"#;

fn ink(png: &Path) -> f64 {
    let python = ["/usr/bin/python3", "python3"]
        .iter()
        .find(|p| Process::new(p).arg("--version").output().is_ok())
        .unwrap();
    let o = Process::new(python)
        .args(["-c", PNG_INK])
        .arg(png)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).trim().parse().unwrap()
}

#[test]
fn index_html_draws_the_seed_map_without_console_errors() {
    let Some(chromium_bin) = tool("chromium", "--version") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graphs");
    build(Path::new("corpus"), &out, &[]);
    let shot = dir.path().join("shot.png");
    let args = [format!("--screenshot={}", shot.display())];
    let (_, log) = chromium(&chromium_bin, &out.join("index.html"), "", &args);
    assert!(console(&log).is_empty(), "console: {:#?}", console(&log));
    let share = ink(&shot);
    assert!(share > 0.01, "the screenshot is blank ({share:.4} drawn)");
}

#[test]
fn index_html_of_200_articles_opens_and_its_search_zooms_to_a_name() {
    let Some(chromium_bin) = tool("chromium", "--version") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graphs");
    build(
        &invented_corpus(dir.path(), 200),
        &out,
        &["--pure-rust-svg"],
    );
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    let data = page_data(&page);
    let nodes = data["map"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 100);
    // A person far from the heaviest nodes: the lightest one on the map.
    let target = nodes
        .iter()
        .filter(|n| n["kind"] == "person")
        .min_by_key(|n| n["weight"].as_u64().unwrap())
        .unwrap();
    let (name, id) = (
        target["name"].as_str().unwrap(),
        target["id"].as_str().unwrap(),
    );
    let fragment = format!("#q={}", name.replace(' ', "%20"));
    let (dom, log) = chromium(
        &chromium_bin,
        &out.join("index.html"),
        &fragment,
        &["--dump-dom".to_string()],
    );
    assert!(console(&log).is_empty(), "console: {:#?}", console(&log));
    let body = &dom[dom.find("<body").unwrap()..];
    let body = &body[..body.find('>').unwrap()];
    assert!(body.contains(&format!("data-hit=\"{id}\"")), "{body}");
    let first: f64 = body
        .split("data-first-render=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no first render recorded: {body}"));
    eprintln!("index.html of 200 invented articles: first render at {first} ms");
    assert!(dom.contains(name));
}

#[test]
fn hostile_article_text_never_runs_as_script_nor_breaks_dot_or_svg() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graphs");
    let corpus = hostile_corpus(dir.path());
    build(&corpus, &out, &["--pure-rust-svg"]);
    well_formed(&std::fs::read_to_string(out.join("graph.svg")).unwrap());
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!page_data(&page)["quotes"].as_object().unwrap().is_empty());
    // With quotes, the hostile words are node labels of the DOT and the SVG.
    let export = |format: &str, file: &str| {
        quotegraph()
            .args([
                "export",
                "--quotes",
                "--pure-rust-svg",
                "--max-nodes",
                "0",
                "-f",
                format,
            ])
            .arg("--graph")
            .arg(out.join("graph.json"))
            .arg("-o")
            .arg(dir.path().join(file))
            .assert()
            .success();
        std::fs::read_to_string(dir.path().join(file)).unwrap()
    };
    let dot_text = export("dot", "quotes.dot");
    assert!(
        dot_text.contains("pwned-1"),
        "the hostile quotes are not in the DOT"
    );
    well_formed(&export("svg", "quotes.svg"));
    if let Some(dot) = tool("dot", "-V") {
        let o = Process::new(dot)
            .arg("-Tsvg")
            .arg(dir.path().join("quotes.dot"))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        well_formed(&String::from_utf8_lossy(&o.stdout));
        build(&corpus, &dir.path().join("graphviz"), &[]);
        well_formed(&std::fs::read_to_string(dir.path().join("graphviz/graph.svg")).unwrap());
    }
    let Some(chromium_bin) = tool("chromium", "--version") else {
        return;
    };
    // Open a quote panel too: the hostile quotes go on screen.
    let (dom, log) = chromium(
        &chromium_bin,
        &out.join("index.html"),
        "#q=Brandt",
        &["--dump-dom".to_string()],
    );
    assert!(console(&log).is_empty(), "console: {:#?}", console(&log));
    assert!(
        dom.contains("data-ready="),
        "the page's script did not finish"
    );
    assert!(dom.contains("data-hit="), "the search found nothing");
    assert_eq!(
        dom.matches("<script").count(),
        3,
        "a script element was added"
    );
}

#[test]
fn builds_write_every_file_with_and_without_graphviz_and_the_pure_rust_map_repeats() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = invented_corpus(dir.path(), 200);
    let mut svgs = Vec::new();
    for (name, args) in [
        ("a", &["--pure-rust-svg"][..]),
        ("b", &["--pure-rust-svg"]),
        ("c", &[]),
    ] {
        let out = dir.path().join(name);
        let said = build(&corpus, &out, args);
        assert!(said.contains("map of 100 entities"), "{said}");
        for f in FILES {
            assert!(out.join(f).is_file(), "{name}: {f} missing");
        }
        let svg = std::fs::read_to_string(out.join("graph.svg")).unwrap();
        well_formed(&svg);
        svgs.push(svg);
    }
    assert!(svgs[0] == svgs[1], "two pure-Rust SVGs differ");
    assert_eq!(svgs[0].matches("<g class=\"node ").count(), 100);
}

/// A `dot` that hangs, and one that fails, put first on the PATH.
fn fake_dot(dir: &Path, body: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("dot");
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

#[test]
fn graphviz_that_hangs_or_fails_gives_way_to_the_pure_rust_layout() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("hangs", "exec sleep 30", "ran past its time limit"),
        (
            "fails",
            "echo 'Error: syntax' >&2; exit 1",
            "Graphviz failed",
        ),
    ];
    for (name, body, said) in cases {
        let path = fake_dot(&dir.path().join(name), body);
        let out = dir.path().join(format!("{name}-out"));
        let o = quotegraph()
            .args(["build", "corpus", "--quiet", "-o"])
            .arg(&out)
            .env("PATH", path)
            .env("QUOTEGRAPH_GRAPHVIZ_TIMEOUT", "0.5")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let o = String::from_utf8(o).unwrap();
        assert!(o.contains(said), "{name}: {o}");
        for f in FILES {
            assert!(out.join(f).is_file(), "{name}: {f} missing");
        }
        let svg = std::fs::read_to_string(out.join("graph.svg")).unwrap();
        assert!(svg.contains("Who said what about whom") && svg.contains("Mark Rutte"));
    }
}

#[test]
fn export_bounds_pictures_and_narrows_data_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graphs");
    build(
        &invented_corpus(dir.path(), 120),
        &out,
        &["--pure-rust-svg"],
    );
    let run = |args: &[&str]| -> String {
        let o = quotegraph()
            .arg("export")
            .args(args)
            .arg("--graph")
            .arg(out.join("graph.json"))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(o).unwrap()
    };
    let nodes_in_svg = |svg: &str| svg.matches("<g class=\"node ").count();
    let nodes_in_json = |json: &str| {
        let v: Value = serde_json::from_str(json).unwrap();
        v["nodes"].as_array().unwrap().len()
    };
    assert_eq!(nodes_in_svg(&run(&["-f", "svg", "--pure-rust-svg"])), 100);
    assert_eq!(
        nodes_in_svg(&run(&["-f", "svg", "--pure-rust-svg", "--max-nodes", "12"])),
        12
    );
    let all = run(&["-f", "svg", "--pure-rust-svg", "--max-nodes", "0"]);
    assert!(nodes_in_svg(&all) > 100);
    assert!(nodes_in_json(&run(&["-f", "json"])) > 500);
    assert_eq!(
        nodes_in_json(&run(&["-f", "json", "--max-nodes", "30"])),
        30
    );
    // Half a year of the invented dates, then a year with no articles at all.
    let half = run(&[
        "-f",
        "json",
        "--since",
        "2031-01-01",
        "--until",
        "2031-06-30",
        "--max-nodes",
        "0",
    ]);
    let whole = run(&["-f", "json", "--stance-only", "--max-nodes", "0"]);
    assert!(nodes_in_json(&half) < nodes_in_json(&whole));
    let none = run(&["-f", "svg", "--pure-rust-svg", "--since", "2099-01-01"]);
    assert!(none.contains("No relationships to show"));
    let ego = run(&["-f", "html", "--ego", "France", "--depth", "1"]);
    let names: Vec<String> = page_data(&ego)["map"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.contains(&"France".to_string()) && !names.contains(&"Japan".to_string()));
}

#[test]
fn a_corpus_without_relationships_still_gets_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("quiet.txt");
    std::fs::write(
        &input,
        "A calm day\n\nThe harbour was calm and nobody said anything.\n",
    )
    .unwrap();
    let out = dir.path().join("graphs");
    build(&input, &out, &[]);
    for f in FILES {
        assert!(out.join(f).is_file(), "{f} missing");
    }
    let svg = std::fs::read_to_string(out.join("graph.svg")).unwrap();
    well_formed(&svg);
    assert!(svg.contains("No relationships to show"));
}
