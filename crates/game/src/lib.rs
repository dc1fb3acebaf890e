//! The Bevy game: a `Screen` state, one plugin per screen, and the shared call state. The game
//! only draws the engine's state and forwards the player's input to it.
//!
//! Every frame runs in four sets, in order ([`GameSet`]): **input** turns keys and clicks
//! into a [`nav::Press`] on a button, whose observer (put there by the screen that spawned it)
//! acts at once; **apply** advances what moves by itself (the prospect's patience, a hot
//! reload); **rebuild** draws a screen anew when asked; **view** brings what is on screen up to
//! date (the call's transcript, meter and choices, button styles, scrolling).
// Bevy systems take their data as parameters; long parameter lists and query types are the idiom.
#![allow(clippy::too_many_arguments, clippy::type_complexity)]

pub mod autoplay;
pub mod background;
pub mod fields;
pub mod flow;
pub mod nav;
pub mod pause;
pub mod reload;
pub mod screens;
pub mod theme;
pub mod timing;

use std::path::PathBuf;
use std::time::Duration;

use std::sync::Arc;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};
use peercall_dialogue::{Call, Script};

use peercall_core::library::Library;
pub use theme::{Focusable, Theme};

/// The order of a frame's work: input, then apply, then rebuild, then view.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GameSet {
    /// Keys and clicks become presses; the pressed buttons' observers act.
    Input,
    /// What moves by itself: the prospect's patience, a hot reload.
    Apply,
    /// Screens asked to be drawn anew are rebuilt ([`flow::Redraw`]).
    Rebuild,
    /// What is on screen catches up: the call's transcript and meters, button styles.
    View,
}

/// How the game was asked to start.
#[derive(Resource, Debug, Clone, Default)]
pub struct PlayOptions {
    /// A trainer's folder (or file) of scenarios instead of the built-in ones.
    pub dialogues: Option<PathBuf>,
    /// Go straight to this scenario's briefing.
    pub scenario: Option<String>,
    /// Seed for every call (default: a new one per call).
    pub seed: Option<u64>,
    /// Scripted mode: walk every screen, playing these choice numbers.
    pub autoplay: Option<Vec<usize>>,
    /// Scripted mode: save a PNG of every screen here.
    pub screenshots: Option<PathBuf>,
    /// Window size in logical pixels (default 1280x800).
    pub window: Option<(u32, u32)>,
    /// Start with the high-contrast theme.
    pub high_contrast: bool,
    /// Start with this text scale (1.0, 1.25 or 1.5).
    pub text_scale: Option<f32>,
    /// The player's name for the records (default: `PEERCALL_PLAYER`, else the login name).
    pub player: Option<String>,
    /// The player's team.
    pub team: Option<String>,
    /// Records database (default: `PEERCALL_DB`, else the platform's data folder).
    pub db: Option<PathBuf>,
    /// A competition to play (`peercall compete FILE`).
    pub competition: Option<ActiveCompetition>,
    /// The language to play in (default: the one chosen last in the game, else
    /// [`PlayOptions::user_lang`], else the scenarios' own).
    pub lang: Option<String>,
    /// The language the player's system speaks (`PEERCALL_LANG`, else `LANG`), when the
    /// interface has it: where a first start begins, before the player has chosen one.
    pub user_lang: Option<String>,
    /// Trainer mode for translations: every line left in the source language is marked `[en]`.
    pub mark_untranslated: bool,
}

/// The language the calls are shown in, and whether lines left in the source language are
/// marked (trainer mode).
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// `en` (the scenarios' own), `de`, ... or the pseudo-locale's tag.
    pub lang: String,
    /// Mark untranslated lines `[en]`.
    pub mark: bool,
}

