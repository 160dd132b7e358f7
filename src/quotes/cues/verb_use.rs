//! Verb use: whether a lexicon word is used as a reporting verb where it stands.
//!
//! Takes the tokens of a sentence and a verb's position; gives what stands left of it (the
//! subject's end past adverbs, auxiliaries, a parenthesis and a time phrase, and whether it is
//! negated or passive), whether the word is a verb here (not a noun, not a passive) and how
//! well the word before it fits a present tense. Never finds the speaker or the content.

use std::ops::Range;

use super::super::words::*;
use super::asides::head_word;
use super::subject::subject_before;
use super::{closes_quote_before, Ctx, Cue, Orientation};
use crate::lexicon::{Frames, VerbForm};
use crate::segment::{Token, TokenKind};

/// What stands before the verb, past adverbs, auxiliaries and a parenthesis.
pub(super) struct Left {
    /// One past the last token before the adverbs and auxiliaries: where the subject ends.
    pub j: usize,
    pub aux_be: bool,
    pub aux_any: bool,
    pub negated: bool,
}

/// Walks left from the verb over adverbs, auxiliaries and a parenthesis
/// ("Sen. Tessa Marlow (D-Ore.) said").
pub(super) fn scan_left(cx: &Ctx, sent: &Range<usize>, v: usize) -> Left {
    let mut left = Left {
        j: v,
        aux_be: false,
        aux_any: false,
        negated: false,
    };
    while left.j > sent.start {
        let j = left.j;
        let t = cx.t(j - 1);
        if t.is_punct(')') {
            if let Some(open) = (sent.start..j - 1)
                .rev()
                .take(10)
                .find(|&k| cx.t(k).is_punct('('))
            {
                left.j = open;
                continue;
            }
        }
        // A time phrase between subject and verb: "Dahl on Friday said", "Dahl last week said".
        if let Some(start) = time_phrase_before(cx, sent, j) {
            left.j = start;
            continue;
        }
        // `praised the crews but warned that`: a conjunction, not an adverb, before a verb
        // (after a comma, the clause before it finds the subject as it did).
        if t.lower == "but" && j >= sent.start + 2 && cx.t(j - 2).is_word() {
            break;
        }
        if is_adverb(t) || (t.is_word() && is_auxiliary(&t.lower) && !t.capitalized) {
            left.aux_be |= is_be(&t.lower);
            left.aux_any |= is_auxiliary(&t.lower);
            left.negated |= matches!(t.lower.as_str(), "not" | "never" | "n't" | "’t");
            left.j -= 1;
        } else {
            break;
        }
    }
    left
}

/// The start of a time phrase (`on Friday`, `last week`, `on Tuesday night`) ending before
/// token `j`, when a word stands before it.
fn time_phrase_before(cx: &Ctx, sent: &Range<usize>, j: usize) -> Option<usize> {
    let last = cx.t(j - 1);
    let head = last.is_word()
        && ((last.capitalized && (is_weekday(&last.lower) || is_month(&last.lower)))
            || matches!(
                last.lower.as_str(),
                "week" | "month" | "year" | "morning" | "afternoon" | "evening" | "night"
            ));
    if !head {
        return None;
    }
    let mut k = j - 1;
    while k > sent.start && j - k < 5 && {
        let t = cx.t(k - 1);
        t.is_word() && (is_time_word(&t.lower) || matches!(t.lower.as_str(), "early" | "late"))
    } {
        k -= 1;
    }
    let opener = cx.t(k).lower.as_str();
    let phrase = k + 1 < j && matches!(opener, "on" | "last" | "this" | "early" | "late");
    (phrase && k > sent.start && cx.t(k - 1).is_word()).then_some(k)
}

