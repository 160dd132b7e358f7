//! `quotegraph._native`: the Rust half of the Python package `quotegraph`.
//!
//! Takes Python strings and mappings; gives quote records as Python dicts and facts records as
//! facts lines (`str`, parsed by the Python layer so that keys keep the file's order), each the
//! same as the command-line tool gives for the same article (`quotegraph extract`, the
//! `*.facts.jsonl` format of `quotegraph::facts::format`). Batches are read while attached to
//! the interpreter, then extracted detached from it (other Python threads run) on rayon
//! threads, then converted back. Problems with single items come back as `(index, id, message,
//! skipped)` tuples: the Python layer (`quotegraph/__init__.py`) decides whether they raise or
//! warn. The only IO is [`read::ArticleStream`], which walks paths with the library's ingest,
//! and [`store::Store`], the library's SQLite store (ingest runs, queries, the graph).
//! Never panics on input: every input fault is a problem or an exception, and a panic inside
//! the library on one article (a bug) skips that article with a problem, not the batch.

mod items;
mod pool;
mod read;
mod store;

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;
use serde_json::{Map, Value};

use quotegraph::facts::format;
use quotegraph::ingest::Article;
use quotegraph::{extract as ex, pipeline, QuoteRecord};

use items::{Problem, ProblemTuple};

pyo3::create_exception!(
    quotegraph,
    InputError,
    pyo3::exceptions::PyValueError,
    "An article that cannot be read (no text, a field of a type quotegraph cannot read)."
);
pyo3::create_exception!(
    quotegraph,
    FactsError,
    pyo3::exceptions::PyValueError,
    "A facts record that is not one this quotegraph reads (no schema_version, another version, inconsistent offsets or stances)."
);

/// The records of many items with their positions, read attached (texts copied out of Python),
/// for detached work.
type Records = Vec<(usize, Result<Map<String, Value>, Problem>)>;

/// The records of `items`, the first at position `start` (a batch of a longer input).
fn records_of(items: &Bound<'_, PyAny>, start: usize) -> PyResult<Records> {
    let mut out = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        out.push((start + i, items::record_of(start + i, &item?)));
    }
    Ok(out)
}

/// Makes each record's article and runs `work` on it, detached, in parallel on `threads`, in
/// input order: one output per record (`None` when skipped) and every problem.
fn run_batch<T: Send>(
    py: Python<'_>,
    records: Records,
    threads: Option<usize>,
    work: impl Fn(&Article) -> T + Sync + Send,
) -> (Vec<Option<T>>, Vec<Problem>) {
    let done: Vec<(Option<T>, Vec<Problem>)> = py.detach(|| {
        pool::run(threads, || {
            records
                .into_par_iter()
                .map(|(i, r)| {
                    let (article, mut problems) = match r {
                        Ok(record) => items::article_of(i, record),
                        Err(p) => (None, vec![p]),
                    };
                    let out = article.and_then(|a| {
                        let out = catch_unwind(AssertUnwindSafe(|| work(&a)));
                        out.map_err(|_| problems.push(items::internal_error(i, &a.id)))
                            .ok()
                    });
                    (out, problems)
                })
                .collect()
        })
    });
    let mut outs = Vec::with_capacity(done.len());
    let mut problems = Vec::new();
    for (out, p) in done {
        outs.push(out);
        problems.extend(p);
    }
    (outs, problems)
}

/// One article given as arguments through [`run_batch`]: its output and warnings, or
/// `InputError` with the reason it was skipped.
fn run_one<T: Send>(
    py: Python<'_>,
    fields: [(&str, Option<String>); 7],
    work: impl Fn(&Article) -> T + Sync + Send,
) -> PyResult<(T, Vec<Problem>)> {
    let record: Map<String, Value> = fields
        .into_iter()
        .filter_map(|(k, v)| Some((k.to_string(), Value::String(v?))))
        .collect();
    let (mut outs, problems) = run_batch(py, vec![(0, items::with_id(0, record))], None, work);
    match outs.pop().flatten() {
        Some(out) => Ok((out, problems)),
        None => {
            let why = problems.into_iter().find(|p| p.skipped).map(|p| p.message);
            Err(InputError::new_err(
                why.unwrap_or_else(|| "no article".into()),
            ))
        }
    }
}

fn problems_list(all: impl IntoIterator<Item = Problem>) -> Vec<ProblemTuple> {
    all.into_iter().map(Problem::into_tuple).collect()
}

