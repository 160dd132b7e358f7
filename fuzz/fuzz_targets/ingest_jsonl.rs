//! JSONL ingest on any bytes: bad lines are errors, good lines articles, nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    quotegraph_fuzz::ingest(data, "fuzz.jsonl");
});