/// The word is a verb here: not a noun after a determiner or preposition ("the report", "in
/// response"), not a passive or reduced relative ("it was reported", "remarks reported by").
pub(super) fn used_as_verb(
    cx: &Ctx,
    sent: &Range<usize>,
    l: &Left,
    left: Option<&Token>,
    after: usize,
    form: VerbForm,
    frames: Frames,
) -> bool {
    if form == VerbForm::Ing && left.is_some_and(|t| t.is_punct(',')) && aside_of(cx, sent, after) {
        return false;
    }
    if let Some(t) = left {
        // `Another tweeted, “…”`: `another` stands alone as the subject before a quote.
        let lone_another = t.lower == "another" && comma_and_quote(cx, sent, after);
        if t.is_word()
            && !l.aux_any
            && !lone_another
            && (is_determiner(&t.lower)
                || t.is_possessive()
                || t.lower == "own" // `its own published rules`
                || (t.lower == "to" && form == VerbForm::Base))
        {
            return false;
        }
        if t.is_word()
            && matches!(
                t.lower.as_str(),
                "of" | "for" | "in" | "on" | "with" | "by" | "from"
            )
            && form != VerbForm::Ing
        {
            return false;
        }
    }
    // "the users' comments": a plural possessive before the word makes it a noun (not in
    // "'... the buses' says Dahl", a closing mark before an inverted speaker).
    let inverted = cx.seg.tokens.get(after).is_some_and(|n| n.capitalized);
    if left.is_some_and(|t| t.is_quote()) && l.j >= sent.start + 2 && !inverted {
        let (owner, mark) = (cx.t(l.j - 2), cx.t(l.j - 1));
        if owner.is_word() && owner.lower.ends_with('s') && owner.span.end == mark.span.start {
            return false;
        }
    }
    // "three reasons the plan failed", "the other states voting": an -s form after a count or
    // `other` is a plural noun.
    if form == VerbForm::Third
        && !l.aux_any
        && left.is_some_and(|t| {
            t.kind == TokenKind::Number
                || (t.is_word()
                    && t.lower != "one" // `no one says`
                    && (is_count_word(&t.lower)
                        || matches!(t.lower.as_str(), "other" | "main" | "future" | "several")))
        })
    {
        return false;
    }
    let next = (after < sent.end).then(|| cx.t(after));
    // "the 20 pledged delegates": a participle after a number modifies the noun after it.
    if form == VerbForm::Past
        && frames.object
        && !frames.clause
        && left.is_some_and(|t| t.kind == TokenKind::Number)
    {
        return false;
    }
    if form == VerbForm::Past && (l.aux_be || next.is_some_and(|n| n.lower == "by")) {
        return false;
    }
    !(form == VerbForm::Past && next.is_some_and(|n| n.lower == "as") && !frames.clause)
}

/// `Ana Ruiz, speaking on condition of anonymity, said …`: the participle's phrase closes with a
/// comma before the sentence's own reporting verb, so it is an aside of the subject, not a report.
fn aside_of(cx: &Ctx, sent: &Range<usize>, after: usize) -> bool {
    let end = (after + super::asides::MAX_ASIDE).min(sent.end);
    for m in after..end {
        let t = cx.t(m);
        if t.is_quote() || !(t.is_word() || t.is_punct(',') || t.is_punct('.')) {
            return false;
        }
        if t.is_punct(',') {
            return super::extent::reporting_verb_within(cx, sent, m + 1, 1);
        }
    }
    false
}

/// A comma or colon right after the verb, then an opening quotation mark.
fn comma_and_quote(cx: &Ctx, sent: &Range<usize>, after: usize) -> bool {
    after + 1 < sent.end
        && (cx.t(after).is_punct(',') || cx.t(after).is_punct(':'))
        && cx.quote_opened_at(after + 1).is_some()
}

/// How well the subject fits a present-tense verb.
pub(super) enum Fit {
    No,
    /// A thing (`The memo says`): a report only when a clause follows.
    Weak,
    Yes,
}

/// Present-tense forms need a subject that can speak: base forms a pronoun or a plural
/// ("officials say", "seven in 10 say"), third-person forms a name, a pronoun or a person or
/// organisation noun; and a present form right before punctuation is a plural noun ("Chilean
/// attacks,") unless a speaker stands before it.
pub(super) fn subject_fits_form(
    cx: &Ctx,
    sent: &Range<usize>,
    l: &Left,
    left: Option<&Token>,
    v: usize,
    after: usize,
    form: VerbForm,
) -> Fit {
    let next = (after < sent.end).then(|| cx.t(after));
    if form == VerbForm::Base && !l.aux_any && !base_subject_fits(cx, sent, l, left) {
        return Fit::No;
    }
    // `"…," the editorial board writes.`: a subject and a verb right after a closing mark
    // are the quote's tag, whatever the subject.
    let tags_quote = || {
        subject_before(cx, sent, l.j).is_some_and(|np| closes_quote_before(cx, np.start).is_some())
    };
    if matches!(form, VerbForm::Third | VerbForm::Base)
        && after == v + 1
        && next.is_none_or(|n| matches!(n.kind, TokenKind::Punct(_)))
        && !next.is_some_and(|n| {
            (n.is_punct(',') || n.is_punct(':'))
                && cx.seg.tokens.get(after + 1).is_some_and(|q| q.is_quote())
        })
        && !left.is_some_and(|t| {
            is_subject_pronoun(&t.lower)
                || matches!(t.lower.as_str(), "who" | "which")
                // "…, the mayor's aides say.": a person noun speaking after the clause.
                || (!t.capitalized
                    && (cx.lex.is_anonymous_head(&t.lower) || cx.lex.is_title_word(&t.lower)))
                // "Varga says, most of the money ...": a name speaking before a comma and a clause.
                || (t.capitalized
                    && cx.lex.demonym(&t.lower).is_none()
                    && next.is_some_and(|n| n.is_punct(','))
                    && cx.seg.tokens.get(after + 1).is_some_and(|w| w.is_word()))
        })
        && !tags_quote()
    {
        return Fit::No;
    }
    if form == VerbForm::Third && !l.aux_any {
        // "A person close to the mayor says": the subject's head, not the word before the
        // verb, shows who speaks.
        let person_in_subject = || {
            subject_before(cx, sent, l.j).is_some_and(|np| {
                np.clone().any(|k| {
                    let t = cx.t(k);
                    t.is_word()
                        && (cx.lex.is_anonymous_head(&t.lower) || cx.lex.is_title_word(&t.lower))
                })
            })
        };
        // The word before the verb first; the subject phrase only when that is not enough.
        let ok = left.is_none_or(|t| {
            !t.is_word()
                || is_subject_pronoun(&t.lower)
                || matches!(t.lower.as_str(), "who" | "that")
                || (t.capitalized && cx.lex.demonym(&t.lower).is_none())
                || cx.lex.is_anonymous_head(&t.lower)
                || cx.lex.is_org_word(&t.lower)
                || cx.lex.is_title_word(&t.lower)
        }) || person_in_subject();
        if !ok {
            return Fit::Weak;
        }
    }
    Fit::Yes
}

