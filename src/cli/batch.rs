//! Input in batches: articles are read lazily and handed on a batch at a time, so memory is
//! bounded by a batch (at most [`MAX_ARTICLES`] articles or [`MAX_BYTES`] of text, plus one
//! article), never by the corpus: a 1 GB JSONL file is streamed, not loaded whole. Each input
//! fault is reported on stderr as the stream reaches it.

use quotegraph::ingest::Article;
use quotegraph::Error;

/// Articles in one batch, at most: enough to keep every core busy.
pub const MAX_ARTICLES: usize = 256;
/// Bytes of article text in one batch, at most (one larger article makes a batch alone).
pub const MAX_BYTES: usize = 64 << 20;

/// The articles of `items` in batches, in input order; errors are reported and skipped.
pub fn batches<I>(items: I) -> Batches<I>
where
    I: Iterator<Item = Result<Article, Error>>,
{
    Batches { items }
}

pub struct Batches<I> {
    items: I,
}

impl<I: Iterator<Item = Result<Article, Error>>> Iterator for Batches<I> {
    type Item = Vec<Article>;

    fn next(&mut self) -> Option<Vec<Article>> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < MAX_ARTICLES && bytes < MAX_BYTES {
            match self.items.next() {
                Some(Ok(a)) => {
                    bytes += a.text.len();
                    batch.push(a);
                }
                Some(Err(e)) => super::report_error(&e),
                None => break,
            }
        }
        (!batch.is_empty()).then_some(batch)
    }
}
