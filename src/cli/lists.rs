//! The listing queries: `stances` (over time with `--by month`), `quotes`, `entities`.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};

use quotegraph::graph::NodeKind;
use quotegraph::query::{self, store as sq};
use quotegraph::store::read::EntityRow;

use super::output;
use super::queries::{one_line, print_json, QueryFormat};
use super::source::{resolve, FilterArgs, Loaded, Source};
use super::Format;

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Period {
    Month,
}

#[derive(Args)]
pub struct StancesArgs {
    /// Only this speaker.
    speaker: Option<String>,
    /// Only toward this target.
    #[arg(long)]
    target: Option<String>,
    /// One row per month of the evidence (a stance over time).
    #[arg(long, value_enum)]
    by: Option<Period>,
    /// A name several entities answer to: answer for all of them.
    #[arg(long)]
    all: bool,
    /// At most this many rows.
    #[arg(long, default_value_t = 200)]
    limit: usize,
    #[command(flatten)]
    source: Source,
    #[command(flatten)]
    filter: FilterArgs,
    #[arg(long, short, value_enum, default_value = "table")]
    format: QueryFormat,
}

#[derive(Args)]
pub struct QuotesArgs {
    #[arg(long)]
    speaker: Option<String>,
    /// Only quotes that mention this entity.
    #[arg(long)]
    mentions: Option<String>,
    /// A name several entities answer to: answer for all of them.
    #[arg(long)]
    all: bool,
    /// At most this many quotes.
    #[arg(long, default_value_t = 200)]
    limit: usize,
    #[command(flatten)]
    source: Source,
    #[command(flatten)]
    filter: FilterArgs,
    #[arg(long, short, value_enum, default_value = "table")]
    format: QueryFormat,
}

#[derive(Args)]
pub struct EntitiesArgs {
    /// Files or directories to analyse in memory; without them, the store is read.
    paths: Vec<std::path::PathBuf>,
    #[command(flatten)]
    source: Source,
    /// Output format; `table` on a terminal, `jsonl` otherwise.
    #[arg(long, short)]
    format: Option<Format>,
    /// Only entities of this kind (person, org, place, outlet, equipment, anonymous).
    #[arg(long)]
    kind: Option<String>,
}

/// Entity ids for an optional name (`None`: no restriction).
fn ids(
    st: &quotegraph::store::Store,
    name: Option<&str>,
    all: bool,
) -> Result<Vec<Option<String>>> {
    Ok(match name {
        None => vec![None],
        Some(n) => resolve(st, n, all)?
            .into_iter()
            .map(|e: EntityRow| Some(e.id))
            .collect(),
    })
}

