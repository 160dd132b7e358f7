//! Tests of [`super`]: archives read record by record, bad records reported, any bytes read to the end.

use super::*;

/// Reads all of `r`.
fn read_all(bytes: &[u8]) -> Vec<Result<Article, String>> {
    let opts = IngestOptions::default();
    WarcReader::new(bytes, Path::new("a.warc"), false, &opts)
        .map(|i| i.map_err(|e| e.to_string()))
        .collect()
}

const PAGE: &str = "<html><head><title>Pier</title></head><body><article>\
    <p>The harbour board of Lindvik approved, after a long night, the new pier on Friday.</p>\
    <p>“It is overdue,” said board chair Tove Amsel.</p></article></body></html>";

fn record(kind: &str, uri: &str, block: &str, extra_len: i64) -> String {
    let len = block.len() as i64 + extra_len;
    let ctype = if kind == "response" {
        "application/http; msgtype=response"
    } else {
        "text/html"
    };
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-02-03T04:05:06Z\r\n\
         Content-Type: {ctype}\r\nContent-Length: {len}\r\n\r\n{block}\r\n\r\n"
    )
}

fn response(body: &str) -> String {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}")
}

#[test]
fn html_responses_are_articles_and_other_records_are_passed_over() {
    let warc = [
        record("warcinfo", "", "software: x", 0),
        record(
            "request",
            "https://n.example/a",
            "GET / HTTP/1.1\r\n\r\n",
            0,
        ),
        record("response", "https://n.example/a", &response(PAGE), 0),
        record("resource", "https://n.example/b", PAGE, 0),
    ]
    .concat();
    let got = read_all(warc.as_bytes());
    assert_eq!(got.len(), 2, "{got:?}");
    let a = got[0].as_ref().unwrap();
    assert_eq!(a.id, "https://n.example/a");
    assert_eq!(a.url.as_deref(), Some("https://n.example/a"));
    assert_eq!(a.date.as_deref(), Some("2024-02-03T04:05:06Z"));
    assert!(a
        .text
        .contains("“It is overdue,” said board chair Tove Amsel."));
}

#[test]
fn a_bad_length_is_reported_and_reading_resyncs() {
    for extra in [-30, 40, 5000] {
        let first = record("response", "https://n.example/1", &response(PAGE), extra);
        let second = record("response", "https://n.example/2", &response(PAGE), 0);
        let got = read_all(format!("{first}{second}").as_bytes());
        let errs: Vec<&String> = got.iter().filter_map(|i| i.as_ref().err()).collect();
        assert!(
            errs[0].starts_with("a.warc: record at byte 0: "),
            "{extra}: {got:?}"
        );
        assert_eq!(errs.len(), 1, "{extra}: {got:?}");
        assert_eq!(
            got.last().unwrap().as_ref().unwrap().id,
            "https://n.example/2",
            "{extra}: {got:?}"
        );
    }
    let cut = record("resource", "https://n.example/c", PAGE, 0);
    let got = read_all(&cut.as_bytes()[..cut.len() - 40]);
    assert!(got[0].as_ref().unwrap_err().contains("cut off"), "{got:?}");
}

#[test]
fn junk_and_missing_lengths_are_reported() {
    let good = record("resource", "https://n.example/g", PAGE, 0);
    let input = format!("garbage line\r\nWARC/1.0\r\nWARC-Type: resource\r\n\r\nxx\r\n\r\n{good}");
    let got = read_all(input.as_bytes());
    assert!(
        got[0].as_ref().unwrap_err().contains("not a WARC record"),
        "{got:?}"
    );
    assert!(
        got[1].as_ref().unwrap_err().contains("Content-Length"),
        "{got:?}"
    );
    assert_eq!(
        got.last().unwrap().as_ref().unwrap().id,
        "https://n.example/g"
    );
}

mod properties {
    use proptest::prelude::*;

    proptest! {
        /// Any bytes, and any cut of a good archive, end in articles and errors, never a panic
        /// or a loop.
        #[test]
        fn any_bytes_are_read_to_the_end(
            bytes in proptest::collection::vec(any::<u8>(), 0..3000),
            cut in 0usize..600,
        ) {
            let _ = super::read_all(&bytes);
            let good = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 40\r\n\r\n<p>A sentence, long enough to count.</p>\r\n\r\n".repeat(4);
            let _ = super::read_all(&good.as_bytes()[..cut.min(good.len())]);
        }
    }
}
