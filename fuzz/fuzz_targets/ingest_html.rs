//! HTML page ingest on any bytes (any encoding, any markup).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    quotegraph_fuzz::ingest(data, "fuzz.html");
});