impl Language {
    /// The languages on offer: the source, each one the scenarios have a translation for, and
    /// the pseudo-locale.
    pub fn offered(options: &PlayOptions) -> Vec<String> {
        let mut langs = vec![peercall_core::i18n::SOURCE.to_string()];
        langs.extend(peercall_core::i18n::builtin_languages());
        if let Some(d) = &options.dialogues
            && let Ok(more) = peercall_core::i18n::languages(d)
        {
            langs.extend(more);
        }
        langs.push(peercall_core::i18n::PSEUDO.to_string());
        let mut seen = std::collections::HashSet::new();
        langs.retain(|l| seen.insert(l.clone()));
        langs
    }

    /// The interface's words in this language.
    pub fn words(&self) -> &'static peercall_core::words::Words {
        peercall_core::words::words(&self.lang)
    }

    /// A language's name in itself, for the settings button.
    pub fn name(lang: &str) -> String {
        match lang {
            "en" => "English".into(),
            "de" => "Deutsch".into(),
            "es" => "Español".into(),
            "fr" => "Français".into(),
            peercall_core::i18n::PSEUDO => "Pseudo (layout test)".into(),
            other => other.to_string(),
        }
    }

    /// Shows every scenario in the world in this language (the ones on offer, and the whole
    /// library behind a competition).
    pub fn apply(&self, world: &mut World) {
        let (lang, mark) = (self.lang.clone(), self.mark);
        peercall_core::words::set_language(&lang);
        world.resource_mut::<Scenarios>().0.translate(&lang, mark);
        if let Some(mut full) = world.get_resource_mut::<FullLibrary>() {
            full.0.translate(&lang, mark);
        }
    }
}

/// How long the game sleeps when nothing on screen can change by itself: it wakes for input,
/// for a hot reload, and when a screen asks (the call clock's next minute, a patience tick).
pub const REST: Duration = Duration::from_secs(3600);

/// Window settings for a game waiting for the player: no frame until something changes.
pub fn resting() -> WinitSettings {
    WinitSettings {
        focused_mode: UpdateMode::reactive(REST),
        unfocused_mode: UpdateMode::reactive_low_power(REST),
    }
}

/// Who is playing, for the records.
#[derive(Resource, Debug, Clone)]
pub struct Profile {
    /// Display name.
    pub player: String,
    /// Team ("" for none).
    pub team: String,
}

impl Profile {
    /// The profile from the options, the environment, the records' saved profile or the login
    /// name ([`peercall_core::profile::resolve`]).
    pub fn from_options(
        options: &PlayOptions,
        store: Option<&peercall_core::records::Store>,
    ) -> Profile {
        let p = peercall_core::profile::resolve(
            options.player.as_deref(),
            options.team.as_deref(),
            store,
        );
        Profile {
            player: p.player,
            team: p.team,
        }
    }
}

/// A competition being played: calls drawn for each player, limited attempts, results recorded
/// under its id.
#[derive(Resource, Debug, Clone)]
pub struct ActiveCompetition {
    /// The competition file.
    pub competition: peercall_core::competition::Competition,
    /// Each scenario's library index and seed.
    pub entries: Vec<peercall_core::competition::Resolved>,
}

impl ActiveCompetition {
    /// The base seed of scenario `id` (each player's calls are drawn from it), if it is part of
    /// the competition.
    pub fn seed_for(&self, id: &str) -> Option<u64> {
        self.entries
            .iter()
            .find(|e| e.scenario == id)
            .map(|e| e.seed)
    }
}

/// Attempts a player has used and has allowed at competition scenario `id`, when a
/// competition is on and the scenario is part of it.
pub fn attempts(world: &World, id: &str) -> Option<Result<(u32, u32), String>> {
    let comp = world.get_resource::<ActiveCompetition>()?;
    comp.seed_for(id)?;
    let profile = world.resource::<Profile>();
    let used = match world.get_resource::<RecordsDb>() {
        Some(db) => db.with("game-what-attempts", |s| {
            s.attempts(&profile.player, &comp.competition.id, id)
        }),
        None => Ok(0),
    };
    let w = world.resource::<Language>().words();
    Some(
        used.map(|u| (u, comp.competition.attempts))
            .map_err(|e| e.said(w)),
    )
}

