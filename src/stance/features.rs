//! Target-relative features: what the stance model sees of a sentence and one target in it.
//!
//! Takes the tokens around a target (a sentence, see [`super::window`]), the target's token
//! range and what the rules said of it; gives named features with values to a [`Sink`] (the
//! model adds their weights; the trainer records their names). Names of people and places are
//! not features: a capitalised word the vocabulary does not know as a common word reads as
//! `<name>`, so the model judges the words around a name, never the name. Allocates no string
//! per feature on the scoring path; cost is linear in the tokens.
//!
//! Features (names as in the weights file):
//! - `u|w`, `b|w1|w2`: words and word pairs of the sentence, the target as `<t>`, a word in the
//!   scope of a negation (up to the next punctuation or contrast word) as `!w`;
//! - `L|w`, `R|w`: the words within [`WINDOW`] of the target on each side; `C|w`: the words of
//!   the target's clause;
//! - `lex`, `lex-near`, `lex-clause`, `lex+`, `lex-`: sentiment-lexicon valence of the sentence,
//!   near the target, in its clause, and the counts of positive and negative words;
//! - `t|pron`, `t|poss`, `t|first`, `t|speaks`, `t|quoted`: the target is a pronoun, a
//!   possessive, the first word, next to a verb of saying, inside quotation marks;
//! - `r|rules+` / `r|rules-`, `r|said+` / `r|said-`: what the lexicon rules and the reported
//!   judgements said of this target.

use std::ops::Range;

use compact_str::CompactString;

use crate::lexicon::{Lexicon, StanceClass};
use crate::segment::{Token, TokenKind};

use super::rules::has;
use super::valence;

/// Words on each side of the target that count as its neighbours.
pub const WINDOW: usize = 4;
/// Distance (in words) within which lexicon valence counts as near the target.
const NEAR: usize = 5;

/// Where features go: `parts` joined by `|` name the feature.
pub trait Sink {
    fn add(&mut self, parts: &[&str], value: f32);
}

/// What the rules said of the target: the lexicon rules' score and the reported judgement.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Signals {
    pub rules: f32,
    pub reported: f32,
}

/// One word of the sentence as the model reads it.
struct Form {
    text: CompactString,
    /// Valence of the word itself (negation applied), if the lexicon knows it.
    valence: Option<f32>,
    target: bool,
    /// A clause boundary: punctuation, a quotation mark, a connective.
    boundary: bool,
}

/// The word as a feature: lowercase, `’` as `'`, a possessive without its `'s`, numbers as
/// `<num>`, unknown capitalised words as `<name>`.
fn form(t: &Token, lex: &Lexicon, known: &dyn Fn(&str) -> bool) -> CompactString {
    match t.kind {
        TokenKind::Word => {
            let w = normalized(&t.lower);
            if t.capitalized && !known(&w) && lex.pronoun(&w).is_none() {
                "<name>".into()
            } else {
                w
            }
        }
        TokenKind::Number => "<num>".into(),
        TokenKind::Quote(..) => "\"".into(),
        TokenKind::Punct(c) => {
            let mut s = CompactString::default();
            s.push(c);
            s
        }
    }
}

/// A lowercase word as a feature: `’` as `'`, a possessive without its `'s`.
fn normalized(w: &str) -> CompactString {
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .filter(|s| !s.is_empty())
        .unwrap_or(w);
    if w.contains('’') {
        w.replace('’', "'").into()
    } else {
        w.into()
    }
}

/// The form of a word written in lowercase, for building the vocabulary of common words.
pub fn common_form(t: &Token) -> Option<CompactString> {
    (t.kind == TokenKind::Word && !t.capitalized).then(|| normalized(&t.lower))
}

fn is_connective(w: &str) -> bool {
    matches!(
        w,
        "but" | "and" | "while" | "although" | "though" | "because" | "whereas" | "which" | "who"
    )
}

