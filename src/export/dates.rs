//! The date range of a view: which articles, quotes and stance evidence fall inside it.
//!
//! Takes a graph whose article nodes carry their `date` and an optional
//! `since`/`until`; gives per-node and per-edge decisions. Dates compare as text on their first
//! ten characters (`YYYY-MM-DD`), so ISO dates and timestamps both work. Articles without a date
//! are outside any range. Without a range, everything is inside and nothing is copied.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::graph::{Edge, EdgeKind, Node, NodeKind, QuoteGraph};

pub(super) struct DateFilter {
    active: bool,
    articles: HashSet<String>,
    quotes: HashSet<String>,
}

fn day(s: &str) -> &str {
    let s = s.trim();
    match s.char_indices().nth(10) {
        Some((k, _)) => &s[..k],
        None => s,
    }
}

impl DateFilter {
    pub(super) fn new(g: &QuoteGraph, since: Option<&str>, until: Option<&str>) -> DateFilter {
        let active = since.is_some() || until.is_some();
        let mut f = DateFilter {
            active,
            articles: HashSet::new(),
            quotes: HashSet::new(),
        };
        if !active {
            return f;
        }
        let inside = |d: &str| {
            let d = day(d);
            since.is_none_or(|s| d >= day(s)) && until.is_none_or(|u| d <= day(u))
        };
        for (_, n) in g.nodes().filter(|(_, n)| n.kind == NodeKind::Article) {
            let date = n.date.as_deref();
            if date.is_some_and(inside) {
                f.articles.insert(n.id.clone());
            }
        }
        for (_, n) in g.nodes().filter(|(_, n)| n.kind == NodeKind::Quote) {
            if n.occurrences
                .iter()
                .any(|o| f.articles.contains(&o.article))
            {
                f.quotes.insert(n.id.clone());
            }
        }
        f
    }

    /// Whether the node is inside the range (entities always are).
    pub(super) fn keeps_node(&self, n: &Node) -> bool {
        !self.active
            || match n.kind {
                NodeKind::Article => self.articles.contains(&n.id),
                NodeKind::Quote => self.quotes.contains(&n.id),
                _ => true,
            }
    }

    /// The edge as the range shows it: a stance edge keeps only the evidence inside the range
    /// (and is gone when none is left); other edges are unchanged.
    pub(super) fn edge<'g>(&self, e: &'g Edge) -> Option<Cow<'g, Edge>> {
        if !self.active || e.kind != EdgeKind::Stance {
            return Some(Cow::Borrowed(e));
        }
        let evidence: Vec<String> = e
            .evidence
            .iter()
            .filter(|q| self.quotes.contains(*q))
            .cloned()
            .collect();
        (!evidence.is_empty()).then(|| {
            Cow::Owned(Edge {
                count: evidence.len(),
                evidence,
                ..e.clone()
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::day;

    #[test]
    fn days_are_the_first_ten_characters() {
        let cases = [
            ("2031-04-05", "2031-04-05"),
            ("2031-04-05T10:20:00Z", "2031-04-05"),
            (" 2031-04 ", "2031-04"),
            ("", ""),
            ("été 2031-04-05", "été 2031-0"),
        ];
        for (input, want) in cases {
            assert_eq!(day(input), want, "{input:?}");
        }
    }
}
