//! Scores predicted quotes against gold annotations.
//!
//! A faithful port of the reference scorer `shared/eval/score.py` (its figures and ours must
//! agree): contents compared as lowercased word tokens after NFKC and quote folding; per document
//! a one-to-one matching, best token-F1 first, at F1 ≥ 0.5; attribution right when the resolved
//! speaker or the mention equals the gold speaker or an alias, or, for people, has the same last
//! name up to one letter. Optional gold quotes are neither rewarded nor penalised.
//!
//! This file holds the gold and prediction records, the matching and the counts; `tokens` makes
//! the word tokens and their F1, `speaker` decides whether a predicted speaker names the gold one.

pub mod stance;

mod speaker;
mod tokens;

pub use speaker::speaker_ok;
pub use tokens::{token_f1, tokens};

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::extract::QuoteRecord;

pub mod entities;

/// One gold document.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    pub doc_id: String,
    pub text: String,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    pub content: String,
    pub speaker: Option<String>,
    /// Absent means person; present and null means untyped.
    #[serde(default = "default_type")]
    pub speaker_type: Option<String>,
    #[serde(default)]
    pub speaker_aliases: Option<Vec<String>>,
    #[serde(default = "default_kind")]
    pub kind: String,
    #[serde(default)]
    pub optional: bool,
}

fn default_type() -> Option<String> {
    Some("person".into())
}

fn default_kind() -> String {
    "direct".into()
}

/// A prediction as the scorer sees it.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Prediction {
    pub doc_id: String,
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub speaker_mention: Option<String>,
}

impl From<&QuoteRecord> for Prediction {
    fn from(r: &QuoteRecord) -> Self {
        Prediction {
            doc_id: r.doc_id.clone(),
            content: r.content.clone(),
            speaker: r.speaker.clone(),
            speaker_mention: r.speaker_mention.clone(),
        }
    }
}

/// A missed gold quote, a false positive, or a wrong speaker, for `--verbose`.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub doc_id: String,
    pub gold_speaker: Option<String>,
    pub predicted_speaker: Option<String>,
    pub content: String,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Score {
    pub docs: usize,
    pub gold: usize,
    pub pred: usize,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub quote_p: f64,
    pub quote_r: f64,
    pub quote_f1: f64,
    pub attribution_acc: f64,
    pub e2e_p: f64,
    pub e2e_r: f64,
    pub e2e_f1: f64,
    pub recall_by_kind: BTreeMap<String, f64>,
    pub stray_predictions: usize,
    #[serde(skip)]
    pub misses: Vec<Miss>,
    #[serde(skip)]
    pub false_positives: Vec<Miss>,
    #[serde(skip)]
    pub wrong_speakers: Vec<Miss>,
}

/// Python's `round(x, 4)`: the correctly rounded decimal.
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

