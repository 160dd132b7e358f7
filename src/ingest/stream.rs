//! The walk over the input paths and the dispatch by file type, as one lazy stream.
//!
//! Directories are walked depth first, entries sorted by name, one directory listing in memory
//! per level; each file is opened only when the stream reaches it. A directory reached twice
//! (a symlink loop) is reported once and not walked again; an unreadable directory is reported
//! and its siblings are still read; a path found in a directory that is neither a file nor a
//! directory (a FIFO, a socket) is reported and skipped, never opened. A path the user names
//! is read whatever it is (a FIFO from `<(zcat x.jsonl.gz)` included), its format taken from
//! its name or, failing that, its first bytes. An article whose id was already read is
//! reported with both origins and skipped (the first is kept); the stream remembers one hash
//! and one origin per article for that.

use std::collections::HashMap;
use std::collections::HashSet;
use std::fs::{self, File};
use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::bufread::MultiGzDecoder;

use super::jsonl::JsonlReader;
use super::kind::{self, Compression, Format};
use super::table::TableReader;
use super::warc::WarcReader;
use super::{decode, feed, html, Article, IngestOptions};
use crate::error::Error;

type Item = Result<Article, Error>;
type Items = Box<dyn Iterator<Item = Item> + Send>;
type Input = Box<dyn BufRead + Send>;

/// The articles of a set of paths, read lazily in a stable order.
pub struct Stream {
    opts: IngestOptions,
    /// Paths still to visit, the next one last; `true` for the paths the user named.
    todo: Vec<(PathBuf, bool)>,
    visited: HashSet<PathBuf>,
    current: Option<Items>,
    /// Each article id read so far (hashed), with where it was read.
    seen: HashMap<u64, Box<str>>,
}

/// Streams the articles of files and directories (recursively: the file types [`is_input`]
/// knows). A path named by the user is read whatever its extension.
pub fn stream(paths: &[PathBuf], opts: &IngestOptions) -> Stream {
    Stream {
        opts: opts.clone(),
        todo: paths.iter().rev().map(|p| (p.clone(), true)).collect(),
        visited: HashSet::new(),
        current: None,
        seen: HashMap::new(),
    }
}

/// Whether a file found in a directory is read: the names [`kind::of_path`] knows (`.txt`,
/// `.md`, `.jsonl`, `.ndjson`, `.html`, `.htm`, `.warc`, `.rss`, `.atom`, `.xml`, `.csv`,
/// `.tsv`, any of them `.gz` or `.zst`; case-insensitive).
pub fn is_input(path: &Path) -> bool {
    kind::of_path(path).is_some()
}

impl Iterator for Stream {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(items) = &mut self.current {
                match items.next() {
                    Some(Ok(a)) if a.text.len() as u64 > self.opts.max_article_bytes => {
                        return Some(Err(Error::Format {
                            message: format!(
                                "article of {} bytes is longer than the limit of {} bytes for one article (--max-article-bytes)",
                                a.text.len(),
                                self.opts.max_article_bytes
                            ),
                            origin: a.origin,
                        }))
                    }
                    Some(Ok(a)) => return Some(self.first_of_its_id(a)),
                    Some(err) => return Some(err),
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
    /// The article, or a duplicate-id error naming where the id was first read.
    fn first_of_its_id(&mut self, a: Article) -> Item {
        let mut h = std::hash::DefaultHasher::new();
        a.id.hash(&mut h);
        match self.seen.entry(h.finish()) {
            std::collections::hash_map::Entry::Occupied(first) => Err(Error::Duplicate {
                origin: a.origin,
                id: a.id,
                first: first.get().to_string(),
            }),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(a.origin.as_str().into());
                Ok(a)
            }
        }
    }

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
        if !meta.is_file() && !named {
            return Err(Error::Format {
                origin: path.display().to_string(),
                message: "not a regular file (a FIFO, socket or device); not opened".into(),
            });
        }
        let file = File::open(path).map_err(io)?;
        let input = Box::new(BufReader::with_capacity(1 << 16, file));
        self.current = Some(open(input, path, kind::of_path(path), &self.opts)?);
        Ok(())
    }
}

