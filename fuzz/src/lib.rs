//! The fuzz targets' checks live with the tests (`tests/replay/checks.rs`), so that the inputs
//! fuzzing finds are replayed by `cargo test` through the very same code.

#[path = "../../tests/replay/checks.rs"]
mod checks;

pub use checks::*;
