//! The corpus as a whole: canonical entities and the speakers' stances, from articles' facts.
//!
//! Takes the [`ArticleFacts`] of many articles (in any order, an article given twice counts
//! once); gives an [`Analysis`]: the facts sorted by doc id, the [`Canon`] (one entity per real
//! entity), and one [`Stance`] per (speaker entity, target entity) with the quotes as evidence.
//! This module does no IO and knows nothing of how the facts were made.

use std::collections::BTreeMap;

use crate::canon::{self, Canon};
use crate::facts::ArticleFacts;
use crate::stance::Polarity;

/// A corpus analysed as a whole: each article's facts, the canonical entities across articles,
/// and the speakers' stances.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Each article's facts, sorted by doc id.
    pub docs: Vec<ArticleFacts>,
    pub canon: Canon,
    /// One per (speaker, target), aggregated over the corpus.
    pub stances: Vec<Stance>,
}

/// The corpus-level stages over articles' facts. The order of `facts` does not matter; an
/// article given twice (same doc id) counts once.
pub fn from_facts(mut facts: Vec<ArticleFacts>) -> Analysis {
    facts.sort_by(|a, b| a.doc_id.cmp(&b.doc_id));
    facts.dedup_by(|a, b| a.doc_id == b.doc_id);
    let canon = canon::build(&facts);
    let stances = aggregate(&facts, &canon);
    Analysis {
        docs: facts,
        canon,
        stances,
    }
}

/// A speaker's stance toward a target over the whole corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Stance {
    /// Entity indices into [`Canon::entities`](crate::canon::Canon::entities).
    pub speaker: usize,
    pub target: usize,
    /// The polarity of `score`.
    pub polarity: Polarity,
    /// Mean of the quotes' scores, in [-1, 1]: each quote counts the probability of the
    /// polarity it was judged to take (negative for `oppose`, 0 for `neutral`), so a speaker who
    /// mostly talks about a target and sometimes attacks it comes out slightly against it.
    pub score: f32,
    /// (doc, quote) of every quote that shows it, in order.
    pub evidence: Vec<(usize, usize)>,
}

/// Aggregates the articles' stance facts per (speaker entity, target entity), in that order.
/// Each quote's stance counts only for the speaker of that quote.
pub fn aggregate(facts: &[ArticleFacts], canon: &Canon) -> Vec<Stance> {
    // (speaker, target) -> (doc, quote, score) of each quote.
    type Scores = Vec<(usize, usize, f32)>;
    let mut by_pair: BTreeMap<(usize, usize), Scores> = BTreeMap::new();
    for (d, f) in facts.iter().enumerate() {
        for (k, s) in f.stances.iter().enumerate() {
            // The quote's own speaker, never another speaker of the article; a stance that
            // points at no quote (a damaged facts file) counts for nobody.
            let speaker = canon.speaker_entity[d].get(s.quote).copied().flatten();
            let target = canon.target_entity[d].get(k).copied().flatten();
            let (Some(speaker), Some(target)) = (speaker, target) else {
                continue;
            };
            if speaker != target {
                by_pair
                    .entry((speaker, target))
                    .or_default()
                    .push((d, s.quote, s.score));
            }
        }
    }
    by_pair
        .into_iter()
        .map(|((speaker, target), v)| {
            let (score, polarity) = summarise(v.iter().map(|s| s.2).collect());
            let mut evidence: Vec<(usize, usize)> = v.iter().map(|s| (s.0, s.1)).collect();
            evidence.dedup();
            Stance {
                speaker,
                target,
                polarity,
                score,
                evidence,
            }
        })
        .collect()
}

/// The stance that quotes' scores add up to: their mean (rounded to three decimals) and its
/// polarity. Scores are added as whole millionths ([`score_micros`]), so the result depends only
/// on the scores, never on the order the articles came in, and the store can keep the sum and
/// count of each pair up to date as articles come and go ([`stance_of_sum`]).
pub fn summarise(scores: Vec<f32>) -> (f32, Polarity) {
    let micros: i64 = scores.iter().map(|&s| score_micros(s)).sum();
    stance_of_sum(micros, scores.len())
}

/// A score in [-1, 1] as whole millionths.
pub fn score_micros(score: f32) -> i64 {
    (f64::from(score) * 1e6).round() as i64
}

/// The stance of `n` quotes whose scores add up to `micros` millionths.
pub fn stance_of_sum(micros: i64, n: usize) -> (f32, Polarity) {
    if n == 0 {
        return (0.0, Polarity::Neutral);
    }
    let thousandths = (micros as f64 / n as f64 / 1000.0).round();
    let score = (thousandths / 1000.0) as f32;
    (score, Polarity::of(score))
}
