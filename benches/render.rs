//! The relationship map's cost: pure-Rust layout + SVG of maps of 100, 150 and 1,000 nodes, the
//! bounded map (view + layout + SVG, and index.html) of a graph as large as a 100,000-article
//! corpus, and of the PolNeAR dev corpus (`QUOTEGRAPH_BENCH_JSONL`, default
//! `../shared/eval/polnear.dev.jsonl`; skipped when absent).
//!
//! The synthetic graphs are invented: people and places with stance edges whose counts and
//! targets follow a skewed (few hubs, many leaves) deterministic pattern.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use quotegraph::export::{self, ViewOptions};
use quotegraph::graph::{self, Edge, EdgeKind, Node, NodeKind, QuoteGraph};
use quotegraph::ingest::{self, IngestOptions};
use quotegraph::pipeline;
use quotegraph::stance::Polarity;

fn node(id: String, kind: NodeKind) -> Node {
    let mut n = Node::new(id.clone(), kind, format!("Name of {id}"));
    n.mentions = 1;
    n.quotes = 1;
    n
}

/// `n` entities with about `per_node` stance edges each; targets are skewed towards low
/// numbers (hubs) by squaring a pseudo-random fraction.
fn synthetic(n: usize, per_node: usize) -> QuoteGraph {
    let nodes: Vec<Node> = (0..n)
        .map(|k| {
            let kind = if k % 4 == 0 {
                NodeKind::Place
            } else {
                NodeKind::Person
            };
            node(format!("e:{k:07}"), kind)
        })
        .collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut edges = Vec::new();
    for k in 0..n {
        for _ in 0..per_node {
            let r = next();
            let t = ((r * r) * n as f64) as usize % n;
            if t == k {
                continue;
            }
            let polarity = [Polarity::Support, Polarity::Oppose, Polarity::Neutral]
                [(next() * 3.0) as usize % 3];
            let mut edge = Edge::new(EdgeKind::Stance, 1 + (next() * next() * 12.0) as usize);
            edge.polarity = Some(polarity);
            edges.push((format!("e:{k:07}"), format!("e:{t:07}"), edge));
        }
    }
    QuoteGraph::from_parts(nodes, edges)
}

fn dev_graph() -> Option<QuoteGraph> {
    let path = std::env::var_os("QUOTEGRAPH_BENCH_JSONL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/eval/polnear.dev.jsonl"));
    if !path.exists() {
        eprintln!(
            "note: {} not found; the dev-corpus map is skipped",
            path.display()
        );
        return None;
    }
    let articles = ingest::read_paths(&[path], &IngestOptions::default()).articles;
    Some(graph::build(&pipeline::analyze(&articles)))
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("render");
    g.sample_size(10);
    for n in [100, 150, 1000] {
        // A map of exactly n nodes and about 2n edges (what a bounded view hands over).
        let map = export::view(&synthetic(n, 2), &ViewOptions::default().unbounded()).unwrap();
        eprintln!(
            "map of {n}: {} nodes, {} edges",
            map.node_count(),
            map.edge_count()
        );
        g.bench_with_input(
            BenchmarkId::new("layout + svg (pure Rust)", n),
            &map,
            |b, m| b.iter(|| export::pure_rust_svg(m).len()),
        );
    }
    let large = synthetic(100_000, 3);
    eprintln!(
        "large graph: {} nodes, {} edges",
        large.node_count(),
        large.edge_count()
    );
    g.bench_function("bounded map of 100k entities: view + layout + svg", |b| {
        b.iter(|| {
            let map = export::view(&large, &ViewOptions::default()).unwrap();
            export::pure_rust_svg(&map).len()
        })
    });
    g.bench_function("bounded map of 100k entities: index.html", |b| {
        b.iter(|| export::html(&large).len())
    });
    if let Some(dev) = dev_graph() {
        g.bench_function("dev corpus map: view + layout + svg", |b| {
            b.iter(|| {
                let map = export::view(&dev, &ViewOptions::default()).unwrap();
                export::pure_rust_svg(&map).len()
            })
        });
        g.bench_function("dev corpus map: index.html", |b| {
            b.iter(|| export::html(&dev).len())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
