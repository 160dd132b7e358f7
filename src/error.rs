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
    #[error(
        "{path}: larger than the limit of {limit} bytes for an input read whole (--max-file-bytes)"
    )]
    TooLarge {
        path: PathBuf,
        /// The bytes read before stopping (the limit plus one: the rest is not read).
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
    /// A fault inside a file that cost only part of it: a record of an archive, an item of a
    /// feed, a page with no article text, a file of an unexpected shape. `origin` names the file
    /// and the place in it (`path`, `path:line`, `path: record at byte N`).
    #[error("{origin}: {message}")]
    Format { origin: String, message: String },
    /// The same article id read twice: the first is kept, this one is skipped.
    #[error("{origin}: duplicate article id {id:?} (first read from {first})")]
    Duplicate {
        origin: String,
        id: String,
        first: String,
    },
    /// Input that was read, but repaired or guessed at (bytes replaced, an encoding guessed, a
    /// field of the wrong type ignored): a warning, the article itself follows in the stream.
    #[error("{origin}: {message}")]
    Recovered { origin: String, message: String },
}

impl Error {
    /// Whether this is a warning about input that was still read (the article follows), rather
    /// than input that was skipped.
    pub fn is_warning(&self) -> bool {
        matches!(self, Error::Recovered { .. })
    }
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
