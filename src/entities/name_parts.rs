//! What continues a name past its capitalised words: alphanumeric parts (`49ers`, `G7`), a
//! product's model number (`Volta 8800`), hyphens a text writes spaced (`T - Mobile`), `and`
//! inside an organisation's `of` name (`Department of Health and Human Services`), the ordinal
//! of a numbered street (`117th Street`), a nickname in quotation marks between a given name and
//! a last name (`Tomas 'The Hawk' Vellacourt`), the apostrophe of a plural possessive inside a
//! name (`the Kestrel Workers' Union`); and what ends one (a possessive, a hyphenated
//! modifier).
//!
//! Takes tokens; gives yes or no for one place. Never decides what the name names.

use super::runs::Run;
use crate::lexicon::Lexicon;
use crate::quotes::{is_function_word, words};
use crate::segment::{Token, TokenKind};
use crate::text::Span;

fn is_cap_word(t: &Token) -> bool {
    t.capitalized && t.kind == TokenKind::Word
}

/// A model number after a capitalised word (`Volta 8800`, `Kestrel 747`): three digits or more,
/// no year, and no score (`Avalon 102, Kestrel 99`, `Avalon 102-99`): nothing but a word or
/// the end of the sentence after it, or a comma after four digits or more, which no score has
/// (`the Volta 8800, the thinnest yet`). (A lone sentence-initial word before it is no name:
/// `With 107 delegates`; the caller knows.)
pub(super) fn is_model_number(toks: &[Token], j: usize) -> bool {
    let t = &toks[j];
    let digits = &t.lower;
    let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    let after = toks.get(j + 1);
    t.kind == TokenKind::Number
        && digits.len() >= 3
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !year
        && j > 0
        && is_cap_word(&toks[j - 1])
        && t.span.start == toks[j - 1].span.end + 1
        && after.is_none_or(|n| {
            n.kind == TokenKind::Word || n.is_punct('.') || n.is_punct(',') && digits.len() >= 4
        })
}

/// An alphanumeric word that continues a name (`49ers`, `G7`): digits and letters.
pub(super) fn is_alnum_name_part(t: &Token) -> bool {
    t.kind == TokenKind::Number && t.lower.chars().any(char::is_alphabetic)
}
/// Whether the text spaces the hyphens of compounds: a number, ` - `, a lowercase word (`13 -
/// inch`, `26 - year - old`); a year before a dash (`in 2018 - though`) does not count.
pub(super) fn has_spaced_hyphens(toks: &[Token]) -> bool {
    // Cheapest tests first: most tokens are no number before a hyphen.
    toks.windows(3).any(|w| {
        let year = |n: &str| n.len() == 4 && (n.starts_with("19") || n.starts_with("20"));
        w[0].kind == TokenKind::Number
            && w[1].is_punct('-')
            && w[0].lower.bytes().all(|b| b.is_ascii_digit())
            && !year(&w[0].lower)
            && is_spaced_hyphen(&w[0], &w[1], &w[2])
            && w[2].kind == TokenKind::Word
            && !w[2].capitalized
    })
}

/// A hyphen token with one space on each side between two tokens.
pub(super) fn is_spaced_hyphen(before: &Token, hyphen: &Token, after: &Token) -> bool {
    hyphen.is_punct('-')
        && hyphen.span.start == before.span.end + 1
        && after.span.start == hyphen.span.end + 1
}

/// Whether the `and` at token `j` joins two parts of the organisation name `run` has begun
/// with `of` or `for`: the words since that `of`/`for` and the one to three capitalised words
/// after `and` (ending the run) are no given names, titles, places or known names, so two
/// people (`Ana Ruiz and Tom Berg`) or two names (`Bank of Avalon and Port Merrow`) stay apart.
pub(super) fn and_inside_org(toks: &[Token], run: &Run, j: usize, lex: &Lexicon) -> bool {
    if toks[j].lower != "and" || toks[j].capitalized {
        return false;
    }
    let plain = |t: &Token| {
        let w = t.lower.as_str();
        lex.first_name(w).is_none()
            && !lex.is_title_word(w)
            && lex.known(w).is_none()
            && lex.demonym(w).is_none()
            && !super::classify::is_place_word(w)
            && !words::is_month(w)
            && !words::is_weekday(w)
    };
    let since = run
        .tokens
        .iter()
        .rposition(|&k| matches!(toks[k].lower.as_str(), "of" | "for" | "the"))
        .map_or(&run.tokens[..0], |p| &run.tokens[p + 1..]);
    let known = |ks: &[&Token]| {
        let words: Vec<&str> = ks.iter().map(|t| t.lower.as_str()).collect();
        lex.known(&words.join(" ")).is_some()
    };
    let since: Vec<&Token> = since.iter().map(|&k| &toks[k]).collect();
    if since.is_empty() || !since.iter().all(|t| plain(t)) || known(&since) {
        return false;
    }
    let after = toks[j + 1..]
        .iter()
        .take(4)
        .take_while(|t| is_cap_word(t) && t.paragraph == toks[j].paragraph)
        .count();
    let after: Vec<&Token> = toks[j + 1..j + 1 + after].iter().collect();
    (1..=3).contains(&after.len()) && after.iter().all(|t| plain(t)) && !known(&after)
}

/// A word that ends a street's name (`Street`, `Ave.`, `Road's`).
pub fn is_street_word(lower: &str) -> bool {
    matches!(
        super::runs::without_possessive(lower.trim_end_matches('.')),
        "street" | "st" | "avenue" | "ave" | "road" | "rd" | "boulevard" | "blvd"
    )
}

