//! One canonical entity per real entity across a corpus.
//!
//! Takes the [`ArticleFacts`] of many articles (their entity mentions, speakers, stance targets);
//! gives a [`Canon`]: the entities with their aliases, roles, affiliations and counts, and for
//! every mention and every quote's speaker the entity it denotes.
//!
//! Identity rules, in order:
//! - gazetteer entries are already canonical (`the Pentagon` = `U.S. Department of Defense`);
//!   other organisations fold case, dots, hyphens, a leading `the` and a legal form (`Inc.`);
//! - people with a given and a last name are one person when both agree after folding spelling
//!   variants (`Zelenskyy` / `Zelensky`), initials, suffixes (`Jr.`) and short forms of given
//!   names (`Bill` = `William`, from `data/nicknames.txt`); different given names stay apart;
//! - a single name word (`Berg`, `Avalonia`) joins a person with that last name, an organisation
//!   of that name or ending with it, a place whose specific word it is, or the person the corpus
//!   gives that given name; among several, the sighting's honorific (`Mrs.`), role words and
//!   article decide, else one that has five times the sightings of the rest; when in doubt it
//!   stays apart (`name:berg`). An acronym joins the organisation it abbreviates;
//! - a nominal speaker the article did not resolve (`the Ukrainian president`) joins the one
//!   person of the corpus whose roles and affiliations include its words;
//! - anonymous sources and unnamed roles are entities of their own article only: `a source` in
//!   two articles is not one source.
//!
//! How, and the contract an incremental store keeps: every sighting gets a [`Key`] computed
//! from its own article alone ([`keys::sightings`]); incomplete keys are then linked through
//! indexes keyed by a word (last name, given name, organisation word, initials, role word), never
//! by comparing pairs ([`links::link`]). The choice for one unlinked sighting is the pure
//! function [`decide::decide`]: given the sighting ([`decide::Unlinked`]: honorific gender, role
//! words, the kind its article reads) and the candidates one index gives ([`decide::Candidate`]:
//! key, sightings, gender, role words, context shared with the sighting's article), it returns
//! the candidate or none. The store (`src/store/single.rs`, `orgs.rs`, `pool.rs`) keeps per key
//! its sightings, role words and gender in tables, and keeps one decision per *signature* (the
//! word, the sighting's honorific gender, the kind its article reads, its title words): a batch
//! that changes a word's candidates calls `decide` again for that word's signatures only, and
//! moves the sightings whose answer changed. It leaves out the shared context (0 there: it
//! would tie each answer to one article) and honorific gender of candidates (given names only).
//!
//! **Invariants**: the result depends only on the set of articles, not on their order; an
//! entity's id is a function of its key (`person:mark-rutte`, `name:berg`), so adding articles
//! never renames an entity (a single word or a nominal can only come to join another entity).
//! Cost: linear in the number of sightings (pools capped at 32 candidates).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::facts::ArticleFacts;
use crate::lexicon::{EntityKind, Lexicon};
pub use crate::text::{fold_name, last_name_key};

pub mod dates;
pub mod decide;
pub mod keys;
mod kind;
pub mod links;
mod names;
mod pools;
pub use keys::{Key, Sighting, Slot};
pub(crate) use kind::{vote as vote_kind, Voters};
pub use names::{brand_of, head_word, same_person_name};

/// A real-world entity as the corpus knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id derived from kind and name (`person:mark-rutte`).
    pub id: String,
    /// The name shown for it: the most frequent full form in the corpus.
    pub name: String,
    pub kind: EntityKind,
    /// Every form the corpus uses for it, as written (`Rutte`, `NATO Secretary General Mark Rutte`).
    pub aliases: BTreeSet<String>,
    /// Role words written before the name (`NATO Secretary General`).
    pub roles: BTreeSet<String>,
    /// Organisations and countries its roles name (`NATO`, `Russia`).
    pub affiliations: BTreeSet<String>,
    /// How often it is mentioned, quotes' speaker mentions included.
    pub mentions: usize,
    /// How many quotes it is the speaker of.
    pub quotes: usize,
    /// The articles that mention it, by doc id.
    pub articles: BTreeSet<String>,
}

