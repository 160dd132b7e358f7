//! Articles read from files and directories by quotegraph's own ingest (`quotegraph.read_articles`).
//!
//! Takes paths; gives an iterator of `("article", dict)` and `("skipped" | "warning", message)`
//! tuples, one file or record at a time (the library's lazy stream: memory is bounded by one
//! article). Each message names the file and the place in it. The files are read detached from
//! the interpreter. This is the only IO of the native module.

use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use quotegraph::ingest::{self, Article, IngestOptions};

/// An iterator over the articles of paths (see `quotegraph.read_articles`).
#[pyclass(module = "quotegraph._native")]
pub struct ArticleStream {
    stream: Mutex<ingest::Stream>,
}

#[pymethods]
impl ArticleStream {
    #[new]
    #[pyo3(signature = (paths, max_file_bytes=None))]
    fn new(paths: Vec<PathBuf>, max_file_bytes: Option<u64>) -> Self {
        let mut opts = IngestOptions::default();
        if let Some(n) = max_file_bytes {
            opts.max_file_bytes = n;
        }
        ArticleStream {
            stream: Mutex::new(ingest::stream(&paths, &opts)),
        }
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Option<(&'static str, Bound<'py, PyAny>)>> {
        let next = py.detach(|| {
            self.stream
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .next()
        });
        Ok(match next {
            None => None,
            Some(Ok(a)) => Some(("article", article_dict(py, a)?.into_any())),
            Some(Err(e)) => {
                let what = if e.is_warning() { "warning" } else { "skipped" };
                Some((what, e.to_string().into_pyobject(py)?.into_any()))
            }
        })
    }
}

/// An article as the dict `extract_many` and `facts_many` take back (plus where it was read).
fn article_dict(py: Python<'_>, a: Article) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", a.id)?;
    d.set_item("text", a.text)?;
    d.set_item("title", a.title)?;
    d.set_item("source", a.source)?;
    d.set_item("url", a.url)?;
    d.set_item("date", a.date)?;
    d.set_item("author", a.author)?;
    d.set_item("origin", a.origin)?;
    Ok(d)
}
