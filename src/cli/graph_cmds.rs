//! The graph commands: build, merge, export, and the queries.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use quotegraph::export::{self, SvgRenderer, ViewOptions};

use super::exit::InputError;
use super::files::{bound, svg_options, write_atomic, OutputLock};
use quotegraph::graph::{self, NodeKind, QuoteGraph};
use quotegraph::ingest::{self, IngestOptions};
use quotegraph::pipeline;
use quotegraph::query::{self, QuoteIndex, Step};

/// Where a query's graph comes from.
#[derive(Args, Debug, Clone)]
pub struct Source {
    /// The graph to query (written by `build`).
    #[arg(long, default_value = "graphs/graph.json")]
    pub graph: PathBuf,
    /// Build the graph from these files or directories instead of reading --graph.
    #[arg(long, num_args = 1..)]
    pub corpus: Vec<PathBuf>,
}

impl Source {
    pub fn load(&self) -> Result<QuoteGraph> {
        if !self.corpus.is_empty() {
            return build_graph(&self.corpus, true, &IngestOptions::default());
        }
        let text = std::fs::read_to_string(&self.graph).map_err(|e| {
            InputError(format!(
                "{}: {e} (run `quotegraph build` first, or pass --corpus)",
                self.graph.display()
            ))
        })?;
        graph::from_node_link(&text)
            .with_context(|| format!("{}: not a quotegraph graph", self.graph.display()))
    }
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    Dot,
    Svg,
    Json,
    Graphml,
    Gexf,
    Cytoscape,
    Neo4jCsv,
    Html,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum QueryFormat {
    Table,
    Json,
}

/// The graph of a corpus, read in batches: only the facts of the articles already read are
/// kept, never their text.
fn build_graph(paths: &[PathBuf], quiet: bool, opts: &IngestOptions) -> Result<QuoteGraph> {
    use rayon::prelude::*;
    let bar = if quiet || !io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} extracting: {pos} articles {per_sec}")
                .expect("template"),
        )
    };
    let mut facts = Vec::new();
    let items = ingest::stream(paths, opts);
    for batch in super::batch::batches(items) {
        let done: Vec<_> = batch
            .par_iter()
            .map(|a| {
                let f = pipeline::facts_of(a);
                bar.inc(1);
                f
            })
            .collect();
        facts.extend(done);
    }
    bar.finish_and_clear();
    if facts.is_empty() {
        let what = format!("no readable articles in {}", show(paths));
        return Err(InputError(what).into());
    }
    Ok(graph::build(&quotegraph::corpus::from_facts(facts)))
}

