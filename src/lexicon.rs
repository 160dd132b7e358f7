//! General language resources, compiled into the binary from `data/` and parsed once.
//!
//! Nothing here is about a particular article: reporting verbs in all their forms, pronouns,
//! titles and roles, the heads of anonymous-source phrases, a gazetteer of countries (with
//! adjectives and capitals), well-known organisations and news outlets, and page boilerplate.
//! Keys are lowercase; lookups take lowercase words.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};

use serde::{Deserialize, Serialize};

/// What a reporting verb takes after it, which decides where its content starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Frames {
    /// A reported clause, optionally after "that": `said (that) ...`.
    pub clause: bool,
    /// A noun phrase or infinitive: `urged Washington to ...`, `praised the plan`.
    pub object: bool,
    /// An addressee and then a clause: `told reporters (that) ...`.
    pub tell: bool,
    /// Reports speech only with an animate subject (`underscore`, `signal`, `suggest`).
    pub animate: bool,
    /// Reports speech only right after a quotation (`"...," he continued`).
    pub after_quote: bool,
}

/// The inflection of a verb form as it stands in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Base,
    Third,
    /// Simple past or past participle (`said`, `stressed`, `written`).
    Past,
    Ing,
}

#[derive(Debug, Clone)]
pub struct Verb {
    pub lemma: &'static str,
    pub frames: Frames,
    pub form: VerbForm,
}

/// Multi-word cues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// The source follows: `according to X, ...`.
    SourceAfter,
    /// Works like a clause-taking reporting verb: `pointed out that ...`.
    Verb,
}

#[derive(Debug, Clone)]
pub struct CuePhrase {
    pub words: Vec<&'static str>,
    pub kind: PhraseKind,
    pub form: VerbForm,
}

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

/// A gazetteer entry.
#[derive(Debug, Clone)]
pub struct KnownEntity {
    pub canonical: &'static str,
    pub kind: EntityKind,
}

/// The usual gender of a given name or an honorific.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    /// A name borne by both (`Jordan`, `Kim`).
    Either,
}

impl Gender {
    /// Whether a person known as `self` can be one known as `other`.
    pub fn agrees(self, other: Gender) -> bool {
        self == other || self == Gender::Either || other == Gender::Either
    }
}

/// Grammatical class of a pronoun, used to find its antecedent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounClass {
    Male,
    Female,
    Plural,
    First,
    Second,
    Neuter,
    Relative,
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

/// One surface form of a gazetteer entry, as the data file writes it.
#[derive(Debug, Clone)]
pub struct GazetteerEntry {
    /// The form as written (`the Pentagon`, `U.S.`); its capitals must be capitals in the text.
    pub surface: &'static str,
    pub entity: KnownEntity,
    /// The data writes this form only with `the` (`the Alliance`): the match needs it before.
    pub needs_article: bool,
}

impl GazetteerEntry {
    /// Whether `found` (matched case-insensitively) has the entry's capitalisation: every capital
    /// of the surface form is a capital in the text, and an acronym (`US`, `WHO`) matches exactly.
    pub fn case_fits(&self, found: &str) -> bool {
        let letters = self.surface.chars().filter(|c| c.is_alphabetic());
        let acronym = letters.clone().count() <= 6 && letters.clone().all(char::is_uppercase);
        if acronym {
            return found == self.surface;
        }
        self.surface
            .chars()
            .zip(found.chars())
            .all(|(a, b)| !a.is_uppercase() || b.is_uppercase())
    }
}

/// What an evaluative word does in a stance judgement (see `data/stance_words.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StanceClass {
    Positive,
    Negative,
    Benefit,
    Harm,
    Reducer,
    /// Undoes the reducer after it: `resume the suspended deliveries`.
    Restorer,
    Negator,
    Contrast,
}

