//! The graph of an analysed corpus held in memory, and the rules that make its edges.
//!
//! Takes an [`Analysis`]; gives a [`QuoteGraph`]. The rules deciding what an edge is (which
//! entities a quote names, which outlets reported it, whether a person's affiliation is a role)
//! are small pure functions here, so that the store ([`crate::store`]), which builds the same
//! graph from its tables without holding it in memory, applies the very same rules.

use std::collections::{BTreeMap, BTreeSet};

use super::{Edge, EdgeKind, Node, NodeKind, Occurrence, QuoteGraph};
use crate::canon::Entity;
use crate::corpus::{self, Analysis};
use crate::facts::{ArticleFacts, MentionFact, QuoteFact};
use crate::lexicon::EntityKind;
use crate::text::{fold_name, stable_hash};

/// The wording of a quote with case, punctuation, quotation marks and dashes folded away.
pub fn quote_key(content: &str) -> String {
    fold_name(content)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The hash of a quote's folded wording: the same words in several articles are one quote
/// node. `None` for a quote without a word (it is no node).
pub fn wording_hash(content: &str) -> Option<u64> {
    let key = quote_key(content);
    (!key.is_empty()).then(|| stable_hash(&key))
}

/// The node id of a quote's wording (`quote:` and 16 hex digits).
pub fn quote_node_id(wording: u64) -> String {
    format!("quote:{wording:016x}")
}

/// The mentions of an article that a quote names or that report it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteLinks {
    /// Mentions inside the quote's words (indexes into `ArticleFacts::mentions`).
    pub names: Vec<usize>,
    /// Outlets named in the quote's paragraph: they reported it.
    pub reports: Vec<usize>,
}

/// For each quote of an article, the mentions it names and the outlets that report it. Linear
/// in the article (mentions sorted once; each quote looks only at the mentions that start
/// inside it, and at each distinct outlet name once).
pub fn quote_links(f: &ArticleFacts) -> Vec<QuoteLinks> {
    let m = &f.mentions;
    let mut order: Vec<usize> = (0..m.len()).collect();
    order.sort_by_key(|&k| (m[k].start, k));
    let mut outlets: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, x) in m.iter().enumerate() {
        if x.kind == EntityKind::Outlet {
            outlets.entry(x.alias.as_str()).or_default().push(k);
        }
    }
    f.quotes
        .iter()
        .map(|q| {
            let from = order.partition_point(|&k| m[k].start < q.start);
            let mut names: Vec<usize> = order[from..]
                .iter()
                .take_while(|&&k| m[k].start <= q.end)
                .filter(|&&k| names_in_quote(q, &m[k]))
                .copied()
                .collect();
            names.sort_unstable();
            let mut reports: Vec<usize> = outlets
                .iter()
                .filter(|(alias, _)| q.context.contains(*alias))
                .flat_map(|(_, ks)| ks.iter().copied())
                .collect();
            reports.sort_unstable();
            QuoteLinks { names, reports }
        })
        .collect()
}

/// Whether the quote names the mention (the mention lies inside the quote's words).
pub fn names_in_quote(q: &QuoteFact, m: &MentionFact) -> bool {
    m.start >= q.start && m.end <= q.end
}

/// The edge from a person to the organisation or place one of their affiliations names: a
/// `role` edge labelled with the role that names it (`NATO Secretary General` for `NATO`),
/// else `affiliated_with` labelled with the person's first role.
pub fn affiliation_edge(
    roles: &BTreeSet<String>,
    affiliation: &str,
    org_aliases: &BTreeSet<String>,
) -> Edge {
    let role = roles.iter().find(|r| {
        fold_name(r).contains(&fold_name(affiliation))
            || org_aliases
                .iter()
                .any(|x| fold_name(r).contains(&fold_name(x)))
    });
    let (kind, label) = match role {
        Some(r) => (EdgeKind::Role, Some(r.clone())),
        None => (EdgeKind::AffiliatedWith, roles.iter().next().cloned()),
    };
    let mut e = Edge::new(kind, 1);
    e.label = label;
    e
}

/// The earlier of two optional dates (dates compare as text: ISO 8601).
pub fn earliest(a: Option<String>, b: Option<&String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) if b < &a => Some(b.clone()),
        (Some(a), _) => Some(a),
        (None, b) => b.cloned(),
    }
}

pub(super) fn entity_node(e: &Entity) -> Node {
    let mut n = Node::new(e.id.clone(), NodeKind::of(e.kind), e.name.clone());
    n.aliases = e.aliases.iter().cloned().collect();
    n.roles = e.roles.iter().cloned().collect();
    n.affiliations = e.affiliations.iter().cloned().collect();
    n.mentions = e.mentions;
    n.quotes = e.quotes;
    n
}

/// The node of an article (without its facts).
pub fn article_node(f: &ArticleFacts) -> Node {
    let mut node = Node::new(
        format!("article:{}", f.doc_id),
        NodeKind::Article,
        f.title.clone().unwrap_or_else(|| f.doc_id.clone()),
    );
    node.quotes = f.quotes.len();
    node.date = f.date.clone();
    node.source = f.source.clone();
    node.url = f.url.clone();
    node
}

type EdgeMap = BTreeMap<(String, String, EdgeKind), Edge>;

fn add(edges: &mut EdgeMap, s: String, t: String, kind: EdgeKind) {
    edges
        .entry((s, t, kind))
        .or_insert_with(|| Edge::new(kind, 0))
        .count += 1;
}

