//! Coordinated reporting verbs: the subject a second verb shares with the first
//! (`The mayor praised the crews but warned that ...`).

use std::ops::Range;

use super::super::words::*;
use super::subject::main_subject;
use super::Ctx;
use crate::lexicon::VerbForm;
use crate::segment::Token;

/// A second verb of the same subject: `The mayor said A and warned that B` (the earlier cue's
/// speaker), `The mayor changed course and said ...` (the main clause's subject).
pub(super) fn coordinated_subject(
    cx: &Ctx,
    sent: &Range<usize>,
    left: Option<&Token>,
    j: usize,
    form: VerbForm,
    earlier: impl FnOnce() -> Option<(Range<usize>, usize)>,
) -> Option<Range<usize>> {
    // `Dahl said she was pleased, but warned that ...`: after a comma, only the speaker of a
    // report earlier in the sentence, with no relative clause (`who ...,`) in between.
    if form != VerbForm::Ing
        && left.is_some_and(|l| l.is_punct(','))
        && cx.seg.tokens.get(j).is_some_and(|t| t.lower == "but")
    {
        let (np, verb_end) = earlier()?;
        let relative = (verb_end..j).any(|k| matches!(cx.lower(k), "who" | "which" | "whom"));
        return (!relative).then_some(np);
    }
    // After `and`, a name before it may be a second subject (`Dahl and Brandt said`); `but`
    // never joins subjects, and a day or month ends a time phrase (`met them on Friday and said`).
    let coordinated = matches!(form, VerbForm::Past | VerbForm::Third)
        && left.is_some_and(|l| !l.capitalized)
        && j >= sent.start + 2
        && match left.map(|l| l.lower.as_str()) {
            Some("but") => true,
            Some("and") => !cx.t(j - 2).capitalized || time_phrase_ends(cx, sent, j - 1),
            _ => false,
        };
    if !coordinated {
        return None;
    }
    earlier()
        .map(|(np, _)| np)
        .or_else(|| main_subject(cx, sent, j - 1))
}

/// A day or month closing a time phrase at `k` (`on Friday`, `in early May`), not a name
/// (`Theresa May`).
fn time_phrase_ends(cx: &Ctx, sent: &Range<usize>, k: usize) -> bool {
    let p = cx.t(k - 1);
    (is_weekday(&p.lower) || is_month(&p.lower))
        && k >= sent.start + 2
        && matches!(
            cx.lower(k - 2),
            "on" | "in"
                | "of"
                | "last"
                | "this"
                | "next"
                | "early"
                | "late"
                | "since"
                | "until"
                | "by"
        )
}
