//! The `peercall` command line: plays, checks and runs RON call scenarios.

use std::process::ExitCode;

use peercall::cli;
use peercall::cli::args::Command;

fn main() -> ExitCode {
    // Safety: called first, before any thread starts; the default action only ends the
    // process when it writes to a pipe whose reader has gone.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Chooses the language everything below speaks in, its `--help` included.
    let args = cli::args::parse();
    let result = match args.command {
        Some(Command::Check(a)) => cli::check::check(&a),
        Some(Command::Run(a)) => cli::run::run(&a),
        Some(Command::Drills(a)) => cli::drills::run(&a),
        Some(Command::Habits(a)) => cli::habits::run(&a),
        Some(Command::Play(a)) => cli::play::play(a),
        Some(Command::Analyze(a)) => cli::analyze::run(&a),
        Some(Command::Graph(a)) => cli::graph::run(&a),
        Some(Command::Test(a)) => cli::test::run(&a),
        Some(Command::New(a)) => cli::new::run(&a),
        Some(Command::Board(a)) => cli::records::board(&a),
        Some(Command::Compete(a)) => cli::compete::run(a),
        Some(Command::Certify(a)) => cli::certify::run(&a),
        Some(Command::Records(a)) => cli::records::run(&a),
        Some(Command::Serve(a)) => cli::hub::serve(a),
        Some(Command::Hub(a)) => cli::hub::run(a),
        Some(Command::Join(a)) => cli::hub::join(&a),
        Some(Command::I18n(a)) => cli::i18n::run(&a),
        Some(Command::Lms(a)) => cli::lms::run(&a),
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
