//! Direct quotes: which quoted spans are quotes, and which cue, if any, is each one's own.
//!
//! Takes the quoted spans and the cues; gives the direct quotes (with the mention their own
//! cue or a colon tag names), which cues those quotes used up, and which quoted spans lie inside
//! a cue's reported clause (that clause becomes a mixed quote in [`super::reported`]). Quoted
//! names, titles and scare quotes of a few words are not quotes unless a cue attributes them.

use std::collections::{BTreeMap, HashMap};

use super::cues::{Cue, Orientation};
use super::marks::QuotedSpan;
use super::mention::{speaker_at, speaker_of};
use super::{Link, Quote, QuoteKind};
use crate::segment::{Segments, TokenKind};
use crate::text::Span;

/// What the direct-quote pass leaves for the reported-speech pass.
pub(super) struct Direct {
    pub quotes: Vec<Quote>,
    /// Cues used as a direct quote's tag.
    pub consumed: Vec<bool>,
    /// For each cue, the quoted spans inside its reported clause.
    pub absorbed_by: Vec<Vec<usize>>,
}

/// The direct quotes of an article, in the order of their quoted spans.
pub(super) fn find(text: &str, seg: &Segments, quoted: &[QuotedSpan], cues: &[Cue]) -> Direct {
    let mut d = Direct {
        quotes: Vec::new(),
        consumed: vec![false; cues.len()],
        absorbed_by: vec![Vec::new(); cues.len()],
    };
    let index = CueIndex::new(cues);
    let mut holders = Holders::new(cues);
    for (qi, q) in quoted.iter().enumerate() {
        let inner = seg.span(q.inner.clone());
        let inner = inner.trim_by(text, |c: char| c.is_whitespace());
        if inner.is_empty() {
            continue;
        }
        let (after_cue, before_cue) = own_cues(seg, cues, &index, q);
        let quote = |speaker, cue: Option<&Cue>, link, confidence| Quote {
            kind: QuoteKind::Direct,
            content: inner,
            cue: cue.map(|c| seg.span(c.verb.clone())),
            speaker,
            link,
            confidence,
            paragraph: q.paragraph,
            nested: q.depth > 0 && cue.is_some(),
            quoted: Some(qi),
        };
        if q.depth == 0 && after_cue.is_none() && before_cue.is_none() {
            let tag = super::mention::colon_speaker(seg, q)
                .or_else(|| super::mention::dash_speaker(seg, q));
            if let Some(r) = tag {
                let speaker = Some(speaker_at(text, seg, r));
                d.quotes.push(quote(speaker, None, Link::Cue, 0.7));
                continue;
            }
        }
        // `on Harbor TV’s “Morning Tide,” Dahl said`: a programme or book title is no quote,
        // and its cue reports what follows.
        if super::marks::is_title(seg, q) {
            continue;
        }
        let owner = if q.depth == 0 {
            after_cue.or(before_cue)
        } else {
            after_cue.or(before_cue).filter(|&c| cues[c].inside_quote)
        };
        if let Some(ci) = owner {
            d.consume(ci, before_cue);
            let cue = &cues[ci];
            let confidence = if q.unbalanced { 0.5 } else { 0.9 };
            let own = quote(speaker_of(text, seg, cue), Some(cue), Link::Cue, confidence);
            d.quotes
                .push(with_lead_in(seg, q, own, after_cue == Some(ci)));
            continue;
        }
        if q.depth > 0 {
            continue; // a nested quote with no speaker of its own is part of the outer quote
        }
        // Inside some cue's reported clause: that clause is a mixed quote. An unclosed mark
        // runs to the paragraph end; where it opens is what counts.
        let last = if q.unbalanced { q.open } else { q.last() };
        if let Some(ci) = holders.first_holding(q.open, last) {
            d.absorbed_by[ci].push(qi);
            continue;
        }
        if stands_alone(seg, q) {
            let confidence = if q.unbalanced { 0.3 } else { 0.6 };
            d.quotes.push(quote(None, None, Link::None, confidence));
        }
    }
    d
}

impl Direct {
    /// The cue `ci` (and the cue before the quote, if any) used up as a quote's tag.
    fn consume(&mut self, ci: usize, before_cue: Option<usize>) {
        self.consumed[ci] = true;
        if let Some(b) = before_cue {
            self.consumed[b] = true;
        }
    }
}

/// `The bridge will stay shut “until the spring,” Dahl said.`: the tag after the quote
/// (`tag_after`) reports the whole sentence, which is then a mixed quote.
fn with_lead_in(seg: &Segments, q: &QuotedSpan, mut own: Quote, tag_after: bool) -> Quote {
    if tag_after && q.depth == 0 && !q.unbalanced {
        if let Some(start) = lead_in(seg, q) {
            own.content = Span::new(seg.tokens[start].span.start, own.content.end);
            own.kind = QuoteKind::Mixed;
        }
    }
    own
}

/// The cues by the token their extent starts at and by the token their content starts at, in
/// cue order, so a quote finds its own cues without scanning them all.
struct CueIndex {
    by_extent: HashMap<usize, Vec<usize>>,
    by_content: HashMap<usize, Vec<usize>>,
}

impl CueIndex {
    fn new(cues: &[Cue]) -> Self {
        let mut by_extent: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut by_content: HashMap<usize, Vec<usize>> = HashMap::new();
        for (ci, c) in cues.iter().enumerate() {
            by_extent.entry(c.extent.start).or_default().push(ci);
            by_content.entry(c.content.start).or_default().push(ci);
        }
        CueIndex {
            by_extent,
            by_content,
        }
    }
}

