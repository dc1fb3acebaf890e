//! `peercall play` (and plain `peercall`): opens the game window.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use peercall_core::library::Library;

/// Arguments of `peercall play`.
#[derive(Debug, Args, Default)]
pub struct PlayArgs {
    /// A folder (or file) of scenarios to play instead of the built-in ones.
    #[arg(long)]
    pub dialogues: Option<PathBuf>,
    /// Open this scenario's briefing directly (its id, e.g. `demo-request`).
    #[arg(long)]
    pub scenario: Option<String>,
    /// Seed for the prospect's line variants (the same seed gives the same call).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Scripted mode: walk every screen and say these lines, by their place in the file (1 is a
    /// node's first choice, whatever order it is shown in), e.g. `2,1,3`.
    #[arg(long, value_delimiter = ',')]
    pub autoplay: Option<Vec<usize>>,
    /// With `--autoplay`: save a PNG of every screen in this folder.
    #[arg(long, requires = "autoplay")]
    pub screenshots: Option<PathBuf>,
    /// Start with the high-contrast theme.
    #[arg(long)]
    pub high_contrast: bool,
    /// Text size in percent: 100, 125 or 150.
    #[arg(long, value_parser = ["100", "125", "150"])]
    pub text_size: Option<String>,
    /// Your name in the records and on the leaderboard.
    #[arg(long)]
    pub player: Option<String>,
    /// Your team.
    #[arg(long)]
    pub team: Option<String>,
    /// Records database (default: `PEERCALL_DB`, else the platform's data folder).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Window size in logical pixels, e.g. `1920x1080` (default 1280x800).
    #[arg(long, value_parser = parse_size)]
    pub window: Option<(u32, u32)>,
    /// The language to play in (`de`, `pseudo`, ...; default: the one chosen last in the game,
    /// else the system's, `PEERCALL_LANG` or `LANG`).
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<String>,
    /// Trainer mode for translations: mark every line left in the source language `[en]`.
    #[arg(long)]
    pub mark_untranslated: bool,
}

fn parse_lang(s: &str) -> Result<String, String> {
    peercall_core::i18n::parse_lang(s).map_err(|e| e.to_string())
}

fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| super::say("err-bad-size", &[("size", s.into())]))?;
    let parse = |v: &str| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (320..=8192).contains(n))
            .ok_or_else(|| super::say("err-size-range", &[("size", s.into())]))
    };
    Ok((parse(w)?, parse(h)?))
}

/// Runs the game.
pub fn play(mut args: PlayArgs) -> Result<ExitCode, String> {
    let mut library = match &args.dialogues {
        Some(dir) => Library::from_path(dir)?,
        None => Library::builtin(),
    };
    // In another language the list is sorted by the translated titles: the autoplayed call is
    // the one the game will show first.
    if let Some(lang) = &args.lang {
        library.translate(lang, args.mark_untranslated);
    }
    if let Some(picks) = &args.autoplay {
        // The game presses the numbers the lines are shown at on this seed.
        args.autoplay = Some(check_autoplay(&library, &args, picks)?);
    }
    open_game(library, args)
}

/// Opens the game window with the checked arguments.
#[cfg(feature = "game")]
fn open_game(library: Library, args: PlayArgs) -> Result<ExitCode, String> {
    use peercall_game::PlayOptions;
    peercall_game::run_with(
        library,
        PlayOptions {
            dialogues: args.dialogues,
            scenario: args.scenario,
            seed: args.seed,
            autoplay: args.autoplay,
            screenshots: args.screenshots,
            window: args.window,
            high_contrast: args.high_contrast,
            text_scale: args
                .text_size
                .as_deref()
                .and_then(|s| s.parse::<f32>().ok())
                .map(|p| p / 100.0),
            player: args.player,
            team: args.team,
            db: args.db,
            competition: None,
            lang: args.lang,
            user_lang: super::user_lang(),
            mark_untranslated: args.mark_untranslated,
            from: None,
        },
    )
}

/// Without the `game` feature there is no window to open: say how to play instead.
#[cfg(not(feature = "game"))]
fn open_game(_: Library, _: PlayArgs) -> Result<ExitCode, String> {
    Err(NO_GAME.into())
}

/// What a build without the game says when asked to open it.
#[cfg(not(feature = "game"))]
pub const NO_GAME: &str = "this peercall was built without the game window (cargo feature \
    `game`): play in the terminal with `peercall run dialogues/demo-request.ron`";

/// Plays the scripted choices through the engine first, so a number that is not offered is
/// reported before a window opens.
/// Plays `picks` (places in the file) on the autoplayed scenario and seed; returns the numbers
/// they are shown at, which the game presses.
fn check_autoplay(
    library: &Library,
    args: &PlayArgs,
    picks: &[usize],
) -> Result<Vec<usize>, String> {
    let index = match &args.scenario {
        Some(id) => library
            .find(id)
            .ok_or_else(|| super::say("err-no-scenario-id", &[("id", id.as_str().into())]))?,
        None => library
            .entries
            .iter()
            .position(|e| e.script().is_some())
            .ok_or_else(|| super::say("err-no-playable", &[]))?,
    };
    let script = library.entries[index].script().expect("playable");
    let mut call = peercall_dialogue::Call::start(script, args.seed.unwrap_or(0));
    let mut shown = Vec::with_capacity(picks.len());
    for &p in picks {
        let turn = call
            .choose_index(script, p.wrapping_sub(1))
            .map_err(|e| format!("--autoplay: {e}"))?;
        shown.push(turn.shown as usize);
    }
    if !call.is_over() {
        return Err(format!(
            "--autoplay: the call is not over after {} choices; add more",
            picks.len()
        ));
    }
    Ok(shown)
}