fn show(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The files `build` and `merge` write, the SVG (which may wait for Graphviz) last.
const EXPORT_FILES: [&str; 7] = [
    "graph.json",
    "graph.dot",
    "graph.graphml",
    "graph.gexf",
    "graph.cyjs",
    "index.html",
    "graph.svg",
];

/// Writes every export of `g` into `dir` (the map bounded to `max_nodes` entities; 0: all);
/// returns which renderer drew the SVG and how many entities the map shows. The SVG is written
/// last, so every other file is there even if drawing is stopped.
fn write_all(
    g: &QuoteGraph,
    dir: &Path,
    pure_rust_svg: bool,
    max_nodes: usize,
) -> Result<(SvgRenderer, usize)> {
    let _lock = OutputLock::take(dir, &EXPORT_FILES)?;
    let options = ViewOptions {
        max_nodes: bound(max_nodes),
        ..ViewOptions::default()
    };
    let map = export::view(g, &options)?;
    // One export in memory at a time: made, written, dropped.
    type Make<'a> = Box<dyn Fn() -> Result<String> + 'a>;
    let files: [(&str, Make); 6] = [
        ("graph.json", Box::new(|| Ok(graph::to_node_link(g)))),
        ("graph.dot", Box::new(|| Ok(export::dot(&map)))),
        ("graph.graphml", Box::new(|| Ok(export::graphml(g)))),
        ("graph.gexf", Box::new(|| Ok(export::gexf(g)))),
        ("graph.cyjs", Box::new(|| Ok(export::cytoscape(g)))),
        (
            "index.html",
            Box::new(|| Ok(export::html_with(g, &options)?)),
        ),
    ];
    for (name, make) in files {
        write_atomic(&dir.join(name), &make()?)?;
    }
    let (svg, renderer) = export::svg_with(&map, &svg_options(pure_rust_svg));
    write_atomic(&dir.join("graph.svg"), &svg)?;
    Ok((renderer, map.node_count()))
}

fn summary(g: &QuoteGraph, dir: &Path, (renderer, shown): (SvgRenderer, usize)) -> Result<()> {
    let count = |k: NodeKind| g.nodes().filter(|(_, n)| n.kind == k).count();
    let entities = g.nodes().filter(|(_, n)| n.kind.is_entity()).count();
    writeln!(
        io::stdout(),
        "{}: {} articles, {} quotes, {} entities; {} nodes, {} edges; map of {} entities, graph.svg drawn by {}",
        dir.display(),
        count(NodeKind::Article),
        count(NodeKind::Quote),
        entities,
        g.node_count(),
        g.edge_count(),
        shown,
        renderer.as_str()
    )?;
    Ok(())
}

pub fn build(
    paths: &[PathBuf],
    out: &Path,
    pure_rust_svg: bool,
    max_nodes: usize,
    quiet: bool,
    opts: &IngestOptions,
) -> Result<ExitCode> {
    let g = build_graph(paths, quiet, opts)?;
    let drawn = write_all(&g, out, pure_rust_svg, max_nodes)?;
    summary(&g, out, drawn)?;
    Ok(ExitCode::SUCCESS)
}

pub fn merge(
    graphs: &[PathBuf],
    out: &Path,
    pure_rust_svg: bool,
    max_nodes: usize,
) -> Result<ExitCode> {
    let mut parts = Vec::new();
    for p in graphs {
        let part = Source {
            graph: p.clone(),
            corpus: Vec::new(),
        }
        .load()?;
        let facts = part.nodes().filter(|(_, n)| n.facts.is_some()).count();
        let articles = part.nodes().filter(|(_, n)| n.kind == NodeKind::Article);
        if articles.count() > facts || (facts == 0 && part.node_count() > 0) {
            let what = format!(
                "{}: articles without their facts (a view written by `export`?); merge reads the graph.json of `build` or `merge`",
                p.display()
            );
            return Err(InputError(what).into());
        }
        parts.push(part);
    }
    warn_changed_articles(graphs, &parts);
    let g = graph::merge(&parts);
    let drawn = write_all(&g, out, pure_rust_svg, max_nodes)?;
    summary(&g, out, drawn)?;
    Ok(ExitCode::SUCCESS)
}

/// One line on stderr for each article that two parts hold with different text (the first
/// part's is kept, as `merge` keeps the first).
fn warn_changed_articles(paths: &[PathBuf], parts: &[QuoteGraph]) {
    let mut first: std::collections::HashMap<String, (String, usize)> = Default::default();
    for (k, part) in parts.iter().enumerate() {
        for f in part.facts() {
            let (hash, at) = first
                .entry(f.doc_id.clone())
                .or_insert((f.content_hash.clone(), k));
            if *hash != f.content_hash && *at != k {
                eprintln!(
                    "quotegraph: warning: article {:?} differs between {} and {}; the first is kept",
                    f.doc_id,
                    paths[*at].display(),
                    paths[k].display()
                );
            }
        }
    }
}

/// One export. Pictures (DOT, SVG, HTML) show the map bounded to `max_nodes` (default
/// [`export::DEFAULT_MAX_NODES`]); data formats keep the whole graph unless a view or
/// `max_nodes` narrows it. `max_nodes` 0: no bound.
pub fn export(
    source: &Source,
    format: ExportFormat,
    out: Option<&Path>,
    mut view: ViewOptions,
    max_nodes: Option<usize>,
    pure_rust_svg: bool,
) -> Result<ExitCode> {
    let full = source.load()?;
    let picture = matches!(
        format,
        ExportFormat::Dot | ExportFormat::Svg | ExportFormat::Html
    );
    view.max_nodes = match max_nodes {
        Some(m) => bound(m),
        None if picture => Some(export::DEFAULT_MAX_NODES),
        None => None,
    };
    let whole = !picture && !view.narrows() && view.max_nodes.is_none();
    let viewed;
    let g = if whole || format == ExportFormat::Html {
        &full
    } else {
        viewed = export::view(&full, &view)?;
        &viewed
    };
    let text = match format {
        ExportFormat::Dot => export::dot(g),
        ExportFormat::Svg => {
            let (svg, renderer) = export::svg_with(g, &svg_options(pure_rust_svg));
            eprintln!("quotegraph: SVG drawn by {}", renderer.as_str());
            svg
        }
        ExportFormat::Json => graph::to_node_link(g),
        ExportFormat::Graphml => export::graphml(g),
        ExportFormat::Gexf => export::gexf(g),
        ExportFormat::Cytoscape => export::cytoscape(g),
        ExportFormat::Html => export::html_with(g, &view)?,
        ExportFormat::Neo4jCsv => {
            let (nodes, rels) = export::neo4j_csv(g);
            match out {
                Some(dir) => {
                    std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
                    write_atomic(&dir.join("nodes.csv"), &nodes)?;
                    write_atomic(&dir.join("relationships.csv"), &rels)?;
                    return Ok(ExitCode::SUCCESS);
                }
                None => format!("{nodes}\n{rels}"),
            }
        }
    };
    match out {
        Some(path) => write_atomic(path, &text)?,
        None => io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

fn entity(g: &QuoteGraph, name: &str) -> Result<petgraph::stable_graph::NodeIndex> {
    match g.find_entity(name) {
        Some((i, _)) => Ok(i),
        None => bail!("no entity named {name:?} in the graph"),
    }
}

fn one_line(s: &str, max: usize) -> String {
    super::output::clip(s, max)
}

pub fn who_said(
    source: &Source,
    phrase: &str,
    fuzzy: bool,
    format: QueryFormat,
) -> Result<ExitCode> {
    let g = source.load()?;
    let ix = QuoteIndex::new(&g);
    let hits = query::who_said(&g, &ix, phrase, fuzzy);
    if format == QueryFormat::Json {
        print_json(&hits)?;
    } else {
        let mut out = io::stdout().lock();
        if hits.is_empty() {
            writeln!(out, "nobody said {phrase:?}")?;
        }
        for h in &hits {
            writeln!(
                out,
                "{} ({} quote{})",
                one_line(&h.name, 80),
                h.quotes.len(),
                if h.quotes.len() == 1 { "" } else { "s" }
            )?;
            for q in &h.quotes {
                let kind = q.kind.map_or("", |k| k.as_str());
                writeln!(out, "  [{kind}] “{}”", one_line(&q.text, 150))?;
                for o in &q.occurrences {
                    writeln!(
                        out,
                        "      {} · {}",
                        one_line(o.article.trim_start_matches("article:"), 80),
                        one_line(&o.context, 140)
                    )?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn chain(steps: &[Step]) -> String {
    let mut s = steps
        .first()
        .map(|st| one_line(&st.from, 80))
        .unwrap_or_default();
    for st in steps {
        let what = match st.polarity {
            Some(p) => format!("{} ({})", st.kind.as_str(), p.as_str()),
            None => st.kind.as_str().to_string(),
        };
        if st.forward {
            s.push_str(&format!(" —{what}→ {}", one_line(&st.to, 80)));
        } else {
            s.push_str(&format!(" ←{what}— {}", one_line(&st.to, 80)));
        }
    }
    s
}

pub fn path(
    source: &Source,
    from: &str,
    to: &str,
    all: Option<usize>,
    format: QueryFormat,
) -> Result<ExitCode> {
    let g = source.load()?;
    let (a, b) = (entity(&g, from)?, entity(&g, to)?);
    let paths = match all {
        Some(max) => query::all_paths(&g, a, b, max),
        None => query::shortest_path(&g, a, b).into_iter().collect(),
    };
    if format == QueryFormat::Json {
        print_json(&paths)?;
    } else {
        let mut out = io::stdout().lock();
        if paths.is_empty() {
            writeln!(out, "no path between {from:?} and {to:?}")?;
            return Ok(ExitCode::from(1));
        }
        for p in &paths {
            writeln!(out, "{}", chain(p))?;
        }
    }
    Ok(if paths.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn neighbors(
    source: &Source,
    name: &str,
    depth: usize,
    format: QueryFormat,
) -> Result<ExitCode> {
    let g = source.load()?;
    let start = entity(&g, name)?;
    let rows = query::neighbors(&g, start, depth);
    if format == QueryFormat::Json {
        print_json(&rows)?;
    } else {
        let mut out = io::stdout().lock();
        for r in &rows {
            writeln!(
                out,
                "{} {:<10} {:<28} {}",
                r.depth,
                r.kind.as_str(),
                one_line(&r.name, 28),
                chain(std::slice::from_ref(&r.via))
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn stances(
    source: &Source,
    speaker: Option<&str>,
    target: Option<&str>,
    format: QueryFormat,
) -> Result<ExitCode> {
    let g = source.load()?;
    let s = speaker.map(|n| entity(&g, n)).transpose()?;
    let t = target.map(|n| entity(&g, n)).transpose()?;
    let rows = query::stances(&g, s, t);
    if format == QueryFormat::Json {
        print_json(&rows)?;
    } else {
        let mut out = io::stdout().lock();
        writeln!(
            out,
            "{:<26} {:<8} {:>6}  {:<26} EVIDENCE",
            "SPEAKER", "STANCE", "SCORE", "TARGET"
        )?;
        for r in &rows {
            writeln!(
                out,
                "{:<26} {:<8} {:>6.2}  {:<26} {}",
                one_line(&r.speaker, 26),
                r.polarity.map_or("", |p| p.as_str()),
                r.score.unwrap_or(0.0),
                one_line(&r.target, 26),
                r.quotes
                    .first()
                    .map(|q| format!(
                        "“{}”{}",
                        one_line(&q.text, 70),
                        if r.quotes.len() > 1 {
                            format!(" +{}", r.quotes.len() - 1)
                        } else {
                            String::new()
                        }
                    ))
                    .unwrap_or_default()
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn quotes(
    source: &Source,
    speaker: Option<&str>,
    mentions: Option<&str>,
    format: QueryFormat,
) -> Result<ExitCode> {
    let g = source.load()?;
    let s = speaker.map(|n| entity(&g, n)).transpose()?;
    let m = mentions.map(|n| entity(&g, n)).transpose()?;
    let rows = query::quotes(&g, s, m);
    if format == QueryFormat::Json {
        print_json(&rows)?;
    } else {
        let mut out = io::stdout().lock();
        for q in &rows {
            let who: Vec<&str> = q
                .occurrences
                .iter()
                .filter_map(|o| o.speaker_mention.as_deref())
                .collect();
            writeln!(
                out,
                "[{}] “{}” — {}",
                q.kind.map_or("", |k| k.as_str()),
                one_line(&q.text, 140),
                one_line(&who.join(", "), 80)
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
