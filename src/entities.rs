//! Entities: the names an article uses, so that speakers can be resolved.
//!
//! Takes segmented text; gives [`Mention`]s: runs of capitalised words split into a role part and
//! a name part (`NATO Secretary General` + `Mark Rutte`), typed from the gazetteer (countries,
//! capitals, organisations, outlets) and from organisation words (`Department`, `Party`).
//! A person's full name is indexed under its last name so that `Rutte` and `the Ukrainian
//! president` can be resolved to the full name the article gives.

use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use crate::lexicon::{EntityKind, Lexicon};
use crate::quotes::words;
use crate::segment::{Segments, TokenKind};
use crate::text::{fold_name, last_name_key, LowercaseFast, Span};

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

/// The names of one article, with people indexed by last name and role words.
#[derive(Debug, Default)]
pub struct NameIndex {
    pub names: Vec<Mention>,
    by_last: HashMap<String, usize>,
    /// Every person named with more than one word, by folded last name.
    full_names: HashMap<String, Vec<usize>>,
}

impl NameIndex {
    /// The fullest name of a person with this last name, if the article gives one.
    pub fn person_by_last(&self, last: &str) -> Option<&Mention> {
        self.by_last
            .get(&last_name_key(last))
            .map(|&i| &self.names[i])
    }

    /// The fullest form of a person's name in the article (`Rutte` -> `Mark Rutte`) for a
    /// mention at byte `offset`. When two people share the last name (`Bill Clinton`, `Hillary
    /// Clinton`), a bare last name is the one named most recently before the mention.
    pub fn full_name(&self, name: &str, offset: usize) -> String {
        let last = name.split_whitespace().last().unwrap_or(name);
        let words = name.split_whitespace().count();
        let mut candidates: Vec<&Mention> = self
            .full_names
            .get(&last_name_key(last))
            .into_iter()
            .flatten()
            .map(|&i| &self.names[i])
            .filter(|m| m.canonical.split_whitespace().count() >= words)
            .collect();
        if words >= 2 {
            // A first name given must agree.
            let first = fold_name(name.split_whitespace().next().unwrap_or(""));
            candidates.retain(|m| {
                fold_name(m.canonical.split_whitespace().next().unwrap_or("")) == first
            });
        }
        let distinct: std::collections::BTreeSet<&str> =
            candidates.iter().map(|m| m.canonical.as_str()).collect();
        let chosen = if distinct.len() <= 1 {
            candidates
                .iter()
                .max_by_key(|m| m.canonical.len())
                .map(|m| m.canonical.as_str())
        } else {
            candidates
                .iter()
                .filter(|m| m.span.start <= offset)
                .max_by_key(|m| m.span.start)
                .or_else(|| candidates.first())
                .map(|m| m.canonical.as_str())
        };
        chosen.unwrap_or(name).replace('’', "'")
    }

    /// People whose role words include every word of `role_words` (for `the Ukrainian president`).
    pub fn people_with_role<'a>(
        &'a self,
        role_words: &'a [String],
    ) -> impl Iterator<Item = &'a Mention> + 'a {
        self.names.iter().filter(move |n| {
            n.kind == EntityKind::Person
                && n.role.as_ref().is_some_and(|r| {
                    let words: Vec<&str> = r.split([' ', '-']).collect();
                    role_words.iter().all(|w| words.contains(&w.as_str()))
                })
        })
    }

    /// The person names starting before `offset`, nearest first. A single capitalised word
    /// counts only as the last name of a person the article names in full: alone it is as
    /// likely a common noun at a title's capitals ("the Convention").
    pub fn people_before(&self, offset: usize) -> impl Iterator<Item = &Mention> {
        self.names.iter().rev().filter(move |n| {
            n.kind == EntityKind::Person
                && n.span.start < offset
                && (n.canonical.contains(' ')
                    || self
                        .person_by_last(&n.canonical)
                        .is_some_and(|f| f.canonical.contains(' ')))
        })
    }
}

fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Splits a run of capitalised words into its role prefix and its name, and types it.
pub fn classify(text: &str, words: &[Span], lex: &Lexicon) -> Option<Mention> {
    let first = *words.first()?;
    let last = *words.last()?;
    let full = Span::new(first.start, last.end);
    let whole = full.of(text);
    let lower = whole.to_lowercase_fast();
    let stripped = lower.strip_prefix("the ").unwrap_or(&lower);
    if let Some(k) = lex.known(stripped).or_else(|| lex.known(&lower)) {
        return Some(Mention {
            span: full,
            name: full,
            role: None,
            kind: k.kind,
            canonical: k.canonical.to_string(),
            affiliations: Vec::new(),
        });
    }
    // Leading role words: titles, nationality adjectives, acronyms of organisations, "former".
    let mut split = 0;
    while split < words.len() {
        let w = words[split].of(text);
        let wl = w.to_lowercase_fast();
        let is_role = lex.is_title_word(&wl)
            || lex.demonym(&wl).is_some()
            || (is_acronym(w) && split + 1 < words.len())
            || lex
                .known(&wl)
                .is_some_and(|k| k.kind != EntityKind::Person && split + 1 < words.len());
        if !is_role {
            break;
        }
        split += 1;
    }
    let name_words = &words[split..];
    let head = name_words.last().map(|s| s.of(text).to_lowercase_fast());
    if name_words.is_empty() {
        return None;
    }
    let name = Span::new(name_words[0].start, last.end);
    let role = (split > 0).then(|| {
        Span::new(first.start, words[split - 1].end)
            .of(text)
            .to_lowercase_fast()
    });
    let affiliations: Vec<String> = words[..split]
        .iter()
        .filter_map(|w| {
            let wl = w.of(text).to_lowercase_fast();
            lex.demonym(&wl).map(str::to_string).or_else(|| {
                lex.known(&wl)
                    .filter(|k| matches!(k.kind, EntityKind::Org | EntityKind::Place))
                    .map(|k| k.canonical.to_string())
            })
        })
        .collect();
    let name_text = name.of(text);
    let kind = if head.as_deref().is_some_and(|h| lex.is_org_word(h))
        || name_words.iter().any(|w| {
            lex.is_org_word(&w.of(text).to_lowercase_fast())
                && w.of(text).len() > 3
                && name_words.len() > 1
        }) {
        EntityKind::Org
    } else if let Some(k) = lex.known(&name_text.to_lowercase_fast()) {
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
    };
    let canonical = lex
        .known(&name_text.to_lowercase_fast())
        .map_or_else(|| name_text.replace('’', "'"), |k| k.canonical.to_string());
    Some(Mention {
        span: full,
        name,
        role,
        kind,
        canonical,
        affiliations,
    })
}

/// Months and days of the week: capitalised, never names of people.
fn is_calendar_word(w: &str) -> bool {
    words::is_month(w) || words::is_weekday(w)
}

/// Lowercase particles that join the parts of a personal name.
fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "da" | "de"
            | "di"
            | "del"
            | "della"
            | "dos"
            | "das"
            | "du"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "ter"
            | "ten"
    )
}

