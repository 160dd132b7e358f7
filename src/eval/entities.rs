//! Scores cross-document entity resolution against entity gold (`*.entities.jsonl`).
//!
//! A faithful port of the reference scorer `shared/eval/score_entities.py` (its figures and ours
//! must agree). Takes gold documents (character offsets, corpus-wide entity ids) and predictions
//! (one line per mention the system found: UTF-8 byte offsets and the system's entity id); gives
//! an [`EntityScore`]. Scored: *named* gold mentions (a word starting with a capital that is not
//! a pronoun) of entities with at least two mentions in their topic. A gold mention is found when
//! a prediction of its document overlaps it and ends on the same last word. B-cubed precision and
//! recall are averaged over the scored mentions, computed inside each topic; a gold mention not
//! found is a singleton. Also: mention recall, and the share of gold entities spanning several
//! documents whose found mentions all sit in one system entity.
//!
//! [`predict`] runs the whole pipeline (extraction, then canon across the corpus) on the gold
//! texts and gives the predictions; this module never reads files.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::canon::{self, dates::DatedArticle, keys};
use crate::corpus;
use crate::extract::extract_with_entities;
use crate::facts::{self, ArticleFacts};
use crate::ingest::Article;
use crate::lexicon::{EntityKind, Lexicon};
use crate::text::Span;
use crate::{entities, segment};

/// One gold document of an entity set.
#[derive(Debug, Clone, Deserialize)]
pub struct EntityGoldDoc {
    pub doc_id: String,
    #[serde(default)]
    pub topic: Option<String>,
    pub text: String,
    #[serde(default)]
    pub mentions: Vec<GoldMention>,
}

/// A gold mention: character offsets into the document text.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
}

/// A mention the system found: UTF-8 byte offsets and the system's corpus-wide entity id.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct EntityPrediction {
    pub doc_id: String,
    pub start: usize,
    pub end: usize,
    pub entity: String,
}

/// The figures of `score_entities.py`, rounded as it rounds them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityScore {
    pub scored_mentions: usize,
    pub mention_recall: f64,
    pub b3_p: f64,
    pub b3_r: f64,
    pub b3_f1: f64,
    pub cross_doc_entities: usize,
    pub cross_doc_kept_whole: f64,
}

const PRONOUNS: &[&str] = &[
    "i", "he", "she", "it", "we", "they", "him", "her", "them", "his", "its", "their", "our",
    "who", "which", "that", "this", "these", "those", "you", "me", "us", "my", "your",
];

/// A character of Python's `\w` (letters, digits, underscore).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The words of `s` as Python's `re.findall(r"\w+", s)` finds them.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// Whether a gold mention is named: one of its words starts with a capital and is no pronoun.
pub fn named(text: &str) -> bool {
    words(text).any(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !PRONOUNS.contains(&w.to_lowercase().as_str())
    })
}

/// The lowercase last word of `bytes[start..end]` (decoded with replacement, clamped like a
/// Python slice).
fn last_word(bytes: &[u8], start: usize, end: usize) -> String {
    let end = end.min(bytes.len());
    let start = start.min(end);
    let seg = String::from_utf8_lossy(&bytes[start..end]);
    words(&seg)
        .last()
        .map(str::to_lowercase)
        .unwrap_or_default()
}

/// Python's `round(x, 4)` for the figures printed.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// A float as Python prints it (`1.0`, `0.8512`).
fn py_float(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e16 {
        format!("{x:.1}")
    } else {
        format!("{x}")
    }
}

impl EntityScore {
    /// The line `score_entities.py` prints.
    pub fn summary(&self) -> String {
        format!(
            "entities: {} scored mentions, recall {}; B3 P/R/F1 {}/{}/{}; {} cross-doc entities, {} kept whole",
            self.scored_mentions,
            py_float(self.mention_recall),
            py_float(self.b3_p),
            py_float(self.b3_r),
            py_float(self.b3_f1),
            self.cross_doc_entities,
            py_float(self.cross_doc_kept_whole)
        )
    }

    /// The JSON object `score_entities.py --json` prints, keys in its order.
    pub fn json(&self) -> String {
        format!(
            "{{\"scored_mentions\": {}, \"mention_recall\": {}, \"b3_p\": {}, \"b3_r\": {}, \"b3_f1\": {}, \"cross_doc_entities\": {}, \"cross_doc_kept_whole\": {}}}",
            self.scored_mentions,
            py_float(self.mention_recall),
            py_float(self.b3_p),
            py_float(self.b3_r),
            py_float(self.b3_f1),
            self.cross_doc_entities,
            py_float(self.cross_doc_kept_whole)
        )
    }
}

/// One scored gold mention: topic, document, gold entity, the system entity that found it.
struct Scored<'a> {
    topic: Option<&'a str>,
    doc: &'a str,
    gold: &'a str,
    system: Option<&'a str>,
}

/// Byte offset of every character offset of `text` (one past the end included).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut cb = Vec::with_capacity(text.len() + 1);
    cb.extend(text.char_indices().map(|(b, _)| b));
    cb.push(text.len());
    cb
}

