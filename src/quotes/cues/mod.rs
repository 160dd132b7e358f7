//! Reporting cues: a verb or phrase of saying, who it names as the source, and where what was
//! said lies.
//!
//! Takes segmented text and the quoted spans; gives [`Cue`]s. A cue's speaker is a token range
//! (the mention as written, `Port Authority Director Ines Dahl`, `he`, `a longtime adviser to
//! ...`); deciding *who* that is belongs to `resolve`. A cue's content is what the source said in
//! reported speech; when that content is a quoted span, `quotes::find` turns it into a direct
//! quote instead. Rules work on word classes and the verb lexicon, never on particular names.
//!
//! One file per rule family: [`source`] (`according to X`), [`verb`] (a reporting verb's cue,
//! built from the others), [`verb_use`] (whether the word is a reporting verb where it stands),
//! [`subject`] (who the cue names: the subject before the verb, the main clause's subject for a
//! participle), [`asides`] (asides and relative clauses inside a subject), [`inverted`] (the speaker after an inverted verb), [`complement`] (where the
//! reported clause starts), [`clause`] (whether words form a clause), [`extent`] (where the
//! reported clause ends) and [`object`] (where a noun-phrase object ends, and whether it reports).

mod asides;
mod boundary;
mod clause;
mod complement;
mod coordinated;
mod extent;
mod inverted;
mod object;
mod source;
mod subject;
mod verb;
mod verb_use;

use std::ops::Range;

use super::marks::QuotedSpan;
use super::words::*;
use crate::lexicon::{Frames, Lexicon, PhraseKind};
use crate::segment::{Role, Segments, Token, TokenKind};

/// Where a cue's content lies relative to the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// `X said (that) ...`, `X told reporters ...`, `according to X, ...`.
    After,
    /// `..., X said.`, `"...," said X.`, `..., according to X.`
    Before,
}

/// How the speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerRole {
    /// The subject before the verb.
    Subject,
    /// After the verb: `said Varga`, `reports Interfax`.
    Inverted,
    /// After `according to`.
    Source,
    /// Borrowed from the main clause: `..., adding that ...`.
    MainClause,
}

#[derive(Debug, Clone)]
pub struct Cue {
    /// Tokens of the verb or phrase.
    pub verb: Range<usize>,
    pub lemma: String,
    pub frames: Frames,
    pub speaker: Option<Range<usize>>,
    pub speaker_role: SpeakerRole,
    pub orientation: Orientation,
    /// What was said, as tokens (may be empty when the content is a quote found elsewhere).
    pub content: Range<usize>,
    /// First and one-past-last token of the cue itself (speaker and verb together).
    pub extent: Range<usize>,
    /// The verb stands inside a quoted span: speech reported within a quote.
    pub inside_quote: bool,
    /// The content was introduced by `that`, a colon or a quotation mark.
    pub introduced: bool,
    /// The first stretch of a report that this cue interrupts (`In the end, she said, the
    /// council ...`): a report of its own, before the cue.
    pub lead: Option<Range<usize>>,
    pub confidence: f32,
}

/// What every rule reads: the tokens, the lexicon and the quoted spans, with per-token indexes
/// of the spans built once (so no rule scans all spans for a token).
pub(super) struct Ctx<'a> {
    seg: &'a Segments,
    lex: &'a Lexicon,
    quoted: &'a [QuotedSpan],
    /// For each token, the first quoted span opening there.
    opened_at: Vec<Option<u32>>,
    /// For each token, whether some quoted span closes there.
    closes: Vec<bool>,
    /// For each token, whether it lies strictly inside a closed outer (depth 0) span, marks
    /// excluded.
    in_outer: Vec<bool>,
    /// For each token, whether a subordinator (`while`, `because`, ...) stands before it in its
    /// sentence.
    subordinated: Vec<bool>,
}

