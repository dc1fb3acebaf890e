//! The game as a headless Bevy app: whole calls driven by key presses and by real clicks, from
//! the title screen to the debrief. One test binary (linking Bevy once): the regression tests
//! are a module of it.

mod hub;
mod regressions;

use std::time::Duration;

use bevy::input::ButtonState;
use bevy::input::InputPlugin;
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
use bevy::input::mouse::MouseButtonInput;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use bevy::ui::UiGlobalTransform;
use bevy::window::PrimaryWindow;
use peercall_core::library::Library;
use peercall_dialogue::Outcome;
use peercall_game::nav::{Hotkey, Press};
use peercall_game::pause::Pause;
use peercall_game::screens::call::choices::Choice;
use peercall_game::screens::debrief::ShownDebrief;
use peercall_game::{ActiveCall, PlayOptions, Screen, Theme, add_game};

/// The shipped scenarios' folder, at the top of the workspace.
fn dialogues() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dialogues")
}

/// A game with no window and no renderer; every update advances time by 200 ms.
fn headless(library: Library, options: PlayOptions) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            200,
        )));
    add_game(&mut app, library, options);
    app.update();
    app.update();
    app
}

/// A headless game with its records in `db` from the start (as a player's machine has them:
/// the saved profile and language are read, and results go to the hub's queue).
fn headless_with_records(db: &std::path::Path, options: PlayOptions) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            200,
        )))
        .insert_resource(peercall_game::RecordsDb::new(
            peercall_core::records::Store::open(db).unwrap().0,
        ));
    add_game(&mut app, Library::builtin(), options);
    app.update();
    app.update();
    app
}

fn key(app: &mut App, code: KeyCode) {
    for state in [ButtonState::Pressed, ButtonState::Released] {
        app.world_mut().write_message(KeyboardInput {
            key_code: code,
            logical_key: Key::Unidentified(NativeKey::Unidentified),
            state,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        });
        app.update();
    }
    // A state change shows after the next update.
    app.update();
}

fn digit(n: usize) -> KeyCode {
    [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
        KeyCode::Digit5,
        KeyCode::Digit6,
    ][n - 1]
}

/// A built-in scenario's script, by id.
fn builtin_script(id: &str) -> peercall_dialogue::Script {
    Library::builtin()
        .entries
        .iter()
        .find_map(|e| e.script().filter(|s| s.id() == id).cloned())
        .expect("a built-in scenario")
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn call(app: &App) -> &ActiveCall {
    app.world().resource::<ActiveCall>()
}

/// The button whose label starts with `label`.
fn button(app: &mut App, label: &str) -> Entity {
    let found: Vec<Entity> = {
        let world = app.world_mut();
        let mut labels = world.query::<(&Text, &ChildOf)>();
        labels
            .iter(world)
            .filter(|(t, _)| t.0.starts_with(label))
            .map(|(_, parent)| parent.parent())
            .collect()
    };
    let world = app.world();
    found
        .into_iter()
        .find(|e| world.get::<Button>(*e).is_some())
        .unwrap_or_else(|| panic!("no button labelled {label:?}"))
}

/// Presses the button labelled `label` (as Enter on it would).
fn press(app: &mut App, label: &str) {
    let entity = button(app, label);
    app.world_mut().trigger(Press { entity });
    app.update();
    app.update();
}

/// The choice button for `number` at the current turn.
fn choice(app: &mut App, number: usize) -> Entity {
    let world = app.world_mut();
    let mut q = world.query::<(Entity, &Choice)>();
    q.iter(world)
        .find(|(_, c)| c.number == number)
        .map(|(e, _)| e)
        .expect("the choice is offered")
}

fn pause(app: &App) -> Option<Pause> {
    app.world().get_resource::<State<Pause>>().map(|s| *s.get())
}

fn texts(app: &mut App) -> Vec<String> {
    let mut q = app.world_mut().query::<&Text>();
    q.iter(app.world()).map(|t| t.0.clone()).collect()
}

/// The number the line at place `pick` in the file (1 is the node's first choice) is shown at
/// now: the order is drawn from the seed.
fn shown(app: &App, pick: usize) -> usize {
    let a = call(app);
    a.call
        .offered(a.script())
        .iter()
        .find(|o| o.index + 1 == pick)
        .map(|o| o.number)
        .expect("the line is offered")
}

/// Plays `picks` (lines by their place in the file) by number keys from the title screen;
/// returns the app on the debrief.
fn play_by_keys(scenario_number: usize, seed: u64, picks: &[usize]) -> App {
    let mut app = headless(
        Library::builtin(),
        PlayOptions {
            seed: Some(seed),
            ..default()
        },
    );
    assert_eq!(screen(&app), Screen::Title);
    // Arrow down to "Scenarios" and press Enter.
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Pick);
    key(&mut app, digit(scenario_number));
    assert_eq!(screen(&app), Screen::Briefing);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    for (i, &pick) in picks.iter().enumerate() {
        assert_eq!(call(&app).call.turns().len(), i, "turn {i}");
        let number = shown(&app, pick);
        key(&mut app, digit(number));
        app.update();
    }
    assert!(call(&app).call.is_over());
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    app
}

