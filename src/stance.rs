//! Stance: each speaker's position toward the entities their quotes talk about.
//!
//! Per article ([`in_article`]): the stance each attributed quote takes toward each target, named
//! at article level. Over a corpus ([`aggregate`]): one [`Stance`] per (speaker entity, target
//! entity) with the quotes as evidence. Lexicon and rules, no model:
//!
//! - **Words** (`data/stance_words.txt`): positive / negative evaluation, *benefit* (help given
//!   to a recipient: `support`, `supplied`, `thank`), *harm* (action against: `condemn`,
//!   `against`, `aggression`), *reducers* that turn what follows around (`fewer`, `halt`,
//!   `stopping`), restorers that undo a reducer (`resume the suspended deliveries`), negators,
//!   and contrast words.
//! - **Scope**: a negator flips every evaluative word after it in its clause (`not only` is not a
//!   negation); a reducer (unless a restorer cancels it) flips the words after it up to the next comma (`the fewer weapons that
//!   are supplied to Ukraine` is help withheld from Ukraine); a clause after `but` counts 1.5×.
//! - **The target's grammatical role** decides which words count for it:
//!   recipient of a benefit or object of a harm word just before it (`support for Kyiv`,
//!   `thank him`, `condemn Moscow`); owner of an agentive evaluative noun just after it
//!   (`Russian aggression`, `Russia’s unwillingness`); or subject of its clause, taking the
//!   evaluation of the rest of the clause (`Russia is not interested in stopping the war`:
//!   stopping a war is good, not wanting it is bad, so the speaker opposes Russia).
//! - Targets are the entity mentions inside the quote, nationality adjectives (`Russian` →
//!   Russia), and object pronouns (`him`) resolved to the nearest person named before them other
//!   than the speaker. A speaker is never their own target.
//!
//! A target none of the rules touches is `neutral`: the speaker talked about it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::extract::Extraction;
use crate::lexicon::{EntityKind, Lexicon, StanceClass};
use crate::quotes::words::{is_determiner, is_discourse_word};
use crate::segment::{self, Token, TokenKind};
use crate::text::fold_name;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Support,
    Oppose,
    Neutral,
}

impl Polarity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Polarity::Support => "support",
            Polarity::Oppose => "oppose",
            Polarity::Neutral => "neutral",
        }
    }

    /// The polarity of a score in [-1, 1].
    pub fn of(score: f32) -> Polarity {
        if score > 0.05 {
            Polarity::Support
        } else if score < -0.05 {
            Polarity::Oppose
        } else {
            Polarity::Neutral
        }
    }
}

/// The stance quote `quote` of an article takes toward the entity named `name` (named at
/// article level, before canon).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StanceFact {
    pub quote: usize,
    pub kind: EntityKind,
    pub name: String,
    /// In [-1, 1].
    pub score: f32,
}

/// The stance of every attributed quote of one article toward each of its targets, named at
/// article level.
pub fn in_article(x: &Extraction) -> Vec<StanceFact> {
    let lex = Lexicon::builtin();
    let mut out = Vec::new();
    for (qi, q) in x.quotes.iter().enumerate() {
        let Some(speaker) = q.speaker.as_ref().and_then(|s| s.canonical.as_deref()) else {
            continue;
        };
        let seg = segment::segment(&x.text, q.content, lex);
        let targets = targets(x, &seg.tokens, speaker, lex);
        let mut scores: BTreeMap<usize, f32> = BTreeMap::new();
        for t in &targets {
            scores.entry(t.entity).or_insert(0.0);
        }
        score_clauses(&seg.tokens, &targets, lex, &mut scores);
        let mut names: Vec<(EntityKind, &str)> = Vec::new();
        for t in &targets {
            if !names.contains(&t.name) {
                names.push(t.name);
            }
        }
        for (i, (kind, name)) in names.iter().enumerate() {
            out.push(StanceFact {
                quote: qi,
                kind: *kind,
                name: name.to_string(),
                score: ((scores.get(&i).copied().unwrap_or(0.0) / 2.0).clamp(-1.0, 1.0) * 1000.0)
                    .round()
                    / 1000.0,
            });
        }
    }
    out
}

/// A target named at tokens `start..end` of a quote; `entity` numbers the distinct names.
#[derive(Debug, Clone, Copy)]
struct Target<'a> {
    entity: usize,
    name: (EntityKind, &'a str),
    start: usize,
    end: usize,
}