/// A numbered street is named by its number (`117th Street`, `5th Ave.`, `First Avenue`): the
/// ordinal right before a run that ends with a street word joins it, so two streets are not one
/// `Street`. (`First` to `Third` start no name elsewhere: they are sentence adverbs.)
pub(super) fn take_street_number(toks: &[Token], run: &mut Run) {
    let Some(&last) = run.tokens.last() else {
        return;
    };
    let street = is_street_word(&toks[last].lower);
    let Some(k) = run.first().checked_sub(1) else {
        return;
    };
    let t = &toks[k];
    let digits = t.lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let ordinal = t.kind == TokenKind::Number
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&t.lower[digits.len()..], "st" | "nd" | "rd" | "th")
        || t.capitalized
            && matches!(t.lower.as_str(), "first" | "second" | "third")
            && t.span.end + 1 == toks[run.first()].span.start;
    if street && ordinal {
        run.words.insert(0, t.span);
        run.tokens.insert(0, k);
    }
}

/// A hyphenated modifier ends in lowercase (`Avalon-based`, `Top-ranked`): the name starts
/// after it.
pub(super) fn cut_modifier(text: &str, run: &mut Run) {
    let modifier = |s: &Span| {
        s.of(text)
            .rsplit_once('-')
            .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase))
    };
    if let Some(k) = run.words.iter().rposition(modifier) {
        run.words.drain(..=k);
        run.tokens.drain(..=k);
    }
}

/// Possessives end a name: "Trump’s inauguration". Returns the token after the possessive when
/// the run went on past it (`Acme's Ana Ruiz`). A group of people's possessive with capitalised
/// words after it is inside the name (`the Kestrel People's Front`, `Avalon Children's
/// Hospital`, `the Women's League`).
pub(super) fn cut_possessive(text: &str, run: &mut Run) -> Option<usize> {
    for k in 0..run.words.len() {
        let w = run.words[k].of(text);
        let cut = if w.ends_with("’s") {
            4
        } else if w.ends_with("'s") {
            2
        } else {
            continue;
        };
        let possessor = w[..w.len() - cut].to_lowercase();
        if k + 1 < run.words.len() && is_group_of_people(&possessor) {
            continue;
        }
        run.words[k] = Span::new(run.words[k].start, run.words[k].end - cut);
        let next = run.tokens.get(k + 1).copied();
        run.words.truncate(k + 1);
        run.tokens.truncate(k + 1);
        return next;
    }
    None
}

/// A plural noun for a group of people, whose possessive starts many names of organisations
/// and institutions (`people's`, `children's`, `women's`, `workers'`).
fn is_group_of_people(lower: &str) -> bool {
    matches!(
        lower,
        "people"
            | "children"
            | "women"
            | "men"
            | "workers"
            | "veterans"
            | "citizens"
            | "teachers"
            | "nurses"
            | "farmers"
            | "miners"
            | "students"
            | "employees"
            | "doctors"
            | "pilots"
            | "parents"
            | "taxpayers"
            | "consumers"
            | "writers"
    )
}

/// Whether a possessive (`Children` of `Children's`) before the word `next` is inside a name:
/// a group of people's, with a capitalised word after it (`Avalon Children's Hospital`).
pub fn is_possessive_inside_name(possessor: &str, next: Option<&str>) -> bool {
    is_group_of_people(&possessor.to_lowercase())
        && next.is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase))
}

/// The apostrophe of a group of people's plural possessive inside a capitalised name (`the
/// Kestrel Workers' Union`, `Merrow Teachers’ Federation`): at token `j`, written against the
/// plural before it and followed by a capitalised word.
pub(super) fn is_plural_possessive_inside(toks: &[Token], j: usize) -> bool {
    let (Some(prev), Some(u), Some(next)) = (
        j.checked_sub(1).and_then(|i| toks.get(i)),
        toks.get(j),
        toks.get(j + 1),
    ) else {
        return false;
    };
    u.is_quote()
        && matches!(u.lower.as_str(), "'" | "’")
        && u.span.start == prev.span.end
        && next.span.start > u.span.end
        && prev.capitalized
        && is_group_of_people(&prev.lower)
        && next.capitalized
        && next.kind == TokenKind::Word
}

/// A nickname in quotation marks after a given name and before a last name (`Tomas 'The Hawk'
/// Vellacourt`, `Ana "Red" Ruiz`): with the opening mark at token `j`, one to three capitalised
/// words, the closing mark, and a capitalised word right after; gives the token of that word.
/// No function word starts the nickname but `The`, nor stands for the last name (`Ana Ruiz 'A
/// Disgrace' Over ...` is a quotation).
/// The run's last word must be a given name, so a quoted title after a name stays apart (and
/// the caller reads no headline so: `Ana Ruiz 'Moonfall' Talks Stall`).
pub(super) fn quoted_nickname(toks: &[Token], run: &Run, j: usize, lex: &Lexicon) -> Option<usize> {
    let &last = run.tokens.last()?;
    let TokenKind::Quote(family, _) = toks[j].kind else {
        return None;
    };
    lex.first_name(&toks[last].lower)?;
    let words = toks[j + 1..]
        .iter()
        .take(4)
        .take_while(|t| is_cap_word(t))
        .count();
    let close = j + 1 + words;
    let after = toks.get(close + 1)?;
    ((1..=3).contains(&words)
        && matches!(toks[close].kind, TokenKind::Quote(f, _) if f == family)
        && is_cap_word(after)
        && after.paragraph == toks[j].paragraph
        && !words::is_weekday(&after.lower)
        && !is_function_word(&after.lower)
        && (toks[j + 1].lower == "the" || !is_function_word(&toks[j + 1].lower)))
    .then_some(close + 1)
}