/// Competition files the game offers: `*.competition.ron` in the `--dialogues` folder, every
/// `.ron` in a `competitions` folder next to the records, and the competitions joined on team
/// hubs (`hub/<id>/` next to the records, with their scenario files).
#[derive(Resource, Debug, Clone, Default)]
pub struct CompetitionFiles(pub Vec<PathBuf>);

/// The whole library while a competition (opened from the game) narrows it.
#[derive(Resource, Debug, Clone)]
pub struct FullLibrary(pub Library);

/// A message for the player on the next screen (for example, no attempts left).
#[derive(Resource, Debug, Clone, Default)]
pub struct LastNotice(pub Option<String>);

/// The home page of players' xAPI accounts, read once from the LRS configuration.
#[derive(Resource, Debug, Clone)]
pub struct HomePage(pub String);

/// The records database, when it could be opened.
#[derive(Resource)]
pub struct RecordsDb(pub std::sync::Mutex<peercall_core::records::Store>);

/// The error for records a panic left locked (it cannot happen unless there is a bug).
pub fn poisoned() -> peercall_core::Error {
    peercall_core::Error::Records(peercall_core::words::current().t("game-records-poisoned"))
}

/// Why the records database could not be opened (the title screen says so).
#[derive(Resource, Debug, Clone)]
pub struct RecordsUnavailable(pub String);

impl RecordsDb {
    /// Runs `f` on the store. A failure is logged, and returned as what the screen says: see
    /// [`Unavailable::said`] (`what` is the message key naming what could not be read or
    /// written, e.g. `game-what-leaderboard`).
    pub fn with<T>(
        &self,
        what: &'static str,
        f: impl FnOnce(&peercall_core::records::Store) -> peercall_core::Result<T>,
    ) -> Result<T, Unavailable> {
        let result = match self.0.lock() {
            Ok(store) => f(&store),
            Err(_) => Err(poisoned()),
        };
        result.map_err(|e| {
            let failed = Unavailable {
                what,
                why: e.to_string(),
            };
            warn!("{}", failed.said(peercall_core::words::words("en")));
            failed
        })
    }
}

/// What the records could not be used for, and why: said in the language of the screen that
/// shows it (the game's language is the screen's, not the process's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable {
    /// The message key naming what could not be read or written.
    pub what: &'static str,
    /// The records' own words for why.
    pub why: String,
}

impl Unavailable {
    /// The sentence to show, in `w`'s language.
    pub fn said(&self, w: &peercall_core::words::Words) -> String {
        w.f(
            "game-cannot-use",
            &[
                ("what", w.t(self.what).into()),
                ("why", self.why.as_str().into()),
            ],
        )
    }
}

/// The screens of the game.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// Name, promise, play / scenarios / quit.
    #[default]
    Title,
    /// Every scenario, with its difficulty and situation.
    Pick,
    /// Who is calling and what they asked for.
    Briefing,
    /// The call itself.
    Call,
    /// The outcome, the score and the turn-by-turn review.
    Debrief,
    /// The diagnostics of a broken scenario file.
    Error,
    /// Who is playing: name and team.
    Profile,
    /// The self-diagnostic question, before and after the onboarding path.
    Diagnostic,
    /// The leaderboard.
    Board,
    /// Competitions found on this machine.
    Competitions,
    /// Joining a team hub: its address and a join code.
    Join,
}

/// The scenarios on offer.
#[derive(Resource, Debug, Clone)]
pub struct Scenarios(pub Library);

/// The scenario the player picked, by its [`peercall_core::library::Entry::key`] (the
/// scenario's id, or a broken file's name), so that it survives the library being re-sorted
/// or swapped.
#[derive(Resource, Debug, Clone, Default)]
pub struct Selected(pub Option<String>);

