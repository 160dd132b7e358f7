//! A Barnes–Hut quadtree: the repulsion of all points on one point in O(log n).
//!
//! Takes points with masses; gives, for any point, the sum of `mass_i * mass_j / distance`
//! pushes from every other point, with far groups of points taken as one body at their centre of
//! mass when `cell size / distance < THETA`. Built in O(n log n); points that coincide share a
//! leaf (and push one another along a direction fixed by their index, so results are
//! deterministic).

/// Accuracy of the approximation: larger is faster and coarser.
const THETA: f64 = 0.9;
/// Below this depth cells stop splitting (coincident points share the last cell).
const MAX_DEPTH: u32 = 24;

#[derive(Debug, Clone)]
struct Cell {
    /// Lower corner and side of the square.
    x0: f64,
    y0: f64,
    size: f64,
    mass: f64,
    /// Mass-weighted sums of positions (centre of mass = sum / mass).
    sx: f64,
    sy: f64,
    /// Children (index into `cells`; 0 = none) once split.
    children: [usize; 4],
    /// The points of a leaf.
    points: Vec<usize>,
}

impl Cell {
    fn new(x0: f64, y0: f64, size: f64) -> Cell {
        Cell {
            x0,
            y0,
            size,
            mass: 0.0,
            sx: 0.0,
            sy: 0.0,
            children: [0; 4],
            points: Vec::new(),
        }
    }

    fn is_leaf(&self) -> bool {
        self.children == [0; 4]
    }

    fn quadrant(&self, x: f64, y: f64) -> usize {
        let h = self.size / 2.0;
        usize::from(x >= self.x0 + h) + 2 * usize::from(y >= self.y0 + h)
    }
}

pub(super) struct QuadTree<'a> {
    cells: Vec<Cell>,
    xs: &'a [f64],
    ys: &'a [f64],
    masses: &'a [f64],
}

impl<'a> QuadTree<'a> {
    pub(super) fn new(xs: &'a [f64], ys: &'a [f64], masses: &'a [f64]) -> QuadTree<'a> {
        let (mut lo_x, mut lo_y, mut hi_x, mut hi_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (&x, &y) in xs.iter().zip(ys) {
            lo_x = lo_x.min(x);
            lo_y = lo_y.min(y);
            hi_x = hi_x.max(x);
            hi_y = hi_y.max(y);
        }
        let size = (hi_x - lo_x).max(hi_y - lo_y).max(1.0) * 1.0001;
        let mut t = QuadTree {
            cells: vec![Cell::new(lo_x, lo_y, size)],
            xs,
            ys,
            masses,
        };
        for i in 0..xs.len() {
            t.insert(i);
        }
        t
    }

    fn insert(&mut self, i: usize) {
        let (x, y, m) = (self.xs[i], self.ys[i], self.masses[i]);
        let mut c = 0;
        let mut depth = 0;
        loop {
            let cell = &mut self.cells[c];
            cell.mass += m;
            cell.sx += m * x;
            cell.sy += m * y;
            if cell.is_leaf() {
                if cell.points.is_empty() || depth >= MAX_DEPTH {
                    cell.points.push(i);
                    return;
                }
                // Split: move the leaf's points one level down, then go on with `i`.
                let old = std::mem::take(&mut cell.points);
                self.split(c);
                for p in old {
                    let q = self.cells[c].quadrant(self.xs[p], self.ys[p]);
                    let child = self.cells[c].children[q];
                    self.add_only(child, p);
                }
            }
            let q = self.cells[c].quadrant(x, y);
            c = self.cells[c].children[q];
            depth += 1;
        }
    }

    /// Adds a point to a fresh (empty) leaf child during a split.
    fn add_only(&mut self, c: usize, p: usize) {
        let m = self.masses[p];
        let cell = &mut self.cells[c];
        cell.mass += m;
        cell.sx += m * self.xs[p];
        cell.sy += m * self.ys[p];
        cell.points.push(p);
    }

    fn split(&mut self, c: usize) {
        let (x0, y0, h) = {
            let cell = &self.cells[c];
            (cell.x0, cell.y0, cell.size / 2.0)
        };
        for q in 0..4 {
            let child = Cell::new(x0 + h * (q % 2) as f64, y0 + h * (q / 2) as f64, h);
            self.cells.push(child);
            self.cells[c].children[q] = self.cells.len() - 1;
        }
    }

    /// The summed push `(fx, fy)` on point `i` from every other point: `strength * m_i * m_j /
    /// d` along the line from j to i.
    pub(super) fn repulsion(&self, i: usize, strength: f64) -> (f64, f64) {
        let (x, y, mi) = (self.xs[i], self.ys[i], self.masses[i]);
        let (mut fx, mut fy) = (0.0, 0.0);
        let mut stack = vec![0usize];
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c];
            if cell.mass <= 0.0 {
                continue;
            }
            if cell.is_leaf() {
                for &j in cell.points.iter().filter(|&&j| j != i) {
                    let (px, py) = push(x - self.xs[j], y - self.ys[j], i, j);
                    let f = strength * mi * self.masses[j];
                    fx += f * px;
                    fy += f * py;
                }
                continue;
            }
            let (cx, cy) = (cell.sx / cell.mass, cell.sy / cell.mass);
            let (dx, dy) = (x - cx, y - cy);
            let d2 = dx * dx + dy * dy;
            let inside =
                x >= cell.x0 && x < cell.x0 + cell.size && y >= cell.y0 && y < cell.y0 + cell.size;
            if !inside && cell.size * cell.size < THETA * THETA * d2 {
                // Far away: the whole cell as one body.
                let f = strength * mi * cell.mass / d2;
                fx += f * dx;
                fy += f * dy;
            } else {
                stack.extend(cell.children.iter().copied().filter(|&k| k != 0));
            }
        }
        (fx, fy)
    }
}

