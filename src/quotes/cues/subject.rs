//! Subject finding: which words a cue names as its source.
//!
//! Takes the tokens of a sentence and a cue's verb; gives token ranges: the subject phrase
//! before the verb (with its appositives, without adverbial asides, time words or leading
//! connectives), the speaker after an inverted verb (`said a longtime adviser to the mayor`), and
//! the main clause's subject for a participial cue. Also whether a phrase can speak at all.
//! Never decides who a mention is (that is `resolve`).

use std::ops::Range;

use super::super::words::*;
use super::asides::{relative_clause_before, skip_asides};
use super::boundary::is_left_boundary;
use super::Ctx;
use crate::segment::TokenKind;

/// Whether a subject phrase can be a source: demonstrative phrases about things ("This stance")
/// are not, and verbs like `underscore` or `signal` report speech only with a name, a pronoun or
/// a person noun as subject.
pub(super) fn can_speak(cx: &Ctx, np: &Range<usize>, animate_only: bool) -> bool {
    let first = cx.t(np.start);
    let head = cx.t(np.end - 1);
    let person_head = cx.lex.is_anonymous_head(&head.lower) || cx.lex.is_title_word(&head.lower);
    // A bare `it` names an organisation or a document (`"…," it said`); `it` before more words
    // is a dummy or a thing (`it seems`, `it appears that`).
    let bare_it = np.len() == 1 && first.lower == "it";
    if !bare_it
        && matches!(
            first.lower.as_str(),
            "this" | "these" | "that" | "those" | "it" | "which"
        )
        && !person_head
        && !head.capitalized
    {
        return false;
    }
    if !animate_only {
        return true;
    }
    head.capitalized && !head.is_possessive()
        || matches!(
            head.lower.as_str(),
            "he" | "she" | "they" | "we" | "i" | "who"
        )
        || person_head
}

/// A capitalised month right after a capitalised name word is a surname (`Minister Clara May
/// said`), not a date: a date after a name comes with a day or a preposition.
fn month_surname(cx: &Ctx, sent: &Range<usize>, k: usize) -> bool {
    let prev = (k > sent.start).then(|| cx.t(k - 1));
    is_month(&cx.t(k).lower)
        && cx.t(k).capitalized
        && prev.is_some_and(|p| {
            p.is_word()
                && p.capitalized
                && !is_time_word(&p.lower)
                && !is_preposition(&p.lower)
                && !is_determiner(&p.lower)
                && !cx.lex.is_title_word(&p.lower)
        })
}

/// The subject phrase ending just before token `j`.
pub(super) fn subject_before(cx: &Ctx, sent: &Range<usize>, j: usize) -> Option<Range<usize>> {
    if j <= sent.start {
        return None;
    }
    let asides = skip_asides(cx, sent, j)?;
    let mut end = asides.end;
    if let Some(c) = asides.close {
        let np = subject_before(cx, sent, end)?;
        return Some(if asides.adverbial_only {
            np
        } else {
            np.start..c
        });
    }
    // Trailing time words, adverbs and reflexives are not part of the subject:
    // "Dahl later Friday told", "Brandt himself said".
    while end > sent.start + 1 && {
        let t = cx.t(end - 1);
        is_reflexive(&t.lower)
            || is_adverb(t)
            || (is_time_word(&t.lower)
                && !month_surname(cx, sent, end - 1)
                && (t.capitalized
                    || matches!(
                        t.lower.as_str(),
                        "later" | "earlier" | "today" | "yesterday" | "tonight"
                    )))
    } {
        end -= 1;
    }
    let last = cx.t(end - 1);
    // `Sen. Ines Dahl (D-Ore.), who chairs the panel, said`: the parenthesis stays in the mention.
    if last.is_punct(')') {
        let open = (sent.start..end - 1)
            .rev()
            .take(12)
            .find(|&k| cx.t(k).is_punct('('))?;
        let np = subject_before(cx, sent, open)?;
        return Some(np.start..end);
    }
    if !last.is_word() {
        return None;
    }
    if last.lower == "who" || last.lower == "which" {
        return Some(end - 1..end);
    }
    // `Farmers who watched the debate said`: the subject is the head with its relative clause.
    if let Some(r) = relative_clause_before(cx, sent, end) {
        return subject_start(cx, sent, r).map(|start| start..end);
    }
    let start = subject_start(cx, sent, end)?;
    let start = list_head(cx, sent, start, end, j).unwrap_or(start);
    let first = cx.t(start);
    if !first.capitalized && first.lower.ends_with("ing") && first.lower.len() > 5 {
        return None; // "describing a fund called ...": a participle phrase, not a subject
    }
    let last = cx.t(end - 1);
    // `Another said`: `another` alone is a pronoun (the verb decides whether it may be one).
    if (is_determiner(&last.lower) && last.lower != "another")
        || is_preposition(&last.lower)
        || matches!(last.lower.as_str(), "and" | "or")
        || (!last.capitalized
            && last.lower.ends_with("ing")
            // "The briefing said": a noun in -ing after a determiner.
            && !(end - 1 > start && {
                let p = cx.t(end - 2);
                is_determiner(&p.lower) || p.is_possessive()
            }))
    {
        return None;
    }
    Some(start..end)
}

