//! What stance costs: judges the quotes of a set of articles and prints a table (articles/s,
//! MB/s, stance facts), with the model's load timed apart.
//!
//! ```sh
//! cargo run --release --example stance_cost -- ../shared/eval/polnear.dev.jsonl [--passes 5]
//! valgrind --tool=callgrind target/release/examples/stance_cost FILE --passes 1
//! ```
//!
//! Reads JSONL articles (`text`, with `doc_id` or `id`), extracts quotes and entities once,
//! then runs `stance::in_article` over every article `--passes` times. Under callgrind, the
//! program totals of `--passes 2` less `--passes 1` give the cost of a pass (inclusive costs
//! of `stance::in_article` miss what is inlined from other files), and the inclusive cost of
//! `Model::builtin` that of reading the weights.

use std::time::Instant;

use quotegraph::extract::extract_with_entities;
use quotegraph::ingest::Article;
use quotegraph::stance::{self, model::Model};

fn main() {
    let mut file = String::from("../shared/eval/polnear.dev.jsonl");
    let mut passes = 5usize;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--passes" => passes = it.next().and_then(|p| p.parse().ok()).expect("--passes N"),
            _ => file = a,
        }
    }
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let articles: Vec<Article> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let id = v
                .get("doc_id")
                .or_else(|| v.get("id"))?
                .as_str()?
                .to_string();
            Some(Article::new(id, v.get("text")?.as_str()?.to_string(), None))
        })
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let extractions: Vec<_> = articles.iter().map(extract_with_entities).collect();
    let t = Instant::now();
    let model = Model::builtin();
    let load = t.elapsed();
    let t = Instant::now();
    let mut facts = 0;
    for _ in 0..passes {
        facts = extractions
            .iter()
            .map(|x| stance::in_article(x).len())
            .sum();
    }
    let secs = t.elapsed().as_secs_f64() / passes as f64;
    println!(
        "| articles | MB | stance facts | weights | model load | one pass | articles/s | MB/s |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    println!(
        "| {} | {:.2} | {facts} | {} | {:.1} ms | {:.1} ms | {:.0} | {:.1} |",
        articles.len(),
        bytes as f64 / 1e6,
        model.len(),
        load.as_secs_f64() * 1e3,
        secs * 1e3,
        articles.len() as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
}
