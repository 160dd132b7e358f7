//! One canonical entity per real entity across a corpus.
//!
//! Takes the [`ArticleFacts`] of many articles (their entity mentions, speakers, stance targets);
//! gives a [`Canon`]: the entities with their aliases, roles, affiliations and counts, and for
//! every mention and every quote's speaker the entity it denotes.
//!
//! Identity rules, in order:
//! - gazetteer entries are already canonical (`the Pentagon` = `U.S. Department of Defense`);
//!   other organisations and places fold case, dots, hyphens and a leading `the`;
//! - people with a first and a last name are one person when both agree after folding spelling
//!   variants (`Zelenskyy` / `Zelensky` / `Zelenskiy`); different first names stay apart;
//! - a last name alone joins the one person of the corpus with that last name, and stays apart
//!   when there are several (when in doubt, keep them apart);
//! - a nominal speaker the article did not resolve (`the Ukrainian president`) joins the one
//!   person of the corpus whose roles and affiliations include its words;
//! - anonymous sources and unnamed roles are entities of their own article only: `a source` in
//!   two articles is not one source.
//!
//! **Invariant**: the result depends only on the set of articles, not on their order, and entity
//! ids are derived from names (`person:mark-rutte`), so the same corpus gives the same ids.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::facts::ArticleFacts;
use crate::lexicon::{EntityKind, Lexicon};
pub use crate::text::{fold_name, last_name_key};

mod names;
pub use names::same_person_name;
use names::{first_key, slug};

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

/// Kinds that are the same entity wherever they appear; the others belong to one article.
fn is_global(kind: EntityKind) -> bool {
    !matches!(kind, EntityKind::Anonymous)
}

/// What a mention or speaker is, before clustering.
struct Sighting {
    doc: usize,
    /// Index of the mention, or of the quote for a speaker.
    slot: Slot,
    kind: EntityKind,
    /// The article-level canonical name.
    name: String,
    /// The words in the text.
    alias: String,
    role: Option<String>,
    affiliations: Vec<String>,
    /// A nominal the article could not resolve (`the Ukrainian president`): its lowercase words.
    nominal: Option<Vec<String>>,
}

#[derive(Clone, Copy)]
enum Slot {
    Mention(usize),
    Speaker(usize),
    /// The target of a stance fact: names an entity without counting as a mention.
    Target(usize),
}

