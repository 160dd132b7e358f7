//! WARC archives (Common Crawl's news crawl and any WARC/1.x file, plain or gzip-compressed):
//! each HTML `response` (or `resource`) record an article.
//!
//! Takes a byte stream (already decompressed, member by member, for `.warc.gz`); gives, record
//! by record, an [`Article`] per successful HTML page, with id and `url` the
//! `WARC-Target-URI` and `date` the page's publication date, else the `WARC-Date`. Only one
//! record is in memory at a time (at most the record limit; larger ones are skipped unread).
//! Records of other types (request, metadata, warcinfo, revisit) and non-HTML or non-2xx
//! responses are passed over silently. A record whose `Content-Length` is missing or wrong
//! (the record does not end with the blank lines the format puts after each) is reported with
//! the file and the byte offset of the record (in the decompressed stream for `.warc.gz`), and
//! reading resyncs at the next `WARC/1.` header; a record cut off by the end of the file, or a
//! read error (a corrupt gzip member), is reported and ends the file.

use std::collections::VecDeque;
use std::io::{self, BufRead};
use std::path::Path;

use super::warc_src::Src;
use super::{date, decode, html, http, Article, IngestOptions};
use crate::error::Error;

type Item = Result<Article, Error>;

/// Header lines longer than this, or headers longer than 16 times this, are not WARC headers.
const MAX_LINE: usize = 16 * 1024;

/// Reads WARC records one at a time.
pub struct WarcReader<R> {
    src: Src<R>,
    path: String,
    compressed: bool,
    limit: u64,
    pending: VecDeque<Item>,
    done: bool,
    /// Whether bytes before the next header follow a fault already reported.
    quiet: bool,
}

/// A record's header fields (names lowercased).
struct Header {
    offset: u64,
    fields: Vec<(String, String)>,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(input: R, path: &Path, compressed: bool, opts: &IngestOptions) -> Self {
        WarcReader {
            src: Src::new(input),
            path: path.display().to_string(),
            compressed,
            limit: opts.max_record_bytes,
            pending: VecDeque::new(),
            done: false,
            quiet: false,
        }
    }

    fn origin(&self, offset: u64) -> String {
        let unit = if self.compressed {
            " (decompressed)"
        } else {
            ""
        };
        format!("{}: record at byte {offset}{unit}", self.path)
    }

    fn fault(&self, offset: u64, message: impl Into<String>) -> Error {
        Error::Format {
            origin: self.origin(offset),
            message: message.into(),
        }
    }

    /// Reads the next record into `pending`; `false` at the end of the input.
    fn step(&mut self) -> io::Result<bool> {
        let Some(header) = self.header()? else {
            return Ok(false);
        };
        let at = header.offset;
        let len = match header
            .get("content-length")
            .map(|v| v.trim().parse::<u64>())
        {
            Some(Ok(n)) => n,
            _ => {
                self.quiet = true;
                let e = self.fault(
                    at,
                    "missing or bad Content-Length; skipped to the next record",
                );
                self.pending.push_back(Err(e));
                return Ok(true);
            }
        };
        if len > self.limit {
            let got = self.src.skip(len)?;
            let e = self.fault(
                at,
                format!(
                    "record of {len} bytes is larger than the limit of {} bytes",
                    self.limit
                ),
            );
            self.pending.push_back(Err(e));
            if got < len {
                self.done = true;
                return Ok(false);
            }
            self.trailer(at, &[])?;
            return Ok(true);
        }
        let block = self.src.take(len)?;
        if (block.len() as u64) < len {
            if let Some(i) = find_header_line(&block) {
                let msg = format!("Content-Length {len} runs past the next record; skipped to it");
                self.pending.push_back(Err(self.fault(at, msg)));
                self.src.unread(&block[i..]);
                return Ok(true);
            }
            let msg = format!(
                "record cut off: Content-Length {len}, {} bytes left in the file",
                block.len()
            );
            self.pending.push_back(Err(self.fault(at, msg)));
            self.done = true;
            return Ok(false);
        }
        if self.trailer(at, &block)? {
            if let Some(item) = self.record(&header, &block) {
                self.pending.push_back(item);
            }
        }
        Ok(true)
    }

