//! `peercall compete FILE`: checks a competition against the scenarios on hand, lists each
//! player's attempts, and opens the game in competition mode.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use peercall_core::competition::{Competition, today};
use peercall_core::library::Library;

/// Arguments of `peercall compete`.
#[derive(Debug, Args)]
pub struct CompeteArgs {
    /// The competition file (RON).
    pub file: PathBuf,
    /// Print the competition's calls, their base seeds and scenario hashes, your attempts and the
    /// seed of your next call; do not play.
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
    if args.list {
        let store = args.db.open()?;
        // The same player the game would record: given, from the environment, or saved.
        let profile = peercall_core::profile::resolve(
            args.player.as_deref(),
            args.team.as_deref(),
            Some(&store),
        );
        let w = super::words();
        println!(
            "{}{}",
            w.f(
                "cli-compete-head",
                &[
                    (
                        "name",
                        peercall_core::untrusted::terminal(&competition.name)
                            .into_owned()
                            .into()
                    ),
                    ("id", competition.id.clone().into()),
                    ("attempts", competition.attempts.into()),
                ],
            ),
            match competition.open_on(&today()) {
                Ok(()) => String::new(),
                Err(e) => format!(
                    " - {}",
                    w.f("cli-compete-closed", &[("why", e.to_string().into())])
                ),
            }
        );
        for e in &entries {
            let script = library.entries[e.index].script().expect("playable");
            let used = store.attempts(&profile.player, &competition.id, script.id())?;
            let next = if used < competition.attempts {
                format!(
                    ", {} {}",
                    w.t("cli-compete-next"),
                    peercall_core::competition::player_seed(
                        &competition.id,
                        script,
                        e.seed,
                        &profile.player,
                        used
                    )
                )
            } else {
                String::new()
            };
            println!(
                "  {}{next}",
                w.f(
                    "cli-compete-entry",
                    &[
                        ("scenario", format!("{:<20}", script.id()).into()),
                        ("seed", format!("{:<6}", e.seed).into()),
                        ("hash", script.hash()[..12].to_string().into()),
                        (
                            "name",
                            peercall_core::untrusted::terminal(&profile.player)
                                .into_owned()
                                .into()
                        ),
                        ("used", used.into()),
                        ("attempts", competition.attempts.into()),
                    ],
                )
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    competition.open_on(&today())?;
    let (only, resolved) = peercall_core::competition::narrow(&library, &entries);
    open_game(args, competition, only, resolved)
}

/// Opens the game in competition mode on the narrowed library.
#[cfg(feature = "game")]
fn open_game(
    args: CompeteArgs,
    competition: Competition,
    only: Library,
    resolved: Vec<peercall_core::competition::Resolved>,
) -> Result<ExitCode, String> {
    use peercall_game::{ActiveCompetition, PlayOptions};
    peercall_game::run_with(
        only,
        PlayOptions {
            dialogues: args.dialogues,
            player: args.player,
            team: args.team,
            db: args.db.db,
            competition: Some(ActiveCompetition {
                competition,
                entries: resolved,
            }),
            user_lang: super::user_lang(),
            ..Default::default()
        },
    )
}

/// Without the `game` feature, competitions can be listed but not played.
#[cfg(not(feature = "game"))]
fn open_game(
    _: CompeteArgs,
    _: Competition,
    _: Library,
    _: Vec<peercall_core::competition::Resolved>,
) -> Result<ExitCode, String> {
    Err(super::play::NO_GAME.into())
}
