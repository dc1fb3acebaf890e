//! The `peercall` command line: plays, checks and runs RON call scenarios.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use peercall::cli;

/// peercall: a sales-call simulator that teaches peer contracts and honest self-interest.
#[derive(Debug, Parser)]
#[command(name = "peercall", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Open the game (the default): the built-in scenarios, or a trainer's folder.
    Play(cli::play::PlayArgs),
    /// Check scenario files for errors and warnings (files or folders; default `dialogues/`).
    Check(cli::check::CheckArgs),
    /// Play a call in the terminal, or replay scripted choices with `--choices`.
    Run(cli::run::RunArgs),
}

fn main() -> ExitCode {
    let args = Cli::parse();
    let result = match args.command {
        Some(Command::Check(a)) => cli::check::check(&a),
        Some(Command::Run(a)) => cli::run::run(&a),
        Some(Command::Play(a)) => cli::play::play(a),
        None => cli::play::play(cli::play::PlayArgs::default()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
