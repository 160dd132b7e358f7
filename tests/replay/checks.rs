//! The checks behind the fuzz targets (`fuzz/`), one function per target: what any input must
//! never break. More than "no panic": spans slice the text, what quotegraph writes reads back,
//! and the XML it writes parses. Shared by the fuzz crate and by `tests/fuzz_found.rs`, which
//! replays the inputs fuzzing found (`tests/data/fuzz/<target>/`) and the seeds.

use std::path::Path;

use quotegraph::export::{self, ViewOptions};
use quotegraph::facts::format;
use quotegraph::graph::{self, QuoteGraph};
use quotegraph::ingest::{self, Article, IngestOptions};
use quotegraph::query::{self, QuoteIndex};

/// Small limits, so that a large input is refused quickly rather than timing out.
pub fn options() -> IngestOptions {
    IngestOptions {
        max_file_bytes: 1 << 20,
        max_record_bytes: 1 << 20,
        max_article_bytes: 1 << 20,
    }
}

/// Every article of `bytes` read as a file called `name`; each checked with [`article_ok`].
pub fn ingest(bytes: &[u8], name: &str) -> Vec<Article> {
    let mut out = Vec::new();
    for item in ingest::stream_bytes(bytes.to_vec(), Path::new(name), &options()) {
        match item {
            Ok(a) => {
                article_ok(&a);
                out.push(a);
            }
            Err(e) => {
                // Every error names where it happened, on one line.
                let msg = e.to_string();
                assert!(!msg.is_empty() && !msg.contains('\n'), "{msg:?}");
            }
        }
    }
    out
}

/// An article's body lies in its text, on character boundaries.
pub fn article_ok(a: &Article) {
    assert!(a.body.start <= a.body.end && a.body.end <= a.text.len());
    assert!(a.text.is_char_boundary(a.body.start) && a.text.is_char_boundary(a.body.end));
}

/// XML that a reader parses (U+FFFE, control characters and markup in the text are escaped).
pub fn xml_ok(what: &str, xml: &str) {
    if let Err(e) = roxmltree::Document::parse(xml) {
        panic!("{what} is not well-formed XML: {e}");
    }
}

/// Everything the CLI does with a loaded graph: a rebuild from its facts, every export, the
/// queries. What it writes must read back.
pub fn use_graph(g: &QuoteGraph) {
    let again = graph::from_node_link(&graph::to_node_link(g));
    assert!(again.is_ok(), "a graph we wrote does not load: {again:?}");
    let rebuilt = graph::merge(std::slice::from_ref(g));
    let back = graph::from_node_link(&graph::to_node_link(&rebuilt));
    assert!(back.is_ok(), "a merged graph does not load: {back:?}");
    let bounded = ViewOptions {
        max_nodes: Some(20),
        ..ViewOptions::default()
    };
    if let Ok(map) = export::view(g, &bounded) {
        let _ = export::dot(&map);
        xml_ok("SVG", &export::pure_rust_svg(&map));
    }
    if let Ok(page) = export::html_with(g, &bounded) {
        assert!(!page.is_empty());
    }
    xml_ok("GraphML", &export::graphml(g));
    xml_ok("GEXF", &export::gexf(g));
    let _ = export::cytoscape(g);
    let _ = export::neo4j_csv(g);
    let ix = QuoteIndex::new(g);
    let entities: Vec<_> = g.nodes().filter(|(_, n)| n.kind.is_entity()).collect();
    for (_, n) in g
        .nodes()
        .filter(|(_, n)| n.kind == graph::NodeKind::Quote)
        .take(2)
    {
        let words: String = n
            .label
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        let _ = query::who_said(g, &ix, &words, true);
    }
    if let (Some(&(a, _)), Some(&(b, _))) = (entities.first(), entities.last()) {
        let _ = query::shortest_path(g, a, b);
        let _ = query::all_paths(g, a, b, 3);
        let _ = query::neighbors(g, a, 2);
        let _ = query::stances(g, Some(a), None);
        let _ = query::quotes(g, Some(a), Some(b));
    }
    let _ = export::view(
        g,
        &ViewOptions {
            quotes: true,
            since: Some("2024-01-01".into()),
            ..ViewOptions::default()
        },
    );
}

/// `extract`: article extraction on any text.
pub fn extract(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let article = Article::new("fuzz", text, None);
    article_ok(&article);
    let x = quotegraph::extract::extract_with_entities(&article);
    for r in x.records() {
        let (a, b) = (r.content_start, r.content_end);
        assert!(a <= b && b <= x.text.len());
        assert!(x.text.is_char_boundary(a) && x.text.is_char_boundary(b));
    }
    for m in &x.mentions {
        assert!(m.span.end <= x.text.len() && x.text.is_char_boundary(m.span.start));
    }
    let facts = quotegraph::pipeline::facts_of(&article);
    let line = format::to_line(&facts);
    if let Err(e) = format::from_line(&line) {
        panic!("facts we wrote do not read back: {e}");
    }
    // The graph of the article reads back (the exports and queries of graphs are the other
    // targets' work: doing them here would cost most of each run).
    let g = graph::build(&quotegraph::pipeline::analyze(std::slice::from_ref(
        &article,
    )));
    let back = graph::from_node_link(&graph::to_node_link(&g));
    assert!(back.is_ok(), "a graph we wrote does not load: {back:?}");
}

/// The file names `ingest_any` picks from by the input's first byte: a name without
/// extension is sniffed, compression included.
pub const ANY_NAMES: [&str; 8] = [
    "fuzz",
    "fuzz.txt",
    "fuzz.warc",
    "fuzz.rss",
    "fuzz.csv",
    "fuzz.tsv",
    "fuzz.jsonl.gz",
    "fuzz.txt.zst",
];

/// `ingest_any`: every input format, the first byte picking the reader.
pub fn ingest_any(data: &[u8]) {
    if let Some((&first, rest)) = data.split_first() {
        ingest(rest, ANY_NAMES[usize::from(first) % ANY_NAMES.len()]);
    }
}

/// `load_graph`: graph.json from any bytes, refused with a reason or usable by every command.
pub fn load_graph(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(g) = graph::from_node_link(text) {
        use_graph(&g);
    }
}

/// `load_facts`: a facts shard from any bytes; the lines accepted build a usable graph.
pub fn load_facts(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let facts: Vec<_> = text
        .lines()
        .filter_map(|l| format::from_line(l).ok())
        .collect();
    if !facts.is_empty() {
        use_graph(&graph::build(&quotegraph::corpus::from_facts(facts)));
    }
}
