//! The one place that knows the order of the stages.
//!
//! Per article (pure, parallel): [`extract`](crate::extract) (segment → quotes → attribution →
//! entities → resolve) → [`stance`](crate::stance) → [`facts`](crate::facts). Per corpus:
//! [`corpus`](crate::corpus) (canon → stance aggregation) → graph → export / query, in memory
//! ([`analyze`]); or, for corpora of any size, into a [`Store`] batch by batch ([`ingest`]):
//! articles are read a batch at a time, extracted in parallel, and each batch is stored (canon
//! and stances updated) in one transaction by a writer thread while the next batch is
//! extracted, so memory holds about two batches whatever the corpus size.

use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver};

use rayon::prelude::*;

use crate::corpus::{self, Analysis};
use crate::error::Error;
use crate::extract::extract_with_entities;
use crate::facts::{self, ArticleFacts};
use crate::ingest::Article;
use crate::store::{Prepared, Store, StoreError};

/// The facts of one article: extraction, entities and stance.
pub fn facts_of(article: &Article) -> ArticleFacts {
    facts::of(article, &extract_with_entities(article))
}

/// Extracts every article (in parallel), then resolves entities and stances across the corpus.
pub fn analyze(articles: &[Article]) -> Analysis {
    analyze_with(articles, &|| {})
}

/// [`analyze`], calling `done` after each article is extracted (for progress bars).
pub fn analyze_with(articles: &[Article], done: &(dyn Fn() + Sync)) -> Analysis {
    let facts: Vec<ArticleFacts> = articles
        .par_iter()
        .map(|a| {
            let f = facts_of(a);
            done();
            f
        })
        .collect();
    corpus::from_facts(facts)
}

/// Articles per transaction unless told otherwise: large enough for the database to write
/// efficiently (each commit rewrites the index pages it touched).
pub const DEFAULT_BATCH: usize = 5000;

/// Articles read and extracted at a time: memory holds about two such chunks.
pub const CHUNK: usize = 500;

/// What an ingest run reports as it goes (progress bars, error lines). Called from two threads.
pub trait Progress: Sync {
    /// An input fault: a file or record skipped, or read with a repair.
    fn input_error(&self, _e: &Error) {}
    /// `n` articles (or fact records) read.
    fn read(&self, _n: usize) {}
    /// `n` articles extracted.
    fn extracted(&self, _n: usize) {}
    /// A batch stored: what it did.
    fn stored(&self, _report: &crate::store::BatchReport) {}
}

/// A [`Progress`] that reports nothing.
pub struct Quiet;
impl Progress for Quiet {}

/// How an ingest run goes.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    /// Articles per batch (one transaction each; read and extracted [`CHUNK`] at a time).
    pub batch: usize,
    /// Mark every article read as seen by this run (for `Store::remove_unseen`).
    pub run: Option<i64>,
    /// How long a batch waits for another process writing to the store before giving up
    /// (`StoreError::Busy`); `None`: [`crate::store::DEFAULT_BUSY_TIMEOUT`].
    pub busy_timeout: Option<std::time::Duration>,
    /// Extract and store every article again, even one stored with the same text (the store's
    /// facts were made by another extractor).
    pub reextract: bool,
}

impl Default for Run {
    fn default() -> Self {
        Run {
            batch: DEFAULT_BATCH,
            run: None,
            busy_timeout: None,
            reextract: false,
        }
    }
}

/// What an ingest run did, in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ingested {
    /// Articles (or fact records) read.
    pub read: usize,
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    /// Records refused by the store (inconsistent facts).
    pub refused: Vec<(String, String)>,
    /// Inputs skipped (bad files, lines, records).
    pub input_errors: usize,
}

/// One batch on its way to the writer: facts to store, and ids read again unchanged.
struct Batch {
    facts: Vec<Prepared>,
    seen: Vec<String>,
}

/// Reads articles into the store at `db` (created when missing) in batches: each batch is
/// extracted in parallel and stored in one transaction. Articles stored already with the same
/// content are not extracted again.
pub fn ingest(
    db: &Path,
    items: impl Iterator<Item = Result<Article, Error>>,
    run: Run,
    progress: &dyn Progress,
) -> Result<Ingested, StoreError> {
    drop(Store::create(db)?);
    let checker = Store::open_read(db)?;
    let pool = extraction_pool();
    let mut errors = 0;
    let batches = batches(items, run.batch.min(CHUNK), &mut errors, progress).map(|articles| {
        let keys: Vec<(String, String)> = articles
            .iter()
            .map(|a| (a.id.clone(), facts::content_hash(&a.text)))
            .collect();
        let refs: Vec<(&str, &str)> = keys.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let same = if run.reextract {
            vec![false; refs.len()]
        } else {
            checker.unchanged(&refs)?
        };
        let (old, new): (Vec<_>, Vec<_>) =
            articles.into_iter().zip(same).partition(|(_, same)| *same);
        let facts: Vec<Prepared> = on_pool(pool.as_ref(), || {
            new.into_par_iter()
                .map(|(a, _)| {
                    let f = Prepared::new(facts_of(&a));
                    let f = if run.reextract { f.replacing() } else { f };
                    progress.extracted(1);
                    f
                })
                .collect()
        });
        progress.extracted(old.len());
        Ok(Batch {
            facts,
            seen: old.into_iter().map(|(a, _)| a.id).collect(),
        })
    });
    let mut out = store_all(db, batches, run, progress)?;
    out.input_errors = errors;
    Ok(out)
}

