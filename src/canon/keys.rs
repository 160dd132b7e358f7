//! Entity keys: what one sighting (a mention, a quote's speaker, a stance target) denotes,
//! decided from its own article alone, and the two links between keys that need the corpus.
//!
//! A [`Key`] is a pure function of the sighting and its article: `Mark Rutte` is
//! `Person { first: "mark", last: "rutte" }` wherever it appears. Two kinds of key are
//! incomplete and are *linked* to a person through an index of the corpus:
//! - [`Key::LastName`] (`Rutte` in an article that never gives the full name) joins a person
//!   with that last name, an organisation or a place, per sighting, as the pure
//!   [`super::decide::decide`] chooses among the candidates an index gives (honorific gender,
//!   role words, sightings); when in doubt it stays apart;
//! - [`Key::Nominal`] (`the Ukrainian president`, unresolved in its article) joins the one
//!   person whose role words hold all its words ([`link_nominal`]).
//!
//! Entity ids come from keys ([`Key::id`]), never from counts or the order articles arrive in,
//! so an id does not change when articles are added. [`super::build`] links a whole corpus in
//! memory ([`super::links`]); the store keeps keys in tables and calls `decide()` again only for
//! the signatures (word, gender, kind read, title words) whose candidates a batch changed (see
//! `src/store/single.rs`).

use serde::{Deserialize, Serialize};

pub use super::names::date_key;
use super::names::{is_bare_word, is_capitals_place, join_initials, strip_legal_form};
use crate::entities::index::given_key;
use crate::facts::ArticleFacts;
use crate::lexicon::{EntityKind, Lexicon};
use crate::text::{fold_name, last_name_key, stable_hash};

/// What a sighting denotes on its own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Key {
    /// A person with a first and a last name: one entity wherever it appears.
    Person { first: String, last: String },
    /// A single name word: a person named by the last name alone, or a company or team named
    /// by one word the resources do not know (`Berg`, `Avalonia`).
    LastName { last: String },
    /// A person named by role words only, in one article.
    Nominal { doc: String, words: Vec<String> },
    /// An entity of one article only: an anonymous source, a group of speakers.
    Local {
        kind: EntityKind,
        doc: String,
        name: String,
    },
    /// An organisation, place, outlet or piece of equipment: one entity per folded name.
    Named { kind: EntityKind, name: String },
}

impl Key {
    pub fn kind(&self) -> EntityKind {
        match self {
            Key::Person { .. } | Key::LastName { .. } | Key::Nominal { .. } => EntityKind::Person,
            Key::Local { kind, .. } | Key::Named { kind, .. } => *kind,
        }
    }

    /// The entity id of this key when it stands for itself (`person:mark-rutte`,
    /// `org:nato`, `anonymous:doc-7/a-source`; `name:rutte` for a single word that no person or
    /// organisation of the corpus claims). Derived from the key alone.
    pub fn id(&self) -> String {
        let kind = self.kind().as_str();
        match self {
            Key::Person { first, last } => format!("{kind}:{}", slug(&format!("{first} {last}"))),
            Key::LastName { last } => format!("name:{}", slug(last)),
            Key::Nominal { doc, words } => {
                format!("{kind}:{}/{}", doc_slug(doc), slug(&words.join(" ")))
            }
            Key::Local { doc, name, .. } => format!("{kind}:{}/{}", doc_slug(doc), slug(name)),
            Key::Named { name, .. } => format!("{kind}:{}", slug(name)),
        }
    }

    /// Whether this key may be linked to a person by the corpus.
    pub fn is_linkable(&self) -> bool {
        matches!(self, Key::LastName { .. } | Key::Nominal { .. })
    }
}

/// Lowercase words joined by `-`. Names made only of letters, digits and spaces give distinct
/// slugs; any other character is dropped and a short hash of the whole name keeps the slug
/// distinct (`at&t` → `at-t-1f3a9c`).
pub fn slug(s: &str) -> String {
    let folded = fold_name(s);
    let mut out = String::with_capacity(folded.len());
    let mut lossy = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if c == ' ' {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            lossy = true;
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
    }
    let mut out = out.trim_end_matches('-').to_string();
    if lossy {
        out.push_str(&format!("-{:06x}", stable_hash(&folded) & 0xff_ffff));
    }
    out
}

