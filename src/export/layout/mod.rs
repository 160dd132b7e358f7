//! Force-directed placement for the relationship map, in pure Rust.
//!
//! Takes boxes (a node with its label, in pixels, with a weight) and weighted links; gives box
//! centres on a canvas that starts at (0, 0), with no two boxes overlapping. The method is
//! Fruchterman–Reingold with masses (heavier nodes push harder, as in ForceAtlas2): springs pull
//! linked boxes to about one ideal length, every box pushes every other (summed by a Barnes–Hut
//! quadtree, so one iteration is O(n log n)), a weak gravity keeps separate groups near the
//! middle, and a temperature that cools over a fixed budget of iterations bounds each move.
//! Boxes start on a sunflower spiral in breadth-first order from the heaviest node (neighbours
//! start close), the result is turned so that its long side is horizontal, and a last pass
//! pushes apart boxes that still overlap.
//!
//! Deterministic: no randomness and a fixed order of floating-point operations, so the same
//! input gives the same bytes. Never reads or writes anything.

mod overlap;
mod pack;
mod quadtree;

use std::collections::VecDeque;

/// A box to place: its size and its weight (quotes on its edges).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    pub w: f64,
    pub h: f64,
    pub weight: f64,
}

/// A spring between two boxes; `strength` 1 is a normal link.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub strength: f64,
}

/// Box centres on a `width` × `height` canvas (every box inside it).
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub width: f64,
    pub height: f64,
}

/// Iterations of the force simulation (the work is this many O(n log n) steps).
pub const ITERATIONS: usize = 300;
/// Free space kept around each box, in pixels.
const GAP: f64 = 6.0;

/// Places `items` linked by `links` (links naming missing items are ignored). Each connected
/// group is laid out on its own, then the groups are packed side by side, largest first.
pub fn place(items: &[Item], links: &[Link]) -> Placement {
    let n = items.len();
    let links: Vec<Link> = links
        .iter()
        .copied()
        .filter(|l| l.a < n && l.b < n && l.a != l.b)
        .collect();
    let groups = pack::components(n, &links);
    let mut local: Vec<usize> = vec![0; n];
    for group in &groups {
        for (k, &i) in group.iter().enumerate() {
            local[i] = k;
        }
    }
    let mut group_links: Vec<Vec<Link>> = vec![Vec::new(); groups.len()];
    let mut group_of = vec![0; n];
    for (g, group) in groups.iter().enumerate() {
        for &i in group {
            group_of[i] = g;
        }
    }
    for l in &links {
        group_links[group_of[l.a]].push(Link {
            a: local[l.a],
            b: local[l.b],
            ..*l
        });
    }
    let placed: Vec<Placement> = groups
        .iter()
        .zip(&group_links)
        .map(|(group, links)| {
            let sub: Vec<Item> = group.iter().map(|&i| items[i]).collect();
            place_connected(&sub, links)
        })
        .collect();
    pack::pack(&groups, &placed, n, GAP * 4.0)
}

