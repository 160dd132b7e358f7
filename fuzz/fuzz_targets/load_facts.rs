//! Facts shards read from any bytes: each line refused with a reason or accepted, and the
//! accepted facts build a graph that every command can use.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    quotegraph_fuzz::load_facts(data);
});
