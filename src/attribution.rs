//! Attribution: gives a speaker to quotes whose own cue names none.
//!
//! Takes the quotes found by `quotes` (in text order) and the quoted spans; fills the speaker of
//! unattributed direct quotes by the conventions of news writing, in this order: a paragraph that
//! reopens a continuing quote keeps its speaker; a quote goes on from the last attributed quote
//! of its paragraph; a quote opening a paragraph goes on from the previous paragraph's last
//! speaker; a quote followed in its paragraph by an attributed one (`"A." "B," he said.`) takes
//! that speaker. It decides *which mention* speaks, never who the mention is.

use crate::quotes::marks::QuotedSpan;
use crate::quotes::{Link, Quote, QuoteKind};

/// Fills in continuation speakers. Quotes left without a speaker keep `Link::None`.
pub fn attribute(quotes: &mut [Quote], quoted: &[QuotedSpan]) {
    for i in 0..quotes.len() {
        if quotes[i].speaker.is_some() || quotes[i].kind != QuoteKind::Direct {
            continue;
        }
        let para = quotes[i].paragraph;
        let span = quotes[i].quoted.map(|k| &quoted[k]);
        let earlier = |pred: &dyn Fn(&Quote) -> bool| {
            quotes[..i]
                .iter()
                .rev()
                .find(|q| q.speaker.is_some() && !q.nested && pred(q))
                .cloned()
        };
        let found = if span.is_some_and(|s| s.continued) {
            earlier(&|q| q.paragraph + 1 == para)
        } else {
            None
        }
        .or_else(|| earlier(&|q| q.paragraph == para))
        .or_else(|| {
            let first_in_paragraph = !quotes[..i].iter().any(|q| q.paragraph == para);
            first_in_paragraph
                .then(|| earlier(&|q| q.paragraph + 1 == para))
                .flatten()
        })
        .or_else(|| {
            quotes[i + 1..]
                .iter()
                .take_while(|q| q.paragraph == para)
                .find(|q| q.link == Link::Cue && q.kind == QuoteKind::Direct)
                .cloned()
        });
        if let Some(src) = found {
            let q = &mut quotes[i];
            q.speaker = src.speaker.clone();
            q.link = Link::Continuation;
            q.confidence = q.confidence.min(0.75);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;

    /// Each quote as `speaker mention | content`.
    fn check(text: &str) -> Vec<String> {
        extract_text("t", text)
            .quotes
            .iter()
            .map(|q| {
                format!(
                    "{} | {}",
                    q.speaker.as_ref().map_or("-", |s| s.mention.as_str()),
                    q.content.of(text)
                )
            })
            .collect()
    }

    #[test]
    fn second_quote_in_paragraph_continues() {
        assert_eq!(
            check("“Of course we need boats,” Varga said. “But we hope for patience. The port must grow.”"),
            ["Varga | Of course we need boats,", "Varga | But we hope for patience. The port must grow."]
        );
    }

    #[test]
    fn multi_paragraph_quote_keeps_its_speaker() {
        assert_eq!(
            check("“We will not stop here,” the mayor said. “There is more to do.\n“And we will do it together with everyone.”"),
            [
                "the mayor | We will not stop here,",
                "the mayor | There is more to do.",
                "the mayor | And we will do it together with everyone."
            ]
        );
    }

    #[test]
    fn quote_before_an_attributed_one_in_its_paragraph() {
        assert_eq!(
            check("“The mill closes for good on Friday.” “We lost,” she said."),
            [
                "she | The mill closes for good on Friday.",
                "she | We lost,"
            ]
        );
    }
}