fn prf(t: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if t + fp > 0 {
        t as f64 / (t + fp) as f64
    } else {
        0.0
    };
    let r = if t + fn_ > 0 {
        t as f64 / (t + fn_) as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Runs the extractor over the gold documents' texts (each text taken whole, with no title line,
/// as the gold offsets require).
pub fn predict(gold_docs: &[GoldDoc]) -> Vec<crate::QuoteRecord> {
    let articles: Vec<crate::ingest::Article> = gold_docs
        .iter()
        .map(|d| crate::ingest::Article::new(d.doc_id.clone(), d.text.clone(), None))
        .collect();
    crate::extract_all(&articles)
        .iter()
        .flat_map(crate::Extraction::records)
        .collect()
}

/// One document's one-to-one matching, best token-F1 first: gold index -> prediction index and
/// back.
fn match_doc(
    d: &GoldDoc,
    pr: &[&Prediction],
    min_f1: f64,
) -> (HashMap<usize, usize>, HashMap<usize, usize>) {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in d.quotes.iter().enumerate() {
        for (pi, p) in pr.iter().enumerate() {
            let f = token_f1(&g.content, &p.content);
            if f >= min_f1 {
                pairs.push((f, gi, pi));
            }
        }
    }
    // Python sorts the tuples in reverse: by F1, then gold index, then prediction index.
    pairs.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
    let mut gused: HashMap<usize, usize> = HashMap::new();
    let mut pused: HashMap<usize, usize> = HashMap::new();
    for (_, gi, pi) in pairs {
        if gused.contains_key(&gi) || pused.contains_key(&pi) {
            continue;
        }
        gused.insert(gi, pi);
        pused.insert(pi, gi);
    }
    (gused, pused)
}

/// Scores predictions against gold documents with the reference metric.
pub fn score(gold_docs: &[GoldDoc], preds: &[Prediction], min_f1: f64) -> Score {
    let mut by_doc: HashMap<&str, Vec<&Prediction>> = HashMap::new();
    for p in preds {
        by_doc.entry(p.doc_id.as_str()).or_default().push(p);
    }
    let mut s = Score {
        docs: gold_docs.len(),
        ..Score::default()
    };
    let (mut matched, mut spk_ok, mut e2e_tp) = (0usize, 0usize, 0usize);
    let mut kind_tot: BTreeMap<String, usize> = BTreeMap::new();
    let mut kind_hit: BTreeMap<String, usize> = BTreeMap::new();
    for d in gold_docs {
        let pr = by_doc.remove(d.doc_id.as_str()).unwrap_or_default();
        let (gused, pused) = match_doc(d, &pr, min_f1);
        for (gi, g) in d.quotes.iter().enumerate() {
            if g.optional {
                continue;
            }
            *kind_tot.entry(g.kind.clone()).or_default() += 1;
            match gused.get(&gi) {
                Some(&pi) => {
                    s.tp += 1;
                    *kind_hit.entry(g.kind.clone()).or_default() += 1;
                    matched += 1;
                    let p = pr[pi];
                    if speaker_ok(g, p) {
                        spk_ok += 1;
                        e2e_tp += 1;
                    } else {
                        s.wrong_speakers.push(Miss {
                            doc_id: d.doc_id.clone(),
                            gold_speaker: g.speaker.clone(),
                            predicted_speaker: p.speaker.clone(),
                            content: clip(&g.content, 80),
                        });
                    }
                }
                None => {
                    s.fn_ += 1;
                    s.misses.push(Miss {
                        doc_id: d.doc_id.clone(),
                        gold_speaker: g.speaker.clone(),
                        predicted_speaker: None,
                        content: clip(&g.content, 100),
                    });
                }
            }
        }
        for (pi, p) in pr.iter().enumerate() {
            if pused.contains_key(&pi) {
                continue;
            }
            s.fp += 1;
            s.false_positives.push(Miss {
                doc_id: d.doc_id.clone(),
                gold_speaker: None,
                predicted_speaker: p.speaker.clone(),
                content: clip(&p.content, 100),
            });
        }
    }
    s.stray_predictions = by_doc.values().map(Vec::len).sum();
    s.finish(matched, spk_ok, e2e_tp);
    s.recall_by_kind = kind_tot
        .iter()
        .map(|(k, &n)| {
            (
                k.clone(),
                round4(*kind_hit.get(k).unwrap_or(&0) as f64 / n as f64),
            )
        })
        .collect();
    s
}

impl Score {
    /// The rates from the counts: `matched` pairs, `spk_ok` of them with the right speaker,
    /// `e2e_tp` right end to end.
    fn finish(&mut self, matched: usize, spk_ok: usize, e2e_tp: usize) {
        self.gold = self.tp + self.fn_;
        self.pred = self.tp + self.fp;
        let (qp, qr, qf) = prf(self.tp, self.fp, self.fn_);
        let wrong = self.tp - e2e_tp;
        let (ep, er, ef) = prf(e2e_tp, self.fp + wrong, self.fn_ + wrong);
        self.quote_p = round4(qp);
        self.quote_r = round4(qr);
        self.quote_f1 = round4(qf);
        self.attribution_acc = if matched > 0 {
            round4(spk_ok as f64 / matched as f64)
        } else {
            0.0
        };
        self.e2e_p = round4(ep);
        self.e2e_r = round4(er);
        self.e2e_f1 = round4(ef);
    }
}

impl Score {
    /// The one-line summary `score.py` prints.
    pub fn summary(&self) -> String {
        let kinds: Vec<String> = self
            .recall_by_kind
            .iter()
            .map(|(k, v)| format!("'{k}': {v:?}"))
            .collect();
        format!(
            "docs={} gold={} pred={} quote P/R/F1={:.3}/{:.3}/{:.3} attribution={:.3} end-to-end F1={:.3} recall_by_kind={{{}}}",
            self.docs,
            self.gold,
            self.pred,
            self.quote_p,
            self.quote_r,
            self.quote_f1,
            self.attribution_acc,
            self.e2e_f1,
            kinds.join(", ")
        )
    }
}
