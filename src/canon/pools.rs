//! Candidate pools for linking: what the corpus knows of each key (sightings, role words,
//! gender, the first name written, each article's context keys) and the indexes that give an
//! incomplete key its candidates (people by last or given name, organisations by name, last
//! word, initials or brand, places by their specific word), every pool capped.
//!
//! Takes every article's sightings; gives [`Stats`], [`Pools`] and each key's pool; never
//! chooses among candidates (that is [`super::decide`], called from [`super::links`]).

use std::collections::{BTreeSet, HashMap, HashSet};

use super::keys::{Key, Sighting};
use crate::entities::classify::{is_acronym, is_place_word};
use crate::entities::index::role_gender;
use crate::lexicon::{EntityKind, Gender, Lexicon};
use crate::text::fold_name;
/// At most this many candidates are weighed for one key (the most sighted first).
const POOL: usize = 32;
/// At most this many keys of an article stand for its context.
const CONTEXT: usize = 64;

/// What the corpus knows of each key.
#[derive(Default)]
pub(super) struct Stats<'a> {
    pub(super) sightings: HashMap<&'a Key, usize>,
    pub(super) roles: HashMap<&'a Key, BTreeSet<String>>,
    pub(super) gender: HashMap<&'a Key, Gender>,
    /// The first name written for each key (for initials).
    pub(super) written: HashMap<&'a Key, &'a str>,
    /// Per article: its keys that can stand for its context.
    pub(super) contexts: Vec<Vec<&'a Key>>,
    /// Keys that some mention (not only a speaker's or a target's words) names: the only
    /// candidates a link may choose.
    pub(super) mentioned: HashSet<&'a Key>,
}

fn is_context_key(k: &Key) -> bool {
    matches!(k, Key::Person { .. } | Key::Named { .. })
}

pub(super) fn stats<'a>(per_doc: &'a [Vec<Sighting>], lex: &Lexicon) -> Stats<'a> {
    let mut st = Stats::default();
    for v in per_doc {
        let mut ctx: Vec<&Key> = Vec::new();
        let mut seen: HashSet<&Key> = HashSet::new();
        for s in v {
            *st.sightings.entry(&s.key).or_default() += 1;
            if matches!(s.slot, super::keys::Slot::Mention(_)) {
                st.mentioned.insert(&s.key);
            }
            st.written.entry(&s.key).or_insert(&s.name);
            let roles = st.roles.entry(&s.key).or_default();
            roles.extend(s.role_words());
            let g = sighting_gender(s, lex).or_else(|| match &s.key {
                Key::Person { first, .. } => lex.first_name(first),
                _ => None,
            });
            if let Some(g) = g {
                st.gender.entry(&s.key).or_insert(g);
            }
            if is_context_key(&s.key) && ctx.len() < CONTEXT && seen.insert(&s.key) {
                ctx.push(&s.key);
            }
        }
        st.contexts.push(ctx);
    }
    st
}

/// The gender a sighting's honorific gives (`Mrs.` in its role or its words).
pub(super) fn sighting_gender(s: &Sighting, lex: &Lexicon) -> Option<Gender> {
    role_gender(s.role.as_deref(), lex).or_else(|| {
        let first = s.alias.split_whitespace().next()?;
        lex.honorific_gender(&first.to_lowercase())
    })
}

/// The initials of an organisation's name (`Avalon Valley Bank` -> `avb`, `A.V. Bank` -> `avb`).
pub fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "of" | "the" | "and" | "for" | "&"
            )
        })
        .collect();
    if words.len() < 2 {
        return None;
    }
    let mut out = String::new();
    for w in words {
        if is_acronym(w) {
            out.extend(w.chars().filter(|c| c.is_alphabetic()));
        } else {
            out.extend(w.chars().next().filter(|c| c.is_alphabetic()));
        }
    }
    Some(fold_name(&out).replace(' ', ""))
}

/// The indexes that give candidates.
#[derive(Default)]
pub(super) struct Pools<'a> {
    pub(super) persons_by_last: HashMap<&'a str, BTreeSet<&'a Key>>,
    /// Formal given name -> people (for a given name alone: `Ana`).
    pub(super) persons_by_given: HashMap<&'a str, BTreeSet<&'a Key>>,
    /// Folded organisation name -> its key.
    pub(super) orgs: HashMap<&'a str, &'a Key>,
    /// Last word -> organisations of several words ending with it.
    pub(super) orgs_by_last_word: HashMap<&'a str, BTreeSet<&'a Key>>,
    pub(super) orgs_by_initials: HashMap<String, BTreeSet<&'a Key>>,
    /// Brand -> companies named by it and words of their business (`acme` for `Acme Foods`).
    pub(super) orgs_by_brand: HashMap<&'a str, BTreeSet<&'a Key>>,
    /// The one specific word of a place name -> places (`avalon` for `Gulf of Avalon`).
    pub(super) places_by_core: HashMap<&'a str, BTreeSet<&'a Key>>,
}

