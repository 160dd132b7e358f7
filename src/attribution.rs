//! Attribution: gives a speaker to quotes whose own cue names none.
//!
//! Takes the quotes found by `quotes` (in text order) and the quoted spans; fills the speaker of
//! unattributed direct quotes by the conventions of news writing, in this order: a paragraph that
//! reopens a continuing quote keeps its speaker; a quote goes on from the last attributed quote
//! of its paragraph; a quote opening a paragraph goes on from the previous paragraph's last
//! speaker; a quote followed in its paragraph by an attributed one (`"A." "B," he said.`) takes
//! that speaker. It decides *which mention* speaks, never who the mention is.

use std::collections::{HashMap, HashSet};

use crate::quotes::marks::QuotedSpan;
use crate::quotes::{Link, Quote, QuoteKind};

/// Fills in continuation speakers. Quotes left without a speaker keep `Link::None`.
///
/// One pass in text order: the last speaking quote of each paragraph is remembered as quotes
/// get speakers, and the next cue-tagged direct quote of each paragraph is found beforehand, so
/// the cost is linear in the number of quotes.
pub fn attribute(quotes: &mut [Quote], quoted: &[QuotedSpan]) {
    let next_tagged = next_tagged_in_paragraph(quotes);
    // Paragraph -> index of its last non-nested quote with a speaker, so far.
    let mut last_speaking: HashMap<usize, usize> = HashMap::new();
    let mut seen_paragraphs: HashSet<usize> = HashSet::new();
    for i in 0..quotes.len() {
        let para = quotes[i].paragraph;
        let first_in_paragraph = !seen_paragraphs.contains(&para);
        if quotes[i].speaker.is_none() && quotes[i].kind == QuoteKind::Direct {
            let span = quotes[i].quoted.map(|k| &quoted[k]);
            let in_para = |p: usize| last_speaking.get(&p).copied();
            let same = in_para(para);
            let found = if span.is_some_and(|s| s.continued) {
                para.checked_sub(1).and_then(in_para)
            } else {
                None
            }
            .or(same)
            .or_else(|| {
                first_in_paragraph
                    .then(|| para.checked_sub(1).and_then(in_para))
                    .flatten()
            })
            .or(next_tagged[i]);
            if let Some(src) = found {
                let speaker = quotes[src].speaker.clone();
                let q = &mut quotes[i];
                q.speaker = speaker;
                q.link = Link::Continuation;
                q.confidence = q.confidence.min(0.75);
            }
        }
        seen_paragraphs.insert(para);
        if quotes[i].speaker.is_some() && !quotes[i].nested {
            last_speaking.insert(para, i);
        }
    }
}

/// For each quote, the next cue-tagged direct quote of the same paragraph (before the
/// paragraph changes), found right to left.
fn next_tagged_in_paragraph(quotes: &[Quote]) -> Vec<Option<usize>> {
    let mut next = vec![None; quotes.len()];
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        let n = &quotes[i + 1];
        if n.paragraph != quotes[i].paragraph {
            continue;
        }
        next[i] = if n.link == Link::Cue && n.kind == QuoteKind::Direct {
            Some(i + 1)
        } else {
            next[i + 1]
        };
    }
    next
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