#[test]
fn keyboard_call_on_the_demo_request_ends_qualified_and_debriefs() {
    // Seed 6 draws the third-bid truth, where these lines qualify in.
    let mut app = play_by_keys(1, 6, &[2, 1, 1, 1, 1, 1]);
    let active = call(&app);
    assert_eq!(active.call.scenario_id(), "demo-request");
    assert_eq!(active.call.trust(), 78);
    let d = app.world().resource::<ShownDebrief>().0.clone();
    assert_eq!(d.outcome, Outcome::QualifiedIn);
    assert_eq!(d.turns.len(), 6);
    assert!(d.score >= 90, "{}", d.score);
    let shown = texts(&mut app);
    assert!(shown.iter().any(|t| t.contains(&d.headline)));
    assert!(shown.iter().any(|t| t.starts_with("Signal: peer contract")));
    assert!(shown.iter().any(|t| t == "Replay from turn 6"));
}

#[test]
fn keyboard_advocate_call_on_the_network_expansion_shows_the_better_lines() {
    let mut app = play_by_keys(2, 9, &[1, 1, 1, 1, 1, 1, 1]);
    let d = app.world().resource::<ShownDebrief>().0.clone();
    assert_eq!(d.scenario, "network-expansion");
    assert_eq!(d.outcome, Outcome::Wasted);
    assert_eq!(d.days, 10.0);
    // The first line asked permission; the debrief offers the peer contract instead.
    let better = d.turns[0].better.as_ref().expect("a better line");
    assert!(better.say.contains("big picture"), "{}", better.say);
    let shown = texts(&mut app);
    assert!(shown.iter().any(|t| t.contains(&better.say)));
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with("Person-days committed: 10"))
    );

    // Retry: the same call from the start, same seed.
    let seed = call(&app).call.seed();
    key(&mut app, KeyCode::KeyR);
    assert_eq!(screen(&app), Screen::Call);
    assert_eq!(call(&app).call.turns().len(), 0);
    assert_eq!(call(&app).call.seed(), seed);
}

#[test]
fn the_prospect_hangs_up_when_trust_falls_too_low() {
    let app = play_by_keys(2, 1, &[1, 2, 3, 3]);
    let d = &app.world().resource::<ShownDebrief>().0;
    assert!(d.hung_up);
    assert_eq!(d.outcome, Outcome::Lost);
    assert!(d.trust < 15);
}

#[test]
fn a_double_press_answers_only_once() {
    let mut app = headless(
        Library::builtin(),
        PlayOptions {
            scenario: Some("network-expansion".into()),
            seed: Some(2),
            ..default()
        },
    );
    assert_eq!(screen(&app), Screen::Briefing);
    key(&mut app, KeyCode::Enter);
    // Press 2 in two consecutive frames: the second press lands inside the cooldown.
    for _ in 0..2 {
        app.world_mut().write_message(KeyboardInput {
            key_code: KeyCode::Digit2,
            logical_key: Key::Unidentified(NativeKey::Unidentified),
            state: ButtonState::Pressed,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        });
        app.update();
        app.world_mut().write_message(KeyboardInput {
            key_code: KeyCode::Digit2,
            logical_key: Key::Unidentified(NativeKey::Unidentified),
            state: ButtonState::Released,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        });
    }
    app.update();
    assert_eq!(call(&app).call.turns().len(), 1);
    // A button of the turn before (kept by a test: the screen removed it) does nothing either.
    let current = choice(&mut app, 1);
    let mut c = *app.world().get::<Choice>(current).unwrap();
    c.turn = 0;
    app.world_mut().entity_mut(current).insert(c);
    app.world_mut().trigger(Press { entity: current });
    app.update();
    assert_eq!(call(&app).call.turns().len(), 1);
}

#[test]
fn escape_pauses_the_call_and_choices_wait() {
    let mut app = headless(
        Library::builtin(),
        PlayOptions {
            scenario: Some("demo-request".into()),
            ..default()
        },
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    key(&mut app, KeyCode::Escape);
    assert_eq!(pause(&app), Some(Pause::OnHold));
    assert!(texts(&mut app).iter().any(|t| t == "Call on hold"));
    key(&mut app, KeyCode::Digit2);
    assert_eq!(call(&app).call.turns().len(), 0, "no answer while on hold");
    key(&mut app, KeyCode::Escape);
    assert_eq!(pause(&app), Some(Pause::Running));
    key(&mut app, KeyCode::Digit2);
    assert_eq!(call(&app).call.turns().len(), 1);
}

#[test]
fn replay_from_a_turn_keeps_the_earlier_answers() {
    let mut app = play_by_keys(1, 3, &[1, 1, 1, 1, 1, 1]);
    assert_eq!(
        app.world().resource::<ShownDebrief>().0.outcome,
        Outcome::Wasted
    );
    press(&mut app, "Replay from turn 4");
    assert_eq!(screen(&app), Screen::Call);
    assert_eq!(call(&app).call.turns().len(), 3);
    assert!(!call(&app).call.is_over());
}

#[test]
fn text_size_and_high_contrast_settings_rebuild_the_screen() {
    let mut app = headless(Library::builtin(), PlayOptions::default());
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.world().resource::<Theme>().scale, 1.25);
    assert!(texts(&mut app).iter().any(|t| t == "Text size: 125%"));
    press(&mut app, "High contrast: off");
    assert!(app.world().resource::<Theme>().high_contrast);
    assert!(texts(&mut app).iter().any(|t| t == "High contrast: on"));
}

