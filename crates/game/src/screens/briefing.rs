//! The briefing: who is calling, what they asked for, what the player's company sells, the goal.

use bevy::prelude::*;

use super::initials;
use crate::nav::{EscapeKey, Press};
use crate::screens::call::{self, Start};
use crate::theme::Theme;
use crate::{Scenarios, Screen, Selected};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Briefing), spawn);
}

fn spawn(world: &mut World) {
    if world.contains_resource::<super::drill::DrillRun>() {
        super::drill::spawn_briefing(world);
        return;
    }
    let notice = world.resource_mut::<crate::LastNotice>().0.take();
    let scenarios = world.resource::<Scenarios>().clone();
    let Some(script) = world
        .resource::<Selected>()
        .entry(&scenarios)
        .and_then(|e| e.shared_script())
    else {
        // Nothing playable picked (the library changed under the screen): back to the list.
        world.resource_mut::<NextState<Screen>>().set(Screen::Pick);
        return;
    };
    let attempts = match crate::attempts(world, script.id()) {
        Some(Ok(a)) => Some(a),
        Some(Err(e)) => {
            warn!("cannot count the attempts: {e}");
            None
        }
        None => None,
    };
    let competition = world
        .get_resource::<crate::ActiveCompetition>()
        .map(|c| c.competition.name.clone());
    let theme = *world.resource::<Theme>();
    let w = world.resource::<crate::Language>().words();
    let mut commands = world.commands();
    build(
        &mut commands,
        theme,
        w,
        &script,
        notice,
        attempts,
        competition,
    );
    world.flush();
}

fn build(
    commands: &mut Commands,
    theme: Theme,
    w: &peercall_core::words::Words,
    script: &peercall_dialogue::Script,
    notice: Option<String>,
    attempts: Option<(u32, u32)>,
    competition: Option<String>,
) {
    let t = theme;
    let p = t.palette;
    let sc = script.scenario();
    let you = if sc.player.name.is_empty() {
        w.t("briefing-you-plain")
    } else {
        w.f(
            "briefing-you",
            &[
                ("name", sc.player.name.clone().into()),
                ("role", sc.player.role.clone().into()),
                ("company", sc.player.company.clone().into()),
            ],
        )
    };
    let sells = if sc.player.sells.is_empty() {
        String::new()
    } else {
        format!(
            " {}",
            w.f(
                "briefing-sells",
                &[("sells", sc.player.sells.clone().into())]
            )
        )
    };
    let goal = if sc.goal.is_empty() {
        w.t("briefing-default-goal")
    } else {
        sc.goal.clone()
    };
    let root = commands
        .spawn((
            DespawnOnExit(Screen::Briefing),
            t.root(),
            children![
                (t.colored(w.t("briefing-title"), 18.0, p.dim), Label),
                (t.colored(sc.title.clone(), 40.0, p.accent), Label),
                (
                    Node {
                        column_gap: px(18),
                        align_items: AlignItems::Center,
                        ..default()
                    },
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
                            Node {
                                flex_direction: FlexDirection::Column,
                                row_gap: px(4),
                                ..default()
                            },
                            children![
                                t.text(sc.prospect.name.clone(), 26.0),
                                t.colored(
                                    w.f(
                                        "role-company",
                                        &[
                                            ("role", sc.prospect.role.clone().into()),
                                            ("company", sc.prospect.company.clone().into()),
                                        ],
                                    ),
                                    18.0,
                                    p.dim,
                                ),
                            ],
                        ),
                    ],
                ),
                // The text takes the room left above the buttons, and scrolls when it needs more
                // (large text on a small window).
                (
                    Node {
                        flex_direction: FlexDirection::Column,
                        row_gap: px(14),
                        flex_grow: 1.0,
                        flex_shrink: 1.0,
                        min_height: px(0),
                        overflow: Overflow::scroll_y(),
                        ..default()
                    },
                    children![
                        (
                            t.panel(),
                            children![
                                (t.text(sc.briefing.clone(), 20.0), Label),
                                t.colored(format!("{you}{sells}"), 18.0, p.dim),
                            ],
                        ),
                        (
                            t.panel(),
                            children![
                                t.colored(w.t("briefing-goal"), 16.0, p.accent),
                                (t.text(goal, 20.0), Label),
                                t.colored(w.t("briefing-meter"), 16.0, p.dim),
                            ],
                        ),
                    ],
                ),
            ],
        ))
        .id();
    let left = attempts.map(|(used, allowed)| allowed.saturating_sub(used));
    let status = match (competition, attempts) {
        (Some(name), Some((used, allowed))) => Some(w.f(
            "briefing-attempt",
            &[
                ("competition", name.into()),
                ("attempt", (used + 1).min(allowed).into()),
                ("allowed", allowed.into()),
            ],
        )),
        _ => None,
    };
    // The buttons follow the text: at the bottom when there is room, never over the goal.
    let buttons = commands
        .spawn(Node {
            flex_direction: FlexDirection::Column,
            flex_shrink: 0.0,
            row_gap: px(10),
            ..default()
        })
        .with_children(|col| {
            if let Some(s) = status {
                col.spawn(t.colored(s, 17.0, p.accent));
            }
            if let Some(n) = notice {
                col.spawn((t.colored(n, 19.0, p.bad), Label));
            }
            col.spawn(t.button_row()).with_children(|row| {
                if left != Some(0) {
                    row.spawn(t.button(w.t("briefing-take"), 0))
                        .observe(take_call);
                }
                row.spawn((t.button(w.t("back-esc"), 1), EscapeKey))
                    .observe(crate::flow::go(Screen::Pick));
            });
        })
        .id();
    commands.entity(root).add_child(buttons);
}

fn take_call(_: On<Press>, mut commands: Commands) {
    commands.queue(|world: &mut World| call::start(world, Start::Fresh));
}
