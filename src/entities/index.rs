//! The name index of one article: people by last name, by given name and by role word, so that
//! a last name, a title and last name or a nominal finds the full name the article gives.
//!
//! Every lookup costs a hash probe and a binary search (never a scan of the article's names), so
//! indexing and resolving an article are linear in its length however often a name repeats.

use rustc_hash::FxHashMap as HashMap;

use super::evidence::given_name;
use super::Mention;
use crate::lexicon::{EntityKind, Gender, Lexicon};
use crate::text::{fold_name, last_name_key};

/// One person of the article, named with a given name (`Ana Ruiz`, `Ana M. Ruiz`).
#[derive(Debug)]
struct Person {
    /// The fullest form the article gives.
    canonical: String,
    gender: Option<Gender>,
    /// Byte offsets where the article names this person in full, in text order.
    starts: Vec<usize>,
}

/// The people of the article who share one last name.
#[derive(Debug, Default)]
struct Family {
    people: Vec<Person>,
    /// Folded formal given name -> person.
    by_given: HashMap<String, usize>,
    /// (offset, person) of every full naming, in text order: all, and those a male or a female
    /// honorific may denote.
    seen: [Vec<(usize, usize)>; 3],
    /// Per slot of `seen`: the one person it holds, if only one.
    sole: [Option<usize>; 3],
}

/// The names of one article, with people indexed by last name and role words.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Every name of the article, in text order.
    pub names: Vec<Mention>,
    /// Folded last name -> the person mention with the longest name.
    by_last: HashMap<String, usize>,
    families: HashMap<String, Family>,
    /// Role word -> person mentions whose role holds it, in text order.
    by_role_word: HashMap<String, Vec<usize>>,
    /// Person mentions that can stand for an antecedent (see [`NameIndex::people_before`]).
    antecedents: Vec<usize>,
}

/// The gender an honorific in a role gives (`Mrs.` in `Mrs. Ruiz`).
pub fn role_gender(role: Option<&str>, lex: &Lexicon) -> Option<Gender> {
    role?
        .split([' ', '-'])
        .find_map(|w| lex.honorific_gender(w))
}

/// The folded, formal given name of a person's name (`Bill Ruiz` -> `william`).
pub fn given_key(name: &str, lex: &Lexicon) -> Option<String> {
    let g = given_name(name, lex)?;
    // A lowercase ASCII word without dots or hyphens is folded already.
    let plain = g
        .bytes()
        .all(|b| b.is_ascii() && !matches!(b, b'.' | b'-') && !b.is_ascii_whitespace());
    let g = if plain { g } else { fold_name(&g) };
    let formal = lex.formal_name(&g);
    Some(if formal == g { g } else { formal.to_string() })
}

fn which(gender: Option<Gender>) -> usize {
    match gender {
        None | Some(Gender::Either) => 0,
        Some(Gender::Male) => 1,
        Some(Gender::Female) => 2,
    }
}

impl NameIndex {
    /// Adds a name (in text order).
    pub fn push(&mut self, m: Mention, lex: &Lexicon) {
        let key = if m.kind == EntityKind::Person {
            last_name_key(&m.canonical)
        } else {
            String::new()
        };
        self.push_keyed(m, key, lex);
    }

    /// [`NameIndex::push`] with the name's `last_name_key` already made (read only for a
    /// person's name).
    pub(super) fn push_keyed(&mut self, m: Mention, key: String, lex: &Lexicon) {
        let k = self.names.len();
        if m.kind == EntityKind::Person {
            self.index_person(k, &m, key, lex);
        }
        self.names.push(m);
    }

    fn index_person(&mut self, k: usize, m: &Mention, key: String, lex: &Lexicon) {
        let longer = self
            .by_last
            .get(&key)
            .is_none_or(|&b| self.names[b].name.len() < m.name.len());
        if longer {
            self.by_last.insert(key.clone(), k);
        }
        if let Some(role) = &m.role {
            for w in role.split([' ', '-']).filter(|w| !w.is_empty()) {
                self.by_role_word.entry(w.to_string()).or_default().push(k);
            }
        }
        let Some(given) = given_key(&m.canonical, lex) else {
            return;
        };
        // The formal name knows the gender a short form may not (`Bill`: `William`).
        let gender = role_gender(m.role.as_deref(), lex)
            .or_else(|| lex.first_name(&given))
            .or_else(|| given_name(&m.canonical, lex).and_then(|g| lex.first_name(&fold_name(&g))));
        let fam = self.families.entry(key).or_default();
        let p = *fam.by_given.entry(given).or_insert_with(|| {
            fam.people.push(Person {
                canonical: String::new(),
                gender,
                starts: Vec::new(),
            });
            fam.people.len() - 1
        });
        let person = &mut fam.people[p];
        let words = |s: &str| s.split_whitespace().count();
        let fuller = (words(&m.canonical), m.canonical.len())
            > (words(&person.canonical), person.canonical.len());
        if fuller {
            person.canonical = m.canonical.clone();
        }
        person.gender = person.gender.or(gender);
        person.starts.push(m.span.start);
        let g = person.gender;
        fam.seen[0].push((m.span.start, p));
        for (slot, sex) in [(1, Gender::Male), (2, Gender::Female)] {
            if g.is_none_or(|g| g.agrees(sex)) {
                fam.seen[slot].push((m.span.start, p));
            }
        }
    }

