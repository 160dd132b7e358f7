//! Python inputs become articles, exactly as `quotegraph` reads a JSONL record.
//!
//! Takes a `str` (an article's text) or a mapping (`id`/`doc_id`, `text` or `html`, `title`,
//! `source`, `url`, `date`, `author`; other keys are ignored); gives an [`Article`] or the reason
//! the item cannot be one, plus warnings about fields that were left out. The fields are read
//! while attached to the interpreter ([`record_of`]); the article is made from them later,
//! detached and in parallel ([`article_of`]), by the library's own JSONL reader, so that an item
//! here and the same record in a `.jsonl` file give the same article (title, HTML page, ISO 8601
//! date, the same complaints). Never does IO.

use std::path::Path;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyMapping, PyString};
use serde_json::{Map, Value};

use quotegraph::ingest::{self, Article, Ingested};
use quotegraph::Error;

/// The keys of an item that quotegraph reads (those of a JSONL record).
const KEYS: [&str; 9] = [
    "id", "doc_id", "text", "html", "title", "source", "url", "date", "author",
];

/// Something wrong with one item: skipped (`skipped`), or read with a field left out. The
/// message does not name the item: the caller knows how to (a position, an id, a Spark row).
#[derive(Debug, Clone)]
pub struct Problem {
    pub index: usize,
    pub id: Option<String>,
    pub message: String,
    pub skipped: bool,
}

/// A [`Problem`] as Python sees it: `(index, id, message, skipped)`.
pub type ProblemTuple = (usize, Option<String>, String, bool);

impl Problem {
    pub fn into_tuple(self) -> ProblemTuple {
        (self.index, self.id, self.message, self.skipped)
    }
}

/// One item's fields as a JSONL record, or why they cannot be one. An item without an id gets
/// its position in the input (`"0"`, `"1"`, ...).
pub fn record_of(index: usize, item: &Bound<'_, PyAny>) -> Result<Map<String, Value>, Problem> {
    let problem = |message: String| Problem {
        index,
        id: None,
        message,
        skipped: true,
    };
    let mut record = Map::new();
    if let Ok(text) = item.cast::<PyString>() {
        record.insert(
            "text".into(),
            Value::String(
                text.to_cow()
                    .map_err(|e| problem(e.to_string()))?
                    .into_owned(),
            ),
        );
    } else if let Ok(map) = item.cast::<PyMapping>() {
        for key in KEYS {
            let value = match map.get_item(key) {
                Ok(v) => v,
                Err(e) if e.is_instance_of::<pyo3::exceptions::PyKeyError>(item.py()) => continue,
                Err(e) => return Err(problem(format!("reading \"{key}\": {e}"))),
            };
            let value = json_of(&value)
                .map_err(|t| problem(format!("\"{key}\" is {t}, which quotegraph cannot read")))?;
            record.insert(key.into(), value);
        }
    } else {
        let t = type_name(item);
        return Err(problem(format!(
            "an article is a str or a mapping with \"text\", not an object {t}"
        )));
    }
    with_id(index, record)
}

/// The record with its id checked: an empty id is refused, a missing one is the position.
pub fn with_id(
    index: usize,
    mut record: Map<String, Value>,
) -> Result<Map<String, Value>, Problem> {
    let id = ["id", "doc_id"]
        .iter()
        .find_map(|k| record.get(*k).filter(|v| !v.is_null()));
    if id
        .and_then(Value::as_str)
        .is_some_and(|s| s.trim().is_empty())
    {
        return Err(Problem {
            index,
            id: None,
            message: "the id is empty".into(),
            skipped: true,
        });
    }
    if id.is_none() {
        record.insert("id".into(), Value::String(index.to_string()));
    }
    Ok(record)
}

/// A Python value as JSON: `None`, `bool`, `int`, `float`, `str`, and dates (by `isoformat()`).
/// Other types give their type name back.
fn json_of(v: &Bound<'_, PyAny>) -> Result<Value, String> {
    if v.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return s
            .to_cow()
            .map(|s| Value::String(s.into_owned()))
            .map_err(|_| "a str with lone surrogates".into());
    }
    if let Ok(b) = v.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if v.cast::<PyInt>().is_ok() {
        if let Ok(i) = v.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = v.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Ok(Value::String(
            v.str().map_err(|_| type_name(v))?.to_string(),
        ));
    }
    if let Ok(f) = v.cast::<PyFloat>() {
        return Ok(serde_json::Number::from_f64(f.value()).map_or(Value::Null, Value::Number));
    }
    // datetime.date, datetime.datetime, pandas.Timestamp: what Parquet and Arrow dates become.
    if let Ok(iso) = v.call_method0("isoformat") {
        if let Ok(s) = iso.extract::<String>() {
            return Ok(Value::String(s));
        }
    }
    // Lists and dicts go on as JSON: the reader says what it makes of them (a `title` list is
    // left out with a warning, as in a JSONL file).
    pythonize::depythonize::<Value>(v).map_err(|_| type_name(v))
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    let name = v
        .get_type()
        .name()
        .map_or_else(|_| "object".to_string(), |n| n.to_string());
    format!("of type {name}")
}