/// The articles of one input, by its format (from its name, else its first bytes).
fn open(
    mut raw: Input,
    path: &Path,
    known: Option<(Format, Compression)>,
    opts: &IngestOptions,
) -> Result<Items, Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let compression = match known {
        Some((_, c)) => c,
        None => kind::sniff_compression(raw.fill_buf().map_err(io)?),
    };
    let mut input: Input = match compression {
        Compression::None => raw,
        Compression::Gzip => Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(raw))),
        Compression::Zstd => Box::new(BufReader::with_capacity(
            1 << 16,
            zstd::Decoder::with_buffer(raw).map_err(io)?,
        )),
    };
    let format = match known {
        Some((f, _)) => f,
        None => kind::sniff(input.fill_buf().map_err(io)?),
    };
    let compressed = compression != Compression::None;
    Ok(match format {
        Format::Jsonl => Box::new(JsonlReader::new(input, path, opts)),
        Format::Csv => Box::new(TableReader::new(input, path, b',', opts)),
        Format::Tsv => Box::new(TableReader::new(input, path, b'\t', opts)),
        Format::Warc => Box::new(WarcReader::new(input, path, compressed, opts)),
        Format::Text | Format::Html | Format::Feed => {
            let bytes = read_whole(input, path, opts.max_file_bytes)?;
            Box::new(whole(bytes, path, format)?.into_iter())
        }
    })
}

/// The items of an input read whole: warnings about its bytes, then its articles.
fn whole(bytes: Vec<u8>, path: &Path, format: Format) -> Result<Vec<Item>, Error> {
    let declared = match format {
        Format::Text => None,
        _ => decode::declared_encoding(&bytes),
    };
    let decoded =
        decode::decode_bytes(bytes, declared).map_err(|r| decode::refusal_error(path, r))?;
    let origin = path.display().to_string();
    let mut items: Vec<Item> = decoded
        .notes
        .into_iter()
        .map(|message| {
            Err(Error::Recovered {
                origin: origin.clone(),
                message,
            })
        })
        .collect();
    let id = if path.as_os_str() == "<stdin>" {
        "stdin".to_string()
    } else {
        kind::stem(path)
    };
    match format {
        Format::Feed => items.extend(feed::items(&decoded.text, path)),
        Format::Html => items.push(
            html::page(&decoded.text)
                .into_article(id, origin.clone())
                .ok_or(Error::Format {
                    origin,
                    message: "no article text in the page".into(),
                }),
        ),
        _ => {
            let mut a = Article::new(id, decoded.text, None);
            a.origin = origin;
            items.push(Ok(a));
        }
    }
    Ok(items)
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

/// Streams standard input, its format (and compression) taken from its first bytes: JSONL,
/// WARC, a feed, an HTML page, else one plain-text article `stdin`.
pub fn stream_stdin(opts: &IngestOptions) -> Stream {
    let path = PathBuf::from("<stdin>");
    let input: Input = Box::new(BufReader::with_capacity(1 << 16, std::io::stdin()));
    let current: Items = match open(input, &path, None, opts) {
        Ok(items) => items,
        Err(e) => Box::new(std::iter::once(Err(e))),
    };
    Stream {
        current: Some(current),
        ..stream(&[], opts)
    }
}

/// Streams an input held in memory as if read from a file called `name`: its format from the
/// name's extension, else from its first bytes (for tests, fuzzing and callers that already
/// hold the bytes).
pub fn stream_bytes(bytes: Vec<u8>, name: &Path, opts: &IngestOptions) -> Stream {
    let input: Input = Box::new(std::io::Cursor::new(bytes));
    let current: Items = match open(input, name, kind::of_path(name), opts) {
        Ok(items) => items,
        Err(e) => Box::new(std::iter::once(Err(e))),
    };
    Stream {
        current: Some(current),
        ..stream(&[], opts)
    }
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
