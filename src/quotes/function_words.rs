//! Function words: words that are never part of a name, even capitalised at a sentence start.
//! One set, built once from the closed classes of [`super::words`].

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::words::{
    AUXILIARIES, CLAUSE_OPENERS, CONTRACTIONS, DETERMINERS, DISCOURSE_WORDS, PREPOSITIONS,
    SUBJECT_PRONOUNS, S_CONTRACTED,
};

/// Function words beyond the classes (`according`, question words).
const OTHER_FUNCTION_WORDS: &[&str] = &[
    "according",
    "earlier",
    "a",
    "an",
    "it’s",
    "it's",
    "what",
    "why",
    "how",
    "who",
];

/// A word that is never part of a name even when capitalised at a sentence start: a
/// determiner, discourse word, preposition, clause opener, subject pronoun (contracted or
/// not: `they’re`, `he's`), auxiliary, or one of [`OTHER_FUNCTION_WORDS`]. One probe of a set
/// built once from those lists.
pub fn is_function_word(w: &str) -> bool {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(function_words).contains(w)
}

/// The closed word classes the set is made of.
const CLASSES: [&[&str]; 7] = [
    DETERMINERS,
    DISCOURSE_WORDS,
    PREPOSITIONS,
    CLAUSE_OPENERS,
    SUBJECT_PRONOUNS,
    AUXILIARIES,
    OTHER_FUNCTION_WORDS,
];

fn function_words() -> FxHashSet<String> {
    let mut set: FxHashSet<String> = CLASSES
        .iter()
        .flat_map(|c| c.iter())
        .map(|w| w.to_string())
        .collect();
    for p in SUBJECT_PRONOUNS {
        set.extend(CONTRACTIONS.iter().map(|c| format!("{p}{c}")));
        if S_CONTRACTED.contains(p) {
            set.extend(["’s", "'s"].iter().map(|c| format!("{p}{c}")));
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::words::*;

    /// The predicates the set stands for, one after the other.
    fn by_classes(w: &str) -> bool {
        is_determiner(w)
            || is_discourse_word(w)
            || is_preposition(w)
            || opens_clause(w)
            || is_subject_pronoun(w)
            || is_auxiliary(w)
            || OTHER_FUNCTION_WORDS.contains(&w)
    }

    #[test]
    fn the_set_answers_as_the_classes() {
        let mut words: Vec<String> = CLASSES
            .iter()
            .flat_map(|c| c.iter())
            .map(|w| w.to_string())
            .collect();
        for base in SUBJECT_PRONOUNS
            .iter()
            .chain(S_CONTRACTED)
            .chain(["harbor", "", "x"].iter())
        {
            for c in CONTRACTIONS
                .iter()
                .chain(["’s", "'s", "’t", "s", "'"].iter())
            {
                words.push(format!("{base}{c}"));
                words.push(format!("{base}{c}{c}"));
            }
        }
        let others = [
            "",
            "harbor",
            "The",
            "Avalon",
            "they're'd",
            "we’",
            "'",
            "’",
            "according",
            "earliest",
            "whomever",
            "heed",
            "shell",
            "itll",
            "it’ss",
            "ü",
            "naïve’d",
        ];
        words.extend(others.iter().map(|w| w.to_string()));
        for w in &words {
            assert_eq!(is_function_word(w), by_classes(w), "{w:?}");
        }
        assert!(is_function_word("they’re") && is_function_word("he's"));
        assert!(!is_function_word("harbor") && !is_function_word("that's"));
    }

    #[test]
    fn contractions_are_stripped() {
        let table = [
            ("he’d", ("he", true)),
            ("they'll", ("they", true)),
            ("it's", ("it", true)),
            ("there’s", ("there", true)),
            ("harbor's", ("harbor's", false)),
            ("harbor", ("harbor", false)),
            ("’m", ("", true)),
            ("", ("", false)),
            ("naïve", ("naïve", false)),
        ];
        for (w, want) in table {
            assert_eq!(strip_contraction(w), want, "{w:?}");
        }
    }
}
