//! Object extent: where a noun-phrase object of a reporting verb ends.
//!
//! Takes the tokens of a cue's content that is a noun phrase, not a clause (`praised the new
//! pier`, `called the plan a mistake`, `talked about the harbor`); gives the same range ended
//! at the first comma or spaced dash that opens something other than the next item of a list:
//! a relative or participial gloss (`, which ...`, `, raising ...`), an appositive of the
//! whole phrase (`, a move ...`), a second clause (`, but ...`, `, and the council ...`), and
//! before a time adjunct (`on Sunday`). Never decides whether the words are reported speech.

use std::ops::Range;

use super::super::verbs::is_finite_form;
use super::super::words::*;
use super::clause::looks_like_clause;
use super::{Ctx, Cue};
use crate::segment::TokenKind;

/// Ends a noun-phrase object before a gloss or a second clause (for a verb that takes an
/// object, a clause found only past the object's end is that second clause); `None` when the
/// object is an idiom of `call`, or, for a verb that takes only an object (`bare`: no quote
/// after a comma), too short or no noun phrase.
pub(super) fn fit_object(cx: &Ctx, cue: &mut Cue, bare: bool, clause_follows: bool) -> Option<()> {
    if !cue.introduced && !cue.frames.tell && (!clause_follows || cue.frames.object) {
        let object = object_extent(cx, cue.content.clone());
        if !clause_follows || !looks_like_clause(cx, &object) {
            cue.content = object;
        }
    }
    let r = &cue.content;
    if call_idiom(cx, &cue.lemma, r) {
        return None;
    }
    let short = || r.clone().filter(|&k| cx.t(k).is_word()).count() < MIN_OBJECT_WORDS;
    let no_phrase = || matches!(cx.lower(r.start), "to" | "not" | "for" | "about" | "as");
    (!bare || small_clause(cx, &cue.lemma, r) || !(short() || no_phrase())).then_some(())
}

/// The fewest words an object-only verb's complement needs to be reported speech: shorter
/// objects (`welcomed the delay`, `called the meeting`) are too often acts, not speech.
const MIN_OBJECT_WORDS: usize = 4;

