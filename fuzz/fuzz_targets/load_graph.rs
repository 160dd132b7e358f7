//! graph.json read back from any bytes: refused with a reason, or usable by every command.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(g) = quotegraph::graph::from_node_link(text) {
        quotegraph_fuzz::use_graph(&g);
    }
});