#[test]
fn a_broken_scenario_shows_its_error_and_the_others_still_play() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(dialogues().join("demo-request.ron")).unwrap();
    std::fs::write(dir.path().join("good.ron"), &good).unwrap();
    std::fs::write(
        dir.path().join("broken.ron"),
        good.replacen("trust: 8,", "trust: eight,", 1),
    )
    .unwrap();
    let library = Library::from_path(dir.path()).unwrap();
    assert_eq!(library.playable(), 1);
    let mut app = headless(library, PlayOptions::default());
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Pick);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.contains("broken.ron: 1 error"))
    );
    key(&mut app, KeyCode::Digit2);
    assert_eq!(screen(&app), Screen::Error);
    let line = good.lines().position(|l| l.contains("trust: 8,")).unwrap() + 1;
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.contains(&format!("broken.ron:{line}:"))),
        "the error screen shows file:line:column"
    );
    key(&mut app, KeyCode::Escape);
    key(&mut app, KeyCode::Digit1);
    assert_eq!(screen(&app), Screen::Briefing);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);

    // A German trainer reads a finding in German, at the same place.
    std::fs::write(
        dir.path().join("broken.ron"),
        good.replacen("trust: 8,", "trsut: 8,", 1),
    )
    .unwrap();
    let library = Library::from_path(dir.path()).unwrap();
    let options = PlayOptions {
        lang: Some("de".into()),
        ..PlayOptions::default()
    };
    let mut app = headless(library, options);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Digit2);
    assert_eq!(screen(&app), Screen::Error);
    let shown = texts(&mut app).join("\n");
    assert!(shown.contains(&format!("broken.ron:{line}:")), "{shown}");
    assert!(
        shown.contains("unbekanntes Feld `trsut` in einer Antwort"),
        "{shown}"
    );
    assert!(!shown.contains("unknown field"), "{shown}");
}

/// A game with Bevy's real UI layout and picking, but no window system and no GPU.
fn with_layout(options: PlayOptions) -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .build()
            .disable::<bevy::winit::WinitPlugin>()
            .disable::<bevy::render::RenderPlugin>()
            .disable::<bevy::render::pipelined_rendering::PipelinedRenderingPlugin>()
            .disable::<bevy::core_pipeline::CorePipelinePlugin>()
            .disable::<bevy::ui_render::UiRenderPlugin>()
            .disable::<bevy::sprite_render::SpriteRenderPlugin>()
            .disable::<bevy::log::LogPlugin>(),
    )
    .add_plugins(bevy::render::camera::CameraPlugin)
    .init_resource::<bevy::render::texture::ManualTextureViews>()
    .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        200,
    )));
    add_game(&mut app, Library::builtin(), options);
    for _ in 0..3 {
        app.update();
    }
    app
}

/// Clicks `entity` with the mouse, at its centre on screen.
fn click(app: &mut App, entity: Entity) {
    let center = {
        let world = app.world();
        let node = world
            .get::<ComputedNode>(entity)
            .expect("a laid-out button");
        assert!(node.size().x > 10.0, "the button has been laid out");
        world.get::<UiGlobalTransform>(entity).unwrap().translation
    };
    let window = {
        let mut q = app
            .world_mut()
            .query_filtered::<Entity, With<PrimaryWindow>>();
        q.single(app.world()).unwrap()
    };
    app.world_mut()
        .get_mut::<Window>(window)
        .unwrap()
        .set_physical_cursor_position(Some(center.as_dvec2()));
    for state in [ButtonState::Pressed, ButtonState::Released] {
        app.world_mut().write_message(MouseButtonInput {
            button: MouseButton::Left,
            state,
            window,
        });
        app.update();
    }
    app.update();
}

#[test]
fn real_clicks_play_a_whole_call() {
    let mut app = with_layout(PlayOptions {
        scenario: Some("network-expansion".into()),
        // Seed 6 draws the acquisition truth, where these lines qualify out.
        seed: Some(6),
        ..default()
    });
    assert_eq!(screen(&app), Screen::Briefing);
    let take = button(&mut app, "Take the call");
    click(&mut app, take);
    assert_eq!(screen(&app), Screen::Call);
    for (turn, number) in [2, 1, 2, 1, 1, 1, 1].into_iter().enumerate() {
        app.update();
        let n = shown(&app, number);
        let c = choice(&mut app, n);
        click(&mut app, c);
        assert_eq!(call(&app).call.turns().len(), turn + 1);
        // Let the cooldown pass.
        app.update();
        app.update();
    }
    assert_eq!(
        call(&app).call.outcome(call(&app).script()),
        Some(Outcome::QualifiedOut)
    );
    let debrief = button(&mut app, "See your debrief");
    click(&mut app, debrief);
    assert_eq!(screen(&app), Screen::Debrief);
    let back = button(&mut app, "Back to scenarios");
    click(&mut app, back);
    assert_eq!(screen(&app), Screen::Pick);
    // The scenario cards are numbered buttons too.
    let mut q = app.world_mut().query::<&Hotkey>();
    assert_eq!(
        q.iter(app.world()).count(),
        Library::builtin().entries.len()
    );
}

/// The labels of the buttons that run (partly) off the right edge of the window, and the
/// window's size: in the laid-out game, in physical pixels. (Below the window is where a list
/// scrolls to, so only the width is checked.)
fn buttons_off_screen(app: &mut App) -> (Vec<String>, Vec2) {
    let window = {
        let mut q = app
            .world_mut()
            .query_filtered::<&Window, With<PrimaryWindow>>();
        let w = q.single(app.world()).unwrap();
        Vec2::new(w.physical_width() as f32, w.physical_height() as f32)
    };
    let world = app.world_mut();
    let mut q =
        world.query_filtered::<(&ComputedNode, &UiGlobalTransform, &Children), With<Button>>();
    let mut labels = Vec::new();
    let mut off = Vec::new();
    for (node, at, children) in q.iter(world) {
        let (half, center) = (node.size() / 2.0, at.translation);
        if node.size().x > 0.0 && center.x + half.x > window.x + 0.5 {
            labels.extend(children.iter());
            off.push(center);
        }
    }
    let names = labels
        .into_iter()
        .filter_map(|e| world.get::<Text>(e).map(|t| t.0.clone()))
        .collect();
    (names, window)
}

