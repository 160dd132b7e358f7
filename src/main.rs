//! The `quotegraph` command: parse arguments, call the library, print.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        // A closed pipe (`quotegraph extract | head`) is not an error.
        Err(err) if cli::exit::is_closed_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("quotegraph: {}", cli::exit::one_line(&format!("{err:#}")));
            cli::exit::code(&err)
        }
    }
}
