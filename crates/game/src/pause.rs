//! Putting a call on hold: [`Pause`] is a state of the call screen. Escape on the call holds it
//! and opens the menu (resume / back to scenarios / text size / contrast / quit); systems that
//! must stop while the call is on hold run only in [`Pause::Running`].

use bevy::prelude::*;

use crate::flow;
use crate::nav::{EscapeKey, InOverlay, Overlay, Press};
use crate::theme::Theme;
use crate::{ActiveCall, Screen};

/// Whether the call is running or on hold; exists only on the call screen.
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(Screen = Screen::Call)]
pub enum Pause {
    /// The call goes on: the prospect waits for an answer.
    #[default]
    Running,
    /// The call is on hold: the menu is open and the prospect's patience is not spent.
    OnHold,
}

pub(super) fn plugin(app: &mut App) {
    app.add_sub_state::<Pause>()
        .add_systems(OnEnter(Pause::OnHold), (spawn_menu, hold_patience))
        .add_systems(OnExit(Pause::OnHold), resume_patience);
}

/// A button handler that puts the call on hold.
pub fn hold(_: On<Press>, mut next: ResMut<NextState<Pause>>) {
    next.set(Pause::OnHold);
}

fn resume(_: On<Press>, mut next: ResMut<NextState<Pause>>) {
    next.set(Pause::Running);
}

/// The prospect's patience stops while the call is on hold...
fn hold_patience(time: Res<Time>, active: Option<ResMut<ActiveCall>>) {
    // Drawing the menu anew (a new look) runs this again: the hold began the first time.
    if let Some(mut active) = active
        && active.wait.held_at.is_none()
    {
        active.wait.held_at = Some(time.elapsed_secs_f64());
    }
}

/// ...and goes on from where it stopped when the call resumes.
fn resume_patience(time: Res<Time>, active: Option<ResMut<ActiveCall>>) {
    if let Some(mut active) = active
        && let Some(at) = active.wait.held_at.take()
    {
        active.wait.since += time.elapsed_secs_f64() - at;
    }
}

fn spawn_menu(mut commands: Commands, theme: Res<Theme>, language: Res<crate::Language>) {
    let w = language.words();
    let t = *theme;
    let p = t.palette;
    let scale = (t.scale * 100.0).round();
    let overlay = commands
        .spawn((
            Overlay,
            DespawnOnExit(Pause::OnHold),
            GlobalZIndex(10),
            Node {
                position_type: PositionType::Absolute,
                width: percent(100),
                height: percent(100),
                justify_content: JustifyContent::Center,
                align_items: AlignItems::Center,
                ..default()
            },
            BackgroundColor(Color::srgba(0.0, 0.0, 0.0, 0.7)),
        ))
        .id();
    commands.entity(overlay).with_children(|o| {
        o.spawn((
            Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(28)),
                row_gap: px(12),
                min_width: px(360),
                border_radius: BorderRadius::all(px(12)),
                ..default()
            },
            BackgroundColor(p.panel_alt),
        ))
        .with_children(|menu| {
            menu.spawn((t.colored(w.t("pause-title"), 32.0, p.accent), Label));
            menu.spawn(t.colored(w.t("pause-waiting"), 18.0, p.dim));
            menu.spawn((t.button(w.t("pause-resume"), 0), InOverlay, EscapeKey))
                .observe(resume);
            menu.spawn((t.button(w.t("pause-back"), 1), InOverlay))
                .observe(flow::go(Screen::Pick));
            menu.spawn((
                t.button(w.f("text-size", &[("percent", scale.into())]), 2),
                InOverlay,
            ))
            .observe(flow::cycle_text_size);
            menu.spawn((
                t.button(
                    w.t(if t.high_contrast {
                        "high-contrast-on"
                    } else {
                        "high-contrast-off"
                    }),
                    3,
                ),
                InOverlay,
            ))
            .observe(flow::toggle_contrast);
            if cfg!(not(target_arch = "wasm32")) {
                menu.spawn((t.button(w.t("quit"), 4), InOverlay))
                    .observe(flow::quit);
            }
        });
    });
}
