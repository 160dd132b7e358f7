//! Scores stance toward a target against annotated sentences: a port of the reference scorer
//! `shared/eval/score_stance.py` (its figures and ours agree), and the split of a stance file
//! into a training part and a held-out part.
//!
//! Takes stance records (`{doc_id, text, target_span: [start, end) in characters, polarity}`)
//! and predictions (`{doc_id, polarity}`); gives accuracy and macro-F1 over support / oppose /
//! neutral. A gold record without a prediction counts as a wrong answer; a doc id given twice
//! counts once (the last line wins, as in the reference). Does no IO.
//!
//! **The held-out part** is every record whose *article key* — its doc id up to the third `_`
//! (`newsmtsc-polusa_v1_113705206` for `newsmtsc-polusa_v1_113705206_-1_7_…`), the whole id when
//! it has fewer — hashes (64-bit FNV-1a) to 0..19 modulo 100: about 20 % of the articles, and
//! all sentences and targets of one article fall on the same side. The stance model is trained
//! and tuned on the other part only.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::stance::{self, Polarity};
use crate::text::{stable_hash, Span};

/// Percentage of articles held out.
pub const HELD_OUT_PERCENT: u64 = 20;

/// One annotated sentence and target.
#[derive(Debug, Clone, Deserialize)]
pub struct StanceRecord {
    pub doc_id: String,
    pub text: String,
    /// `[start, end)` in characters of `text`.
    pub target_span: (usize, usize),
    #[serde(default)]
    pub target: Option<String>,
    /// `support`, `oppose` or `neutral`; absent when only predicting.
    #[serde(default)]
    pub polarity: Option<String>,
}

/// One prediction line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StancePrediction {
    pub doc_id: String,
    #[serde(default)]
    pub polarity: Option<String>,
}

/// The doc id up to its third `_`: what keeps the sentences of one article together.
pub fn article_key(doc_id: &str) -> &str {
    doc_id
        .match_indices('_')
        .nth(2)
        .map_or(doc_id, |(i, _)| &doc_id[..i])
}

/// Whether the record `doc_id` belongs to the held-out part.
pub fn is_held_out(doc_id: &str) -> bool {
    stable_hash(article_key(doc_id)) % 100 < HELD_OUT_PERCENT
}

/// The record's target as a byte span of its text, or why it has none.
pub fn target_bytes(r: &StanceRecord) -> Result<Span, String> {
    let (a, b) = r.target_span;
    let chars = r.text.chars().count();
    if a > b || b > chars {
        return Err(format!(
            "target span [{a}, {b}) lies outside its text of {chars} characters"
        ));
    }
    let byte = |c: usize| {
        r.text
            .char_indices()
            .nth(c)
            .map_or(r.text.len(), |(i, _)| i)
    };
    Ok(Span::new(byte(a), byte(b)))
}

/// The polarity the system gives the record's target.
pub fn predict(r: &StanceRecord) -> Result<StancePrediction, String> {
    let span = target_bytes(r)?;
    Ok(StancePrediction {
        doc_id: r.doc_id.clone(),
        polarity: Some(
            stance::judge_span(&r.text, span)
                .polarity
                .as_str()
                .to_string(),
        ),
    })
}

/// F1 per polarity.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PolarityF1 {
    pub support: f64,
    pub oppose: f64,
    pub neutral: f64,
}

/// The reference scorer's figures, rounded to 4 decimals as it rounds them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StanceScore {
    pub records: usize,
    pub predicted: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub f1: PolarityF1,
}

