//! `quotegraph eval-stance FILE [--save PRED.jsonl] [--predictions PRED.jsonl] [--json]`:
//! judges each record's text toward its target span and prints the figures of
//! `shared/eval/score_stance.py` for the whole file, its training part and its held-out part.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use rayon::prelude::*;

use quotegraph::eval::stance::{self, StancePrediction, StanceRecord, StanceScore};

#[derive(clap::Args)]
pub struct Args {
    /// Stance JSONL: one record a line with `doc_id`, `text`, `target_span` ([start, end) in
    /// characters) and the gold `polarity`.
    gold: PathBuf,
    /// Write the predictions (`{doc_id, polarity}` a line) to this file.
    #[arg(long)]
    save: Option<PathBuf>,
    /// Score this prediction file instead of judging the records.
    #[arg(long)]
    predictions: Option<PathBuf>,
    /// Print the figures as one JSON object (`all`, `train`, `held_out`).
    #[arg(long)]
    json: bool,
    /// Exit with code 1 when the held-out macro-F1 is below this value (for CI).
    #[arg(long, value_name = "F1")]
    fail_under: Option<f64>,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let records = read(&a.gold)?;
    let preds: Vec<StancePrediction> = match &a.predictions {
        Some(p) => super::read_records(p)?,
        None => {
            let made: Vec<Result<StancePrediction, String>> = records
                .par_iter()
                .map(|(_, r)| stance::predict(r))
                .collect();
            let mut preds = Vec::with_capacity(made.len());
            for ((line, _), p) in records.iter().zip(made) {
                match p {
                    Ok(p) => preds.push(p),
                    Err(e) => say!("quotegraph: skipped {}:{line}: {e}", a.gold.display()),
                }
            }
            if let Some(path) = &a.save {
                let mut text = String::new();
                for p in &preds {
                    text.push_str(&serde_json::to_string(p)?);
                    text.push('\n');
                }
                super::files::write_atomic(path, &text)?;
            }
            preds
        }
    };
    let part = |held: Option<bool>| -> StanceScore {
        let gold = records
            .iter()
            .map(|(_, r)| r)
            .filter(|r| held.is_none_or(|h| stance::is_held_out(&r.doc_id) == h))
            .filter_map(|r| Some((r.doc_id.as_str(), r.polarity.as_deref()?)));
        stance::score(gold, &preds)
    };
    let (all, train, held) = (part(None), part(Some(false)), part(Some(true)));
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if a.json {
        #[derive(serde::Serialize)]
        struct Parts<'a> {
            all: &'a StanceScore,
            train: &'a StanceScore,
            held_out: &'a StanceScore,
        }
        let parts = Parts {
            all: &all,
            train: &train,
            held_out: &held,
        };
        writeln!(out, "{}", serde_json::to_string(&parts)?)?;
    } else {
        writeln!(out, "{}", all.summary())?;
        writeln!(out, "train part: {}", train.summary())?;
        writeln!(
            out,
            "held-out part ({} % of articles, by a hash of the doc id's article key): {}",
            stance::HELD_OUT_PERCENT,
            held.summary()
        )?;
    }
    out.flush()?;
    if let Some(floor) = a.fail_under.filter(|&f| held.macro_f1 < f) {
        say!(
            "quotegraph: held-out macro-F1 {:.4} is below {floor}",
            held.macro_f1
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The records of a stance file with their line numbers; a bad line is reported and skipped.
fn read(path: &Path) -> Result<Vec<(usize, StanceRecord)>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<StanceRecord>(line) {
            Ok(r) => out.push((i + 1, r)),
            Err(e) => say!(
                "quotegraph: skipped {}:{}: malformed record: {e}",
                path.display(),
                i + 1
            ),
        }
    }
    Ok(out)
}
