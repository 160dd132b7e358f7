//! Scores predicted quotes against gold annotations.
//!
//! A faithful port of the reference scorer `shared/eval/score.py` (its figures and ours must
//! agree): contents compared as lowercased word tokens after NFKC and quote folding; per document
//! a one-to-one matching, best token-F1 first, at F1 ≥ 0.5; attribution right when the resolved
//! speaker or the mention equals the gold speaker or an alias, or, for people, has the same last
//! name up to one letter. Optional gold quotes are neither rewarded nor penalised.

pub mod stance;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

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

const TITLES: &[&str] = &[
    "president",
    "secretary",
    "general",
    "secretarygeneral",
    "minister",
    "prime",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "former",
    "the",
    "a",
    "an",
    "us",
    "u.s.",
    "nato",
    "ukrainian",
    "russian",
    "american",
    "chief",
    "head",
    "foreign",
    "defense",
    "defence",
    "sir",
    "lord",
    "king",
    "queen",
    "pope",
    "gen",
    "lt",
    "col",
    "adm",
    "vice",
];

/// Lowercased word tokens, as `score.py` makes them.
pub fn tokens(s: &str) -> Vec<String> {
    let folded: String = s
        .nfkc()
        .map(|c| match c {
            '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{2014}' | '\u{2013}' => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    // score.py: re.sub(r"[^\w\s]", " ", s).split()
    static NON_WORD: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let non_word = NON_WORD.get_or_init(|| regex::Regex::new(r"[^\w\s]").expect("pattern"));
    non_word
        .replace_all(&folded, " ")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

pub fn token_f1(a: &str, b: &str) -> f64 {
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let mut ca: HashMap<&str, usize> = HashMap::new();
    for t in &ta {
        *ca.entry(t).or_default() += 1;
    }
    let mut cb: HashMap<&str, usize> = HashMap::new();
    for t in &tb {
        *cb.entry(t).or_default() += 1;
    }
    let common: usize = ca
        .iter()
        .map(|(t, n)| (*n).min(*cb.get(t).unwrap_or(&0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / ta.len() as f64;
    let r = common as f64 / tb.len() as f64;
    2.0 * p * r / (p + r)
}

fn norm_name(s: &str) -> String {
    tokens(s).join(" ")
}

/// Equal, or one insertion, deletion or substitution apart.
fn edit1(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return true;
    }
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let mut i = 0;
    while i < a.len().min(b.len()) && a[i] == b[i] {
        i += 1;
    }
    let tail = |v: &[char], k: usize| v.get(k..).map(<[char]>::to_vec).unwrap_or_default();
    tail(&a, i + 1) == tail(&b, i + 1)
        || tail(&a, i) == tail(&b, i + 1)
        || tail(&a, i + 1) == tail(&b, i)
}

fn last_name(s: &str) -> String {
    tokens(s)
        .into_iter()
        .rfind(|t| !TITLES.contains(&t.as_str()))
        .unwrap_or_default()
}

/// Whether a prediction names the gold speaker (by resolved name or by mention).
pub fn speaker_ok(gold: &GoldQuote, pred: &Prediction) -> bool {
    match &gold.speaker {
        None => pred.speaker.as_deref().is_none_or(str::is_empty),
        Some(gs) => [&pred.speaker, &pred.speaker_mention]
            .into_iter()
            .any(|p| p.as_deref().is_some_and(|p| speaker_ok_one(gold, gs, p))),
    }
}

fn speaker_ok_one(gold: &GoldQuote, gs: &str, pred: &str) -> bool {
    if pred.is_empty() {
        return false;
    }
    let p = norm_name(pred);
    let same_form = norm_name(gs) == p
        || gold
            .speaker_aliases
            .iter()
            .flatten()
            .any(|a| norm_name(a) == p);
    if same_form {
        return true;
    }
    if gold.speaker_type.as_deref() == Some("person") {
        let (pl, gl) = (last_name(pred), last_name(gs));
        return !pl.is_empty() && gl.chars().count() > 2 && edit1(&pl, &gl);
    }
    false
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

/// Scores predictions against gold documents with the reference metric.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn gold_speaker(speaker: &str, speaker_type: Option<&str>) -> GoldQuote {
        GoldQuote {
            content: String::new(),
            speaker: Some(speaker.into()),
            speaker_type: speaker_type.map(str::to_string),
            speaker_aliases: None,
            kind: "direct".into(),
            optional: false,
        }
    }

    fn predicted_speaker(s: &str) -> Prediction {
        Prediction {
            doc_id: "d".into(),
            content: String::new(),
            speaker: Some(s.into()),
            speaker_mention: None,
        }
    }

    #[test]
    fn tokens_fold_quotes_dashes_and_case() {
        assert_eq!(
            tokens("“It’s — NATO’s,” he said"),
            ["it", "s", "nato", "s", "he", "said"]
        );
    }

    #[test]
    fn token_f1_is_symmetric_overlap() {
        assert!((token_f1("a b c d", "a b") - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(token_f1("", "a"), 0.0);
    }

    #[test]
    fn last_names_match_with_one_letter_of_difference() {
        let g = gold_speaker("Pavel Orlov", Some("person"));
        let p = predicted_speaker;
        assert!(speaker_ok(&g, &p("Prime Minister Pavel Orlow")));
        assert!(!speaker_ok(&g, &p("Greta Lind")));
    }

    #[test]
    fn untyped_gold_speakers_need_the_same_words() {
        let g = gold_speaker("current and former clerks", None);
        let p = predicted_speaker;
        assert!(speaker_ok(&g, &p("Current and former clerks")));
        assert!(!speaker_ok(&g, &p("former clerks")));
    }
}
