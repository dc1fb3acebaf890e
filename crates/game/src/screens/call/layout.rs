//! The call screen's frame: the prospect's card (avatar, mood, clock), the trust and resources
//! panels, the transcript and the choices' places; and the call clock.

use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

use super::super::initials;
use crate::nav::{EscapeKey, Scrollable};
use crate::theme::Theme;
use crate::{ActiveCall, GameSet, Screen};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnExit(Screen::Call), restore_desktop_mode)
        .add_systems(
            Update,
            (tick_clock, fit_window)
                .in_set(GameSet::View)
                .run_if(in_state(Screen::Call)),
        );
}

/// The transcript's scrolling list.
#[derive(Component)]
pub struct Transcript;
/// Where the choices go.
#[derive(Component)]
pub struct Choices;
/// The filled part of the trust bar.
#[derive(Component)]
pub struct TrustFill;
/// The trust figure.
#[derive(Component)]
pub struct TrustNumber;
/// The floating trust change beside the figure.
#[derive(Component)]
pub struct TrustDelta;
/// The filled part of the resources gauge.
#[derive(Component)]
pub struct DaysFill;
/// The person-days figure.
#[derive(Component)]
pub struct DaysText;
/// The prospect's avatar (its colour follows the mood).
#[derive(Component)]
pub struct Avatar;
/// The prospect's mood in words.
#[derive(Component)]
pub struct Mood;
/// The call clock.
#[derive(Component)]
struct Clock;
/// The screen's two columns (one above the other on a narrow screen held upright).
#[derive(Component)]
struct Columns;
/// The left column: who is on the line and how it is going.
#[derive(Component)]
struct Side;
/// The keys' reminder (left out on a narrow screen, which is touched rather than typed on).
#[derive(Component)]
struct KeysHint;

/// Narrower than this (in logical pixels), the prospect's panels go above the transcript.
const NARROW: f32 = 720.0;

/// A message about the call itself (an answer that could not be taken).
#[derive(Component)]
pub struct CallNotice;

fn restore_desktop_mode(settings: Option<ResMut<WinitSettings>>) {
    if let Some(mut s) = settings
        && !matches!(s.focused_mode, UpdateMode::Continuous)
    {
        *s = crate::resting();
    }
}

