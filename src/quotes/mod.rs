//! Quotes: what was said, and the words that say who said it.
//!
//! Takes segmented text; gives [`Quote`]s in text order. Direct quotes come from paired
//! quotation marks ([`marks`]), reported speech from reporting cues ([`cues`]); a quote that sits
//! inside a cue's reported clause without being all of it makes that clause a *mixed* quote.
//! Quoted names, titles and scare quotes of a few words are not quotes unless a cue attributes
//! them. This stage links a quote to the mention its own cue names; quotes without a cue are
//! left for `attribution`, and who a mention is is left for `resolve`.

pub mod cues;
pub mod marks;
pub(crate) mod words;

pub use words::is_function_word;

use serde::Serialize;

use crate::lexicon::{EntityKind, Lexicon};
use crate::segment::{Segments, TokenKind};
use crate::text::Span;
use cues::{Cue, Orientation};
use marks::QuotedSpan;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Wholly inside quotation marks.
    Direct,
    /// Reported speech with quoted words inside it.
    Mixed,
    /// Reported speech.
    Indirect,
}

impl QuoteKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// How a quote got its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Link {
    /// Its own reporting cue names the speaker.
    Cue,
    /// A quote going on from an earlier one (same paragraph, next paragraph, or a reopened mark).
    Continuation,
    /// No speaker found.
    None,
}

/// Who said it: the mention in the text, and (after `resolve`) who that is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// The words naming the speaker as they stand (`he`, `the harbor master`).
    pub mention: String,
    pub span: Span,
    /// The resolved canonical name (`Ines Dahl`), filled by `resolve`.
    pub canonical: Option<String>,
    pub kind: Option<EntityKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// What was said, without outer quotation marks.
    pub content: Span,
    /// The reporting verb or phrase, when there is one.
    pub cue: Option<Span>,
    pub speaker: Option<Speaker>,
    pub link: Link,
    pub confidence: f32,
    /// Paragraph (line) index within the body.
    pub paragraph: usize,
    /// Lies inside another quote (`"..., as she said, 'A'"`).
    pub nested: bool,
    /// Index into the `QuotedSpan`s for direct quotes (used to link continued paragraphs).
    #[serde(skip)]
    pub quoted: Option<usize>,
}

/// A trailing source cue (`..., reports Interfax`) whose content is wholly another report,
/// from its subject on.
fn carries(outer: &Cue, inner: &Cue) -> bool {
    outer.orientation == Orientation::Before
        && inner.orientation == Orientation::After
        && inner.extent.start == outer.content.start
        && inner.content.end <= outer.content.end
}

