//! Stance: how each quote judges each target it names, in the words of the quote.
//!
//! Takes an article's [`Extraction`] (quotes with their speakers, entity mentions); gives one
//! [`StanceFact`] per (quote, target named in it), named at article level. The stance belongs
//! to the quote's own speaker; aggregating over a corpus is `corpus`'s job. Never does IO;
//! every resource is compiled in.
//!
//! A target (`targets`: entity mentions, nationality adjectives, object pronouns) is judged
//! in its sentence of the quote by three families, combined in [`decide`]:
//!
//! - `reported`: judgements the words state outright (`accused X of`, `called X a fraud`,
//!   `X is a liar` → against X; `praised X`, `thanked X` → for X). When one holds, it decides.
//! - `rules`: help and harm given to the target, the evaluation of the clause it is the
//!   subject of, negation, reducers and contrast (`data/stance_words.txt`). They decide when
//!   the model is unsure ([`POLICY`]).
//! - [`model`]: a multinomial logistic regression over target-relative [`features`] (the words
//!   around the target and in its clause, negation scope, sentiment-lexicon valence, and what
//!   the two rule families said), trained on political news sentences annotated with their
//!   sentiment toward a target (`examples/train_stance.rs`).
//!
//! A target none of them judges is `neutral`: the speaker talked about it.

pub mod features;
pub mod model;
mod reported;
mod rules;
mod targets;
mod valence;
mod victims;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::extract::Extraction;
use crate::lexicon::{EntityKind, Lexicon};
use crate::segment::{self, Segments, Token};
use crate::text::Span;

use features::{forms, Form, Part, Signals, Sink};
use model::Model;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Support,
    Oppose,
    Neutral,
}

impl Polarity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Polarity::Support => "support",
            Polarity::Oppose => "oppose",
            Polarity::Neutral => "neutral",
        }
    }

    /// The polarity of a score in [-1, 1].
    pub fn of(score: f32) -> Polarity {
        if score > 0.05 {
            Polarity::Support
        } else if score < -0.05 {
            Polarity::Oppose
        } else {
            Polarity::Neutral
        }
    }
}

/// The stance quote `quote` of an article takes toward the entity named `name` (named at
/// article level, before canon).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StanceFact {
    pub quote: usize,
    pub kind: EntityKind,
    pub name: String,
    /// In [-1, 1]: the probability of the polarity judged, negative for `oppose`, 0 for
    /// `neutral` (so that [`Polarity::of`] gives the polarity back).
    pub score: f32,
}

/// How one text judges one target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judgement {
    pub polarity: Polarity,
    /// As in [`StanceFact::score`].
    pub score: f32,
    /// The model's probabilities of support, oppose and neutral.
    pub probs: [f32; 3],
    pub signals: Signals,
}

/// Most tokens on each side of a target that the model reads (within its sentence).
const MAX_CONTEXT: usize = 60;
/// Most occurrences of one target in one quote that are read.
const MAX_OCCURRENCES: usize = 8;

