//! The system's predictions for gold texts: the whole pipeline (extraction, then canon across
//! the corpus) run on every document, each mention found with its corpus-wide entity id.
//!
//! Takes gold documents (only their ids and texts are read); gives [`EntityPrediction`]s;
//! never scores.

use std::collections::HashMap;

use super::{EntityGoldDoc, EntityPrediction};
use crate::canon::{self, dates::DatedArticle, keys};
use crate::corpus;
use crate::extract::extract_with_entities;
use crate::facts::{self, ArticleFacts};
use crate::ingest::Article;
use crate::lexicon::{EntityKind, Lexicon};
use crate::text::Span;
use crate::{entities, segment};

/// The system's predictions for the gold texts: every mention it finds (dates included), with
/// its corpus-wide entity id from [`crate::canon`] (dates from [`crate::canon::dates`]).
pub fn predict(docs: &[EntityGoldDoc]) -> Vec<EntityPrediction> {
    use rayon::prelude::*;
    type PerDoc = (
        ArticleFacts,
        Vec<Span>,
        Vec<EntityPrediction>,
        Vec<Option<Span>>,
    );
    let per_doc: Vec<PerDoc> = docs
        .par_iter()
        .map(|d| {
            let article = Article::new(d.doc_id.clone(), d.text.clone(), None);
            let x = extract_with_entities(&article);
            let lex = Lexicon::builtin();
            let seg = segment::segment(&article.text, article.body, lex);
            let phrases = entities::nominals::phrases(&article.text, &seg, &x.mentions, lex)
                .iter()
                .map(|m| EntityPrediction {
                    doc_id: d.doc_id.clone(),
                    start: m.span.start,
                    end: m.span.end,
                    entity: keys::key_of(m.kind, &m.canonical, &d.doc_id, false).id(),
                })
                .collect();
            let dates = x
                .mentions
                .iter()
                .filter(|m| m.kind == EntityKind::Date)
                .map(|m| m.span)
                .collect();
            // Each quote's speaker words (facts keep the quotes in this order).
            let speakers = x
                .quotes
                .iter()
                .map(|q| q.speaker.as_ref().map(|s| s.span))
                .collect();
            (facts::of(&article, &x), dates, phrases, speakers)
        })
        .collect();
    let mut facts = Vec::with_capacity(per_doc.len());
    let mut dates = Vec::with_capacity(per_doc.len());
    let mut speakers: HashMap<String, Vec<Option<Span>>> = HashMap::new();
    let mut out: Vec<EntityPrediction> = Vec::new();
    for (f, d, p, s) in per_doc {
        speakers.insert(f.doc_id.clone(), s);
        facts.push(f);
        dates.push(d);
        out.extend(p);
    }
    let analysis = corpus::from_facts(facts);
    for (d, doc) in analysis.docs.iter().enumerate() {
        for (k, m) in doc.mentions.iter().enumerate() {
            let Some(e) = analysis.canon.mention_entity[d][k] else {
                continue;
            };
            out.push(EntityPrediction {
                doc_id: doc.doc_id.clone(),
                start: m.start,
                end: m.end,
                entity: analysis.canon.entities[e].id.clone(),
            });
        }
    }
    out.extend(speaker_predictions(&analysis, &speakers, &out));
    out.extend(date_predictions(docs, &analysis, dates));
    // A possessive's clitic is part of the mention in the gold (`Ruiz's`): the same mention with
    // it too, so that either reading ends on the mention's last word.
    let texts: HashMap<&str, &str> = docs
        .iter()
        .map(|d| (d.doc_id.as_str(), d.text.as_str()))
        .collect();
    let clitics: Vec<EntityPrediction> = out
        .iter()
        .filter_map(|p| {
            let rest = texts.get(p.doc_id.as_str())?.get(p.end..)?;
            let n = ["'s", "’s", "'", "’"]
                .iter()
                .find(|c| rest.starts_with(*c))?
                .len();
            Some(EntityPrediction {
                end: p.end + n,
                ..p.clone()
            })
        })
        .collect();
    out.extend(clitics);
    out.sort_by(|a, b| (&a.doc_id, a.start, a.end).cmp(&(&b.doc_id, b.start, b.end)));
    out
}

