//! Escape: pauses a call (resume / back to scenarios / text size / contrast / quit) and steps
//! back one screen everywhere else.

use bevy::prelude::*;

use super::Screen;
use super::nav::FocusIndex;
use super::theme::{Action, Theme};

/// Whether the call is paused (the pause menu is open).
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct Paused(pub bool);

/// Marks the pause menu and its buttons: while paused only they take input.
#[derive(Component, Debug, Clone, Copy)]
pub struct InOverlay;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Paused>()
        .add_systems(Update, escape)
        .add_systems(
            Update,
            show_overlay.run_if(in_state(Screen::Call).and_then(resource_changed::<Paused>)),
        )
        .add_systems(OnEnter(Screen::Call), show_overlay);
}

fn escape(
    input: Res<ButtonInput<KeyCode>>,
    screen: Res<State<Screen>>,
    mut paused: ResMut<Paused>,
    mut next: ResMut<NextState<Screen>>,
    mut focus: ResMut<FocusIndex>,
) {
    if !input.just_pressed(KeyCode::Escape) {
        return;
    }
    match screen.get() {
        Screen::Call => {
            paused.0 = !paused.0;
            focus.0 = None;
        }
        Screen::Pick => next.set(Screen::Title),
        Screen::Briefing | Screen::Debrief | Screen::Error => next.set(Screen::Pick),
        Screen::Board | Screen::Diagnostic | Screen::Competitions => next.set(Screen::Title),
        Screen::Title | Screen::Profile => {}
    }
}

fn show_overlay(
    mut commands: Commands,
    paused: Res<Paused>,
    theme: Res<Theme>,
    existing: Query<Entity, (With<InOverlay>, Without<Button>)>,
) {
    for e in &existing {
        commands.entity(e).despawn();
    }
    if !paused.0 {
        return;
    }
    let t = *theme;
    let p = t.palette;
    let scale = (t.scale * 100.0).round();
    commands.spawn((
        InOverlay,
        DespawnOnExit(Screen::Call),
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
        children![(
            Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(28)),
                row_gap: px(12),
                min_width: px(360),
                border_radius: BorderRadius::all(px(12)),
                ..default()
            },
            BackgroundColor(p.panel_alt),
            children![
                (t.colored("Call on hold", 32.0, p.accent), Label),
                t.colored("The prospect is waiting. Escape resumes.", 18.0, p.dim),
                (t.button("Resume", Action::Resume, 0), InOverlay),
                (
                    t.button("Back to scenarios", Action::BackToScenarios, 1),
                    InOverlay
                ),
                (
                    t.button(format!("Text size: {scale}%"), Action::TextSize, 2),
                    InOverlay
                ),
                (
                    t.button(
                        if t.high_contrast {
                            "High contrast: on"
                        } else {
                            "High contrast: off"
                        },
                        Action::Contrast,
                        3
                    ),
                    InOverlay
                ),
                (t.button("Quit", Action::Quit, 4), InOverlay),
            ],
        )],
    ));
}
