//! The byte source under the WARC reader: lines with a length cap, exact-length blocks, bytes
//! skipped unread, and bytes put back after a record whose length was wrong, with a count of
//! the offset reached. Never holds more than one record's bytes.

use std::io::{self, BufRead};

/// The input, with bytes put back after a bad record and the count of bytes read.
pub struct Src<R> {
    back: Vec<u8>,
    inner: R,
    /// Bytes read so far (less those put back).
    pub offset: u64,
}

impl<R: BufRead> Src<R> {
    pub fn new(inner: R) -> Self {
        Src {
            back: Vec::new(),
            inner,
            offset: 0,
        }
    }

    pub fn fill(&mut self) -> io::Result<&[u8]> {
        if !self.back.is_empty() {
            return Ok(&self.back);
        }
        self.inner.fill_buf()
    }

    pub fn consume(&mut self, n: usize) {
        self.offset += n as u64;
        if self.back.is_empty() {
            self.inner.consume(n);
        } else {
            self.back.drain(..n);
        }
    }

    pub fn unread(&mut self, bytes: &[u8]) {
        self.offset -= bytes.len() as u64;
        let mut back = bytes.to_vec();
        back.append(&mut self.back);
        self.back = back;
    }

    /// One line (without its end), at most `cap` bytes kept; `None` at the end.
    pub fn line(&mut self, cap: usize) -> io::Result<Option<Vec<u8>>> {
        let mut out = Vec::new();
        loop {
            let buf = self.fill()?;
            if buf.is_empty() {
                return Ok((!out.is_empty()).then_some(out));
            }
            let (part, found) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (&buf[..i], true),
                None => (buf, false),
            };
            let room = cap.saturating_sub(out.len());
            out.extend_from_slice(&part[..part.len().min(room)]);
            let used = part.len() + usize::from(found);
            self.consume(used);
            if found {
                if out.last() == Some(&b'\r') {
                    out.pop();
                }
                return Ok(Some(out));
            }
        }
    }

    /// Exactly `n` bytes, or as many as are left.
    pub fn take(&mut self, n: u64) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        while (out.len() as u64) < n {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let k = buf.len().min((n - out.len() as u64) as usize);
            out.extend_from_slice(&buf[..k]);
            self.consume(k);
        }
        Ok(out)
    }

    /// Skips `n` bytes without keeping them; returns how many were there.
    pub fn skip(&mut self, n: u64) -> io::Result<u64> {
        let mut left = n;
        while left > 0 {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let k = buf.len().min(left.min(usize::MAX as u64) as usize);
            self.consume(k);
            left -= k as u64;
        }
        Ok(n - left)
    }
}

#[cfg(test)]
mod tests {
    use super::Src;

    #[test]
    fn lines_blocks_and_put_back_bytes_keep_the_offset() {
        let mut s = Src::new(&b"one\r\ntwo and more\nrest"[..]);
        assert_eq!(s.line(100).unwrap().unwrap(), b"one");
        assert_eq!(s.line(3).unwrap().unwrap(), b"two");
        assert_eq!(s.offset, 18);
        let block = s.take(10).unwrap();
        assert_eq!(block, b"rest");
        s.unread(b"st");
        assert_eq!((s.offset, s.take(5).unwrap()), (20, b"st".to_vec()));
        assert_eq!(s.skip(5).unwrap(), 0);
    }
}
