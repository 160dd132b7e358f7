//! The words of a text as the stance model reads them, computed once per text (a quote, or an
//! annotated sentence) and shared by every target in it.
//!
//! Takes tokens; gives one [`Form`] per token: the word as a feature (lowercase, names as
//! `<name>`, numbers as `<num>`, a word in the scope of a negation as `!w`), its
//! sentiment-lexicon valence, whether it bounds a clause or a contrast, and its class in the
//! stance lexicon. Never looks at a target: that is [`super::extract`]'s job.

use compact_str::CompactString;

use crate::lexicon::{Lexicon, StanceClass};
use crate::segment::{Token, TokenKind};

use super::super::model::part_hash;
use super::super::valence;
use super::Part;

const HARM: Part<'static> = Part::fixed("<harm>");
const BENEFIT: Part<'static> = Part::fixed("<benefit>");
const REDUCER: Part<'static> = Part::fixed("<reducer>");
const SAY: Part<'static> = Part::fixed("<say>");
const RESTORED: Part<'static> = Part::fixed("<restored>");

/// One word of a text as the model reads it.
#[derive(Debug, Clone)]
pub struct Form {
    pub text: CompactString,
    /// [`part_hash`] of `text`.
    pub hash: u64,
    /// Valence of the word (an intensifier before it and a negation applied), if the lexicon
    /// knows it.
    pub valence: Option<f32>,
    /// A clause boundary: punctuation, a quotation mark, a connective.
    pub boundary: bool,
    /// A contrast boundary: a contrast word, `;`, `:` or a dash.
    pub contrast: bool,
    /// The word's class: help, harm, a reducer (or one a restorer undoes) or a verb of saying.
    pub class: Option<Part<'static>>,
    /// A verb of saying.
    pub says: bool,
}

/// The forms of `toks`, one per token. `known` tells a common word (the model's vocabulary)
/// from a name. Negation runs from a negator to the next boundary.
pub fn of(toks: &[Token], lex: &Lexicon, known: &dyn Fn(&str) -> bool) -> Vec<Form> {
    let mut out = Vec::with_capacity(toks.len());
    let mut negated = false;
    // "resume the suspended aid": a restorer undoes the next reducer (as the rules read it).
    let mut restoring = false;
    for (i, t) in toks.iter().enumerate() {
        // "not only ... but also" adds, it does not deny: its `not` is a word of its own.
        let not_only = toks.get(i + 1).is_some_and(|n| n.lower == "only");
        let text = if not_only && t.lower == "not" {
            CompactString::from("not-only")
        } else {
            form(t, lex, known)
        };
        let classes = if t.kind == TokenKind::Word {
            lex.stance_classes(&t.lower)
        } else {
            &[]
        };
        let contrast = classes.contains(&StanceClass::Contrast)
            || matches!(t.kind, TokenKind::Punct(';' | ':' | '—' | '–'));
        let boundary = !t.is_word() || is_connective(&text) || contrast;
        if boundary {
            negated = false;
            restoring = false;
        }
        let undone = restoring && classes.contains(&StanceClass::Reducer);
        if classes.contains(&StanceClass::Restorer) {
            restoring = true;
        } else if undone {
            restoring = false;
        }
        let v = if text.starts_with('<') {
            None
        } else {
            valence::of(&text)
        };
        // "very good": an intensifier before a word strengthens it.
        let boost = i
            .checked_sub(1)
            .is_some_and(|p| is_intensifier(&toks[p].lower));
        let v = v.map(|v| if boost { v * 1.5 } else { v });
        let says = t.kind == TokenKind::Word && lex.verb(&text).is_some();
        let text = if negated {
            let mut s = CompactString::from("!");
            s.push_str(&text);
            s
        } else {
            text
        };
        out.push(Form {
            hash: part_hash(&text),
            text,
            valence: v.map(|v| if negated { -v } else { v }),
            boundary,
            contrast,
            class: if undone {
                Some(RESTORED)
            } else {
                class_of(classes, says)
            },
            says,
        });
        if (classes.contains(&StanceClass::Negator) || t.lower.ends_with("n't")) && !not_only {
            negated = true;
        }
    }
    out
}

impl Form {
    /// The form as a part of a feature's name.
    pub fn part(&self) -> Part<'_> {
        Part {
            text: &self.text,
            hash: self.hash,
        }
    }
}

/// The word as a feature: lowercase, `’` as `'`, `|` as `¦`, a possessive without its `'s`, numbers as
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
        // `|` joins the parts of a feature's name: never a part of its own.
        TokenKind::Punct('|') => "<bar>".into(),
        TokenKind::Punct(c) => {
            let mut s = CompactString::default();
            s.push(c);
            s
        }
    }
}

/// A lowercase word as a feature: `’` as `'`, `|` as `¦`, a possessive without its `'s`.
fn normalized(w: &str) -> CompactString {
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .filter(|s| !s.is_empty())
        .unwrap_or(w);
    // `|` joins the parts of a feature's name.
    if w.contains(['’', '|']) {
        w.replace('’', "'").replace('|', "¦").into()
    } else {
        w.into()
    }
}

/// The form of a word written in lowercase, for building the vocabulary of common words.
pub fn common_form(t: &Token) -> Option<CompactString> {
    (t.kind == TokenKind::Word && !t.capitalized).then(|| normalized(&t.lower))
}

/// The class of a word that acts on what it is said of: help, harm, a reducer, a verb of
/// saying.
fn class_of(c: &[StanceClass], says: bool) -> Option<Part<'static>> {
    if c.contains(&StanceClass::Harm) {
        Some(HARM)
    } else if c.contains(&StanceClass::Benefit) {
        Some(BENEFIT)
    } else if c.contains(&StanceClass::Reducer) {
        Some(REDUCER)
    } else if says {
        Some(SAY)
    } else {
        None
    }
}

/// Words that strengthen the evaluative word after them.
fn is_intensifier(w: &str) -> bool {
    matches!(
        w,
        "very"
            | "extremely"
            | "really"
            | "so"
            | "too"
            | "most"
            | "highly"
            | "deeply"
            | "incredibly"
            | "absolutely"
            | "truly"
            | "utterly"
            | "totally"
            | "completely"
    )
}

fn is_connective(w: &str) -> bool {
    matches!(
        w,
        "but" | "and" | "while" | "although" | "though" | "because" | "whereas" | "which" | "who"
    )
}
