//! Tests of [`super`]: names, aliases and last names resolved across articles.

use crate::ingest::Article;
use crate::pipeline::analyze;

/// The entity names a corpus of (id, text) resolves `names` to.
fn resolve(docs: &[(&str, &str)], names: &[&str]) -> Vec<Option<String>> {
    let articles: Vec<Article> = docs
        .iter()
        .map(|(id, t)| Article::new(*id, t.to_string(), None))
        .collect();
    let a = analyze(&articles);
    names
        .iter()
        .map(|n| a.canon.find(n).map(|e| e.id.clone()))
        .collect()
}

#[test]
fn a_noun_of_what_someone_is_before_the_given_name_is_no_given_name() {
    let ids = resolve(
        &[
            ("a", "Coroner Dana Kessler said the road was icy."),
            (
                "b",
                "Dana Kessler, the county coroner, said the road was icy.",
            ),
            (
                "c",
                "Englishman Tom Okafor reached the summit, Tom Okafor said.",
            ),
            ("d", "Tom Okafor said the summit was calm."),
        ],
        &[
            "Coroner Dana Kessler",
            "Dana Kessler",
            "Englishman Tom Okafor",
            "Tom Okafor",
        ],
    );
    assert!(ids.iter().all(Option::is_some), "{ids:?}");
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[2], ids[3]);
}

#[test]
fn words_before_a_title_are_no_given_name_nor_the_name_shown() {
    let articles: Vec<Article> = [
        (
            "a",
            "Independent Avalon Sen. Dana Kessler said the bill would pass.",
        ),
        (
            "b",
            "Dana Kessler said the bill would pass. Dana Kessler voted for it.",
        ),
    ]
    .iter()
    .map(|(id, t)| Article::new(*id, t.to_string(), None))
    .collect();
    let a = analyze(&articles);
    let people: Vec<(&str, &str)> = a
        .canon
        .entities
        .iter()
        .filter(|e| e.kind == crate::lexicon::EntityKind::Person)
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    assert_eq!(people, [("person:dana-kessler", "Dana Kessler")]);
}

#[test]
fn a_brand_alone_names_its_company() {
    let table = [
        ("acme technologies", Some("acme")),
        ("kestrel foods", Some("kestrel")),
        ("q avalon usa", Some("q avalon")),
        ("kestrel magazine", Some("kestrel")),
        ("merrow newspaper", Some("merrow")),
        ("q avalon", None),
        ("avalon valley foods", None),
        ("kestrel mills", None),
        ("acme", None),
    ];
    for (name, want) in table {
        assert_eq!(super::names::brand_of(name), want, "{name}");
    }
    let ids = resolve(
        &[
            (
                "a",
                "Shares of Kestrel Foods Inc. rose after Kestrel Foods said sales grew.",
            ),
            ("b", "QVX said it would buy Kestrel, whose sales grew."),
        ],
        &["Kestrel Foods", "Kestrel"],
    );
    assert!(ids[0].is_some(), "{ids:?}");
    assert_eq!(ids[0], ids[1]);
}

#[test]
fn spelling_variants_and_aliases_are_one_entity_across_articles() {
    let ids = resolve(
        &[
            ("a", "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv. The U.S. sent aid."),
            ("b", "President Volodymyr Zelensky met officials from the United States and the US Senate."),
            ("c", "“We are ready,” Zelenskyy said. The Pentagon said the U.S. Defense Department agreed."),
        ],
        &["Zelenskyy", "Volodymyr Zelensky", "U.S.", "United States", "Pentagon", "U.S. Defense Department"],
    );
    assert!(ids.iter().all(Option::is_some), "{ids:?}");
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[2], ids[3]);
    assert_eq!(ids[4], ids[5]);
}

#[test]
fn people_who_share_a_last_name_stay_apart() {
    let docs = [
        (
            "a",
            "Former President Bill Clinton campaigned in Ohio. “She is ready,” Bill Clinton said.",
        ),
        (
            "b",
            "Hillary Clinton spoke in Iowa. “We will win,” Hillary Clinton said.",
        ),
    ];
    let ids = resolve(&docs, &["Bill Clinton", "Hillary Clinton"]);
    assert!(ids[0].is_some() && ids[1].is_some());
    assert_ne!(ids[0], ids[1]);
    // A bare last name is ambiguous across this corpus: it joins neither.
    let articles: Vec<Article> = docs
        .iter()
        .map(|(id, t)| Article::new(*id, t.to_string(), None))
        .collect();
    assert!(analyze(&articles).canon.find("Clinton").is_none());
}

#[test]
fn a_bare_last_name_of_people_named_in_full_is_a_person() {
    let articles: Vec<Article> = [
        (
            "a",
            "Ana Kessler opened the mill. “It works,” Ana Kessler said.",
        ),
        (
            "b",
            "Tom Kessler closed the mill. “It failed,” Tom Kessler said.",
        ),
        (
            "c",
            "The mill stood empty until Kessler bought it back in May.",
        ),
    ]
    .iter()
    .map(|(id, t)| Article::new(*id, t.to_string(), None))
    .collect();
    let a = analyze(&articles);
    let bare = a.canon.entities.iter().find(|e| e.id == "name:kessler");
    assert_eq!(
        bare.map(|e| e.kind),
        Some(crate::lexicon::EntityKind::Person),
        "{:?}",
        a.canon.entities
    );
}

