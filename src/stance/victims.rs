//! Victims: a target that an attack is aimed at (`attacks on X`, `the invasion of X`,
//! `strikes against the city of X`).
//!
//! Takes the tokens of a quote and a target's first token; gives whether the words just before
//! it name an attack aimed at it. A quote that reports an attack on X speaks ill of the attack,
//! not of X: sentiment toward X is negative, the speaker's stance is not against X. Never
//! judges for or against anyone by itself; [`super::decide`] uses it to keep the model's
//! `oppose` off the victim. Looks at a bounded number of tokens.

use crate::quotes::words::is_determiner;
use crate::segment::Token;

/// Nouns that name an attack or a hostile act aimed at what follows them.
fn is_attack_noun(w: &str) -> bool {
    matches!(
        w,
        "attack"
            | "attacks"
            | "airstrike"
            | "airstrikes"
            | "strike"
            | "strikes"
            | "bombing"
            | "bombings"
            | "bombardment"
            | "shelling"
            | "invasion"
            | "assault"
            | "assaults"
            | "raid"
            | "raids"
            | "offensive"
            | "aggression"
            | "occupation"
            | "siege"
            | "blockade"
            | "annexation"
            | "incursion"
            | "incursions"
            | "onslaught"
            | "massacre"
            | "persecution"
    )
}

/// Attack nouns whose `of` names the one attacked (`the siege of X`), not the attacker.
fn is_done_to(w: &str) -> bool {
    matches!(
        w,
        "invasion"
            | "occupation"
            | "siege"
            | "blockade"
            | "annexation"
            | "shelling"
            | "bombing"
            | "bombardment"
            | "persecution"
            | "massacre"
    )
}

/// Words that may stand between the preposition and the target: determiners and a few words
/// naming what the target is (`attacks on the capital city of X`).
fn may_lead_in(w: &str) -> bool {
    is_determiner(w)
        || matches!(
            w,
            "city" | "capital" | "town" | "region" | "people" | "civilians"
        )
}

/// Whether the target starting at token `start` is what an attack named just before it is
/// aimed at: attack noun, `on` / `against` / `upon` (or `of` after a noun of something done to its
/// object), at most three lead-in words.
pub fn is_victim(toks: &[Token], start: usize) -> bool {
    let mut i = start.min(toks.len());
    let mut lead = 0;
    while i > 0 && lead <= 3 {
        let t = &toks[i - 1];
        if !t.is_word() {
            return false;
        }
        let w = t.lower.as_str();
        if matches!(w, "on" | "against" | "upon") {
            return i >= 2 && is_attack_noun(&toks[i - 2].lower);
        }
        // "the invasion of X"; but "the aggression of X" is X's.
        if w == "of" {
            return i >= 2 && is_done_to(&toks[i - 2].lower);
        }
        if !may_lead_in(w) {
            return false;
        }
        lead += 1;
        i -= 1;
    }
    false
}
