//! Fitting: the losses (multinomial, and one class against the rest) and L-BFGS.
//!
//! Deterministic: single-threaded, no randomness, sums in a fixed order.

/// One training example: sparse features (index, value), the class (0 support, 1 oppose,
/// 2 neutral) and its weight in the loss.
pub struct Ex<'a> {
    pub x: &'a [(u32, f32)],
    pub y: usize,
    pub w: f64,
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Class scores of a multinomial model.
pub fn scores(x: &[(u32, f32)], w: &[f64]) -> [f64; 3] {
    let mut z = [0.0; 3];
    for &(j, v) in x {
        for (k, z) in z.iter_mut().enumerate() {
            *z += w[j as usize * 3 + k] * f64::from(v);
        }
    }
    z
}

/// Multinomial logistic regression: weighted cross-entropy plus `|w|² / 2C`.
pub fn multinomial(data: &[Ex], nf: usize, c: f64) -> Vec<f64> {
    lbfgs(nf * 3, |w, grad| {
        let mut f = l2(w, c, grad);
        for e in data {
            let z = scores(e.x, w);
            let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let sum: f64 = z.iter().map(|z| (z - m).exp()).sum();
            f += e.w * (m + sum.ln() - z[e.y]);
            for k in 0..3 {
                let d = e.w * ((z[k] - m).exp() / sum - if k == e.y { 1.0 } else { 0.0 });
                for &(j, v) in e.x {
                    grad[j as usize * 3 + k] += d * f64::from(v);
                }
            }
        }
        f
    })
}

/// Binary logistic regression of `class` against the rest over features scaled by `scale`
/// (NB log-count ratios, or 1): weighted log-loss plus `|w|² / 2C`.
pub fn one_vs_rest(data: &[Ex], nf: usize, c: f64, class: usize, scale: &[f64]) -> Vec<f64> {
    lbfgs(nf, |w, grad| {
        let mut f = l2(w, c, grad);
        for e in data {
            let z: f64 =
                e.x.iter()
                    .map(|&(j, v)| w[j as usize] * scale[j as usize] * f64::from(v))
                    .sum();
            let y = if e.y == class { 1.0 } else { -1.0 };
            // log(1 + exp(-y z)), stably.
            let m = -y * z;
            f += e.w
                * if m > 0.0 {
                    m + (-m).exp().ln_1p()
                } else {
                    m.exp().ln_1p()
                };
            let d = e.w * -y / (1.0 + (y * z).exp());
            for &(j, v) in e.x {
                grad[j as usize] += d * scale[j as usize] * f64::from(v);
            }
        }
        f
    })
}

fn l2(w: &[f64], c: f64, grad: &mut [f64]) -> f64 {
    let mut f = 0.0;
    for (g, w) in grad.iter_mut().zip(w) {
        *g = w / c;
        f += w * w / (2.0 * c);
    }
    f
}

/// Minimises `f` (which writes its gradient) with L-BFGS (10 corrections, backtracking line
/// search), from zero.
pub fn lbfgs(n: usize, mut loss: impl FnMut(&[f64], &mut [f64]) -> f64) -> Vec<f64> {
    let mut w = vec![0.0; n];
    let mut g = vec![0.0; n];
    let mut f = loss(&w, &mut g);
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
            f_new = loss(&w_new, &mut g_new);
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