/// The pseudo-locale at 150% text (longer words than any real language, at the largest size)
/// keeps every button of a call's screens on screen (the briefing, the call, the call on hold,
/// the debrief, the scenarios, the title, the leaderboard, the competitions, joining a hub): a
/// row of buttons too long for the window goes onto a second line.
#[test]
fn long_words_at_the_largest_text_keep_every_button_on_screen() {
    let mut app = with_layout(PlayOptions {
        scenario: Some("demo-request".into()),
        seed: Some(1),
        lang: Some(peercall_core::i18n::PSEUDO.into()),
        text_scale: Some(1.5),
        ..default()
    });
    assert_eq!(screen(&app), Screen::Briefing);
    let mut seen = Vec::new();
    let mut check = |app: &mut App, what: &str| {
        for _ in 0..3 {
            app.update();
        }
        let (off, window) = buttons_off_screen(app);
        assert!(off.is_empty(), "{what}: off a {window} window: {off:?}");
        seen.push(what.to_string());
    };
    check(&mut app, "briefing");
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    check(&mut app, "call");
    key(&mut app, KeyCode::Escape);
    check(&mut app, "call on hold");
    key(&mut app, KeyCode::Escape);
    for pick in [2, 1, 1, 1, 1, 1] {
        let n = shown(&app, pick);
        key(&mut app, digit(n));
        app.update();
        app.update();
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    check(&mut app, "debrief");
    // The debrief's row of buttons is two lines here: retry first, the leaderboard below it.
    let words = peercall_core::words::words(peercall_core::i18n::PSEUDO);
    let y = |app: &mut App, key: &str| {
        let b = button(app, &words.t(key));
        app.world()
            .get::<UiGlobalTransform>(b)
            .unwrap()
            .translation
            .y
    };
    let (retry, board) = (y(&mut app, "debrief-retry"), y(&mut app, "leaderboard"));
    assert!(
        board > retry + 10.0,
        "retry at {retry}, leaderboard at {board}"
    );
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Pick);
    check(&mut app, "scenarios");
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
    check(&mut app, "title");
    // The title's other screens: the leaderboard, the competitions, joining a hub.
    for (label, what) in [
        (words.t("leaderboard"), "leaderboard"),
        (
            words.f("title-competitions", &[("count", 0.into())]),
            "competitions",
        ),
        (words.t("title-join-hub"), "joining a hub"),
    ] {
        press(&mut app, &label);
        assert_ne!(screen(&app), Screen::Title, "{what}");
        check(&mut app, what);
        key(&mut app, KeyCode::Escape);
        assert_eq!(screen(&app), Screen::Title, "back from {what}");
    }
    assert_eq!(seen.len(), 9);
}

#[test]
fn an_impatient_prospect_loses_trust_while_waiting_and_can_hang_up() {
    let dir = regressions::impatient();
    let mut app = headless(
        Library::from_path(dir.path()).unwrap(),
        PlayOptions {
            scenario: Some("network-expansion".into()),
            ..default()
        },
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    let start = call(&app).call.trust();
    // 200 ms a frame: 2 s of patience, then a point a second.
    for _ in 0..25 {
        app.update();
    }
    let after = call(&app).call.trust();
    assert!(after < start && after >= start - 4, "{start} -> {after}");
    // On hold, nothing drains.
    key(&mut app, KeyCode::Escape);
    for _ in 0..25 {
        app.update();
    }
    assert_eq!(call(&app).call.trust(), after);
    key(&mut app, KeyCode::Escape);
    // Left alone long enough, the prospect hangs up.
    for _ in 0..400 {
        app.update();
    }
    let active = call(&app);
    assert!(active.call.is_over());
    assert!(active.call.finish().unwrap().hung_up);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    assert_eq!(
        app.world().resource::<ShownDebrief>().0.outcome,
        Outcome::Lost
    );
}

#[test]
fn screen_readers_get_the_prospect_line_and_the_choices() {
    let mut app = with_layout(PlayOptions {
        scenario: Some("demo-request".into()),
        seed: Some(1),
        ..default()
    });
    let take = button(&mut app, "Take the call");
    click(&mut app, take);
    app.update();
    let mut q = app
        .world_mut()
        .query_filtered::<&bevy::a11y::AccessibilityNode, With<Button>>();
    let roles: Vec<String> = q
        .iter(app.world())
        .map(|n| format!("{:?}", n.role()))
        .collect();
    assert!(roles.len() >= 4, "{roles:?}");
    assert!(roles.iter().all(|r| r == "Button"), "{roles:?}");
    let mut q = app.world_mut().query_filtered::<
        (&Text, &bevy::a11y::AccessibilityNode),
        With<peercall_game::screens::call::ProspectLine>,
    >();
    let (text, node) = q.single(app.world()).expect("one prospect line to answer");
    assert!(text.0.contains("demo"), "{}", text.0);
    assert_eq!(format!("{:?}", node.role()), "Label");
}

/// Updates until `done` holds or five seconds pass (the watcher thread polls the folder).
fn update_until(app: &mut App, done: impl Fn(&App) -> bool) {
    for _ in 0..100 {
        if done(app) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
        app.update();
    }
    panic!("timed out waiting for the game");
}

#[test]
fn hot_reload_continues_the_call_and_keeps_the_previous_version_when_a_save_breaks() {
    use peercall_game::reload::Reloads;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("network-expansion.ron");
    let original = std::fs::read_to_string(dialogues().join("network-expansion.ron")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let mut app = headless(
        Library::from_path(dir.path()).unwrap(),
        PlayOptions {
            dialogues: Some(dir.path().to_path_buf()),
            scenario: Some("network-expansion".into()),
            seed: Some(1),
            ..default()
        },
    );
    key(&mut app, KeyCode::Enter);
    let n = shown(&app, 2);
    key(&mut app, digit(n));
    assert_eq!(call(&app).call.turns().len(), 1);

    // The trainer rewrites the line the prospect is saying now, and saves.
    let edited = original
        .replace(
            "\"Sure, that's fair. What do you want to know?\"",
            "\"Fine, ten minutes.\"",
        )
        .replace("\"Okay, ten minutes. Go ahead.\"", "\"Fine, ten minutes.\"");
    std::fs::write(&file, &edited).unwrap();
    update_until(&mut app, |a| a.world().resource::<Reloads>().0 >= 1);
    app.update();
    assert_eq!(screen(&app), Screen::Call);
    assert_eq!(call(&app).call.turns().len(), 1, "the call continues");
    assert!(
        texts(&mut app).iter().any(|t| t == "Fine, ten minutes."),
        "the new line is shown"
    );

    // A save with an error: the error screen, and the previous version still plays.
    std::fs::write(&file, edited.replacen("trust: 8,", "trust: 8,,", 1)).unwrap();
    update_until(&mut app, |a| a.world().resource::<Reloads>().0 >= 2);
    app.update();
    assert_eq!(screen(&app), Screen::Error);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.contains("network-expansion.ron:") && t.contains("error[syntax]")),
        "{:?}",
        texts(&mut app)
    );
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Pick);
    key(&mut app, KeyCode::Digit1);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    assert_eq!(call(&app).call.turns().len(), 0);
}

