//! Writing exports to files, and the drawing options the environment may set.
//!
//! Every file is written whole or not at all: to a temporary file of this run in the same
//! folder, flushed to disk, then renamed over the old one, so a reader, a killed run or a full
//! disk never leaves a file that is half old, half new or made of two runs. A folder that gets
//! several files (`build`, `merge`) is held by one run at a time ([`OutputLock`]).

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use quotegraph::export;

/// The name of the lock file `build` and `merge` hold in their output folder.
pub const LOCK_NAME: &str = ".quotegraph.lock";

/// The temporary name of `path` for this run: hidden, in the same folder, with the process id
/// so that two runs never share one.
fn temp_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}

/// Writes `text` to `path` through a temporary file in the same directory, synced and renamed,
/// so a reader never sees half a file; on failure the temporary file is removed and the old
/// file, if any, is left as it was.
pub fn write_atomic(path: &Path, text: &str) -> Result<()> {
    let tmp = temp_path(path);
    let written = File::create(&tmp).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e).with_context(|| {
            format!(
                "{}: not written (any old file is left as it was)",
                path.display()
            )
        });
    }
    fs::rename(&tmp, path).with_context(|| {
        let _ = fs::remove_file(&tmp);
        format!(
            "{}: not written (any old file is left as it was)",
            path.display()
        )
    })
}

/// A run's hold on an output folder: while one run holds it, another run asked to write there
/// stops with a message instead of mixing its files with the first's. The hold is an advisory
/// lock on `.quotegraph.lock` that the system releases when the process ends, however it ends.
pub struct OutputLock {
    _file: File,
}

impl OutputLock {
    /// Creates `dir` if needed and takes it, or says which folder is busy. Temporary files of
    /// `names` that a killed run left there are removed.
    pub fn take(dir: &Path, names: &[&str]) -> Result<OutputLock> {
        fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
        let path = dir.join(LOCK_NAME);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("{}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => bail!(
                "{}: another quotegraph run is writing this folder; run again when it ends, or write elsewhere",
                dir.display()
            ),
            Err(fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("{}", path.display()))
            }
        }
        remove_stale_temps(dir, names);
        Ok(OutputLock { _file: file })
    }
}

/// Removes the temporary files of `names` a killed run left (`.graph.json.1234.tmp`): only
/// the lock holder writes here, so none of them is being written.
fn remove_stale_temps(dir: &Path, names: &[&str]) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_suffix(".tmp")) else {
            continue;
        };
        let ours = rest.rsplit_once('.').is_some_and(|(file, pid)| {
            !pid.is_empty()
                && pid.bytes().all(|b| b.is_ascii_digit())
                && file.strip_prefix('.').is_some_and(|f| names.contains(&f))
        });
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// How to draw SVG: Graphviz's time limit may be set in seconds with
/// `QUOTEGRAPH_GRAPHVIZ_TIMEOUT` (default [`export::GRAPHVIZ_TIMEOUT`]).
pub fn svg_options(pure_rust: bool) -> export::SvgOptions {
    let timeout = std::env::var("QUOTEGRAPH_GRAPHVIZ_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| (0.0..1e9).contains(s))
        .map_or(export::GRAPHVIZ_TIMEOUT, std::time::Duration::from_secs_f64);
    export::SvgOptions {
        pure_rust,
        graphviz_timeout: timeout,
    }
}

/// `0` means no bound.
pub fn bound(max_nodes: usize) -> Option<usize> {
    (max_nodes > 0).then_some(max_nodes)
}
