//! Extraction throughput over real news text: quotes and speakers alone, and the full
//! per-article facts (entities and stance too).
//!
//! Reads the PolNeAR dev texts from `QUOTEGRAPH_BENCH_JSONL` (default
//! `../shared/eval/polnear.dev.jsonl`); without them, falls back to the seed corpus in `corpus/`.
//! Reports bytes/s (criterion's MB/s) on one core; divide by the mean article size for documents/s.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use quotegraph::ingest::{self, Article, IngestOptions};

fn articles() -> Vec<Article> {
    let jsonl = std::env::var_os("QUOTEGRAPH_BENCH_JSONL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/eval/polnear.dev.jsonl"));
    let opts = IngestOptions::default();
    let path = if jsonl.exists() {
        jsonl
    } else {
        Path::new("corpus").to_path_buf()
    };
    ingest::read_paths(&[path], &opts).articles
}

fn bench(c: &mut Criterion) {
    let docs = articles();
    let bytes: usize = docs.iter().map(|a| a.text.len()).sum();
    eprintln!("bench corpus: {} documents, {} bytes", docs.len(), bytes);
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("quotes and speakers, one core", |b| {
        b.iter(|| {
            docs.iter()
                .map(|a| quotegraph::extract(a).quotes.len())
                .sum::<usize>()
        })
    });
    // Everything the graph needs from an article: quotes, entity mentions, stance facts.
    g.bench_function("article facts (with entities and stance), one core", |b| {
        b.iter(|| {
            docs.iter()
                .map(|a| {
                    let x = quotegraph::extract::extract_with_entities(a);
                    quotegraph::facts::of(a, &x).stances.len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