    /// Call once all names are in: which people can be antecedents.
    pub fn finish(&mut self) {
        for fam in self.families.values_mut() {
            for slot in 0..3 {
                let seen = &fam.seen[slot];
                fam.sole[slot] = seen
                    .first()
                    .map(|f| f.1)
                    .filter(|&p| seen.iter().all(|&(_, q)| q == p));
            }
        }
        self.antecedents = (0..self.names.len())
            .filter(|&k| {
                let n = &self.names[k];
                n.kind == EntityKind::Person
                    && (n.canonical.contains(' ')
                        || self
                            .person_by_last(&n.canonical)
                            .is_some_and(|f| f.canonical.contains(' ')))
            })
            .collect();
    }

    /// The fullest name of a person with this last name, if the article gives one.
    pub fn person_by_last(&self, last: &str) -> Option<&Mention> {
        self.by_last
            .get(&last_name_key(last))
            .map(|&i| &self.names[i])
    }

    /// The name that starts at byte `offset`, if one does.
    fn name_at(&self, offset: usize) -> Option<&Mention> {
        let k = self.names.partition_point(|n| n.span.start < offset);
        self.names.get(k).filter(|n| n.span.start == offset)
    }

    /// The fullest form of a person's name in the article (`Rutte` -> `Mark Rutte`) for a
    /// mention at byte `offset`. A given name, when written, must agree (`Bill` is `William`);
    /// an honorific must agree with the person's gender (`Mrs. Ruiz`). When several people share
    /// the last name, a bare last name is the one named most recently before the mention.
    pub fn full_name(&self, name: &str, offset: usize) -> String {
        let lex = Lexicon::builtin();
        let chosen = self
            .families
            .get(&last_name_key(name))
            .and_then(|fam| self.choose(fam, name, offset, lex));
        let chosen = chosen.unwrap_or(name);
        if chosen.contains('’') {
            chosen.replace('’', "'")
        } else {
            chosen.to_string()
        }
    }

    fn choose<'a>(
        &'a self,
        fam: &'a Family,
        name: &str,
        offset: usize,
        lex: &Lexicon,
    ) -> Option<&'a str> {
        let gender = self
            .name_at(offset)
            .and_then(|m| role_gender(m.role.as_deref(), lex));
        if let Some(given) = given_key(name, lex) {
            let p = &fam.people[*fam.by_given.get(&given)?];
            return Some(&p.canonical);
        }
        let slot = which(gender);
        let seen = &fam.seen[slot];
        let first = seen.first()?;
        if let Some(p) = fam.sole[slot] {
            return Some(&fam.people[p].canonical);
        }
        let before = seen.partition_point(|&(o, _)| o <= offset);
        let (_, p) = if before > 0 { seen[before - 1] } else { *first };
        Some(&fam.people[p].canonical)
    }

    /// People whose role words include every word of `role_words` (for `the Ukrainian
    /// president`), in text order.
    pub fn people_with_role<'a>(
        &'a self,
        role_words: &'a [String],
    ) -> impl Iterator<Item = &'a Mention> + 'a {
        let lists: Option<Vec<&Vec<usize>>> = role_words
            .iter()
            .map(|w| self.by_role_word.get(w))
            .collect();
        let rarest = lists
            .and_then(|l| l.into_iter().min_by_key(|l| l.len()))
            .map_or(&[][..], Vec::as_slice);
        rarest.iter().map(|&k| &self.names[k]).filter(move |n| {
            n.role.as_ref().is_some_and(|r| {
                let words: Vec<&str> = r.split([' ', '-']).collect();
                role_words.iter().all(|w| words.contains(&w.as_str()))
            })
        })
    }

    /// The person names starting before `offset`, nearest first. A single capitalised word
    /// counts only as the last name of a person the article names in full: alone it is as
    /// likely a common noun at a title's capitals ("the Convention").
    pub fn people_before(&self, offset: usize) -> impl Iterator<Item = &Mention> {
        let end = self
            .antecedents
            .partition_point(|&k| self.names[k].span.start < offset);
        self.antecedents[..end]
            .iter()
            .rev()
            .map(|&k| &self.names[k])
    }
}

#[cfg(test)]
mod tests {
    use super::{given_key, given_name};
    use crate::lexicon::Lexicon;
    use crate::text::fold_name;

    #[test]
    fn the_given_key_is_the_formal_folded_given_name() {
        let lex = Lexicon::builtin();
        for name in [
            "Dana Kessler",
            "Bill Okafor",
            "Jean-Luc Okafor",
            "Sen. Tom Okafor Jr.",
            "Zoë Kessler",
            "Kessler",
            "",
        ] {
            let reference =
                given_name(name, lex).map(|g| lex.formal_name(&fold_name(&g)).to_string());
            assert_eq!(given_key(name, lex), reference, "{name}");
        }
        assert_eq!(given_key("Bill Okafor", lex).as_deref(), Some("william"));
    }
}
