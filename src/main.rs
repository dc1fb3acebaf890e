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
    /// Explore every path of a scenario, run random players, and warn about wrong lessons.
    Analyze(cli::analyze::AnalyzeArgs),
    /// Draw a scenario's tree as Graphviz DOT or Mermaid.
    Graph(cli::graph::GraphArgs),
    /// Run the test playthroughs written next to scenarios (`NAME.tests.ron`).
    Test(cli::test::TestArgs),
    /// Start a new scenario file from a commented template that passes `check`.
    New(cli::new::NewArgs),
    /// Play a competition: a call of your own per attempt, limited attempts, a shared leaderboard.
    Compete(cli::compete::CompeteArgs),
    /// The leaderboard, by player or by team.
    Board(cli::records::BoardArgs),
    /// Export players' results, or import (and verify) results from other machines.
    Records(cli::records::RecordsArgs),
    /// Run the team hub: published competitions, results verified by replay, live boards.
    Serve(cli::hub::ServeArgs),
    /// Work with a hub: publish a competition, send your results.
    Hub(cli::hub::HubArgs),
    /// Join a competition on a hub with your team's code.
    Join(cli::hub::JoinArgs),
    /// Scenarios in other languages: templates, checks, the languages present, line ids.
    I18n(cli::i18n::I18nArgs),
}

fn main() -> ExitCode {
    // Safety: called first, before any thread starts; the default action only ends the
    // process when it writes to a pipe whose reader has gone.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args = Cli::parse();
    // Chooses the language everything below speaks in.
    cli::words();
    let result = match args.command {
        Some(Command::Check(a)) => cli::check::check(&a),
        Some(Command::Run(a)) => cli::run::run(&a),
        Some(Command::Play(a)) => cli::play::play(a),
        Some(Command::Analyze(a)) => cli::analyze::run(&a),
        Some(Command::Graph(a)) => cli::graph::run(&a),
        Some(Command::Test(a)) => cli::test::run(&a),
        Some(Command::New(a)) => cli::new::run(&a),
        Some(Command::Board(a)) => cli::records::board(&a),
        Some(Command::Compete(a)) => cli::compete::run(a),
        Some(Command::Records(a)) => cli::records::run(&a),
        Some(Command::Serve(a)) => cli::hub::serve(a),
        Some(Command::Hub(a)) => cli::hub::run(a),
        Some(Command::Join(a)) => cli::hub::join(&a),
        Some(Command::I18n(a)) => cli::i18n::run(&a),
        None => cli::play::play(cli::play::PlayArgs::default()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", cli::words().f("cli-error", &[("why", e.into())]));
            ExitCode::from(1)
        }
    }
}
