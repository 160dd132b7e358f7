//! The cue rules on invented sentences, as a table: sentence -> every cue as
//! `speaker | verb | content`.

use super::*;
use crate::quotes::marks;
use crate::segment::segment;
use crate::text::Span;

/// Each cue as `speaker | verb | content`.
/// Runs a table of (sentence, every cue as `speaker | verb | content`), reporting every row
/// that differs.
pub(super) fn check_table(cases: &[(&str, &[&str])]) {
    let failed: Vec<String> = cases
        .iter()
        .filter_map(|(text, want)| {
            let got = check(text);
            (got != *want).then(|| format!("{text:?}\n  got  {got:?}\n  want {want:?}"))
        })
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

pub(super) fn check(text: &str) -> Vec<String> {
    let lex = Lexicon::builtin();
    let seg = segment(text, Span::new(0, text.len()), lex);
    let quoted = marks::pair(&seg);
    find(&seg, &quoted, lex)
        .iter()
        .map(|c| {
            let s = |r: &Option<Range<usize>>| {
                r.clone()
                    .map_or(String::new(), |r| seg.span(r).of(text).to_string())
            };
            format!(
                "{} | {} | {}",
                s(&c.speaker),
                seg.span(c.verb.clone()).of(text),
                s(&Some(c.content.clone()))
            )
        })
        .collect()
}

/// (sentence, every cue as `speaker | verb | content`). Invented sentences.
const CASES: &[(&str, &[&str])] = &[
    (
        "The minister said that the ferry had sunk.",
        &["The minister | said | the ferry had sunk"],
    ),
    // Counted people and a name before a comma speak.
    (
        "Seven in 10 say the ferry is too slow.",
        &["Seven in 10 | say | the ferry is too slow"],
    ),
    (
        "Since the flood, Okafor says, many families have left.",
        &["Okafor | says | Since the flood", "Okafor | says | many families have left"],
    ),
    // Still a plural noun: "Chilean attacks, floods and fires".
    ("Chilean attacks, floods and fires continued.", &[]),
    // An article before a year or a collective noun: the next word is a noun, not a verb.
    ("A 2019 estimate by the board put costs at $4 million.", &[]),
    ("She held a media call to announce the grant.", &[]),
    // A verb form after a plural possessive is a noun.
    (
        "Officials say the users' comments are rude.",
        &["Officials | say | the users' comments are rude"],
    ),
    // An approximate quantity opens a clause.
    (
        "The board said about half of the funds were lost.",
        &["The board | said | about half of the funds were lost"],
    ),
    // A late `according to` reports the clause before it.
    (
        "Rates will rise again, according to Ines Dahl, who advised the bank.",
        &["Ines Dahl | according to | Rates will rise again"],
    ),
    // Documents speak; a parenthesis stands aside.
    (
        "Hackers reached ten servers, the inspector's report said.",
        &["the inspector's report | said | Hackers reached ten servers"],
    ),
    (
        "Rep. Ines Dahl (D-Ore.) said the count was rigged.",
        &["Rep. Ines Dahl (D-Ore.) | said | the count was rigged"],
    ),
    // Clauses opening with a contracted pronoun or a gerund.
    (
        "The senator says she’d vote against the bill.",
        &["The senator | says | she’d vote against the bill"],
    ),
    (
        "Officials say it's too early to tell.",
        &["Officials | say | it's too early to tell"],
    ),
    (
        "The ministry says expanding the park will protect rare birds.",
        &["The ministry | says | expanding the park will protect rare birds"],
    ),
    // A subject with prepositions.
    (
        "Two clerks with some sense of the ledger said the merger was dead.",
        &["Two clerks with some sense of the ledger | said | the merger was dead"],
    ),
    // The content before a trailing cue.
    (
        "The harbor needs dredging, he said.",
        &["he | said | The harbor needs dredging"],
    ),
    // An inverted speaker with a role and a preposition, and the relative clause that ends
    // the sentence (news annotation counts it in the source).
    (
        "The dam is sound, said a longtime adviser to the mayor, who asked not to be named.",
        &["a longtime adviser to the mayor, who asked not to be named | said | The dam is sound"],
    ),
    // An inverted name keeps an appositive that ends the sentence, an `of` organisation and
    // a relative clause.
    (
        "The dam is sound, said Ines K. Dahl, the panel's harbor director.",
        &["Ines K. Dahl, the panel's harbor director | said | The dam is sound"],
    ),
    (
        "The dam is sound, said Rep. Ines Dahl (D-Ore.).",
        &["Rep. Ines Dahl (D-Ore.) | said | The dam is sound"],
    ),
    (
        "The dam is sound, said Elias Brandt of the Council on Harbor Safety.",
        &["Elias Brandt of the Council on Harbor Safety | said | The dam is sound"],
    ),
    (
        "The dam is sound, said Elias Brandt, who runs the panel.",
        &["Elias Brandt, who runs the panel | said | The dam is sound"],
    ),
    (
        "The dam is sound, said Brandt, author of the book “Deep Water.”",
        &["Brandt | said | The dam is sound"],
    ),
    // `according to` before and after.
    (
        "According to two clerks close to the mayor, the ferry will resume.",
        &["two clerks close to the mayor | According to | the ferry will resume"],
    ),
    (
        "The ferry will resume, according to Interfax.",
        &["Interfax | according to | The ferry will resume"],
    ),
    // A parenthetical cue interrupts a report: the words before it are a report of their own,
    // unless they are a lone connective.
    (
        "Even so, she stressed, dredging the harbor must come first.",
        &[
            "she | stressed | Even so",
            "she | stressed | dredging the harbor must come first",
        ],
    ),
    (
        "In the end, the mayor said, the council ignores the numbers.",
        &[
            "the mayor | said | In the end",
            "the mayor | said | the council ignores the numbers",
        ],
    ),
    (
        "Still, she said, dredging the harbor must come first.",
        &["she | said | dredging the harbor must come first"],
    ),
    // A participle takes the main clause's subject.
    (
        "Meanwhile, the Port Authority has kept quiet, suggesting that it expects a delay.",
        &["the Port Authority | suggesting | it expects a delay"],
    ),
    // `told` skips the addressee.
    (
        "She told reporters the tally would be close.",
        &["She | told | the tally would be close"],
    ),
    // Nouns and passives are not cues.
    ("Varga’s remarks mark a shift. The report was long.", &[]),
    ("It was reported that the ferry sank.", &[]),
    // An appositive between subject and verb stays in the mention.
    (
        "Elias Brandt, a nurse, said the clinic was full.",
        &["Elias Brandt, a nurse | said | the clinic was full"],
    ),
    // A subordinate clause's content ends at the main clause.
    (
        "While the port authority confirmed that the closure is temporary, it has not named a date.",
        &["the port authority | confirmed | the closure is temporary"],
    ),
    // A name with its organisation after a role, and an appositive after a parenthesis.
    (
        "Another analyst, Ines Dahl of the Harbor Institute, said the vote will be close.",
        &["Another analyst, Ines Dahl of the Harbor Institute | said | the vote will be close"],
    ),
    (
        "Rep. Elias Brandt (D-Ore.), a longtime critic, said he had not seen the plan.",
        &["Rep. Elias Brandt (D-Ore.), a longtime critic | said | he had not seen the plan"],
    ),
    // An appositive subject opening with a role noun is no inverted cue.
    (
        "Ines Dahl, leader of the regional harbor panel, said the pier will reopen.",
        &["Ines Dahl, leader of the regional harbor panel | said | the pier will reopen"],
    ),
    // A clause before `, said X` is no aside of a subject.
    (
        "In the end, the plan is dead, said Dahl.",
        &["Dahl | said | In the end, the plan is dead"],
    ),
    // Person nouns speak after the clause they report.
    (
        "The vote ended early, the mayor's aides say.",
        &["the mayor's aides | say | The vote ended early"],
    ),
    // A zero-`that` clause with a plain finite verb.
    ("She said she rode the bus.", &["She | said | she rode the bus"]),
    (
        "The mayor said the city needs money.",
        &["The mayor | said | the city needs money"],
    ),
    ("He says voters ignore the ads.", &["He | says | voters ignore the ads"]),
    // A time phrase between subject and verb.
    (
        "The mayor on Tuesday said the bridge will reopen.",
        &["The mayor | said | the bridge will reopen"],
    ),
    // Documents and counted people speak when a clause follows.
    (
        "The memo says the pier is unsafe.",
        &["The memo | says | the pier is unsafe"],
    ),
    (
        "The briefing said that the pier is unsafe.",
        &["The briefing | said | the pier is unsafe"],
    ),
    (
        "About a fifth say they will not vote.",
        &["a fifth | say | they will not vote"],
    ),
    // A reported clause ends where a second report starts; a coordinated verb keeps the
    // subject.
    (
        "The mayor said the bridge will reopen and warned that tolls will rise.",
        &[
            "The mayor | said | the bridge will reopen",
            "The mayor | warned | tolls will rise",
        ],
    ),
    (
        "The mayor said the bridge will reopen, but the council said it will not.",
        &[
            "The mayor | said | the bridge will reopen",
            "the council | said | it will not",
        ],
    ),
    (
        "Dahl says the levy is fair, while others say it is a tax on the poor.",
        &["Dahl | says | the levy is fair", "others | say | it is a tax on the poor"],
    ),
    // `but` joins verbs, never subjects; a day ends a time phrase, not a name.
    (
        "Governor Ada Quillon praised the volunteers but lamented that the county had cut its budget.",
        &["Governor Ada Quillon | lamented | the county had cut its budget"],
    ),
    (
        "Senator Lina Oduya met Brevik but said the new rules would hurt small growers.",
        &["Senator Lina Oduya | said | the new rules would hurt small growers"],
    ),
    (
        "Senator Lina Oduya met the farmers on Tuesday and said the new rules would hurt growers.",
        &["Senator Lina Oduya | said | the new rules would hurt growers"],
    ),
    ("Oduya met Ines May and said the rules would hurt growers.", &[]),
    (
        "Oduya and Brevik said the new rules would hurt small growers.",
        &["Oduya and Brevik | said | the new rules would hurt small growers"],
    ),
    (
        "Oduya said the rules were fair but warned that growers would suffer.",
        &["Oduya | said | the rules were fair", "Oduya | warned | growers would suffer"],
    ),
    ("Oduya was all but certain that growers would suffer.", &[]),
    // A word for the whole answer after `say`.
    ("Asked about the tolls, Oduya said no.", &["Oduya | said | no"]),
    ("Half of the growers said so in March.", &["Half of the growers | said | so"]),
    ("The growers said yes again.", &["The growers | said | yes"]),
    (
        "Oduya said she was proud of the crews, but warned that fires would return.",
        &[
            "Oduya | said | she was proud of the crews",
            "Oduya | warned | fires would return",
        ],
    ),
    (
        "The deal was signed by the end of June and suggested that tolls would fall.",
        &[],
    ),
    (
        "The mayor later changed course and said the pier would stay open.",
        &["The mayor | said | the pier would stay open"],
    ),
    // An appositive of the whole clause is not reported.
    (
        "The mayor said the pier would close on Friday, a move that surprised the council.",
        &["The mayor | said | the pier would close on Friday"],
    ),
    // One-word names before an appositive; a clause after `say` without a known verb.
    (
        "Varga, a former director, said the problem is big.",
        &["Varga, a former director | said | the problem is big"],
    ),
    ("Dahl said each year yields a bump.", &["Dahl | said | each year yields a bump"]),
    // Phrasal cues with a noun-phrase object.
    (
        "The mayor talked about the cost of the new harbor.",
        &["The mayor | talked about | the cost of the new harbor"],
    ),
    // A relative pronoun speaks.
    (
        "It angered farmers who say the levy is a money pit.",
        &["who | say | the levy is a money pit"],
    ),
    // A verb that doubles its last consonant.
    (
        "The mayor admitted the city made a mistake.",
        &["The mayor | admitted | the city made a mistake"],
    ),
    // A trailing tag ends the clause of a report before it, and reports that report.
    (
        "A clerk said the chief was wrong, the inspector's report said.",
        &[
            "A clerk | said | the chief was wrong",
            "the inspector's report | said | A clerk said the chief was wrong",
        ],
    ),
    (
        "She said she phoned the coach on Monday, a week after the two rivals spoke at the gala.",
        &[
            "She | said | she phoned the coach on Monday, a week after the two rivals spoke at the gala",
            "the two rivals | spoke | ",
        ],
    ),
    // A source inside a parenthesis reports the words inside it.
    (
        "The pier cost more than planned (the real figure is twice as high, according to a harbor monitor).",
        &["a harbor monitor | according to | the real figure is twice as high"],
    ),
    // A subject with a relative clause, a subject between dashes, an appositive of a plural.
    (
        "Farmers in the valley who watched the debate said they were unmoved.",
        &["Farmers in the valley who watched the debate | said | they were unmoved"],
    ),
    (
        "The port officials whose permits were revoked say the rules changed.",
        &["The port officials whose permits were revoked | say | the rules changed"],
    ),
    (
        "Most clerks at the port — and half of the pilots — said that the strike will go on.",
        &["Most clerks at the port — and half of the pilots | said | the strike will go on"],
    ),
    (
        "Both candidates for the seat, Ana Ruiz and Bo Lee, say they oppose the levy.",
        &["Both candidates for the seat, Ana Ruiz and Bo Lee | say | they oppose the levy"],
    ),
    (
        "Federal and state officials said the two clerks raised $5 million.",
        &["Federal and state officials | said | the two clerks raised $5 million"],
    ),
    // A sentence adverb before the subject is not part of it.
    (
        "Perhaps the harbor pilots will say the plan failed.",
        &["the harbor pilots | say | the plan failed"],
    ),
    // Not a subject with a relative clause: a clause of its own inside; a noun after an article.
    (
        "They split the town into camps that the mayor argued were unhealthy.",
        &[],
    ),
    ("The mental and physical stress is constant.", &[]),
    // A commitment reports speech with an infinitive or a clause, not with a noun phrase.
    (
        "The mayor pledged to rebuild the pier before winter.",
        &["The mayor | pledged | to rebuild the pier before winter"],
    ),
    (
        "The allies have pledged new aid to the port, with over $20 million in support confirmed for May.",
        &[],
    ),
    ("She won most of the 20 pledged delegates in the valley.", &[]),
    ("They joined a press call set up by the unions.", &[]),
];

#[test]
fn cues_with_their_speakers_and_contents() {
    check_table(CASES);
}
