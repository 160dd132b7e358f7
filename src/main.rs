//! The `quotegraph` command: parse arguments, call the library, print.

/// `eprintln!` that never panics: a message for a stderr that is gone (a closed pipe) is
/// dropped, as nobody can read it.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod cli;

// mimalloc: extraction allocates many small strings and vectors per article, on several
// threads; it runs about 15 % faster than with the system allocator (`cargo bench --bench
// extract`). The library leaves the choice to its users.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        // A closed pipe (`quotegraph extract | head`) is not an error.
        Err(err) if cli::exit::is_closed_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            say!("quotegraph: {}", cli::exit::one_line(&format!("{err:#}")));
            cli::exit::code(&err)
        }
    }
}
