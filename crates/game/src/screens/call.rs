//! The call: the prospect's card with a mood, the call clock, the transcript, the live trust
//! meter with its floating change, the resources gauge, and the player's numbered choices.

use std::time::Duration;

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{UpdateMode, WinitSettings};
use peercall_dialogue::score::format_days;
use peercall_dialogue::{Line, Script};

use super::initials;
use crate::nav::{Hotkey, Scrollable};
use crate::pause::Paused;
use crate::theme::{Action, Focusable, Theme};
use crate::{ActiveCall, Scenarios, Screen};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Synced>()
        .init_resource::<MeterAnim>()
        .init_resource::<Waiting>()
        .add_systems(OnEnter(Screen::Call), (spawn, wake_every_second))
        .add_systems(OnExit(Screen::Call), restore_desktop_mode)
        .add_systems(
            Update,
            (patience, sync, animate, tick_clock)
                .chain()
                .after(crate::nav::perform)
                .run_if(in_state(Screen::Call)),
        );
}

/// How much of the call the screen already shows.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct Synced {
    /// Transcript lines drawn.
    pub lines: usize,
    /// Turns the choices and meters reflect (`None`: nothing drawn yet).
    pub turns: Option<usize>,
    /// Trust the meters reflect.
    pub trust: i32,
    /// Whether the screen shows the call as over.
    pub over: bool,
}

/// The prospect's patience: when the answer started being awaited (seconds since start-up,
/// moved forward while the call is on hold) and how many seconds have already cost trust.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct Waiting {
    /// When the current wait began.
    pub since: f64,
    /// Whole seconds past the scenario's patience already charged.
    pub charged: u32,
    /// Turns taken when the wait began.
    pub turn: usize,
}

/// The trust meter's animation: the value drawn eases toward the call's trust.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct MeterAnim {
    /// The value the bar shows now.
    pub shown: f32,
    /// The call's trust.
    pub target: f32,
    /// Seconds since start-up when the last change was shown (drives the floating +n).
    pub changed_at: f64,
}

/// Seconds the floating trust change stays visible.
const DELTA_SECS: f64 = 1.6;

#[derive(Component)]
struct Transcript;
#[derive(Component)]
struct Choices;
#[derive(Component)]
struct TrustFill;
#[derive(Component)]
struct TrustNumber;
#[derive(Component)]
struct TrustDelta;
#[derive(Component)]
struct DaysFill;
#[derive(Component)]
struct DaysText;
#[derive(Component)]
struct Avatar;
#[derive(Component)]
struct Mood;
#[derive(Component)]
struct Clock;

/// The prospect's line the player is answering (read by screen readers).
#[derive(Component)]
pub struct ProspectLine;

/// Person-days the resources gauge shows when full.
const GAUGE_DAYS: f64 = 10.0;

fn wake_every_second(
    settings: Option<ResMut<WinitSettings>>,
    scenarios: Res<Scenarios>,
    active: Option<Res<ActiveCall>>,
) {
    // Only an impatient prospect needs the game awake every second (trust drains per second);
    // otherwise the call waits for the player and the clock moves in minutes.
    let impatient = active.is_some_and(|a| a.script(&scenarios).scenario().patience.is_some());
    if let Some(mut s) = settings
        && impatient
        && !matches!(s.focused_mode, UpdateMode::Continuous)
    {
        s.focused_mode = UpdateMode::reactive(Duration::from_secs(1));
        s.unfocused_mode = UpdateMode::reactive_low_power(Duration::from_secs(1));
    }
}

fn restore_desktop_mode(settings: Option<ResMut<WinitSettings>>) {
    if let Some(mut s) = settings
        && !matches!(s.focused_mode, UpdateMode::Continuous)
    {
        *s = crate::resting();
    }
}

