//! A graph as a stream: its nodes, then its edges. Every export format is written by a
//! [`GraphSink`], fed either by a [`QuoteGraph`] held in memory ([`QuoteGraph::stream`]) or by
//! the store one row at a time, so the same writers serve a five-article graph and a corpus too
//! large to hold in memory.

use std::io::{self, Write};

use serde::Serialize;

use super::{Edge, Node, QuoteGraph};

/// Receives a graph: every node, then every edge (by the ids of its ends), then `finish`.
pub trait GraphSink {
    fn node(&mut self, n: &Node) -> io::Result<()>;
    fn edge(&mut self, source: &str, target: &str, e: &Edge) -> io::Result<()>;
    /// After the last edge: close what is open and flush.
    fn finish(&mut self) -> io::Result<()>;
}

/// Several sinks fed at once (every export of `build` from one pass over the store).
pub struct Tee<'a>(pub Vec<&'a mut dyn GraphSink>);

impl GraphSink for Tee<'_> {
    fn node(&mut self, n: &Node) -> io::Result<()> {
        self.0.iter_mut().try_for_each(|s| s.node(n))
    }

    fn edge(&mut self, source: &str, target: &str, e: &Edge) -> io::Result<()> {
        self.0
            .iter_mut()
            .try_for_each(|s| s.edge(source, target, e))
    }

    fn finish(&mut self) -> io::Result<()> {
        self.0.iter_mut().try_for_each(|s| s.finish())
    }
}

impl QuoteGraph {
    /// Feeds the graph to a sink: nodes in id order, then edges in (source, target, kind) order.
    pub fn stream(&self, sink: &mut dyn GraphSink) -> io::Result<()> {
        for (_, n) in self.nodes() {
            sink.node(n)?;
        }
        for (s, t, e) in self.edges() {
            sink.edge(&self.graph[s].id, &self.graph[t].id, e)?;
        }
        sink.finish()
    }
}

/// Writes `v` as one item of a pretty-printed JSON list whose items stand `indent` deep, the way
/// `serde_json::to_string_pretty` prints the whole document: a streamed list reads the same as
/// one printed at once. `first` says whether an item came before (then a comma goes first).
pub fn json_list_item(
    out: &mut impl Write,
    first: &mut bool,
    indent: &str,
    v: &impl Serialize,
) -> io::Result<()> {
    let text = serde_json::to_string_pretty(v).map_err(io::Error::other)?;
    out.write_all(if *first { b"\n" } else { b",\n" })?;
    *first = false;
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(indent.as_bytes())?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}