/// `Her crew, neighbours and customers said`: a list subject whose first item, a determiner
/// or possessive and a noun or two opening the sentence (or after an introductory phrase),
/// lies before a comma; the start of that item. Not `The plan, officials and analysts said, …` (a parenthetical tag).
fn list_head(cx: &Ctx, sent: &Range<usize>, start: usize, end: usize, j: usize) -> Option<usize> {
    let rest = start..end;
    // The first item opens the sentence or follows an introductory phrase's comma.
    let comma = start.checked_sub(1)?;
    let from = (sent.start..comma)
        .rev()
        .take(5)
        .find(|&k| cx.t(k).is_punct(','))
        .map_or(sent.start, |k| k + 1);
    let head = from..comma;
    let plain = |k: usize| {
        let t = cx.t(k);
        t.is_word()
            && !cx.is_verb_token(k)
            && !is_preposition(&t.lower)
            && !is_time_word(&t.lower)
            && !is_auxiliary(&t.lower)
    };
    let opens = head.len() >= 2 && head.len() <= 4 && {
        let first = cx.lower(head.start);
        is_determiner(first) || matches!(first, "his" | "her" | "their" | "its" | "our")
    };
    let list = rest.len() <= 6
        && rest.clone().any(|k| matches!(cx.lower(k), "and" | "or"))
        && rest.clone().all(|k| cx.t(k).is_word());
    let parenthetical = cx.seg.tokens.get(j + 1).is_some_and(|t| t.is_punct(','));
    (cx.t(start - 1).is_punct(',')
        && opens
        && list
        && !parenthetical
        && head
            .clone()
            .skip(1)
            .all(|k| plain(k) && !cx.t(k).capitalized))
    .then_some(head.start)
}

/// The first token of the subject phrase ending at `end`: back to a boundary word, then past
/// leading connectives, discourse adverbs and introductory prepositional phrases.
fn subject_start(cx: &Ctx, sent: &Range<usize>, end: usize) -> Option<usize> {
    let last = cx.t(end - 1);
    // `Listing the losses she added`: a personal subject pronoun is the whole subject.
    if matches!(last.lower.as_str(), "he" | "she" | "they" | "we") && !last.capitalized {
        return Some(end - 1);
    }
    // The head noun may look like a reporting verb ("the auditors' report said"): as the
    // last word of the subject it is a noun.
    let noun_head = cx.is_verb_token(end - 1)
        && !is_auxiliary(&last.lower)
        && end - 1 > sent.start
        && !is_left_boundary(cx, end - 2, sent.start);
    let mut k = if noun_head { end - 1 } else { end };
    // A subject is a phrase, not a stretch of text: the walk back is bounded.
    let floor = sent.start.max(end.saturating_sub(48));
    while k > floor && !is_left_boundary(cx, k - 1, sent.start) {
        k -= 1;
    }
    let mut start = k;
    loop {
        if start >= end {
            return None;
        }
        let t = cx.t(start);
        if is_discourse_word(&t.lower)
            || t.lower == "with"
            || (matches!(t.kind, TokenKind::Punct(_)) && !t.is_punct('&'))
        {
            start += 1;
            continue;
        }
        // `At least 40 nurses`, `at most a third of voters`: a quantifier, not a preposition.
        let quantifier =
            t.lower == "at" && start + 2 < end && matches!(cx.lower(start + 1), "least" | "most");
        if is_preposition(&t.lower) && !quantifier {
            // "On Tuesday Dahl said": drop the time phrase; "with Lima warning": drop "with".
            let time_end = (start + 1..end.min(start + 5))
                .rev()
                .find(|&m| is_time_word(cx.lower(m)));
            start = match time_end {
                Some(m) if m + 1 < end => m + 1,
                _ => start + 1,
            };
            continue;
        }
        break;
    }
    if end - start > 16 {
        start = core_phrase_start(cx, start, end);
    }
    Some(inner_phrase_start(cx, start, end))
}

