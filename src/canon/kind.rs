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
/// a place most often: a name without evidence reads as an organisation by default.
pub(super) fn kind_of(
    key: &Key,
    members: &[(usize, usize)],
    per_doc: &[Vec<Sighting>],
    person_lasts: &HashSet<&str>,
) -> EntityKind {
    let Key::LastName { last } = key else {
        return key.kind();
    };
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