/// The canonical entities of a corpus and what each mention and speaker denotes.
#[derive(Debug, Clone, Default)]
pub struct Canon {
    /// Sorted by id.
    pub entities: Vec<Entity>,
    /// Per article (in input order), per mention: the entity index.
    pub mention_entity: Vec<Vec<Option<usize>>>,
    /// Per article, per quote: the speaker's entity index.
    pub speaker_entity: Vec<Vec<Option<usize>>>,
    /// Per article, per stance fact: the target's entity index.
    pub target_entity: Vec<Vec<Option<usize>>>,
    /// Folded id, name and aliases (with and without a leading `the`) -> entity index.
    by_name: HashMap<String, usize>,
    /// Folded last name -> people with it.
    by_last: HashMap<String, Vec<usize>>,
}

impl Canon {
    /// The entity a name denotes: its id, its name or any alias, compared case-insensitively and
    /// with spelling variants folded (`Zelensky` finds `Volodymyr Zelenskyy`).
    pub fn find(&self, name: &str) -> Option<&Entity> {
        let q = fold_name(name);
        let bare = q.strip_prefix("the ").unwrap_or(&q);
        if let Some(&i) = self
            .by_name
            .get(name)
            .or_else(|| self.by_name.get(&q))
            .or_else(|| self.by_name.get(bare))
        {
            return Some(&self.entities[i]);
        }
        let people = self
            .by_last
            .get(&last_name_key(name))
            .map_or(&[][..], Vec::as_slice);
        if name.trim().contains(' ') {
            // A spelling variant of a full name (`Volodymyr Zelensky`).
            let mut same = people
                .iter()
                .filter(|&&i| same_person_name(&self.entities[i].name, name));
            let one = same.next()?;
            return same.next().is_none().then(|| &self.entities[*one]);
        }
        // A last name alone, when exactly one person has it.
        match people {
            [one] => Some(&self.entities[*one]),
            _ => None,
        }
    }

    /// Fills the name indexes behind [`Canon::find`]. An alias two entities share names
    /// neither of them; a canonical name always names its entity.
    fn index(&mut self) {
        let mut seen: HashMap<String, Option<usize>> = HashMap::new();
        for (i, e) in self.entities.iter().enumerate() {
            for a in std::iter::once(&e.name).chain(&e.aliases) {
                let f = fold_name(a);
                let bare = f.strip_prefix("the ").unwrap_or(&f).to_string();
                for key in [f.clone(), bare] {
                    seen.entry(key)
                        .and_modify(|v| {
                            if *v != Some(i) {
                                *v = None;
                            }
                        })
                        .or_insert(Some(i));
                }
            }
            if e.kind == EntityKind::Person {
                self.by_last
                    .entry(last_name_key(&e.name))
                    .or_default()
                    .push(i);
            }
        }
        for (i, e) in self.entities.iter().enumerate() {
            let f = fold_name(&e.name);
            seen.insert(f.strip_prefix("the ").unwrap_or(&f).to_string(), Some(i));
            seen.insert(e.id.clone(), Some(i));
        }
        self.by_name = seen
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?)))
            .collect();
    }
}

