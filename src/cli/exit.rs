//! Exit codes, chosen from the error a command ends with, and the closed pipe that is no error.
//!
//! | code | when |
//! |---|---|
//! | 0 | success, and a reader that stopped early (`quotegraph extract \| head -1`) |
//! | 1 | the input could not be used: no readable article, a store, graph or facts file missing, unreadable or invalid; an evaluation threshold missed; `path` found no path |
//! | 2 | usage (bad arguments, a name the graph does not hold), output (a file that cannot be written, a full disk, an output folder another run is writing, a store another process is writing) and anything else |

use std::process::ExitCode;

use thiserror::Error;

/// Input that could not be used: exit code 1. The message names the input.
#[derive(Debug, Error)]
#[error("{0}")]
pub struct InputError(pub String);

/// Whether the command failed only because its reader went away (a closed pipe): then it
/// succeeded as far as anyone can tell, and says nothing.
pub fn is_closed_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        let kind = e
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                e.downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// A message for stderr as one line: control characters (a line break or a terminal escape
/// from a file name, a header or an id) are written as escapes.
pub fn one_line(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for c in message.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push(' '),
            c if c.is_control() => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    out
}

/// The documented code for a failed command (see the table above).
pub fn code(err: &anyhow::Error) -> ExitCode {
    let input = err.chain().any(|e| {
        e.is::<InputError>()
            || e.is::<quotegraph::graph::LoadError>()
            || e.is::<quotegraph::facts::format::FormatError>()
            || e.downcast_ref::<quotegraph::store::StoreError>()
                .is_some_and(|s| {
                    use quotegraph::store::StoreError::*;
                    matches!(
                        s,
                        Missing { .. } | NotAStore { .. } | Version { .. } | Corrupt { .. }
                    )
                })
    });
    ExitCode::from(if input { 1 } else { 2 })
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages_print_as_one_line_without_control_characters() {
        let cases: &[(&str, &str)] = &[
            ("a.csv: no column", "a.csv: no column"),
            ("two\nlines\r", "two\\nlines\\r"),
            ("esc \u{1b}[2J nul \0", "esc \\u{1b}[2J nul \\u{0}"),
            ("tab\there", "tab here"),
        ];
        for (message, want) in cases {
            assert_eq!(super::one_line(message), *want);
        }
    }
}
