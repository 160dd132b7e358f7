//! The choice of one link: which candidate entity an unlinked sighting denotes.
//!
//! A pure function ([`decide`]) of one sighting ([`Unlinked`]) and the candidates an index gives
//! ([`Candidate`]): no corpus, no order, no IO. The store calls it for the sightings a batch
//! touches; [`super::links`] calls it for a whole corpus.

use super::keys::Key;
use crate::lexicon::{EntityKind, Gender};
use std::collections::BTreeSet;

/// What an unlinked sighting brings to the choice.
#[derive(Debug, Clone, Default)]
pub struct Unlinked {
    /// From an honorific (`Mrs. Berg`).
    pub gender: Option<Gender>,
    /// Folded role words written with it (`gov`, `coach`).
    pub role_words: Vec<String>,
    /// The kind its article reads it as: a person (a reporting verb, a title) joins only a
    /// person, a place (`in Avalon`) never joins one.
    pub kind: Option<EntityKind>,
}

/// A candidate entity, as an index gives it.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub key: &'a Key,
    /// Its sightings in the corpus.
    pub sightings: usize,
    /// From its given name or honorifics, for people.
    pub gender: Option<Gender>,
    /// Folded role words written with it anywhere in the corpus.
    pub role_words: &'a BTreeSet<String>,
    /// How many keys of the sighting's article (or of the key's articles) it co-occurs with.
    pub shared_context: usize,
}

/// The candidate an unlinked sighting denotes, if the evidence singles one out: the only one
/// left after gender (`Mrs.`) and kind agree (a sighting read as a person joins a person when
/// there is one, a place never joins a person and joins a place when there is one); else the only one whose roles hold the sighting's
/// role words; else the one sharing the most context with the sighting's article; else one that
/// has at least five times the sightings of all the others together. When in doubt, none.
pub fn decide(s: &Unlinked, candidates: &[Candidate]) -> Option<usize> {
    let is_person = |i: usize| matches!(candidates[i].key, Key::Person { .. });
    let any_person = (0..candidates.len()).any(is_person);
    let mut left: Vec<usize> = (0..candidates.len())
        .filter(|&i| {
            let c = &candidates[i];
            let gender_ok = match (s.gender, c.gender) {
                (Some(a), Some(b)) => a.agrees(b),
                _ => true,
            };
            let kind_ok = match s.kind {
                Some(EntityKind::Person) => is_person(i) || !any_person,
                // A place's name inside an organisation's longer name (`Bank of Avalon`,
                // `North Avalon`) is not that organisation.
                Some(EntityKind::Place) => !is_person(i) && !is_longer_org(c.key),
                _ => true,
            };
            gender_ok && kind_ok
        })
        .collect();
    if s.kind == Some(EntityKind::Place) && left.iter().any(|&i| is_place(candidates[i].key)) {
        // Read as a place (`in Avalon`): the place of that name over an organisation ending
        // with it.
        left.retain(|&i| is_place(candidates[i].key));
    }
    if left.len() <= 1 {
        return left.first().copied();
    }
    if !s.role_words.is_empty() {
        let fitting: Vec<usize> = left
            .iter()
            .copied()
            .filter(|&i| {
                s.role_words
                    .iter()
                    .all(|w| candidates[i].role_words.contains(w))
            })
            .collect();
        match fitting.len() {
            1 => return Some(fitting[0]),
            0 => {}
            _ => left = fitting,
        }
    }
    left.sort_by_key(|&i| std::cmp::Reverse(candidates[i].shared_context));
    let (best, second) = (&candidates[left[0]], &candidates[left[1]]);
    if best.shared_context > second.shared_context {
        return Some(left[0]);
    }
    let total: usize = left.iter().map(|&i| candidates[i].sightings).sum();
    let top = *left.iter().max_by_key(|&&i| candidates[i].sightings)?;
    let rest = total - candidates[top].sightings;
    (candidates[top].sightings >= 5 * rest.max(1)).then_some(top)
}

fn is_longer_org(k: &Key) -> bool {
    matches!(
        k,
        Key::Named {
            kind: EntityKind::Org | EntityKind::Outlet,
            name,
        } if name.contains(' ')
    )
}

fn is_place(k: &Key) -> bool {
    matches!(
        k,
        Key::Named {
            kind: EntityKind::Place,
            ..
        }
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn person(first: &str) -> Key {
        Key::Person {
            first: first.into(),
            last: "berg".into(),
        }
    }

    #[test]
    fn decide_needs_evidence_that_singles_one_out() {
        let (ana, olof, org) = (
            person("ana"),
            person("olof"),
            Key::Named {
                kind: EntityKind::Org,
                name: "berg".into(),
            },
        );
        let place = Key::Named {
            kind: EntityKind::Place,
            name: "berg province".into(),
        };
        let none = BTreeSet::new();
        let gov: BTreeSet<String> = ["gov".to_string()].into();
        fn cand<'a>(
            key: &'a Key,
            sightings: usize,
            gender: Option<Gender>,
            shared_context: usize,
            role_words: &'a BTreeSet<String>,
        ) -> Candidate<'a> {
            Candidate {
                key,
                sightings,
                gender,
                role_words,
                shared_context,
            }
        }
        let f = Some(Gender::Female);
        let m = Some(Gender::Male);
        // (sighting, candidates, expected index)
        let table: Vec<(Unlinked, Vec<Candidate>, Option<usize>)> = vec![
            // One candidate: it.
            (
                Unlinked::default(),
                vec![cand(&ana, 3, f, 0, &none)],
                Some(0),
            ),
            // Mrs. picks the woman.
            (
                Unlinked {
                    gender: f,
                    ..Default::default()
                },
                vec![cand(&ana, 3, f, 0, &none), cand(&olof, 3, m, 0, &none)],
                Some(0),
            ),
            // A role picks the one who holds it.
            (
                Unlinked {
                    role_words: vec!["gov".into()],
                    ..Default::default()
                },
                vec![cand(&ana, 3, f, 0, &none), cand(&olof, 3, m, 0, &gov)],
                Some(1),
            ),
            // Shared context picks.
            (
                Unlinked::default(),
                vec![cand(&ana, 3, f, 2, &none), cand(&olof, 3, m, 1, &none)],
                Some(0),
            ),
            // Dominance picks; an even split keeps apart.
            (
                Unlinked::default(),
                vec![cand(&ana, 50, f, 0, &none), cand(&olof, 5, m, 0, &none)],
                Some(0),
            ),
            (
                Unlinked::default(),
                vec![cand(&ana, 6, f, 0, &none), cand(&olof, 5, m, 0, &none)],
                None,
            ),
            // Read as a person: the person, not the organisation; as a place: never a person.
            (
                Unlinked {
                    kind: Some(EntityKind::Person),
                    ..Default::default()
                },
                vec![cand(&org, 9, None, 0, &none), cand(&ana, 1, f, 0, &none)],
                Some(1),
            ),
            (
                Unlinked {
                    kind: Some(EntityKind::Place),
                    ..Default::default()
                },
                vec![cand(&ana, 1, f, 0, &none)],
                None,
            ),
            // Read as a place: the place, even when an organisation has more sightings.
            (
                Unlinked {
                    kind: Some(EntityKind::Place),
                    ..Default::default()
                },
                vec![
                    cand(&org, 9, None, 3, &none),
                    cand(&place, 2, None, 0, &none),
                ],
                Some(1),
            ),
        ];
        for (i, (s, cands, want)) in table.iter().enumerate() {
            assert_eq!(decide(s, cands), *want, "case {i}");
        }
    }
}
