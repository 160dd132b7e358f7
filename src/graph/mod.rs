//! The quote graph: speakers, quotes, entities and articles in a petgraph `StableGraph`.
//!
//! Takes an [`Analysis`]; gives a [`QuoteGraph`]. Nodes are the canonical entities (people,
//! organisations, places, equipment, outlets, anonymous sources), quotes and articles, each with
//! a stable id derived from what it is (`person:mark-rutte`, `quote:3f2a…`, `article:doc-7`).
//! Edges: `said` (speaker → quote), `mentions` (quote → entity), `stance` (speaker → entity, with
//! polarity, score and the quotes as evidence), `appears_in` (quote → article), `reported_by`
//! (quote → outlet), `role` and `affiliated_with` (person → organisation or place).
//!
//! **Invariants**
//! - Same facts, same graph: nodes are inserted in id order and edges in (source, target, kind)
//!   order, so exports are byte-identical from run to run.
//! - A quote node is its wording: the same words (ignoring case, punctuation, quotation-mark and
//!   dash variants) in several articles are one quote with an occurrence per article.
//! - Article nodes carry the article's title, date, outlet and address; in memory also its
//!   facts, so that graphs merge by rebuilding from the union of their articles: `merge([build(A),
//!   build(B)]) == build(A ∪ B)`. `graph.json` leaves the facts out (the store and fact shards
//!   carry them; corpora merge there); graphs written with facts still merge.

mod build;
mod json;
mod sink;

use std::collections::HashMap;

use petgraph::stable_graph::{NodeIndex, StableGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::{Deserialize, Serialize};

use crate::facts::ArticleFacts;
use crate::lexicon::EntityKind;
use crate::quotes::QuoteKind;
use crate::stance::Polarity;
use crate::text::{fold_name, last_name_key};

pub use build::{
    affiliation_edge, article_node, build, earliest, merge, names_in_quote, quote_key, quote_links,
    quote_node_id, wording_hash, QuoteLinks,
};
pub use json::{from_node_link, to_node_link, LoadError, NodeLinkWriter};
pub use sink::{json_list_item, GraphSink, Tee};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Person,
    Org,
    Place,
    Equipment,
    Outlet,
    Anonymous,
    Quote,
    Article,
}

impl NodeKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Org => "org",
            NodeKind::Place => "place",
            NodeKind::Equipment => "equipment",
            NodeKind::Outlet => "outlet",
            NodeKind::Anonymous => "anonymous",
            NodeKind::Quote => "quote",
            NodeKind::Article => "article",
        }
    }

    /// An entity, as opposed to a quote or an article.
    pub fn is_entity(&self) -> bool {
        !matches!(self, NodeKind::Quote | NodeKind::Article)
    }

    fn of(kind: EntityKind) -> NodeKind {
        match kind {
            EntityKind::Person => NodeKind::Person,
            EntityKind::Org => NodeKind::Org,
            EntityKind::Place => NodeKind::Place,
            EntityKind::Outlet => NodeKind::Outlet,
            EntityKind::Equipment => NodeKind::Equipment,
            EntityKind::Anonymous | EntityKind::Money | EntityKind::Date => NodeKind::Anonymous,
        }
    }
}

/// Where a quote appears: one per article that carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    /// The article node id.
    pub article: String,
    /// The speaker's node id, when attributed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_mention: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    pub kind: QuoteKind,
    /// Byte offsets of the content in the article text.
    pub start: usize,
    pub end: usize,
    /// The same span in characters (for Python and JavaScript), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_end: Option<usize>,
    pub context: String,
    /// The article's date and outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    /// The entity's name, the quote's words, or the article's title.
    pub label: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<String>,
    /// Entities: mentions in the corpus. Quotes: articles carrying it.
    #[serde(default)]
    pub mentions: usize,
    /// Entities: quotes they said. Articles: quotes they carry.
    #[serde(default)]
    pub quotes: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_kind: Option<QuoteKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occurrences: Vec<Occurrence>,
    /// Articles: the publication date; quotes: the earliest date of an article carrying it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Articles: the outlet and address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Articles: what was extracted from it, kept in memory so that graphs built in memory
    /// merge ([`merge`]). Not written to `graph.json` (the store and fact shards carry facts);
    /// read from graphs written before that, so that they still merge.
    #[serde(default, skip_serializing)]
    pub facts: Option<ArticleFacts>,
}

impl Node {
    pub fn new(id: String, kind: NodeKind, label: String) -> Node {
        Node {
            id,
            kind,
            label,
            aliases: Vec::new(),
            roles: Vec::new(),
            affiliations: Vec::new(),
            mentions: 0,
            quotes: 0,
            quote_kind: None,
            occurrences: Vec::new(),
            date: None,
            source: None,
            url: None,
            facts: None,
        }
    }