/// The words of `toks` with the target (tokens `target`, possibly empty) as one `<t>`; returns
/// them and the target's position.
fn forms(
    toks: &[Token],
    target: &Range<usize>,
    lex: &Lexicon,
    known: &dyn Fn(&str) -> bool,
) -> (Vec<Form>, usize) {
    let mut seq = Vec::with_capacity(toks.len() + 1);
    let mut at = None;
    let mut negated = false;
    for i in 0..=toks.len() {
        if at.is_none() && i >= target.start {
            at = Some(seq.len());
            seq.push(Form {
                text: "<t>".into(),
                valence: None,
                target: true,
                boundary: false,
            });
        }
        let Some(t) = toks.get(i) else { break };
        if target.contains(&i) {
            continue;
        }
        let text = form(t, lex, known);
        let boundary = !t.is_word() || is_connective(&text) || has(lex, t, StanceClass::Contrast);
        if boundary {
            negated = false;
        }
        let v = if text.starts_with('<') {
            None
        } else {
            valence::of(&text)
        };
        seq.push(Form {
            text: if negated {
                let mut s = CompactString::from("!");
                s.push_str(&text);
                s
            } else {
                text
            },
            valence: v.map(|v| if negated { -v } else { v }),
            target: false,
            boundary,
        });
        // "not only ... but also" is no negation.
        let not_only = toks.get(i + 1).is_some_and(|n| n.lower == "only");
        if (has(lex, t, StanceClass::Negator) || t.lower.ends_with("n't")) && !not_only {
            negated = true;
        }
    }
    (seq, at.unwrap_or(0))
}

/// Gives the features of the target at tokens `target` of `toks` to `sink`. `known` tells a
/// common word (the model's vocabulary) from a name.
pub fn extract<S: Sink>(
    toks: &[Token],
    target: Range<usize>,
    signals: Signals,
    lex: &Lexicon,
    known: &dyn Fn(&str) -> bool,
    sink: &mut S,
) {
    let start = target.start.min(toks.len());
    let target = start..target.end.clamp(start, toks.len());
    let (seq, tp) = forms(toks, &target, lex, known);
    sink.add(&["bias"], 1.0);
    // The target's clause.
    let lo = seq[..tp]
        .iter()
        .rposition(|f| f.boundary)
        .map_or(0, |i| i + 1);
    let hi = seq[tp + 1..]
        .iter()
        .position(|f| f.boundary)
        .map_or(seq.len(), |i| tp + 1 + i);
    let (mut lex_all, mut lex_near, mut lex_clause) = (0.0, 0.0, 0.0);
    for (i, f) in seq.iter().enumerate() {
        sink.add(&["u", &f.text], 1.0);
        if let Some(next) = seq.get(i + 1) {
            sink.add(&["b", &f.text, &next.text], 1.0);
        }
        if f.target {
            continue;
        }
        let d = i.abs_diff(tp);
        if d <= WINDOW {
            sink.add(&[if i < tp { "L" } else { "R" }, &f.text], 1.0);
        }
        let in_clause = (lo..hi).contains(&i);
        if in_clause {
            sink.add(&["C", &f.text], 1.0);
        }
        if let Some(v) = f.valence {
            lex_all += v;
            if d <= NEAR {
                lex_near += v;
            }
            if in_clause {
                lex_clause += v;
            }
            sink.add(&[if v > 0.0 { "lex+" } else { "lex-" }], 1.0);
        }
    }
    for (name, v) in [
        ("lex", lex_all),
        ("lex-near", lex_near),
        ("lex-clause", lex_clause),
    ] {
        if v != 0.0 {
            sink.add(&[name], v);
        }
    }
    target_features(toks, &target, &seq, tp, lex, sink);
    for (v, plus, minus) in [
        (signals.rules, "rules+", "rules-"),
        (signals.reported, "said+", "said-"),
    ] {
        if v > 0.0 {
            sink.add(&["r", plus], 1.0);
        } else if v < 0.0 {
            sink.add(&["r", minus], 1.0);
        }
    }
}

/// What kind of word the target is and where it stands.
fn target_features<S: Sink>(
    toks: &[Token],
    target: &Range<usize>,
    seq: &[Form],
    tp: usize,
    lex: &Lexicon,
    sink: &mut S,
) {
    let words = &toks[target.clone()];
    if let [w] = words {
        if lex.pronoun(&w.lower).is_some() {
            sink.add(&["t", "pron"], 1.0);
        }
    }
    if words.last().is_some_and(Token::is_possessive) {
        sink.add(&["t", "poss"], 1.0);
    }
    if seq[..tp].iter().all(|f| f.boundary) {
        sink.add(&["t", "first"], 1.0);
    }
    let speaks =
        |f: Option<&Form>| f.is_some_and(|f| lex.verb(f.text.trim_start_matches('!')).is_some());
    if speaks(seq.get(tp + 1)) || tp.checked_sub(1).is_some_and(|i| speaks(seq.get(i))) {
        sink.add(&["t", "speaks"], 1.0);
    }
    let marks = toks[..target.start].iter().filter(|t| t.is_quote()).count();
    if marks % 2 == 1 {
        sink.add(&["t", "quoted"], 1.0);
    }
}
