//! The inputs fuzzing found (`tests/data/fuzz/<target>/`, one file each) and the fuzz seeds
//! (`fuzz/seeds/<target>/`), replayed through the fuzz targets' own checks
//! (`tests/replay/checks.rs`): each must pass them, so a fixed fault stays fixed.

use std::path::Path;

#[path = "replay/checks.rs"]
#[allow(dead_code)]
mod checks;

/// Every file of `dir/<target>/`, as (name, bytes).
fn inputs(dir: &str, target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut v: Vec<(String, Vec<u8>)> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    v.sort();
    v
}

/// Replays the found inputs and the seeds of `target` through `check`.
fn replay(target: &str, check: fn(&[u8])) {
    let mut n = 0;
    for dir in ["tests/data/fuzz", "fuzz/seeds"] {
        for (name, bytes) in inputs(dir, target) {
            eprintln!("{name}");
            check(&bytes);
            n += 1;
        }
    }
    assert!(n > 0, "no inputs for {target}");
}

#[test]
fn extract() {
    replay("extract", checks::extract);
}

#[test]
fn ingest_jsonl() {
    replay("ingest_jsonl", |d| {
        checks::ingest(d, "fuzz.jsonl");
    });
}

#[test]
fn ingest_html() {
    replay("ingest_html", |d| {
        checks::ingest(d, "fuzz.html");
    });
}

#[test]
fn ingest_any() {
    replay("ingest_any", checks::ingest_any);
}

#[test]
fn load_graph() {
    replay("load_graph", checks::load_graph);
}

#[test]
fn load_facts() {
    replay("load_facts", checks::load_facts);
}
