//! Person evidence: whether the article gives reason to read a name as a person's.
//!
//! Takes a classified run and the tokens around it; says whether it is a person by its own
//! words or its context: a title or honorific before it (`Gov.`, `Mrs.`), a given name from the
//! general list (`Ana Ruiz`, not `Access Avalon`), a reporting verb right after it or right
//! before it (`Ruiz said`, `said Ruiz.`), `, who` or an age (`Ruiz, 54,`) after it. A last name
//! alone borrows the evidence of the full name the article gives ([`super::index()`] does that).
//! Never looks beyond the article.

use compact_str::CompactString;

use super::runs::{Capitals, Run};
use super::Mention;
use crate::lexicon::{Lexicon, VerbForm};
use crate::segment::{Segments, TokenKind};
use crate::text::lower;

/// Whether a role, as classified, holds a title or honorific (not only an affiliation).
pub fn has_title(role: Option<&str>, lex: &Lexicon) -> bool {
    role.is_some_and(|r| {
        r.split([' ', '-'])
            .any(|w| lex.is_title_word(w) && lex.demonym(w).is_none())
    })
}

/// Most words of a name read without allocating; a longer name is read from a vector.
const NAME_WORDS: usize = 8;

/// The given name of a person's name as written: its first capitalised word that is no
/// initial, particle, title or gazetteer entry, when a last name follows it (`W. Mark Felt` ->
/// `mark`).
pub fn given_name(name: &str, lex: &Lexicon) -> Option<String> {
    with_given_name(name, lex, str::to_string)
}

/// `f` of the given name of `name` (as [`given_name`] gives it), without copying it.
fn with_given_name<R>(name: &str, lex: &Lexicon, f: impl FnOnce(&str) -> R) -> Option<R> {
    // Each word with its lowercase form, made once.
    let mut short: [(&str, CompactString); NAME_WORDS] = Default::default();
    let mut long: Vec<(&str, CompactString)> = Vec::new();
    let mut n = 0;
    for w in name.split_whitespace() {
        let lower = lower(w);
        if lex.is_name_suffix(&lower) {
            continue;
        }
        if n < NAME_WORDS {
            short[n] = (w, lower);
        } else {
            if long.is_empty() {
                long.extend(short.iter().cloned());
            }
            long.push((w, lower));
        }
        n += 1;
    }
    let words = if n > NAME_WORDS {
        &long[..]
    } else {
        &short[..n]
    };
    given_word(words, lex).map(|k| f(words[k].1.trim_end_matches('.')))
}

/// Which of a name's words (each with its lowercase form, name suffixes left out) is its given
/// name.
fn given_word(words: &[(&str, CompactString)], lex: &Lexicon) -> Option<usize> {
    let last = words.len().checked_sub(1)?;
    let given = |k: usize| lex.first_name(&words[k].1).is_some();
    // Words before a title are its affiliation (`Avalon Sen. Ana Ruiz`), not the name; so no
    // word from `from` on (before the last) is a title word.
    let from = (0..last)
        .rfind(|&k| lex.is_title_word(&words[k].1))
        .map_or(0, |k| k + 1);
    (from..last).find(|&k| {
        let (w, lower) = (words[k].0, words[k].1.as_str());
        // A noun of what someone is or does before a given name (`Coroner Ana Ruiz`,
        // `Englishman Tom Berg`) is no given name.
        let role_noun = || {
            ["man", "men", "er", "or", "ist", "ian", "ant", "ent"]
                .iter()
                .any(|s| lower.ends_with(s))
                && !given(k)
                && (k + 1..last).any(given)
        };
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
            && !super::runs::is_name_particle(lower)
            && !role_noun()
            && lex.demonym(lower).is_none()
            && lex.known(lower).is_none()
    })
}

/// Whether the name starts with a given name from the general list (and is not itself a place
/// or an organisation that the gazetteer knows).
fn starts_with_given_name(text: &str, m: &Mention, lex: &Lexicon) -> bool {
    let name = m.name.of(text);
    with_given_name(name, lex, |g| {
        lex.first_name(g).is_some() && lex.known(g).is_none()
    })
    .unwrap_or(false)
}

/// A reporting verb in a form that follows its subject (`said`, `says`, `told`).
fn is_report(lower: &str, lex: &Lexicon) -> bool {
    lex.verb(lower).is_some_and(|v| {
        matches!(v.form, VerbForm::Past | VerbForm::Third) && (v.frames.clause || v.frames.tell)
    })
}

