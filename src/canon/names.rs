//! Names: what makes two written names one name (given name, last name with spelling variants
//! folded), which single words the corpus may link, organisations without their legal form, and
//! dates as the day they name.

use super::keys::Key;
use crate::lexicon::{EntityKind, Lexicon};
use crate::text::{fold_name, last_name_key};

/// Whether two person names are spelling variants of one name: same first name and same last
/// name after folding (`Volodymyr Zelensky` / `Volodymyr Zelenskyy`).
pub fn same_person_name(a: &str, b: &str) -> bool {
    match (first_key(a), first_key(b)) {
        (Some(fa), Some(fb)) => fa == fb && last_name_key(a) == last_name_key(b),
        _ => false,
    }
}

pub(crate) fn first_key(name: &str) -> Option<String> {
    crate::entities::index::given_key(name, crate::lexicon::Lexicon::builtin())
}

/// A single capitalised word that the resources do not know (`Avalonia`, `Berg`): a last name,
/// a company or a team, which the corpus may link to a person or an organisation. Hyphenated
/// words (`Avalon-Berg`, `T-Mobile`) are names of their own, keyed whole.
pub fn is_bare_word(name: &str, lex: &Lexicon) -> bool {
    let name = name.trim();
    let name = name
        .strip_prefix("the ")
        .or(name.strip_prefix("The "))
        .unwrap_or(name);
    let lower = name.to_lowercase();
    !name.contains(char::is_whitespace)
        && name.chars().next().is_some_and(char::is_uppercase)
        && name
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’'))
        && !crate::entities::classify::is_acronym(name)
        && lex.known(&lower).is_none()
        && !lex.is_org_word(&lower)
}

/// A place written in capitals, as a dateline writes it (`KESTRELTON, N.Y. —`): one word of at
/// least four letters whose usual form (`Kestrelton`) is a bare word. It takes that form's key,
/// so the dateline and the town in the text are one entity. Acronyms of places are known
/// resources (`UAE`) or shorter.
pub fn is_capitals_place(name: &str, lex: &Lexicon) -> bool {
    let name = name.trim();
    if !crate::entities::classify::is_acronym(name)
        || name.chars().filter(|c| c.is_alphabetic()).count() < 4
    {
        return false;
    }
    let mut chars = name.chars();
    let usual: String = chars
        .next()
        .into_iter()
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    is_bare_word(&usual, lex)
}

/// Letters spelled apart are one acronym (`h p` from `H-P` is `hp`).
pub(crate) fn join_initials(folded: &str) -> String {
    if folded.contains(' ') && folded.split(' ').all(|w| w.chars().count() == 1) {
        folded.replace(' ', "")
    } else {
        folded.to_string()
    }
}

/// An organisation's folded name without its legal form (`acme corp` -> `acme`), and a
/// town's police without the word `department` (`avalon police department` -> `avalon
/// police`: one force, written either way).
pub fn strip_legal_form(folded: &str) -> String {
    let mut words: Vec<&str> = folded.split(' ').collect();
    while words.len() > 1 && crate::entities::classify::is_legal_form(words[words.len() - 1]) {
        words.pop();
    }
    if words.len() > 2 && words.ends_with(&["police", "department"]) {
        words.pop();
    }
    words.join(" ")
}

/// The key of a date: its day as written, folded (`Thu. night`, `Thursday morning` ->
/// `thursday`; `Dec. 14th` -> `december 14`), wherever it appears. Articles carry no reliable
/// date to anchor `Friday` to a day, so two undated stories of different weeks share their
/// weekdays: a known, measured imprecision.
pub fn date_key(text: &str) -> Key {
    let folded = fold_name(text).replace(',', " ");
    let words: Vec<String> = folded
        .split_whitespace()
        .filter(|w| !matches!(*w, "morning" | "afternoon" | "evening" | "night"))
        .map(|w| {
            let w = match w {
                "jan" => "january",
                "feb" => "february",
                "mar" => "march",
                "apr" => "april",
                "jun" => "june",
                "jul" => "july",
                "aug" => "august",
                "sep" | "sept" => "september",
                "oct" => "october",
                "nov" => "november",
                "dec" => "december",
                "mon" => "monday",
                "tue" | "tues" => "tuesday",
                "wed" => "wednesday",
                "thu" | "thur" | "thurs" => "thursday",
                "fri" => "friday",
                "sat" => "saturday",
                "sun" => "sunday",
                w => w,
            };
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                digits.to_string()
            } else {
                w.to_string()
            }
        })
        .collect();
    Key::Named {
        kind: EntityKind::Date,
        name: words.join(" "),
    }
}

/// The last word of a folded organisation name when it is the name's head, so that the word
/// alone may name the organisation (`bank` of `avalon valley bank`); none
/// for a single word, and none when the word is the complement of `of`, `for` or `and`
/// (`commission of avalonia` ends with a country, not with a short name of the commission).
pub fn head_word(folded: &str) -> Option<&str> {
    let (rest, last) = folded.rsplit_once(' ')?;
    let before = rest.rsplit(' ').next().unwrap_or(rest);
    (!matches!(before, "of" | "for" | "and" | "&" | "the" | "de" | "on")).then_some(last)
}

/// The brand of a company's folded name: its first word when every word after it says what
/// line of business it is in or where it trades (`acme technologies`, `avalon foods` -> `acme`,
/// `avalon`), so that the brand alone names the company. A letter before the first word is part
/// of it (`q avalon usa`, folded from `Q-Avalon USA`, -> `q avalon`).
pub fn brand_of(folded: &str) -> Option<&str> {
    let letter = folded
        .split_once(' ')
        .is_some_and(|(a, _)| a.chars().count() == 1 && a.chars().all(char::is_alphabetic));
    let cut = folded
        .match_indices(' ')
        .nth(usize::from(letter))
        .map(|(i, _)| i)?;
    let (first, rest) = (&folded[..cut], &folded[cut + 1..]);
    let business = |w: &str| {
        matches!(
            w,
            "technologies"
                | "technology"
                | "foods"
                | "industries"
                | "holdings"
                | "group"
                | "systems"
                | "motors"
                | "airlines"
                | "airways"
                | "pharmaceuticals"
                | "communications"
                | "networks"
                | "entertainment"
                | "enterprises"
                | "labs"
                | "laboratories"
                | "software"
                | "electronics"
                | "brands"
                | "magazine"
                | "newspaper"
                | "international"
                | "worldwide"
                | "usa"
                | "us"
                | "uk"
        )
    };
    (first.chars().any(char::is_alphabetic) && rest.split(' ').all(business)).then_some(first)
}

#[cfg(test)]
mod capitals_tests {
    use super::*;

    #[test]
    fn a_place_in_capitals_is_keyed_as_its_usual_form() {
        let lex = Lexicon::builtin();
        let table = [
            ("KESTRELTON", true),
            ("BRAMMOCK", true),
            ("QUELLBY", true),
            ("Kestrelton", false),
            ("AVB", false),
            ("UAE", false),
            ("WASHINGTON", false),
            ("KESTREL-TON", false),
            ("NEW KESTRELTON", false),
        ];
        for (name, want) in table {
            assert_eq!(is_capitals_place(name, lex), want, "{name}");
        }
    }
}