/// Quote records as dicts with the keys in the order `quotegraph extract` prints them, and the
/// confidence as printed there (`0.9`, not the double nearest the f32 `0.9`).
fn quote_dicts<'py>(py: Python<'py>, records: &[QuoteRecord]) -> PyResult<Vec<Bound<'py, PyAny>>> {
    records
        .iter()
        .map(|r| {
            let d = pythonize::pythonize(py, r)?;
            let shown: f64 = r.confidence.to_string().parse().unwrap_or(0.0);
            d.set_item("confidence", shown)?;
            Ok(d)
        })
        .collect()
}

/// The quotes of one article (see `quotegraph.extract`).
#[pyfunction]
#[pyo3(signature = (text, id=None, title=None))]
fn extract<'py>(
    py: Python<'py>,
    text: String,
    id: Option<String>,
    title: Option<String>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let named = id.is_some();
    let fields = [
        ("id", Some(id.unwrap_or_else(|| "0".into()))),
        ("text", Some(text)),
        ("title", title),
        ("source", None),
        ("url", None),
        ("date", None),
        ("author", None),
    ];
    let (records, _) = run_one(py, fields, |a| ex::extract(a).records())?;
    let dicts = quote_dicts(py, &records)?;
    if !named {
        for d in &dicts {
            d.cast::<PyDict>()?.set_item("doc_id", py.None())?;
        }
    }
    Ok(dicts)
}

/// The quotes of many articles (see `quotegraph.extract_many`): one list per item, `None` for a
/// skipped item, and the problems.
#[pyfunction]
#[pyo3(signature = (items, threads=None, start=0))]
#[allow(clippy::type_complexity)]
fn extract_batch<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    threads: Option<usize>,
    start: usize,
) -> PyResult<(Vec<Option<Vec<Bound<'py, PyAny>>>>, Vec<ProblemTuple>)> {
    pool::check(threads)?;
    let records = records_of(items, start)?;
    let (outs, problems) = run_batch(py, records, threads, |a| ex::extract(a).records());
    let dicts = outs
        .into_iter()
        .map(|r| r.map(|r| quote_dicts(py, &r)).transpose())
        .collect::<PyResult<_>>()?;
    Ok((dicts, problems_list(problems)))
}

/// The facts line of one article (the facts format, no newline).
fn facts_line(article: &Article) -> String {
    format::to_line(&pipeline::facts_of(article))
}

/// The facts line of one article (see `quotegraph.facts`, which parses it), and the warnings.
#[pyfunction]
#[pyo3(signature = (text, id, title=None, source=None, url=None, date=None, author=None))]
#[allow(clippy::too_many_arguments)]
fn facts(
    py: Python<'_>,
    text: String,
    id: String,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    date: Option<String>,
    author: Option<String>,
) -> PyResult<(String, Vec<ProblemTuple>)> {
    let fields = [
        ("id", Some(id)),
        ("text", Some(text)),
        ("title", title),
        ("source", source),
        ("url", url),
        ("date", date),
        ("author", author),
    ];
    let (line, problems) = run_one(py, fields, facts_line)?;
    Ok((line, problems_list(problems)))
}

/// The facts lines of many articles (see `quotegraph.facts_many` and `quotegraph.write_facts`):
/// one per item, `None` for a skipped item, and the problems.
#[pyfunction]
#[pyo3(signature = (items, threads=None, start=0))]
fn facts_batch(
    py: Python<'_>,
    items: &Bound<'_, PyAny>,
    threads: Option<usize>,
    start: usize,
) -> PyResult<(Vec<Option<String>>, Vec<ProblemTuple>)> {
    pool::check(threads)?;
    let records = records_of(items, start)?;
    let (lines, problems) = run_batch(py, records, threads, facts_line);
    Ok((lines, problems_list(problems)))
}

/// A facts line read back: checked (schema_version, offsets, stances) and written again as this
/// quotegraph writes it (unknown fields dropped). Raises `FactsError`.
#[pyfunction]
fn read_facts_line(line: &str) -> PyResult<String> {
    let facts = format::from_line(line).map_err(|e| FactsError::new_err(e.to_string()))?;
    Ok(format::to_line(&facts))
}

/// The native module. The API, its documentation and types are in `quotegraph/__init__.py` and
/// `quotegraph/_native.pyi`.
#[pymodule]
#[pyo3(name = "_native")]
mod native {
    #[pymodule_export]
    use super::{
        extract, extract_batch, facts, facts_batch, read::ArticleStream, read_facts_line,
        store::Store, store::StoreError, FactsError, InputError,
    };

    #[pymodule_export]
    const SCHEMA_VERSION: u32 = quotegraph::facts::format::SCHEMA_VERSION;

    #[pymodule_export]
    const VERSION: &str = env!("CARGO_PKG_VERSION");
}
