//! What continues a name past its capitalised words: alphanumeric parts (`49ers`, `G7`), a
//! product's model number (`Volta 8800`), hyphens a text writes spaced (`T - Mobile`).
//!
//! Takes tokens; gives yes or no for one place. Never decides what the name names.

use crate::segment::{Token, TokenKind};

fn is_cap_word(t: &Token) -> bool {
    t.capitalized && t.kind == TokenKind::Word
}

/// A model number after a capitalised word (`Volta 8800`, `Kestrel 747`): three digits or more,
/// no year, and no score (`Avalon 102, Kestrel 99`, `Avalon 102-99`): nothing but a word or
/// the end of the sentence after it. (A lone sentence-initial word before it is no name:
/// `With 107 delegates`; the caller knows.)
pub(super) fn is_model_number(toks: &[Token], j: usize) -> bool {
    let t = &toks[j];
    let digits = &t.lower;
    let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    let after = toks.get(j + 1);
    t.kind == TokenKind::Number
        && digits.len() >= 3
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !year
        && j > 0
        && is_cap_word(&toks[j - 1])
        && t.span.start == toks[j - 1].span.end + 1
        && after.is_none_or(|n| n.kind == TokenKind::Word || n.is_punct('.'))
}

/// An alphanumeric word that continues a name (`49ers`, `G7`): digits and letters.
pub(super) fn is_alnum_name_part(t: &Token) -> bool {
    t.kind == TokenKind::Number && t.lower.chars().any(char::is_alphabetic)
}
/// Whether the text spaces the hyphens of compounds: a number, ` - `, a lowercase word (`13 -
/// inch`, `26 - year - old`); a year before a dash (`in 2018 - though`) does not count.
pub(super) fn has_spaced_hyphens(toks: &[Token]) -> bool {
    toks.windows(3).any(|w| {
        let year =
            w[0].lower.len() == 4 && (w[0].lower.starts_with("19") || w[0].lower.starts_with("20"));
        w[0].kind == TokenKind::Number
            && w[0].lower.bytes().all(|b| b.is_ascii_digit())
            && !year
            && is_spaced_hyphen(&w[0], &w[1], &w[2])
            && w[2].kind == TokenKind::Word
            && !w[2].capitalized
    })
}

/// A hyphen token with one space on each side between two tokens.
pub(super) fn is_spaced_hyphen(before: &Token, hyphen: &Token, after: &Token) -> bool {
    hyphen.is_punct('-')
        && hyphen.span.start == before.span.end + 1
        && after.span.start == hyphen.span.end + 1
}
