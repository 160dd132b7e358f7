//! Name-modified phrases: a name used as the modifier of a common noun (`the Avalon store`,
//! `the Ruiz administration`, `an Acme smartphone`) names the noun's referent, not the name's.
//!
//! Takes an article's mentions and tokens; gives one [`Mention`] per phrase `name (word){0,2}
//! head`, where the head is a common noun of the general list in `data/head_nouns.txt` and the
//! words between are lowercase content words. The phrase keeps the name's canonical form
//! (`George Avalon administration`), its head in one spelling (`Avalon health center` for
//! `Avalon health centre`; `Avalon store` for `Avalon supermarket`). These overlap the name mentions, so they are kept apart
//! from [`super::find_mentions`]: the graph does not make nodes of them; `eval-entities` scores
//! them as the mentions they are.

use super::Mention;
use crate::lexicon::{EntityKind, Lexicon};
use crate::quotes::is_function_word;
use crate::segment::{Segments, TokenKind};
use crate::text::Span;

/// The name-modified phrases of an article, in text order.
pub fn phrases(text: &str, seg: &Segments, mentions: &[Mention], lex: &Lexicon) -> Vec<Mention> {
    let toks = &seg.tokens;
    let mut out = Vec::new();
    for m in mentions {
        if matches!(
            m.kind,
            EntityKind::Date | EntityKind::Money | EntityKind::Anonymous
        ) {
            continue;
        }
        let after = toks.partition_point(|t| t.span.start < m.span.end);
        let mut head = None;
        for k in after..(after + 3).min(toks.len()) {
            let t = &toks[k];
            let plain = t.kind == TokenKind::Word
                && !t.capitalized
                && !is_function_word(&t.lower)
                && lex.verb(&t.lower).is_none();
            if !plain || toks[k].paragraph != toks[after].paragraph {
                break;
            }
            if let Some(kind) = lex.head_noun(&t.lower) {
                head = Some((k, kind));
            }
        }
        let Some((k, kind)) = head else { continue };
        let span = Span::new(m.span.start, toks[k].span.end);
        let words = Span::new(m.span.end, toks[k].span.end).of(text);
        let mut words: Vec<&str> = words.split_whitespace().collect();
        if let Some(last) = words.last_mut() {
            *last = head_form(last);
        }
        out.push(Mention {
            span,
            name: span,
            role: None,
            kind,
            canonical: format!("{} {}", m.canonical, words.join(" ")),
            affiliations: Vec::new(),
        });
    }
    out
}

/// One spelling for a head noun written two ways (`centre`, `center`), and `store` for the
/// nouns a chain's outlet goes by (`the Avalon supermarket`, `the Avalon store`).
fn head_form(w: &str) -> &str {
    match w {
        "centre" => "center",
        "neighbourhood" => "neighborhood",
        "harbour" => "harbor",
        "supermarket" => "store",
        w => w,
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_with_entities;
    use crate::ingest::Article;
    use crate::lexicon::Lexicon;

    #[test]
    fn a_name_before_a_common_noun_heads_a_phrase() {
        let table: &[(&str, &[&str])] = &[
            (
                "Thieves raided a Port Merrow jewelry store on Friday.",
                &["Port Merrow jewelry store"],
            ),
            (
                "The Castell administration said no.",
                &["Castell administration"],
            ),
            ("Okoro said the plan would work.", &[]),
        ];
        let lex = Lexicon::builtin();
        for (text, want) in table {
            let a = Article::new("t", text.to_string(), None);
            let x = extract_with_entities(&a);
            let seg = crate::segment::segment(text, a.body, lex);
            let got: Vec<&str> = super::phrases(text, &seg, &x.mentions, lex)
                .iter()
                .map(|m| m.span.of(text))
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn a_head_written_two_ways_is_one_word() {
        let table: &[(&str, &str)] = &[
            ("Smoke filled a Kestrel supermarket.", "Kestrel store"),
            (
                "Nurses left the Port Merrow health centre.",
                "Port Merrow health center",
            ),
            ("Thieves raided a Kestrel shop.", "Kestrel shop"),
        ];
        let lex = Lexicon::builtin();
        for (text, want) in table {
            let a = Article::new("t", text.to_string(), None);
            let x = extract_with_entities(&a);
            let seg = crate::segment::segment(text, a.body, lex);
            let got: Vec<String> = super::phrases(text, &seg, &x.mentions, lex)
                .into_iter()
                .map(|m| m.canonical)
                .collect();
            assert_eq!(got, [*want], "{text}");
        }
    }
}
