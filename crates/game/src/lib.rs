//! The Bevy game: a `Screen` state, one plugin per screen, and the shared call state. The game
//! only draws the engine's state and forwards the player's input to it. This file is the
//! wiring (the frame's sets, the app's set-up, the window); the screen state is in
//! `screens/state.rs`, the call's in `screens/call/state.rs`, the records in `records.rs`, the
//! language in `language.rs`, the player in `player.rs`, competitions in `competition.rs`.
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
mod competition;
pub mod fields;
pub mod flow;
mod fonts;
mod language;
pub mod nav;
mod options;
pub mod pause;
mod player;
mod records;
pub mod reload;
pub mod screens;
pub mod theme;
pub mod timing;
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub mod web;

pub use competition::{
    ActiveCompetition, CompetitionFiles, FullLibrary, attempts, competition_files,
};
pub use fonts::{MONO_FONT, MonoFont, READING_FONT};
pub use language::Language;
pub use options::{PlayOptions, StartFrom};
pub use player::Profile;
pub use records::{HomePage, RecordsDb, RecordsUnavailable, Unavailable, poisoned};
pub use screens::call::state::{ActiveCall, Seeds, Wait};
pub use screens::state::{LastNotice, Scenarios, Screen, Selected};

use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

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

/// Adds the game to an app that already has Bevy's plugins (windowed, or minimal for tests).
pub fn add_game(app: &mut App, mut library: Library, options: PlayOptions) {
    fonts::install_fonts(app);
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
    // Results of a joined competition go to its hub in the background, whatever screen is up
    // (a desktop's thread; the browser has none).
    #[cfg(not(target_arch = "wasm32"))]
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
    let clock = peercall_core::clock::now()
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

/// How long after start-up the game draws every frame, whatever happens.
pub const OPENING: Duration = Duration::from_secs(3);

/// Draws every frame for the first [`OPENING`] seconds. A window system can map the window after
/// the first frames were drawn (Xvfb does, one start in three); a resting game would then show a
/// black window until the first key press.
fn draw_while_the_window_opens(
    mut began: Local<Option<peercall_core::clock::Instant>>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    if began
        .get_or_insert_with(peercall_core::clock::Instant::now)
        .elapsed()
        < OPENING
    {
        redraw.write(bevy::window::RequestRedraw);
    }
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

/// Opens the game window on `library` and runs until the player quits.
pub fn run_with(library: Library, options: PlayOptions) -> Result<std::process::ExitCode, String> {
    let launched = peercall_core::clock::Instant::now();
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
    app.add_plugins(plugins(Window {
        title: "peercall".into(),
        resolution: {
            let (w, h) = options.window.unwrap_or((1280, 800));
            bevy::window::WindowResolution::new(w, h)
        },
        resizable: true,
        ..default()
    }));
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
            app.insert_resource(RecordsDb::new(store));
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

/// Bevy's plugins for the game in `window` (the desktop's, or the page's canvas), logging
/// warnings and worse.
fn plugins(window: Window) -> impl PluginGroup {
    DefaultPlugins
        .set(WindowPlugin {
            primary_window: Some(window),
            ..default()
        })
        .set(bevy::log::LogPlugin {
            level: bevy::log::Level::WARN,
            ..default()
        })
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
