//! Closed word classes the cue rules need: determiners, auxiliaries, clause openers, adverbs,
//! prepositions and time words. These are properties of English, not of any article.

pub use super::function_words::is_function_word;
use crate::segment::Token;

/// A closed class: the list of its words (for [`super::is_function_word`]'s set) and a predicate
/// matching them, from one list.
macro_rules! word_class {
    ($(#[$m:meta])* $name:ident, $list:ident, [$($w:literal),* $(,)?]) => {
        pub(super) const $list: &[&str] = &[$($w),*];
        $(#[$m])*
        pub fn $name(w: &str) -> bool {
            matches!(w, $($w)|*)
        }
    };
}

word_class!(
    is_determiner,
    DETERMINERS,
    [
        "a", "an", "another", "any", "each", "every", "her", "his", "its", "my", "no", "our",
        "some", "such", "the", "their", "these", "this", "those", "your",
    ]
);

word_class!(
    is_auxiliary,
    AUXILIARIES,
    [
        "'d", "'ve", "am", "are", "be", "been", "being", "can", "could", "did", "do", "does",
        "had", "has", "have", "having", "is", "may", "might", "must", "shall", "should", "was",
        "were", "will", "would", "’d", "’ve",
    ]
);

#[rustfmt::skip]
pub fn is_be(w: &str) -> bool {
    matches!(
        w,
        "am" | "are" | "be" | "been" | "being" | "is" | "was" | "were"
    )
}

word_class!(
    /// Words that open a clause: a subject never reaches back across them.
    opens_clause,
    CLAUSE_OPENERS,
    [
        "after", "also", "although", "as", "because", "before", "but", "even", "how", "however",
        "if", "indeed", "instead", "meanwhile", "nor", "once", "since", "so", "still", "than",
        "that", "then", "though", "unless", "until", "what", "whatever", "when", "where", "whereas",
        "whether", "which", "while", "whoever", "whom", "whose", "why", "yet",
    ]
);

pub(super) const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

pub fn is_subject_pronoun(w: &str) -> bool {
    matches!(
        strip_contraction(w).0,
        "he" | "she" | "they" | "we" | "i" | "it" | "you"
    )
}

/// Contracted auxiliaries [`strip_contraction`] takes off any word.
pub(super) const CONTRACTIONS: [&str; 10] = [
    "’d", "'d", "’ll", "'ll", "’re", "'re", "’ve", "'ve", "’m", "'m",
];
/// Words whose `’s` is `is` or `has`, not a possessive.
pub(super) const S_CONTRACTED: &[&str] = &["he", "she", "it", "that", "there", "what", "who"];

/// A word without a contracted auxiliary (`he’d` -> (`he`, true), `it's` -> (`it`, true));
/// `’s` counts only after a pronoun, where it is `is` / `has` rather than a possessive.
pub fn strip_contraction(w: &str) -> (&str, bool) {
    // Every contraction has its apostrophe (`'`, or the last byte of `’`) among the last
    // three bytes: most words are rejected without trying each suffix.
    let b = w.as_bytes();
    if !b[b.len().saturating_sub(3)..]
        .iter()
        .any(|&c| c == b'\'' || c == 0x99)
    {
        return (w, false);
    }
    for suffix in CONTRACTIONS {
        if let Some(base) = w.strip_suffix(suffix) {
            return (base, true);
        }
    }
    for suffix in ["’s", "'s"] {
        if let Some(base) = w.strip_suffix(suffix) {
            if S_CONTRACTED.contains(&base) {
                return (base, true);
            }
        }
    }
    (w, false)
}

/// Nouns that take a plural verb without an `-s` (`police say`, `people say`).
pub fn is_collective_noun(w: &str) -> bool {
    matches!(
        w,
        "police"
            | "people"
            | "staff"
            | "personnel"
            | "crew"
            | "public"
            | "media"
            | "press"
            | "folks"
            | "clergy"
            | "military"
            | "youth"
    )
}

/// Adverb particles of phrasal verbs (`spoke up`, `reported back`).
pub fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "up" | "out" | "back" | "off" | "down" | "away" | "over" | "along" | "around"
    )
}

pub fn is_object_pronoun(w: &str) -> bool {
    matches!(w, "him" | "her" | "them" | "me" | "us" | "you" | "it")
}

word_class!(
    is_preposition,
    PREPOSITIONS,
    [
        "about",
        "across",
        "after",
        "against",
        "ahead",
        "amid",
        "among",
        "at",
        "before",
        "behind",
        "beyond",
        "by",
        "despite",
        "during",
        "following",
        "for",
        "from",
        "in",
        "inside",
        "into",
        "near",
        "of",
        "on",
        "outside",
        "over",
        "per",
        "since",
        "through",
        "throughout",
        "to",
        "toward",
        "towards",
        "under",
        "upon",
        "via",
        "while",
        "with",
        "within",
        "without",
    ]
);

/// A month's full name, lowercase.
#[rustfmt::skip]
pub fn is_month(w: &str) -> bool {
    matches!(
        w,
        "april" | "august" | "december" | "february" | "january" | "july" | "june" | "march"
        | "may" | "november" | "october" | "september"
    )
}

#[rustfmt::skip]
pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "friday" | "monday" | "saturday" | "sunday" | "thursday" | "tuesday" | "wednesday"
    )
}