    /// Checks the blank lines after a block; on a mismatch reports a bad length and puts back
    /// what may hold the next record (from a `WARC/1.` line inside the block, if any).
    fn trailer(&mut self, at: u64, block: &[u8]) -> io::Result<bool> {
        let tail = self.src.take(4)?;
        if tail == b"\r\n\r\n" || tail.is_empty() {
            return Ok(true);
        }
        self.src.unread(&tail);
        if let Some(i) = find_header_line(block) {
            self.src.unread(&block[i..]);
        }
        self.quiet = true;
        let e = self.fault(
            at,
            "record does not end where its Content-Length says; skipped to the next record",
        );
        self.pending.push_back(Err(e));
        Ok(false)
    }

    /// The next record's header, skipping (and reporting once) anything before a `WARC/` line.
    fn header(&mut self) -> io::Result<Option<Header>> {
        let mut junk_at = None;
        let quiet = std::mem::take(&mut self.quiet);
        let (offset, first) = loop {
            let offset = self.src.offset;
            let Some(line) = self.src.line(MAX_LINE)? else {
                if let Some(j) = junk_at {
                    self.pending
                        .push_back(Err(self.fault(j, "bytes that are not a WARC record")));
                }
                return Ok(None);
            };
            if line.starts_with(b"WARC/") {
                break (offset, line);
            }
            if !quiet && !line.iter().all(u8::is_ascii_whitespace) {
                junk_at.get_or_insert(offset);
            }
        };
        if let Some(j) = junk_at {
            self.pending.push_back(Err(self.fault(
                j,
                "bytes that are not a WARC record; skipped to the next record",
            )));
        }
        let _version = first;
        let mut fields = Vec::new();
        for _ in 0..256 {
            let Some(line) = self.src.line(MAX_LINE)? else {
                break;
            };
            if line.is_empty() {
                break;
            }
            let line = String::from_utf8_lossy(&line);
            if let Some((k, v)) = line.split_once(':') {
                fields.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        Ok(Some(Header { offset, fields }))
    }

    /// The article of a well-formed record, if it is an HTML page.
    fn record(&self, h: &Header, block: &[u8]) -> Option<Item> {
        let at = h.offset;
        let kind = h.get("warc-type").unwrap_or("");
        let ctype = h.get("content-type").unwrap_or("");
        let payload = match kind {
            "response" if ctype.contains("application/http") => {
                match http::html_payload(block, self.limit) {
                    Ok(Some(p)) => p,
                    Ok(None) => return None,
                    Err(e) => return Some(Err(self.fault(at, e))),
                }
            }
            "resource" if http::is_html_type(ctype) => http::Payload {
                body: block.to_vec(),
                charset: http::charset_of(ctype),
            },
            _ => return None,
        };
        let uri = h
            .get("warc-target-uri")
            .unwrap_or("")
            .trim_matches(['<', '>']);
        let declared = payload
            .charset
            .or_else(|| decode::declared_encoding(&payload.body));
        let text = match decode::decode_bytes(payload.body, declared) {
            Ok(d) => d.text,
            Err(_) => return Some(Err(self.fault(at, format!("{uri:?}: no text in the page")))),
        };
        let id = if uri.is_empty() {
            format!("{}@{at}", self.path)
        } else {
            uri.to_string()
        };
        let page = html::page(&text);
        let Some(mut a) = page.into_article(id, self.origin(at)) else {
            return Some(Err(
                self.fault(at, format!("{uri:?}: no article text in the page"))
            ));
        };
        if !uri.is_empty() {
            a.url = Some(uri.to_string());
        }
        if a.date.is_none() {
            a.date = h.get("warc-date").and_then(date::normalize);
        }
        Some(Ok(a))
    }
}

/// The start of a line beginning `WARC/1.` inside `block` (not at its very start).
fn find_header_line(block: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = decode::find(&block[from..], b"\nWARC/1.") {
        let at = from + i + 1;
        if at > 0 {
            return Some(at);
        }
        from = at;
    }
    None
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            match self.step() {
                Ok(true) => {}
                Ok(false) => self.done = true,
                Err(e) => {
                    self.done = true;
                    let at = self.src.offset;
                    let msg = format!("read error ({e}); the rest of the file is lost");
                    return Some(Err(self.fault(at, msg)));
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "warc_tests.rs"]
mod tests;
