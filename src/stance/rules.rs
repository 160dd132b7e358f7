//! Lexicon rules: help and harm given to a target, and the evaluation of the clause it is the
//! subject of (`data/stance_words.txt`).
//!
//! Takes the tokens of a quote and its targets (token ranges, sorted by start); gives a score
//! per target occurrence (positive: for, negative: against, 0: no rule touched it). Never
//! looks outside the quote. Cost is linear in the tokens plus the targets.
//!
//! - **Words**: positive / negative evaluation, *benefit* (help given to a recipient: `support`,
//!   `supplied`, `thank`), *harm* (action against: `condemn`, `against`), *reducers* that turn
//!   what follows around (`fewer`, `halt`), restorers that undo a reducer (`resume the suspended
//!   deliveries`), negators and contrast words.
//! - **Scope**: a negator flips every evaluative word after it in its clause (`not only` is not
//!   a negation); a reducer (unless a restorer cancels it) flips the words after it up to the
//!   next comma (`the fewer loans that reach Avalon` is help withheld from Avalon); a clause
//!   after `but` counts 1.5×.
//! - **The target's grammatical role**: recipient of a benefit or object of a harm word just
//!   before it (`support for Kyiv`, `condemn Moscow`); owner of an agentive evaluative noun just
//!   after it (`Russian aggression`); or subject of its clause, taking the evaluation of the
//!   rest of the clause (`Avalon has no wish to lift the blockade`) — evaluative words
//!   only: `X condemned Y` does not judge X, and `X said ...` reports rather than judges.

use crate::lexicon::{Lexicon, StanceClass};
use crate::quotes::words::{is_determiner, is_discourse_word};
use crate::segment::{Token, TokenKind};

use super::targets::Target;

/// Nouns that name an event rather than an act of its owner: `the Ukraine war` says nothing
/// against Ukraine.
fn is_event_noun(w: &str) -> bool {
    matches!(
        w,
        "war"
            | "wars"
            | "conflict"
            | "crisis"
            | "losses"
            | "casualties"
            | "victims"
            | "suffering"
            | "disaster"
            | "catastrophe"
            | "chaos"
            | "burden"
            | "delay"
            | "delays"
    )
}

pub(super) fn has(lex: &Lexicon, t: &Token, class: StanceClass) -> bool {
    t.kind == TokenKind::Word && lex.stance_classes(&t.lower).contains(&class)
}

/// Valence of an evaluative word: +1, -1 or 0.
fn valence(lex: &Lexicon, t: &Token) -> f32 {
    let c = lex.stance_classes(&t.lower);
    if c.contains(&StanceClass::Negative) || c.contains(&StanceClass::Harm) {
        -1.0
    } else if c.contains(&StanceClass::Positive) || c.contains(&StanceClass::Benefit) {
        1.0
    } else {
        0.0
    }
}

/// Valence of a word that judges what it is said of (`good`, `dangerous`), not of an act aimed
/// at someone else (`condemn`, `support`): +1, -1 or 0.
fn evaluation(lex: &Lexicon, t: &Token) -> f32 {
    let c = lex.stance_classes(&t.lower);
    if c.contains(&StanceClass::Negative) {
        -1.0
    } else if c.contains(&StanceClass::Positive) {
        1.0
    } else {
        0.0
    }
}

