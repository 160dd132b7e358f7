//! quotegraph reads news articles and finds who said what.
//!
//! The pipeline, one module per stage (see `ARCHITECTURE.md`):
//!
//! 1. [`ingest`]: files, directories, JSONL and stdin become [`ingest::Article`]s (title and page
//!    boilerplate set apart).
//! 2. [`segment`]: tokens, paragraphs, sentences; every span indexes the original text.
//! 3. [`quotes`]: quotation marks paired, reporting cues found, direct / mixed / indirect quotes
//!    assembled with the mention their cue names.
//! 4. [`attribution`]: quotes with no cue of their own take the speaker they continue.
//! 5. [`entities`]: people, organisations, places, equipment, money and dates the article names.
//! 6. [`resolve`]: each speaker mention resolved to a name and kind within its article.
//! 7. [`stance`] and [`facts`]: each quote's stance toward its targets; the article's facts.
//! 8. [`canon`]: one entity per real entity across the corpus; stances aggregated.
//! 9. [`graph`], [`export`], [`query`]: the petgraph graph, its exports, and queries over it.
//! 10. [`store`]: for corpora of any size, an SQLite file that keeps the facts, canon and
//!     stances up to date batch by batch, answers queries through indexes and streams the graph.
//!
//! [`pipeline`] wires the stages (in memory: [`pipeline::analyze`]; into a store:
//! [`pipeline::ingest`]); [`eval`] scores predictions against gold annotations.
//!
//! ```
//! let x = quotegraph::extract::extract_text("doc", "“We hope for flexibility,” NATO Secretary General Mark Rutte said.");
//! let r = &x.records()[0];
//! assert_eq!(r.content, "We hope for flexibility,");
//! assert_eq!(r.speaker.as_deref(), Some("Mark Rutte"));
//!
//! // A corpus becomes a graph that answers who said what.
//! use quotegraph::{graph, ingest::Article, pipeline, query};
//! let text = "“We hope for flexibility,” NATO Secretary General Mark Rutte said.".to_string();
//! let g = graph::build(&pipeline::analyze(&[Article::new("a1", text, None)]));
//! let ix = query::QuoteIndex::new(&g);
//! assert_eq!(query::who_said(&g, &ix, "flexibility", false)[0].name, "Mark Rutte");
//! ```

pub mod attribution;
pub mod canon;
pub mod corpus;
pub mod entities;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
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
pub mod store;
pub mod text;

pub use error::{Diagnostic, Error};
pub use extract::{extract, extract_all, Extraction, QuoteRecord};
