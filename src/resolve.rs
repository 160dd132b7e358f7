//! Resolve: decides who a speaker mention is.
//!
//! Takes the quotes with their speaker mentions and the article's [`NameIndex`]; fills each
//! speaker's canonical name and kind. Names resolve to the fullest form the article gives
//! (`Dahl` -> `Ines Dahl`); gazetteer names to their canonical entry (`the Pentagon` ->
//! `U.S. Department of Defense`); pronouns to the nearest earlier speaker or person; nominals
//! (`the harbor master`) to the person the article names with those role words. A phrase
//! headed by a common noun (`a former aide to ... Pavel Orlov`) is an anonymous source, never
//! the person named inside it. The mention itself is never changed.

use crate::entities::{classify, NameIndex};
use crate::lexicon::{EntityKind, Lexicon, PronounClass};
use crate::quotes::words_of;
use crate::quotes::{Quote, Speaker};
use crate::text::{last_name_key, LowercaseFast, Span};

/// Resolves every quote's speaker in place.
pub fn resolve(text: &str, names: &NameIndex, quotes: &mut [Quote], lex: &Lexicon) {
    let mut resolved: Vec<(usize, String, EntityKind)> = Vec::new(); // (offset, canonical, kind)
    for q in quotes.iter_mut() {
        let Some(sp) = q.speaker.as_mut() else {
            continue;
        };
        if let Some((canonical, kind)) = resolve_mention(text, sp, names, &resolved, lex) {
            sp.canonical = Some(canonical.clone());
            sp.kind = Some(kind);
            if !is_pronoun(lex, &sp.mention) {
                resolved.push((sp.span.start, canonical, kind));
            }
        }
    }
}

fn is_pronoun(lex: &Lexicon, mention: &str) -> bool {
    lex.pronoun(&mention.to_lowercase_fast()).is_some()
}

fn resolve_mention(
    text: &str,
    sp: &Speaker,
    names: &NameIndex,
    earlier: &[(usize, String, EntityKind)],
    lex: &Lexicon,
) -> Option<(String, EntityKind)> {
    let mention = sp.mention.trim();
    let lower = mention.to_lowercase_fast();
    if let Some(class) = lex.pronoun(&lower) {
        return resolve_pronoun(class, sp.span.start, names, earlier);
    }
    // "Elias Brandt, a nurse at the clinic": the appositive describes the name before it.
    if let Some(comma) = mention.find(',') {
        let head = mention[..comma].trim_end();
        // "host Karin Moss, who is backing Dahl": any capitalised word before the comma.
        if head
            .split_whitespace()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
            && lex.pronoun(&head.to_lowercase_fast()).is_none()
        {
            let start = sp.span.start + (sp.mention.len() - sp.mention.trim_start().len());
            let head_sp = Speaker {
                mention: head.to_string(),
                span: Span::new(start, start + head.len()),
                canonical: None,
                kind: None,
            };
            return resolve_mention(text, &head_sp, names, earlier, lex);
        }
    }
    let words = words_of(text, sp.span);
    if words.is_empty() {
        return None;
    }
    // The head phrase: before the first preposition that follows a common noun
    // ("a former aide | to former Chilean President Pavel Orlov").
    let mut head_end = words.len();
    for (k, w) in words.iter().enumerate().skip(1) {
        let wl = w.of(text).to_lowercase_fast();
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
    let head_words = &words[..head_end];
    // Drop a leading determiner and anything up to a possessive ("The Harbor Post’s Greta Lind").
    let mut start = 0;
    for (k, w) in head_words.iter().enumerate() {
        let t = w.of(text);
        if (t.ends_with("’s") || t.ends_with("'s")) && k + 1 < head_words.len() {
            start = k + 1;
        }
    }
    let body = &head_words[start..];
    let capitalized: Vec<Span> = body
        .iter()
        .copied()
        .filter(|w| w.of(text).chars().next().is_some_and(|c| c.is_uppercase()))
        .collect();
    let last_word = body.last()?.of(text).to_lowercase_fast();
    let head_is_common = body
        .last()?
        .of(text)
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase());
    let whole_known = lex
        .known(lower.strip_prefix("the ").unwrap_or(&lower))
        .map(|k| (k.canonical.to_string(), k.kind));
    if let Some(k) = whole_known {
        return Some(k);
    }
    if head_is_common {
        // A nominal: "the Chilean president" names a person the article introduced.
        let role_words: Vec<String> = body
            .iter()
            .map(|w| w.of(text).to_lowercase_fast())
            .filter(|w| !matches!(w.as_str(), "the" | "a" | "an" | "this" | "that"))
            .collect();
        let is_role = lex.is_title_word(&last_word) && !lex.is_anonymous_head(&last_word)
            || last_word == "president"
            || last_word == "senator";
        if is_role
            && head_end == words.len()
            && body
                .first()
                .is_some_and(|w| w.of(text).eq_ignore_ascii_case("the"))
        {
            if let Some(p) = names
                .people_with_role(&role_words)
                .find(|n| n.span.start < sp.span.start)
                .or_else(|| names.people_with_role(&role_words).next())
            {
                return Some((
                    names.full_name(p.canonical.as_str(), sp.span.start),
                    EntityKind::Person,
                ));
            }
        }
        if lex.is_org_word(&last_word) && !capitalized.is_empty() {
            return Some((tidy(mention), EntityKind::Org));
        }
        // A role the article never puts a name to ("the senator") is still one person; heads
        // like "source" or "official" are the anonymous sources.
        let kind = if is_role && head_end == words.len() {
            EntityKind::Person
        } else {
            EntityKind::Anonymous
        };
        return Some((tidy(mention), kind));
    }
    // A name, possibly with a role before it.
    let run: Vec<Span> = body
        .iter()
        .copied()
        .skip_while(|w| w.of(text).chars().next().is_some_and(|c| c.is_lowercase()))
        .collect();
    // "an online poll out Thursday": a date is no name; the phrase names an unnamed source.
    if let [only] = run.as_slice() {
        let w = only.of(text).to_lowercase_fast();
        if crate::quotes::words::is_month(&w) || crate::quotes::words::is_weekday(&w) {
            return Some((tidy(mention), EntityKind::Anonymous));
        }
    }
    let name = classify(text, &run, lex)?;
    Some(match name.kind {
        EntityKind::Person => (
            names.full_name(&name.canonical, sp.span.start),
            EntityKind::Person,
        ),
        k => (name.canonical, k),
    })
}

