//! Hot reload for `peercall play --dialogues DIR`: a watcher thread notices saved scenario files
//! and wakes the game, which reloads them. A call in progress continues as far as its answers
//! still fit the new version; a save with errors shows the error screen while the previous
//! version stays playable.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, SystemTime};

use bevy::prelude::*;
use peercall_dialogue::Call;

use super::nav::ChoiceCooldown;
use super::{ActiveCall, PlayOptions, Scenarios, Screen, Selected};

/// How often the watcher looks at the folder.
const POLL: Duration = Duration::from_millis(400);

/// Signals from the watcher thread: something in the folder changed.
#[derive(Resource)]
pub struct Changes(Mutex<Receiver<()>>);

/// How many reloads happened (the game shows nothing for it; tests read it).
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct Reloads(pub u32);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Reloads>()
        .add_systems(Startup, start_watcher)
        .add_systems(Update, apply.before(super::nav::perform));
}

/// Names, sizes and modification times of the folder's `.ron` files.
fn snapshot(dir: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| {
            let meta = std::fs::metadata(&p).ok();
            let len = meta.as_ref().map_or(0, |m| m.len());
            let modified = meta.and_then(|m| m.modified().ok());
            (p, len, modified)
        })
        .collect();
    v.sort();
    v
}

fn start_watcher(
    mut commands: Commands,
    options: Res<PlayOptions>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) {
    let Some(dir) = options.dialogues.clone() else {
        return;
    };
    let dir = if dir.is_dir() {
        dir
    } else {
        dir.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let (tx, rx) = channel();
    let proxy = proxy.map(|p| (**p).clone());
    std::thread::spawn(move || {
        let mut last = snapshot(&dir);
        loop {
            std::thread::sleep(POLL);
            let now = snapshot(&dir);
            if now != last {
                last = now;
                if tx.send(()).is_err() {
                    return;
                }
                if let Some(p) = &proxy {
                    let _ = p.send_event(bevy::winit::WinitUserEvent::WakeUp);
                }
            }
        }
    });
    commands.insert_resource(Changes(Mutex::new(rx)));
}

fn apply(world: &mut World) {
    let changed = world
        .get_resource::<Changes>()
        .and_then(|c| c.0.lock().ok().map(|rx| rx.try_iter().count() > 0))
        .unwrap_or(false);
    if !changed {
        return;
    }
    let Some(dir) = world.resource::<PlayOptions>().dialogues.clone() else {
        return;
    };
    let old = world.resource::<Scenarios>().0.clone();
    let Ok(fresh) = old.reload(&dir) else {
        return;
    };
    world.resource_mut::<Reloads>().0 += 1;
    // Files whose new save is broken (whether or not an older version still plays).
    let broken_now: Vec<usize> = fresh
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.newer_version_broken.is_some()
                || (e.script().is_none()
                    && !old
                        .entries
                        .iter()
                        .any(|o| o.file == e.file && o.script().is_none()))
        })
        .map(|(i, _)| i)
        .collect();
    // Keep the selection and the call on the same scenario, wherever it now sorts.
    let id_of = |lib: &peercall_core::library::Library, i: usize| {
        lib.entries
            .get(i)
            .and_then(|e| e.script())
            .map(|s| s.id().to_string())
    };
    let selected = world.resource::<Selected>().0;
    if let Some(i) = id_of(&old, selected).and_then(|id| fresh.find(&id)) {
        world.resource_mut::<Selected>().0 = i;
    }
    let screen = *world.resource::<State<Screen>>().get();
    if let Some(active) = world.get_resource::<ActiveCall>().cloned()
        && let Some(id) = id_of(&old, active.index)
        && let Some(index) = fresh.find(&id)
    {
        let script = fresh.entries[index].script().expect("playable");
        let mut call = Call::start(script, active.call.seed());
        for t in active.call.turns() {
            // Continue as far as the earlier answers still exist and are offered.
            let node_still_there = script.node_id(call.state().node)
                == old.entries[active.index]
                    .script()
                    .map(|s| s.node_id(t.node))
                    .unwrap_or_default();
            if call.is_over()
                || !node_still_there
                || call.choose_index(script, t.choice as usize).is_err()
            {
                break;
            }
        }
        world.insert_resource(ActiveCall {
            index,
            call,
            started: active.started,
            wall_start: active.wall_start,
        });
        world.resource_mut::<ChoiceCooldown>().0 = 0.0;
    }
    world.resource_mut::<Scenarios>().0 = fresh;
    match broken_now.first() {
        Some(&i) => {
            world.resource_mut::<Selected>().0 = i;
            world.resource_mut::<NextState<Screen>>().set(Screen::Error);
        }
        // Redraw the current screen from the new version.
        None => world.resource_mut::<NextState<Screen>>().set(screen),
    }
}