pub fn is_time_word(w: &str) -> bool {
    is_month(w)
        || is_weekday(w)
        || matches!(
            w,
            "today"
                | "yesterday"
                | "tonight"
                | "week"
                | "weekend"
                | "month"
                | "year"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "day"
                | "earlier"
                | "later"
                | "recently"
                | "previously"
                | "last"
                | "next"
                | "this"
                | "on"
                | "jan"
                | "feb"
                | "aug"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
        )
}

/// Nouns of a stretch of time that follow `last`, `this` or `next` (`last quarter`).
pub fn is_period_noun(w: &str) -> bool {
    matches!(
        w,
        "quarter"
            | "season"
            | "spring"
            | "summer"
            | "fall"
            | "autumn"
            | "winter"
            | "decade"
            | "hour"
            | "term"
            | "session"
    )
}

word_class!(
    /// Sentence adverbs and connectives that may stand before a subject without a comma.
    is_discourse_word,
    DISCOURSE_WORDS,
    [
        "additionally", "again", "also", "and", "and,", "but", "earlier", "even", "finally",
        "first", "furthermore", "hence", "here", "however", "indeed", "initially", "instead",
        "last", "lastly", "later", "likewise", "maybe", "meanwhile", "moreover", "nevertheless",
        "nonetheless", "notably", "now", "or", "otherwise", "overall", "perhaps", "plus",
        "previously", "privately", "publicly", "recently", "second", "separately", "similarly",
        "so", "still", "then", "there", "therefore", "third", "thus", "today", "tonight", "too",
        "ultimately", "yesterday", "yet",
    ]
);

#[rustfmt::skip]
const NOT_ADVERBS: &[&str] = &[
    "supply", "apply", "reply", "family", "ally", "rally", "italy", "july", "holy", "belly",
    "bully", "fly", "comply", "multiply", "imply", "assembly", "anomaly", "monopoly", "jelly",
    "lily", "sly", "elderly", "friendly", "early", "only", "daily", "weekly", "monthly", "nearly",
    "likely",
];

/// Adverbs that may stand between a subject and its verb, or after a verb.
pub fn is_adverb(t: &Token) -> bool {
    let w = t.lower.as_str();
    if t.capitalized || !t.is_word() {
        return false;
    }
    (w.len() > 4 && w.ends_with("ly") && !NOT_ADVERBS.contains(&w))
        || matches!(
            w,
            "also"
                | "again"
                | "later"
                | "earlier"
                | "then"
                | "once"
                | "still"
                | "never"
                | "ever"
                | "already"
                | "just"
                | "too"
                | "now"
                | "often"
                | "first"
                | "further"
                | "long"
                | "not"
                | "soon"
                | "even"
                | "all"
                | "both"
                | "but"
                | "repeatedly"
                | "nearly"
                | "likely"
                | "only"
                | "much"
                | "yet"
                | "always"
                | "previously"
                | "recently"
                | "reportedly"
                | "n't"
        )
}

#[rustfmt::skip]
pub fn is_reflexive(w: &str) -> bool {
    matches!(
        w,
        "herself" | "himself" | "itself" | "myself" | "ourselves" | "themselves" | "yourself"
    )
}

/// Common irregular past-tense verbs: in a subject phrase they mark where the subject ended
/// (`the senator sought to reassure ...`).
#[rustfmt::skip]
pub fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "ate" | "became" | "began" | "bought" | "broke" | "brought" | "built" | "came" | "caught"
        | "chose" | "dealt" | "drew" | "drove" | "fell" | "felt" | "flew" | "forgot" | "fought"
        | "found" | "gave" | "got" | "grew" | "heard" | "held" | "hid" | "kept" | "knew" | "led"
        | "left" | "lost" | "made" | "meant" | "met" | "paid" | "ran" | "rode" | "rose" | "sat"
        | "saw" | "sent" | "shot" | "slept" | "sold" | "sought" | "spent" | "spoke" | "stole"
        | "stood" | "struck" | "swore" | "taught" | "thought" | "threw" | "took" | "understood"
        | "went" | "woke" | "won" | "wore" | "wrote"
    )
}

/// Quantity words that head a counted subject of a present-tense verb ("most say", "40 percent
/// say").
#[rustfmt::skip]
pub fn is_quantity_word(w: &str) -> bool {
    matches!(
        w,
        "all" | "both" | "few" | "half" | "majority" | "many" | "minority" | "most" | "others"
        | "percent" | "some"
    )
}

/// Verbs that usually mean "is evidence of" (`indicating`, `signaling`, `highlighting`).
#[rustfmt::skip]
pub fn is_evidential(lemma: &str) -> bool {
    matches!(
        lemma,
        "demonstrate" | "highlight" | "illustrate" | "imply" | "indicate" | "mean" | "reflect"
        | "reveal" | "show" | "signal" | "signify" | "underline" | "underscore"
    )
}

/// Conjunctions that, capitalised, open a sentence before its subject ("But", "While").
#[rustfmt::skip]
pub fn is_sentence_conjunction(w: &str) -> bool {
    matches!(
        w,
        "after" | "although" | "and" | "as" | "because" | "before" | "but" | "if" | "or" | "since"
        | "so" | "though" | "when" | "while"
    )
}

/// The cardinal words from two to ten, shared by the count-word tests here and in `resolve`.
pub const SMALL_CARDINALS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// A number or quantity word that opens a noun phrase (`One aide`, `Several pilots`).
pub fn is_count_word(w: &str) -> bool {
    SMALL_CARDINALS.contains(&w)
        || matches!(
            w,
            "one" | "several" | "many" | "most" | "both" | "few" | "all"
        )
}