/// A doc id as an id part: letters, digits, `_`, `-` and `.` kept, anything else as `-` with a
/// short hash of the whole id.
pub(crate) fn doc_slug(doc: &str) -> String {
    let mut lossy = false;
    let mut out: String = doc
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                lossy = true;
                '-'
            }
        })
        .collect();
    if lossy {
        out.push_str(&format!("-{:06x}", stable_hash(doc) & 0xff_ffff));
    }
    out
}

/// Where a sighting sits in its article's facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// An entity mention (index into `ArticleFacts::mentions`).
    Mention(usize),
    /// A quote's speaker (index into `ArticleFacts::quotes`).
    Speaker(usize),
    /// A stance target (index into `ArticleFacts::stances`): names an entity without counting
    /// as a mention.
    Target(usize),
}

/// One mention, speaker or stance target of an article, with its key.
#[derive(Debug, Clone)]
pub struct Sighting {
    pub slot: Slot,
    pub key: Key,
    /// The kind its article gives it.
    pub kind: EntityKind,
    /// The article-level name (`Mark Rutte` for `Rutte`).
    pub name: String,
    /// The words in the text.
    pub alias: String,
    pub role: Option<String>,
    pub affiliations: Vec<String>,
}

impl Sighting {
    /// Folded role and affiliation words: what a nominal looks for in a person.
    pub fn role_words(&self) -> impl Iterator<Item = String> + '_ {
        let role = self.role.iter().flat_map(|r| {
            fold_name(r)
                .split(' ')
                .map(str::to_string)
                .collect::<Vec<_>>()
        });
        role.chain(self.affiliations.iter().map(|a| fold_name(a)))
    }
}

/// The sightings of one article, each with its key.
pub fn sightings(doc: &ArticleFacts) -> Vec<Sighting> {
    let lex = Lexicon::builtin();
    let mut out = Vec::new();
    for (k, m) in doc.mentions.iter().enumerate() {
        out.push(Sighting {
            slot: Slot::Mention(k),
            key: key_of(m.kind, &m.name, &doc.doc_id, false),
            kind: m.kind,
            name: m.name.clone(),
            alias: m.alias.clone(),
            role: m.role.clone(),
            affiliations: m.affiliations.clone(),
        });
    }
    // A speaker named like a mention of the article is that mention's entity.
    let mut named: std::collections::HashMap<&str, (Key, EntityKind)> = Default::default();
    for (m, s) in doc.mentions.iter().zip(&out) {
        named
            .entry(m.alias.as_str())
            .or_insert((s.key.clone(), s.kind));
        named
            .entry(m.name.as_str())
            .or_insert((s.key.clone(), s.kind));
    }
    for (k, q) in doc.quotes.iter().enumerate() {
        let Some(sp) = &q.speaker else { continue };
        let name = &sp.name;
        if lex.pronoun(&name.to_lowercase()).is_some() {
            continue; // an unresolved pronoun names nobody
        }
        let mention = if sp.kind == EntityKind::Anonymous {
            // `an aide to Ana Ruiz` is not Ana Ruiz: only the same words name her.
            named.get(sp.mention.as_str()).cloned()
        } else {
            as_mention(&named, &sp.mention, name)
        };
        if let Some((key, kind)) = mention {
            out.push(Sighting {
                slot: Slot::Speaker(k),
                key,
                kind,
                name: name.clone(),
                alias: sp.mention.clone(),
                role: None,
                affiliations: Vec::new(),
            });
            continue;
        }
        let key = if name.contains(" and ") {
            // Two named speakers at once ("Trump and Zelensky") are a group of this article.
            Key::Local {
                kind: EntityKind::Anonymous,
                doc: doc.doc_id.clone(),
                name: fold_name(name),
            }
        } else {
            // Role words alone (`Avalon Secretary-General`) name a role, not a person.
            let roles_only = name.split(['-', ' ']).filter(|w| !w.is_empty()).all(|w| {
                let w = w.to_lowercase();
                lex.is_title_word(&w) || lex.demonym(&w).is_some() || lex.known(&w).is_some()
            });
            let nominal = sp.kind == EntityKind::Person
                && (name.chars().next().is_some_and(char::is_lowercase)
                    || name.starts_with("The ")
                    || roles_only);
            match key_of(sp.kind, name, &doc.doc_id, nominal) {
                // A speaker's words that no mention gives are trusted for a person's given name
                // only when it is one (`Ana Ruiz`, not `Between Ruiz`).
                Key::Person { first, last } if lex.first_name(&first).is_none() => {
                    Key::LastName { last }
                }
                key => key,
            }
        };
        out.push(Sighting {
            slot: Slot::Speaker(k),
            key,
            kind: sp.kind,
            name: name.clone(),
            alias: sp.mention.clone(),
            role: None,
            affiliations: Vec::new(),
        });
    }
    for (k, st) in doc.stances.iter().enumerate() {
        out.push(Sighting {
            slot: Slot::Target(k),
            key: key_of(st.kind, &st.name, &doc.doc_id, false),
            kind: st.kind,
            name: st.name.clone(),
            alias: st.name.clone(),
            role: None,
            affiliations: Vec::new(),
        });
    }
    out
}

