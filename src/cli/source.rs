//! Where a query or an export reads from (a store by default, a `graph.json`, or a corpus
//! analysed on the spot), the article filters, and names typed by people resolved to entities.

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use quotegraph::graph::{self, QuoteGraph};
use quotegraph::ingest::{self, IngestOptions};
use quotegraph::pipeline;
use quotegraph::store::read::{EntityRow, Filter, Lookup};
use quotegraph::store::Store;

/// Where a query's data comes from.
#[derive(Args, Debug, Clone)]
pub struct Source {
    /// The store to read (written by `ingest` or `build`).
    #[arg(long, default_value = "graphs/quotegraph.db")]
    pub db: PathBuf,
    /// Read this graph.json instead of a store (graphs made elsewhere).
    #[arg(long, conflicts_with = "corpus")]
    pub graph: Option<PathBuf>,
    /// Analyse these files or directories in memory instead of reading a store.
    #[arg(long, num_args = 1..)]
    pub corpus: Vec<PathBuf>,
}

/// What a [`Source`] opened.
pub enum Loaded {
    Store(Store),
    Graph(Box<QuoteGraph>),
}

impl Source {
    pub fn open(&self) -> Result<Loaded> {
        if !self.corpus.is_empty() {
            return Ok(Loaded::Graph(Box::new(build_graph(&self.corpus, true)?)));
        }
        if let Some(path) = &self.graph {
            return Ok(Loaded::Graph(Box::new(load_graph(path)?)));
        }
        Ok(Loaded::Store(Store::open_read(&self.db)?))
    }
}

/// Reads a graph.json.
pub fn load_graph(path: &std::path::Path) -> Result<QuoteGraph> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{} (run `quotegraph build` first)", path.display()))?;
    graph::from_node_link(&text)
        .with_context(|| format!("{}: not a quotegraph graph", path.display()))
}

/// The graph of a corpus analysed in memory (for `--corpus`).
pub fn build_graph(paths: &[PathBuf], quiet: bool) -> Result<QuoteGraph> {
    let input = ingest::read_paths(paths, &IngestOptions::default());
    for e in &input.errors {
        super::report_error(e);
    }
    if input.articles.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        bail!("no readable articles in {}", shown.join(", "));
    }
    let bar = if quiet || !io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(input.articles.len() as u64).with_style(
            ProgressStyle::with_template(
                "{spinner} extracting {pos}/{len} articles {wide_bar} {eta}",
            )
            .expect("template"),
        )
    };
    let analysis = pipeline::analyze_with(&input.articles, &|| bar.inc(1));
    bar.finish_and_clear();
    Ok(graph::build(&analysis))
}

/// Which articles a query looks at.
#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Only articles dated on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Only articles dated on or before this day (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    /// Only articles from this outlet (the `source` of the input; any case).
    #[arg(long)]
    pub source: Option<String>,
}

impl FilterArgs {
    pub fn filter(&self) -> Filter {
        Filter {
            since: self.since.clone(),
            until: self.until.clone(),
            source: self.source.clone(),
        }
    }

    /// Refuses filters on a graph (they need a store's article table).
    pub fn none_for_graph(&self) -> Result<()> {
        if !self.filter().is_empty() {
            bail!("--since, --until and --source read a store (--db), not a graph");
        }
        Ok(())
    }
}

/// The entities a name denotes in a store: one; with `all`, every candidate of an ambiguous
/// name. A name several entities answer to without `all`, or one nothing answers to, is an
/// error that lists the candidates or the closest names.
pub fn resolve(store: &Store, name: &str, all: bool) -> Result<Vec<EntityRow>> {
    match store.lookup(name)? {
        Lookup::Found(e) => Ok(vec![e]),
        Lookup::Several(list) if all => Ok(list),
        Lookup::Several(list) => {
            let shown: Vec<String> = list
                .iter()
                .take(10)
                .map(|e| format!("{} ({}, {} quotes, {})", e.name, e.kind, e.quotes, e.id))
                .collect();
            let more = list.len().saturating_sub(10);
            bail!(
                "{name:?} is {} entities: {}{}; give a fuller name, or --all",
                list.len(),
                shown.join("; "),
                if more > 0 {
                    format!("; and {more} more")
                } else {
                    String::new()
                }
            )
        }
        Lookup::NotFound { closest } if closest.is_empty() => {
            bail!("no entity named {name:?} in {}", store.path().display())
        }
        Lookup::NotFound { closest } => bail!(
            "no entity named {name:?} in {}; the closest names: {}",
            store.path().display(),
            closest.join(", ")
        ),
    }
}

/// The one entity a name denotes (an ambiguous name is an error listing the candidates).
pub fn resolve_one(store: &Store, name: &str) -> Result<EntityRow> {
    let mut found = resolve(store, name, false)?;
    Ok(found.remove(0))
}