/// Finds quotes with the speakers their own cues name.
pub fn find(text: &str, seg: &Segments, lex: &Lexicon) -> (Vec<Quote>, Vec<QuotedSpan>) {
    let quoted = marks::pair(seg);
    let cues = cues::find(seg, &quoted, lex);
    let mut consumed = vec![false; cues.len()];
    let mut absorbed_by: Vec<Vec<usize>> = vec![Vec::new(); cues.len()];
    let mut out = Vec::new();

    let speaker_of = |c: &Cue| {
        c.speaker.clone().map(|r| {
            let span = pronoun_part(text, seg.span(subject_head(seg, r)));
            Speaker {
                mention: span.of(text).to_string(),
                span,
                canonical: None,
                kind: None,
            }
        })
    };

    for (qi, q) in quoted.iter().enumerate() {
        let inner = seg.span(q.inner.clone());
        let inner = inner.trim_by(text, |c: char| c.is_whitespace());
        if inner.is_empty() {
            continue;
        }
        let words = q.inner.clone().filter(|&k| seg.tokens[k].is_word()).count();
        // Which cue, if any, is this quote's own?
        let after_cue = q.close.and_then(|c| {
            let mut k = c + 1;
            while k < seg.tokens.len()
                && k <= c + 2
                && matches!(seg.tokens[k].kind, TokenKind::Punct(',' | '—' | '–' | '-'))
            {
                k += 1;
            }
            cues.iter().position(|cue| {
                cue.extent.start == k
                    && seg.tokens[k].paragraph == q.paragraph
                    && cue.speaker.is_some()
                    && cue.inside_quote == (q.depth > 0)
                    && (cue.orientation == Orientation::Before
                        || cue.content.is_empty()
                        || seg.tokens[cue.content.start].is_quote())
            })
        });
        let before_cue = cues.iter().position(|cue| {
            cue.orientation == Orientation::After
                && cue.speaker.is_some()
                && cue.content.start == q.open
                && cue.content.end <= q.last() + 2
        });
        if q.depth == 0 && after_cue.is_none() && before_cue.is_none() {
            if let Some(r) = colon_speaker(seg, q) {
                let span = seg.span(r);
                out.push(Quote {
                    kind: QuoteKind::Direct,
                    content: inner,
                    cue: None,
                    speaker: Some(Speaker {
                        mention: span.of(text).to_string(),
                        span,
                        canonical: None,
                        kind: None,
                    }),
                    link: Link::Cue,
                    confidence: 0.7,
                    paragraph: q.paragraph,
                    nested: false,
                    quoted: Some(qi),
                });
                continue;
            }
        }
        let owner = if q.depth == 0 {
            after_cue.or(before_cue)
        } else {
            after_cue.or(before_cue).filter(|&c| cues[c].inside_quote)
        };
        if let Some(ci) = owner {
            consumed[ci] = true;
            if let Some(b) = before_cue {
                consumed[b] = true;
            }
            let cue = &cues[ci];
            out.push(Quote {
                kind: QuoteKind::Direct,
                content: inner,
                cue: Some(seg.span(cue.verb.clone())),
                speaker: speaker_of(cue),
                link: Link::Cue,
                confidence: if q.unbalanced { 0.5 } else { 0.9 },
                paragraph: q.paragraph,
                nested: q.depth > 0,
                quoted: Some(qi),
            });
            continue;
        }
        if q.depth > 0 {
            continue; // a nested quote with no speaker of its own is part of the outer quote
        }
        // Inside some cue's reported clause: that clause is a mixed quote.
        if let Some(ci) = cues.iter().position(|c| {
            !c.inside_quote
                && c.content.start <= q.open
                // An unclosed mark runs to the paragraph end; where it opens is what counts.
                && if q.unbalanced { q.open } else { q.last() } < c.content.end.max(c.content.start + 1)
                && !c.content.is_empty()
        }) {
            absorbed_by[ci].push(qi);
            continue;
        }
        // A quote needs substance to stand on its own: a few words, or a sentence inside.
        let sentence_inside = q
            .inner
            .clone()
            .any(|k| seg.tokens[k].is_terminal() || seg.tokens[k].is_punct(','));
        let title_case = q
            .inner
            .clone()
            .filter(|&k| seg.tokens[k].is_word())
            .all(|k| {
                let t = &seg.tokens[k];
                t.capitalized
                    || t.kind == TokenKind::Number
                    || matches!(
                        t.lower.as_str(),
                        "of" | "the" | "a" | "an" | "and" | "in" | "on" | "for" | "to" | "at"
                    )
            });
        // A quoted term used as a noun ("the “longest standoff in history” ended").
        let term = q.open > 0
            && {
                let before = &seg.tokens[q.open - 1];
                before.is_word()
                    && (matches!(
                        before.lower.as_str(),
                        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
                    ) || before.is_possessive())
            }
            && !q.inner.clone().any(|k| seg.tokens[k].is_terminal());
        if words < 4 && !sentence_inside
            || (title_case && words < 10)
            // An unclosed mark stands alone only when it opens its paragraph (the last paragraph
            // of a quote whose closing mark was lost); mid-sentence it is a stray mark.
            || (q.unbalanced && (words < 4 || q.open != seg.paragraphs[q.paragraph].start))
            || term
        {
            continue;
        }
        out.push(Quote {
            kind: QuoteKind::Direct,
            content: inner,
            cue: None,
            speaker: None,
            link: Link::None,
            confidence: if q.unbalanced { 0.3 } else { 0.6 },
            paragraph: q.paragraph,
            nested: false,
            quoted: Some(qi),
        });
    }

    // Reported speech.
    let direct_spans: Vec<Span> = out
        .iter()
        .filter(|q| q.link == Link::Cue)
        .map(|q| q.content)
        .collect();
    for (ci, cue) in cues.iter().enumerate() {
        if consumed[ci] || cue.inside_quote || cue.content.is_empty() || cue.speaker.is_none() {
            continue;
        }
        // Speech reported inside another report belongs to the outer source ("the Harbor Post
        // reported that Varga promised ..."), except when a trailing source only carries a whole
        // report ("Varga voiced hope for ..., reports Interfax"): that speech is Varga's.
        let nested = cues.iter().enumerate().any(|(o, outer)| {
            o != ci
                && !consumed[o]
                && !outer.inside_quote
                && outer.content.start <= cue.extent.start
                && cue.verb.end <= outer.content.end
                && !carries(outer, cue)
        });
        if nested {
            continue;
        }
        if cues.iter().enumerate().any(|(i, inner)| {
            i != ci && !inner.inside_quote && inner.speaker.is_some() && carries(cue, inner)
        }) {
            continue; // the carrier is not the speaker
        }
        let content = seg.span(cue.content.clone());
        if direct_spans.iter().any(|d| d.overlaps(content)) {
            continue;
        }
        let content = strip_outer_marks(text, content);
        let words = cue
            .content
            .clone()
            .filter(|&k| seg.tokens[k].is_word())
            .count();
        if words == 0 {
            continue;
        }
        let mixed = !absorbed_by[ci].is_empty()
            || cue.content.clone().any(|k| {
                matches!(seg.tokens[k].kind, TokenKind::Quote(..))
                    && quoted.iter().any(|q| q.open == k)
            });
        out.push(Quote {
            kind: if mixed {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            },
            content,
            cue: Some(seg.span(cue.verb.clone())),
            speaker: speaker_of(cue),
            link: Link::Cue,
            confidence: cue.confidence,
            paragraph: seg.tokens[cue.verb.start].paragraph,
            nested: false,
            quoted: None,
        });
    }
    out.sort_by_key(|q| (q.content.start, q.content.end));
    out.dedup_by(|a, b| a.content == b.content);
    (out, quoted)
}

