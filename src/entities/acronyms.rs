//! Acronyms an article defines: a name followed by an acronym in parentheses (`Kestrel Valley
//! Authority (KVA)`, `Zentrix Systems (ZSYS)`), or an acronym followed by the name in
//! parentheses (`the KVA (Kestrel Valley Authority)`), names what that acronym names wherever
//! the article writes it.
//!
//! Takes an article's mentions in text order; gives them back with the mentions of each defined
//! acronym carrying the defining name's canonical form and kind. Only organisations, outlets and
//! equipment define acronyms (a place before a parenthesis is a dateline's credit more often:
//! `ALDERTON (AP)`), and only an acronym whose letters come in order in the name, the first
//! letter first (`ZSYS` in `Zentrix Systems`; not `UTC` in `Coordinated Universal Time`).
//! Linear: one pass finds the definitions, one applies them.

use rustc_hash::FxHashMap;

use super::Mention;
use crate::lexicon::EntityKind;

/// The mentions with each acronym the article defines read as the name that defines it.
pub fn defined(text: &str, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let mut defs: FxHashMap<&str, (String, EntityKind)> = FxHashMap::default();
    for pair in mentions.windows(2) {
        // `Zentrix Systems (ZSYS)`, `Zentrix Inc. (ZTX)`; or `the ZSYS (Zentrix Systems)`.
        for (name, acronym) in [(&pair[0], &pair[1]), (&pair[1], &pair[0])] {
            if let Some(written) =
                definition(text, name, acronym, name.span.start > acronym.span.start)
            {
                defs.entry(written)
                    .or_insert_with(|| (name.canonical.clone(), name.kind));
            }
        }
    }
    if defs.is_empty() {
        return mentions;
    }
    for m in &mut mentions {
        let written = super::runs::without_possessive(m.name.of(text));
        if let Some((canonical, kind)) = defs.get(written) {
            m.canonical.clone_from(canonical);
            m.kind = *kind;
        }
    }
    mentions
}

/// The acronym `acronym` writes, when `name` defines it: the two side by side with the second
/// in parentheses (`reversed`: the acronym first).
fn definition<'t>(
    text: &'t str,
    name: &Mention,
    acronym: &Mention,
    reversed: bool,
) -> Option<&'t str> {
    if !matches!(
        name.kind,
        EntityKind::Org | EntityKind::Outlet | EntityKind::Equipment
    ) {
        return None;
    }
    let (first, second) = if reversed {
        (acronym, name)
    } else {
        (name, acronym)
    };
    let between = text.get(first.span.end..second.span.start)?;
    let after = text.get(second.span.end..)?;
    let written = acronym.span.of(text);
    (between.trim_start_matches('.').trim() == "("
        && between.len() <= 4
        && after.trim_start().starts_with(')')
        && abbreviates(written, &name.canonical))
    .then_some(written)
}

/// Whether `acronym` (capitals and digits, two to eight, a plural `s` allowed) abbreviates
/// `name`: its first letter is the name's, and its letters come in order in the name.
fn abbreviates(acronym: &str, name: &str) -> bool {
    let core = acronym.strip_suffix('s').unwrap_or(acronym);
    let shaped = (2..=8).contains(&core.len())
        && core
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && core.bytes().next().is_some_and(|b| b.is_ascii_uppercase());
    if !shaped {
        return false;
    }
    let mut letters = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let mut wanted = core.chars().flat_map(char::to_lowercase);
    let first = wanted.next();
    if letters.next() != first {
        return false;
    }
    wanted.all(|w| letters.any(|c| c == w))
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_with_entities;
    use crate::ingest::Article;

    #[test]
    fn an_acronym_in_parentheses_names_what_the_name_before_it_names() {
        // (article, acronym written, canonical wanted for every mention of it)
        let table: &[(&str, &str, &str)] = &[
            (
                "Shares of Zentrix Systems (ZSYS) rose. ZSYS makes chips.",
                "ZSYS",
                "Zentrix Systems",
            ),
            (
                "Acme bought Nordvik Servers Inc. (NSI) on Monday. NSI makes racks.",
                "NSI",
                "Nordvik Servers Inc",
            ),
            (
                "A loan from the KVLF (Kestrel Valley Loan Fund) was late. KVLF staff left.",
                "KVLF",
                "Kestrel Valley Loan Fund",
            ),
            (
                "The Kestrel Valley Authority (KVA) met. The KVA's plan passed.",
                "KVA",
                "Kestrel Valley Authority",
            ),
            // The letters must come in order in the name.
            (
                "The Kestrel Valley Authority (QXT) met. QXT voted.",
                "QXT",
                "QXT",
            ),
        ];
        for (text, acronym, want) in table {
            let x = extract_with_entities(&Article::new("t", text.to_string(), None));
            let got: Vec<&str> = x
                .mentions
                .iter()
                .filter(|m| m.name.of(text).starts_with(acronym))
                .map(|m| m.canonical.as_str())
                .collect();
            assert!(!got.is_empty(), "{text}");
            assert!(got.iter().all(|c| c == want), "{text}: {got:?}");
        }
    }

    #[test]
    fn abbreviations_keep_their_letters_in_order() {
        for (acronym, name, want) in [
            ("ZSYS", "Zentrix Systems", true),
            ("ISPs", "Internet Service Providers", true),
            ("UTC", "Coordinated Universal Time", false),
            ("AP", "Alderton", false),
            ("A", "Acme", false),
            ("Zsys", "Zentrix Systems", false),
        ] {
            assert_eq!(super::abbreviates(acronym, name), want, "{acronym} {name}");
        }
    }
}
