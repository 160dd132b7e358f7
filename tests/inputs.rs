//! Every input format through the real binary: web pages, feeds, web archives, tables,
//! compressed JSONL, encodings, and the faults of each (reported with the path, the rest read).
//! Fixtures are invented (`tests/data/inputs/`) or written by the test itself.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

fn quotegraph() -> Command {
    let mut cmd = Command::cargo_bin("quotegraph").unwrap();
    cmd.timeout(Duration::from_secs(60));
    cmd
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/inputs")
        .join(name)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::File::create(&p).unwrap().write_all(bytes).unwrap();
    p
}

/// `extract -f jsonl` of `paths`: exit code, quotes, stderr.
fn extract(paths: &[&Path]) -> (i32, Vec<Value>, String) {
    let out = quotegraph()
        .args(["extract", "-f", "jsonl"])
        .args(paths)
        .output()
        .unwrap();
    let quotes = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let code = out.status.code().unwrap_or(-1);
    (code, quotes, String::from_utf8(out.stderr).unwrap())
}

/// (doc_id, content, speaker) of each quote.
fn said(quotes: &[Value]) -> Vec<(String, String, String)> {
    quotes
        .iter()
        .map(|q| {
            let s = |k: &str| q[k].as_str().unwrap_or("-").to_string();
            (s("doc_id"), s("content"), s("speaker"))
        })
        .collect()
}

fn has(quotes: &[Value], content: &str, speaker: &str) -> bool {
    said(quotes)
        .iter()
        .any(|(_, c, s)| c == content && s == speaker)
}

#[test]
fn an_html_page_gives_its_article_quotes_and_nothing_from_its_furniture() {
    let (code, quotes, err) = extract(&[&fixture("harbour.html")]);
    assert_eq!(code, 0, "{err}");
    assert!(has(
        &quotes,
        "It is overdue, and the ferries cannot wait another winter,",
        "Tove Amsel"
    ));
    assert!(said(&quotes)
        .iter()
        .any(|(_, c, _)| c == "The money should have gone to the breakwater first,"));
    for (_, content, _) in said(&quotes) {
        for furniture in ["Tracking", "Great news", "kayak", "old pier", "Ferry fares"] {
            assert!(!content.contains(furniture), "{content}");
        }
    }
}

#[test]
fn page_metadata_reaches_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    quotegraph()
        .args(["build", "--quiet", "-o"])
        .arg(dir.path())
        .arg(fixture("harbour.html"))
        .assert()
        .success();
    let graph = std::fs::read_to_string(dir.path().join("graph.json")).unwrap();
    for want in [
        "2024-04-12T19:15:00Z",
        "https://fjordline.example/news/lindvik-pier",
        "The Fjordline Herald",
    ] {
        assert!(graph.contains(want), "{want} missing from graph.json");
    }
}

#[test]
fn feed_items_are_articles() {
    let (code, quotes, err) = extract(&[&fixture("valley.rss"), &fixture("hill.atom")]);
    assert_eq!(code, 0, "{err}");
    let got = said(&quotes);
    assert!(got.contains(&(
        "valley-1001".into(),
        "The wall is sound, and the spillway works as designed,".into(),
        "Pia Lund".into()
    )));
    // A description escaped twice (`&amp;quot;`) is decoded to the quotation mark, not `quot`.
    assert!(got.contains(&(
        "https://valley.example/school-roof".into(),
        "We cannot teach under buckets,".into(),
        "Jonas Eik".into()
    )));
    assert!(has(
        &quotes,
        "We ran out of stone before we ran out of time,",
        "Lene Strand"
    ));
}

#[test]
fn a_csv_table_gives_one_article_a_row_and_names_bad_rows() {
    let (code, quotes, err) = extract(&[&fixture("wells.csv")]);
    assert_eq!(code, 0, "{err}");
    assert!(has(&quotes, "The old ones are nearly dry,", "Nils Aune"));
    assert!(err.contains("wells.csv:5: empty \"text\" cell"), "{err}");
}

#[test]
fn pages_without_articles_and_feeds_without_items_are_named_and_skipped() {
    let (code, _, err) = extract(&[&fixture("nav-only.html"), &fixture("empty.rss")]);
    assert_eq!(code, 1, "nothing readable: {err}");
    assert!(
        err.contains("nav-only.html: no article text in the page"),
        "{err}"
    );
    assert!(err.contains("empty.rss: feed has no items"), "{err}");
    let (code, quotes, _) = extract(&[&fixture("nav-only.html"), &fixture("wells.csv")]);
    assert_eq!((code, quotes.len()), (0, 1));
}