fn targets<'a>(
    x: &'a Extraction,
    toks: &[Token],
    speaker: &str,
    lex: &'a Lexicon,
) -> Vec<Target<'a>> {
    let mut out: Vec<Target> = Vec::new();
    let tok_of = |byte: usize| toks.partition_point(|t| t.span.end <= byte);
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return out;
    };
    let (lo, hi) = (first.span.start, last.span.end);
    let speaker_key = fold_name(speaker);
    let is_speaker = |name: &str| fold_name(name) == speaker_key;
    // Mentions are in text order: those inside the quote are one contiguous run.
    let first_inside = x.mentions.partition_point(|m| m.span.start < lo);
    for m in x.mentions[first_inside..]
        .iter()
        .take_while(|m| m.span.start < hi)
    {
        if matches!(m.kind, EntityKind::Date | EntityKind::Money) || is_speaker(&m.canonical) {
            continue;
        }
        if m.span.end <= hi {
            out.push(Target {
                entity: 0,
                name: (m.kind, m.canonical.as_str()),
                start: tok_of(m.span.start),
                end: tok_of(m.span.end - 1) + 1,
            });
        }
    }
    for (i, t) in toks.iter().enumerate() {
        if out.iter().any(|o| o.start <= i && i < o.end) {
            continue;
        }
        // "Russian attacks": the adjective stands for its country.
        if let Some(country) = lex.demonym(&t.lower) {
            if !is_speaker(country) {
                out.push(Target {
                    entity: 0,
                    name: (EntityKind::Place, country),
                    start: i,
                    end: i + 1,
                });
            }
            continue;
        }
        // "I thank him": the nearest person named before the pronoun, not the speaker.
        if matches!(t.lower.as_str(), "him" | "her") {
            let person = x
                .mentions
                .iter()
                .rev()
                .filter(|m| m.kind == EntityKind::Person && m.span.end <= t.span.start)
                .find(|m| !is_speaker(&m.canonical));
            if let Some(m) = person {
                out.push(Target {
                    entity: 0,
                    name: (EntityKind::Person, m.canonical.as_str()),
                    start: i,
                    end: i + 1,
                });
            }
        }
    }
    out.sort_by_key(|t| t.start);
    let mut names: Vec<(EntityKind, &str)> = Vec::new();
    for t in &mut out {
        t.entity = names.iter().position(|n| *n == t.name).unwrap_or_else(|| {
            names.push(t.name);
            names.len() - 1
        });
    }
    out
}

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