/// The stance of every attributed quote of one article toward each of its targets, named at
/// article level.
pub fn in_article(x: &Extraction) -> Vec<StanceFact> {
    let lex = Lexicon::builtin();
    let model = Model::builtin();
    let mut out = Vec::new();
    for (qi, q) in x.quotes.iter().enumerate() {
        let Some(speaker) = q.speaker.as_ref().and_then(|s| s.canonical.as_deref()) else {
            continue;
        };
        let seg = segment::segment(&x.text, q.content, lex);
        let targets = targets::find(x, &seg.tokens, speaker, lex);
        if targets.is_empty() {
            continue;
        }
        // The words as the model reads them: once per quote, for every target in it.
        let forms = forms::of(&seg.tokens, lex, &|w| model.known(w));
        let rules = rules::score(&seg.tokens, &targets, lex);
        let reported = reported::score(&seg.tokens, &targets, lex);
        let names = targets.iter().map(|t| t.entity).max().map_or(0, |m| m + 1);
        // Per distinct name: summed signals, summed probabilities, occurrences read.
        let mut acc = vec![(Signals::default(), [0.0f32; 3], 0usize); names];
        for (k, t) in targets.iter().enumerate() {
            let a = &mut acc[t.entity];
            a.0.rules += rules[k];
            a.0.reported += reported[k];
            let victim = victims::is_victim(&seg.tokens, t.start);
            a.0.victim |= victim;
            if a.2 < MAX_OCCURRENCES {
                let signals = Signals {
                    rules: rules[k],
                    reported: reported[k],
                    victim,
                };
                let p = probs_in_sentence(&seg, &forms, t.start..t.end, signals, lex, model);
                a.1.iter_mut().zip(p).for_each(|(s, p)| *s += p);
                a.2 += 1;
            }
        }
        let mut seen = vec![false; names];
        for t in &targets {
            if std::mem::replace(&mut seen[t.entity], true) {
                continue;
            }
            let (signals, sum, n) = acc[t.entity];
            let probs = sum.map(|p| p / n.max(1) as f32);
            out.push(StanceFact {
                quote: qi,
                kind: t.name.0,
                name: t.name.1.to_string(),
                score: decide(probs, signals).score,
            });
        }
    }
    out
}

/// How `text` judges the target at bytes `target` (for evaluation on annotated sentences).
pub fn judge_span(text: &str, target: Span) -> Judgement {
    let lex = Lexicon::builtin();
    let model = Model::builtin();
    let seg = segment::segment(text, Span::new(0, text.len()), lex);
    let forms = forms::of(&seg.tokens, lex, &|w| model.known(w));
    let range = token_range(&seg.tokens, target);
    let signals = signals_of(&seg.tokens, &range, lex);
    let probs = probs_in_sentence(&seg, &forms, range, signals, lex, model);
    decide(probs, signals)
}

/// The model's reasons for its judgement of the target at bytes `target` of `text`: each
/// weighted feature and its contribution to support, oppose and neutral.
pub fn explain_span(text: &str, target: Span) -> Vec<(String, [f32; 3])> {
    let lex = Lexicon::builtin();
    let model = Model::builtin();
    let seg = segment::segment(text, Span::new(0, text.len()), lex);
    let forms = forms::of(&seg.tokens, lex, &|w| model.known(w));
    let range = token_range(&seg.tokens, target);
    let signals = signals_of(&seg.tokens, &range, lex);
    let w = window(&seg, &range);
    let local = range.start - w.start..range.end - w.start;
    model.explain(&seg.tokens[w.clone()], &forms[w], local, signals, lex)
}

/// What the rule families say of the target at bytes `target` of `text`.
pub fn judge_signals(text: &str, target: Span) -> Signals {
    let lex = Lexicon::builtin();
    let seg = segment::segment(text, Span::new(0, text.len()), lex);
    signals_of(&seg.tokens, &token_range(&seg.tokens, target), lex)
}

/// The features of the target at bytes `target` of `text`, by name, as the model sees them
/// (for training: `known` is the vocabulary of common words being built).
pub fn training_features(
    text: &str,
    target: Span,
    known: &dyn Fn(&str) -> bool,
) -> Vec<(String, f32)> {
    struct Names(Vec<(String, f32)>);
    impl Sink for Names {
        fn add(&mut self, parts: &[Part], value: f32) {
            let name: Vec<&str> = parts.iter().map(|p| p.text).collect();
            self.0.push((name.join("|"), value));
        }
    }
    let lex = Lexicon::builtin();
    let seg = segment::segment(text, Span::new(0, text.len()), lex);
    let forms = forms::of(&seg.tokens, lex, known);
    let range = token_range(&seg.tokens, target);
    let signals = signals_of(&seg.tokens, &range, lex);
    let w = window(&seg, &range);
    let local = range.start - w.start..range.end - w.start;
    let mut names = Names(Vec::new());
    features::extract(
        &seg.tokens[w.clone()],
        &forms[w],
        local,
        signals,
        lex,
        &mut names,
    );
    names.0
}