impl Selected {
    /// The picked entry, if it is still in `scenarios`.
    pub fn entry<'a>(&self, scenarios: &'a Scenarios) -> Option<&'a peercall_core::library::Entry> {
        scenarios.0.get(self.0.as_deref()?)
    }
}

/// The call being played (or just finished). It holds its own script, so nothing that
/// happens to the library (a reload, a competition narrowing it) can leave it without one.
#[derive(Resource, Debug, Clone)]
pub struct ActiveCall {
    /// The scenario being played.
    pub script: Arc<Script>,
    /// The engine's call.
    pub call: Call,
    /// Seconds since start-up when the call began (for the call clock).
    pub started: f64,
    /// Wall-clock time the call began (for the records).
    pub wall_start: std::time::SystemTime,
    /// The prospect's patience clock for the answer being awaited.
    pub wait: Wait,
}

impl ActiveCall {
    /// A call that starts now.
    pub fn new(script: Arc<Script>, call: Call, now: f64) -> ActiveCall {
        ActiveCall {
            script,
            call,
            started: now,
            wall_start: std::time::SystemTime::now(),
            wait: Wait::default(),
        }
    }

    /// The call's scenario.
    pub fn script(&self) -> &Script {
        &self.script
    }
}

/// How long the prospect has waited for the current answer (scenarios with `patience`). Part
/// of the call, not of its screen: drawing the screen anew changes nothing here.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Wait {
    /// When the wait began (seconds since start-up, moved on by time spent on hold).
    pub since: f64,
    /// Whole seconds past the scenario's patience already charged.
    pub charged: u32,
    /// Turns taken when the wait began (`None`: not started yet).
    pub turn: Option<usize>,
    /// When the call was put on hold, while it is.
    pub held_at: Option<f64>,
}

/// The seed the next call uses, and how the one after it is chosen.
#[derive(Resource, Debug, Clone, Copy)]
pub struct Seeds {
    /// Fixed seed from the command line, if any.
    pub fixed: Option<u64>,
    /// Counter for fresh seeds.
    pub next: u64,
}

impl Seeds {
    /// The seed for a new call.
    pub fn take(&mut self) -> u64 {
        match self.fixed {
            Some(s) => s,
            None => {
                self.next = self
                    .next
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                self.next >> 44
            }
        }
    }
}

/// The typeface for prose and buttons (Open Sans, Apache-2.0, `assets/fonts/`).
pub const READING_FONT: &[u8] = include_bytes!("../../../assets/fonts/OpenSans-Regular.ttf");

/// The monospace typeface, for text that must line up in columns (DejaVu Sans Mono, Bitstream
/// Vera license, `assets/fonts/`): every European alphabet, so names and findings show whole.
pub const MONO_FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansMono.ttf");

/// The monospace font, for figures that must line up in columns (leaderboards).
#[derive(Resource, Debug, Clone, Default)]
pub struct MonoFont(pub Handle<Font>);

/// Makes the reading typeface the default for every text, and keeps the monospace one under
/// [`MonoFont`]. Without a text plugin (headless tests) there is nothing to do.
fn install_fonts(app: &mut App) {
    let Some(mut fonts) = app.world_mut().get_resource_mut::<Assets<Font>>() else {
        app.init_resource::<MonoFont>();
        return;
    };
    let mono = fonts.add(Font::from_bytes(MONO_FONT.to_vec()));
    if let Err(e) = fonts.insert(AssetId::default(), Font::from_bytes(READING_FONT.to_vec())) {
        warn!("the reading font could not be installed ({e}); Bevy's default font is used");
    }
    app.insert_resource(MonoFont(mono));
}

