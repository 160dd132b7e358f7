//! Character-level decisions of the tokenizer: where a word ends and what a quotation mark does.
//!
//! Takes the body text and a byte position; gives the end of the word starting there (letters and
//! digits joined by apostrophes, hyphens, initialism dots, number separators, site names) or the
//! family, likely role and length of the quotation mark there. Never builds tokens or sentences.

use super::{Family, Role};

fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/“‘\"'«„".contains(c),
    }
}

fn is_close_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || ".,;:!?)]}—–-…”’\"'»".contains(c),
    }
}

/// The quotation mark starting with `c` at byte `i` of `s` (after the character `before`): its
/// family, its likely role from the characters around it, and its length in bytes.
pub(super) fn quote_mark(
    s: &str,
    i: usize,
    c: char,
    before: Option<char>,
) -> Option<(Family, Role, usize)> {
    let clen = c.len_utf8();
    let next = s[i + clen..].chars().next();
    match c {
        '“' | '„' | '«' => Some((Family::Double, Role::Open, clen)),
        '”' | '»' => Some((Family::Double, Role::Close, clen)),
        '‘' => Some((Family::Single, Role::Open, clen)),
        '`' if next == Some('`') => Some((Family::Double, Role::Open, 2)),
        '"' | '\'' | '’' => {
            let (family, len) = if c == '\'' && next == Some('\'') {
                (Family::Double, 2)
            } else if c == '"' {
                (Family::Double, 1)
            } else {
                (Family::Single, clen)
            };
            let after = s[i + len..].chars().next();
            let open = is_open_context(before) && !after.is_none_or(char::is_whitespace);
            let close = is_close_context(after) && !before.is_none_or(char::is_whitespace);
            let role = match (open, close) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                _ if c == '’' => Role::Close,
                _ => Role::Either,
            };
            Some((family, role, len))
        }
        _ => None,
    }
}

/// End of the word starting at `i`: letters and digits joined by apostrophes, hyphens, dots of
/// initialisms (`U.S.`), and separators inside numbers (`1,000`, `3.1`).
pub(super) fn word_end(s: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = s[start..].char_indices().peekable();
    let mut initialism = true; // so far only single letters separated by dots
    let mut run = 0usize; // letters since the last dot
    while let Some((off, c)) = chars.next() {
        let at = start + off;
        if c.is_alphanumeric() {
            end = at + c.len_utf8();
            run += 1;
            if run > 1 {
                initialism = false;
            }
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let joins = next.is_some_and(char::is_alphanumeric);
        let prev_digit = s[..at]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_ascii_digit());
        match c {
            '\'' | '’' | '-' | '‐' | '&' if joins => {}
            '.' if joins && !initialism && is_domain_suffix(&s[at + 1..]) => {
                // "Harborpost.com", "valley-wire.fr": a site name is one word.
            }
            '.' if joins
                && (initialism || (prev_digit && next.is_some_and(|n| n.is_ascii_digit()))) =>
            {
                run = 0;
            }
            ',' if prev_digit && joins && next.is_some_and(|n| n.is_ascii_digit()) => {}
            '.' if initialism && s[start..at].contains('.') => {
                // The closing dot of an initialism belongs to it: "U.S.", "a.m."
                end = at + 1;
                break;
            }
            _ => break,
        }
        end = at + c.len_utf8();
    }
    end
}

/// Whether `rest` (after a dot) starts with a common top-level domain that ends the word.
pub fn is_domain_suffix(rest: &str) -> bool {
    const TLDS: [&str; 14] = [
        "com", "org", "net", "gov", "edu", "info", "fr", "de", "uk", "ru", "ua", "io", "eu", "it",
    ];
    TLDS.iter().any(|tld| {
        rest.strip_prefix(tld)
            .is_some_and(|after| !after.chars().next().is_some_and(char::is_alphanumeric))
    })
}