pub fn stances(a: &StancesArgs) -> Result<ExitCode> {
    let rows = match a.source.open()? {
        Loaded::Store(st) => {
            let by_month = a.by.is_some();
            if by_month && a.speaker.is_none() {
                bail!("--by month needs a speaker");
            }
            let mut rows = Vec::new();
            for s in ids(&st, a.speaker.as_deref(), a.all)? {
                for t in ids(&st, a.target.as_deref(), a.all)? {
                    rows.extend(sq::stances(
                        &st,
                        s.as_deref(),
                        t.as_deref(),
                        &a.filter.filter(),
                        by_month,
                        a.limit,
                    )?);
                }
            }
            rows
        }
        Loaded::Graph(g) => {
            a.filter.none_for_graph()?;
            if a.by.is_some() {
                bail!("--by month reads a store (--db), not a graph");
            }
            let s = any_entity(&g, a.speaker.as_deref())?;
            let t = any_entity(&g, a.target.as_deref())?;
            query::stances(&g, s, t)
        }
    };
    if a.format == QueryFormat::Json {
        return print_json(&rows).map(|()| ExitCode::SUCCESS);
    }
    let mut out = io::stdout().lock();
    let period = a.by.is_some();
    writeln!(
        out,
        "{:<26} {}{:<8} {:>6}  {:<26} EVIDENCE",
        "SPEAKER",
        if period { "PERIOD   " } else { "" },
        "STANCE",
        "SCORE",
        "TARGET"
    )?;
    for r in &rows {
        let evidence = r.quotes.first().map_or_else(String::new, |q| {
            let more = r.quotes.len().saturating_sub(1);
            let more = if more > 0 {
                format!(" +{more}")
            } else {
                String::new()
            };
            format!("“{}”{more}", one_line(&q.text, 70))
        });
        let period = r
            .period
            .as_deref()
            .map(|p| format!("{p:<9}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{:<26} {period}{:<8} {:>6.2}  {:<26} {evidence}",
            one_line(&r.speaker, 26),
            r.polarity.map_or("", |p| p.as_str()),
            r.score.unwrap_or(0.0),
            one_line(&r.target, 26),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn quotes(a: &QuotesArgs) -> Result<ExitCode> {
    let rows = match a.source.open()? {
        Loaded::Store(st) => {
            if a.speaker.is_none() && a.mentions.is_none() {
                bail!("give --speaker, --mentions or both");
            }
            let mut rows = Vec::new();
            for s in ids(&st, a.speaker.as_deref(), a.all)? {
                for m in ids(&st, a.mentions.as_deref(), a.all)? {
                    rows.extend(sq::quotes(
                        &st,
                        s.as_deref(),
                        m.as_deref(),
                        &a.filter.filter(),
                        a.limit,
                    )?);
                }
            }
            rows
        }
        Loaded::Graph(g) => {
            a.filter.none_for_graph()?;
            let s = any_entity(&g, a.speaker.as_deref())?;
            let m = any_entity(&g, a.mentions.as_deref())?;
            query::quotes(&g, s, m)
        }
    };
    if a.format == QueryFormat::Json {
        return print_json(&rows).map(|()| ExitCode::SUCCESS);
    }
    let mut out = io::stdout().lock();
    for q in &rows {
        let mut who: Vec<&str> = q
            .occurrences
            .iter()
            .filter_map(|o| o.speaker_mention.as_deref())
            .collect();
        who.dedup();
        writeln!(
            out,
            "[{}] “{}” — {}",
            q.kind.map_or("", |k| k.as_str()),
            one_line(&q.text, 140),
            who.join(", ")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn entities(a: &EntitiesArgs) -> Result<ExitCode> {
    let mut source = a.source.clone();
    if !a.paths.is_empty() {
        source.corpus = a.paths.clone();
    }
    let format = super::pick_format(a.format);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match source.open()? {
        Loaded::Graph(g) => {
            let entities: Vec<_> = g
                .nodes()
                .map(|(_, n)| n)
                .filter(|n| n.kind.is_entity())
                .filter(|n| a.kind.as_deref().is_none_or(|k| n.kind.as_str() == k))
                .collect();
            output::write_entities(&mut out, &entities, format)?;
        }
        Loaded::Store(st) => {
            let mut w = output::EntityWriter::new(format);
            st.each_entity(a.kind.as_deref(), &mut |e| {
                let d = st.entity_details(&e.id)?;
                let kind =
                    quotegraph::store::read::node_kind(&e.kind).unwrap_or(NodeKind::Anonymous);
                let mut n = quotegraph::graph::Node::new(e.id, kind, e.name);
                n.aliases = d.aliases;
                n.roles = d.roles;
                n.affiliations = d.affiliations;
                n.mentions = e.mentions;
                n.quotes = e.quotes;
                w.write(&mut out, &n)
                    .map_err(quotegraph::store::StoreError::Write)
            })?;
            w.finish(&mut out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The entity an optional name denotes in a graph (none given: none).
fn any_entity(
    g: &quotegraph::graph::QuoteGraph,
    name: Option<&str>,
) -> Result<Option<petgraph::stable_graph::NodeIndex>> {
    name.map(|n| super::queries::graph_entity(g, n)).transpose()
}
