//! Tests of [`super`]: which capitalised words name what, in invented sentences.

use crate::extract::extract_with_entities;
use crate::ingest::Article;

/// (article, [(words, kind of the mention)]) for the mentions named; invented news.
const CASES: &[(&str, &[(&str, &str)])] = &[
    // Evidence: a given name, a title, a reporting verb; none for words in title case.
    (
        "Ana Varga met Gov. Okoro in Port Merrow. Brandt said the Access Avalon plan failed.",
        &[
            ("Ana Varga", "person"),
            ("Gov. Okoro", "person"),
            ("Port Merrow", "place"),
            ("Brandt", "person"),
            ("Access Avalon", "org"),
        ],
    ),
    // Party and nationality adjectives are affiliations, not people.
    (
        "Democratic Sen. Mira Castell spoke. A Republican said no.",
        &[("Democratic Sen. Mira Castell", "person")],
    ),
    // `for` after an organisation word continues its name, not after a role (`Staff`).
    (
        "The Center for Avalon Studies estimates costs rose. Staff for the Avalon Committee \
         agreed.",
        &[
            ("Center for Avalon Studies", "org"),
            ("Avalon Committee", "org"),
        ],
    ),
    // A country before an institution of it is part of the institution's name.
    (
        "Ana Ruiz left the Russian Embassy in Port Merrow. The Kenyan Navy said it would help.",
        &[
            ("Ana Ruiz", "person"),
            ("Russian Embassy", "org"),
            ("Port Merrow", "place"),
            ("Kenyan Navy", "org"),
        ],
    ),
    // A gazetteer entry gives way to a person's name and to a team's.
    (
        "Ana Paris said the Moscow Giants won.",
        &[("Ana Paris", "person"), ("Moscow Giants", "org")],
    ),
    // A weapon system gives way to a person the article names.
    (
        "Lena Abrams, a senator, spoke. Abrams said the Abrams tanks were late.",
        &[
            ("Lena Abrams", "person"),
            ("Abrams", "person"),
            ("the Abrams tanks", "equipment"),
        ],
    ),
    // A headline keeps only the words the article writes as names.
    (
        "Ida Halloran Checks Into Clinic After Fall\nIda Halloran, 41, was taken to a clinic.",
        &[("Ida Halloran", "person"), ("Ida Halloran", "person")],
    ),
    // Capitals in a web address above the headline say nothing of the headline's words.
    (
        "http: / / www. avalon. com / 1234 _ Ida _ Halloran _ Checks _ Into _ Clinic / x. html\n\
         Ida Halloran Checks Into Clinic\nIda Halloran, 41, was taken to a clinic.",
        &[("Ida Halloran", "person"), ("Ida Halloran", "person")],
    ),
    // A web address names nothing; a letter and a hyphen start a brand, never a person; a
    // legal form after a comma belongs to the name; a possessive says the bare word is a
    // name; spaced hyphens join a name in text that spaces them (`13 - inch`).
    (
        "http: / / www. avalon. com / Ruiz - Wins - Port - Merrow\nQ-Avalon said it would \
         expand. Q - Avalon Holdings, Inc. agreed.\nMerrow Media today launched a 13 - inch \
         phone. Unlike Merrow Media's rivals, Berg - Tolland won.",
        &[
            ("Q-Avalon", "org"),
            ("Q - Avalon Holdings, Inc", "org"),
            ("Merrow Media", "org"),
            ("Merrow Media", "org"),
            ("Berg - Tolland", "org"),
        ],
    ),
    // A place gives way to a team or a university named after it; the words after a
    // possessive are a name of their own.
    (
        "The Moscow 76ers won. Fans of Moscow State cheered. Later, Acme's Ana Ruiz spoke.",
        &[
            ("Moscow 76ers", "org"),
            ("Moscow State", "org"),
            ("Acme", "org"),
            ("Ana Ruiz", "person"),
        ],
    ),
    // An acronym of the gazetteer names its organisation only in capitals.
    (
        "Captain Isis Brandt said ISIS left. Sergeant Isis agreed.",
        &[
            ("Captain Isis Brandt", "person"),
            ("ISIS", "org"),
            ("Sergeant Isis", "person"),
        ],
    ),
    // A known platform is no person, whatever verb follows.
    (
        "Twitter said the posts broke its rules.",
        &[("Twitter", "org")],
    ),
    // A single word that says something is a person there, not before in the article.
    (
        "Readers of Kestrelcheck were angry. Later Kestrelcheck said the claim was false.",
        &[("Kestrelcheck", "org"), ("Kestrelcheck", "person")],
    ),
    // A model number ends a product's name; a score does not.
    (
        "Buyers queued for the Volta 8800 phone. With 480 sold, it beat Kestrel Mills 102, \
         Avalon Giants 99. Buyers also liked the Nimbus Curve 7700, its thinnest yet.",
        &[
            ("Volta 8800", "org"),
            ("Kestrel Mills", "org"),
            ("Avalon Giants", "org"),
            ("Nimbus Curve 7700", "org"),
        ],
    ),
    // A street keeps the ordinal or the title word it is named with, unless they make a title.
    (
        "Crowds gathered on First Avenue and in Kestrelton High Street. Mayor Street said no.",
        &[
            ("First Avenue", "place"),
            ("Kestrelton", "place"),
            ("High Street", "place"),
            ("Mayor Street", "person"),
        ],
    ),
    // A nickname in quotation marks inside a name is part of the person's mention, not a name.
    (
        "A jury heard that Tomas 'The Hawk' Vellacourt ran the gang with Ana \"Red\" Ruiz.",
        &[
            ("Tomas 'The Hawk' Vellacourt", "person"),
            ("Ana \"Red\" Ruiz", "person"),
        ],
    ),
    (
        "Tom Berg called Ana Ruiz 'A Disgrace' Over the plan.",
        &[
            ("Tom Berg", "person"),
            ("Ana Ruiz", "person"),
            ("Disgrace", "org"),
        ],
    ),
    // `VP` is a title.
    (
        "The laptop was shown by marketing VP Ana Ostrander.",
        &[("VP Ana Ostrander", "person")],
    ),
    // A letter joined by a spaced hyphen is one name, in a headline too.
    (
        "Nimbus Phone Preorders Launch On Q - Tel Network\nBuyers can order it from Q - Tel now.",
        &[("Q - Tel", "org"), ("Q - Tel", "org")],
    ),
    // A party letter in parentheses names nothing.
    (
        "Gov. Ana Ruiz (R) and Sen. Tom Berg (D-Avalon) spoke.",
        &[("Gov. Ana Ruiz", "person"), ("Sen. Tom Berg", "person")],
    ),
    // `of` joins the words of a name or a title, and is never a title of its own.
    (
        "Cuts at the Kestrel Department of Education worried Secretary of State Ana Ruiz.",
        &[
            ("Kestrel Department of Education", "org"),
            ("Secretary of State Ana Ruiz", "person"),
        ],
    ),
    // A title's holder is unnamed when `of` follows it: the rest is what they serve.
    (
        "Ana Ruiz, Director of Kestrel Mills, agreed.",
        &[("Ana Ruiz", "person"), ("Kestrel Mills", "org")],
    ),
    // An organisation's name goes on through `for`; an indefinite pronoun names nobody.
    (
        "The Kestrel Institute for Public Policy agreed. \"Everybody's worried,\" Lena Abrams \
         said. Between Abrams and the institute, little is settled.",
        &[
            ("Kestrel Institute for Public Policy", "org"),
            ("Lena Abrams", "person"),
            ("Abrams", "person"),
        ],
    ),
    // `and` inside an organisation's `of`/`for` name joins it; never before a given name.
    (
        "The Council for Rural Housing and Transport met Ana Ruiz and Tom Berg. The Bank of \
         Kestrel and Ana Varga agreed. The Kestrel Ministry of Fisheries and Coastal Works left.",
        &[
            ("Council for Rural Housing and Transport", "org"),
            ("Ana Ruiz", "person"),
            ("Tom Berg", "person"),
            ("Bank of Kestrel", "org"),
            ("Ana Varga", "person"),
            ("Kestrel Ministry of Fisheries and Coastal Works", "org"),
        ],
    ),
    // Groups of people are no person; a place after a locative preposition.
    (
        "Sunni Muslims marched in Kestrelvale.",
        &[("Sunni Muslims", "org"), ("Kestrelvale", "place")],
    ),
    // A designator before `of` or after the name says it is a place.
    (
        "Rain fell on the province of Merrowin and on Tarsk island.",
        &[("Merrowin", "place"), ("Tarsk island", "place")],
    ),
    // A name of several words without evidence takes the reading most of its uses give: a
    // product found `in` once, a town named once without a preposition.
    (
        "Users of Orvano Navigator saw crashes. Orvano Navigator was patched. A flaw in Orvano \
         Navigator stays. Floods hit Merrow Falls. Roads in Merrow Falls closed. Shops in \
         Merrow Falls shut.",
        &[
            ("Orvano Navigator", "org"),
            ("Orvano Navigator", "org"),
            ("Orvano Navigator", "org"),
            ("Merrow Falls", "place"),
            ("Merrow Falls", "place"),
            ("Merrow Falls", "place"),
        ],
    ),
    // A numbered street is named with its number.
    (
        "Police closed 97th Avenue and 12th Street near the Kestrel Road depot.",
        &[
            ("97th Avenue", "place"),
            ("12th Street", "place"),
            ("Kestrel Road", "place"),
        ],
    ),
    // An even split keeps each reading.
    (
        "Fans of Tarsk Rovers cheered. Rain fell in Tarsk Rovers.",
        &[("Tarsk Rovers", "org"), ("Tarsk Rovers", "place")],
    ),
    // A group of people's possessive inside a name is part of it; another possessive ends the
    // name.
    (
        "Fighters of the Kestrel People's Liberation Army crossed the river, and then \
         Tolland's Ilse Varga met members of the Merrow Women's League.",
        &[
            ("Kestrel People's Liberation Army", "org"),
            ("Tolland", "org"),
            ("Ilse Varga", "person"),
            ("Merrow Women's League", "org"),
        ],
    ),
    // A plural possessive's apostrophe inside a name is part of it; before a lowercase word it
    // ends the name.
    (
        "Members of the Kestrel Workers' Union marched with the Merrow Teachers’ Federation \
         while Tolland Nurses' pay talks stalled.",
        &[
            ("Kestrel Workers' Union", "org"),
            ("Merrow Teachers’ Federation", "org"),
            ("Tolland Nurses", "org"),
        ],
    ),
    // A hospital is an organisation, a title word before its head qualifies it.
    (
        "Ilse Varga was taken to Avalon General Hospital, and Merrow Children's Hospital \
         sent a doctor from the Kestrel Clinic.",
        &[
            ("Ilse Varga", "person"),
            ("Avalon General Hospital", "org"),
            ("Merrow Children's Hospital", "org"),
            ("Kestrel Clinic", "org"),
        ],
    ),
    // A headline in capitals writes a last name the article gives a person as that person's;
    // in running text capitals stay an acronym.
    (
        "KESTRELS' VARGA HELD AFTER CRASH\nKestrels linebacker Ilse Varga was held on Sunday. \
         The VARGA fund paid.",
        &[
            ("VARGA", "person"),
            ("Ilse Varga", "person"),
            ("VARGA", "org"),
        ],
    ),
];