/// The tokens overlapping bytes `span` (an empty range where it would stand if none do).
fn token_range(toks: &[Token], span: Span) -> Range<usize> {
    let start = toks.partition_point(|t| t.span.end <= span.start);
    let end = toks.partition_point(|t| t.span.start < span.end).max(start);
    start..end
}

/// The rule families' verdicts on one target given as a token range.
fn signals_of(toks: &[Token], range: &Range<usize>, lex: &Lexicon) -> Signals {
    let target = [targets::Target {
        entity: 0,
        name: (EntityKind::Person, ""),
        start: range.start,
        end: range.end,
    }];
    Signals {
        rules: rules::score(toks, &target, lex)[0],
        reported: reported::judge(toks, range.start, range.end, lex),
        victim: victims::is_victim(toks, range.start),
    }
}

/// The tokens the model reads for a target: its sentence, at most [`MAX_CONTEXT`] tokens on
/// each side.
fn window(seg: &Segments, target: &Range<usize>) -> Range<usize> {
    if seg.tokens.is_empty() {
        return 0..0;
    }
    let first = seg
        .sentences
        .get(seg.sentence_of(target.start.min(seg.tokens.len() - 1)));
    let last = seg.sentences.get(
        seg.sentence_of(
            target
                .end
                .saturating_sub(1)
                .max(target.start)
                .min(seg.tokens.len() - 1),
        ),
    );
    let start = first
        .map_or(0, |s| s.start)
        .max(target.start.saturating_sub(MAX_CONTEXT));
    let end = last
        .map_or(seg.tokens.len(), |s| s.end)
        .min(target.end + MAX_CONTEXT);
    start.min(target.start)..end.max(target.end)
}

fn probs_in_sentence(
    seg: &Segments,
    forms: &[Form],
    target: Range<usize>,
    signals: Signals,
    lex: &Lexicon,
    model: &Model,
) -> [f32; 3] {
    let w = window(seg, &target);
    let local = target.start - w.start..target.end - w.start;
    model.probs(&seg.tokens[w.clone()], &forms[w], local, signals, lex)
}

/// When the rule families overrule the model: each decides when it holds and the model's most
/// probable class has a probability below its bound (0: never, above 1: always).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Policy {
    pub reported_below: f32,
    pub rules_below: f32,
}

/// The policy in use, chosen by cross-validation on the training part (see
/// `examples/train_stance.rs`, which prints the alternatives).
pub const POLICY: Policy = Policy {
    reported_below: 2.0,
    rules_below: 0.5,
};

/// The polarity of a target from the model's probabilities and the rules ([`POLICY`]).
pub fn decide(probs: [f32; 3], signals: Signals) -> Judgement {
    decide_with(POLICY, probs, signals)
}

/// [`decide`] under another policy.
pub fn decide_with(policy: Policy, probs: [f32; 3], signals: Signals) -> Judgement {
    // Ties go to neutral.
    let top = [0, 1]
        .into_iter()
        .fold(2, |best, k| if probs[k] > probs[best] { k } else { best });
    let rule = |v: f32, below: f32| (v != 0.0 && probs[top] < below).then_some(v);
    // An attack on the target is harm done to it, not the speaker's harm.
    let rules = if signals.victim {
        signals.rules.max(0.0)
    } else {
        signals.rules
    };
    let k = match rule(signals.reported, policy.reported_below)
        .or_else(|| rule(rules, policy.rules_below))
    {
        Some(v) if v > 0.0 => 0,
        Some(_) => 1,
        // The victim of an attack is not opposed for being attacked.
        None if top == 1 && signals.victim && signals.reported >= 0.0 => 2,
        None => top,
    };
    let p = if k == top {
        probs[k]
    } else {
        probs[k].max(0.5)
    };
    let polarity = model::CLASSES[k];
    let score = match polarity {
        Polarity::Support => p,
        Polarity::Oppose => -p,
        Polarity::Neutral => 0.0,
    };
    Judgement {
        polarity,
        score: (score * 1000.0).round() / 1000.0,
        probs,
        signals,
    }
}

#[cfg(test)]
mod tests;
