//! Trains the stance model (`data/stance_model.bin`) on a stance file's training part.
//!
//! ```sh
//! cargo run --release --example train_stance -- ../shared/eval/newsmtsc.train.stance.jsonl \
//!     [--out data/stance_model.bin] [--c 0.02,0.05,0.1] [--nb-c 0.05,0.1,0.2,0.3] [--folds 5] \
//!     [--min-df 2] [--unbalanced] [--drop PREFIX,...]
//! ```
//!
//! Reads the records (format: `shared/eval/README.md`), leaves out the held-out part
//! (`quotegraph::eval::stance::is_held_out`, about 20 % of the articles) without looking at it,
//! builds the vocabulary of common words (forms written in lowercase at least twice), takes the
//! features of each record exactly as the library computes them
//! (`quotegraph::stance::training_features`), keeps those seen in at least two records, and
//! chooses the model by cross-validation over article-grouped folds of the training part (mean
//! macro-F1, decided as the library decides). The loss weighs each class as much as the others
//! (class-balanced, for macro-F1; `--unbalanced` to weigh each record alike). Single-threaded, no randomness: the same file
//! gives the same model.

mod data;
mod fit;
mod select;

use std::io::Write;

use quotegraph::stance::{self, features::Signals, model};

use data::Example;
use select::{Setup, Spec};

struct Args {
    file: String,
    out: String,
    cs: Vec<f64>,
    nb_cs: Vec<f64>,
    folds: u64,
    min_df: usize,
    balanced: bool,
    drop: Vec<String>,
}

fn list(s: Option<String>) -> Vec<f64> {
    s.expect("a list")
        .split(',')
        .filter(|c| !c.is_empty())
        .map(|c| c.parse().expect("a number"))
        .collect()
}

fn args() -> Args {
    let mut a = Args {
        file: "../shared/eval/newsmtsc.train.stance.jsonl".into(),
        out: "data/stance_model.bin".into(),
        cs: vec![0.02, 0.05, 0.1],
        nb_cs: vec![0.05, 0.1, 0.2, 0.3],
        folds: 5,
        min_df: 2,
        balanced: true,
        drop: vec![],
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--out" => a.out = it.next().expect("--out FILE"),
            "--c" => a.cs = list(it.next()),
            "--nb-c" => a.nb_cs = list(it.next()),
            "--folds" => a.folds = it.next().and_then(|f| f.parse().ok()).expect("--folds N"),
            "--min-df" => a.min_df = it.next().and_then(|f| f.parse().ok()).expect("--min-df N"),
            "--unbalanced" => a.balanced = false,
            "--drop" => {
                a.drop = it
                    .next()
                    .expect("--drop PREFIXES")
                    .split(',')
                    .map(str::to_string)
                    .collect()
            }
            _ => a.file = x,
        }
    }
    a
}

fn main() {
    let a = args();
    let records = data::read(&a.file);
    eprintln!(
        "{} training records (held-out part left out)",
        records.len()
    );
    let vocab = data::vocabulary(&records);
    let (examples, names) = data::encode(&records, &vocab, a.folds, a.min_df, &a.drop);
    let nf = names.len();
    eprintln!("{} words in the vocabulary, {nf} features", vocab.len());
    report_rules(&examples);
    let mut counts = [0usize; 3];
    examples.iter().for_each(|e| counts[e.y] += 1);
    let n = examples.len() as f64;
    let class_weight = if a.balanced {
        counts.map(|c| n / (3.0 * c as f64))
    } else {
        [1.0; 3]
    };
    let scalable: Vec<bool> = names
        .iter()
        .map(|n| {
            ["u|", "b|", "L|", "R|", "C|", "LB|", "RB|", "O|", "P|", "K|"]
                .iter()
                .any(|p| n.starts_with(p))
        })
        .collect();
    let setup = Setup {
        nf,
        class_weight,
        scalable: &scalable,
    };
    let specs: Vec<Spec> =
        a.cs.iter()
            .map(|&c| Spec { nb: false, c })
            .chain(a.nb_cs.iter().map(|&c| Spec { nb: true, c }))
            .collect();
    let (members, offset, cv) = choose(&examples, &specs, &setup, a.folds);
    let all: Vec<&Example> = examples.iter().collect();
    let fitted: Vec<Vec<f64>> = members
        .iter()
        .map(|&s| select::train(&all, s, &setup))
        .collect();
    let w: Vec<f64> = (0..nf * 3)
        .map(|i| fitted.iter().map(|f| f[i]).sum::<f64>() / fitted.len() as f64)
        .collect();
    let bias = names
        .iter()
        .position(|n| n == "bias")
        .expect("a bias feature");
    let mut weights: Vec<(String, [f32; 3])> = names
        .iter()
        .enumerate()
        .map(|(j, n)| {
            let shift = if j == bias { offset } else { [0.0; 3] };
            (
                n.clone(),
                [0, 1, 2].map(|k| (w[j * 3 + k] + shift[k]) as f32),
            )
        })
        .filter(|(_, w)| w.iter().any(|x| x.abs() >= 5e-4))
        .collect();
    weights.sort_by(|a, b| a.0.cmp(&b.0));
    let mut words: Vec<String> = vocab.into_keys().collect();
    words.sort();
    let described: Vec<String> = members.iter().map(Spec::to_string).collect();
    let header = format!(
        "quotegraph stance model: linear class scores (support, oppose, neutral), the mean of\n\
         {} fitted by examples/train_stance on the training part of {} ({} records; the held-out\n\
         part of eval::stance::is_held_out left out), class offsets {:?},\n\
         {}-fold cross-validated macro-F1 {cv:.4}.\n\
         Features: src/stance/features/. Regenerate: cargo run --release --example train_stance -- FILE",
        described.join(", "),
        std::path::Path::new(&a.file)
            .file_name()
            .map_or(a.file.clone(), |n| n.to_string_lossy().into()),
        records.len(),
        offset,
        a.folds
    );
    let bytes = model::to_bytes(&header, &words, &weights);
    let tmp = format!("{}.tmp", a.out);
    std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(&bytes))
        .and_then(|()| std::fs::rename(&tmp, &a.out))
        .unwrap_or_else(|e| panic!("{}: {e}", a.out));
    eprintln!(
        "wrote {} ({} weights, {} bytes)",
        a.out,
        weights.len(),
        bytes.len()
    );
}

