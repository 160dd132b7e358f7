//! Scale: corpora of N articles made by cycling the texts of a JSONL corpus (each copy with its
//! own id and date), ingested into a store by the release binary, then queried and exported.
//! Prints one table row per size (markdown).
//!
//! ```sh
//! cargo build --release && cargo run --release --example scale -- \
//!     --polnear ../shared/eval/polnear.dev.jsonl --sizes 1000,10000,100000
//! ```
//!
//! Columns: ingest wall time, articles/s, MB/s of JSONL, peak RSS of the ingest process
//! (`/usr/bin/time`), store size, quotes stored, the whole graph's data exports streamed to
//! /dev/null (JSON, GraphML, GEXF, Cytoscape), the SVG map (pure Rust), a cold `who-said`
//! (a new process; median of 5), and, for the 100,000 size, 100 new articles added to it. The
//! corpus files and stores go to a temporary directory (`--dir` to choose) and are removed.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

struct Args {
    input: PathBuf,
    sizes: Vec<usize>,
    dir: Option<PathBuf>,
}

fn args() -> Args {
    let mut a = Args {
        input: PathBuf::new(),
        sizes: vec![1000, 10_000],
        dir: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let v = it.next().unwrap_or_default();
        match k.as_str() {
            "--polnear" | "--input" => a.input = PathBuf::from(v),
            "--sizes" => {
                a.sizes = v
                    .split(',')
                    .filter_map(|s| s.trim().replace('_', "").parse().ok())
                    .collect()
            }
            "--dir" => a.dir = Some(PathBuf::from(v)),
            _ => {
                eprintln!("usage: scale --polnear FILE.jsonl [--sizes 1000,10000] [--dir DIR]");
                std::process::exit(2);
            }
        }
    }
    a
}

/// The texts (and outlets) of a JSONL corpus: `text`, optional `source`.
fn texts(path: &Path) -> Vec<(String, Option<String>)> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l).ok()?;
            let text = v["text"].as_str()?.to_string();
            Some((text, v["source"].as_str().map(str::to_string)))
        })
        .collect()
}

/// Writes articles `from..to` of the cycled corpus; returns the bytes written.
fn write_corpus(path: &Path, texts: &[(String, Option<String>)], from: usize, to: usize) -> u64 {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("corpus file"));
    for k in from..to {
        let (text, source) = &texts[k % texts.len()];
        let rec = serde_json::json!({
            "id": format!("c{k:08}"),
            "text": text,
            "source": source,
            "date": format!("20{:02}-{:02}-{:02}", 10 + (k / 336) % 10, 1 + (k / 28) % 12, 1 + k % 28),
        });
        writeln!(f, "{rec}").expect("write");
    }
    f.flush().expect("flush");
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// Runs the binary; returns (wall seconds, peak RSS in MiB when `/usr/bin/time` is there).
fn run(bin: &Path, args: &[&str], stdout_to_null: bool) -> (f64, Option<f64>) {
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.args(["-f", "%M"]).arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.args(args).stderr(Stdio::piped());
    if stdout_to_null {
        cmd.stdout(Stdio::null());
    }
    let t = Instant::now();
    let out = cmd.output().expect("run quotegraph");
    let wall = t.elapsed().as_secs_f64();
    let err = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        panic!("quotegraph {args:?} failed: {err}");
    }
    let rss = err
        .lines()
        .last()
        .and_then(|l| l.trim().parse::<f64>().ok())
        .map(|kib| kib / 1024.0);
    (wall, rss)
}

fn size_of(db: &Path) -> u64 {
    ["", "-wal"]
        .iter()
        .filter_map(|ext| {
            let mut p = db.as_os_str().to_os_string();
            p.push(ext);
            std::fs::metadata(PathBuf::from(p)).ok().map(|m| m.len())
        })
        .sum()
}

fn remove_store(db: &Path) {
    for ext in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_os_string();
        p.push(ext);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Three words of a frequent quote in the store: a phrase people would look for.
fn phrase(db: &Path) -> String {
    let c = rusqlite::Connection::open(db).expect("store");
    let content: String = c
        .query_row(
            "SELECT content FROM quotes WHERE wording IS NOT NULL GROUP BY wording \
             ORDER BY count(*) DESC, wording LIMIT 1 OFFSET 3",
            [],
            |r| r.get(0),
        )
        .unwrap_or_default();
    let words: Vec<String> = quotegraph::graph::quote_key(&content)
        .split(' ')
        .take(3)
        .map(str::to_string)
        .collect();
    words.join(" ")
}

fn count(db: &Path, table: &str) -> i64 {
    let c = rusqlite::Connection::open(db).expect("store");
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or(0)
}

fn main() {
    let a = args();
    let bin = std::env::current_exe()
        .ok()
        .and_then(|p| Some(p.parent()?.parent()?.join("quotegraph")))
        .filter(|p| p.exists())
        .unwrap_or_else(|| {
            eprintln!("build the binary first: cargo build --release");
            std::process::exit(2);
        });
    let texts = texts(&a.input);
    assert!(!texts.is_empty(), "no texts in {}", a.input.display());
    let tmp = tempfile::Builder::new()
        .prefix("quotegraph-scale")
        .tempdir_in(a.dir.clone().unwrap_or_else(std::env::temp_dir))
        .expect("temporary directory");
    println!("| articles | ingest | articles/s | MB/s | peak RSS | store | quotes | exports (streamed) | SVG map | cold who-said | +100 articles |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for &n in &a.sizes {
        let corpus = tmp.path().join(format!("c{n}.jsonl"));
        let db = tmp.path().join(format!("c{n}.db"));
        let bytes = write_corpus(&corpus, &texts, 0, n);
        let (wall, rss) = run(
            &bin,
            &[
                "ingest",
                "-q",
                "--db",
                db.to_str().unwrap(),
                corpus.to_str().unwrap(),
            ],
            true,
        );
        let _ = std::fs::remove_file(&corpus);
        let dbs = db.to_str().unwrap();
        let mut exports = 0.0;
        for f in ["json", "graphml", "gexf", "cytoscape"] {
            exports += run(&bin, &["export", "-f", f, "--db", dbs], true).0;
        }
        let (svg, _) = run(
            &bin,
            &["export", "-f", "svg", "--pure-rust-svg", "--db", dbs],
            true,
        );
        let words = phrase(&db);
        let mut cold: Vec<f64> = (0..5)
            .map(|_| run(&bin, &["who-said", &words, "-f", "json", "--db", dbs], true).0)
            .collect();
        cold.sort_by(f64::total_cmp);
        let added = if n == 100_000 {
            let more = tmp.path().join("more.jsonl");
            write_corpus(&more, &texts, n, n + 100);
            let (t, _) = run(
                &bin,
                &["ingest", "-q", "--db", dbs, more.to_str().unwrap()],
                true,
            );
            format!("{t:.2} s")
        } else {
            "".into()
        };
        println!(
            "| {n} | {wall:.1} s | {:.0} | {:.1} | {} | {:.0} MB | {} | {exports:.1} s | {svg:.2} s | {:.0} ms (\"{words}\") | {added} |",
            n as f64 / wall,
            bytes as f64 / 1e6 / wall,
            rss.map_or("n/a".into(), |r| format!("{r:.0} MiB")),
            size_of(&db) as f64 / 1e6,
            count(&db, "quotes"),
            cold[2] * 1000.0,
        );
        remove_store(&db);
    }
}
