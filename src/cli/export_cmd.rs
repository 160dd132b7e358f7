//! `export`: the graph, or a view of it, in one format, from a store (streamed when whole) or
//! a graph.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use quotegraph::export::{
    self, CytoscapeWriter, GexfWriter, GraphmlWriter, Neo4jWriter, ViewOptions,
};
use quotegraph::facts::format;
use quotegraph::graph::{self, GraphSink, NodeLinkWriter, QuoteGraph};
use quotegraph::store::read::Filter;
use quotegraph::store::{Store, StoreError};

use super::build::Pending;
use super::files::{bound, svg_options, write_atomic};
use super::source::{resolve_one, Loaded, Source};

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
    /// The stored articles' facts, one a line (a fact shard, for `ingest --facts` and `merge`).
    Facts,
}

#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    source: Source,
    #[arg(long, short, value_enum, default_value = "dot")]
    format: ExportFormat,
    /// Write here instead of stdout (a directory for neo4j-csv).
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// Only this speaker and what they said.
    #[arg(long)]
    speaker: Option<String>,
    /// Only this entity's neighbourhood ...
    #[arg(long)]
    ego: Option<String>,
    /// ... up to this many edges away.
    #[arg(long, default_value_t = 1)]
    depth: usize,
    /// Only stance edges.
    #[arg(long)]
    stance_only: bool,
    /// Keep quote and article nodes (by default quotes fold into speaker → entity edges).
    #[arg(long)]
    quotes: bool,
    /// SVG: use the pure-Rust layout even when Graphviz is installed.
    #[arg(long)]
    pure_rust_svg: bool,
    /// At most this many nodes, the most connected (pictures default to 100; 0: all).
    #[arg(long)]
    max_nodes: Option<usize>,
    /// Only quotes from articles dated on or after this day (YYYY-MM-DD).
    #[arg(long)]
    since: Option<String>,
    /// Only quotes from articles dated on or before this day (YYYY-MM-DD).
    #[arg(long)]
    until: Option<String>,
}

/// Nodes a narrowed export from a store reads at most.
const NARROW_LIMIT: usize = 5000;

pub fn export(a: &ExportArgs) -> Result<ExitCode> {
    let picture = matches!(
        a.format,
        ExportFormat::Dot | ExportFormat::Svg | ExportFormat::Html
    );
    let mut view = ViewOptions {
        quotes: a.quotes,
        speaker: a.speaker.clone(),
        ego: a.ego.clone().map(|e| (e, a.depth)),
        stance_only: a.stance_only,
        max_nodes: match a.max_nodes {
            Some(m) => bound(m),
            None if picture => Some(export::DEFAULT_MAX_NODES),
            None => None,
        },
        since: a.since.clone(),
        until: a.until.clone(),
    };
    let whole = !picture && !view.narrows() && view.max_nodes.is_none();
    let (full, totals) = match a.source.open()? {
        Loaded::Store(st) => {
            if a.format == ExportFormat::Facts {
                return facts(&st, a.out.as_ref());
            }
            if whole {
                return stream(&st, a);
            }
            let totals = st.graph_totals()?;
            (narrowed(&st, &mut view)?, Some(totals))
        }
        Loaded::Graph(g) => (*g, None),
    };
    if a.format == ExportFormat::Facts {
        let text: String = full
            .facts()
            .iter()
            .map(|f| format::to_line(f) + "\n")
            .collect();
        return emit(a, &text);
    }
    let viewed;
    let g = if whole || a.format == ExportFormat::Html {
        &full
    } else {
        viewed = export::view(&full, &view)?;
        &viewed
    };
    let text = match a.format {
        ExportFormat::Dot => export::dot(g),
        ExportFormat::Svg => {
            let (svg, renderer) = export::svg_with(g, &svg_options(a.pure_rust_svg));
            say!("quotegraph: SVG drawn by {}", renderer.as_str());
            svg
        }
        ExportFormat::Json => graph::to_node_link(g),
        ExportFormat::Graphml => export::graphml(g),
        ExportFormat::Gexf => export::gexf(g),
        ExportFormat::Cytoscape => export::cytoscape(g),
        ExportFormat::Html => match totals {
            Some(t) => export::html_with_totals(g, &view, t)?,
            None => export::html_with(g, &view)?,
        },
        ExportFormat::Neo4jCsv => {
            let (nodes, rels) = export::neo4j_csv(g);
            if let Some(dir) = &a.out {
                std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
                write_atomic(&dir.join("nodes.csv"), &nodes)?;
                write_atomic(&dir.join("relationships.csv"), &rels)?;
                return Ok(ExitCode::SUCCESS);
            }
            format!("{nodes}\n{rels}")
        }
        ExportFormat::Facts => String::new(),
    };
    emit(a, &text)
}

