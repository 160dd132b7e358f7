//! Subject rules on invented sentences, as a table beside [`super::tests`]: sentence -> every
//! cue as `speaker | verb | content`.

use super::tests::check_table;

/// (sentence, every cue as `speaker | verb | content`). Invented sentences.
const CASES: &[(&str, &[&str])] = &[
    // A list subject whose first item opens the sentence before a comma; not a time phrase, and
    // not a parenthetical tag inside the sentence.
    (
        "Her brother, cousins and neighbors said the fire spread fast.",
        &["Her brother, cousins and neighbors | said | the fire spread fast"],
    ),
    (
        "During the hearing, the mayor, two aides and a clerk testified that the bridge was safe.",
        &["the mayor, two aides and a clerk | testified | the bridge was safe"],
    ),
    (
        "That evening, farmers and fishermen said the bridge was unsafe.",
        &["farmers and fishermen | said | the bridge was unsafe"],
    ),
    (
        "The toll, farmers and fishermen said, would ruin the valley.",
        &[
            "farmers and fishermen | said | The toll",
            "farmers and fishermen | said | would ruin the valley",
        ],
    ),
    // A plural `-s` modifier before an organisation noun is part of the subject, not a verb.
    (
        "Two regional appeals courts said the toll rule was void.",
        &["Two regional appeals courts | said | the toll rule was void"],
    ),
    // Two adjectives joined by a comma stay in one subject; a noun before a comma does not.
    (
        "\"We will reopen the mill,\" the bearded, 64-year-old foreman said.",
        &["the bearded, 64-year-old foreman | said | \"We will reopen the mill,\""],
    ),
    (
        "\"We will reopen the mill,\" the weathered, gray-haired foreman said.",
        &["the weathered, gray-haired foreman | said | \"We will reopen the mill,\""],
    ),
    (
        "In the end, union leaders said the mill would reopen.",
        &["union leaders | said | the mill would reopen"],
    ),
    (
        "The council kept a toll rule that appeals courts said was unfair to farmers.",
        &["appeals courts | said | was unfair to farmers"],
    ),
    // `At least` opens a quantified subject; it is not an introductory phrase.
    (
        "At least 40 nurses said the night shift was unsafe.",
        &["At least 40 nurses | said | the night shift was unsafe"],
    ),
    (
        "At noon Friday the nurses said the night shift was unsafe.",
        &["the nurses | said | the night shift was unsafe"],
    ),
    // A personal pronoun is a whole subject: an opening participle phrase is not part of it.
    (
        "Naming three closed piers she added that the harbor was failing.",
        &["she | added | the harbor was failing"],
    ),
    (
        "The harbor mayor says officials said the toll rule was void.",
        &[
            "The harbor mayor | says | officials said the toll rule was void",
            "officials | said | the toll rule was void",
        ],
    ),
    (
        "Marta Quell says officials said the toll rule was void.",
        &[
            "Marta Quell | says | officials said the toll rule was void",
            "officials | said | the toll rule was void",
        ],
    ),
    // A bare `it` after a quote or with a clause-only verb is an organisation or a document.
    (
        "The harbor board met on Friday. \"Keep the night ferry running,\" it recommended.",
        &["it | recommended | \"Keep the night ferry running,\""],
    ),
    (
        "The harbor board met, and it said the night ferry would stop.",
        &["it | said | the night ferry would stop"],
    ),
    (
        "The harbor board met, and it warned that the night ferry would stop.",
        &["it | warned | the night ferry would stop"],
    ),
    // Inside a sentence, `it` with an object verb is a thing acting, not a speaker.
    (
        "The levy worries farmers because it threatens the valley orchards.",
        &[],
    ),
    (
        "The cold snap suits the skaters as long as it keeps the canal frozen.",
        &[],
    ),
    // A sentence's first `It` reads like any capitalised subject.
    (
        "It accused the harbor board of hiding the losses.",
        &["It | accused | the harbor board of hiding the losses"],
    ),
    // A topic after `said of` / `said about` is the content, unless a quote follows a comma.
    (
        "Tomas Hale said of the levy, \"I support families making their own choices.\"",
        &["Tomas Hale | said | \"I support families making their own choices.\""],
    ),
    (
        "Tomas Hale said about the levy, \"I support families making their own choices.\"",
        &["Tomas Hale | said | \"I support families making their own choices.\""],
    ),
    // A quote ending in its own comma ends the report before a participial cue.
    (
        "Tomas Hale said, \"I don't like it,\" adding that the levy was unfair.",
        &["Tomas Hale | said | \"I don't like it,\""],
    ),
    // A participle of speaking between commas is an aside of the subject, not a report.
    (
        "A ferry captain, speaking on condition of anonymity, said the night crossings would end.",
        &["A ferry captain | said | the night crossings would end"],
    ),
    (
        "Tomas Hale, writing in the Kestrel Courier, said the levy was unfair.",
        &["Tomas Hale | said | the levy was unfair"],
    ),
    (
        "Tomas Hale, noting the late hour, said, \"We cannot wait.\"",
        &["Tomas Hale | said | \"We cannot wait.\""],
    ),
    // Not when the participle reports after a clause of its own.
    (
        "Tomas Hale met the crews, saying the levy was unfair.",
        &["Tomas Hale | saying | the levy was unfair"],
    ),
    // A participle after `own` modifies a noun: it is not the cue.
    (
        "The harbor board's own published rules say ferries must stop at night.",
        &["The harbor board's own published rules | say | ferries must stop at night"],
    ),
    // A verb form after a count word modifies a noun inside the subject.
    (
        "The owners of both fishing fleets said they had paid the levy.",
        &["The owners of both fishing fleets | said | they had paid the levy"],
    ),
    (
        "Two leading pilots said the pier would hold.",
        &["Two leading pilots | said | the pier would hold"],
    ),
    // A capitalised count word opens the main subject of a participle's clause.
    (
        "One pilot inside the Harbor Tower met the crews, saying the levy was unfair.",
        &["One pilot inside the Harbor Tower | saying | the levy was unfair"],
    ),
    (
        "Several pilots at the Harbor Tower met the crews, saying the levy was unfair.",
        &["Several pilots at the Harbor Tower | saying | the levy was unfair"],
    ),
    // A possessive apostrophe after `s` or `z` stays inside the subject.
    (
        "Two cousins of Elena Ruiz' tenants said the roof had leaked for years.",
        &["Two cousins of Elena Ruiz' tenants | said | the roof had leaked for years"],
    ),
    (
        "Ortiz’ campaign called the report a smear.",
        &["Ortiz’ campaign | called | the report a smear"],
    ),
    (
        "The ferry is late again, the Hales’ lawyer said.",
        &["the Hales’ lawyer | said | The ferry is late again"],
    ),
    // A month word after a capitalised name word is a surname, not a date.
    (
        "Harbor Minister Ilse May said the dock would close.",
        &["Harbor Minister Ilse May | said | the dock would close"],
    ),
    (
        "Ilse Varga said Friday the dock would close.",
        &["Ilse Varga | said | the dock would close"],
    ),
    // An inverted speaker keeps its relative or `speaking` clause, up to the sentence's end or
    // a continuation of the report.
    (
        "\"The pier will hold,\" said a former dock engineer who inspected the piles.",
        &["a former dock engineer who inspected the piles | said | \"The pier will hold,\""],
    ),
    (
        "\"The pier will hold,\" said Ilse Varga, who, like her neighbors, fishes there.",
        &["Ilse Varga, who, like her neighbors, fishes there | said | \"The pier will hold,\""],
    ),
    (
        "\"The pier will hold,\" said a harbor pilot, speaking on condition of anonymity.",
        &["a harbor pilot, speaking on condition of anonymity | said | \"The pier will hold,\""],
    ),
    (
        "\"The pier will hold,\" said a dock engineer who inspected the piles, adding that the tide was low.",
        &[
            "a dock engineer who inspected the piles | said | \"The pier will hold,\"",
            "a dock engineer who inspected the piles | adding | the tide was low",
        ],
    ),
    // An abbreviated state after an inverted speaker's town stays with it.
    (
        "\"We wait,\" said voter Ana Berg of Salem, Ore., before the rally.",
        &["voter Ana Berg of Salem, Ore | said | \"We wait,\""],
    ),
    (
        "\"We wait,\" said voter Ana Berg of Kestrel, N.H., before the rally.",
        &["voter Ana Berg of Kestrel, N.H. | said | \"We wait,\""],
    ),
    // A role named by a common noun keeps the name after its comma.
    (
        "\"The pier will hold,\" said the harbor board's chief engineer, Ilse Varga.",
        &["the harbor board's chief engineer, Ilse Varga | said | \"The pier will hold,\""],
    ),
    // A name ending in an abbreviation (`Jr.`) keeps its appositive or relative clause.
    (
        "\"The pier will hold,\" said Tomas Hale Jr., a retired harbor pilot.",
        &["Tomas Hale Jr., a retired harbor pilot | said | \"The pier will hold,\""],
    ),
    (
        "\"The pier will hold,\" said Tomas Hale Jr., who piloted ferries for years.",
        &["Tomas Hale Jr., who piloted ferries for years | said | \"The pier will hold,\""],
    ),
    (
        "\"The pier will hold,\" said Tomas Hale Jr. on Friday.",
        &["Tomas Hale Jr | said | \"The pier will hold,\""],
    ),
    // An organisation's town after `in` stays with it; a time or an occasion does not.
    (
        "\"The pier will hold,\" said Tomas Hale of the Harbor Council in Avalon.",
        &["Tomas Hale of the Harbor Council in Avalon | said | \"The pier will hold,\""],
    ),
    (
        "\"The pier will hold,\" said Tomas Hale of the Harbor Council in March.",
        &["Tomas Hale of the Harbor Council | said | \"The pier will hold,\""],
    ),
    (
        "\"The pier will hold,\" said Tomas Hale of the Harbor Council in an interview.",
        &["Tomas Hale of the Harbor Council | said | \"The pier will hold,\""],
    ),
    // A participle's `in` stays with a role; a plain role's `in` does not.
    (
        "\"The pier will hold,\" says a pilot involved in the board's planning.",
        &["a pilot involved in the board's planning | says | \"The pier will hold,\""],
    ),
    (
        "\"The pier will hold,\" says a harbor pilot in an interview.",
        &["a harbor pilot | says | \"The pier will hold,\""],
    ),
];

#[test]
fn subjects_of_cues() {
    check_table(CASES);
}
