//! Writing exports to files, and the drawing options the environment may set.

use std::path::Path;

use anyhow::{Context, Result};

use quotegraph::export;

/// Writes `text` to `path` through a temporary file in the same directory and a rename, so a
/// reader never sees half a file.
pub fn write_atomic(path: &Path, text: &str) -> Result<()> {
    let name = path
        .file_name()
        .map_or_else(Default::default, |n| n.to_os_string());
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(&name);
    tmp_name.push(".tmp");
    let tmp = path.with_file_name(tmp_name);
    std::fs::write(&tmp, text).with_context(|| format!("{}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("{}", path.display()))
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
