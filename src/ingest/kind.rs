//! Which format a file is in: by its name (extensions compared case-insensitively, a `.gz` or
//! `.zst` after the format's own), or, for a path with no known extension or stdin, by its
//! first bytes.
//!
//! Takes a path or the first bytes of an input; gives a [`Format`] and a [`Compression`].
//! Never opens anything itself.

use std::path::Path;

/// What an input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article as plain text (`.txt`, `.text`, `.md`, `.markdown`).
    Text,
    /// One article a line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// An article page (`.html`, `.htm`, `.xhtml`).
    Html,
    /// A web archive (`.warc`).
    Warc,
    /// An RSS or Atom feed (`.rss`, `.atom`, `.xml` that turns out to be a feed).
    Feed,
    /// A table with a `text` column (`.csv`; `.tsv` with tabs).
    Csv,
    Tsv,
}

/// How an input is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

/// The format and compression a file's name says, `None` for a name quotegraph does not read.
pub fn of_path(path: &Path) -> Option<(Format, Compression)> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let (stem, compression) = if let Some(s) = name.strip_suffix(".gz") {
        (s, Compression::Gzip)
    } else if let Some(s) = name
        .strip_suffix(".zst")
        .or_else(|| name.strip_suffix(".zstd"))
    {
        (s, Compression::Zstd)
    } else {
        (name.as_str(), Compression::None)
    };
    let ext = stem.rsplit_once('.')?.1;
    let format = match ext {
        "txt" | "text" | "md" | "markdown" => Format::Text,
        "jsonl" | "ndjson" => Format::Jsonl,
        "html" | "htm" | "xhtml" => Format::Html,
        "warc" => Format::Warc,
        "rss" | "atom" | "xml" => Format::Feed,
        "csv" => Format::Csv,
        "tsv" => Format::Tsv,
        _ => return None,
    };
    Some((format, compression))
}

/// The file's name without its format and compression extensions (`a.jsonl.gz` → `a`): the
/// id of a one-article file.
pub fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
    let mut base = name.as_str();
    if of_path(path).is_some() {
        let lower = base.to_ascii_lowercase();
        for c in [".gz", ".zst", ".zstd"] {
            if lower.ends_with(c) {
                base = &base[..base.len() - c.len()];
                break;
            }
        }
        base = base.rsplit_once('.').map_or(base, |(s, _)| s);
    } else if let Some((s, _)) = base.rsplit_once('.').filter(|(s, _)| !s.is_empty()) {
        base = s;
    }
    base.to_string()
}

/// The compression the first bytes show.
pub fn sniff_compression(head: &[u8]) -> Compression {
    if head.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// The format the first bytes (after white space and a byte-order mark) show: JSONL, WARC, a
/// feed, an HTML page, else plain text.
pub fn sniff(head: &[u8]) -> Format {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    if head.starts_with(b"{") {
        return Format::Jsonl;
    }
    if head.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if !head.starts_with(b"<") {
        return Format::Text;
    }
    let lower: Vec<u8> = head[..head.len().min(4096)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let has = |s: &[u8]| lower.windows(s.len()).any(|w| w == s);
    if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
        Format::Feed
    } else {
        Format::Html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_give_formats() {
        use Compression::*;
        use Format::*;
        let table = [
            ("a.txt", Some((Text, None))),
            ("A.TXT", Some((Text, None))),
            ("notes.md", Some((Text, None))),
            ("x.ndjson", Some((Jsonl, None))),
            ("x.jsonl.gz", Some((Jsonl, Gzip))),
            ("x.JSONL.ZST", Some((Jsonl, Zstd))),
            ("page.htm", Some((Html, None))),
            ("crawl.warc.gz", Some((Warc, Gzip))),
            ("feed.xml", Some((Feed, None))),
            ("t.csv", Some((Csv, None))),
            ("photo.png", Option::None),
            ("README", Option::None),
            ("archive.gz", Option::None),
        ];
        for (name, want) in table {
            assert_eq!(of_path(Path::new(name)), want, "{name}");
        }
    }

    #[test]
    fn first_bytes_give_formats() {
        let table: [(&[u8], Format); 6] = [
            (b"  {\"id\":1}", Format::Jsonl),
            (b"WARC/1.1\r\n", Format::Warc),
            (b"<?xml version='1.0'?>\n<rss>", Format::Feed),
            (b"<!DOCTYPE html><html>", Format::Html),
            (b"\xef\xbb\xbfPlain words.", Format::Text),
            (b"", Format::Text),
        ];
        for (head, want) in table {
            assert_eq!(sniff(head), want, "{head:?}");
        }
    }
}
