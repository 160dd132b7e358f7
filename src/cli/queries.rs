//! The queries `who-said`, `path` and `neighbors`, answered from a store (or a graph), printed
//! as a table or JSON (the listings are in `lists`).

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};

use quotegraph::graph::QuoteGraph;
use quotegraph::query::{self, store as sq, QuoteHit, QuoteIndex, Step};

use super::source::{resolve, resolve_one, FilterArgs, Loaded, Source};

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum QueryFormat {
    Table,
    Json,
}

#[derive(Args)]
pub struct WhoSaidArgs {
    phrase: String,
    /// Also match other forms of the words (`flexible` finds `flexibility`).
    #[arg(long)]
    fuzzy: bool,
    #[command(flatten)]
    source: Source,
    #[command(flatten)]
    filter: FilterArgs,
    #[arg(long, short, value_enum, default_value = "table")]
    format: QueryFormat,
}

#[derive(Args)]
pub struct PathArgs {
    from: String,
    to: String,
    /// Every simple path up to --max-len edges.
    #[arg(long)]
    all: bool,
    #[arg(long, default_value_t = 4)]
    max_len: usize,
    #[command(flatten)]
    source: Source,
    #[arg(long, short, value_enum, default_value = "table")]
    format: QueryFormat,
}

#[derive(Args)]
pub struct NeighborsArgs {
    name: String,
    #[arg(long, default_value_t = 1)]
    depth: usize,
    /// A name several entities answer to: answer for all of them.
    #[arg(long)]
    all: bool,
    #[command(flatten)]
    source: Source,
    #[arg(long, short, value_enum, default_value = "table")]
    format: QueryFormat,
}

pub(super) fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

/// Article text for a terminal: one line, at most `max` characters, no control characters.
pub fn one_line(s: &str, max: usize) -> String {
    super::output::clip(s, max)
}

pub(super) fn graph_entity(
    g: &QuoteGraph,
    name: &str,
) -> Result<petgraph::stable_graph::NodeIndex> {
    match g.find_entity(name) {
        Some((i, _)) => Ok(i),
        None => bail!("no entity named {name:?} in the graph"),
    }
}

/// Lines for the articles that carry a quote: outlet, date, id and the quote's paragraph.
fn write_occurrences(out: &mut impl Write, q: &QuoteHit, max: usize) -> Result<()> {
    for o in q.occurrences.iter().take(max) {
        let mut at = o.article.trim_start_matches("article:").to_string();
        for extra in [&o.date, &o.source].into_iter().flatten() {
            at.push_str(" · ");
            at.push_str(extra);
        }
        writeln!(
            out,
            "      {} · {}",
            one_line(&at, 60),
            one_line(&o.context, 120)
        )?;
    }
    let shown = q.occurrences.len().min(max);
    if q.articles > shown {
        writeln!(out, "      … and {} more articles", q.articles - shown)?;
    }
    Ok(())
}

pub fn who_said(a: &WhoSaidArgs) -> Result<ExitCode> {
    let hits = match a.source.open()? {
        Loaded::Store(st) => sq::who_said(&st, &a.phrase, a.fuzzy, &a.filter.filter())?,
        Loaded::Graph(g) => {
            a.filter.none_for_graph()?;
            let ix = QuoteIndex::new(&g);
            query::who_said(&g, &ix, &a.phrase, a.fuzzy)
        }
    };
    if a.format == QueryFormat::Json {
        print_json(&hits)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = io::stdout().lock();
    if hits.is_empty() {
        writeln!(out, "nobody said {:?}", a.phrase)?;
    }
    for h in &hits {
        let n = h.quotes.len();
        writeln!(
            out,
            "{} ({n} quote{})",
            h.name,
            if n == 1 { "" } else { "s" }
        )?;
        for q in &h.quotes {
            let kind = q.kind.map_or("", |k| k.as_str());
            writeln!(out, "  [{kind}] “{}”", one_line(&q.text, 150))?;
            write_occurrences(&mut out, q, 3)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn chain(steps: &[Step]) -> String {
    let mut s = steps.first().map(|st| st.from.clone()).unwrap_or_default();
    for st in steps {
        let what = match st.polarity {
            Some(p) => format!("{} ({})", st.kind.as_str(), p.as_str()),
            None => st.kind.as_str().to_string(),
        };
        if st.forward {
            s.push_str(&format!(" —{what}→ {}", st.to));
        } else {
            s.push_str(&format!(" ←{what}— {}", st.to));
        }
    }
    s
}

pub fn path(a: &PathArgs) -> Result<ExitCode> {
    let all = a.all.then_some(a.max_len);
    let paths = match a.source.open()? {
        Loaded::Store(st) => {
            let (x, y) = (resolve_one(&st, &a.from)?, resolve_one(&st, &a.to)?);
            match all {
                Some(max) => sq::all_paths(&st, &x.id, &y.id, max)?,
                None => sq::shortest_path(&st, &x.id, &y.id)?.into_iter().collect(),
            }
        }
        Loaded::Graph(g) => {
            let (x, y) = (graph_entity(&g, &a.from)?, graph_entity(&g, &a.to)?);
            match all {
                Some(max) => query::all_paths(&g, x, y, max),
                None => query::shortest_path(&g, x, y).into_iter().collect(),
            }
        }
    };
    if a.format == QueryFormat::Json {
        print_json(&paths)?;
    } else {
        let mut out = io::stdout().lock();
        if paths.is_empty() {
            writeln!(out, "no path between {:?} and {:?}", a.from, a.to)?;
        }
        for p in &paths {
            writeln!(out, "{}", chain(p))?;
        }
    }
    Ok(if paths.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn neighbors(a: &NeighborsArgs) -> Result<ExitCode> {
    let rows = match a.source.open()? {
        Loaded::Store(st) => {
            let mut rows = Vec::new();
            for e in resolve(&st, &a.name, a.all)? {
                rows.extend(sq::neighbors(&st, &e.id, a.depth)?);
            }
            rows
        }
        Loaded::Graph(g) => query::neighbors(&g, graph_entity(&g, &a.name)?, a.depth),
    };
    if a.format == QueryFormat::Json {
        return print_json(&rows).map(|()| ExitCode::SUCCESS);
    }
    let mut out = io::stdout().lock();
    for r in &rows {
        writeln!(
            out,
            "{} {:<10} {:<28} {}",
            r.depth,
            r.kind.as_str(),
            one_line(&r.name, 28),
            chain(std::slice::from_ref(&r.via))
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