/// The mention a speaker's words or name denote: the same words, or the longest mention name
/// that ends them (`the Avalon-based firm Acme` -> `Acme`).
fn as_mention(
    named: &std::collections::HashMap<&str, (Key, EntityKind)>,
    mention: &str,
    name: &str,
) -> Option<(Key, EntityKind)> {
    if let Some(v) = named.get(mention).or_else(|| named.get(name)) {
        return Some(v.clone());
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let from = words.len().saturating_sub(12);
    (from + 1..words.len())
        .take_while(|&i| !crate::quotes::words::is_preposition(&words[i - 1].to_lowercase()))
        .find_map(|i| named.get(words[i..].join(" ").as_str()).cloned())
}

/// The key of an article-level name.
pub fn key_of(kind: EntityKind, name: &str, doc: &str, nominal: bool) -> Key {
    let lex = Lexicon::builtin();
    let folded = fold_name(name);
    let bare = folded
        .strip_prefix("the ")
        .unwrap_or(&folded)
        .replace(',', "");
    match kind {
        EntityKind::Person if nominal => Key::Nominal {
            doc: doc.to_string(),
            words: nominal_words(name),
        },
        EntityKind::Person => person_key(name, lex),
        EntityKind::Anonymous => Key::Local {
            kind,
            doc: doc.to_string(),
            name: folded,
        },
        EntityKind::Org | EntityKind::Outlet | EntityKind::Place if is_bare_word(name, lex) => {
            Key::LastName {
                last: last_name_key(name),
            }
        }
        // A dateline's town in capitals is the town the text names (`KESTRELTON, N.Y. —`).
        EntityKind::Place if is_capitals_place(name, lex) => Key::LastName {
            last: last_name_key(name),
        },
        EntityKind::Org | EntityKind::Outlet => Key::Named {
            kind,
            // A possessive inside the name is the name (`Avalon's Armed Forces`).
            name: join_initials(&strip_legal_form(&bare.replace("'s ", " "))),
        },
        kind => Key::Named { kind, name: bare },
    }
}

/// A person's key: formal given name (`Bill` -> `william`) and last name, suffixes (`Jr.`) and
/// role words left out; a last name alone when no given name is written.
pub fn person_key(name: &str, lex: &Lexicon) -> Key {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !lex.is_name_suffix(&w.to_lowercase()))
        .collect();
    let core = words.join(" ");
    let last = last_name_key(&core);
    match given_key(&core, lex) {
        Some(first) => Key::Person { first, last },
        None => Key::LastName { last },
    }
}

/// The words a nominal looks for in a person's roles: folded, articles dropped, nationality
/// adjectives as their country (`the Ukrainian president` → `ukraine`, `president`).
pub fn nominal_words(name: &str) -> Vec<String> {
    let lex = Lexicon::builtin();
    let mut words: Vec<String> = fold_name(name)
        .split(' ')
        .filter(|w| !matches!(*w, "the" | "a" | "an" | ""))
        .map(|w| lex.demonym(w).map_or_else(|| w.to_string(), fold_name))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The one candidate there is; with none or several, none (when in doubt, keep apart). The rule
/// of [`link_nominal`]; single name words are linked by [`super::decide::decide`] instead.
pub fn link_last_name<'a>(candidates: impl IntoIterator<Item = &'a Key>) -> Option<&'a Key> {
    let mut it = candidates.into_iter();
    let one = it.next()?;
    it.next().is_none().then_some(one)
}

/// The person a nominal denotes, given every person whose role words hold all its words: the
/// one there is; with none or several, none.
pub fn link_nominal<'a>(candidates: impl IntoIterator<Item = &'a Key>) -> Option<&'a Key> {
    link_last_name(candidates)
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