/// Collects the capitalised runs of an article. Sentence-initial function words are not names.
pub fn index(text: &str, seg: &Segments, lex: &Lexicon) -> NameIndex {
    let mut out = NameIndex::default();
    let toks = &seg.tokens;
    // Where a sentence starts capitals say nothing: a lone capitalised word there ("Jobs are
    // coming back") is a name only if the gazetteer knows it or the article capitalises it
    // mid-sentence too.
    let mut initial = vec![false; toks.len()];
    for sent in &seg.sentences {
        let mut k = sent.start;
        while k < sent.end && !toks[k].is_word() {
            k += 1;
        }
        if k < sent.end {
            initial[k] = true;
        }
    }
    let capitalised_inside: FxHashSet<&str> = toks
        .iter()
        .enumerate()
        .filter(|&(k, t)| t.capitalized && !initial[k])
        .map(|(_, t)| t.lower.as_str())
        .collect();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !(t.capitalized && t.kind == TokenKind::Word) {
            i += 1;
            continue;
        }
        let mut words = vec![t.span];
        let mut j = i + 1;
        while j < toks.len() && toks[j].paragraph == t.paragraph {
            let u = &toks[j];
            if u.capitalized && u.kind == TokenKind::Word {
                words.push(u.span);
                j += 1;
            } else if is_name_particle(&u.lower)
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.capitalized && n.kind == TokenKind::Word)
            {
                // "Lula da Silva", "Ursula von der Leyen": particles inside a name.
                words.push(u.span);
                j += 1;
            } else if u.is_punct('.')
                && u.span.start == toks[j - 1].span.end
                && lex.is_abbreviation(&toks[j - 1].lower)
                && j + 1 < toks.len()
                && toks[j + 1].capitalized
            {
                j += 1; // "Sen. Ted Cruz"
            } else {
                break;
            }
        }
        // Possessives end a name: "Trump’s inauguration".
        let mut k = 0;
        while k < words.len() {
            let w = words[k].of(text);
            let poss = w.ends_with("’s") || w.ends_with("'s");
            if poss {
                let cut = Span::new(
                    words[k].start,
                    words[k].end - if w.ends_with("’s") { 4 } else { 2 },
                );
                words[k] = cut;
                words.truncate(k + 1);
                break;
            }
            k += 1;
        }
        while words.first().is_some_and(|w| {
            let wl = w.of(text).to_lowercase_fast();
            crate::quotes::is_function_word(&wl)
                || matches!(
                    wl.as_str(),
                    "even" | "also" | "only" | "just" | "both" | "besides" | "maybe" | "perhaps"
                )
        }) {
            words.remove(0);
        }
        if words.len() == 1 && is_calendar_word(&words[0].of(text).to_lowercase_fast()) {
            i = j.max(i + 1);
            continue;
        }
        let lone_initial = initial[i]
            && words.len() == 1
            && !capitalised_inside.contains(toks[i].lower.as_str())
            && lex.known(&toks[i].lower).is_none();
        if lone_initial {
            i = j.max(i + 1);
            continue;
        }
        if let Some(name) = classify(text, &words, lex) {
            if name.kind == EntityKind::Person {
                let parts: Vec<&str> = name.name.of(text).split_whitespace().collect();
                if let Some(lastname) = parts.last() {
                    let key = last_name_key(lastname);
                    let better = out
                        .by_last
                        .get(&key)
                        .is_none_or(|&b| out.names[b].name.len() < name.name.len());
                    if better {
                        out.by_last.insert(key.clone(), out.names.len());
                    }
                    if parts.len() >= 2 {
                        out.full_names.entry(key).or_default().push(out.names.len());
                    }
                }
            }
            out.names.push(name);
        }
        i = j.max(i + 1);
    }
    out
}

