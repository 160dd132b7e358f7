//! Closed word classes the cue rules need: determiners, auxiliaries, clause openers, adverbs,
//! prepositions and time words. These are properties of English, not of any article.

use crate::segment::Token;

pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "no"
            | "any"
            | "some"
            | "every"
            | "each"
            | "another"
            | "such"
    )
}

pub fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "having"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "shall"
            | "do"
            | "does"
            | "did"
            | "'d"
            | "’d"
            | "'ve"
            | "’ve"
            | "am"
    )
}

pub fn is_be(w: &str) -> bool {
    matches!(
        w,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am"
    )
}

/// Words that open a clause: a subject never reaches back across them.
pub fn opens_clause(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "whom"
            | "whose"
            | "when"
            | "while"
            | "where"
            | "because"
            | "although"
            | "though"
            | "if"
            | "unless"
            | "since"
            | "as"
            | "after"
            | "before"
            | "until"
            | "so"
            | "but"
            | "yet"
            | "whether"
            | "than"
            | "nor"
            | "once"
            | "whereas"
            | "however"
            | "meanwhile"
            | "then"
            | "also"
            | "instead"
            | "indeed"
            | "still"
            | "even"
            | "why"
            | "how"
            | "what"
            | "whatever"
            | "whoever"
    )
}

pub fn is_subject_pronoun(w: &str) -> bool {
    matches!(
        strip_contraction(w).0,
        "he" | "she" | "they" | "we" | "i" | "it" | "you"
    )
}

/// A word without a contracted auxiliary (`he’d` -> (`he`, true), `it's` -> (`it`, true));
/// `’s` counts only after a pronoun, where it is `is` / `has` rather than a possessive.
pub fn strip_contraction(w: &str) -> (&str, bool) {
    for suffix in [
        "’d", "'d", "’ll", "'ll", "’re", "'re", "’ve", "'ve", "’m", "'m",
    ] {
        if let Some(base) = w.strip_suffix(suffix) {
            return (base, true);
        }
    }
    for suffix in ["’s", "'s"] {
        if let Some(base) = w.strip_suffix(suffix) {
            if matches!(
                base,
                "he" | "she" | "it" | "that" | "there" | "what" | "who"
            ) {
                return (base, true);
            }
        }
    }
    (w, false)
}

pub fn is_object_pronoun(w: &str) -> bool {
    matches!(w, "him" | "her" | "them" | "me" | "us" | "you" | "it")
}

pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "with"
            | "for"
            | "from"
            | "by"
            | "of"
            | "to"
            | "into"
            | "over"
            | "under"
            | "about"
            | "among"
            | "amid"
            | "despite"
            | "following"
            | "through"
            | "throughout"
            | "within"
            | "without"
            | "upon"
            | "across"
            | "against"
            | "toward"
            | "towards"
            | "via"
            | "per"
            | "near"
            | "behind"
            | "beyond"
            | "outside"
            | "inside"
            | "ahead"
            | "since"
            | "while"
    )
}

/// A month's full name, lowercase.
pub fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
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

/// Sentence adverbs and connectives that may stand before a subject without a comma.
pub fn is_discourse_word(w: &str) -> bool {
    matches!(
        w,
        "meanwhile"
            | "however"
            | "still"
            | "also"
            | "additionally"
            | "furthermore"
            | "moreover"
            | "instead"
            | "separately"
            | "earlier"
            | "later"
            | "yesterday"
            | "today"
            | "now"
            | "then"
            | "previously"
            | "recently"
            | "finally"
            | "indeed"
            | "nonetheless"
            | "nevertheless"
            | "similarly"
            | "likewise"
            | "notably"
            | "ultimately"
            | "overall"
            | "again"
            | "here"
            | "there"
            | "thus"
            | "hence"
            | "therefore"
            | "otherwise"
            | "and"
            | "or"
            | "but"
            | "so"
            | "yet"
            | "and,"
            | "plus"
            | "too"
            | "initially"
            | "privately"
            | "publicly"
            | "first"
            | "second"
            | "third"
            | "lastly"
            | "last"
            | "tonight"
    )
}

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

/// A word that is never part of a name even when capitalised at a sentence start.
pub fn is_function_word(w: &str) -> bool {
    is_determiner(w)
        || is_discourse_word(w)
        || is_preposition(w)
        || opens_clause(w)
        || is_subject_pronoun(w)
        || is_auxiliary(w)
        || matches!(
            w,
            "according" | "earlier" | "a" | "an" | "it’s" | "it's" | "what" | "why" | "how" | "who"
        )
}

pub fn is_reflexive(w: &str) -> bool {
    matches!(
        w,
        "himself" | "herself" | "themselves" | "itself" | "myself" | "ourselves" | "yourself"
    )
}

/// Common irregular past-tense verbs: in a subject phrase they mark where the subject ended
/// (`the senator sought to reassure ...`).
pub fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "sent"
            | "made"
            | "sought"
            | "took"
            | "gave"
            | "went"
            | "came"
            | "got"
            | "held"
            | "left"
            | "met"
            | "ran"
            | "saw"
            | "spent"
            | "stood"
            | "thought"
            | "won"
            | "wrote"
            | "brought"
            | "bought"
            | "became"
            | "began"
            | "felt"
            | "found"
            | "kept"
            | "knew"
            | "led"
            | "lost"
            | "paid"
            | "heard"
            | "spoke"
            | "sat"
            | "fought"
            | "drew"
            | "grew"
            | "threw"
            | "chose"
            | "rose"
            | "fell"
            | "built"
            | "caught"
            | "taught"
            | "meant"
            | "dealt"
            | "struck"
    )
}
