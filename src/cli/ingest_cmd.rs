//! `ingest`: articles (and fact shards) into a store, in batches, with a progress bar.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Result;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use quotegraph::ingest::{self, IngestOptions};
use quotegraph::pipeline::{self, Ingested, Progress, Run};
use quotegraph::store::BatchReport;

/// Where a command's store is.
#[derive(Args, Debug, Clone)]
pub struct IngestArgs {
    /// Files or directories of articles (recursively: .txt .md .jsonl .ndjson .html .htm .warc
    /// .rss .atom .xml .csv .tsv, each also .gz or .zst); `-` for stdin.
    pub paths: Vec<PathBuf>,
    /// The store (created when missing).
    #[arg(long, default_value = "graphs/quotegraph.db")]
    pub db: PathBuf,
    /// Fact shards made elsewhere (`*.facts.jsonl`, `.gz`, `.zst`; a file or a directory).
    #[arg(long, num_args = 1..)]
    pub facts: Vec<PathBuf>,
    /// Articles per batch (one transaction each; read and extracted 500 at a time).
    #[arg(long, default_value_t = pipeline::DEFAULT_BATCH)]
    pub batch: usize,
    #[command(flatten)]
    pub limits: Limits,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// How large an input may be.
#[derive(Args, Debug, Clone)]
pub struct Limits {
    /// Skip files read whole (a text file, a page, a feed) larger than this many bytes.
    #[arg(long, default_value_t = ingest::DEFAULT_MAX_FILE_BYTES)]
    pub max_file_bytes: u64,
    /// Skip articles with more text than this many bytes.
    #[arg(long, default_value_t = ingest::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: u64,
}

impl Limits {
    pub fn options(&self) -> IngestOptions {
        IngestOptions {
            max_file_bytes: self.max_file_bytes,
            max_article_bytes: self.max_article_bytes,
            ..IngestOptions::default()
        }
    }
}

/// A progress bar (on a terminal only) and the input errors, one line each on stderr.
pub struct Bar {
    bar: ProgressBar,
    read: AtomicUsize,
    extracted: AtomicUsize,
    stored: AtomicUsize,
    what: &'static str,
}

impl Bar {
    pub fn new(quiet: bool, what: &'static str) -> Bar {
        let bar = if quiet || !io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let b = ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{spinner} {elapsed} {msg}").expect("template"),
            );
            b.enable_steady_tick(std::time::Duration::from_millis(200));
            b
        };
        Bar {
            bar,
            read: AtomicUsize::new(0),
            extracted: AtomicUsize::new(0),
            stored: AtomicUsize::new(0),
            what,
        }
    }

    fn show(&self) {
        if self.bar.is_hidden() {
            return;
        }
        self.bar.set_message(format!(
            "{} {} read · {} extracted · {} stored",
            self.read.load(Ordering::Relaxed),
            self.what,
            self.extracted.load(Ordering::Relaxed),
            self.stored.load(Ordering::Relaxed),
        ));
    }

    /// Shows what is being done now (writing, rendering).
    pub fn phase(&self, msg: &str) {
        if !self.bar.is_hidden() {
            self.bar.set_message(msg.to_string());
        }
    }

    pub fn done(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn input_error(&self, e: &quotegraph::Error) {
        self.bar.suspend(|| super::report_error(e));
    }

    fn read(&self, n: usize) {
        self.read.fetch_add(n, Ordering::Relaxed);
        self.show();
    }

    fn extracted(&self, n: usize) {
        self.extracted.fetch_add(n, Ordering::Relaxed);
        self.show();
    }

    fn stored(&self, r: &BatchReport) {
        let n = r.added + r.replaced + r.unchanged + r.refused.len();
        self.stored.fetch_add(n, Ordering::Relaxed);
        for (id, why) in &r.refused {
            self.bar
                .suspend(|| say!("quotegraph: skipped article {id:?}: {why}"));
        }
        self.show();
    }
}

/// Articles from paths (or stdin for `-` or no path) into the store at `db`.
pub fn ingest_paths(
    paths: &[PathBuf],
    db: &Path,
    run: Run,
    opts: &IngestOptions,
    bar: &Bar,
) -> Result<Ingested, quotegraph::store::StoreError> {
    let stdin = paths.iter().any(|p| p.as_os_str() == "-");
    let files: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let from_stdin = stdin.then(|| ingest::stream_stdin(opts));
    let items = from_stdin
        .into_iter()
        .flatten()
        .chain(ingest::stream(&files, opts));
    pipeline::ingest(db, items, run, bar)
}

/// One line on stdout: what a run did.
pub fn summary(db: &Path, got: &Ingested) -> io::Result<()> {
    writeln!(
        io::stdout(),
        "{}: {} read, {} added, {} replaced, {} unchanged{}",
        db.display(),
        got.read,
        got.added,
        got.replaced,
        got.unchanged,
        if got.refused.is_empty() {
            String::new()
        } else {
            format!(", {} refused", got.refused.len())
        }
    )
}

/// How long a write waits for another process: `QUOTEGRAPH_BUSY_TIMEOUT` seconds, if set.
pub fn busy_timeout() -> Option<std::time::Duration> {
    std::env::var("QUOTEGRAPH_BUSY_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| (0.0..1e6).contains(s))
        .map(std::time::Duration::from_secs_f64)
}

pub fn run(args: &IngestArgs) -> Result<ExitCode> {
    let run = Run {
        batch: args.batch,
        run: None,
        busy_timeout: busy_timeout(),
        reextract: false,
    };
    let (made_by, stored) = {
        let store = quotegraph::store::Store::create(&args.db)?;
        (store.extractor()?, store.graph_totals()?[2])
    };
    let current = quotegraph::facts::EXTRACTOR;
    if stored > 0 && made_by.as_deref().is_some_and(|m| m != current) {
        say!(
            "quotegraph: warning: {} holds articles extracted by another quotegraph ({}); new and \
             changed articles are extracted by this one ({current}); `quotegraph build` extracts \
             them all again",
            args.db.display(),
            made_by.as_deref().unwrap_or("")
        );
    }
    let mut total = Ingested::default();
    let bar = Bar::new(args.quiet, "articles");
    if !args.paths.is_empty() || args.facts.is_empty() {
        let paths = if args.paths.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            args.paths.clone()
        };
        total = ingest_paths(&paths, &args.db, run, &args.limits.options(), &bar)?;
    }
    if !args.facts.is_empty() {
        let got = pipeline::ingest_facts(&args.db, ingest::read_shards(&args.facts), run, &bar)?;
        add(&mut total, got);
    }
    bar.done();
    if stored == 0 && total.added > 0 && args.facts.is_empty() {
        // A new store filled by this extractor alone.
        quotegraph::store::Store::open(&args.db)?.set_extractor(current)?;
    }
    summary(&args.db, &total)?;
    Ok(if total.read == 0 {
        say!("quotegraph: no readable articles in the input");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn add(total: &mut Ingested, got: Ingested) {
    total.read += got.read;
    total.added += got.added;
    total.replaced += got.replaced;
    total.unchanged += got.unchanged;
    total.refused.extend(got.refused);
    total.input_errors += got.input_errors;
}