#[test]
fn names_are_people_only_with_evidence() {
    for (text, want) in CASES {
        let x = extract_with_entities(&Article::new("t", text.to_string(), None));
        let got: Vec<(&str, &str)> = x
            .mentions
            .iter()
            .filter(|m| !matches!(m.kind.as_str(), "date" | "money"))
            .map(|m| (m.span.of(text), m.kind.as_str()))
            .collect();
        assert_eq!(&got, want, "in {text:?}");
    }
}

#[test]
fn a_last_name_finds_the_full_name_by_gender_and_recency() {
    let text = "Bill Castell and Hillary Castell arrived. Mrs. Castell spoke first. \
                Then Mr. Castell spoke. Castell left.";
    let lex = crate::lexicon::Lexicon::builtin();
    let a = Article::new("t", text.to_string(), None);
    let seg = crate::segment::segment(text, a.body, lex);
    let names = super::index(text, &seg, lex);
    let at = |w: &str| text.find(w).unwrap();
    assert_eq!(
        names.full_name("Castell", at("Mrs. Castell")),
        "Hillary Castell"
    );
    assert_eq!(
        names.full_name("Castell", at("Mr. Castell")),
        "Bill Castell"
    );
    // No honorific: the one named in full most recently.
    assert_eq!(
        names.full_name("Castell", at("Castell left")),
        "Hillary Castell"
    );
    assert_eq!(names.full_name("William Castell", 0), "Bill Castell");
}