fn spawn(
    mut commands: Commands,
    theme: Res<Theme>,
    scenarios: Res<Scenarios>,
    active: Option<Res<ActiveCall>>,
    mut synced: ResMut<Synced>,
    mut anim: ResMut<MeterAnim>,
    mut waiting: ResMut<Waiting>,
) {
    *waiting = Waiting::default();
    let Some(active) = active else { return };
    let script = active.script(&scenarios);
    let sc = script.scenario();
    let t = *theme;
    let p = t.palette;
    *synced = Synced::default();
    let trust = active.call.trust() as f32;
    // A rebuilt screen (new look, replay) starts the meter where the call is.
    *anim = MeterAnim {
        shown: trust,
        target: trust,
        changed_at: -DELTA_SECS,
    };
    let hang_up = sc.trust.hang_up_below;
    let range = (sc.trust.max - sc.trust.min).max(1) as f32;
    let threshold = ((hang_up - sc.trust.min) as f32 / range * 100.0).clamp(0.0, 100.0);

    let root = commands
        .spawn((
            DespawnOnExit(Screen::Call),
            Node {
                width: percent(100),
                height: percent(100),
                padding: UiRect::all(px(20)),
                column_gap: px(20),
                ..default()
            },
            BackgroundColor(p.background),
        ))
        .id();
    commands.entity(root).with_children(|root| {
        // Left: who is on the line and how it is going.
        root.spawn(Node {
            width: px(330),
            flex_shrink: 0.0,
            flex_direction: FlexDirection::Column,
            row_gap: px(14),
            ..default()
        })
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
                card.spawn((Mood, t.colored("", 17.0, p.text), Label));
                card.spawn((Clock, t.colored(clock_text(0), 16.0, p.dim)));
            });

            left.spawn(t.panel()).with_children(|panel| {
                panel
                    .spawn(Node {
                        justify_content: JustifyContent::SpaceBetween,
                        align_items: AlignItems::End,
                        ..default()
                    })
                    .with_children(|row| {
                        row.spawn(t.colored("Trust", 18.0, p.dim));
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
                    format!("Below {hang_up} the prospect ends the call."),
                    14.0,
                    p.dim,
                ));
            });

            left.spawn(t.panel()).with_children(|panel| {
                panel.spawn(t.colored("Resources committed", 18.0, p.dim));
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
                Node {
                    margin: UiRect::top(Val::Auto),
                    ..default()
                },
                children![t.colored(
                    "Answer with 1-9, a click, or the arrows and Enter. Esc puts the call on hold.",
                    14.0,
                    p.dim
                )],
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
                format!("{}  -  {}", sc.title, sc.difficulty.label()),
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

/// Brings the screen up to date with the call: new transcript lines, the choices now on offer,
/// the meter's target, the gauge and the mood.
fn sync(
    mut commands: Commands,
    theme: Res<Theme>,
    scenarios: Res<Scenarios>,
    active: Option<Res<ActiveCall>>,
    time: Res<Time>,
    mut synced: ResMut<Synced>,
    mut anim: ResMut<MeterAnim>,
    transcript: Single<(Entity, &mut ScrollPosition), With<Transcript>>,
    choices: Single<Entity, With<Choices>>,
    mut texts: Query<(&mut Text, &mut TextColor), Without<ProspectLine>>,
    days_text: Single<Entity, With<DaysText>>,
    mood: Single<Entity, With<Mood>>,
    mut fills: Query<&mut Node, With<DaysFill>>,
    mut avatar: Single<&mut BackgroundColor, With<Avatar>>,
    old_lines: Query<Entity, With<ProspectLine>>,
    delta_text: Single<Entity, With<TrustDelta>>,
) {
    let Some(active) = active else { return };
    let turns = active.call.turns().len();
    let over = active.call.is_over();
    let trust_now = active.call.trust();
    if synced.turns == Some(turns) && synced.trust == trust_now && synced.over == over {
        return;
    }
    let first_draw = synced.turns.is_none();
    let new_turn = synced.turns != Some(turns) || synced.over != over;
    let script = active.script(&scenarios);
    let sc = script.scenario();
    let t = *theme;
    let p = t.palette;
    let (list, mut scroll) = transcript.into_inner();

    // Only the newest prospect line is announced as the one to answer.
    for e in &old_lines {
        commands.entity(e).remove::<ProspectLine>();
    }
    let lines = active.call.transcript(script);
    for (i, line) in lines.iter().enumerate().skip(synced.lines) {
        let newest = i + 1 == lines.len();
        commands
            .entity(list)
            .with_children(|l| spawn_line(l, &t, script, line, newest && !over));
    }
    if let Some(finish) = active.call.finish().filter(|_| !synced.over) {
        let (_, ending) = sc.endings.at(finish.ending as usize);
        let note = if finish.hung_up {
            format!("{} hung up.", sc.prospect.name)
        } else {
            "The call is over.".to_string()
        };
        commands.entity(list).with_children(|l| {
            l.spawn((
                Node {
                    align_self: AlignSelf::Center,
                    margin: UiRect::top(px(6)),
                    ..default()
                },
                children![(
                    t.colored(
                        format!("{note}  {}", ending.title),
                        17.0,
                        if ending.outcome.is_qualified() {
                            p.good
                        } else {
                            p.bad
                        }
                    ),
                    Label
                )],
            ));
        });
    }
    if synced.lines != lines.len() {
        scroll.y = 1.0e6;
    }
    synced.lines = lines.len();

    // Choices: rebuilt for a new turn.
    if new_turn {
        commands.entity(*choices).despawn_children();
    }
    commands.entity(*choices).with_children(|c| {
        if !new_turn {
            return;
        }
        if over {
            c.spawn(t.button("See your debrief (Enter)", Action::ShowDebrief, 0));
            return;
        }
        for offer in active.call.offered(script) {
            c.spawn((
                Button,
                Action::Choose {
                    turn: turns,
                    number: offer.number,
                },
                Focusable(offer.number - 1),
                Hotkey(offer.number),
                Node {
                    padding: UiRect::axes(px(14), px(9)),
                    border: UiRect::all(px(2)),
                    column_gap: px(12),
                    align_items: AlignItems::Center,
                    border_radius: BorderRadius::all(px(8)),
                    ..default()
                },
                BackgroundColor(p.button),
                BorderColor::all(p.button),
            ))
            .with_children(|b| {
                b.spawn(t.colored(format!("{}", offer.number), 22.0, p.accent));
                b.spawn((
                    Text::new(offer.say),
                    t.font(18.0),
                    TextColor(p.button_text),
                    Node {
                        flex_shrink: 1.0,
                        ..default()
                    },
                ));
            });
        }
    });

    // Meters: the bar eases in `animate`; the change floats beside the number.
    let trust = trust_now as f32;
    if !first_draw {
        anim.changed_at = time.elapsed_secs_f64();
        let delta = trust_now - synced.trust;
        if let Ok((mut text, mut color)) = texts.get_mut(*delta_text) {
            text.0 = if delta == 0 {
                "\u{b1}0".into()
            } else {
                format!("{delta:+}")
            };
            color.0 = if delta > 0 {
                p.good
            } else if delta < 0 {
                p.bad
            } else {
                p.dim
            };
        }
    }
    anim.target = trust;
    let days = active.call.days();
    if let Ok((mut text, _)) = texts.get_mut(*days_text) {
        text.0 = format!(
            "{} person-day{}",
            format_days(days),
            if (days - 1.0).abs() < 1e-9 { "" } else { "s" }
        );
    }
    for mut node in &mut fills {
        node.width = percent((days / GAUGE_DAYS * 100.0).min(100.0) as f32);
    }
    let (label, color) = mood_of(trust, sc.trust.hang_up_below, &t);
    if let Ok((mut text, mut c)) = texts.get_mut(*mood) {
        text.0 = format!("Mood: {label}");
        c.0 = color;
    }
    avatar.0 = color.darker(0.25);
    synced.turns = Some(turns);
    synced.trust = trust_now;
    synced.over = over;
}

fn spawn_line(l: &mut ChildSpawnerCommands, t: &Theme, script: &Script, line: &Line, newest: bool) {
    let p = t.palette;
    let sc = script.scenario();
    match line {
        Line::Prospect { text } => {
            let mut bubble = l.spawn(t.bubble(AlignSelf::Start, p.prospect));
            bubble.with_children(|b| {
                b.spawn(t.colored(sc.prospect.name.clone(), 14.0, p.accent));
                let mut text = b.spawn((t.text(text.clone(), 19.0), Label));
                if newest {
                    text.insert(ProspectLine);
                }
            });
        }
        Line::Player {
            text,
            signal,
            trust_before,
            trust_after,
        } => {
            let delta = trust_after - trust_before;
            let delta_color = if delta > 0 {
                p.good
            } else if delta < 0 {
                p.bad
            } else {
                p.dim
            };
            l.spawn(t.bubble(AlignSelf::End, p.player))
                .with_children(|b| {
                    b.spawn(t.colored("You", 14.0, p.accent));
                    b.spawn((t.text(text.clone(), 19.0), Label));
                    b.spawn(t.colored(
                        format!("{}  |  trust {delta:+}", signal.label()),
                        14.0,
                        delta_color,
                    ));
                });
        }
    }
}

/// A word for the prospect's mood at this trust, and its colour.
pub fn mood_of(trust: f32, hang_up_below: i32, t: &Theme) -> (&'static str, Color) {
    let p = t.palette;
    let danger = hang_up_below as f32;
    if trust >= 70.0 {
        ("warm, talking openly", p.good)
    } else if trust >= 50.0 {
        ("open", p.good)
    } else if trust >= 35.0 {
        ("guarded", p.warn)
    } else if trust >= danger + 8.0 {
        ("impatient", p.bad)
    } else {
        ("about to hang up", p.bad)
    }
}

/// Eases the trust bar toward its target and fades the floating change; asks for frames only
/// while something moves.
fn animate(
    time: Res<Time>,
    theme: Res<Theme>,
    scenarios: Res<Scenarios>,
    active: Option<Res<ActiveCall>>,
    mut anim: ResMut<MeterAnim>,
    mut fill: Query<(&mut Node, &mut BackgroundColor), With<TrustFill>>,
    mut number: Query<&mut Text, With<TrustNumber>>,
    mut delta: Query<&mut TextColor, With<TrustDelta>>,
    paused: Res<Paused>,
    mut redraw: MessageWriter<RequestRedraw>,
    mut boost: Local<Option<WinitSettings>>,
    mut was_moving: Local<bool>,
    settings: Option<ResMut<WinitSettings>>,
) {
    let Some(active) = active else { return };
    let hang_up = active.script(&scenarios).scenario().trust.hang_up_below;
    // A frame may take longer than the meter's ease: cap the step so the motion stays visible.
    // The first frame of a movement takes a frame's step: `Time`'s delta then may still cover
    // the whole time the game rested.
    let dt = if *was_moving {
        time.delta_secs().min(0.1)
    } else {
        1.0 / 60.0
    };
    let now = time.elapsed_secs_f64();
    let gap = anim.target - anim.shown;
    let mut moving = false;
    if gap.abs() > 0.05 {
        let step = 1.0 - (-dt * 7.0).exp();
        anim.shown += gap * step.clamp(0.0, 1.0);
        moving = true;
    } else if gap != 0.0 {
        anim.shown = anim.target;
        moving = true;
    }
    if moving {
        for (mut node, mut bg) in &mut fill {
            node.width = percent(anim.shown.clamp(0.0, 100.0));
            bg.0 = theme.trust_color(anim.shown, hang_up);
        }
        for mut text in &mut number {
            let s = format!("{:.0}", anim.shown);
            if text.0 != s {
                text.0 = s;
            }
        }
    }
    let age = now - anim.changed_at;
    let fading = age < DELTA_SECS;
    for mut color in &mut delta {
        let alpha = if fading {
            (1.0 - age / DELTA_SECS).clamp(0.0, 1.0) as f32
        } else {
            0.0
        };
        if (color.0.alpha() - alpha).abs() > 0.001 {
            color.0.set_alpha(alpha);
        }
    }
    *was_moving = moving;
    let animating = (moving || fading) && !paused.0;
    if animating {
        redraw.write(RequestRedraw);
    }
    // While the meter moves, draw continuously; then go back to waiting for the player.
    if let Some(mut settings) = settings {
        match (animating, boost.is_some()) {
            (true, false) => {
                *boost = Some(settings.clone());
                settings.focused_mode = UpdateMode::Continuous;
                settings.unfocused_mode = UpdateMode::Continuous;
            }
            (false, true) => {
                if let Some(previous) = boost.take() {
                    *settings = previous;
                }
            }
            _ => {}
        }
    }
}

/// Scenarios with `patience`: once the prospect has waited that many seconds for an answer,
/// every further second costs a point of trust (and can end the call).
fn patience(
    time: Res<Time>,
    scenarios: Res<Scenarios>,
    active: Option<ResMut<ActiveCall>>,
    paused: Res<Paused>,
    mut waiting: ResMut<Waiting>,
) {
    let Some(mut active) = active else { return };
    let now = time.elapsed_secs_f64();
    let turns = active.call.turns().len();
    if waiting.turn != turns || waiting.since == 0.0 {
        *waiting = Waiting {
            since: now,
            charged: 0,
            turn: turns,
        };
        return;
    }
    if paused.0 {
        waiting.since += time.delta_secs_f64();
        return;
    }
    let Some(script) = scenarios.0.entries[active.index].script() else {
        return;
    };
    let Some(limit) = script.scenario().patience else {
        return;
    };
    if active.call.is_over() {
        return;
    }
    let over = (now - waiting.since - f64::from(limit)).floor();
    if over >= f64::from(waiting.charged) + 1.0 {
        let points = over as u32 - waiting.charged;
        waiting.charged += points;
        active.call.lose_patience(script, points as i32);
    }
}

fn tick_clock(
    time: Res<Time>,
    scenarios: Res<Scenarios>,
    active: Option<Res<ActiveCall>>,
    mut clock: Query<&mut Text, With<Clock>>,
    settings: Option<ResMut<WinitSettings>>,
) {
    let Some(active) = active else { return };
    if active.call.is_over() {
        return;
    }
    let secs = (time.elapsed_secs_f64() - active.started).max(0.0) as u64;
    let s = clock_text(secs);
    for mut text in &mut clock {
        if text.0 != s {
            text.0 = s.clone();
        }
    }
    // Wake when the clock next changes, not before (scenarios with patience wake every second
    // anyway). The wait only changes when a whole second has passed, so setting it does not
    // itself keep the game awake.
    let impatient = active.script(&scenarios).scenario().patience.is_some();
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
pub fn clock_text(secs: u64) -> String {
    match secs / 60 {
        0 => "On the call: under a minute".to_string(),
        1 => "On the call: 1 minute".to_string(),
        m => format!("On the call: {m} minutes"),
    }
}
