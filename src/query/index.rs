//! The words of a graph's quotes, folded once and indexed, for who-said over a graph.

use std::collections::{BTreeSet, HashMap};

use petgraph::stable_graph::NodeIndex;

use crate::graph::{quote_key, NodeKind, QuoteGraph};

/// Quote words folded and indexed, built once per graph.
#[derive(Debug, Default)]
pub struct QuoteIndex {
    quotes: Vec<(NodeIndex, Vec<u32>)>,
    vocabulary: Vec<String>,
    word_ids: HashMap<String, u32>,
    /// Word id -> quotes (positions in `quotes`) holding it.
    postings: Vec<Vec<u32>>,
}

impl QuoteIndex {
    pub fn new(g: &QuoteGraph) -> QuoteIndex {
        let mut ix = QuoteIndex::default();
        for (i, n) in g.nodes().filter(|(_, n)| n.kind == NodeKind::Quote) {
            let pos = ix.quotes.len() as u32;
            let words: Vec<u32> = quote_key(&n.label)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let next = ix.vocabulary.len() as u32;
                    let id = *ix.word_ids.entry(w.to_string()).or_insert(next);
                    if id == next {
                        ix.vocabulary.push(w.to_string());
                        ix.postings.push(Vec::new());
                    }
                    let p = &mut ix.postings[id as usize];
                    if p.last() != Some(&pos) {
                        p.push(pos);
                    }
                    id
                })
                .collect();
            ix.quotes.push((i, words));
        }
        ix
    }

    /// Word ids a query word stands for: itself, or with `fuzzy` every form sharing its stem.
    fn forms(&self, word: &str, fuzzy: bool) -> BTreeSet<u32> {
        let mut out = BTreeSet::new();
        if let Some(&id) = self.word_ids.get(word) {
            out.insert(id);
        }
        if fuzzy {
            let root = stem(word);
            for (id, w) in self.vocabulary.iter().enumerate() {
                if root.len() >= 4 && stem(w) == root {
                    out.insert(id as u32);
                }
            }
        }
        out
    }

    /// Quote nodes whose words contain the phrase's words in a row.
    pub fn search(&self, phrase: &str, fuzzy: bool) -> Vec<NodeIndex> {
        let words: Vec<String> = quote_key(phrase)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        if words.is_empty() {
            return Vec::new();
        }
        let forms: Vec<BTreeSet<u32>> = words.iter().map(|w| self.forms(w, fuzzy)).collect();
        if forms.iter().any(BTreeSet::is_empty) {
            return Vec::new();
        }
        // Candidates: quotes holding some form of the rarest word.
        let rarest = forms
            .iter()
            .min_by_key(|f| {
                f.iter()
                    .map(|&w| self.postings[w as usize].len())
                    .sum::<usize>()
            })
            .expect("non-empty");
        let mut candidates: Vec<u32> = rarest
            .iter()
            .flat_map(|&w| self.postings[w as usize].iter().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter(|&q| {
                let qw = &self.quotes[q as usize].1;
                qw.windows(forms.len())
                    .any(|win| win.iter().zip(&forms).all(|(w, f)| f.contains(w)))
            })
            .map(|q| self.quotes[q as usize].0)
            .collect()
    }
}

/// A crude English stem: the word without common derivational and inflectional endings.
pub(crate) fn stem(w: &str) -> String {
    const ENDINGS: [&str; 16] = [
        "ibility", "ability", "ations", "ation", "ities", "ible", "able", "ness", "ment", "ings",
        "ity", "ing", "ies", "ed", "es", "s",
    ];
    for e in ENDINGS {
        if let Some(s) = w.strip_suffix(e) {
            if s.len() >= 4 {
                return s.trim_end_matches('e').to_string();
            }
        }
    }
    w.trim_end_matches('e').to_string()
}