/// Spawns the frame; the parts fill it in when the screen catches up with the call.
pub(super) fn spawn(
    mut commands: Commands,
    certifying: Option<Res<crate::ActiveCompetition>>,
    theme: Res<Theme>,
    active: Option<Res<ActiveCall>>,
    language: Res<crate::Language>,
) {
    let w = language.words();
    let Some(active) = active else { return };
    let sc = active.script().scenario();
    let t = *theme;
    let p = t.palette;
    let blind = certifying.is_some_and(|c| c.is_certification());
    // In a certification the meter stays where the call started, and says why.
    let trust = if blind {
        sc.trust.start as f32
    } else {
        active.call.trust() as f32
    };
    let hang_up = sc.trust.hang_up_below;
    let range = (sc.trust.max - sc.trust.min).max(1) as f32;
    let threshold = ((hang_up - sc.trust.min) as f32 / range * 100.0).clamp(0.0, 100.0);

    // Escape on the call puts it on hold.
    let root = commands
        .spawn((
            DespawnOnExit(Screen::Call),
            EscapeKey,
            Columns,
            Node {
                width: percent(100),
                height: percent(100),
                padding: UiRect::all(px(20)),
                column_gap: px(20),
                row_gap: px(10),
                ..default()
            },
            BackgroundColor(p.background),
        ))
        .observe(crate::pause::hold)
        .id();
    commands.entity(root).with_children(|root| {
        // Left: who is on the line and how it is going.
        root.spawn((
            Side,
            Node {
                width: px(330),
                flex_shrink: 0.0,
                flex_direction: FlexDirection::Column,
                row_gap: px(14),
                column_gap: px(10),
                ..default()
            },
        ))
        .with_children(|left| {
            left.spawn(t.panel()).with_children(|card| {
                card.spawn(Node {
                    column_gap: px(14),
                    align_items: AlignItems::Center,
                    ..default()
                })
                .with_children(|row| {
                    row.spawn((
                        Avatar,
                        Node {
                            width: px(68),
                            height: px(68),
                            flex_shrink: 0.0,
                            justify_content: JustifyContent::Center,
                            align_items: AlignItems::Center,
                            border_radius: BorderRadius::MAX,
                            border: UiRect::all(px(3)),
                            ..default()
                        },
                        BackgroundColor(p.player),
                        BorderColor::all(p.accent),
                    ))
                    .with_children(|a| {
                        a.spawn(t.text(initials(&sc.prospect.name), 26.0));
                    });
                    row.spawn(Node {
                        flex_direction: FlexDirection::Column,
                        row_gap: px(2),
                        flex_shrink: 1.0,
                        ..default()
                    })
                    .with_children(|col| {
                        col.spawn((t.text(sc.prospect.name.clone(), 22.0), Label));
                        col.spawn(t.colored(sc.prospect.role.clone(), 16.0, p.dim));
                        col.spawn(t.colored(sc.prospect.company.clone(), 16.0, p.dim));
                    });
                });
                let mood = if blind {
                    w.t("call-certification-hidden")
                } else {
                    String::new()
                };
                card.spawn((Mood, t.colored(mood, 17.0, p.text), Label));
                card.spawn((Clock, t.colored(clock_text(w, 0), 16.0, p.dim)));
            });

            let mut trust_panel = left.spawn(t.panel());
            if blind {
                trust_panel.insert(Node {
                    display: Display::None,
                    ..default()
                });
            }
            trust_panel.with_children(|panel| {
                panel
                    .spawn(Node {
                        justify_content: JustifyContent::SpaceBetween,
                        align_items: AlignItems::End,
                        ..default()
                    })
                    .with_children(|row| {
                        row.spawn(t.colored(w.t("call-trust"), 18.0, p.dim));
                        row.spawn(Node {
                            column_gap: px(10),
                            align_items: AlignItems::End,
                            ..default()
                        })
                        .with_children(|r| {
                            r.spawn((TrustDelta, t.colored("", 22.0, p.good)));
                            r.spawn((TrustNumber, t.text(format!("{trust:.0}"), 34.0), Label));
                        });
                    });
                panel
                    .spawn((
                        Node {
                            width: percent(100),
                            height: px(22),
                            border_radius: BorderRadius::all(px(6)),
                            overflow: Overflow::clip(),
                            ..default()
                        },
                        BackgroundColor(p.track),
                    ))
                    .with_children(|track| {
                        track.spawn((
                            TrustFill,
                            Node {
                                width: percent(trust),
                                height: percent(100),
                                ..default()
                            },
                            BackgroundColor(t.trust_color(trust, hang_up)),
                        ));
                        // Where the prospect hangs up.
                        track.spawn((
                            Node {
                                position_type: PositionType::Absolute,
                                left: percent(threshold),
                                width: px(3),
                                height: percent(100),
                                ..default()
                            },
                            BackgroundColor(p.bad),
                        ));
                    });
                panel.spawn(t.colored(
                    w.f("call-hang-up-below", &[("trust", hang_up.into())]),
                    14.0,
                    p.dim,
                ));
            });

            left.spawn(t.panel()).with_children(|panel| {
                panel.spawn(t.colored(w.t("call-resources"), 18.0, p.dim));
                panel.spawn((DaysText, t.text("", 22.0), Label));
                panel
                    .spawn((
                        Node {
                            width: percent(100),
                            height: px(14),
                            border_radius: BorderRadius::all(px(5)),
                            overflow: Overflow::clip(),
                            ..default()
                        },
                        BackgroundColor(p.track),
                    ))
                    .with_children(|track| {
                        track.spawn((
                            DaysFill,
                            Node {
                                width: percent(0),
                                height: percent(100),
                                ..default()
                            },
                            BackgroundColor(p.warn),
                        ));
                    });
            });

            left.spawn((
                KeysHint,
                Node {
                    margin: UiRect::top(Val::Auto),
                    ..default()
                },
                children![t.colored(w.t("call-keys"), 14.0, p.dim)],
            ));
        });

        // Right: the conversation.
        root.spawn(Node {
            flex_grow: 1.0,
            flex_shrink: 1.0,
            flex_direction: FlexDirection::Column,
            row_gap: px(12),
            min_width: px(0),
            ..default()
        })
        .with_children(|right| {
            right.spawn(t.colored(
                format!("{}  -  {}", sc.title, w.difficulty(sc.difficulty)),
                16.0,
                p.dim,
            ));
            right.spawn((
                Transcript,
                Scrollable,
                ScrollPosition::default(),
                Node {
                    flex_grow: 1.0,
                    flex_basis: px(0),
                    flex_direction: FlexDirection::Column,
                    row_gap: px(10),
                    padding: UiRect::all(px(14)),
                    overflow: Overflow::scroll_y(),
                    border_radius: BorderRadius::all(px(10)),
                    ..default()
                },
                BackgroundColor(p.panel),
            ));
            right.spawn((
                CallNotice,
                t.colored("", 17.0, p.bad),
                Node {
                    display: Display::None,
                    ..default()
                },
                Label,
            ));
            right.spawn((
                Choices,
                Node {
                    flex_direction: FlexDirection::Column,
                    row_gap: px(8),
                    flex_shrink: 0.0,
                    ..default()
                },
            ));
        });
    });
}

