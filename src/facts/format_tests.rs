//! Tests of [`super`]: the facts shard format: lines written, read back, refused with a reason.

use super::*;
use crate::ingest::Article;

fn sample() -> ArticleFacts {
    let text = "“The ferry will run again,” Mayor Lena Ortiz said of Estrelle.";
    crate::pipeline::facts_of(&Article::new("d1", text.to_string(), None))
}

#[test]
fn a_line_reads_back_as_the_facts_it_was_written_from() {
    let f = sample();
    assert!(!f.quotes.is_empty() && !f.content_hash.is_empty());
    let line = to_line(&f);
    assert!(
        line.starts_with(r#"{"schema_version":1,"doc_id":"d1""#),
        "{line}"
    );
    assert!(!line.contains('\n'));
    assert_eq!(from_line(&line).unwrap(), f);
}

#[test]
fn bad_lines_are_refused_with_the_reason() {
    let cases: &[(&str, &str)] = &[
        (r#"{"doc_id":"d"}"#, "no schema_version"),
        (r#"{"schema_version":7,"doc_id":"d"}"#, "schema_version 7"),
        (
            r#"{"schema_version":"1","doc_id":"d"}"#,
            "schema_version is not a whole number",
        ),
        (
            r#"{"schema_version":1.5,"doc_id":"d"}"#,
            "not a whole number",
        ),
        (
            r#"{"schema_version":0,"doc_id":"d"}"#,
            "schema_version 0 is not",
        ),
        (r#"[1, 2]"#, "no schema_version"),
        (
            r#"{"schema_version":1,"doc_id":"d","quotes":[{"start":"0","end":2,"kind":"direct","content":""}]}"#,
            "invalid type: string \"0\", expected usize",
        ),
        (
            r#"{"schema_version":1,"doc_id":"d","stances":[{"quote":0,"kind":"place","name":"X","score":0.5}"#,
            "EOF while parsing",
        ),
        (r#"{"schema_version":1}"#, "missing field `doc_id`"),
        (r#"{"schema_version":1,"doc_id":" "}"#, "empty doc_id"),
        (
            r#"{"schema_version":1,"doc_id":"d","stances":[{"quote":0,"kind":"place","name":"X","score":0.5}]}"#,
            "stance 0 points at quote 0 of 0",
        ),
        (
            r#"{"schema_version":1,"doc_id":"d","quotes":[{"start":9,"end":2,"kind":"direct","content":""}]}"#,
            "quote 0 starts after it ends",
        ),
        (
            r#"{"schema_version":1,"doc_id":"d","mentions":[{"start":0,"end":2,"kind":"date","name":"May","alias":"May"}]}"#,
            "mention 0 has no name or is not an entity",
        ),
        ("not json", "not facts JSON"),
    ];
    for (line, want) in cases {
        let err = from_line(line).expect_err(line).to_string();
        assert!(err.contains(want), "{line}: {err}");
    }
}

#[test]
fn unknown_fields_are_ignored() {
    let line = r#"{"schema_version":1,"doc_id":"d","later_field":[1,2]}"#;
    assert_eq!(from_line(line).unwrap().doc_id, "d");
}
