//! Scripted mode (`peercall play --autoplay 2,1,3 --screenshots DIR`): walks the real window
//! through every screen with key presses, plays the given choices, and saves a PNG of each screen.

use std::path::PathBuf;

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::window::PrimaryWindow;

use super::screens::debrief::ShownDebrief;
use super::{PlayOptions, Scenarios, Screen, Selected};

/// One step of the script.
#[derive(Debug, Clone)]
enum Step {
    /// Wait until this screen is showing.
    Screen(Screen),
    /// Press and release a key.
    Key(KeyCode),
    /// Let this many frames pass.
    Frames(u32),
    /// Save a screenshot named `NAME.png`.
    Shot(String),
    /// Print the result and quit.
    Exit,
}

/// The script and where it is.
#[derive(Resource, Debug)]
pub struct Autoplay {
    steps: Vec<Step>,
    at: usize,
    waited: u32,
    pending: Option<PathBuf>,
    release: Option<KeyCode>,
    dir: Option<PathBuf>,
    saved: Vec<PathBuf>,
}

/// Frames a step may wait before the script gives up.
const PATIENCE_FRAMES: u32 = 900;
/// Frames to let a new screen lay out and draw before its picture is taken.
const SETTLE_FRAMES: u32 = 12;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, build_script)
        .add_systems(Update, drive.in_set(super::GameSet::Input));
}

fn digit(n: usize) -> KeyCode {
    super::nav::DIGITS[n.clamp(1, 9) - 1].0
}

fn build_script(
    mut commands: Commands,
    options: Res<PlayOptions>,
    scenarios: Res<Scenarios>,
    selected: Res<Selected>,
) {
    let choices = options.autoplay.clone().unwrap_or_default();
    let shot = |name: &str| vec![Step::Frames(SETTLE_FRAMES), Step::Shot(name.into())];
    let mut steps = Vec::new();
    if options.scenario.is_none() {
        steps.push(Step::Screen(Screen::Title));
        steps.extend(shot("01-title"));
        steps.extend([Step::Key(KeyCode::ArrowDown), Step::Key(KeyCode::ArrowDown)]);
        steps.push(Step::Key(KeyCode::Enter));
        steps.push(Step::Screen(Screen::Pick));
        steps.extend(shot("02-pick"));
        let at = selected
            .0
            .as_deref()
            .and_then(|k| scenarios.0.position(k))
            .unwrap_or(0);
        steps.push(Step::Key(digit(at + 1)));
    }
    steps.push(Step::Screen(Screen::Briefing));
    steps.extend(shot("03-briefing"));
    steps.push(Step::Key(KeyCode::Enter));
    steps.push(Step::Screen(Screen::Call));
    steps.extend(shot("04-call"));
    steps.push(Step::Key(KeyCode::Escape));
    steps.extend(shot("05-pause"));
    steps.push(Step::Key(KeyCode::Escape));
    let last = choices.len();
    for (i, c) in choices.iter().enumerate() {
        steps.push(Step::Frames(6));
        steps.push(Step::Key(digit(*c)));
        // Let the meter ease and the change float for a moment.
        steps.push(Step::Frames(8));
        if i == 0 {
            steps.push(Step::Shot("06-call-first-answer".into()));
        }
        if i + 1 == last {
            steps.extend(shot("07-call-ended"));
        }
        steps.push(Step::Frames(12));
    }
    steps.push(Step::Key(KeyCode::Enter));
    steps.push(Step::Screen(Screen::Debrief));
    steps.extend(shot("08-debrief"));
    if let Some(broken) = scenarios
        .0
        .entries
        .iter()
        .position(|e| e.script().is_none())
    {
        steps.push(Step::Key(KeyCode::Escape));
        steps.push(Step::Screen(Screen::Pick));
        steps.push(Step::Key(digit(broken + 1)));
        steps.push(Step::Screen(Screen::Error));
        steps.extend(shot("09-error"));
    }
    steps.push(Step::Exit);
    if let Some(dir) = &options.screenshots
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        eprintln!("error: cannot create {}: {e}", dir.display());
    }
    commands.insert_resource(Autoplay {
        steps,
        at: 0,
        waited: 0,
        pending: None,
        release: None,
        dir: options.screenshots.clone(),
        saved: Vec::new(),
    });
}

fn drive(
    mut commands: Commands,
    mut script: ResMut<Autoplay>,
    screen: Res<State<Screen>>,
    window: Query<Entity, With<PrimaryWindow>>,
    mut keys: MessageWriter<KeyboardInput>,
    mut exit: MessageWriter<AppExit>,
    debrief: Option<Res<ShownDebrief>>,
) {
    let window = window.single().unwrap_or(Entity::PLACEHOLDER);
    if let Some(key) = script.release.take() {
        keys.write(key_message(key, ButtonState::Released, window));
        return;
    }
    if let Some(path) = script.pending.clone() {
        // Wait until the screenshot is on disk.
        if std::fs::metadata(&path).is_ok_and(|m| m.len() > 0) {
            script.saved.push(path);
            script.pending = None;
            script.at += 1;
            script.waited = 0;
        } else {
            script.waited += 1;
            if script.waited > PATIENCE_FRAMES {
                eprintln!("error: screenshot {} was never written", path.display());
                exit.write(AppExit::from_code(1));
            }
        }
        return;
    }
    let Some(step) = script.steps.get(script.at).cloned() else {
        return;
    };
    match step {
        Step::Screen(s) => {
            if *screen.get() == s {
                script.at += 1;
                script.waited = 0;
            } else {
                script.waited += 1;
                if script.waited > PATIENCE_FRAMES {
                    eprintln!(
                        "error: autoplay expected the {s:?} screen but the game is on {:?} \
                         (is every choice number offered?)",
                        screen.get()
                    );
                    exit.write(AppExit::from_code(1));
                }
            }
        }
        Step::Key(key) => {
            keys.write(key_message(key, ButtonState::Pressed, window));
            script.release = Some(key);
            script.at += 1;
        }
        Step::Frames(n) => {
            script.waited += 1;
            if script.waited >= n {
                script.at += 1;
                script.waited = 0;
            }
        }
        Step::Shot(name) => match &script.dir {
            Some(dir) => {
                let path = dir.join(format!("{name}.png"));
                let _ = std::fs::remove_file(&path);
                commands
                    .spawn(Screenshot::primary_window())
                    .observe(save_to_disk(path.clone()));
                script.pending = Some(path);
                script.waited = 0;
            }
            None => script.at += 1,
        },
        Step::Exit => {
            if let Some(d) = debrief {
                let d = &d.0;
                println!(
                    "autoplay: {} ended {} ({}), score {}, trust {}, {} {}; {} screenshots",
                    d.scenario,
                    d.ending,
                    d.outcome.label(),
                    d.score,
                    d.trust,
                    peercall_dialogue::score::format_days(d.days),
                    if d.days == 1.0 {
                        "person-day"
                    } else {
                        "person-days"
                    },
                    script.saved.len()
                );
            }
            exit.write(AppExit::Success);
            script.at += 1;
        }
    }
}

fn key_message(key: KeyCode, state: ButtonState, window: Entity) -> KeyboardInput {
    KeyboardInput {
        key_code: key,
        logical_key: Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
        state,
        text: None,
        repeat: false,
        window,
    }
}
