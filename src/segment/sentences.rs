//! Groups tokens into paragraphs and sentences.
//!
//! Takes the tokens of a body (with their paragraph numbers) and the lexicon's abbreviations;
//! gives paragraphs and sentences as token ranges that tile the tokens. Never reads the text.

use std::ops::Range;

use super::{Role, Token, TokenKind};
use crate::lexicon::Lexicon;

pub(super) fn ranges_by(tokens: &[Token], key: impl Fn(&Token) -> usize) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match out.last_mut() {
            Some(r) if key(&tokens[r.start]) == key(t) => r.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// Sentence boundaries: paragraph ends, and `. ! ?` (plus any closing marks after them) before a
/// capitalised word, a number or an opening quotation mark, unless the full stop ends an
/// abbreviation or an initial.
pub(super) fn sentences(
    tokens: &[Token],
    paragraphs: &[Range<usize>],
    lex: &Lexicon,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for p in paragraphs {
        let mut start = p.start;
        let mut i = p.start;
        while i < p.end {
            let t = &tokens[i];
            if initialism_ends_sentence(tokens, i, p.end) {
                out.push(start..i + 1);
                start = i + 1;
                i += 1;
                continue;
            }
            if t.is_terminal() && i > start {
                let j = after_closing_marks(tokens, i + 1, p.end);
                if !ends_abbreviation(tokens, i, lex) && opens_sentence(tokens, j, p.end) {
                    out.push(start..j);
                    start = j;
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        if start < p.end {
            out.push(start..p.end);
        }
    }
    out
}

/// "... moved back to the U.K. He recalled": an initialism's dot can end a sentence too, before
/// a capitalised word that only opens sentences.
fn initialism_ends_sentence(tokens: &[Token], i: usize, end: usize) -> bool {
    let t = &tokens[i];
    t.kind == TokenKind::Word
        && t.lower.ends_with('.')
        && i + 1 < end
        && tokens[i + 1].capitalized
        && matches!(
            tokens[i + 1].lower.as_str(),
            "he" | "she"
                | "they"
                | "we"
                | "i"
                | "it"
                | "the"
                | "but"
                | "and"
                | "in"
                | "on"
                | "a"
                | "this"
                | "that"
                | "there"
        )
}

/// The first token from `j` that is not a closing mark, a `)` or another terminal.
fn after_closing_marks(tokens: &[Token], mut j: usize, end: usize) -> usize {
    while j < end
        && (matches!(
            tokens[j].kind,
            TokenKind::Quote(_, Role::Close | Role::Either)
        ) || tokens[j].is_punct(')')
            || tokens[j].is_terminal())
    {
        j += 1;
    }
    j
}

/// The terminal at `i` is the full stop of an abbreviation or of an initial.
fn ends_abbreviation(tokens: &[Token], i: usize, lex: &Lexicon) -> bool {
    let (t, prev) = (&tokens[i], &tokens[i - 1]);
    t.is_punct('.')
        && prev.is_word()
        && prev.span.end == t.span.start
        && (lex.is_abbreviation(&prev.lower)
            || (prev.lower.chars().count() == 1 && prev.capitalized))
}

/// A sentence can open at `j`: a capitalised word, a number or an opening quotation mark.
fn opens_sentence(tokens: &[Token], j: usize, end: usize) -> bool {
    j < end
        && (tokens[j].capitalized
            || tokens[j].kind == TokenKind::Number
            || matches!(
                tokens[j].kind,
                TokenKind::Quote(_, Role::Open | Role::Either)
            ))
}
