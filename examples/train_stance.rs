//! Trains the stance model (`data/stance_model.txt`) on a stance file's training part.
//!
//! ```sh
//! cargo run --release --example train_stance -- ../shared/eval/newsmtsc.train.stance.jsonl \
//!     [--out data/stance_model.txt] [--c 0.02,0.05,0.1] [--folds 5]
//! ```
//!
//! Reads the records (format: `shared/eval/README.md`), leaves out the held-out part
//! (`quotegraph::eval::stance::is_held_out`, about 20 % of the articles) without looking at it,
//! builds the vocabulary of common words (forms written in lowercase at least twice), takes the
//! features of each record exactly as the library computes them
//! (`quotegraph::stance::training_features`), keeps those seen in at least two records, picks
//! the L2 strength C by cross-validation over article-grouped folds of the training part (mean
//! macro-F1, decided as the library decides), fits a multinomial logistic regression with
//! L-BFGS on the whole training part, and writes the weights. Single-threaded, no randomness:
//! the same file gives the same model.

use std::collections::HashMap;
use std::io::Write;

use quotegraph::eval::stance::{self as st, StancePrediction, StanceRecord};
use quotegraph::lexicon::Lexicon;
use quotegraph::segment;
use quotegraph::stance::{self, features::Signals, model};
use quotegraph::text::{stable_hash, Span};

/// One training example: sparse features (index, value) and the class (0 support, 1 oppose,
/// 2 neutral), with what the rules said (the decision needs it).
struct Example {
    x: Vec<(u32, f32)>,
    y: usize,
    signals: Signals,
    fold: u64,
    doc_id: String,
}

struct Args {
    file: String,
    out: String,
    cs: Vec<f64>,
    folds: u64,
}

fn args() -> Args {
    let mut a = Args {
        file: "../shared/eval/newsmtsc.train.stance.jsonl".into(),
        out: "data/stance_model.txt".into(),
        cs: vec![0.02, 0.035, 0.05, 0.07, 0.1],
        folds: 5,
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--out" => a.out = it.next().expect("--out FILE"),
            "--c" => {
                a.cs = it
                    .next()
                    .expect("--c LIST")
                    .split(',')
                    .map(|c| c.parse().expect("a number"))
                    .collect()
            }
            "--folds" => a.folds = it.next().and_then(|f| f.parse().ok()).expect("--folds N"),
            _ => a.file = x,
        }
    }
    a
}

fn main() {
    let a = args();
    let records = read(&a.file);
    eprintln!(
        "{} training records (held-out part left out)",
        records.len()
    );
    let vocab = vocabulary(&records);
    let (examples, names) = encode(&records, &vocab, a.folds);
    let nf = names.len();
    eprintln!("{} words in the vocabulary, {nf} features", vocab.len());
    report_rules(&examples);
    let (cv, c) = choose_c(&examples, nf, &a.cs, a.folds);
    let all: Vec<&Example> = examples.iter().collect();
    let w = fit(&all, nf, c);
    let fitted: Vec<[f32; 3]> = examples
        .iter()
        .map(|e| model::softmax(scores(e, &w).map(|z| z as f32)))
        .collect();
    eprintln!(
        "C = {c}: macro-F1 on the training part {:.4}",
        macro_f1(&examples, &fitted, stance::POLICY)
    );
    let weights: Vec<(String, [f32; 3])> = names
        .iter()
        .enumerate()
        .map(|(j, n)| (n.clone(), [0, 1, 2].map(|k| w[j * 3 + k] as f32)))
        .filter(|(_, w)| w.iter().any(|x| x.abs() >= 5e-4))
        .collect();
    let mut words: Vec<String> = vocab.into_keys().collect();
    words.sort();
    let header = format!(
        "quotegraph stance model: multinomial logistic regression (classes support, oppose, neutral)\n\
         trained by examples/train_stance.rs on the training part of {} ({} records; the held-out\n\
         part of eval::stance::is_held_out left out), L2 C = {c}, {}-fold cross-validated macro-F1 {cv:.4}.\n\
         Features: src/stance/features.rs. Regenerate: cargo run --release --example train_stance -- FILE",
        std::path::Path::new(&a.file)
            .file_name()
            .map_or(a.file.clone(), |n| n.to_string_lossy().into()),
        records.len(),
        a.folds
    );
    let text = model::format_model(&header, &words, &weights);
    let tmp = format!("{}.tmp", a.out);
    std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .and_then(|()| std::fs::rename(&tmp, &a.out))
        .unwrap_or_else(|e| panic!("{}: {e}", a.out));
    eprintln!(
        "wrote {} ({} weights, {} bytes)",
        a.out,
        weights.len(),
        text.len()
    );
}

