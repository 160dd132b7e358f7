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
    let bytes = s.as_bytes();
    let mut end = start;
    let mut at = start;
    let mut initialism = true; // so far only single letters separated by dots
    let mut run = 0usize; // letters since the last dot
    loop {
        // A run of ASCII letters and digits, byte by byte (most of every word).
        let ascii = bytes[at.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if ascii > 0 {
            at += ascii;
            end = at;
            run += ascii;
            if run > 1 {
                initialism = false;
            }
        }
        let Some(c) = char_at(s, at) else { break };
        let len = c.len_utf8();
        if c.is_alphanumeric() {
            at += len;
            end = at;
            run += 1;
            if run > 1 {
                initialism = false;
            }
            continue;
        }
        let next = char_at(s, at + len);
        let joins = next.is_some_and(char::is_alphanumeric);
        // The character before is an ASCII digit exactly when the byte before is one.
        let prev_digit = at.checked_sub(1).is_some_and(|p| bytes[p].is_ascii_digit());
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
        at += len;
        end = at;
    }
    end
}

/// The character starting at byte `at` of `s` (a character boundary), without decoding for
/// ASCII.
fn char_at(s: &str, at: usize) -> Option<char> {
    match s.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => s.get(at..)?.chars().next(),
    }
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{is_domain_suffix, word_end};

    /// `word_end` as it was written over a peekable `char_indices`, before the byte-wise reading.
    fn word_end_reference(s: &str, start: usize) -> usize {
        let mut end = start;
        let mut chars = s[start..].char_indices().peekable();
        let mut initialism = true;
        let mut run = 0usize;
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
                '.' if joins && !initialism && is_domain_suffix(&s[at + 1..]) => {}
                '.' if joins
                    && (initialism || (prev_digit && next.is_some_and(|n| n.is_ascii_digit()))) =>
                {
                    run = 0;
                }
                ',' if prev_digit && joins && next.is_some_and(|n| n.is_ascii_digit()) => {}
                '.' if initialism && s[start..at].contains('.') => {
                    end = at + 1;
                    break;
                }
                _ => break,
            }
            end = at + c.len_utf8();
        }
        end
    }

    #[test]
    fn words_end_where_they_did() {
        for (text, start, end) in [
            ("U.S. troops", 0, 4),
            ("1,000.5 miles", 0, 7),
            ("Harborpost.com said", 0, 14),
            ("O’Neill-Berg said", 0, 14),
            ("rock-’n’-roll", 0, 4),
            ("a.m.", 0, 4),
            ("9,x", 0, 1),
            ("Zoë’s café.", 0, 8),
            ("Zoë’s café.", 9, 14),
            ("", 0, 0),
        ] {
            assert_eq!(word_end(text, start), end, "{text}");
            assert_eq!(word_end_reference(text, start), end, "{text}");
        }
    }

    proptest! {
        #[test]
        fn the_byte_reading_agrees_with_the_char_reading(
            s in "[a-zA-Z0-9.,'’&‐ -]{0,12}(é|ß|ī|\\.com|\\.fr|[0-9]|[.,-]|\\PC){0,6}[a-zA-Z0-9.,' ]{0,8}",
            cut in 0usize..40,
        ) {
            let start = (0..=cut.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            prop_assert_eq!(word_end(&s, start), word_end_reference(&s, start));
        }
    }
}
