//! Reported speech: the indirect and mixed quotes that cues report.
//!
//! Takes the cues, the quoted spans and what [`super::direct`] left (the cues it used, the
//! quoted spans lying inside each cue's clause, the direct quotes); gives one quote per cue whose
//! clause is speech of its own: not reported inside another report (`X said A, the report
//! said.` is the report's), not a carrier of another report (`X said A, reports Interfax.` is
//! X's), not overlapping a direct quote. A clause holding a quoted span is *mixed*.

use super::cues::{Cue, Orientation, SpeakerRole};
use super::direct::Direct;
use super::marks::QuotedSpan;
use super::mention::speaker_of;
use super::{Link, Quote, QuoteKind};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::segment::Segments;
use crate::text::Span;

/// An inverted trailing source (`..., reports Interfax`) whose content is wholly another report,
/// from its subject on: an outlet's credit line. A trailing tag with its subject first (`...,
/// the report said.`, `..., sources said.`) makes the outer report instead.
fn carries(outer: &Cue, inner: &Cue) -> bool {
    outer.speaker_role == SpeakerRole::Inverted
        && outer.orientation == Orientation::Before
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
    let outer = Outer::new(cues, consumed);
    let mut by_extent: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, c) in cues.iter().enumerate() {
        by_extent.entry(c.extent.start).or_default().push(i);
    }
    let direct_spans = Spans::new(
        direct
            .quotes
            .iter()
            .filter(|q| q.link == Link::Cue)
            .map(|q| q.content)
            .collect(),
    );
    let counts = Counts::new(seg, quoted);
    let mut out = Vec::new();
    for (ci, cue) in cues.iter().enumerate() {
        if consumed[ci] || cue.inside_quote || cue.content.is_empty() || cue.speaker.is_none() {
            continue;
        }
        // Speech reported inside another report belongs to the outer source ("the Harbor Post
        // reported that Varga promised ..."), except when a trailing source only carries a whole
        // report ("Varga hoped for ..., reports Interfax"): that speech is Varga's.
        if outer.holds(ci) {
            continue;
        }
        let carrier = by_extent.get(&cue.content.start).is_some_and(|at| {
            at.iter().any(|&i| {
                let inner = &cues[i];
                i != ci && !inner.inside_quote && inner.speaker.is_some() && carries(cue, inner)
            })
        });
        if carrier {
            continue; // the carrier is not the speaker
        }
        let content = seg.span(cue.content.clone());
        if direct_spans.overlap(content) {
            continue;
        }
        let content = strip_outer_marks(text, content);
        if counts.words(&cue.content) == 0 {
            continue;
        }
        let mixed = !direct.absorbed_by[ci].is_empty() || counts.opens(&cue.content) > 0;
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

/// Whether a cue's report lies inside another cue's content (`outer.content.start <=
/// cue.extent.start` and `cue.verb.end <= outer.content.end`, the outer cue not used by a
/// direct quote, not inside a quote, not merely carrying this report). The candidates are the
/// cues whose content starts at or before the cue, kept by content end: the latest ending is
/// the one to try, past the few carriers.
struct Outer<'a> {
    cues: &'a [Cue],
    /// Candidate outer cues sorted by content start.
    by_start: Vec<usize>,
    /// For each cue, its position in `by_start` order of the cues it is asked for.
    order: Vec<usize>,
    /// Answers, filled in extent order.
    held: Vec<bool>,
}

impl<'a> Outer<'a> {
    fn new(cues: &'a [Cue], consumed: &[bool]) -> Self {
        let mut by_start: Vec<usize> = (0..cues.len())
            .filter(|&o| !consumed[o] && !cues[o].inside_quote)
            .collect();
        by_start.sort_by_key(|&o| cues[o].content.start);
        let mut order: Vec<usize> = (0..cues.len()).collect();
        order.sort_by_key(|&c| cues[c].extent.start);
        let mut outer = Outer {
            cues,
            by_start,
            order,
            held: vec![false; cues.len()],
        };
        outer.sweep();
        outer
    }

    fn sweep(&mut self) {
        let cues = self.cues;
        // Entered candidates: (content end, index), the latest end last.
        let mut entered: BTreeMap<(usize, usize), ()> = BTreeMap::new();
        let mut next = 0;
        for &ci in &self.order {
            let cue = &cues[ci];
            while next < self.by_start.len()
                && cues[self.by_start[next]].content.start <= cue.extent.start
            {
                let o = self.by_start[next];
                entered.insert((cues[o].content.end, o), ());
                next += 1;
            }
            self.held[ci] = entered
                .keys()
                .rev()
                .take_while(|&&(end, _)| cue.verb.end <= end)
                .any(|&(_, o)| o != ci && !carries(&cues[o], cue));
        }
    }

    fn holds(&self, ci: usize) -> bool {
        self.held[ci]
    }
}

/// Spans sorted by start with the running maximum of their ends: whether any overlaps a span,
/// by one binary search.
struct Spans {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Spans {
    fn new(mut spans: Vec<Span>) -> Self {
        spans.sort_by_key(|s| s.start);
        let mut max_end = Vec::with_capacity(spans.len());
        let mut m = 0;
        for s in &spans {
            m = m.max(s.end);
            max_end.push(m);
        }
        Spans {
            starts: spans.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    /// Some span `d` with `d.start < s.end && s.start < d.end`.
    fn overlap(&self, s: Span) -> bool {
        let n = self.starts.partition_point(|&a| a < s.end);
        n > 0 && self.max_end[n - 1] > s.start
    }
}

/// Prefix counts over the tokens: words, and quotation marks that open a quoted span.
struct Counts {
    words: Vec<u32>,
    opens: Vec<u32>,
}

impl Counts {
    fn new(seg: &Segments, quoted: &[QuotedSpan]) -> Self {
        let n = seg.tokens.len();
        let mut opens_at = vec![false; n];
        for q in quoted {
            opens_at[q.open] = true;
        }
        let (mut words, mut opens) = (vec![0u32; n + 1], vec![0u32; n + 1]);
        for (k, t) in seg.tokens.iter().enumerate() {
            words[k + 1] = words[k] + u32::from(t.is_word());
            opens[k + 1] = opens[k] + u32::from(opens_at[k]);
        }
        Counts { words, opens }
    }

    fn words(&self, r: &Range<usize>) -> u32 {
        self.words[r.end] - self.words[r.start]
    }

    fn opens(&self, r: &Range<usize>) -> u32 {
        self.opens[r.end] - self.opens[r.start]
    }
}
