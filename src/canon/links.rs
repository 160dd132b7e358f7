//! Links: which entity an incomplete key joins, decided through indexes of the corpus.
//!
//! Takes every sighting's [`Key`] (from its own article); gives each sighting the key of the
//! entity it denotes. Incomplete keys are linked, never compared pairwise:
//! - a single name word ([`Key::LastName`]: `Berg`, `Avalonia`) joins a person with that last
//!   name, an organisation of that name (`Avalonia Corp.`) or ending with it (`Port Avalonia`),
//!   per sighting, with the sighting's honorific, role words and article as evidence;
//! - an organisation named in part joins the one it abbreviates (`AVB` -> `Avalon Valley
//!   Bank`, by initials) or ends (`Valley Bank` -> `Avalon Valley Bank`); a multi-word name read
//!   as an organisation for want of evidence joins the person of that given and last name;
//! - a nominal (`the Avalon governor`) joins the one person whose role words hold all its words.
//!
//! The choice among candidates is [`decide`], a pure function of one sighting and the candidates
//! an index gives (their sightings, gender, role words, shared context). Every index is keyed by
//! a word or a key, and every pool is capped, so the cost is linear in the number of sightings.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub use super::decide::{decide, Candidate, Unlinked};
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
struct Stats<'a> {
    sightings: HashMap<&'a Key, usize>,
    roles: HashMap<&'a Key, BTreeSet<String>>,
    gender: HashMap<&'a Key, Gender>,
    /// The first name written for each key (for initials).
    written: HashMap<&'a Key, &'a str>,
    /// Per article: its keys that can stand for its context.
    contexts: Vec<Vec<&'a Key>>,
    /// Keys that some mention (not only a speaker's or a target's words) names: the only
    /// candidates a link may choose.
    mentioned: HashSet<&'a Key>,
}

fn is_context_key(k: &Key) -> bool {
    matches!(k, Key::Person { .. } | Key::Named { .. })
}

fn stats<'a>(per_doc: &'a [Vec<Sighting>], lex: &Lexicon) -> Stats<'a> {
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
fn sighting_gender(s: &Sighting, lex: &Lexicon) -> Option<Gender> {
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
struct Pools<'a> {
    persons_by_last: HashMap<&'a str, BTreeSet<&'a Key>>,
    /// Formal given name -> people (for a given name alone: `Ana`).
    persons_by_given: HashMap<&'a str, BTreeSet<&'a Key>>,
    /// Folded organisation name -> its key.
    orgs: HashMap<&'a str, &'a Key>,
    /// Last word -> organisations of several words ending with it.
    orgs_by_last_word: HashMap<&'a str, BTreeSet<&'a Key>>,
    orgs_by_initials: HashMap<String, BTreeSet<&'a Key>>,
    /// Brand -> companies named by it and words of their business (`acme` for `Acme Foods`).
    orgs_by_brand: HashMap<&'a str, BTreeSet<&'a Key>>,
    /// The one specific word of a place name -> places (`avalon` for `Gulf of Avalon`).
    places_by_core: HashMap<&'a str, BTreeSet<&'a Key>>,
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

fn pools<'a>(st: &Stats<'a>) -> Pools<'a> {
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
        if let Some((_, last)) = name.rsplit_once(' ') {
            p.orgs_by_last_word.entry(last).or_default().insert(k);
            if let Some(i) = st.written.get(k).and_then(|w| initials(w)) {
                p.orgs_by_initials.entry(i).or_default().insert(k);
            }
        }
    }
    p
}

/// The candidates of a key, the most sighted first, at most [`POOL`].
fn pool_of<'a>(k: &'a Key, p: &Pools<'a>, st: &Stats<'a>, lex: &Lexicon) -> Vec<&'a Key> {
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
            out.extend(p.orgs_by_last_word.get(last.as_str()).into_iter().flatten());
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
            if words.len() == 1 {
                out.extend(p.orgs_by_brand.get(name).into_iter().flatten());
            }
            let last = words[words.len() - 1];
            let suffix = format!(" {name}");
            out.extend(
                p.orgs_by_last_word
                    .get(last)
                    .into_iter()
                    .flatten()
                    .filter(|o| org_name(o).is_some_and(|n| n.ends_with(&suffix))),
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
type Contexts<'a> = HashMap<&'a Key, HashSet<&'a Key>>;

fn contexts<'a>(
    per_doc: &'a [Vec<Sighting>],
    st: &Stats<'a>,
    poolmap: &BTreeMap<&'a Key, Vec<&'a Key>>,
) -> (Contexts<'a>, Contexts<'a>) {
    let contested: HashSet<&Key> = poolmap
        .values()
        .filter(|v| v.len() > 1)
        .flatten()
        .copied()
        .collect();
    let mut context: Contexts = HashMap::new();
    let mut own_context: Contexts = HashMap::new();
    for (d, v) in per_doc.iter().enumerate() {
        for s in v {
            if contested.contains(&s.key) {
                context.entry(&s.key).or_default().extend(&st.contexts[d]);
            }
            if poolmap.get(&s.key).is_some_and(|v| v.len() > 1) {
                own_context
                    .entry(&s.key)
                    .or_default()
                    .extend(&st.contexts[d]);
            }
        }
    }
    (context, own_context)
}

