//! Overlap removal: boxes (a node with its label) pushed apart until none overlap.
//!
//! Takes box centres and sizes; moves centres. Each pass finds overlapping pairs through a grid
//! whose cells are as large as the largest box (so only the 3 × 3 cells around a box can hold a
//! box that overlaps it), and separates each pair along the axis where they overlap least. Passes
//! stop when no pair overlaps or after a fixed budget. O(n) per pass when boxes are spread out.

use rustc_hash::FxHashMap;

/// Pushes boxes apart; `gap` is the free space kept around every box. Returns the number of
/// passes made.
pub(super) fn remove(
    xs: &mut [f64],
    ys: &mut [f64],
    w: &[f64],
    h: &[f64],
    gap: f64,
    max_passes: usize,
) -> usize {
    let n = xs.len();
    let cell = w.iter().chain(h).fold(1.0_f64, |m, &v| m.max(v + gap));
    for pass in 0..max_passes {
        let key = |x: f64, y: f64| ((x / cell).floor() as i64, (y / cell).floor() as i64);
        let mut grid: FxHashMap<(i64, i64), Vec<usize>> = FxHashMap::default();
        for i in 0..n {
            grid.entry(key(xs[i], ys[i])).or_default().push(i);
        }
        let mut moved = false;
        for i in 0..n {
            let (cx, cy) = key(xs[i], ys[i]);
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    let Some(cell_items) = grid.get(&(gx, gy)) else {
                        continue;
                    };
                    for &j in cell_items.iter().filter(|&&j| j > i) {
                        moved |= separate(i, j, xs, ys, w, h, gap);
                    }
                }
            }
        }
        if !moved {
            return pass;
        }
    }
    max_passes
}

/// Separates boxes `i` and `j` if they overlap (each moves half the way); true if they did.
fn separate(
    i: usize,
    j: usize,
    xs: &mut [f64],
    ys: &mut [f64],
    w: &[f64],
    h: &[f64],
    gap: f64,
) -> bool {
    let dx = xs[j] - xs[i];
    let dy = ys[j] - ys[i];
    let ox = (w[i] + w[j]) / 2.0 + gap - dx.abs();
    let oy = (h[i] + h[j]) / 2.0 + gap - dy.abs();
    if ox <= 0.0 || oy <= 0.0 {
        return false;
    }
    // A little more than needed, so that the pair is settled for good.
    if ox < oy {
        let s = if dx > 0.0 || (dx == 0.0 && i < j) {
            1.0
        } else {
            -1.0
        };
        xs[i] -= s * (ox / 2.0 + 0.01);
        xs[j] += s * (ox / 2.0 + 0.01);
    } else {
        let s = if dy > 0.0 || (dy == 0.0 && i < j) {
            1.0
        } else {
            -1.0
        };
        ys[i] -= s * (oy / 2.0 + 0.01);
        ys[j] += s * (oy / 2.0 + 0.01);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::remove;

    fn overlaps(xs: &[f64], ys: &[f64], w: &[f64], h: &[f64]) -> usize {
        let mut k = 0;
        for i in 0..xs.len() {
            for j in i + 1..xs.len() {
                if (xs[i] - xs[j]).abs() < (w[i] + w[j]) / 2.0
                    && (ys[i] - ys[j]).abs() < (h[i] + h[j]) / 2.0
                {
                    k += 1;
                }
            }
        }
        k
    }

    #[test]
    fn boxes_end_apart() {
        let cases: Vec<(Vec<f64>, Vec<f64>)> = vec![
            // All on one spot.
            (vec![0.0; 12], vec![0.0; 12]),
            // A tight row.
            ((0..30).map(|i| i as f64 * 3.0).collect(), vec![5.0; 30]),
            // A crowded square.
            (
                (0..64).map(|i| (i % 8) as f64 * 10.0).collect(),
                (0..64).map(|i| (i / 8) as f64 * 6.0).collect(),
            ),
        ];
        for (mut xs, mut ys) in cases {
            let n = xs.len();
            let w: Vec<f64> = (0..n).map(|i| 40.0 + (i % 5) as f64 * 20.0).collect();
            let h = vec![24.0; n];
            remove(&mut xs, &mut ys, &w, &h, 2.0, 500);
            assert_eq!(overlaps(&xs, &ys, &w, &h), 0, "{n} boxes");
        }
    }
}
