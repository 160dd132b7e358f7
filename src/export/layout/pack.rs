//! Connected groups, and packing the groups' pictures onto one canvas.
//!
//! Takes links (for the groups) or each group's placement; gives the groups (largest first,
//! ties by their first item) or one placement of all items. Packing is by shelves: the largest
//! group first, then the others left to right in rows as wide as the largest group (or as the
//! square root of the total area, if wider), so that small groups sit beside the main map
//! instead of being pushed to its far edge. Linear apart from one sort.

use super::{Link, Placement};

/// The connected groups of `n` items, largest first (ties by smallest item), each in item order.
pub(super) fn components(n: usize, links: &[Link]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for l in links {
        let (a, b) = (root(&mut parent, l.a), root(&mut parent, l.b));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        let r = root(&mut parent, i);
        let g = *slot[r].get_or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    groups
}

/// One placement of all `n` items from each group's own placement.
pub(super) fn pack(groups: &[Vec<usize>], placed: &[Placement], n: usize, gap: f64) -> Placement {
    let mut out = Placement {
        xs: vec![0.0; n],
        ys: vec![0.0; n],
        width: 0.0,
        height: 0.0,
    };
    let Some(first) = placed.first() else {
        return out;
    };
    let area: f64 = placed
        .iter()
        .map(|p| (p.width + gap) * (p.height + gap))
        .sum();
    let shelf_width = first.width.max(area.sqrt() * 1.3);
    let (mut x, mut y, mut row_height) = (0.0_f64, 0.0_f64, 0.0_f64);
    for (group, p) in groups.iter().zip(placed) {
        if x > 0.0 && x + p.width > shelf_width {
            x = 0.0;
            y += row_height + gap;
            row_height = 0.0;
        }
        for (k, &i) in group.iter().enumerate() {
            out.xs[i] = p.xs[k] + x;
            out.ys[i] = p.ys[k] + y;
        }
        out.width = out.width.max(x + p.width);
        out.height = out.height.max(y + p.height);
        row_height = row_height.max(p.height);
        x += p.width + gap;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::components;
    use crate::export::layout::Link;

    #[test]
    fn groups_are_found_largest_first() {
        let link = |a, b| Link {
            a,
            b,
            strength: 1.0,
        };
        let cases: Vec<(usize, Vec<Link>, Vec<Vec<usize>>)> = vec![
            (0, vec![], vec![]),
            (3, vec![], vec![vec![0], vec![1], vec![2]]),
            (
                5,
                vec![link(3, 4), link(0, 2), link(2, 4)],
                vec![vec![0, 2, 3, 4], vec![1]],
            ),
            (4, vec![link(2, 3)], vec![vec![2, 3], vec![0], vec![1]]),
        ];
        for (n, links, want) in cases {
            assert_eq!(components(n, &links), want, "{n} items");
        }
    }
}
