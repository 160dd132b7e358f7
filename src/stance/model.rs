//! The stance model: linear class scores over the [`features`](super::features) of a target in
//! its sentence, turned into probabilities by softmax.
//!
//! Takes the tokens around a target and their forms; gives the probabilities of support, oppose
//! and neutral. Its weights (`data/stance_model.bin`, compiled into the crate) were fitted by
//! `examples/train_stance` on the training part of a stance data set; the file also holds the
//! vocabulary of common words (what is not a name). Never does IO, never learns at run time;
//! the same input gives the same probabilities.
//!
//! The file is read in place, without parsing: two open-addressing hash tables laid out by the
//! trainer, so loading costs a check of its header and lookups touch a slot or two.
//!
//! ```text
//! "QGSTANCE" u32 version (1) u32 vocab slots u32 weight slots u32 about length   (little-endian)
//! vocab slots × u64            hashed common words (0: empty)
//! weight slots × u64           hashed feature names (0: empty)
//! weight slots × 3 f32         weights of support, oppose, neutral
//! about                        UTF-8: how the model was trained
//! ```
//! A key combines the FNV-1a hashes of the parts of the name (the words between its `|`s, in
//! order: [`key_of`], [`hash_name`]; 0 reads as 1), so that the scorer hashes each word once per
//! text, not once per feature; its first slot is given by [`slot`], then the next ones in turn. Slot counts are powers of two, at most 3/4
//! full, so every probe sequence meets an empty slot.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::lexicon::Lexicon;
use crate::segment::Token;

use super::features::{self, Form, Part, Signals, Sink};
use super::Polarity;

const STANCE_MODEL: &[u8] = include_bytes!("../../data/stance_model.bin");
const MAGIC: &[u8; 8] = b"QGSTANCE";
const VERSION: u32 = 2;
const HEADER: usize = 24;

/// The classes in the order of the weights.
pub const CLASSES: [Polarity; 3] = [Polarity::Support, Polarity::Oppose, Polarity::Neutral];

/// Why bytes are not a model file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    #[error("not a stance model (no QGSTANCE header)")]
    NotAModel,
    #[error("stance model version {0}, this build reads version 2")]
    Version(u32),
    #[error("stance model tables do not fit its {0} bytes")]
    Truncated(usize),
    #[error("stance model table sizes {0} and {1} are not powers of two")]
    Slots(usize, usize),
}

/// A model file, read in place.
#[derive(Debug, Clone)]
pub struct Model {
    bytes: Cow<'static, [u8]>,
    vocab_slots: usize,
    weight_slots: usize,
    about: usize,
}

/// FNV-1a of one part of a feature's name (a word, or a fixed part such as `L`).
pub const fn part_hash(part: &str) -> u64 {
    let b = part.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// The key of a feature from the hashes of its name's parts, in order.
pub fn key_of(parts: impl IntoIterator<Item = u64>) -> u64 {
    let mut h: u64 = 0x2545_f491_4f6c_dd1d;
    for p in parts {
        h = (h ^ p).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
    }
    h.max(1)
}

/// The key of a feature given as parts: `["u", "good"]` for `u|good`.
pub fn hash_parts(parts: &[&str]) -> u64 {
    key_of(parts.iter().map(|p| part_hash(p)))
}

/// The key of a feature named `a|b|c` (no part holds a `|`: see `features::forms`).
pub fn hash_name(name: &str) -> u64 {
    key_of(name.split('|').map(part_hash))
}

/// The first slot of `key` in a table of `slots` (a power of two) slots.
pub fn slot(key: u64, slots: usize) -> usize {
    let mixed = (key ^ (key >> 31)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed >> 32) as usize & (slots - 1)
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8).map_or(0, |s| {
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        u64::from_le_bytes(a)
    })
}

