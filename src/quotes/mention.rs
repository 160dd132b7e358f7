//! Speaker mentions: the words a quote's speaker is named by.
//!
//! Takes a cue's speaker tokens (or the words before a colon that opens a quote); gives the
//! mention as a [`Speaker`] span of the original text: the subject phrase without a finite verb
//! it swallowed, a pronoun without its contracted auxiliary. Never decides who the mention is.

use std::ops::Range;

use super::cues::Cue;
use super::marks::QuotedSpan;
use super::{words, Speaker};
use crate::segment::{Segments, TokenKind};
use crate::text::Span;

/// The mention a cue names, as a [`Speaker`] of the original text.
pub(super) fn speaker_of(text: &str, seg: &Segments, c: &Cue) -> Option<Speaker> {
    c.speaker.clone().map(|r| {
        let span = pronoun_part(text, seg.span(subject_head(seg, r)));
        Speaker {
            mention: span.of(text).to_string(),
            span,
            canonical: None,
            kind: None,
        }
    })
}

/// A mention made of the tokens `r` as they stand.
pub(super) fn speaker_at(text: &str, seg: &Segments, r: Range<usize>) -> Speaker {
    let span = seg.span(r);
    Speaker {
        mention: span.of(text).to_string(),
        span,
        canonical: None,
        kind: None,
    }
}

/// A subject phrase cut before a finite verb it swallowed: `The state senator | sought to
/// reassure the farmers`, `They | sent a petition`. A verb is a lowercase irregular past form not
/// followed by a preposition, or an `-ed` word followed by its object, right after a noun (not
/// after a determiner, where `-ed` words are adjectives: `a retired judge`). Phrases with a
/// comma or a relative pronoun are appositive chains and stay whole.
pub(super) fn subject_head(seg: &Segments, r: Range<usize>) -> Range<usize> {
    let toks = &seg.tokens;
    // `Even the treasurer`: a focus word is no part of the mention.
    let focus = matches!(toks[r.start].lower.as_str(), "even" | "only" | "just");
    let r = if focus && r.len() > 1 {
        r.start + 1..r.end
    } else {
        r
    };
    // The mention ends before the verb, without the adverbs before it (`She | then addressed`).
    let cut = |k: usize| {
        let mut e = k;
        while e > r.start + 1 && words::is_adverb(&toks[e - 1]) {
            e -= 1;
        }
        r.start..e
    };
    for k in r.start + 1..r.end {
        let t = &toks[k];
        let relative = matches!(t.lower.as_str(), "who" | "which" | "that" | "whose");
        let joiner = t.is_punct('.') || t.is_punct('&'); // "Sen.", "AT&T"
        if relative || (!t.is_word() && !joiner) {
            return r;
        }
        if !t.is_word() {
            continue;
        }
        let prev = &toks[k - 1];
        // `Respondents are obliged`, `Dahl at the time`, `a report on Wednesday`.
        let aux = words::is_auxiliary(&t.lower) && !t.capitalized && prev.is_word();
        if aux || time_phrase(seg, k, r.end) {
            return cut(k);
        }
        let Some(next) = toks.get(k + 1).filter(|n| k + 1 < r.end && n.is_word()) else {
            continue;
        };
        // `She then addressed the crowd`: an adverb between the noun and the verb.
        let noun = if words::is_adverb(prev) && k >= r.start + 2 {
            &toks[k - 2]
        } else {
            prev
        };
        let after_noun = noun.is_word()
            && !words::is_determiner(&noun.lower)
            && !words::is_preposition(&noun.lower)
            && !words::is_auxiliary(&noun.lower)
            && !words::is_adverb(noun)
            && !noun.is_possessive();
        // `-ed` words are often participles modifying the noun (`polls conducted by`, `people
        // briefed on`, `registered voters`): only an object after them makes them verbs.
        let finite = !t.capitalized
            && if words::is_irregular_past(&t.lower) {
                !words::is_preposition(&next.lower) || infinitive_after(seg, k, r.end)
            } else {
                t.lower.ends_with("ed")
                    && t.lower.len() > 4
                    && (words::is_determiner(&next.lower)
                        || matches!(next.lower.as_str(), "back" | "out" | "up" | "off" | "no"))
            };
        if finite && after_noun {
            return cut(k);
        }
    }
    r
}

