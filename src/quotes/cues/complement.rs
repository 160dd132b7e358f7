//! Where a cue's complement starts.
//!
//! Takes the tokens of a sentence and the token after a cue's verb; gives the start of the
//! verb's complement and how it opens (`that`, a colon, a comma, a quotation mark, a plain
//! clause, or nothing before the sentence end), past an addressee (`told reporters`), adverbs,
//! time phrases and adjunct phrases (`in a statement`, `on Tuesday`). Never decides where the
//! content ends nor who speaks.

use std::ops::Range;

use super::super::words::*;
use super::Ctx;
use crate::lexicon::{Frames, VerbForm};
use crate::segment::TokenKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Start {
    That,
    Colon,
    Comma,
    Quote,
    Plain,
    End,
}

/// Where the complement of a verb ending at `k` starts, past adverbs, time words, an addressee
/// (`told reporters`) and adjunct phrases (`in a statement`, `on Tuesday`).
pub(super) fn complement_start(
    cx: &Ctx,
    sent: &Range<usize>,
    mut k: usize,
    frames: Frames,
) -> (usize, Start) {
    let end = sent.end;
    if frames.tell && k < end && cx.lower(k) != "that" {
        k = skip_addressee(cx, k, end);
    }
    let mut steps = 0;
    while k < end && steps < 12 {
        steps += 1;
        let t = cx.t(k);
        let w = t.lower.as_str();
        if t.is_terminal() {
            return (end, Start::End);
        }
        if w == "that" {
            return (k + 1, Start::That);
        }
        if t.is_punct(':') {
            return (k + 1, Start::Colon);
        }
        if t.is_punct(',') || t.is_punct('—') || t.is_punct('–') {
            let next_is_clause_cue = k + 1 < end && {
                let n = cx.t(k + 1);
                n.lower == "according" || is_clause_participle(cx, &n.lower)
            };
            return if k + 1 >= end || cx.t(k + 1).is_terminal() || next_is_clause_cue {
                (end, Start::End)
            } else {
                (k + 1, Start::Comma)
            };
        }
        if t.is_quote() {
            return if cx.quote_opened_at(k).is_some() {
                (k, Start::Quote)
            } else {
                (end, Start::End)
            };
        }
        // `said on Friday` skips a time; `wrote on Twitter:`, `said on Harbor TV that` name
        // where it was said: an adjunct phrase.
        let on_place = w == "on"
            && cx
                .seg
                .tokens
                .get(k + 1)
                .is_some_and(|n| n.is_word() && n.capitalized && !is_time_word(&n.lower));
        if is_adverb(t) || (is_time_word(w) && !on_place) || in_time_phrase(cx, k) {
            k += 1;
            continue;
        }
        let infinitive = w == "to"
            && cx.seg.tokens.get(k + 1).is_some_and(|n| {
                n.is_word()
                    && !n.capitalized
                    && !is_determiner(&n.lower)
                    && !is_object_pronoun(&n.lower)
                    && !matches!(n.lower.as_str(), "reporters" | "journalists")
            });
        if is_preposition(w) && w != "for" && !infinitive {
            // `said of the plan` / `said about the levy` name a topic, which is the content,
            // unless a quote follows after a comma: `said of the plan, “It is late.”`
            let topic = matches!(w, "of" | "about");
            match skip_adjunct(cx, k, end) {
                Ok(m) if !topic || comma_then_quote(cx, m, end) => {
                    k = m;
                    continue;
                }
                Err(found) if !topic => return found,
                _ => return (k, Start::Plain),
            }
        }
        return (k, Start::Plain);
    }
    (k.min(end), if k >= end { Start::End } else { Start::Plain })
}

/// A word of a time phrase without a time word of its own: `said late Wednesday that`,
/// `reported last quarter that`, `said this past week that`.
fn in_time_phrase(cx: &Ctx, k: usize) -> bool {
    let w = cx.lower(k);
    let time_next = cx
        .seg
        .tokens
        .get(k + 1)
        .is_some_and(|n| n.is_word() && (is_time_word(&n.lower) || is_period_noun(&n.lower)));
    let after_time = k > 0 && matches!(cx.lower(k - 1), "last" | "this" | "next" | "past");
    (matches!(w, "late" | "early" | "past") && time_next)
        || (is_period_noun(w) && after_time)
        || in_span_of_time(cx, k)
}

