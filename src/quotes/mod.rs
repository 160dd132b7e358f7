//! Quotes: what was said, and the words that say who said it.
//!
//! Takes segmented text; gives [`Quote`]s in text order. Direct quotes come from paired
//! quotation marks ([`marks`]), reported speech from reporting cues ([`cues`]); a quote that sits
//! inside a cue's reported clause without being all of it makes that clause a *mixed* quote.
//! Quoted names, titles and scare quotes of a few words are not quotes unless a cue attributes
//! them. A line opening with `Name:` reports the rest of the line ([`label`]), `Asked whether
//! ...` the question put to a source ([`question`]). This stage links a quote to the mention its
//! own cue names; quotes without a cue are left for `attribution`, and who a mention is is left
//! for `resolve`.

pub mod cues;
mod direct;
mod function_words;
mod label;
pub mod marks;
mod mention;
mod question;
mod reported;
mod verbs;
pub(crate) mod words;

pub use mention::words_of;
pub use words::is_function_word;

use serde::Serialize;

use crate::lexicon::{EntityKind, Lexicon};
use crate::segment::Segments;
use crate::text::Span;
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

/// Finds quotes with the speakers their own cues name, in text order, and the quoted spans.
pub fn find(text: &str, seg: &Segments, lex: &Lexicon) -> (Vec<Quote>, Vec<QuotedSpan>) {
    let quoted = marks::pair(seg);
    let cues = cues::find(seg, &quoted, lex);
    let direct = direct::find(text, seg, &quoted, &cues);
    let reported = reported::find(text, seg, &quoted, &cues, &direct);
    let mut out = direct.quotes;
    out.extend(reported);
    out.sort_by_key(|q| (q.content.start, q.content.end));
    let mut labelled = label::find(text, seg, &out);
    labelled.extend(question::find(text, seg, &out));
    if !labelled.is_empty() {
        out.extend(labelled);
        out.sort_by_key(|q| (q.content.start, q.content.end));
    }
    out.dedup_by(|a, b| a.content == b.content);
    (out, quoted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

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
        // A sign-off line after a quote that ends its own line names its source.
        (
            "The vote was close.\n\n\"The levy hurts farmers and nobody cares.\"\n\n- Ruiz.\n\nMore.",
            &["direct | Ruiz | The levy hurts farmers and nobody cares."],
        ),
        (
            "\"The levy is fair.\"\n\n— Ana Ruiz, farmer\n\nThe vote was close.",
            &["direct | Ana Ruiz | The levy is fair."],
        ),
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
        // A tag after the quote whose subject carries a long appositive.
        (
            "“The pier must close,” Ines Dahl, a harbor engineer and former adviser to the port board, said of the plan.",
            &["direct | Ines Dahl, a harbor engineer and former adviser to the port board | The pier must close,"],
        ),
        // An appositive opening with a bare role noun, and a name as the appositive of a role.
        (
            "“The pier is unsafe,” Ines Dahl, harbor program director at the regional agency, said in a memo.",
            &["direct | Ines Dahl, harbor program director at the regional agency | The pier is unsafe,"],
        ),
        (
            "“The pier is unsafe,” the agency's spokeswoman, Ines Dahl, wrote on social media.",
            &["direct | the agency's spokeswoman, Ines Dahl | The pier is unsafe,"],
        ),
        // A tag after a quote that ends a sentence reports the whole sentence (mixed); not
        // after a participle that introduces the quote.
        (
            "The ferry will stay in port “until the storm passes,” Dahl said.",
            &["mixed | Dahl | The ferry will stay in port “until the storm passes,"],
        ),
        (
            "The dockers kept shouting “not again, not again,” Dahl said.",
            &["direct | Dahl | not again, not again,"],
        ),
        // A programme title after a possessive is no quote; the cue reports what follows.
        (
            "On Harbor TV’s “Morning Tide,” Dahl said the pier would reopen.",
            &["indirect | Dahl | the pier would reopen"],
        ),
        // A middle initial inside an inverted speaker, and the appositive that ends the tag.
        (
            "“The pier is unsafe,” writes Ines K. Dahl, a columnist.",
            &["direct | Ines K. Dahl, a columnist | The pier is unsafe,"],
        ),
        // A trailing source that reports a whole report is its speaker.
        (
            "A clerk said the chief was wrong, the inspector's report said.",
            &["indirect | the inspector's report | A clerk said the chief was wrong"],
        ),
        // A cue that goes on with a clause of its own is not the tag of the quote before it.
        (
            "“We will rebuild the pier.” The ministry said it would send engineers to the port.",
            &[
                "direct | - | We will rebuild the pier.",
                "indirect | The ministry | it would send engineers to the port",
            ],
        ),
        // A naming verb with an object of its own names that object, not the quote before it.
        (
            "Ana Ruiz called the levy “a trap.” Tomas Varga called the toll “a fair price.”",
            &[
                "mixed | Ana Ruiz | the levy “a trap.”",
                "mixed | Tomas Varga | the toll “a fair price.”",
            ],
        ),
        (
            "“A farce,” Varga called it.",
            &["direct | Varga | A farce,"],
        ),
    ];

    #[test]
    fn quotes_and_their_own_speakers() {
        for (text, want) in CASES {
            assert_eq!(check(text), *want, "in {text:?}");
        }
    }
}
