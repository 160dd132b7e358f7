//! The store against the in-memory canon (`corpus::from_facts`): the same entities, sightings
//! and stances.

use std::collections::{BTreeMap, BTreeSet};

use super::{corpus, facts_of, snapshot, temp_store, Article, ArticleFacts, Snapshot};

/// What the in-memory canon (`corpus::from_facts`) gives for the same articles.
fn in_memory(facts: &[ArticleFacts]) -> Snapshot {
    let a = corpus::from_facts(facts.to_vec());
    let mut s = Snapshot {
        entities: BTreeMap::new(),
        sightings: BTreeMap::new(),
        stances: BTreeMap::new(),
    };
    for e in &a.canon.entities {
        s.entities.insert(
            e.id.clone(),
            format!(
                "{} {} m{} q{} aliases {:?} roles {:?} affiliations {:?}",
                e.name,
                e.kind.as_str(),
                e.mentions,
                e.quotes,
                e.aliases,
                e.roles,
                e.affiliations
            ),
        );
    }
    let id = |i: &Option<usize>| i.map(|i| a.canon.entities[i].id.clone());
    for (d, f) in a.docs.iter().enumerate() {
        let slots = [
            ("text", &a.canon.mention_entity[d]),
            ("speaker", &a.canon.speaker_entity[d]),
            ("target", &a.canon.target_entity[d]),
        ];
        for (slot, list) in slots {
            for (k, e) in list.iter().enumerate() {
                if let Some(e) = id(e) {
                    s.sightings.insert((f.doc_id.clone(), slot, k), e);
                }
            }
        }
    }
    for st in &a.stances {
        let quotes: BTreeSet<(usize, usize)> = st.evidence.iter().copied().collect();
        s.stances.insert(
            (
                id(&Some(st.speaker)).unwrap(),
                id(&Some(st.target)).unwrap(),
            ),
            format!("{} {} {}", st.polarity.as_str(), st.score, quotes.len()),
        );
    }
    s
}

/// Where two maps differ: (key, left, right) for every key either has with another value.
fn differences<K: Ord + Clone + std::fmt::Debug>(
    a: &BTreeMap<K, String>,
    b: &BTreeMap<K, String>,
) -> Vec<String> {
    let keys: BTreeSet<&K> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| format!("{k:?}: {:?} / {:?}", a.get(k), b.get(k)))
        .collect()
}

/// The store and the in-memory canon agree on every entity, sighting and stance, whatever
/// the batches (canon's shared article context, which the store leaves out, decides nothing in
/// these corpora).
#[test]
fn the_store_holds_what_the_in_memory_canon_gives() {
    for (n, salt) in [(40, 7), (30, 21), (25, 3)] {
        let facts = corpus(n, salt);
        let (_dir, mut store) = temp_store();
        for b in facts.chunks(6) {
            store.add(b).unwrap();
        }
        let (got, want) = (snapshot(&store), in_memory(&facts));
        let diff = [
            differences(&got.entities, &want.entities),
            differences(&got.sightings, &want.sightings),
            differences(&got.stances, &want.stances),
        ];
        assert!(
            diff.iter().all(Vec::is_empty),
            "corpus {n}/{salt}: {diff:#?}"
        );
        assert!(got.entities.len() > 10 && !got.stances.is_empty());
    }
}

/// The store and the in-memory canon of a small corpus, each article a list of sentences.
fn both(docs: &[&[&str]]) -> (Snapshot, Snapshot) {
    let facts: Vec<ArticleFacts> = docs
        .iter()
        .enumerate()
        .map(|(k, s)| facts_of(&Article::new(format!("d{k}"), s.join("\n\n"), None)))
        .collect();
    let (_dir, mut store) = temp_store();
    for f in facts.iter().rev() {
        store.add(std::slice::from_ref(f)).unwrap();
    }
    (snapshot(&store), in_memory(&facts))
}

#[test]
fn single_words_no_one_claims_take_the_kind_they_are_read_as() {
    let (got, want) = both(&[
        &["Lindqvist said Norland would send engineers to Estrelle."],
        &["“Norland stands with Estrelle,” the governor said."],
        &["Brandt accused Varnholt of hiding the real costs from Estrelle."],
        &["“Estrelle deserves better than this,” Brandt told reporters."],
    ]);
    assert_eq!(got, want);
    assert!(got.entities.values().all(|e| !e.contains(" name m")));
}

#[test]
fn the_shown_name_is_the_one_canon_shows() {
    let (got, want) = both(&[
        &[
            "“We will rebuild the harbour before winter,” said Mayor Ilse Varnholt.",
            "Varnholt said the council would vote on the plan in May.",
        ],
        &[
            "Harbour Master Anna Berg said the cranes were old.",
            "“We need new cranes, and we need them now,” Berg said.",
        ],
        &["“The harbour failed us,” Ilse Varnholt told the Valley Courier."],
    ]);
    assert_eq!(got, want);
}

