//! Exports: the graph in the formats people's tools read, and views that filter it.
//!
//! Takes a [`QuoteGraph`](crate::graph::QuoteGraph); gives text (or SVG). [`view`] narrows a graph first: by default the
//! bounded relationship map (the most connected entities, quotes folded into speaker → entity
//! stance edges labelled with quote counts), which is what the pictures (DOT, SVG, index.html)
//! show; or one speaker, one entity's neighbourhood, stance edges only, a date range. Every
//! exporter is a pure function of the graph; only [`svg`] may run a program (Graphviz, with a
//! time limit; otherwise the pure-Rust force layout of [`layout`] draws the map).

mod dates;
mod dot;
mod graphviz;
mod html;
pub mod layout;
mod map;
mod rank;
mod style;
mod svg;
mod tables;
mod view;
mod xml;

#[cfg(test)]
mod fixtures;

pub use dot::{dot, model};
pub use html::{html, html_with, html_with_totals, QUOTES_PER_NODE};
pub use map::{map, Map, MapEdge, MapNode};
pub use svg::{pure_rust_svg, svg, svg_with, SvgOptions, SvgRenderer, GRAPHVIZ_TIMEOUT};
pub use tables::{cytoscape, neo4j_csv, CytoscapeWriter, Neo4jWriter};
pub use view::{view, UnknownName, ViewOptions, DEFAULT_MAX_NODES};
pub use xml::{gexf, graphml, GexfWriter, GraphmlWriter};

pub(crate) use style::{colour, edge_colour, edge_label};
