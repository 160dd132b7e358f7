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
                    x.doc_id,
                    x.title
                        .as_deref()
                        .map(|t| format!("· {t}"))
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

fn clip(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
