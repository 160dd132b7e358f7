//! The store's tables, its version, and the checks made when a file is opened.
//!
//! The tables are documented for people in `docs/STORE.md`; this file is the definition.
//! `meta` holds `application = quotegraph` and `schema_version`; a file whose version is not
//! [`SCHEMA_VERSION`] is refused with a typed error (`build` makes its own store again).
//! Version 2: `mentions.alias` and `mentions.read_kind` are NULL where they equal `name` and
//! `kind` (most rows); `mentions.key_kind` is a small integer (`KeyKind::code`).
//! Version 3: `mentions.id` (an integer key packing article, slot and item, `sight::mention_id`)
//! with `article_id`, `slot` and `item` computed from it; `nominal_words.mention` is that id.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use super::StoreError;

/// The version of the tables this quotegraph writes and reads.
pub const SCHEMA_VERSION: u32 = 4;

/// `PRAGMA application_id` of a store (`QGRF` in ASCII), so `file` and other tools can tell it.
pub const APPLICATION_ID: i32 = 0x5147_5246;

/// The tables, indexes and views of version 4 (the tables of 3; what 4 adds is rows: an
/// organisation key's brand in `named_keys`).
pub const SCHEMA: &str = r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    title TEXT, source TEXT, url TEXT, date TEXT, author TEXT,
    content_hash TEXT NOT NULL,
    quotes INTEGER NOT NULL,
    run INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_run ON articles(run);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    idx INTEGER NOT NULL,
    byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,
    char_start INTEGER, char_end INTEGER,
    kind TEXT NOT NULL,
    cue TEXT,
    content TEXT NOT NULL,
    context TEXT NOT NULL,
    speaker_name TEXT, speaker_kind TEXT, speaker_mention TEXT,
    entity_id TEXT,
    confidence REAL NOT NULL,
    wording INTEGER,
    mention_items TEXT,
    outlet_items TEXT,
    UNIQUE (article_id, idx)
);
CREATE INDEX quotes_entity ON quotes(entity_id, wording);
CREATE INDEX quotes_wording ON quotes(wording, article_id);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    words, content = '', tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER GENERATED ALWAYS AS (id >> 24) VIRTUAL,
    slot TEXT GENERATED ALWAYS AS
        (CASE (id >> 22) & 3 WHEN 0 THEN 'speaker' WHEN 1 THEN 'target' ELSE 'text' END) VIRTUAL,
    item INTEGER GENERATED ALWAYS AS (id & 4194303) VIRTUAL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    alias TEXT,
    role TEXT,
    affiliations TEXT,
    byte_start INTEGER, byte_end INTEGER, char_start INTEGER, char_end INTEGER,
    key TEXT,
    key_kind INTEGER NOT NULL,
    first TEXT,
    last TEXT,
    words TEXT,
    role_words TEXT,
    linked TEXT,
    cand INTEGER,
    entity_id TEXT NOT NULL,
    read_kind TEXT,
    gender TEXT,
    named TEXT
);
CREATE INDEX mentions_last ON mentions(last) WHERE key_kind = 2;
CREATE INDEX mentions_named ON mentions(named) WHERE key_kind = 1;

