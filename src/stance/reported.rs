//! Reported judgements: what the words of a quote say of a person or a group by accusing,
//! praising, naming or describing them (`data/stance_verbs.txt`).
//!
//! Takes the tokens of a quote and its targets; gives, per target occurrence, -1 (judged
//! badly), +1 (judged well) or 0 (no such pattern). Never looks outside the quote. The patterns:
//!
//! - object of a judging verb: `accused X of ...`, `blamed X`, `criticized the X` → against;
//!   `praised X`, `thanked X`, `congratulated X` → for (a negation before the verb cancels);
//! - after a judging noun: `accusations against X` → against, `praise for X`, `tribute to X` → for;
//! - named or described: `called X a fraud`, `described X as brilliant` → the sign of the first
//!   evaluative word after X;
//! - subject of a copula: `X is a liar`, `X was not honest`, `X has been praised` → the sign of
//!   the first evaluative word (or judging verb) after the copula, flipped by a negation.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::lexicon::{Lexicon, StanceClass};
use crate::quotes::words::{is_determiner, is_preposition, opens_clause};
use crate::segment::Token;

use super::rules::has;
use super::targets::Target;
use super::valence;

const STANCE_VERBS: &str = include_str!("../../data/stance_verbs.txt");

#[derive(Default)]
struct Words {
    against: FxHashSet<&'static str>,
    for_: FxHashSet<&'static str>,
    against_noun: FxHashSet<&'static str>,
    for_noun: FxHashSet<&'static str>,
    naming: FxHashSet<&'static str>,
    copula: FxHashSet<&'static str>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut w = Words::default();
        for line in STANCE_VERBS.lines().filter(|l| !l.starts_with('#')) {
            let Some((section, list)) = line.split_once(':') else {
                continue;
            };
            let set = match section.trim() {
                "against" => &mut w.against,
                "for" => &mut w.for_,
                "against-noun" => &mut w.against_noun,
                "for-noun" => &mut w.for_noun,
                "naming" => &mut w.naming,
                "copula" => &mut w.copula,
                _ => continue,
            };
            set.extend(list.split(',').map(str::trim).filter(|x| !x.is_empty()));
        }
        w
    })
}

/// How many words a pattern looks across (determiners, titles, describing words).
const REACH: usize = 5;

