//! The call: the prospect's card with a mood and the call clock, the transcript, the live trust
//! meter with its floating change, the resources gauge, and the player's numbered choices.
//! One file per part: [`layout`] (the frame and the clock), [`transcript`], [`choices`],
//! [`meter`] (trust, mood and the resources gauge) and [`patience`]. The parts do not poll the
//! call: the engine's [`peercall_dialogue::Turn`] (trust before and after) and each patience
//! loss arrive as a [`CallMoved`], and each part brings itself up to date from it.

use std::sync::Arc;

use bevy::prelude::*;
use peercall_dialogue::{Call, Script};

use crate::{ActiveCall, ActiveCompetition, LastNotice, Profile, RecordsDb, Screen, Seeds};

pub mod choices;
pub mod inspector;
pub mod layout;
pub mod meter;
pub mod patience;
pub(crate) mod state;
pub mod transcript;

pub use layout::clock_text;
pub use meter::{MeterAnim, mood_of};
pub use transcript::ProspectLine;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<CallMoved>()
        .add_systems(OnEnter(Screen::Call), (layout::spawn, catch_up).chain())
        .add_plugins((
            layout::plugin,
            transcript::plugin,
            choices::plugin,
            meter::plugin,
            patience::plugin,
            inspector::plugin,
        ));
}

/// The call moved on: an answer was taken or the prospect's patience cost trust, or the
/// screen was drawn anew and must catch up with the call as it is.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallMoved {
    /// Trust before and after (from the engine's turn, or the patience loss); `None` when
    /// the screen only catches up (nothing floats beside the meter).
    pub trust: Option<(i32, i32)>,
}

/// A line cut to 60 characters for a panel, with an ellipsis when it is longer.
pub fn clip_line(s: &str) -> String {
    match s.char_indices().nth(60) {
        None => s.to_string(),
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
    }
}

fn catch_up(mut moved: MessageWriter<CallMoved>) {
    moved.write(CallMoved { trust: None });
}

/// How a call starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The picked scenario, with a fresh seed (or the competition's).
    Fresh,
    /// The same scenario and seed as the last call, from the first line.
    Retry,
    /// The last call replayed up to (not including) this 1-based turn, with the trust the
    /// prospect's patience cost before each kept answer; then the player goes on.
    ReplayFrom(usize),
}

/// Starts a call and opens the call screen. In a competition the attempt is counted now,
/// before any answer, and a player with no attempt left is sent back to the briefing.
pub fn start(world: &mut World, how: Start) {
    let now = world.resource::<Time>().elapsed_secs_f64();
    let last = world.get_resource::<ActiveCall>().cloned();
    let scenarios = &world.resource::<crate::Scenarios>().0;
    let (script, seed): (Arc<Script>, Option<u64>) = match (how, &last) {
        (Start::Fresh, _) => {
            let selected = world.resource::<crate::Selected>();
            let Some(script) = selected
                .entry(world.resource::<crate::Scenarios>())
                .and_then(|e| e.shared_script())
            else {
                let text = world.resource::<crate::Language>().words().t("call-gone");
                notice(world, text);
                return;
            };
            (script, None)
        }
        // A retry plays the library's version of the scenario (it may have been reloaded).
        (Start::Retry, Some(last)) => (
            scenarios
                .get(last.script.id())
                .and_then(|e| e.shared_script())
                .unwrap_or_else(|| Arc::clone(&last.script)),
            Some(last.call.seed()),
        ),
        // A replay plays the very version the earlier answers were given to.
        (Start::ReplayFrom(_), Some(last)) => (Arc::clone(&last.script), Some(last.call.seed())),
        (_, None) => return,
    };
    let id = script.id().to_string();
    let competition = world.get_resource::<ActiveCompetition>().cloned();
    let base = competition.as_ref().and_then(|c| c.seed_for(&id));
    if base.is_some() && matches!(how, Start::ReplayFrom(_)) {
        // Replaying from a turn is practice; in a competition every attempt starts afresh.
        return;
    }
    let seed = match (&competition, base) {
        // In a competition each attempt is the player's own call, counted as it starts.
        (Some(c), Some(base)) => match count_attempt(world, c, &script, base) {
            Ok(seed) => seed,
            Err(why) => {
                world.resource_mut::<crate::Selected>().0 = Some(id);
                notice(world, why);
                world
                    .resource_mut::<NextState<Screen>>()
                    .set(Screen::Briefing);
                return;
            }
        },
        _ => seed.unwrap_or_else(|| world.resource_mut::<Seeds>().take()),
    };
    // "Play from here": the asked-for scenario starts at the given node, in the given state.
    let from = world
        .resource::<crate::PlayOptions>()
        .from
        .clone()
        .filter(|_| competition.is_none())
        .filter(|_| world.resource::<crate::PlayOptions>().scenario.as_deref() == Some(&id))
        .and_then(|f| f.state(&script, seed));
    let call = match (how, &last, from) {
        (Start::ReplayFrom(turn), Some(last), _) => replay(&script, last, turn.saturating_sub(1)),
        (_, _, Some(state)) => Call::start_from(&script, seed, state),
        _ => Call::start(&script, seed),
    };
    world.insert_resource(ActiveCall::new(script, call, now));
    world.resource_mut::<NextState<Screen>>().set(Screen::Call);
}

/// The earlier call's first `keep` answers, and the patience lost before each of them.
fn replay(script: &Script, last: &ActiveCall, keep: usize) -> Call {
    let choices: Vec<u32> = last
        .call
        .turns()
        .iter()
        .take(keep)
        .map(|t| t.choice)
        .collect();
    let waits: Vec<(u32, i32)> = last
        .call
        .waits()
        .iter()
        .filter(|(at, _)| (*at as usize) < choices.len())
        .copied()
        .collect();
    Call::replay_log(script, last.call.seed(), &choices, &waits).unwrap_or_else(|e| {
        // The same script replaying its own log cannot fail; if it ever does, say so.
        warn!("the replay did not fit the call ({e}); starting from the first line");
        Call::start(script, last.call.seed())
    })
}

/// Counts a competition attempt, or says why the player cannot start one.
/// Counts the player's next attempt at competition scenario `script` and returns its seed: the
/// player's own call for that attempt ([`peercall_core::competition::player_seed`]).
fn count_attempt(
    world: &World,
    competition: &ActiveCompetition,
    script: &Script,
    base: u64,
) -> Result<u64, String> {
    let player = world.resource::<Profile>().player.clone();
    let w = world.resource::<crate::Language>().words();
    let c = &competition.competition;
    let seed_of = |attempt: u32| {
        peercall_core::competition::player_seed(&c.id, script, base, &player, attempt)
    };
    let Some(db) = world.get_resource::<RecordsDb>() else {
        return Ok(seed_of(0));
    };
    let store = db.0.lock().map_err(|_| crate::poisoned().to_string())?;
    let used = store
        .attempts(&player, &c.id, script.id())
        .map_err(|e| w.f("call-attempt-uncounted", &[("why", e.to_string().into())]))?;
    if used >= c.attempts {
        return Err(w.f(
            "call-no-attempts",
            &[("used", used.into()), ("allowed", c.attempts.into())],
        ));
    }
    let seed = seed_of(used);
    store
        .start_attempt(
            &player,
            &c.id,
            script.id(),
            seed,
            peercall_core::clock::now(),
        )
        .map_err(|e| w.f("call-attempt-not-started", &[("why", e.to_string().into())]))?;
    Ok(seed)
}

fn notice(world: &mut World, text: String) {
    warn!("{text}");
    world.resource_mut::<LastNotice>().0 = Some(text);
}
