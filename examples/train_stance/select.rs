//! Model choice by cross-validation over article-grouped folds: the model families, their
//! out-of-fold class scores, ensembles of them, and class offsets tuned for macro-F1.

use quotegraph::stance::{self, model};

use crate::data::Example;
use crate::fit::{self, Ex};

/// A model family and its L2 strength.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spec {
    /// Multinomial over the features as they are, or one class against the rest over the
    /// features scaled by their NB log-count ratios (NB-LR).
    pub nb: bool,
    pub c: f64,
}

impl std::fmt::Display for Spec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} C={}",
            if self.nb { "nb-ovr" } else { "multi" },
            self.c
        )
    }
}

/// How training examples are weighted and which features NB scales.
pub struct Setup<'a> {
    pub nf: usize,
    /// Per class: weight of an example of that class in the loss.
    pub class_weight: [f64; 3],
    /// Features NB may scale (counts of words); others keep scale 1.
    pub scalable: &'a [bool],
}

/// Weights of `spec` fitted on `train`, folded into one (feature × class) matrix, row-major.
pub fn train(train: &[&Example], spec: Spec, s: &Setup) -> Vec<f64> {
    let data: Vec<Ex> = train
        .iter()
        .map(|e| Ex {
            x: &e.x,
            y: e.y,
            w: s.class_weight[e.y],
        })
        .collect();
    if !spec.nb {
        return fit::multinomial(&data, s.nf, spec.c);
    }
    let mut w = vec![0.0; s.nf * 3];
    for k in 0..3 {
        let r = nb_ratios(&data, s, k);
        let wk = fit::one_vs_rest(&data, s.nf, spec.c, k, &r);
        for j in 0..s.nf {
            w[j * 3 + k] = wk[j] * r[j];
        }
    }
    w
}

/// NB log-count ratios of class `k` against the rest (add-one smoothing), 1 for features
/// that are not counts.
fn nb_ratios(data: &[Ex], s: &Setup, k: usize) -> Vec<f64> {
    let (mut p, mut q) = (vec![1.0f64; s.nf], vec![1.0f64; s.nf]);
    for e in data {
        let side = if e.y == k { &mut p } else { &mut q };
        for &(j, v) in e.x {
            side[j as usize] += f64::from(v.abs());
        }
    }
    let (sp, sq): (f64, f64) = (p.iter().sum(), q.iter().sum());
    (0..s.nf)
        .map(|j| {
            if s.scalable[j] {
                ((p[j] / sp) / (q[j] / sq)).ln()
            } else {
                1.0
            }
        })
        .collect()
}

/// Out-of-fold class scores of every example under `spec`.
pub fn oof(examples: &[Example], spec: Spec, s: &Setup, folds: u64) -> Vec<[f64; 3]> {
    let mut out = vec![[0.0; 3]; examples.len()];
    for k in 0..folds {
        let rest: Vec<&Example> = examples.iter().filter(|e| e.fold != k).collect();
        let w = train(&rest, spec, s);
        for (i, e) in examples.iter().enumerate().filter(|(_, e)| e.fold == k) {
            out[i] = fit::scores(&e.x, &w);
        }
    }
    out
}

/// The probabilities of class scores shifted by `offset`.
pub fn probs(z: [f64; 3], offset: [f64; 3]) -> [f32; 3] {
    model::softmax([0, 1, 2].map(|k| (z[k] + offset[k]) as f32))
}

/// Macro-F1 of the examples `which` (all when `None`) with class scores `z` shifted by
/// `offset`, decided as the library decides under `policy` (doc ids are unique in the
/// training part, so this is `eval::stance::score`'s figure, unrounded).
pub fn macro_f1(
    examples: &[Example],
    z: &[[f64; 3]],
    offset: [f64; 3],
    policy: stance::Policy,
    which: Option<&dyn Fn(&Example) -> bool>,
) -> f64 {
    f1_by_class(examples, z, offset, policy, which)
        .iter()
        .sum::<f64>()
        / 3.0
}

/// F1 of support, oppose and neutral, as [`macro_f1`] decides.
pub fn f1_by_class(
    examples: &[Example],
    z: &[[f64; 3]],
    offset: [f64; 3],
    policy: stance::Policy,
    which: Option<&dyn Fn(&Example) -> bool>,
) -> [f64; 3] {
    // confusion[gold][predicted]
    let mut confusion = [[0usize; 3]; 3];
    for (e, z) in examples.iter().zip(z) {
        if which.is_none_or(|f| f(e)) {
            let p = stance::decide_with(policy, probs(*z, offset), e.signals).polarity;
            let k = model::CLASSES.iter().position(|c| *c == p).unwrap_or(2);
            confusion[e.y][k] += 1;
        }
    }
    let f1 = |k: usize| {
        let tp = confusion[k][k] as f64;
        let predicted: usize = (0..3).map(|g| confusion[g][k]).sum();
        let gold: usize = confusion[k].iter().sum();
        if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (predicted + gold) as f64
        }
    };
    [f1(0), f1(1), f1(2)]
}

/// The offsets of support and oppose (neutral stays 0) that give the best macro-F1 on the
/// examples `which`, on a grid of steps of 0.1 within ±0.5.
pub fn best_offset(
    examples: &[Example],
    z: &[[f64; 3]],
    which: Option<&dyn Fn(&Example) -> bool>,
) -> [f64; 3] {
    let grid: Vec<f64> = (-5..=5).map(|i| f64::from(i) * 0.1).collect();
    let mut best = (f64::NEG_INFINITY, f64::INFINITY, [0.0f64; 3]);
    for &a in &grid {
        for &b in &grid {
            let o = [a, b, 0.0];
            let f = macro_f1(examples, z, o, stance::POLICY, which);
            // Ties go to the smaller shift.
            let size = a.abs() + b.abs();
            if f > best.0 || (f == best.0 && size < best.1) {
                best = (f, size, o);
            }
        }
    }
    best.2
}

/// Macro-F1 of offsets tuned without the fold they are applied to: each fold's examples are
/// decided with the offsets best on the other folds (an honest figure for tuning).
pub fn nested_offset_f1(examples: &[Example], z: &[[f64; 3]], folds: u64) -> f64 {
    let mut shifted = z.to_vec();
    for k in 0..folds {
        let others = move |e: &Example| e.fold != k;
        let o = best_offset(examples, z, Some(&others));
        for (i, e) in examples.iter().enumerate() {
            if e.fold == k {
                shifted[i] = [0, 1, 2].map(|c| z[i][c] + o[c]);
            }
        }
    }
    macro_f1(examples, &shifted, [0.0; 3], stance::POLICY, None)
}

/// The mean of several members' class scores.
pub fn mean(members: &[&[[f64; 3]]]) -> Vec<[f64; 3]> {
    let n = members.len() as f64;
    (0..members[0].len())
        .map(|i| [0, 1, 2].map(|k| members.iter().map(|m| m[i][k]).sum::<f64>() / n))
        .collect()
}
