//! The one place that knows the order of the stages.
//!
//! Per article (pure, parallel): [`extract`](crate::extract) (segment → quotes → attribution →
//! entities → resolve) → [`stance`](crate::stance) → [`facts`](crate::facts). Per corpus:
//! [`corpus`](crate::corpus) (canon → stance aggregation) → graph → export / query.

use rayon::prelude::*;

use crate::corpus::{self, Analysis};
use crate::extract::extract_with_entities;
use crate::facts::{self, ArticleFacts};
use crate::ingest::Article;

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