#[test]
fn titles_with_and_without_hyphens_give_one_person() {
    let ids = resolve(
        &[
            ("a", "NATO Secretary-General Mark Rutte arrived."),
            (
                "b",
                "NATO Secretary General Mark Rutte left. Rutte said talks went well.",
            ),
        ],
        &["NATO Secretary-General Mark Rutte", "Mark Rutte", "Rutte"],
    );
    assert!(ids[0].is_some());
    assert!(ids.iter().all(|i| i == &ids[0]), "{ids:?}");
}

#[test]
fn short_forms_initials_and_honorifics_find_the_person() {
    let docs = [
        (
            "a",
            "Senator William T. Castell spoke in Port Merrow. Hillary Castell, his sister, agreed.",
        ),
        ("b", "Bill Castell said the harbour would reopen."),
        ("c", "“We are ready,” Mrs. Castell said on Monday."),
    ];
    let ids = resolve(
        &docs,
        &["William T. Castell", "Bill Castell", "Hillary Castell"],
    );
    assert!(ids.iter().all(Option::is_some), "{ids:?}");
    assert_eq!(ids[0], ids[1]);
    assert_ne!(ids[0], ids[2]);
    let articles: Vec<Article> = docs
        .iter()
        .map(|(id, t)| Article::new(*id, t.to_string(), None))
        .collect();
    let a = analyze(&articles);
    // "Mrs. Castell" in article c is the woman of the corpus with that last name.
    let c = a.docs.iter().position(|d| d.doc_id == "c").unwrap();
    let speaker = a.canon.speaker_entity[c][0].map(|e| a.canon.entities[e].id.clone());
    assert_eq!(speaker, ids[2]);
}

#[test]
fn hyphenated_names_are_keyed_whole_and_found_by_their_initials() {
    let ids = resolve(
        &[
            ("a", "Kestrel-Morrow bought Acme Data, Ana Berg said."),
            ("b", "KM said it bought Acme Data. Ana Berg agreed."),
            ("c", "Karst Mining and Kettle Mills met in Avalon."),
        ],
        &["Kestrel-Morrow", "KM", "Morrow"],
    );
    assert!(ids[0].is_some(), "{ids:?}");
    assert_eq!(ids[0], ids[1]);
    // The last part alone is no name of it.
    assert_eq!(ids[2], None);
}

#[test]
fn ids_do_not_change_as_articles_are_added() {
    let base = [(
        "a",
        "Mayor Ida Okoro of Eastvale met the Kestrel Valley Bank.",
    )];
    let more = [
        (
            "a",
            "Mayor Ida Okoro of Eastvale met the Kestrel Valley Bank.",
        ),
        ("b", "Okoro said the KVB would lend. Jonas Okoro disagreed."),
        ("c", "Ida Okoro and Tomas Brandt toured Eastvale."),
    ];
    let names = ["Ida Okoro", "Kestrel Valley Bank", "Eastvale"];
    let before = resolve(&base, &names);
    let after = resolve(&more, &names);
    assert!(before.iter().all(Option::is_some), "{before:?}");
    assert_eq!(before, after);
}

#[test]
fn anonymous_sources_do_not_merge_across_articles() {
    let articles = [
        Article::new("a", "The talks failed, a source said.".into(), None),
        Article::new("b", "The deal is close, a source said.".into(), None),
    ];
    let a = analyze(&articles);
    let sources: Vec<_> = a
        .canon
        .entities
        .iter()
        .filter(|e| e.name == "a source")
        .collect();
    assert_eq!(sources.len(), 2);
}

#[test]
fn a_place_after_of_is_no_short_name_of_the_organisation() {
    let ids = resolve(
        &[
            (
                "a",
                "The Electoral Commission of Kestrelia counted the votes on Sunday.",
            ),
            ("b", "Voters in Kestrelia waited for hours, Ana Ruiz said."),
            ("c", "The Valley Bank of Avalon said the Bank would lend."),
        ],
        &["Electoral Commission of Kestrelia", "Kestrelia"],
    );
    assert!(ids.iter().all(Option::is_some), "{ids:?}");
    assert_ne!(ids[0], ids[1]);
}

#[test]
fn an_organisation_word_alone_joins_no_organisation_ending_in_it() {
    let ids = resolve(
        &[
            (
                "a",
                "The Avalon Harbour Department said the pier was closed.",
            ),
            ("b", "The Department said the pier was closed."),
            ("c", "Dock workers in Merrowvale met the Harbour Authority."),
            ("d", "The Authority said it would reopen the dock."),
        ],
        &["Avalon Harbour Department", "Department", "Authority"],
    );
    assert!(ids[0].is_some(), "{ids:?}");
    assert_ne!(ids[0], ids[1]);
    assert_ne!(ids[2], Some("org:harbour-authority".to_string()));
}

#[test]
fn the_shown_name_prefers_the_usual_form_to_capitals_on_a_tie() {
    let table: &[(&[(&str, usize)], &str)] = &[
        (&[("KESTRELTON", 1), ("Kestrelton", 1)], "Kestrelton"),
        (&[("KESTRELTON", 3), ("Kestrelton", 1)], "KESTRELTON"),
        (&[("AVB", 1), ("Avb", 1)], "AVB"),
        (&[("Ana Ruiz", 1), ("Ruiz", 4)], "Ana Ruiz"),
    ];
    for (names, want) in table {
        assert_eq!(
            super::entity_name(names.iter().copied()).as_deref(),
            Some(*want),
            "{names:?}"
        );
    }
}