/// The words naming a quote's speaker that no mention of the article covers (`Police said`,
/// `Witnesses told ...`): a mention of the speaker's entity too. Pronouns are left out.
fn speaker_predictions(
    analysis: &corpus::Analysis,
    speakers: &HashMap<String, Vec<Option<Span>>>,
    mentions: &[EntityPrediction],
) -> Vec<EntityPrediction> {
    let lex = Lexicon::builtin();
    let mut covered: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for m in mentions {
        covered
            .entry(m.doc_id.as_str())
            .or_default()
            .push((m.start, m.end));
    }
    let mut out = Vec::new();
    for (d, doc) in analysis.docs.iter().enumerate() {
        let taken = covered.get(doc.doc_id.as_str());
        let Some(spans) = speakers.get(&doc.doc_id) else {
            continue;
        };
        for (k, span) in spans.iter().enumerate() {
            let (Some(span), Some(Some(e))) = (span, analysis.canon.speaker_entity[d].get(k))
            else {
                continue;
            };
            let words = doc.quotes[k].speaker.as_ref().map(|s| s.mention.as_str());
            if words.is_some_and(|w| lex.pronoun(&w.to_lowercase()).is_some()) {
                continue;
            }
            let overlaps =
                |v: &Vec<(usize, usize)>| v.iter().any(|&(s, e)| s < span.end && span.start < e);
            if taken.is_some_and(overlaps) {
                continue;
            }
            out.push(EntityPrediction {
                doc_id: doc.doc_id.clone(),
                start: span.start,
                end: span.end,
                entity: analysis.canon.entities[*e].id.clone(),
            });
        }
    }
    out
}

/// The date mentions' predictions: each article's dates placed by its story (the entities
/// canon found it is mostly about).
fn date_predictions(
    docs: &[EntityGoldDoc],
    analysis: &corpus::Analysis,
    dates: Vec<Vec<Span>>,
) -> Vec<EntityPrediction> {
    // The analysis sorts articles by id; the gold may come in any order.
    let at: HashMap<&str, usize> = analysis
        .docs
        .iter()
        .enumerate()
        .map(|(d, f)| (f.doc_id.as_str(), d))
        .collect();
    let no_mentions = Vec::new();
    let articles: Vec<DatedArticle> = docs
        .iter()
        .zip(dates)
        .map(|(doc, spans)| {
            let ids = at
                .get(doc.doc_id.as_str())
                .map_or(&no_mentions, |&d| &analysis.canon.mention_entity[d])
                .iter()
                .flatten()
                .map(|&e| analysis.canon.entities[e].id.as_str());
            DatedArticle {
                doc: &doc.doc_id,
                text: &doc.text,
                published: None,
                dates: spans,
                anchors: canon::dates::anchors(ids),
            }
        })
        .collect();
    let ids = canon::dates::ids(&articles);
    let mut out = Vec::new();
    for ((doc, a), ids) in docs.iter().zip(&articles).zip(ids) {
        for (span, entity) in a.dates.iter().zip(ids) {
            out.push(EntityPrediction {
                doc_id: doc.doc_id.clone(),
                start: span.start,
                end: span.end,
                entity,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> EntityGoldDoc {
        EntityGoldDoc {
            doc_id: id.into(),
            topic: None,
            text: text.into(),
            mentions: Vec::new(),
        }
    }

    /// The words of each prediction of one document.
    fn found<'a>(preds: &[EntityPrediction], d: &'a EntityGoldDoc) -> Vec<&'a str> {
        preds
            .iter()
            .filter(|p| p.doc_id == d.doc_id)
            .map(|p| &d.text[p.start..p.end])
            .collect()
    }

    #[test]
    fn speakers_no_mention_covers_are_predicted_and_any_doc_order_works() {
        // (document, words that must be predicted in it); ids out of order on purpose.
        let table = [
            (
                doc(
                    "z9",
                    "The trail will stay shut, the wardens said on Friday.",
                ),
                vec!["the wardens", "Friday"],
            ),
            (
                doc("a1", "Ana Ruiz said on Monday that she would run again."),
                vec!["Ana Ruiz", "Monday"],
            ),
        ];
        let docs: Vec<EntityGoldDoc> = table.iter().map(|(d, _)| d.clone()).collect();
        let preds = predict(&docs);
        for (d, want) in &table {
            let got = found(&preds, d);
            for w in want {
                assert!(got.contains(w), "{}: {w} not in {got:?}", d.doc_id);
            }
            assert!(!got.contains(&"she"), "{got:?}");
        }
    }
}
