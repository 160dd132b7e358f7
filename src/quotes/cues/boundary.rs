//! Where a subject phrase starts: the token left of it that ends it.
//!
//! Takes a token index left of a subject; gives whether it is a boundary (punctuation, a verb,
//! an auxiliary, a clause opener), reading possessive apostrophes, a verb form used as a noun or
//! modifier, and reduced relatives as part of the phrase. Never decides who the subject is.

use super::super::words::*;
use super::Ctx;
use crate::segment::TokenKind;

/// Whether token `k` (left of a subject) ends the subject phrase.
pub(super) fn is_left_boundary(cx: &Ctx, k: usize, sent_start: usize) -> bool {
    let t = cx.t(k);
    match t.kind {
        TokenKind::Quote(..) => !possessive_apostrophe(cx, k, sent_start),
        TokenKind::Punct('.') => {
            // "Sen. Ines Dahl": the dot of an abbreviation.
            !(k > sent_start && {
                let p = cx.t(k - 1);
                p.is_word()
                    && (cx.lex.is_abbreviation(&p.lower)
                        || (p.lower.chars().count() == 1 && p.capitalized))
            })
        }
        TokenKind::Punct('&' | '-' | '/') => false,
        TokenKind::Punct(_) => true,
        _ => {
            let w = t.lower.as_str();
            if t.capitalized {
                return is_sentence_conjunction(w);
            }
            // `the report of`, `the state officials`: a noun after `of` or a determiner.
            let noun_use = cx.seg.tokens.get(k + 1).is_some_and(|n| n.lower == "of")
                || (k > sent_start && {
                    let p = cx.t(k - 1);
                    is_determiner(&p.lower)
                        || p.is_possessive()
                        || p.lower == "own"
                        // `both fishing fleets`, `two leading pilots`
                        || (is_count_word(&p.lower)
                            && !matches!(p.lower.as_str(), "many" | "most" | "few" | "all"))
                })
                // `federal and state officials`: a modifier joined to another before a plural.
                || (k > sent_start
                    && matches!(cx.lower(k - 1), "and" | "or")
                    && cx.seg.tokens.get(k + 1).is_some_and(|n| {
                        n.is_word()
                            && !n.capitalized
                            && n.lower.ends_with('s')
                            && !n.lower.ends_with("ss")
                            && !cx.is_verb_token(k + 1)
                            && !is_function_word(&n.lower)
                    }));
            if w == "who"
                || opens_clause(w)
                || is_auxiliary(w)
                || (cx.is_verb_token(k) && !noun_use && !reduced_relative(cx, k, sent_start))
            {
                return true;
            }
            if matches!(w, "and" | "or") {
                let next = cx.seg.tokens.get(k + 1);
                let prev = (k > sent_start).then(|| cx.t(k - 1));
                return next.is_some_and(|n| is_subject_pronoun(&n.lower) && !n.capitalized)
                    || prev.is_none_or(|p| {
                        !p.is_word()
                            || p.lower.ends_with("ing")
                            || (p.lower.ends_with("ed") && !p.capitalized)
                    });
            }
            false
        }
    }
}

/// `Ortiz’ campaign`, `the Hales' lawyer`: an apostrophe glued to a word ending in `s` or `z`,
/// followed by a word and closing no quoted span, is a possessive inside the subject.
fn possessive_apostrophe(cx: &Ctx, k: usize, sent_start: usize) -> bool {
    let t = cx.t(k);
    let next = cx.seg.tokens.get(k + 1);
    matches!(t.lower.as_str(), "'" | "’")
        && !cx.closes_at(k)
        && k > sent_start
        && {
            let p = cx.t(k - 1);
            p.is_word() && p.span.end == t.span.start && p.lower.ends_with(['s', 'z'])
        }
        && next.is_some_and(|n| n.is_word() && n.span.start > t.span.end)
}

/// A past participle modifying the noun before it, with a time or agent after it: `a report
/// published Wednesday`, `a poll released by the council`.
fn reduced_relative(cx: &Ctx, k: usize, sent_start: usize) -> bool {
    let t = cx.t(k);
    let participle = t.lower.ends_with("ed") || is_irregular_past(&t.lower);
    let after_noun = k > sent_start && {
        let p = cx.t(k - 1);
        p.is_word() && !is_function_word(&p.lower) && !p.capitalized
    };
    let next = cx.seg.tokens.get(k + 1);
    participle
        && after_noun
        && next.is_some_and(|n| {
            n.is_word() && (is_time_word(&n.lower) || matches!(n.lower.as_str(), "by" | "in"))
        })
}