#[test]
fn arrow_keys_scroll_the_focused_scenario_into_view() {
    let mut app = with_layout(PlayOptions::default());
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Pick);
    app.update();
    let scrolled = |app: &mut App| {
        let mut q = app
            .world_mut()
            .query_filtered::<&ScrollPosition, With<peercall_game::nav::Scrollable>>();
        q.single(app.world()).unwrap().y
    };
    assert_eq!(scrolled(&mut app), 0.0);
    // Up from nothing focuses the last button (Back); once more, the last scenario.
    key(&mut app, KeyCode::ArrowUp);
    key(&mut app, KeyCode::ArrowUp);
    app.update();
    assert!(
        scrolled(&mut app) > 0.0,
        "the list scrolled to the last card"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Briefing);
}

#[test]
fn a_finished_call_is_recorded_for_the_player() {
    use peercall_core::records::Store;
    use peercall_game::{Profile, RecordsDb};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let mut app = headless(
        Library::builtin(),
        PlayOptions {
            scenario: Some("network-expansion".into()),
            seed: Some(6),
            ..default()
        },
    );
    app.insert_resource(RecordsDb::new(Store::open(&db).unwrap().0))
        .insert_resource(Profile {
            player: "Dee".into(),
            team: "North".into(),
        });
    key(&mut app, KeyCode::Enter);
    for pick in [2, 1, 2, 1, 1, 1, 1] {
        let n = shown(&app, pick);
        key(&mut app, digit(n));
        app.update();
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    // A theme change draws the debrief anew; the call is still recorded once.
    app.world_mut().resource_mut::<Theme>().toggle_contrast();
    app.world_mut().write_message(peercall_game::flow::Redraw);
    app.update();
    app.update();
    drop(app);
    let (store, _) = Store::open(&db).unwrap();
    let rows = store.results(None).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].player, "Dee");
    assert_eq!(rows[0].team, "North");
    assert_eq!(rows[0].ending, "ballpark-estimate");
    let script = builtin_script("network-expansion");
    rows[0].verify(&script).expect("the recorded call replays");
}

