//! The title screen: the name, a one-line promise, and play / scenarios / settings / quit.

use bevy::prelude::*;

use crate::theme::{Action, Theme};
use crate::{Scenarios, Screen};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Title), spawn);
}

fn spawn(
    mut commands: Commands,
    theme: Res<Theme>,
    scenarios: Res<Scenarios>,
    profile: Res<crate::Profile>,
    files: Res<crate::CompetitionFiles>,
    competition: Option<Res<crate::ActiveCompetition>>,
) {
    let competitions = match &competition {
        Some(c) => (
            format!("Leave {}", c.competition.name),
            Action::LeaveCompetition,
        ),
        None => (
            format!("Competitions ({})", files.0.len()),
            Action::Competitions,
        ),
    };
    let t = *theme;
    let p = t.palette;
    let count = scenarios.0.playable();
    let scale = (t.scale * 100.0).round();
    commands.spawn((
        DespawnOnExit(Screen::Title),
        BackgroundColor(p.background),
        Node {
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            row_gap: px(14),
            ..default()
        },
        children![
            // The name is a heading, not reading text: it keeps its size at every text scale,
            // so that the menu still fits at 150%.
            (
                Text::new("peercall"),
                TextFont::from_font_size(88.0),
                TextColor(p.accent),
                Label
            ),
            (
                t.colored(
                    "Qualify the call before you commit your company's time.",
                    26.0,
                    p.text
                ),
                Label
            ),
            (
                t.colored(
                    "Every line you say moves the prospect's trust. Set up a peer contract, ask about the business, then decide.",
                    18.0,
                    p.dim
                ),
                Node { max_width: px(760), margin: UiRect::bottom(px(12)), ..default() },
                TextLayout::justify(Justify::Center),
            ),
            (
                // Large text: two columns of buttons, so that the menu fits the window.
                if t.scale > 1.0 {
                    Node {
                        display: Display::Grid,
                        grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
                        row_gap: px(10),
                        column_gap: px(12),
                        width: px(820),
                        ..default()
                    }
                } else {
                    Node { flex_direction: FlexDirection::Column, row_gap: px(10), min_width: px(320), ..default() }
                },
                children![
                    t.button("Play", Action::Play, 0),
                    t.button(format!("Scenarios ({count})"), Action::Scenarios, 1),
                    t.button(format!("Text size: {scale}%"), Action::TextSize, 2),
                    t.button(
                        if t.high_contrast { "High contrast: on" } else { "High contrast: off" },
                        Action::Contrast,
                        3
                    ),
                    t.button("Leaderboard", Action::ShowBoard, 4),
                    t.button(
                        if profile.team.is_empty() {
                            format!("Playing as {}", profile.player)
                        } else {
                            format!("Playing as {} ({})", profile.player, profile.team)
                        },
                        Action::EditProfile,
                        5
                    ),
                    t.button(competitions.0, competitions.1, 7),
                    t.button("Quit", Action::Quit, 8),
                ],
            ),
            (
                t.colored("Arrows or Tab to move, Enter to choose, Esc to go back", 15.0, p.dim),
                Node { margin: UiRect::top(px(16)), ..default() },
            ),
        ],
    ));
}
