//! Article extraction on any text: spans slice the text, and the graph and facts quotegraph
//! writes from it read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotegraph::facts::format;
use quotegraph::ingest::Article;
use quotegraph::{graph, pipeline};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let article = Article::new("fuzz", text, None);
    quotegraph_fuzz::article_ok(&article);
    let x = quotegraph::extract::extract_with_entities(&article);
    for r in x.records() {
        let (a, b) = (r.content_start, r.content_end);
        assert!(a <= b && b <= x.text.len() && x.text.is_char_boundary(a) && x.text.is_char_boundary(b));
    }
    for m in &x.mentions {
        assert!(m.span.end <= x.text.len() && x.text.is_char_boundary(m.span.start));
    }
    let facts = pipeline::facts_of(&article);
    let line = format::to_line(&facts);
    if let Err(e) = format::from_line(&line) {
        panic!("facts we wrote do not read back: {e}");
    }
    let g = graph::build(&pipeline::analyze(std::slice::from_ref(&article)));
    quotegraph_fuzz::use_graph(&g);
});
