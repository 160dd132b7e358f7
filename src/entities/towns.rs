//! Words that only say where or what kind of place a name is: the region written after a town
//! (`Avalon Springs, Calif.`, `Merrow, Germany`) and a lowercase designator after a region's name
//! (`Kestrel province`, `the Merrow region`, `Avalon island`). They join the name's mention, which
//! keeps the name, so that `Merrow, Germany` or `Kestrel province` in one article and `Merrow` or
//! `Kestrel` in another are the same place, and the region written only to place the town is no
//! mention of its own.
//!
//! Takes the article's mentions in text order; gives them with each such pair made one. Never
//! joins a person (`Ana Ruiz, Texas`), a region to a region (`Utah, Arizona`: a list), a
//! known organisation, or a name the region's words continue (`Texas Rangers`).

use super::Mention;
use crate::lexicon::{EntityKind, Lexicon};

/// The mentions with every town that a region follows extended over it.
pub(super) fn with_regions(text: &str, lex: &Lexicon, mut ms: Vec<Mention>) -> Vec<Mention> {
    let mut keep = vec![true; ms.len()];
    let mut i = 0;
    while i < ms.len() {
        let Some(end) =
            region_after(text, lex, &ms[i]).or_else(|| designator_after(text, lex, &ms[i]))
        else {
            i += 1;
            continue;
        };
        // Every mention the region's words hold goes; one that runs past them stays apart.
        let held = ms[i + 1..]
            .iter()
            .take_while(|n| n.span.start < end)
            .count();
        if ms[i + 1..i + 1 + held].iter().all(|n| n.span.end <= end) {
            ms[i].span.end = end;
            ms[i].kind = EntityKind::Place;
            keep[i + 1..i + 1 + held].fill(false);
        }
        i += 1 + held;
    }
    let mut k = keep.into_iter();
    ms.retain(|_| k.next().unwrap_or(true));
    ms
}

/// Whether a mention may be a place's name: a place, or an organisation by default (no
/// organisation word, no known organisation) that is no country or first-level division.
fn may_be_place(text: &str, lex: &Lexicon, m: &Mention) -> bool {
    let name = m.name.of(text);
    let lower = name.to_lowercase();
    let kind_fits = match m.kind {
        EntityKind::Place => true,
        EntityKind::Org => {
            !name
                .split_whitespace()
                .any(|w| lex.is_org_word(&w.to_lowercase()))
                && lex
                    .known(&lower)
                    .is_none_or(|k| k.kind == EntityKind::Place)
        }
        _ => false,
    };
    kind_fits && m.name.end == m.span.end
}

/// Where a lowercase designator after a place's name ends (`Kestrel province`), unless the name
/// already ends in a place word (`Merrow Bay region`).
fn designator_after(text: &str, lex: &Lexicon, m: &Mention) -> Option<usize> {
    // The words after the mention first: they rule out almost every mention at no cost.
    let rest = text.get(m.span.end..)?.strip_prefix(' ')?;
    let word = ["province", "region", "island"]
        .into_iter()
        .find(|w| rest.starts_with(w))?;
    let glued = rest[word.len()..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '-');
    let last = m.name.of(text).split_whitespace().last()?.to_lowercase();
    if glued || !may_be_place(text, lex, m) || super::classify::is_place_word(&last) {
        return None;
    }
    Some(m.span.end + 1 + word.len())
}

/// Where the region after a town mention ends, if one follows it: `, ` and a country's or a
/// first-level division's form, then a full stop, other punctuation or the end of the text (for a
/// place already read as one, a lowercase word too: `in Merrow, Germany on Friday`).
fn region_after(text: &str, lex: &Lexicon, m: &Mention) -> Option<usize> {
    let rest = text.get(m.span.end..)?.strip_prefix(", ")?;
    if !may_be_place(text, lex, m) || lex.is_region(&m.name.of(text).to_lowercase()) {
        return None;
    }
    let form = lex.region_at(rest)?;
    let after = &rest[form.len()..];
    let next = after.chars().next();
    let ends = form.ends_with('.')
        || next.is_none_or(|c| matches!(c, ',' | '.' | ';' | ':' | ')' | '\n' | '"' | '\u{201d}'))
        || (m.kind == EntityKind::Place
            && after.starts_with(' ')
            && after[1..].chars().next().is_some_and(char::is_lowercase));
    // `Calif.-based`, `Texas's`: the form is part of a longer word.
    let glued = form.ends_with('.') && next.is_some_and(|c| c == '-' || c.is_alphanumeric());
    (ends && !glued).then_some(m.span.end + 2 + form.len())
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_with_entities;
    use crate::ingest::Article;

    /// (text, the mentions' words) for invented datelines and place phrases.
    const CASES: &[(&str, &[&str])] = &[
        (
            "She grew up in Merrowdale, Calif., and moved.",
            &["Merrowdale, Calif."],
        ),
        (
            "He lives in Port Averly, Texas on weekends.",
            &["Port Averly, Texas"],
        ),
        (
            "The plant in Kestrel Falls, Ark. closed.",
            &["Kestrel Falls, Ark."],
        ),
        ("Fans met in Brandholm, Germany.", &["Brandholm, Germany"]),
        ("KESTRELTON, N.Y. - The mill shut.", &["KESTRELTON, N.Y."]),
        // A list of regions stays a list; so does a person and her state.
        (
            "Voters in Utah, Arizona and Ohio agreed.",
            &["Utah", "Arizona", "Ohio"],
        ),
        ("Ana Varga, Texas, said no.", &["Ana Varga", "Texas"]),
        // The region's words go on into another name.
        (
            "He joined Merrowdale, Texas Instruments said.",
            &["Merrowdale", "Texas Instruments"],
        ),
        (
            "It opened in Brandholm, Calif.-based firms said.",
            &["Brandholm", "Calif."],
        ),
        // A designator after a region's name; not after a person's, nor a word it begins.
        (
            "Floods hit Kestrel province and the Merrow region.",
            &["Kestrel province", "Merrow region"],
        ),
        ("Boats reached Avalon island.", &["Avalon island"]),
        ("Ana Varga region chiefs met.", &["Ana Varga"]),
        ("Fans in Brandholm regional towns cheered.", &["Brandholm"]),
    ];

    #[test]
    fn a_town_takes_the_region_after_it() {
        for (text, want) in CASES {
            let x = extract_with_entities(&Article::new("t", text.to_string(), None));
            let got: Vec<&str> = x
                .mentions
                .iter()
                .filter(|m| !matches!(m.kind.as_str(), "date" | "money"))
                .map(|m| m.span.of(text))
                .collect();
            assert_eq!(&got, want, "in {text:?}");
        }
    }
}
