//! Raw bytes to text: which encoding, what to refuse, what to repair.
//!
//! Takes the bytes of one input (a file, a record's payload) and gives a `String` plus the
//! remarks a reader must hear about it; never fails on odd bytes, only refuses input that is
//! not text at all (empty, or binary).
//!
//! - UTF-8 is the default. A UTF-8 byte-order mark is dropped: **offsets are relative to the
//!   text kept**, so in a file that starts with a BOM they are 3 less than file offsets.
//! - UTF-16 LE/BE with a byte-order mark is decoded (offsets then index the UTF-8 text we made,
//!   not the file); UTF-16 without a mark is recognised by its zero bytes and reported.
//! - Bytes that are not UTF-8 in a file with no valid non-ASCII UTF-8 at all (typically
//!   Windows-1252 curly quotes, bytes 0x93/0x94) are decoded as Windows-1252, and reported.
//! - Otherwise each invalid sequence is replaced by U+FFFD and reported with the byte offset of
//!   the first: one bad byte costs that byte, not the file.
//! - A NUL byte in text is replaced by U+FFFD and reported; input where NUL and other control
//!   bytes are more than 1% of the first 64 KiB (or that starts like an image, PDF or archive)
//!   is refused as binary.
//! - A declared encoding (an HTML `<meta charset>`, an XML declaration, an HTTP header) is
//!   used when it names a known encoding other than UTF-8/UTF-16.

use std::path::Path;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::error::Error;

/// Text decoded from bytes, with what had to be repaired or guessed (one remark each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub notes: Vec<String>,
}

/// Why bytes are not text at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    Binary { offset: usize },
}

/// Decodes a whole file, turning a refusal into an error naming it.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<Decoded, Error> {
    decode_bytes(bytes, None).map_err(|r| refusal_error(path, r))
}

/// The error for a refused input.
pub fn refusal_error(path: &Path, r: Refusal) -> Error {
    let path = path.to_path_buf();
    match r {
        Refusal::Empty => Error::Empty { path },
        Refusal::Binary { offset } => Error::Binary { path, offset },
    }
}

/// Decodes bytes as described in the module documentation; `declared` is an encoding named by
/// the input itself or its container.
pub fn decode_bytes(
    bytes: Vec<u8>,
    declared: Option<&'static Encoding>,
) -> Result<Decoded, Refusal> {
    let mut notes = Vec::new();
    let (encoding, bom) = match Encoding::for_bom(&bytes) {
        Some((enc, len)) => (Some(enc), len),
        None => (utf16_without_bom(&bytes), 0),
    };
    if let (Some(enc), 0) = (encoding, bom) {
        notes.push(format!("no byte-order mark; read as {}", enc.name()));
    }
    let mut text = match encoding.or(declared.filter(|e| !is_utf(e))) {
        Some(enc) if enc != UTF_8 => {
            let (cow, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
            if had_errors {
                notes.push(format!(
                    "bytes that are not {} replaced by U+FFFD",
                    enc.name()
                ));
            }
            cow.into_owned()
        }
        _ => {
            let body = &bytes[bom..];
            if body.iter().all(|b| b.is_ascii_whitespace()) {
                return Err(Refusal::Empty);
            }
            if let Some(offset) = binary_at(body) {
                return Err(Refusal::Binary {
                    offset: offset + bom,
                });
            }
            utf8_or_1252(bytes, bom, &mut notes)
        }
    };
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    replace_nul(&mut text, &mut notes);
    Ok(Decoded { text, notes })
}

fn is_utf(e: &&'static Encoding) -> bool {
    *e == UTF_8 || *e == UTF_16LE || *e == UTF_16BE
}

/// UTF-16 recognised without a byte-order mark: zero bytes in one column of byte pairs (ASCII
/// text in UTF-16), none in the other.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros = |col: usize| {
        head.iter()
            .skip(col)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= pairs * 4 && even * 20 < pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 4 && odd * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Where input that is not text shows itself: a known binary signature, or NUL and control
/// bytes above 1% of the first 64 KiB (the offset of the first).
fn binary_at(bytes: &[u8]) -> Option<usize> {
    const MAGIC: [&[u8]; 7] = [
        b"\x89PNG",
        b"%PDF",
        b"PK\x03\x04",
        b"\x1f\x8b",
        b"\x28\xb5\x2f\xfd",
        b"GIF8",
        b"\xff\xd8\xff",
    ];
    if MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return Some(0);
    }
    let head = &bytes[..bytes.len().min(1 << 16)];
    let control = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b);
    let count = head.iter().filter(|b| control(b)).count();
    (count > 0 && count * 100 > head.len()).then(|| head.iter().position(control).unwrap_or(0))
}

/// UTF-8, repaired byte by byte, or Windows-1252 when nothing in the input is UTF-8 beyond
/// ASCII.
fn utf8_or_1252(bytes: Vec<u8>, bom: usize, notes: &mut Vec<String>) -> String {
    if std::str::from_utf8(&bytes[bom..]).is_ok() {
        let mut bytes = bytes;
        bytes.drain(..bom);
        return String::from_utf8(bytes).unwrap_or_default();
    }
    let body = &bytes[bom..];
    let mut valid_non_ascii = 0usize;
    let mut invalid = 0usize;
    let mut first_bad = None;
    let mut at = 0usize;
    for chunk in body.utf8_chunks() {
        valid_non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first_bad.get_or_insert(at);
            invalid += chunk.invalid().len();
            at += chunk.invalid().len();
        }
    }
    let first_bad = first_bad.unwrap_or(0) + bom;
    if valid_non_ascii == 0 && body.iter().all(|&b| b < 0x80 || cp1252_defined(b)) {
        notes.push(format!(
            "not UTF-8 (first at byte {first_bad}); read as Windows-1252"
        ));
        return WINDOWS_1252
            .decode_without_bom_handling(body)
            .0
            .into_owned();
    }
    notes.push(format!(
        "{invalid} invalid UTF-8 byte{} (first at byte {first_bad}) replaced by U+FFFD",
        if invalid == 1 { "" } else { "s" }
    ));
    String::from_utf8_lossy(body).into_owned()
}

