//! Splits an article body into tokens, paragraphs and sentences.
//!
//! Takes the text and the body span; gives [`Segments`] whose token spans index the original text.
//! Tokens keep what later stages need without re-reading the text: a lowercase form, whether the
//! word is capitalised, and for quotation marks the glyph and its likely role (opening, closing,
//! or either) judged from the characters around it. Never fails; every byte of the body that is
//! not whitespace belongs to exactly one token.

use std::ops::Range;

use compact_str::CompactString;

use crate::lexicon::Lexicon;
use crate::text::Span;

/// Which quotation-mark family a glyph belongs to; a quote is closed by a mark of its own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `" “ ” „ « » ''`
    Double,
    /// `' ‘ ’`
    Single,
}

/// What a quotation mark most likely does where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct(char),
    Quote(Family, Role),
}

#[derive(Debug, Clone)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Lowercase text for words and numbers, the glyph for quotation marks, empty otherwise.
    pub lower: CompactString,
    /// Starts with an uppercase letter.
    pub capitalized: bool,
    /// Index of the paragraph (line) holding the token.
    pub paragraph: usize,
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokenKind::Quote(..))
    }

    /// `.`, `!`, `?` or `…`.
    pub fn is_terminal(&self) -> bool {
        matches!(self.kind, TokenKind::Punct('.' | '!' | '?' | '…'))
    }

    /// A possessive word (`Varga’s`, `UNICEF's`).
    pub fn is_possessive(&self) -> bool {
        self.lower.ends_with("'s") || self.lower.ends_with("’s")
    }
}

/// Tokens of an article body with their paragraphs and sentences as token ranges.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Range<usize>>,
}

impl Segments {
    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn span(&self, r: Range<usize>) -> Span {
        if r.is_empty() {
            let at = self.tokens.get(r.start).map_or(0, |t| t.span.start);
            return Span::new(at, at);
        }
        Span::new(
            self.tokens[r.start].span.start,
            self.tokens[r.end - 1].span.end,
        )
    }
}

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