/// Adds the game to an app that already has Bevy's plugins (windowed, or minimal for tests).
pub fn add_game(app: &mut App, mut library: Library, options: PlayOptions) {
    install_fonts(app);
    let language = {
        let saved = app.world().get_resource::<RecordsDb>().and_then(|d| {
            d.0.lock()
                .ok()
                .and_then(|s| s.setting("lang").ok().flatten())
        });
        let lang = options
            .lang
            .clone()
            .or(saved)
            .or_else(|| options.user_lang.clone())
            .and_then(|l| peercall_core::i18n::parse_lang(&l).ok())
            .unwrap_or_else(|| peercall_core::i18n::SOURCE.to_string());
        Language {
            lang,
            mark: options.mark_untranslated,
        }
    };
    peercall_core::words::set_language(&language.lang);
    if language.lang != peercall_core::i18n::SOURCE {
        library.translate(&language.lang, language.mark);
    }
    // Results of a joined competition go to its hub in the background, whatever screen is up.
    if let Some(path) = app
        .world()
        .get_resource::<RecordsDb>()
        .and_then(|d| d.0.lock().ok().map(|s| s.path().to_path_buf()))
    {
        peercall_core::hub_client::spawn_sender(path);
    }
    let profile = {
        let db = app.world().get_resource::<RecordsDb>();
        let store = db.and_then(|d| d.0.lock().ok());
        Profile::from_options(&options, store.as_deref())
    };
    let clock = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1);
    let selected = options
        .scenario
        .clone()
        .filter(|id| library.find(id).is_some());
    app.insert_resource(Seeds {
        fixed: options.seed,
        next: clock,
    })
    .insert_resource(Scenarios(library))
    .insert_resource(Selected(selected))
    .insert_resource({
        let mut theme = Theme::default();
        if options.high_contrast {
            theme.toggle_contrast();
        }
        if let Some(scale) = options.text_scale {
            theme.scale = scale;
        }
        theme
    })
    .insert_resource(profile)
    .insert_resource(language)
    .insert_resource(LastNotice::default())
    .insert_resource(options.clone())
    .init_state::<Screen>()
    // Registered here too so the game runs in headless apps without a window plugin.
    .add_message::<bevy::window::RequestRedraw>()
    .configure_sets(
        Update,
        (
            GameSet::Input,
            GameSet::Apply,
            GameSet::Rebuild,
            GameSet::View,
        )
            .chain(),
    )
    .add_plugins((
        nav::plugin,
        background::plugin,
        fields::plugin,
        flow::plugin,
        pause::plugin,
        screens::plugin,
    ));
    if let Some(c) = &options.competition {
        app.insert_resource(c.clone());
    }
    app.insert_resource(CompetitionFiles(competition_files(&options)));
    if options.autoplay.is_some() {
        app.add_plugins(autoplay::plugin);
    }
    if options.dialogues.is_some() {
        app.add_plugins(reload::plugin);
    }
    app.add_systems(Startup, spawn_camera);
    if options.scenario.is_some() {
        app.add_systems(Startup, |mut next: ResMut<NextState<Screen>>| {
            next.set(Screen::Briefing)
        });
    }
}

/// The competition files on offer (see [`CompetitionFiles`]), joined hubs' competitions last.
pub fn competition_files(options: &PlayOptions) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut scan = |dir: &std::path::Path, all: bool| {
        if let Ok(rd) = std::fs::read_dir(dir) {
            let mut v: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    let n = p.to_string_lossy();
                    n.ends_with(".competition.ron") || (all && n.ends_with(".ron"))
                })
                .collect();
            v.sort();
            files.extend(v);
        }
    };
    if let Some(d) = options.dialogues.as_deref().filter(|d| d.is_dir()) {
        scan(d, false);
    }
    let db = options
        .db
        .clone()
        .unwrap_or_else(peercall_core::records::default_path);
    if let Some(parent) = db.parent() {
        scan(&parent.join("competitions"), true);
    }
    // Competitions downloaded from team hubs, each in its own folder with its scenarios.
    if let Ok(rd) = std::fs::read_dir(peercall_core::hub_client::hub_folder(&db)) {
        let mut dirs: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        dirs.sort();
        for d in dirs {
            scan(&d, false);
        }
    }
    files
}

