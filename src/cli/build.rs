//! `build` (the main job: a corpus into `graphs/quotegraph.db`, then every export) and `merge`
//! (stores, fact shards or old graphs into one store, then every export), and the writing of
//! the exports from a store.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use quotegraph::export::{
    self, CytoscapeWriter, GexfWriter, GraphmlWriter, SvgRenderer, ViewOptions,
};
use quotegraph::facts::EXTRACTOR;
use quotegraph::graph::{Edge, GraphSink, Node, NodeLinkWriter, Tee};
use quotegraph::ingest;
use quotegraph::pipeline::{self, Ingested, Run};
use quotegraph::store::read::Filter;
use quotegraph::store::Store;

use super::exit::InputError;
use super::files::{bound, svg_options, write_atomic, OutputLock};
use super::ingest_cmd::{add, busy_timeout, ingest_paths, Bar, Limits};
use super::source::load_graph;

#[derive(Args)]
pub struct BuildArgs {
    /// Files or directories to read (recursively: .txt .md .jsonl .ndjson .html .htm .warc
    /// .rss .atom .xml .csv .tsv, each also .gz or .zst).
    #[arg(default_value = "corpus")]
    paths: Vec<PathBuf>,
    /// Output directory (the store is `quotegraph.db` in it).
    #[arg(long, short, default_value = "graphs")]
    out: PathBuf,
    #[command(flatten)]
    draw: DrawArgs,
    /// Articles per batch.
    #[arg(long, default_value_t = pipeline::DEFAULT_BATCH)]
    batch: usize,
    #[command(flatten)]
    limits: Limits,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Args)]
pub struct DrawArgs {
    /// Render graph.svg with the pure-Rust layout even when Graphviz is installed.
    #[arg(long)]
    pure_rust_svg: bool,
    /// The map (graph.dot, graph.svg, index.html) shows at most this many of the most
    /// connected entities; 0 shows all (from a store: all of the 5,000 most connected).
    #[arg(long, default_value_t = quotegraph::export::DEFAULT_MAX_NODES)]
    max_nodes: usize,
}

