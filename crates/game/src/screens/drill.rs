//! Drills in the game: the decisions due today, played in a row from the title screen. Each has
//! a short briefing (what was said last time, and that the situation may differ), a call that
//! starts at the missed moment, and a debrief that says whether it was passed and when it comes
//! back.

use std::sync::Arc;

use bevy::prelude::*;
use peercall_core::drills::{Drill, Step, day_of};
use peercall_dialogue::Script;

use crate::nav::Press;
use crate::{ActiveCall, RecordsDb, Screen};

pub(super) fn plugin(app: &mut App) {
    // Leaving the drills for the title or the list of calls ends the run of drills.
    app.add_systems(OnEnter(Screen::Title), end_run)
        .add_systems(OnEnter(Screen::Pick), end_run);
}

/// The drills being played in a row, and how the ones played so far went.
#[derive(Resource, Debug, Clone)]
pub struct DrillRun {
    /// The drills due when the run began, in order.
    pub drills: Vec<Drill>,
    /// The one being played (or about to be).
    pub at: usize,
    /// Each finished drill's pass, in order.
    pub passed: Vec<bool>,
}

impl DrillRun {
    /// The drill being played.
    pub fn current(&self) -> Option<&Drill> {
        self.drills.get(self.at)
    }
}

/// The drill an [`ActiveCall`] plays, and where it stood before.
#[derive(Debug, Clone)]
pub struct DrillCall {
    /// The drill.
    pub drill: Drill,
    /// Its place on the schedule after this play, once recorded.
    pub after: Option<Step>,
}

fn end_run(mut commands: Commands) {
    commands.remove_resource::<DrillRun>();
}

/// What the title screen says about the player's drills.
#[derive(Debug, Clone, Default)]
pub struct Due {
    /// The drills due today that the library can still play.
    pub today: Vec<Drill>,
    /// The day the next one is due, when none is due today.
    pub next: Option<i64>,
}

/// The player's drills due today (that the library can still play), and the next due day.
pub fn due(world: &World) -> Due {
    let Some(db) = world.get_resource::<RecordsDb>() else {
        return Due::default();
    };
    let player = world.resource::<crate::Profile>().player.clone();
    let Ok(drills) = db.with("game-what-drills", |s| s.drills(&player)) else {
        return Due::default();
    };
    let library = &world.resource::<crate::Scenarios>().0;
    let today = day_of(peercall_core::clock::now());
    let playable = |d: &Drill| {
        library
            .script(&d.scenario)
            .is_some_and(|s| d.miss.start.state(s, 0).is_some())
    };
    let mut due = Due::default();
    for d in drills
        .into_iter()
        .filter(|d| !d.step.retired && playable(d))
    {
        if d.step.is_due(today) {
            due.today.push(d);
        } else {
            due.next = Some(due.next.map_or(d.step.due, |n: i64| n.min(d.step.due)));
        }
    }
    due
}

/// The title's "practise" button: the drills due today, played in a row.
pub fn practise(_: On<Press>, mut commands: Commands) {
    commands.queue(|world: &mut World| {
        let drills = due(world).today;
        if drills.is_empty() {
            return;
        }
        world.insert_resource(DrillRun {
            drills,
            at: 0,
            passed: Vec::new(),
        });
        world
            .resource_mut::<NextState<Screen>>()
            .set(Screen::Briefing);
    });
}

/// The script of the current drill's scenario, from the library.
pub fn current_script(world: &World) -> Option<(Drill, Arc<Script>)> {
    let drill = world.get_resource::<DrillRun>()?.current()?.clone();
    let script = world
        .resource::<crate::Scenarios>()
        .0
        .get(&drill.scenario)
        .and_then(|e| e.shared_script())?;
    Some((drill, script))
}

