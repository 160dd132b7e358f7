//! Writing extracted quotes as JSONL, JSON or a readable table.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use quotegraph::graph::Node;
use quotegraph::{Extraction, QuoteRecord};

use super::Format;

#[derive(Serialize)]
struct Document<'a> {
    doc_id: &'a str,
    title: Option<&'a str>,
    quotes: Vec<QuoteRecord>,
}

pub fn write_quotes(out: &mut impl Write, found: &[Extraction], format: Format) -> Result<()> {
    match format {
        Format::Jsonl => {
            for x in found {
                for r in x.records() {
                    serde_json::to_writer(&mut *out, &r)?;
                    writeln!(out)?;
                }
            }
        }
        Format::Json => {
            let docs: Vec<Document> = found
                .iter()
                .map(|x| Document {
                    doc_id: &x.doc_id,
                    title: x.title.as_deref(),
                    quotes: x.records(),
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &docs)?;
            writeln!(out)?;
        }
        Format::Table => {
            for x in found {
                writeln!(
                    out,
                    "── {} {}",
                    clip(&x.doc_id, 80),
                    x.title
                        .as_deref()
                        .map(|t| format!("· {}", clip(t, 120)))
                        .unwrap_or_default()
                )?;
                for r in x.records() {
                    let who = match (&r.speaker, &r.speaker_mention) {
                        (Some(s), Some(m)) if s != m => format!("{s} ({m})"),
                        (Some(s), _) => s.clone(),
                        _ => "?".into(),
                    };
                    writeln!(
                        out,
                        "  {:<8} {:<32} {}",
                        r.kind.as_str(),
                        clip(&who, 32),
                        clip(&r.content, 90)
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// Writes extracted quotes batch after batch; in `json` the batches make one array, the same
/// bytes [`write_quotes`] gives for all of them at once.
pub struct QuoteWriter<W: Write> {
    out: W,
    format: Format,
    started: bool,
}

impl<W: Write> QuoteWriter<W> {
    pub fn new(out: W, format: Format) -> Self {
        QuoteWriter {
            out,
            format,
            started: false,
        }
    }

    pub fn write(&mut self, found: &[Extraction]) -> Result<()> {
        if self.format != Format::Json {
            return write_quotes(&mut self.out, found, self.format);
        }
        for x in found {
            let doc = Document {
                doc_id: &x.doc_id,
                title: x.title.as_deref(),
                quotes: x.records(),
            };
            self.out
                .write_all(if self.started { b",\n" } else { b"[\n" })?;
            self.started = true;
            let text = serde_json::to_string_pretty(&doc)?;
            for (k, line) in text.lines().enumerate() {
                if k > 0 {
                    self.out.write_all(b"\n")?;
                }
                write!(self.out, "  {line}")?;
            }
        }
        Ok(())
    }

    /// Ends the output (the JSON array) and flushes it.
    pub fn finish(mut self) -> Result<()> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.started { b"\n]\n" } else { b"[]\n" })?;
        }
        self.out.flush()?;
        Ok(())
    }
}

/// Writes items as JSONL, a JSON array, or (with `row`) one table line each.
pub fn write_items<T: Serialize>(
    out: &mut impl Write,
    items: &[T],
    format: Format,
    header: &str,
    row: impl Fn(&T) -> String,
) -> Result<()> {
    match format {
        Format::Jsonl => {
            for it in items {
                serde_json::to_writer(&mut *out, it)?;
                writeln!(out)?;
            }
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, items)?;
            writeln!(out)?;
        }
        Format::Table => {
            writeln!(out, "{header}")?;
            for it in items {
                writeln!(out, "{}", row(it))?;
            }
        }
    }
    Ok(())
}

pub fn write_entities(out: &mut impl Write, entities: &[&Node], format: Format) -> Result<()> {
    write_items(out, entities, format, &entity_header(), |e| entity_row(e))
}

fn entity_header() -> String {
    format!(
        "{:<10} {:<30} {:>8} {:>6}  {}",
        "KIND", "NAME", "MENTIONS", "QUOTES", "ALIASES · ROLES"
    )
}

fn entity_row(e: &Node) -> String {
    let mut extra = e.aliases.join(", ");
    if !e.roles.is_empty() {
        extra.push_str(" · ");
        extra.push_str(&e.roles.join(", "));
    }
    format!(
        "{:<10} {:<30} {:>8} {:>6}  {}",
        e.kind.as_str(),
        clip(&e.label, 30),
        e.mentions,
        e.quotes,
        clip(&extra, 100)
    )
}

/// Entities written one at a time (a store may hold millions): JSONL, a JSON array, or a table.
pub struct EntityWriter {
    format: Format,
    count: usize,
}

impl EntityWriter {
    pub fn new(format: Format) -> Self {
        EntityWriter { format, count: 0 }
    }

    pub fn write(&mut self, out: &mut impl Write, e: &Node) -> std::io::Result<()> {
        let first = self.count == 0;
        self.count += 1;
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, e)?;
                writeln!(out)
            }
            Format::Json => {
                out.write_all(if first { b"[\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, e)?;
                Ok(())
            }
            Format::Table => {
                if first {
                    writeln!(out, "{}", entity_header())?;
                }
                writeln!(out, "{}", entity_row(e))
            }
        }
    }

    pub fn finish(&mut self, out: &mut impl Write) -> std::io::Result<()> {
        match self.format {
            Format::Json if self.count == 0 => writeln!(out, "[]"),
            Format::Json => writeln!(out, "\n]"),
            Format::Table if self.count == 0 => writeln!(out, "{}", entity_header()),
            _ => Ok(()),
        }
    }
}

/// `s` on one line for a terminal, at most `n` characters: whitespace runs become one space,
/// control characters (terminal escape sequences begin with one) become U+FFFD, so that text
/// from an article can neither move the cursor nor recolour the screen.
pub fn clip(s: &str, n: usize) -> String {
    let mut out = String::with_capacity(s.len().min(4 * n));
    let mut count = 0;
    for word in s.split_whitespace() {
        if count > 0 {
            out.push(' ');
            count += 1;
        }
        for c in word.chars() {
            out.push(if c.is_control() { '\u{fffd}' } else { c });
            count += 1;
        }
        if count > n {
            break;
        }
    }
    if count <= n {
        return out;
    }
    let mut t: String = out.chars().take(n.saturating_sub(1)).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_batches_is_the_json_of_the_whole() {
        let texts = [
            "“The ferry runs again,” said Mayor Ilse Brandt.",
            "No quote here.",
            "“We reject it,” Tomas Reyl said. “All of it.”",
        ];
        let found: Vec<Extraction> = texts
            .iter()
            .enumerate()
            .map(|(k, t)| quotegraph::extract::extract_text(&format!("d{k}"), t))
            .collect();
        for format in [Format::Json, Format::Jsonl, Format::Table] {
            let mut whole = Vec::new();
            write_quotes(&mut whole, &found, format).unwrap();
            let mut parts = Vec::new();
            let mut w = QuoteWriter::new(&mut parts, format);
            w.write(&found[..1]).unwrap();
            w.write(&found[1..]).unwrap();
            w.finish().unwrap();
            assert_eq!(
                String::from_utf8(parts).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        }
        let mut none = Vec::new();
        QuoteWriter::new(&mut none, Format::Json).finish().unwrap();
        let mut empty = Vec::new();
        write_quotes(&mut empty, &[], Format::Json).unwrap();
        assert_eq!(none, empty);
    }

    #[test]
    fn clipped_text_is_one_short_printable_line() {
        let cases: &[(&str, usize, &str)] = &[
            ("a  b\n c", 10, "a b c"),
            ("abcdef", 4, "abc…"),
            ("abcd", 4, "abcd"),
            (
                "red \u{1b}[31mtext\u{7}",
                40,
                "red \u{fffd}[31mtext\u{fffd}",
            ),
            ("\u{9b}2J wipe", 40, "\u{fffd}2J wipe"),
            ("", 3, ""),
        ];
        for (text, n, want) in cases {
            assert_eq!(clip(text, *n), *want, "{text:?}");
        }
    }
}