/// An article right after a noun of time starts a clause of its own (`the first time the two
/// men`, `the day the mayor`): the subject is the phrase after it.
fn inner_phrase_start(cx: &Ctx, start: usize, end: usize) -> usize {
    (start + 1..end)
        .rev()
        .find(|&m| {
            matches!(cx.lower(m), "the" | "a" | "an")
                && matches!(
                    cx.lower(m - 1),
                    "time" | "moment" | "day" | "night" | "week" | "month" | "year"
                )
        })
        .unwrap_or(start)
}

/// The trailing capitalised phrase of an over-long subject, with its determiner.
fn core_phrase_start(cx: &Ctx, floor: usize, end: usize) -> usize {
    let mut k = end;
    while k > floor {
        let t = cx.t(k - 1);
        if t.capitalized
            || t.is_possessive()
            || is_determiner(&t.lower)
            || (t.lower == "of" && k - 1 > floor && cx.t(k - 2).capitalized)
        {
            k -= 1;
            if is_determiner(&t.lower) {
                break;
            }
        } else {
            break;
        }
    }
    if k == end {
        end - 1
    } else {
        k
    }
}

/// `Rep. Ines Dahl (D-Ore.) said`: the end of a parenthesis at `j`, after the name and before
/// the verb at `v`, which is part of the mention.
pub(super) fn with_parenthesis(cx: &Ctx, j: usize, v: usize) -> Option<usize> {
    cx.t(j)
        .is_punct('(')
        .then(|| (j + 1..v).find(|&k| cx.t(k).is_punct(')')))
        .flatten()
        .map(|close| close + 1)
}

/// `with` a few words before the phrase `np` (`with over $20 million`), nothing verb-like
/// between.
pub(super) fn after_with(cx: &Ctx, sent: &Range<usize>, np: &Range<usize>) -> bool {
    (np.start.saturating_sub(3).max(sent.start)..np.start).any(|k| {
        cx.lower(k) == "with"
            && (k + 1..np.start).all(|m| {
                let t = cx.t(m);
                !cx.is_verb_token(m) && (t.is_word() || t.is_punct('$'))
            })
    })
}

/// The subject of a sentence's main clause, for participial cues (`The ministry has welcomed the
/// delay, suggesting ...`). Skips introductory phrases that end with a comma.
pub(super) fn main_subject(cx: &Ctx, sent: &Range<usize>, before: usize) -> Option<Range<usize>> {
    let mut start = sent.start;
    // Skip an introductory phrase: `Meanwhile,`, `In a sharp turn for the port,`.
    for _ in 0..2 {
        let first = cx.t(start);
        let intro = is_discourse_word(&first.lower)
            || is_preposition(&first.lower)
            || first.lower.ends_with("ing")
            || opens_clause(&first.lower);
        if !intro {
            break;
        }
        match (start..before.min(start + 30)).find(|&k| cx.t(k).is_punct(',')) {
            Some(c) if c + 1 < before => start = c + 1,
            _ => break,
        }
    }
    while start < before
        && (cx.t(start).is_quote()
            || matches!(cx.t(start).kind, TokenKind::Punct(_))
            || is_discourse_word(cx.lower(start)))
    {
        start += 1;
    }
    let first = cx.t(start.min(before.saturating_sub(1)));
    if start >= before
        || is_preposition(&first.lower)
        || opens_clause(&first.lower)
        || is_time_word(&first.lower)
        || (!first.capitalized && first.lower.ends_with("ed"))
        || first.lower.ends_with("ing")
    {
        return None;
    }
    let mut k = start;
    while k < before && k < start + 10 {
        let t = cx.t(k);
        if !t.is_word() {
            if t.is_punct('.') && k > start && cx.lex.is_abbreviation(&cx.t(k - 1).lower) {
                k += 1;
                continue;
            }
            break;
        }
        let w = t.lower.as_str();
        if !t.capitalized
            && (is_auxiliary(w)
                || is_adverb(t)
                || cx.is_verb_token(k)
                || w.ends_with("ed")
                || opens_clause(w))
        {
            break;
        }
        // `One pilot inside ...`: a capitalised count word opens a noun phrase, not a name.
        let after_name = k > start && cx.t(k - 1).capitalized && {
            let prev = cx.t(k - 1).lower.as_str();
            !is_determiner(prev) && !is_count_word(prev)
        };
        let role_noun =
            cx.lex.is_title_word(w) || cx.lex.is_anonymous_head(w) || cx.lex.is_org_word(w);
        if !t.capitalized && after_name && !matches!(w, "of" | "and" | "for") && !role_noun {
            break;
        }
        k += 1;
    }
    (k > start).then_some(start..k)
}
