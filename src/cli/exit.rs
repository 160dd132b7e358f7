//! Exit codes, chosen from the error a command ends with, and the closed pipe that is no error.
//!
//! | code | when |
//! |---|---|
//! | 0 | success, and a reader that stopped early (`quotegraph extract \| head -1`) |
//! | 1 | the input could not be used: no readable article, a graph or facts file missing, unreadable or invalid; an evaluation threshold missed; `path` found no path |
//! | 2 | usage (bad arguments, a name the graph does not hold), output (a file that cannot be written, a full disk, an output folder another run is writing) and anything else |

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

/// The documented code for a failed command (see the table above).
pub fn code(err: &anyhow::Error) -> ExitCode {
    let input = err.chain().any(|e| {
        e.is::<InputError>()
            || e.is::<quotegraph::graph::LoadError>()
            || e.is::<quotegraph::facts::format::FormatError>()
    });
    ExitCode::from(if input { 1 } else { 2 })
}
