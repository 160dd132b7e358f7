//! What an article as a whole says about its capitals: which words start a sentence, which
//! sentences are title lines (headlines, where every content word is capitalised), which forms
//! the article capitalises inside running text or writes in lowercase, spaced hyphens, and
//! paragraphs that are web addresses.
//!
//! Takes the segments of one article; gives [`Capitals`]; never cuts runs (see [`super::runs`]).

use rustc_hash::FxHashSet;

use super::name_parts::has_spaced_hyphens;
use super::runs::without_possessive;
use crate::lexicon::Lexicon;
use crate::quotes::is_function_word;
use crate::segment::{Segments, Token, TokenKind};

/// What the article as a whole says about its capitals.
pub struct Capitals<'t> {
    /// Per token: the first word of its sentence.
    pub initial: Vec<bool>,
    /// Per token: inside a title line.
    pub title: Vec<bool>,
    /// Lowercase forms the article capitalises inside sentences of running text.
    pub inside: FxHashSet<&'t str>,
    /// Lowercase forms of the words the article writes in lowercase.
    pub lowercase: FxHashSet<&'t str>,
    /// The article spaces its hyphens, as tokenized text does (`a 90 - day stay`): ` - `
    /// between capitalised words joins one name (`Hewlett - Packard`).
    pub spaced_hyphens: bool,
    /// Per token: inside a paragraph that is a web address (`http: / / www. ...`), which names
    /// nothing.
    pub url: Vec<bool>,
}

impl<'t> Capitals<'t> {
    pub fn of(seg: &'t Segments) -> Capitals<'t> {
        let toks = &seg.tokens;
        let mut initial = vec![false; toks.len()];
        let mut title = vec![false; toks.len()];
        for sent in &seg.sentences {
            if let Some(k) = (sent.start..sent.end).find(|&k| toks[k].is_word()) {
                initial[k] = true;
            }
            if is_title_line(&toks[sent.clone()]) {
                title[sent.clone()].fill(true);
            }
        }
        let url = url_lines(seg);
        // A possessive says the word is capitalised as much as the bare word does (`Acme's`).
        // A web address is no running text (`.../Ana_Ruiz_Checks_Into_Clinic/`).
        // Only ever probed, never iterated: their sizes do not change what they answer.
        let mut inside = FxHashSet::with_capacity_and_hasher(toks.len() / 4, Default::default());
        let mut lowercase = FxHashSet::with_capacity_and_hasher(toks.len() / 2, Default::default());
        for (k, t) in toks.iter().enumerate() {
            if t.capitalized && !initial[k] && !title[k] && !url[k] {
                let bare = without_possessive(&t.lower);
                inside.insert(t.lower.as_str());
                if bare.len() != t.lower.len() {
                    inside.insert(bare);
                }
            } else if t.kind == TokenKind::Word && !t.capitalized {
                lowercase.insert(t.lower.as_str());
            }
        }
        Capitals {
            initial,
            title,
            inside,
            lowercase,
            spaced_hyphens: has_spaced_hyphens(toks),
            url,
        }
    }

    /// Whether the word `lower` may start or continue a name in a title line.
    pub(super) fn name_like(&self, lower: &str, lex: &Lexicon) -> bool {
        let lower = without_possessive(lower);
        !is_function_word(lower)
            && (self.inside.contains(lower)
                || lex.known(lower).is_some()
                || lex.first_name(lower).is_some()
                || lex.demonym(lower).is_some())
    }
}

/// Per token: whether its paragraph starts with a web address (`http`, `https`, `www`).
fn url_lines(seg: &Segments) -> Vec<bool> {
    let toks = &seg.tokens;
    let mut out = vec![false; toks.len()];
    for p in &seg.paragraphs {
        if toks[p.clone()]
            .first()
            .is_some_and(|t| matches!(t.lower.as_str(), "http" | "https" | "www"))
        {
            out[p.clone()].fill(true);
        }
    }
    out
}

/// A sentence of at least three content words, all capitalised, that does not end with a full
/// stop: a headline or a title, not running text.
fn is_title_line(toks: &[Token]) -> bool {
    let mut content = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.lower.chars().any(char::is_alphabetic))
        .filter(|t| !is_function_word(&t.lower))
        .peekable();
    let mut n = 0;
    for t in content.by_ref() {
        if !t.capitalized {
            return false;
        }
        n += 1;
    }
    n >= 3 && !toks.last().is_some_and(|t| t.is_punct('.'))
}
