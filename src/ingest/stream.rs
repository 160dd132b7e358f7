//! The walk over the input paths and the dispatch by file type, as one lazy stream.
//!
//! Directories are walked depth first, entries sorted by name, one directory listing in memory
//! per level; each file is opened only when the stream reaches it. A directory reached twice
//! (a symlink loop) is reported once and not walked again; a path that is neither a file nor a
//! directory (a FIFO, a socket) is reported and skipped, never read.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use super::jsonl::JsonlReader;
use super::{decode, Article, IngestOptions};
use crate::error::Error;

type Item = Result<Article, Error>;
type Items = Box<dyn Iterator<Item = Item> + Send>;

/// The articles of a set of paths, read lazily in a stable order.
pub struct Stream {
    opts: IngestOptions,
    /// Paths still to visit, the next one last; `true` for the paths the user named.
    todo: Vec<(PathBuf, bool)>,
    visited: HashSet<PathBuf>,
    current: Option<Items>,
}

/// Streams the articles of files and directories (recursively: the file types [`is_input`]
/// knows). A path named by the user is read whatever its extension.
pub fn stream(paths: &[PathBuf], opts: &IngestOptions) -> Stream {
    Stream {
        opts: opts.clone(),
        todo: paths.iter().rev().map(|p| (p.clone(), true)).collect(),
        visited: HashSet::new(),
        current: None,
    }
}

/// Whether a file found in a directory is read: `*.txt` articles and `*.jsonl` records.
pub fn is_input(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "jsonl")
    )
}

impl Iterator for Stream {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(items) = &mut self.current {
                match items.next() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            let (path, named) = self.todo.pop()?;
            if let Err(e) = self.visit(&path, named) {
                return Some(Err(e));
            }
        }
    }
}

impl Stream {
    /// Queues a directory's entries or opens a file.
    fn visit(&mut self, path: &Path, named: bool) -> Result<(), Error> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(_) if named && fs::symlink_metadata(path).is_err() => {
                return Err(Error::NotFound {
                    path: path.to_path_buf(),
                })
            }
            Err(e) => return Err(io(e)),
        };
        if meta.is_dir() {
            let real = fs::canonicalize(path).map_err(io)?;
            if !self.visited.insert(real) {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    source: std::io::Error::other("directory already read (symlink loop)"),
                });
            }
            let mut entries = Vec::new();
            for entry in fs::read_dir(path).map_err(io)? {
                entries.push(entry.map_err(io)?.path());
            }
            entries.sort();
            for p in entries.into_iter().rev() {
                if p.is_dir() || is_input(&p) {
                    self.todo.push((p, false));
                }
            }
            return Ok(());
        }
        if !meta.is_file() {
            return Err(Error::NotFound {
                path: path.to_path_buf(),
            });
        }
        self.current = Some(open(path, &self.opts)?);
        Ok(())
    }
}

/// The articles of one file, by its type.
fn open(path: &Path, opts: &IngestOptions) -> Result<Items, Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    if path.extension().is_some_and(|e| e == "jsonl") {
        let file = File::open(path).map_err(io)?;
        let reader = BufReader::with_capacity(1 << 16, file);
        return Ok(Box::new(JsonlReader::new(reader, path, opts)));
    }
    let bytes = read_whole(File::open(path).map_err(io)?, path, opts.max_file_bytes)?;
    let text = decode(path, bytes)?;
    let stem = path
        .file_stem()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
    let mut article = Article::new(stem, text, None);
    article.origin = path.display().to_string();
    Ok(Box::new(std::iter::once(Ok(article))))
}

/// Reads all of `input`, refusing more than `limit` bytes.
fn read_whole(input: impl Read, path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    input
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Streams standard input: JSONL (a line at a time) when it starts with `{`, else one
/// plain-text article `stdin`.
pub fn stream_stdin(opts: &IngestOptions) -> Items {
    let path = PathBuf::from("<stdin>");
    let mut input = BufReader::with_capacity(1 << 16, std::io::stdin());
    // Look past leading whitespace for the first byte, keeping what was passed over.
    let mut lead = Vec::new();
    let first = loop {
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(source) => return Box::new(std::iter::once(Err(Error::Io { path, source }))),
        };
        if buf.is_empty() {
            break None;
        }
        let n = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
        lead.extend_from_slice(&buf[..n]);
        let first = buf.get(n).copied();
        input.consume(n);
        if first.is_some() {
            break first;
        }
    };
    if first == Some(b'{') {
        return Box::new(JsonlReader::new(input, &path, opts));
    }
    let item = read_whole(lead.as_slice().chain(input), &path, opts.max_file_bytes)
        .and_then(|bytes| decode(&path, bytes))
        .map(|text| {
            let mut a = Article::new("stdin", text, None);
            a.origin = path.display().to_string();
            a
        });
    Box::new(std::iter::once(item))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_walked_in_name_order_and_other_files_are_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::create_dir(d.join("b")).unwrap();
        fs::write(d.join("b/z.txt"), "Gamma said so.").unwrap();
        fs::write(d.join("a.txt"), "Alpha said so.").unwrap();
        fs::write(d.join("c.jsonl"), "{\"id\":\"c1\",\"text\":\"Delta.\"}\n").unwrap();
        fs::write(d.join("notes.bin"), [0u8, 1, 2]).unwrap();
        let ids: Vec<String> = stream(&[d.to_path_buf()], &IngestOptions::default())
            .map(|i| i.unwrap().id)
            .collect();
        assert_eq!(ids, ["a", "z", "c1"]);
    }

    #[test]
    fn a_missing_path_is_reported_and_the_next_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("g.txt");
        fs::write(&good, "Fine words.").unwrap();
        let items: Vec<_> = stream(
            &[dir.path().join("nope.txt"), good],
            &IngestOptions::default(),
        )
        .collect();
        assert!(matches!(items[0], Err(Error::NotFound { .. })));
        assert_eq!(items[1].as_ref().unwrap().id, "g");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("a.txt"), "Alpha said so.").unwrap();
        std::os::unix::fs::symlink(d, d.join("loop")).unwrap();
        let items: Vec<_> = stream(&[d.to_path_buf()], &IngestOptions::default()).collect();
        let ok = items.iter().filter(|i| i.is_ok()).count();
        assert_eq!(ok, 1, "{items:?}");
    }
}