/// Loads facts made elsewhere (fact shards) into the store at `db`, in batches.
pub fn ingest_facts(
    db: &Path,
    items: impl Iterator<Item = Result<ArticleFacts, Error>>,
    run: Run,
    progress: &dyn Progress,
) -> Result<Ingested, StoreError> {
    let pool = extraction_pool();
    let mut errors = 0;
    let batches = batches(items, run.batch.min(CHUNK), &mut errors, progress).map(|facts| {
        progress.extracted(facts.len());
        Ok(Batch {
            facts: on_pool(pool.as_ref(), || {
                facts.into_par_iter().map(Prepared::new).collect()
            }),
            seen: Vec::new(),
        })
    });
    let mut out = store_all(db, batches, run, progress)?;
    out.input_errors = errors;
    Ok(out)
}

/// The threads that extract while the writer thread stores: all of rayon's but one, so the
/// writer (the serial part of an ingest) has a core of its own instead of sharing one with an
/// extraction thread. `None` (rayon's pool as it is) when the caller runs inside a pool of its
/// own (the Python package's `threads=`), or rayon has one thread, or a pool cannot start.
fn extraction_pool() -> Option<rayon::ThreadPool> {
    if rayon::current_thread_index().is_some() {
        return None;
    }
    let n = rayon::current_num_threads();
    if n < 2 {
        return None;
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(n - 1)
        .thread_name(|i| format!("quotegraph-extract-{i}"))
        .build()
        .ok()
}

/// Runs `f` (and its parallel iterators) on `pool`, or where the caller is without one.
fn on_pool<T: Send>(pool: Option<&rayon::ThreadPool>, f: impl FnOnce() -> T + Send) -> T {
    match pool {
        Some(p) => p.install(f),
        None => f(),
    }
}

/// Groups a stream into batches, reporting (and counting) its errors.
fn batches<'a, T: 'a>(
    mut items: impl Iterator<Item = Result<T, Error>> + 'a,
    size: usize,
    errors: &'a mut usize,
    progress: &'a dyn Progress,
) -> impl Iterator<Item = Vec<T>> + 'a {
    let size = size.max(1);
    std::iter::from_fn(move || {
        let mut batch = Vec::with_capacity(size);
        for item in items.by_ref() {
            match item {
                Ok(x) => {
                    progress.read(1);
                    batch.push(x);
                    if batch.len() == size {
                        break;
                    }
                }
                Err(e) => {
                    if !e.is_warning() {
                        *errors += 1;
                    }
                    progress.input_error(&e);
                }
            }
        }
        (!batch.is_empty()).then_some(batch)
    })
}

/// Stores batches from this thread's iterator on a writer thread (one batch in flight).
fn store_all(
    db: &Path,
    batches: impl Iterator<Item = Result<Batch, StoreError>>,
    run: Run,
    progress: &dyn Progress,
) -> Result<Ingested, StoreError> {
    let mut store = Store::create(db)?;
    if let Some(t) = run.busy_timeout {
        store.set_busy_timeout(t)?;
    }
    let (tx, rx) = sync_channel::<Batch>(1);
    std::thread::scope(|scope| {
        // Named, so profilers can tell the writer (`perf stat -t`, `top -H`).
        let writer = std::thread::Builder::new()
            .name("quotegraph-writer".into())
            .spawn_scoped(scope, move || write(&mut store, rx, run, progress))
            .map_err(|source| StoreError::Io {
                path: db.to_path_buf(),
                source,
            })?;
        let mut read = 0;
        let mut failed = None;
        for b in batches {
            match b {
                Ok(b) => {
                    read += b.facts.len() + b.seen.len();
                    if tx.send(b).is_err() {
                        break; // the writer stopped: its error says why
                    }
                }
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        drop(tx);
        let mut out = writer
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))?;
        if let Some(e) = failed {
            return Err(e);
        }
        out.read = read;
        Ok(out)
    })
}

fn write(
    store: &mut Store,
    rx: Receiver<Batch>,
    run: Run,
    progress: &dyn Progress,
) -> Result<Ingested, StoreError> {
    let mut out = Ingested::default();
    let per_transaction = run.batch.div_ceil(run.batch.clamp(1, CHUNK)).max(1);
    let mut closed = false;
    while !closed {
        let mut taken = 0;
        let mut seen_total = 0;
        store.add_all(
            &mut || {
                if taken == per_transaction {
                    return None;
                }
                match rx.recv() {
                    Ok(b) => {
                        taken += 1;
                        seen_total += b.seen.len();
                        Some((b.facts, b.seen))
                    }
                    Err(_) => {
                        closed = true;
                        None
                    }
                }
            },
            run.run,
            &mut |report| {
                out.added += report.added;
                out.replaced += report.replaced;
                out.unchanged += report.unchanged;
                out.refused.extend(report.refused.iter().cloned());
                progress.stored(report);
            },
        )?;
        out.unchanged += seen_total;
    }
    Ok(out)
}
