//! What extraction costs per article, on one thread: for counting instructions.
//!
//! ```sh
//! cargo build --release --example extract_cost
//! perf stat -e instructions:u target/release/examples/extract_cost FILE.jsonl [--quotes] [--passes N]
//! ```
//!
//! Reads the articles (any input `quotegraph extract` reads), then runs the full per-article
//! facts (`extract_with_entities` + `facts::of`), or with `--quotes` quotes and speakers alone,
//! over every article `--passes` times (default 1) on the calling thread. Prints the number of
//! articles, bytes and a checksum of what was found (so nothing is optimised away). The
//! instructions of `--passes 2` less `--passes 1` are the cost of a pass without the reading.

use std::path::PathBuf;

use quotegraph::ingest::{self, IngestOptions};

fn main() {
    let mut paths = Vec::new();
    let (mut passes, mut quotes_only) = (1usize, false);
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--passes" => passes = it.next().and_then(|p| p.parse().ok()).expect("--passes N"),
            "--quotes" => quotes_only = true,
            _ => paths.push(PathBuf::from(a)),
        }
    }
    let docs = ingest::read_paths(&paths, &IngestOptions::default()).articles;
    let bytes: usize = docs.iter().map(|a| a.text.len()).sum();
    let mut sum = 0usize;
    for _ in 0..passes {
        for a in &docs {
            sum += if quotes_only {
                quotegraph::extract(a).quotes.len()
            } else {
                let x = quotegraph::extract::extract_with_entities(a);
                let f = quotegraph::facts::of(a, &x);
                f.stances.len() + x.mentions.len() + x.quotes.len()
            };
        }
    }
    println!("{} articles, {} bytes, checksum {}", docs.len(), bytes, sum);
}
