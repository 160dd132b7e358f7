//! Every other input format on any bytes: the first byte picks the file name (and so the
//! reader); a name without extension is sniffed, compression included.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 8] = [
    "fuzz", "fuzz.txt", "fuzz.warc", "fuzz.rss", "fuzz.csv", "fuzz.tsv", "fuzz.jsonl.gz",
    "fuzz.txt.zst",
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    quotegraph_fuzz::ingest(rest, NAMES[usize::from(first) % NAMES.len()]);
});