#[test]
fn a_competition_fixes_the_seed_limits_attempts_and_records_under_its_id() {
    use peercall_core::competition::{Competition, Resolved};
    use peercall_core::records::{BoardQuery, Store};
    use peercall_game::{ActiveCompetition, Profile, RecordsDb};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let builtin = Library::builtin();
    let index = builtin.find("network-expansion").unwrap();
    let mut only = Library::default();
    only.entries.push(builtin.entries[index].clone());
    let competition = Competition {
        id: "cup".into(),
        name: "Cup".into(),
        starts: None,
        ends: None,
        attempts: 1,
        scenarios: vec![],
    };
    let mut app = headless(
        only,
        PlayOptions {
            competition: Some(ActiveCompetition {
                competition,
                entries: vec![Resolved {
                    index: 0,
                    scenario: "network-expansion".into(),
                    seed: 14,
                }],
            }),
            ..default()
        },
    );
    app.insert_resource(RecordsDb::new(Store::open(&db).unwrap().0))
        .insert_resource(Profile {
            player: "Eve".into(),
            team: "".into(),
        });
    key(&mut app, KeyCode::Enter); // Play
    assert_eq!(screen(&app), Screen::Briefing);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "Cup: attempt 1 of 1, a call drawn for you alone")
    );
    key(&mut app, KeyCode::Enter);
    // Eve's own call: drawn from the competition, the base seed and her name.
    let script = builtin_script("network-expansion");
    let seed = peercall_core::competition::player_seed("cup", &script, 14, "Eve", 0);
    assert_eq!(call(&app).call.seed(), seed);
    assert_ne!(
        seed,
        peercall_core::competition::player_seed("cup", &script, 14, "Ann", 0),
        "another player gets another call"
    );
    // The peer process, ending in the decision that fits her call's truth.
    let picks: &[usize] = match script
        .scenario()
        .truths
        .at(call(&app).call.truth() as usize)
        .0
    {
        "consolidating" => &[2, 1, 2, 1, 1, 1, 1],
        "funded" => &[2, 1, 3, 2, 2],
        _ => &[2, 1, 3, 2, 3],
    };
    for &pick in picks {
        let n = shown(&app, pick);
        key(&mut app, digit(n));
        app.update();
    }
    assert!(call(&app).call.score(call(&app).script()).unwrap() >= 85);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    assert!(
        !texts(&mut app)
            .iter()
            .any(|t| t.starts_with("Replay from turn")),
        "no practice replays in a competition"
    );
    // The one attempt is used: retry is refused and the briefing says why.
    key(&mut app, KeyCode::KeyR);
    assert_eq!(screen(&app), Screen::Briefing);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "No attempts left: you have used 1 of 1.")
    );
    assert!(!texts(&mut app).iter().any(|t| t == "Take the call (Enter)"));
    drop(app);
    let (store, _) = Store::open(&db).unwrap();
    let rows = store
        .board(&BoardQuery {
            competition: Some("cup".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].name, "Eve");
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        app.world_mut().write_message(KeyboardInput {
            key_code: KeyCode::KeyA,
            logical_key: Key::Character(c.to_string().into()),
            state: ButtonState::Pressed,
            text: Some(c.to_string().into()),
            repeat: false,
            window: Entity::PLACEHOLDER,
        });
        app.update();
    }
}

#[test]
fn first_launch_asks_who_is_playing_then_the_self_diagnostic() {
    use peercall_core::records::Store;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let mut app = headless_with_records(&db, PlayOptions::default());
    assert_eq!(screen(&app), Screen::Profile);
    type_text(&mut app, "Ana Lee");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "East");
    assert!(texts(&mut app).iter().any(|t| t == "East|"));
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Diagnostic);
    key(&mut app, KeyCode::Digit1);
    assert_eq!(screen(&app), Screen::Title);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "Playing as Ana Lee (East)")
    );
    press(&mut app, "Leaderboard");
    assert_eq!(screen(&app), Screen::Board);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("No results yet"))
    );
    drop(app);
    let (store, _) = Store::open(&db).unwrap();
    assert_eq!(store.setting("player").unwrap().as_deref(), Some("Ana Lee"));
    assert_eq!(store.setting("team").unwrap().as_deref(), Some("East"));
    assert_eq!(
        store.setting("diagnostic-before").unwrap().as_deref(),
        Some("1")
    );
}

#[test]
fn a_competition_can_be_opened_and_left_from_the_game() {
    use peercall_game::{ActiveCompetition, Scenarios};
    let dir = tempfile::tempdir().unwrap();
    for f in ["network-expansion.ron", "demo-request.ron"] {
        std::fs::copy(dialogues().join(f), dir.path().join(f)).unwrap();
    }
    std::fs::write(
        dir.path().join("cup.competition.ron"),
        r#"Competition(id: "cup", name: "Cup", scenarios: [(id: "demo-request", seed: 9)])"#,
    )
    .unwrap();
    let mut app = headless(
        Library::from_path(dir.path()).unwrap(),
        PlayOptions {
            dialogues: Some(dir.path().to_path_buf()),
            db: Some(dir.path().join("records.sqlite")),
            ..default()
        },
    );
    assert_eq!(app.world().resource::<Scenarios>().0.entries.len(), 2);
    assert!(texts(&mut app).iter().any(|t| t == "Competitions (1)"));
    press(&mut app, "Competitions (1)");
    assert_eq!(screen(&app), Screen::Competitions);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "1. Cup: 1 call, 1 attempt each")
    );
    key(&mut app, KeyCode::Digit1);
    assert_eq!(screen(&app), Screen::Pick);
    assert_eq!(app.world().resource::<Scenarios>().0.entries.len(), 1);
    key(&mut app, KeyCode::Digit1);
    key(&mut app, KeyCode::Enter);
    // The player's own call, drawn from the base seed 9.
    let player = app
        .world()
        .resource::<peercall_game::Profile>()
        .player
        .clone();
    let script = builtin_script("demo-request");
    assert_eq!(
        call(&app).call.seed(),
        peercall_core::competition::player_seed("cup", &script, 9, &player, 0)
    );
    assert_eq!(call(&app).call.scenario_id(), "demo-request");
    key(&mut app, KeyCode::Escape);
    press(&mut app, "Back to scenarios");
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
    assert!(texts(&mut app).iter().any(|t| t == "Leave Cup"));
    press(&mut app, "Leave Cup");
    assert!(!app.world().contains_resource::<ActiveCompetition>());
    assert_eq!(app.world().resource::<Scenarios>().0.entries.len(), 2);
}

