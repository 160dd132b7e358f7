//! An archived HTTP response (the payload of a WARC `response` record) to the bytes of an HTML
//! page.
//!
//! Takes the record block; gives the page bytes and the charset the headers declare, or why the
//! record is not a page (a status other than 2xx, a type other than HTML: `None`, not an
//! error) or cannot be read (an encoding we do not decode: an error message). Undoes chunked
//! transfer coding and gzip/deflate content coding, bounded by a size limit. Never parses the
//! HTML itself.

use std::io::Read;

use encoding_rs::Encoding;

/// An HTML page found in a response.
pub struct Payload {
    pub body: Vec<u8>,
    pub charset: Option<&'static Encoding>,
}

/// The HTML page of an HTTP response, `Ok(None)` when the response is not a successful HTML
/// page.
pub fn html_payload(block: &[u8], limit: u64) -> Result<Option<Payload>, String> {
    let Some((head, body)) = split_head(block) else {
        return Err("HTTP headers do not end".into());
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    let code: u16 = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    if !status.starts_with("HTTP/") || !(200..300).contains(&code) {
        return Ok(None);
    }
    let mut content_type = None;
    let mut chunked = false;
    let mut coding = String::new();
    for line in lines {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim().to_ascii_lowercase();
        match k.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(v),
            "transfer-encoding" => chunked = v.contains("chunked"),
            "content-encoding" => coding = v,
            _ => {}
        }
    }
    if !content_type.as_deref().is_none_or(is_html_type) {
        return Ok(None);
    }
    let charset = content_type.as_deref().and_then(charset_of);
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_vec()
    };
    let body = match coding.as_str() {
        "" | "identity" | "none" => body,
        "gzip" | "x-gzip" => inflate(flate2::read::MultiGzDecoder::new(&body[..]), limit)?,
        "deflate" => inflate(flate2::read::ZlibDecoder::new(&body[..]), limit)?,
        other => return Err(format!("content encoding {other:?} is not decoded")),
    };
    Ok(Some(Payload { body, charset }))
}

/// Whether a record's own content type (a `resource` record) or a response's is HTML.
pub fn is_html_type(t: &str) -> bool {
    let t = t.trim().to_ascii_lowercase();
    t.starts_with("text/html") || t.starts_with("application/xhtml")
}

/// The charset named in a content type.
pub fn charset_of(content_type: &str) -> Option<&'static Encoding> {
    let (_, rest) = content_type.split_once("charset=")?;
    let label = rest.split(';').next()?.trim().trim_matches(['"', '\'']);
    Encoding::for_label(label.as_bytes())
}

/// Headers and body, split at the first blank line (CRLF or bare LF).
fn split_head(block: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = super::decode::find(block, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = super::decode::find(block, b"\n\n").map(|i| (i, i + 2));
    let (end, body) = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some((&block[..end], &block[body..]))
}

/// Chunked transfer coding undone; a malformed chunk ends the body there.
fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    while let Some(nl) = b.iter().position(|&c| c == b'\n') {
        let size_text = String::from_utf8_lossy(&b[..nl]);
        let size_text = size_text.trim().split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            break;
        };
        b = &b[nl + 1..];
        if size == 0 || size > b.len() {
            out.extend_from_slice(&b[..size.min(b.len())]);
            break;
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size..];
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
    }
    out
}

fn inflate(r: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    r.take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("compressed body does not decompress: {e}"))?;
    if out.len() as u64 > limit {
        return Err(format!(
            "decompressed body is larger than the limit of {limit} bytes"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(block: &[u8]) -> Option<String> {
        html_payload(block, 1 << 20)
            .unwrap()
            .map(|p| String::from_utf8(p.body).unwrap())
    }

    #[test]
    fn responses_give_their_html() {
        let table: &[(&[u8], Option<&str>)] = &[
            (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>hi</p>", Some("<p>hi</p>")),
            (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>h\r\n5\r\ni</p>\r\n0\r\n\r\n", Some("<p>hi</p>")),
            (b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>no</p>", None),
            (b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG", None),
            (b"HTTP/1.0 200 OK\nContent-Type: text/html; charset=utf-8\n\n<p>lf</p>", Some("<p>lf</p>")),
        ];
        for (block, want) in table {
            assert_eq!(
                body(block).as_deref(),
                *want,
                "{:?}",
                String::from_utf8_lossy(block)
            );
        }
    }

    #[test]
    fn gzip_bodies_and_charsets_are_undone() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<p>zipped</p>").unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n".to_vec();
        block.extend(gz.finish().unwrap());
        let p = html_payload(&block, 1 << 20).unwrap().unwrap();
        assert_eq!(p.body, b"<p>zipped</p>");
        assert_eq!(p.charset.map(|e| e.name()), Some("windows-1252"));
        let br = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx";
        assert!(html_payload(br, 100).is_err());
    }
}
