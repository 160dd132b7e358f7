//! Short word lists: organisation words (`data/org_words.txt`), heads of anonymous-source
//! phrases (`data/anonymous_nouns.txt`), abbreviations whose full stop ends no sentence
//! (`data/abbreviations.txt`) and page boilerplate lines (`data/boilerplate.txt`).
//!
//! Takes the built-in lists; gives membership tests on lowercase words or lines.

use super::{lines, Lexicon};

const ORG_WORDS: &str = include_str!("../../data/org_words.txt");
const ANONYMOUS: &str = include_str!("../../data/anonymous_nouns.txt");
const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.txt");
const BOILERPLATE: &str = include_str!("../../data/boilerplate.txt");

impl Lexicon {
    pub(super) fn load_word_lists(&mut self) {
        self.org_words.extend(lines(ORG_WORDS));
        self.anonymous_heads.extend(lines(ANONYMOUS));
        self.abbreviations.extend(lines(ABBREVIATIONS));
        self.boilerplate.extend(lines(BOILERPLATE));
    }

    pub fn is_org_word(&self, word: &str) -> bool {
        self.org_words.contains(word)
    }

    pub fn is_anonymous_head(&self, word: &str) -> bool {
        self.anonymous_heads.contains(word)
    }

    /// An abbreviation whose full stop does not end a sentence (`mr`, `sen`, `u.s`).
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    pub fn is_boilerplate(&self, line: &str) -> bool {
        self.boilerplate.contains(line)
    }
}