const LINE_A: &str = r#"{"id":"a","text":"“The bridge stays shut,” said engineer Kari Lode."}"#;
const LINE_B: &str = r#"{"id":"b","text":"“The ferry runs at dawn,” said captain Ivar Moen."}"#;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[test]
fn compressed_jsonl_is_streamed_and_a_truncated_gzip_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let lines = format!("{LINE_A}\n{LINE_B}\n");
    let gz = write(d, "news.jsonl.gz", &gzip(lines.as_bytes()));
    let zst = write(
        d,
        "more.JSONL.ZST",
        &zstd::encode_all(
            lines
                .replace("\"a\"", "\"c\"")
                .replace("\"b\"", "\"d\"")
                .as_bytes(),
            3,
        )
        .unwrap(),
    );
    let (code, quotes, err) = extract(&[&gz, &zst]);
    assert_eq!((code, quotes.len()), (0, 4), "{err}");
    assert!(has(&quotes, "The ferry runs at dawn,", "Ivar Moen"));

    // A gzip cut short: the lines before the cut are read, the fault is named.
    let big: String = (0..400)
        .map(|i| format!("{}\n", LINE_A.replace("\"a\"", &format!("\"a{i}\""))))
        .collect();
    let whole = gzip(big.as_bytes());
    let cut = write(d, "cut.jsonl.gz", &whole[..whole.len() / 2]);
    let (code, quotes, err) = extract(&[&cut]);
    assert_eq!(code, 0, "{err}");
    assert!(!quotes.is_empty() && quotes.len() < 400, "{}", quotes.len());
    assert!(err.contains("cut.jsonl.gz"), "{err}");
}

/// One WARC record; `skew` is added to the true Content-Length.
fn warc_record(kind: &str, uri: &str, block: &str, skew: i64) -> String {
    let ctype = match kind {
        "response" => "application/http; msgtype=response",
        _ => "text/plain",
    };
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-06T07:08:09Z\r\n\
         Content-Type: {ctype}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len() as i64 + skew
    )
}

fn page(quote: &str, who: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><nav><a href=/>Home</a></nav>\
         <article><p>The regional council of Vestmark met on Monday, as it does every month, to vote on roads.</p>\
         <p>&#8220;{quote}&#8221; said {who}.</p></article></body></html>"
    )
}

#[test]
fn warc_responses_are_articles_and_a_bad_length_is_named_with_its_offset() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let records = [
        warc_record("warcinfo", "", "software: test", 0),
        warc_record(
            "response",
            "https://v.example/1",
            &page("Roads come first,", "councillor Ada Rist"),
            0,
        ),
        warc_record(
            "response",
            "https://v.example/2",
            &page("Rails come first,", "councillor Per Holm"),
            25,
        ),
        warc_record(
            "response",
            "https://v.example/3",
            &page("Both can wait,", "mayor Eva Fjell"),
            0,
        ),
    ];
    let plain = write(d, "crawl.warc", records.concat().as_bytes());
    // Common Crawl's layout: one gzip member per record.
    let members: Vec<u8> = records.iter().flat_map(|r| gzip(r.as_bytes())).collect();
    let gz = write(d, "crawl.WARC.GZ", &members);
    for path in [plain, gz] {
        let (code, quotes, err) = extract(&[&path]);
        assert_eq!(code, 0, "{err}");
        let got = said(&quotes);
        assert!(
            got.contains(&(
                "https://v.example/1".into(),
                "Roads come first,".into(),
                "Ada Rist".into()
            )),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(id, ..)| id == "https://v.example/3"),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|(id, ..)| id == "https://v.example/2"),
            "{got:?}"
        );
        let name = path.file_name().unwrap().to_str().unwrap();
        let offset = records[..2].iter().map(|r| r.len()).sum::<usize>();
        assert!(
            err.contains(&format!("{name}: record at byte {offset}")),
            "{err}"
        );
    }
}

#[test]
fn encodings_are_decoded_or_repaired_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "“The well is dry,” said farmer Ola Dahl.";
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let a = write(d, "utf16.txt", &utf16);
    let b = write(
        d,
        "cp1252.txt",
        b"\x93The road is shut,\x94 said driver Ane Berg.",
    );
    let c = write(
        d,
        "bad.txt",
        b"\"The pier is old,\" said diver Tor \xffLie. More text here.",
    );
    let e = write(d, "nul.txt", b"\"The boat is late,\" said skipper Kim Ness.\0 Some more words follow here, as a NUL byte costs only itself in a text of a hundred bytes or more.");
    let (code, quotes, err) = extract(&[&a, &b, &c, &e]);
    assert_eq!(code, 0, "{err}");
    assert!(has(&quotes, "The well is dry,", "Ola Dahl"), "{quotes:?}");
    assert!(has(&quotes, "The road is shut,", "Ane Berg"), "{quotes:?}");
    assert!(said(&quotes)
        .iter()
        .any(|(_, c, _)| c == "The pier is old,"));
    assert!(said(&quotes)
        .iter()
        .any(|(_, c, _)| c == "The boat is late,"));
    assert!(
        err.contains("warning: ")
            && err.contains("cp1252.txt: not UTF-8 (first at byte 0); read as Windows-1252"),
        "{err}"
    );
    assert!(
        err.contains("bad.txt: 1 invalid UTF-8 byte (first at byte 34) replaced by U+FFFD"),
        "{err}"
    );
    assert!(err.contains("nul.txt: 1 NUL byte"), "{err}");
}