impl Model {
    /// The model that ships with the crate (empty, so every target is neutral, if its file were
    /// damaged; a test makes sure it is not).
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(Cow::Borrowed(STANCE_MODEL)).unwrap_or_default())
    }

    /// Reads a model file (see the module doc): checks the header and that the tables fit.
    pub fn from_bytes(bytes: Cow<'static, [u8]>) -> Result<Model, ModelError> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let version = u32_at(&bytes, 8);
        if version != VERSION {
            return Err(ModelError::Version(version));
        }
        let (v, w, about) = (
            u32_at(&bytes, 12) as usize,
            u32_at(&bytes, 16) as usize,
            u32_at(&bytes, 20) as usize,
        );
        if !v.is_power_of_two() || !w.is_power_of_two() {
            return Err(ModelError::Slots(v, w));
        }
        if HEADER + v * 8 + w * 20 + about != bytes.len() {
            return Err(ModelError::Truncated(bytes.len()));
        }
        Ok(Model {
            bytes,
            vocab_slots: v,
            weight_slots: w,
            about,
        })
    }

    /// The slot holding `key` in the table at byte `at` of `slots` slots.
    fn find(&self, at: usize, slots: usize, key: u64) -> Option<usize> {
        let mut i = slot(key, slots);
        for _ in 0..slots {
            match u64_at(&self.bytes, at + i * 8) {
                0 => return None,
                k if k == key => return Some(i),
                _ => i = (i + 1) & (slots - 1),
            }
        }
        None
    }

    /// The weights of the feature with key `key`.
    #[inline]
    fn weights(&self, key: u64) -> Option<[f32; 3]> {
        let table = HEADER + self.vocab_slots * 8;
        let i = self.find(table, self.weight_slots, key)?;
        let at = table + self.weight_slots * 8 + i * 12;
        Some([0, 1, 2].map(|k| f32::from_bits(u32_at(&self.bytes, at + 4 * k))))
    }

    /// Number of weighted features.
    pub fn len(&self) -> usize {
        let at = HEADER + self.vocab_slots * 8;
        (0..self.weight_slots)
            .filter(|i| u64_at(&self.bytes, at + i * 8) != 0)
            .count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How the model was trained (the trainer's words).
    pub fn about(&self) -> &str {
        let end = self.bytes.len();
        std::str::from_utf8(&self.bytes[end - self.about..]).unwrap_or("")
    }

    /// Whether `word` (lowercase) is a common word of the vocabulary rather than a name.
    pub fn known(&self, word: &str) -> bool {
        self.vocab_slots > 0
            && self
                .find(HEADER, self.vocab_slots, hash_parts(&[word]))
                .is_some()
    }

    /// Probabilities of support, oppose and neutral for the target at tokens `target`.
    pub fn probs(
        &self,
        toks: &[Token],
        forms: &[Form],
        target: std::ops::Range<usize>,
        signals: Signals,
        lex: &Lexicon,
    ) -> [f32; 3] {
        let mut s = Scorer {
            model: self,
            z: [0.0; 3],
        };
        features::extract(toks, forms, target, signals, lex, &mut s);
        softmax(s.z)
    }

    /// Every feature of the target that has a weight, with its contribution (value × weight)
    /// to support, oppose and neutral: why the model judged as it did.
    pub fn explain(
        &self,
        toks: &[Token],
        forms: &[Form],
        target: std::ops::Range<usize>,
        signals: Signals,
        lex: &Lexicon,
    ) -> Vec<(String, [f32; 3])> {
        struct Named<'m>(&'m Model, Vec<(String, [f32; 3])>);
        impl Sink for Named<'_> {
            fn add(&mut self, parts: &[Part], value: f32) {
                if let Some(w) = self.0.weights(key_of(parts.iter().map(|p| p.hash))) {
                    let name: Vec<&str> = parts.iter().map(|p| p.text).collect();
                    self.1.push((name.join("|"), w.map(|w| w * value)));
                }
            }
        }
        let mut n = Named(self, Vec::new());
        features::extract(toks, forms, target, signals, lex, &mut n);
        n.1
    }
}

impl Default for Model {
    /// A model with no weights and no vocabulary.
    fn default() -> Model {
        Model {
            bytes: Cow::Borrowed(&[]),
            vocab_slots: 0,
            weight_slots: 0,
            about: 0,
        }
    }
}

/// Adds the weights of each feature to the class scores.
struct Scorer<'m> {
    model: &'m Model,
    z: [f32; 3],
}

impl Sink for Scorer<'_> {
    // Called for every feature of every target: inlined into `features::extract`.
    #[inline]
    fn add(&mut self, parts: &[Part], value: f32) {
        if self.model.weight_slots == 0 {
            return;
        }
        if let Some(w) = self.model.weights(key_of(parts.iter().map(|p| p.hash))) {
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

/// Slots for `n` keys: a power of two at most 3/4 full (at least 2, so one is empty).
fn slots_for(n: usize) -> usize {
    (n * 4).div_ceil(3).max(2).next_power_of_two()
}

/// Lays keys out in a table of `slots` slots; gives each key's slot.
fn lay_out(keys: &[u64], slots: usize) -> (Vec<u64>, Vec<usize>) {
    let mut table = vec![0u64; slots];
    let mut at = Vec::with_capacity(keys.len());
    for &k in keys {
        let mut i = slot(k, slots);
        while table[i] != 0 && table[i] != k {
            i = (i + 1) & (slots - 1);
        }
        table[i] = k;
        at.push(i);
    }
    (table, at)
}

/// Writes a model file (see the module doc): the vocabulary, the weights by feature name and
/// what `about` says of them. The same input gives the same bytes.
pub fn to_bytes(about: &str, vocab: &[String], weights: &[(String, [f32; 3])]) -> Vec<u8> {
    let mut vocab_keys: Vec<u64> = vocab.iter().map(|w| hash_parts(&[w])).collect();
    vocab_keys.sort_unstable();
    vocab_keys.dedup();
    let mut weights: Vec<(u64, [f32; 3])> =
        weights.iter().map(|(n, w)| (hash_name(n), *w)).collect();
    weights.sort_by_key(|w| w.0);
    weights.dedup_by_key(|w| w.0);
    let (v, w) = (slots_for(vocab_keys.len()), slots_for(weights.len()));
    let (vocab_table, _) = lay_out(&vocab_keys, v);
    let keys: Vec<u64> = weights.iter().map(|w| w.0).collect();
    let (weight_table, at) = lay_out(&keys, w);
    let mut values = vec![[0.0f32; 3]; w];
    for (i, (_, ws)) in at.into_iter().zip(&weights) {
        values[i] = *ws;
    }
    let mut out = Vec::with_capacity(HEADER + v * 8 + w * 20 + about.len());
    out.extend_from_slice(MAGIC);
    for n in [VERSION, v as u32, w as u32, about.len() as u32] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    for k in vocab_table.iter().chain(&weight_table) {
        out.extend_from_slice(&k.to_le_bytes());
    }
    for x in values.iter().flatten() {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.extend_from_slice(about.as_bytes());
    out
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
