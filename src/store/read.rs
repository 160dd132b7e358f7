//! Reading the store: entities by name, quotes by words (the full-text index), by speaker or by
//! what they name, stance evidence, and the relationship-map edges around an entity. Every
//! read goes through an index; none scans a table whose size grows with the corpus, except
//! where the answer itself is that large.

use std::collections::BTreeSet;

use rusqlite::{params, params_from_iter, OptionalExtension, Row};

use super::entities::bare;
use super::rows::{int, parse, uint};
use super::{Store, StoreError};
use crate::graph::{
    affiliation_edge, quote_key, strip_role_words, Edge, EdgeKind, NodeKind, Occurrence,
};
use crate::quotes::QuoteKind;
use crate::stance::Polarity;
use crate::text::{fold_name, last_name_key};

/// Which articles a query looks at: dated within `since`..=`until` (first ten characters,
/// `YYYY-MM-DD`; undated articles are then left out) and from `source` (any case).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub since: Option<String>,
    pub until: Option<String>,
    pub source: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.since.is_none() && self.until.is_none() && self.source.is_none()
    }

    /// ` AND ...` conditions on the articles table `a`, with their values.
    pub(super) fn sql(&self) -> (String, Vec<String>) {
        let mut sql = String::new();
        let mut values = Vec::new();
        if let Some(s) = &self.since {
            sql.push_str(" AND substr(a.date, 1, 10) >= ?");
            values.push(day(s));
        }
        if let Some(u) = &self.until {
            sql.push_str(" AND substr(a.date, 1, 10) <= ?");
            values.push(day(u));
        }
        if let Some(src) = &self.source {
            sql.push_str(" AND a.source = ? COLLATE NOCASE");
            values.push(src.trim().to_string());
        }
        (sql, values)
    }
}

fn day(s: &str) -> String {
    s.trim().chars().take(10).collect()
}

/// An entity as a query shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EntityRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub mentions: usize,
    pub quotes: usize,
}

/// What a name denotes.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    Found(EntityRow),
    /// Several entities answer to the name: a fuller name is needed (or all of them).
    Several(Vec<EntityRow>),
    /// Nothing answers to it; the names closest to it.
    NotFound {
        closest: Vec<String>,
    },
}

/// One stored quote (one occurrence of its wording) with its article's date and outlet.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteRow {
    pub id: i64,
    pub doc_id: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub idx: usize,
    pub kind: QuoteKind,
    pub content: String,
    pub context: String,
    pub cue: Option<String>,
    pub speaker_id: Option<String>,
    pub speaker_mention: Option<String>,
    pub span: (usize, usize),
    pub chars: (Option<usize>, Option<usize>),
    pub wording: Option<u64>,
}

impl QuoteRow {
    pub fn occurrence(&self) -> Occurrence {
        Occurrence {
            article: format!("article:{}", self.doc_id),
            speaker: self.speaker_id.clone(),
            speaker_mention: self.speaker_mention.clone(),
            cue: self.cue.clone(),
            kind: self.kind,
            start: self.span.0,
            end: self.span.1,
            char_start: self.chars.0,
            char_end: self.chars.1,
            context: self.context.clone(),
            date: self.date.clone(),
            source: self.source.clone(),
        }
    }
}

/// The columns [`quote_row`] reads (quotes `q` joined to articles `a`).
pub(super) const QUOTE_COLUMNS: &str = "q.id, a.doc_id, a.date, a.source, q.idx, q.kind, \
     q.content, q.context, q.cue, q.entity_id, q.speaker_mention, q.byte_start, q.byte_end, \
     q.char_start, q.char_end, q.wording";