#[test]
fn single_words_are_linked_by_canon_s_decision_as_articles_arrive() {
    let (got, want) = both(&[
        &["“We need new cranes now,” Mrs. Berg said on Friday."],
        &["Berg said the harbour would reopen."],
        &["Anna Berg said the cranes were old."],
        &["Peter Berg said the catch had halved since the storm."],
        &["Lindqvist said the bridge was safe."],
        &["Governor Petra Lindqvist spoke in Norland."],
    ]);
    assert_eq!(got, want);
    let entity = |doc: &str, slot: &'static str| got.sightings[&(doc.to_string(), slot, 0)].clone();
    // The honorific picks the woman; without evidence, two people keep a bare name apart; one
    // person takes it.
    assert_eq!(entity("d0", "speaker"), "person:anna-berg");
    assert_eq!(entity("d1", "text"), "name:berg");
    assert_eq!(entity("d4", "text"), "person:petra-lindqvist");
}

#[test]
fn organisations_named_in_part_join_the_one_they_abbreviate_or_end() {
    let (got, want) = both(&[
        &["“Rates will stay high,” AVB said on Monday."],
        &["Avalon Valley Bank raised its rates, the Avalon Valley Bank said."],
        &["Shares of Valley Bank fell in Estrelle."],
    ]);
    assert_eq!(got, want);
    // Added one article at a time, the last first: `Valley Bank` joins the bank when it comes.
    let orgs: Vec<&String> = got
        .entities
        .keys()
        .filter(|e| e.starts_with("org:"))
        .collect();
    assert_eq!(orgs, ["org:avalon-valley-bank"]);
    assert!(got.entities["org:avalon-valley-bank"].contains("\"AVB\", \"Valley Bank\""));
}

#[test]
fn an_organisation_word_alone_is_linked_as_canon_links_it() {
    let (got, want) = both(&[
        &["The Avalon Harbour Department said the pier was closed."],
        &["The Department said the pier was closed, Varnholt said."],
        &["Dock workers met the Merrow Harbour Authority on Friday."],
        &["The Authority said it would reopen the dock."],
    ]);
    assert_eq!(got, want);
}

#[test]
fn an_honorific_makes_a_single_word_a_person_in_both() {
    let (got, want) = both(&[
        &["“The budget is a disgrace,” Mr. Quellmark said on Tuesday."],
        &["Crowds gathered in Quellmark on Sunday."],
        &["Hundreds marched to Quellmark on Monday."],
    ]);
    assert_eq!(got, want);
    let kinds: Vec<&String> = got
        .entities
        .iter()
        .filter(|(id, _)| id.contains("quellmark"))
        .map(|(_, e)| e)
        .collect();
    assert!(
        !kinds.is_empty() && kinds.iter().all(|e| e.contains(" person ")),
        "{kinds:?}"
    );
}

#[test]
fn a_dateline_in_capitals_is_the_town_the_text_names() {
    let (got, want) = both(&[
        &[
            "KESTRELTON, N.Y. — Firefighters fought a warehouse blaze on Tuesday.",
            "“It spread fast,” said Fire Chief Dana Morrow.",
        ],
        &["Residents of Kestrelton went home on Wednesday after the fire."],
    ]);
    assert_eq!(got, want);
    let towns: Vec<&String> = got
        .entities
        .keys()
        .filter(|id| id.contains("kestrelton"))
        .collect();
    assert_eq!(towns, ["name:kestrelton"]);
    assert!(got.entities["name:kestrelton"].starts_with("Kestrelton "));
}

#[test]
fn a_single_word_s_mentions_decide_its_kind_before_speakers_words() {
    let (got, want) = both(&[
        &["Crowds gathered in Quellby on Sunday."],
        &["“The bridge must reopen,” a Quellby spokesman said."],
        &["“We were not consulted,” Quellby said on Monday."],
        &["Trucks were stuck near Quellby for hours."],
    ]);
    assert_eq!(got, want);
}

#[test]
fn a_word_people_are_named_by_is_a_person_as_they_arrive() {
    // Added last first: the people come after the single word.
    let (got, want) = both(&[
        &["Anna Berg said the cranes were old."],
        &["Peter Berg said the catch had halved since the storm."],
        &["Trucks were stuck near Berg for hours."],
        &["Shares of Berg fell sharply on Monday."],
        &["The deal between Berg and Norland collapsed."],
    ]);
    assert_eq!(got, want);
    assert!(got.entities["name:berg"].contains(" person "), "{got:#?}");
}

/// A brand alone (`Zentrix` of `Zentrix Systems`) joins the company, in the store as in memory,
/// whichever comes first.
#[test]
fn a_brand_alone_joins_its_company_whatever_the_order() {
    let docs: [&[&str]; 5] = [
        &["Zentrix Systems said on Monday it would cut 300 jobs in Estrelle."],
        &["Shares of Zentrix fell sharply after the announcement."],
        &["“Prices will rise,” said Ilse Varga, a spokeswoman for Kestrel Foods."],
        &["Kestrel recalled its frozen pies on Tuesday."],
        &[
            "Dock workers met Q-Avalon USA on Friday.",
            "Q-Avalon said talks would go on.",
        ],
    ];
    let reversed: Vec<&[&str]> = docs.iter().rev().copied().collect();
    for docs in [&docs[..], &reversed[..]] {
        let (got, want) = both(docs);
        assert_eq!(got, want);
        for brand in ["zentrix", "kestrel", "avalon"] {
            let ids: Vec<&String> = got.entities.keys().filter(|e| e.contains(brand)).collect();
            assert_eq!(ids.len(), 1, "{brand}: {ids:?}");
            assert!(ids[0].starts_with("org:"), "{brand}: {ids:?}");
        }
    }
}
