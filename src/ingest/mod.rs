//! Turns files, directories, JSONL records and stdin into [`Article`]s, as a stream.
//!
//! This is one of the two places (with the CLI) that touch the file system. [`stream`] walks the
//! paths lazily and yields one `Result<Article, Error>` at a time, in a stable order (directory
//! entries sorted by name), so that memory is bounded by what the caller keeps, never by the
//! corpus: a JSONL file is read a line at a time. Bad input never stops a run: each unreadable
//! file or record becomes an [`Error`] carrying its path (and line, for JSONL), and reading goes
//! on with the rest. [`Article::new`] is pure: it finds the title line and the trailing page
//! boilerplate so that later stages only look at the article body.
//!
//! One file per input format: `decode` (bytes to text: encodings, repairs), `kind` (which
//! format a file is), `jsonl` (records), `table` (CSV/TSV rows), `html` (article pages),
//! `feed` (RSS/Atom items), `warc`, `warc_src` and `http` (web archives), `date` (ISO 8601 dates),
//! `stream` (the walk and the dispatch by file type, compression undone on the way), `shard`
//! (fact shards: facts made elsewhere, in the versioned facts format).
//!
//! **Offsets.** Every span later stages produce is a UTF-8 byte offset into [`Article::text`],
//! the text as kept: for a UTF-8 text file that is the file's bytes (after a byte-order mark,
//! which is dropped); for other encodings, pages, feeds, archives and tables it is the text
//! quotegraph made (decoded, the page's main text with paragraphs separated by blank lines).
//! `extract` also prints character offsets for languages that index strings by character.

mod date;
mod decode;
mod feed;
pub mod html;
mod http;
mod jsonl;
pub mod kind;
mod shard;
mod stream;
mod table;
mod warc;
mod warc_src;

pub use date::normalize as normalize_date;
pub use decode::{decode, decode_bytes, Decoded, Refusal};
pub use jsonl::{parse_jsonl, parse_lines};
pub use shard::{is_shard, read_shards};
pub use stream::{stream, stream_bytes, stream_stdin, Stream};

use std::path::PathBuf;

use crate::error::{Diagnostic, Error};
use crate::lexicon::Lexicon;
use crate::text::Span;

/// Whole-file inputs (a `.txt` article) larger than this are refused rather than read into
/// memory.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// One record of a streamed file (a JSONL line) larger than this is reported and skipped; the
/// file itself may be of any size.
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 256 * 1024 * 1024;

/// Articles with more text than this are reported and skipped (`--max-article-bytes`).
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;

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
    /// The outlet (JSONL/CSV `source`, a page's site name, a feed's title).
    pub source: Option<String>,
    /// The article's address (a page's canonical URL, a feed item's link, a WARC target URI).
    pub url: Option<String>,
    /// Publication date: ISO 8601 (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`) when it parsed,
    /// else as given.
    pub date: Option<String>,
    /// Author or byline, as the source gives it (several joined by commas).
    pub author: Option<String>,
    /// Where it was read from (`path`, `path:line`, `path: item N`, `path: record at byte N`).
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
            author: None,
            origin: String::new(),
            diagnostics,
        }
    }

    pub fn body_text(&self) -> &str {
        self.body.of(&self.text)
    }
}

/// The first line, when it stands alone above a blank line and reads like a headline: not a
/// sentence (no full stop, `!` or `?` at its end, inside closing quotes or not) and holding no
/// quotation (a quoted run of three words or more), since a quote on that line would be lost.
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
    if !blank || words == 0 || words > 30 || after.trim().is_empty() {
        return None;
    }
    if ends_sentence(line) || holds_quote(line) {
        return None;
    }
    let body_start = lead + nl + 1 + (after.len() - after.trim_start().len());
    Some((Span::new(lead, lead + nl), body_start))
}

/// Whether a line ends like a sentence (an ellipsis does not).
fn ends_sentence(line: &str) -> bool {
    let core = line
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', '«', ')', ']']);
    core.ends_with(['.', '!', '?']) && !core.ends_with("...")
}

/// Whether a line holds a quotation: an opening mark, then three words or more, then a closing
/// mark.
fn holds_quote(line: &str) -> bool {
    let pairs = [
        ('“', '”'),
        ('"', '"'),
        ('«', '»'),
        ('„', '“'),
        ('‘', '’'),
        ('»', '«'),
    ];
    pairs.iter().any(|&(open, close)| {
        let Some(i) = line.find(open) else {
            return false;
        };
        let inner = &line[i + open.len_utf8()..];
        inner
            .find(close)
            .is_some_and(|j| inner[..j].split_whitespace().count() >= 3)
    })
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
    /// Limit for inputs read whole (a text file, stdin that is not JSONL).
    pub max_file_bytes: u64,
    /// Limit for one record of a streamed input (a JSONL line).
    pub max_record_bytes: u64,
    /// Limit for the text of one article, whatever its input: a longer one is reported and
    /// skipped (news articles are far shorter; text of this size is a dump, not an article).
    pub max_article_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

/// Everything read from a set of paths: the articles, and one error per file or record that
/// could not be used. For corpora that fit in memory; [`stream`] for the rest.
#[derive(Debug, Default)]
pub struct Ingested {
    pub articles: Vec<Article>,
    pub errors: Vec<Error>,
}

impl Ingested {
    fn collect(items: impl Iterator<Item = Result<Article, Error>>) -> Ingested {
        let mut out = Ingested::default();
        for item in items {
            match item {
                Ok(a) => out.articles.push(a),
                Err(e) => out.errors.push(e),
            }
        }
        out
    }
}

/// Reads files and directories (recursively) whole, in a stable order: [`stream`], collected.
pub fn read_paths(paths: &[PathBuf], opts: &IngestOptions) -> Ingested {
    Ingested::collect(stream(paths, opts))
}

/// Reads standard input whole: [`stream_stdin`], collected.
pub fn read_stdin(opts: &IngestOptions) -> Ingested {
    Ingested::collect(stream_stdin(opts))
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
    fn a_first_line_is_a_title_only_when_it_looks_like_one() {
        let table = [
            (
                "Bridge vote delayed\n\nThe council met.",
                Some("Bridge vote delayed"),
            ),
            ("Talks go on...\n\nThe council met.", Some("Talks go on...")),
            (
                "\"Smart\" bridges return\n\nThe council met.",
                Some("\"Smart\" bridges return"),
            ),
            ("The council met.\n\nIt voted.", None),
            ("Will the bridge open?\n\nThe council met.", None),
            (
                "“We will rebuild it,” Mayor Ilse Varnholt said\n\nThe council met.",
                None,
            ),
            ("Varnholt: “We will rebuild it”\n\nThe council met.", None),
            ("He said: \"It is done.\"\n\nThe council met.", None),
        ];
        for (text, want) in table {
            let a = Article::new("a", text.into(), None);
            assert_eq!(a.title.as_deref(), want, "{text}");
            if want.is_none() {
                assert_eq!(a.body.start, 0, "{text}");
            }
        }
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
}
