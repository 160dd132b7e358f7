//! Typed errors for the IO edges and diagnostics for everything else.
//!
//! Extraction itself never fails: odd text yields fewer quotes plus [`Diagnostic`]s. Only reading
//! input (ingest) and writing output can fail, and those errors carry the path and line.

use std::path::PathBuf;

use serde::Serialize;
use thiserror::Error;

/// What can go wrong reading input. Messages have no trailing full stop; they are printed after
/// the path by the binary.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: empty file")]
    Empty { path: PathBuf },
    #[error("{path}: binary file (NUL byte at offset {offset})")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: file of {size} bytes is larger than the limit of {limit} bytes")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}:{line}: {message}")]
    BadRecord {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: not a file or directory")]
    NotFound { path: PathBuf },
}

/// A remark about an article that did not stop processing: an unbalanced quotation mark, an
/// unreadable record skipped, boilerplate cut off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The article (or file) concerned.
    pub doc_id: String,
    /// Byte offset into the article text, when the remark is about one place.
    pub offset: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.offset {
            Some(o) => write!(f, "{}@{}: {}", self.doc_id, o, self.message),
            None => write!(f, "{}: {}", self.doc_id, self.message),
        }
    }
}