#[test]
fn play_follows_the_onboarding_path() {
    use peercall_core::records::{Record, Store};
    use peercall_game::{Profile, RecordsDb, Scenarios, Selected};
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(&dir.path().join("r.sqlite")).unwrap();
    let library = Library::builtin();
    let first = library.entries[0].script().unwrap().clone();
    let call = peercall_dialogue::Call::replay(&first, 1, &[2, 1, 1, 1, 1, 1]).unwrap();
    let now = std::time::SystemTime::now();
    let record = Record::of(&call, &first, "Fay", "", now, now, None).unwrap();
    store.record(&record, false).unwrap();
    let mut app = headless(library, PlayOptions::default());
    app.insert_resource(RecordsDb::new(store))
        .insert_resource(Profile {
            player: "Fay".into(),
            team: "".into(),
        });
    key(&mut app, KeyCode::Enter); // Play
    assert_eq!(screen(&app), Screen::Briefing);
    let selected = app.world().resource::<Selected>().0.clone();
    let second = app.world().resource::<Scenarios>().0.entries[1]
        .script()
        .unwrap()
        .id()
        .to_string();
    assert_eq!(
        selected.as_deref(),
        Some(second.as_str()),
        "the first call is done; the path moves on"
    );
    assert_ne!(second, first.id());
}

#[test]
fn a_saved_profile_is_shown_from_the_first_screen() {
    use peercall_core::records::Store;
    use peercall_game::RecordsDb;
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(&dir.path().join("r.sqlite")).unwrap();
    store.set_setting("player", "Gus").unwrap();
    store.set_setting("team", "South").unwrap();
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin))
        .insert_resource(RecordsDb::new(store));
    add_game(&mut app, Library::builtin(), PlayOptions::default());
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Title);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "Playing as Gus (South)")
    );
}

#[test]
fn a_leaderboard_that_cannot_be_read_says_so() {
    use peercall_core::records::Store;
    use peercall_game::RecordsDb;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let mut app = headless(Library::builtin(), PlayOptions::default());
    app.insert_resource(RecordsDb::new(Store::open(&db).unwrap().0));
    // Another program damages the database while the game runs.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("DROP TABLE best")
        .unwrap();
    press(&mut app, "Leaderboard");
    assert_eq!(screen(&app), Screen::Board);
    let shown = texts(&mut app);
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with("The leaderboard cannot be shown: cannot use the leaderboard")),
        "{shown:?}"
    );
    assert!(!shown.iter().any(|t| t.starts_with("No results yet")));
}

#[test]
fn the_game_in_german_plays_the_same_call_records_its_language_and_remembers_the_choice() {
    use peercall_core::records::Store;
    use peercall_game::Language;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let game = |options: PlayOptions| headless_with_records(&db, options);
    let mut app = game(PlayOptions {
        lang: Some("de".into()),
        player: Some("Ute".into()),
        scenario: Some("demo-request".into()),
        seed: Some(6),
        ..default()
    });
    assert_eq!(screen(&app), Screen::Briefing);
    let all = texts(&mut app);
    assert!(
        all.iter()
            .any(|t| t == "Kommen Sie zur Demo vor dem Auswahlgremium"),
        "{all:?}"
    );
    assert!(
        all.iter().any(|t| t == "Gespräch annehmen (Enter)"),
        "{all:?}"
    );
    key(&mut app, KeyCode::Enter);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.contains("Wann kann Ihr Team"))
    );
    for pick in [2, 1, 1, 1, 1, 1] {
        let n = shown(&app, pick);
        key(&mut app, digit(n));
        app.update();
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    let all = texts(&mut app);
    assert!(all.iter().any(|t| t == "Ausgang: qualifiziert"), "{all:?}");
    assert!(all.iter().any(|t| t == "Die Lehre"), "{all:?}");
    // The same call as in English: the same score, and it verifies against the source.
    let score = app
        .world()
        .resource::<peercall_game::screens::debrief::ShownDebrief>()
        .0
        .score;
    let script = builtin_script("demo-request");
    let mut english = peercall_dialogue::Call::start(&script, 6);
    for t in call(&app).call.turns() {
        english.choose_index(&script, t.choice as usize).unwrap();
    }
    assert_eq!(english.score(&script), Some(score));
    // Back on the title: the language button goes to the next language, and it is remembered.
    key(&mut app, KeyCode::Escape);
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
    assert!(texts(&mut app).iter().any(|t| t == "Sprache: Deutsch"));
    press(&mut app, "Sprache: Deutsch");
    assert_eq!(
        app.world().resource::<Language>().lang,
        peercall_core::i18n::PSEUDO
    );
    assert!(
        texts(&mut app).iter().any(|t| t == "[Plàý ~~]"),
        "{:?}",
        texts(&mut app)
    );
    drop(app);
    let (store, _) = Store::open(&db).unwrap();
    let rows = store.results(None).unwrap();
    assert_eq!((rows.len(), rows[0].lang.as_str()), (1, "de"));
    rows[0]
        .verify(&script)
        .expect("the German call replays against the source");
    assert_eq!(
        store.setting("lang").unwrap().as_deref(),
        Some(peercall_core::i18n::PSEUDO)
    );
    drop(store);
    // Trainer mode: a call without a German translation shows its lines marked.
    let mut app = game(PlayOptions {
        lang: Some("de".into()),
        mark_untranslated: true,
        player: Some("Ute".into()),
        scenario: Some("free-consulting".into()),
        ..default()
    });
    let all = texts(&mut app);
    assert!(all.iter().any(|t| t.starts_with("[en] ")), "{all:?}");
    assert!(
        all.iter().any(|t| t == "Gespräch annehmen (Enter)"),
        "{all:?}"
    );
}

