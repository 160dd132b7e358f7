//! Reported speech: the indirect and mixed quotes that cues report.
//!
//! Takes the cues, the quoted spans and what [`super::direct`] left (the cues it used, the
//! quoted spans lying inside each cue's clause, the direct quotes); gives one quote per cue whose
//! clause is speech of its own: not reported inside another report, not a carrier of another
//! report, not overlapping a direct quote. A clause holding a quoted span is *mixed*.

use super::cues::{Cue, Orientation};
use super::direct::Direct;
use super::marks::QuotedSpan;
use super::mention::speaker_of;
use super::{Link, Quote, QuoteKind};
use crate::segment::{Segments, TokenKind};
use crate::text::Span;

/// A trailing source cue (`..., reports Interfax`) whose content is wholly another report,
/// from its subject on.
fn carries(outer: &Cue, inner: &Cue) -> bool {
    outer.orientation == Orientation::Before
        && inner.orientation == Orientation::After
        && inner.extent.start == outer.content.start
        && inner.content.end <= outer.content.end
}

/// The reported-speech quotes, in cue order.
pub(super) fn find(
    text: &str,
    seg: &Segments,
    quoted: &[QuotedSpan],
    cues: &[Cue],
    direct: &Direct,
) -> Vec<Quote> {
    let consumed = &direct.consumed;
    let direct_spans: Vec<Span> = direct
        .quotes
        .iter()
        .filter(|q| q.link == Link::Cue)
        .map(|q| q.content)
        .collect();
    let mut out = Vec::new();
    for (ci, cue) in cues.iter().enumerate() {
        if consumed[ci] || cue.inside_quote || cue.content.is_empty() || cue.speaker.is_none() {
            continue;
        }
        // Speech reported inside another report belongs to the outer source ("the Harbor Post
        // reported that Varga promised ..."), except when a trailing source only carries a whole
        // report ("Varga hoped for ..., reports Interfax"): that speech is Varga's.
        let nested = cues.iter().enumerate().any(|(o, outer)| {
            o != ci
                && !consumed[o]
                && !outer.inside_quote
                && outer.content.start <= cue.extent.start
                && cue.verb.end <= outer.content.end
                && !carries(outer, cue)
        });
        if nested {
            continue;
        }
        if cues.iter().enumerate().any(|(i, inner)| {
            i != ci && !inner.inside_quote && inner.speaker.is_some() && carries(cue, inner)
        }) {
            continue; // the carrier is not the speaker
        }
        let content = seg.span(cue.content.clone());
        if direct_spans.iter().any(|d| d.overlaps(content)) {
            continue;
        }
        let content = strip_outer_marks(text, content);
        let words = cue
            .content
            .clone()
            .filter(|&k| seg.tokens[k].is_word())
            .count();
        if words == 0 {
            continue;
        }
        let mixed = !direct.absorbed_by[ci].is_empty()
            || cue.content.clone().any(|k| {
                matches!(seg.tokens[k].kind, TokenKind::Quote(..))
                    && quoted.iter().any(|q| q.open == k)
            });
        out.push(Quote {
            kind: if mixed {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            },
            content,
            cue: Some(seg.span(cue.verb.clone())),
            speaker: speaker_of(text, seg, cue),
            link: Link::Cue,
            confidence: cue.confidence,
            paragraph: seg.tokens[cue.verb.start].paragraph,
            nested: false,
            quoted: None,
        });
    }
    out
}

/// Trims the spaces and commas around a reported clause.
fn strip_outer_marks(text: &str, span: Span) -> Span {
    span.trim_by(text, |c: char| c.is_whitespace() || c == ',')
}
