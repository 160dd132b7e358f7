//! Running Graphviz on DOT text, with a time limit.
//!
//! Takes DOT text and a timeout; gives the SVG Graphviz wrote, or why there is none (not
//! installed, failed, took too long). The engine is the one the DOT names in its `layout`
//! attribute. A run past its time is killed; nothing is left running. This is the one place
//! in the library that starts a program.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// What a Graphviz run gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    Drawn(String),
    /// `dot` is not on the PATH (or cannot be started).
    Missing,
    /// It ran and failed; its first line of complaint.
    Failed(String),
    /// It was still running at the time limit and was killed.
    TimedOut,
}

/// Runs `dot -Tsvg` on `dot_text`, killing it after `timeout`.
pub(crate) fn run(dot_text: &str, timeout: Duration) -> Outcome {
    let spawned = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = spawned else {
        return Outcome::Missing;
    };
    let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return Outcome::Failed("no pipes to Graphviz".into());
    };
    let input = dot_text.as_bytes().to_vec();
    // Writing and reading run beside the wait, so that full pipes never block either side.
    let writer = thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let reader = thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let complaints = thread::spawn(move || {
        let mut err = Vec::new();
        let _ = stderr.read_to_end(&mut err);
        err
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() < timeout => thread::sleep(Duration::from_millis(5)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    let err = complaints.join().unwrap_or_default();
    match status {
        None => Outcome::TimedOut,
        Some(s) if s.success() => match String::from_utf8(out) {
            Ok(svg) if svg.contains("<svg") => Outcome::Drawn(svg),
            _ => Outcome::Failed("Graphviz wrote no SVG".into()),
        },
        Some(s) => {
            let text = String::from_utf8_lossy(&err);
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            Outcome::Failed(format!("Graphviz exited with {s}: {first}"))
        }
    }
}
