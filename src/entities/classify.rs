//! Roles and affiliations: a run of capitalised words split into the role words before a name
//! and the name itself, and typed from its words.
//!
//! Takes a run's word spans; gives a [`Mention`]: `NATO Secretary General Mark Rutte` is role
//! `nato secretary general` (affiliation `NATO`) and name `Mark Rutte`. Role words are titles,
//! nationality and party adjectives (`Ukrainian`, `Democratic`: affiliations, never people) and
//! known organisations or places *before a title* (`Avalon Gov. Ana Ruiz`, but `Paris Hilton` is
//! a name). A name is typed from the gazetteer, organisation words (`Department`), a web domain
//! or an acronym; anything else reads as a person here, and [`super::evidence`] decides later
//! whether the article gives reason to believe it. Equipment is never typed here: a named
//! system needs its context (see [`super::gazetteer`]).

use super::Mention;
use crate::lexicon::{is_title_joiner, EntityKind, KnownEntity, Lexicon};
use compact_str::CompactString;

use crate::text::{lower, LowercaseFast, Span};

pub fn is_acronym(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// A name that starts with a single letter and a hyphen (`T-Mobile`, `E-Trade`): a brand, never
/// a person's name, and keyed whole.
pub fn has_letter_prefix(name: &str) -> bool {
    let mut parts = name.splitn(2, '-');
    let first = parts.next().unwrap_or("").trim();
    parts.next().is_some() && first.chars().count() == 1 && first.chars().all(char::is_alphabetic)
}

/// A company's legal form, lowercase and without its dot (`inc`, `ltd`).
pub fn is_legal_form(w: &str) -> bool {
    matches!(
        w,
        "inc"
            | "corp"
            | "co"
            | "ltd"
            | "llc"
            | "plc"
            | "corporation"
            | "company"
            | "incorporated"
            | "limited"
            | "lp"
            | "llp"
            | "ag"
            | "sa"
            | "nv"
            | "gmbh"
    )
}

/// A generic word of a place name (`Avalon River`, `Gulf of Avalon`, `Mount Avalon`).
pub fn is_place_word(w: &str) -> bool {
    matches!(
        w,
        "sea"
            | "ocean"
            | "island"
            | "islands"
            | "isle"
            | "river"
            | "lake"
            | "mount"
            | "mt"
            | "mountain"
            | "mountains"
            | "bay"
            | "gulf"
            | "strait"
            | "canal"
            | "peninsula"
            | "valley"
            | "desert"
            | "coast"
            | "county"
            | "province"
            | "region"
            | "district"
            | "park"
            | "street"
            | "avenue"
            | "road"
            | "square"
            | "bridge"
            | "airport"
            | "beach"
            | "hill"
            | "hills"
            | "forest"
            | "camp"
            | "prison"
            | "stadium"
            | "arena"
            | "port"
            | "fort"
    )
}

/// A gazetteer entry for a lowercase name, other than a weapon system.
fn known_here<'l>(lex: &'l Lexicon, lower: &str) -> Option<&'l KnownEntity> {
    lex.known(lower).filter(|k| k.kind != EntityKind::Equipment)
}

/// The gazetteer entry the words of `span` name as written: with the entry's capitals, so that
/// an acronym matches only in capitals (`Doctor Who` names no `WHO`, `Is` no `IS`).
fn known_as_written<'l>(lex: &'l Lexicon, text: &str, span: Span) -> Option<&'l KnownEntity> {
    let lower = lower(span.of(text));
    let k = match lower.strip_prefix("the ") {
        Some(stripped) => known_here(lex, stripped).or_else(|| known_here(lex, &lower)),
        None => known_here(lex, &lower),
    }?;
    lex.gazetteer_match_at(text, span.start)
        .is_some_and(|(r, _)| r.end >= span.end)
        .then_some(k)
}

/// How many leading words are role words: titles, demonyms, and organisations, places or
/// acronyms standing before a title (`NATO Secretary General`).
fn role_words(text: &str, words: &[Span], lows: &[CompactString], lex: &Lexicon) -> usize {
    let mut split = known_prefix(text, words, lex);
    let mut titled = 0; // words up to and including the last title or demonym
    while split + 1 < words.len() {
        let w = words[split].of(text);
        let wl = &lows[split];
        let title = lex.is_title_word(wl) || lex.demonym(wl).is_some();
        let prefix =
            is_acronym(w) || known_here(lex, wl).is_some_and(|k| k.kind != EntityKind::Person);
        let joins_titles = is_title_joiner(wl)
            && split > 0
            && split + 2 < words.len()
            && lex.is_title_word(&lows[split + 1]);
        if title {
            titled = split + 1;
        } else if !prefix && !joins_titles {
            break; // `of` goes on only between titles: `Secretary of State Ana Ruiz`
        }
        split += 1;
    }
    titled
}

/// The role words' count, or none when they are only a country before an institution of
/// it: `Avalonian Embassy`, `U.S. Navy` name the institution whole, not an `Embassy` of an
/// `Avalonian` (a title among them keeps the split: `Avalonian Navy Adm. Ruiz`).
fn own_country(lows: &[CompactString], split: usize, lex: &Lexicon) -> usize {
    let country = |wl: &CompactString| {
        !lex.is_title_word(wl)
            && (lex.demonym(wl).is_some()
                || known_here(lex, wl).is_some_and(|k| k.kind == EntityKind::Place))
    };
    let institution = lows[split..].iter().all(|wl| lex.is_org_word(wl));
    if split > 0 && institution && lows[..split].iter().all(country) {
        0
    } else {
        split
    }
}