/// Scores `preds` against `docs`; `types` keeps only gold mentions of those types (`HUM`, `LOC`).
pub fn score(
    docs: &[EntityGoldDoc],
    preds: &[EntityPrediction],
    types: Option<&HashSet<String>>,
) -> EntityScore {
    let mut by_doc: HashMap<&str, Vec<&EntityPrediction>> = HashMap::new();
    for p in preds {
        by_doc.entry(p.doc_id.as_str()).or_default().push(p);
    }
    let mut count: HashMap<(Option<&str>, &str), usize> = HashMap::new();
    for d in docs {
        for m in &d.mentions {
            *count
                .entry((d.topic.as_deref(), m.entity.as_str()))
                .or_default() += 1;
        }
    }
    let mut scored: Vec<Scored> = Vec::new();
    for d in docs {
        let tb = d.text.as_bytes();
        let cb = char_to_byte(&d.text);
        let byte = |c: usize| cb[c.min(cb.len() - 1)];
        let topic = d.topic.as_deref();
        for m in &d.mentions {
            if types.is_some_and(|t| !m.kind.as_ref().is_some_and(|k| t.contains(k))) {
                continue;
            }
            if count[&(topic, m.entity.as_str())] < 2 || !named(&m.text) {
                continue;
            }
            let (gs, ge) = (byte(m.start), byte(m.end));
            let head = last_word(tb, gs, ge);
            let system = by_doc
                .get(d.doc_id.as_str())
                .into_iter()
                .flatten()
                .find(|p| p.start < ge && gs < p.end && last_word(tb, p.start, p.end) == head)
                .map(|p| p.entity.as_str());
            scored.push(Scored {
                topic,
                doc: &d.doc_id,
                gold: &m.entity,
                system,
            });
        }
    }
    let (p_sum, r_sum) = b_cubed(&scored);
    let n = scored.len();
    let ratio = |a: f64| if n > 0 { a / n as f64 } else { 0.0 };
    let (p, r) = (ratio(p_sum), ratio(r_sum));
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let found = scored.iter().filter(|s| s.system.is_some()).count();
    let (cross, whole) = kept_whole(&scored);
    EntityScore {
        scored_mentions: n,
        mention_recall: if n > 0 {
            round4(found as f64 / n as f64)
        } else {
            0.0
        },
        b3_p: round4(p),
        b3_r: round4(r),
        b3_f1: round4(f),
        cross_doc_entities: cross,
        cross_doc_kept_whole: if cross > 0 {
            round4(whole as f64 / cross as f64)
        } else {
            0.0
        },
    }
}

/// A topic (or none) and a gold entity id.
type GoldKey<'a> = (Option<&'a str>, &'a str);
/// A system entity id, or the index of a mention the system did not find (its own singleton).
type SystemId<'a> = Result<&'a str, usize>;

