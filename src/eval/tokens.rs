//! Word tokens of a content, as the reference scorer makes them, and their overlap.
//!
//! Takes strings; gives lowercased word tokens (after NFKC, quote and dash folding, punctuation
//! dropped) and the token-F1 of two strings. Never matches or counts quotes.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

/// Lowercased word tokens, as `score.py` makes them.
pub fn tokens(s: &str) -> Vec<String> {
    let folded: String = s
        .nfkc()
        .map(|c| match c {
            '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{2014}' | '\u{2013}' => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    // score.py: re.sub(r"[^\w\s]", " ", s).split()
    static NON_WORD: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let non_word = NON_WORD.get_or_init(|| regex::Regex::new(r"[^\w\s]").expect("pattern"));
    non_word
        .replace_all(&folded, " ")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

pub fn token_f1(a: &str, b: &str) -> f64 {
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let mut ca: HashMap<&str, usize> = HashMap::new();
    for t in &ta {
        *ca.entry(t).or_default() += 1;
    }
    let mut cb: HashMap<&str, usize> = HashMap::new();
    for t in &tb {
        *cb.entry(t).or_default() += 1;
    }
    let common: usize = ca
        .iter()
        .map(|(t, n)| (*n).min(*cb.get(t).unwrap_or(&0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / ta.len() as f64;
    let r = common as f64 / tb.len() as f64;
    2.0 * p * r / (p + r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_fold_quotes_dashes_and_case() {
        assert_eq!(
            tokens("“It’s — NATO’s,” he said"),
            ["it", "s", "nato", "s", "he", "said"]
        );
    }

    #[test]
    fn token_f1_is_symmetric_overlap() {
        assert!((token_f1("a b c d", "a b") - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(token_f1("", "a"), 0.0);
    }
}
