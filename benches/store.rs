//! The store's cost per batch must not grow with the store: 100 articles added to a store of
//! 2,000 and to one of 20,000 articles should take about the same time (a regression to
//! anything quadratic shows as a ratio near 10). Also the full-text who-said on each.
//!
//! Articles are the PolNeAR dev texts (`QUOTEGRAPH_BENCH_JSONL`, default
//! `../shared/eval/polnear.dev.jsonl`; the seed corpus when absent), extracted once and
//! cycled under distinct ids. For the ingest wall time, MB/s and RSS at 1k-1M articles, see
//! `examples/scale.rs`.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use quotegraph::facts::ArticleFacts;
use quotegraph::ingest::{self, IngestOptions};
use quotegraph::pipeline;
use quotegraph::query::store as sq;
use quotegraph::store::read::Filter;
use quotegraph::store::Store;

fn facts() -> Vec<ArticleFacts> {
    let jsonl = std::env::var_os("QUOTEGRAPH_BENCH_JSONL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/eval/polnear.dev.jsonl"));
    let path = if jsonl.exists() {
        jsonl
    } else {
        PathBuf::from("corpus")
    };
    let articles = ingest::read_paths(&[path], &IngestOptions::default()).articles;
    articles.iter().map(pipeline::facts_of).collect()
}

/// Articles `from..to` of the cycled corpus.
fn cycled(base: &[ArticleFacts], from: usize, to: usize) -> Vec<ArticleFacts> {
    (from..to)
        .map(|k| {
            let mut f = base[k % base.len()].clone();
            f.doc_id = format!("b{k:08}");
            f
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let base = facts();
    let dir = tempfile::tempdir().unwrap();
    let mut g = c.benchmark_group("store");
    g.sample_size(10);
    for size in [2_000usize, 20_000] {
        let db = dir.path().join(format!("s{size}.db"));
        let mut store = Store::create(&db).unwrap();
        for chunk in cycled(&base, 0, size).chunks(1000) {
            store.add(chunk).unwrap();
        }
        let mut next = size;
        g.bench_function(format!("add 100 articles to {size}"), |b| {
            b.iter_batched(
                || {
                    next += 100;
                    cycled(&base, next - 100, next)
                },
                |batch| store.add(&batch).unwrap(),
                BatchSize::PerIteration,
            )
        });
        let phrase = "the american people";
        g.bench_function(format!("who-said in {size}"), |b| {
            b.iter(|| sq::who_said(&store, phrase, false, &Filter::default()).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