/// How long after start-up the game draws every frame, whatever happens.
pub const OPENING: Duration = Duration::from_secs(3);

/// Draws every frame for the first [`OPENING`] seconds. A window system can map the window after
/// the first frames were drawn (Xvfb does, one start in three); a resting game would then show a
/// black window until the first key press.
fn draw_while_the_window_opens(
    mut began: Local<Option<std::time::Instant>>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    if began.get_or_insert_with(std::time::Instant::now).elapsed() < OPENING {
        redraw.write(bevy::window::RequestRedraw);
    }
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

/// Opens the game window on `library` and runs until the player quits.
pub fn run_with(library: Library, options: PlayOptions) -> Result<std::process::ExitCode, String> {
    let launched = std::time::Instant::now();
    if let Some(id) = &options.scenario
        && library.find(id).is_none()
    {
        let ids: Vec<&str> = library
            .entries
            .iter()
            .filter_map(|e| e.script().map(|s| s.id()))
            .collect();
        return Err(peercall_core::words::say(
            "game-no-scenario",
            &[("id", id.as_str().into()), ("list", ids.join(", ").into())],
        ));
    }
    if !display_available() {
        return Err(peercall_core::words::say("game-no-display", &[]));
    }
    let scripted = options.autoplay.is_some();
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "peercall".into(),
                    resolution: {
                        let (w, h) = options.window.unwrap_or((1280, 800));
                        bevy::window::WindowResolution::new(w, h)
                    },
                    resizable: true,
                    ..default()
                }),
                ..default()
            })
            .set(bevy::log::LogPlugin {
                level: bevy::log::Level::WARN,
                ..default()
            }),
    );
    app.insert_resource(if scripted {
        WinitSettings::game()
    } else {
        resting()
    });
    app.add_systems(Last, draw_while_the_window_opens);
    let db_path = options
        .db
        .clone()
        .unwrap_or_else(peercall_core::records::default_path);
    match peercall_core::records::Store::open(&db_path) {
        Ok((store, notice)) => {
            if let Some(n) = notice {
                eprintln!(
                    "{}",
                    peercall_core::words::say("err-warning", &[("why", n.into())])
                );
            }
            let lrs = peercall_core::xapi::LrsConfig::load(&db_path).unwrap_or_else(|e| {
                eprintln!(
                    "{}",
                    peercall_core::words::say("err-warning", &[("why", e.to_string().into())])
                );
                None
            });
            app.insert_resource(HomePage(peercall_core::xapi::home_page(lrs.as_ref())));
            if let Some(config) = lrs {
                peercall_core::xapi::spawn_sender(db_path.clone(), config);
            }
            app.insert_resource(RecordsDb(std::sync::Mutex::new(store)));
        }
        Err(e) => {
            eprintln!("warning: {e}; calls will not be recorded this time");
            app.insert_resource(RecordsUnavailable(e.to_string()));
        }
    }
    add_game(&mut app, library, options);
    if std::env::var_os("PEERCALL_TIMING").is_some() {
        app.insert_resource(timing::Launched(launched))
            .add_plugins(timing::plugin);
    }
    match app.run() {
        AppExit::Success => Ok(std::process::ExitCode::SUCCESS),
        AppExit::Error(code) => Ok(std::process::ExitCode::from(code.get())),
    }
}

/// Whether a window can be opened: on the platforms where X11 or Wayland is the way to open one
/// (Linux and the BSDs), one of them must be named; Windows and macOS always have a display.
fn display_available() -> bool {
    if cfg!(all(
        unix,
        not(target_os = "macos"),
        not(target_os = "ios"),
        not(target_os = "android")
    )) {
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some()
    } else {
        true
    }
}