/// Every sighting's linked key: organisations named in part first (per key), then single name
/// words (per sighting), then nominals.
pub fn link<'a>(per_doc: &'a [Vec<Sighting>], lex: &Lexicon) -> Vec<Vec<Key>> {
    let st = stats(per_doc, lex);
    let p = pools(&st);
    let mut distinct: Vec<&Key> = st.sightings.keys().copied().collect();
    distinct.sort();
    let poolmap: BTreeMap<&Key, Vec<&Key>> = distinct
        .iter()
        .map(|&k| (k, pool_of(k, &p, &st, lex)))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let (context, own_context) = contexts(per_doc, &st, &poolmap);
    let empty = BTreeSet::new();
    let choose = |pool: &[&'a Key],
                  counts: &HashMap<&Key, usize>,
                  s: &Unlinked,
                  shared: &dyn Fn(&Key) -> usize| {
        let cands: Vec<Candidate> = pool
            .iter()
            .map(|&k| Candidate {
                key: k,
                sightings: counts.get(k).copied().unwrap_or(st.sightings[k]),
                gender: st.gender.get(k).copied(),
                role_words: st.roles.get(k).unwrap_or(&empty),
                shared_context: shared(k),
            })
            .collect();
        decide(s, &cands).map(|i| pool[i])
    };
    // Organisations named in part, per key, with the key's own articles as context.
    let no_counts = HashMap::new();
    let mut key_link: HashMap<&Key, &Key> = HashMap::new();
    for (&k, pool) in &poolmap {
        if !matches!(k, Key::Named { .. }) {
            continue;
        }
        let mine = own_context.get(k);
        let shared = |c: &Key| overlap(mine, context.get(c));
        if let Some(t) = choose(pool, &no_counts, &Unlinked::default(), &shared) {
            key_link.insert(k, t);
        }
    }
    let follow = |k: &'a Key| follow(&key_link, k);
    // A single word's candidates as the entities they are (`Ana Berg` read once as an
    // organisation is the person), their sightings together.
    let mut counts: HashMap<&Key, usize> = HashMap::new();
    for (&k, &n) in &st.sightings {
        *counts.entry(follow(k)).or_default() += n;
    }
    let followed: HashMap<&Key, Vec<&Key>> = poolmap
        .iter()
        .filter(|(k, _)| matches!(k, Key::LastName { .. }))
        .map(|(&k, pool)| {
            let mut seen = HashSet::new();
            let v: Vec<&Key> = pool
                .iter()
                .map(|&c| follow(c))
                .filter(|c| seen.insert(*c) && *c != k)
                .collect();
            (k, v)
        })
        .collect();
    per_doc
        .iter()
        .enumerate()
        .map(|(d, v)| {
            let article: HashSet<&Key> = st.contexts[d].iter().copied().collect();
            v.iter()
                .map(|s| match followed.get(&s.key) {
                    Some(pool) if !pool.is_empty() => {
                        let shared = |c: &Key| overlap(Some(&article), context.get(c));
                        let u = Unlinked {
                            gender: sighting_gender(s, lex),
                            role_words: s.role_words().filter(|w| lex.is_title_word(w)).collect(),
                            kind: Some(s.kind),
                        };
                        choose(pool, &counts, &u, &shared).unwrap_or(&s.key).clone()
                    }
                    _ => follow(&s.key).clone(),
                })
                .collect()
        })
        .collect()
}

/// Links chain (`AVB` -> `Avalon Valley Bank` -> ...): followed a few steps, never in a loop.
fn follow<'a>(key_link: &HashMap<&'a Key, &'a Key>, k: &'a Key) -> &'a Key {
    let mut at = k;
    for _ in 0..4 {
        match key_link.get(at) {
            Some(&next) if next != k => at = next,
            _ => break,
        }
    }
    at
}

fn overlap(a: Option<&HashSet<&Key>>, b: Option<&HashSet<&Key>>) -> usize {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
            small.iter().filter(|k| large.contains(*k)).count()
        }
        _ => 0,
    }
}

/// Nominals join the one person whose role words hold all their words: an index from role word
/// to people, intersected from the rarest word.
pub fn link_nominals(per_doc: &[Vec<Sighting>], resolved: &mut [Vec<Key>]) {
    let mut by_role_word: HashMap<String, BTreeSet<Key>> = HashMap::new();
    for (d, v) in per_doc.iter().enumerate() {
        for (i, s) in v.iter().enumerate() {
            let k = &resolved[d][i];
            if matches!(k, Key::Person { .. } | Key::LastName { .. }) {
                for w in s.role_words() {
                    by_role_word.entry(w).or_default().insert(k.clone());
                }
            }
        }
    }
    for (d, v) in per_doc.iter().enumerate() {
        for (i, s) in v.iter().enumerate() {
            let Key::Nominal { words, .. } = &s.key else {
                continue;
            };
            let mut lists: Vec<&BTreeSet<Key>> = Vec::with_capacity(words.len());
            for w in words {
                match by_role_word.get(w) {
                    Some(l) => lists.push(l),
                    None => {
                        lists.clear();
                        break;
                    }
                }
            }
            lists.sort_by_key(|l| l.len());
            let Some((first, rest)) = lists.split_first() else {
                continue;
            };
            let mut fits = first
                .iter()
                .filter(|k| rest.iter().all(|l| l.contains(*k)))
                .take(2);
            if let (Some(one), None) = (fits.next(), fits.next()) {
                resolved[d][i] = one.clone();
            }
        }
    }
}

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