/// A first start speaks the player's system language; once the player picks one, that choice
/// wins over the system's.
#[test]
fn a_first_start_speaks_the_systems_language_until_the_player_picks_one() {
    use peercall_game::Language;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let german_system = || PlayOptions {
        user_lang: Some("de".into()),
        player: Some("Ute".into()),
        ..default()
    };
    let mut app = headless_with_records(&db, german_system());
    assert_eq!(screen(&app), Screen::Title);
    assert_eq!(app.world().resource::<Language>().lang, "de");
    assert!(
        texts(&mut app).iter().any(|t| t == "Sprache: Deutsch"),
        "{:?}",
        texts(&mut app)
    );
    press(&mut app, "Sprache: Deutsch");
    drop(app);
    let app = headless_with_records(&db, german_system());
    assert_eq!(
        app.world().resource::<Language>().lang,
        peercall_core::i18n::PSEUDO,
        "the player's choice is remembered over the system's language"
    );
    drop(app);
    // Without a system language or a choice, the scenarios' own.
    let app = headless_with_records(&dir.path().join("other.sqlite"), PlayOptions::default());
    assert_eq!(app.world().resource::<Language>().lang, "en");
}

#[test]
fn a_translator_saving_the_po_file_sees_the_line_change_in_the_call() {
    use peercall_game::reload::Reloads;
    let dir = tempfile::tempdir().unwrap();
    for f in ["network-expansion.ron", "network-expansion.de.po"] {
        std::fs::copy(dialogues().join(f), dir.path().join(f)).unwrap();
    }
    let mut library = Library::from_path(dir.path()).unwrap();
    library.translate("de", false);
    let mut app = headless(
        library,
        PlayOptions {
            dialogues: Some(dir.path().to_path_buf()),
            scenario: Some("network-expansion".into()),
            seed: Some(1),
            lang: Some("de".into()),
            ..default()
        },
    );
    key(&mut app, KeyCode::Enter);
    let n = shown(&app, 2);
    key(&mut app, digit(n));
    assert_eq!(call(&app).call.turns().len(), 1);
    // The translator rewrites the prospect's answer (both wordings) and saves.
    let po = dir.path().join("network-expansion.de.po");
    let text = std::fs::read_to_string(&po).unwrap();
    let edited = text
        .replace(
            "\"Klar, das ist fair. Was möchten Sie wissen?\"",
            "\"Gut, zehn Minuten also.\"",
        )
        .replace(
            "\"Gut, zehn Minuten. Legen Sie los.\"",
            "\"Gut, zehn Minuten also.\"",
        );
    assert_ne!(edited, text);
    std::fs::write(&po, edited).unwrap();
    // After the `n`th reload: the call goes on, the prospect's answer in the new words.
    let goes_on_in_the_new_words = |app: &mut App, n: u32| {
        update_until(app, |a| a.world().resource::<Reloads>().0 >= n);
        app.update();
        assert_eq!(screen(app), Screen::Call);
        assert_eq!(call(app).call.turns().len(), 1, "the call goes on");
        assert!(
            texts(app).iter().any(|t| t == "Gut, zehn Minuten also."),
            "still in German after reload {n}: {:?}",
            texts(app)
        );
    };
    goes_on_in_the_new_words(&mut app, 1);
    // A save the translator has not finished (a string left open): the call goes on in the
    // last translation that read, and the scenario list says what is wrong, and where.
    let good = std::fs::read_to_string(&po).unwrap();
    std::fs::write(
        &po,
        format!("{good}\nmsgctxt \"title\"\nmsgid \"Unfinished\n"),
    )
    .unwrap();
    let broken_at = good.lines().count() + 3;
    goes_on_in_the_new_words(&mut app, 2);
    key(&mut app, KeyCode::Escape);
    press(&mut app, "Zurück zu den Gesprächen");
    assert_eq!(screen(&app), Screen::Pick);
    let said = texts(&mut app);
    let note = said
        .iter()
        .find(|t| t.contains("Die zuletzt gespeicherte Übersetzung lässt sich nicht lesen"))
        .unwrap_or_else(|| panic!("{said:?}"));
    assert!(
        note.contains(&format!(": network-expansion.de.po:{broken_at}: ")),
        "{note}"
    );
}

/// Every letter the game can show, in every language it ships (the interface, the engine's
/// findings, the scenarios and their translations, the pseudo-locale), has a glyph in both
/// fonts: no name or German finding is drawn with boxes.
#[test]
fn the_fonts_draw_every_letter_of_every_language() {
    use skrifa::MetadataProvider;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut text = String::new();
    let mut files = vec![
        root.join("assets/i18n/en.ftl"),
        root.join("assets/i18n/de.ftl"),
        root.join("crates/dialogue/i18n/en.ftl"),
        root.join("crates/dialogue/i18n/de.ftl"),
    ];
    for e in std::fs::read_dir(root.join("dialogues")).unwrap() {
        files.push(e.unwrap().path());
    }
    for f in &files {
        text.push_str(&std::fs::read_to_string(f).unwrap());
    }
    text.push_str(&peercall_core::i18n::pseudo("aceinousyACEINOUSY"));
    // Names players type: the letters of Europe's alphabets.
    text.push_str("ÄÖÜäöüßÉÈÊéèêëçñÅåØøÆæŁłŚśŻżČčŠšŽžĞğİıŐőŰű");
    for (name, bytes) in [
        ("reading", peercall_game::READING_FONT),
        ("monospace", peercall_game::MONO_FONT),
    ] {
        let font = skrifa::FontRef::new(bytes).expect("the font parses");
        let map = font.charmap();
        let missing: std::collections::BTreeSet<char> = text
            .chars()
            .filter(|c| !c.is_control() && map.map(*c).is_none())
            .collect();
        assert!(missing.is_empty(), "the {name} font lacks {missing:?}");
    }
}
