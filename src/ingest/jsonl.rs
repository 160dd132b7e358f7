//! JSONL: one article a line (`id` or `doc_id`, `text`, optional `title`, `source`, `url`,
//! `date`, `author`; an `html` field, or a `text` that is an HTML page, is read as a page). A
//! bad line is reported with its number and skipped; a field of the wrong type is reported (a
//! wrong `id` skips the line, a wrong optional field is left out), never coerced. The file is
//! read a line at a time, so its size is not limited.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use std::collections::VecDeque;

use serde_json::{Map, Value};

use super::{date, html, Article, IngestOptions, Ingested};
use crate::error::Error;

type Item = Result<Article, Error>;

/// Parses each non-blank line of `text` as one `T`; a line that does not parse becomes a
/// [`Error::BadRecord`] naming `path` and the 1-based line, and the rest are still read.
pub fn parse_lines<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
) -> (Vec<T>, Vec<Error>) {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str(line) {
            Ok(v) => items.push(v),
            Err(e) => errors.push(Error::BadRecord {
                path: path.to_path_buf(),
                line: i + 1,
                message: format!("malformed record: {e}"),
            }),
        }
    }
    (items, errors)
}

/// Parses JSONL held in memory into `out`.
pub fn parse_jsonl(path: &Path, text: &str, out: &mut Ingested) {
    let stem = stem_of(path);
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        for item in article_of(path, &stem, i + 1, line) {
            match item {
                Ok(a) => out.articles.push(a),
                Err(e) => out.errors.push(e),
            }
        }
    }
}

fn stem_of(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "stdin".into(), |s| s.to_string_lossy().into_owned());
    // `x.jsonl.gz` is `x`, as `x.jsonl` is.
    let lower = name.to_ascii_lowercase();
    let cut = [".gz", ".zst", ".zstd"]
        .iter()
        .find_map(|c| lower.strip_suffix(c))
        .map_or(name.len(), str::len);
    let base = &name[..cut];
    base.rsplit_once('.').map_or(base, |(s, _)| s).to_string()
}

/// One JSONL line as its items: warnings about fields of the wrong type, then the article (or
/// the error that skips the line).
fn article_of(path: &Path, stem: &str, line_no: usize, line: &str) -> Vec<Item> {
    let bad = |message: String| Error::BadRecord {
        path: path.to_path_buf(),
        line: line_no,
        message,
    };
    let origin = format!("{}:{line_no}", path.display());
    let record: Map<String, Value> = match serde_json::from_str(line) {
        Ok(Value::Object(m)) => m,
        Ok(_) => return vec![Err(bad("a record must be a JSON object".into()))],
        Err(e) => return vec![Err(bad(format!("malformed JSON: {e}")))],
    };
    let mut items = Vec::new();
    // Optional text fields: a value of another type is reported and left out, never coerced.
    let mut text_field = |key: &str| match record.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(v) => {
            items.push(Err(Error::Recovered {
                origin: origin.clone(),
                message: format!("\"{key}\" is {}, not a string; left out", kind_of(v)),
            }));
            None
        }
    };
    let title = text_field("title");
    let source = text_field("source");
    let url = text_field("url");
    let date = text_field("date");
    let author = text_field("author");
    let id = match record.get("id").or_else(|| record.get("doc_id")) {
        None | Some(Value::Null) => format!("{stem}:{line_no}"),
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(v) => {
            items.push(Err(bad(format!(
                "\"id\" is {}, not a string or number",
                kind_of(v)
            ))));
            return items;
        }
    };
    let text = record.get("text");
    let page = match (text, record.get("html")) {
        (Some(Value::String(s)), _) if looks_like_html(s) => Some(s),
        (None | Some(Value::Null), Some(Value::String(s))) => Some(s),
        _ => None,
    };
    let article = match (page, text) {
        (Some(h), _) => {
            let mut page = html::page(h);
            if title.is_some() {
                page.meta.title = title;
            }
            page.into_article(id, origin.clone())
                .ok_or_else(|| bad("no article text in the HTML".into()))
        }
        (None, Some(Value::String(s))) if !s.trim().is_empty() => {
            Ok(Article::new(id, s.clone(), title))
        }
        (None, Some(Value::String(_))) => Err(bad("empty \"text\" field".into())),
        (None, Some(v)) if !v.is_null() => {
            Err(bad(format!("\"text\" is {}, not a string", kind_of(v))))
        }
        (None, _) => Err(bad("missing \"text\" field".into())),
    };
    items.push(article.map(|mut a| {
        a.source = source.or(a.source);
        a.url = url.or(a.url);
        a.date = date.and_then(|d| date::normalize(&d)).or(a.date);
        a.author = author.or(a.author);
        a.origin = origin;
        a
    }));
    items
}