#[test]
fn a_country_before_its_institution_is_part_of_the_name() {
    // (text, words of the mention, its name in the article)
    let table = [
        (
            "Crowds gathered outside the Russian Embassy in Port Merrow.",
            "Russian Embassy",
            "Russian Embassy",
        ),
        (
            "The Kenyan Navy said it would help.",
            "Kenyan Navy",
            "Kenyan Navy",
        ),
        (
            "Kenyan Adm. Ana Ruiz said it would help.",
            "Kenyan Adm. Ana Ruiz",
            "Ana Ruiz",
        ),
        (
            "Crowds thanked the Merrowvale Police Department on Friday.",
            "Merrowvale Police Department",
            "Merrowvale Police Department",
        ),
    ];
    for (text, words, name) in table {
        let x = extract_with_entities(&Article::new("t", text.to_string(), None));
        let m = x.mentions.iter().find(|m| m.span.of(text) == words);
        assert_eq!(m.map(|m| m.canonical.as_str()), Some(name), "in {text:?}");
    }
}

/// (article, the dates read, as written); invented news.
const DATES: &[(&str, &[&str])] = &[
    (
        "The vote on Feb. 22, 2025 was delayed to Monday night.",
        &["Feb. 22, 2025", "Monday night"],
    ),
    // A weekday or a month with a possessive names its day; the `'s` is no part of the date.
    (
        "Friday's vote was close. Critics of February’s budget spoke. May's plan failed.",
        &["Friday", "February"],
    ),
    // A part of the day with a possessive still belongs to its weekday; `May` after `last`,
    // `next` or `this` is the month.
    (
        "Friday night's fire spread. Last May the plant closed; it may reopen next May.",
        &["Friday night", "May", "May"],
    ),
];

#[test]
fn dates_are_read_with_their_words() {
    for (text, want) in DATES {
        let x = extract_with_entities(&Article::new("t", text.to_string(), None));
        let got: Vec<&str> = x
            .mentions
            .iter()
            .filter(|m| m.kind.as_str() == "date")
            .map(|m| m.span.of(text))
            .collect();
        assert_eq!(&got, want, "in {text:?}");
    }
}