pub(super) fn quote_row(r: &Row) -> rusqlite::Result<QuoteRow> {
    let kind: String = r.get(5)?;
    Ok(QuoteRow {
        id: r.get(0)?,
        doc_id: r.get(1)?,
        date: r.get(2)?,
        source: r.get(3)?,
        idx: uint(r.get(4)?),
        kind: parse(&kind).unwrap_or(QuoteKind::Direct),
        content: r.get(6)?,
        context: r.get(7)?,
        cue: r.get(8)?,
        speaker_id: r.get(9)?,
        speaker_mention: r.get(10)?,
        span: (uint(r.get(11)?), uint(r.get(12)?)),
        chars: (
            r.get::<_, Option<i64>>(13)?.map(uint),
            r.get::<_, Option<i64>>(14)?.map(uint),
        ),
        wording: r.get::<_, Option<i64>>(15)?.map(|w| w as u64),
    })
}

fn entity_row(r: &Row) -> rusqlite::Result<EntityRow> {
    Ok(EntityRow {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        mentions: uint(r.get(3)?),
        quotes: uint(r.get(4)?),
    })
}

const ENTITY_COLUMNS: &str = "id, name, kind, mentions, quotes";

/// An entity's aliases (its name left out), roles and affiliations, each sorted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Details {
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub affiliations: Vec<String>,
}

/// Other forms of words a fuzzy search accepts: `same(word, query_word)`, looked up in the
/// index by each query word's prefix (an empty prefix: the word only).
#[derive(Clone, Copy)]
pub struct Forms<'a> {
    pub same: &'a dyn Fn(&str, &str) -> bool,
    pub prefixes: &'a [String],
}

/// A stance evidence row: a quote's stance toward a target, with its article's date.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceRow {
    pub speaker_id: String,
    pub target_id: String,
    pub score: f32,
    pub quote: QuoteRow,
}

/// A stored stance: (speaker, target, polarity, score, quotes).
#[derive(Debug, Clone, PartialEq)]
pub struct StanceRow {
    pub speaker_id: String,
    pub target_id: String,
    pub polarity: Polarity,
    pub score: f32,
    pub quotes: usize,
}

