//! Source cues: `according to X, ...` and `..., according to X.`
//!
//! Takes the tokens of a sentence and where a source phrase (`according to`, `in the words of`)
//! stands; gives a [`Cue`] whose speaker is the source named after the phrase and whose content
//! is the clause after the source (phrase first) or before the phrase (phrase last). Never looks
//! at verbs: a source phrase needs none.

use std::ops::Range;

use super::extent::{clause_start_before, content_to_end, trim_content};
use super::{Ctx, Cue, Orientation, SpeakerRole};
use crate::lexicon::Frames;

/// `according to X, ...` and `..., according to X.`: the phrase is `i..after`.
pub(super) fn according_to(cx: &Ctx, sent: &Range<usize>, i: usize, after: usize) -> Option<Cue> {
    let mut k = after;
    while k < sent.end && k < after + 16 {
        let t = cx.t(k);
        if t.is_punct(',')
            || t.is_terminal()
            || t.is_punct(';')
            || t.is_quote()
            || t.is_punct('(')
            || t.is_punct(')')
        {
            break;
        }
        k += 1;
    }
    if k == after {
        return None;
    }
    let speaker = after..k;
    // "..., according to X, who ...": a source after a comma, with a clause before it, reports
    // that clause; what follows the source describes the source.
    let clause_before = i > sent.start
        && cx.t(i - 1).is_punct(',')
        && (sent.start..i - 1).filter(|&m| cx.t(m).is_word()).count() >= 3;
    let (orientation, content) =
        if !clause_before && k < sent.end && cx.t(k).is_punct(',') && k + 1 < sent.end {
            (Orientation::After, content_to_end(cx, sent, k + 1))
        } else if i > sent.start && (cx.t(i - 1).is_punct(',') || cx.t(i - 1).is_quote()) {
            (
                Orientation::Before,
                trim_content(cx, clause_start_before(cx, sent, i - 1)..i - 1),
            )
        } else {
            return None;
        };
    if content.is_empty() {
        return None;
    }
    Some(Cue {
        verb: i..after,
        lemma: "according to".into(),
        frames: Frames {
            clause: true,
            ..Frames::default()
        },
        speaker: Some(speaker),
        speaker_role: SpeakerRole::Source,
        orientation,
        content,
        extent: i..k,
        inside_quote: cx.in_outer_quote(i),
        introduced: true,
        lead: None,
        confidence: 0.8,
    })
}