/// Which cue's reported clause holds a quoted span: the first cue (in cue order) whose content
/// (not inside a quote, not empty) starts at or before the span and ends after it. Spans are
/// asked in text order; cues enter when their content starts and leave once it has ended, so
/// each cue is passed over at most once per span it ends inside (spans of depth 0 do not
/// overlap): n log n overall.
struct Holders<'a> {
    cues: &'a [Cue],
    /// Cue indices by content start, latest first (popped as spans move on).
    pending: Vec<usize>,
    /// Cues whose content has started: index -> content end.
    open: BTreeMap<usize, usize>,
}

impl<'a> Holders<'a> {
    fn new(cues: &'a [Cue]) -> Self {
        let mut pending: Vec<usize> = (0..cues.len())
            .filter(|&c| !cues[c].inside_quote && !cues[c].content.is_empty())
            .collect();
        pending.sort_by_key(|&c| std::cmp::Reverse(cues[c].content.start));
        Holders {
            cues,
            pending,
            open: BTreeMap::new(),
        }
    }

    fn first_holding(&mut self, open: usize, last: usize) -> Option<usize> {
        while let Some(&c) = self.pending.last() {
            if self.cues[c].content.start > open {
                break;
            }
            self.pending.pop();
            self.open.insert(c, self.cues[c].content.end);
        }
        // Cues whose content ended at or before this span cannot hold it or any later one.
        self.open.retain(|_, &mut end| end > open);
        self.open
            .iter()
            .find(|&(_, &end)| last < end)
            .map(|(&c, _)| c)
    }
}

/// The cue tagging the quote from after its closing mark (`"…," X said`), and the cue whose
/// content the quote opens (`X said: "…"`), as indices into `cues`.
fn own_cues(
    seg: &Segments,
    cues: &[Cue],
    index: &CueIndex,
    q: &QuotedSpan,
) -> (Option<usize>, Option<usize>) {
    let after_cue = q.close.and_then(|c| {
        let mut k = c + 1;
        while k < seg.tokens.len()
            && k <= c + 2
            && matches!(seg.tokens[k].kind, TokenKind::Punct(',' | '—' | '–' | '-'))
        {
            k += 1;
        }
        let at = index.by_extent.get(&k)?;
        at.iter().copied().find(|&ci| {
            let cue = &cues[ci];
            seg.tokens[k].paragraph == q.paragraph
                && cue.speaker.is_some()
                && cue.inside_quote == (q.depth > 0)
                && (cue.orientation == Orientation::Before
                    || cue.content.is_empty()
                    || seg.tokens[cue.content.start].is_quote())
        })
    });
    let before_cue = index.by_content.get(&q.open).and_then(|at| {
        at.iter().copied().find(|&ci| {
            let cue = &cues[ci];
            cue.orientation == Orientation::After
                && cue.speaker.is_some()
                && cue.content.end <= q.last() + 2
        })
    });
    (after_cue, before_cue)
}

/// The longest lead-in of a mixed quote, in tokens.
const MAX_LEAD_IN: usize = 60;

/// The first token of the words that open the quote's sentence before its opening mark, when
/// they are the start of the reported clause: at least three words from the sentence start,
/// with no other quote, colon, dash or cue-like `-ing` word (`shouting “…”`) among them.
fn lead_in(seg: &Segments, q: &QuotedSpan) -> Option<usize> {
    let sent = &seg.sentences[seg.sentence_of(q.open)];
    let start = sent.start;
    // A lead-in is a clause's opening words, not a stretch of text: the walk back is bounded.
    if start >= q.open || q.open - start > MAX_LEAD_IN || !seg.tokens[start].capitalized {
        return None;
    }
    let before = &seg.tokens[start..q.open];
    let plain = before.iter().all(|t| {
        t.is_word() || t.is_punct(',') || t.is_punct('.') || t.is_punct('%') || t.is_punct('$')
    });
    let words = before.iter().filter(|t| t.is_word()).count();
    let last = &seg.tokens[q.open - 1];
    let cue_like = last.lower.ends_with("ing")
        || matches!(
            last.lower.as_str(),
            "as" | "that" | "of" | "the" | "a" | "an" | "his" | "her" | "their" | "its"
        )
        || last.is_possessive();
    (plain && words >= 3 && !cue_like).then_some(start)
}

/// A quote with no cue needs substance to stand on its own: a few words or a sentence inside,
/// not a title, not a term used as a noun, not a stray mark.
fn stands_alone(seg: &Segments, q: &QuotedSpan) -> bool {
    let words = q.inner.clone().filter(|&k| seg.tokens[k].is_word()).count();
    let sentence_inside = q
        .inner
        .clone()
        .any(|k| seg.tokens[k].is_terminal() || seg.tokens[k].is_punct(','));
    let title_case = q
        .inner
        .clone()
        .filter(|&k| seg.tokens[k].is_word())
        .all(|k| {
            let t = &seg.tokens[k];
            t.capitalized
                || t.kind == TokenKind::Number
                || matches!(
                    t.lower.as_str(),
                    "of" | "the" | "a" | "an" | "and" | "in" | "on" | "for" | "to" | "at"
                )
        });
    // A quoted term used as a noun ("the “longest dry spell on record” ended").
    let term = q.open > 0
        && {
            let before = &seg.tokens[q.open - 1];
            before.is_word()
                && (matches!(
                    before.lower.as_str(),
                    "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
                ) || before.is_possessive())
        }
        && !q.inner.clone().any(|k| seg.tokens[k].is_terminal());
    !(words < 4 && !sentence_inside
        || (title_case && words < 10)
        // An unclosed mark stands alone only when it opens its paragraph (the last paragraph
        // of a quote whose closing mark was lost); mid-sentence it is a stray mark.
        || (q.unbalanced && (words < 4 || q.open != seg.paragraphs[q.paragraph].start))
        || term)
}
