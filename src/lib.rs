//! quotegraph reads news articles and finds who said what.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`ingest`]: files, directories, JSONL and stdin become [`ingest::Article`]s (title and page
//!    boilerplate set apart).
//! 2. [`segment`]: tokens, paragraphs, sentences; every span indexes the original text.
//! 3. [`quotes`]: quotation marks paired into spans, reporting cues found, direct / mixed /
//!    indirect quotes assembled with the mention their cue names.
//! 4. [`attribution`]: quotes with no cue of their own take the speaker they continue.
//! 5. [`entities`]: the names an article uses, typed from general gazetteers.
//! 6. [`resolve`]: each speaker mention resolved to a canonical name and kind.
//!
//! [`pipeline`] wires the stages; [`eval`] scores predictions against gold annotations.
//!
//! ```
//! let x = quotegraph::pipeline::extract_text("doc", "“We hope for flexibility,” NATO Secretary General Mark Rutte said.");
//! let r = &x.records()[0];
//! assert_eq!(r.content, "We hope for flexibility,");
//! assert_eq!(r.speaker.as_deref(), Some("Mark Rutte"));
//! ```

pub mod attribution;
pub mod canon;
pub mod entities;
pub mod error;
pub mod eval;
pub mod export;
pub mod facts;
pub mod graph;
pub mod ingest;
pub mod lexicon;
pub mod pipeline;
pub mod query;
pub mod quotes;
pub mod resolve;
pub mod segment;
pub mod stance;
pub mod text;

pub use error::{Diagnostic, Error};
pub use pipeline::{extract, extract_all, Extraction, QuoteRecord};
