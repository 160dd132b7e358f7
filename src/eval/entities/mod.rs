//! Scores cross-document entity resolution against entity gold (`*.entities.jsonl`).
//!
//! A faithful port of the reference scorer `shared/eval/score_entities.py` (its figures and ours
//! must agree). Takes gold documents (character offsets, corpus-wide entity ids) and predictions
//! (one line per mention the system found: UTF-8 byte offsets and the system's entity id); gives
//! an [`EntityScore`]. Scored: *named* gold mentions (a word starting with a capital that is not
//! a pronoun) of entities with at least two mentions in their topic. A gold mention is found when
//! a prediction of its document overlaps it and ends on the same last word. B-cubed precision and
//! recall are averaged over the scored mentions, computed inside each topic; a gold mention not
//! found is a singleton. Also: mention recall, and the share of gold entities spanning several
//! documents whose found mentions all sit in one system entity.
//!
//! [`predict`] runs the whole pipeline (extraction, then canon across the corpus) on the gold
//! texts and gives the predictions; this module never reads files.
//!
//! Split by concern: `score.rs` (the port of the scorer) and `predict.rs` (the system's mentions).

mod predict;
mod score;

pub use predict::predict;
pub use score::{named, score};

use serde::{Deserialize, Serialize};

/// One gold document of an entity set.
#[derive(Debug, Clone, Deserialize)]
pub struct EntityGoldDoc {
    pub doc_id: String,
    #[serde(default)]
    pub topic: Option<String>,
    pub text: String,
    #[serde(default)]
    pub mentions: Vec<GoldMention>,
}

/// A gold mention: character offsets into the document text.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
}

/// A mention the system found: UTF-8 byte offsets and the system's corpus-wide entity id.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct EntityPrediction {
    pub doc_id: String,
    pub start: usize,
    pub end: usize,
    pub entity: String,
}

/// The figures of `score_entities.py`, rounded as it rounds them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityScore {
    pub scored_mentions: usize,
    pub mention_recall: f64,
    pub b3_p: f64,
    pub b3_r: f64,
    pub b3_f1: f64,
    pub cross_doc_entities: usize,
    pub cross_doc_kept_whole: f64,
}