impl<'a> Ctx<'a> {
    fn new(seg: &'a Segments, lex: &'a Lexicon, quoted: &'a [QuotedSpan]) -> Self {
        let n = seg.tokens.len();
        let mut opened_at = vec![None; n];
        let mut closes = vec![false; n];
        // +1 where an outer span's inside starts, -1 past its end: one prefix sum.
        let mut delta = vec![0i32; n + 1];
        for (qi, q) in quoted.iter().enumerate() {
            if opened_at[q.open].is_none() {
                opened_at[q.open] = Some(qi as u32);
            }
            if let Some(c) = q.close {
                // A title (`Harbor TV’s “Morning Tide,” Dahl said`) is no quote for a tag.
                closes[c] = !super::marks::is_title(seg, q);
                if q.depth == 0 && q.open + 1 < c {
                    delta[q.open + 1] += 1;
                    delta[c] -= 1;
                }
            }
        }
        let mut depth = 0;
        let in_outer = (0..n)
            .map(|i| {
                depth += delta[i];
                depth > 0
            })
            .collect();
        let mut subordinated = vec![false; n];
        for sent in &seg.sentences {
            let mut seen = false;
            for k in sent.clone() {
                subordinated[k] = seen;
                seen |= matches!(
                    seg.tokens[k].lower.as_str(),
                    "while"
                        | "although"
                        | "though"
                        | "as"
                        | "because"
                        | "since"
                        | "if"
                        | "when"
                        | "whereas"
                );
            }
        }
        Ctx {
            seg,
            lex,
            quoted,
            opened_at,
            closes,
            in_outer,
            subordinated,
        }
    }

    fn subordinated(&self, i: usize) -> bool {
        self.subordinated[i]
    }

    fn t(&self, i: usize) -> &Token {
        &self.seg.tokens[i]
    }

    fn lower(&self, i: usize) -> &str {
        &self.seg.tokens[i].lower
    }

    fn is_verb_token(&self, i: usize) -> bool {
        let t = self.t(i);
        t.kind == TokenKind::Word && !t.capitalized && self.lex.verb(&t.lower).is_some()
    }

    fn in_outer_quote(&self, i: usize) -> bool {
        self.in_outer[i]
    }

    /// The quoted span opened by token `i`.
    fn quote_opened_at(&self, i: usize) -> Option<&QuotedSpan> {
        self.opened_at
            .get(i)
            .copied()
            .flatten()
            .map(|qi| &self.quoted[qi as usize])
    }

    /// Whether a quoted span closes at token `i`.
    fn closes_at(&self, i: usize) -> bool {
        self.closes[i]
    }
}

/// Finds every reporting cue in the article.
pub fn find(seg: &Segments, quoted: &[QuotedSpan], lex: &Lexicon) -> Vec<Cue> {
    let cx = Ctx::new(seg, lex, quoted);
    let mut cues: Vec<Cue> = Vec::new();
    for sent in &seg.sentences {
        let mut i = sent.start;
        while i < sent.end {
            if let Some((cue, next)) = phrase_cue(&cx, sent, i, &cues) {
                push(&mut cues, cue);
                i = next;
                continue;
            }
            if cx.is_verb_token(i) {
                if let Some(cue) = verb::verb_cue(&cx, sent, i, i + 1, &cues) {
                    i = cue.verb.end;
                    push(&mut cues, cue);
                    continue;
                }
            }
            i += 1;
        }
    }
    cues
}

/// Adds a cue, and the report before it when it interrupts one (`A, she said, B`: A and B
/// are two reports).
fn push(cues: &mut Vec<Cue>, mut cue: Cue) {
    if let Some(lead) = cue.lead.take() {
        let mut first = cue.clone();
        first.content = lead;
        first.orientation = Orientation::Before;
        cues.push(first);
    }
    cues.push(cue);
}

