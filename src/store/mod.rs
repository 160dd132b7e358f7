//! The store: an embedded SQLite database that is a corpus's home.
//!
//! Takes articles' [`ArticleFacts`] in batches ([`Store::add`]); keeps them in tables people
//! can open with the `sqlite3` shell, Python's `sqlite3`, pandas or Datasette (documented in
//! `docs/STORE.md`), together with the corpus-level results kept up to date as batches arrive:
//! canonical entities (with aliases, roles, affiliations), each sighting's entity, and the
//! speakers' stances. Gives them back as queries ([`read`]), as the graph streamed in pieces
//! ([`graph`]), as a bounded picture's subgraph ([`view`]), and as facts ([`Store::facts`]).
//!
//! **Invariants**
//! - One transaction per batch: a process killed mid-batch leaves the store as it was before
//!   the batch (SQLite's write-ahead log).
//! - Incremental and order-free: the store after any sequence of batches holds what
//!   [`crate::corpus::from_facts`] computes from the set of articles it holds (same entity ids,
//!   names, counts, stances; apart from canon's shared article context and its chains of
//!   links, see `single` and `orgs`), and a batch costs time in proportion to itself: canon
//!   links single name words and nominals through indexed tables ([`link`]), and only the
//!   signatures and nominals whose candidates changed are decided again.
//! - Idempotent: an article whose id and content hash are stored already is left alone; the
//!   same id with another hash replaces it.
//! - Every file it opens is checked ([`schema`]): another file, another version or a damaged
//!   store is a typed [`StoreError`] naming the file, never a panic.
//!
//! This module does file IO through SQLite and nothing else; it never reads articles or writes
//! exports (the CLI does).

mod candidates;
mod counts;
mod entities;
pub mod graph;
mod link;
mod orgs;
mod pool;
pub mod read;
mod readback;
mod rows;
pub mod schema;
mod sight;
mod single;
mod stances;
pub mod view;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension};
use thiserror::Error;

use crate::facts::ArticleFacts;
pub use schema::SCHEMA_VERSION;
pub use sight::Prepared;
pub use write::BatchReport;

/// The page size of a new store's file, in bytes.
const PAGE_SIZE: i64 = 16384;

/// How long a write waits for another process's transaction before giving up.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// What can go wrong with a store. Every message names the file; none ends with a full stop.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("{}: no store here (run `quotegraph ingest` or `quotegraph build` first)", path.display())]
    Missing { path: PathBuf },
    #[error("{}: not a quotegraph store", path.display())]
    NotAStore { path: PathBuf },
    #[error("{}: store schema_version {found} is not one this quotegraph reads (it reads {SCHEMA_VERSION}); use the quotegraph that wrote it, or ingest the articles again into a new store", path.display())]
    Version { path: PathBuf, found: u32 },
    #[error("{}: damaged store: {detail}", path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error("{}: store is busy: another process is writing to it (try again when it has finished)", path.display())]
    Busy { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("writing an export: {0}")]
    Write(#[source] std::io::Error),
    #[error("{}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
}

