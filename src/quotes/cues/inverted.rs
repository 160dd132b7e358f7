//! Inverted speakers: the source named after its verb (`said Ines Dahl`, `reports the Harbor
//! Post`, `said a longtime adviser to the mayor`).
//!
//! Takes the token after an inverted reporting verb; gives the mention's token range, with the
//! initials and abbreviations of a name, an `of` organisation and an appositive that ends the
//! sentence. Never decides who the mention is, and never takes a clause for a speaker.

use std::ops::Range;

use super::super::words::*;
use super::Ctx;

/// The speaker after an inverted verb: `said a longtime adviser to ...`, `reports the Harbor Post`.
pub(super) fn subject_after(cx: &Ctx, sent: &Range<usize>, start: usize) -> Option<Range<usize>> {
    if start >= sent.end || is_preposition(cx.lower(start)) || is_time_word(cx.lower(start)) {
        return None;
    }
    let mut k = start;
    let mut in_org = false;
    while k < sent.end && k < start + 14 {
        let t = cx.t(k);
        if !t.is_word() {
            if t.is_punct('.') && k > start && is_name_dot(cx, k) {
                k += 1;
                continue;
            }
            if t.is_punct('&') || t.is_punct('-') {
                k += 1;
                continue;
            }
            // `said Ana Ruiz of Salem, Ore.,`: the state after a town stays with it.
            if let Some(end) = in_org.then(|| state_after_town(cx, sent, k)).flatten() {
                k = end;
            }
            break;
        }
        let w = t.lower.as_str();
        if k > start && (opens_clause(w) || w == "who") {
            break;
        }
        // `..., said the bridge will reopen`: a clause after the verb, not an inverted speaker.
        if k > start && (cx.is_verb_token(k) || is_auxiliary(w)) {
            return None;
        }
        if k > start && is_preposition(w) && !t.capitalized {
            let prev = cx.t(k - 1);
            // `of the Council on Harbor Safety`: small words inside a capitalised name.
            // `of the Harbor Council in Avalon`: the organisation's town too.
            let in_name = in_org
                && prev.capitalized
                && matches!(w, "of" | "on" | "for" | "and" | "in")
                && cx
                    .seg
                    .tokens
                    .get(k + 1)
                    .is_some_and(|n| n.capitalized && !is_time_word(&n.lower));
            if in_name || of_organisation(cx, sent, k) {
                in_org = true;
                k += 1;
                continue;
            }
            let role_noun = (!prev.capitalized && !is_adverb(prev) && !is_time_word(&prev.lower))
                || (prev.capitalized && cx.lex.is_title_word(&prev.lower));
            // `a pilot involved in the survey`: a participle's `in` stays with the role.
            let inner = matches!(w, "of" | "for" | "to" | "at" | "with" | "from")
                || (w == "in" && prev.lower.ends_with("ed") && !prev.capitalized);
            let next = cx.seg.tokens.get(k + 1);
            if !(role_noun && inner && next.is_some_and(|n| n.is_word() && !is_time_word(&n.lower)))
            {
                break;
            }
        }
        if is_time_word(w) && k > start && (t.capitalized || w == "on") {
            break;
        }
        k += 1;
    }
    while k > start && {
        let t = cx.t(k - 1);
        !t.is_word() || is_determiner(&t.lower) || is_preposition(&t.lower)
    } {
        k -= 1;
    }
    let named = k > start && cx.t(start).is_word() && !is_subject_pronoun(&cx.t(start).lower);
    // `said Rep. Ines Dahl (D-Ore.).`: a short parenthesis after the name is part of the mention.
    if named && k < sent.end && cx.t(k).is_punct('(') {
        if let Some(close) = (k + 1..(k + 6).min(sent.end)).find(|&m| cx.t(m).is_punct(')')) {
            return Some(start..close + 1);
        }
    }
    // `said Tomas Hale Jr., a ...`: what follows the name reads after the abbreviation's dot.
    let after = if k + 1 < sent.end && cx.t(k).is_punct('.') && is_name_dot(cx, k) {
        k + 1
    } else {
        k
    };
    if named && cx.t(k - 1).capitalized {
        if let Some(end) = trailing_appositive(cx, sent, after) {
            return Some(start..end);
        }
    }
    if named {
        // `said the mayor's aide, Lena Ortiz, ...`: the name the role is given.
        if let Some(end) = named_appositive(cx, sent, start, k).or(trailing_clause(cx, sent, after))
        {
            return Some(start..trailing_clause(cx, sent, end).unwrap_or(end));
        }
        return Some(start..k);
    }
    (k > start && matches!(cx.lower(start), "he" | "she" | "they")).then_some(start..k)
}

