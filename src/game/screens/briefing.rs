//! The briefing: who is calling, what they asked for, what the player's company sells, the goal.

use bevy::prelude::*;

use super::initials;
use crate::game::theme::{Action, Theme};
use crate::game::{Scenarios, Screen, Selected};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Briefing), spawn);
}

fn spawn(
    mut commands: Commands,
    theme: Res<Theme>,
    scenarios: Res<Scenarios>,
    selected: Res<Selected>,
) {
    let t = *theme;
    let p = t.palette;
    let Some(script) = scenarios.0.entries.get(selected.0).and_then(|e| e.script()) else {
        return;
    };
    let sc = script.scenario();
    let you = if sc.player.name.is_empty() {
        "You".to_string()
    } else {
        format!(
            "{}, {} at {}",
            sc.player.name,
            sc.player.role.to_lowercase(),
            sc.player.company
        )
    };
    let sells = if sc.player.sells.is_empty() {
        String::new()
    } else {
        format!("Your company sells {}.", sc.player.sells)
    };
    let goal = if sc.goal.is_empty() {
        "Find out whether the opportunity is real before you commit your company's time."
            .to_string()
    } else {
        sc.goal.clone()
    };
    commands.spawn((
        DespawnOnExit(Screen::Briefing),
        t.root(),
        children![
            (t.colored("Briefing", 18.0, p.dim), Label),
            (t.colored(sc.title.clone(), 40.0, p.accent), Label),
            (
                Node { column_gap: px(18), align_items: AlignItems::Center, ..default() },
                children![
                    (
                        Node {
                            width: px(72),
                            height: px(72),
                            justify_content: JustifyContent::Center,
                            align_items: AlignItems::Center,
                            border_radius: BorderRadius::MAX,
                            ..default()
                        },
                        BackgroundColor(p.player),
                        children![t.text(initials(&sc.prospect.name), 28.0)],
                    ),
                    (
                        Node { flex_direction: FlexDirection::Column, row_gap: px(4), ..default() },
                        children![
                            t.text(sc.prospect.name.clone(), 26.0),
                            t.colored(format!("{}, {}", sc.prospect.role, sc.prospect.company), 18.0, p.dim),
                        ],
                    ),
                ],
            ),
            (
                t.panel(),
                children![
                    (t.text(sc.briefing.clone(), 20.0), Label),
                    t.colored(format!("You are {you}. {sells}"), 18.0, p.dim),
                ],
            ),
            (
                t.panel(),
                children![
                    t.colored("Your goal", 16.0, p.accent),
                    (t.text(goal, 20.0), Label),
                    t.colored(
                        "Watch the trust meter: every line you choose sends a signal, and the prospect reacts to it.",
                        16.0,
                        p.dim
                    ),
                ],
            ),
            (
                Node { column_gap: px(12), margin: UiRect::top(px(8)), ..default() },
                children![
                    t.button("Take the call (Enter)", Action::TakeCall, 0),
                    t.button("Back (Esc)", Action::BackToScenarios, 1),
                ],
            ),
        ],
    ));
}
