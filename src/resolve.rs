//! Resolve: decides who a speaker mention is.
//!
//! Takes the quotes with their speaker mentions and the article's [`NameIndex`]; fills each
//! speaker's canonical name and kind. Names resolve to the fullest form the article gives
//! (`Dahl` -> `Ines Dahl`); gazetteer names to their canonical entry (`the Pentagon` ->
//! `U.S. Department of Defense`); pronouns to the nearest earlier speaker or person; nominals
//! (`the harbor master`) to the person the article names with those role words. A phrase
//! headed by a common noun (`a former aide to ... Pavel Orlov`) is an anonymous source, never
//! the person named inside it. The mention itself is never changed.

use crate::entities::{classify, is_possessive_inside_name, Mention, NameIndex};
use crate::lexicon::{EntityKind, Lexicon, PronounClass};
use crate::quotes::words_of;
use crate::quotes::{Quote, Speaker};
use crate::text::{last_name_key, lower, LowercaseFast, Span};

/// Resolves every quote's speaker in place.
pub fn resolve(text: &str, names: &NameIndex, quotes: &mut [Quote], lex: &Lexicon) {
    let mut resolved: Vec<(usize, String, EntityKind)> = Vec::new(); // (offset, canonical, kind)
    let ctx = Names {
        index: names,
        people: std::cell::OnceCell::new(),
    };
    for q in quotes.iter_mut() {
        let Some(sp) = q.speaker.as_mut() else {
            continue;
        };
        if let Some((canonical, kind)) = resolve_mention(text, sp, &ctx, &resolved, lex) {
            sp.canonical = Some(canonical.clone());
            sp.kind = Some(kind);
            if !is_pronoun(lex, &sp.mention) {
                resolved.push((sp.span.start, canonical, kind));
            }
        }
    }
}

fn is_pronoun(lex: &Lexicon, mention: &str) -> bool {
    lex.pronoun(&lower(mention)).is_some()
}

/// The article's names, with the people among them listed once (nearest-first lookups by
/// binary search instead of a scan per pronoun).
struct Names<'a> {
    index: &'a NameIndex,
    /// [`NameIndex::people_before`] of the whole text: person names, latest first (listed
    /// at the first pronoun).
    people: std::cell::OnceCell<Vec<&'a Mention>>,
}

impl Names<'_> {
    /// The person name nearest before `offset` (as `people_before(offset).next()`).
    fn person_before(&self, offset: usize) -> Option<&Mention> {
        let people = self
            .people
            .get_or_init(|| self.index.people_before(usize::MAX).collect());
        let k = people.partition_point(|n| n.span.start >= offset);
        people.get(k).copied()
    }
}

fn resolve_mention(
    text: &str,
    sp: &Speaker,
    ctx: &Names,
    earlier: &[(usize, String, EntityKind)],
    lex: &Lexicon,
) -> Option<(String, EntityKind)> {
    let mention = sp.mention.trim();
    let lower = lower(mention);
    if let Some(class) = lex.pronoun(&lower) {
        return resolve_pronoun(class, sp.span.start, ctx, earlier);
    }
    if let Some(found) = resolve_part(text, sp, ctx, earlier, lex) {
        return found;
    }
    let words = words_of(text, sp.span);
    if words.is_empty() {
        return None;
    }
    // A counted share or group (`Six in 10`, `Seven in 10 Avalon voters`, `Three Republicans`)
    // is an unnamed source, never a person named by its last word.
    if words.len() > 1 && is_count(&crate::text::lower(words[0].of(text))) {
        return Some((tidy(mention), EntityKind::Anonymous));
    }
    // An indefinite pronoun alone (`Another tweeted, "…"`, `Others said`) names no one.
    if words.len() == 1 && is_indefinite(&lower) {
        return Some((tidy(mention), EntityKind::Anonymous));
    }
    let (head_end, start) = head_phrase(text, &words);
    let body = &words[start..head_end];
    let last = body.last()?.of(text);
    if let Some(k) = lex.known(lower.strip_prefix("the ").unwrap_or(&lower)) {
        return Some((k.canonical.to_string(), k.kind));
    }
    if last.chars().next().is_some_and(|c| c.is_lowercase()) {
        let whole = head_end == words.len();
        return Some(resolve_nominal(text, sp, body, whole, ctx.index, lex));
    }
    resolve_name(text, sp.span.start, mention, body, ctx, lex)
}

/// A mention whose head ends in a capitalised word: a name, possibly with role words before it
/// (`Finance Minister Ana Duarte`), as the article's index knows it in full at `at`.
fn resolve_name(
    text: &str,
    at: usize,
    mention: &str,
    body: &[Span],
    ctx: &Names,
    lex: &Lexicon,
) -> Option<(String, EntityKind)> {
    let run: Vec<Span> = body
        .iter()
        .copied()
        .skip_while(|w| w.of(text).chars().next().is_some_and(|c| c.is_lowercase()))
        .collect();
    // "an online poll out Thursday": a date is no name; the phrase names an unnamed source.
    if let [only] = run.as_slice() {
        let w = lower(only.of(text));
        if crate::quotes::words::is_month(&w) || crate::quotes::words::is_weekday(&w) {
            return Some((tidy(mention), EntityKind::Anonymous));
        }
    }
    let name = classify(text, &run, lex)?;
    Some(match name.kind {
        EntityKind::Person => (ctx.index.full_name(&name.canonical, at), EntityKind::Person),
        k => (name.canonical, k),
    })
}

