//! Sightings as the store keeps them: each mention, quote speaker and stance target of an
//! article with its canon key (from `canon::keys`), and [`Prepared`]: an article with all the
//! store derives from it alone, made before the store's transaction (in parallel).

use rusqlite::Row;

use super::rows::int;
use crate::canon::keys::{self, Key, Slot};
use crate::entities::index::role_gender;
use crate::facts::ArticleFacts;
use crate::graph::{quote_key, quote_links};
use crate::lexicon::{EntityKind, Gender, Lexicon};

/// The kind of a sighting's own key, as stored in `mentions.key_kind`: a small integer (the
/// most frequent kinds, 0 and 1, take no bytes in a row). The partial indexes of `schema`
/// and the queries that use them name [`KeyKind::LAST_NAME`] and [`KeyKind::NAMED`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeyKind {
    Person,
    LastName,
    Nominal,
    Local,
    Named,
}

impl KeyKind {
    /// `mentions.key_kind` of a last name alone (in SQL text).
    pub(super) const LAST_NAME: &'static str = "2";
    /// `mentions.key_kind` of an organisation's or place's name (in SQL text).
    pub(super) const NAMED: &'static str = "1";

    pub(super) fn code(self) -> i64 {
        match self {
            KeyKind::Person => 0,
            KeyKind::Named => 1,
            KeyKind::LastName => 2,
            KeyKind::Local => 3,
            KeyKind::Nominal => 4,
        }
    }

    fn from_code(c: i64) -> KeyKind {
        match c {
            0 => KeyKind::Person,
            2 => KeyKind::LastName,
            3 => KeyKind::Local,
            4 => KeyKind::Nominal,
            _ => KeyKind::Named,
        }
    }
}

/// Bits of a `mentions.id` below its article's id: the slot's code, then the item.
const ARTICLE_SHIFT: u32 = 24;
const SLOT_SHIFT: u32 = 22;
/// The largest item a sighting's row id holds (an article with more mentions, quotes or
/// stances is refused).
pub(super) const MAX_ITEM: usize = (1 << SLOT_SHIFT) - 1;

/// A sighting's row id, `mentions.id`: its article's id, its slot's code (`speaker` 0,
/// `target` 1, `text` 2: the order of the names) and its item packed in one integer, so the
/// table needs no other key and a batch's rows go in at its end. `mentions.article_id`, `slot`
/// and `item` are columns computed from it (`schema`).
pub(super) fn mention_id(article: i64, slot: &str, item: i64) -> i64 {
    let code = match slot {
        "speaker" => 0,
        "target" => 1,
        _ => 2,
    };
    (article << ARTICLE_SHIFT) | (code << SLOT_SHIFT) | (item & MAX_ITEM as i64)
}

/// The (article, slot, item) of a sighting's row id.
pub(super) fn unpack_id(id: i64) -> (i64, &'static str, i64) {
    let slot = match (id >> SLOT_SHIFT) & 3 {
        0 => "speaker",
        1 => "target",
        _ => "text",
    };
    (id >> ARTICLE_SHIFT, slot, id & MAX_ITEM as i64)
}

/// One sighting (a mention, a quote's speaker, a stance target) as the store keeps it.
#[derive(Debug, Clone)]
pub(super) struct Sight {
    /// The row's key: (article, slot, item).
    pub article: i64,
    /// `text`, `speaker` or `target`.
    pub slot: &'static str,
    pub item: i64,
    pub name: String,
    pub alias: String,
    /// The kind its article reads it as (canon's `Sighting::kind`: a speaker named like a
    /// mention is read as that mention).
    pub read: EntityKind,
    /// The gender its honorific gives (`Mrs. Berg`).
    pub gender: Option<Gender>,
    /// An organisation's, outlet's or place's key: its folded name.
    pub named: Option<String>,
    pub role: Option<String>,
    pub affiliations: Vec<String>,
    /// The own key's entity id.
    pub key: String,
    pub key_kind: KeyKind,
    pub first: Option<String>,
    pub last: Option<String>,
    pub words: Vec<String>,
    pub role_words: Vec<String>,
    /// People, single words and organisations: the key after links (its id); organisations
    /// only when joined to another key.
    pub linked: Option<String>,
    /// Nominals: how many people their words fit (2: several).
    pub cand: Option<i64>,
    pub entity: String,
    /// Counts as one of its entity's aliases (not a stance target, not a pronoun).
    pub is_alias: bool,
}

