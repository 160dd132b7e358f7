//! Content extent: where a cue's reported clause ends.
//!
//! Takes the tokens of a sentence and a clause's start (or a trailing cue's first token); gives
//! the clause's token range: to the end of the sentence, stopping before a second report, a
//! source phrase, a participial cue or an appositive of the whole clause, reaching past the
//! sentence end when a quote opened inside closes later; or the clause before a trailing cue;
//! trimmed of `that` and punctuation. Never decides who speaks.

use std::ops::Range;

use super::super::words::*;
use super::clause::looks_like_clause;
use super::complement::is_clause_participle;
use super::Ctx;
use crate::lexicon::VerbForm;
use crate::segment::TokenKind;

/// The most tokens a reported clause runs (quoted spans inside it count as one).
const MAX_CLAUSE: usize = 160;

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
        if t.is_punct(',')
            && k + 1 < sent.end
            && (ends_at_comma(cx, sent, k) || trailing_relative(cx, start, k))
        {
            end = k;
            break;
        }
        // `calling it a feat — but he said ...`: a spaced dash ends the clause as a comma does.
        if k > start && k + 1 < sent.end && spaced_dash(cx, k) && ends_at_comma(cx, sent, k) {
            end = k;
            break;
        }
        if k > start && second_report_at(cx, sent, k) {
            end = k;
            break;
        }
        if let Some(q) = cx.quote_opened_at(k) {
            if q.depth == 0 {
                let own_comma = q.close.is_some()
                    && q.inner.end > q.inner.start
                    && cx.t(q.inner.end - 1).is_punct(',');
                k = q.last().max(k) + 1;
                end = end.max(k.min(cx.seg.paragraphs[q.paragraph].end));
                // `“It is late,” adding that …`: the quote's own comma ends the clause
                // before a participial cue.
                if own_comma && k < sent.end && is_clause_participle(cx, &cx.t(k).lower) {
                    end = k;
                    break;
                }
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
    n.lower == "according" || participle || inverted || conjunction || clause_appositive || {
        trailing_tag(cx, sent, k)
    }
}

/// A dash with space before it (`—`, `–`, or ` - `), not a hyphen inside a word.
fn spaced_dash(cx: &Ctx, k: usize) -> bool {
    let t = cx.t(k);
    (t.is_punct('—') || t.is_punct('–') || t.is_punct('-')) && cx.t(k - 1).span.end < t.span.start
}

/// `said she had met her niece, who had just landed`: a relative clause after a comma that
/// follows a whole clause glosses its last noun; the report ends before it (`the tax, which
/// passed, was unfair` keeps it: no clause before the comma).
fn trailing_relative(cx: &Ctx, start: usize, k: usize) -> bool {
    matches!(cx.lower(k + 1), "who" | "which")
        && k >= start + 4
        && looks_like_clause(cx, &(start..k))
}

/// The most words of a trailing tag's subject (`, the agency's two harbor inspectors said.`).
const MAX_TAG_SUBJECT: usize = 7;

/// A trailing tag after the comma `k` that ends the sentence: a short subject, a finite
/// reporting verb and at most a short adjunct (`, the report said.`, `, insiders say:`, `, the
/// agency reported on Tuesday.`). The clause before the comma is what the tag reports; a
/// reported clause that reaches the comma ends there.
fn trailing_tag(cx: &Ctx, sent: &Range<usize>, k: usize) -> bool {
    let mut m = k + 1;
    while m < sent.end && m <= k + MAX_TAG_SUBJECT {
        let t = cx.t(m);
        if !t.is_word() || (is_auxiliary(&t.lower) && !t.capitalized) || opens_clause(&t.lower) {
            return false;
        }
        let finite = m > k + 1
            && !t.capitalized
            && cx.lex.verb(&t.lower).is_some_and(|v| {
                matches!(v.form, VerbForm::Past | VerbForm::Third)
                    && (v.frames.clause || v.frames.tell)
            });
        if finite {
            return tag_ends_sentence(cx, sent, m + 1);
        }
        m += 1;
    }
    false
}

/// From `m`, at most a short adjunct without a verb (`on Tuesday`, `in a statement`), then the
/// sentence end, a colon, a semicolon or a dash.
fn tag_ends_sentence(cx: &Ctx, sent: &Range<usize>, m: usize) -> bool {
    for j in m..(m + 6).min(sent.end) {
        let t = cx.t(j);
        if t.is_terminal() || matches!(t.kind, TokenKind::Punct(':' | ';' | '—' | '–' | '-')) {
            return true;
        }
        // `, a week after the two rivals spoke at the gala.`: a clause, not a tag.
        if !t.is_word() || cx.is_verb_token(j) || is_auxiliary(&t.lower) || opens_clause(&t.lower) {
            return false;
        }
    }
    m + 6 >= sent.end
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
pub(super) fn reporting_verb_within(cx: &Ctx, sent: &Range<usize>, from: usize, n: usize) -> bool {
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
    trim_content(cx, clause_start_before(cx, sent, cue_start)..cue_start)
}

/// Where the clause ending before `end` starts: the sentence start, or just inside a
/// parenthesis left open before `end` (`... (the real figure is lower, a monitor said).`).
pub(super) fn clause_start_before(cx: &Ctx, sent: &Range<usize>, end: usize) -> usize {
    let mut depth = 0usize;
    // A bounded walk, as for a clause after its cue.
    for k in (sent.start.max(end.saturating_sub(MAX_CLAUSE))..end).rev() {
        match cx.t(k).kind {
            TokenKind::Punct(')') => depth += 1,
            TokenKind::Punct('(') if depth == 0 => return k + 1,
            TokenKind::Punct('(') => depth -= 1,
            _ => {}
        }
    }
    sent.start
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
