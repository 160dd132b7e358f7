use super::{place, Item, Link, Placement};

fn boxes(n: usize) -> Vec<Item> {
    (0..n)
        .map(|i| Item {
            w: 50.0 + (i % 4) as f64 * 25.0,
            h: 30.0 + (i % 3) as f64 * 8.0,
            weight: (n - i) as f64,
        })
        .collect()
}

/// A hub with spokes, a ring, and a separate pair.
fn links(n: usize) -> Vec<Link> {
    let mut out = Vec::new();
    for i in 1..n.min(12) {
        out.push(Link {
            a: 0,
            b: i,
            strength: 1.0,
        });
    }
    for i in 12..n {
        let j = if i + 1 < n - 2 { i + 1 } else { 12 };
        out.push(Link {
            a: i,
            b: j,
            strength: 1.0,
        });
    }
    if n > 14 {
        out.push(Link {
            a: n - 2,
            b: n - 1,
            strength: 2.0,
        });
    }
    out
}

fn overlapping(p: &Placement, items: &[Item]) -> usize {
    let mut k = 0;
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            let ox = (items[i].w + items[j].w) / 2.0 - (p.xs[i] - p.xs[j]).abs();
            let oy = (items[i].h + items[j].h) / 2.0 - (p.ys[i] - p.ys[j]).abs();
            if ox > 0.01 && oy > 0.01 {
                k += 1;
            }
        }
    }
    k
}

#[test]
fn placements_are_inside_the_canvas_apart_and_repeatable() {
    for n in [0, 1, 2, 3, 20, 60, 150] {
        let items = boxes(n);
        let links = links(n);
        let p = place(&items, &links);
        assert_eq!(p.xs.len(), n);
        assert_eq!(overlapping(&p, &items), 0, "{n} boxes overlap");
        for (i, b) in items.iter().enumerate() {
            let (x, y) = (p.xs[i], p.ys[i]);
            assert!(x.is_finite() && y.is_finite());
            assert!(x - b.w / 2.0 >= -1e-6 && x + b.w / 2.0 <= p.width + 1e-6);
            assert!(y - b.h / 2.0 >= -1e-6 && y + b.h / 2.0 <= p.height + 1e-6);
        }
        assert_eq!(p, place(&items, &links), "{n} boxes placed twice differ");
    }
}

#[test]
fn linked_boxes_end_closer_than_unlinked_ones() {
    let n = 60;
    let (items, links) = (boxes(n), links(n));
    let p = place(&items, &links);
    let dist =
        |a: usize, b: usize| ((p.xs[a] - p.xs[b]).powi(2) + (p.ys[a] - p.ys[b]).powi(2)).sqrt();
    let linked: f64 = links.iter().map(|l| dist(l.a, l.b)).sum::<f64>() / links.len() as f64;
    let mut all = 0.0;
    let mut pairs = 0.0;
    for a in 0..n {
        for b in a + 1..n {
            all += dist(a, b);
            pairs += 1.0;
        }
    }
    assert!(
        linked * 2.0 < all / pairs,
        "linked {linked:.0} vs mean {:.0}",
        all / pairs
    );
}

#[test]
fn the_canvas_is_wider_than_tall() {
    let n = 80;
    let p = place(&boxes(n), &links(n));
    assert!(p.width >= p.height * 0.9, "{} × {}", p.width, p.height);
}

#[test]
fn bad_links_are_ignored() {
    let items = boxes(3);
    let bad = [
        Link {
            a: 0,
            b: 7,
            strength: 1.0,
        },
        Link {
            a: 1,
            b: 1,
            strength: 1.0,
        },
    ];
    let p = place(&items, &bad);
    assert!(p.xs.iter().chain(&p.ys).all(|v| v.is_finite()));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Any boxes and any links (out of range, self, repeated): finite, apart, repeatable.
    #[test]
    fn any_input_is_placed_apart(
        sizes in proptest::collection::vec((1.0..300.0f64, 1.0..120.0f64, 0.0..50.0f64), 0..50),
        raw in proptest::collection::vec((0usize..60, 0usize..60, 0.1..5.0f64), 0..120),
    ) {
        let items: Vec<Item> = sizes.iter().map(|&(w, h, weight)| Item { w, h, weight }).collect();
        let links: Vec<Link> = raw.iter().map(|&(a, b, strength)| Link { a, b, strength }).collect();
        let p = place(&items, &links);
        proptest::prop_assert!(p.xs.iter().chain(&p.ys).all(|v| v.is_finite()));
        proptest::prop_assert_eq!(overlapping(&p, &items), 0);
        proptest::prop_assert_eq!(p, place(&items, &links));
    }
}
