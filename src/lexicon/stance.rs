//! Evaluative words for stance (`data/stance_words.txt`): positive and negative words, benefit
//! and harm, reducers and restorers, negators and contrast words.
//!
//! Takes the built-in list; gives the classes of a lowercase word; never scores a text.

use super::{lines, Lexicon};

const STANCE_WORDS: &str = include_str!("../../data/stance_words.txt");

/// What an evaluative word does in a stance judgement (see `data/stance_words.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StanceClass {
    Positive,
    Negative,
    Benefit,
    Harm,
    Reducer,
    /// Undoes the reducer after it: `resume the suspended deliveries`.
    Restorer,
    Negator,
    Contrast,
}

impl Lexicon {
    pub(super) fn load_stance_words(&mut self) {
        for line in lines(STANCE_WORDS) {
            let Some((section, words)) = line.split_once(':') else {
                continue;
            };
            let class = match section.trim() {
                "positive" => StanceClass::Positive,
                "negative" => StanceClass::Negative,
                "benefit" => StanceClass::Benefit,
                "harm" => StanceClass::Harm,
                "reducer" => StanceClass::Reducer,
                "restorer" => StanceClass::Restorer,
                "negator" => StanceClass::Negator,
                _ => StanceClass::Contrast,
            };
            for w in words.split(',').map(str::trim).filter(|w| !w.is_empty()) {
                let classes = self.stance_words.entry(w).or_default();
                if !classes.contains(&class) {
                    classes.push(class);
                }
            }
        }
    }

    /// What a lowercase word does for stance, if anything.
    pub fn stance_classes(&self, word: &str) -> &[StanceClass] {
        self.stance_words.get(word).map_or(&[], Vec::as_slice)
    }
}
