//! The habit to fix: the player's customer-advocate signals sent while a peer line was on
//! offer, the last calls against the ones before, and a small chart of every call read (a
//! square per call and habit, filled where the habit showed).

use bevy::prelude::*;
use peercall_core::habits::{self, HabitProfile};

use crate::nav::EscapeKey;
use crate::theme::Theme;
use crate::{Profile, RecordsDb, Scenarios, Screen};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Habits), spawn);
}

/// The player's habit profile from the records (`None` without records, or when they cannot
/// be read).
pub fn read(world: &World) -> Option<HabitProfile> {
    let db = world.get_resource::<RecordsDb>()?;
    let player = world.resource::<Profile>().player.clone();
    let records = db
        .with("game-what-habits", |s| s.results(Some(&player)))
        .ok()?;
    let library = &world.resource::<Scenarios>().0;
    Some(habits::profile(&player, &records, |id| library.script(id)))
}

/// Side of a chart square, in logical pixels.
const SQUARE: f32 = 16.0;

fn spawn(world: &mut World) {
    let profile = read(world);
    let t = *world.resource::<Theme>();
    let p = t.palette;
    let w = world.resource::<crate::Language>().words();
    let player = world.resource::<Profile>().player.clone();
    let mut commands = world.commands();
    let root = commands
        .spawn((DespawnOnExit(Screen::Habits), t.root()))
        .id();
    commands.entity(root).with_children(|root| {
        root.spawn((t.colored(w.t("habits-title"), 40.0, p.accent), Label));
        let calls = profile.as_ref().map_or(0, |pr| pr.calls.len());
        if calls == 0 {
            root.spawn((
                t.text(
                    w.f("habits-none", &[("player", player.clone().into())]),
                    20.0,
                ),
                Label,
            ));
        } else if let Some(pr) = &profile {
            root.spawn((
                t.colored(
                    w.f(
                        "habits-heading",
                        &[("player", player.clone().into()), ("calls", calls.into())],
                    ),
                    18.0,
                    p.dim,
                ),
                Label,
            ));
            match pr.to_fix_count() {
                Some(c) => {
                    root.spawn(t.callout(p.panel, p.bad, 14.0))
                        .with_children(|c2| {
                            c2.spawn((
                                t.colored(
                                    w.f("habits-to-fix", &[("signal", w.signal(c.signal).into())]),
                                    22.0,
                                    p.accent,
                                ),
                                Label,
                            ));
                            c2.spawn((t.text(c.sentence(w), 19.0), Label));
                            c2.spawn((t.colored(w.signal_why(c.signal), 16.0, p.dim), Label));
                        });
                }
                None => {
                    root.spawn(t.callout(p.panel, p.good, 14.0))
                        .with_children(|c2| {
                            c2.spawn((t.text(w.t("habits-clean"), 19.0), Label));
                        });
                }
            }
            chart(root, t, w, pr);
        }
        root.spawn(Node {
            flex_grow: 1.0,
            ..default()
        });
        root.spawn(t.button_row()).with_children(|row| {
            row.spawn((t.button(w.t("back-esc"), 0), EscapeKey))
                .observe(crate::flow::go(Screen::Title));
        });
    });
    world.flush();
}

/// The chart: a row per habit (its name, a square per call, oldest first, and its count in
/// the last calls).
fn chart(
    root: &mut ChildSpawnerCommands,
    t: Theme,
    w: &peercall_core::words::Words,
    pr: &HabitProfile,
) {
    let p = t.palette;
    root.spawn(t.panel()).with_children(|panel| {
        panel.spawn((t.colored(w.t("habits-chart"), 16.0, p.dim), Label));
        for c in &pr.counts {
            let fix = pr.to_fix == Some(c.signal);
            panel
                .spawn(Node {
                    align_items: AlignItems::Center,
                    column_gap: px(12),
                    ..default()
                })
                .with_children(|row| {
                    row.spawn(Node {
                        width: px(250),
                        flex_shrink: 0.0,
                        ..default()
                    })
                    .with_children(|cell| {
                        cell.spawn((
                            t.colored(w.signal(c.signal), 17.0, if fix { p.text } else { p.dim }),
                            Label,
                        ));
                    });
                    row.spawn(Node {
                        column_gap: px(4),
                        flex_wrap: FlexWrap::Wrap,
                        row_gap: px(4),
                        ..default()
                    })
                    .with_children(|squares| {
                        for call in &pr.calls {
                            let on = call.showed(c.signal);
                            squares.spawn((
                                Node {
                                    width: px(SQUARE),
                                    height: px(SQUARE),
                                    border_radius: BorderRadius::all(px(3)),
                                    ..default()
                                },
                                BackgroundColor(if on { p.bad } else { p.panel_alt }),
                            ));
                        }
                    });
                    row.spawn((
                        t.colored(format!("{}/{}", c.recent, c.recent_calls), 17.0, p.text),
                        Label,
                    ));
                });
        }
    });
}
