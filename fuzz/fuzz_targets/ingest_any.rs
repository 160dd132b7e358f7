//! Every other input format on any bytes: the first byte picks the file name (and so the
//! reader); a name without extension is sniffed, compression included.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    quotegraph_fuzz::ingest_any(data);
});