/// How many leading words form a multi-word gazetteer place or organisation (`New Avalon` in
/// `New Avalon Gov. Ana Ruiz`), at most four.
fn known_prefix(text: &str, words: &[Span], lex: &Lexicon) -> usize {
    (2..=words.len().saturating_sub(1).min(4))
        .rev()
        .find(|&n| {
            let s = Span::new(words[0].start, words[n - 1].end).of(text);
            known_here(lex, &lower(s))
                .is_some_and(|k| matches!(k.kind, EntityKind::Place | EntityKind::Org))
        })
        .unwrap_or(0)
}

/// Splits a run of capitalised words into its role prefix and its name, and types it.
pub fn classify(text: &str, words: &[Span], lex: &Lexicon) -> Option<Mention> {
    let first = *words.first()?;
    let last = *words.last()?;
    let full = Span::new(first.start, last.end);
    if let Some(k) = known_as_written(lex, text, full) {
        return Some(Mention {
            span: full,
            name: full,
            role: None,
            kind: k.kind,
            canonical: k.canonical.to_string(),
            affiliations: Vec::new(),
        });
    }
    // Each word's lowercase form, made once.
    let lows: Vec<CompactString> = words.iter().map(|w| lower(w.of(text))).collect();
    let is_role_word = |wl: &CompactString| lex.is_title_word(wl) || lex.demonym(wl).is_some();
    let prefix = known_prefix(text, words, lex);
    if prefix + 1 == words.len() && is_role_word(&lows[prefix]) || lows.iter().all(is_role_word) {
        return None; // "President", "Ukrainian", "New Avalon Republican": no name
    }
    let mut split = own_country(&lows, role_words(text, words, &lows, lex), lex);
    // `High Street`: a street named with words of titles that make no title
    // alone is the street's name (`Mayor Street` is still a mayor's).
    if split + 1 == words.len()
        && super::name_parts::is_street_word(&lows[split])
        && !lex.is_title(&lows[..split].join(" "))
    {
        split = 0;
    }
    // `Director of Avalon Mills`: the name starts after the words that join it to the role.
    let joiners = lows[split..]
        .iter()
        .take_while(|wl| is_title_joiner(wl))
        .count();
    let name_from = (split + joiners).min(words.len() - 1);
    let name_words = &words[name_from..];
    let name = Span::new(name_words.first()?.start, last.end);
    let role = (split > 0).then(|| {
        Span::new(first.start, words[split - 1].end)
            .of(text)
            .to_lowercase_fast()
    });
    let affiliations: Vec<String> = lows[..split]
        .iter()
        .filter_map(|wl| {
            lex.demonym(wl).map(str::to_string).or_else(|| {
                known_here(lex, wl)
                    .filter(|k| matches!(k.kind, EntityKind::Org | EntityKind::Place))
                    .map(|k| k.canonical.to_string())
            })
        })
        .collect();
    let name_text = name.of(text);
    let known = known_as_written(lex, text, name);
    let mut kind = kind_of(text, name_words, &lows[name_from..], known, lex);
    if joiners > 0 {
        // The role is the unnamed holder's; what follows `of` is where or what they serve.
        if kind == EntityKind::Person {
            kind = EntityKind::Org;
        }
        return Some(Mention {
            span: name,
            name,
            role: None,
            kind,
            canonical: known.map_or_else(|| name_text.to_string(), |k| k.canonical.to_string()),
            affiliations: Vec::new(),
        });
    }
    Some(Mention {
        span: full,
        name,
        role,
        kind,
        canonical: known.map_or_else(
            || {
                if name_text.contains('’') || name_text.contains(" - ") {
                    name_text.replace('’', "'").replace(" - ", "-")
                } else {
                    name_text.to_string()
                }
            },
            |k| k.canonical.to_string(),
        ),
        affiliations,
    })
}

/// The kind a name's own words give it.
fn kind_of(
    text: &str,
    name_words: &[Span],
    name_lows: &[CompactString],
    known: Option<&KnownEntity>,
    lex: &Lexicon,
) -> EntityKind {
    let name_text = Span::new(name_words[0].start, name_words[name_words.len() - 1].end).of(text);
    let head = &name_lows[name_lows.len() - 1];
    let org_word_inside = name_words.len() > 1
        && name_words
            .iter()
            .zip(name_lows)
            .any(|(w, wl)| w.len() > 3 && lex.is_org_word(wl));
    let first = &name_lows[0];
    if lex.is_org_word(head) || org_word_inside {
        EntityKind::Org
    } else if name_words.len() > 1
        && lex.first_name(first).is_none()
        && (is_place_word(head) || is_place_word(first.trim_end_matches('.')))
    {
        EntityKind::Place
    } else if let Some(k) = known {
        k.kind
    } else if name_text
        .rsplit_once('.')
        .is_some_and(|(_, tld)| crate::segment::is_domain_suffix(tld))
    {
        EntityKind::Outlet // a news site named by its domain
    } else if is_acronym(name_text) {
        EntityKind::Org
    } else {
        EntityKind::Person
    }
}