/// A record's `text` that is an HTML page rather than plain text.
fn looks_like_html(s: &str) -> bool {
    let t = s.trim_start();
    let head = t.get(..t.len().min(256)).unwrap_or("").to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (t.starts_with('<') && t.trim_end().ends_with('>') && head.contains("<p"))
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads JSONL from `input` a line at a time: each line is one article or one error.
pub struct JsonlReader<R> {
    input: R,
    path: PathBuf,
    stem: String,
    line_no: usize,
    limit: u64,
    buf: Vec<u8>,
    pending: VecDeque<Item>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(input: R, path: &Path, opts: &IngestOptions) -> Self {
        JsonlReader {
            input,
            path: path.to_path_buf(),
            stem: stem_of(path),
            line_no: 0,
            limit: opts.max_record_bytes,
            buf: Vec::new(),
            pending: VecDeque::new(),
            done: false,
        }
    }

    /// Reads one line into `buf`, keeping at most `limit + 1` bytes of it; returns the line's
    /// full length, or `None` at the end of the input.
    fn read_line(&mut self) -> std::io::Result<Option<u64>> {
        self.buf.clear();
        let mut len = 0u64;
        loop {
            let chunk = self.input.fill_buf()?;
            if chunk.is_empty() {
                return Ok((len > 0).then_some(len));
            }
            let (part, found) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], true),
                None => (chunk, false),
            };
            let room = (self.limit + 1).saturating_sub(self.buf.len() as u64) as usize;
            self.buf.extend_from_slice(&part[..part.len().min(room)]);
            len += part.len() as u64;
            let used = part.len() + usize::from(found);
            self.input.consume(used);
            if found {
                return Ok(Some(len));
            }
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Article, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(item) = self.pending.pop_front() {
            return Some(item);
        }
        while !self.done {
            self.line_no += 1;
            let len = match self.read_line() {
                Ok(Some(len)) => len,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(source) => {
                    self.done = true;
                    return Some(Err(Error::Io {
                        path: self.path.clone(),
                        source,
                    }));
                }
            };
            let bad = |message: String| Error::BadRecord {
                path: self.path.clone(),
                line: self.line_no,
                message,
            };
            if len > self.limit {
                return Some(Err(bad(format!(
                    "record of {len} bytes is larger than the limit of {} bytes",
                    self.limit
                ))));
            }
            let line = match std::str::from_utf8(&self.buf) {
                Ok(l) => l,
                Err(e) => {
                    let at = e.valid_up_to();
                    return Some(Err(bad(format!("invalid UTF-8 at byte {at} of the line"))));
                }
            };
            let line = if self.line_no == 1 {
                line.trim_start_matches('\u{feff}')
            } else {
                line
            };
            if line.trim().is_empty() {
                continue;
            }
            self.pending = article_of(&self.path, &self.stem, self.line_no, line).into();
            return self.pending.pop_front();
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_bad_lines_are_reported_with_line_numbers() {
        let mut out = Ingested::default();
        let text = "{\"id\":\"a\",\"text\":\"He said so.\"}\n{oops\n{\"id\":\"c\"}\n{\"id\":7,\"text\":\"Fine.\"}\n";
        parse_jsonl(Path::new("x.jsonl"), text, &mut out);
        assert_eq!(out.articles.len(), 2);
        assert_eq!(out.articles[1].id, "7");
        let msgs: Vec<String> = out.errors.iter().map(|e| e.to_string()).collect();
        assert!(msgs[0].starts_with("x.jsonl:2: malformed JSON"), "{msgs:?}");
        assert_eq!(msgs[1], "x.jsonl:3: missing \"text\" field");
    }

    #[test]
    fn streamed_lines_keep_their_numbers_and_a_bad_line_costs_only_itself() {
        let bytes: &[u8] =
            b"{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"T\xffo.\"}\n\n{\"id\":\"c\",\"text\":\"Three.\"}";
        let opts = IngestOptions::default();
        let items: Vec<_> = JsonlReader::new(bytes, Path::new("s.jsonl"), &opts).collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].as_ref().unwrap().id, "a");
        let err = items[1].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("s.jsonl:2: invalid UTF-8"), "{err}");
        assert_eq!(items[2].as_ref().unwrap().origin, "s.jsonl:4");
    }

    #[test]
    fn a_line_over_the_record_limit_is_reported_and_skipped() {
        let bytes = format!(
            "{{\"id\":\"big\",\"text\":\"{}\"}}\n{{\"id\":\"ok\",\"text\":\"Fine.\"}}\n",
            "x".repeat(100)
        );
        let opts = IngestOptions {
            max_record_bytes: 50,
            ..IngestOptions::default()
        };
        let items: Vec<_> =
            JsonlReader::new(bytes.as_bytes(), Path::new("l.jsonl"), &opts).collect();
        assert!(items[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("larger than the limit"));
        assert_eq!(items[1].as_ref().unwrap().id, "ok");
    }
}

