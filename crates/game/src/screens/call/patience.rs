//! The prospect's patience (scenarios with `patience`): once the prospect has waited that many
//! seconds for an answer, every further second costs a point of trust and can end the call.
//! The wait is part of the call ([`crate::Wait`]): it stops while the call is on hold, and
//! drawing the screen anew (a new look, a reload) leaves it as it was.

use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

use super::CallMoved;
use crate::pause::Pause;
use crate::{ActiveCall, GameSet, Screen, Wait};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Call), wake_every_second)
        .add_systems(
            Update,
            spend
                .in_set(GameSet::Apply)
                .run_if(in_state(Pause::Running)),
        );
}

/// Only an impatient prospect needs the game awake every second (trust drains per second);
/// otherwise the call waits for the player and the clock moves in minutes.
fn wake_every_second(settings: Option<ResMut<WinitSettings>>, active: Option<Res<ActiveCall>>) {
    let impatient = active.is_some_and(|a| a.script().scenario().patience.is_some());
    if let Some(mut s) = settings
        && impatient
        && !matches!(s.focused_mode, UpdateMode::Continuous)
    {
        s.focused_mode = UpdateMode::reactive(Duration::from_secs(1));
        s.unfocused_mode = UpdateMode::reactive_low_power(Duration::from_secs(1));
    }
}

/// Charges the seconds the prospect has waited past their patience.
fn spend(time: Res<Time>, active: Option<ResMut<ActiveCall>>, mut moved: MessageWriter<CallMoved>) {
    let Some(mut active) = active else { return };
    let now = time.elapsed_secs_f64();
    let turns = active.call.turns().len();
    if active.wait.turn != Some(turns) {
        // A new answer is awaited: the wait starts now.
        active.wait = Wait {
            since: now,
            charged: 0,
            turn: Some(turns),
            held_at: None,
        };
        return;
    }
    let Some(limit) = active.script().scenario().patience else {
        return;
    };
    if active.call.is_over() {
        return;
    }
    let over = (now - active.wait.since - f64::from(limit)).floor();
    if over >= f64::from(active.wait.charged) + 1.0 {
        let points = over as u32 - active.wait.charged;
        active.wait.charged += points;
        let before = active.call.trust();
        let script = std::sync::Arc::clone(&active.script);
        active.call.lose_patience(&script, points as i32);
        moved.write(CallMoved {
            trust: Some((before, active.call.trust())),
        });
    }
}
