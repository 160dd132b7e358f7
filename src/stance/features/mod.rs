//! Target-relative features: what the stance model sees of a sentence and one target in it.
//!
//! Takes the tokens around a target (a sentence, see [`super::window`]) with their [`Form`]s
//! (computed once per text by [`forms::of`]), the target's token range and what the rules said
//! of it; gives named features with values to a [`Sink`] (the model adds their weights; the
//! trainer records their names). Names of people and places are not features: a capitalised
//! word the vocabulary does not know as a common word reads as `<name>`, so the model judges
//! the words around a name, never the name. Allocates no string per feature on the scoring
//! path; cost is linear in the tokens of the window.
//!
//! Features (names as in the weights file):
//! - `u|w`, `b|w1|w2`: words and word pairs of the sentence, the target as `<t>`, a word in the
//!   scope of a negation (up to the next punctuation or contrast word) as `!w`;
//! - `L|w`, `R|w`: the words within [`WINDOW`] of the target on each side, `LB|w1|w2`,
//!   `RB|w1|w2` word pairs within the window; `C|w`: the words of the target's clause;
//! - `lex`, `lex-near`, `lex-clause`, `lex-2`, `lex-L`, `lex-R`, `lex-seg`, `lex-other`, `lex+`,
//!   `lex-`: sentiment-lexicon valence of the sentence, near the target, in its clause, within
//!   two words, on its left and right, in its part of the sentence between contrast boundaries
//!   (`but`, `;`) and outside it, and the counts of positive and negative words;
//! - `P|...|<+>`, `P|...|<->`: the same places holding a clearly positive or negative word (a
//!   backoff from the words to their polarity); `K|...|<harm>` (`<benefit>`, `<reducer>`,
//!   `<say>`): the places holding a word of that class in the stance lexicon;
//! - `t|pron`, `t|poss`, `t|first`, `t|speaks`, `t|quoted`: the target is a pronoun, a
//!   possessive, the first word, next to a verb of saying, inside quotation marks;
//! - `r|rules+` / `r|rules-`, `r|said+` / `r|said-`: what the lexicon rules and the reported
//!   judgements said of this target.

use std::ops::Range;

use crate::lexicon::Lexicon;
use crate::segment::Token;

use super::model::part_hash;
use name::*;

pub mod forms;

pub use forms::{common_form, Form};

/// Words on each side of the target that count as its neighbours.
pub const WINDOW: usize = 4;
/// Distance (in words) within which lexicon valence counts as near the target.
const NEAR: usize = 5;

/// Where features go: `parts` joined by `|` name the feature.
pub trait Sink {
    fn add(&mut self, parts: &[Part], value: f32);
}

/// A part of a feature's name with its hash ([`part_hash`]), computed once: a word's when its
/// form is made, a fixed part's at compile time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part<'a> {
    pub text: &'a str,
    pub hash: u64,
}

impl Part<'static> {
    pub const fn fixed(text: &'static str) -> Part<'static> {
        Part {
            text,
            hash: part_hash(text),
        }
    }
}

/// The fixed parts of feature names.
mod name {
    use super::Part;
    macro_rules! parts {
        ($($id:ident = $text:literal),* $(,)?) => {
            $(pub const $id: Part<'static> = Part::fixed($text);)*
        };
    }
    parts!(
        BIAS = "bias",
        U = "u",
        B = "b",
        L = "L",
        R = "R",
        LB = "LB",
        RB = "RB",
        C = "C",
        K = "K",
        P = "P",
        S = "S",
        O = "O",
        ONE = "1",
        TWO = "2",
        NOT = "!",
        NONE = "",
        POS = "<+>",
        NEG = "<->",
        LEX_POS = "lex+",
        LEX_NEG = "lex-",
        T = "t",
        TARGET = "<t>",
        PRON = "pron",
        POSS = "poss",
        FIRST = "first",
        SPEAKS = "speaks",
        QUOTED = "quoted",
        RULE = "r",
        RULES_POS = "rules+",
        RULES_NEG = "rules-",
        SAID_POS = "said+",
        SAID_NEG = "said-",
    );
    pub const VALENCE: [Part<'static>; 8] = [
        Part::fixed("lex"),
        Part::fixed("lex-near"),
        Part::fixed("lex-clause"),
        Part::fixed("lex-2"),
        Part::fixed("lex-L"),
        Part::fixed("lex-R"),
        Part::fixed("lex-seg"),
        Part::fixed("lex-other"),
    ];
}

/// What the rules said of the target: the lexicon rules' score, the reported judgement, and
/// whether it is the victim of an attack the words name.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Signals {
    pub rules: f32,
    pub reported: f32,
    pub victim: bool,
}

/// A word of the sequence the features read: a form, or the target as one `<t>` (`None`).
type Word<'f> = Option<&'f Form>;

fn word_part<'f>(w: Word<'f>) -> Part<'f> {
    w.map_or(TARGET, Form::part)
}

fn is_boundary(w: Word) -> bool {
    w.is_some_and(|f| f.boundary)
}

