//! Work the game does off the frame (a hub over the network): a thread's answer (in the
//! browser, a future's on the page's event loop) arrives on a component, and the game keeps drawing frames while one is awaited, so the answer shows at once
//! and the screen never freezes.

use std::sync::Mutex;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use bevy::prelude::*;

use crate::GameSet;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, keep_awake.in_set(GameSet::Apply));
}

/// An answer being worked out on another thread.
#[derive(Component)]
pub struct Pending<T: Send + 'static>(Mutex<Receiver<T>>);

impl<T: Send + 'static> Pending<T> {
    /// Runs `work` on a new thread.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn start(work: impl FnOnce() -> T + Send + 'static) -> Pending<T> {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            // Nobody waiting any more (the screen was left) is fine.
            let _ = tx.send(work());
        });
        Pending(Mutex::new(rx))
    }

    /// Runs `work` on the page's event loop (the browser has no threads for it).
    #[cfg(target_arch = "wasm32")]
    pub fn start_local(work: impl std::future::Future<Output = T> + 'static) -> Pending<T> {
        let (tx, rx) = channel();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = tx.send(work.await);
        });
        Pending(Mutex::new(rx))
    }

    /// The answer, once it has arrived (a thread that died answers `None` forever: the caller
    /// sees `Some(None)` once).
    pub fn take(&self) -> Option<Option<T>> {
        let rx = self.0.lock().ok()?;
        match rx.try_recv() {
            Ok(v) => Some(Some(v)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }
}

/// Marks an entity whose screen waits for background work: frames keep coming meanwhile.
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct Waiting;

fn keep_awake(
    waiting: Query<(), With<Waiting>>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    if !waiting.is_empty() {
        redraw.write(bevy::window::RequestRedraw);
    }
}
