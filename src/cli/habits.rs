//! `peercall habits`: the habit to fix, from a player's recorded calls: each customer-advocate
//! signal sent while a peer line was on offer, in the last calls against the ones before, and a
//! chart of every call read.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use peercall_core::habits;

/// Arguments of `peercall habits`.
#[derive(Debug, Args)]
pub struct HabitsArgs {
    /// Whose habits (default: the profile saved in the records, `PEERCALL_PLAYER`, or the login
    /// name).
    #[arg(long)]
    pub player: Option<String>,
    /// Print one JSON object (every call read, each habit's counts, the habit to fix).
    #[arg(long)]
    pub json: bool,
    /// A folder of scenarios the calls were played from, instead of the built-in ones.
    #[arg(long)]
    pub dialogues: Option<PathBuf>,
    #[command(flatten)]
    pub db: super::records::DbArgs,
}

/// Runs `peercall habits`.
pub fn run(args: &HabitsArgs) -> Result<ExitCode, String> {
    let w = super::words();
    let (store, profile, library) =
        super::player_records(&args.db, args.player.as_deref(), args.dialogues.as_deref())?;
    let records = store.results(Some(&profile.player))?;
    let p = habits::profile(&profile.player, &records, |id| library.script(id));
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&p).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    let name = peercall_core::untrusted::terminal(&profile.player).into_owned();
    if p.calls.is_empty() {
        println!("{}", w.f("habits-none", &[("player", name.into())]));
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}",
        w.f(
            "habits-heading",
            &[("player", name.into()), ("calls", p.calls.len().into())]
        )
    );
    match p.to_fix_count() {
        Some(c) => println!(
            "\n{}\n  {}",
            w.f("habits-to-fix", &[("signal", w.signal(c.signal).into())]),
            c.sentence(w)
        ),
        None => println!("\n{}", w.t("habits-clean")),
    }
    println!("\n{}", w.t("habits-chart"));
    let width = habits::advocate_signals()
        .map(|s| w.signal(s).chars().count())
        .max()
        .unwrap_or(0);
    for c in &p.counts {
        let label = w.signal(c.signal);
        let pad = " ".repeat(width - label.chars().count());
        let marks: String = p
            .calls
            .iter()
            .map(|call| if call.showed(c.signal) { " #" } else { " ." })
            .collect();
        println!("  {label}{pad} {marks}   {}/{}", c.recent, c.recent_calls);
    }
    Ok(ExitCode::SUCCESS)
}
