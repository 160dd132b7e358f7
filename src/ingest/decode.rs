//! Raw bytes to text: what a file must look like to be read as an article.

use std::path::Path;

use crate::error::Error;

/// Checks raw bytes and turns them into text: empty, binary (a NUL byte) and invalid UTF-8 input
/// are errors naming the file. A UTF-8 byte-order mark is dropped.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Error> {
    let path = path.to_path_buf();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty { path });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary { path, offset });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path,
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_and_invalid_utf8_are_refused() {
        let p = Path::new("f.txt");
        assert!(matches!(
            decode(p, vec![b'a', 0, b'b']),
            Err(Error::Binary { offset: 1, .. })
        ));
        assert!(matches!(
            decode(p, vec![b'a', 0xff]),
            Err(Error::InvalidUtf8 { offset: 1, .. })
        ));
        assert!(matches!(
            decode(p, b"  \n".to_vec()),
            Err(Error::Empty { .. })
        ));
    }
}
