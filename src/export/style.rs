//! How the pictures look, shared by every picture format (DOT, SVG, index.html, Cytoscape):
//! colours by node kind and stance, edge labels, short labels, and text measured for layout.
//!
//! Takes nodes and edges; gives strings and sizes. Never draws and never lays anything out.

use crate::graph::{Edge, EdgeKind, NodeKind};
use crate::stance::Polarity;

/// Short display label: words kept whole, at most `max` characters, with `…`.
pub(crate) fn short(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let mut out = String::new();
    for w in s.split(' ') {
        if out.chars().count() + w.chars().count() + 1 > max.saturating_sub(1) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        // One word longer than `max`: cut it.
        out = s.chars().take(max.saturating_sub(1)).collect();
    }
    out.push('…');
    out
}

/// Wraps a label into lines of about `width` characters (a longer word keeps its own line).
pub(crate) fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for w in s.split_whitespace() {
        let line = lines.last_mut().expect("one line");
        if !line.is_empty() && line.chars().count() + w.chars().count() + 1 > width {
            lines.push(w.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
    }
    lines
}

/// The lines of a node's label on a map: at most 30 characters in lines of about 16.
pub(crate) fn label_lines(label: &str) -> Vec<String> {
    wrap(&short(label, 30), 16)
}

/// Approximate width in pixels of `s` set in Helvetica / Arial at `size` pixels.
pub(crate) fn text_width(s: &str, size: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | '\'' | '’' | ':' | ';' | '|' | '!' | 'I' | ' ' => 0.28,
            'f' | 't' | 'r' | '(' | ')' | '-' => 0.36,
            'm' | 'w' | 'M' | 'W' | '@' => 0.86,
            'A'..='Z' => 0.68,
            '0'..='9' => 0.56,
            c if c.is_ascii() => 0.53,
            // Wide scripts (CJK and the like) take about a full em.
            c if (c as u32) >= 0x2E80 => 1.0,
            _ => 0.6,
        })
        .sum();
    em * size
}

/// Fill colour per node kind.
pub(crate) fn colour(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "#9ecae1",
        NodeKind::Org => "#fdd49e",
        NodeKind::Place => "#c7e9c0",
        NodeKind::Equipment => "#d9d9d9",
        NodeKind::Outlet => "#dadaeb",
        NodeKind::Anonymous => "#ffffff",
        NodeKind::Quote => "#fff7bc",
        NodeKind::Article => "#f0f0f0",
    }
}

/// Outline colour per node kind (a darker shade of the fill).
pub(crate) fn stroke(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "#3182bd",
        NodeKind::Org => "#d9822b",
        NodeKind::Place => "#41ab5d",
        NodeKind::Equipment => "#737373",
        NodeKind::Outlet => "#756bb1",
        NodeKind::Anonymous => "#969696",
        NodeKind::Quote => "#c7a600",
        NodeKind::Article => "#969696",
    }
}

/// Edge colour: stance by polarity, others neutral.
pub(crate) fn edge_colour(e: &Edge) -> &'static str {
    match (e.kind, e.polarity) {
        (EdgeKind::Stance, Some(Polarity::Support)) => "#2ca02c",
        (EdgeKind::Stance, Some(Polarity::Oppose)) => "#d62728",
        (EdgeKind::Stance, _) => "#9e9e9e",
        (EdgeKind::Role | EdgeKind::AffiliatedWith, _) => "#3182bd",
        _ => OTHER_EDGE,
    }
}

/// The colour of edges that are neither stances nor roles (`said`, `mentions`, …).
pub(crate) const OTHER_EDGE: &str = "#636363";

/// The label of an edge in pictures.
pub(crate) fn edge_label(e: &Edge) -> String {
    match e.kind {
        EdgeKind::Stance => {
            let n = e.count;
            let q = if n == 1 { "quote" } else { "quotes" };
            match e.polarity {
                Some(p) if p != Polarity::Neutral => format!("{} · {n} {q}", p.as_str()),
                _ => format!("{n} {q}"),
            }
        }
        EdgeKind::Role | EdgeKind::AffiliatedWith => {
            e.label.clone().unwrap_or_else(|| e.kind.as_str().into())
        }
        k => k.as_str().replace('_', " "),
    }
}

/// A title for the legend of each stance colour.
pub(crate) const LEGEND: [(&str, &str); 4] = [
    ("#2ca02c", "supports"),
    ("#d62728", "opposes"),
    ("#9e9e9e", "neutral / mixed"),
    ("#3182bd", "role / affiliation"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_labels_keep_words_whole() {
        let cases = [
            ("Mara Velkova", 30, "Mara Velkova"),
            (
                "the  spokeswoman\nfor the harbour authority",
                20,
                "the spokeswoman for…",
            ),
            ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
            ("", 10, ""),
        ];
        for (input, max, want) in cases {
            assert_eq!(short(input, max), want, "{input:?}");
        }
    }

    #[test]
    fn wrapped_lines_stay_near_the_width() {
        let cases: [(&str, usize, &[&str]); 3] = [
            (
                "Harbour Authority of Estrelle",
                16,
                &["Harbour", "Authority of", "Estrelle"],
            ),
            ("Ilse Brandt", 16, &["Ilse Brandt"]),
            ("", 16, &[""]),
        ];
        for (input, width, want) in cases {
            assert_eq!(wrap(input, width), want, "{input:?}");
        }
    }

    #[test]
    fn wider_text_measures_wider() {
        assert!(text_width("WWW", 12.0) > text_width("iii", 12.0));
        assert!(text_width("Ilse Brandt", 14.0) > text_width("Ilse Brandt", 12.0));
        assert_eq!(text_width("", 12.0), 0.0);
    }
}
