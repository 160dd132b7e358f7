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
//! The statistics and indexes themselves are built in `pools.rs`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub use super::decide::{decide, Candidate, Unlinked};
use super::keys::{Key, Sighting};
pub use super::pools::initials;
use super::pools::{pool_of, pools, sighting_gender, stats, Stats};
use crate::lexicon::Lexicon;

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