const SPEECH_VERBS: &str = include_str!("../data/speech_verbs.txt");
const CUE_PHRASES: &str = include_str!("../data/cue_phrases.txt");
const PRONOUNS: &str = include_str!("../data/pronouns.txt");
const TITLES: &str = include_str!("../data/titles.txt");
const ORG_WORDS: &str = include_str!("../data/org_words.txt");
const ORGANISATIONS: &str = include_str!("../data/organisations.txt");
const OUTLETS: &str = include_str!("../data/outlets.txt");
const COUNTRIES: &str = include_str!("../data/countries.txt");
const ANONYMOUS: &str = include_str!("../data/anonymous_nouns.txt");
const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
const BOILERPLATE: &str = include_str!("../data/boilerplate.txt");
const PLACES: &str = include_str!("../data/places.txt");
const EQUIPMENT: &str = include_str!("../data/equipment.txt");
const STANCE_WORDS: &str = include_str!("../data/stance_words.txt");
const FIRST_NAMES: &str = include_str!("../data/first_names.txt");
const NICKNAMES: &str = include_str!("../data/nicknames.txt");
const HEAD_NOUNS: &str = include_str!("../data/head_nouns.txt");

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Regular English inflections of a verb lemma: (third person, past, -ing).
fn inflect(lemma: &str) -> (String, String, String) {
    let b = lemma.as_bytes();
    let last = b[b.len() - 1];
    let before_last = if b.len() > 1 { b[b.len() - 2] } else { b'a' };
    let third = if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with('o')
    {
        format!("{lemma}es")
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}s")
    };
    let past = if last == b'e' {
        format!("{lemma}d")
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ed")
    };
    let ing = if let Some(stem) = lemma.strip_suffix("ie") {
        format!("{stem}ying")
    } else if last == b'e' && before_last != b'e' && lemma.len() > 2 {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ing")
    };
    (third, past, ing)
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
        for line in lines(SPEECH_VERBS) {
            let Some((tag, forms)) = line.split_once(':') else {
                continue;
            };
            let words: Vec<&'static str> = forms.split_whitespace().collect();
            let Some(&lemma) = words.first() else {
                continue;
            };
            let (third, mut past, mut ing) = inflect(lemma);
            let mut participle = None;
            if let Some(p) = words.get(1) {
                // A doubled final consonant in the past doubles in -ing too (slam, slammed, slamming).
                let doubled = format!("{lemma}{}ed", &lemma[lemma.len() - 1..]);
                if *p == doubled {
                    ing = format!("{lemma}{}ing", &lemma[lemma.len() - 1..]);
                }
                past = p.to_string();
            }
            if let Some(p) = words.get(2) {
                participle = Some(p.to_string());
            }
            let frame = |f: &mut Frames| match tag.trim() {
                "clause" => f.clause = true,
                "object" => f.object = true,
                "tell" => f.tell = true,
                "after_quote" => {
                    f.clause = true;
                    f.after_quote = true;
                }
                "animate" => {
                    f.clause = true;
                    f.animate = true;
                }
                other => panic!("speech_verbs.txt: unknown tag {other}"),
            };
            let mut forms = vec![
                (lemma.to_string(), VerbForm::Base),
                (third, VerbForm::Third),
                (past, VerbForm::Past),
                (ing, VerbForm::Ing),
            ];
            if let Some(p) = participle {
                forms.push((p, VerbForm::Past));
            }
            for (form_text, form) in forms {
                let entry = lex.verbs.entry(form_text).or_insert(Verb {
                    lemma,
                    frames: Frames::default(),
                    form,
                });
                frame(&mut entry.frames);
            }
        }
        for line in lines(CUE_PHRASES) {
            let Some((tag, phrase)) = line.split_once(':') else {
                continue;
            };
            let words: Vec<&'static str> = phrase.split_whitespace().collect();
            let kind = match tag.trim() {
                "source_after" => PhraseKind::SourceAfter,
                _ => PhraseKind::Verb,
            };
            let first = words[0];
            let form = if first.ends_with("ing") {
                VerbForm::Ing
            } else if first.ends_with('s') && !first.ends_with("ss") {
                VerbForm::Third
            } else if first.ends_with("ed")
                || matches!(
                    first,
                    "made" | "went" | "told" | "was" | "is" | "were" | "put"
                )
            {
                VerbForm::Past
            } else {
                VerbForm::Base
            };
            lex.phrases.push(CuePhrase { words, kind, form });
        }
        // Longest phrases first, so "made it clear" wins over "made clear".
        lex.phrases
            .sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        for (k, p) in lex.phrases.iter().enumerate() {
            lex.phrases_by_first.entry(p.words[0]).or_default().push(k);
        }
        for line in lines(PRONOUNS) {
            if let Some((word, class)) = line.split_once(':') {
                let class = match class.trim() {
                    "male" => PronounClass::Male,
                    "female" => PronounClass::Female,
                    "plural" => PronounClass::Plural,
                    "first" => PronounClass::First,
                    "second" => PronounClass::Second,
                    "neuter" => PronounClass::Neuter,
                    _ => PronounClass::Relative,
                };
                lex.pronouns.insert(word.trim(), class);
            }
        }
        for line in lines(TITLES) {
            lex.titles.insert(line);
            for w in line.split_whitespace() {
                lex.title_words.insert(w.trim_end_matches('.').to_string());
            }
        }
        lex.org_words.extend(lines(ORG_WORDS));
        lex.anonymous_heads.extend(lines(ANONYMOUS));
        lex.abbreviations.extend(lines(ABBREVIATIONS));
        lex.boilerplate.extend(lines(BOILERPLATE));
        let mut entries: Vec<GazetteerEntry> = Vec::new();
        // Order matters: an earlier list's reading of a name wins (countries override).
        for (data, kind) in [
            (ORGANISATIONS, EntityKind::Org),
            (OUTLETS, EntityKind::Outlet),
        ] {
            lex.load_names(&mut entries, data, kind);
        }
        for line in lines(COUNTRIES) {
            let f = fields(line);
            let canonical = f[0];
            let place = KnownEntity {
                canonical,
                kind: EntityKind::Place,
            };
            lex.add_name(&mut entries, canonical, &place, true);
            if let Some(adjs) = f.get(1) {
                for a in adjs.split(',').map(str::trim).filter(|a| !a.is_empty()) {
                    lex.demonyms.insert(a.to_lowercase(), canonical);
                }
            }
            if let Some(cap) = f.get(2).filter(|c| !c.is_empty()) {
                lex.capitals.insert(cap.to_lowercase(), canonical);
                let capital = KnownEntity {
                    canonical: cap,
                    kind: EntityKind::Place,
                };
                lex.add_name(&mut entries, cap, &capital, false);
            }
            if let Some(others) = f.get(3) {
                for o in others.split(',').map(str::trim).filter(|o| !o.is_empty()) {
                    lex.add_name(&mut entries, o, &place, true);
                }
            }
        }
        for (data, kind) in [
            (PLACES, EntityKind::Place),
            (EQUIPMENT, EntityKind::Equipment),
        ] {
            lex.load_names(&mut entries, data, kind);
        }
        for line in lines(STANCE_WORDS) {
            let Some((section, words)) = line.split_once(':') else {
                continue;
            };
            let class = match section.trim() {
                "positive" => StanceClass::Positive,
                "negative" => StanceClass::Negative,
                "benefit" => StanceClass::Benefit,
                "harm" => StanceClass::Harm,
                "reducer" => StanceClass::Reducer,
                "restorer" => StanceClass::Restorer,
                "negator" => StanceClass::Negator,
                _ => StanceClass::Contrast,
            };
            for w in words.split(',').map(str::trim).filter(|w| !w.is_empty()) {
                let classes = lex.stance_words.entry(w).or_default();
                if !classes.contains(&class) {
                    classes.push(class);
                }
            }
        }
        lex.load_given_names();
        // Match bare forms, so that "the U.S." does not hide "U.S. Department of Defense"; a
        // form listed only with "the" needs it in the text.
        let bare: HashSet<String> = entries
            .iter()
            .filter(|e| !e.surface.starts_with("the "))
            .map(|e| e.surface.to_lowercase())
            .collect();
        for e in &mut entries {
            if let Some(rest) = e.surface.strip_prefix("the ") {
                e.needs_article = !bare.contains(&rest.to_lowercase());
                e.surface = rest;
            }
        }
        let mut seen = HashSet::default();
        entries.retain(|e| seen.insert(e.surface));
        lex.gazetteer = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // A thousand short patterns: a full DFA is small and scans fastest.
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(StartKind::Anchored)
            .build(entries.iter().map(|e| e.surface))
            .ok();
        lex.gazetteer_entries = entries;
        lex
    }

    /// Given names with their gender, and short forms with their formal name (a short form
    /// listed under two formal names is ambiguous and left out).
    fn load_given_names(&mut self) {
        for line in lines(FIRST_NAMES) {
            let Some((name, g)) = line.split_once(' ') else {
                continue;
            };
            let g = match g.trim() {
                "m" => Gender::Male,
                "f" => Gender::Female,
                _ => Gender::Either,
            };
            self.first_names.insert(name, g);
        }
        let mut seen: HashMap<&'static str, usize> = HashMap::default();
        for line in lines(NICKNAMES) {
            let Some((formal, short)) = line.split_once(':') else {
                continue;
            };
            for s in short.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                *seen.entry(s).or_default() += 1;
                self.nicknames.insert(s, formal.trim());
            }
        }
        self.nicknames.retain(|s, _| seen[s] == 1);
        for line in lines(HEAD_NOUNS) {
            let Some((kind, nouns)) = line.split_once(':') else {
                continue;
            };
            let kind = match kind.trim() {
                "place" => EntityKind::Place,
                "org" => EntityKind::Org,
                _ => EntityKind::Equipment,
            };
            for n in nouns.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                self.head_nouns.insert(n, kind);
            }
        }
    }

    /// The kind of a phrase headed by this lowercase common noun after a name (`store`: a
    /// place, `administration`: an organisation, `smartphone`: a thing), if it is one.
    pub fn head_noun(&self, word: &str) -> Option<EntityKind> {
        self.head_nouns.get(word).copied()
    }

    /// The usual gender of a lowercase given name, if the list knows it as one.
    pub fn first_name(&self, word: &str) -> Option<Gender> {
        self.first_names.get(word).copied()
    }

    /// The formal given name of a lowercase short form (`bill` -> `william`), else the word.
    pub fn formal_name<'a>(&self, word: &'a str) -> &'a str
    where
        'static: 'a,
    {
        self.nicknames.get(word).copied().unwrap_or(word)
    }

    /// The gender an honorific or gendered title gives (`mrs.` -> female), lowercase.
    pub fn honorific_gender(&self, word: &str) -> Option<Gender> {
        match word.trim_end_matches('.') {
            "mr" | "sir" | "lord" | "king" | "prince" | "father" | "congressman" | "chairman"
            | "spokesman" | "businessman" | "actor" => Some(Gender::Male),
            "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" | "queen" | "princess"
            | "congresswoman" | "chairwoman" | "spokeswoman" | "businesswoman" | "actress"
            | "first lady" => Some(Gender::Female),
            _ => None,
        }
    }

    /// A word that closes a personal name without being part of it (`Jr.`, `III`).
    pub fn is_name_suffix(&self, word: &str) -> bool {
        matches!(
            word.trim_end_matches('.'),
            "jr" | "sr" | "ii" | "iii" | "iv" | "md" | "phd" | "esq"
        )
    }

    /// The reporting verb spelled `word` (lowercase), if it is one.
    pub fn verb(&self, word: &str) -> Option<&Verb> {
        self.verbs.get(word)
    }

    pub fn verb_form_count(&self) -> usize {
        self.verbs.len()
    }

    /// Reads a `canonical | alias | adj: adjective` list (with `heads:` / `modifiers:` lines for
    /// equipment words).
    fn load_names(
        &mut self,
        entries: &mut Vec<GazetteerEntry>,
        data: &'static str,
        kind: EntityKind,
    ) {
        for line in lines(data) {
            if let Some(words) = line.strip_prefix("heads:") {
                self.equipment_heads.extend(words.split(',').map(str::trim));
                continue;
            }
            if let Some(words) = line.strip_prefix("modifiers:") {
                self.equipment_modifiers
                    .extend(words.split(',').map(str::trim));
                continue;
            }
            let f = fields(line);
            let entity = KnownEntity {
                canonical: f[0].strip_prefix("the ").unwrap_or(f[0]),
                kind,
            };
            for name in f.iter().filter(|n| !n.is_empty()) {
                match name.strip_prefix("adj:") {
                    Some(adj) => {
                        self.demonyms
                            .insert(adj.trim().to_lowercase(), entity.canonical);
                    }
                    None => self.add_name(entries, name, &entity, false),
                }
            }
        }
    }

    /// Records `surface` as a name of `entity`: for lookups by lowercase name (an earlier entry
    /// wins unless `overwrite`) and as a pattern of the gazetteer automaton.
    fn add_name(
        &mut self,
        entries: &mut Vec<GazetteerEntry>,
        surface: &'static str,
        entity: &KnownEntity,
        overwrite: bool,
    ) {
        let key = surface.to_lowercase();
        if overwrite {
            self.known.insert(key, entity.clone());
        } else {
            self.known.entry(key).or_insert_with(|| entity.clone());
        }
        entries.push(GazetteerEntry {
            surface,
            entity: entity.clone(),
            needs_article: false,
        });
    }

    /// Cue phrases starting with the lowercase `word`, longest first.
    pub fn phrases_starting(&self, word: &str) -> impl Iterator<Item = &CuePhrase> {
        self.phrases_by_first
            .get(word)
            .into_iter()
            .flatten()
            .map(|&k| &self.phrases[k])
    }

    pub fn pronoun(&self, word: &str) -> Option<PronounClass> {
        self.pronouns.get(word).copied()
    }

    /// A word that can be part of a title or role (`secretary`, `general`, `former`, `sen.`).
    /// Hyphenated words count when each part does (`president-elect`).
    pub fn is_title_word(&self, word: &str) -> bool {
        let w = word.trim_end_matches('.');
        self.title_words.contains(w)
            || w.contains('-')
                && w.split('-')
                    .all(|p| !p.is_empty() && self.title_words.contains(p))
    }

    pub fn is_title(&self, phrase: &str) -> bool {
        self.titles.contains(phrase)
    }

    pub fn is_org_word(&self, word: &str) -> bool {
        self.org_words.contains(word)
    }

    pub fn is_anonymous_head(&self, word: &str) -> bool {
        self.anonymous_heads.contains(word)
    }

    /// An abbreviation whose full stop does not end a sentence (`mr`, `sen`, `u.s`).
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    pub fn is_boilerplate(&self, line: &str) -> bool {
        self.boilerplate.contains(line)
    }

    /// A gazetteer entry for a lowercase name (`the pentagon`, `u.s.`, `bloomberg`).
    pub fn known(&self, name: &str) -> Option<&KnownEntity> {
        self.known.get(name)
    }

    /// The country a lowercase nationality adjective belongs to (`ukrainian` -> Ukraine).
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        self.demonyms.get(word).copied()
    }

    /// The longest gazetteer entry starting at byte `at` of `text` (a word start), as a whole
    /// word and with the entry's capitalisation; the range takes in a `the` before it when the
    /// entry is written with one (`the Alliance`).
    pub fn gazetteer_match_at<'a>(
        &'a self,
        text: &str,
        at: usize,
    ) -> Option<(std::ops::Range<usize>, &'a GazetteerEntry)> {
        let ac = self.gazetteer.as_ref()?;
        let input = Input::new(text)
            .span(at..text.len())
            .anchored(Anchored::Yes);
        let m = ac.find(input)?;
        let e = &self.gazetteer_entries[m.pattern().as_usize()];
        let (a, b) = (m.start(), m.end());
        let after_ok = !text[b..].chars().next().is_some_and(char::is_alphanumeric);
        let head = text[..a].trim_end_matches(' ');
        let article = head.len() + 1 == a
            && (head.ends_with(" the") || head.ends_with("The") || head == "the")
            && !head[..head.len() - 3]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        let start = if article { a - 4 } else { a };
        (after_ok && e.case_fits(&text[a..b]) && (article || !e.needs_article))
            .then_some((start..b, e))
    }

    pub fn is_equipment_head(&self, word: &str) -> bool {
        self.equipment_heads.contains(word)
    }

    pub fn is_equipment_modifier(&self, word: &str) -> bool {
        self.equipment_modifiers.contains(word)
    }

    /// What a lowercase word does for stance, if anything.
    pub fn stance_classes(&self, word: &str) -> &[StanceClass] {
        self.stance_words.get(word).map_or(&[], Vec::as_slice)
    }

    pub fn capital_of(&self, word: &str) -> Option<&'static str> {
        self.capitals.get(word).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_follow_english_spelling() {
        let cases = [
            ("say", "says", "sayed", "saying"),
            ("stress", "stresses", "stressed", "stressing"),
            ("deny", "denies", "denied", "denying"),
            ("state", "states", "stated", "stating"),
            ("tie", "ties", "tied", "tying"),
        ];
        for (lemma, third, past, ing) in cases {
            assert_eq!(
                inflect(lemma),
                (third.into(), past.into(), ing.into()),
                "{lemma}"
            );
        }
    }

    #[test]
    fn the_verb_lexicon_knows_hundreds_of_forms() {
        let lex = Lexicon::builtin();
        assert!(lex.verb_form_count() > 500, "{}", lex.verb_form_count());
        for form in [
            "said",
            "says",
            "told",
            "stressed",
            "emphasized",
            "warning",
            "slammed",
            "slamming",
            "written",
        ] {
            assert!(lex.verb(form).is_some(), "{form}");
        }
        assert_eq!(lex.verb("said").unwrap().form, VerbForm::Past);
        assert!(lex.verb("told").unwrap().frames.tell);
    }

    #[test]
    fn gazetteer_maps_aliases_to_one_entity() {
        let lex = Lexicon::builtin();
        assert_eq!(
            lex.known("the pentagon").unwrap().canonical,
            "U.S. Department of Defense"
        );
        assert_eq!(lex.known("u.s.").unwrap().canonical, "United States");
        assert_eq!(lex.known("bloomberg").unwrap().kind, EntityKind::Outlet);
        assert_eq!(lex.demonym("ukrainian"), Some("Ukraine"));
        assert_eq!(lex.capital_of("kyiv"), Some("Ukraine"));
    }
}
