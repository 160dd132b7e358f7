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

use super::exit::InputError;

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
    let text = std::fs::read_to_string(path).map_err(|e| {
        InputError(format!(
            "{}: {e} (run `quotegraph build` first)",
            path.display()
        ))
    })?;
    graph::from_node_link(&text)
        .with_context(|| format!("{}: not a quotegraph graph", path.display()))
}

/// The graph of a corpus analysed in memory (for `--corpus`), read in batches: only the facts
/// of the articles already read are kept, never their text.
pub fn build_graph(paths: &[PathBuf], quiet: bool) -> Result<QuoteGraph> {
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
    let items = ingest::stream(paths, &IngestOptions::default());
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
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        let what = format!("no readable articles in {}", shown.join(", "));
        return Err(InputError(what).into());
    }
    Ok(graph::build(&quotegraph::corpus::from_facts(facts)))
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