/// The rules' score of each target occurrence (`targets` sorted by start).
pub fn score(toks: &[Token], targets: &[Target<'_>], lex: &Lexicon) -> Vec<f32> {
    let mut scores = vec![0.0f32; targets.len()];
    // Which target occurrence covers each token.
    let mut owner: Vec<Option<usize>> = vec![None; toks.len()];
    for (k, t) in targets.iter().enumerate() {
        for o in &mut owner[t.start.min(toks.len())..t.end.min(toks.len())] {
            o.get_or_insert(k);
        }
    }
    // Clauses: split at sentence ends, semicolons, colons, dashes and contrast words.
    let mut next_target = 0;
    let mut start = 0;
    let mut weight = 1.0;
    let mut clause = |a: usize, b: usize, w: f32, next_target: &mut usize| {
        while *next_target < targets.len() && targets[*next_target].start < a {
            *next_target += 1;
        }
        let first = *next_target;
        let mut last = first;
        while last < targets.len() && targets[last].start < b {
            last += 1;
        }
        let here: Vec<usize> = (first..last).filter(|&k| targets[k].end <= b).collect();
        if !here.is_empty() {
            let c = Clause { a, b, weight: w };
            c.score(toks, targets, &here, &owner, lex, &mut scores);
        }
    };
    for (i, t) in toks.iter().enumerate() {
        let contrast = has(lex, t, StanceClass::Contrast);
        let boundary = t.is_terminal() || matches!(t.kind, TokenKind::Punct(';' | ':' | '—'));
        if contrast || boundary {
            if i > start {
                clause(start, i, weight, &mut next_target);
            }
            start = i + 1;
            weight = if contrast { 1.5 } else { 1.0 };
        }
    }
    if start < toks.len() {
        clause(start, toks.len(), weight, &mut next_target);
    }
    scores
}

/// Tokens `a..b` of a quote, between clause boundaries.
struct Clause {
    a: usize,
    b: usize,
    weight: f32,
}

impl Clause {
    /// The sign each token's evaluation takes: negation to the clause end, reducers to the
    /// next comma.
    fn flips(&self, toks: &[Token], lex: &Lexicon) -> Vec<f32> {
        let mut flip = vec![1.0f32; self.b - self.a];
        let (mut negated, mut reduced) = (false, false);
        // "resume the suspended deliveries": a restorer undoes the next reducer.
        let mut restoring = false;
        for i in self.a..self.b {
            let t = &toks[i];
            if t.is_punct(',') {
                reduced = false;
                restoring = false;
            }
            flip[i - self.a] = if negated != reduced { -1.0 } else { 1.0 };
            let not_only = toks.get(i + 1).is_some_and(|n| n.lower == "only");
            if has(lex, t, StanceClass::Negator) && !not_only {
                negated = !negated;
            }
            if has(lex, t, StanceClass::Restorer) {
                restoring = true;
            } else if has(lex, t, StanceClass::Reducer) {
                if restoring {
                    restoring = false;
                } else {
                    reduced = true;
                }
            }
        }
        flip
    }

    fn score(
        &self,
        toks: &[Token],
        targets: &[Target<'_>],
        here: &[usize],
        owner: &[Option<usize>],
        lex: &Lexicon,
        scores: &mut [f32],
    ) {
        let (a, b) = (self.a, self.b);
        let flip = self.flips(toks, lex);
        let in_target = |i: usize| owner[i].is_some();
        let mut used = vec![false; b - a];
        for &k in here {
            let t = &targets[k];
            let mut s = 0.0;
            // Recipient of a benefit / object of a harm just before it.
            let mut i = t.start;
            let mut gap = 0;
            while i > a && gap <= 4 {
                i -= 1;
                let w = &toks[i];
                if !w.is_word() || in_target(i) {
                    break;
                }
                if has(lex, w, StanceClass::Benefit) {
                    s += flip[i - a];
                    used[i - a] = true;
                } else if has(lex, w, StanceClass::Harm) {
                    s -= flip[i - a];
                    used[i - a] = true;
                }
                gap += 1;
            }
            // Owner of an agentive evaluative noun just after it.
            let mut i = t.end;
            while i < b && i < t.end + 2 {
                let w = &toks[i];
                if !w.is_word() || in_target(i) {
                    break;
                }
                let v = valence(lex, w);
                if v != 0.0 && !is_event_noun(&w.lower) && !has(lex, w, StanceClass::Benefit) {
                    s += v * flip[i - a];
                    used[i - a] = true;
                    break;
                }
                i += 1;
            }
            scores[k] += s * self.weight;
        }
        // The clause's subject takes the evaluation of the rest of its clause. Only
        // determiners, connectives and discourse words ("Of course, the U.S. ...") may stand
        // before the subject.
        let subject = here[0];
        let before_subject = (a..targets[subject].start).any(|i| {
            let w = &toks[i].lower;
            toks[i].is_word()
                && !is_determiner(w)
                && !is_discourse_word(w)
                && !matches!(w.as_str(), "and" | "that" | "of" | "course")
        });
        // "X said ...": the clause reports what the subject said, it does not judge them.
        let speaks = toks
            .get(targets[subject].end)
            .is_some_and(|t| lex.verb(&t.lower).is_some());
        if !before_subject && !speaks {
            let mut s = 0.0;
            for i in targets[subject].end..b {
                if !used[i - a] && !in_target(i) {
                    s += evaluation(lex, &toks[i]) * flip[i - a];
                }
            }
            if s != 0.0 {
                scores[subject] += s.signum() * self.weight;
            }
        }
    }
}
