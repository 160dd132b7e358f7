//! The kind of an entity: its key's, or for a single name word, what its sightings say.
//!
//! Takes an entity's resolved key and its sightings; gives its kind. Never reads text.

use std::collections::{BTreeMap, HashSet};

use super::keys::{Key, Sighting, Slot};
use crate::lexicon::EntityKind;

/// An entity's kind: its key's, or for a single name word no one claimed, the kind its
/// mentions are read as most often (people first on a tie; a stance target or a speaker's words
/// vote only when no mention does). A word that is the last name of people the corpus names in
/// full (`Berg` when `Ana Berg` and `Tom Berg` are both there) is a person unless it is read as
/// a place most often: a name without evidence reads as an organisation by default. A sighting
/// with an honorific or a gendered title (`Mr. Berg`, `Councilwoman Berg`) makes it a person,
/// whatever the other sightings say (`aimed at Berg` read as a place).
pub(super) fn kind_of(
    key: &Key,
    members: &[(usize, usize)],
    per_doc: &[Vec<Sighting>],
    person_lasts: &HashSet<&str>,
) -> EntityKind {
    let Key::LastName { last } = key else {
        return key.kind();
    };
    let lex = crate::lexicon::Lexicon::builtin();
    if members
        .iter()
        .any(|&(d, i)| super::pools::sighting_gender(&per_doc[d][i], lex).is_some())
    {
        return EntityKind::Person;
    }
    let mut votes: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for slots in [Voters::Mentions, Voters::Speakers, Voters::All] {
        for &(d, i) in members {
            let s = &per_doc[d][i];
            let votes_now = match slots {
                Voters::Mentions => matches!(s.slot, Slot::Mention(_)),
                Voters::Speakers => !matches!(s.slot, Slot::Target(_)),
                Voters::All => true,
            };
            if votes_now {
                *votes.entry(s.kind).or_default() += 1;
            }
        }
        if !votes.is_empty() {
            break;
        }
    }
    if person_lasts.contains(last.as_str()) {
        let place = votes.get(&EntityKind::Place).copied().unwrap_or(0);
        let rest: usize = votes.values().sum::<usize>() - place;
        if rest >= place {
            return EntityKind::Person;
        }
    }
    votes
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(EntityKind::Person, |(k, _)| k)
}

/// Which sightings vote on a single word's kind, most telling first.
#[derive(Clone, Copy)]
enum Voters {
    Mentions,
    Speakers,
    All,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sighting(alias: &str, kind: EntityKind) -> Sighting {
        Sighting {
            slot: Slot::Mention(0),
            key: Key::LastName {
                last: "quillby".into(),
            },
            kind,
            name: alias.into(),
            alias: alias.into(),
            role: None,
            affiliations: Vec::new(),
        }
    }

    /// Sightings as (alias, kind read).
    type Reads = &'static [(&'static str, EntityKind)];

    /// (sightings, whether the corpus names people with that last name in full, kind).
    #[test]
    fn an_honorific_makes_a_single_word_a_person() {
        use EntityKind::{Org, Person, Place};
        let table: &[(Reads, bool, EntityKind)] = &[
            (&[("Quillby", Place), ("Quillby", Place)], false, Place),
            (
                &[("Mr. Quillby", Person), ("Quillby", Place)],
                false,
                Person,
            ),
            (
                &[
                    ("Mrs. Quillby", Person),
                    ("Quillby", Place),
                    ("Quillby", Place),
                ],
                false,
                Person,
            ),
            (&[("Ms. Quillby", Org), ("Quillby", Place)], false, Person),
            (&[("Quillby", Org), ("Quillby", Org)], false, Org),
            (&[("Quillby", Org), ("Quillby", Place)], true, Person),
            (&[("Quillby", Place), ("Quillby", Place)], true, Place),
        ];
        for (sightings, full, want) in table {
            let docs = vec![sightings
                .iter()
                .map(|(a, k)| sighting(a, *k))
                .collect::<Vec<_>>()];
            let members: Vec<(usize, usize)> = (0..sightings.len()).map(|i| (0, i)).collect();
            let lasts: HashSet<&str> = if *full {
                ["quillby"].into_iter().collect()
            } else {
                HashSet::new()
            };
            let key = Key::LastName {
                last: "quillby".into(),
            };
            assert_eq!(
                kind_of(&key, &members, &docs, &lasts),
                *want,
                "{sightings:?}"
            );
        }
    }
}