/// A word of a span of time counted back or on: `said a day earlier`, `wrote two weeks ago`,
/// `added hours later` (the count, the unit and the direction word).
fn in_span_of_time(cx: &Ctx, k: usize) -> bool {
    let word = |i: usize| {
        cx.seg
            .tokens
            .get(i)
            .filter(|t| t.is_word() || t.kind == TokenKind::Number)
    };
    let count = |i: usize| {
        word(i).is_some_and(|t| {
            t.kind == TokenKind::Number
                || matches!(
                    t.lower.as_str(),
                    "a" | "an" | "one" | "two" | "three" | "four" | "five" | "several" | "few"
                )
        })
    };
    let unit = |i: usize| {
        word(i).is_some_and(|t| {
            matches!(
                t.lower.trim_end_matches('s'),
                "minute" | "hour" | "day" | "week" | "month" | "year"
            )
        })
    };
    let direction =
        |i: usize| word(i).is_some_and(|t| matches!(t.lower.as_str(), "earlier" | "later" | "ago"));
    // The unit at `u`, with a count before it or standing bare (`hours later`).
    let span_at = |u: usize| unit(u) && direction(u + 1);
    (count(k) && span_at(k + 1)) || span_at(k) || (k > 0 && direction(k) && unit(k - 1))
}

/// A comma at `m` with a quotation mark opening right after it.
fn comma_then_quote(cx: &Ctx, m: usize, end: usize) -> bool {
    cx.t(m).is_punct(',') && m + 1 < end && cx.quote_opened_at(m + 1).is_some()
}

/// An adjunct phrase starting at the preposition `k` and reaching a comma, `that`, a colon or
/// the sentence end: `Ok` with the token that ends it, or `Err` with the complement's start
/// when the phrase holds a verb (it is the complement) or runs too long.
fn skip_adjunct(cx: &Ctx, k: usize, end: usize) -> Result<usize, (usize, Start)> {
    let mut m = k + 1;
    while m < end && m < k + 10 {
        let u = cx.t(m);
        if u.lower == "that"
            || u.is_punct(',')
            || u.is_punct(':')
            || u.is_terminal()
            || u.is_quote()
        {
            break;
        }
        if cx.is_verb_token(m) || (is_auxiliary(&u.lower) && !u.capitalized) {
            return Err((k, Start::Plain));
        }
        m += 1;
    }
    if m >= end {
        Err((end, Start::End))
    } else if m >= k + 10 {
        Err((k, Start::Plain))
    } else {
        Ok(m)
    }
}

/// `adding`, `saying`, `telling`: a participle that starts a reporting clause of its own.
pub(super) fn is_clause_participle(cx: &Ctx, w: &str) -> bool {
    cx.lex
        .verb(w)
        .is_some_and(|v| v.form == VerbForm::Ing && (v.frames.clause || v.frames.tell))
}

/// Skips the addressee of `told`/`assured`: a pronoun, a capitalised name, or a short noun phrase.
pub(super) fn skip_addressee(cx: &Ctx, k: usize, end: usize) -> usize {
    let t = cx.t(k);
    if is_object_pronoun(&t.lower) {
        return k + 1;
    }
    let mut m = k;
    if is_determiner(&t.lower) {
        m += 1;
    }
    let mut n = 0;
    while m < end && n < 5 {
        let u = cx.t(m);
        if !u.is_word()
            || u.lower == "that"
            || is_preposition(&u.lower)
            || is_subject_pronoun(&u.lower)
        {
            break;
        }
        if !u.capitalized
            && n > 0
            && !matches!(
                u.lower.as_str(),
                "reporters" | "journalists" | "outlet" | "press"
            )
        {
            break;
        }
        m += 1;
        n += 1;
        if !u.capitalized && n == 1 && matches!(u.lower.as_str(), "reporters" | "journalists") {
            break;
        }
    }
    m
}

/// `said so`, `said yes`, `says no`: a word that stands for the whole answer, right after `say`
/// and before the end of its clause (a punctuation mark or a preposition: `said so in May`);
/// not `said no to the plan`, `said so far`.
pub(super) fn answer_word(
    cx: &Ctx,
    sent: &Range<usize>,
    cue: &super::Cue,
    start: usize,
    how: Start,
) -> Option<usize> {
    let word = cx.seg.tokens.get(start)?;
    let ends = |k: usize| {
        k >= sent.end
            || cx.seg.tokens.get(k).is_some_and(|t| {
                matches!(t.kind, TokenKind::Punct(_))
                    || matches!(
                        t.lower.as_str(),
                        "in" | "at"
                            | "on"
                            | "during"
                            | "after"
                            | "when"
                            | "too"
                            | "again"
                            | "publicly"
                    )
            })
    };
    (cue.lemma == "say"
        && how == Start::Plain
        && start == cue.verb.end
        && matches!(word.lower.as_str(), "so" | "yes" | "no")
        && ends(start + 1))
    .then_some(start)
}