/// Starts the current drill's call: at its moment, in a truth drawn from a fresh seed.
pub fn take(_: On<Press>, mut commands: Commands) {
    commands.queue(|world: &mut World| {
        let Some((drill, script)) = current_script(world) else {
            world.resource_mut::<NextState<Screen>>().set(Screen::Title);
            return;
        };
        let seed = world.resource_mut::<crate::Seeds>().take();
        let Some(call) = peercall_core::drill_play::start(&drill, &script, seed) else {
            world.resource_mut::<NextState<Screen>>().set(Screen::Title);
            return;
        };
        let now = world.resource::<Time>().elapsed_secs_f64();
        let mut active = ActiveCall::new(script, call, now);
        active.drill = Some(DrillCall { drill, after: None });
        world.insert_resource(active);
        world.resource_mut::<NextState<Screen>>().set(Screen::Call);
    });
}

/// After a drill's debrief: the next drill's briefing, or the title when it was the last.
pub fn next(_: On<Press>, mut commands: Commands) {
    commands.queue(|world: &mut World| {
        let more = world.get_resource_mut::<DrillRun>().is_some_and(|mut run| {
            run.at += 1;
            run.at < run.drills.len()
        });
        let screen = if more {
            Screen::Briefing
        } else {
            Screen::Title
        };
        world.resource_mut::<NextState<Screen>>().set(screen);
    });
}

/// Records a finished drill's play once (a redraw of the debrief records nothing again) and
/// returns its step; the error to show when it could not be recorded.
pub fn record(world: &mut World) -> Option<Result<(bool, Step), String>> {
    let active = world.get_resource::<ActiveCall>()?.clone();
    let dc = active.drill.as_ref()?;
    let passed = peercall_dialogue::drill::passed(&active.call, active.script());
    if let Some(step) = dc.after {
        return Some(Ok((passed, step)));
    }
    let profile = world.resource::<crate::Profile>().clone();
    let home = world
        .get_resource::<crate::HomePage>()
        .map_or_else(|| peercall_core::xapi::home_page(None), |h| h.0.clone());
    let who = peercall_core::finish::Played {
        player: &profile.player,
        team: &profile.team,
        started: active.wall_start,
        competition: None,
        lang: None,
    };
    let now = peercall_core::clock::now();
    let step = match world.get_resource::<RecordsDb>() {
        Some(db) => db
            .with("game-what-drills", |s| {
                peercall_core::drill_play::finish(
                    s,
                    &dc.drill,
                    &active.call,
                    active.script(),
                    who,
                    &home,
                    now,
                )
            })
            .map(|r| r.map(|(_, step)| step))
            .map_err(|u| u.said(world.resource::<crate::Language>().words())),
        // Without records the schedule cannot move; the drill still shows its verdict.
        None => Ok(Some(dc.drill.step.after(passed, day_of(now)))),
    };
    let step = match step {
        Ok(Some(step)) => step,
        Ok(None) => return None,
        Err(e) => return Some(Err(e)),
    };
    if let Some(mut a) = world.get_resource_mut::<ActiveCall>()
        && let Some(d) = a.drill.as_mut()
    {
        d.after = Some(step);
    }
    if let Some(mut run) = world.get_resource_mut::<DrillRun>()
        && run.passed.len() == run.at
    {
        run.passed.push(passed);
    }
    Some(Ok((passed, step)))
}

