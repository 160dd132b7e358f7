//! Small invented graphs for the export tests, including names and quotes written to break out
//! of DOT strings, XML text and HTML script elements.

use crate::graph::{Edge, EdgeKind, Node, NodeKind, Occurrence, QuoteGraph};
use crate::quotes::QuoteKind;
use crate::stance::Polarity;

/// Names no exporter may let out of its quotes.
pub(crate) const HOSTILE: [&str; 8] = [
    "</script><script>console.error(\"pwned\")</script>",
    "<!--<script>",
    "Ana \"Quote\" Back\\slash \\\"]; digraph x { a -> b }",
    "Line\u{2028}Separator\u{2029}Paragraph",
    "Ctrl\u{0}\u{7}\u{1b}[31m\u{7f}chars",
    "Escapes \\N \\G \\L \\l \\r \\n end\\",
    "&amp; &lt; ]]> <![CDATA[ x ]]>",
    "Zoë 👩\u{200d}⚖️ مرحبا\nnext line",
];

pub(crate) fn node(id: &str, kind: NodeKind, label: &str) -> Node {
    let mut n = Node::new(id.into(), kind, label.into());
    n.mentions = 1;
    n
}

pub(crate) fn edge(kind: EdgeKind, count: usize, polarity: Option<Polarity>) -> Edge {
    let mut e = Edge::new(kind, count);
    e.polarity = polarity;
    e
}

pub(crate) fn stance(count: usize, polarity: Polarity) -> Edge {
    edge(EdgeKind::Stance, count, Some(polarity))
}

/// A quote node said in one article.
pub(crate) fn quote(id: &str, text: &str, article: &str) -> Node {
    let mut q = node(id, NodeKind::Quote, text);
    q.quote_kind = Some(QuoteKind::Direct);
    q.occurrences.push(Occurrence {
        article: article.into(),
        speaker: None,
        speaker_mention: None,
        cue: Some("said".into()),
        kind: QuoteKind::Direct,
        start: 0,
        end: text.len(),
        char_start: None,
        char_end: None,
        context: text.into(),
        date: None,
        source: None,
    });
    q
}

/// An article node with a date.
pub(crate) fn article(id: &str, title: &str, date: Option<&str>) -> Node {
    let mut a = node(id, NodeKind::Article, title);
    a.date = date.map(str::to_string);
    a
}

/// Speakers with hostile names taking stances on a place, with a hostile quote as evidence.
pub(crate) fn hostile() -> QuoteGraph {
    let mut nodes = vec![node("place:estrelle", NodeKind::Place, "Estrelle")];
    let mut edges = Vec::new();
    for (k, name) in HOSTILE.iter().enumerate() {
        let id = format!("person:{k}-{name}");
        nodes.push(node(&id, NodeKind::Person, name));
        let qid = format!("quote:{k}");
        let mut q = quote(
            &qid,
            &format!("{name} — it is {name}"),
            &format!("article:{name}"),
        );
        q.occurrences[0].speaker_mention = Some((*name).into());
        nodes.push(q);
        nodes.push(article(
            &format!("article:{name}"),
            name,
            Some("2031-02-03"),
        ));
        let mut e = stance(
            k + 1,
            if k % 2 == 0 {
                Polarity::Support
            } else {
                Polarity::Oppose
            },
        );
        e.evidence.push(qid.clone());
        edges.push((id.clone(), "place:estrelle".to_string(), e));
        edges.push((id, qid.clone(), edge(EdgeKind::Said, 1, None)));
        edges.push((
            qid.clone(),
            "place:estrelle".into(),
            edge(EdgeKind::Mentions, 1, None),
        ));
        edges.push((
            qid,
            format!("article:{name}"),
            edge(EdgeKind::AppearsIn, 1, None),
        ));
    }
    QuoteGraph::from_parts(nodes, edges)
}

/// `n` invented people around a few hubs: person k takes a stance on hub k % hubs, and every
/// fifth also on the next person; counts vary. A graph larger than a map should show.
pub(crate) fn crowd(n: usize, hubs: usize) -> QuoteGraph {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for h in 0..hubs {
        nodes.push(node(
            &format!("place:hub-{h:03}"),
            NodeKind::Place,
            &format!("Hub {h}"),
        ));
    }
    for k in 0..n {
        let id = format!("person:p-{k:04}");
        nodes.push(node(&id, NodeKind::Person, &format!("Person Number {k}")));
        let polarity = [Polarity::Support, Polarity::Oppose, Polarity::Neutral][k % 3];
        edges.push((
            id.clone(),
            format!("place:hub-{:03}", k % hubs),
            stance(1 + k % 7, polarity),
        ));
        if k % 5 == 0 && k + 1 < n {
            edges.push((
                id,
                format!("person:p-{:04}", k + 1),
                stance(1, Polarity::Neutral),
            ));
        }
    }
    QuoteGraph::from_parts(nodes, edges)
}