/// Lays the screen out for the window: side by side, or on a narrow screen held upright
/// (a phone, 390 wide) the prospect's panels in a wrapping row above the transcript.
fn fit_window(
    windows: Query<&Window>,
    mut columns: Query<&mut Node, (With<Columns>, Without<Side>, Without<KeysHint>)>,
    mut side: Query<&mut Node, (With<Side>, Without<Columns>, Without<KeysHint>)>,
    mut keys: Query<&mut Node, (With<KeysHint>, Without<Columns>, Without<Side>)>,
    sides: Query<&Children, With<Side>>,
    mut panels: Query<&mut Node, (Without<KeysHint>, Without<Columns>, Without<Side>)>,
) {
    let Some(window) = windows.iter().next() else {
        return;
    };
    let narrow = window.width() < NARROW;
    let direction = if narrow {
        FlexDirection::Column
    } else {
        FlexDirection::Row
    };
    for mut node in &mut columns {
        if node.flex_direction != direction {
            node.flex_direction = direction;
            node.padding = UiRect::all(px(if narrow { 8 } else { 20 }));
        }
    }
    for mut node in &mut side {
        let (width, dir, wrap) = if narrow {
            (percent(100), FlexDirection::Row, FlexWrap::Wrap)
        } else {
            (px(330), FlexDirection::Column, FlexWrap::NoWrap)
        };
        if node.flex_direction != dir {
            node.width = width;
            node.flex_direction = dir;
            node.flex_wrap = wrap;
            node.row_gap = px(if narrow { 8 } else { 14 });
        }
    }
    // Narrow: the prospect's card across the top, trust and resources side by side below it,
    // so that the transcript keeps most of the height.
    for children in &sides {
        for (i, child) in children.iter().enumerate() {
            let Ok(mut node) = panels.get_mut(child) else {
                continue;
            };
            let (grow, basis) = match (narrow, i) {
                (false, _) => (0.0, Val::Auto),
                (true, 0) => (1.0, percent(100)),
                (true, _) => (1.0, px(140)),
            };
            if node.flex_basis != basis {
                node.flex_grow = grow;
                node.flex_basis = basis;
            }
        }
    }
    for mut node in &mut keys {
        let display = if narrow { Display::None } else { Display::Flex };
        if node.display != display {
            node.display = display;
        }
    }
}

fn tick_clock(
    time: Res<Time>,
    active: Option<Res<ActiveCall>>,
    mut clock: Query<&mut Text, With<Clock>>,
    settings: Option<ResMut<WinitSettings>>,
    language: Res<crate::Language>,
) {
    let Some(active) = active else { return };
    if active.call.is_over() {
        return;
    }
    let secs = (time.elapsed_secs_f64() - active.started).max(0.0) as u64;
    let s = clock_text(language.words(), secs);
    for mut text in &mut clock {
        if text.0 != s {
            text.0 = s.clone();
        }
    }
    // Wake when the clock next changes, not before (scenarios with patience wake every second
    // anyway). The wait only changes when a whole second has passed, so setting it does not
    // itself keep the game awake.
    let impatient = active.script().scenario().patience.is_some();
    if let Some(mut settings) = settings
        && !impatient
        && !matches!(settings.focused_mode, UpdateMode::Continuous)
    {
        let wait = Duration::from_secs(60 - secs % 60);
        let wanted = WinitSettings {
            focused_mode: UpdateMode::reactive(wait),
            unfocused_mode: UpdateMode::reactive_low_power(wait),
        };
        if settings.focused_mode != wanted.focused_mode {
            *settings = wanted;
        }
    }
}

/// The call clock: whole minutes, so a call that waits for the player needs no frame a second.
pub fn clock_text(w: &peercall_core::words::Words, secs: u64) -> String {
    w.f("call-clock", &[("minutes", (secs / 60).into())])
}
