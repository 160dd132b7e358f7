//! CSV and TSV tables (what spreadsheets and pandas export): one article a row.
//!
//! Takes a reader; gives, row by row (the `csv` crate, streaming), an [`Article`] from the
//! `text` column (or `html`, read as a page), with optional `id` / `doc_id`, `title`,
//! `source`, `url`, `date`, `author` columns (header names compared case-insensitively). A row
//! that does not parse, is not UTF-8 or has no text is reported with its line and skipped; a
//! table with no `text` or `html` column is reported once. Never loads the table whole.

use std::io::Read;
use std::path::{Path, PathBuf};

use csv::{ByteRecord, ReaderBuilder};

use super::{date, html, Article, IngestOptions};
use crate::error::Error;

type Item = Result<Article, Error>;

/// Column positions of the fields quotegraph reads.
#[derive(Default)]
struct Columns {
    text: Option<usize>,
    html: Option<usize>,
    id: Option<usize>,
    title: Option<usize>,
    source: Option<usize>,
    url: Option<usize>,
    date: Option<usize>,
    author: Option<usize>,
}

/// Reads a table a row at a time.
pub struct TableReader<R: Read> {
    rows: csv::Reader<R>,
    path: PathBuf,
    stem: String,
    cols: Option<Columns>,
    limit: u64,
    record: ByteRecord,
    done: bool,
}

impl<R: Read> TableReader<R> {
    pub fn new(input: R, path: &Path, delimiter: u8, opts: &IngestOptions) -> Self {
        let rows = ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(input);
        TableReader {
            rows,
            path: path.to_path_buf(),
            stem: path
                .file_stem()
                .map_or_else(|| "table".into(), |s| s.to_string_lossy().into_owned()),
            cols: None,
            limit: opts.max_record_bytes,
            record: ByteRecord::new(),
            done: false,
        }
    }

    fn columns(&mut self) -> Result<Columns, Error> {
        let bad = |message: String| Error::Format {
            origin: self.path.display().to_string(),
            message,
        };
        let header = self
            .rows
            .byte_headers()
            .map_err(|e| bad(format!("unreadable header: {e}")))?
            .clone();
        let names: Vec<String> = header
            .iter()
            .map(|h| {
                String::from_utf8_lossy(h)
                    .trim_start_matches('\u{feff}')
                    .trim()
                    .to_ascii_lowercase()
            })
            .collect();
        let at = |keys: &[&str]| keys.iter().find_map(|k| names.iter().position(|n| n == k));
        let cols = Columns {
            text: at(&["text", "body", "content"]),
            html: at(&["html"]),
            id: at(&["id", "doc_id"]),
            title: at(&["title", "headline"]),
            source: at(&["source", "outlet"]),
            url: at(&["url", "link"]),
            date: at(&["date", "published"]),
            author: at(&["author", "byline"]),
        };
        if cols.text.is_none() && cols.html.is_none() {
            // Header cells are input: quoted and escaped, so the message stays one line.
            let shown: Vec<String> = names.iter().take(20).map(|n| format!("{n:?}")).collect();
            return Err(bad(format!(
                "no \"text\" column (columns: {}{})",
                shown.join(", "),
                if names.len() > 20 { ", ..." } else { "" }
            )));
        }
        Ok(cols)
    }

    /// One row as an article.
    fn article(&self, cols: &Columns, line: u64) -> Item {
        let bad = |message: String| Error::BadRecord {
            path: self.path.clone(),
            line: line as usize,
            message,
        };
        if self.record.as_slice().len() as u64 > self.limit {
            return Err(bad(format!(
                "row larger than the limit of {} bytes",
                self.limit
            )));
        }
        let field = |i: Option<usize>| -> Result<Option<String>, Error> {
            let Some(raw) = i.and_then(|i| self.record.get(i)) else {
                return Ok(None);
            };
            let s = std::str::from_utf8(raw).map_err(|e| {
                bad(format!(
                    "invalid UTF-8 at byte {} of a cell",
                    e.valid_up_to()
                ))
            })?;
            Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty()))
        };
        let id = field(cols.id)?.unwrap_or_else(|| format!("{}:{line}", self.stem));
        let origin = format!("{}:{line}", self.path.display());
        let mut a = match (field(cols.text)?, field(cols.html)?) {
            (Some(text), _) => Article::new(id, text, field(cols.title)?),
            (None, Some(page)) => {
                let page = html::page(&page);
                page.into_article(id, origin.clone())
                    .ok_or_else(|| bad("no article text in the html cell".into()))?
            }
            (None, None) => return Err(bad("empty \"text\" cell".into())),
        };
        if let Some(t) = field(cols.title)? {
            a.title = Some(t);
        }
        a.source = field(cols.source)?.or(a.source);
        a.url = field(cols.url)?.or(a.url);
        a.date = field(cols.date)?
            .and_then(|d| date::normalize(&d))
            .or(a.date);
        a.author = field(cols.author)?.or(a.author);
        a.origin = origin;
        Ok(a)
    }
}

impl<R: Read> Iterator for TableReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if self.done {
            return None;
        }
        let cols = match self.cols.take() {
            Some(c) => c,
            None => match self.columns() {
                Ok(c) => c,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            },
        };
        let item = loop {
            match self.rows.read_byte_record(&mut self.record) {
                Ok(false) => {
                    self.done = true;
                    break None;
                }
                Ok(true) => {
                    if self
                        .record
                        .iter()
                        .all(|f| f.iter().all(u8::is_ascii_whitespace))
                    {
                        continue;
                    }
                    let line = self.record.position().map_or(0, |p| p.line());
                    break Some(self.article(&cols, line));
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        self.done = true;
                    }
                    break Some(Err(Error::BadRecord {
                        path: self.path.clone(),
                        line: line as usize,
                        message: format!("unreadable row: {e}"),
                    }));
                }
            }
        };
        self.cols = Some(cols);
        item
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(table: &str, delimiter: u8) -> Vec<Result<Article, String>> {
        TableReader::new(
            table.as_bytes(),
            Path::new("t.csv"),
            delimiter,
            &IngestOptions::default(),
        )
        .map(|i| i.map_err(|e| e.to_string()))
        .collect()
    }

    #[test]
    fn rows_become_articles() {
        let csv = "ID,Title,text,Date,source\n\
                   a1,Dam,\"\"\"It holds,\"\" said Pia Lund.\nNew line.\",2024-03-05,Valley Times\n\
                   ,,Unnamed row text.,,\n\
                   a3,Empty,,,\n";
        let got = read(csv, b',');
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.id, "a1");
        assert_eq!(a.text, "\"It holds,\" said Pia Lund.\nNew line.");
        assert_eq!(a.title.as_deref(), Some("Dam"));
        assert_eq!(a.date.as_deref(), Some("2024-03-05"));
        assert_eq!(a.source.as_deref(), Some("Valley Times"));
        assert_eq!(a.origin, "t.csv:2");
        assert_eq!(got[1].as_ref().unwrap().id, "t:4");
        assert_eq!(got[2].as_ref().unwrap_err(), "t.csv:5: empty \"text\" cell");
    }

    #[test]
    fn a_table_without_text_is_reported_once() {
        let got = read("id\tbody_text\n1\tx\n", b'\t');
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].as_ref().unwrap_err(),
            "t.csv: no \"text\" column (columns: \"id\", \"body_text\")"
        );
        let tsv = read("id\ttext\n1\tWords here.\n", b'\t');
        assert_eq!(tsv[0].as_ref().unwrap().text, "Words here.");
    }
}