fn emit(a: &ExportArgs, text: &str) -> Result<ExitCode> {
    match &a.out {
        Some(path) => write_atomic(path, text)?,
        None => io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The part of a store a narrowed export or a picture shows, as a small graph (names resolved
/// in the store; the view's names become entity ids, its dates already applied).
fn narrowed(st: &Store, view: &mut ViewOptions) -> Result<QuoteGraph> {
    let filter = Filter {
        since: view.since.take(),
        until: view.until.take(),
        source: None,
    };
    if let Some(name) = view.speaker.take() {
        let e = resolve_one(st, &name)?;
        view.speaker = Some(e.id.clone());
        return Ok(st.speaker_graph(&e.id, NARROW_LIMIT, &filter)?);
    }
    if let Some((name, depth)) = view.ego.take() {
        let e = resolve_one(st, &name)?;
        view.ego = Some((e.id.clone(), depth));
        return Ok(st.ego_graph(&e.id, depth, NARROW_LIMIT, &filter)?);
    }
    let candidates = view
        .max_nodes
        .map_or(NARROW_LIMIT, |m| (m * 3).clamp(150, NARROW_LIMIT));
    Ok(st.map_graph(candidates, &filter)?)
}

/// The whole graph of a store in a data format, streamed to a file or stdout.
fn stream(st: &Store, a: &ExportArgs) -> Result<ExitCode> {
    if a.format == ExportFormat::Neo4jCsv {
        if let Some(dir) = &a.out {
            std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
            let (pn, wn) = Pending::create(&dir.join("nodes.csv"))?;
            let (pr, wr) = Pending::create(&dir.join("relationships.csv"))?;
            let mut sink = Neo4jWriter::new(wn, wr);
            st.stream_graph(&mut sink, &mut |_| {})?;
            pn.done()?;
            pr.done()?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    let (pending, out): (Option<Pending>, Box<dyn Write>) = match &a.out {
        Some(path) => {
            let (p, w) = Pending::create(path)?;
            (Some(p), Box::new(w))
        }
        None => (None, Box::new(io::BufWriter::new(io::stdout().lock()))),
    };
    let dated = st.has_dates()?;
    let mut sink: Box<dyn GraphSink> = match a.format {
        ExportFormat::Json => Box::new(NodeLinkWriter::new(out)),
        ExportFormat::Graphml => Box::new(GraphmlWriter::new(out)),
        ExportFormat::Gexf => Box::new(GexfWriter::new(out, dated)),
        ExportFormat::Cytoscape => Box::new(CytoscapeWriter::new(out)),
        _ => Box::new(Neo4jWriter::new(out, io::sink())),
    };
    st.stream_graph(sink.as_mut(), &mut |_| {})
        .map_err(|e| match e {
            StoreError::Write(io) => anyhow::Error::from(io),
            other => anyhow::Error::from(other),
        })?;
    drop(sink);
    if let Some(p) = pending {
        p.done()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The store's facts as a shard (one article a line), streamed.
fn facts(st: &Store, out: Option<&PathBuf>) -> Result<ExitCode> {
    let (pending, mut w): (Option<Pending>, Box<dyn Write>) = match out {
        Some(path) => {
            let (p, w) = Pending::create(path)?;
            (Some(p), Box::new(w))
        }
        None => (None, Box::new(io::BufWriter::new(io::stdout().lock()))),
    };
    st.facts(1000, &mut |batch| {
        for f in &batch {
            writeln!(w, "{}", format::to_line(f)).map_err(StoreError::Write)?;
        }
        Ok(())
    })
    .map_err(|e| match e {
        StoreError::Write(io) => anyhow::Error::from(io),
        other => anyhow::Error::from(other),
    })?;
    w.flush()?;
    drop(w);
    if let Some(p) = pending {
        p.done()?;
    }
    Ok(ExitCode::SUCCESS)
}
