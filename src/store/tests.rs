//! The store against itself: whatever the batches and their order, the store holds what one
//! batch of the whole corpus gives; articles and quotes are those `graph::build` makes in
//! memory. `canon` compares it with the in-memory canon.

use std::collections::{BTreeMap, BTreeSet};

use super::Store;
use crate::corpus;

mod canon;
use crate::facts::ArticleFacts;
use crate::ingest::Article;
use crate::pipeline::facts_of;

/// Invented news: people who share last names, people named by their last name or role only,
/// anonymous sources, outlets, and stances toward places and organisations.
const SENTENCES: [&str; 18] = [
    "“We will rebuild the harbour before winter,” Mayor Ilse Varnholt of Estrelle said on Monday.",
    "Varnholt said the council would vote on the plan in May.",
    "“The plan is reckless and the Harbour Authority knows it,” said Councillor Tomas Brandt.",
    "The mayor said the bridge over the Lenna was safe.",
    "“Estrelle cannot wait another year,” a source close to the council said.",
    "Harbour Master Anna Berg of the Harbour Authority said the cranes were old.",
    "“We need new cranes, and we need them now,” Berg said.",
    "Fisherman Olof Berg said the catch had halved since the storm.",
    "“The Harbour Authority failed us,” Olof Berg told the Valley Courier.",
    "The harbour master said repairs would start in June.",
    "“Brandt is wrong about the costs,” Varnholt said.",
    "Brandt accused Varnholt of hiding the real costs from Estrelle.",
    "“Estrelle deserves better than this,” Brandt told reporters.",
    "“I praise the crews of the Harbour Authority,” said Governor Petra Lindqvist of Norland.",
    "Lindqvist said Norland would send engineers to Estrelle.",
    "“Norland stands with Estrelle,” the governor said.",
    "Officials said the storm had damaged forty boats.",
    "“This is a good day for the harbour,” Anna Berg said, according to the Valley Courier.",
];

