//! Input shared by every screen: buttons by click, focus by arrows and Tab, Enter to press,
//! number keys for numbered buttons, and the one place where actions change the game.

use bevy::prelude::*;
use peercall_dialogue::Call;

use super::pause::{InOverlay, Paused};
use super::theme::{Action, Focusable, Theme};
use super::{ActiveCall, Scenarios, Screen, Seeds, Selected};

/// A numbered button: pressing this digit key presses it.
#[derive(Component, Debug, Clone, Copy)]
pub struct Hotkey(pub usize);

/// Which focusable button has keyboard focus (by its order), if any.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct FocusIndex(pub Option<usize>);

/// A request to perform an action, from any input.
#[derive(Message, Debug, Clone)]
pub struct Act(pub Action);

/// After a choice, further choices are ignored until this time (seconds since start-up), so a
/// double press cannot answer the next line by accident.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct ChoiceCooldown(pub f64);

/// The number keys 1-9, on the main row and the keypad.
pub const DIGITS: [(KeyCode, KeyCode); 9] = [
    (KeyCode::Digit1, KeyCode::Numpad1),
    (KeyCode::Digit2, KeyCode::Numpad2),
    (KeyCode::Digit3, KeyCode::Numpad3),
    (KeyCode::Digit4, KeyCode::Numpad4),
    (KeyCode::Digit5, KeyCode::Numpad5),
    (KeyCode::Digit6, KeyCode::Numpad6),
    (KeyCode::Digit7, KeyCode::Numpad7),
    (KeyCode::Digit8, KeyCode::Numpad8),
    (KeyCode::Digit9, KeyCode::Numpad9),
];

/// How long choices stay locked after one is made.
pub const COOLDOWN_SECS: f64 = 0.35;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FocusIndex>()
        .init_resource::<ChoiceCooldown>()
        .add_message::<Act>()
        .add_systems(
            Update,
            (
                (pointer_press, keyboard).before(perform),
                perform,
                style_buttons.after(perform),
                scroll,
                scroll_to_focus.after(keyboard),
            ),
        )
        .add_systems(StateTransition, reset_focus);
}

fn reset_focus(
    mut focus: ResMut<FocusIndex>,
    mut reader: MessageReader<StateTransitionEvent<Screen>>,
) {
    if reader.read().last().is_some() {
        focus.0 = None;
    }
}

fn pointer_press(
    buttons: Query<(&Interaction, &Action, Has<InOverlay>), Changed<Interaction>>,
    paused: Res<Paused>,
    mut acts: MessageWriter<Act>,
) {
    for (interaction, action, overlay) in &buttons {
        if *interaction == Interaction::Pressed && overlay == paused.0 {
            acts.write(Act(action.clone()));
        }
    }
}

