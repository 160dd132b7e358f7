//! Byte spans into an article's original text.
//!
//! Every stage reports positions as [`Span`]s over the text it was given; no stage rewrites the
//! text, so a span found by segmentation is still valid after attribution and resolution.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

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

/// [`LowercaseFast::to_lowercase_fast`] into a small string: no allocation for words and short
/// names (up to 24 bytes), which is what lookups in the lexicon ask about.
pub fn lower(s: &str) -> CompactString {
    if s.is_ascii() {
        let mut l = CompactString::from(s);
        l.make_ascii_lowercase();
        l
    } else {
        CompactString::from(s.to_lowercase())
    }
}

/// Folds a name for comparison: NFKD without marks, lowercase, `’` as `'`, dots dropped,
/// hyphens as spaces, whitespace collapsed.
pub fn fold_name(s: &str) -> String {
    if s.is_ascii() {
        return ascii_folded(s).map(char::from).collect();
    }
    let s: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' => '\'',
            '-' | '‐' | '–' => ' ',
            c => c,
        })
        .filter(|&c| c != '.')
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `s` folds to `key` (`fold_name(s) == key`), without building the folded form of an
/// ASCII `s`.
pub fn folds_to(s: &str, key: &str) -> bool {
    if s.is_ascii() {
        ascii_folded(s).eq(key.bytes())
    } else {
        fold_name(s) == key
    }
}

/// The words of an ASCII name (split at whitespace and hyphens, dots dropped, empty words
/// left out), lowercase, joined by single spaces: [`fold_name`] of ASCII text, byte by byte.
fn ascii_folded(s: &str) -> impl Iterator<Item = u8> + '_ {
    ascii_words(s).enumerate().flat_map(|(i, w)| {
        let space = (i > 0).then_some(b' ');
        space.into_iter().chain(ascii_lower_undotted(w))
    })
}

/// The non-empty words of an ASCII name once its dots are dropped, not yet lowercase.
fn ascii_words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| c.is_ascii_whitespace() || c == '-')
        .filter(|w| w.bytes().any(|b| b != b'.'))
}

fn ascii_lower_undotted(w: &str) -> impl Iterator<Item = u8> + '_ {
    w.bytes()
        .filter(|&b| b != b'.')
        .map(|b| b.to_ascii_lowercase())
}

/// A stable 64-bit FNV-1a hash, for ids that must not change between runs, platforms or
/// corpora.
pub fn stable_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A last name with transliteration variants of its ending folded (`Zelenskyy`, `Zelenskiy`,
/// `Zelensky` are one key: `zelensky`); otherwise the folded last word, so the key reads as
/// the name (`rutte`).
pub fn last_name_key(name: &str) -> String {
    let mut out = if name.is_ascii() {
        // The last word of the folded name, without folding the others.
        let w = ascii_words(name).next_back().unwrap_or("");
        let mut last = String::with_capacity(w.len());
        last.extend(ascii_lower_undotted(w).map(char::from));
        while last.ends_with("'s") {
            last.truncate(last.len() - 2);
        }
        last.retain(|c| c != '\'');
        last
    } else {
        let folded = fold_name(name);
        let last = folded
            .rsplit(' ')
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .trim_end_matches("'s");
        last.chars().filter(|&c| c != '\'').collect()
    };
    for (variant, plain) in [("yy", "y"), ("iy", "y"), ("yi", "y"), ("ij", "y")] {
        if let Some(stem) = out.strip_suffix(variant) {
            if stem.chars().count() >= 3 {
                out.truncate(stem.len());
                out.push_str(plain);
                break;
            }
        }
    }
    out
}

/// Text built from the pieces news is made of (quotation marks of every kind, initialisms,
/// numbers, paragraph breaks, reporting cues, names), so that property tests meet them in every
/// order.
#[cfg(test)]
pub(crate) fn newsish() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("«".to_string()),
        Just("\n\n".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just(": ".to_string()),
        Just("U.S.".to_string()),
        Just("1,000.5".to_string()),
        Just("said".to_string()),
        Just("he told reporters".to_string()),
        Just("according to".to_string()),
        Just("Secretary General Mark Rutte".to_string()),
        Just("the Kremlin".to_string()),
        "[a-z]{1,7}",
        "[A-Z][a-z]{1,7}",
        "[A-Za-zÀ-ÿ]{1,8}",
        "\\PC{0,3}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

#[cfg(test)]
mod fold_tests {
    use proptest::prelude::*;

    use super::{fold_name, folds_to, last_name_key};

    /// The folding of ASCII names as it was written before the byte-wise fast path.
    fn fold_ascii_reference(s: &str) -> String {
        let mut out = String::new();
        for w in s.split(|c: char| c.is_ascii_whitespace() || c == '-') {
            let w: String = w.chars().filter(|&c| c != '.').collect();
            if !w.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&w.to_ascii_lowercase());
            }
        }
        out
    }

    /// The last-name key as it was written before: from the whole folded name.
    fn last_name_key_reference(name: &str) -> String {
        let folded = fold_name(name);
        let last = folded
            .rsplit(' ')
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .trim_end_matches("'s");
        let mut out: String = last.chars().filter(|&c| c != '\'').collect();
        for (variant, plain) in [("yy", "y"), ("iy", "y"), ("yi", "y"), ("ij", "y")] {
            if let Some(stem) = out.strip_suffix(variant) {
                if stem.chars().count() >= 3 {
                    out = format!("{stem}{plain}");
                    break;
                }
            }
        }
        out
    }

    #[test]
    fn ascii_names_fold_as_before() {
        for (name, folded, last) in [
            ("Ana Ruiz", "ana ruiz", "ruiz"),
            ("  J. R. R.  Tolk-Berg ", "j r r tolk berg", "berg"),
            ("Dr. Ana Ruiz's", "dr ana ruiz's", "ruiz"),
            ("O'Brien's's", "o'brien's's", "obrien"),
            ("Mark Zelenskyy", "mark zelenskyy", "zelensky"),
            ("Al Yi", "al yi", "yi"),
            ("...", "", ""),
            ("Ruiz ...", "ruiz", "ruiz"),
            ("", "", ""),
            ("- -", "", ""),
        ] {
            assert_eq!(fold_name(name), folded, "{name}");
            assert_eq!(fold_name(name), fold_ascii_reference(name), "{name}");
            assert_eq!(last_name_key(name), last, "{name}");
            assert_eq!(last_name_key(name), last_name_key_reference(name), "{name}");
            assert!(folds_to(name, folded), "{name}");
            assert!(!folds_to(name, &format!("{folded}x")), "{name}");
        }
    }

    proptest! {
        #[test]
        fn the_fast_paths_agree_with_the_folded_form(name in "[A-Za-z.' \\t-]{0,24}|[A-Za-zé’. -]{0,12}") {
            if name.is_ascii() {
                prop_assert_eq!(fold_name(&name), fold_ascii_reference(&name));
            }
            prop_assert_eq!(last_name_key(&name), last_name_key_reference(&name));
            prop_assert!(folds_to(&name, &fold_name(&name)));
        }
    }
}