/// `said the mayor's chief of staff, Lena Ortiz, adding ...`: a role headed by a common noun,
/// then a name of two to four capitalised words between commas (or before the sentence's end):
/// the name is part of the mention. Returns the end of the name.
fn named_appositive(cx: &Ctx, sent: &Range<usize>, start: usize, k: usize) -> Option<usize> {
    let head = cx.t(k - 1);
    if k + 2 >= sent.end || !cx.t(k).is_punct(',') || head.capitalized || !head.is_word() {
        return None;
    }
    let mut m = k + 1;
    while m < sent.end && m < k + 6 && cx.t(m).is_word() && cx.t(m).capitalized {
        m += 1;
    }
    let words = m - (k + 1);
    let ends = m == sent.end || cx.t(m).is_punct(',') || cx.t(m).is_terminal();
    let role = (start..k).all(|i| !cx.t(i).capitalized || i == start);
    let name = (k + 1..m).all(|i| !is_time_word(cx.lower(i)) && !cx.lex.is_title_word(cx.lower(i)));
    (ends && role && name && (2..=4).contains(&words)).then_some(m)
}

/// `said an aide who oversaw the audit`, `said Lena Ortiz, who chairs the panel`, `said a
/// planner, speaking on condition of anonymity`: a relative or `speaking` clause after an
/// inverted speaker is part of the mention, as news annotation has it. The clause ends at the
/// sentence's end, or before `, and`/`, adding`-like continuations and `and` + a reporting
/// verb; a clause still running after 30 tokens is left out. Returns the end of the clause.
fn trailing_clause(cx: &Ctx, sent: &Range<usize>, k: usize) -> Option<usize> {
    let at = |i: usize| (i < sent.end).then(|| cx.t(i));
    let comma = at(k).is_some_and(|t| t.is_punct(','));
    let first = if comma { k + 1 } else { k };
    let opens = match at(first).map(|t| t.lower.as_str()) {
        Some("who") => true,
        Some("speaking") => comma,
        _ => false,
    };
    if !opens {
        return None;
    }
    let mut m = first + 1;
    // `who, like many neighbours, asked ...`: an aside right after `who` ends at its comma.
    let mut aside = false;
    while m < sent.end && m < first + 30 {
        let t = cx.t(m);
        let next = at(m + 1);
        if t.is_punct(',') && (m == first + 1 || aside) {
            aside = !aside;
        } else if t.is_word() {
            let coordinated = matches!(t.lower.as_str(), "and" | "but")
                && next.is_some_and(|n| {
                    n.is_word() && !n.capitalized && (is_verb(cx, m + 1) || n.lower.ends_with("ed"))
                });
            if coordinated {
                break;
            }
        } else if t.is_punct(',') {
            let goes_on = next.is_some_and(|n| {
                n.is_quote()
                    || (n.is_word()
                        && (matches!(n.lower.as_str(), "and" | "but" | "according" | "while")
                            || (n.lower.ends_with("ing") && n.lower != "including")
                            || is_verb(cx, m + 1)))
            });
            if goes_on {
                break;
            }
        } else if (t.is_terminal() && !(t.is_punct('.') && is_name_dot(cx, m)))
            || t.is_quote()
            || [';', ':', '—', '–'].iter().any(|&c| t.is_punct(c))
        {
            break;
        }
        m += 1;
    }
    let closed = m < first + 30 && m > first + 1;
    closed.then_some(m)
}

