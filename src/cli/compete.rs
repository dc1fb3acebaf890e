//! `peercall compete FILE`: checks a competition against the scenarios on hand, lists each
//! player's attempts, and opens the game in competition mode.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::competition::{Competition, today};
use crate::game::{self, ActiveCompetition, PlayOptions, Profile};
use crate::library::Library;

/// Arguments of `peercall compete`.
#[derive(Debug, Args)]
pub struct CompeteArgs {
    /// The competition file (RON).
    pub file: PathBuf,
    /// Print the competition's calls, their seeds and scenario hashes, and your attempts; do not play.
    #[arg(long)]
    pub list: bool,
    /// Your name on the leaderboard.
    #[arg(long)]
    pub player: Option<String>,
    /// Your team.
    #[arg(long)]
    pub team: Option<String>,
    /// Scenario folder (default: the built-in scenarios).
    #[arg(long)]
    pub dialogues: Option<PathBuf>,
    #[command(flatten)]
    pub db: super::records::DbArgs,
}

/// Runs `peercall compete`.
pub fn run(args: CompeteArgs) -> Result<ExitCode, String> {
    let competition = Competition::load(&args.file)?;
    let library = match &args.dialogues {
        Some(d) => Library::from_path(d)?,
        None => Library::builtin(),
    };
    let entries = competition.resolve(&library)?;
    let options = PlayOptions {
        dialogues: args.dialogues.clone(),
        player: args.player.clone(),
        team: args.team.clone(),
        db: args.db.db.clone(),
        ..Default::default()
    };
    if args.list {
        let store = args.db.open()?;
        // The same player the game would record: given, from the environment, or saved.
        let profile = Profile::from_options(&options, Some(&store));
        println!(
            "{} ({}): {} attempt{} per call{}",
            crate::shown::terminal(&competition.name),
            competition.id,
            competition.attempts,
            if competition.attempts == 1 { "" } else { "s" },
            match competition.open_on(&today()) {
                Ok(()) => String::new(),
                Err(e) => format!(" - closed: {e}"),
            }
        );
        for e in &entries {
            let script = library.entries[e.index].script().expect("playable");
            let used = store.attempts(&profile.player, &competition.id, script.id())?;
            println!(
                "  {:<20} seed {:<6} hash {}  {}: {used} of {} attempts used",
                script.id(),
                e.seed,
                &script.hash()[..12],
                crate::shown::terminal(&profile.player),
                competition.attempts
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    competition.open_on(&today())?;
    let (only, resolved) = crate::competition::narrow(&library, &entries);
    game::run_with(
        only,
        PlayOptions {
            competition: Some(ActiveCompetition {
                competition,
                entries: resolved,
            }),
            ..options
        },
    )
}
