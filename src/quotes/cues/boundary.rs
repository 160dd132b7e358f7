//! Where a subject phrase starts: the token left of it that ends it.
//!
//! Takes a token index left of a subject; gives whether it is a boundary (punctuation, a verb,
//! an auxiliary, a clause opener), reading possessive apostrophes, a verb form used as a noun or
//! modifier, and reduced relatives as part of the phrase. Never decides who the subject is.

use super::super::words::*;
use super::Ctx;
use crate::lexicon::EntityKind;
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
        TokenKind::Punct(',') => !coordinated_adjective(cx, k, sent_start),
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
                    }))
                || plural_modifier(cx, k, sent_start);
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

/// `federal appeals courts`, `that appeals judges said`: a plural `-s` form of a verb that takes
/// only an object, after a lowercase word and before an organisation noun, is the first half of
/// a compound noun. A clause verb keeps its verb reading (`the mayor says officials said`).
fn plural_modifier(cx: &Ctx, k: usize, sent_start: usize) -> bool {
    let w = cx.lower(k);
    let object_only = cx.lex.verb(w).is_some_and(|v| {
        let f = &v.frames;
        f.object && !(f.clause || f.tell || f.animate || f.commit)
    });
    let prev = (k > sent_start).then(|| cx.t(k - 1));
    let next = cx.seg.tokens.get(k + 1);
    object_only
        && w.ends_with('s')
        && !w.ends_with("ss")
        && prev.is_some_and(|p| p.is_word() && !p.capitalized && !is_subject_pronoun(&p.lower))
        && next.is_some_and(|n| {
            n.is_word()
                && !n.capitalized
                && [n.lower.as_str(), n.lower.trim_end_matches('s')]
                    .iter()
                    .any(|h| cx.lex.head_noun(h) == Some(EntityKind::Org))
        })
}

/// `the bearded, 64-year-old foreman`: a comma between two adjectives after a determiner that
/// opens the phrase (at a sentence's or quote's edge or after a comma) is inside the subject.
/// Only clear adjective endings: `the official, ...` or `the end, ...` stay boundaries.
fn coordinated_adjective(cx: &Ctx, k: usize, sent_start: usize) -> bool {
    if k < sent_start + 2 {
        return false;
    }
    let (det, adj) = (cx.t(k - 2), cx.t(k - 1));
    let next = cx.seg.tokens.get(k + 1);
    let opens = k - 2 == sent_start || !cx.t(k - 3).is_word() || cx.t(k - 3).lower == "and";
    let adjective = adj.is_word()
        && !adj.capitalized
        && adj.lower.chars().count() >= 5
        && ["ed", "ful", "ous", "less", "able", "ible", "ish"]
            .iter()
            .any(|e| adj.lower.ends_with(e));
    opens
        && matches!(det.lower.as_str(), "the" | "a" | "an")
        && adjective
        && next.is_some_and(|n| {
            n.is_word()
                && !n.capitalized
                && !is_determiner(&n.lower)
                && !is_function_word(&n.lower)
                && !is_subject_pronoun(&n.lower)
        })
}