/// An article's facts with everything the store derives from them alone (sightings and their
/// keys, each quote's wording and words, which mentions each quote names): pure work done
/// before the store's transaction, in parallel (see [`crate::store::Prepared`]).
#[derive(Debug, Clone)]
pub struct Prepared {
    pub(super) facts: ArticleFacts,
    pub(super) sights: Vec<Sight>,
    /// Per quote: its wording hash and folded words, when it has words.
    pub(super) wordings: Vec<Option<(u64, String)>>,
    pub(super) links: Vec<crate::graph::QuoteLinks>,
    /// Stored even when an article of the same id and text is there (extracted again by a
    /// newer extractor).
    pub(super) fresh: bool,
}

impl Sight {
    /// Its row id in `mentions`.
    pub(super) fn id(&self) -> i64 {
        mention_id(self.article, self.slot, self.item)
    }
}

impl Prepared {
    pub fn new(facts: ArticleFacts) -> Prepared {
        let sights = sightings(0, &facts);
        let wordings = facts
            .quotes
            .iter()
            .map(|q| {
                let key = quote_key(&q.content);
                (!key.is_empty()).then(|| (crate::text::stable_hash(&key), key))
            })
            .collect();
        let links = quote_links(&facts);
        Prepared {
            facts,
            sights,
            wordings,
            links,
            fresh: false,
        }
    }

    /// Replaces a stored article even when its text is the same (its facts were made again).
    pub fn replacing(mut self) -> Prepared {
        self.fresh = true;
        self
    }

    pub fn facts(&self) -> &ArticleFacts {
        &self.facts
    }
}

fn slot_of(s: Slot) -> (&'static str, usize) {
    match s {
        Slot::Mention(k) => ("text", k),
        Slot::Speaker(k) => ("speaker", k),
        Slot::Target(k) => ("target", k),
    }
}

/// The sightings of an article's facts, with their keys (from canon) and no entity yet.
pub(super) fn sightings(article: i64, f: &ArticleFacts) -> Vec<Sight> {
    let lex = Lexicon::builtin();
    keys::sightings(f)
        .into_iter()
        .map(|s| {
            let (slot, item) = slot_of(s.slot);
            let role_words: Vec<String> = {
                let mut w: Vec<String> = s.role_words().filter(|w| !w.is_empty()).collect();
                w.sort();
                w.dedup();
                w
            };
            let (key_kind, first, last, words) = match &s.key {
                Key::Person { first, last } => (
                    KeyKind::Person,
                    Some(first.clone()),
                    Some(last.clone()),
                    vec![],
                ),
                Key::LastName { last } => (KeyKind::LastName, None, Some(last.clone()), vec![]),
                Key::Nominal { words, .. } => (KeyKind::Nominal, None, None, words.clone()),
                Key::Local { .. } => (KeyKind::Local, None, None, vec![]),
                Key::Named { .. } => (KeyKind::Named, None, None, vec![]),
            };
            let is_alias =
                slot != "target" && lex.pronoun(&s.alias.trim().to_lowercase()).is_none();
            // As canon weighs a sighting's gender: its role's honorific, else its first word's.
            let gender = role_gender(s.role.as_deref(), lex).or_else(|| {
                let first = s.alias.split_whitespace().next()?;
                lex.honorific_gender(&first.to_lowercase())
            });
            let named = match &s.key {
                Key::Named { name, .. } => Some(name.clone()),
                _ => None,
            };
            Sight {
                article,
                slot,
                item: int(item),
                name: s.name,
                alias: s.alias,
                read: s.kind,
                gender,
                named,
                role: s.role,
                affiliations: s.affiliations,
                key: s.key.id(),
                key_kind,
                first,
                last,
                words,
                role_words,
                linked: None,
                cand: None,
                entity: String::new(),
                is_alias,
            }
        })
        .collect()
}

