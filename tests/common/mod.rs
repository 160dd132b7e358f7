//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::process::Command as Process;

/// The program if it is installed; else `None` with a note, or a failure when
/// `QUOTEGRAPH_REQUIRE_TOOLS` is set (CI installs every tool the tests use).
pub fn tool(path: &str, version_flag: &str) -> Option<PathBuf> {
    let found = [path, &format!("/usr/bin/{path}")]
        .iter()
        .map(PathBuf::from)
        .find(|p| {
            Process::new(p)
                .arg(version_flag)
                .output()
                .is_ok_and(|o| o.status.success())
        });
    if found.is_none() {
        assert!(
            std::env::var_os("QUOTEGRAPH_REQUIRE_TOOLS").is_none(),
            "{path} is required (QUOTEGRAPH_REQUIRE_TOOLS is set) but not installed"
        );
        eprintln!("note: {path} not installed; skipping");
    }
    found
}