fn org_name(k: &Key) -> Option<&str> {
    match k {
        Key::Named {
            kind: EntityKind::Org | EntityKind::Outlet,
            name,
        } => Some(name),
        _ => None,
    }
}

pub(super) fn pools<'a>(st: &Stats<'a>) -> Pools<'a> {
    let mut p = Pools::default();
    let mut keys: Vec<&&Key> = st.mentioned.iter().collect();
    keys.sort();
    for &&k in &keys {
        if let Key::Person { first, last } = k {
            p.persons_by_last.entry(last).or_default().insert(k);
            p.persons_by_given.entry(first).or_default().insert(k);
        }
        if let Key::Named {
            kind: EntityKind::Place,
            name,
        } = k
        {
            let mut core = name
                .split(' ')
                .filter(|w| !is_place_word(w) && !matches!(*w, "of" | "the"));
            if let (Some(one), None) = (core.next(), core.next()) {
                if one != name {
                    p.places_by_core.entry(one).or_default().insert(k);
                }
            }
        }
        let Some(name) = org_name(k) else { continue };
        p.orgs.insert(name, k);
        if let Some(brand) = super::names::brand_of(name) {
            p.orgs_by_brand.entry(brand).or_default().insert(k);
        }
        if let Some(last) = super::names::head_word(name) {
            p.orgs_by_last_word.entry(last).or_default().insert(k);
        }
        if name.contains(' ') {
            if let Some(i) = st.written.get(k).and_then(|w| initials(w)) {
                p.orgs_by_initials.entry(i).or_default().insert(k);
            }
        }
    }
    p
}

/// The candidates of a key, the most sighted first, at most [`POOL`].
pub(super) fn pool_of<'a>(
    k: &'a Key,
    p: &Pools<'a>,
    st: &Stats<'a>,
    lex: &Lexicon,
) -> Vec<&'a Key> {
    let mut out: BTreeSet<&Key> = BTreeSet::new();
    match k {
        Key::LastName { last } => {
            out.extend(p.persons_by_last.get(last.as_str()).into_iter().flatten());
            if out.is_empty() && lex.first_name(last).is_some() {
                // A given name alone (`Ana`): the people the corpus gives that name.
                let formal = lex.formal_name(last);
                out.extend(p.persons_by_given.get(formal).into_iter().flatten());
            }
            out.extend(p.orgs.get(last.as_str()));
            if !lex.is_org_word(last) {
                // An organisation word alone (`Department`) names none of the organisations
                // ending in it.
                out.extend(p.orgs_by_last_word.get(last.as_str()).into_iter().flatten());
            }
            out.extend(p.orgs_by_brand.get(last.as_str()).into_iter().flatten());
            out.extend(p.places_by_core.get(last.as_str()).into_iter().flatten());
        }
        Key::Named { .. } => {
            let Some(name) = org_name(k) else {
                return Vec::new();
            };
            let words: Vec<&str> = name.split(' ').collect();
            if words.len() == 1 && is_acronym(st.written.get(k).copied().unwrap_or("")) {
                out.extend(p.orgs_by_initials.get(name).into_iter().flatten());
            }
            if words.len() == 1 || (words.len() == 2 && words[0].chars().count() == 1) {
                // A brand alone (`Acme`, `Q-Avalon`): the company it names.
                out.extend(p.orgs_by_brand.get(name).into_iter().flatten());
            }
            let last = words[words.len() - 1];
            let suffix = format!(" {name}");
            // An organisation word alone (`Department`) names none of those ending in it.
            let generic = words.len() == 1 && lex.is_org_word(name);
            out.extend(
                p.orgs_by_last_word
                    .get(last)
                    .into_iter()
                    .flatten()
                    .filter(|o| !generic && org_name(o).is_some_and(|n| n.ends_with(&suffix))),
            );
            if words.len() >= 2 && words.iter().all(|w| !lex.is_org_word(w)) {
                // A name read as an organisation for want of evidence: the person it names.
                if let super::keys::Key::Person { first, last } =
                    super::keys::person_key(st.written.get(k).copied().unwrap_or(""), lex)
                {
                    out.extend(
                        p.persons_by_last
                            .get(last.as_str())
                            .into_iter()
                            .flatten()
                            .filter(|c| matches!(c, Key::Person { first: f, .. } if *f == first)),
                    );
                }
            }
        }
        _ => {}
    }
    out.remove(k);
    let mut v: Vec<&Key> = out.into_iter().collect();
    v.sort_by_key(|c| std::cmp::Reverse(st.sightings.get(c).copied().unwrap_or(0)));
    v.truncate(POOL);
    v
}

/// Keys: the articles' context keys around it. For every candidate of a contested pool
/// (`context`) and every key with a contested pool of its own (`own_context`).
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_read_acronyms_and_words() {
        let table = [
            ("Avalon Valley Bank", Some("avb")),
            ("U.S. Geological Survey", Some("usgs")),
            ("Bank of Avalon", Some("ba")),
            ("Avalon", None),
        ];
        for (name, want) in table {
            assert_eq!(initials(name).as_deref(), want, "{name}");
        }
    }
}
