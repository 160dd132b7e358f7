//! Facts shards read from any bytes: each line refused with a reason or accepted, and the
//! accepted facts build a graph that every command can use.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotegraph::facts::format;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let facts: Vec<_> = text.lines().filter_map(|l| format::from_line(l).ok()).collect();
    if facts.is_empty() {
        return;
    }
    let g = quotegraph::graph::build(&quotegraph::corpus::from_facts(facts));
    quotegraph_fuzz::use_graph(&g);
});