/// Scores `preds` against the gold `(doc_id, polarity)` pairs.
pub fn score<'a>(
    gold: impl IntoIterator<Item = (&'a str, &'a str)>,
    preds: &[StancePrediction],
) -> StanceScore {
    let gold: BTreeMap<&str, &str> = gold.into_iter().collect();
    let mut pred: BTreeMap<&str, Option<&str>> = BTreeMap::new();
    for p in preds {
        pred.insert(&p.doc_id, p.polarity.as_deref());
    }
    let got = |d: &str| pred.get(d).copied().flatten();
    let n = gold.len();
    let correct = gold.iter().filter(|(d, pol)| got(d) == Some(**pol)).count();
    let mut f1 = [0.0f64; 3];
    for (k, lab) in [Polarity::Support, Polarity::Oppose, Polarity::Neutral]
        .iter()
        .map(Polarity::as_str)
        .enumerate()
    {
        let tp = gold
            .iter()
            .filter(|(d, pol)| **pol == lab && got(d) == Some(lab))
            .count();
        let fp = pred
            .iter()
            .filter(|(d, p)| **p == Some(lab) && gold.get(*d).is_some_and(|g| *g != lab))
            .count();
        let fn_ = gold
            .iter()
            .filter(|(d, pol)| **pol == lab && got(d) != Some(lab))
            .count();
        let pr = ratio(tp, tp + fp);
        let rc = ratio(tp, tp + fn_);
        f1[k] = if pr + rc > 0.0 {
            2.0 * pr * rc / (pr + rc)
        } else {
            0.0
        };
    }
    StanceScore {
        records: n,
        predicted: gold.keys().filter(|d| pred.contains_key(*d)).count(),
        accuracy: if n > 0 {
            round4(ratio(correct, n))
        } else {
            0.0
        },
        macro_f1: round4(f1.iter().sum::<f64>() / 3.0),
        f1: PolarityF1 {
            support: round4(f1[0]),
            oppose: round4(f1[1]),
            neutral: round4(f1[2]),
        },
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// `round(x, 4)` as Python rounds: to the nearest decimal of the exact binary value.
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// A float as Python's `str` writes it (`0.0`, `0.65`, `1.0`).
fn py(x: f64) -> String {
    let s = x.to_string();
    if s.contains(['.', 'e', 'n', 'i']) {
        s
    } else {
        format!("{s}.0")
    }
}

impl StanceScore {
    /// The line `score_stance.py` prints.
    pub fn summary(&self) -> String {
        format!(
            "stance: {} records, {} predicted; accuracy {}, macro-F1 {} (support {}, oppose {}, neutral {})",
            self.records,
            self.predicted,
            py(self.accuracy),
            py(self.macro_f1),
            py(self.f1.support),
            py(self.f1.oppose),
            py(self.f1.neutral)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pred(d: &str, p: Option<&str>) -> StancePrediction {
        StancePrediction {
            doc_id: d.into(),
            polarity: p.map(str::to_string),
        }
    }

    #[test]
    fn figures_follow_the_reference() {
        // Worked by hand: support tp 1 fp 1 fn 0 → F1 2/3; oppose tp 1 fp 0 fn 1 → 2/3;
        // neutral tp 0 fp 0 fn 1 (no prediction) → 0. Macro 4/9, accuracy 2/4.
        let gold = [
            ("a", "support"),
            ("b", "oppose"),
            ("c", "oppose"),
            ("d", "neutral"),
        ];
        let preds = [
            pred("a", Some("support")),
            pred("b", Some("oppose")),
            pred("c", Some("support")),
            pred("x", Some("neutral")),
        ];
        let s = score(gold, &preds);
        assert_eq!((s.records, s.predicted, s.accuracy), (4, 3, 0.5));
        assert_eq!(
            (s.macro_f1, s.f1.support, s.f1.neutral),
            (0.4444, 0.6667, 0.0)
        );
        assert_eq!(
            s.summary(),
            "stance: 4 records, 3 predicted; accuracy 0.5, macro-F1 0.4444 (support 0.6667, oppose 0.6667, neutral 0.0)"
        );
        // The last prediction for an id wins; an empty gold scores zero.
        let s = score(
            [("a", "support")],
            &[pred("a", None), pred("a", Some("support"))],
        );
        assert_eq!((s.accuracy, s.f1.support), (1.0, 1.0));
        assert_eq!(score([], &preds).accuracy, 0.0);
    }

    #[test]
    fn articles_stay_on_one_side_of_the_split() {
        let cases = [
            ("wire-tribune_12_7_3_Ana Lopez_0_9", "wire-tribune_12_7"),
            ("wire-tribune_12_7_9_he_4_6", "wire-tribune_12_7"),
            ("short_id", "short_id"),
            ("", ""),
        ];
        for (id, key) in cases {
            assert_eq!(article_key(id), key);
        }
        assert_eq!(
            is_held_out("wire-tribune_12_7_3_Ana Lopez_0_9"),
            is_held_out("wire-tribune_12_7_9_he_4_6")
        );
        let held = (0..1000)
            .filter(|i| is_held_out(&format!("x_{i}_{i}_0")))
            .count();
        assert!((150..250).contains(&held), "{held} of 1000 held out");
    }

    #[test]
    fn target_spans_are_characters() {
        let rec = |text: &str, span| StanceRecord {
            doc_id: "d".into(),
            text: text.into(),
            target_span: span,
            target: None,
            polarity: None,
        };
        let r = rec("Él dijo: Ana Lopez ganó.", (9, 18));
        assert_eq!(
            target_bytes(&r).map(|s| s.of(&r.text).to_string()),
            Ok("Ana Lopez".into())
        );
        assert!(target_bytes(&rec("short", (2, 9))).is_err());
        assert!(target_bytes(&rec("short", (3, 2))).is_err());
    }
}