/// `he’d`, `she's`: the pronoun without its contracted auxiliary.
/// A subject phrase cut before a finite verb it swallowed: `The state senator | sought to
/// reassure the farmers`, `They | sent a petition`. A verb is a lowercase irregular past form not
/// followed by a preposition, or an `-ed` word followed by its object, right after a noun (not
/// after a determiner, where `-ed` words are adjectives: `a retired general`). Phrases with a comma or a relative pronoun are
/// appositive chains and stay whole.
fn subject_head(seg: &Segments, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let toks = &seg.tokens;
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
        let Some(next) = toks.get(k + 1).filter(|n| k + 1 < r.end && n.is_word()) else {
            continue;
        };
        let after_noun = prev.is_word()
            && !words::is_determiner(&prev.lower)
            && !words::is_preposition(&prev.lower)
            && !words::is_auxiliary(&prev.lower)
            && !words::is_adverb(prev)
            && !prev.is_possessive();
        // `-ed` words are often participles modifying the noun (`polls conducted by`, `people
        // briefed on`, `registered voters`): only an object after them makes them verbs.
        let finite = !t.capitalized
            && if words::is_irregular_past(&t.lower) {
                !words::is_preposition(&next.lower)
            } else {
                t.lower.ends_with("ed")
                    && t.lower.len() > 4
                    && (words::is_determiner(&next.lower)
                        || matches!(next.lower.as_str(), "back" | "out" | "up" | "off" | "no"))
            };
        if finite && after_noun {
            return r.start..k;
        }
    }
    r
}

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
fn colon_speaker(seg: &Segments, q: &QuotedSpan) -> Option<std::ops::Range<usize>> {
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
    (named && upper && start < colon).then_some(start..colon)
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

/// Removes quotation marks that wrap the whole content (a mixed quote that became all-quoted
/// after trimming keeps its inner marks).
fn strip_outer_marks(text: &str, span: Span) -> Span {
    span.trim_by(text, |c: char| c.is_whitespace() || c == ',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

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

    /// Each quote as `kind | speaker mention | content`.
    fn check(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        let seg = segment(text, Span::new(0, text.len()), lex);
        find(text, &seg, lex)
            .0
            .iter()
            .map(|q| {
                let who = q.speaker.as_ref().map_or("-", |s| s.mention.as_str());
                format!("{} | {} | {}", q.kind.as_str(), who, q.content.of(text))
            })
            .collect()
    }

    /// (article, each quote as `kind | speaker mention | content`). Invented sentences.
    const CASES: &[(&str, &[&str])] = &[
        // A direct quote before its tag.
        (
            "“We need a second pier,” Varga said.",
            &["direct | Varga | We need a second pier,"],
        ),
        // A direct quote after its tag.
        (
            "Harbor master Ines Dahl stated, “The fewer boats, the calmer the bay.”",
            &["direct | Harbor master Ines Dahl | The fewer boats, the calmer the bay."],
        ),
        // An inverted tag with a role phrase.
        (
            "“Every vote counts,” said a longtime adviser to the mayor.",
            &["direct | a longtime adviser to the mayor | Every vote counts,"],
        ),
        // A split quote has one speaker.
        (
            "‘We are ready,’ Dahl stated during a hearing, ‘but the cost must be shared.’",
            &[
                "direct | Dahl | We are ready,",
                "direct | Dahl | but the cost must be shared.",
            ],
        ),
        // A mixed quote after `adding that`.
        (
            "‘We are calm,’ Varga said, adding that the levy would ‘pay for every road.’",
            &[
                "direct | Varga | We are calm,",
                "mixed | Varga | the levy would ‘pay for every road.’",
            ],
        ),
        // Scare quotes and titles are not quotes.
        (
            "He joined the ‘Westfold’ reading group and read “The Salt Road” twice.",
            &[],
        ),
        // Indirect speech.
        (
            "Varga stressed that the ferry cannot stop running.",
            &["indirect | Varga | the ferry cannot stop running"],
        ),
        // An outlet as a trailing source.
        (
            "Varga hoped for a new bridge by spring, reports Interfax.",
            &["indirect | Interfax | Varga hoped for a new bridge by spring"],
        ),
        // A nested quote with its own speaker.
        (
            "“It isn’t cheap, but as Petra said, ‘Who else will fix it?’” Brandt said.",
            &[
                "direct | Brandt | It isn’t cheap, but as Petra said, ‘Who else will fix it?’",
                "direct | Petra | Who else will fix it?",
            ],
        ),
    ];

    #[test]
    fn quotes_and_their_own_speakers() {
        for (text, want) in CASES {
            assert_eq!(check(text), *want, "in {text:?}");
        }
    }
}
