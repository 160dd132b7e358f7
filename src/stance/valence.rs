//! Lexicon polarity: how good or bad a word sounds, from a general English sentiment lexicon
//! (`data/sentiment_words.txt`, the word entries of the VADER lexicon, MIT licence).
//!
//! Takes a lowercase word; gives its valence in [-1, 1] (the lexicon's -4..4 scaled), if the
//! lexicon knows it. Parsed once, on first use; never does IO.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

const SENTIMENT_WORDS: &str = include_str!("../../data/sentiment_words.txt");

fn table() -> &'static FxHashMap<&'static str, f32> {
    static TABLE: OnceLock<FxHashMap<&'static str, f32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        SENTIMENT_WORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (w, v) = l.split_once('\t')?;
                let v: f32 = v.trim().parse().ok()?;
                Some((w, (v / 4.0).clamp(-1.0, 1.0)))
            })
            .collect()
    })
}

/// The valence of a lowercase word in [-1, 1], if the lexicon has it. `’` reads as `'`.
pub fn of(word: &str) -> Option<f32> {
    if word.contains('’') {
        return table().get(word.replace('’', "'").as_str()).copied();
    }
    table().get(word).copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn general_words_have_their_sign() {
        let cases = [
            ("good", Some(true)),
            ("brave", Some(true)),
            ("liar", Some(false)),
            ("fraud", Some(false)),
            ("table", None),
        ];
        for (w, want) in cases {
            assert_eq!(super::of(w).map(|v| v > 0.0), want, "{w}");
        }
    }
}