fn keyboard(
    input: Res<ButtonInput<KeyCode>>,
    screen: Res<State<Screen>>,
    buttons: Query<(&Focusable, &Action, Option<&Hotkey>, Has<InOverlay>)>,
    paused: Res<Paused>,
    mut focus: ResMut<FocusIndex>,
    mut acts: MessageWriter<Act>,
) {
    let mut live: Vec<(&Focusable, &Action, Option<&Hotkey>)> = buttons
        .iter()
        .filter(|(_, _, _, overlay)| *overlay == paused.0)
        .map(|(f, a, h, _)| (f, a, h))
        .collect();
    live.sort_by_key(|(f, _, _)| **f);
    if live.is_empty() {
        return;
    }
    let orders: Vec<usize> = live.iter().map(|(f, _, _)| f.0).collect();
    let pos = focus.0.and_then(|o| orders.iter().position(|x| *x == o));
    let shift = input.pressed(KeyCode::ShiftLeft) || input.pressed(KeyCode::ShiftRight);
    let tab = input.just_pressed(KeyCode::Tab) && *screen.get() != Screen::Profile;
    let forward = input.just_pressed(KeyCode::ArrowDown)
        || input.just_pressed(KeyCode::ArrowRight)
        || (tab && !shift);
    let backward = input.just_pressed(KeyCode::ArrowUp)
        || input.just_pressed(KeyCode::ArrowLeft)
        || (tab && shift);
    if forward {
        let next = pos.map_or(0, |p| (p + 1) % orders.len());
        focus.0 = Some(orders[next]);
    } else if backward {
        let next = pos.map_or(orders.len() - 1, |p| (p + orders.len() - 1) % orders.len());
        focus.0 = Some(orders[next]);
    }
    let typing = *screen.get() == Screen::Profile;
    if input.just_pressed(KeyCode::Enter)
        || input.just_pressed(KeyCode::NumpadEnter)
        || (input.just_pressed(KeyCode::Space) && !typing)
    {
        // Enter with nothing focused presses the first button.
        let target = pos.unwrap_or(0);
        acts.write(Act(live[target].1.clone()));
        return;
    }
    for (i, (a, b)) in DIGITS.iter().enumerate() {
        if input.just_pressed(*a) || input.just_pressed(*b) {
            if let Some((_, action, _)) = live
                .iter()
                .find(|(_, _, h)| h.is_some_and(|h| h.0 == i + 1))
            {
                acts.write(Act((*action).clone()));
            }
            return;
        }
    }
}

fn style_buttons(
    theme: Res<Theme>,
    focus: Res<FocusIndex>,
    mut buttons: Query<
        (
            &Interaction,
            &Focusable,
            &mut BackgroundColor,
            &mut BorderColor,
        ),
        With<Button>,
    >,
) {
    let p = theme.palette;
    for (interaction, order, mut bg, mut border) in &mut buttons {
        let focused = focus.0 == Some(order.0);
        let want_bg = match interaction {
            Interaction::Pressed | Interaction::Hovered => p.button_hover,
            Interaction::None if focused => p.button_hover,
            Interaction::None => p.button,
        };
        let want_border = if focused {
            p.focus
        } else if theme.high_contrast {
            p.text
        } else {
            p.button
        };
        if bg.0 != want_bg {
            bg.0 = want_bg;
        }
        let wanted = BorderColor::all(want_border);
        if *border != wanted {
            *border = wanted;
        }
    }
}

/// Applies every requested action. Exclusive, because actions touch the call, the state and the
/// theme together.
pub fn perform(world: &mut World) {
    let acts: Vec<Act> = world.resource_mut::<Messages<Act>>().drain().collect();
    for Act(action) in acts {
        apply(world, action);
    }
}

