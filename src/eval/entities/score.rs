//! The port of `shared/eval/score_entities.py`: which gold mentions are scored, which
//! prediction finds each, B-cubed precision and recall per topic, mention recall and the share
//! of cross-document entities kept whole, printed as the reference prints them.
//!
//! Takes gold documents and predictions; gives an [`EntityScore`]; never runs the pipeline.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{EntityGoldDoc, EntityPrediction, EntityScore};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::entities::GoldMention;

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
