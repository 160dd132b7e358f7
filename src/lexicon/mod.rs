//! General language resources, compiled into the binary from `data/` and parsed once.
//!
//! Nothing here is about a particular article: reporting verbs in all their forms, pronouns,
//! titles and roles, the heads of anonymous-source phrases, a gazetteer of countries (with
//! adjectives and capitals), well-known organisations and news outlets, and page boilerplate.
//! Keys are lowercase; lookups take lowercase words.
//!
//! One file per resource family: `speech` (reporting verbs, cue phrases, pronouns), `names`
//! (given names, nicknames, honorifics, titles, head nouns), `words` (short word lists),
//! `gazetteer` (organisations, outlets, countries, places, equipment) and `stance` (evaluative
//! words). Never reads a file at run time: every list is compiled in.

mod gazetteer;
mod names;
mod speech;
mod stance;
mod words;

pub use gazetteer::{GazetteerEntry, KnownEntity};
pub use names::{is_title_joiner, Gender};
pub use speech::{CuePhrase, Frames, PhraseKind, PronounClass, Verb, VerbForm};
pub use stance::StanceClass;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};

/// What a named thing is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Org,
    Place,
    Outlet,
    Anonymous,
    Equipment,
    Money,
    Date,
}

impl EntityKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
            EntityKind::Outlet => "outlet",
            EntityKind::Anonymous => "anonymous",
            EntityKind::Equipment => "equipment",
            EntityKind::Money => "money",
            EntityKind::Date => "date",
        }
    }
}

#[derive(Debug, Default)]
pub struct Lexicon {
    verbs: HashMap<String, Verb>,
    pub phrases: Vec<CuePhrase>,
    /// Indices into `phrases` by their first word, longest phrase first.
    phrases_by_first: HashMap<&'static str, Vec<usize>>,
    pronouns: HashMap<&'static str, PronounClass>,
    title_words: HashSet<String>,
    titles: HashSet<&'static str>,
    org_words: HashSet<&'static str>,
    anonymous_heads: HashSet<&'static str>,
    abbreviations: HashSet<&'static str>,
    boilerplate: HashSet<&'static str>,
    known: HashMap<String, KnownEntity>,
    demonyms: HashMap<String, &'static str>,
    capitals: HashMap<String, &'static str>,
    /// Forms of countries and first-level divisions as they follow a town after a comma
    /// (`Calif.`, `Germany`), longest first; and the same forms lowercase.
    region_forms: Vec<&'static str>,
    regions: HashSet<String>,
    /// Every surface form of every gazetteer entry, matched over raw text in one pass.
    gazetteer: Option<AhoCorasick>,
    gazetteer_entries: Vec<GazetteerEntry>,
    equipment_heads: HashSet<&'static str>,
    equipment_modifiers: HashSet<&'static str>,
    stance_words: HashMap<&'static str, Vec<StanceClass>>,
    first_names: HashMap<&'static str, Gender>,
    /// Short form -> formal given name (`bill` -> `william`).
    nicknames: HashMap<&'static str, &'static str>,
    /// Common nouns a name can modify (`store`, `administration`), with the kind of the phrase.
    head_nouns: HashMap<&'static str, EntityKind>,
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Splits a `canonical | alias | alias` line.
fn fields(line: &'static str) -> Vec<&'static str> {
    line.split('|').map(str::trim).collect()
}

impl Lexicon {
    /// The built-in resources, parsed on first use.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::parse)
    }

    fn parse() -> Lexicon {
        let mut lex = Lexicon::default();
        lex.load_verbs();
        lex.load_phrases();
        lex.load_pronouns();
        lex.load_titles();
        lex.load_word_lists();
        lex.load_gazetteer();
        lex.load_stance_words();
        lex.load_given_names();
        lex
    }
}
