//! Prints each speaker's stances in a corpus: `cargo run --example stances -- [DIR]`.

use quotegraph::ingest::{self, IngestOptions};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "corpus".into());
    let input = ingest::read_paths(&[dir.into()], &IngestOptions::default());
    let a = quotegraph::pipeline::analyze(&input.articles);
    for s in &a.stances {
        println!(
            "{:<24} {:<8} {:>6.2}  {:<28} ({} quotes)",
            a.canon.entities[s.speaker].name,
            s.polarity.as_str(),
            s.score,
            a.canon.entities[s.target].name,
            s.evidence.len()
        );
    }
}
