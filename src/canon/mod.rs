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
//! the candidate or none. A store that adds a batch keeps per key its sightings, role words,
//! gender and article contexts (at most 64 keys an article), recomputes the pools of the words the
//! batch touches, and calls `decide` again for the sightings of those words only.
//!
//! **Invariants**: the result depends only on the set of articles, not on their order; an
//! entity's id is a function of its key (`person:mark-rutte`, `name:berg`), so adding articles
//! never renames an entity (a single word or a nominal can only come to join another entity).
//! Cost: linear in the number of sightings (pools capped at 32 candidates).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::facts::ArticleFacts;
use crate::lexicon::{EntityKind, Lexicon};
pub use crate::text::{fold_name, last_name_key};

pub mod dates;
pub mod decide;
pub mod keys;
pub mod links;
mod names;
pub use keys::{Key, Sighting, Slot};
pub use names::same_person_name;

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
        let name = names
            .iter()
            .max_by(|a, b| {
                let words = |s: &str| s.split_whitespace().count().min(3);
                (words(a.0), a.1, a.0.len())
                    .cmp(&(words(b.0), b.1, b.0.len()))
                    .then(b.0.cmp(a.0))
            })
            .map_or_else(
                || sighting(&members[0]).name.clone(),
                |(n, _)| n.to_string(),
            );
        let mut e = Entity {
            id,
            name,
            kind: kind_of(&resolved[members[0].0][members[0].1], &members, &per_doc),
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

/// An entity's kind: its key's, or for a single name word no one claimed, the kind its
/// sightings are read as most often (people first on a tie).
fn kind_of(key: &Key, members: &[(usize, usize)], per_doc: &[Vec<Sighting>]) -> EntityKind {
    if !matches!(key, Key::LastName { .. }) {
        return key.kind();
    }
    let mut votes: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for &(d, i) in members {
        *votes.entry(per_doc[d][i].kind).or_default() += 1;
    }
    votes
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(EntityKind::Person, |(k, _)| k)
}

#[cfg(test)]
mod tests {
    use crate::ingest::Article;
    use crate::pipeline::analyze;

    /// The entity names a corpus of (id, text) resolves `names` to.
    fn resolve(docs: &[(&str, &str)], names: &[&str]) -> Vec<Option<String>> {
        let articles: Vec<Article> = docs
            .iter()
            .map(|(id, t)| Article::new(*id, t.to_string(), None))
            .collect();
        let a = analyze(&articles);
        names
            .iter()
            .map(|n| a.canon.find(n).map(|e| e.id.clone()))
            .collect()
    }

    #[test]
    fn spelling_variants_and_aliases_are_one_entity_across_articles() {
        let ids = resolve(
            &[
                ("a", "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv. The U.S. sent aid."),
                ("b", "President Volodymyr Zelensky met officials from the United States and the US Senate."),
                ("c", "“We are ready,” Zelenskyy said. The Pentagon said the U.S. Defense Department agreed."),
            ],
            &["Zelenskyy", "Volodymyr Zelensky", "U.S.", "United States", "Pentagon", "U.S. Defense Department"],
        );
        assert!(ids.iter().all(Option::is_some), "{ids:?}");
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[2], ids[3]);
        assert_eq!(ids[4], ids[5]);
    }

    #[test]
    fn people_who_share_a_last_name_stay_apart() {
        let docs = [
            ("a", "Former President Bill Clinton campaigned in Ohio. “She is ready,” Bill Clinton said."),
            ("b", "Hillary Clinton spoke in Iowa. “We will win,” Hillary Clinton said."),
        ];
        let ids = resolve(&docs, &["Bill Clinton", "Hillary Clinton"]);
        assert!(ids[0].is_some() && ids[1].is_some());
        assert_ne!(ids[0], ids[1]);
        // A bare last name is ambiguous across this corpus: it joins neither.
        let articles: Vec<Article> = docs
            .iter()
            .map(|(id, t)| Article::new(*id, t.to_string(), None))
            .collect();
        assert!(analyze(&articles).canon.find("Clinton").is_none());
    }

    #[test]
    fn titles_with_and_without_hyphens_give_one_person() {
        let ids = resolve(
            &[
                ("a", "NATO Secretary-General Mark Rutte arrived."),
                (
                    "b",
                    "NATO Secretary General Mark Rutte left. Rutte said talks went well.",
                ),
            ],
            &["NATO Secretary-General Mark Rutte", "Mark Rutte", "Rutte"],
        );
        assert!(ids[0].is_some());
        assert!(ids.iter().all(|i| i == &ids[0]), "{ids:?}");
    }

    #[test]
    fn short_forms_initials_and_honorifics_find_the_person() {
        let docs = [
            ("a", "Senator William T. Castell spoke in Port Merrow. Hillary Castell, his sister, agreed."),
            ("b", "Bill Castell said the harbour would reopen."),
            ("c", "“We are ready,” Mrs. Castell said on Monday."),
        ];
        let ids = resolve(
            &docs,
            &["William T. Castell", "Bill Castell", "Hillary Castell"],
        );
        assert!(ids.iter().all(Option::is_some), "{ids:?}");
        assert_eq!(ids[0], ids[1]);
        assert_ne!(ids[0], ids[2]);
        let articles: Vec<Article> = docs
            .iter()
            .map(|(id, t)| Article::new(*id, t.to_string(), None))
            .collect();
        let a = analyze(&articles);
        // "Mrs. Castell" in article c is the woman of the corpus with that last name.
        let c = a.docs.iter().position(|d| d.doc_id == "c").unwrap();
        let speaker = a.canon.speaker_entity[c][0].map(|e| a.canon.entities[e].id.clone());
        assert_eq!(speaker, ids[2]);
    }

    #[test]
    fn hyphenated_names_are_keyed_whole_and_found_by_their_initials() {
        let ids = resolve(
            &[
                ("a", "Kestrel-Morrow bought Acme Data, Ana Berg said."),
                ("b", "KM said it bought Acme Data. Ana Berg agreed."),
                ("c", "Karst Mining and Kettle Mills met in Avalon."),
            ],
            &["Kestrel-Morrow", "KM", "Morrow"],
        );
        assert!(ids[0].is_some(), "{ids:?}");
        assert_eq!(ids[0], ids[1]);
        // The last part alone is no name of it.
        assert_eq!(ids[2], None);
    }

    #[test]
    fn ids_do_not_change_as_articles_are_added() {
        let base = [(
            "a",
            "Mayor Ida Okoro of Eastvale met the Kestrel Valley Bank.",
        )];
        let more = [
            (
                "a",
                "Mayor Ida Okoro of Eastvale met the Kestrel Valley Bank.",
            ),
            ("b", "Okoro said the KVB would lend. Jonas Okoro disagreed."),
            ("c", "Ida Okoro and Tomas Brandt toured Eastvale."),
        ];
        let names = ["Ida Okoro", "Kestrel Valley Bank", "Eastvale"];
        let before = resolve(&base, &names);
        let after = resolve(&more, &names);
        assert!(before.iter().all(Option::is_some), "{before:?}");
        assert_eq!(before, after);
    }

    #[test]
    fn anonymous_sources_do_not_merge_across_articles() {
        let articles = [
            Article::new("a", "The talks failed, a source said.".into(), None),
            Article::new("b", "The deal is close, a source said.".into(), None),
        ];
        let a = analyze(&articles);
        let sources: Vec<_> = a
            .canon
            .entities
            .iter()
            .filter(|e| e.name == "a source")
            .collect();
        assert_eq!(sources.len(), 2);
    }
}