/// The head phrase of a mention's words: it ends before the first preposition that follows a
/// common noun ("a former aide | to former Chilean President Pavel Orlov") and starts after a
/// possessive ("The Harbor Post’s | Greta Lind"). Returns (end, start) word indices.
fn head_phrase(text: &str, words: &[Span]) -> (usize, usize) {
    let mut head_end = words.len();
    for (k, w) in words.iter().enumerate().skip(1) {
        let wl = lower(w.of(text));
        let prev = words[k - 1].of(text);
        let prev_common = prev.chars().next().is_some_and(|c| c.is_lowercase());
        if matches!(
            wl.as_str(),
            "of" | "to" | "for" | "with" | "at" | "from" | "in" | "familiar" | "close" | "who"
        ) && prev_common
        {
            head_end = k;
            break;
        }
    }
    let mut start = 0;
    for (k, w) in words[..head_end].iter().enumerate() {
        let t = w.of(text);
        let possessor = t.strip_suffix("’s").or_else(|| t.strip_suffix("'s"));
        let next = words[k + 1..head_end].first().map(|w| w.of(text));
        // A group of people's possessive inside a name (`Avalon Children's Hospital`) starts none.
        if possessor.is_some_and(|p| next.is_some() && !is_possessive_inside_name(p, next)) {
            start = k + 1;
        }
    }
    (head_end, start)
}

/// A mention headed by a common noun: "the Chilean president" names a person the article
/// introduced with those role words; a role never put to a name ("the senator") is still one
/// person; an organisation word after capitals is an organisation; heads like "source" or
/// "official" are anonymous sources. `whole` says the head phrase is the whole mention.
fn resolve_nominal(
    text: &str,
    sp: &Speaker,
    body: &[Span],
    whole: bool,
    names: &NameIndex,
    lex: &Lexicon,
) -> (String, EntityKind) {
    let mention = sp.mention.trim();
    let last_word = body
        .last()
        .map_or(String::new(), |w| w.of(text).to_lowercase_fast());
    let role_words: Vec<String> = body
        .iter()
        .map(|w| w.of(text).to_lowercase_fast())
        .filter(|w| !matches!(w.as_str(), "the" | "a" | "an" | "this" | "that"))
        .collect();
    let is_role = lex.is_title_word(&last_word) && !lex.is_anonymous_head(&last_word)
        || last_word == "president"
        || last_word == "senator";
    let definite = body
        .first()
        .is_some_and(|w| w.of(text).eq_ignore_ascii_case("the"));
    if is_role && whole && definite {
        if let Some(p) = names
            .people_with_role(&role_words)
            .find(|n| n.span.start < sp.span.start)
            .or_else(|| names.people_with_role(&role_words).next())
        {
            return (
                names.full_name(p.canonical.as_str(), sp.span.start),
                EntityKind::Person,
            );
        }
    }
    let capitalized = body
        .iter()
        .any(|w| w.of(text).chars().next().is_some_and(|c| c.is_uppercase()));
    if lex.is_org_word(&last_word) && capitalized {
        return (tidy(mention), EntityKind::Org);
    }
    let kind = if is_role && whole {
        EntityKind::Person
    } else {
        EntityKind::Anonymous
    };
    (tidy(mention), kind)
}

fn resolve_pronoun(
    class: PronounClass,
    offset: usize,
    ctx: &Names,
    earlier: &[(usize, String, EntityKind)],
) -> Option<(String, EntityKind)> {
    // The nearest earlier speakers only: a pronoun does not reach back past dozens of them
    // (and a long article costs no more per pronoun than a short one).
    let recent = |pred: &dyn Fn(EntityKind) -> bool| {
        earlier
            .iter()
            .rev()
            .take(64)
            .find(|(o, _, k)| *o < offset && pred(*k))
    };
    match class {
        PronounClass::Male | PronounClass::Female | PronounClass::First => {
            let speaker = recent(&|k| k == EntityKind::Person);
            let names = ctx.index;
            let named = ctx.person_before(offset);
            match (speaker, named) {
                // The nearer of the last person speaking and the last person named, preferring
                // the speaker unless a newly named person stands after the speaker's quote.
                (Some((o, c, _)), Some(n)) if n.span.start > *o && !names_same(&n.canonical, c) => {
                    Some((names.full_name(&n.canonical, offset), EntityKind::Person))
                }
                (Some((_, c, _)), _) => Some((c.clone(), EntityKind::Person)),
                (None, Some(n)) => {
                    Some((names.full_name(&n.canonical, offset), EntityKind::Person))
                }
                (None, None) => None,
            }
        }
        PronounClass::Plural | PronounClass::Neuter => {
            recent(&|k| k != EntityKind::Person).map(|(_, c, k)| (c.clone(), *k))
        }
        PronounClass::Relative | PronounClass::Second => None,
    }
}