/// Places one connected group; the canvas starts at (0, 0).
fn place_connected(items: &[Item], links: &[Link]) -> Placement {
    let n = items.len();
    let mut degree = vec![0usize; n];
    for l in links {
        degree[l.a] += 1;
        degree[l.b] += 1;
    }
    let mass: Vec<f64> = degree.iter().map(|&d| 1.0 + (d as f64).sqrt()).collect();
    // The ideal link length: about the size of the average box with its gap.
    let area = items.iter().map(|b| (b.w + GAP) * (b.h + GAP)).sum::<f64>() / n as f64;
    let k = area.sqrt();
    let (mut xs, mut ys) = spiral(items, links, k);
    if n > 1 {
        simulate(&mut xs, &mut ys, &mass, links, k);
        turn_level(&mut xs, &mut ys);
    }
    let w: Vec<f64> = items.iter().map(|b| b.w).collect();
    let h: Vec<f64> = items.iter().map(|b| b.h).collect();
    overlap::remove(&mut xs, &mut ys, &w, &h, GAP, 400);
    let (mut lo_x, mut lo_y, mut hi_x, mut hi_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for i in 0..n {
        lo_x = lo_x.min(xs[i] - w[i] / 2.0);
        lo_y = lo_y.min(ys[i] - h[i] / 2.0);
        hi_x = hi_x.max(xs[i] + w[i] / 2.0);
        hi_y = hi_y.max(ys[i] + h[i] / 2.0);
    }
    for i in 0..n {
        xs[i] -= lo_x;
        ys[i] -= lo_y;
    }
    Placement {
        xs,
        ys,
        width: hi_x - lo_x,
        height: hi_y - lo_y,
    }
}

/// Start positions: a sunflower spiral, filled in breadth-first order from the heaviest box.
fn spiral(items: &[Item], links: &[Link], k: f64) -> (Vec<f64>, Vec<f64>) {
    let n = items.len();
    let mut adjacent: Vec<Vec<usize>> = vec![Vec::new(); n];
    for l in links {
        adjacent[l.a].push(l.b);
        adjacent[l.b].push(l.a);
    }
    let heavier =
        |a: &usize, b: &usize| items[*b].weight.total_cmp(&items[*a].weight).then(a.cmp(b));
    for list in &mut adjacent {
        list.sort_by(heavier);
        list.dedup();
    }
    let mut by_weight: Vec<usize> = (0..n).collect();
    by_weight.sort_by(heavier);
    let mut order = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    for &root in &by_weight {
        if seen[root] {
            continue;
        }
        seen[root] = true;
        let mut queue = VecDeque::from([root]);
        while let Some(i) = queue.pop_front() {
            order.push(i);
            for &j in &adjacent[i] {
                if !seen[j] {
                    seen[j] = true;
                    queue.push_back(j);
                }
            }
        }
    }
    let (mut xs, mut ys) = (vec![0.0; n], vec![0.0; n]);
    for (rank, &i) in order.iter().enumerate() {
        let r = 0.6 * k * (rank as f64 + 0.5).sqrt();
        let a = rank as f64 * 2.399_963_229_728_653; // the golden angle
        xs[i] = r * a.cos();
        ys[i] = r * a.sin();
    }
    (xs, ys)
}

/// The force simulation: `ITERATIONS` cooling steps.
fn simulate(xs: &mut [f64], ys: &mut [f64], mass: &[f64], links: &[Link], k: f64) {
    let n = xs.len();
    let start = k * (n as f64).sqrt().max(2.0) * 0.4;
    let gravity = 2.0;
    let (mut fx, mut fy) = (vec![0.0; n], vec![0.0; n]);
    for it in 0..ITERATIONS {
        let cool = 1.0 - it as f64 / ITERATIONS as f64;
        let temperature = start * cool * cool + 0.5;
        let tree = quadtree::QuadTree::new(xs, ys, mass);
        let (cx, cy) = centre(xs, ys, mass);
        for i in 0..n {
            let (rx, ry) = tree.repulsion(i, k * k);
            fx[i] = rx - gravity * mass[i] * (xs[i] - cx);
            fy[i] = ry - gravity * mass[i] * (ys[i] - cy);
        }
        drop(tree);
        for l in links {
            let (dx, dy) = (xs[l.b] - xs[l.a], ys[l.b] - ys[l.a]);
            let d = (dx * dx + dy * dy).sqrt();
            // d² / k along the link, i.e. (dx, dy) · d / k.
            let f = l.strength * d / k;
            fx[l.a] += f * dx;
            fy[l.a] += f * dy;
            fx[l.b] -= f * dx;
            fy[l.b] -= f * dy;
        }
        for i in 0..n {
            // Heavier boxes move less per unit of force (a mass), by at most the temperature.
            let (mx, my) = (fx[i] / mass[i], fy[i] / mass[i]);
            let len = (mx * mx + my * my).sqrt();
            if len > 0.0 && len.is_finite() {
                let step = len.min(temperature) / len;
                xs[i] += mx * step;
                ys[i] += my * step;
            }
        }
    }
}

fn centre(xs: &[f64], ys: &[f64], mass: &[f64]) -> (f64, f64) {
    let total: f64 = mass.iter().sum();
    let cx = xs.iter().zip(mass).map(|(x, m)| x * m).sum::<f64>() / total;
    let cy = ys.iter().zip(mass).map(|(y, m)| y * m).sum::<f64>() / total;
    (cx, cy)
}

/// Turns the points about their centre so that their widest spread is horizontal (screens and
/// pages are wider than tall).
fn turn_level(xs: &mut [f64], ys: &mut [f64]) {
    let n = xs.len() as f64;
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys.iter()) {
        let (dx, dy) = (x - mx, y - my);
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    // The angle of the principal axis; turn by minus it.
    let angle = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    let (s, c) = (-angle).sin_cos();
    for (x, y) in xs.iter_mut().zip(ys.iter_mut()) {
        let (dx, dy) = (*x - mx, *y - my);
        *x = mx + dx * c - dy * s;
        *y = my + dx * s + dy * c;
    }
}

#[cfg(test)]
mod tests;
