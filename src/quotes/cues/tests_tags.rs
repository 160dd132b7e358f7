//! A quote's own tag on invented sentences (a table beside [`super::tests`]): an object verb,
//! a lone pronoun-like subject or an infinitive phrase right before a quote tags it.
//! sentence -> every cue as `speaker | verb | content`.

use super::tests::check_table;

/// (sentence, every cue as `speaker | verb | content`). Invented sentences.
const CASES: &[(&str, &[&str])] = &[
    (
        "Morrow then asked, \"With what money?\"",
        &["Morrow | asked | \"With what money?\""],
    ),
    (
        "Another tweeted, \"This plan is a disaster for the harbor.\"",
        &["Another | tweeted | \"This plan is a disaster for the harbor.\""],
    ),
    (
        "Yet another said, \"The ferry will never run again.\"",
        &["another | said | \"The ferry will never run again.\""],
    ),
    (
        "At the depot, Omar Vance went so far as to say: \"Nobody will ride this tram.\"",
        &["Omar Vance | went so far as to say | \"Nobody will ride this tram.\""],
    ),
    // A colon ending the paragraph: the cue's report is the quote in the next paragraph.
    (
        "Morrow wrote on Twitter:\n\n\"The harbor board failed these sailors.\"",
        &["Morrow | wrote | "],
    ),
    (
        "Governor Ines Dahl issued the following statement:\n\n\"Our prayers are with the crew.\"",
        &["Governor Ines Dahl | issued the following statement | "],
    ),
    (
        "Asked about the levy, Dahl had this to say: \"It is a tax on farmers.\"",
        &["Dahl | had this to say | \"It is a tax on farmers.\""],
    ),
    // `on Twitter` is a place to say things, `on Friday` a time.
    (
        "Morrow wrote on Twitter: \"The harbor board failed these sailors.\"",
        &["Morrow | wrote | \"The harbor board failed these sailors.\""],
    ),
    (
        "Morrow said on Friday the harbor board had failed the sailors.",
        &["Morrow | said | the harbor board had failed the sailors"],
    ),
    // A span of time after the verb is no part of what was said.
    (
        "The bishop stated two days later, \"The bells stay silent.\"",
        &["The bishop | stated | \"The bells stay silent.\""],
    ),
    (
        "Dahl said two weeks ago that the ferry would stop.",
        &["Dahl | said | the ferry would stop"],
    ),
    // An object verb still needs a real object when no quote follows, and a short quote
    // right after it is a name for something, not what was said.
    ("Morrow asked the board.", &[]),
    ("The levy is what the mayor called \"a farce.\"", &[]),
    // After a closing mark, a subject and a present-tense verb ending the sentence tag the
    // quote, whatever the subject; an object verb inverted after a quote tags it too.
    (
        "\"This is the same pier,\" the harbor board writes.",
        &["the harbor board | writes | \"This is the same pier,\""],
    ),
    (
        "\"This is the same pier,\" Ana Ruiz writes.",
        &["Ana Ruiz | writes | \"This is the same pier,\""],
    ),
    (
        "\"Is the ferry late again?\" asked Tomas Hale.",
        &["Tomas Hale | asked | \"Is the ferry late again?\""],
    ),
    // Not after a short title in the subject.
    (
        "Vera Lind, star of the show \"Harbor,\" thanked the crew for their patience.",
        &[],
    ),
];

#[test]
fn quote_tags() {
    check_table(CASES);
}