/// Gives the features of the target at tokens `target` of `toks` (whose forms are `forms`, one
/// per token) to `sink`.
pub fn extract<S: Sink>(
    toks: &[Token],
    forms: &[Form],
    target: Range<usize>,
    signals: Signals,
    lex: &Lexicon,
    sink: &mut S,
) {
    let n = toks.len().min(forms.len());
    let start = target.start.min(n);
    let target = start..target.end.clamp(start, n);
    // The words with the target as one `<t>` at `tp`.
    let tp = target.start;
    let seq: Vec<Word> = forms[..tp]
        .iter()
        .map(Some)
        .chain(std::iter::once(None))
        .chain(forms[target.end..n].iter().map(Some))
        .collect();
    sink.add(&[BIAS], 1.0);
    // The target's clause, and its part of the sentence between contrast boundaries.
    let before = |stop: &dyn Fn(&Form) -> bool| {
        seq[..tp]
            .iter()
            .rposition(|w| w.is_some_and(stop))
            .map_or(0, |i| i + 1)
    };
    let after = |stop: &dyn Fn(&Form) -> bool| {
        seq[tp + 1..]
            .iter()
            .position(|w| w.is_some_and(stop))
            .map_or(seq.len(), |i| tp + 1 + i)
    };
    let clause = before(&|f| f.boundary)..after(&|f| f.boundary);
    let part = before(&|f| f.contrast)..after(&|f| f.contrast);
    let mut vals = [0.0f32; 8];
    for (i, &w) in seq.iter().enumerate() {
        sink.add(&[U, word_part(w)], 1.0);
        if let Some(&next) = seq.get(i + 1) {
            sink.add(&[B, word_part(w), word_part(next)], 1.0);
        }
        let Some(f) = w else { continue };
        let d = i.abs_diff(tp);
        let side = if i < tp { L } else { R };
        let fp = f.part();
        if d <= WINDOW {
            sink.add(&[side, fp], 1.0);
            // Word pairs on the same side of the target.
            let next = seq.get(i + 1).copied().flatten();
            if let Some(next) = next.filter(|_| (i + 1).abs_diff(tp) <= WINDOW) {
                sink.add(&[if i < tp { LB } else { RB }, fp, next.part()], 1.0);
            }
        }
        let in_clause = clause.contains(&i);
        if in_clause {
            sink.add(&[C, fp], 1.0);
        }
        if let Some(c) = f.class {
            let neg = if f.text.starts_with('!') { NOT } else { NONE };
            if d <= WINDOW {
                sink.add(&[K, side, c, neg], 1.0);
            }
            if d == 1 {
                sink.add(&[K, side, ONE, c, neg], 1.0);
            }
            if in_clause {
                sink.add(&[K, C, c, neg], 1.0);
            }
        }
        let Some(v) = f.valence else { continue };
        let in_part = part.contains(&i);
        vals[0] += v;
        if d <= NEAR {
            vals[1] += v;
        }
        if in_clause {
            vals[2] += v;
        }
        if d <= 2 {
            vals[3] += v;
        }
        vals[if i < tp { 4 } else { 5 }] += v;
        vals[if in_part { 6 } else { 7 }] += v;
        sink.add(&[if v > 0.0 { LEX_POS } else { LEX_NEG }], 1.0);
        // The word's polarity as a word class, where words go (backing off from the word).
        if v.abs() >= 0.25 {
            let pol = if v > 0.0 { POS } else { NEG };
            sink.add(&[P, U, pol], 1.0);
            if d <= WINDOW {
                sink.add(&[P, side, pol], 1.0);
            }
            if d <= 2 {
                sink.add(&[P, side, TWO, pol], 1.0);
            }
            if d == 1 {
                sink.add(&[P, side, ONE, pol], 1.0);
            }
            if in_clause {
                sink.add(&[P, C, pol], 1.0);
            }
            sink.add(&[P, if in_part { S } else { O }, pol], 1.0);
        }
    }
    for (name, v) in VALENCE.into_iter().zip(vals) {
        if v != 0.0 {
            sink.add(&[name], v);
        }
    }
    target_features(toks, &target, &seq, tp, lex, sink);
    for (v, plus, minus) in [
        (signals.rules, RULES_POS, RULES_NEG),
        (signals.reported, SAID_POS, SAID_NEG),
    ] {
        if v > 0.0 {
            sink.add(&[RULE, plus], 1.0);
        } else if v < 0.0 {
            sink.add(&[RULE, minus], 1.0);
        }
    }
}

/// What kind of word the target is and where it stands.
fn target_features<S: Sink>(
    toks: &[Token],
    target: &Range<usize>,
    seq: &[Word],
    tp: usize,
    lex: &Lexicon,
    sink: &mut S,
) {
    let words = &toks[target.clone()];
    if let [w] = words {
        if lex.pronoun(&w.lower).is_some() {
            sink.add(&[T, PRON], 1.0);
        }
    }
    if words.last().is_some_and(Token::is_possessive) {
        sink.add(&[T, POSS], 1.0);
    }
    if seq[..tp].iter().all(|&w| is_boundary(w)) {
        sink.add(&[T, FIRST], 1.0);
    }
    let says = |w: Option<&Word>| w.copied().flatten().is_some_and(|f| f.says);
    if says(seq.get(tp + 1)) || tp.checked_sub(1).is_some_and(|i| says(seq.get(i))) {
        sink.add(&[T, SPEAKS], 1.0);
    }
    let marks = toks[..target.start].iter().filter(|t| t.is_quote()).count();
    if marks % 2 == 1 {
        sink.add(&[T, QUOTED], 1.0);
    }
}
