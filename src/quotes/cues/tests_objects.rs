//! Noun-phrase objects of reporting verbs, on invented sentences (a table beside
//! [`super::tests`]): sentence -> every cue as `speaker | verb | content`.

use super::tests::check_table;

/// (sentence, every cue as `speaker | verb | content`). Invented sentences.
const CASES: &[(&str, &[&str])] = &[
    // A pronoun after `about` ends the topic: what follows is an adjunct.
    (
        "Quill talked about it during the ferry hearing.",
        &["Quill | talked about | it"],
    ),
    (
        "Quill talked about the fares of the night ferry during the hearing.",
        &["Quill | talked about | the fares of the night ferry during the hearing"],
    ),
    // An object ends before a gloss of it, a second clause or a time adjunct.
    (
        "Marta Quill praised the new ferry terminal, a project that took nine years.",
        &["Marta Quill | praised | the new ferry terminal"],
    ),
    (
        "Quill criticized the harbor board for its slow repairs, raising doubts about the budget.",
        &["Quill | criticized | the harbor board for its slow repairs"],
    ),
    (
        "Quill criticized the harbor board for its slow repairs, and the council fixed them.",
        &["Quill | criticized | the harbor board for its slow repairs"],
    ),
    (
        "Quill criticized the harbor board for the slow repairs on Sunday at a town meeting.",
        &["Quill | criticized | the harbor board for the slow repairs"],
    ),
    (
        "Quill called the timetables a mess — the crews have since changed them.",
        &["Quill | called | the timetables a mess"],
    ),
    (
        "Quill called the new fees “unfair,” and the board agreed to review them.",
        &["Quill | called | the new fees “unfair,”"],
    ),
    // A second predicate of the subject, or a subordinate clause, ends the object.
    (
        "Quill praised the harbor pilots for their calm and was cheered by the crowd.",
        &["Quill | praised | the harbor pilots for their calm"],
    ),
    (
        "Quill criticized the port authority for the long wait after the ferry ran aground.",
        &["Quill | criticized | the port authority for the long wait"],
    ),
    // A list, an adjective list and a dashed aside stay whole.
    (
        "Quill praised the harbor pilots, the dock crews and the ferry captains.",
        &["Quill | praised | the harbor pilots, the dock crews and the ferry captains"],
    ),
    (
        "Quill praised the harbor crews, including the divers, for their work.",
        &["Quill | praised | the harbor crews, including the divers, for their work"],
    ),
    (
        "Quill called her brother a kind, loving and patient man.",
        &["Quill | called | her brother a kind, loving and patient man"],
    ),
    (
        "Quill urged the board to close all piers — nine in total — before the storm.",
        &["Quill | urged | the board to close all piers — nine in total — before the storm"],
    ),
    // A verb and the preposition of its topic report what follows, past a manner adverb.
    (
        "The governor commented on the strike at the grain terminal.",
        &["The governor | commented on | the strike at the grain terminal"],
    ),
    (
        "Lena Voss talked warmly about her years on the river.",
        &["Lena Voss | talked warmly about | her years on the river"],
    ),
    (
        "Lena Voss talked on the radio about her plans for the harbor.",
        &["Lena Voss | talked on the radio about | her plans for the harbor"],
    ),
    (
        "The senator spoke of the long nights at the clinic.",
        &["The senator | spoke of | the long nights at the clinic"],
    ),
    // Verbs of saying that take a noun phrase too: what they name is what was said.
    (
        "He also mentioned the drought in his home county.",
        &["He | mentioned | the drought in his home county"],
    ),
    (
        "Voss tweeted a photo of the flooded pier.",
        &["Voss | tweeted | a photo of the flooded pier"],
    ),
    (
        "The minister stressed those risks at a forum in Oslo.",
        &["The minister | stressed | those risks at a forum in Oslo"],
    ),
    (
        "Ines Dahl recalled a visit to the old harbor with her father.",
        &["Ines Dahl | recalled | a visit to the old harbor with her father"],
    ),
    // A naming verb with what it names and what it calls it, however short; not a call.
    (
        "Voss called Lindqvist a coward.",
        &["Voss | called | Lindqvist a coward"],
    ),
    (
        "The mayor called the proposal reckless.",
        &["The mayor | called | the proposal reckless"],
    ),
    ("She called him back on Tuesday.", &[]),
    ("Ruiz called it quits after the vote.", &[]),
    ("The chair called the meeting.", &[]),
    ("The chair called the meeting to order at noon.", &[]),
    // An -s form after a count or `other` is a plural noun, not a verb.
    ("The report gives four reasons the ferry was late.", &[]),
    ("Two other notes from the pier mention the storm.", &[]),
    (
        "No one says the ferry is safe.",
        &["No one | says | the ferry is safe"],
    ),
];

#[test]
fn objects_of_reporting_verbs() {
    check_table(CASES);
}
