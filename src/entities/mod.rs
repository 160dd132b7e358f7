//! Entities: the names an article uses, what each names, and the people behind them.
//!
//! Takes segmented text; gives [`Mention`]s in a [`NameIndex`]: capitalised runs ([`runs`]; in
//! headlines only the words that read as names) split into role and name and typed
//! ([`classify`](mod@classify): `NATO Secretary General` + `Mark Rutte`; party and nationality adjectives are
//! affiliations), people only with evidence ([`evidence`]: a title or honorific, a given name,
//! a reporting verb, `, who`; a last name alone when the article names that person in full);
//! names without such evidence are places after a locative preposition or when they end in a
//! known place, organisations (or other named things) otherwise. [`find_mentions`] adds gazetteer
//! entries read in context ([`gazetteer`]), equipment phrases and dates and money ([`dates`]).
//! A person's name is indexed by last name, given name and role words ([`index`](mod@index)) so that `Ruiz`,
//! `Mrs. Ruiz` and `the Avalon governor` find the full name the article gives, in linear time.
//! Never looks beyond the article: which mentions across articles are one entity is `canon`'s.

mod acronyms;
mod capitals;
pub mod classify;
pub mod dates;
pub mod evidence;
pub mod gazetteer;
pub mod index;
mod name_parts;
pub mod nominals;
pub mod runs;
mod towns;

pub use classify::classify;
pub use index::NameIndex;
pub use name_parts::is_possessive_inside_name;

use crate::lexicon::{EntityKind, Lexicon};
use crate::segment::Segments;
use crate::text::{last_name_key, lower, Span};
use gazetteer::{token_at, Context, Cover};
use runs::{Capitals, Run};

/// A name as it stands in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The whole run, role words included.
    pub span: Span,
    /// The part naming the entity itself (`Mark Rutte`).
    pub name: Span,
    /// The role words before the name, lowercase (`nato secretary general`), if any.
    pub role: Option<String>,
    pub kind: EntityKind,
    /// The entity's name within its article (`Mark Rutte` for `Rutte`, `Patriot` for `Patriot
    /// air defense systems`); the corpus-wide identity is decided later by `canon`.
    pub canonical: String,
    /// Organisations and countries named in the role (`NATO` in `NATO Secretary General`,
    /// `Russia` in `Russian spokesperson`).
    pub affiliations: Vec<String>,
}

/// Collects the names of an article: its capitalised runs, classified, people only with
/// evidence. A sentence-initial lone word is a name only if the gazetteer knows it, the article
/// capitalises it inside a sentence too, or it is the last name of a person the article names.
pub fn index(text: &str, seg: &Segments, lex: &Lexicon) -> NameIndex {
    let caps = Capitals::of(seg);
    index_with(text, seg, &caps, lex)
}

/// [`index`] and then [`find_mentions`] over it, reading the article's capitals once.
pub fn index_and_mentions(text: &str, seg: &Segments, lex: &Lexicon) -> (NameIndex, Vec<Mention>) {
    let caps = Capitals::of(seg);
    let names = index_with(text, seg, &caps, lex);
    let mentions = mentions_with(text, seg, &caps, &names, lex);
    (names, mentions)
}

fn index_with(text: &str, seg: &Segments, caps: &Capitals, lex: &Lexicon) -> NameIndex {
    let runs = runs::runs(text, seg, caps, lex);
    // Each read run with its mention, its evidence and its last-name key (made once).
    let mut read: Vec<(Run, Mention, bool, String)> = Vec::with_capacity(runs.len());
    let mut surnames = rustc_hash::FxHashSet::default();
    let mut said = rustc_hash::FxHashSet::default();
    for run in runs {
        let Some(m) = classify(text, &run.words, lex) else {
            continue;
        };
        let evident =
            m.kind == EntityKind::Person && evidence::is_person(text, seg, caps, &run, &m, lex);
        // A single word shown a person by its context alone (`Avalonfact says`) is a person
        // there, but does not make every other use of the word in the article a person's:
        // organisations say things too.
        let single = !m.name.of(text).trim().contains(char::is_whitespace)
            && !evidence::has_title(m.role.as_deref(), lex);
        let key = last_name_key(&m.canonical);
        if evident && !single {
            surnames.insert(key.clone());
        } else if evident {
            said.insert(key.clone());
        }
        read.push((run, m, evident, key));
    }
    let mut out = NameIndex::default();
    let mut readings: Vec<(usize, String, bool)> = Vec::new();
    for (run, mut m, evident, key) in read {
        let lower = runs::without_possessive(&seg.tokens[run.first()].lower);
        let surname = surnames.contains(&key);
        let lone_initial = run.initial
            && run.words.len() == 1
            && !caps.inside.contains(lower)
            && lex.known(lower).is_none()
            && !surname
            && !said.contains(&key)
            && !looks_like_a_name(run.words[0].of(text))
            && !evident;
        // A letter in parentheses after a name is a party or a state (`Ana Ruiz (R)`, `(D-Avalon)`).
        let marker = run.words.len() == 1
            && run.words[0]
                .of(text)
                .split('-')
                .next()
                .map(|p| p.chars().count())
                == Some(1)
            && run
                .first()
                .checked_sub(1)
                .is_some_and(|k| seg.tokens[k].is_punct('('));
        if lone_initial || marker {
            continue;
        }
        if surname
            && m.kind != EntityKind::Person
            && caps.title[run.first()]
            && lex.known(lower).is_none()
            && is_capitals_surname(&run, text)
        {
            // A headline writes the last name in capitals (`VARGA ARRESTED`): the person the
            // article names, not an acronym.
            m.kind = EntityKind::Person;
        }
        if m.kind == EntityKind::Person && !evident && !surname {
            let (kind, weak) = unevidenced_kind(text, seg, &run, &m, lex);
            m.kind = kind;
            if m.canonical.trim().contains(char::is_whitespace) {
                readings.push((out.names.len(), m.canonical.to_lowercase(), weak));
            }
        }
        out.push_keyed(m, key, lex);
    }
    one_reading_per_name(&mut out, readings);
    out.finish();
    out
}

