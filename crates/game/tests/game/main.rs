//! The game as a headless Bevy app: whole calls driven by key presses and by real clicks, from
//! the title screen to the debrief. One test binary (linking Bevy once); the tests are its
//! modules by concern, and this file holds the helpers they share.

mod calls;
mod certification;
mod files;
mod hub;
mod languages;
mod layout;
mod player;
mod practice;
mod regressions;
mod trainer;

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

/// The key press that types `c`.
fn typed(c: char) -> KeyboardInput {
    KeyboardInput {
        key_code: KeyCode::KeyA,
        logical_key: Key::Character(c.to_string().into()),
        state: ButtonState::Pressed,
        text: Some(c.to_string().into()),
        repeat: false,
        window: Entity::PLACEHOLDER,
    }
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        app.world_mut().write_message(typed(c));
        app.update();
    }
}