/// Builds the canonical entities of a corpus from its articles' facts.
pub fn build(docs: &[ArticleFacts]) -> Canon {
    let lex = Lexicon::builtin();
    let mut sightings: Vec<Sighting> = Vec::new();
    for (d, x) in docs.iter().enumerate() {
        for (k, m) in x.mentions.iter().enumerate() {
            sightings.push(Sighting {
                doc: d,
                slot: Slot::Mention(k),
                kind: m.kind,
                name: m.name.clone(),
                alias: m.alias.clone(),
                role: m.role.clone(),
                affiliations: m.affiliations.clone(),
                nominal: None,
            });
        }
        for (k, q) in x.quotes.iter().enumerate() {
            let Some(sp) = &q.speaker else { continue };
            let name = &sp.name;
            if lex.pronoun(&name.to_lowercase()).is_some() {
                continue; // an unresolved pronoun names nobody
            }
            // Two named speakers at once ("Trump and Zelensky") are a group of this article.
            if name.contains(" and ") {
                sightings.push(Sighting {
                    doc: d,
                    slot: Slot::Speaker(k),
                    kind: EntityKind::Anonymous,
                    name: name.clone(),
                    alias: sp.mention.clone(),
                    role: None,
                    affiliations: Vec::new(),
                    nominal: None,
                });
                continue;
            }
            let kind = sp.kind;
            let nominal = (kind == EntityKind::Person
                && name.chars().next().is_some_and(char::is_lowercase)
                || name.starts_with("The "))
            .then(|| {
                fold_name(name)
                    .split(' ')
                    .filter(|w| !matches!(*w, "the" | "a" | "an"))
                    .map(str::to_string)
                    .collect()
            });
            sightings.push(Sighting {
                doc: d,
                slot: Slot::Speaker(k),
                kind,
                name: name.clone(),
                alias: sp.mention.clone(),
                role: None,
                affiliations: Vec::new(),
                nominal,
            });
        }
        for (k, st) in x.stances.iter().enumerate() {
            sightings.push(Sighting {
                doc: d,
                slot: Slot::Target(k),
                kind: st.kind,
                name: st.name.clone(),
                alias: st.name.clone(),
                role: None,
                affiliations: Vec::new(),
                nominal: None,
            });
        }
    }

    // Keys: people by (first, last); others by folded name; article-bound ones by article too.
    let full_people: BTreeMap<String, BTreeSet<String>> = {
        let mut by_last: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for s in &sightings {
            if s.kind == EntityKind::Person && s.nominal.is_none() {
                if let Some(first) = first_key(&s.name) {
                    by_last
                        .entry(last_name_key(&s.name))
                        .or_default()
                        .insert(first);
                }
            }
        }
        by_last
    };
    let key_of = |s: &Sighting| -> String {
        match s.kind {
            EntityKind::Person if s.nominal.is_some() => {
                format!("person|doc{}|{}", s.doc, fold_name(&s.name))
            }
            EntityKind::Person => {
                let last = last_name_key(&s.name);
                match first_key(&s.name) {
                    Some(first) => format!("person|{first}|{last}"),
                    None => match full_people.get(&last) {
                        Some(firsts) if firsts.len() == 1 => {
                            format!("person|{}|{last}", firsts.iter().next().unwrap())
                        }
                        Some(_) => format!("person|?|{last}"),
                        None => format!("person||{last}"),
                    },
                }
            }
            k if !is_global(k) => format!("{}|doc{}|{}", k.as_str(), s.doc, fold_name(&s.name)),
            k => {
                let f = fold_name(&s.name);
                format!("{}|{}", k.as_str(), f.strip_prefix("the ").unwrap_or(&f))
            }
        }
    };
    let mut clusters: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, s) in sightings.iter().enumerate() {
        clusters.entry(key_of(s)).or_default().push(i);
    }

    // Unresolved nominals join the one named person whose roles carry their words.
    let role_words = |members: &[usize]| -> BTreeSet<String> {
        let mut words = BTreeSet::new();
        for &i in members {
            let s = &sightings[i];
            if let Some(r) = &s.role {
                words.extend(fold_name(r).split(' ').map(str::to_string));
            }
            for a in &s.affiliations {
                words.insert(fold_name(a));
            }
        }
        words
    };
    let named: Vec<(String, BTreeSet<String>)> = clusters
        .iter()
        .filter(|(k, _)| k.starts_with("person|") && !k.starts_with("person|doc"))
        .map(|(k, v)| (k.clone(), role_words(v)))
        .collect();
    let nominal_keys: Vec<String> = clusters
        .keys()
        .filter(|k| k.starts_with("person|doc"))
        .cloned()
        .collect();
    for nk in nominal_keys {
        let words = sightings[clusters[&nk][0]]
            .nominal
            .clone()
            .unwrap_or_default();
        let wanted: Vec<String> = words
            .iter()
            .map(|w| lex.demonym(w).map_or_else(|| w.clone(), fold_name))
            .collect();
        if wanted.is_empty() {
            continue;
        }
        let fits: Vec<&String> = named
            .iter()
            .filter(|(_, roles)| wanted.iter().all(|w| roles.contains(w)))
            .map(|(k, _)| k)
            .collect();
        if let [one] = fits.as_slice() {
            let moved = clusters.remove(&nk).unwrap_or_default();
            clusters.get_mut(*one).unwrap().extend(moved);
        }
    }

    // Entities.
    let mut entities: Vec<Entity> = Vec::new();
    let mut of_sighting = vec![0usize; sightings.len()];
    for members in clusters.values() {
        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in members {
            let s = &sightings[i];
            if s.nominal.is_none() {
                *names.entry(s.name.as_str()).or_default() += 1;
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
                || sightings[members[0]].name.clone(),
                |(n, _)| n.to_string(),
            );
        let first = &sightings[members[0]];
        let mut e = Entity {
            id: String::new(),
            name: name.clone(),
            kind: first.kind,
            aliases: BTreeSet::new(),
            roles: BTreeSet::new(),
            affiliations: BTreeSet::new(),
            mentions: 0,
            quotes: 0,
            articles: BTreeSet::new(),
        };
        for &i in members {
            let s = &sightings[i];
            if lex.pronoun(&s.alias.trim().to_lowercase()).is_none()
                && !matches!(s.slot, Slot::Target(_))
            {
                e.aliases.insert(s.alias.trim().to_string());
            }
            e.roles.extend(s.role.clone());
            e.affiliations.extend(s.affiliations.iter().cloned());
            if !matches!(s.slot, Slot::Target(_)) {
                e.articles.insert(docs[s.doc].doc_id.clone());
            }
            match s.slot {
                Slot::Mention(_) => e.mentions += 1,
                Slot::Speaker(_) => e.quotes += 1,
                Slot::Target(_) => {}
            }
            of_sighting[i] = entities.len();
        }
        e.aliases.remove(&e.name);
        let local = !is_global(e.kind) || clusters_is_local(&sightings, members);
        let scope = if !local {
            String::new()
        } else {
            format!("{}/", slug(&docs[first.doc].doc_id))
        };
        e.id = format!("{}:{}{}", e.kind.as_str(), scope, slug(&name));
        entities.push(e);
    }
    // Unique ids, then sort by id and renumber.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for e in &mut entities {
        let n = seen.entry(e.id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            e.id = format!("{}-{}", e.id, n);
        }
    }
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| entities[a].id.cmp(&entities[b].id));
    let mut new_index = vec![0usize; entities.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let entities: Vec<Entity> = order.iter().map(|&i| entities[i].clone()).collect();

    let mut canon = Canon {
        entities,
        mention_entity: docs.iter().map(|x| vec![None; x.mentions.len()]).collect(),
        speaker_entity: docs.iter().map(|x| vec![None; x.quotes.len()]).collect(),
        target_entity: docs.iter().map(|x| vec![None; x.stances.len()]).collect(),
        by_name: HashMap::new(),
        by_last: HashMap::new(),
    };
    canon.index();
    for (i, s) in sightings.iter().enumerate() {
        let e = Some(new_index[of_sighting[i]]);
        match s.slot {
            Slot::Mention(k) => canon.mention_entity[s.doc][k] = e,
            Slot::Speaker(k) => canon.speaker_entity[s.doc][k] = e,
            Slot::Target(k) => canon.target_entity[s.doc][k] = e,
        }
    }
    canon
}

/// A cluster made only of one article's unresolved nominals.
fn clusters_is_local(sightings: &[Sighting], members: &[usize]) -> bool {
    members.iter().all(|&i| sightings[i].nominal.is_some())
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
