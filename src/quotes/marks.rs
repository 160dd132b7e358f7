//! Pairs quotation marks into quoted spans, paragraph by paragraph.
//!
//! Double marks (`" “ ” „ « » ''`) and single marks (`' ‘ ’`) pair within their own family, so a
//! single quote inside a double one is found as nested. A `’` that ends a plural possessive
//! (`the Calders’ plan`) is passed over when a later mark can close the quote. A double quote left
//! open at the end of a paragraph continues when the next paragraph opens with a double mark (the
//! news convention for multi-paragraph quotes); otherwise it is reported as unbalanced.

use std::ops::Range;

use crate::segment::{Family, Role, Segments, TokenKind};

/// A stretch of text between an opening and a closing quotation mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedSpan {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the quote runs to the paragraph end.
    pub close: Option<usize>,
    /// Tokens inside the marks.
    pub inner: Range<usize>,
    pub family: Family,
    pub paragraph: usize,
    /// 0 for an outer quote, 1 for a quote inside another.
    pub depth: u8,
    /// This paragraph's quote goes on in the next paragraph.
    pub continues: bool,
    /// This span goes on from a quote opened in an earlier paragraph.
    pub continued: bool,
    /// Opened but never closed, and not continued.
    pub unbalanced: bool,
}

impl QuotedSpan {
    /// Index of the last token belonging to the quote, marks included.
    pub fn last(&self) -> usize {
        self.close
            .unwrap_or(self.inner.end.saturating_sub(1).max(self.open))
    }

    pub fn covers(&self, i: usize) -> bool {
        self.open <= i && i <= self.last()
    }
}

fn mark(seg: &Segments, i: usize) -> Option<(Family, Role)> {
    match seg.tokens[i].kind {
        TokenKind::Quote(f, r) => Some((f, r)),
        _ => None,
    }
}

/// Finds the quoted spans of an article, in text order (outer before inner at the same start).
pub fn pair(seg: &Segments) -> Vec<QuotedSpan> {
    let mut out = Vec::new();
    let mut carried = false; // the previous paragraph's double quote continues here
    for (pi, p) in seg.paragraphs.iter().enumerate() {
        carried = pair_doubles(seg, pi, p, carried, &mut out);
        pair_singles(seg, pi, p, &mut out);
    }
    set_depths(&mut out);
    out.sort_by_key(|q| (q.open, q.depth));
    out
}

/// The double-family spans of paragraph `pi`, given whether the previous paragraph's quote goes
/// on here; returns whether this paragraph's last quote goes on in the next one.
fn pair_doubles(
    seg: &Segments,
    pi: usize,
    p: &Range<usize>,
    carried: bool,
    out: &mut Vec<QuotedSpan>,
) -> bool {
    let opens_with_double = matches!(
        mark(seg, p.start),
        Some((Family::Double, Role::Open | Role::Either))
    );
    let continued_here = carried && opens_with_double;
    let mut carried = false;
    // Double family.
    let mut open: Option<usize> = None;
    let mut doubles = Vec::new();
    for i in p.clone() {
        let Some((Family::Double, role)) = mark(seg, i) else {
            continue;
        };
        match (open, role) {
            (None, Role::Open | Role::Either) => open = Some(i),
            (Some(o), Role::Close | Role::Either) => {
                doubles.push((o, Some(i)));
                open = None;
            }
            (Some(o), Role::Open) if seg.tokens[o].lower == "„" && seg.tokens[i].lower == "“" =>
            {
                // German style: „ ... “
                doubles.push((o, Some(i)));
                open = None;
            }
            (Some(_), Role::Open) => {
                // A quote reopened before closing: the earlier mark was unbalanced.
                open = Some(i);
            }
            (None, Role::Close) => {} // stray closing mark
        }
    }
    if let Some(o) = open {
        let next_opens = seg.paragraphs.get(pi + 1).is_some_and(|n| {
            matches!(
                mark(seg, n.start),
                Some((Family::Double, Role::Open | Role::Either))
            )
        });
        carried = next_opens;
        doubles.push((o, None));
    }
    for (o, c) in doubles {
        let end = c.unwrap_or(p.end);
        out.push(QuotedSpan {
            open: o,
            close: c,
            inner: o + 1..end,
            family: Family::Double,
            paragraph: pi,
            depth: 0,
            continues: c.is_none() && carried,
            continued: continued_here && o == p.start,
            unbalanced: c.is_none() && !carried,
        });
    }
    carried
}