/// A name of several words read without evidence is one thing in its article: the weak
/// readings (a place after `in`, an organisation for want of anything else) take the reading
/// most of the name's uses give (`flaws in Avalon Navigator` is the product the article names
/// four more times), and stay as they are on a tie. `readings`: (index in `out`, lowercase
/// words, weak).
fn one_reading_per_name(out: &mut NameIndex, readings: Vec<(usize, String, bool)>) {
    let mut votes: rustc_hash::FxHashMap<&str, (usize, usize)> = Default::default();
    for (i, words, _) in &readings {
        let v = votes.entry(words.as_str()).or_default();
        match out.names[*i].kind {
            EntityKind::Place => v.0 += 1,
            _ => v.1 += 1,
        }
    }
    for (i, words, weak) in &readings {
        let (place, org) = votes[words.as_str()];
        if *weak && place != org {
            out.names[*i].kind = if place > org {
                EntityKind::Place
            } else {
                EntityKind::Org
            };
        }
    }
}

/// A single word in capitals of at least four letters (`VARGA`), as headlines write names;
/// shorter ones are acronyms (`NBA`).
fn is_capitals_surname(run: &Run, text: &str) -> bool {
    let [w] = run.words.as_slice() else {
        return false;
    };
    let w = w.of(text);
    classify::is_acronym(w) && w.chars().filter(|c| c.is_alphabetic()).count() >= 4
}

/// A word whose shape says it is a name wherever it stands: capitals inside (`McAvalon`,
/// `AvalonTech`), capitalised parts joined by a hyphen (`Avalon-Berg`), or an acronym.
fn looks_like_a_name(w: &str) -> bool {
    let inner_capital = w.chars().skip(1).any(char::is_uppercase);
    let hyphenated = w.contains('-')
        && w.split('-')
            .all(|p| p.chars().next().is_some_and(char::is_uppercase));
    inner_capital || hyphenated
}

/// What a name read as a person's but without evidence names: a place after a locative
/// preposition (`in Avalon`), with a designator (`the province of Avalon`, `Avalon province`) or
/// when it ends in a known place (`Northern Avalonia`), else an organisation or another named
/// thing. Also whether the reading is weak (a locative preposition alone, or nothing at all).
fn unevidenced_kind(
    text: &str,
    seg: &Segments,
    run: &Run,
    m: &Mention,
    lex: &Lexicon,
) -> (EntityKind, bool) {
    let before = run
        .first()
        .checked_sub(1)
        .map(|k| seg.tokens[k].lower.as_str());
    let locative = matches!(
        before,
        Some("in" | "near" | "at" | "outside" | "across" | "throughout" | "into")
    );
    // `the province of Avalon`, `Avalon province`: a designator says it is a place.
    let lower_at = |k: usize| seg.tokens.get(k).map(|t| t.lower.as_str());
    let designated = run.first().checked_sub(2).is_some_and(|k| {
        before == Some("of")
            && matches!(
                lower_at(k),
                Some("province" | "region" | "island" | "city" | "town" | "village")
            )
    }) || matches!(lower_at(run.end()), Some("province" | "region" | "island"))
        && seg.tokens.get(run.end()).is_some_and(|t| !t.capitalized);
    let last = m.name.of(text).split_whitespace().last().unwrap_or("");
    let org_word = m
        .name
        .of(text)
        .split_whitespace()
        .any(|w| lex.is_org_word(&lower(w)));
    // `Avalon USA` is a company's branch: a place only when the last word is no acronym.
    let ends_in_place = !classify::is_acronym(last)
        && lex
            .known(&lower(last))
            .is_some_and(|k| k.kind == EntityKind::Place);
    if ((locative || designated) && !org_word) || ends_in_place {
        (EntityKind::Place, !designated && !ends_in_place)
    } else {
        (EntityKind::Org, !org_word)
    }
}

