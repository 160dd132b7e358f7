//! Pathological input shapes at two sizes (1x and 10x): time, growth and peak memory.
//!
//! ```sh
//! cargo run --release --example shapes                 # every shape, base sizes
//! cargo run --release --example shapes -- --scale 10   # ten times larger
//! cargo run --release --example shapes -- --timeout 60 quote_flood nested
//! ```
//!
//! Each shape is built in memory and run through what `quotegraph build` does per input (ingest
//! from bytes, then every article stage, the corpus stages and the graph) in a child process of
//! its own, so that its peak RSS is its own; a run longer than `--timeout` seconds (default
//! 120) is stopped and shown as such. Growth is the 10x time over the 1x time: about 10 for
//! linear cost, about 100 for quadratic. Shapes are invented text; none comes from a corpus.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use quotegraph::ingest::{self, IngestOptions};
use quotegraph::{graph, pipeline};

/// (name, input file name, what it is, base size in bytes).
const SHAPES: [(&str, &str, &str, usize); 9] = [
    (
        "news_one_line",
        "a.txt",
        "news on one line, no paragraph break",
        100_000,
    ),
    (
        "news_paragraphs",
        "a.txt",
        "the same news in paragraphs",
        100_000,
    ),
    (
        "jsonl_line",
        "a.jsonl",
        "one JSONL record of news, between two small ones",
        100_000,
    ),
    (
        "quote_flood",
        "a.txt",
        "curly quotation marks only, with words",
        100_000,
    ),
    (
        "straight_flood",
        "a.txt",
        "straight quotation marks only",
        100_000,
    ),
    ("apostrophes", "a.txt", "apostrophes only", 100_000),
    (
        "nested",
        "a.txt",
        "quotes nested inside quotes, 1,000 levels at 1x",
        1_000,
    ),
    (
        "one_sentence",
        "a.txt",
        "one sentence with no full stop",
        100_000,
    ),
    (
        "possessives",
        "a.txt",
        "possessive-heavy text in one quote",
        10_000,
    ),
];

const PEOPLE: [&str; 6] = [
    "Ilse Brandt",
    "Tomas Reyl",
    "Wanda Okafor",
    "Per Lindqvist",
    "Mara Quell",
    "Oskar Venn",
];
const PLACES: [&str; 4] = ["Porvenna", "Estrelle", "Kallmoor", "Saint Ives Bay"];

/// The `k`-th invented news sentence.
fn sentence(k: usize) -> String {
    let (a, p) = (PEOPLE[k % PEOPLE.len()], PLACES[k % PLACES.len()]);
    match k % 4 {
        0 => format!("“The harbour of {p} will reopen in spring,” Mayor {a} said on day {k}."),
        1 => format!("{a} told reporters that the council of {p} had approved the budget."),
        2 => format!("The plan, {a} said, “is a failure for {p} and its people.”"),
        _ => format!("Officials in {p} declined to comment on the report by {a}."),
    }
}

/// Text of about `n` bytes made by `piece`, joined by `sep`.
fn fill(n: usize, sep: &str, piece: impl Fn(usize) -> String) -> String {
    let mut s = String::with_capacity(n + 256);
    let mut k = 0;
    while s.len() < n {
        if k > 0 {
            s.push_str(sep);
        }
        s.push_str(&piece(k));
        k += 1;
    }
    s
}

/// The input bytes of a shape at `size` (bytes, or levels for `nested`).
fn make(shape: &str, size: usize) -> Vec<u8> {
    let text = match shape {
        "news_one_line" => fill(size, " ", sentence),
        "news_paragraphs" => fill(size, "\n\n", sentence),
        "jsonl_line" => {
            let small =
                |id: &str| serde_json::json!({"id": id, "text": sentence(0)}).to_string() + "\n";
            let big = serde_json::json!({"id": "big", "text": fill(size, " ", sentence)});
            return format!("{}{big}\n{}", small("before"), small("after")).into_bytes();
        }
        "quote_flood" => fill(size, " ", |k| {
            if k % 2 == 0 { "“word" } else { "word”" }.to_string()
        }),
        "straight_flood" => "\"".repeat(size),
        "apostrophes" => "'".repeat(size),
        "nested" => {
            let mut s = String::from("Mayor Ilse Brandt said ");
            for k in 0..size {
                s.push_str(if k % 2 == 0 { "“level " } else { "‘level " });
            }
            s.push_str("core");
            for k in (0..size).rev() {
                s.push_str(if k % 2 == 0 { "”" } else { "’" });
            }
            s.push('.');
            s
        }
        "one_sentence" => fill(size, ", and ", |k| {
            format!(
                "{} said the council of {} had met",
                PEOPLE[k % 6],
                PLACES[k % 4]
            )
        }),
        "possessives" => {
            let body = fill(size, " ", |k| {
                format!("{}'s {}'s plan", PEOPLE[k % 6], PLACES[k % 4])
            });
            format!("“{body}” Brandt said.")
        }
        other => panic!("no shape {other}"),
    };
    text.into_bytes()
}

