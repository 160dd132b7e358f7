//! The stance model: a multinomial logistic regression over the [`features`](super::features)
//! of a target in its sentence.
//!
//! Takes the tokens around a target; gives the probabilities of support, oppose and neutral.
//! Its weights (`data/stance_model.txt`, compiled into the crate) were trained by
//! `examples/train_stance.rs` on the training part of a stance data set; the file also holds
//! the vocabulary of common words (what is not a name). Parsed once, on first use; never does
//! IO, never learns at run time. The same input gives the same probabilities.
//!
//! The file, one entry a line (`#` starts a comment):
//! ```text
//! vocab the of and said ...
//! u|<t>→0.1234→-0.0456→-0.0778
//! ```
//! a `vocab` line lists common words; a weight line is a feature name and its weights for
//! support, oppose and neutral, separated by tabs (→ above).

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::Lexicon;
use crate::segment::Token;

use super::features::{self, Signals, Sink};
use super::Polarity;

const STANCE_MODEL: &str = include_str!("../../data/stance_model.txt");

/// The classes in the order of the weights.
pub const CLASSES: [Polarity; 3] = [Polarity::Support, Polarity::Oppose, Polarity::Neutral];

/// Weights by feature (hashed name) and the vocabulary of common words (hashed).
#[derive(Debug, Default)]
pub struct Model {
    weights: FxHashMap<u64, [f32; 3]>,
    vocab: FxHashSet<u64>,
    /// Lines of the file that could not be read.
    pub bad_lines: usize,
}

/// FNV-1a of the parts joined by `|`: the key of a feature named `a|b|c`.
pub fn hash_parts(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= u64::from(b'|');
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

impl Model {
    /// The model that ships with the crate.
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::parse(STANCE_MODEL))
    }

    /// Reads a model file (see the module doc); a line that does not parse is counted in
    /// `bad_lines` and left out.
    pub fn parse(text: &str) -> Model {
        let mut m = Model::default();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if let Some(words) = line.strip_prefix("vocab ") {
                m.vocab.extend(words.split(' ').map(|w| hash_parts(&[w])));
                continue;
            }
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or_default();
            let w: Vec<f32> = cols.filter_map(|c| c.trim().parse().ok()).collect();
            match w[..] {
                [s, o, n] if !name.is_empty() && w.iter().all(|x| x.is_finite()) => {
                    m.weights.insert(hash_parts(&[name]), [s, o, n]);
                }
                _ => m.bad_lines += 1,
            }
        }
        m
    }

    /// Number of weighted features.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Whether `word` (lowercase) is a common word of the vocabulary rather than a name.
    pub fn known(&self, word: &str) -> bool {
        self.vocab.contains(&hash_parts(&[word]))
    }

    /// Probabilities of support, oppose and neutral for the target at tokens `target`.
    pub fn probs(
        &self,
        toks: &[Token],
        target: std::ops::Range<usize>,
        signals: Signals,
        lex: &Lexicon,
    ) -> [f32; 3] {
        let mut s = Scorer {
            model: self,
            z: [0.0; 3],
        };
        features::extract(toks, target, signals, lex, &|w| self.known(w), &mut s);
        softmax(s.z)
    }
}

impl Model {
    /// Every feature of the target that has a weight, with its contribution (value × weight)
    /// to support, oppose and neutral: why the model judged as it did.
    pub fn explain(
        &self,
        toks: &[Token],
        target: std::ops::Range<usize>,
        signals: Signals,
        lex: &Lexicon,
    ) -> Vec<(String, [f32; 3])> {
        struct Named<'m>(&'m Model, Vec<(String, [f32; 3])>);
        impl Sink for Named<'_> {
            fn add(&mut self, parts: &[&str], value: f32) {
                if let Some(w) = self.0.weights.get(&hash_parts(parts)) {
                    self.1.push((parts.join("|"), w.map(|w| w * value)));
                }
            }
        }
        let mut n = Named(self, Vec::new());
        features::extract(toks, target, signals, lex, &|w| self.known(w), &mut n);
        n.1
    }
}

/// Adds the weights of each feature to the class scores.
struct Scorer<'m> {
    model: &'m Model,
    z: [f32; 3],
}

impl Sink for Scorer<'_> {
    fn add(&mut self, parts: &[&str], value: f32) {
        if let Some(w) = self.model.weights.get(&hash_parts(parts)) {
            for (z, w) in self.z.iter_mut().zip(w) {
                *z += w * value;
            }
        }
    }
}

pub fn softmax(z: [f32; 3]) -> [f32; 3] {
    let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e = z.map(|x| (x - m).exp());
    let sum: f32 = e.iter().sum();
    e.map(|x| x / sum)
}

/// Writes a model file: a comment header, the vocabulary (sorted, 20 words a line) and one
/// weight line per feature (sorted by name; weights to 4 decimals).
pub fn format_model(header: &str, vocab: &[String], weights: &[(String, [f32; 3])]) -> String {
    let mut out = String::new();
    for line in header.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    let mut vocab: Vec<&String> = vocab.iter().collect();
    vocab.sort();
    for chunk in vocab.chunks(20) {
        out.push_str("vocab");
        for w in chunk {
            out.push(' ');
            out.push_str(w);
        }
        out.push('\n');
    }
    let mut weights: Vec<&(String, [f32; 3])> = weights.iter().collect();
    weights.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, w) in weights {
        out.push_str(&format!("{name}\t{:.4}\t{:.4}\t{:.4}\n", w[0], w[1], w[2]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_model_reads_whole() {
        let m = Model::builtin();
        assert_eq!(m.bad_lines, 0);
        assert!(m.len() > 1000, "{} features", m.len());
        assert!(m.known("the") && !m.known("zqxj"));
    }

    #[test]
    fn a_written_model_reads_back() {
        let text = format_model(
            "test",
            &["good".into(), "the".into()],
            &[
                ("u|good".into(), [1.0, -1.0, 0.0]),
                ("bias".into(), [0.0, 0.0, 0.5]),
            ],
        );
        let m = Model::parse(&text);
        assert_eq!((m.len(), m.bad_lines), (2, 0));
        assert!(m.known("good"));
        assert_eq!(m.weights[&hash_parts(&["u", "good"])], [1.0, -1.0, 0.0]);
        // Damage costs only its line.
        let m = Model::parse(&format!("{text}u|x\t1\tnot a number\t2\nno tabs here\n"));
        assert_eq!((m.len(), m.bad_lines), (2, 2));
    }
}