fn apply(world: &mut World, action: Action) {
    let now = world.resource::<Time>().elapsed_secs_f64();
    let screen = *world.resource::<State<Screen>>().get();
    let go = |world: &mut World, s: Screen| world.resource_mut::<NextState<Screen>>().set(s);
    match action {
        Action::Play => {
            // The onboarding path: the next call not yet played, easiest first.
            if let Some(next) = next_on_path(world) {
                world.resource_mut::<Selected>().0 = next;
            }
            go(world, Screen::Briefing)
        }
        Action::Scenarios | Action::BackToScenarios => {
            world.resource_mut::<Paused>().0 = false;
            go(world, Screen::Pick);
        }
        Action::BackToTitle => go(world, Screen::Title),
        Action::ShowDebrief => {
            if world
                .get_resource::<ActiveCall>()
                .is_some_and(|a| a.call.is_over())
            {
                go(world, Screen::Debrief);
            }
        }
        Action::Pick(n) => {
            world.resource_mut::<Selected>().0 = n;
            go(world, Screen::Briefing);
        }
        Action::ShowError(n) => {
            world.resource_mut::<Selected>().0 = n;
            go(world, Screen::Error);
        }
        Action::TakeCall => {
            let index = world.resource::<Selected>().0;
            if !attempt_allowed(world, index) {
                return;
            }
            let fixed = world
                .get_resource::<super::ActiveCompetition>()
                .and_then(|c| c.seed_for(index));
            let seed = fixed.unwrap_or_else(|| world.resource_mut::<Seeds>().take());
            start_call(world, index, seed, 0, now);
        }
        Action::Retry => {
            let Some(active) = world.get_resource::<ActiveCall>() else {
                return;
            };
            let (index, seed) = (active.index, active.call.seed());
            if !attempt_allowed(world, index) {
                return;
            }
            start_call(world, index, seed, 0, now);
        }
        Action::ReplayFrom(_) if world.contains_resource::<super::ActiveCompetition>() => {
            // Replaying from a turn is practice; in a competition every attempt starts fresh.
        }
        Action::ReplayFrom(turn) => {
            let Some(active) = world.get_resource::<ActiveCall>() else {
                return;
            };
            let (index, seed) = (active.index, active.call.seed());
            start_call(world, index, seed, turn.saturating_sub(1), now);
        }
        Action::Choose { turn, number } => {
            if screen != Screen::Call
                || world.resource::<Paused>().0
                || now < world.resource::<ChoiceCooldown>().0
            {
                return;
            }
            world.resource_scope(|world, scenarios: Mut<Scenarios>| {
                let Some(mut active) = world.get_resource_mut::<ActiveCall>() else {
                    return;
                };
                if active.call.turns().len() != turn || active.call.is_over() {
                    return;
                }
                let script = scenarios.0.entries[active.index]
                    .script()
                    .expect("playable");
                if active.call.choose(script, number).is_ok() {
                    world.resource_mut::<ChoiceCooldown>().0 = now + COOLDOWN_SECS;
                }
            });
        }
        Action::Resume => world.resource_mut::<Paused>().0 = false,
        Action::TextSize | Action::Contrast => {
            let mut theme = world.resource_mut::<Theme>();
            if action == Action::TextSize {
                theme.next_scale();
            } else {
                theme.toggle_contrast();
            }
            // Re-entering the screen rebuilds it in the new look; a call in progress carries on.
            go(world, screen);
        }
        Action::EditProfile => go(world, Screen::Profile),
        Action::SaveProfile => super::screens::profile::save_profile(world),
        Action::Answer(n) => super::screens::profile::answer(world, n),
        Action::Diagnostic => go(world, Screen::Diagnostic),
        Action::ShowBoard => go(world, Screen::Board),
        Action::BoardByTeam | Action::BoardHideNames => {
            let mut view = world.resource_mut::<super::screens::board::BoardView>();
            if action == Action::BoardByTeam {
                view.by_team = !view.by_team;
            } else {
                view.hide_names = !view.hide_names;
            }
            go(world, Screen::Board);
        }
        Action::Competitions => go(world, Screen::Competitions),
        Action::OpenCompetition(n) => super::screens::competitions::open(world, n),
        Action::LeaveCompetition => super::screens::competitions::leave(world),
        Action::Quit => {
            world.write_message(AppExit::Success);
        }
    }
}

/// The first playable scenario (the list is sorted easiest first) the player has not played.
fn next_on_path(world: &World) -> Option<usize> {
    let db = world.get_resource::<super::RecordsDb>()?;
    let player = world.resource::<super::Profile>().player.clone();
    let played = db.0.lock().ok()?.progress(&player).ok()?;
    world
        .resource::<Scenarios>()
        .0
        .entries
        .iter()
        .position(|e| {
            e.script()
                .is_some_and(|s| !played.iter().any(|r| r.0 == s.id()))
        })
}

/// In a competition, whether the player has an attempt left at scenario `index`; if not, the
/// briefing says so.
fn attempt_allowed(world: &mut World, index: usize) -> bool {
    match super::attempts(world, index) {
        Some((used, allowed)) if used >= allowed => {
            world.resource_mut::<super::LastNotice>().0 = Some(format!(
                "No attempts left: you have used {used} of {allowed}."
            ));
            world.resource_mut::<Selected>().0 = index;
            world
                .resource_mut::<NextState<Screen>>()
                .set(Screen::Briefing);
            false
        }
        _ => true,
    }
}