/// Sums of B-cubed precision and recall over the scored mentions, clusters taken per topic.
fn b_cubed<'a>(scored: &[Scored<'a>]) -> (f64, f64) {
    // Cluster sizes and overlaps per topic: gold id, system id (or the mention itself).
    let mut gold: HashMap<GoldKey<'a>, usize> = HashMap::new();
    let mut system: HashMap<(Option<&'a str>, SystemId<'a>), usize> = HashMap::new();
    let mut both: HashMap<(GoldKey<'a>, SystemId<'a>), usize> = HashMap::new();
    let sys_key = |i: usize, s: &Scored<'a>| s.system.ok_or(i);
    for (i, s) in scored.iter().enumerate() {
        *gold.entry((s.topic, s.gold)).or_default() += 1;
        *system.entry((s.topic, sys_key(i, s))).or_default() += 1;
        *both.entry(((s.topic, s.gold), sys_key(i, s))).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (i, s) in scored.iter().enumerate() {
        let inter = both[&((s.topic, s.gold), sys_key(i, s))] as f64;
        p += inter / system[&(s.topic, sys_key(i, s))] as f64;
        r += inter / gold[&(s.topic, s.gold)] as f64;
    }
    (p, r)
}

/// Gold entities found in several documents, and how many of them sit whole in one system
/// entity (every mention found, all with one id).
fn kept_whole(scored: &[Scored]) -> (usize, usize) {
    let mut ents: BTreeMap<GoldKey, Vec<(&str, Option<&str>)>> = BTreeMap::new();
    for s in scored {
        ents.entry((s.topic, s.gold))
            .or_default()
            .push((s.doc, s.system));
    }
    let cross: Vec<_> = ents
        .values()
        .filter(|v| v.iter().map(|(d, _)| d).collect::<HashSet<_>>().len() > 1)
        .collect();
    let whole = cross
        .iter()
        .filter(|v| {
            v.iter().all(|(_, s)| s.is_some())
                && v.iter().map(|(_, s)| s).collect::<HashSet<_>>().len() == 1
        })
        .count();
    (cross.len(), whole)
}

/// The system's predictions for the gold texts: every mention it finds (dates included), with
/// its corpus-wide entity id from [`crate::canon`] (dates from [`crate::canon::dates`]).
pub fn predict(docs: &[EntityGoldDoc]) -> Vec<EntityPrediction> {
    use rayon::prelude::*;
    type PerDoc = (ArticleFacts, Vec<Span>, Vec<EntityPrediction>);
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
            (facts::of(&article, &x), dates, phrases)
        })
        .collect();
    let mut facts = Vec::with_capacity(per_doc.len());
    let mut dates = Vec::with_capacity(per_doc.len());
    let mut out: Vec<EntityPrediction> = Vec::new();
    for (f, d, p) in per_doc {
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

/// The date mentions' predictions: each article's dates placed by its story (the entities
/// canon found it is mostly about).
fn date_predictions(
    docs: &[EntityGoldDoc],
    analysis: &corpus::Analysis,
    dates: Vec<Vec<Span>>,
) -> Vec<EntityPrediction> {
    let articles: Vec<DatedArticle> = docs
        .iter()
        .zip(dates)
        .enumerate()
        .map(|(d, (doc, spans))| {
            let ids = analysis.canon.mention_entity[d]
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

    fn gold(doc: &str, topic: &str, text: &str, mentions: &[(&str, &str)]) -> EntityGoldDoc {
        // Mentions given as (words, entity), found at their first occurrence in the text.
        let mentions = mentions
            .iter()
            .map(|(w, e)| {
                let b = text.find(w).unwrap();
                let start = text[..b].chars().count();
                GoldMention {
                    start,
                    end: start + w.chars().count(),
                    text: w.to_string(),
                    entity: e.to_string(),
                    kind: Some("HUM".into()),
                }
            })
            .collect();
        EntityGoldDoc {
            doc_id: doc.into(),
            topic: Some(topic.into()),
            text: text.into(),
            mentions,
        }
    }

    fn pred(doc: &str, text: &str, words: &str, entity: &str) -> EntityPrediction {
        let start = text.find(words).unwrap();
        EntityPrediction {
            doc_id: doc.into(),
            start,
            end: start + words.len(),
            entity: entity.into(),
        }
    }

    #[test]
    fn named_mentions_need_a_capital_that_is_no_pronoun() {
        let table = [
            ("Ida Brandt", true),
            ("the mayor", false),
            ("He", false),
            ("The mayor", true),
            ("Zoë", true),
            ("", false),
        ];
        for (text, want) in table {
            assert_eq!(named(text), want, "{text}");
        }
    }

    #[test]
    fn perfect_and_split_clusterings_score_as_the_reference_does() {
        let t1 = "Ida Brandt spoke. Brandt left.";
        let t2 = "Café owner Ida Brandt won.";
        let docs = [
            gold("d1", "1", t1, &[("Ida Brandt", "A"), ("Brandt left", "A")]),
            gold("d2", "1", t2, &[("Ida Brandt", "A")]),
        ];
        let whole = [
            pred("d1", t1, "Ida Brandt", "x"),
            pred("d1", t1, "Brandt left", "x"),
            pred("d2", t2, "Ida Brandt", "x"),
        ];
        let s = score(&docs, &whole, None);
        assert_eq!(
            (s.scored_mentions, s.mention_recall, s.b3_f1),
            (3, 1.0, 1.0)
        );
        assert_eq!((s.cross_doc_entities, s.cross_doc_kept_whole), (1, 1.0));
        assert_eq!(
            s.summary(),
            "entities: 3 scored mentions, recall 1.0; B3 P/R/F1 1.0/1.0/1.0; 1 cross-doc entities, 1.0 kept whole"
        );
        // The second document's mention in an entity of its own; one mention missed.
        let split = [
            pred("d1", t1, "Ida Brandt", "x"),
            pred("d2", t2, "Ida Brandt", "y"),
        ];
        let s = score(&docs, &split, None);
        // P: 1/1 + 1/1 (missing singleton) + 1/1 = 3/3; R: 1/3 + 1/3 + 1/3 = 1/3.
        assert_eq!((s.mention_recall, s.b3_p, s.b3_r), (0.6667, 1.0, 0.3333));
        assert_eq!(s.b3_f1, 0.5);
        assert_eq!(s.cross_doc_kept_whole, 0.0);
    }

    #[test]
    fn a_prediction_must_end_on_the_gold_head_and_offsets_are_bytes() {
        let t = "Zoë Ærø met Zoë Ærø.";
        let docs = [gold("d", "1", t, &[("Zoë Ærø", "A"), ("Zoë Ærø.", "A")])];
        // Only "Zoë" (no head match) for the first; bytes of the second found.
        let b = t.rfind("Zoë").unwrap();
        let preds = [
            pred("d", t, "Zoë", "x"),
            EntityPrediction {
                doc_id: "d".into(),
                start: b,
                end: b + "Zoë Ærø".len(),
                entity: "x".into(),
            },
        ];
        let s = score(&docs, &preds, None);
        assert_eq!(s.mention_recall, 0.5);
    }

    #[test]
    fn python_floats_print_as_python_prints_them() {
        assert_eq!(py_float(1.0), "1.0");
        assert_eq!(py_float(0.0), "0.0");
        assert_eq!(py_float(0.8512), "0.8512");
    }
}