/// A present-tense base form has a plural subject: the word before it ("officials say"), a
/// coordinated name ("Ines Dahl and Elias Brandt say") or a plural head further left.
fn base_subject_fits(cx: &Ctx, sent: &Range<usize>, l: &Left, left: Option<&Token>) -> bool {
    // "Ines Dahl and Elias Brandt say": a coordinated subject is plural.
    let coordinated = || {
        left.is_some_and(|t| {
            t.is_word()
                && t.capitalized
                && cx.lex.demonym(&t.lower).is_none()
                && !is_time_word(&t.lower)
        }) && subject_before(cx, sent, l.j)
            .is_some_and(|np| np.clone().any(|k| cx.lower(k) == "and"))
    };
    // "a media call", "a 2019 estimate": a collective noun or a year after an article is a
    // modifier of the noun that follows.
    let article_before = l.j >= sent.start + 2
        && matches!(cx.lower(l.j - 2), "a" | "an")
        && left.is_some_and(|t| is_collective_noun(&t.lower) || t.kind == TokenKind::Number);
    let subject_fits = left.is_some_and(base_subject) && !article_before;
    subject_fits || coordinated() || plural_head(cx, sent, l.j)
}

/// A subject whose head is plural or that coordinates two heads, though the word before the
/// verb is not (`Supporters who came to the rally say`, `Both candidates for the office, Ana
/// Ruiz and Bo Lee, say`).
fn plural_head(cx: &Ctx, sent: &Range<usize>, j: usize) -> bool {
    subject_before(cx, sent, j).is_some_and(|np| {
        let head = head_word(cx, &np);
        // Two names or phrases joined: `Ana and Bo Lee`, `the mayor and the council`.
        let joined =
            (np.start..head).any(|k| {
                cx.lower(k) == "and"
                    && cx.seg.tokens.get(k + 1).is_some_and(|n| {
                        n.capitalized || is_determiner(&n.lower) || n.is_possessive()
                    })
            });
        // A head right before the verb is the word before it, already weighed.
        head + 1 < j && (base_subject(cx.t(head)) || joined)
    })
}

/// A word before a base-form verb that makes it a present tense with a subject: "officials
/// say", "they warn", "who say", counted people ("seven in 10 say", "40 percent say").
fn base_subject(l: &Token) -> bool {
    l.is_punct('%')
        || l.is_word()
            && (is_subject_pronoun(&l.lower)
                || l.lower == "who"
                || l.kind == TokenKind::Number
                || matches!(l.lower.as_str(), "third" | "quarter" | "fifth" | "tenth")
                || is_quantity_word(&l.lower)
                || is_collective_noun(&l.lower)
                || (l.lower.ends_with('s') && !l.is_possessive() && !is_preposition(&l.lower)))
}

/// Whether a cue whose subject is a bare `it` inside its sentence reports speech: after a quote
/// (`"…," it said`), before `that`, a colon or a quote, or with a verb that takes only a clause
/// (`, and it said the fund was closing`); not `because it threatens the plan` or `if it
/// encourages them to stay`. A sentence's first `It` is read like any capitalised subject.
pub(super) fn it_reports(cx: &Ctx, cue: &Cue) -> bool {
    let Some(sp) = &cue.speaker else {
        return true;
    };
    let t = cx.t(sp.start);
    if !(sp.len() == 1 && t.lower == "it" && !t.capitalized) {
        return true;
    }
    let f = cue.frames;
    cue.orientation == Orientation::Before || cue.introduced || (f.clause && !f.object && !f.commit)
}
