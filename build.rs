//! The extractor's fingerprint: a hash of the sources and data that decide what an article's
//! facts are (`QUOTEGRAPH_EXTRACTOR`, read by `facts::EXTRACTOR`). A store remembers the
//! fingerprint of the code that filled it, so `build` extracts its articles again after the
//! extraction changed, instead of keeping facts an older quotegraph made.

use std::fs;
use std::path::{Path, PathBuf};

/// Parts of `src/` that never change an article's facts (front end, outputs, queries, scoring).
const NOT_FACTS: [&str; 6] = ["cli", "export", "query", "eval", "main.rs", "graph"];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.parent() == Some(Path::new("src"))
            && NOT_FACTS
                .iter()
                .any(|n| p.file_name().is_some_and(|f| f == *n))
        {
            continue;
        }
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// FNV-1a, 64 bits: stable across compilers and platforms.
fn fnv(h: &mut u64, bytes: &[u8]) {
    for b in bytes {
        *h ^= u64::from(*b);
        *h = h.wrapping_mul(0x0100_0000_01b3);
    }
}

fn main() {
    let mut all = Vec::new();
    for dir in ["src", "data"] {
        println!("cargo:rerun-if-changed={dir}");
        files(Path::new(dir), &mut all);
    }
    all.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in &all {
        fnv(&mut h, p.to_string_lossy().replace('\\', "/").as_bytes());
        fnv(&mut h, &fs::read(p).unwrap_or_default());
    }
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    println!("cargo:rustc-env=QUOTEGRAPH_EXTRACTOR={version}+{h:016x}");
}