#[test]
fn character_offsets_slice_what_byte_offsets_slice() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Ærø — “Søren’s café is shut,” said Zoë Ångström. 🙂 “Again,” she said.";
    let p = write(dir.path(), "chars.txt", text.as_bytes());
    let (_, quotes, _) = extract(&[&p]);
    assert!(!quotes.is_empty());
    let chars: Vec<char> = text.chars().collect();
    for q in &quotes {
        let n = |k: &str| q[k].as_u64().unwrap() as usize;
        let by_char: String = chars[n("content_char_start")..n("content_char_end")]
            .iter()
            .collect();
        assert_eq!(by_char, q["content"].as_str().unwrap());
        assert_eq!(&text[n("content_start")..n("content_end")], by_char);
    }
}

#[test]
fn duplicate_ids_and_wrong_json_types_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let one = write(d, "one.ndjson", format!("{LINE_A}\n").as_bytes());
    let two = write(
        d,
        "two.jsonl",
        format!(
            "{LINE_A}\n{}\n{}\n{LINE_B}\n",
            r#"{"id":["x"],"text":"“No,” said Una Vik."}"#,
            r#"{"id":"e","date":5,"text":"“Yes,” said Rolf Vik."}"#
        )
        .as_bytes(),
    );
    let (code, quotes, err) = extract(&[&one, &two]);
    assert_eq!(code, 0, "{err}");
    let ids: Vec<String> = said(&quotes).into_iter().map(|(id, ..)| id).collect();
    assert_eq!(ids, ["a", "e", "b"], "{err}");
    let two = two.display();
    assert!(
        err.contains(&format!(
            "{two}:1: duplicate article id \"a\" (first read from {}:1)",
            one.display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{two}:2: \"id\" is an array, not a string or number"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "warning: {two}:3: \"date\" is a number, not a string; left out"
        )),
        "{err}"
    );
}

#[test]
fn names_are_read_whatever_their_case_and_stdin_is_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "A.TXT",
        "“Upper case works,” said clerk Lis Hauge.".as_bytes(),
    );
    write(
        d,
        "b.md",
        "“Markdown works,” said clerk Mia Hauge.".as_bytes(),
    );
    write(
        d,
        "c.htm",
        std::fs::read(fixture("harbour.html")).unwrap().as_slice(),
    );
    write(d, "skip.png", b"\x89PNG");
    let (code, quotes, err) = extract(&[d]);
    assert_eq!(code, 0, "{err}");
    let docs: std::collections::BTreeSet<String> =
        said(&quotes).into_iter().map(|(id, ..)| id).collect();
    assert_eq!(docs.into_iter().collect::<Vec<_>>(), ["A", "b", "c"]);
    let html = std::fs::read_to_string(fixture("harbour.html")).unwrap();
    let out = quotegraph()
        .args(["extract", "-f", "jsonl"])
        .write_stdin(html)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        stdout.contains("Tove Amsel") && !stdout.contains("Tracking"),
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_reported_not_opened_and_its_siblings_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "“First,” said clerk Lis Hauge.".as_bytes());
    let fifo = d.join("b.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo is needed");
    write(d, "c.txt", "“Last,” said clerk Mia Hauge.".as_bytes());
    let (code, quotes, err) = extract(&[d]);
    assert_eq!((code, quotes.len()), (0, 2), "{err}");
    assert!(err.contains("b.txt: not a regular file"), "{err}");
}

/// Runs `quotegraph extract` on `dir` as a user the permissions apply to: as root (CI), through
/// `setpriv` as nobody, since root reads a chmod-000 folder anyway.
#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_reported_and_its_siblings_are_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::Builder::new()
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .unwrap();
    let d = dir.path();
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
    for sub in ["a", "b", "c"] {
        std::fs::create_dir(d.join(sub)).unwrap();
        std::fs::set_permissions(d.join(sub), std::fs::Permissions::from_mode(0o755)).unwrap();
        let f = write(
            &d.join(sub),
            &format!("{sub}.txt"),
            format!("“Words from {sub},” said clerk Lis Hauge.").as_bytes(),
        );
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    std::fs::set_permissions(d.join("b"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("quotegraph");
    let root = std::fs::read_dir(d.join("b")).is_ok();
    let mut cmd = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    let out = cmd.args(["extract", "-f", "jsonl"]).arg(d).output();
    std::fs::set_permissions(d.join("b"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = out.expect("setpriv (util-linux) is needed to drop root for this test");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("Words from a") && stdout.contains("Words from c"),
        "{stdout}{stderr}"
    );
    assert!(!stdout.contains("Words from b"));
    assert!(stderr.contains("Permission denied"), "{stderr}");
}