/// Gain in cross-validated macro-F1 below which class offsets are not worth their shift.
const OFFSET_GAIN: f64 = 0.002;

/// The ensemble (members), class offsets and its cross-validated macro-F1: each spec's
/// out-of-fold scores, then members added greedily (with repetition, up to 6) while the
/// cross-validated macro-F1 grows, then class offsets if tuning them on the other folds
/// raises it.
fn choose(
    examples: &[Example],
    specs: &[Spec],
    setup: &Setup,
    folds: u64,
) -> (Vec<Spec>, [f64; 3], f64) {
    let oofs: Vec<Vec<[f64; 3]>> = specs
        .iter()
        .map(|&s| {
            let z = select::oof(examples, s, setup, folds);
            let per_fold: Vec<String> = (0..folds)
                .map(|k| {
                    let here = move |e: &Example| e.fold == k;
                    let f = select::macro_f1(examples, &z, [0.0; 3], stance::POLICY, Some(&here));
                    format!("{f:.3}")
                })
                .collect();
            eprintln!("{s}: by fold {}", per_fold.join(" "));
            eprintln!(
                "{s}: cross-validated macro-F1 {:.4}, with tuned offsets {:.4}",
                select::macro_f1(examples, &z, [0.0; 3], stance::POLICY, None),
                select::nested_offset_f1(examples, &z, folds)
            );
            z
        })
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    let mut best = f64::NEG_INFINITY;
    for _ in 0..6 {
        let mut step = None;
        for i in 0..specs.len() {
            let mut trial: Vec<&[[f64; 3]]> = chosen.iter().map(|&c| &oofs[c][..]).collect();
            trial.push(&oofs[i]);
            let f = select::macro_f1(
                examples,
                &select::mean(&trial),
                [0.0; 3],
                stance::POLICY,
                None,
            );
            if f > best + 1e-4 {
                best = f;
                step = Some(i);
            }
        }
        let Some(i) = step else { break };
        chosen.push(i);
        let names: Vec<String> = chosen.iter().map(|&c| specs[c].to_string()).collect();
        eprintln!("ensemble [{}]: {best:.4}", names.join(", "));
    }
    let members: Vec<&[[f64; 3]]> = chosen.iter().map(|&c| &oofs[c][..]).collect();
    let z = select::mean(&members);
    if let Ok(path) = std::env::var("STANCE_OOF") {
        let lines: Vec<String> = examples
            .iter()
            .zip(&z)
            .map(|(e, z)| {
                format!(
                    "{}\t{}\t{:.3}\t{:.3}\t{:.3}",
                    e.doc_id, e.y, z[0], z[1], z[2]
                )
            })
            .collect();
        std::fs::write(path, lines.join("\n")).expect("the out-of-fold file");
    }
    // Class offsets only when tuning them on other folds pays clearly (more than noise).
    let tuned = select::nested_offset_f1(examples, &z, folds);
    let offset = if tuned > best + OFFSET_GAIN {
        best = tuned;
        select::best_offset(examples, &z, None)
    } else {
        [0.0; 3]
    };
    let by_class = select::f1_by_class(examples, &z, offset, stance::POLICY, None);
    eprintln!("cross-validated F1 by class (support, oppose, neutral): {by_class:.4?}");
    eprintln!(
        "offsets {offset:?} (tuned fold by fold: {tuned:.4}); policies on the ensemble (reported, lexicon rules):"
    );
    for reported_below in [0.0, 0.6, 2.0] {
        for rules_below in [0.0, 0.5, 0.6, 0.7, 0.8, 2.0] {
            let p = stance::Policy {
                reported_below,
                rules_below,
            };
            eprintln!(
                "  {reported_below} {rules_below}: {:.4}",
                select::macro_f1(examples, &z, offset, p, None)
            );
        }
    }
    (chosen.iter().map(|&c| specs[c]).collect(), offset, best)
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