/// The drill's briefing: which drill of how many, the scenario, what was said last time and
/// why it missed, and that the situation may not be the same: listen.
pub fn spawn_briefing(world: &mut World) {
    let Some((drill, script)) = current_script(world) else {
        world.resource_mut::<NextState<Screen>>().set(Screen::Title);
        return;
    };
    let (n, of) = world
        .get_resource::<DrillRun>()
        .map_or((1, 1), |r| (r.at + 1, r.drills.len()));
    let t = *world.resource::<crate::Theme>();
    let p = t.palette;
    let w = world.resource::<crate::Language>().words();
    let sc = script.scenario();
    let m = &drill.miss;
    let why = match m.kind {
        peercall_dialogue::drill::MissKind::Decision => w.t("drills-better-decision"),
        peercall_dialogue::drill::MissKind::Signal => w.f(
            "drills-better-signal",
            &[("signal", w.signal(m.better_signal).into())],
        ),
    };
    let mut commands = world.commands();
    let root = commands
        .spawn((DespawnOnExit(Screen::Briefing), t.root()))
        .id();
    commands.entity(root).with_children(|root| {
        root.spawn((
            t.colored(
                w.f("drills-briefing", &[("n", n.into()), ("of", of.into())]),
                18.0,
                p.dim,
            ),
            Label,
        ));
        root.spawn((t.colored(sc.title.clone(), 40.0, p.accent), Label));
        root.spawn((
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
            Label,
        ));
        root.spawn(Node {
            flex_direction: FlexDirection::Column,
            row_gap: px(14),
            flex_grow: 1.0,
            flex_shrink: 1.0,
            min_height: px(0),
            overflow: Overflow::scroll_y(),
            ..default()
        })
        .with_children(|col| {
            col.spawn(t.callout(p.panel, p.bad, 14.0))
                .with_children(|c| {
                    c.spawn(t.colored(w.t("drills-last-time"), 16.0, p.accent));
                    c.spawn((t.text(format!("\"{}\"", m.said), 20.0), Label));
                    c.spawn((t.colored(w.signal(m.signal), 16.0, p.bad), Label));
                    c.spawn((t.colored(why, 17.0, p.text), Label));
                });
            col.spawn(t.panel()).with_children(|c| {
                c.spawn((t.text(w.t("drills-listen"), 19.0), Label));
                c.spawn((t.colored(w.t("drills-how-spaced"), 16.0, p.dim), Label));
            });
        });
        root.spawn(t.button_row()).with_children(|row| {
            row.spawn(t.button(w.t("briefing-take"), 0)).observe(take);
            row.spawn((t.button(w.t("back-esc"), 1), crate::nav::EscapeKey))
                .observe(crate::flow::go(Screen::Title));
        });
    });
    world.flush();
}

/// The text of a drill's verdict on its debrief (tests read it).
#[derive(Component, Debug)]
pub struct VerdictText;

/// What a drill's debrief says about the drill (recorded when the debrief opens).
#[derive(Resource, Debug, Clone)]
pub struct DrillVerdict(pub Result<(bool, Step), String>);

/// Records a drill that has just ended, for its debrief.
pub fn record_for_debrief(world: &mut World) {
    match record(world) {
        Some(v) => world.insert_resource(DrillVerdict(v)),
        None => {
            world.remove_resource::<DrillVerdict>();
        }
    }
}

/// The verdict's words: passed or missed, and when the drill comes back.
pub fn verdict_text(v: &DrillVerdict, w: &peercall_core::words::Words) -> (bool, String) {
    match &v.0 {
        Err(e) => (false, e.clone()),
        Ok((_, step)) if step.retired => (true, w.t("drills-passed-retired")),
        Ok((passed, step)) => {
            let today = day_of(peercall_core::clock::now());
            let next = w.f(
                "drills-next",
                &[
                    ("date", peercall_core::drills::date(step.due).into()),
                    ("days", ((step.due - today).max(0) as u64).into()),
                ],
            );
            let said = if *passed {
                w.t("drills-passed-game")
            } else {
                w.t("drills-missed")
            };
            (*passed, format!("{said} {next}"))
        }
    }
}

/// The label of the debrief's way on: the next drill, or done.
pub fn next_label(run: Option<&DrillRun>, w: &peercall_core::words::Words) -> String {
    match run {
        Some(r) if r.at + 1 < r.drills.len() => w.f(
            "drills-next-drill",
            &[("n", (r.at + 2).into()), ("of", r.drills.len().into())],
        ),
        _ => w.t("drills-done"),
    }
}