fn has(lex: &Lexicon, t: &Token, class: StanceClass) -> bool {
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

fn score_clauses(
    toks: &[Token],
    targets: &[Target<'_>],
    lex: &Lexicon,
    scores: &mut BTreeMap<usize, f32>,
) {
    // Clauses: split at sentence ends, semicolons, colons, dashes and contrast words.
    let mut clauses: Vec<(usize, usize, f32)> = Vec::new();
    let mut start = 0;
    let mut weight = 1.0;
    for (i, t) in toks.iter().enumerate() {
        let contrast = has(lex, t, StanceClass::Contrast);
        let boundary = t.is_terminal() || matches!(t.kind, TokenKind::Punct(';' | ':' | '—'));
        if contrast || boundary {
            if i > start {
                clauses.push((start, i, weight));
            }
            start = i + 1;
            weight = if contrast { 1.5 } else { 1.0 };
        }
    }
    if start < toks.len() {
        clauses.push((start, toks.len(), weight));
    }
    for (a, b, w) in clauses {
        score_clause(toks, a, b, w, targets, lex, scores);
    }
}

fn score_clause(
    toks: &[Token],
    a: usize,
    b: usize,
    weight: f32,
    targets: &[Target<'_>],
    lex: &Lexicon,
    scores: &mut BTreeMap<usize, f32>,
) {
    // The sign each token's evaluation takes: negation to the clause end, reducers to the next
    // comma.
    let mut flip = vec![1.0f32; b - a];
    let mut negated = false;
    let mut reduced = false;
    // "resume the suspended deliveries": a restorer undoes the next reducer.
    let mut restoring = false;
    for i in a..b {
        let t = &toks[i];
        if t.is_punct(',') {
            reduced = false;
            restoring = false;
        }
        flip[i - a] = if negated != reduced { -1.0 } else { 1.0 };
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
    let here: Vec<&Target<'_>> = targets
        .iter()
        .filter(|t| t.start >= a && t.end <= b)
        .collect();
    let in_target = |i: usize| here.iter().any(|t| t.start <= i && i < t.end);
    let mut used = vec![false; b - a];
    for t in &here {
        let mut s = 0.0;
        // Recipient of a benefit / object of a harm just before it.
        let mut k = t.start;
        let mut gap = 0;
        while k > a && gap <= 4 {
            k -= 1;
            let w = &toks[k];
            if !w.is_word() || in_target(k) {
                break;
            }
            if has(lex, w, StanceClass::Benefit) {
                s += flip[k - a];
                used[k - a] = true;
            } else if has(lex, w, StanceClass::Harm) {
                s -= flip[k - a];
                used[k - a] = true;
            }
            gap += 1;
        }
        // Owner of an agentive evaluative noun just after it.
        let mut k = t.end;
        let mut gap = 0;
        while k < b && gap < 2 {
            let w = &toks[k];
            if !w.is_word() || in_target(k) {
                break;
            }
            let v = valence(lex, w);
            if v != 0.0 && !is_event_noun(&w.lower) && !has(lex, w, StanceClass::Benefit) {
                s += v * flip[k - a];
                used[k - a] = true;
                break;
            }
            gap += 1;
            k += 1;
        }
        if s != 0.0 {
            *scores.entry(t.entity).or_default() += s * weight;
        }
    }
    // The clause's subject takes the evaluation of the rest of its clause.
    if let Some(subject) = here.first() {
        // Only determiners, connectives and discourse words ("Of course, the U.S. ...") may
        // stand before the subject.
        let before_subject = (a..subject.start).any(|i| {
            let w = &toks[i].lower;
            toks[i].is_word()
                && !is_determiner(w)
                && !is_discourse_word(w)
                && !matches!(w.as_str(), "and" | "that" | "of" | "course")
        });
        if !before_subject {
            let mut s = 0.0;
            for i in subject.end..b {
                if used[i - a] || in_target(i) {
                    continue;
                }
                s += valence(lex, &toks[i]) * flip[i - a];
            }
            if s != 0.0 {
                *scores.entry(subject.entity).or_default() += s.signum() * weight;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Article;
    use crate::pipeline::analyze;

    /// The polarity the article's (only) speaker takes toward `target`.
    fn stance(text: &str, target: &str) -> Option<Polarity> {
        let a = analyze(&[Article::new("t", text.to_string(), None)]);
        let t = a.canon.entities.iter().position(|e| e.name == target)?;
        a.stances.iter().find(|s| s.target == t).map(|s| s.polarity)
    }

    #[test]
    fn rules_give_polarity_by_the_targets_role() {
        let cases = [
            // Help given to a recipient, and help withheld.
            ("“We will keep supporting Georgia,” Chancellor Anna Berg said.", "Georgia", Polarity::Support),
            ("“The less aid is sent to Georgia, the sooner this ends,” Chancellor Anna Berg said.", "Georgia", Polarity::Oppose),
            // A restorer undoes the reducer after it.
            ("“They must resume the suspended aid to Georgia,” Chancellor Anna Berg said.", "Georgia", Polarity::Support),
            ("“They suspended the aid to Georgia,” Chancellor Anna Berg said.", "Georgia", Polarity::Oppose),
            // Negation flips, "not only" does not.
            ("“We will not support Georgia,” Chancellor Anna Berg said.", "Georgia", Polarity::Oppose),
            ("“We are not only helping Georgia, we are investing,” Chancellor Anna Berg said.", "Georgia", Polarity::Support),
            // Owner of an agentive noun; an event noun says nothing.
            ("Iran fired missiles. “Iranian aggression must end,” Chancellor Anna Berg said.", "Iran", Polarity::Oppose),
            ("“The Georgia talks resume on Monday,” Chancellor Anna Berg said.", "Georgia", Polarity::Neutral),
            // Subject of an evaluated clause, with the reducer inside the negation.
            ("“Iran is not interested in ending the war,” Chancellor Anna Berg said.", "Iran", Polarity::Oppose),
            // Thanks go to the person the pronoun stands for.
            ("Prime Minister Tom Vale met Chancellor Anna Berg. “I thank him for his help,” Berg said.", "Tom Vale", Polarity::Support),
            // Condemning verbs.
            ("“We condemn Iran for the strike,” Chancellor Anna Berg said.", "Iran", Polarity::Oppose),
        ];
        for (text, target, want) in cases {
            assert_eq!(stance(text, target), Some(want), "{target} in {text:?}");
        }
    }
}