/// `sought to reassure`: a past form (not a participle in `-n`) before `to` and a verb.
fn infinitive_after(seg: &Segments, k: usize, end: usize) -> bool {
    let toks = &seg.tokens;
    !toks[k].lower.ends_with('n')
        && k + 2 < end
        && toks[k + 1].lower == "to"
        && toks[k + 2].is_word()
        && !toks[k + 2].capitalized
        && !words::is_determiner(&toks[k + 2].lower)
}

/// A time phrase starting at `k` inside a mention: `at the time`, `on Wednesday`, `last week`.
fn time_phrase(seg: &Segments, k: usize, end: usize) -> bool {
    let toks = &seg.tokens;
    let at = |i: usize| (i < end).then(|| toks[i].lower.as_str());
    match toks[k].lower.as_str() {
        "at" => at(k + 1) == Some("the") && at(k + 2) == Some("time"),
        "on" | "last" | "this" | "earlier" => {
            at(k + 1).is_some_and(|w| words::is_weekday(w) || words::is_time_word(w))
        }
        _ => false,
    }
}

/// `he’d`, `she's`: the pronoun without its contracted auxiliary.
fn pronoun_part(text: &str, span: Span) -> Span {
    let s = span.of(text);
    for sep in ['’', '\''] {
        if let Some(i) = s.find(sep) {
            let head = s[..i].to_lowercase();
            if words::is_subject_pronoun(&head) {
                return Span::new(span.start, span.start + i);
            }
        }
    }
    span
}

/// `Ines Dahl: “…”`, `- More from the audit: “…”`: a short name before a colon that opens
/// a quote, at the start of a line or after a dash, names its source.
pub(super) fn colon_speaker(seg: &Segments, q: &QuotedSpan) -> Option<Range<usize>> {
    let colon = q.open.checked_sub(1)?;
    if !seg.tokens[colon].is_punct(':') {
        return None;
    }
    let para = &seg.paragraphs[q.paragraph];
    let mut start = colon;
    while start > para.start && colon - start < 7 {
        let t = &seg.tokens[start - 1];
        if matches!(t.kind, TokenKind::Punct('-' | '—' | '–' | '.' | ']' | ')')) || t.is_quote()
        {
            break;
        }
        start -= 1;
    }
    if start == colon || colon - start >= 7 {
        return None;
    }
    // "More from Dahl", "From the audit": the source follows "from".
    if let Some(f) = (start..colon).find(|&k| seg.tokens[k].lower == "from") {
        start = f + 1;
    }
    let words: Vec<&crate::segment::Token> = seg.tokens[start..colon].iter().collect();
    let named = words.iter().any(|t| t.capitalized)
        && words
            .iter()
            .all(|t| t.is_word() || t.is_punct('.') || t.is_punct('&'));
    let upper = words
        .iter()
        .filter(|t| t.is_word())
        .all(|t| t.span.len() > 1 && !t.capitalized || t.lower.len() > 1);
    // `She then addressed the crowd again: “…”`: a clause opened by a subject pronoun; the
    // pronoun is the source.
    let pronoun = matches!(words[0].lower.as_str(), "he" | "she" | "they" | "we");
    let end = if pronoun && words.len() > 1 {
        start + 1
    } else {
        colon
    };
    (named && upper && start < colon).then_some(start..end)
}

/// `“…” ― Ines Dahl`, `“…” — Elias Brandt, a nurse`: a dash right after a closing mark (or
/// opening the line after a quote that ends its own), then a run of capitalised words that
/// ends the line (or meets a comma or the next quote), is a byline naming the quote's source. `“…” — Dahl said` is a cue's business, not a byline.
pub(super) fn dash_speaker(seg: &Segments, q: &QuotedSpan) -> Option<Range<usize>> {
    let toks = &seg.tokens;
    let close = q.close?;
    // The line the quote closes on (a quote may run over several).
    let mut p = q.paragraph;
    while p + 1 < seg.paragraphs.len() && seg.paragraphs[p].end <= close && p < q.paragraph + 8 {
        p += 1;
    }
    let mut para = &seg.paragraphs[p];
    let mut k = close + 1;
    // `“…”` ending its line, then `— Ines Dahl.` on a line of its own: a sign-off line.
    if k >= para.end {
        para = seg.paragraphs.get(p + 1)?;
        k = para.start;
    }
    let dash_start = k;
    while k < para.end && matches!(toks[k].kind, TokenKind::Punct('-' | '—' | '―' | '–')) {
        k += 1;
    }
    if k == dash_start || k - dash_start > 2 {
        return None;
    }
    let start = k;
    while k < para.end && k - start < 7 {
        let t = &toks[k];
        let initial_dot = t.is_punct('.') && k > start && toks[k - 1].span.len() <= 3;
        let name_part = (t.is_word() && t.capitalized) || initial_dot;
        if !name_part {
            break;
        }
        k += 1;
    }
    let end = k;
    let words = (start..end).filter(|&i| toks[i].is_word()).count();
    let pronoun = words == 1 && words::is_subject_pronoun(&toks[start].lower);
    let closes = end == para.end
        || toks[end].is_punct(',')
        || toks[end].is_quote()
        || (toks[end].is_terminal() && end + 1 == para.end);
    (words > 0 && !pronoun && closes && end - start < 7).then_some(start..end)
}

