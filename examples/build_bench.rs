//! Times `build` over N copies of a JSONL corpus: `cargo run --release --example build_bench -- FILE N`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: build_bench FILE N");
    let n: usize = args.next().map_or(1000, |s| s.parse().expect("N"));
    let base = quotegraph::ingest::read_paths(&[path.into()], &Default::default()).articles;
    let docs: Vec<_> = (0..n)
        .map(|i| {
            let mut a = base[i % base.len()].clone();
            a.id = format!("{}-{i}", a.id);
            a
        })
        .collect();
    let t = std::time::Instant::now();
    let analysis = quotegraph::pipeline::analyze(&docs);
    let t1 = t.elapsed();
    let g = quotegraph::graph::build(&analysis);
    println!(
        "{n} articles: analyze {:?}, graph {:?}, {} nodes",
        t1,
        t.elapsed() - t1,
        g.node_count()
    );
}
