//! Input for every screen, knowing none of them: a click, Enter or Space on the focused button,
//! its number key, or Escape on the button marked as the way back, each becomes a [`Press`] on
//! that button's entity, and the observer the screen put on the button decides what it does.
//! Arrows and Tab move the focus; the wheel and Page Up / Page Down scroll.

use bevy::prelude::*;

use crate::GameSet;
use crate::theme::{Focusable, Theme};

/// A button was pressed (by click, Enter or Space with focus, its number key, or Escape).
/// Screens observe it on the buttons they spawn.
#[derive(EntityEvent, Debug, Clone, Copy)]
pub struct Press {
    /// The pressed button.
    pub entity: Entity,
}

/// A numbered button: pressing this digit key presses it.
#[derive(Component, Debug, Clone, Copy)]
pub struct Hotkey(pub usize);

/// The screen's way back: Escape presses it. It need not be a button (the call screen's root
/// takes Escape to put the call on hold).
#[derive(Component, Debug, Clone, Copy)]
pub struct EscapeKey;

/// A layer over the screen (the pause menu): while one exists, only entities marked
/// [`InOverlay`] take input.
#[derive(Component, Debug, Clone, Copy)]
pub struct Overlay;

/// A button (or [`EscapeKey`]) that belongs to the [`Overlay`].
#[derive(Component, Debug, Clone, Copy)]
pub struct InOverlay;

/// A screen that takes typed text: Space and Tab type instead of moving or pressing.
#[derive(Component, Debug, Clone, Copy)]
pub struct TextEntry;

/// Which focusable button has keyboard focus (by its order), if any.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct FocusIndex(pub Option<usize>);

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

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FocusIndex>()
        .add_systems(
            Update,
            (
                (pointer_press, keyboard, escape).in_set(GameSet::Input),
                (style_buttons, scroll, scroll_to_focus).in_set(GameSet::View),
            ),
        )
        .add_systems(StateTransition, reset_focus);
}

fn reset_focus(
    mut focus: ResMut<FocusIndex>,
    mut reader: MessageReader<StateTransitionEvent<crate::Screen>>,
) {
    if reader.read().last().is_some() {
        focus.0 = None;
    }
}

/// Whether an entity takes input now: with an overlay up, only the overlay's entities do.
fn live(in_overlay: bool, overlays: &Query<(), With<Overlay>>) -> bool {
    in_overlay != overlays.is_empty()
}

fn pointer_press(
    mut commands: Commands,
    buttons: Query<(Entity, &Interaction, Has<InOverlay>), (Changed<Interaction>, With<Button>)>,
    overlays: Query<(), With<Overlay>>,
) {
    for (entity, interaction, overlay) in &buttons {
        if *interaction == Interaction::Pressed && live(overlay, &overlays) {
            commands.trigger(Press { entity });
        }
    }
}

pub(crate) fn keyboard(
    mut commands: Commands,
    input: Res<ButtonInput<KeyCode>>,
    buttons: Query<(Entity, &Focusable, Option<&Hotkey>, Has<InOverlay>)>,
    overlays: Query<(), With<Overlay>>,
    typing: Query<(), With<TextEntry>>,
    mut focus: ResMut<FocusIndex>,
) {
    let mut live_buttons: Vec<(Entity, usize, Option<usize>)> = buttons
        .iter()
        .filter(|(.., overlay)| live(*overlay, &overlays))
        .map(|(e, f, h, _)| (e, f.0, h.map(|h| h.0)))
        .collect();
    live_buttons.sort_by_key(|(_, order, _)| *order);
    if live_buttons.is_empty() {
        return;
    }
    let typing = !typing.is_empty();
    let orders: Vec<usize> = live_buttons.iter().map(|(_, o, _)| *o).collect();
    let pos = focus.0.and_then(|o| orders.iter().position(|x| *x == o));
    let shift = input.pressed(KeyCode::ShiftLeft) || input.pressed(KeyCode::ShiftRight);
    let tab = input.just_pressed(KeyCode::Tab) && !typing;
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
    if input.just_pressed(KeyCode::Enter)
        || input.just_pressed(KeyCode::NumpadEnter)
        || (input.just_pressed(KeyCode::Space) && !typing)
    {
        // Enter with nothing focused presses the first button.
        let entity = live_buttons[pos.unwrap_or(0)].0;
        commands.trigger(Press { entity });
        return;
    }
    for (i, (a, b)) in DIGITS.iter().enumerate() {
        if input.just_pressed(*a) || input.just_pressed(*b) {
            if let Some((entity, ..)) = live_buttons.iter().find(|(.., h)| *h == Some(i + 1)) {
                commands.trigger(Press { entity: *entity });
            }
            return;
        }
    }
}

fn escape(
    mut commands: Commands,
    input: Res<ButtonInput<KeyCode>>,
    targets: Query<(Entity, Has<InOverlay>), With<EscapeKey>>,
    overlays: Query<(), With<Overlay>>,
    mut focus: ResMut<FocusIndex>,
) {
    if !input.just_pressed(KeyCode::Escape) {
        return;
    }
    if let Some((entity, _)) = targets.iter().find(|(_, o)| live(*o, &overlays)) {
        focus.0 = None;
        commands.trigger(Press { entity });
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

/// A container the mouse wheel and Page Up / Page Down scroll.
#[derive(Component, Debug, Clone, Copy)]
pub struct Scrollable;

/// Pixels per wheel line and per Page Up / Page Down.
const LINE: f32 = 28.0;
const PAGE: f32 = 320.0;

fn scroll(
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
fn scroll_to_focus(
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
