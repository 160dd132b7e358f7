//! Turns files, directories, JSONL records and stdin into [`Article`]s.
//!
//! This is one of the two places (with the CLI) that touch the file system. Bad input never stops
//! a run: each unreadable file or record becomes an [`Error`] carrying its path (and line, for
//! JSONL), and reading goes on with the rest. [`Article::new`] is pure: it finds the title line and
//! the trailing page boilerplate so that later stages only look at the article body.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use crate::error::{Diagnostic, Error};
use crate::lexicon::Lexicon;
use crate::text::Span;

/// Files larger than this are refused rather than read into memory.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// One news article. `text` is kept exactly as read; `title` and `body` are spans into it.
#[derive(Debug, Clone)]
pub struct Article {
    /// The JSONL record's `id` (or `doc_id`), or the file stem for a text file.
    pub id: String,
    pub text: String,
    /// The headline: a line of its own at the top, or the JSONL `title` field.
    pub title: Option<String>,
    /// The article proper: after the title line, before trailing page boilerplate.
    pub body: Span,
    pub source: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    /// Where it was read from (`path` or `path:line`).
    pub origin: String,
    /// Remarks made while laying out the article (boilerplate cut, title found).
    pub diagnostics: Vec<Diagnostic>,
}

impl Article {
    /// Lays out raw text: a first line followed by a blank line and short enough to be a headline
    /// is the title (unless `title` is given); trailing lines that are page furniture (menus, share
    /// buttons, a repeated headline: short lines with no sentence punctuation) are left out of the
    /// body.
    pub fn new(id: impl Into<String>, text: String, title: Option<String>) -> Article {
        let id = id.into();
        let lex = Lexicon::builtin();
        let mut diagnostics = Vec::new();
        let mut body = Span::new(0, text.len());
        let mut title = title.filter(|t| !t.trim().is_empty());
        if let Some((line, rest_start)) = headline(&text) {
            if title.is_none() {
                title = Some(line.of(&text).trim().to_string());
            }
            if title.as_deref() == Some(line.of(&text).trim()) {
                body.start = rest_start;
            }
        }
        // Trailing boilerplate, scanned line by line from the end.
        let mut end = text.len();
        loop {
            let head = &text[body.start..end];
            let trimmed_end = body.start + head.trim_end().len();
            let line_start = text[body.start..trimmed_end]
                .rfind('\n')
                .map_or(body.start, |i| body.start + i + 1);
            if line_start == body.start {
                end = trimmed_end; // never drop the whole body
                break;
            }
            let line = text[line_start..trimmed_end].trim();
            if !is_furniture(line, lex) {
                end = trimmed_end;
                break;
            }
            diagnostics.push(Diagnostic {
                doc_id: id.clone(),
                offset: Some(line_start),
                message: format!("trailing page boilerplate left out: {line:?}"),
            });
            end = line_start;
        }
        body.end = end.max(body.start);
        Article {
            id,
            text,
            title,
            body,
            source: None,
            url: None,
            date: None,
            origin: String::new(),
            diagnostics,
        }
    }

    pub fn body_text(&self) -> &str {
        self.body.of(&self.text)
    }
}

/// The first line, when it stands alone above a blank line and reads like a headline.
fn headline(text: &str) -> Option<(Span, usize)> {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let nl = rest.find('\n')?;
    let line = &rest[..nl];
    let after = &rest[nl + 1..];
    let blank = after
        .trim_start_matches([' ', '\t', '\r'])
        .starts_with('\n');
    let words = line.split_whitespace().count();
    // A headline does not end with a full stop; a first line that does is the lead paragraph.
    let sentence = line.trim_end().ends_with('.') && !line.trim_end().ends_with("...");
    if !blank || sentence || words == 0 || words > 30 || after.trim().is_empty() {
        return None;
    }
    let body_start = lead + nl + 1 + (after.len() - after.trim_start().len());
    Some((Span::new(lead, lead + nl), body_start))
}

/// A line that is navigation or page furniture rather than article text.
fn is_furniture(line: &str, lex: &Lexicon) -> bool {
    if line.is_empty() {
        return true;
    }
    let key = line
        .trim_end_matches(|c: char| c.is_ascii_punctuation())
        .to_lowercase();
    if lex.is_boilerplate(&key) {
        return true;
    }
    let ends_sentence = line.ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', ')', '…']);
    !ends_sentence && line.split_whitespace().count() <= 15
}

/// How to read input.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub max_file_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// Everything read from a set of paths: the articles, and one error per file or record that
/// could not be used.
#[derive(Debug, Default)]
pub struct Ingested {
    pub articles: Vec<Article>,
    pub errors: Vec<Error>,
}

/// Reads files and directories (recursively: `*.txt`, `*.jsonl`), in a stable order.
pub fn read_paths(paths: &[PathBuf], opts: &IngestOptions) -> Ingested {
    let mut out = Ingested::default();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            if let Err(e) = walk(path, &mut files) {
                out.errors.push(e);
            }
            files.sort();
            for f in files {
                read_file(&f, opts, &mut out);
            }
        } else if path.is_file() {
            read_file(path, opts, &mut out);
        } else {
            out.errors.push(Error::NotFound { path: path.clone() });
        }
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_dir() {
            walk(&path, files)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "jsonl")
        ) {
            files.push(path);
        }
    }
    Ok(())
}