/// The judgement each target occurrence receives: -1, +1 or 0.
pub fn score(toks: &[Token], targets: &[Target<'_>], lex: &Lexicon) -> Vec<f32> {
    targets
        .iter()
        .map(|t| judge(toks, t.start, t.end.min(toks.len()), lex))
        .collect()
}

/// The judgement of the target at tokens `start..end`.
pub fn judge(toks: &[Token], start: usize, end: usize, lex: &Lexicon) -> f32 {
    let w = words();
    let head = lead_in(toks, start, lex);
    if head > 0 {
        let v = &toks[head - 1].lower;
        let negated = negated_before(toks, head - 1, lex);
        if w.against.contains(v.as_str()) && !negated {
            return -1.0;
        }
        if w.for_.contains(v.as_str()) && !negated {
            return 1.0;
        }
        if w.naming.contains(v.as_str()) && !negated {
            if let Some(s) = described(toks, end, lex) {
                return s;
            }
        }
        // "accusations against X", "praise for X"
        if head >= 2 {
            let (noun, prep) = (toks[head - 2].lower.as_str(), v.as_str());
            let flip = if negated_before(toks, head - 2, lex) {
                -1.0
            } else {
                1.0
            };
            if prep == "against" && w.against_noun.contains(noun) {
                return -flip;
            }
            if matches!(prep, "for" | "to") && w.for_noun.contains(noun) {
                return flip;
            }
        }
    }
    if is_subject(toks, head, lex) {
        if let Some(s) = predicate(toks, end, lex) {
            // "I would never say X is dishonest": a negated verb of saying or thinking.
            let denied = head.checked_sub(1).is_some_and(|v| {
                let w = toks[v].lower.as_str();
                (lex.verb(w).is_some() || w == "think") && negated_before(toks, v, lex)
            });
            return if denied { -s } else { s };
        }
    }
    0.0
}

/// The first token of the words that lead into the target at `start`: determiners and title
/// words (`praised the former governor X`) are skipped, up to [`REACH`].
fn lead_in(toks: &[Token], start: usize, lex: &Lexicon) -> usize {
    let mut i = start;
    while i > 0 && start - i < REACH {
        let w = &toks[i - 1];
        if !w.is_word() || !(is_determiner(&w.lower) || lex.is_title_word(&w.lower)) {
            break;
        }
        i -= 1;
    }
    i
}

/// A negation among the three words before token `i` (`did not praise`, `never thanked`).
fn negated_before(toks: &[Token], i: usize, lex: &Lexicon) -> bool {
    toks[i.saturating_sub(3)..i]
        .iter()
        .any(|t| has(lex, t, StanceClass::Negator) || t.lower.ends_with("n't"))
}

/// Whether the target led in at `head` is the subject of what follows: nothing before it in
/// its clause but a connective or a verb of saying or thinking.
fn is_subject(toks: &[Token], head: usize, lex: &Lexicon) -> bool {
    let Some(prev) = head.checked_sub(1).map(|i| &toks[i]) else {
        return true;
    };
    if !prev.is_word() {
        return true;
    }
    let w = prev.lower.as_str();
    !is_preposition(w)
        && (opens_clause(w)
            || lex.verb(w).is_some()
            || matches!(
                w,
                "and" | "but" | "so" | "because" | "while" | "if" | "when" | "since" | "think"
            ))
}

/// The sign of the first evaluative word of a description after `end` (`a fraud`, `as
/// brilliant`), within [`REACH`] words of the same phrase.
fn described(toks: &[Token], end: usize, lex: &Lexicon) -> Option<f32> {
    let mut flip = 1.0;
    for t in toks[end..].iter().take(REACH + 1) {
        if !t.is_word() {
            return None;
        }
        if has(lex, t, StanceClass::Negator) {
            flip = -flip;
            continue;
        }
        if let Some(s) = evaluation(t, lex) {
            return Some(s * flip);
        }
    }
    None
}

/// After a subject ending at `end`: a copula, then the first evaluative word (`is a liar`, `was
/// not honest`) or a judging verb in the passive (`has been praised`).
fn predicate(toks: &[Token], end: usize, lex: &Lexicon) -> Option<f32> {
    let w = words();
    let mut i = end;
    // "has been", "have been", "had been"
    if toks
        .get(i)
        .is_some_and(|t| matches!(t.lower.as_str(), "has" | "have" | "had"))
    {
        i += 1;
    }
    if !toks
        .get(i)
        .is_some_and(|t| w.copula.contains(t.lower.as_str()))
    {
        return None;
    }
    let mut flip = 1.0;
    for t in toks[i + 1..].iter().take(REACH) {
        if !t.is_word() {
            return None;
        }
        let v = t.lower.as_str();
        if has(lex, t, StanceClass::Negator) || v.ends_with("n't") {
            flip = -flip;
            continue;
        }
        if matches!(v, "been" | "being") {
            continue;
        }
        if w.against.contains(v) {
            return Some(-flip);
        }
        if w.for_.contains(v) {
            return Some(flip);
        }
        // "was arrested", "is going": other verbs are events, not judgements.
        if v.ends_with("ed") || v.ends_with("ing") {
            return None;
        }
        if let Some(s) = evaluation(t, lex) {
            return Some(s * flip);
        }
    }
    None
}

/// +1 or -1 for a clearly evaluative word, from the stance words and the sentiment lexicon.
fn evaluation(t: &Token, lex: &Lexicon) -> Option<f32> {
    if has(lex, t, StanceClass::Negative) {
        return Some(-1.0);
    }
    if has(lex, t, StanceClass::Positive) {
        return Some(1.0);
    }
    valence::of(&t.lower)
        .filter(|v| v.abs() >= 0.3)
        .map(f32::signum)
}
