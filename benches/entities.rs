//! Entities and canon cost against size: one article of 1x and 8x the text (a name repeated
//! thousands of times must not cost more per byte), and canon over 1x and 8x as many articles.
//! A super-linear regression shows as throughput falling between the 1x and 8x rows.
//!
//! The text is invented news (people, places and outlets that do not exist), built here.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use quotegraph::ingest::Article;
use quotegraph::lexicon::Lexicon;
use quotegraph::{canon, entities, facts, pipeline, segment};

const GIVEN: &[&str] = &[
    "Ana", "Tomas", "Mira", "Jonas", "Lea", "Oskar", "Ida", "Felix",
];
const LAST: &[&str] = &[
    "Varga",
    "Lindqvist",
    "Okoro",
    "Brandt",
    "Castell",
    "Moreau",
    "Halloran",
];
const PLACES: &[&str] = &["Avalonia", "Port Merrow", "Eastvale", "Kestrel Bay"];
const ORGS: &[&str] = &[
    "Merrow Valley Bank",
    "Eastvale Transit Authority",
    "Kestrel Daily",
];

/// The `i`th paragraph of invented news.
fn paragraph(i: usize) -> String {
    let g = GIVEN[i % GIVEN.len()];
    let l = LAST[(i / GIVEN.len()) % LAST.len()];
    let p = PLACES[i % PLACES.len()];
    let o = ORGS[i % ORGS.len()];
    format!(
        "Mayor {g} {l} of {p} met officials of the {o} on Monday. “We will rebuild the \
         harbour,” {l} said, adding that Mrs. {l} would attend. The {o} said in a statement \
         that talks with Gov. {g} {l} went well, according to the Kestrel Daily.\n\n"
    )
}

fn text(bytes: usize) -> String {
    let mut t = String::new();
    let mut i = 0;
    while t.len() < bytes {
        t.push_str(&paragraph(i));
        i += 1;
    }
    t
}

fn bench(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let mut g = c.benchmark_group("entities of one article");
    g.sample_size(10);
    for scale in [1usize, 8] {
        let t = text(200_000 * scale);
        let a = Article::new("one", t.clone(), None);
        let seg = segment::segment(&t, a.body, lex);
        g.throughput(Throughput::Bytes(t.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("index + mentions", format!("{scale}x")),
            &t,
            |b, t| {
                b.iter(|| {
                    let names = entities::index(t, &seg, lex);
                    entities::find_mentions(t, &seg, &names, lex).len()
                })
            },
        );
    }
    g.finish();
    let mut g = c.benchmark_group("canon of a corpus");
    g.sample_size(10);
    for scale in [1usize, 8] {
        let docs: Vec<facts::ArticleFacts> = (0..250 * scale)
            .map(|i| {
                let t: String = (0..4).map(|k| paragraph(i * 7 + k)).collect();
                pipeline::facts_of(&Article::new(format!("d{i}"), t, None))
            })
            .collect();
        g.throughput(Throughput::Elements(docs.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("build", format!("{scale}x")),
            &docs,
            |b, docs| b.iter(|| canon::build(docs).entities.len()),
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