/// Bytes that Windows-1252 gives a printable character that text plausibly holds (not `þ`,
/// `ÿ`: a stray 0xFE or 0xFF is a damaged byte, not a letter).
fn cp1252_defined(b: u8) -> bool {
    !matches!(b, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d | 0xfe | 0xff)
}

fn replace_nul(text: &mut String, notes: &mut Vec<String>) {
    let count = text.bytes().filter(|&b| b == 0).count();
    if count == 0 {
        return;
    }
    let first = text.find('\0').unwrap_or(0);
    *text = text.replace('\0', "\u{fffd}");
    notes.push(format!(
        "{count} NUL byte{} (first at byte {first} of the text) replaced by U+FFFD",
        if count == 1 { "" } else { "s" }
    ));
}

/// The encoding an HTML or XML document declares in its first 1,024 bytes (`<meta charset>`,
/// `<meta http-equiv content="...charset=...">`, `<?xml ... encoding="...">`), if known.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        let mut from = 0;
        while let Some(i) = find(&lower[from..], key) {
            let start = from + i + key.len();
            let label: Vec<u8> = lower[start..]
                .iter()
                .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .copied()
                .collect();
            if let Some(enc) = Encoding::for_label(&label) {
                return Some(enc);
            }
            from = start;
        }
    }
    None
}

/// The first position of `needle` in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, usize) {
        let d = decode_bytes(bytes.to_vec(), None).unwrap();
        (d.text, d.notes.len())
    }

    #[test]
    fn encodings_are_recognised_and_reported() {
        let table: &[(&[u8], &str, usize)] = &[
            (b"plain words", "plain words", 0),
            (b"\xef\xbb\xbfwith a mark", "with a mark", 0),
            (b"\xff\xfeh\0i\0 \0t\0h\0e\0r\0e\0", "hi there", 0),
            (b"\xfe\xff\0h\0i\0 \0t\0h\0e\0r\0e", "hi there", 0),
            (b"h\0i\0 \0t\0h\0e\0r\0e\0", "hi there", 1),
            (b"\x93Fine,\x94 she said", "\u{201c}Fine,\u{201d} she said", 1),
            (b"caf\xc3\xa9 and \xff here", "caf\u{e9} and \u{fffd} here", 1),
            (b"plain \xff here", "plain \u{fffd} here", 1),
            (b"Z\xfcrich caf\xe9", "Z\u{fc}rich caf\u{e9}", 1),
            (b"one\0two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five", "one\u{fffd}two", 1),
        ];
        for (bytes, want, notes) in table {
            let (got, n) = text(bytes);
            assert!(got.starts_with(want), "{bytes:?}: {got:?}");
            assert_eq!(n, *notes, "{bytes:?}");
        }
    }

    #[test]
    fn binary_and_empty_input_are_refused() {
        let table: &[(&[u8], Refusal)] = &[
            (b"a\0b", Refusal::Binary { offset: 1 }),
            (b"\x89PNG\r\n\x1a\n", Refusal::Binary { offset: 0 }),
            (b"  \n", Refusal::Empty),
            (b"\xef\xbb\xbf \n", Refusal::Empty),
            (b"", Refusal::Empty),
        ];
        for (bytes, want) in table {
            assert_eq!(decode_bytes(bytes.to_vec(), None), Err(*want), "{bytes:?}");
        }
    }

    #[test]
    fn declared_encodings_are_found_in_the_head() {
        let table: &[(&[u8], Option<&str>)] = &[
            (b"<meta charset=\"windows-1252\">", Some("windows-1252")),
            (
                b"<META HTTP-EQUIV=x CONTENT='text/html; charset=ISO-8859-1'>",
                Some("windows-1252"),
            ),
            (b"<?xml version=\"1.0\" encoding=\"utf-8\"?>", Some("UTF-8")),
            (b"<p>no declaration</p>", None),
        ];
        for (bytes, want) in table {
            assert_eq!(declared_encoding(bytes).map(|e| e.name()), *want);
        }
        let d = decode_bytes(b"caf\xe9".to_vec(), declared_encoding(b"charset=latin1")).unwrap();
        assert_eq!(d.text, "caf\u{e9}");
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    proptest! {
        /// Any bytes decode to text without NUL, or are refused; UTF-8 without NUL is kept as is.
        #[test]
        fn any_bytes_decode_or_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            if let Ok(d) = super::decode_bytes(bytes.clone(), None) {
                prop_assert!(!d.text.contains('\0'));
                if let Ok(s) = std::str::from_utf8(&bytes) {
                    if !s.contains('\0') && !s.starts_with('\u{feff}') {
                        prop_assert_eq!(d.text.as_str(), s);
                    }
                }
            }
        }
    }
}
