//! Asides and relative clauses inside a subject: what stands between a subject's head and its
//! verb.
//!
//! Takes the tokens of a sentence and the token after a subject; gives where the subject proper
//! ends past its asides between commas or dashes (`Elias Brandt, a nurse, said`, `Most
//! insiders — and half the board — said`), where a subject with a relative clause starts
//! (`Farmers who watched the debate said`) and the head word of a subject phrase. Never decides
//! where a subject starts otherwise (that is [`super::subject`]).

use std::ops::Range;

use super::super::words::*;
use super::Ctx;
use crate::segment::{Token, TokenKind};

/// Where the subject left of `end` stops: after the asides, what is left of the subject.
pub(super) struct Asides {
    /// One past the subject proper (before the first aside's mark when there are asides).
    pub end: usize,
    /// The mark (comma or dash) closing the last aside, when there is one.
    pub close: Option<usize>,
    /// Every aside is adverbial (`Varga, though, said`): the mention keeps none of them.
    pub adverbial_only: bool,
}

/// The longest aside between two commas or dashes, in tokens.
pub(super) const MAX_ASIDE: usize = 24;

/// A dash between words: `—`, `–`, `―`, or a spaced hyphen (one of the two of `--`).
fn is_dash(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Punct('—' | '–' | '―' | '-'))
}

/// The mark ending just before `end` that may close an aside: its first token and whether it
/// is a dash (`--` is two tokens).
fn mark_before(cx: &Ctx, sent: &Range<usize>, end: usize) -> Option<(usize, bool)> {
    let t = cx.t(end - 1);
    if t.is_punct(',') {
        return Some((end - 1, false));
    }
    if !is_dash(t) {
        return None;
    }
    let double = end - 1 > sent.start && t.is_punct('-') && cx.t(end - 2).is_punct('-');
    Some((if double { end - 2 } else { end - 1 }, true))
}

/// Whether the tokens `k..c` between two commas or dashes, after the token `before`, are an
/// aside in a subject: `Some(true)` for an adverbial one (`though`, `in a memo`), `Some(false)`
/// for an appositive (`a nurse`, `61`, `who farms near the river`, `harbor director at the
/// agency` after a name, `Ines Dahl` after a role; between dashes also an addition, `— and half
/// the board —`), `None` when they are not an aside (a clause of their own).
fn aside_kind(cx: &Ctx, k: usize, c: usize, before: usize, dashed: bool) -> Option<bool> {
    let first = cx.t(k);
    let before = cx.t(before);
    // `Rep. Ines Dahl (D-Ore.), a critic, said`: a parenthesis may end the name before.
    if !(before.is_word() || before.is_punct(')')) || (k..c).any(|m| cx.t(m).is_quote()) {
        return None;
    }
    let adverbial = is_adverb(first)
        || matches!(
            first.lower.as_str(),
            "though" | "however" | "too" | "meanwhile" | "like"
        )
        || (is_preposition(&first.lower) && first.lower != "including" && c - k <= 8)
        // `speaking on condition of anonymity`, `writing in the Harbor Post`: how it was said.
        || (first.lower.ends_with("ing") && cx.is_verb_token(k));
    let relative = matches!(
        first.lower.as_str(),
        "who" | "which" | "including" | "whose"
    );
    // A clause is no aside: `In the end, the plan is dead, said Dahl`; a relative clause inside
    // an appositive is (`the mayor who has led the town`).
    let mut finite = false;
    for m in k..c {
        let t = cx.t(m);
        if matches!(t.lower.as_str(), "who" | "which" | "that" | "whose") {
            break;
        }
        finite |= !t.capitalized && t.is_word() && is_auxiliary(&t.lower);
    }
    if finite && !relative && !adverbial {
        return None;
    }
    let addition = dashed && matches!(first.lower.as_str(), "and" | "or" | "plus" | "not");
    let appositive = is_determiner(&first.lower)
        || relative
        || addition
        || first.kind == TokenKind::Number
        || (c - k <= 6 && first.capitalized && before.capitalized)
        || is_name(cx, k, c)
        || is_role_after_name(cx, k, before);
    (adverbial || appositive).then_some(adverbial)
}

/// `Ines Dahl`, `Ines Dahl of the Harbor Institute`: small words only inside the name.
fn is_name(cx: &Ctx, k: usize, c: usize) -> bool {
    let first = cx.t(k);
    c - k <= 8
        && first.capitalized
        && (k..c).all(|m| {
            let t = cx.t(m);
            t.capitalized
                || t.is_punct('.')
                || (matches!(t.lower.as_str(), "of" | "the" | "for" | "and")
                    && m + 1 < c
                    && cx.t(m + 1).is_word())
        })
        && cx.t(c - 1).capitalized
        && !is_function_word(&first.lower)
}

