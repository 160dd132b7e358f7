//! Fact shards: files of article facts in the versioned facts format (`*.facts.jsonl`,
//! optionally `.gz` or `.zst`), made anywhere and loaded with `quotegraph ingest --facts`.
//!
//! A path is a shard file or a directory of them (walked recursively, names sorted). Lines are
//! read one at a time; a line that is not facts this quotegraph reads (bad JSON, an unknown
//! `schema_version`, inconsistent offsets) is an [`Error::BadRecord`] with the file and line,
//! and the rest of the file is still read.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use flate2::bufread::MultiGzDecoder;

use crate::error::Error;
use crate::facts::{format, ArticleFacts};

/// Whether a file name is a fact shard's.
pub fn is_shard(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    [".facts.jsonl", ".facts.jsonl.gz", ".facts.jsonl.zst"]
        .iter()
        .any(|end| name.ends_with(end))
}

/// The shard files of `paths` (directories walked for `*.facts.jsonl[.gz|.zst]`, a named
/// file taken whatever its name), in a stable order; unreadable directories are errors.
fn files(paths: &[PathBuf]) -> Vec<Result<PathBuf, Error>> {
    let mut out = Vec::new();
    let mut todo: Vec<(PathBuf, bool)> = paths.iter().rev().map(|p| (p.clone(), true)).collect();
    while let Some((p, named)) = todo.pop() {
        if p.is_dir() {
            match std::fs::read_dir(&p) {
                Ok(entries) => {
                    let mut v: Vec<PathBuf> =
                        entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                    v.sort();
                    for e in v.into_iter().rev() {
                        if e.is_dir() || is_shard(&e) {
                            todo.push((e, false));
                        }
                    }
                }
                Err(source) => out.push(Err(Error::Io { path: p, source })),
            }
        } else if named || p.is_file() {
            out.push(Ok(p));
        }
    }
    out
}

/// The facts of every shard under `paths`, a line at a time.
pub fn read_shards(paths: &[PathBuf]) -> impl Iterator<Item = Result<ArticleFacts, Error>> {
    files(paths)
        .into_iter()
        .flat_map(|f| -> Box<dyn Iterator<Item = _>> {
            match f.and_then(|p| open(&p).map(|r| (p, r))) {
                Ok((path, reader)) => Box::new(lines(path, reader)),
                Err(e) => Box::new(std::iter::once(Err(e))),
            }
        })
}

fn open(path: &Path) -> Result<Box<dyn BufRead>, Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let raw = BufReader::with_capacity(1 << 16, File::open(path).map_err(io)?);
    let name = path.to_string_lossy().to_ascii_lowercase();
    Ok(if name.ends_with(".gz") {
        Box::new(BufReader::new(MultiGzDecoder::new(raw)))
    } else if name.ends_with(".zst") {
        Box::new(BufReader::new(zstd::Decoder::with_buffer(raw).map_err(io)?))
    } else {
        Box::new(raw)
    })
}

fn lines(
    path: PathBuf,
    mut reader: Box<dyn BufRead>,
) -> impl Iterator<Item = Result<ArticleFacts, Error>> {
    let mut line_no = 0usize;
    let mut done = false;
    let mut buf = Vec::new();
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        buf.clear();
        line_no += 1;
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(source) => {
                done = true;
                return Some(Err(Error::Io {
                    path: path.clone(),
                    source,
                }));
            }
        }
        let bad = |message: String| Error::BadRecord {
            path: path.clone(),
            line: line_no,
            message,
        };
        let Ok(text) = std::str::from_utf8(&buf) else {
            return Some(Err(bad("invalid UTF-8".into())));
        };
        if text.trim().is_empty() {
            continue;
        }
        return Some(format::from_line(text.trim_end()).map_err(|e| bad(e.to_string())));
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Article;

    #[test]
    fn shards_are_read_a_line_at_a_time_and_bad_lines_cost_only_themselves() {
        let dir = tempfile::tempdir().unwrap();
        let f = crate::pipeline::facts_of(&Article::new(
            "d1",
            "“The ferry runs again,” Mayor Lena Ortiz said.".into(),
            None,
        ));
        let good = format::to_line(&f);
        let text =
            format!("{good}\nnot json\n\n{{\"schema_version\":9,\"doc_id\":\"x\"}}\n{good}\n");
        std::fs::write(dir.path().join("a.facts.jsonl"), text).unwrap();
        std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
        let items: Vec<_> = read_shards(&[dir.path().to_path_buf()]).collect();
        assert_eq!(items.len(), 4);
        assert_eq!(items[0].as_ref().unwrap(), &f);
        let errors: Vec<String> = items
            .iter()
            .filter_map(|i| i.as_ref().err().map(ToString::to_string))
            .collect();
        assert!(errors[0].contains("a.facts.jsonl:2:"), "{errors:?}");
        assert!(errors[1].contains(":4:") && errors[1].contains("schema_version 9"));
    }
}