impl StoreError {
    /// The error for a failed SQLite call on the store at `path`.
    pub(crate) fn sqlite(path: &Path, e: rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy { path },
            Some(ErrorCode::NotADatabase) => StoreError::NotAStore { path },
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                path,
                detail: e.to_string(),
            },
            _ => match e {
                rusqlite::Error::FromSqlConversionFailure(..)
                | rusqlite::Error::InvalidColumnType(..)
                | rusqlite::Error::IntegralValueOutOfRange(..) => StoreError::Corrupt {
                    path,
                    detail: format!("unexpected value ({e})"),
                },
                source => StoreError::Sqlite { path, source },
            },
        }
    }
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens the store at `path`, creating it (and an empty schema) when there is no file.
    pub fn create(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| StoreError::sqlite(path, e))?;
        let store = Store::setup(conn, path, true)?;
        if schema::is_empty(&store.conn, path)? {
            schema::create(&store.conn, path)?;
        }
        schema::validate(&store.conn, path)?;
        Ok(store)
    }

    /// Opens an existing store to read and write.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE, true)
    }

    /// Opens an existing store to read only (queries, exports).
    pub fn open_read(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, OpenFlags::SQLITE_OPEN_READ_ONLY, false)
    }

    fn open_with(path: &Path, mode: OpenFlags, write: bool) -> Result<Store, StoreError> {
        if !path.is_file() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        let conn = Connection::open_with_flags(path, mode | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|e| StoreError::sqlite(path, e))?;
        let store = Store::setup(conn, path, write)?;
        schema::validate(&store.conn, path)?;
        Ok(store)
    }

    fn setup(conn: Connection, path: &Path, write: bool) -> Result<Store, StoreError> {
        let sql = |e| StoreError::sqlite(path, e);
        conn.busy_timeout(DEFAULT_BUSY_TIMEOUT).map_err(sql)?;
        if write {
            // A new file's pages (an existing file keeps its own): fewer, shallower trees and
            // fewer page splits for the rows a batch inserts all over its indexes.
            conn.pragma_update(None, "page_size", PAGE_SIZE)
                .map_err(sql)?;
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(sql)?;
            conn.pragma_update(None, "synchronous", "NORMAL")
                .map_err(sql)?;
            // Pages every batch writes (indexes, counts) are copied back less often: after
            // 64 MiB of log.
            let page: i64 = conn
                .pragma_query_value(None, "page_size", |r| r.get(0))
                .map_err(sql)?;
            conn.pragma_update(None, "wal_autocheckpoint", (64 << 20) / page.max(512))
                .map_err(sql)?;
            // Sorts and temporary indexes of a batch stay in memory.
            conn.pragma_update(None, "temp_store", "MEMORY")
                .map_err(sql)?;
        }
        // The writer's page cache: each batch appends to every key's run in the indexes it
        // touches (an entity's articles, a name's sightings), so the pages it keeps hot grow
        // with the keys the corpus holds, not with its articles; 512 MiB holds them for
        // corpora of millions of articles (at 128 MiB, a 100k-article store re-read a page
        // for most rows it wrote).
        let cache_kib: i64 = if write { 524_288 } else { 32_768 };
        conn.pragma_update(None, "cache_size", -cache_kib)
            .map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", false)
            .map_err(sql)?;
        // The writer runs a few dozen statements per batch, over and over: all stay prepared.
        conn.set_prepared_statement_cache_capacity(256);
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Where the store lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How long a write waits for another process before [`StoreError::Busy`].
    pub fn set_busy_timeout(&self, timeout: Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(timeout).map_err(|e| self.err(e))
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, e)
    }

    /// Adds a batch of articles in one transaction (see the module invariants); returns what
    /// it did with each.
    pub fn add(&mut self, batch: &[ArticleFacts]) -> Result<BatchReport, StoreError> {
        let prepared = batch.iter().map(|f| Prepared::new(f.clone())).collect();
        write::add(self, prepared, None)
    }

    /// [`Store::add`] of articles prepared already ([`Prepared::new`], which the caller may run
    /// in parallel); with `run`, every article is marked as seen by it (for
    /// [`Store::remove_unseen`]).
    pub fn add_prepared(
        &mut self,
        batch: Vec<Prepared>,
        run: Option<i64>,
    ) -> Result<BatchReport, StoreError> {
        write::add(self, batch, run)
    }

    /// The extractor fingerprint ([`crate::facts::EXTRACTOR`]) of the code that made the stored
    /// articles' facts, when one did (`None`: a new store, or one filled from fact shards only).
    pub fn extractor(&self) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = 'extractor'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Records the extractor fingerprint of the stored articles' facts.
    pub fn set_extractor(&self, fingerprint: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('extractor', ?1)",
                [fingerprint],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Several batches in one transaction (fewer, larger commits for a bulk load): `next`
    /// gives each batch with the ids of articles read again unchanged (marked as seen by
    /// `run`), `done` is told what each batch did; nothing is stored unless all are.
    pub fn add_all(
        &mut self,
        next: &mut dyn FnMut() -> Option<(Vec<Prepared>, Vec<String>)>,
        run: Option<i64>,
        done: &mut dyn FnMut(&BatchReport),
    ) -> Result<(), StoreError> {
        write::add_all(self, next, run, done)
    }

    /// [`Store::add`], marking every article of the batch (stored or unchanged) as seen by
    /// `run`, for [`Store::remove_unseen`].
    pub fn add_in_run(
        &mut self,
        batch: &[ArticleFacts],
        run: i64,
    ) -> Result<BatchReport, StoreError> {
        let prepared = batch.iter().map(|f| Prepared::new(f.clone())).collect();
        write::add(self, prepared, Some(run))
    }

    /// Marks stored articles as seen by `run` without touching anything else.
    pub fn mark_seen(&mut self, doc_ids: &[&str], run: i64) -> Result<(), StoreError> {
        write::mark_seen(self, doc_ids, run)
    }

    /// Removes, in batches of `batch` articles, every article not seen by `run` (what `build`
    /// does so that the store holds exactly its inputs); returns how many went.
    pub fn remove_unseen(&mut self, run: i64, batch: usize) -> Result<usize, StoreError> {
        write::remove_unseen(self, run, batch)
    }

    /// A new run number for [`Store::add_in_run`] (one more than any stored).
    pub fn next_run(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT coalesce(max(run), 0) + 1 FROM articles", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(e))
    }

    /// Which of these articles (doc id, content hash) are stored already, unchanged.
    pub fn unchanged(&self, items: &[(&str, &str)]) -> Result<Vec<bool>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT content_hash FROM articles WHERE doc_id = ?1")
            .map_err(|e| self.err(e))?;
        items
            .iter()
            .map(|(id, hash)| {
                let stored: Option<String> = stmt
                    .query_row([id], |r| r.get(0))
                    .optional()
                    .map_err(|e| self.err(e))?;
                Ok(stored.as_deref() == Some(*hash))
            })
            .collect()
    }

    /// The facts of the stored articles, in doc-id order, `batch` articles at a time (for
    /// `merge` and fact shards); `each` is called with every batch.
    pub fn facts(
        &self,
        batch: usize,
        each: &mut dyn FnMut(Vec<ArticleFacts>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        readback::facts(self, batch, each)
    }
}

#[cfg(test)]
mod tests;
