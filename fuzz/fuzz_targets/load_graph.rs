//! graph.json read back from any bytes: refused with a reason, or usable by every command.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    quotegraph_fuzz::load_graph(data);
});