/// Tokenizes `text[body]`.
pub fn segment(text: &str, body: Span, lex: &Lexicon) -> Segments {
    let mut tokens = Vec::new();
    let s = &text[..body.end];
    let mut i = body.start;
    let mut paragraph = 0usize;
    let mut saw_text_in_paragraph = false;
    let prev_char = |i: usize| s[..i].chars().next_back();
    while i < s.len() {
        let c = s[i..].chars().next().unwrap();
        let clen = c.len_utf8();
        if c == '\n' {
            if saw_text_in_paragraph {
                paragraph += 1;
                saw_text_in_paragraph = false;
            }
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        saw_text_in_paragraph = true;
        let start = i;
        if c.is_alphanumeric() {
            let end = word_end(s, i);
            let word = &s[start..end];
            let kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            tokens.push(Token {
                span: Span::new(start, end),
                kind,
                lower: if word.is_ascii() {
                    let mut l = CompactString::from(word);
                    l.make_ascii_lowercase();
                    l
                } else {
                    CompactString::from(word.to_lowercase())
                },
                capitalized: c.is_uppercase(),
                paragraph,
            });
            i = end;
            continue;
        }
        // Quotation marks.
        let before = if i > body.start { prev_char(i) } else { None };
        let quote = quote_mark(s, i, c, before);
        if let Some((family, role, len)) = quote {
            tokens.push(Token {
                span: Span::new(start, start + len),
                kind: TokenKind::Quote(family, role),
                lower: CompactString::from(&s[start..start + len]),
                capitalized: false,
                paragraph,
            });
            i += len;
            continue;
        }
        tokens.push(Token {
            span: Span::new(start, start + clen),
            kind: TokenKind::Punct(c),
            lower: CompactString::default(),
            capitalized: false,
            paragraph,
        });
        i += clen;
    }
    let paragraphs = ranges_by(&tokens, |t| t.paragraph);
    let sentences = sentences(&tokens, &paragraphs, lex);
    Segments {
        tokens,
        paragraphs,
        sentences,
    }
}

/// The quotation mark starting with `c` at byte `i` of `s` (after the character `before`): its
/// family, its likely role from the characters around it, and its length in bytes.
fn quote_mark(s: &str, i: usize, c: char, before: Option<char>) -> Option<(Family, Role, usize)> {
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
fn word_end(s: &str, start: usize) -> usize {
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

fn ranges_by(tokens: &[Token], key: impl Fn(&Token) -> usize) -> Vec<Range<usize>> {
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
fn sentences(tokens: &[Token], paragraphs: &[Range<usize>], lex: &Lexicon) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for p in paragraphs {
        let mut start = p.start;
        let mut i = p.start;
        while i < p.end {
            let t = &tokens[i];
            // "... moved back to the U.K. He recalled": an initialism's dot can end a sentence too.
            if t.kind == TokenKind::Word && t.lower.ends_with('.') && i + 1 < p.end && {
                let n = &tokens[i + 1];
                n.capitalized
                    && matches!(
                        n.lower.as_str(),
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
            } {
                out.push(start..i + 1);
                start = i + 1;
                i += 1;
                continue;
            }
            if t.is_terminal() && i > start {
                let mut j = i + 1;
                while j < p.end
                    && (matches!(
                        tokens[j].kind,
                        TokenKind::Quote(_, Role::Close | Role::Either)
                    ) || tokens[j].is_punct(')')
                        || tokens[j].is_terminal())
                {
                    j += 1;
                }
                let prev = &tokens[i - 1];
                let abbreviation = t.is_punct('.')
                    && prev.is_word()
                    && prev.span.end == t.span.start
                    && (lex.is_abbreviation(&prev.lower)
                        || (prev.lower.chars().count() == 1 && prev.capitalized));
                let next_starts = j < p.end
                    && (tokens[j].capitalized
                        || tokens[j].kind == TokenKind::Number
                        || matches!(
                            tokens[j].kind,
                            TokenKind::Quote(_, Role::Open | Role::Either)
                        ));
                if !abbreviation && next_starts {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let seg = segment(text, Span::new(0, text.len()), Lexicon::builtin());
        seg.tokens
            .iter()
            .map(|t| t.span.of(text).to_string())
            .collect()
    }

    #[test]
    fn site_names_are_one_word_but_sentences_still_end() {
        assert_eq!(
            words("Harborpost.com reported it. Valley-wire.fr too."),
            [
                "Harborpost.com",
                "reported",
                "it",
                ".",
                "Valley-wire.fr",
                "too",
                "."
            ]
        );
        assert_eq!(words("It ended.Com"), ["It", "ended", ".", "Com"]);
    }

    fn sentences_of(text: &str) -> Vec<String> {
        let seg = segment(text, Span::new(0, text.len()), Lexicon::builtin());
        seg.sentences
            .iter()
            .map(|r| seg.span(r.clone()).of(text).to_string())
            .collect()
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_initialisms() {
        assert_eq!(
            words("It’s the U.S. win-win, Varga’s 1,000 O'Hara."),
            [
                "It’s",
                "the",
                "U.S.",
                "win-win",
                ",",
                "Varga’s",
                "1,000",
                "O'Hara",
                "."
            ]
        );
    }

    #[test]
    fn plural_possessive_apostrophe_is_a_mark_token() {
        assert_eq!(words("Calders’ plan"), ["Calders", "’", "plan"]);
    }

    #[test]
    fn quote_roles_follow_context() {
        let text = "He said \"yes\" and ''no'' then ‘maybe.’";
        let seg = segment(text, Span::new(0, text.len()), Lexicon::builtin());
        let roles: Vec<Role> = seg
            .tokens
            .iter()
            .filter_map(|t| match t.kind {
                TokenKind::Quote(_, r) => Some(r),
                _ => None,
            })
            .collect();
        use Role::*;
        assert_eq!(roles, [Open, Close, Open, Close, Open, Close]);
    }

    #[test]
    fn sentences_skip_abbreviations_and_initials() {
        assert_eq!(
            sentences_of("Sen. Ines Dahl met Pavel K. Orlov. “Fine,” he said. Then he left."),
            [
                "Sen. Ines Dahl met Pavel K. Orlov.",
                "“Fine,” he said.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn a_sentence_ends_after_the_closing_mark() {
        assert_eq!(
            sentences_of("“We are ready.” The talks resumed."),
            ["“We are ready.”", "The talks resumed."]
        );
    }

    #[test]
    fn lines_are_paragraphs() {
        let text = "One line.\nTwo line.\n\nThree.";
        let seg = segment(text, Span::new(0, text.len()), Lexicon::builtin());
        assert_eq!(seg.paragraphs.len(), 3);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    use crate::text::newsish;

    proptest! {
        #[test]
        fn tokens_cover_every_visible_byte_in_order(text in newsish()) {
            let seg = segment(&text, Span::new(0, text.len()), Lexicon::builtin());
            let mut at = 0;
            for t in &seg.tokens {
                prop_assert!(t.span.start >= at && t.span.start < t.span.end);
                prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
                prop_assert!(text[at..t.span.start].chars().all(char::is_whitespace));
                at = t.span.end;
            }
            prop_assert!(text[at..].chars().all(char::is_whitespace));
            // Sentences tile the tokens.
            let mut next = 0;
            for s in &seg.sentences {
                prop_assert_eq!(s.start, next);
                prop_assert!(s.end > s.start);
                next = s.end;
            }
            prop_assert_eq!(next, seg.tokens.len());
        }
    }
}