/// The word spans inside `span` (letters, digits and joiners), for analysing a mention.
pub fn words_of(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let s = span.of(text);
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let joiner = matches!(c, '\'' | '’' | '-' | '.' | '&');
        if c.is_alphanumeric() || (joiner && start.is_some()) {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push(Span::new(span.start + st, span.start + i));
        }
    }
    if let Some(st) = start {
        out.push(Span::new(span.start + st, span.end));
    }
    // A trailing dot belongs to an abbreviation only ("Sen."), not to a sentence.
    out.iter()
        .map(|w| {
            let t = w.of(text);
            if t.ends_with('.') && !t[..t.len() - 1].contains('.') && t.len() > 4 {
                Span::new(w.start, w.end - 1)
            } else {
                *w
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::segment::segment;

    /// Runs `find` on the first quotation of each text and compares the speaker it names.
    fn check_speakers(
        cases: &[(&str, Option<&str>)],
        find: fn(&Segments, &QuotedSpan) -> Option<Range<usize>>,
    ) {
        let lex = Lexicon::builtin();
        for &(text, want) in cases {
            let seg = segment(text, Span::new(0, text.len()), lex);
            let quoted = crate::quotes::marks::pair(&seg);
            let got = find(&seg, &quoted[0]).map(|r| seg.span(r).of(text).to_string());
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_short_name_before_a_colon_names_the_source() {
        let cases = [
            ("Ines Dahl: “The river is rising.”", Some("Ines Dahl")),
            ("He then faced the crowd again: “We stay.”", Some("He")),
            ("We leave at noon and walk the whole way: “We stay.”", None),
        ];
        check_speakers(&cases, colon_speaker);
    }

    #[test]
    fn a_dash_and_a_name_after_a_quote_are_a_byline() {
        let cases = [
            (
                "“The river is rising.” ― Ines Dahl\nMore text.",
                Some("Ines Dahl"),
            ),
            (
                "“We stay.” — Elias K. Brandt, a nurse",
                Some("Elias K. Brandt"),
            ),
            ("“We stay.” -- Brandt", Some("Brandt")),
            (
                "“We stay.” ― Elias Brandt.\n\nMore text.",
                Some("Elias Brandt"),
            ),
            ("“We stay.” — Brandt said later.", None),
            ("“We stay.” — the nurse", None),
            ("“We stay.” Brandt", None),
        ];
        check_speakers(&cases, dash_speaker);
    }

    #[test]
    fn a_subject_phrase_ends_before_the_verb_it_swallowed() {
        let cases = [
            ("The governor left no room", "The governor"),
            ("They sent a petition on Friday", "They"),
            ("Varga fired back a reply", "Varga"),
            // Participles modifying the noun stay: they are part of the source.
            (
                "surveys conducted by Quill Research",
                "surveys conducted by Quill Research",
            ),
            (
                "two clerks briefed on the merger",
                "two clerks briefed on the merger",
            ),
            ("a retired judge", "a retired judge"),
            // Focus words, auxiliaries, adverbs before the verb and time phrases are cut.
            ("Even the treasurer", "the treasurer"),
            (
                "The state senator sought to calm the crowd",
                "The state senator",
            ),
            ("She then addressed the crowd again", "She"),
            ("Respondents are obliged to answer", "Respondents"),
            ("Varga at the time", "Varga"),
            ("a council report on Wednesday", "a council report"),
            ("a man known to the police", "a man known to the police"),
            (
                "Elias Brandt, a nurse who left the clinic",
                "Elias Brandt, a nurse who left the clinic",
            ),
        ];
        for (phrase, want) in cases {
            let lex = Lexicon::builtin();
            let seg = segment(phrase, Span::new(0, phrase.len()), lex);
            let r = subject_head(&seg, 0..seg.tokens.len());
            assert_eq!(seg.span(r).of(phrase), want, "{phrase}");
        }
    }
}