/// The object `r`, ended before its first gloss, second clause or time adjunct.
pub(super) fn object_extent(cx: &Ctx, r: Range<usize>) -> Range<usize> {
    if let Some(p) = pronoun_topic(cx, &r) {
        return r.start..p + 1;
    }
    let mut commas = 0;
    let mut k = r.start + 1;
    while k < r.end {
        let t = cx.t(k);
        // A quotation inside the object (`asked whether “A, B or C” was true`) is read through.
        if let Some(q) = cx.quote_opened_at(k) {
            let close = q.last().max(k);
            // `called it “a farce,” and left`: the quote's own comma ends the object as one
            // after it would.
            let own_comma = close > k + 1 && cx.t(close - 1).is_punct(',');
            if own_comma && close + 1 < r.end && !list_item_after(cx, close, commas) {
                return r.start..close + 1;
            }
            k = close + 1;
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
        if t.is_punct(';') || time_adjunct_at(cx, k, r.end) || second_predicate_at(cx, k, r.end) {
            return trimmed(cx, r.start..k);
        }
        if t.is_punct(',') && k + 1 < r.end {
            if !list_item_after(cx, k, commas) {
                return trimmed(cx, r.start..k);
            }
            commas += 1;
        }
        k += 1;
    }
    r
}

/// `talked about it during the debate`, `asked about that in May`: a pronoun after `about`
/// takes no modifier, so the object ends with it (not `that of the mayor`).
fn pronoun_topic(cx: &Ctx, r: &Range<usize>) -> Option<usize> {
    if r.is_empty() {
        return None;
    }
    let p = if cx.lower(r.start) == "about" {
        r.start + 1
    } else if r.start > 0 && cx.lower(r.start - 1) == "about" {
        r.start
    } else {
        return None;
    };
    if p + 1 >= r.end {
        return None;
    }
    let next = cx.lower(p + 1);
    (matches!(cx.lower(p), "it" | "this" | "that" | "them" | "him")
        && is_preposition(next)
        && next != "of")
        .then_some(p)
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

/// `endorsed the mayor and is running for the board`, `praised the plan after the vote was
/// held`: a second predicate of the subject, or a subordinate clause, starting at `k`.
fn second_predicate_at(cx: &Ctx, k: usize, end: usize) -> bool {
    let verb = |m: usize| {
        m < end && {
            let t = cx.t(m);
            t.is_word()
                && !t.capitalized
                && (is_auxiliary(&t.lower) || is_finite_form(&t.lower) || cx.is_verb_token(m))
        }
    };
    match cx.lower(k) {
        "and" | "but" => verb(k + 1),
        "after" | "because" | "although" | "though" | "while" | "when" | "since" | "until"
        | "before" => (k + 2..(k + 5).min(end)).any(verb),
        _ => false,
    }
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

/// `called Ruiz a coward`, `calls them reckless`, `branded it “a farce”`: a naming verb with a
/// person or thing and what it is called, however short; not `called him back`, `called it
/// quits`, `called Ruiz on Tuesday`.
fn small_clause(cx: &Ctx, lemma: &str, r: &Range<usize>) -> bool {
    if !matches!(lemma, "call" | "label" | "brand" | "dub") || r.len() < 2 {
        return false;
    }
    // `called the fees “unfair”`: what it is called is quoted.
    if (r.start + 1..r.end).any(|k| cx.quote_opened_at(k).is_some()) {
        return true;
    }
    let (first, second) = (cx.t(r.start), cx.t(r.start + 1));
    let reflexive = matches!(
        first.lower.as_str(),
        "himself" | "herself" | "themselves" | "itself"
    );
    // `called the plan reckless`: a determiner, a noun and an adjective.
    let adjective = |t: &crate::segment::Token| {
        t.is_word()
            && !t.capitalized
            && [
                "ous", "ful", "less", "able", "ible", "ive", "al", "ic", "ent", "ant", "ist", "ary",
            ]
            .iter()
            .any(|e| t.lower.ends_with(e))
    };
    if r.len() == 3 && (is_determiner(&first.lower) || first.is_possessive()) {
        return !second.capitalized && adjective(cx.t(r.start + 2));
    }
    let named = first.is_word()
        && (is_object_pronoun(&first.lower) || reflexive || first.capitalized)
        && !is_time_word(&first.lower);
    // The object is one word (a pronoun) or a name of capitalised words.
    let mut k = r.start + 1;
    while first.capitalized && k < r.end && cx.t(k).is_word() && cx.t(k).capitalized {
        k += 1;
    }
    let Some(rest) = (k < r.end).then(|| cx.t(k)) else {
        return false;
    };
    let w = rest.lower.as_str();
    let predicate = rest.is_quote()
        || (rest.is_word()
            && !is_preposition(w)
            && !is_particle(w)
            && !is_time_word(w)
            && !matches!(w, "and" | "or" | "to" | "quits" | "that" | "who" | "which"));
    named
        && predicate
        && !(second.lower == "a" && cx.seg.tokens.get(k + 1).is_some_and(|t| t.lower == "day"))
}

/// `called it quits`, `called it a day`, `called the meeting to order`: idioms of `call` that
/// name no one's words.
fn call_idiom(cx: &Ctx, lemma: &str, r: &Range<usize>) -> bool {
    let word = |k: usize| if k < r.end { cx.lower(k) } else { "" };
    let s = r.start;
    lemma == "call"
        && (word(s + 1) == "quits"
            || (word(s + 1) == "a" && word(s + 2) == "day")
            || (s + 1..r.end.min(s + 6)).any(|k| word(k) == "to" && word(k + 1) == "order"))
}