fn read_file(path: &Path, opts: &IngestOptions, out: &mut Ingested) {
    let bytes = match load(path, opts) {
        Ok(b) => b,
        Err(e) => return out.errors.push(e),
    };
    let is_jsonl = path.extension().is_some_and(|e| e == "jsonl");
    match decode(path, bytes) {
        Ok(text) if is_jsonl => parse_jsonl(path, &text, out),
        Ok(text) => {
            let stem = path
                .file_stem()
                .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
            let mut article = Article::new(stem, text, None);
            article.origin = path.display().to_string();
            out.articles.push(article);
        }
        Err(e) => out.errors.push(e),
    }
}

fn load(path: &Path, opts: &IngestOptions) -> Result<Vec<u8>, Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = fs::metadata(path).map_err(io)?.len();
    if size > opts.max_file_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: opts.max_file_bytes,
        });
    }
    fs::read(path).map_err(io)
}

/// Checks raw bytes and turns them into text: empty, binary (a NUL byte) and invalid UTF-8 input
/// are errors naming the file.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Error> {
    let path = path.to_path_buf();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty { path });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary { path, offset });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path,
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    doc_id: Option<Value>,
    text: Option<Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

fn id_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Parses JSONL: one article a line. A bad line is reported with its number and skipped.
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

pub fn parse_jsonl(path: &Path, text: &str, out: &mut Ingested) {
    let stem = path
        .file_stem()
        .map_or_else(|| "stdin".into(), |s| s.to_string_lossy().into_owned());
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| Error::BadRecord {
            path: path.to_path_buf(),
            line: line_no,
            message,
        };
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.errors.push(bad(format!("malformed JSON: {e}")));
                continue;
            }
        };
        let body = match record.text {
            Some(Value::String(s)) if !s.trim().is_empty() => s,
            Some(Value::String(_)) => {
                out.errors.push(bad("empty \"text\" field".into()));
                continue;
            }
            Some(_) => {
                out.errors.push(bad("\"text\" is not a string".into()));
                continue;
            }
            None => {
                out.errors.push(bad("missing \"text\" field".into()));
                continue;
            }
        };
        let id = record
            .id
            .as_ref()
            .or(record.doc_id.as_ref())
            .and_then(id_string)
            .unwrap_or_else(|| format!("{stem}:{line_no}"));
        let mut article = Article::new(id, body, record.title);
        article.source = record.source;
        article.url = record.url;
        article.date = record.date;
        article.origin = format!("{}:{line_no}", path.display());
        out.articles.push(article);
    }
}

/// Reads standard input: JSONL when it starts with `{`, else one plain-text article `stdin`.
pub fn read_stdin(opts: &IngestOptions) -> Ingested {
    let mut out = Ingested::default();
    let path = PathBuf::from("<stdin>");
    let mut bytes = Vec::new();
    let limit = opts.max_file_bytes;
    if let Err(source) = std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
    {
        out.errors.push(Error::Io { path, source });
        return out;
    }
    if bytes.len() as u64 > limit {
        out.errors.push(Error::TooLarge {
            path,
            size: bytes.len() as u64,
            limit,
        });
        return out;
    }
    match decode(&path, bytes) {
        Ok(text) if text.trim_start().starts_with('{') => parse_jsonl(&path, &text, &mut out),
        Ok(text) => {
            let mut a = Article::new("stdin", text, None);
            a.origin = path.display().to_string();
            out.articles.push(a);
        }
        Err(e) => out.errors.push(e),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_above_blank_line_is_the_title() {
        let a = Article::new(
            "a",
            "Big news today\n\nThe minister said so.\n".into(),
            None,
        );
        assert_eq!(a.title.as_deref(), Some("Big news today"));
        assert_eq!(a.body_text(), "The minister said so.");
    }

    #[test]
    fn first_sentence_without_blank_line_is_body() {
        let a = Article::new("a", "The minister said so.\nHe left.".into(), None);
        assert_eq!(a.title, None);
        assert_eq!(a.body_text(), "The minister said so.\nHe left.");
    }

    #[test]
    fn trailing_menu_lines_are_not_body() {
        let text = "The minister said so on Monday, and he said it again.\nOther headline about things\nPopular Categories\n";
        let a = Article::new("a", text.into(), None);
        assert_eq!(
            a.body_text(),
            "The minister said so on Monday, and he said it again."
        );
        assert_eq!(a.diagnostics.len(), 2);
    }

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
    fn binary_and_invalid_utf8_are_refused() {
        let p = Path::new("f.txt");
        assert!(matches!(
            decode(p, vec![b'a', 0, b'b']),
            Err(Error::Binary { offset: 1, .. })
        ));
        assert!(matches!(
            decode(p, vec![b'a', 0xff]),
            Err(Error::InvalidUtf8 { offset: 1, .. })
        ));
        assert!(matches!(
            decode(p, b"  \n".to_vec()),
            Err(Error::Empty { .. })
        ));
    }
}
