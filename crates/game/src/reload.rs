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

use super::{ActiveCall, GameSet, PlayOptions, Scenarios, Screen, Selected};

/// How often the watcher looks at the folder.
const POLL: Duration = Duration::from_millis(400);

/// Signals from the watcher thread: something in the folder changed.
#[derive(Resource)]
pub struct Changes(Mutex<Receiver<()>>);

/// How many reloads happened (the game shows nothing for it; tests read it).
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct Reloads(pub u32);

/// The screen a broken save interrupted: the error screen goes back to it (a call in progress
/// goes on) when the save is fixed, or on Esc while the previous version still plays.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interrupted(pub Screen);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Reloads>()
        .add_systems(Startup, start_watcher)
        .add_systems(OnEnter(Screen::Pick), forget_interrupted)
        .add_systems(OnEnter(Screen::Title), forget_interrupted)
        .add_systems(Update, apply.in_set(GameSet::Apply));
}

/// Leaving for the list or the title leaves the interrupted screen behind.
fn forget_interrupted(mut commands: Commands) {
    commands.remove_resource::<Interrupted>();
}

/// Names, sizes and modification times of the folder's `.ron` files.
fn snapshot(dir: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        // Scenario files, and their translations: a translator sees a saved line at once.
        .filter(|p| p.extension().is_some_and(|x| x == "ron" || x == "po"))
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
    let mut fresh = match old.reload(&dir) {
        Ok(fresh) => fresh,
        Err(e) => {
            // The folder cannot be read now (renamed, permissions): keep playing what is loaded.
            warn!("cannot reload the scenarios: {e}; the loaded ones stay playable");
            return;
        }
    };
    // The new version in the language being played.
    if let Some(l) = world.get_resource::<crate::Language>().cloned() {
        fresh.translate(&l.lang, l.mark);
        // A translation saved half-edited: the last one that read goes on being played.
        fresh.keep_translations_from(&old);
    }
    world.resource_mut::<Reloads>().0 += 1;
    // Files whose new save is broken (whether or not an older version still plays).
    let broken_now: Option<String> = fresh
        .entries
        .iter()
        .find(|e| {
            e.newer_version_broken.is_some()
                || (e.script().is_none()
                    && !old
                        .entries
                        .iter()
                        .any(|o| o.file == e.file && o.script().is_none()))
        })
        .map(|e| e.key().to_string());
    // A drill goes on in the version it began with: its moment belongs to that version.
    if let Some(active) = world.get_resource::<ActiveCall>().cloned()
        && active.drill.is_none()
        && let Some(script) = fresh
            .get(active.script.id())
            .and_then(|e| e.shared_script())
    {
        if script.hash() != active.script.hash() {
            let call = continue_call(&active, &script);
            world.insert_resource(ActiveCall {
                script,
                call,
                ..active
            });
        } else {
            // The same scenario, its words perhaps translated anew: the call goes on as it is.
            world.insert_resource(ActiveCall { script, ..active });
        }
    }
    world.resource_mut::<Scenarios>().0 = fresh;
    let on = *world.resource::<State<Screen>>().get();
    match broken_now {
        Some(key) => {
            if on != Screen::Error {
                world.insert_resource(Interrupted(on));
            }
            world.resource_mut::<Selected>().0 = Some(key);
            if on == Screen::Error {
                world.write_message(crate::flow::Redraw);
            } else {
                world.resource_mut::<NextState<Screen>>().set(Screen::Error);
            }
        }
        // Fixed: back to where the broken save interrupted (the call goes on from its state).
        None if on == Screen::Error => {
            let back = world
                .remove_resource::<Interrupted>()
                .map_or(Screen::Pick, |i| i.0);
            world.resource_mut::<NextState<Screen>>().set(back);
        }
        // Draw the current screen anew from the new version; the call's wait goes on.
        None => {
            world.write_message(crate::flow::Redraw);
        }
    }
    // Show it now, not at the next key press or mouse move: the window sleeps between inputs.
    world.write_message(bevy::window::RequestRedraw);
}

/// The call on the new version of its scenario: its answers and the patience lost before each
/// of them (and while the current answer was awaited), as far as the answers still exist and
/// are offered.
fn continue_call(active: &ActiveCall, script: &peercall_dialogue::Script) -> Call {
    let old = &active.script;
    let mut call = Call::start(script, active.call.seed());
    let waits = active.call.waits();
    let lose = |call: &mut Call, at: usize| {
        for (_, points) in waits.iter().filter(|(w, _)| *w as usize == at) {
            call.lose_patience(script, *points);
        }
    };
    for (i, t) in active.call.turns().iter().enumerate() {
        lose(&mut call, i);
        let node_still_there = script.node_id(call.state().node) == old.node_id(t.node);
        if call.is_over()
            || !node_still_there
            || call.choose_index(script, t.choice as usize).is_err()
        {
            return call;
        }
    }
    lose(&mut call, active.call.turns().len());
    call
}