/// The labelled records of the training part, with their targets as byte spans.
fn read(file: &str) -> Vec<(StanceRecord, Span, usize)> {
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

/// The records as sparse examples over the features seen in at least two records (interned
/// in order of first appearance), and the features' names.
fn encode(
    records: &[(StanceRecord, Span, usize)],
    vocab: &HashMap<String, usize>,
    folds: u64,
) -> (Vec<Example>, Vec<String>) {
    let known = |w: &str| vocab.contains_key(w);
    let named: Vec<Vec<(String, f32)>> = records
        .iter()
        .map(|(r, span, _)| stance::training_features(&r.text, *span, &known))
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
        for (n, v) in f.iter().filter(|(n, _)| df[n.as_str()] >= 2) {
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

/// How often each rule family's sign is the gold polarity where it fires.
fn report_rules(examples: &[Example]) {
    for (name, get) in [
        (
            "lexicon rules",
            (|s: &Signals| s.rules) as fn(&Signals) -> f32,
        ),
        ("reported judgements", |s: &Signals| s.reported),
    ] {
        let fired: Vec<&Example> = examples.iter().filter(|e| get(&e.signals) != 0.0).collect();
        let right = fired
            .iter()
            .filter(|e| e.y == if get(&e.signals) > 0.0 { 0 } else { 1 })
            .count();
        eprintln!(
            "{name}: fire on {} records, their sign is the gold polarity on {right}",
            fired.len()
        );
    }
}

/// The L2 strength with the best cross-validated macro-F1 (and that figure); prints each, and
/// the decision policies on the best one's out-of-fold probabilities.
fn choose_c(examples: &[Example], nf: usize, cs: &[f64], folds: u64) -> (f64, f64) {
    let mut best = (f64::NEG_INFINITY, cs[0], Vec::new());
    for &c in cs {
        // Out-of-fold probabilities of every training record.
        let mut oof = vec![[0.0f32; 3]; examples.len()];
        for k in 0..folds {
            let train: Vec<&Example> = examples.iter().filter(|e| e.fold != k).collect();
            let w = fit(&train, nf, c);
            for (i, e) in examples.iter().enumerate().filter(|(_, e)| e.fold == k) {
                oof[i] = model::softmax(scores(e, &w).map(|z| z as f32));
            }
        }
        let f1 = macro_f1(examples, &oof, stance::POLICY);
        eprintln!("C = {c}: cross-validated macro-F1 {f1:.4}");
        if f1 > best.0 {
            best = (f1, c, oof);
        }
    }
    eprintln!(
        "the rules overrule the model below (reported, lexicon rules): cross-validated macro-F1"
    );
    for reported_below in [0.0, 0.5, 0.6, 0.7, 2.0] {
        for rules_below in [0.0, 0.4, 0.5, 0.6, 2.0] {
            let p = stance::Policy {
                reported_below,
                rules_below,
            };
            eprintln!(
                "  {reported_below} {rules_below}: {:.4}",
                macro_f1(examples, &best.2, p)
            );
        }
    }
    (best.0, best.1)
}

/// Word forms written in lowercase at least twice (each distinct text counted once).
fn vocabulary(records: &[(StanceRecord, Span, usize)]) -> HashMap<String, usize> {
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

/// Macro-F1 of the probabilities `probs` of `examples`, deciding as the library decides under
/// `policy`.
fn macro_f1(examples: &[Example], probs: &[[f32; 3]], policy: stance::Policy) -> f64 {
    let preds: Vec<StancePrediction> = examples
        .iter()
        .zip(probs)
        .map(|(e, p)| StancePrediction {
            doc_id: e.doc_id.clone(),
            polarity: Some(
                stance::decide_with(policy, *p, e.signals)
                    .polarity
                    .as_str()
                    .into(),
            ),
        })
        .collect();
    let label = ["support", "oppose", "neutral"];
    st::score(
        examples.iter().map(|e| (e.doc_id.as_str(), label[e.y])),
        &preds,
    )
    .macro_f1
}

fn scores(e: &Example, w: &[f64]) -> [f64; 3] {
    let mut z = [0.0; 3];
    for &(j, v) in &e.x {
        for (k, z) in z.iter_mut().enumerate() {
            *z += w[j as usize * 3 + k] * f64::from(v);
        }
    }
    z
}

/// Cross-entropy plus `|w|² / 2C`, and its gradient.
fn loss(data: &[&Example], w: &[f64], c: f64, grad: &mut [f64]) -> f64 {
    let mut f = 0.0;
    for (g, w) in grad.iter_mut().zip(w) {
        *g = w / c;
        f += w * w / (2.0 * c);
    }
    for e in data {
        let z = scores(e, w);
        let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let sum: f64 = z.iter().map(|z| (z - m).exp()).sum();
        f += m + sum.ln() - z[e.y];
        for k in 0..3 {
            let d = (z[k] - m).exp() / sum - if k == e.y { 1.0 } else { 0.0 };
            for &(j, v) in &e.x {
                grad[j as usize * 3 + k] += d * f64::from(v);
            }
        }
    }
    f
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Minimises [`loss`] with L-BFGS (10 corrections, backtracking line search).
fn fit(data: &[&Example], nf: usize, c: f64) -> Vec<f64> {
    let n = nf * 3;
    let mut w = vec![0.0; n];
    let mut g = vec![0.0; n];
    let mut f = loss(data, &w, c, &mut g);
    let mut hist: Vec<(Vec<f64>, Vec<f64>, f64)> = Vec::new();
    let mut g_new = vec![0.0; n];
    for _ in 0..400 {
        // Two-loop recursion: d = -H g.
        let mut d: Vec<f64> = g.iter().map(|x| -x).collect();
        let mut alphas = Vec::with_capacity(hist.len());
        for (s, y, rho) in hist.iter().rev() {
            let a = rho * dot(s, &d);
            d.iter_mut().zip(y).for_each(|(d, y)| *d -= a * y);
            alphas.push(a);
        }
        if let Some((s, y, _)) = hist.last() {
            let gamma = dot(s, y) / dot(y, y);
            d.iter_mut().for_each(|d| *d *= gamma);
        } else {
            let norm = dot(&g, &g).sqrt().max(1e-12);
            d.iter_mut().for_each(|d| *d /= norm);
        }
        for ((s, y, rho), a) in hist.iter().zip(alphas.iter().rev()) {
            let b = rho * dot(y, &d);
            d.iter_mut().zip(s).for_each(|(d, s)| *d += (a - b) * s);
        }
        let slope = dot(&g, &d);
        if slope >= 0.0 {
            break;
        }
        let mut step = 1.0;
        let mut w_new;
        let mut f_new;
        loop {
            w_new = w
                .iter()
                .zip(&d)
                .map(|(w, d)| w + step * d)
                .collect::<Vec<_>>();
            f_new = loss(data, &w_new, c, &mut g_new);
            if f_new <= f + 1e-4 * step * slope || step < 1e-10 {
                break;
            }
            step *= 0.5;
        }
        let s: Vec<f64> = w_new.iter().zip(&w).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = g_new.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        if sy > 1e-12 {
            hist.push((s, y, 1.0 / sy));
            if hist.len() > 10 {
                hist.remove(0);
            }
        }
        let done = (f - f_new).abs() <= 1e-7 * f.abs().max(1.0);
        w = w_new;
        f = f_new;
        std::mem::swap(&mut g, &mut g_new);
        if done {
            break;
        }
    }
    w
}