/// Builds the graph of a corpus.
pub fn build(a: &Analysis) -> QuoteGraph {
    let entity_id = |i: usize| a.canon.entities[i].id.clone();
    let mut nodes: Vec<Node> = a.canon.entities.iter().map(entity_node).collect();
    let mut edges = EdgeMap::new();
    // Quotes, grouped by wording.
    let mut quote_nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut quote_of: BTreeMap<(usize, usize), String> = BTreeMap::new();
    for (d, f) in a.docs.iter().enumerate() {
        let mut node = article_node(f);
        node.facts = Some(f.clone());
        let article = node.id.clone();
        nodes.push(node);
        let links = quote_links(f);
        let mut targets: Vec<Vec<usize>> = vec![Vec::new(); f.quotes.len()];
        for (k, st) in f.stances.iter().enumerate() {
            if let Some(t) = targets.get_mut(st.quote) {
                t.push(k);
            }
        }
        for (qi, q) in f.quotes.iter().enumerate() {
            let Some(wording) = wording_hash(&q.content) else {
                continue;
            };
            let id = quote_node_id(wording);
            quote_of.insert((d, qi), id.clone());
            let speaker = a.canon.speaker_entity[d][qi].map(entity_id);
            let n = quote_nodes.entry(id.clone()).or_insert_with(|| {
                let mut n = Node::new(id.clone(), NodeKind::Quote, q.content.clone());
                n.quote_kind = Some(q.kind);
                n
            });
            n.date = earliest(n.date.take(), f.date.as_ref());
            n.occurrences.push(Occurrence {
                article: article.clone(),
                speaker: speaker.clone(),
                speaker_mention: q.speaker.as_ref().map(|s| s.mention.clone()),
                cue: q.cue.clone(),
                kind: q.kind,
                start: q.start,
                end: q.end,
                char_start: q.char_start,
                char_end: q.char_end,
                context: q.context.clone(),
                date: f.date.clone(),
                source: f.source.clone(),
            });
            add(&mut edges, id.clone(), article.clone(), EdgeKind::AppearsIn);
            let links = (&links[qi], targets[qi].as_slice());
            quote_edges(a, d, &id, speaker.as_ref(), links, &mut edges);
        }
    }
    for n in quote_nodes.values_mut() {
        n.mentions = n.occurrences.len();
    }
    nodes.extend(quote_nodes.into_values());
    stance_edges(a, &quote_of, &mut edges);
    role_edges(a, &mut edges);
    QuoteGraph::from_parts(
        nodes,
        edges.into_iter().map(|((s, t, _), e)| (s, t, e)).collect(),
    )
}

/// The edges of one occurrence of a quote (`id`, in doc `d`): `said` from its speaker, and
/// `mentions` (entities named inside it and its stance targets) and `reported_by` (outlets in
/// its paragraph, the article's source), the speaker left out.
fn quote_edges(
    a: &Analysis,
    d: usize,
    id: &str,
    speaker: Option<&String>,
    (links, targets): (&QuoteLinks, &[usize]),
    edges: &mut EdgeMap,
) {
    let entity_id = |i: usize| a.canon.entities[i].id.clone();
    if let Some(s) = speaker {
        add(edges, s.clone(), id.to_string(), EdgeKind::Said);
    }
    let f = &a.docs[d];
    let mention = |k: &usize| a.canon.mention_entity[d][*k].map(entity_id);
    let mut named: BTreeSet<String> = links.names.iter().filter_map(mention).collect();
    for &k in targets {
        named.extend(a.canon.target_entity[d][k].map(entity_id));
    }
    let mut outlets: BTreeSet<String> = links.reports.iter().filter_map(mention).collect();
    if let Some(e) = f.source.as_deref().and_then(|s| a.canon.find(s)) {
        outlets.insert(e.id.clone());
    }
    if let Some(s) = speaker {
        named.remove(s);
        outlets.remove(s);
    }
    for e in named {
        add(edges, id.to_string(), e, EdgeKind::Mentions);
    }
    for o in outlets {
        add(edges, id.to_string(), o, EdgeKind::ReportedBy);
    }
}

/// Role and affiliation edges: each person to what their affiliations name.
fn role_edges(a: &Analysis, edges: &mut EdgeMap) {
    for p in a
        .canon
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
    {
        for aff in &p.affiliations {
            let Some(org) = a.canon.find(aff) else {
                continue;
            };
            if org.id == p.id {
                continue;
            }
            let e = affiliation_edge(&p.roles, aff, &org.aliases);
            edges.insert((p.id.clone(), org.id.clone(), e.kind), e);
        }
    }
}

fn stance_edges(a: &Analysis, quote_of: &BTreeMap<(usize, usize), String>, edges: &mut EdgeMap) {
    let entity_id = |i: usize| a.canon.entities[i].id.clone();
    for s in &a.stances {
        let mut e = Edge::new(EdgeKind::Stance, s.evidence.len());
        e.polarity = Some(s.polarity);
        e.score = Some(s.score);
        let mut ev: BTreeSet<String> = BTreeSet::new();
        for &(d, q) in &s.evidence {
            if let Some(id) = quote_of.get(&(d, q)) {
                ev.insert(id.clone());
                e.date = earliest(e.date.take(), a.docs[d].date.as_ref());
            }
        }
        e.evidence = ev.into_iter().collect();
        e.count = e.evidence.len().max(1);
        edges.insert(
            (entity_id(s.speaker), entity_id(s.target), EdgeKind::Stance),
            e,
        );
    }
}

/// One graph from several: rebuilt from the union of their articles' facts, so the result is
/// the graph of the whole corpus (an article in several parts counts once). Only graphs that
/// carry their articles' facts (written by quotegraph before 0.2) can be merged this way; the
/// store merges the rest.
pub fn merge(parts: &[QuoteGraph]) -> QuoteGraph {
    let facts: Vec<ArticleFacts> = parts.iter().flat_map(QuoteGraph::facts).collect();
    build(&corpus::from_facts(facts))
}
