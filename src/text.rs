//! Byte spans into an article's original text.
//!
//! Every stage reports positions as [`Span`]s over the text it was given; no stage rewrites the
//! text, so a span found by segmentation is still valid after attribution and resolution.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the original article text. Both ends always fall on
/// UTF-8 character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// This span with leading and trailing characters matching `strip` removed.
    pub fn trim_by(&self, text: &str, strip: impl Fn(char) -> bool) -> Span {
        let s = self.of(text);
        let lead = s.len() - s.trim_start_matches(&strip).len();
        let trimmed = s.trim_start_matches(&strip).trim_end_matches(&strip);
        Span::new(self.start + lead, self.start + lead + trimmed.len())
    }
}

/// Lowercasing with an ASCII fast path (most names and words in English news are ASCII).
pub trait LowercaseFast {
    fn to_lowercase_fast(&self) -> String;
}

impl LowercaseFast for str {
    fn to_lowercase_fast(&self) -> String {
        if self.is_ascii() {
            self.to_ascii_lowercase()
        } else {
            self.to_lowercase()
        }
    }
}