/// Runs one shape at one size in this process; prints `bytes seconds peak_kib quotes`.
fn run_one(shape: &str, size: usize) {
    let (_, name, _, _) = SHAPES.iter().find(|s| s.0 == shape).expect("shape");
    let bytes = make(shape, size);
    let len = bytes.len();
    let start = Instant::now();
    // No limit: the shapes measure the stages, not the guard in front of them.
    let opts = IngestOptions {
        max_file_bytes: u64::MAX / 2,
        max_record_bytes: u64::MAX / 2,
        max_article_bytes: u64::MAX / 2,
    };
    let mut articles = Vec::new();
    for item in ingest::stream_bytes(bytes, Path::new(name), &opts) {
        match item {
            Ok(a) => articles.push(a),
            Err(e) => eprintln!("{e}"),
        }
    }
    let analysis = pipeline::analyze(&articles);
    let g = graph::build(&analysis);
    let secs = start.elapsed().as_secs_f64();
    let quotes: usize = analysis.docs.iter().map(|d| d.quotes.len()).sum();
    println!("{len} {secs:.3} {} {quotes} {}", peak_kib(), g.node_count());
}

/// This process's peak resident memory (VmHWM), in KiB.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// One measured run in a child process: (bytes, seconds, peak MiB, quotes), or `None` when
/// stopped at the time limit.
fn measure(shape: &str, size: usize, limit: Duration) -> Option<(usize, f64, f64, usize)> {
    let exe = std::env::current_exe().expect("own path");
    let mut child = Command::new(exe)
        .args(["--one", shape, &size.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut out = String::new();
    child.stdout.take()?.read_to_string(&mut out).ok()?;
    let f: Vec<&str> = out.split_whitespace().collect();
    Some((
        f.first()?.parse().ok()?,
        f.get(1)?.parse().ok()?,
        f.get(2)?.parse::<f64>().ok()? / 1024.0,
        f.get(3)?.parse().ok()?,
    ))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--one") {
        run_one(&args[1], args[2].parse().expect("size"));
        return;
    }
    let mut scale = 1usize;
    let mut timeout = 120u64;
    let mut only = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--scale" => scale = it.next().and_then(|v| v.parse().ok()).expect("--scale N"),
            "--timeout" => timeout = it.next().and_then(|v| v.parse().ok()).expect("--timeout S"),
            name => only.push(name.to_string()),
        }
    }
    let limit = Duration::from_secs(timeout);
    println!(
        "{:<16} {:>11} {:>9} {:>8} {:>7} {:>6} | {:>11} {:>9} {:>8} {:>7} | {:>6}",
        "shape",
        "1x bytes",
        "1x s",
        "MB/s",
        "MiB",
        "quotes",
        "10x bytes",
        "10x s",
        "MB/s",
        "MiB",
        "growth"
    );
    for (shape, _, what, base) in SHAPES {
        if !only.is_empty() && !only.iter().any(|o| o == shape) {
            continue;
        }
        let small = measure(shape, base * scale, limit);
        let large = small.and_then(|_| measure(shape, base * scale * 10, limit));
        let cell = |m: Option<(usize, f64, f64, usize)>, size: usize| match m {
            Some((b, s, mib, _)) => format!(
                "{b:>11} {s:>9.3} {:>8.2} {mib:>7.0}",
                b as f64 / 1e6 / s.max(1e-9)
            ),
            None => format!(
                "{:>11} {:>9} {:>8} {:>7}",
                size,
                format!(">{timeout}"),
                "-",
                "-"
            ),
        };
        let growth = match (small, large) {
            (Some(a), Some(b)) => format!("{:>6.1}", b.1 / a.1.max(1e-3)),
            _ => format!("{:>6}", "-"),
        };
        println!(
            "{shape:<16} {} {:>6} | {} | {growth}   {what}",
            cell(small, base * scale),
            small.map_or(0, |m| m.3),
            cell(large, base * scale * 10),
        );
    }
}