fn is_verb(cx: &Ctx, i: usize) -> bool {
    cx.is_verb_token(i) || is_irregular_past(cx.lower(i))
}

/// `, Ore.,` / `, N.H.` after `of Salem`: a comma, then an abbreviated state (short
/// capitalised parts, each with its dot) before a comma or the sentence's end. Returns the
/// end of the abbreviation.
fn state_after_town(cx: &Ctx, sent: &Range<usize>, comma: usize) -> Option<usize> {
    if !cx.t(comma).is_punct(',') {
        return None;
    }
    let mut m = comma + 1;
    while m + 1 < sent.end && m < comma + 7 {
        let t = cx.t(m);
        let part = t.is_word() && t.capitalized && t.lower.chars().count() <= 5;
        if part && cx.t(m + 1).is_punct('.') {
            m += 2; // `Ore` `.`
        } else if part && t.lower.contains('.') {
            m += 1; // `N.H.` as one word
        } else {
            break;
        }
    }
    let ends = m == sent.end || cx.t(m).is_punct(',') || cx.t(m).is_terminal();
    (m > comma + 1 && ends).then_some(m)
}

/// `said Ines Dahl of the Harbor Panel`: `of` after a name, before a capitalised name (with or
/// without `the`), joins the organisation to the mention.
fn of_organisation(cx: &Ctx, sent: &Range<usize>, k: usize) -> bool {
    let at = |i: usize| (i < sent.end).then(|| cx.t(i));
    let prev = cx.t(k - 1);
    let mut n = k + 1;
    if at(n).is_some_and(|t| t.lower == "the") {
        n += 1;
    }
    cx.lower(k) == "of"
        && prev.capitalized
        && !cx.lex.is_title_word(&prev.lower)
        && at(n).is_some_and(|t| t.is_word() && t.capitalized && !is_time_word(&t.lower))
}

/// `said Ines Dahl, the panel's harbor director.`: an appositive after an inverted name that
/// runs to the end of the sentence stays in the mention, as news annotation
/// has it; a relative clause (`, who ...`), a participle or anything holding a verb does not.
/// Returns the end of the mention with its appositive.
fn trailing_appositive(cx: &Ctx, sent: &Range<usize>, comma: usize) -> Option<usize> {
    if comma + 1 >= sent.end || !cx.t(comma).is_punct(',') {
        return None;
    }
    let first = cx.t(comma + 1);
    let opens = first.is_word()
        && !first.capitalized
        && !opens_clause(&first.lower)
        && !is_preposition(&first.lower)
        && !matches!(
            first.lower.as_str(),
            "who" | "whose" | "which" | "and" | "but"
        )
        && !first.lower.ends_with("ing");
    if !opens {
        return None;
    }
    let mut k = comma + 1;
    while k < sent.end && k < comma + 20 {
        let t = cx.t(k);
        if t.is_word() {
            let w = t.lower.as_str();
            if is_auxiliary(w) || cx.is_verb_token(k) || matches!(w, "who" | "which" | "that") {
                return None;
            }
        } else if !(t.is_punct('-') || t.is_punct('&') || (t.is_punct('.') && is_name_dot(cx, k))) {
            break;
        }
        k += 1;
    }
    let ends = k == sent.end || {
        let t = cx.t(k);
        (t.is_terminal() && !is_name_dot(cx, k)) || t.is_punct(';')
    };
    (ends && k > comma + 1).then_some(k)
}

/// The dot at `k` belongs to a name: after an abbreviation (`Sen.`), or after a single capital
/// letter before another capitalised word (the initial in `Ines K. Dahl`).
fn is_name_dot(cx: &Ctx, k: usize) -> bool {
    let prev = cx.t(k - 1);
    cx.lex.is_abbreviation(&prev.lower)
        || (prev.capitalized
            && prev.lower.chars().count() == 1
            && cx.seg.tokens.get(k + 1).is_some_and(|n| n.capitalized))
}
