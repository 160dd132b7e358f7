//! Targets: what a quote can take a stance toward.
//!
//! Takes an article's [`Extraction`] and the tokens of one quote; gives the [`Target`]s the quote
//! names, in token order: the entity mentions inside it, nationality adjectives (`Russian` →
//! Russia), and object pronouns (`him`, `her`) standing for the nearest person named before them
//! other than the speaker. Never makes the speaker their own target; dates and sums of money are
//! no targets.

use rustc_hash::FxHashMap as HashMap;

use crate::extract::Extraction;
use crate::lexicon::{EntityKind, Lexicon};
use crate::segment::Token;
use crate::text::{fold_name, folds_to};

/// A target named at tokens `start..end` of a quote; `entity` numbers the distinct names of the
/// quote (0, 1, ... in order of first appearance).
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub entity: usize,
    pub name: (EntityKind, &'a str),
    pub start: usize,
    pub end: usize,
}

/// How far back (in mentions) an object pronoun looks for the person it stands for.
const PRONOUN_REACH: usize = 40;

/// The targets of a quote whose tokens are `toks`, said by `speaker` (an article-level name).
pub fn find<'a>(
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
    let is_speaker = |name: &str| folds_to(name, &speaker_key);
    let mut covered = vec![false; toks.len()];
    // Mentions are in text order: those inside the quote are one contiguous run.
    let first_inside = x.mentions.partition_point(|m| m.span.start < lo);
    for m in x.mentions[first_inside..]
        .iter()
        .take_while(|m| m.span.start < hi)
    {
        if matches!(m.kind, EntityKind::Date | EntityKind::Money)
            || m.span.end > hi
            || is_speaker(&m.canonical)
        {
            continue;
        }
        let (start, end) = (tok_of(m.span.start), tok_of(m.span.end - 1) + 1);
        let end = end.min(toks.len());
        covered[start.min(end)..end]
            .iter_mut()
            .for_each(|c| *c = true);
        out.push(Target {
            entity: 0,
            name: (m.kind, m.canonical.as_str()),
            start,
            end,
        });
    }
    for (i, t) in toks.iter().enumerate() {
        if covered[i] {
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
            let before = x.mentions.partition_point(|m| m.span.end <= t.span.start);
            let person = x.mentions[..before]
                .iter()
                .rev()
                .take(PRONOUN_REACH)
                .filter(|m| m.kind == EntityKind::Person)
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
    number(&mut out);
    out
}

/// Numbers the distinct names in order of first appearance.
fn number(targets: &mut [Target<'_>]) {
    let mut names: HashMap<(EntityKind, &str), usize> = HashMap::default();
    for t in targets {
        let next = names.len();
        t.entity = *names.entry(t.name).or_insert(next);
    }
}
