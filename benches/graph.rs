//! Graph build time per 1,000 articles, and who-said latency on a graph of over 100,000 quotes.
//!
//! Both are generated from the PolNeAR dev texts (`QUOTEGRAPH_BENCH_JSONL`, default
//! `../shared/eval/polnear.dev.jsonl`; the seed corpus when absent): 1,000 articles are the dev
//! texts cycled under distinct ids; the large graph repeats the dev articles' facts under
//! distinct ids with each copy's quotes made distinct, until it holds 100,000 quotes.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use quotegraph::facts::ArticleFacts;
use quotegraph::graph;
use quotegraph::ingest::{self, Article, IngestOptions};
use quotegraph::pipeline;
use quotegraph::query::{self, QuoteIndex};

fn articles() -> Vec<Article> {
    let jsonl = std::env::var_os("QUOTEGRAPH_BENCH_JSONL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/eval/polnear.dev.jsonl"));
    let path = if jsonl.exists() {
        jsonl
    } else {
        PathBuf::from("corpus")
    };
    ingest::read_paths(&[path], &IngestOptions::default()).articles
}

fn thousand(base: &[Article]) -> Vec<Article> {
    (0..1000)
        .map(|i| {
            let mut a = base[i % base.len()].clone();
            a.id = format!("{}-{i}", a.id);
            a
        })
        .collect()
}

fn large_facts(base: &[Article], min_quotes: usize) -> Vec<ArticleFacts> {
    let facts = pipeline::analyze(base).docs;
    let per_copy: usize = facts.iter().map(|f| f.quotes.len()).sum();
    let copies = min_quotes.div_ceil(per_copy.max(1));
    let mut out = Vec::new();
    for c in 0..copies {
        for f in &facts {
            let mut f = f.clone();
            f.doc_id = format!("{}-{c}", f.doc_id);
            for q in &mut f.quotes {
                q.content = format!("{} {c}", q.content);
            }
            out.push(f);
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let base = articles();
    let docs = thousand(&base);
    let mut g = c.benchmark_group("graph");
    g.sample_size(10);
    g.bench_function("build 1000 articles (all cores)", |b| {
        b.iter(|| graph::build(&pipeline::analyze(&docs)).node_count())
    });
    let big = graph::build(&quotegraph::corpus::from_facts(large_facts(&base, 105_000)));
    let ix = QuoteIndex::new(&big);
    let quotes = big
        .nodes()
        .filter(|(_, n)| n.kind == graph::NodeKind::Quote)
        .count();
    eprintln!(
        "who-said graph: {quotes} quotes, {} nodes, {} edges",
        big.node_count(),
        big.edge_count()
    );
    g.sample_size(50);
    for phrase in ["flexibility", "the president", "national security"] {
        g.bench_function(format!("who-said {phrase:?} on {quotes} quotes"), |b| {
            b.iter(|| query::who_said(&big, &ix, phrase, false).len())
        });
    }
    g.bench_function(
        format!("who-said --fuzzy \"flexible\" on {quotes} quotes"),
        |b| b.iter(|| query::who_said(&big, &ix, "flexible", true).len()),
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
