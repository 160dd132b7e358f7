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
    let honorific = members
        .iter()
        .any(|&(d, i)| super::pools::sighting_gender(&per_doc[d][i], lex).is_some());
    let votes = members.iter().map(|&(d, i)| {
        let s = &per_doc[d][i];
        let tier = match s.slot {
            Slot::Mention(_) => Voters::Mentions,
            Slot::Speaker(_) => Voters::Speakers,
            Slot::Target(_) => Voters::All,
        };
        (tier, s.kind, 1)
    });
    vote(honorific, person_lasts.contains(last.as_str()), votes)
}

/// A single name word's kind from its votes (who voted, the kind read, how many times): a person
/// when a sighting has an honorific; else the first tier with votes decides (mentions, then
/// speakers too, then targets too), most votes first and people on a tie; the last name of
/// people named in full is a person unless read as a place most often. The store decides
/// with this too, from its counted rows.
pub(crate) fn vote<I>(honorific: bool, person_last: bool, votes: I) -> EntityKind
where
    I: Iterator<Item = (Voters, EntityKind, usize)> + Clone,
{
    if honorific {
        return EntityKind::Person;
    }
    for upto in [Voters::Mentions, Voters::Speakers, Voters::All] {
        let mut sums: BTreeMap<EntityKind, usize> = BTreeMap::new();
        for (_, kind, n) in votes.clone().filter(|v| v.0 <= upto) {
            *sums.entry(kind).or_default() += n;
        }
        if sums.is_empty() {
            continue;
        }
        if person_last {
            let place = sums.get(&EntityKind::Place).copied().unwrap_or(0);
            if sums.values().sum::<usize>() - place >= place {
                return EntityKind::Person;
            }
        }
        return sums
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map_or(EntityKind::Person, |(k, _)| k);
    }
    EntityKind::Person
}

/// Which sightings vote on a single word's kind, most telling first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Voters {
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