/// Builds the canonical entities of a corpus from its articles' facts: every sighting's key,
/// then the links of last names and nominals through indexes (by last name, by role word), so
/// the cost is linear in the number of sightings.
pub fn build(docs: &[ArticleFacts]) -> Canon {
    let lex = Lexicon::builtin();
    let per_doc: Vec<Vec<Sighting>> = docs.iter().map(keys::sightings).collect();

    let mut resolved = links::link(&per_doc, lex);
    links::link_nominals(&per_doc, &mut resolved);

    // The last names of the people named in full, for the kind of a single word.
    let person_lasts: HashSet<&str> = resolved
        .iter()
        .flatten()
        .filter_map(|k| match k {
            Key::Person { last, .. } => Some(last.as_str()),
            _ => None,
        })
        .collect();
    // One entity per resolved key.
    let mut clusters: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (d, v) in resolved.iter().enumerate() {
        for (i, k) in v.iter().enumerate() {
            clusters.entry(k.id()).or_default().push((d, i));
        }
    }
    let mut canon = Canon {
        entities: Vec::with_capacity(clusters.len()),
        mention_entity: docs.iter().map(|x| vec![None; x.mentions.len()]).collect(),
        speaker_entity: docs.iter().map(|x| vec![None; x.quotes.len()]).collect(),
        target_entity: docs.iter().map(|x| vec![None; x.stances.len()]).collect(),
        by_name: HashMap::new(),
        by_last: HashMap::new(),
    };
    for (id, members) in clusters {
        let index = canon.entities.len();
        let sighting = |&(d, i): &(usize, usize)| &per_doc[d][i];
        // The name shown: the mentions' names (a speaker's words can be a whole phrase), else
        // any sighting's.
        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        for mention_only in [true, false] {
            for m in &members {
                let s = sighting(m);
                let mention = matches!(s.slot, Slot::Mention(_));
                if !matches!(s.key, Key::Nominal { .. }) && (mention || !mention_only) {
                    *names.entry(s.name.as_str()).or_default() += 1;
                }
            }
            if !names.is_empty() {
                break;
            }
        }
        let name = entity_name(names.iter().map(|(n, c)| (*n, *c)))
            .unwrap_or_else(|| sighting(&members[0]).name.clone());
        let mut e = Entity {
            id,
            name,
            kind: kind::kind_of(
                &resolved[members[0].0][members[0].1],
                &members,
                &per_doc,
                &person_lasts,
            ),
            aliases: BTreeSet::new(),
            roles: BTreeSet::new(),
            affiliations: BTreeSet::new(),
            mentions: 0,
            quotes: 0,
            articles: BTreeSet::new(),
        };
        for m @ &(d, _) in &members {
            let s = sighting(m);
            let target = matches!(s.slot, Slot::Target(_));
            if !target && lex.pronoun(&s.alias.trim().to_lowercase()).is_none() {
                e.aliases.insert(s.alias.trim().to_string());
            }
            e.roles.extend(s.role.clone());
            e.affiliations.extend(s.affiliations.iter().cloned());
            if !target {
                e.articles.insert(docs[d].doc_id.clone());
            }
            match s.slot {
                Slot::Mention(k) => {
                    e.mentions += 1;
                    canon.mention_entity[d][k] = Some(index);
                }
                Slot::Speaker(k) => {
                    e.quotes += 1;
                    canon.speaker_entity[d][k] = Some(index);
                }
                Slot::Target(k) => canon.target_entity[d][k] = Some(index),
            }
        }
        e.aliases.remove(&e.name);
        canon.entities.push(e);
    }
    canon.index();
    canon
}

/// The name shown for an entity, given how often each name (article-level, nominals left
/// out) was used for it: one without a title inside (`Avalon Sen. Ana Ruiz`) when there is
/// one, then the fullest (up to three words), then the most frequent, then one not in
/// capitals (`Kestrelton` over a dateline's `KESTRELTON`), then the longest form; `None` when
/// it has no such name (the caller then takes its first sighting's).
pub fn entity_name<'a>(names: impl IntoIterator<Item = (&'a str, usize)>) -> Option<String> {
    let lex = Lexicon::builtin();
    let plain = |s: &str| {
        !s.split_whitespace()
            .any(|w| lex.is_title_word(&fold_name(w)))
    };
    names
        .into_iter()
        .max_by(|a, b| {
            let words = |s: &str| s.split_whitespace().count().min(3);
            // A word of five capitals or more is shouted (a dateline), not an acronym.
            let usual = |s: &str| {
                !s.split_whitespace().any(|w| {
                    crate::entities::classify::is_acronym(w)
                        && w.chars().filter(|c| c.is_alphabetic()).count() >= 5
                })
            };
            (plain(a.0), words(a.0), a.1, usual(a.0), a.0.len())
                .cmp(&(plain(b.0), words(b.0), b.1, usual(b.0), b.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(n, _)| n.to_string())
}

#[cfg(test)]
mod tests;
