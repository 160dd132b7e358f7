//! `quotegraph eval-entities`: scores entity resolution against entity gold (the figures of
//! `shared/eval/score_entities.py`), optionally saving the predictions made.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use quotegraph::eval::entities::{self, EntityGoldDoc, EntityPrediction};

use super::files::write_atomic;
use super::read_records;

#[derive(Args)]
pub struct EvalEntities {
    /// Gold JSONL: one document a line with `doc_id`, `topic`, `text` and `mentions`
    /// (character offsets).
    gold: PathBuf,
    /// Score this prediction file (`{doc_id, start, end, entity}`, byte offsets) instead of
    /// running the system.
    #[arg(long)]
    predictions: Option<PathBuf>,
    /// Write the predictions made to this file (JSONL, one mention a line).
    #[arg(long)]
    save: Option<PathBuf>,
    /// Only gold mentions of these types (comma-separated: HUM, LOC, NON, TIM).
    #[arg(long)]
    types: Option<String>,
    /// Print the figures as one JSON object.
    #[arg(long)]
    json: bool,
}

pub fn run(args: EvalEntities) -> Result<ExitCode> {
    let docs: Vec<EntityGoldDoc> = read_records(&args.gold)?;
    let preds: Vec<EntityPrediction> = match &args.predictions {
        Some(p) => read_records(p)?,
        None => {
            let preds = entities::predict(&docs);
            if let Some(path) = &args.save {
                save(path, &preds)?;
            }
            preds
        }
    };
    let types: Option<HashSet<String>> = args
        .types
        .map(|t| t.split(',').map(|s| s.trim().to_string()).collect());
    let score = entities::score(&docs, &preds, types.as_ref());
    let line = if args.json {
        score.json()
    } else {
        score.summary()
    };
    writeln!(io::stdout().lock(), "{line}")?;
    Ok(ExitCode::SUCCESS)
}

fn save(path: &Path, preds: &[EntityPrediction]) -> Result<()> {
    let mut text = String::with_capacity(preds.len() * 64);
    for p in preds {
        text.push_str(&serde_json::to_string(p)?);
        text.push('\n');
    }
    write_atomic(path, &text)
}
