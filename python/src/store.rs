//! `quotegraph._native.Store`: the SQLite store (`quotegraph::store::Store`) from Python.
//!
//! Takes a path; gives the library's store reads as Python objects with the shapes the CLI
//! prints with `--format json` (`who-said`, `stances`, `quotes`, `entities`), the graph as the
//! text of `graph.json` (what `quotegraph export -f json` writes), and ingest runs
//! (`pipeline::ingest` and `pipeline::ingest_facts`, each of which opens the store to write for
//! the run and closes it). Queries use one read-only connection, opened on first use and kept
//! until `close()`. Every store read and write runs detached from the interpreter. Names typed
//! by people are looked up here (`lookup`) but resolved to entities in `quotegraph/_store.py`,
//! which words the errors as the CLI does. A store error raises `StoreError` with the message
//! the CLI prints; never panics on a damaged store (the library's reads are typed).

use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use quotegraph::graph::NodeLinkWriter;
use quotegraph::ingest::{self, IngestOptions};
use quotegraph::pipeline::{self, Ingested, Progress, Run};
use quotegraph::query::store as sq;
use quotegraph::store::read::{EntityRow, Filter, Lookup};
use quotegraph::store::{self, StoreError as LibStoreError};

use crate::items::{self, Problem, ProblemTuple};
use crate::pool;

pyo3::create_exception!(
    quotegraph,
    StoreError,
    pyo3::exceptions::PyException,
    "A store that cannot be opened, read or written: missing, not a quotegraph store, another schema version, damaged, or busy (another process is writing). The message is the one the `quotegraph` command prints."
);

fn store_err(e: LibStoreError) -> PyErr {
    StoreError::new_err(e.to_string())
}

/// The input faults an ingest run met, one message each (as the CLI prints them).
#[derive(Default)]
struct Faults(Mutex<Vec<String>>);

impl Faults {
    fn push(&self, m: String) {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(m);
    }

    fn take(self) -> Vec<String> {
        self.0
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Progress for Faults {
    fn input_error(&self, e: &quotegraph::Error) {
        let prefix = if e.is_warning() { "" } else { "skipped " };
        self.push(format!("{prefix}{e}"));
    }
}

/// What an ingest run did, as a dict (`refused`: (doc id, why) pairs).
fn report<'py>(py: Python<'py>, got: &Ingested) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("read", got.read)?;
    d.set_item("added", got.added)?;
    d.set_item("replaced", got.replaced)?;
    d.set_item("unchanged", got.unchanged)?;
    d.set_item("refused", got.refused.clone())?;
    d.set_item("input_errors", got.input_errors)?;
    Ok(d)
}

fn run_of(batch: usize) -> PyResult<Run> {
    if batch == 0 {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "batch must be at least 1",
        ));
    }
    Ok(Run {
        batch,
        ..Run::default()
    })
}

/// An answer as the CLI's `--format json` writes it (scores as their shortest decimals, not
/// the doubles nearest the f32s), for `json.loads`.
fn json<T: serde::Serialize>(v: &T) -> Result<String, LibStoreError> {
    serde_json::to_string(v).map_err(|e| LibStoreError::Write(std::io::Error::other(e)))
}

fn filter(since: Option<String>, until: Option<String>, source: Option<String>) -> Filter {
    Filter {
        since,
        until,
        source,
    }
}

/// A store at a path (see `quotegraph.Store`).
#[pyclass(module = "quotegraph._native")]
pub struct Store {
    path: PathBuf,
    reader: Mutex<Option<store::Store>>,
}

impl Store {
    /// Runs `f` on the read-only connection (opened now if needed), detached.
    fn read<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&store::Store) -> Result<T, LibStoreError> + Send,
    ) -> PyResult<T> {
        py.detach(|| {
            let mut guard = self
                .reader
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if guard.is_none() {
                *guard = Some(store::Store::open_read(&self.path)?);
            }
            match guard.as_ref() {
                Some(st) => f(st),
                None => Err(LibStoreError::Missing {
                    path: self.path.clone(),
                }),
            }
        })
        .map_err(store_err)
    }

    /// Closes the reader (an ingest run writes through its own connection; the next query
    /// opens a fresh reader that sees everything written).
    fn drop_reader(&self) {
        *self
            .reader
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
    }
}

