//! Splits an article body into tokens, paragraphs and sentences.
//!
//! Takes the text and the body span; gives [`Segments`] whose token spans index the original text.
//! Tokens keep what later stages need without re-reading the text: a lowercase form, whether the
//! word is capitalised, and for quotation marks the glyph and its likely role (opening, closing,
//! or either) judged from the characters around it. Never fails; every byte of the body that is
//! not whitespace belongs to exactly one token.
//!
//! This file holds the token types and the scan over the body; `words` decides where a word ends
//! and what a quotation mark does, `sentences` groups tokens into paragraphs and sentences.

mod sentences;
mod words;

pub use words::is_domain_suffix;

use std::ops::Range;

use compact_str::CompactString;

use crate::lexicon::Lexicon;
use crate::text::Span;

use sentences::{ranges_by, sentences};
use words::{quote_mark, word_end};

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

/// Tokenizes `text[body]`.
pub fn segment(text: &str, body: Span, lex: &Lexicon) -> Segments {
    // About one token for every five bytes of news; growing past it costs nothing in output.
    let mut tokens = Vec::with_capacity(body.end.saturating_sub(body.start) / 5);
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
            tokens.push(word_token(&s[start..end], start, c, paragraph));
            i = end;
            continue;
        }
        // Quotation marks.
        let before = if i > body.start { prev_char(i) } else { None };
        let (kind, len) = match quote_mark(s, i, c, before) {
            Some((family, role, len)) => (TokenKind::Quote(family, role), len),
            None => (TokenKind::Punct(c), clen),
        };
        let lower = match kind {
            TokenKind::Quote(..) => CompactString::from(&s[start..start + len]),
            _ => CompactString::default(),
        };
        tokens.push(Token {
            span: Span::new(start, start + len),
            kind,
            lower,
            capitalized: false,
            paragraph,
        });
        i += len;
    }
    let paragraphs = ranges_by(&tokens, |t| t.paragraph);
    let sentences = sentences(&tokens, &paragraphs, lex);
    Segments {
        tokens,
        paragraphs,
        sentences,
    }
}

/// The token for the word `word` starting at byte `start` with the character `c`.
fn word_token(word: &str, start: usize, c: char, paragraph: usize) -> Token {
    let kind = if c.is_ascii_digit() {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    Token {
        span: Span::new(start, start + word.len()),
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
    }
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
    fn plural_titles_do_not_end_a_sentence() {
        assert_eq!(
            sentences_of(
                "Sens. Ines Dahl and Pavel Orlov agreed. Reps. Mara Quist and Tomas Veld did not."
            ),
            [
                "Sens. Ines Dahl and Pavel Orlov agreed.",
                "Reps. Mara Quist and Tomas Veld did not."
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
