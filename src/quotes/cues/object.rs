//! Object extent: where a noun-phrase object of a reporting verb ends.
//!
//! Takes the tokens of a cue's content that is a noun phrase, not a clause (`praised the new
//! pier`, `called the plan a mistake`, `talked about the harbor`); gives the same range ended
//! at the first comma or spaced dash that opens something other than the next item of a list:
//! a relative or participial gloss (`, which ...`, `, raising ...`), an appositive of the
//! whole phrase (`, a move ...`), a second clause (`, but ...`, `, and the council ...`), and
//! before a time adjunct (`on Sunday`). Never decides whether the words are reported speech.

use std::ops::Range;

use super::super::words::*;
use super::Ctx;
use crate::segment::TokenKind;

/// The object `r`, ended before its first gloss, second clause or time adjunct.
pub(super) fn object_extent(cx: &Ctx, r: Range<usize>) -> Range<usize> {
    let mut commas = 0;
    let mut k = r.start + 1;
    while k < r.end {
        let t = cx.t(k);
        // A quotation inside the object (`asked whether “A, B or C” was true`) is read through.
        if let Some(q) = cx.quote_opened_at(k) {
            k = q.last().max(k) + 1;
            continue;
        }
        if spaced_dash(cx, k) {
            // `to ban all imports — a third of the trade — from May`: a dashed aside is kept.
            match (k + 1..(k + 12).min(r.end)).find(|&m| spaced_dash(cx, m)) {
                Some(m) if m + 1 < r.end => {
                    k = m + 1;
                    continue;
                }
                _ => return trimmed(cx, r.start..k),
            }
        }
        if t.is_punct(';') || time_adjunct_at(cx, k, r.end) {
            return trimmed(cx, r.start..k);
        }
        if t.is_punct(',') && k + 1 < r.end {
            // `called it “a farce,” and left`: the comma inside a closing mark.
            let closing = cx.t(k + 1).is_quote() && cx.closes_at(k + 1);
            let at = if closing { k + 1 } else { k };
            if at + 1 < r.end && !list_item_after(cx, at, commas) {
                return trimmed(cx, r.start..at + usize::from(closing));
            }
            commas += 1;
        }
        k += 1;
    }
    r
}

/// A dash with space before it (`—`, `–`, ` - `), not a hyphen inside a word.
fn spaced_dash(cx: &Ctx, k: usize) -> bool {
    matches!(cx.t(k).kind, TokenKind::Punct('—' | '–' | '-'))
        && cx.t(k - 1).span.end < cx.t(k).span.start
}

/// Whether the words after the comma `k` go on the object (the next item of a list: `the mayor,
/// the council and the police`), not a gloss or a clause of their own.
fn list_item_after(cx: &Ctx, k: usize, commas_before: usize) -> bool {
    let n = cx.t(k + 1);
    let w = n.lower.as_str();
    // `, including ...` and `, such as ...` go on the object; a quotation is read through.
    if n.is_quote() || matches!(w, "including" | "such") {
        return true;
    }
    let gloss = matches!(
        w,
        "who"
            | "which"
            | "where"
            | "whose"
            | "when"
            | "after"
            | "so"
            | "but"
            | "while"
            | "although"
            | "though"
            | "because"
            | "since"
            | "as"
            | "even"
            | "before"
            | "until"
            | "then"
            | "according"
            | "a"
            | "an"
            | "this"
            | "that"
            | "it"
    ) || is_subject_pronoun(w)
        || (!n.capitalized && w.ends_with("ing") && w.len() > 4 && !adjective_list(cx, k + 1));
    // `, and the council …`: a second clause, unless an earlier comma made a list.
    let clause_and = w == "and" && commas_before == 0;
    !(gloss || clause_and || (is_determiner(w) && commas_before == 0 && !list_ahead(cx, k)))
}

/// `a kind, loving and patient man`: an `-ing` word at `k` before a coordinator or a comma is
/// an adjective of a list, not a participle.
fn adjective_list(cx: &Ctx, k: usize) -> bool {
    cx.seg
        .tokens
        .get(k + 1)
        .is_some_and(|t| matches!(t.lower.as_str(), "and" | "or" | ","))
}

/// `the mayor, the council and the police`: a coordinator closes the list within a few words
/// after the comma `k`, with no verb before it.
fn list_ahead(cx: &Ctx, k: usize) -> bool {
    let end = (k + 7).min(cx.seg.tokens.len());
    for m in k + 1..end {
        let t = cx.t(m);
        if matches!(t.lower.as_str(), "and" | "or") {
            return true;
        }
        if !t.is_word() || cx.is_verb_token(m) || is_auxiliary(&t.lower) {
            return false;
        }
    }
    false
}

/// `on Sunday`, `last week`, `in March`: a time adjunct starting at `k` inside the object.
fn time_adjunct_at(cx: &Ctx, k: usize, end: usize) -> bool {
    let t = cx.t(k);
    let next = (k + 1 < end).then(|| cx.t(k + 1));
    let preposition = matches!(t.lower.as_str(), "on" | "last" | "this");
    preposition && next.is_some_and(|n| n.is_word() && (is_weekday(&n.lower) || n.lower == "week"))
}

/// Drops trailing punctuation.
fn trimmed(cx: &Ctx, r: Range<usize>) -> Range<usize> {
    let (a, mut b) = (r.start, r.end);
    while b > a && matches!(cx.t(b - 1).kind, TokenKind::Punct(_)) {
        b -= 1;
    }
    a..b
}
