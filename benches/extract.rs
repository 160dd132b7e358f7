//! Extraction throughput over real news text: quotes and speakers alone, and the full
//! per-article facts (entities and stance too).
//!
//! Reads the PolNeAR dev texts from `QUOTEGRAPH_BENCH_JSONL` (default
//! `../shared/eval/polnear.dev.jsonl`); without them, falls back to the seed corpus in `corpus/`.
//! Reports bytes/s (criterion's MB/s) on one core; divide by the mean article size for documents/s.
//!
//! The `scaling` group runs hostile shapes (a flood of quotation marks, one sentence of 100,000
//! words, apostrophes only, possessives, nested quotes, news on one line) at 100 KB and at
//! 1 MB as one article: linear steps keep the same MB/s at both sizes. Before criterion runs,
//! a table of the time at 1x and 10x and their ratio is printed (about 10 is linear; a
//! quadratic step shows about 100).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

// The allocator of the `quotegraph` binary (src/main.rs), so the figures are the tool's.
#[cfg(feature = "cli")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

/// One article of `n` bytes of a hostile shape.
fn shape(name: &str, n: usize) -> String {
    let unit = match name {
        "quote-mark flood" => "“a” ",
        "one long sentence" => "the mayor said that the council will vote and ",
        "straight marks" => "\"",
        "apostrophes" => "'",
        "possessives" => "The voters’ anger and the mayors’ plans ‘shift’ the council’s mood, Dahl’s aides’ memo said. ",
        "news on one line" => return news_on_one_line(n),
        _ => "“‘",
    };
    let mut s = unit.repeat(n / unit.len() + 1);
    let mut cut = n.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    if name == "nested quotes" {
        s.push_str(&"’”".repeat(n / 6));
    }
    s.push('.');
    s
}

/// Invented news sentences on one line, each naming a different person (`Ines Dahlbaro`,
/// `Ines Dahlbaci`, ...).
fn news_on_one_line(n: usize) -> String {
    const SYLLABLES: [&str; 8] = ["ba", "ro", "ci", "de", "lu", "ma", "no", "ti"];
    let mut s = String::with_capacity(n + 200);
    let mut i = 0usize;
    while s.len() < n {
        let name: String = (0..5).map(|k| SYLLABLES[(i >> (3 * k)) & 7]).collect();
        s.push_str(&format!(
            "“The pier is unsafe,” Ines Dahl{name}, a harbor engineer, said on Friday. She added \
             that the council will vote, while others say the levy is fair. "
        ));
        i += 1;
    }
    s
}

const SHAPES: [&str; 7] = [
    "quote-mark flood",
    "one long sentence",
    "straight marks",
    "apostrophes",
    "possessives",
    "nested quotes",
    "news on one line",
];

fn best_of(runs: usize, f: impl Fn()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn scaling(c: &mut Criterion) {
    eprintln!(
        "{:<20} {:>10} {:>10} {:>7}",
        "shape", "100 KB", "1 MB", "ratio"
    );
    for name in SHAPES {
        let small = Article::new("s", shape(name, 100_000), None);
        let large = Article::new("l", shape(name, 1_000_000), None);
        let t1 = best_of(3, || {
            quotegraph::extract(&small);
        });
        let t10 = best_of(3, || {
            quotegraph::extract(&large);
        });
        eprintln!(
            "{:<20} {:>8.1}ms {:>8.1}ms {:>7.1}",
            name,
            t1.as_secs_f64() * 1e3,
            t10.as_secs_f64() * 1e3,
            t10.as_secs_f64() / t1.as_secs_f64().max(1e-9)
        );
    }
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    for name in SHAPES {
        for n in [100_000, 1_000_000] {
            let a = Article::new("a", shape(name, n), None);
            g.throughput(Throughput::Bytes(a.text.len() as u64));
            g.bench_function(format!("{name}, {} KB", n / 1000), |b| {
                b.iter(|| quotegraph::extract(&a).quotes.len())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench, scaling);
criterion_main!(benches);
