//! The training part of a stance file as sparse examples over named features.

use std::collections::HashMap;

use quotegraph::eval::stance::{self as st, StanceRecord};
use quotegraph::lexicon::Lexicon;
use quotegraph::segment;
use quotegraph::stance::{self, features::Signals};
use quotegraph::text::{stable_hash, Span};

/// One training record: sparse features (index, value), the class (0 support, 1 oppose,
/// 2 neutral), what the rules said (the decision needs it) and its fold.
pub struct Example {
    pub x: Vec<(u32, f32)>,
    pub y: usize,
    pub signals: Signals,
    pub fold: u64,
    pub doc_id: String,
}

/// The labelled records of the training part, with their targets as byte spans.
pub fn read(file: &str) -> Vec<(StanceRecord, Span, usize)> {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut records = Vec::new();
    for line in text.lines() {
        let Ok(r) = serde_json::from_str::<StanceRecord>(line) else {
            continue;
        };
        let y = match r.polarity.as_deref() {
            Some("support") => 0,
            Some("oppose") => 1,
            Some("neutral") => 2,
            _ => continue,
        };
        let Ok(span) = st::target_bytes(&r) else {
            continue;
        };
        if !st::is_held_out(&r.doc_id) {
            records.push((r, span, y));
        }
    }
    records
}

/// Word forms written in lowercase at least twice (each distinct text counted once).
pub fn vocabulary(records: &[(StanceRecord, Span, usize)]) -> HashMap<String, usize> {
    let lex = Lexicon::builtin();
    let mut texts: Vec<&str> = records.iter().map(|(r, _, _)| r.text.as_str()).collect();
    texts.sort_unstable();
    texts.dedup();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for t in texts {
        let seg = segment::segment(t, Span::new(0, t.len()), lex);
        for tok in &seg.tokens {
            if let Some(w) = stance::features::common_form(tok) {
                *counts.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    counts.retain(|_, n| *n >= 2);
    counts
}

/// The records as sparse examples over the features seen in at least `min_df` records
/// (interned in order of first appearance), and the features' names.
pub fn encode(
    records: &[(StanceRecord, Span, usize)],
    vocab: &HashMap<String, usize>,
    folds: u64,
    min_df: usize,
    drop: &[String],
) -> (Vec<Example>, Vec<String>) {
    let known = |w: &str| vocab.contains_key(w);
    let named: Vec<Vec<(String, f32)>> = records
        .iter()
        .map(|(r, span, _)| {
            let mut f = stance::training_features(&r.text, *span, &known);
            f.retain(|(n, _)| !drop.iter().any(|d| n.starts_with(d.as_str())));
            f
        })
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for f in &named {
        let mut seen: Vec<&str> = f.iter().map(|(n, _)| n.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        for n in seen {
            *df.entry(n).or_default() += 1;
        }
    }
    let mut index: HashMap<&str, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut examples = Vec::with_capacity(records.len());
    for (f, (r, span, y)) in named.iter().zip(records) {
        let mut x: Vec<(u32, f32)> = Vec::new();
        for (n, v) in f.iter().filter(|(n, _)| df[n.as_str()] >= min_df) {
            let i = *index.entry(n).or_insert_with(|| {
                names.push(n.clone());
                names.len() as u32 - 1
            });
            match x.iter_mut().find(|(j, _)| *j == i) {
                Some(e) => e.1 += v,
                None => x.push((i, *v)),
            }
        }
        examples.push(Example {
            x,
            y: *y,
            signals: stance::judge_signals(&r.text, *span),
            fold: stable_hash(&format!("{}#cv", st::article_key(&r.doc_id))) % folds,
            doc_id: r.doc_id.clone(),
        });
    }
    (examples, names)
}
