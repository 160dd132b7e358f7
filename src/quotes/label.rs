//! Colon labels: a line that opens with a short name and a colon (`Dahl: Bridge Will Reopen`,
//! `DAHL: We will not wait.`) gives what follows as that source's words: a headline that
//! attributes a claim, or a turn of a transcript.
//!
//! Takes the segments and the quotes found so far; gives a quote for each labelled line that no
//! quote covers yet (a quoted line after a label is a direct quote of [`super::direct`]). Never
//! reads a colon inside a sentence (`The plan has two parts: ...`), a section label (`Update:`,
//! `Photo:`) or a time (`5:05 p.m.:`).

use std::ops::Range;

use super::mention::speaker_at;
use super::{words, Link, Quote, QuoteKind};
use crate::segment::{Segments, TokenKind};

/// The longest label, in tokens.
const MAX_LABEL: usize = 6;

/// The quotes of labelled lines; `found` are the quotes found so far, sorted by start.
pub(super) fn find(text: &str, seg: &Segments, found: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for (pi, p) in seg.paragraphs.iter().enumerate() {
        let Some(colon) = label_end(seg, p) else {
            continue;
        };
        let first = colon + 1;
        if first >= p.end || seg.tokens[first].is_quote() {
            continue;
        }
        let words = (first..p.end).filter(|&k| seg.tokens[k].is_word()).count();
        if words < 3 {
            continue;
        }
        // `Avalon: Ines Dahl, Elias Brandt, ...`: a list of names is a roster, not a claim.
        let commas = (first..p.end)
            .filter(|&k| seg.tokens[k].is_punct(','))
            .count();
        let capitals = (first..p.end)
            .filter(|&k| seg.tokens[k].is_word() && seg.tokens[k].capitalized)
            .count();
        if commas >= 3 && capitals * 10 >= words * 7 {
            continue;
        }
        let content = seg
            .span(first..p.end)
            .trim_by(text, |c: char| c.is_whitespace());
        // A quote already found inside the line has its own cue: the line is not relabelled.
        let k = found.partition_point(|q| q.content.end <= content.start);
        if found.get(k).is_some_and(|q| q.content.start < content.end) {
            continue;
        }
        let quoted = (first..p.end).any(|k| seg.tokens[k].is_quote());
        out.push(Quote {
            kind: if quoted {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            },
            content,
            cue: Some(seg.tokens[colon].span),
            speaker: Some(speaker_at(text, seg, p.start..colon)),
            link: Link::Cue,
            confidence: 0.6,
            paragraph: pi,
            nested: false,
            quoted: None,
        });
    }
    out
}

/// The colon that ends a label opening the paragraph: one to six capitalised words (initials
/// and abbreviations allowed), not a section word, a date or a time.
fn label_end(seg: &Segments, p: &Range<usize>) -> Option<usize> {
    let toks = &seg.tokens;
    let colon =
        (p.start + 1..p.end.min(p.start + MAX_LABEL + 1)).find(|&k| toks[k].is_punct(':'))?;
    let label = &toks[p.start..colon];
    let names = label.iter().all(|t| {
        (t.kind == TokenKind::Word && t.capitalized) || t.is_punct('.') || t.is_punct('&')
    });
    let first = &label[0];
    // `Revealed:`: a lone participle is a teaser, not a source.
    let participle = label.len() == 1 && first.lower.ends_with("ed");
    let long_enough = label
        .iter()
        .any(|t| t.is_word() && t.lower.chars().count() > 1);
    let section = label.iter().any(|t| {
        is_section_word(&t.lower) || words::is_month(&t.lower) || words::is_weekday(&t.lower)
    });
    let named = names && long_enough && !section && !participle;
    (named && !words::is_function_word(&first.lower)).then_some(colon)
}

/// Words of labels that name a part of the page, not a source.
fn is_section_word(w: &str) -> bool {
    matches!(
        w,
        "update"
            | "updated"
            | "note"
            | "correction"
            | "clarification"
            | "related"
            | "source"
            | "sources"
            | "photo"
            | "photos"
            | "image"
            | "video"
            | "watch"
            | "read"
            | "listen"
            | "credit"
            | "caption"
            | "tags"
            | "topics"
            | "filed"
            | "posted"
            | "published"
            | "by"
            | "via"
            | "more"
            | "also"
            | "see"
            | "editor's"
            | "editor’s"
            | "disclosure"
            | "advertisement"
            | "contact"
            | "email"
            | "phone"
            | "website"
            | "follow"
            | "share"
            | "subscribe"
            | "location"
            | "date"
            | "time"
            | "when"
            | "where"
            | "what"
            | "why"
            | "how"
            | "who"
            | "price"
            | "cost"
            | "warning"
            | "spoiler"
            | "breaking"
            | "live"
            | "transcript"
            | "q"
            | "a"
            | "look"
            | "exclusive"
            | "analysis"
            | "opinion"
            | "commentary"
            | "review"
            | "explainer"
            | "factbox"
            | "timeline"
            | "highlights"
            | "recap"
            | "preview"
            | "quiz"
    )
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;
    use crate::segment::segment;
    use crate::text::Span;

    /// (article, each quote as `kind | speaker mention | content`). Invented lines.
    const CASES: &[(&str, &[&str])] = &[
        (
            "Dahl: Harbor Bridge Will Reopen in May\n\nThe mayor spoke on Monday.",
            &["indirect | Dahl | Harbor Bridge Will Reopen in May"],
        ),
        (
            "HOST: Do you think the ferry can run all winter?\nDAHL: Only if the council pays.",
            &[
                "indirect | HOST | Do you think the ferry can run all winter?",
                "indirect | DAHL | Only if the council pays.",
            ],
        ),
        // A label before a quoted line is a direct quote's.
        (
            "Ines Dahl: “We will not wait.”",
            &["direct | Ines Dahl | We will not wait."],
        ),
        // Section labels, dates, lowercase openings and colons inside sentences are no labels.
        ("Update: The ferry runs again on Friday.", &[]),
        ("Monday: The ferry runs again on Friday.", &[]),
        ("The plan has two parts: a pier and a road.", &[]),
        ("Photo: Harbor Office staff at the pier", &[]),
        ("Exclusive: The Ferry Deal Nobody Saw Coming", &[]),
        (
            "Avalon: Ines Dahl, Elias Brandt, Nadia Corvin, Pavel Orlov",
            &[],
        ),
    ];

    #[test]
    fn labelled_lines_are_quotes_of_their_label() {
        let lex = Lexicon::builtin();
        for (text, want) in CASES {
            let seg = segment(text, Span::new(0, text.len()), lex);
            let got: Vec<String> = crate::quotes::find(text, &seg, lex)
                .0
                .iter()
                .map(|q| {
                    let who = q.speaker.as_ref().map_or("-", |s| s.mention.as_str());
                    format!("{} | {} | {}", q.kind.as_str(), who, q.content.of(text))
                })
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
