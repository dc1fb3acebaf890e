//! Writes peercall's man pages (roff) into a folder, from the command line's own definitions:
//! `peercall.1` and one page per command (`peercall-run.1`, ...), as `git` has them.
//! `cargo run --example manpage --no-default-features -- DIR`

use clap::CommandFactory;

fn main() -> std::io::Result<()> {
    let dir = std::env::args_os()
        .nth(1)
        .map_or_else(|| std::path::PathBuf::from("."), Into::into);
    std::fs::create_dir_all(&dir)?;
    clap_mangen::generate_to(peercall::cli::args::Cli::command(), &dir)
}