#[derive(Args)]
pub struct MergeArgs {
    /// Stores (`quotegraph.db`), fact shards (`*.facts.jsonl[.gz|.zst]`, or directories of
    /// them) and graph.json files written with their articles' facts.
    #[arg(required = true)]
    parts: Vec<PathBuf>,
    /// Output directory (every export is written, as by `build`).
    #[arg(long, short)]
    out: PathBuf,
    #[command(flatten)]
    draw: DrawArgs,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

/// The store of an output directory.
pub fn store_in(dir: &Path) -> PathBuf {
    dir.join("quotegraph.db")
}

/// The files `build` and `merge` write (the SVG, which may wait for Graphviz, last).
const OUTPUT_FILES: [&str; 7] = [
    "graph.json",
    "graph.graphml",
    "graph.gexf",
    "graph.cyjs",
    "graph.dot",
    "index.html",
    "graph.svg",
];

pub fn build(a: &BuildArgs) -> Result<ExitCode> {
    let existed = a.out.exists();
    let lock = OutputLock::take(&a.out, &OUTPUT_FILES)?;
    let db = store_in(&a.out);
    let (run, made_by) = {
        let store = own_store(&db)?;
        (store.next_run()?, store.extractor()?)
    };
    // Facts an older (or another) extractor made are made again: the graph is this code's.
    let reextract = made_by.as_deref() != Some(EXTRACTOR);
    let bar = Bar::new(a.quiet, "articles");
    let got = ingest_paths(
        &a.paths,
        &db,
        Run {
            batch: a.batch,
            run: Some(run),
            busy_timeout: busy_timeout(),
            reextract,
        },
        &a.limits.options(),
        &bar,
    )?;
    if got.read == 0 {
        bar.done();
        let shown: Vec<String> = a.paths.iter().map(|p| p.display().to_string()).collect();
        let what = format!("no readable articles in {}", shown.join(", "));
        if !existed {
            // Nothing to show for: the folder this run made goes again.
            drop(lock);
            let _ = std::fs::remove_dir_all(&a.out);
        }
        return Err(InputError(what).into());
    }
    // The store holds exactly this build's inputs: articles not read this time go.
    bar.phase("removing articles no longer in the input");
    let mut store = Store::open(&db)?;
    store.remove_unseen(run, a.batch)?;
    store.set_extractor(EXTRACTOR)?;
    drop(store);
    let written = write_exports(&db, &a.out, &a.draw, &bar)?;
    bar.done();
    summary(&a.out, &written)?;
    Ok(ExitCode::SUCCESS)
}

pub fn merge(a: &MergeArgs) -> Result<ExitCode> {
    let _lock = OutputLock::take(&a.out, &OUTPUT_FILES)?;
    let db = store_in(&a.out);
    let tmp = a.out.join(".quotegraph.db.merging");
    for p in [
        &tmp,
        &tmp.with_extension("merging-wal"),
        &tmp.with_extension("merging-shm"),
    ] {
        let _ = std::fs::remove_file(p);
    }
    let bar = Bar::new(a.quiet, "articles");
    let mut total = Ingested::default();
    let run = Run::default();
    for part in &a.parts {
        let got = if part.is_dir() || ingest::is_shard(part) {
            pipeline::ingest_facts(
                &tmp,
                ingest::read_shards(std::slice::from_ref(part)),
                run,
                &bar,
            )?
        } else if is_store(part) {
            // Batch by batch from one store into the other: memory holds one batch.
            let from = Store::open_read(part)?;
            let mut into = Store::create(&tmp)?;
            let mut got = Ingested::default();
            from.facts(run.batch, &mut |b| {
                got.read += b.len();
                let r = into.add(&b)?;
                got.added += r.added;
                got.replaced += r.replaced;
                got.unchanged += r.unchanged;
                quotegraph::pipeline::Progress::stored(&bar, &r);
                Ok(())
            })?;
            got
        } else {
            let g = load_graph(part)?;
            let facts = g.facts();
            let articles = g
                .nodes()
                .filter(|(_, n)| n.kind == quotegraph::graph::NodeKind::Article)
                .count();
            if facts.len() < articles {
                let what = format!(
                    "{}: a graph written without its articles' facts; merge the stores \
                     (quotegraph.db) or fact shards of the parts instead",
                    part.display()
                );
                return Err(InputError(what).into());
            }
            pipeline::ingest_facts(&tmp, facts.into_iter().map(Ok), run, &bar)?
        };
        add(&mut total, got);
    }
    if total.read == 0 {
        return Err(InputError("nothing to merge: the parts hold no articles".into()).into());
    }
    if total.replaced > 0 {
        say!(
            "quotegraph: warning: {} article(s) appear in several parts with different text; \
             the last part's is kept (as ingesting the parts in order would)",
            total.replaced
        );
    }
    drop_store(&db);
    std::fs::rename(&tmp, &db).with_context(|| format!("{}", db.display()))?;
    let written = write_exports(&db, &a.out, &a.draw, &bar)?;
    bar.done();
    summary(&a.out, &written)?;
    Ok(ExitCode::SUCCESS)
}

/// The store of `build`'s output folder: made from the input alone, so one of another layout
/// or version, or damaged, is made again (with a warning) rather than refused.
fn own_store(db: &Path) -> Result<Store> {
    use quotegraph::store::StoreError;
    match Store::create(db) {
        Err(e @ (StoreError::Corrupt { .. } | StoreError::Version { .. })) => {
            say!("quotegraph: warning: {e}; it is made again from the input");
            drop_store(db);
            Ok(Store::create(db)?)
        }
        other => Ok(other?),
    }
}

/// Whether a file starts like an SQLite database.
fn is_store(path: &Path) -> bool {
    let mut head = [0u8; 16];
    File::open(path)
        .and_then(|mut f| io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| &head == b"SQLite format 3\0")
}

/// Removes a store and its write-ahead log (before another takes its place).
fn drop_store(db: &Path) {
    for ext in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_os_string();
        p.push(ext);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// What `write_exports` wrote.
pub struct Written {
    pub totals: [usize; 3],
    pub nodes: usize,
    pub edges: usize,
    pub shown: usize,
    pub renderer: SvgRenderer,
}

/// Counts what passes through.
#[derive(Default)]
struct Count {
    nodes: usize,
    edges: usize,
}

impl GraphSink for Count {
    fn node(&mut self, _: &Node) -> io::Result<()> {
        self.nodes += 1;
        Ok(())
    }
    fn edge(&mut self, _: &str, _: &str, _: &Edge) -> io::Result<()> {
        self.edges += 1;
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A file written through a temporary name, renamed into place when complete.
pub struct Pending {
    tmp: PathBuf,
    path: PathBuf,
}

impl Pending {
    pub fn create(path: &Path) -> Result<(Pending, BufWriter<File>)> {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        // The name `OutputLock` clears when a killed run left it behind.
        let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let f = File::create(&tmp).with_context(|| format!("{}", tmp.display()))?;
        Ok((
            Pending {
                tmp,
                path: path.to_path_buf(),
            },
            BufWriter::with_capacity(1 << 20, f),
        ))
    }

    pub fn done(self) -> Result<()> {
        std::fs::rename(&self.tmp, &self.path).with_context(|| format!("{}", self.path.display()))
    }
}

/// Writes every export of the store at `db` into `dir`: the data files streamed from the store
/// (graph.json, graph.graphml, graph.gexf, graph.cyjs), then the map (graph.dot, index.html,
/// graph.svg last, so every other file is there even if drawing is stopped).
pub fn write_exports(db: &Path, dir: &Path, draw: &DrawArgs, bar: &Bar) -> Result<Written> {
    // Opened to write (it writes nothing) so that closing it folds the write-ahead log back.
    let store = Store::open(db)?;
    let dated = store.has_dates()?;
    let names = ["graph.json", "graph.graphml", "graph.gexf", "graph.cyjs"];
    let mut pending = Vec::new();
    let mut outs = Vec::new();
    for n in names {
        let (p, w) = Pending::create(&dir.join(n))?;
        pending.push(p);
        outs.push(w);
    }
    let mut outs = outs.into_iter();
    let mut json = NodeLinkWriter::new(outs.next().expect("four files"));
    let mut graphml = GraphmlWriter::new(outs.next().expect("four files"));
    let mut gexf = GexfWriter::new(outs.next().expect("four files"), dated);
    let mut cy = CytoscapeWriter::new(outs.next().expect("four files"));
    let mut count = Count::default();
    {
        let mut tee = Tee(vec![
            &mut json,
            &mut graphml,
            &mut gexf,
            &mut cy,
            &mut count,
        ]);
        store.stream_graph(&mut tee, &mut |phase| {
            bar.phase(&format!("writing {phase}"))
        })?;
    }
    for p in pending {
        p.done()?;
    }
    bar.phase("selecting the map");
    let max = bound(draw.max_nodes);
    let candidates = max.map_or(5000, |m| (m * 3).max(150));
    let g = store.map_graph(candidates, &Filter::default())?;
    let options = ViewOptions {
        max_nodes: max.or(Some(5000)),
        ..ViewOptions::default()
    };
    let map = export::view(&g, &options)?;
    let totals = store.graph_totals()?;
    write_atomic(&dir.join("graph.dot"), &export::dot(&map))?;
    write_atomic(
        &dir.join("index.html"),
        &export::html_with_totals(&g, &options, totals)?,
    )?;
    bar.phase("drawing graph.svg");
    let (svg, renderer) = export::svg_with(&map, &svg_options(draw.pure_rust_svg));
    write_atomic(&dir.join("graph.svg"), &svg)?;
    Ok(Written {
        totals,
        nodes: count.nodes,
        edges: count.edges,
        shown: map.node_count(),
        renderer,
    })
}

fn summary(dir: &Path, w: &Written) -> io::Result<()> {
    let line = format!(
        "{}: {} articles, {} quotes, {} entities; {} nodes, {} edges; map of {} entities, graph.svg drawn by {}",
        dir.display(),
        w.totals[2],
        w.totals[1],
        w.totals[0],
        w.nodes,
        w.edges,
        w.shown,
        w.renderer.as_str()
    );
    writeln!(io::stdout(), "{line}")
}