/// Every entity mention in an article body, in text order and without overlaps: gazetteer
/// entries read in context, equipment phrases, dates, sums of money, and the people,
/// organisations and places of the article's capitalised runs. Where two readings overlap the
/// earlier in that list wins. Mentions inside quotations are included: what a speaker talks
/// about is exactly what stance needs.
pub fn find_mentions(text: &str, seg: &Segments, names: &NameIndex, lex: &Lexicon) -> Vec<Mention> {
    mentions_with(text, seg, &Capitals::of(seg), names, lex)
}

fn mentions_with(
    text: &str,
    seg: &Segments,
    caps: &Capitals,
    names: &NameIndex,
    lex: &Lexicon,
) -> Vec<Mention> {
    let Some(last) = seg.tokens.last() else {
        return Vec::new();
    };
    let cx = Context::new(text, seg, caps, names);
    let mut out: Vec<Mention> = Vec::new();
    let mut cover = Cover::new(last.span.end);
    // A web address names nothing: its bytes are taken before any reading.
    for (t, _) in seg.tokens.iter().zip(&caps.url).filter(|(_, &u)| u) {
        cover.take(t.span);
    }
    gazetteer::entries(&cx, lex, &mut cover, &mut out);
    gazetteer::equipment(text, seg, lex, &mut cover, &mut out);
    dates_and_money(text, seg, &mut cover, &mut out);
    let toks = &seg.tokens;
    for n in &names.names {
        if n.kind == EntityKind::Anonymous || cover.taken(n.name) {
            continue;
        }
        // Nationality adjectives ("Avalonian-Merrowan") are no entities.
        let name_text = n.name.of(text);
        if name_text
            .split(['-', ' '])
            .all(|w| lex.demonym(&lower(w)).is_some())
        {
            continue;
        }
        // A lone word set in quotation marks is a term or nickname, not an entity.
        let k = token_at(seg, n.name.start);
        let quoted_term =
            k > 0 && toks[k - 1].is_quote() && toks.get(k + 1).is_some_and(|t| t.is_quote());
        if quoted_term {
            continue;
        }
        let mut m = n.clone();
        // Role words an earlier reading took (`U.S.` in `U.S. Secretary Ana Ruiz`) leave it.
        let mut k = token_at(seg, m.span.start);
        while cover.taken(Span::new(m.span.start, m.name.start)) && k < toks.len() {
            k += 1;
            m.span.start = toks
                .get(k)
                .map_or(m.name.start, |t| t.span.start.min(m.name.start));
        }
        if m.kind == EntityKind::Person {
            m.canonical = names.full_name(&m.canonical, m.span.start);
        }
        out.push(m);
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    acronyms::defined(text, towns::with_regions(text, lex, out))
}

fn dates_and_money(text: &str, seg: &Segments, cover: &mut Cover, out: &mut Vec<Mention>) {
    let toks = &seg.tokens;
    for k in 0..toks.len() {
        for kind in [EntityKind::Date, EntityKind::Money] {
            let end = match kind {
                EntityKind::Date => dates::date_at(toks, k),
                _ => dates::money_at(toks, k),
            };
            let Some(end) = end else { continue };
            let last = &toks[end - 1];
            let span = Span::new(
                toks[k].span.start,
                last.span.end - dates::possessive_len(last),
            );
            if !cover.taken(span) {
                cover.take(span);
                out.push(Mention {
                    span,
                    name: span,
                    role: None,
                    kind,
                    canonical: span
                        .of(text)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    affiliations: Vec::new(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use crate::lexicon::Lexicon;
    use crate::text::newsish;

    proptest! {
        /// Whatever the text, mentions index it, in order, without overlaps.
        #[test]
        fn mentions_index_the_text_in_order(text in newsish()) {
            let lex = Lexicon::builtin();
            let a = crate::ingest::Article::new("p", text.clone(), None);
            let seg = crate::segment::segment(&text, a.body, lex);
            let names = super::index(&text, &seg, lex);
            let ms = super::find_mentions(&text, &seg, &names, lex);
            let mut end = 0;
            for m in &ms {
                prop_assert!(m.span.start >= end && m.span.end <= text.len());
                prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                prop_assert!(m.span.contains(m.name));
                end = m.span.end;
            }
        }
    }
}