fn entity_dict<'py>(py: Python<'py>, e: &EntityRow) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, e)?)
}

#[pymethods]
impl Store {
    #[new]
    fn new(path: PathBuf) -> Self {
        Store {
            path,
            reader: Mutex::new(None),
        }
    }

    /// The store's path.
    #[getter]
    fn path(&self) -> PathBuf {
        self.path.clone()
    }

    /// Whether the file exists (a store is made by the first ingest).
    fn exists(&self) -> bool {
        self.path.is_file()
    }

    /// Opens the store to read, now (raises `StoreError` if it is not a store).
    fn check(&self, py: Python<'_>) -> PyResult<()> {
        self.read(py, |_| Ok(()))
    }

    /// Closes the read connection (the next query opens it again).
    fn close(&self) {
        self.drop_reader();
    }

    /// (articles, quotes, entities, stances) held.
    fn counts(&self, py: Python<'_>) -> PyResult<(usize, usize, usize, usize)> {
        let [a, q, e, s] = self.read(py, |st| st.counts())?;
        Ok((a, q, e, s))
    }

    /// Articles from files and folders (the library's readers) into the store.
    #[pyo3(signature = (paths, batch, max_file_bytes=None))]
    fn ingest_paths<'py>(
        &self,
        py: Python<'py>,
        paths: Vec<PathBuf>,
        batch: usize,
        max_file_bytes: Option<u64>,
    ) -> PyResult<(Bound<'py, PyDict>, Vec<String>)> {
        let run = run_of(batch)?;
        let mut opts = IngestOptions::default();
        if let Some(n) = max_file_bytes {
            opts.max_file_bytes = n;
        }
        self.drop_reader();
        let faults = Faults::default();
        let got = py
            .detach(|| pipeline::ingest(&self.path, ingest::stream(&paths, &opts), run, &faults))
            .map_err(store_err)?;
        Ok((report(py, &got)?, faults.take()))
    }

    /// Fact shards (`*.facts.jsonl`, files or folders) into the store.
    fn ingest_facts<'py>(
        &self,
        py: Python<'py>,
        paths: Vec<PathBuf>,
        batch: usize,
    ) -> PyResult<(Bound<'py, PyDict>, Vec<String>)> {
        let run = run_of(batch)?;
        self.drop_reader();
        let faults = Faults::default();
        let got = py
            .detach(|| {
                pipeline::ingest_facts(&self.path, ingest::read_shards(&paths), run, &faults)
            })
            .map_err(store_err)?;
        Ok((report(py, &got)?, faults.take()))
    }

    /// One batch of articles given as texts or mappings (read attached, as `extract_many`
    /// reads them; the first at position `start`), extracted and stored detached. With
    /// `strict`, a batch with an item that cannot be read stores nothing (the caller raises).
    #[pyo3(signature = (items, batch, threads=None, start=0, strict=false))]
    fn ingest_records<'py>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        batch: usize,
        threads: Option<usize>,
        start: usize,
        strict: bool,
    ) -> PyResult<(Bound<'py, PyDict>, Vec<ProblemTuple>)> {
        let run = run_of(batch)?;
        pool::check(threads)?;
        let mut problems: Vec<Problem> = Vec::new();
        let mut articles = Vec::new();
        for (i, item) in items.try_iter()?.enumerate() {
            let item = item?;
            match items::record_of(start + i, &item) {
                Ok(record) => {
                    let (a, p) = items::article_of(start + i, record);
                    problems.extend(p);
                    articles.extend(a);
                }
                Err(p) => problems.push(p),
            }
        }
        if strict && problems.iter().any(|p| p.skipped) {
            let problems = problems.into_iter().map(Problem::into_tuple).collect();
            return Ok((report(py, &Ingested::default())?, problems));
        }
        self.drop_reader();
        let path = &self.path;
        let got = py
            .detach(|| {
                pool::run(threads, || {
                    pipeline::ingest(path, articles.into_iter().map(Ok), run, &pipeline::Quiet)
                })
            })
            .map_err(store_err)?;
        let problems = problems.into_iter().map(Problem::into_tuple).collect();
        Ok((report(py, &got)?, problems))
    }

    /// What a name typed by a person denotes: `("found", entity)`, `("several", [entity, ...])`
    /// or `("none", [closest name, ...])`.
    fn lookup<'py>(
        &self,
        py: Python<'py>,
        name: String,
    ) -> PyResult<(&'static str, Bound<'py, PyAny>)> {
        let found = self.read(py, |st| st.lookup(&name))?;
        Ok(match found {
            Lookup::Found(e) => ("found", entity_dict(py, &e)?),
            Lookup::Several(list) => ("several", pythonize::pythonize(py, &list)?),
            Lookup::NotFound { closest } => ("none", pythonize::pythonize(py, &closest)?),
        })
    }

    /// `quotegraph who-said --format json` (a JSON text).
    #[pyo3(signature = (phrase, fuzzy=false, since=None, until=None, source=None))]
    fn who_said(
        &self,
        py: Python<'_>,
        phrase: String,
        fuzzy: bool,
        since: Option<String>,
        until: Option<String>,
        source: Option<String>,
    ) -> PyResult<String> {
        let f = filter(since, until, source);
        self.read(py, |st| json(&sq::who_said(st, &phrase, fuzzy, &f)?))
    }

    /// `quotegraph stances --format json` (a JSON text) for one speaker id and one target id (either None).
    #[pyo3(signature = (speaker, target, by_month, limit, since=None, until=None, source=None))]
    #[allow(clippy::too_many_arguments)]
    fn stances(
        &self,
        py: Python<'_>,
        speaker: Option<String>,
        target: Option<String>,
        by_month: bool,
        limit: usize,
        since: Option<String>,
        until: Option<String>,
        source: Option<String>,
    ) -> PyResult<String> {
        let f = filter(since, until, source);
        self.read(py, |st| {
            json(&sq::stances(
                st,
                speaker.as_deref(),
                target.as_deref(),
                &f,
                by_month,
                limit,
            )?)
        })
    }

    /// `quotegraph quotes --format json` (a JSON text) for one speaker id and one mentioned id.
    #[pyo3(signature = (speaker, mentions, limit, since=None, until=None, source=None))]
    #[allow(clippy::too_many_arguments)]
    fn quotes(
        &self,
        py: Python<'_>,
        speaker: Option<String>,
        mentions: Option<String>,
        limit: usize,
        since: Option<String>,
        until: Option<String>,
        source: Option<String>,
    ) -> PyResult<String> {
        let f = filter(since, until, source);
        self.read(py, |st| {
            json(&sq::quotes(
                st,
                speaker.as_deref(),
                mentions.as_deref(),
                &f,
                limit,
            )?)
        })
    }

    /// The canonical entities (of one kind), in id order, with aliases, roles, affiliations.
    #[pyo3(signature = (kind=None))]
    fn entities<'py>(
        &self,
        py: Python<'py>,
        kind: Option<String>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let rows = self.read(py, |st| {
            let mut rows = Vec::new();
            st.each_entity(kind.as_deref(), &mut |e| {
                let d = st.entity_details(&e.id)?;
                rows.push((e, d));
                Ok(())
            })?;
            Ok(rows)
        })?;
        rows.into_iter()
            .map(|(e, d)| {
                let dict = entity_dict(py, &e)?;
                dict.set_item("aliases", d.aliases)?;
                dict.set_item("roles", d.roles)?;
                dict.set_item("affiliations", d.affiliations)?;
                Ok(dict)
            })
            .collect()
    }

    /// The store's graph as `quotegraph export -f json` writes it (node-link JSON).
    fn graph_json(&self, py: Python<'_>) -> PyResult<String> {
        let bytes = self.read(py, |st| {
            let mut out: Vec<u8> = Vec::new();
            {
                let mut sink = NodeLinkWriter::new(&mut out);
                st.stream_graph(&mut sink, &mut |_| {})?;
            }
            Ok(out)
        })?;
        String::from_utf8(bytes).map_err(|e| StoreError::new_err(e.to_string()))
    }
}
