//! What the store's writer costs per article, on one thread: for counting instructions.
//!
//! ```sh
//! cargo build --release --example store_cost
//! S=target/release/examples/store_cost
//! $S --corpus polnear.dev.jsonl --base 2000 --add 2000 --dir /tmp/sc --prepare
//! valgrind --tool=callgrind --toggle-collect='quotegraph::store::write::add_all*' \
//!     $S --corpus polnear.dev.jsonl --base 2000 --add 2000 --dir /tmp/sc
//! ```
//!
//! The corpus is cycled as `examples/scale` cycles it (each copy its own id and date); the
//! facts of `base + add` articles are extracted once into `DIR/facts.jsonl` (facts lines) and
//! read from there afterwards. `--prepare` writes the first `base` articles into
//! `DIR/base.db`; without it, `DIR/base.db` is copied to `DIR/run.db` and the next `add`
//! articles are added to the copy, 1,000 a batch and 5 batches a transaction (what `ingest`
//! does), on the calling thread. Only `Store::add_all` is the writer: divide its
//! instructions by `add`.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use quotegraph::facts::{self, format, ArticleFacts};
use quotegraph::ingest::{self, IngestOptions};
use quotegraph::store::{Prepared, Store};
use rayon::prelude::*;

struct Args {
    corpus: PathBuf,
    base: usize,
    add: usize,
    dir: PathBuf,
    prepare: bool,
}

fn args() -> Args {
    let mut a = Args {
        corpus: PathBuf::new(),
        base: 2000,
        add: 2000,
        dir: PathBuf::from("/tmp/store_cost"),
        prepare: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let mut value = || it.next().unwrap_or_default();
        match k.as_str() {
            "--corpus" => a.corpus = PathBuf::from(value()),
            "--base" => a.base = value().parse().expect("--base N"),
            "--add" => a.add = value().parse().expect("--add N"),
            "--dir" => a.dir = PathBuf::from(value()),
            "--prepare" => a.prepare = true,
            _ => {
                eprintln!(
                    "usage: store_cost --corpus FILE.jsonl [--base N] [--add N] [--dir DIR] [--prepare]"
                );
                std::process::exit(2);
            }
        }
    }
    a
}

/// The facts of `n` articles of the cycled corpus, extracted once and kept in `path`.
fn facts_of(corpus: &Path, n: usize, path: &Path) -> Vec<ArticleFacts> {
    if let Ok(f) = std::fs::File::open(path) {
        let facts: Vec<ArticleFacts> = BufReader::new(f)
            .lines()
            .map_while(Result::ok)
            .filter_map(|l| format::from_line(&l).ok())
            .collect();
        if facts.len() >= n {
            return facts.into_iter().take(n).collect();
        }
    }
    let docs = ingest::read_paths(&[corpus.to_path_buf()], &IngestOptions::default()).articles;
    assert!(!docs.is_empty(), "no articles in {}", corpus.display());
    let facts: Vec<ArticleFacts> = (0..n)
        .into_par_iter()
        .map(|k| {
            let mut a = docs[k % docs.len()].clone();
            a.id = format!("c{k:08}");
            a.date = Some(format!(
                "20{:02}-{:02}-{:02}",
                10 + (k / 336) % 10,
                1 + (k / 28) % 12,
                1 + k % 28
            ));
            facts::of(&a, &quotegraph::extract::extract_with_entities(&a))
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("facts file"));
    for f in &facts {
        writeln!(out, "{}", format::to_line(f)).expect("write facts");
    }
    facts
}

/// Adds the facts in batches of 1,000, 5 batches a transaction; returns how many were added.
fn add(store: &mut Store, facts: Vec<ArticleFacts>) -> usize {
    let mut batches: Vec<Vec<Prepared>> = facts
        .chunks(1000)
        .map(|c| c.iter().cloned().map(Prepared::new).collect())
        .collect();
    batches.reverse();
    let mut added = 0;
    while !batches.is_empty() {
        let mut taken = 0;
        store
            .add_all(
                &mut || {
                    if taken == 5 {
                        return None;
                    }
                    taken += 1;
                    batches.pop().map(|b| (b, Vec::new()))
                },
                None,
                &mut |r| added += r.added,
            )
            .expect("store");
    }
    added
}

fn main() {
    let a = args();
    std::fs::create_dir_all(&a.dir).expect("dir");
    let mut facts = facts_of(&a.corpus, a.base + a.add, &a.dir.join("facts.jsonl"));
    let base = a.dir.join("base.db");
    let n = if a.prepare {
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", base.display()));
        }
        facts.truncate(a.base);
        let mut store = Store::create(&base).expect("store");
        let n = add(&mut store, facts);
        drop(store); // the last connection's close copies the log back into the file
        n
    } else {
        let run = a.dir.join("run.db");
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", run.display()));
        }
        std::fs::copy(&base, &run).expect("copy base.db (run with --prepare first)");
        let mut store = Store::open(&run).expect("store");
        add(&mut store, facts.split_off(a.base.min(facts.len())))
    };
    println!("{n} articles added");
}
