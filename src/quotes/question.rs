//! Questions put to a source: `Asked whether the ferry would run, ...`, `When asked about the
//! budget, ...`, `Dahl was asked by a reporter whether ...`. What was asked is reported speech
//! of the asker, who is the agent after `by` or, when none is named, unknown.
//!
//! Takes the segments and the quotes found so far; gives a quote for each such question that no
//! quote covers yet. Never takes `asked` with a subject of its own (`She asked whether ...` is a
//! cue of [`super::cues`]) or with an object (`asked the clerk for a pen`).

use std::ops::Range;

use super::mention::speaker_at;
use super::{Link, Quote, QuoteKind};
use crate::segment::Segments;

/// The longest question, in tokens.
const MAX_QUESTION: usize = 60;

/// How far after `asked` the question may start (past `in Avalon recently`, `by a reporter`).
const MAX_GAP: usize = 8;

/// The questions of an article; `found` are the quotes found so far, sorted by start.
pub(super) fn find(text: &str, seg: &Segments, found: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for sent in &seg.sentences {
        for a in sent.clone() {
            if seg.tokens[a].lower != "asked" || !opens_question(seg, sent, a) {
                continue;
            }
            let Some((q, agent)) = question_start(seg, sent, a) else {
                continue;
            };
            // The question ends at a comma or the sentence end, and within a bounded stretch.
            let stop = sent.end.min(q + MAX_QUESTION);
            let end = (q..stop)
                .find(|&k| seg.tokens[k].is_punct(',') || seg.tokens[k].is_terminal())
                .unwrap_or(stop);
            let end = pronoun_end(seg, q, end);
            if (q..end).filter(|&k| seg.tokens[k].is_word()).count() < 2 {
                continue;
            }
            let content = seg.span(q..end);
            let k = found.partition_point(|f| f.content.end <= content.start);
            if found.get(k).is_some_and(|f| f.content.start < content.end) {
                continue;
            }
            out.push(Quote {
                kind: QuoteKind::Indirect,
                content,
                cue: Some(seg.tokens[a].span),
                speaker: agent.map(|r| speaker_at(text, seg, r)),
                link: Link::Cue,
                confidence: 0.5,
                paragraph: seg.tokens[a].paragraph,
                nested: false,
                quoted: None,
            });
        }
    }
    out
}

/// `Asked about it after the hearing`: a pronoun after `about` takes no modifier, so the
/// question ends with it (not `that of the mayor`).
fn pronoun_end(seg: &Segments, q: usize, end: usize) -> usize {
    let word = |k: usize| {
        if k < end {
            seg.tokens[k].lower.as_str()
        } else {
            ""
        }
    };
    let pronoun = matches!(word(q + 1), "it" | "this" | "that" | "them" | "him");
    let adjunct = crate::quotes::words::is_preposition(word(q + 2)) && word(q + 2) != "of";
    if word(q) == "about" && pronoun && adjunct {
        q + 2
    } else {
        end
    }
}

/// `Asked` opening the sentence, `when/after/if/once asked`, or a passive `was asked`.
fn opens_question(seg: &Segments, sent: &Range<usize>, a: usize) -> bool {
    if a == sent.start {
        return true;
    }
    let prev = &seg.tokens[a - 1];
    matches!(
        prev.lower.as_str(),
        "when"
            | "after"
            | "if"
            | "once"
            | "before"
            | "being"
            | "was"
            | "were"
            | "been"
            | "is"
            | "are"
    )
}

/// The first token of the question (a wh-word, `whether`, `if` or `about`) and the asker named
/// by `by`, within a few tokens after `asked` and before any comma.
fn question_start(
    seg: &Segments,
    sent: &Range<usize>,
    a: usize,
) -> Option<(usize, Option<Range<usize>>)> {
    let toks = &seg.tokens;
    let by = (a + 1 < sent.end && toks[a + 1].lower == "by").then_some(a + 1);
    let stop = sent.end.min(a + 1 + MAX_GAP);
    for (k, t) in toks.iter().enumerate().take(stop).skip(a + 1) {
        if !t.is_word() {
            return None;
        }
        if matches!(
            t.lower.as_str(),
            "whether" | "if" | "what" | "why" | "how" | "which" | "who" | "where" | "about"
        ) {
            let agent = by.filter(|&b| b + 1 < k).map(|b| b + 1..k);
            return Some((k, agent));
        }
        // An object right after `asked` (`asked the clerk`, `asked her`) is the one asked: the
        // question is a request (`to ...`, `for ...`), not reported here.
        if k == a + 1 && by.is_none() && !crate::quotes::words::is_preposition(&t.lower) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;
    use crate::segment::segment;
    use crate::text::Span;

    /// (sentence, the question quotes as `speaker mention | content`). Invented sentences.
    const CASES: &[(&str, &[&str])] = &[
        (
            "Asked whether the ferry would run in winter, the mayor smiled.",
            &["- | whether the ferry would run in winter"],
        ),
        (
            "When asked about the harbor budget, Dahl left the room.",
            &["- | about the harbor budget"],
        ),
        (
            "Asked in Avalon recently if he would resign, Brandt shrugged.",
            &["- | if he would resign"],
        ),
        (
            "Brandt was asked by a reporter whether he would resign.",
            &["a reporter | whether he would resign"],
        ),
        // A pronoun ends the topic: what follows it is an adjunct.
        (
            "Asked about it at the pier on Friday, Dahl left the room.",
            &["- | about it"],
        ),
        (
            "Asked about that of the ferry, Dahl left the room.",
            &["- | about that of the ferry"],
        ),
        // A request is no question: nothing after `asked` opens one.
        ("The clerk was asked to leave the room.", &[]),
    ];

    #[test]
    fn questions_put_to_a_source_are_reported_speech_of_the_asker() {
        let lex = Lexicon::builtin();
        for (text, want) in CASES {
            let seg = segment(text, Span::new(0, text.len()), lex);
            let got: Vec<String> = crate::quotes::find(text, &seg, lex)
                .0
                .iter()
                .filter(|q| {
                    q.cue
                        .is_some_and(|c| c.of(text).eq_ignore_ascii_case("asked"))
                })
                .map(|q| {
                    let who = q.speaker.as_ref().map_or("-", |s| s.mention.as_str());
                    format!("{who} | {}", q.content.of(text))
                })
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
