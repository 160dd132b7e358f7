//! Command-line front end: clap types, their conversion to library calls, and output.
//!
//! Exit codes: see [`exit`].

mod batch;
mod build;
mod eval_entities;
mod eval_stance;
pub mod exit;
mod export_cmd;
mod files;
mod ingest_cmd;
mod lists;
mod output;
mod queries;
mod source;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use quotegraph::eval::{self, GoldDoc, Prediction};
use quotegraph::extract_all;
use quotegraph::ingest::{self, IngestOptions};

#[derive(Parser)]
#[command(
    name = "quotegraph",
    version,
    about = "Finds who said what in news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract quotes and their speakers from text files, directories, JSONL or stdin.
    Extract {
        /// Files or directories (recursively: .txt .md .jsonl .ndjson .html .htm .warc .rss .atom
        /// .xml .csv .tsv, each also .gz or .zst); stdin when none.
        paths: Vec<PathBuf>,
        /// Output format; `table` on a terminal, `jsonl` otherwise.
        #[arg(long, short)]
        format: Option<Format>,
        /// Skip files larger than this many bytes.
        #[arg(long, default_value_t = ingest::DEFAULT_MAX_FILE_BYTES)]
        max_file_bytes: u64,
        /// Skip articles with more text than this many bytes.
        #[arg(long, default_value_t = ingest::DEFAULT_MAX_ARTICLE_BYTES)]
        max_article_bytes: u64,
        /// Also print diagnostics (unbalanced quotation marks, boilerplate left out).
        #[arg(long)]
        diagnostics: bool,
    },
    /// Add articles (or fact shards made elsewhere) to a store, in batches; articles stored
    /// already are left alone, changed ones replaced.
    Ingest(ingest_cmd::IngestArgs),
    /// Build the graph of a corpus and write every export into a directory (the main job):
    /// the articles go into the directory's store (`quotegraph.db`: only what changed is
    /// extracted again), then every export is written from it.
    Build(build::BuildArgs),
    /// Merge parts of a corpus (stores, fact shards, graphs written with facts) into one store
    /// and write every export (the same as building the whole).
    Merge(build::MergeArgs),
    /// Export the graph, or a view of it, in one format.
    Export(export_cmd::ExportArgs),
    /// Every speaker who said a phrase, with the matching quotes.
    WhoSaid(queries::WhoSaidArgs),
    /// The shortest path between two entities, named by any alias.
    Path(queries::PathArgs),
    /// The entities around one entity.
    Neighbors(queries::NeighborsArgs),
    /// Speakers' stances toward entities, with the quotes as evidence.
    Stances(lists::StancesArgs),
    /// Quotes by speaker and / or subject.
    Quotes(lists::QuotesArgs),
    /// The canonical entities: type, aliases, roles, mention and quote counts.
    Entities(lists::EntitiesArgs),
    /// Score the extractor against gold annotations (the format of shared/eval/README.md).
    Eval {
        /// Gold JSONL: one document a line with `doc_id`, `text` and `quotes`.
        gold: PathBuf,
        /// Score this prediction file instead of running the extractor.
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// List misses, false positives and wrong speakers.
        #[arg(long, short)]
        verbose: bool,
        /// Print the summary as one JSON object.
        #[arg(long)]
        json: bool,
        /// Write the predictions made to this file (JSONL).
        #[arg(long)]
        save: Option<PathBuf>,
        /// Minimum token F1 for a prediction to match a gold quote.
        #[arg(long, default_value_t = 0.5)]
        min_f1: f64,
        /// Exit with code 1 when the end-to-end F1 is below this value (for CI).
        #[arg(long, value_name = "F1")]
        fail_under: Option<f64>,
    },
    /// Score entity resolution against entity gold (shared/eval/*.entities.jsonl).
    EvalEntities(eval_entities::EvalEntities),
    /// Score stance toward a target against annotated sentences (`eval-stance FILE`): the
    /// figures of shared/eval/score_stance.py for the file, its training part and its held-out part.
    EvalStance(eval_stance::Args),
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Json,
    Table,
}

pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract {
            paths,
            format,
            max_file_bytes,
            max_article_bytes,
            diagnostics,
        } => {
            let opts = IngestOptions {
                max_file_bytes,
                max_article_bytes,
                ..IngestOptions::default()
            };
            let stdout = io::stdout();
            let mut out =
                output::QuoteWriter::new(io::BufWriter::new(stdout.lock()), pick_format(format));
            let mut any = false;
            for batch in batch::batches(stream_input(&paths, &opts)) {
                any = true;
                let found = extract_all(&batch);
                if diagnostics {
                    for d in found.iter().flat_map(|x| &x.diagnostics) {
                        say!("quotegraph: note: {}", exit::one_line(&d.to_string()));
                    }
                }
                out.write(&found)?;
            }
            if !any {
                say!("quotegraph: no readable articles in the input");
                return Ok(ExitCode::from(1));
            }
            out.finish()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest(args) => ingest_cmd::run(&args),
        Command::Build(a) => build::build(&a),
        Command::Merge(a) => build::merge(&a),
        Command::Export(a) => export_cmd::export(&a),
        Command::WhoSaid(a) => queries::who_said(&a),
        Command::Path(a) => queries::path(&a),
        Command::Neighbors(a) => queries::neighbors(&a),
        Command::Stances(a) => lists::stances(&a),
        Command::Quotes(a) => lists::quotes(&a),
        Command::Entities(a) => lists::entities(&a),
        Command::EvalEntities(args) => eval_entities::run(args),
        Command::Eval {
            gold,
            predictions,
            verbose,
            json,
            save,
            min_f1,
            fail_under,
        } => {
            let docs: Vec<GoldDoc> = read_records(&gold)?;
            let preds: Vec<Prediction> = match predictions {
                Some(p) => read_records(&p)?,
                None => {
                    let records = eval::predict(&docs);
                    if let Some(path) = save {
                        let mut text = String::new();
                        for r in &records {
                            text.push_str(&serde_json::to_string(r)?);
                            text.push('\n');
                        }
                        files::write_atomic(&path, &text)?;
                    }
                    records.iter().map(Prediction::from).collect()
                }
            };
            let score = eval::score(&docs, &preds, min_f1);
            let stdout = io::stdout();
            let mut out = stdout.lock();
            if verbose {
                let lists = [
                    ("MISS ", &score.misses),
                    ("FP   ", &score.false_positives),
                    ("SPKR ", &score.wrong_speakers),
                ];
                for (label, list) in lists {
                    for m in list {
                        let gold = m.gold_speaker.as_deref().unwrap_or("-");
                        let got = m.predicted_speaker.as_deref().unwrap_or("-");
                        let who = match label {
                            "MISS " => gold.to_string(),
                            "FP   " => got.to_string(),
                            _ => format!("gold {gold} | got {got}"),
                        };
                        writeln!(out, "{label} {} | {who} | {}", m.doc_id, m.content)?;
                    }
                }
            }
            if json {
                writeln!(out, "{}", serde_json::to_string(&score)?)?;
            } else {
                writeln!(out, "{}", score.summary())?;
            }
            if let Some(floor) = fail_under.filter(|&f| score.e2e_f1 < f) {
                say!(
                    "quotegraph: end-to-end F1 {:.3} is below {floor}",
                    score.e2e_f1
                );
                return Ok(ExitCode::from(1));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::EvalStance(args) => eval_stance::run(args),
    }
}

/// The articles of `paths` (stdin when none, or for `-`), read lazily.
fn stream_input(
    paths: &[PathBuf],
    opts: &IngestOptions,
) -> Box<dyn Iterator<Item = Result<ingest::Article, quotegraph::Error>>> {
    let rest: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    if paths.is_empty() || rest.len() < paths.len() {
        Box::new(ingest::stream_stdin(opts).chain(ingest::stream(&rest, opts)))
    } else {
        Box::new(ingest::stream(paths, opts))
    }
}

/// One input fault on stderr: `skipped ...`, or `warning: ...` when the input was still read.
pub(crate) fn report_error(e: &quotegraph::Error) {
    let what = if e.is_warning() {
        "warning:"
    } else {
        "skipped"
    };
    say!("quotegraph: {what} {}", exit::one_line(&e.to_string()));
}

/// The format asked for, else `table` on a terminal and `jsonl` when piped.
fn pick_format(format: Option<Format>) -> Format {
    format.unwrap_or(if io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    })
}

/// Reads a JSONL file of `T`, reporting bad lines on stderr and keeping the rest.
pub(crate) fn read_records<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let (items, errors) = ingest::parse_lines(path, &text);
    for e in errors {
        say!("quotegraph: skipped {}", exit::one_line(&e.to_string()));
    }
    Ok(items)
}