/// Whether the tokens around the run show a person: `X said`, `said X.`, `X, who`, `X, 54,`.
fn context_shows_person(seg: &Segments, run: &Run, lex: &Lexicon) -> bool {
    let toks = &seg.tokens;
    let at = |k: usize| toks.get(k);
    let end = run.end();
    if at(end).is_some_and(|t| t.kind == TokenKind::Word && is_report(&t.lower, lex)) {
        return true;
    }
    let before = run.first().checked_sub(1).and_then(at);
    let closes = at(end).is_none_or(|t| !t.is_word());
    if before.is_some_and(|t| is_report(&t.lower, lex)) && closes {
        return true;
    }
    if at(end).is_some_and(|t| t.is_punct(',')) {
        let next = at(end + 1);
        if next.is_some_and(|t| t.lower == "who") {
            return true;
        }
        let age = next.is_some_and(|t| {
            t.kind == TokenKind::Number
                && t.lower.len() <= 3
                && t.lower.bytes().all(|b| b.is_ascii_digit())
        });
        if age && at(end + 2).is_some_and(|t| t.is_punct(',')) {
            return true;
        }
    }
    false
}

/// Whether the run, classified as `m`, is a person by its own words or its context.
/// A plural noun for a group of people (`Muslims`, `Democrats`): never a person's last name.
fn is_group_word(w: &str) -> bool {
    let lex = Lexicon::builtin();
    w.strip_suffix('s')
        .is_some_and(|one| lex.demonym(one).is_some())
        || matches!(
            w,
            "muslims"
                | "christians"
                | "jews"
                | "catholics"
                | "protestants"
                | "hindus"
                | "buddhists"
                | "sikhs"
                | "sunnis"
                | "shiites"
                | "democrats"
                | "republicans"
                | "conservatives"
                | "liberals"
                | "evangelicals"
                | "latinos"
                | "hispanics"
                | "americans"
                | "europeans"
                | "africans"
                | "asians"
                | "arabs"
        )
}

/// Whether a name of several words reads like an organisation's: a plural last word (`Avalon
/// Giants`, `Acme Industries`) or a word the article also writes in lowercase (`Avalon Survey`).
fn reads_as_organisation(text: &str, m: &Mention, caps: &Capitals) -> bool {
    let words: Vec<CompactString> = m.name.of(text).split_whitespace().map(lower).collect();
    let plural = words
        .last()
        .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s"));
    if words.last().is_some_and(|w| is_group_word(w)) {
        return true;
    }
    words.len() > 1 && (plural || words.iter().any(|w| caps.lowercase.contains(w.as_str())))
}

/// A name after `the` is no person's (`the Avalon Giants`) unless a title stands between; the
/// context (a reporting verb, `, who`) makes a person of a name of several words only when the
/// name does not read as an organisation's.
pub fn is_person(
    text: &str,
    seg: &Segments,
    caps: &Capitals,
    run: &Run,
    m: &Mention,
    lex: &Lexicon,
) -> bool {
    if has_title(m.role.as_deref(), lex) {
        return true;
    }
    if super::classify::has_letter_prefix(m.name.of(text)) {
        return false;
    }
    let after_the = run
        .first()
        .checked_sub(1)
        .is_some_and(|k| seg.tokens[k].lower == "the");
    let group = m
        .name
        .of(text)
        .split_whitespace()
        .last()
        .is_some_and(|w| is_group_word(&lower(w)));
    let context = || !reads_as_organisation(text, m, caps) && context_shows_person(seg, run, lex);
    !after_the && !group && (starts_with_given_name(text, m, lex) || context())
}

#[cfg(test)]
mod tests {
    use super::given_name;
    use crate::lexicon::Lexicon;

    #[test]
    fn the_given_name_of_names_short_and_long() {
        let lex = Lexicon::builtin();
        for (name, given) in [
            ("Dana Kessler", Some("dana")),
            ("W. Tom Okafor", Some("tom")),
            ("Tom Okafor Jr.", Some("tom")),
            ("Independent Avalon Sen. Dana Kessler", Some("dana")),
            ("Coroner Dana Kessler", Some("dana")),
            ("Kessler", None),
            ("", None),
            // More words than are read without a vector: the same reading.
            (
                "Sen. Dana Lia Mora Vey Tilde Orn Ash Brook Kessler",
                Some("dana"),
            ),
            (
                "Gen. Maj. Col. Sen. Rep. Gov. Amb. Dr. Tom Okafor",
                Some("tom"),
            ),
        ] {
            assert_eq!(given_name(name, lex).as_deref(), given, "{name}");
        }
    }
}
