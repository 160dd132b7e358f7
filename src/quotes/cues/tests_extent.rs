//! Where a reported clause ends, on invented sentences (a table beside [`super::tests`]):
//! sentence -> every cue as `speaker | verb | content`.

use super::tests::check_table;

/// (sentence, every cue as `speaker | verb | content`). Invented sentences.
const CASES: &[(&str, &[&str])] = &[
    // A relative clause after a whole reported clause glosses its last noun: the report ends
    // before it; a relative inside the clause's subject stays.
    (
        "Marta Quill said she had met her cousin, who had just landed in Lisbon.",
        &["Marta Quill | said | she had met her cousin"],
    ),
    (
        "Marta Quill said the levy, which passed in June, was unfair.",
        &["Marta Quill | said | the levy, which passed in June, was unfair"],
    ),
];

#[test]
fn ends_of_reported_clauses() {
    check_table(CASES);
}
