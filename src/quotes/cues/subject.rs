//! Subject finding: which words a cue names as its source.
//!
//! Takes the tokens of a sentence and a cue's verb; gives token ranges: the subject phrase
//! before the verb (with its appositives, without adverbial asides, time words or leading
//! connectives), the speaker after an inverted verb (`said a longtime adviser to the mayor`), and
//! the main clause's subject for a participial cue. Also whether a phrase can speak at all.
//! Never decides who a mention is (that is `resolve`).

use std::ops::Range;

use super::super::words::*;
use super::Ctx;
use crate::segment::TokenKind;

/// Whether a subject phrase can be a source: demonstrative phrases about things ("This stance")
/// are not, and verbs like `underscore` or `signal` report speech only with a name, a pronoun or
/// a person noun as subject.
pub(super) fn can_speak(cx: &Ctx, np: &Range<usize>, animate_only: bool) -> bool {
    let first = cx.t(np.start);
    let head = cx.t(np.end - 1);
    let person_head = cx.lex.is_anonymous_head(&head.lower) || cx.lex.is_title_word(&head.lower);
    if matches!(
        first.lower.as_str(),
        "this" | "these" | "that" | "those" | "it" | "which"
    ) && !person_head
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

/// Whether token `k` (left of a subject) ends the subject phrase.
fn is_left_boundary(cx: &Ctx, k: usize, sent_start: usize) -> bool {
    let t = cx.t(k);
    match t.kind {
        TokenKind::Quote(..) => true,
        TokenKind::Punct('.') => {
            // "Sen. Ines Dahl": the dot of an abbreviation.
            !(k > sent_start && {
                let p = cx.t(k - 1);
                p.is_word()
                    && (cx.lex.is_abbreviation(&p.lower)
                        || (p.lower.chars().count() == 1 && p.capitalized))
            })
        }
        TokenKind::Punct('&' | '-' | '/') => false,
        TokenKind::Punct(_) => true,
        _ => {
            let w = t.lower.as_str();
            if t.capitalized {
                return is_sentence_conjunction(w);
            }
            let noun_use = cx.seg.tokens.get(k + 1).is_some_and(|n| n.lower == "of");
            if w == "who"
                || opens_clause(w)
                || is_auxiliary(w)
                || (cx.is_verb_token(k) && !noun_use && !reduced_relative(cx, k, sent_start))
            {
                return true;
            }
            if matches!(w, "and" | "or") {
                let next = cx.seg.tokens.get(k + 1);
                let prev = (k > sent_start).then(|| cx.t(k - 1));
                return next.is_some_and(|n| is_subject_pronoun(&n.lower) && !n.capitalized)
                    || prev.is_none_or(|p| {
                        !p.is_word()
                            || p.lower.ends_with("ing")
                            || (p.lower.ends_with("ed") && !p.capitalized)
                    });
            }
            false
        }
    }
}

/// A past participle modifying the noun before it, with a time or agent after it: `a report
/// published Wednesday`, `a poll released by the council`.
fn reduced_relative(cx: &Ctx, k: usize, sent_start: usize) -> bool {
    let t = cx.t(k);
    let participle = t.lower.ends_with("ed") || is_irregular_past(&t.lower);
    let after_noun = k > sent_start && {
        let p = cx.t(k - 1);
        p.is_word() && !is_function_word(&p.lower) && !p.capitalized
    };
    let next = cx.seg.tokens.get(k + 1);
    participle
        && after_noun
        && next.is_some_and(|n| {
            n.is_word() && (is_time_word(&n.lower) || matches!(n.lower.as_str(), "by" | "in"))
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
    let start = subject_start(cx, sent, end)?;
    let first = cx.t(start);
    if !first.capitalized && first.lower.ends_with("ing") && first.lower.len() > 5 {
        return None; // "describing a fund called ...": a participle phrase, not a subject
    }
    let last = cx.t(end - 1);
    if is_determiner(&last.lower)
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

/// Where the subject left of `end` stops: after the asides, what is left of the subject.
struct Asides {
    /// One past the subject proper (before the first aside's comma when there are asides).
    end: usize,
    /// The comma closing the last aside, when there is one.
    close: Option<usize>,
    /// Every aside is adverbial (`Varga, though, said`): the mention keeps none of them.
    adverbial_only: bool,
}

/// The longest aside between two commas, in tokens.
const MAX_ASIDE: usize = 24;

/// Whether the tokens `k..c` between two commas, after the word `k - 2`, are an aside in a
/// subject: `Some(true)` for an adverbial one (`though`, `in a memo`), `Some(false)` for an
/// appositive (`a nurse`, `61`, `who farms near the river`, `harbor director at the agency` after
/// a name, `Ines Dahl` after a role), `None` when they are not an aside (a clause of their own).
fn aside_kind(cx: &Ctx, k: usize, c: usize) -> Option<bool> {
    let first = cx.t(k);
    let before = cx.t(k - 2);
    // `Rep. Ines Dahl (D-Ore.), a critic, said`: a parenthesis may end the name before.
    if !(before.is_word() || before.is_punct(')')) || (k..c).any(|m| cx.t(m).is_quote()) {
        return None;
    }
    let adverbial = is_adverb(first)
        || matches!(
            first.lower.as_str(),
            "though" | "however" | "too" | "meanwhile" | "like"
        )
        || (is_preposition(&first.lower) && first.lower != "including" && c - k <= 8);
    let relative = matches!(
        first.lower.as_str(),
        "who" | "which" | "including" | "whose"
    );
    // A clause is no aside: `In the end, the plan is dead, said Dahl`; a relative clause inside
    // an appositive is (`the mayor who has led the town`).
    let mut finite = false;
    for m in k..c {
        let t = cx.t(m);
        if matches!(t.lower.as_str(), "who" | "which" | "that" | "whose") {
            break;
        }
        finite |= !t.capitalized && t.is_word() && is_auxiliary(&t.lower);
    }
    if finite && !relative && !adverbial {
        return None;
    }
    // `Ines Dahl`, `Ines Dahl of the Harbor Institute`: small words only inside the name.
    let name = c - k <= 8
        && first.capitalized
        && (k..c).all(|m| {
            let t = cx.t(m);
            t.capitalized
                || t.is_punct('.')
                || (matches!(t.lower.as_str(), "of" | "the" | "for" | "and")
                    && m + 1 < c
                    && cx.t(m + 1).is_word())
        })
        && cx.t(c - 1).capitalized
        && !is_function_word(&first.lower);
    // `Ines Dahl, harbor director at the agency, said`: a role after a name.
    let role = before.capitalized
        && !is_function_word(&before.lower)
        && first.is_word()
        && !first.capitalized
        && !is_subject_pronoun(&first.lower)
        && !is_auxiliary(&first.lower)
        && !opens_clause(&first.lower)
        && !is_preposition(&first.lower)
        && !cx.is_verb_token(k);
    let appositive = is_determiner(&first.lower)
        || relative
        || first.kind == TokenKind::Number
        || (c - k <= 6 && first.capitalized && before.capitalized)
        || name
        || role;
    (adverbial || appositive).then_some(adverbial)
}

/// Asides between subject and verb: `Elias Brandt, a nurse, said`, `Varga, though, said`,
/// `Nadia Corvin, 61, who farms near the river, says`. The mention keeps appositives (the news
/// convention) but not adverbial asides. `None` when the words before the verb end in a comma
/// that opens no aside.
fn skip_asides(cx: &Ctx, sent: &Range<usize>, j: usize) -> Option<Asides> {
    let mut end = j; // exclusive
    let mut close: Option<usize> = None;
    let mut adverbial_only = true;
    let mut asides = 0;
    while end > sent.start && cx.t(end - 1).is_punct(',') && asides < 4 {
        asides += 1;
        let c = end - 1;
        let mut k = c;
        while k > sent.start && !cx.t(k - 1).is_punct(',') && c - k < MAX_ASIDE {
            k -= 1;
        }
        let has_open = k > sent.start + 1 && cx.t(k - 1).is_punct(',');
        if !has_open || k >= c {
            close?;
            end = c;
            break;
        }
        let Some(adverbial) = aside_kind(cx, k, c) else {
            close?;
            end = c;
            break;
        };
        close.get_or_insert(c);
        adverbial_only &= adverbial;
        end = k; // the comma before the aside is now last
    }
    Some(Asides {
        end,
        close,
        adverbial_only,
    })
}

/// The first token of the subject phrase ending at `end`: back to a boundary word, then past
/// leading connectives, discourse adverbs and introductory prepositional phrases.
fn subject_start(cx: &Ctx, sent: &Range<usize>, end: usize) -> Option<usize> {
    let last = cx.t(end - 1);
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
        if is_preposition(&t.lower) && !t.capitalized || (t.capitalized && is_preposition(&t.lower))
        {
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
    Some(start)
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
        let after_name = k > start && cx.t(k - 1).capitalized && !is_determiner(&cx.t(k - 1).lower);
        let role_noun =
            cx.lex.is_title_word(w) || cx.lex.is_anonymous_head(w) || cx.lex.is_org_word(w);
        if !t.capitalized && after_name && !matches!(w, "of" | "and" | "for") && !role_noun {
            break;
        }
        k += 1;
    }
    (k > start).then_some(start..k)
}
