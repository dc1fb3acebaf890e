//! The command line's subcommands, one file each; they share the engine and nothing else.

pub mod check;
pub mod play;
pub mod run;

use std::io::IsTerminal;

/// Whether to colour output written to standard output.
pub fn color_stdout() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}