/// The single-family spans of paragraph `pi`.
fn pair_singles(seg: &Segments, pi: usize, p: &Range<usize>, out: &mut Vec<QuotedSpan>) {
    let singles: Vec<(usize, Role)> = p
        .clone()
        .filter_map(|i| match mark(seg, i) {
            Some((Family::Single, r)) => Some((i, r)),
            _ => None,
        })
        .collect();
    // Whether a closing (or either) single mark comes after position k: one pass from the
    // right, so a flood of apostrophes stays linear.
    let mut later_close = vec![false; singles.len() + 1];
    for k in (0..singles.len()).rev() {
        later_close[k] = later_close[k + 1] || matches!(singles[k].1, Role::Close | Role::Either);
    }
    let mut open: Option<usize> = None;
    for (k, &(i, role)) in singles.iter().enumerate() {
        match (open, role) {
            (None, Role::Open) => open = Some(i),
            (Some(o), Role::Close | Role::Either) => {
                if later_close[k + 1] && is_plural_possessive(seg, i) {
                    continue;
                }
                out.push(QuotedSpan {
                    open: o,
                    close: Some(i),
                    inner: o + 1..i,
                    family: Family::Single,
                    paragraph: pi,
                    depth: 0,
                    continues: false,
                    continued: false,
                    unbalanced: false,
                });
                open = None;
            }
            (Some(_), Role::Open) => open = Some(i),
            _ => {}
        }
    }
}

/// Nesting depth: a span lying inside a span of the other family is at depth 1. The spans of
/// one family never overlap (each mark closes the one open before it), so only the last span of
/// the other family opening before a span can hold it: one binary search per span.
fn set_depths(spans: &mut [QuotedSpan]) {
    let by_family = |f: Family| -> Vec<(usize, usize)> {
        let mut v: Vec<(usize, usize)> = spans
            .iter()
            .filter(|q| q.family == f)
            .map(|q| (q.open, q.last()))
            .collect();
        v.sort_unstable();
        v
    };
    let (doubles, singles) = (by_family(Family::Double), by_family(Family::Single));
    for q in spans.iter_mut() {
        let other = if q.family == Family::Double {
            &singles
        } else {
            &doubles
        };
        let before = other.partition_point(|&(o, _)| o < q.open);
        if before > 0 && q.last() <= other[before - 1].1 {
            q.depth = 1;
        }
    }
}

/// A short title-case span right after a possessive (`Harbor TV’s “Morning Tide”`, `the
/// Courier’s “Week in Review”`) or after `on`/`in` is the title of a programme, book or column.
pub fn is_title(seg: &Segments, q: &QuotedSpan) -> bool {
    let Some(prev) = q.open.checked_sub(1).map(|p| &seg.tokens[p]) else {
        return false;
    };
    let plural_possessive = prev.is_quote()
        && q.open >= 2
        && seg.tokens[q.open - 2].lower.ends_with('s')
        && seg.tokens[q.open - 2].span.end == prev.span.start;
    let before =
        prev.is_possessive() || plural_possessive || matches!(prev.lower.as_str(), "on" | "in");
    if !before {
        return false;
    }
    // One to six words, the first capitalised, the others capitalised or small words.
    let mut words = q
        .inner
        .clone()
        .map(|k| &seg.tokens[k])
        .filter(|t| t.is_word());
    let title_case = |t: &crate::segment::Token| {
        t.capitalized
            || matches!(
                t.lower.as_str(),
                "of" | "the" | "a" | "an" | "and" | "in" | "on" | "for" | "to"
            )
    };
    let Some(first) = words.next() else {
        return false;
    };
    let mut n = 1;
    for t in words {
        n += 1;
        if n > 6 || !title_case(t) {
            return false;
        }
    }
    first.capitalized
}