    /// Whether `name` is this node's label, id or one of its aliases (folded comparison).
    pub fn is_named(&self, name: &str) -> bool {
        let q = fold_name(name);
        let bare = |s: &str| {
            let f = fold_name(s);
            f.strip_prefix("the ").map(str::to_string).unwrap_or(f)
        };
        self.id == name
            || std::iter::once(&self.label)
                .chain(&self.aliases)
                .any(|a| fold_name(a) == q || bare(a) == bare(name))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    Said,
    Mentions,
    Stance,
    AppearsIn,
    ReportedBy,
    Role,
    AffiliatedWith,
}

impl EdgeKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            EdgeKind::Said => "said",
            EdgeKind::Mentions => "mentions",
            EdgeKind::Stance => "stance",
            EdgeKind::AppearsIn => "appears_in",
            EdgeKind::ReportedBy => "reported_by",
            EdgeKind::Role => "role",
            EdgeKind::AffiliatedWith => "affiliated_with",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub kind: EdgeKind,
    /// How many quotes (or occurrences) the edge stands for.
    #[serde(default)]
    pub count: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity: Option<Polarity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    /// Stance edges: the ids of the quotes that show it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Role edges: the role as written (`Secretary General`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Stance edges: the earliest date of an article holding the evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Edge {
    pub fn new(kind: EdgeKind, count: usize) -> Edge {
        Edge {
            kind,
            count,
            polarity: None,
            score: None,
            evidence: Vec::new(),
            label: None,
            date: None,
        }
    }
}

/// The graph with an index from node id to node.
#[derive(Debug, Clone, Default)]
pub struct QuoteGraph {
    pub graph: StableGraph<Node, Edge>,
    by_id: HashMap<String, NodeIndex>,
}

impl PartialEq for QuoteGraph {
    fn eq(&self, other: &Self) -> bool {
        to_node_link(self) == to_node_link(other)
    }
}

impl QuoteGraph {
    pub fn node(&self, id: &str) -> Option<(NodeIndex, &Node)> {
        let &i = self.by_id.get(id)?;
        Some((i, &self.graph[i]))
    }

    /// Nodes in id order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Node)> {
        self.graph.node_indices().map(move |i| (i, &self.graph[i]))
    }

    /// Edges as (source, target, edge), in insertion order (sorted by source, target, kind).
    pub fn edges(&self) -> impl Iterator<Item = (NodeIndex, NodeIndex, &Edge)> {
        (&self.graph)
            .edge_references()
            .map(|e| (e.source(), e.target(), e.weight()))
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The entity a name denotes: by id, name or alias; then by a last name that only one
    /// person has.
    pub fn find_entity(&self, name: &str) -> Option<(NodeIndex, &Node)> {
        let entities = || self.nodes().filter(|(_, n)| n.kind.is_entity());
        if let Some(hit) = entities().find(|(_, n)| n.is_named(name)) {
            return Some(hit);
        }
        if let Some(hit) = entities().find(|(_, n)| {
            n.kind == NodeKind::Person && crate::canon::same_person_name(&n.label, name)
        }) {
            return Some(hit);
        }
        // A titled form the corpus never wrote ("former President Donald Trump"): without its
        // role words.
        let bare = strip_role_words(name);
        if bare != name && !bare.is_empty() {
            return self.find_entity(&bare);
        }
        // A last name alone, when only one person has it.
        if name.trim().contains(' ') {
            return None;
        }
        let last = last_name_key(name);
        let mut people = entities()
            .filter(|(_, n)| n.kind == NodeKind::Person && last_name_key(&n.label) == last);
        let one = people.next()?;
        people.next().is_none().then_some(one)
    }

    /// The facts of every article in the graph, in doc-id order.
    pub fn facts(&self) -> Vec<ArticleFacts> {
        self.nodes().filter_map(|(_, n)| n.facts.clone()).collect()
    }

    /// Builds a graph from its nodes and edges given by id; edges naming unknown nodes are
    /// dropped. Nodes and edges are sorted first, so the result does not depend on input order.
    pub fn from_parts(mut nodes: Vec<Node>, mut edges: Vec<(String, String, Edge)>) -> QuoteGraph {
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        nodes.dedup_by(|a, b| a.id == b.id);
        edges.sort_by(|a, b| (&a.0, &a.1, a.2.kind).cmp(&(&b.0, &b.1, b.2.kind)));
        let mut g = QuoteGraph::default();
        for n in nodes {
            let id = n.id.clone();
            let i = g.graph.add_node(n);
            g.by_id.insert(id, i);
        }
        for (s, t, e) in edges {
            if let (Some(&a), Some(&b)) = (g.by_id.get(&s), g.by_id.get(&t)) {
                g.graph.add_edge(a, b, e);
            }
        }
        g
    }
}

/// `name` without leading titles, nationality adjectives and organisation names
/// (`former U.S. President Donald Trump` -> `Donald Trump`); at least one word is kept.
pub fn strip_role_words(name: &str) -> String {
    let lex = crate::lexicon::Lexicon::builtin();
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut k = 0;
    while k + 1 < words.len() {
        let w = words[k].to_lowercase();
        let role = lex.is_title_word(&w)
            || lex.demonym(&w).is_some()
            || w == "the"
            || lex.known(&w).is_some_and(|e| e.kind != EntityKind::Person);
        if !role {
            break;
        }
        k += 1;
    }
    words[k..].join(" ")
}
