//! People's names and the words around them: given names with their usual gender
//! (`data/first_names.txt`), nicknames (`data/nicknames.txt`), honorifics, name suffixes, titles
//! and roles (`data/titles.txt`), and the common nouns a name can head (`data/head_nouns.txt`).
//!
//! Takes the built-in lists; gives lookups by lowercase word; never decides who a name is.

use rustc_hash::FxHashMap as HashMap;

use super::{lines, EntityKind, Lexicon};

const TITLES: &str = include_str!("../../data/titles.txt");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");
const NICKNAMES: &str = include_str!("../../data/nicknames.txt");
const HEAD_NOUNS: &str = include_str!("../../data/head_nouns.txt");

/// The usual gender of a given name or an honorific.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    /// A name borne by both (`Jordan`, `Kim`).
    Either,
}

impl Gender {
    /// Whether a person known as `self` can be one known as `other`.
    pub fn agrees(self, other: Gender) -> bool {
        self == other || self == Gender::Either || other == Gender::Either
    }
}

/// A word that joins the words of a title (`secretary of state`, `minister for the arts`).
pub fn is_title_joiner(w: &str) -> bool {
    matches!(
        w,
        "of" | "the" | "for" | "and" | "to" | "on" | "at" | "in" | "&"
    )
}

impl Lexicon {
    pub(super) fn load_titles(&mut self) {
        for line in lines(TITLES) {
            self.titles.insert(line);
            // The words of a title, not the words that join them: `of` in `secretary of
            // state` makes no title of `of Education`.
            for w in line.split_whitespace().filter(|w| !is_title_joiner(w)) {
                self.title_words.insert(w.trim_end_matches('.').to_string());
            }
        }
    }

    /// Given names with their gender, and short forms with their formal name (a short form
    /// listed under two formal names is ambiguous and left out).
    pub(super) fn load_given_names(&mut self) {
        for line in lines(FIRST_NAMES) {
            let Some((name, g)) = line.split_once(' ') else {
                continue;
            };
            let g = match g.trim() {
                "m" => Gender::Male,
                "f" => Gender::Female,
                _ => Gender::Either,
            };
            self.first_names.insert(name, g);
        }
        let mut seen: HashMap<&'static str, usize> = HashMap::default();
        for line in lines(NICKNAMES) {
            let Some((formal, short)) = line.split_once(':') else {
                continue;
            };
            for s in short.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                *seen.entry(s).or_default() += 1;
                self.nicknames.insert(s, formal.trim());
            }
        }
        self.nicknames.retain(|s, _| seen[s] == 1);
        for line in lines(HEAD_NOUNS) {
            let Some((kind, nouns)) = line.split_once(':') else {
                continue;
            };
            let kind = match kind.trim() {
                "place" => EntityKind::Place,
                "org" => EntityKind::Org,
                _ => EntityKind::Equipment,
            };
            for n in nouns.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                self.head_nouns.insert(n, kind);
            }
        }
    }

    /// The kind of a phrase headed by this lowercase common noun after a name (`store`: a
    /// place, `administration`: an organisation, `smartphone`: a thing), if it is one.
    pub fn head_noun(&self, word: &str) -> Option<EntityKind> {
        self.head_nouns.get(word).copied()
    }

    /// The usual gender of a lowercase given name, if the list knows it as one.
    pub fn first_name(&self, word: &str) -> Option<Gender> {
        self.first_names.get(word).copied()
    }

    /// The formal given name of a lowercase short form (`bill` -> `william`), else the word.
    pub fn formal_name<'a>(&self, word: &'a str) -> &'a str
    where
        'static: 'a,
    {
        self.nicknames.get(word).copied().unwrap_or(word)
    }

    /// The gender an honorific or gendered title gives (`mrs.` -> female), lowercase.
    pub fn honorific_gender(&self, word: &str) -> Option<Gender> {
        match word.trim_end_matches('.') {
            "mr" | "sir" | "lord" | "king" | "prince" | "father" | "congressman" | "chairman"
            | "spokesman" | "businessman" | "actor" => Some(Gender::Male),
            "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" | "queen" | "princess"
            | "congresswoman" | "chairwoman" | "spokeswoman" | "businesswoman" | "actress"
            | "first lady" => Some(Gender::Female),
            _ => None,
        }
    }

    /// A word that closes a personal name without being part of it (`Jr.`, `III`).
    pub fn is_name_suffix(&self, word: &str) -> bool {
        matches!(
            word.trim_end_matches('.'),
            "jr" | "sr" | "ii" | "iii" | "iv" | "md" | "phd" | "esq"
        )
    }

    /// A word that can be part of a title or role (`secretary`, `general`, `former`, `sen.`).
    /// Hyphenated words count when each part does (`president-elect`).
    pub fn is_title_word(&self, word: &str) -> bool {
        let w = word.trim_end_matches('.');
        self.title_words.contains(w)
            || w.contains('-')
                && w.split('-')
                    .all(|p| !p.is_empty() && self.title_words.contains(p))
    }

    pub fn is_title(&self, phrase: &str) -> bool {
        self.titles.contains(phrase)
    }
}