/// `the Calders’ plan`: a `’` after a word ending in s, followed by a lowercase word.
fn is_plural_possessive(seg: &Segments, i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| &seg.tokens[p]);
    let next = seg.tokens.get(i + 1);
    prev.is_some_and(|t| {
        t.is_word() && t.lower.ends_with('s') && t.span.end == seg.tokens[i].span.start
    }) && next.is_some_and(|t| t.is_word() && !t.capitalized)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::segment::segment;
    use crate::text::Span;

    /// The inner text of each quoted span, with its depth.
    fn check(text: &str) -> Vec<(String, u8)> {
        let seg = segment(text, Span::new(0, text.len()), Lexicon::builtin());
        pair(&seg)
            .iter()
            .map(|q| (seg.span(q.inner.clone()).of(text).to_string(), q.depth))
            .collect()
    }

    fn inner(text: &str) -> Vec<String> {
        check(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn short_title_case_after_a_possessive_or_on_is_a_title() {
        for (text, title) in [
            ("Kestrel FM’s “Night Harbor” began.", true),
            ("She spoke on “The Week in Avalon” then.", true),
            ("Kestrel FM’s “Night of the Long Harbor Wall” began.", true),
            (
                "Kestrel FM’s “Night of the Long Cold Harbor Wall” began.",
                false,
            ),
            ("Kestrel FM’s “night harbor” began.", false),
            ("Kestrel FM’s “of Harbor” began.", false),
            ("He said “Night Harbor” began.", false),
            ("Kestrel FM’s “” began.", false),
        ] {
            let seg = segment(text, Span::new(0, text.len()), Lexicon::builtin());
            let got = pair(&seg).iter().any(|q| is_title(&seg, q));
            assert_eq!(got, title, "{text}");
        }
    }

    #[test]
    fn curly_straight_and_guillemets() {
        assert_eq!(
            inner("“A b,” he said. \"C d.\" «E f» „G h“"),
            ["A b,", "C d.", "E f", "G h"]
        );
    }

    #[test]
    fn two_apostrophes_work_as_double_marks() {
        assert_eq!(inner("''That's real,'' Mr. Orlov said."), ["That's real,"]);
    }

    #[test]
    fn apostrophes_inside_single_quotes_do_not_close_them() {
        assert_eq!(
            inner("Varga said: ‘It’s about the harbor.’"),
            ["It’s about the harbor."]
        );
    }

    #[test]
    fn plural_possessive_is_not_a_closing_mark() {
        assert_eq!(
            inner("He said ‘the farmers’ anger is real.’"),
            ["the farmers’ anger is real."]
        );
    }

    #[test]
    fn nested_single_inside_double() {
        assert_eq!(
            check("“As Petra said, ‘What if we quit?’ It matters,” she said."),
            [
                (
                    "As Petra said, ‘What if we quit?’ It matters,".to_string(),
                    0
                ),
                ("What if we quit?".to_string(), 1)
            ]
        );
    }

    #[test]
    fn paragraphs_that_reopen_a_quote_continue_it() {
        let text = "“First part of it.\n“Second part.” he said.";
        let seg = segment(text, Span::new(0, text.len()), Lexicon::builtin());
        let q = pair(&seg);
        assert_eq!(q.len(), 2);
        assert!(q[0].continues && !q[0].unbalanced);
        assert!(q[1].continued);
    }

    #[test]
    fn an_unclosed_mark_is_unbalanced() {
        let text = "He said “this never ends.\nNext paragraph.";
        let seg = segment(text, Span::new(0, text.len()), Lexicon::builtin());
        let q = pair(&seg);
        assert!(q[0].unbalanced);
    }
}