fn names_same(a: &str, b: &str) -> bool {
    !a.trim().is_empty() && last_name_key(a) == last_name_key(b)
}

/// Collapses whitespace in a mention used as a canonical label.
fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A pronoun that stands for people it does not name.
fn is_indefinite(w: &str) -> bool {
    matches!(
        w,
        "another" | "others" | "some" | "many" | "several" | "most" | "few" | "both" | "all"
    )
}

/// A number that counts people: digits (`61`, `1,200`) or a cardinal word from two on (`one`
/// is left out: `One Nation`).
fn is_count(w: &str) -> bool {
    (w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.'))
        || crate::quotes::words::SMALL_CARDINALS.contains(&w)
        || matches!(
            w,
            "eleven"
                | "twelve"
                | "fifteen"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "millions"
        )
}

/// A speaker named by a part of its mention: the head before a clause (`an aide who asked not
/// to be named`), the name after a role (`the mayor's aide, Lena Ortiz`), the name before an
/// appositive or a parenthesis (`Elias Brandt, a nurse`) or before `of` (`Elias Brandt of the
/// Harbor Panel`). `None` when no part names it and the mention is read whole.
#[allow(clippy::option_option)]
fn resolve_part(
    text: &str,
    sp: &Speaker,
    ctx: &Names,
    earlier: &[(usize, String, EntityKind)],
    lex: &Lexicon,
) -> Option<Option<(String, EntityKind)>> {
    let mention = sp.mention.trim();
    // "an aide who asked not to be named": the clause after the head says who the source is
    // and how they spoke; the speaker is the head.
    if let Some(cut) = [", who ", " who ", ", speaking "]
        .iter()
        .filter_map(|c| mention.find(c))
        .min()
        .filter(|&i| i > 0)
    {
        return Some(resolve_mention(
            text,
            &part(sp, &mention[..cut]),
            ctx,
            earlier,
            lex,
        ));
    }
    // "Elias Brandt, a nurse at the clinic": the appositive describes the name before it;
    // "Rep. Ines Dahl (D-Ore.)": so does the parenthesis.
    if let Some(comma) = mention.find([',', '(']) {
        let head = mention[..comma].trim_end();
        // "the mayor's chief of staff, Lena Ortiz": a role headed by a common noun, then the
        // name of the person who holds it.
        if let Some(name) = appositive_name(head, &mention[comma..]) {
            let person = resolve_mention(text, &part(sp, name), ctx, earlier, lex)
                .filter(|(_, kind)| *kind == EntityKind::Person);
            if person.is_some() {
                return Some(person);
            }
        }
        // "host Karin Moss, who is backing Dahl": any capitalised word before the comma.
        if head
            .split_whitespace()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
            && lex.pronoun(&lower(head)).is_none()
        {
            return Some(resolve_mention(text, &part(sp, head), ctx, earlier, lex));
        }
    }
    // "Elias Brandt of the Harbor Panel": a person's name before `of` is the speaker, the rest
    // says where they work (`Bank of Avalon` stays whole: its head is no person).
    // Byte windows: a substring searcher per mention costs more than these short scans.
    let bytes = mention.as_bytes();
    let coordinated = bytes.windows(5).any(|w| w == b" and ");
    let of = bytes.windows(4).position(|w| w == b" of ");
    if let Some(of) = of.filter(|&i| i > 0 && !coordinated) {
        let head = &mention[..of];
        if head
            .split_whitespace()
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            let person = resolve_mention(text, &part(sp, head), ctx, earlier, lex)
                .filter(|(_, kind)| *kind == EntityKind::Person);
            if person.is_some() {
                return Some(person);
            }
        }
    }
    None
}

/// The speaker named by `words`, a slice of `sp.mention`, with its span in the text.
fn part(sp: &Speaker, words: &str) -> Speaker {
    let start = sp.span.start + (words.as_ptr() as usize - sp.mention.as_ptr() as usize);
    Speaker {
        mention: words.to_string(),
        span: Span::new(start, start + words.len()),
        canonical: None,
        kind: None,
    }
}

/// The name after a role's comma (`the mayor's aide, Lena Ortiz, who ...` -> `Lena Ortiz`):
/// two to four capitalised words up to the next comma or the end, after a head whose last
/// word is lowercase (a common noun, not a name).
fn appositive_name<'a>(head: &str, rest: &'a str) -> Option<&'a str> {
    let rest = rest.strip_prefix(',')?;
    let name = rest.split(',').next()?.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let lowercase_head = head
        .split_whitespace()
        .last()
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    let capitalised = words.iter().all(|w| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '\'')
    });
    (lowercase_head && capitalised && (2..=4).contains(&words.len())).then_some(name)
}

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;