/// The article of a record, read by the JSONL reader, with the warnings and the error (if
/// skipped) it gave, each naming the item.
pub fn article_of(index: usize, record: Map<String, Value>) -> (Option<Article>, Vec<Problem>) {
    let id = record
        .get("id")
        .or_else(|| record.get("doc_id"))
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .unwrap_or_default();
    let line = Value::Object(record).to_string();
    let mut read = Ingested::default();
    ingest::parse_jsonl(Path::new("item"), &line, &mut read);
    let problems = read
        .errors
        .iter()
        .map(|e| Problem {
            index,
            id: Some(id.clone()),
            message: message_of(e),
            skipped: !e.is_warning(),
        })
        .collect();
    (read.articles.pop(), problems)
}

/// The problem of an article on which the library panicked: a bug, reported, never expected.
pub fn internal_error(index: usize, id: &str) -> Problem {
    Problem {
        index,
        id: Some(id.to_string()),
        message: "quotegraph failed on this article (an internal error: please report it)".into(),
        skipped: true,
    }
}

/// An ingest error's message without the place the reader gave it (`item:1`).
fn message_of(e: &Error) -> String {
    match e {
        Error::BadRecord { message, .. }
        | Error::Recovered { message, .. }
        | Error::Format { message, .. } => message.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::article_of;

    /// (record, expected id, title, date, problems as (message, skipped)).
    #[allow(clippy::type_complexity)]
    fn table() -> Vec<(
        serde_json::Value,
        Option<(&'static str, Option<&'static str>, Option<&'static str>)>,
        Vec<(&'static str, bool)>,
    )> {
        let text = "Ferry back\n\n“It runs,” Mayor Lena Ortiz said.";
        vec![
            (
                json!({"id": "a", "text": text}),
                Some(("a", Some("Ferry back"), None)),
                vec![],
            ),
            (
                json!({"doc_id": 7, "text": text, "title": "T", "date": "5 March 2031"}),
                Some(("7", Some("T"), Some("2031-03-05"))),
                vec![],
            ),
            (
                json!({"id": "b", "text": text, "title": 3}),
                Some(("b", Some("Ferry back"), None)),
                vec![("\"title\" is a number, not a string; left out", false)],
            ),
            (
                json!({"id": "c", "text": ""}),
                None,
                vec![("empty \"text\" field", true)],
            ),
            (
                json!({"id": "d"}),
                None,
                vec![("missing \"text\" field", true)],
            ),
            (
                json!({"id": "e", "text": 5}),
                None,
                vec![("\"text\" is a number, not a string", true)],
            ),
            (
                json!({"id": "f", "html": "<html><body><p>“It runs,” Mayor Lena Ortiz said.</p></body></html>"}),
                Some(("f", None, None)),
                vec![],
            ),
        ]
    }

    #[test]
    fn records_become_articles_as_jsonl_records_do() {
        for (record, want, problems) in table() {
            let serde_json::Value::Object(map) = record.clone() else {
                unreachable!()
            };
            let (article, got) = article_of(4, map);
            let got_article = article
                .as_ref()
                .map(|a| (a.id.as_str(), a.title.as_deref(), a.date.as_deref()));
            assert_eq!(got_article, want, "{record}");
            let got: Vec<(&str, bool)> = got
                .iter()
                .map(|p| (p.message.as_str(), p.skipped))
                .collect();
            assert_eq!(got, problems, "{record}");
        }
    }

    #[test]
    fn problems_name_the_item_position_and_id() {
        let serde_json::Value::Object(map) = json!({"id": "x9", "text": " "}) else {
            unreachable!()
        };
        let (_, problems) = article_of(12, map);
        assert_eq!(
            (problems[0].index, problems[0].id.as_deref()),
            (12, Some("x9"))
        );
    }
}
