//! Prints the entity mentions found in one text file: `cargo run --example mentions -- FILE`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: mentions FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let article = quotegraph::ingest::Article::new("doc", text, None);
    let x = quotegraph::extract::extract_with_entities(&article);
    for m in &x.mentions {
        println!(
            "{:<10} {:<40} <- {:?} {}",
            m.kind.as_str(),
            m.canonical,
            m.span.of(&x.text),
            m.affiliations.join(",")
        );
    }
}