impl Store {
    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Result<Option<EntityRow>, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {ENTITY_COLUMNS} FROM entities WHERE id = ?1"
            ))
            .and_then(|mut s| s.query_row([id], entity_row).optional())
            .map_err(|e| self.err(e))
    }

    /// An entity's aliases (its name left out), roles and affiliations, each sorted.
    pub fn entity_details(&self, id: &str) -> Result<Details, StoreError> {
        let name = self.entity(id)?.map(|e| e.name).unwrap_or_default();
        let list = |sql: &str| -> Result<Vec<String>, StoreError> {
            self.conn
                .prepare_cached(sql)
                .and_then(|mut s| s.query_map([id], |r| r.get(0))?.collect())
                .map_err(|e| self.err(e))
        };
        let mut aliases = list("SELECT alias FROM aliases WHERE entity_id = ?1 ORDER BY alias")?;
        aliases.retain(|a| a != &name);
        Ok(Details {
            aliases,
            roles: list("SELECT role FROM roles WHERE entity_id = ?1 ORDER BY role")?,
            affiliations: list(
                "SELECT affiliation FROM affiliations WHERE entity_id = ?1 ORDER BY affiliation",
            )?,
        })
    }

    /// Entities of one kind (or all), in id order, `each` called with every one (streamed).
    pub fn each_entity(
        &self,
        kind: Option<&str>,
        each: &mut dyn FnMut(EntityRow) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let sql = format!(
            "SELECT {ENTITY_COLUMNS} FROM entities WHERE ?1 IS NULL OR kind = ?1 ORDER BY id"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([kind], entity_row)
            .map_err(|e| self.err(e))?;
        for r in rows {
            each(r.map_err(|e| self.err(e))?)?;
        }
        Ok(())
    }

    /// Entity ids a lookup key gives (canonical ones first, as `canon::Canon::find` ranks).
    fn by_key(&self, key: &str) -> Result<(Option<String>, BTreeSet<String>), StoreError> {
        let rows: Vec<(String, bool)> = self
            .conn
            .prepare_cached("SELECT entity_id, canonical FROM names WHERE key = ?1")
            .and_then(|mut s| {
                s.query_map([key], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect()
            })
            .map_err(|e| self.err(e))?;
        let canonical = rows.iter().filter(|r| r.1).map(|r| r.0.clone()).max();
        Ok((canonical, rows.into_iter().map(|r| r.0).collect()))
    }

    /// People whose name has this last name.
    fn people_named(&self, last: &str) -> Result<Vec<EntityRow>, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {ENTITY_COLUMNS} FROM entities WHERE last = ?1 ORDER BY id"
            ))
            .and_then(|mut s| s.query_map([last], entity_row)?.collect())
            .map_err(|e| self.err(e))
    }

    /// The entity a name denotes exactly as `canon::Canon::find` decides it in memory: by id,
    /// name or alias (an alias two entities share names neither), then a spelling variant of a
    /// full name, or a last name only one person has.
    pub fn find(&self, name: &str) -> Result<Option<String>, StoreError> {
        let folded = fold_name(name);
        for key in [name, folded.as_str(), bare(&folded)] {
            let (canonical, all) = self.by_key(key)?;
            if canonical.is_some() {
                return Ok(canonical);
            }
            if all.len() == 1 {
                return Ok(all.into_iter().next());
            }
        }
        let people = self.people_named(&last_name_key(name))?;
        let mut fits: Vec<&EntityRow> = if name.trim().contains(' ') {
            people
                .iter()
                .filter(|e| crate::canon::same_person_name(&e.name, name))
                .collect()
        } else {
            people.iter().collect()
        };
        Ok(match fits.len() {
            1 => fits.pop().map(|e| e.id.clone()),
            _ => None,
        })
    }

    /// What a name typed by a person denotes: [`Store::find`], else the candidates it could
    /// mean (several entities share the alias, several people the last name), else, without
    /// its titles (`former President`), the same again; else the closest names.
    pub fn lookup(&self, name: &str) -> Result<Lookup, StoreError> {
        if let Some(id) = self.find(name)? {
            if let Some(e) = self.entity(&id)? {
                // A last name alone that canon could not link (`Berg`, when two people are
                // called Berg) is one of several.
                if e.kind == "person" && !e.name.trim().contains(' ') {
                    let mut people = self.people_named(&last_name_key(&e.name))?;
                    if people.iter().any(|p| p.id != e.id) {
                        people.retain(|p| p.id != e.id);
                        people.sort_by(|a, b| b.quotes.cmp(&a.quotes).then(a.id.cmp(&b.id)));
                        people.push(e);
                        return Ok(Lookup::Several(people));
                    }
                }
                return Ok(Lookup::Found(e));
            }
        }
        let mut several: BTreeSet<String> = BTreeSet::new();
        let folded = fold_name(name);
        for key in [folded.as_str(), bare(&folded)] {
            several.extend(self.by_key(key)?.1);
        }
        let people = self.people_named(&last_name_key(name))?;
        if !name.trim().contains(' ') || several.is_empty() {
            several.extend(
                people
                    .iter()
                    .filter(|p| {
                        !name.trim().contains(' ') || crate::canon::same_person_name(&p.name, name)
                    })
                    .map(|p| p.id.clone()),
            );
        }
        if several.len() == 1 {
            let id = several.into_iter().next().unwrap_or_default();
            if let Some(e) = self.entity(&id)? {
                return Ok(Lookup::Found(e));
            }
            return Ok(Lookup::NotFound {
                closest: Vec::new(),
            });
        }
        if several.len() > 1 {
            let mut rows = Vec::new();
            for id in &several {
                rows.extend(self.entity(id)?);
            }
            rows.sort_by(|a, b| b.quotes.cmp(&a.quotes).then(b.mentions.cmp(&a.mentions)));
            return Ok(Lookup::Several(rows));
        }
        let stripped = strip_role_words(name);
        if stripped != name && !stripped.is_empty() {
            if let found @ (Lookup::Found(_) | Lookup::Several(_)) = self.lookup(&stripped)? {
                return Ok(found);
            }
        }
        Ok(Lookup::NotFound {
            closest: self.closest(name, 5)?,
        })
    }

    /// Up to `n` entity names closest to `name` (by edit distance, among names that share the
    /// first letters of one of its words).
    fn closest(&self, name: &str, n: usize) -> Result<Vec<String>, StoreError> {
        let folded = fold_name(name);
        let mut seen: BTreeSet<(usize, i64, String)> = BTreeSet::new();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT e.name, e.quotes + e.mentions FROM names k JOIN entities e ON e.id = k.entity_id \
                 WHERE k.key >= ?1 AND k.key < ?2 LIMIT 400",
            )
            .map_err(|e| self.err(e))?;
        let words: Vec<&str> = folded
            .split(' ')
            .filter(|w| w.chars().count() >= 2)
            .collect();
        for w in words {
            let prefix: String = w.chars().take(3).collect();
            let mut end = prefix.clone();
            end.push(char::MAX);
            let rows = stmt
                .query_map(params![prefix, end], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (cand, weight) = row.map_err(|e| self.err(e))?;
                let d = distance(&folded, &fold_name(&cand));
                seen.insert((d, -weight, cand));
            }
        }
        let mut out: Vec<String> = Vec::new();
        for (_, _, name) in seen {
            if !out.contains(&name) {
                out.push(name);
            }
            if out.len() == n {
                break;
            }
        }
        Ok(out)
    }

    /// The wordings (quote nodes) whose words hold `words` in a row, through the full-text
    /// index; with `fuzzy`, a word also matches the words `fuzzy(word, query_word)` accepts,
    /// looked up by the prefixes given (an empty prefix: the word only). Every candidate is
    /// checked word by word. Sorted.
    pub fn wordings_with(
        &self,
        words: &[String],
        fuzzy: Option<Forms>,
    ) -> Result<Vec<u64>, StoreError> {
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let quoted = |w: &str| format!("\"{}\"", w.replace('"', ""));
        let query = match fuzzy {
            None => quoted(&words.join(" ")),
            Some(forms) => words
                .iter()
                .zip(forms.prefixes)
                .map(|(w, p)| {
                    if p.is_empty() {
                        quoted(w)
                    } else {
                        format!("({} OR {}*)", quoted(w), quoted(p))
                    }
                })
                .collect::<Vec<_>>()
                .join(" AND "),
        };
        let found: Vec<i64> = self
            .conn
            .prepare_cached("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?1 ORDER BY rowid")
            .and_then(|mut s| s.query_map([query], |r| r.get(0))?.collect())
            .map_err(|e| self.err(e))?;
        let same = |a: &str, b: &str| a == b || fuzzy.is_some_and(|f| (f.same)(a, b));
        let mut text = self
            .conn
            .prepare_cached("SELECT content FROM quotes WHERE wording = ?1 LIMIT 1")
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for w in found {
            let content: Option<String> = text
                .query_row([w], |r| r.get(0))
                .optional()
                .map_err(|e| self.err(e))?;
            let Some(content) = content else { continue };
            let key = quote_key(&content);
            let qw: Vec<&str> = key.split(' ').collect();
            if qw
                .windows(words.len())
                .any(|win| win.iter().zip(words).all(|(a, b)| same(a, b)))
            {
                out.push(w as u64);
            }
        }
        out.sort_unstable();
        Ok(out)
    }

    /// The speakers (entity ids; `None` for unattributed) of a wording's occurrences within the
    /// filter.
    pub fn speakers_of(
        &self,
        wording: u64,
        filter: &Filter,
    ) -> Result<BTreeSet<Option<String>>, StoreError> {
        let (cond, values) = filter.sql();
        let sql = format!(
            "SELECT DISTINCT q.entity_id FROM quotes q JOIN articles a ON a.id = q.article_id \
             WHERE q.wording = ?{cond}"
        );
        let args = std::iter::once(rusqlite::types::Value::Integer(wording as i64))
            .chain(values.into_iter().map(rusqlite::types::Value::Text));
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_map(params_from_iter(args), |r| r.get(0))?.collect())
            .map_err(|e| self.err(e))
    }

    /// Every occurrence of a quote's wording within the filter, in article order, at most
    /// `limit`; and how many there are in all.
    pub fn occurrences(
        &self,
        wording: u64,
        filter: &Filter,
        limit: usize,
    ) -> Result<(Vec<QuoteRow>, usize), StoreError> {
        let (cond, values) = filter.sql();
        let from = format!(
            "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.wording = ?{cond}"
        );
        let args = || {
            std::iter::once(rusqlite::types::Value::Integer(wording as i64))
                .chain(values.iter().cloned().map(rusqlite::types::Value::Text))
        };
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) {from}"))
            .and_then(|mut s| s.query_row(params_from_iter(args()), |r| r.get(0)))
            .map_err(|e| self.err(e))?;
        let rows = self
            .conn
            .prepare_cached(&format!(
                "SELECT {QUOTE_COLUMNS} {from} ORDER BY a.doc_id, q.idx LIMIT {}",
                int(limit)
            ))
            .and_then(|mut s| s.query_map(params_from_iter(args()), quote_row)?.collect())
            .map_err(|e| self.err(e))?;
        Ok((rows, uint(total)))
    }

    /// Quotes a speaker said (within the filter), in id order.
    pub fn quotes_of(&self, speaker: &str, filter: &Filter) -> Result<Vec<QuoteRow>, StoreError> {
        let (cond, values) = filter.sql();
        let sql = format!(
            "SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id \
             WHERE q.entity_id = ?{cond} ORDER BY q.wording, a.doc_id, q.idx"
        );
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(
                    params_from_iter(std::iter::once(speaker.to_string()).chain(values)),
                    quote_row,
                )?
                .collect()
            })
            .map_err(|e| self.err(e))
    }

    /// Quotes that name an entity (a mention inside their words, or a stance target).
    pub fn quotes_naming(
        &self,
        entity: &str,
        filter: &Filter,
    ) -> Result<Vec<QuoteRow>, StoreError> {
        let (cond, values) = filter.sql();
        let sql = format!(
            "SELECT {QUOTE_COLUMNS} FROM entity_articles e \
             JOIN mentions m ON m.article_id = e.article_id AND m.entity_id = e.entity_id \
             JOIN quotes q ON q.article_id = m.article_id \
             JOIN articles a ON a.id = q.article_id \
             WHERE e.entity_id = ?1 AND m.slot = 'text' AND q.mention_items IS NOT NULL \
             AND EXISTS (SELECT 1 FROM json_each(q.mention_items) j WHERE j.value = m.item){cond} \
             UNION SELECT {QUOTE_COLUMNS} FROM entity_articles e \
             JOIN mentions m ON m.article_id = e.article_id AND m.entity_id = e.entity_id \
             JOIN stance_evidence s ON s.article_id = m.article_id AND s.idx = m.item \
             JOIN quotes q ON q.article_id = s.article_id AND q.idx = s.quote_idx \
             JOIN articles a ON a.id = q.article_id \
             WHERE e.entity_id = ?1 AND m.slot = 'target'{cond2} ORDER BY 1",
            cond = renumber(&cond, 2),
            cond2 = renumber(&cond, 2 + values.len()),
        );
        let args = std::iter::once(entity.to_string())
            .chain(values.iter().cloned())
            .chain(values.iter().cloned());
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_map(params_from_iter(args), quote_row)?.collect())
            .map_err(|e| self.err(e))
    }

    /// Stored stances of a speaker and / or toward a target (both `None`: all), at most `limit`,
    /// strongest first.
    pub fn stances(
        &self,
        speaker: Option<&str>,
        target: Option<&str>,
        limit: usize,
    ) -> Result<Vec<StanceRow>, StoreError> {
        let sql = format!(
            "SELECT speaker_id, target_id, polarity, score, quotes FROM stances \
             WHERE (?1 IS NULL OR speaker_id = ?1) AND (?2 IS NULL OR target_id = ?2) \
             ORDER BY abs(score) DESC, quotes DESC, speaker_id, target_id LIMIT {}",
            int(limit)
        );
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(params![speaker, target], |r| {
                    let p: String = r.get(2)?;
                    Ok(StanceRow {
                        speaker_id: r.get(0)?,
                        target_id: r.get(1)?,
                        polarity: parse(&p).unwrap_or(Polarity::Neutral),
                        score: r.get::<_, f64>(3)? as f32,
                        quotes: uint(r.get(4)?),
                    })
                })?
                .collect()
            })
            .map_err(|e| self.err(e))
    }

    /// The stance evidence of a speaker (and a target), within the filter, in date order.
    pub fn evidence(
        &self,
        speaker: &str,
        target: Option<&str>,
        filter: &Filter,
    ) -> Result<Vec<EvidenceRow>, StoreError> {
        let (cond, values) = filter.sql();
        let sql = format!(
            "SELECT s.speaker_id, s.target_id, s.score, {QUOTE_COLUMNS} FROM stance_evidence s \
             JOIN quotes q ON q.article_id = s.article_id AND q.idx = s.quote_idx \
             JOIN articles a ON a.id = s.article_id \
             WHERE s.speaker_id = ?1 AND (?2 IS NULL OR s.target_id = ?2) \
             AND s.target_id IS NOT NULL AND s.target_id != s.speaker_id{} \
             ORDER BY a.date, a.doc_id, s.idx",
            renumber(&cond, 3)
        );
        let args: Vec<rusqlite::types::Value> = [
            rusqlite::types::Value::Text(speaker.to_string()),
            target.map_or(rusqlite::types::Value::Null, |t| {
                rusqlite::types::Value::Text(t.to_string())
            }),
        ]
        .into_iter()
        .chain(values.into_iter().map(rusqlite::types::Value::Text))
        .collect();
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(params_from_iter(args), |r| {
                    Ok(EvidenceRow {
                        speaker_id: r.get(0)?,
                        target_id: r.get(1)?,
                        score: r.get::<_, f64>(2)? as f32,
                        quote: quote_row_at(r, 3)?,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.err(e))
    }

    /// The relationship-map edges of an entity, both directions: stances, roles and
    /// affiliations, as (other entity, edge, whether the edge points away from `id`), sorted by
    /// the other entity's id and the kind.
    pub fn map_edges(&self, id: &str) -> Result<Vec<(String, Edge, bool)>, StoreError> {
        let mut out: Vec<(String, Edge, bool)> = Vec::new();
        for row in self.stances(Some(id), None, usize::MAX >> 1)? {
            out.push((row.target_id.clone(), stance_edge(&row), true));
        }
        for row in self.stances(None, Some(id), usize::MAX >> 1)? {
            out.push((row.speaker_id.clone(), stance_edge(&row), false));
        }
        for (org, e) in self.affiliation_edges(id)? {
            out.push((org, e, true));
        }
        for (person, e) in self.affiliated_to(id)? {
            out.push((person, e, false));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.kind.cmp(&b.1.kind)));
        Ok(out)
    }

    /// A person's role and affiliation edges (to the entity each affiliation names).
    pub fn affiliation_edges(&self, person: &str) -> Result<Vec<(String, Edge)>, StoreError> {
        if super::entities::kind_of_id(person) != "person" {
            return Ok(Vec::new());
        }
        let details = self.entity_details(person)?;
        let roles: BTreeSet<String> = details.roles.into_iter().collect();
        let mut out: std::collections::BTreeMap<(String, EdgeKind), Edge> = Default::default();
        for aff in &details.affiliations {
            let Some(org) = self.find(aff)? else { continue };
            if org == person {
                continue;
            }
            let aliases = self.entity_details(&org)?.aliases.into_iter().collect();
            let e = affiliation_edge(&roles, aff, &aliases);
            out.insert((org, e.kind), e);
        }
        Ok(out.into_iter().map(|((o, _), e)| (o, e)).collect())
    }

    /// People whose affiliations name this entity, with their edges to it.
    fn affiliated_to(&self, id: &str) -> Result<Vec<(String, Edge)>, StoreError> {
        let keys: Vec<String> = self
            .conn
            .prepare_cached("SELECT key FROM names WHERE entity_id = ?1")
            .and_then(|mut s| s.query_map([id], |r| r.get(0))?.collect())
            .map_err(|e| self.err(e))?;
        let mut people: BTreeSet<String> = BTreeSet::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT entity_id FROM affiliations WHERE folded = ?1")
            .map_err(|e| self.err(e))?;
        for k in keys {
            for key in [k.clone(), format!("the {k}")] {
                let rows = stmt
                    .query_map([key], |r| r.get::<_, String>(0))
                    .map_err(|e| self.err(e))?;
                for r in rows {
                    people.insert(r.map_err(|e| self.err(e))?);
                }
            }
        }
        let mut out = Vec::new();
        for p in people {
            for (org, e) in self.affiliation_edges(&p)? {
                if org == id {
                    out.push((p.clone(), e));
                }
            }
        }
        Ok(out)
    }

    /// How many articles, quotes, entities and stances the store holds.
    pub fn counts(&self) -> Result<[usize; 4], StoreError> {
        let mut out = [0; 4];
        for (i, t) in ["articles", "quotes", "entities", "stances"]
            .iter()
            .enumerate()
        {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            out[i] = uint(n);
        }
        Ok(out)
    }
}

fn stance_edge(row: &StanceRow) -> Edge {
    let mut e = Edge::new(EdgeKind::Stance, row.quotes.max(1));
    e.polarity = Some(row.polarity);
    e.score = Some(row.score);
    e
}

/// [`quote_row`] reading from column `at` on.
fn quote_row_at(r: &Row, at: usize) -> rusqlite::Result<QuoteRow> {
    let kind: String = r.get(at + 5)?;
    Ok(QuoteRow {
        id: r.get(at)?,
        doc_id: r.get(at + 1)?,
        date: r.get(at + 2)?,
        source: r.get(at + 3)?,
        idx: uint(r.get(at + 4)?),
        kind: parse(&kind).unwrap_or(QuoteKind::Direct),
        content: r.get(at + 6)?,
        context: r.get(at + 7)?,
        cue: r.get(at + 8)?,
        speaker_id: r.get(at + 9)?,
        speaker_mention: r.get(at + 10)?,
        span: (uint(r.get(at + 11)?), uint(r.get(at + 12)?)),
        chars: (
            r.get::<_, Option<i64>>(at + 13)?.map(uint),
            r.get::<_, Option<i64>>(at + 14)?.map(uint),
        ),
        wording: r.get::<_, Option<i64>>(at + 15)?.map(|w| w as u64),
    })
}

/// A filter's `?` placeholders numbered from `first` (`?3`, `?4`, ...).
fn renumber(cond: &str, first: usize) -> String {
    let mut out = String::with_capacity(cond.len() + 8);
    let mut n = first;
    for c in cond.chars() {
        if c == '?' {
            out.push_str(&format!("?{n}"));
            n += 1;
        } else {
            out.push(c);
        }
    }
    out
}

/// Edit distance between two short strings (Levenshtein, on characters).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The graph node kind of an entity kind name.
pub fn node_kind(kind: &str) -> Option<NodeKind> {
    parse(kind)
}

impl Store {
    /// What the graph holds: (entities, quote wordings, articles).
    pub fn graph_totals(&self) -> Result<[usize; 3], StoreError> {
        let mut out = [0; 3];
        for (i, sql) in [
            "SELECT count(*) FROM entities",
            "SELECT count(*) FROM quotes_fts",
            "SELECT count(*) FROM articles",
        ]
        .iter()
        .enumerate()
        {
            let n: i64 = self
                .conn
                .query_row(sql, [], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            out[i] = uint(n);
        }
        Ok(out)
    }

    /// Whether any stored article has a date.
    pub fn has_dates(&self) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM articles WHERE date IS NOT NULL)",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }
}