/// The token after the cue phrase `words` at `at`: the words in order, or a verb and its
/// preposition with one manner adverb between (`spoke warmly about`, `talked openly of`).
fn phrase_end(cx: &Ctx, at: usize, words: &[&str], end: usize) -> Option<usize> {
    let exact = at + words.len() <= end
        && words
            .iter()
            .enumerate()
            .all(|(k, w)| cx.lower(at + k) == *w);
    if exact {
        return Some(at + words.len());
    }
    let adverb = |k: usize| {
        let t = cx.t(k);
        t.is_word() && !t.capitalized && t.lower.len() > 4 && t.lower.ends_with("ly")
    };
    if words.len() == 2
        && is_preposition(words[1])
        && at + 3 <= end
        && cx.lower(at) == words[0]
        && adverb(at + 1)
        && cx.lower(at + 2) == words[1]
    {
        return Some(at + 3);
    }
    // `talked on the radio about`, `spoke to reporters at length about`: a short adjunct
    // without a verb between the verb and `about`.
    if words.len() != 2 || words[1] != "about" || cx.lower(at) != words[0] {
        return None;
    }
    let gap = |k: usize| {
        let t = cx.t(k);
        t.is_word()
            && !cx.is_verb_token(k)
            && !is_auxiliary(&t.lower)
            && !opens_clause(&t.lower)
            && !matches!(t.lower.as_str(), "and" | "but" | "or")
    };
    (at + 2..end.min(at + 7))
        .take_while(|&k| cx.lower(k) == "about" || gap(k))
        .find(|&k| cx.lower(k) == "about")
        .map(|k| k + 1)
}

/// A cue phrase from `data/cue_phrases.txt` starting at token `i`, and the token after it.
fn phrase_cue(cx: &Ctx, sent: &Range<usize>, i: usize, done: &[Cue]) -> Option<(Cue, usize)> {
    // Every phrase starts with a word: punctuation needs no lookup.
    if !cx.t(i).is_word() {
        return None;
    }
    let (phrase, after) = cx
        .lex
        .phrases_starting(cx.lower(i))
        .find_map(|p| Some((p, phrase_end(cx, i, &p.words, sent.end)?)))?;
    match phrase.kind {
        PhraseKind::SourceAfter => source::according_to(cx, sent, i, after).map(|c| (c, after)),
        PhraseKind::Verb => {
            let mut cue = verb::verb_cue(cx, sent, i, after, done)?;
            cue.lemma = phrase.words.join(" ");
            Some((cue, after))
        }
    }
}

/// The closing quotation mark right before the subject ending before token `j` (or the verb at
/// `j`), allowing a comma or dash between: `“…,” Varga said` / `“…,” said Varga`.
pub(super) fn follows_closing_quote(cx: &Ctx, j: usize) -> Option<usize> {
    // Walk back over a short subject (a name, a pronoun, a title and name).
    let mut k = j;
    let mut steps = 0;
    while k > 0 && steps < 8 {
        let t = cx.t(k - 1);
        if t.is_word()
            && (t.capitalized
                || is_subject_pronoun(&t.lower)
                || is_determiner(&t.lower)
                || t.is_possessive()
                || cx.lex.is_title_word(&t.lower)
                || cx.lex.is_anonymous_head(&t.lower)
                || t.lower == "former")
            || t.is_punct('.')
        {
            k -= 1;
            steps += 1;
            continue;
        }
        break;
    }
    closes_quote_before(cx, k).or_else(|| closes_quote_before(cx, j))
}

/// The closing mark of a quoted span right before token `start` in its paragraph, allowing a
/// comma or dash between.
pub(super) fn closes_quote_before(cx: &Ctx, start: usize) -> Option<usize> {
    let mut m = start;
    while m > 0 && matches!(cx.t(m - 1).kind, TokenKind::Punct(',' | '—' | '–' | '-')) {
        m -= 1;
    }
    let here = start.min(cx.seg.tokens.len() - 1);
    (m > 0
        && cx.t(m - 1).paragraph == cx.t(here).paragraph
        && matches!(
            cx.t(m - 1).kind,
            TokenKind::Quote(_, Role::Close | Role::Either)
        )
        && cx.closes_at(m - 1))
    .then(|| m - 1)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_extent;
#[cfg(test)]
mod tests_objects;
#[cfg(test)]
mod tests_subjects;
#[cfg(test)]
mod tests_tags;
