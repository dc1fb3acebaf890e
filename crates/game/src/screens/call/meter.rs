//! The trust meter (its bar eases toward the call's trust, and the change floats beside the
//! figure for a moment), the prospect's mood and avatar colour, and the resources gauge.

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{UpdateMode, WinitSettings};

use super::CallMoved;
use super::layout::{Avatar, DaysFill, DaysText, Mood, TrustDelta, TrustFill, TrustNumber};
use crate::pause::Pause;
use crate::theme::Theme;
use crate::{ActiveCall, GameSet, Screen};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (follow.run_if(on_message::<CallMoved>), animate)
            .chain()
            .in_set(GameSet::View)
            .run_if(in_state(Screen::Call)),
    );
    // In a certification only the resources committed (the player's own doing) are shown.
    app.add_systems(
        Update,
        follow_days
            .in_set(GameSet::View)
            .run_if(in_state(Screen::Call).and_then(crate::competition::certifying)),
    );
}

/// The trust meter's animation, kept on the bar: the value drawn eases toward the call's trust.
#[derive(Component, Debug, Default, Clone, Copy)]
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

/// Person-days the resources gauge shows when full.
const GAUGE_DAYS: f64 = 10.0;

/// Follows the call: a turn or a patience loss moves the meter's target and floats its change;
/// catching up (a screen drawn anew) puts the bar where the call is, with nothing floating.
fn follow(
    certifying: Option<Res<crate::ActiveCompetition>>,
    mut commands: Commands,
    mut moved: MessageReader<CallMoved>,
    time: Res<Time>,
    theme: Res<Theme>,
    active: Option<Res<ActiveCall>>,
    fill: Single<(Entity, Option<&mut MeterAnim>), With<TrustFill>>,
    mut delta_text: Single<(&mut Text, &mut TextColor), With<TrustDelta>>,
    mut days_text: Single<&mut Text, (With<DaysText>, Without<TrustDelta>, Without<Mood>)>,
    mut mood: Single<
        (&mut Text, &mut TextColor),
        (With<Mood>, Without<TrustDelta>, Without<DaysText>),
    >,
    mut days_fill: Single<&mut Node, With<DaysFill>>,
    mut avatar: Single<&mut BackgroundColor, With<Avatar>>,
    language: Res<crate::Language>,
) {
    let w = language.words();
    let Some(active) = active else { return };
    if certifying.is_some_and(|c| c.is_certification()) {
        return;
    }
    let t = *theme;
    let p = t.palette;
    let trust = active.call.trust() as f32;
    let (bar, anim) = fill.into_inner();
    let mut next = anim.as_deref().copied().unwrap_or(MeterAnim {
        shown: trust,
        target: trust,
        changed_at: -DELTA_SECS,
    });
    // The sum of every change this frame (an answer and a patience loss may come together).
    let change: Option<i32> = moved
        .read()
        .filter_map(|m| m.trust.map(|(before, after)| after - before))
        .reduce(|a, b| a + b);
    match change {
        Some(delta) => {
            next.changed_at = time.elapsed_secs_f64();
            let (text, color) = &mut *delta_text;
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
        // Catching up: no animation, nothing floating.
        None if anim.is_none() => next.shown = trust,
        None => {}
    }
    next.target = trust;
    commands.entity(bar).insert(next);
    let days = active.call.days();
    days_text.0 = w.f(
        "call-person-days",
        &[("days", w.days(days).into()), ("count", days.into())],
    );
    days_fill.width = percent((days / GAUGE_DAYS * 100.0).min(100.0) as f32);
    let (label, color) = mood_of(trust, active.script().scenario().trust.hang_up_below, &t);
    let (text, c) = &mut *mood;
    text.0 = w.f("call-mood", &[("mood", w.t(label).into())]);
    c.0 = color;
    avatar.0 = color.darker(0.25);
}

/// The resources gauge alone, in a certification (the trust and the mood stay hidden).
fn follow_days(
    mut moved: MessageReader<CallMoved>,
    active: Option<Res<ActiveCall>>,
    mut days_text: Single<&mut Text, With<DaysText>>,
    mut days_fill: Single<&mut Node, With<DaysFill>>,
    language: Res<crate::Language>,
) {
    if moved.read().count() == 0 {
        return;
    }
    let Some(active) = active else { return };
    let w = language.words();
    let days = active.call.days();
    days_text.0 = w.f(
        "call-person-days",
        &[("days", w.days(days).into()), ("count", days.into())],
    );
    days_fill.width = percent((days / GAUGE_DAYS * 100.0).min(100.0) as f32);
}

/// The prospect's mood at this trust (the message id of its word), and its colour.
pub fn mood_of(trust: f32, hang_up_below: i32, t: &Theme) -> (&'static str, Color) {
    let p = t.palette;
    let danger = hang_up_below as f32;
    if trust >= 70.0 {
        ("mood-warm", p.good)
    } else if trust >= 50.0 {
        ("mood-open", p.good)
    } else if trust >= 35.0 {
        ("mood-guarded", p.warn)
    } else if trust >= danger + 8.0 {
        ("mood-impatient", p.bad)
    } else {
        ("mood-hanging-up", p.bad)
    }
}

/// Eases the trust bar toward its target and fades the floating change; asks for frames only
/// while something moves.
fn animate(
    time: Res<Time>,
    theme: Res<Theme>,
    active: Option<Res<ActiveCall>>,
    mut fill: Query<(&mut MeterAnim, &mut Node, &mut BackgroundColor), With<TrustFill>>,
    mut number: Query<&mut Text, With<TrustNumber>>,
    mut delta: Query<&mut TextColor, With<TrustDelta>>,
    pause: Option<Res<State<Pause>>>,
    mut redraw: MessageWriter<RequestRedraw>,
    mut boost: Local<Option<WinitSettings>>,
    mut was_moving: Local<bool>,
    settings: Option<ResMut<WinitSettings>>,
) {
    let Some(active) = active else { return };
    let Ok((mut anim, mut node, mut bg)) = fill.single_mut() else {
        return;
    };
    let hang_up = active.script().scenario().trust.hang_up_below;
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
    if moving || node.is_added() {
        node.width = percent(anim.shown.clamp(0.0, 100.0));
        bg.0 = theme.trust_color(anim.shown, hang_up);
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
    let held = pause.is_some_and(|p| *p.get() == Pause::OnHold);
    let animating = (moving || fading) && !held;
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
