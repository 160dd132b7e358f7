//! Article extraction on any text: spans slice the text, and the graph and facts quotegraph
//! writes from it read back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    quotegraph_fuzz::extract(data);
});
