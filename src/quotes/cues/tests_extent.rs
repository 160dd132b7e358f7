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
    // A spaced dash before a second report ends the first, as a comma does.
    (
        "Quill called the ferry service a disgrace — but she said the crews were not to blame.",
        &[
            "Quill | called | the ferry service a disgrace",
            "she | said | the crews were not to blame",
        ],
    ),
    // An object verb's participle reports after a report in its sentence, with its speaker;
    // without one it is an act.
    (
        "Quill said the ferry was late, citing the storm and the high winds on the coast.",
        &[
            "Quill | said | the ferry was late",
            "Quill | citing | the storm and the high winds on the coast",
        ],
    ),
    (
        "The crews worked through the night, praising the new cranes at the harbor.",
        &[],
    ),
    (
        "The ministry announced a pause in grain exports, citing the poor harvest in the north.",
        &["The ministry | announced | a pause in grain exports"],
    ),
];

#[test]
fn ends_of_reported_clauses() {
    check_table(CASES);
}
