//! Dates and sums of money, read off the tokens.
//!
//! Takes the tokens of an article; gives the token ranges of dates (`July 14th, 2025`,
//! `14 July 2025`, `Feb. 22`, `Oct. 2011`, `June 2025`, `Monday night`, `2025`) and sums of money (`$20
//! billion`, `€1.5bn`, `20 billion euros`). Knows nothing of what they are dates of.

use super::runs::without_possessive;
use crate::quotes::words;
use crate::segment::{Token, TokenKind};

/// A month, full or abbreviated (`Sept.`).
fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    words::is_month(w)
        || matches!(
            w,
            "jan" | "feb" | "aug" | "sept" | "sep" | "oct" | "nov" | "dec"
        )
}

fn is_day_number(t: &Token) -> bool {
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

fn is_year(t: &Token) -> bool {
    t.kind == TokenKind::Number
        && t.lower.len() == 4
        && (t.lower.starts_with("19") || t.lower.starts_with("20"))
        && t.lower.bytes().all(|b| b.is_ascii_digit())
}

/// A part of the day that can follow a weekday (`Friday night`, `Friday night's fire`).
fn is_day_part(w: &str) -> bool {
    matches!(
        without_possessive(w),
        "morning" | "afternoon" | "evening" | "night"
    )
}

/// A date starting at token `k`; returns the end token (exclusive). A weekday or a month with
/// a possessive (`Friday's vote`, `February's show`) names its day or month; its mention ends
/// before the `'s` (see [`possessive_len`]).
pub fn date_at(toks: &[Token], k: usize) -> Option<usize> {
    let t = &toks[k];
    let at = |i: usize| toks.get(i);
    let bare = without_possessive(&t.lower);
    if bare.len() < t.lower.len() {
        // `May's` is a person's more often than the month's.
        let named = is_month(bare) && bare != "may" || words::is_weekday(bare);
        return (t.capitalized && named).then_some(k + 1);
    }
    if t.capitalized && is_month(&t.lower) {
        let mut end = k + 1;
        // "Feb. 22": the abbreviation's full stop.
        if at(end).is_some_and(|d| d.is_punct('.') && d.span.start == t.span.end)
            && at(end + 1).is_some_and(|n| is_day_number(n) || is_year(n))
        {
            end += 1;
        }
        // `May` alone is the verb or the name, but for `last May`, `next May`, `this May`.
        let named_month = k
            .checked_sub(1)
            .is_some_and(|p| matches!(toks[p].lower.as_str(), "last" | "next" | "this"));
        if t.lower == "may"
            && !named_month
            && !at(end).is_some_and(|n| is_day_number(n) || is_year(n))
        {
            return None;
        }
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
        let part = at(k + 1).is_some_and(|n| is_day_part(&n.lower));
        return Some(k + 1 + usize::from(part));
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

/// The bytes of a possessive ending a token (`'s`, `’s`), 0 without one.
pub fn possessive_len(t: &Token) -> usize {
    t.lower.len() - without_possessive(&t.lower).len()
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

/// A sum of money starting at token `k`; returns the end token (exclusive).
pub fn money_at(toks: &[Token], k: usize) -> Option<usize> {
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
