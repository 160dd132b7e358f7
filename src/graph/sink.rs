//! A graph as a stream: its nodes, then its edges. Every export format is written by a
//! [`GraphSink`], fed either by a [`QuoteGraph`] held in memory ([`QuoteGraph::stream`]) or by
//! the store one row at a time, so the same writers serve a five-article graph and a corpus too
//! large to hold in memory.

use std::io;

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