/// The columns [`sight_from_row`] reads, in order.
/// `key` is stored only where it can differ from `entity_id` (last names, nominals) and
/// `linked` only where it differs from `key`, `alias` where it differs from `name` and
/// `read_kind` where it differs from `kind`: the rest reads back through `coalesce`.
pub(super) const SIGHT_COLUMNS: &str = "id, name, coalesce(alias, name), role, \
     affiliations, coalesce(key, entity_id), key_kind, first, last, words, role_words, \
     coalesce(linked, key, entity_id), cand, entity_id, coalesce(read_kind, kind), gender, named";

fn split_words(s: Option<String>) -> Vec<String> {
    s.map(|s| {
        s.split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

pub(super) fn sight_from_row(r: &Row) -> rusqlite::Result<Sight> {
    let lex = Lexicon::builtin();
    let (article, slot, item) = unpack_id(r.get(0)?);
    let alias: String = r.get(2)?;
    let affiliations: Option<String> = r.get(4)?;
    let key_kind = KeyKind::from_code(r.get(6)?);
    let people = matches!(
        key_kind,
        KeyKind::Person | KeyKind::LastName | KeyKind::Named
    );
    Ok(Sight {
        article,
        slot,
        item,
        name: r.get(1)?,
        is_alias: slot != "target" && lex.pronoun(&alias.trim().to_lowercase()).is_none(),
        alias,
        read: r
            .get::<_, Option<String>>(14)?
            .and_then(|k| super::rows::parse(&k))
            .unwrap_or(EntityKind::Person),
        gender: r
            .get::<_, Option<String>>(15)?
            .and_then(|g| super::pool::parse_gender(&g)),
        named: r.get(16)?,
        role: r.get(3)?,
        affiliations: affiliations
            .and_then(|a| serde_json::from_str(&a).ok())
            .unwrap_or_default(),
        key: r.get(5)?,
        key_kind,
        first: r.get(7)?,
        last: r.get(8)?,
        words: split_words(r.get(9)?),
        role_words: split_words(r.get(10)?),
        linked: if people { r.get(11)? } else { None },
        cand: r.get(12)?,
        entity: r.get(13)?,
    })
}

#[cfg(test)]
mod tests {
    use super::{mention_id, unpack_id, KeyKind, MAX_ITEM};

    #[test]
    fn mention_ids_unpack_to_their_sighting_and_sort_as_article_slot_item() {
        let max = MAX_ITEM as i64;
        let cases = [
            (1, "speaker", 0, 1 << 24),
            (1, "target", 3, (1 << 24) + (1 << 22) + 3),
            (1, "text", 7, (1 << 24) + (2 << 22) + 7),
            (2, "speaker", 0, 2 << 24),
            (1, "text", max, (1 << 24) + (2 << 22) + max),
            (1 << 38, "target", max, (1 << 62) + (1 << 22) + max),
        ];
        for (article, slot, item, id) in cases {
            assert_eq!(
                mention_id(article, slot, item),
                id,
                "{article} {slot} {item}"
            );
            assert_eq!(unpack_id(id), (article, slot, item));
        }
        let mut sorted: Vec<_> = cases.iter().map(|c| (c.0, c.1, c.2)).collect();
        sorted.sort();
        let ids: Vec<i64> = sorted.iter().map(|c| mention_id(c.0, c.1, c.2)).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    }

    #[test]
    fn key_kinds_read_back_from_their_codes_and_the_partial_indexes_name_them() {
        let all = [
            KeyKind::Person,
            KeyKind::LastName,
            KeyKind::Nominal,
            KeyKind::Local,
            KeyKind::Named,
        ];
        for k in all {
            assert_eq!(KeyKind::from_code(k.code()), k);
        }
        let cases = [
            (KeyKind::LastName, KeyKind::LAST_NAME, "mentions(last)"),
            (KeyKind::Named, KeyKind::NAMED, "mentions(named)"),
        ];
        for (kind, sql, index) in cases {
            assert_eq!(kind.code().to_string(), sql);
            let line = format!("{index} WHERE key_kind = {sql};");
            assert!(super::super::schema::SCHEMA.contains(&line), "{line}");
        }
    }
}
