use super::{pure_rust_svg, svg, xml_text, SvgRenderer};
use crate::export::fixtures::{crowd, hostile, HOSTILE};
use crate::export::{view, ViewOptions};
use crate::graph::QuoteGraph;

#[test]
fn text_is_escaped_for_xml() {
    let cases = [
        ("Ilse Brandt", "Ilse Brandt"),
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        (r#"say "it's""#, "say &quot;it&#39;s&quot;"),
        ("nul\0bell\u{7}esc\u{1b}del\u{7f}", "nul bell esc del "),
        ("two\nlines\ttab", "two lines tab"),
        ("\u{fffe}\u{ffff}ok", "  ok"),
        ("Zoë 👩\u{200d}⚖️", "Zoë 👩\u{200d}⚖️"),
    ];
    for (input, want) in cases {
        assert_eq!(xml_text(input), want, "{input:?}");
    }
}

fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}"))
}

#[test]
fn an_empty_graph_is_a_small_picture_that_says_so() {
    let (text, renderer) = svg(&QuoteGraph::default(), false).unwrap();
    assert_eq!(renderer, SvgRenderer::PureRust);
    let doc = parse(&text);
    assert_eq!(doc.root_element().attribute("width"), Some("480"));
    assert!(text.contains("No relationships to show"));
}

#[test]
fn hostile_names_come_out_as_well_formed_text() {
    let g = view(&hostile(), &ViewOptions::default()).unwrap();
    let text = pure_rust_svg(&g);
    let doc = parse(&text);
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    for name in HOSTILE {
        // What XML can carry of the name: control characters and line breaks become spaces.
        let want = xml_text(name)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
            .replace("&quot;", "\"")
            .replace("&#39;", "'");
        assert!(
            titles.iter().any(|t| t.starts_with(&want)),
            "{name:?} not in a title"
        );
    }
    assert!(!text.contains("<script"));
}

#[test]
fn the_picture_shows_each_node_and_edge_once_and_repeats_itself() {
    let g = view(&crowd(400, 8), &ViewOptions::default()).unwrap();
    let text = pure_rust_svg(&g);
    parse(&text);
    assert_eq!(text.matches("<g class=\"node ").count(), g.node_count());
    assert_eq!(text.matches("<g class=\"edge\">").count(), g.edge_count());
    assert_eq!(text, pure_rust_svg(&g));
}
