//! Gazetteers: well-known organisations, news outlets, countries (with their adjectives and
//! capitals), places and military equipment, from `data/`, matched over raw text by one
//! Aho-Corasick automaton.
//!
//! Takes the built-in lists; gives lookups by lowercase name and anchored matches in text; never
//! decides what a name in an article is (the entities stage weighs a match against its context).

use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use rustc_hash::FxHashSet as HashSet;

use super::{fields, lines, EntityKind, Lexicon};

const ORGANISATIONS: &str = include_str!("../../data/organisations.txt");
const OUTLETS: &str = include_str!("../../data/outlets.txt");
const COUNTRIES: &str = include_str!("../../data/countries.txt");
const PLACES: &str = include_str!("../../data/places.txt");
const EQUIPMENT: &str = include_str!("../../data/equipment.txt");
const REGIONS: &str = include_str!("../../data/regions.txt");

/// A gazetteer entry.
#[derive(Debug, Clone)]
pub struct KnownEntity {
    pub canonical: &'static str,
    pub kind: EntityKind,
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

impl Lexicon {
    /// Reads every gazetteer list and builds the automaton over their surface forms.
    pub(super) fn load_gazetteer(&mut self) {
        let mut entries: Vec<GazetteerEntry> = Vec::new();
        // Order matters: an earlier list's reading of a name wins (countries override).
        for (data, kind) in [
            (ORGANISATIONS, EntityKind::Org),
            (OUTLETS, EntityKind::Outlet),
        ] {
            self.load_names(&mut entries, data, kind);
        }
        for line in lines(COUNTRIES) {
            let f = fields(line);
            let canonical = f[0];
            let place = KnownEntity {
                canonical,
                kind: EntityKind::Place,
            };
            self.add_name(&mut entries, canonical, &place, true);
            self.region_forms.push(canonical);
            if let Some(adjs) = f.get(1) {
                for a in adjs.split(',').map(str::trim).filter(|a| !a.is_empty()) {
                    self.demonyms.insert(a.to_lowercase(), canonical);
                }
            }
            if let Some(cap) = f.get(2).filter(|c| !c.is_empty()) {
                self.capitals.insert(cap.to_lowercase(), canonical);
                let capital = KnownEntity {
                    canonical: cap,
                    kind: EntityKind::Place,
                };
                self.add_name(&mut entries, cap, &capital, false);
            }
            if let Some(others) = f.get(3) {
                for o in others.split(',').map(str::trim).filter(|o| !o.is_empty()) {
                    self.add_name(&mut entries, o, &place, true);
                    if !o.starts_with("the ") {
                        self.region_forms.push(o);
                    }
                }
            }
        }
        for (data, kind) in [
            (PLACES, EntityKind::Place),
            (EQUIPMENT, EntityKind::Equipment),
        ] {
            self.load_names(&mut entries, data, kind);
        }
        self.build_automaton(entries);
        for line in lines(REGIONS) {
            self.region_forms
                .extend(fields(line).into_iter().filter(|f| !f.is_empty()));
        }
        self.region_forms
            .sort_by_key(|f| (std::cmp::Reverse(f.len()), *f));
        self.region_forms.dedup();
        self.regions = self.region_forms.iter().map(|f| f.to_lowercase()).collect();
    }

    /// Matches bare forms, so that "the U.S." does not hide "U.S. Department of Defense"; a
    /// form listed only with "the" needs it in the text.
    fn build_automaton(&mut self, mut entries: Vec<GazetteerEntry>) {
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
        self.gazetteer = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // A thousand short patterns: a full DFA is small and scans fastest.
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(StartKind::Anchored)
            .build(entries.iter().map(|e| e.surface))
            .ok();
        self.gazetteer_entries = entries;
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

    /// The longest form of a country or first-level division (`Calif.`, `Germany`, `N.Y.`) that
    /// `rest` starts with, as written (capitals and full stop included).
    pub fn region_at(&self, rest: &str) -> Option<&'static str> {
        self.region_forms
            .iter()
            .copied()
            .find(|f| rest.starts_with(f))
    }

    /// Whether a lowercase name is a country or a first-level division (`texas`, `calif.`).
    pub fn is_region(&self, name: &str) -> bool {
        self.regions.contains(name)
    }

    pub fn is_equipment_head(&self, word: &str) -> bool {
        self.equipment_heads.contains(word)
    }

    pub fn is_equipment_modifier(&self, word: &str) -> bool {
        self.equipment_modifiers.contains(word)
    }

    pub fn capital_of(&self, word: &str) -> Option<&'static str> {
        self.capitals.get(word).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