CREATE TABLE entity_articles (
    entity_id TEXT NOT NULL, article_id INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;

CREATE TABLE person_keys (
    last TEXT NOT NULL, key TEXT NOT NULL, first TEXT NOT NULL, n INTEGER NOT NULL,
    m INTEGER NOT NULL,
    PRIMARY KEY (last, key)
) WITHOUT ROWID;
CREATE INDEX person_keys_first ON person_keys(first);
CREATE TABLE named_keys (
    word TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, n INTEGER NOT NULL,
    m INTEGER NOT NULL,
    PRIMARY KEY (word, key)
) WITHOUT ROWID;
CREATE TABLE org_keys (
    key TEXT PRIMARY KEY, name TEXT NOT NULL, initials TEXT, acronym INTEGER NOT NULL,
    person_first TEXT, person_last TEXT, n INTEGER NOT NULL, m INTEGER NOT NULL,
    target TEXT, target_key TEXT
) WITHOUT ROWID;
CREATE INDEX org_keys_name ON org_keys(name);
CREATE INDEX org_keys_initials ON org_keys(initials) WHERE initials IS NOT NULL;
CREATE INDEX org_keys_person ON org_keys(person_last, person_first) WHERE person_last IS NOT NULL;
CREATE INDEX org_keys_target ON org_keys(target) WHERE target IS NOT NULL;
CREATE TABLE key_words (
    key TEXT NOT NULL, word TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (key, word)
) WITHOUT ROWID;
CREATE TABLE word_links (
    last TEXT NOT NULL, gender TEXT NOT NULL, kind TEXT NOT NULL, roles TEXT NOT NULL,
    given TEXT, entity TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (last, gender, kind, roles)
) WITHOUT ROWID;
CREATE INDEX word_links_given ON word_links(given) WHERE given IS NOT NULL;
CREATE TABLE role_index (
    word TEXT NOT NULL, key TEXT NOT NULL, first TEXT, last TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (word, key)
) WITHOUT ROWID;
CREATE TABLE nominal_words (
    word TEXT NOT NULL, cand INTEGER NOT NULL, mention INTEGER NOT NULL,
    PRIMARY KEY (word, cand, mention)
) WITHOUT ROWID;

CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    quotes INTEGER NOT NULL,
    sightings INTEGER NOT NULL,
    last TEXT,
    weight INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX entities_last ON entities(last) WHERE last IS NOT NULL;
CREATE INDEX entities_weight ON entities(weight);
CREATE TABLE entity_names (
    entity_id TEXT NOT NULL, name TEXT NOT NULL, n INTEGER NOT NULL, m INTEGER NOT NULL,
    PRIMARY KEY (entity_id, name)
) WITHOUT ROWID;
CREATE TABLE entity_kinds (
    entity_id TEXT NOT NULL, kind TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (entity_id, kind)
) WITHOUT ROWID;
CREATE TABLE aliases (
    entity_id TEXT NOT NULL, alias TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE TABLE roles (
    entity_id TEXT NOT NULL, role TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (entity_id, role)
) WITHOUT ROWID;
CREATE TABLE affiliations (
    entity_id TEXT NOT NULL, affiliation TEXT NOT NULL, folded TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (entity_id, affiliation)
) WITHOUT ROWID;
CREATE INDEX affiliations_folded ON affiliations(folded);
CREATE TABLE names (
    key TEXT NOT NULL, entity_id TEXT NOT NULL, canonical INTEGER NOT NULL,
    PRIMARY KEY (key, entity_id, canonical)
) WITHOUT ROWID;
CREATE INDEX names_entity ON names(entity_id);

CREATE TABLE stance_evidence (
    article_id INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    quote_idx INTEGER NOT NULL,
    target_kind TEXT NOT NULL,
    target_name TEXT NOT NULL,
    score REAL NOT NULL,
    speaker_id TEXT,
    target_id TEXT,
    wording INTEGER,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX stance_evidence_pair ON stance_evidence(speaker_id, target_id, wording);
CREATE TABLE stances (
    speaker_id TEXT NOT NULL,
    target_id TEXT NOT NULL,
    polarity TEXT NOT NULL,
    score REAL NOT NULL,
    quotes INTEGER NOT NULL,
    n INTEGER NOT NULL,
    micros INTEGER NOT NULL,
    PRIMARY KEY (speaker_id, target_id)
) WITHOUT ROWID;
CREATE INDEX stances_target ON stances(target_id);

CREATE VIEW quote_list AS
SELECT q.id, a.doc_id, a.title, a.source, a.date, a.url, q.kind, q.content,
       e.name AS speaker, q.entity_id AS speaker_id, q.speaker_mention, q.cue, q.context,
       q.byte_start, q.byte_end, q.char_start, q.char_end, q.confidence
FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.entity_id;

CREATE VIEW stance_list AS
SELECT s.speaker_id, sp.name AS speaker, s.target_id, t.name AS target, s.polarity, s.score,
       s.quotes
FROM stances s JOIN entities sp ON sp.id = s.speaker_id JOIN entities t ON t.id = s.target_id;
"#;

/// Tables a store must have (a file without them is not a quotegraph store, or a damaged one).
const TABLES: [&str; 22] = [
    "meta",
    "articles",
    "quotes",
    "quotes_fts",
    "mentions",
    "entity_articles",
    "person_keys",
    "named_keys",
    "org_keys",
    "key_words",
    "word_links",
    "role_index",
    "nominal_words",
    "entities",
    "entity_names",
    "entity_kinds",
    "aliases",
    "roles",
    "affiliations",
    "names",
    "stance_evidence",
    "stances",
];

/// Creates the tables in an empty database.
pub(super) fn create(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let sql = |e| StoreError::sqlite(path, e);
    let tx = conn.unchecked_transaction().map_err(sql)?;
    tx.execute_batch(SCHEMA).map_err(sql)?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('application', 'quotegraph'), \
         ('schema_version', ?1)",
        [SCHEMA_VERSION.to_string()],
    )
    .map_err(sql)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(sql)?;
    tx.commit().map_err(sql)
}

/// Whether the database has no table at all (a new file).
pub(super) fn is_empty(conn: &Connection, path: &Path) -> Result<bool, StoreError> {
    let n: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(|e| StoreError::sqlite(path, e))?;
    Ok(n == 0)
}

/// Checks that the file is a quotegraph store of a version this code reads, with every table.
pub(super) fn validate(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let sql = |e| StoreError::sqlite(path, e);
    let not_store = || StoreError::NotAStore {
        path: path.to_path_buf(),
    };
    let has_meta: Option<String> = conn
        .query_row(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(sql)?;
    if has_meta.is_none() {
        return Err(not_store());
    }
    let get = |key: &str| -> Result<Option<String>, StoreError> {
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| {
            r.get::<_, String>(0)
        })
        .optional()
        .map_err(sql)
    };
    if get("application")?.as_deref() != Some("quotegraph") {
        return Err(not_store());
    }
    let version = get("schema_version")?;
    let version: u32 = version
        .as_deref()
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: format!("meta.schema_version is {version:?}, not a number"),
        })?;
    if version != SCHEMA_VERSION {
        return Err(StoreError::Version {
            path: path.to_path_buf(),
            found: version,
        });
    }
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        .map_err(sql)?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .map_err(sql)?
        .collect::<Result<_, _>>()
        .map_err(sql)?;
    if let Some(missing) = TABLES.iter().find(|t| !names.iter().any(|n| n == *t)) {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: format!("table {missing} is missing"),
        });
    }
    Ok(())
}
