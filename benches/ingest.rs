//! Ingest throughput: HTML pages to article text (MB/s of HTML), WARC and WARC.gz records to
//! articles (records/s, through `ingest::stream` from a file), gzip-compressed JSONL (MB/s of
//! JSONL).
//!
//! The pages wrap the PolNeAR dev texts (`QUOTEGRAPH_BENCH_JSONL`, default
//! `../shared/eval/polnear.dev.jsonl`; the seed corpus without them) in an invented page
//! template with the usual furniture: head metadata, JSON-LD, scripts, navigation, ads,
//! related links, comments and a footer. One core.

use std::io::Write;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use quotegraph::ingest::{self, html, IngestOptions};

fn texts() -> Vec<String> {
    let jsonl = std::env::var_os("QUOTEGRAPH_BENCH_JSONL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/eval/polnear.dev.jsonl"));
    let path = if jsonl.exists() {
        jsonl
    } else {
        Path::new("corpus").to_path_buf()
    };
    ingest::read_paths(&[path], &IngestOptions::default())
        .articles
        .into_iter()
        .map(|a| a.text)
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An invented news page around one text.
fn page(i: usize, text: &str) -> String {
    let paragraphs: String = text
        .split("\n\n")
        .flat_map(|p| p.lines())
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>\n", escape(p)))
        .collect();
    let nav: String = (0..30)
        .map(|k| format!("<li><a href=\"/section/{k}\">Section {k}</a></li>"))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Story {i} | Bench Herald</title>\
         <meta property=\"og:title\" content=\"Story {i}\"><meta property=\"og:site_name\" content=\"Bench Herald\">\
         <meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\">\
         <link rel=\"canonical\" href=\"https://bench.example/{i}\">\
         <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Story {i}\",\"author\":{{\"name\":\"A. Writer\"}}}}</script>\
         <script>var cfg = {{\"ads\": [1,2,3], \"html\": \"<p>not text</p>\"}};</script><style>p {{ margin: 0 }}</style></head>\
         <body><header><nav><ul>{nav}</ul></nav></header><div class=\"ad-slot\"><p>An advertisement for something.</p></div>\
         <main><article class=\"story\"><h1>Story {i}</h1><p class=\"byline\">By A. Writer</p>\n{paragraphs}\
         <aside class=\"related\"><ul>{nav}</ul></aside></article></main>\
         <section class=\"comments\"><p>A reader comment, with an opinion.</p></section><footer><p>© Bench Herald</p></footer></body></html>"
    )
}

/// One WARC response record per page.
fn warc(pages: &[String]) -> Vec<Vec<u8>> {
    let mut records = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{p}");
        let mut out = Vec::new();
        write!(
            out,
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bench.example/{i}\r\n\
             WARC-Date: 2024-03-05T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n\
             Content-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
        .unwrap();
        records.push(out);
    }
    records
}

/// One gzip member per record, as Common Crawl writes them.
fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for rec in records {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(rec).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    let pages: Vec<String> = texts.iter().enumerate().map(|(i, t)| page(i, t)).collect();
    let html_bytes: usize = pages.iter().map(String::len).sum();
    eprintln!(
        "bench pages: {} pages, {} bytes of HTML",
        pages.len(),
        html_bytes
    );
    let mut g = c.benchmark_group("ingest");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(html_bytes as u64));
    g.bench_function("HTML page to article text (bytes of HTML), one core", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| html::page(p).paragraphs.len())
                .sum::<usize>()
        })
    });

    let dir = tempfile::tempdir().unwrap();
    let records = warc(&pages);
    let warc_path = dir.path().join("bench.warc");
    std::fs::write(&warc_path, records.concat()).unwrap();
    let gz_path = dir.path().join("bench.warc.gz");
    std::fs::write(&gz_path, gzip_members(&records)).unwrap();
    let opts = IngestOptions::default();
    g.throughput(Throughput::Elements(pages.len() as u64));
    for (name, path) in [("WARC records", &warc_path), ("WARC.gz records", &gz_path)] {
        g.bench_function(format!("{name} to articles (records), one core"), |b| {
            b.iter(|| {
                ingest::stream(std::slice::from_ref(path), &opts)
                    .filter(|i| i.is_ok())
                    .count()
            })
        });
    }

    let jsonl: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}\n", serde_json::json!({"id": i, "text": t})))
        .collect();
    let gz = dir.path().join("bench.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(jsonl.as_bytes()).unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    g.throughput(Throughput::Bytes(jsonl.len() as u64));
    g.bench_function("JSONL.gz to articles (bytes of JSONL), one core", |b| {
        b.iter(|| {
            ingest::stream(std::slice::from_ref(&gz), &opts)
                .filter(|i| i.is_ok())
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