/// Starts a call on scenario `index` with `seed`, replaying the previous call's first `keep`
/// choices, and opens the call screen.
fn start_call(world: &mut World, index: usize, seed: u64, keep: usize, now: f64) {
    let previous: Vec<u32> = world
        .get_resource::<ActiveCall>()
        .filter(|a| a.index == index)
        .map(|a| a.call.turns().iter().map(|t| t.choice).collect())
        .unwrap_or_default();
    let scenarios = world.resource::<Scenarios>();
    let Some(script) = scenarios.0.entries.get(index).and_then(|e| e.script()) else {
        return;
    };
    let mut call = Call::start(script, seed);
    for choice in previous.iter().take(keep) {
        if call.is_over() || call.choose_index(script, *choice as usize).is_err() {
            break;
        }
    }
    world.insert_resource(ActiveCall {
        index,
        call,
        started: now,
        wall_start: std::time::SystemTime::now(),
    });
    world.resource_mut::<Paused>().0 = false;
    world.resource_mut::<ChoiceCooldown>().0 = 0.0;
    world.resource_mut::<NextState<Screen>>().set(Screen::Call);
}

/// A container the mouse wheel and Page Up / Page Down scroll.
#[derive(Component, Debug, Clone, Copy)]
pub struct Scrollable;

/// Pixels per wheel line and per Page Up / Page Down.
const LINE: f32 = 28.0;
const PAGE: f32 = 320.0;

pub(super) fn scroll(
    mut wheel: MessageReader<bevy::input::mouse::MouseWheel>,
    input: Res<ButtonInput<KeyCode>>,
    mut lists: Query<(&mut ScrollPosition, &ComputedNode), With<Scrollable>>,
) {
    let mut delta = 0.0;
    for w in wheel.read() {
        delta -= match w.unit {
            bevy::input::mouse::MouseScrollUnit::Line => w.y * LINE,
            bevy::input::mouse::MouseScrollUnit::Pixel => w.y,
        };
    }
    if input.just_pressed(KeyCode::PageDown) {
        delta += PAGE;
    }
    if input.just_pressed(KeyCode::PageUp) {
        delta -= PAGE;
    }
    if delta == 0.0 {
        return;
    }
    for (mut pos, node) in &mut lists {
        let max = ((node.content_size() - node.size()) * node.inverse_scale_factor())
            .y
            .max(0.0);
        pos.y = (pos.y.clamp(0.0, max) + delta).clamp(0.0, max);
    }
}

/// Keeps the button with keyboard focus inside its scrolling list.
pub(super) fn scroll_to_focus(
    focus: Res<FocusIndex>,
    buttons: Query<(&Focusable, &bevy::ui::UiGlobalTransform, &ComputedNode), Without<Scrollable>>,
    mut lists: Query<
        (
            &mut ScrollPosition,
            &bevy::ui::UiGlobalTransform,
            &ComputedNode,
        ),
        With<Scrollable>,
    >,
) {
    if !focus.is_changed() {
        return;
    }
    let Some(order) = focus.0 else { return };
    let Some((_, t, node)) = buttons.iter().find(|(f, _, _)| f.0 == order) else {
        return;
    };
    let (center, half) = (t.translation, node.size() / 2.0);
    for (mut pos, lt, ln) in &mut lists {
        let (lc, lh) = (lt.translation, ln.size() / 2.0);
        // Only the list the button sits in (its centre falls inside the list horizontally).
        if (center.x - lc.x).abs() > lh.x {
            continue;
        }
        let scale = ln.inverse_scale_factor();
        let (top, bottom) = (lc.y - lh.y, lc.y + lh.y);
        if center.y - half.y < top {
            pos.y -= (top - (center.y - half.y)) * scale;
        } else if center.y + half.y > bottom {
            pos.y += ((center.y + half.y) - bottom) * scale;
        }
        pos.y = pos.y.max(0.0);
    }
}