/// Every entity mention in an article body, in text order and without overlaps: gazetteer
/// entries (organisations, outlets, countries, capitals, named weapon systems), equipment phrases
/// (`Hellfire missiles`: a name, modifiers, a head noun), dates, sums of money, and the people and
/// organisations of the article's capitalised runs. Where two readings overlap the earlier in
/// that list wins. Mentions inside quotations are included: what a speaker talks about is
/// exactly what stance needs.
pub fn find_mentions(text: &str, seg: &Segments, names: &NameIndex, lex: &Lexicon) -> Vec<Mention> {
    let Some(last) = seg.tokens.last() else {
        return Vec::new();
    };
    let mut out: Vec<Mention> = Vec::new();
    // Bytes of the text already inside a mention: earlier readings win.
    let mut covered = vec![false; last.span.end];
    let taken = |covered: &[bool], s: Span| covered[s.start..s.end].iter().any(|&c| c);
    let token_at = |byte: usize| seg.tokens.partition_point(|t| t.span.start < byte);

    // Gazetteer entries, tried at each capitalised word; a named system takes the equipment
    // words after it.
    let mut k = 0;
    while k < seg.tokens.len() {
        let t = &seg.tokens[k];
        let starts_name = t.is_word()
            && t.span
                .of(text)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let Some((r, e)) = starts_name
            .then(|| lex.gazetteer_match_at(text, t.span.start))
            .flatten()
        else {
            k += 1;
            continue;
        };
        let mut span = Span::new(r.start, r.end);
        let the = span.of(text).starts_with("the ") || span.of(text).starts_with("The ");
        let name = Span::new(span.start + if the { 4 } else { 0 }, span.end);
        if e.entity.kind == EntityKind::Equipment {
            span.end = equipment_tail(seg, token_at(span.end), lex).unwrap_or(span.end);
        }
        if taken(&covered, span) {
            // "the" already belongs to an earlier mention: keep the name alone.
            span.start = name.start;
        }
        covered[span.start..span.end].fill(true);
        out.push(Mention {
            span,
            name,
            role: None,
            kind: e.entity.kind,
            canonical: e.entity.canonical.to_string(),
            affiliations: Vec::new(),
        });
        k = token_at(span.end).max(k + 1);
    }
    // Equipment phrases with names the gazetteer does not know.
    let toks = &seg.tokens;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // Cheap test first: an equipment word must follow.
        let equipment_next = toks.get(i + 1).is_some_and(|n| {
            n.is_word()
                && !n.capitalized
                && (lex.is_equipment_head(&n.lower) || lex.is_equipment_modifier(&n.lower))
        });
        let namelike = equipment_next
            && t.is_word()
            && (t.capitalized
                || (t.lower.contains('-') && t.lower.chars().any(|c| c.is_ascii_digit())))
            && !crate::quotes::is_function_word(&t.lower)
            && lex.demonym(&t.lower).is_none()
            && lex.known(&t.lower).is_none()
            && !lex.is_title_word(&t.lower);
        if namelike {
            if let Some(end) = equipment_tail(seg, i + 1, lex) {
                let span = Span::new(t.span.start, end);
                if !taken(&covered, span) {
                    covered[span.start..span.end].fill(true);
                    out.push(Mention {
                        span,
                        name: t.span,
                        role: None,
                        kind: EntityKind::Equipment,
                        canonical: t.span.of(text).to_string(),
                        affiliations: Vec::new(),
                    });
                }
                i = token_at(end);
                continue;
            }
        }
        i += 1;
    }
    // Dates, then money, read off the tokens.
    for (k, kind) in (0..toks.len()).flat_map(|k| [(k, EntityKind::Date), (k, EntityKind::Money)]) {
        let end = match kind {
            EntityKind::Date => date_at(toks, k),
            _ => money_at(toks, k),
        };
        let Some(end) = end else { continue };
        let span = Span::new(toks[k].span.start, toks[end - 1].span.end);
        if !taken(&covered, span) {
            covered[span.start..span.end].fill(true);
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
    // People, organisations and places of the capitalised runs.
    for n in &names.names {
        if n.kind == EntityKind::Anonymous || taken(&covered, n.name) {
            continue;
        }
        let name_text = n.name.of(text);
        // Nationality adjectives ("European", "Russian-Ukrainian") are not entities; neither is
        // a lone word set in quotation marks (a term or nickname, not a person).
        if name_text
            .split(['-', ' '])
            .all(|w| lex.demonym(&w.to_lowercase_fast()).is_some())
        {
            continue;
        }
        let k = token_at(n.name.start);
        let quoted_term =
            k > 0 && toks[k - 1].is_quote() && toks.get(k + 1).is_some_and(|t| t.is_quote());
        if quoted_term {
            continue;
        }
        let mut m = n.clone();
        if m.kind == EntityKind::Person {
            // "in Wiesbaden", "near Avdiivka": a single name after a locative preposition is a
            // place unless the article gives it as a person's full name.
            let locative = k > 0 && matches!(toks[k - 1].lower.as_str(), "in" | "near");
            let single = !name_text.contains(' ');
            if locative && single && names.full_name(name_text, n.span.start) == name_text {
                m.kind = EntityKind::Place;
            } else {
                m.canonical = names.full_name(&m.canonical, m.span.start);
            }
        }
        out.push(m);
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// With token `from` just after a name: the end of the `modifier* head+` words that make the name
/// an equipment phrase (`air defense systems`), if they do.
fn equipment_tail(seg: &Segments, from: usize, lex: &Lexicon) -> Option<usize> {
    let mut end = None;
    let mut k = from;
    while k < seg.tokens.len() && k < from + 5 {
        let t = &seg.tokens[k];
        if !t.is_word() || t.capitalized {
            break;
        }
        if lex.is_equipment_head(&t.lower) {
            end = Some(t.span.end);
        } else if !lex.is_equipment_modifier(&t.lower) {
            break;
        }
        k += 1;
    }
    end
}

/// A month, full or abbreviated (`Sept.`).
fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    words::is_month(w)
        || matches!(
            w,
            "jan" | "feb" | "aug" | "sept" | "sep" | "oct" | "nov" | "dec"
        )
}

fn is_day_number(t: &crate::segment::Token) -> bool {
    t.kind == TokenKind::Number
        && t.lower
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<u32>()
            .is_ok_and(|d| (1..=31).contains(&d))
        && matches!(
            t.lower.trim_start_matches(|c: char| c.is_ascii_digit()),
            "" | "st" | "nd" | "rd" | "th"
        )
}

fn is_year(t: &crate::segment::Token) -> bool {
    t.kind == TokenKind::Number
        && t.lower.len() == 4
        && (t.lower.starts_with("19") || t.lower.starts_with("20"))
        && t.lower.bytes().all(|b| b.is_ascii_digit())
}

/// A date starting at token `k`: `July 14th, 2025`, `14 July 2025`, `June 2025`, `June`,
/// `Monday`, `2025`. Returns the end token (exclusive).
fn date_at(toks: &[crate::segment::Token], k: usize) -> Option<usize> {
    let t = &toks[k];
    let at = |i: usize| toks.get(i);
    if t.capitalized && is_month(&t.lower) {
        if t.lower == "may" && !at(k + 1).is_some_and(|n| is_day_number(n) || is_year(n)) {
            return None; // the verb or the name
        }
        let mut end = k + 1;
        if at(end).is_some_and(is_day_number) {
            end += 1;
            let comma = at(end).is_some_and(|c| c.is_punct(','));
            if at(end + usize::from(comma)).is_some_and(is_year) {
                end += 1 + usize::from(comma);
            }
        } else if at(end).is_some_and(is_year) {
            end += 1;
        }
        return Some(end);
    }
    if t.capitalized && words::is_weekday(&t.lower) {
        return Some(k + 1);
    }
    if is_day_number(t) && at(k + 1).is_some_and(|m| m.capitalized && is_month(&m.lower)) {
        return Some(if at(k + 2).is_some_and(is_year) {
            k + 3
        } else {
            k + 2
        });
    }
    is_year(t).then_some(k + 1)
}

fn is_scale(w: &str) -> bool {
    matches!(w, "million" | "billion" | "trillion" | "bn" | "mln" | "m")
}

fn is_currency_word(w: &str) -> bool {
    matches!(
        w,
        "euro"
            | "euros"
            | "dollar"
            | "dollars"
            | "pound"
            | "pounds"
            | "ruble"
            | "rubles"
            | "rouble"
            | "roubles"
            | "hryvnia"
            | "hryvnias"
            | "yuan"
            | "yen"
            | "franc"
            | "francs"
            | "rupee"
            | "rupees"
    )
}

/// A sum of money starting at token `k`: `$20 billion`, `€1.5bn`, `20 billion euros`.
fn money_at(toks: &[crate::segment::Token], k: usize) -> Option<usize> {
    let at = |i: usize| toks.get(i);
    let symbol = matches!(toks[k].kind, TokenKind::Punct('$' | '€' | '£' | '¥' | '₴'));
    let first_number = if symbol { k + 1 } else { k };
    let n = at(first_number).filter(|t| t.kind == TokenKind::Number)?;
    if symbol && n.span.start != toks[k].span.end {
        return None;
    }
    let mut end = first_number + 1;
    if at(end).is_some_and(|t| is_scale(&t.lower)) {
        end += 1;
    }
    if at(end).is_some_and(|t| is_currency_word(&t.lower)) {
        return Some(end + 1);
    }
    symbol.then_some(end)
}