#[cfg(test)]
mod field_tests {
    use super::*;

    /// (line, id or error, warnings)
    #[test]
    fn fields_of_the_wrong_type_are_reported_and_html_is_read_as_a_page() {
        let page = "<html><body><nav>Home</nav><article><p>The ferry to Nordholm was cancelled on Monday, the third time this month.</p></article></body></html>";
        let table: Vec<(String, Result<&str, &str>, usize)> = vec![
            (r#"{"id":"a","text":"Words."}"#.into(), Ok("a"), 0),
            (r#"{"doc_id":7,"text":"Words."}"#.into(), Ok("7"), 0),
            (r#"{"text":"Words."}"#.into(), Ok("x:1"), 0),
            (
                r#"{"id":["a"],"text":"Words."}"#.into(),
                Err("x.jsonl:1: \"id\" is an array, not a string or number"),
                0,
            ),
            (
                r#"{"id":"b","text":"Words.","date":5,"title":{"t":1}}"#.into(),
                Ok("b"),
                2,
            ),
            (
                r#"{"id":"c","text":5}"#.into(),
                Err("x.jsonl:1: \"text\" is a number, not a string"),
                0,
            ),
            (
                r#"["not","an","object"]"#.into(),
                Err("x.jsonl:1: a record must be a JSON object"),
                0,
            ),
            (
                serde_json::json!({"id": "h", "html": page}).to_string(),
                Ok("h"),
                0,
            ),
            (
                serde_json::json!({"id": "t", "text": page}).to_string(),
                Ok("t"),
                0,
            ),
        ];
        for (line, want, warnings) in table {
            let items = article_of(Path::new("x.jsonl"), "x", 1, &line);
            let (last, warns) = items.split_last().unwrap();
            assert_eq!(warns.len(), warnings, "{line}");
            assert!(warns
                .iter()
                .all(|w| w.as_ref().is_err_and(Error::is_warning)));
            match (last, want) {
                (Ok(a), Ok(id)) => {
                    assert_eq!(a.id, id, "{line}");
                    assert!(!a.text.contains('<'), "{line}: {}", a.text);
                }
                (Err(e), Err(msg)) => assert_eq!(e.to_string(), msg),
                (got, want) => panic!("{line}: got {got:?}, want {want:?}"),
            }
        }
    }
}