/// The vector `(dx, dy) / d²` (a push of size 1/d), or a fixed small push for coincident points.
fn push(dx: f64, dy: f64, i: usize, j: usize) -> (f64, f64) {
    let d2 = dx * dx + dy * dy;
    if d2 > 1e-6 {
        return (dx / d2, dy / d2);
    }
    let angle = (i * 7919 + j * 104729) as f64 * 0.618_033_988_75 * std::f64::consts::TAU;
    let sign = if i < j { 1.0 } else { -1.0 };
    (sign * angle.cos(), sign * angle.sin())
}

#[cfg(test)]
mod tests {
    use super::QuadTree;

    /// The exact sum, for comparison.
    fn direct(xs: &[f64], ys: &[f64], i: usize) -> (f64, f64) {
        let (mut fx, mut fy) = (0.0, 0.0);
        for j in (0..xs.len()).filter(|&j| j != i) {
            let (dx, dy) = (xs[i] - xs[j], ys[i] - ys[j]);
            let d2 = dx * dx + dy * dy;
            fx += dx / d2;
            fy += dy / d2;
        }
        (fx, fy)
    }

    #[test]
    fn approximation_is_close_to_the_exact_sum() {
        let n = 400;
        let xs: Vec<f64> = (0..n).map(|i| ((i * 37) % 101) as f64 * 3.1).collect();
        let ys: Vec<f64> = (0..n).map(|i| ((i * 53) % 97) as f64 * 2.7).collect();
        let ms = vec![1.0; n];
        let t = QuadTree::new(&xs, &ys, &ms);
        for i in [0, 17, 199, 399] {
            let (ax, ay) = t.repulsion(i, 1.0);
            let (ex, ey) = direct(&xs, &ys, i);
            let err = ((ax - ex).powi(2) + (ay - ey).powi(2)).sqrt();
            let size = (ex * ex + ey * ey).sqrt().max(1e-9);
            assert!(err / size < 0.25, "point {i}: {err} vs {size}");
        }
    }

    #[test]
    fn coincident_points_push_apart_without_nan() {
        let xs = [5.0, 5.0, 5.0];
        let ys = [1.0, 1.0, 1.0];
        let ms = [1.0, 1.0, 1.0];
        let t = QuadTree::new(&xs, &ys, &ms);
        for i in 0..3 {
            let (fx, fy) = t.repulsion(i, 1.0);
            assert!(fx.is_finite() && fy.is_finite() && (fx != 0.0 || fy != 0.0));
        }
    }
}
