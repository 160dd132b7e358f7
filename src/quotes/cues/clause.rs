//! Whether the words after a cue form a clause.
//!
//! Takes the tokens of a sentence and a position or range; gives yes or no: a clause can start
//! at a token (a subject-like word, not an adjective or a verb), or a range reads as a clause
//! (something verb-like after its first word). Never decides extents nor speakers.

use std::ops::Range;

use super::super::verbs::{is_common_base, is_finite_form};
use super::super::words::*;
use super::Ctx;
use crate::segment::TokenKind;

/// Whether a clause can start at token `k`: a subject-like word, not an adjective or a verb.
pub(super) fn starts_clause(cx: &Ctx, k: usize) -> bool {
    let Some(t) = cx.seg.tokens.get(k) else {
        return false;
    };
    t.capitalized
        || t.kind == TokenKind::Number
        || t.is_quote()
        || is_determiner(&t.lower)
        || is_subject_pronoun(&t.lower)
        // A gerund subject: "says expanding the monument will protect ...".
        || (t.lower.ends_with("ing") && t.lower.len() > 5)
        || matches!(
            t.lower.as_str(),
            "there"
                | "if"
                | "when"
                | "while"
                | "because"
                | "as"
                | "given"
                | "despite"
                | "without"
                | "all"
                | "both"
                | "many"
                | "most"
                | "none"
                | "nothing"
                | "everyone"
                | "everything"
                | "nobody"
                | "someone"
                | "something"
                | "one"
                | "more"
                | "few"
                | "several"
                | "only"
                | "once"
        )
        || cx.lex.is_anonymous_head(&t.lower)
        || t.lower.ends_with('s') && !t.lower.ends_with("ss") && !t.lower.ends_with("ous")
        || approximate_quantity(cx, k)
}

/// `about half of`, `nearly 40 percent`, `roughly a third`: an approximator before a number or a
/// fraction opens a subject.
fn approximate_quantity(cx: &Ctx, k: usize) -> bool {
    let toks = &cx.seg.tokens;
    let approximator = matches!(
        toks[k].lower.as_str(),
        "about" | "nearly" | "almost" | "roughly" | "around" | "some" | "over" | "under"
    );
    let mut n = k + 1;
    if toks
        .get(n)
        .is_some_and(|t| matches!(t.lower.as_str(), "a" | "an"))
    {
        n += 1;
    }
    approximator
        && toks.get(n).is_some_and(|t| {
            t.kind == TokenKind::Number
                || is_quantity_word(&t.lower)
                || matches!(
                    t.lower.as_str(),
                    "half" | "third" | "quarter" | "fifth" | "tenth"
                )
        })
}

/// A reported clause has something verb-like after its first word.
pub(super) fn looks_like_clause(cx: &Ctx, r: &Range<usize>) -> bool {
    // A clause shows its verb early: only its first words are read.
    let r = &(r.start..r.end.min(r.start + 40));
    let words = r.clone().filter(|&k| cx.t(k).is_word()).count();
    words >= 3
        && (r
            .clone()
            .take(2)
            .any(|k| strip_contraction(&cx.t(k).lower).1)
            || r.clone().skip(1).any(|k| {
                let t = cx.t(k);
                !t.capitalized
                    && (is_auxiliary(&t.lower)
                        || is_finite_form(&t.lower)
                        || t.lower.ends_with("n't")
                        || t.lower.ends_with("’t")
                        || (is_common_base(&t.lower) && plural_subject_before(cx, k)))
            }))
}

/// A present-tense base form reads as finite after a plural subject: `voters ignore`, `they
/// need`.
fn plural_subject_before(cx: &Ctx, k: usize) -> bool {
    let p = cx.t(k - 1);
    p.is_word()
        && !p.capitalized
        && (matches!(p.lower.as_str(), "they" | "we" | "i" | "you" | "people")
            || (p.lower.ends_with('s') && !p.lower.ends_with("ss") && !p.is_possessive()))
}