/// `Ines Dahl, harbor director at the agency, said`: a role after a name.
fn is_role_after_name(cx: &Ctx, k: usize, before: &Token) -> bool {
    let first = cx.t(k);
    before.capitalized
        && !is_function_word(&before.lower)
        && first.is_word()
        && !first.capitalized
        && !is_subject_pronoun(&first.lower)
        && !is_auxiliary(&first.lower)
        && !opens_clause(&first.lower)
        && !is_preposition(&first.lower)
        && !cx.is_verb_token(k)
}

/// Asides between subject and verb: `Elias Brandt, a nurse, said`, `Varga, though, said`,
/// `Nadia Corvin, 61, who farms near the river, says`, `Most insiders — and half the board —
/// said`. The mention keeps appositives (the news convention) but not adverbial asides. `None`
/// when the words before the verb end in a comma that opens no aside.
pub(super) fn skip_asides(cx: &Ctx, sent: &Range<usize>, j: usize) -> Option<Asides> {
    let mut end = j; // exclusive
    let mut close: Option<usize> = None;
    let mut adverbial_only = true;
    let mut asides = 0;
    while end > sent.start && asides < 4 {
        let Some((c, dashed)) = mark_before(cx, sent, end) else {
            break;
        };
        asides += 1;
        let opens = |m: usize| {
            let t = cx.t(m);
            if dashed {
                is_dash(t)
            } else {
                t.is_punct(',')
            }
        };
        let mut k = c;
        while k > sent.start && !opens(k - 1) && c - k < MAX_ASIDE {
            k -= 1;
        }
        // The opening mark's first token (`--` is two).
        let open = match k.checked_sub(1) {
            Some(o) if o > sent.start && dashed && cx.t(o).is_punct('-') && opens(o - 1) => o - 1,
            Some(o) => o,
            None => k,
        };
        let has_open = k > sent.start + 1 && open > sent.start && opens(k - 1);
        let kind = (has_open && k < c)
            .then(|| aside_kind(cx, k, c, open - 1, dashed))
            .flatten();
        let Some(adverbial) = kind else {
            close?;
            end = c;
            break;
        };
        close.get_or_insert(c);
        adverbial_only &= adverbial;
        end = k; // the opening mark is now last
    }
    Some(Asides {
        end,
        close,
        adverbial_only,
    })
}

/// The longest relative clause read inside a subject, in tokens.
const MAX_RELATIVE: usize = 20;

/// The `who`/`whose` opening a relative clause that runs to `end` (`Farmers who watched the
/// debate`, `The officials whose laws were struck down`), when a noun stands before it: the
/// subject's head is before the relative pronoun.
fn relative_pronoun_before(cx: &Ctx, sent: &Range<usize>, end: usize) -> Option<usize> {
    let floor = sent.start.max(end.saturating_sub(MAX_RELATIVE));
    let mut k = end;
    while k > floor + 1 {
        k -= 1;
        let t = cx.t(k);
        if !(t.is_word() || t.kind == TokenKind::Number || t.is_punct('%') || t.is_punct('$')) {
            return None;
        }
        // `camps that Mr. Obama argued`: a clause of its own inside, not one relative clause.
        if opens_clause(&t.lower) && !matches!(t.lower.as_str(), "whose") {
            return None;
        }
        if matches!(t.lower.as_str(), "who" | "whose") && !t.capitalized {
            let head = cx.t(k - 1);
            let noun = head.is_word()
                && !is_function_word(&head.lower)
                && !is_preposition(&head.lower)
                && !cx.is_verb_token(k - 1)
                && !is_auxiliary(&head.lower);
            return (noun && k + 1 < end).then_some(k);
        }
    }
    None
}

/// The relative pronoun of a relative clause that ends a subject at `end` (not `the official
/// who the mayor`: there the clause has a subject of its own; not `a strategist who worked for
/// Bush and`: there the verb is the clause's own).
pub(super) fn relative_clause_before(cx: &Ctx, sent: &Range<usize>, end: usize) -> Option<usize> {
    let r = relative_pronoun_before(cx, sent, end)?;
    let next = cx.t(r + 1);
    let own_subject = cx.lower(r) == "who"
        && (next.capitalized || is_determiner(&next.lower) || is_subject_pronoun(&next.lower));
    let last = cx.t(end - 1);
    let open_end = is_determiner(&last.lower)
        || is_preposition(&last.lower)
        || matches!(last.lower.as_str(), "and" | "or" | "but");
    (!own_subject && !open_end).then_some(r)
}

/// The head word of a subject phrase: the last word before its first preposition, aside or
/// relative clause (`candidates` in `both candidates for the office, Ana Ruiz and Bo Lee`).
pub(super) fn head_word(cx: &Ctx, np: &Range<usize>) -> usize {
    let mut head = np.start;
    for k in np.clone() {
        let t = cx.t(k);
        let stops = !t.is_word()
            || (k > np.start && is_preposition(&t.lower) && !t.capitalized)
            || matches!(t.lower.as_str(), "who" | "whose" | "which" | "that");
        if stops && !t.is_punct('.') {
            break;
        }
        if t.is_word() {
            head = k;
        }
    }
    head
}
