//! Content extent: where a cue's reported clause starts and where it ends.
//!
//! Takes the tokens of a sentence and a cue's verb; gives token ranges: the start of a verb's
//! complement (past an addressee, adverbs and adjunct phrases, at `that`, a colon, a comma or a
//! quotation mark), the clause to the end of the sentence (stopping before a second report or a
//! source phrase), or the clause before a trailing cue. Also the tests that the words after a
//! verb form a clause. Never decides who speaks.

use std::ops::Range;

use super::super::verbs::{is_common_base, is_finite_form};
use super::super::words::*;
use super::Ctx;

/// The most tokens a reported clause runs (quoted spans inside it count as one).
const MAX_CLAUSE: usize = 160;
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
        if is_adverb(t) || (is_time_word(w) && !t.capitalized) || (t.capitalized && is_time_word(w))
        {
            k += 1;
            continue;
        }
        // `said late Wednesday that`, `reported last quarter that`, `said this past week that`.
        let time_next =
            cx.seg.tokens.get(k + 1).is_some_and(|n| {
                n.is_word() && (is_time_word(&n.lower) || is_period_noun(&n.lower))
            });
        let after_time = k > 0 && matches!(cx.lower(k - 1), "last" | "this" | "next" | "past");
        if (matches!(w, "late" | "early" | "past") && time_next)
            || (is_period_noun(w) && after_time)
        {
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
        if is_preposition(w) && !matches!(w, "of" | "about" | "for") && !infinitive {
            match skip_adjunct(cx, k, end) {
                Ok(m) => {
                    k = m;
                    continue;
                }
                Err(found) => return found,
            }
        }
        return (k, Start::Plain);
    }
    (k.min(end), if k >= end { Start::End } else { Start::Plain })
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

/// The sentence has a subordinator before the cue's subject (`While X said ..., Y ...`).
pub(super) fn clause_is_subordinate(cx: &Ctx, sent: &Range<usize>, subject_start: usize) -> bool {
    subject_start > sent.start && cx.subordinated(subject_start)
}

/// In `While X confirmed that A, B.`, the content is A: it ends at the comma before the main clause.
pub(super) fn cut_at_main_clause(cx: &Ctx, r: Range<usize>) -> Range<usize> {
    for k in r.clone() {
        if cx.t(k).is_punct(',') && k + 1 < r.end {
            let n = cx.t(k + 1);
            if is_subject_pronoun(&n.lower) || is_determiner(&n.lower) {
                return r.start..k;
            }
        }
    }
    r
}

/// From `start` to the end of the sentence, stopping before `, according to`, a participial cue
/// (`, adding ...`) or a semicolon, and reaching past the sentence end when a quote opened inside
/// closes later.
pub(super) fn content_to_end(cx: &Ctx, sent: &Range<usize>, start: usize) -> Range<usize> {
    // A reported clause longer than this is no clause of news prose: it ends there.
    let stop = sent.end.min(start + MAX_CLAUSE);
    let mut end = stop;
    let mut k = start;
    while k < stop {
        let t = cx.t(k);
        if t.is_punct(';') {
            end = k;
            break;
        }
        if t.is_punct(',') && k + 1 < sent.end && ends_at_comma(cx, sent, k) {
            end = k;
            break;
        }
        if k > start && second_report_at(cx, sent, k) {
            end = k;
            break;
        }
        if let Some(q) = cx.quote_opened_at(k) {
            if q.depth == 0 {
                k = q.last().max(k) + 1;
                end = end.max(k.min(cx.seg.paragraphs[q.paragraph].end));
                if k >= stop {
                    break;
                }
                continue;
            }
        }
        k += 1;
    }
    trim_content(cx, start..end.max(start))
}

/// Whether a reported clause ends at the comma `k`: before `according to`, a participial cue
/// (`, adding ...`, `, citing ...`), an inverted cue (`, said Dahl`), a second report with its
/// own subject (`, but the council said ...`, `, while others say ...`), or an appositive of
/// the whole clause (`, a move that ...`).
fn ends_at_comma(cx: &Ctx, sent: &Range<usize>, k: usize) -> bool {
    let n = cx.t(k + 1);
    let participle = !n.capitalized
        && cx
            .lex
            .verb(&n.lower)
            .is_some_and(|v| v.form == VerbForm::Ing);
    let inverted = k + 2 < sent.end
        && cx
            .lex
            .verb(&n.lower)
            .is_some_and(|v| matches!(v.form, VerbForm::Past | VerbForm::Third) && v.frames.clause)
        && !n.capitalized
        && cx.t(k + 2).is_word()
        && (cx.t(k + 2).capitalized || is_determiner(&cx.t(k + 2).lower));
    let conjunction = matches!(
        n.lower.as_str(),
        "but" | "while" | "and" | "although" | "though" | "whereas"
    ) && reporting_verb_within(cx, sent, k + 2, 8);
    // `, a move that surprised the council`
    let clause_appositive = matches!(n.lower.as_str(), "a" | "an")
        && (k + 2..(k + 5).min(sent.end))
            .any(|m| matches!(cx.lower(m), "that" | "which") && m > k + 2);
    n.lower == "according" || participle || inverted || conjunction || clause_appositive
}

/// A second report coordinated at `k` without a comma: `... and warned that ...`,
/// `... but said ...` (the verb right after the conjunction).
fn second_report_at(cx: &Ctx, sent: &Range<usize>, k: usize) -> bool {
    let t = cx.t(k);
    matches!(t.lower.as_str(), "and" | "but")
        && k + 1 < sent.end
        && reporting_verb_within(cx, sent, k + 1, 1)
}

/// A finite reporting verb (past or present, not a participle) among the `n` tokens from `from`,
/// after words that can be its subject.
fn reporting_verb_within(cx: &Ctx, sent: &Range<usize>, from: usize, n: usize) -> bool {
    for m in from..(from + n).min(sent.end) {
        let t = cx.t(m);
        if !t.is_word() {
            return false;
        }
        if cx.is_verb_token(m)
            && cx.lex.verb(&t.lower).is_some_and(|v| {
                matches!(v.form, VerbForm::Past | VerbForm::Third | VerbForm::Base)
                    && (v.frames.clause || v.frames.tell)
            })
        {
            return true;
        }
        if is_auxiliary(&t.lower) && !t.capitalized && m + 1 < sent.end && cx.is_verb_token(m + 1) {
            return true; // `, but the council has said ...`
        }
        if opens_clause(&t.lower) && m > from {
            return false;
        }
    }
    false
}

/// The clause before a cue: from the sentence start (or the end of an earlier clause) to the
/// punctuation before the cue's first token.
pub(super) fn content_before(
    cx: &Ctx,
    sent: &Range<usize>,
    _verb: usize,
    cue_start: usize,
) -> Range<usize> {
    if cue_start <= sent.start {
        return cue_start..cue_start;
    }
    let before = cx.t(cue_start - 1);
    if !(before.is_punct(',') || before.is_quote() || before.is_punct('—') || before.is_punct('–'))
    {
        return cue_start..cue_start;
    }
    trim_content(cx, sent.start..cue_start)
}

/// Drops leading `that` and punctuation, trailing punctuation, from a token range.
pub(super) fn trim_content(cx: &Ctx, r: Range<usize>) -> Range<usize> {
    let (mut a, mut b) = (r.start, r.end);
    while a < b && (cx.lower(a) == "that" || matches!(cx.t(a).kind, TokenKind::Punct(_))) {
        a += 1;
    }
    while b > a && matches!(cx.t(b - 1).kind, TokenKind::Punct(_)) {
        b -= 1;
    }
    a..b
}