/// Article `k` of an invented corpus: a few sentences picked by a small generator.
fn article(k: usize, salt: u64) -> Article {
    let mut state = (k as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ salt;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let n = 2 + (next() % 5) as usize;
    let text: Vec<&str> = (0..n)
        .map(|_| SENTENCES[(next() % SENTENCES.len() as u64) as usize])
        .collect();
    let mut a = Article::new(format!("doc-{k:03}"), text.join("\n\n"), None);
    a.date = Some(format!("2031-0{}-1{}", 1 + k % 9, k % 10));
    a.source = Some(["Valley Courier", "Norland Post"][k % 2].to_string());
    a
}

fn corpus(n: usize, salt: u64) -> Vec<ArticleFacts> {
    (0..n).map(|k| facts_of(&article(k, salt))).collect()
}

/// What the store holds, in a form to compare: entities (with aliases, roles, affiliations and
/// counts), each sighting's entity, and stances.
#[derive(Debug, PartialEq)]
struct Snapshot {
    entities: BTreeMap<String, String>,
    sightings: BTreeMap<(String, &'static str, usize), String>,
    stances: BTreeMap<(String, String), String>,
}

fn expected(facts: &[ArticleFacts]) -> Snapshot {
    let (_dir, mut store) = temp_store();
    store.add(facts).unwrap();
    snapshot(&store)
}

fn snapshot(store: &Store) -> Snapshot {
    let c = &store.conn;
    let list = |sql: &str, e: &str| -> BTreeSet<String> {
        c.prepare(sql)
            .unwrap()
            .query_map([e], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let mut s = Snapshot {
        entities: BTreeMap::new(),
        sightings: BTreeMap::new(),
        stances: BTreeMap::new(),
    };
    let rows: Vec<(String, String, String, i64, i64)> = c
        .prepare("SELECT id, name, kind, mentions, quotes FROM entities")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (id, name, kind, m, q) in rows {
        let mut aliases = list("SELECT alias FROM aliases WHERE entity_id = ?1", &id);
        aliases.remove(&name);
        s.entities.insert(
            id.clone(),
            format!(
                "{name} {kind} m{m} q{q} aliases {aliases:?} roles {:?} affiliations {:?}",
                list("SELECT role FROM roles WHERE entity_id = ?1", &id),
                list(
                    "SELECT affiliation FROM affiliations WHERE entity_id = ?1",
                    &id
                ),
            ),
        );
    }
    let rows: Vec<(String, String, i64, String)> = c
        .prepare(
            "SELECT a.doc_id, m.slot, m.item, m.entity_id FROM mentions m \
             JOIN articles a ON a.id = m.article_id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (doc, slot, item, e) in rows {
        let slot = match slot.as_str() {
            "text" => "text",
            "speaker" => "speaker",
            _ => "target",
        };
        s.sightings.insert((doc, slot, item as usize), e);
    }
    let rows: Vec<(String, String, String, f64, i64)> = c
        .prepare("SELECT speaker_id, target_id, polarity, score, quotes FROM stances")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (sp, t, p, score, q) in rows {
        s.stances
            .insert((sp, t), format!("{p} {} {q}", score as f32));
    }
    s
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("q.db")).unwrap();
    (dir, store)
}

#[test]
fn batches_in_any_order_give_what_the_whole_corpus_gives() {
    let facts = corpus(40, 7);
    let want = expected(&facts);
    assert!(
        want.entities.len() > 5 && !want.stances.is_empty(),
        "{want:#?}"
    );
    // One batch; batches of 7 in order; one at a time backwards; an interleaved order.
    let backwards: Vec<ArticleFacts> = facts.iter().rev().cloned().collect();
    let interleaved: Vec<ArticleFacts> = facts
        .iter()
        .step_by(2)
        .chain(facts.iter().skip(1).step_by(2))
        .cloned()
        .collect();
    for (order, size) in [
        (&facts, 40),
        (&facts, 7),
        (&backwards, 1),
        (&interleaved, 3),
    ] {
        let (_dir, mut store) = temp_store();
        for b in order.chunks(size) {
            store.add(b).unwrap();
        }
        assert_eq!(snapshot(&store), want, "batches of {size}");
    }
}

#[test]
fn adding_the_same_articles_again_changes_nothing_and_changed_ones_replace() {
    let facts = corpus(20, 3);
    let (_dir, mut store) = temp_store();
    let r = store.add(&facts).unwrap();
    assert_eq!((r.added, r.replaced, r.unchanged), (20, 0, 0));
    let before = snapshot(&store);
    let r = store.add(&facts).unwrap();
    assert_eq!((r.added, r.replaced, r.unchanged), (0, 0, 20));
    assert_eq!(snapshot(&store), before);
    // Five articles change text: the store is then the corpus with the new versions.
    let mut changed = facts.clone();
    for (k, f) in changed.iter_mut().enumerate().take(5) {
        let mut a = article(k, 99);
        a.id = f.doc_id.clone();
        *f = facts_of(&a);
    }
    let r = store.add(&changed[..5]).unwrap();
    assert_eq!(r.replaced + r.unchanged, 5);
    assert_eq!(snapshot(&store), expected(&changed));
    // The full-text index holds exactly the wordings stored.
    let count = |sql: &str| -> i64 { store.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT count(*) FROM quotes_fts"),
        count("SELECT count(DISTINCT wording) FROM quotes")
    );
    let orphans = count(
        "SELECT count(*) FROM quotes_fts f WHERE quotes_fts MATCH 'the OR we OR is' \
         AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.wording = f.rowid)",
    );
    assert_eq!(orphans, 0);
}

#[test]
fn articles_left_out_of_a_run_are_removed() {
    let facts = corpus(24, 11);
    let (_dir, mut store) = temp_store();
    store.add(&facts).unwrap();
    let run = store.next_run().unwrap();
    let kept: Vec<ArticleFacts> = facts.iter().skip(3).step_by(2).cloned().collect();
    store.add_in_run(&kept, run).unwrap();
    assert_eq!(
        store.remove_unseen(run, 4).unwrap(),
        facts.len() - kept.len()
    );
    assert_eq!(snapshot(&store), expected(&kept));
}

#[test]
fn facts_read_back_as_they_were_stored() {
    let facts = corpus(15, 5);
    let (_dir, mut store) = temp_store();
    store.add(&facts).unwrap();
    let mut back = Vec::new();
    store
        .facts(4, &mut |b| {
            back.extend(b);
            Ok(())
        })
        .unwrap();
    let mut want = facts.clone();
    want.sort_by(|a, b| a.doc_id.cmp(&b.doc_id));
    assert_eq!(back, want);
}

/// A node-link document with its nodes and edges sorted, to compare graphs whatever order
/// they were written in.
fn sorted_graph(json: &str) -> (Vec<serde_json::Value>, Vec<serde_json::Value>) {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut nodes = v["nodes"].as_array().unwrap().clone();
    nodes.sort_by_key(|n| n["id"].as_str().unwrap().to_string());
    let mut edges = v["edges"].as_array().unwrap().clone();
    edges.sort_by_key(|e| {
        [&e["source"], &e["target"], &e["key"]].map(|x| x.as_str().unwrap().to_string())
    });
    (nodes, edges)
}

fn streamed(store: &Store) -> String {
    let mut w = crate::graph::NodeLinkWriter::new(Vec::new());
    store.stream_graph(&mut w, &mut |_| {}).unwrap();
    String::from_utf8(w.into_inner()).unwrap()
}

#[test]
fn the_streamed_graph_holds_the_articles_and_quotes_built_in_memory() {
    let facts = corpus(30, 21);
    let whole = crate::graph::build(&corpus::from_facts(facts.clone()));
    let want = sorted_graph(&crate::graph::to_node_link(&whole));
    assert!(
        want.1.iter().any(|e| e["key"] == "reported_by"),
        "{:?}",
        want.1
    );
    assert!(want.1.iter().any(|e| e["key"] == "mentions"));
    let (_dir, mut store) = temp_store();
    for b in facts.rchunks(4) {
        store.add(b).unwrap();
    }
    let got = streamed(&store);
    let (nodes, edges) = sorted_graph(&got);
    // Which entity speaks is canon's choice (see the module doc): left out here.
    let of = |nodes: &[serde_json::Value], kind: &str| -> Vec<serde_json::Value> {
        let mut v: Vec<serde_json::Value> = nodes
            .iter()
            .filter(|n| n["kind"] == kind)
            .cloned()
            .collect();
        for n in &mut v {
            for o in n["occurrences"].as_array_mut().into_iter().flatten() {
                o.as_object_mut().map(|o| o.remove("speaker"));
            }
        }
        v
    };
    for kind in ["article", "quote"] {
        assert_eq!(of(&nodes, kind), of(&want.0, kind), "{kind} nodes");
    }
    let count =
        |edges: &[serde_json::Value], key: &str| edges.iter().filter(|e| e["key"] == key).count();
    assert_eq!(count(&edges, "reported_by"), count(&want.1, "reported_by"));
    // Two stores with the same articles, filled in different orders, write the same bytes.
    let (_dir2, mut other) = temp_store();
    other.add(&facts).unwrap();
    assert_eq!(streamed(&other), got);
}

#[test]
fn the_full_text_index_holds_each_stored_wording_once() {
    // (batches of the invented corpus, replaced articles): wordings shared within a batch,
    // across batches, and taken out and put back by a replacement.
    let facts = corpus(24, 3);
    for (size, replace) in [(24, false), (5, false), (1, true), (7, true)] {
        let (_dir, mut store) = temp_store();
        for b in facts.chunks(size) {
            store.add(b).unwrap();
        }
        if replace {
            let mut again = facts[..6].to_vec();
            for f in &mut again {
                f.content_hash.push('x');
            }
            store.add(&again).unwrap();
        }
        let c = &store.conn;
        let count = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
        let indexed = count("SELECT count(*) FROM quotes_fts_docsize");
        let stored = count("SELECT count(DISTINCT wording) FROM quotes");
        assert_eq!(indexed, stored, "batches of {size}, replaced: {replace}");
        let found = count(
            "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'harbour' \
             AND rowid IN (SELECT wording FROM quotes)",
        );
        assert!(found > 0, "batches of {size}, replaced: {replace}");
    }
}