fn resolve_pronoun(
    class: PronounClass,
    offset: usize,
    names: &NameIndex,
    earlier: &[(usize, String, EntityKind)],
) -> Option<(String, EntityKind)> {
    let recent = |pred: &dyn Fn(EntityKind) -> bool| {
        earlier
            .iter()
            .rev()
            .find(|(o, _, k)| *o < offset && pred(*k))
    };
    match class {
        PronounClass::Male | PronounClass::Female | PronounClass::First => {
            let speaker = recent(&|k| k == EntityKind::Person);
            let named = names.people_before(offset).next();
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

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;

    /// (article, expected (speaker, speaker_type) of every quote in order).
    const CASES: &[(&str, &[(&str, &str)])] = &[
        // A pronoun takes the nearest earlier speaker.
        (
            "Finance Minister Ana Duarte spoke on Monday. “We will cut taxes,” Duarte said.\n\n“It is time,” she said.",
            &[("Ana Duarte", "person"), ("Ana Duarte", "person")],
        ),
        // A nominal resolves to the person the article named with that role.
        (
            "Chilean President Tomas Ibarra Solberg met the delegation.\n\n“We want a treaty,” the Chilean president said.",
            &[("Tomas Ibarra Solberg", "person")],
        ),
        // The modifier is not the speaker: the aide spoke, not the former president.
        (
            "“The pier is finished,” said a former aide to former Chilean President Pavel Orlov.",
            &[("a former aide to former Chilean President Pavel Orlov", "anonymous")],
        ),
        // An appositive between name and verb.
        (
            "Elias Brandt, a nurse at the clinic, said the ward was full.",
            &[("Elias Brandt", "person")],
        ),
        // Organisations, places used for governments, outlets and anonymous sources.
        (
            "The European Central Bank said the offer was unacceptable.",
            &[("European Central Bank", "org")],
        ),
        (
            "Officials in Lima have been quiet, but clerks close to the board said a merger was near.",
            &[("clerks close to the board", "anonymous")],
        ),
        (
            "The ministry will send more ferries to the island, reports Interfax.",
            &[("Interfax", "outlet")],
        ),
        // A date in the source phrase is no name.
        (
            "According to a survey released Friday, turnout will be high.",
            &[("a survey released Friday", "anonymous")],
        ),
        // Last name alone resolves to the full name given earlier.
        (
            "Senator Maria Okafor voted against the bill. Okafor said it would raise prices.",
            &[("Maria Okafor", "person")],
        ),
    ];

    #[test]
    fn speakers_resolve_to_canonical_names_and_kinds() {
        for (text, expected) in CASES {
            let got: Vec<(String, String)> = extract_text("t", text)
                .records()
                .into_iter()
                .map(|r| {
                    (
                        r.speaker.unwrap_or_default(),
                        r.speaker_type.unwrap_or("-").to_string(),
                    )
                })
                .collect();
            let want: Vec<(String, String)> = expected
                .iter()
                .map(|(s, k)| (s.to_string(), k.to_string()))
                .collect();
            assert_eq!(got, want, "in {text:?}");
        }
    }
}
