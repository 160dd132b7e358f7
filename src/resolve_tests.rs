//! Tests of [`super`]: who speaks, by pronoun, nominal, name and appositive, in invented news.

use crate::extract::extract_text;

/// (article, expected (speaker, speaker_type) of every quote in order).
const CASES: &[(&str, &[(&str, &str)])] = &[
    // A pronoun takes the nearest earlier speaker.
    (
        "Finance Minister Ana Duarte spoke on Monday. “We will cut taxes,” Duarte said.\n\n“It is time,” she said.",
        &[("Ana Duarte", "person"), ("Ana Duarte", "person")],
    ),
    // A nominal resolves to the person the article named with that role.
    (
        "Chilean President Tomas Ibarra Solberg met the delegation.\n\n“We want a treaty,” the Chilean president said.",
        &[("Tomas Ibarra Solberg", "person")],
    ),
    // The modifier is not the speaker: the aide spoke, not the former president.
    (
        "“The pier is finished,” said a longtime driver for Chilean President Pavel Orlov.",
        &[("a longtime driver for Chilean President Pavel Orlov", "anonymous")],
    ),
    // Institutions speak as organisations, a group of people's possessive inside the name.
    (
        "“Beds are full,” said Merrow Children's Hospital.\n\nThe ward was closed, Avalon General Hospital said.\n\n“We will strike,” the Kestrel Workers' Union said.",
        &[
            ("Merrow Children's Hospital", "org"),
            ("Avalon General Hospital", "org"),
            ("Kestrel Workers' Union", "org"),
        ],
    ),
    // An appositive between name and verb.
    (
        "Elias Brandt, a nurse at the clinic, said the ward was full.",
        &[("Elias Brandt", "person")],
    ),
    // An organisation after `of`: the person before it speaks; an organisation's own
    // name with `of` stays whole.
    (
        "“The dam is sound,” said Elias Brandt of the Council on Harbor Safety.",
        &[("Elias Brandt", "person")],
    ),
    // A counted share or group is an unnamed source, not a person named by its last word.
    (
        "Six in 10 said the levy was too high. Seven in 10 Avalon Republicans say it must go.",
        &[("Six in 10", "anonymous"), ("Seven in 10 Avalon Republicans", "anonymous")],
    ),
    // An indefinite pronoun alone is an unnamed source.
    (
        "Residents of Kestrel Bay lined the road. One shouted at the convoy. Another tweeted, “The road is ours.”",
        &[("Another", "anonymous")],
    ),
    // A role headed by a common noun, then the name of the person holding it.
    (
        "“The dam is sound,” said the harbor board's chief engineer, Elias Brandt.",
        &[("Elias Brandt", "person")],
    ),
    (
        "The harbor board's chief engineer, Elias Brandt, who built the dam, said it was sound.",
        &[("Elias Brandt", "person")],
    ),
    // A party-and-state parenthesis after the name.
    (
        "Rep. Ines Dahl (D-Ore.) said the count was rigged.",
        &[("Ines Dahl", "person")],
    ),
    // Organisations, places used for governments, outlets and anonymous sources.
    (
        "The European Central Bank said the offer was unacceptable.",
        &[("European Central Bank", "org")],
    ),
    (
        "Officials in Lima have been quiet, but clerks close to the board said a merger was near.",
        &[("clerks close to the board", "anonymous")],
    ),
    (
        "The ministry will send more ferries to the island, reports Interfax.",
        &[("Interfax", "outlet")],
    ),
    // A date in the source phrase is no name.
    (
        "According to a survey released Friday, turnout will be high.",
        &[("a survey released Friday", "anonymous")],
    ),
    // Last name alone resolves to the full name given earlier.
    (
        "Senator Maria Okafor voted against the bill. Okafor said it would raise prices.",
        &[("Maria Okafor", "person")],
    ),
];

#[test]
fn speakers_resolve_to_canonical_names_and_kinds() {
    for (text, expected) in CASES {
        let got: Vec<(String, String)> = extract_text("t", text)
            .records()
            .into_iter()
            .map(|r| {
                (
                    r.speaker.unwrap_or_default(),
                    r.speaker_type.unwrap_or("-").to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(s, k)| (s.to_string(), k.to_string()))
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }
}
