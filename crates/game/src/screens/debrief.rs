//! The debrief: the outcome in one headline, the score and its tier, then every turn with the
//! signal it sent, the trust change and the better line; the lesson; retry or replay from a turn.

use bevy::prelude::*;
use peercall_dialogue::{Debrief, Outcome, Stance};

use crate::flow;
use crate::nav::{EscapeKey, Press, Scrollable};
use crate::screens::call::{self, Start};
use crate::screens::certificate;
use crate::screens::drill;
use crate::theme::Theme;
use crate::{ActiveCall, GameSet, Scenarios, Screen};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Debrief),
        (drill::record_for_debrief, spawn).chain(),
    )
    .add_systems(
        Update,
        retry_key
            .in_set(GameSet::Input)
            .run_if(in_state(Screen::Debrief)),
    );
}

/// The debrief on display (tests and the scripted mode read it).
#[derive(Resource, Debug, Clone)]
pub struct ShownDebrief(pub Debrief);

/// The retry button: R presses it.
#[derive(Component)]
struct RetryButton;

/// A "replay from turn N" button.
#[derive(Component, Debug, Clone, Copy)]
struct ReplayFrom(usize);

fn retry_key(
    mut commands: Commands,
    input: Res<ButtonInput<KeyCode>>,
    button: Query<Entity, With<RetryButton>>,
) {
    if input.just_pressed(KeyCode::KeyR)
        && let Ok(entity) = button.single()
    {
        commands.trigger(Press { entity });
    }
}

fn retry(_: On<Press>, mut commands: Commands) {
    commands.queue(|world: &mut World| call::start(world, Start::Retry));
}

fn replay_from(press: On<Press>, buttons: Query<&ReplayFrom>, mut commands: Commands) {
    if let Ok(&ReplayFrom(turn)) = buttons.get(press.entity) {
        commands.queue(move |world: &mut World| call::start(world, Start::ReplayFrom(turn)));
    }
}

fn spawn(
    mut commands: Commands,
    theme: Res<Theme>,
    scenarios: Res<Scenarios>,
    active: Option<Res<ActiveCall>>,
    profile: Res<crate::Profile>,
    db: Option<Res<crate::RecordsDb>>,
    competition: Option<Res<crate::ActiveCompetition>>,
    home_page: Option<Res<crate::HomePage>>,
    language: Option<Res<crate::Language>>,
    drill_verdict: Option<Res<drill::DrillVerdict>>,
    drill_run: Option<Res<drill::DrillRun>>,
) {
    let Some(active) = active else { return };
    let is_drill = active.drill.is_some();
    let w = language
        .as_ref()
        .map_or_else(|| peercall_core::words::words("en"), |l| l.words());
    let world_lang = language
        .as_ref()
        .map(|l| l.lang.clone())
        .filter(|l| l != peercall_core::i18n::SOURCE);
    let script = active.script();
    let Some(d) = Debrief::of(&active.call, script) else {
        return;
    };
    // Record the finished call (recording it again, e.g. after a theme change, changes nothing).
    let mut failure = None;
    // A drill was recorded as one when the screen opened (see `drill::record_for_debrief`).
    if let Some(db) = db.as_ref().filter(|_| !is_drill) {
        let who = peercall_core::finish::Played {
            player: &profile.player,
            team: &profile.team,
            started: active.wall_start,
            competition: competition.as_ref().map(|c| c.competition.id.as_str()),
            lang: world_lang.as_deref(),
        };
        let home = home_page
            .as_ref()
            .map_or_else(|| peercall_core::xapi::home_page(None), |h| h.0.clone());
        let result = match db.0.lock() {
            Ok(store) => {
                peercall_core::finish::finish_call(&store, &active.call, script, who, &home)
            }
            Err(_) => Err(crate::poisoned()),
        };
        if let Err(e) = result {
            warn!("this call was not recorded: {e}");
            failure = Some(w.f("debrief-not-recorded", &[("why", e.to_string().into())]));
        }
    }
    commands.insert_resource(ShownDebrief(d.clone()));
    // The habit to fix, with this call counted (not in a competition: its lines are not
    // practice, and a certification hides the signals until the verdict).
    let habit = db
        .as_ref()
        .filter(|_| competition.is_none() && !is_drill)
        .and_then(|db| {
            db.with("game-what-habits", |s| s.results(Some(&profile.player)))
                .ok()
        })
        .map(|records| {
            peercall_core::habits::profile(&profile.player, &records, |id| scenarios.0.script(id))
        })
        .and_then(|h| h.to_fix_count().cloned());
    let verdict = competition
        .as_ref()
        .filter(|c| c.is_certification())
        .and_then(|c| {
            let db = db.as_ref()?;
            let results = db
                .with("game-what-results", |s| s.results_in(&c.competition.id))
                .ok()?;
            let scripts = scenarios.0.scripts();
            let now = peercall_core::clock::now();
            peercall_core::certification::judge(
                &c.competition,
                &scripts,
                &results,
                &profile.player,
                now,
            )
        });
    // A pass earned: its certificate can be saved from this screen.
    let earned = verdict
        .as_ref()
        .zip(competition.as_ref())
        .and_then(|(v, c)| {
            peercall_core::certificate::Sheet::of(w, &c.competition, &scenarios.0, &profile.team, v)
        });
    match &earned {
        Some(sheet) => commands.insert_resource(certificate::Earned(sheet.clone())),
        None => commands.remove_resource::<certificate::Earned>(),
    }
    let verdict = verdict.map(|v| v.lines(w));
    // The onboarding path is complete when every call has been played: ask the question again.
    let ask_again = competition.is_none()
        && db.as_ref().is_some_and(|db| {
            db.with("game-what-progress", |s| {
                let played = s.progress(&profile.player)?;
                Ok(s.setting("diagnostic-before")?.is_some()
                    && s.setting("diagnostic-after")?.is_none()
                    && scenarios
                        .0
                        .entries
                        .iter()
                        .filter_map(|e| e.script())
                        .all(|sc| {
                            sc.id() == script.id() || played.iter().any(|r| r.scenario == sc.id())
                        }))
            })
            .unwrap_or(false)
        });
    let sc = script.scenario();
    let t = *theme;
    let p = t.palette;
    // A qualified ending that does not fit the truth is shown, like it is scored, as a warning.
    let fits = d.truth.as_ref().is_none_or(|t| t.fits);
    let outcome_color = match d.outcome {
        Outcome::QualifiedIn | Outcome::QualifiedOut if fits => p.good,
        Outcome::QualifiedIn | Outcome::QualifiedOut | Outcome::Wasted => p.warn,
        Outcome::Lost => p.bad,
    };
    let root = commands
        .spawn((DespawnOnExit(Screen::Debrief), t.root()))
        .id();
    commands.entity(root).with_children(|root| {
        let heading = if is_drill {
            "drills-debrief-heading"
        } else {
            "debrief-heading"
        };
        root.spawn(t.colored(
            w.f(
                heading,
                &[
                    ("title", sc.title.clone().into()),
                    ("seed", active.call.seed().to_string().into()),
                ],
            ),
            16.0,
            p.dim,
        ));
        root.spawn((t.colored(d.headline.clone(), 34.0, outcome_color), Label));
        if let Some(v) = drill_verdict.as_ref().filter(|_| is_drill) {
            let (passed, text) = drill::verdict_text(v, w);
            let edge = if passed { p.good } else { p.bad };
            root.spawn(t.callout(p.panel, edge, 12.0))
                .with_children(|c| {
                    c.spawn((t.colored(text, 19.0, edge), Label, drill::VerdictText));
                });
        }
        if let Some(f) = failure {
            root.spawn((t.colored(f, 17.0, p.bad), Label));
        }
        root.spawn(Node {
            column_gap: px(28),
            align_items: AlignItems::End,
            flex_wrap: FlexWrap::Wrap,
            ..default()
        })
        .with_children(|row| {
            row.spawn((t.colored(format!("{}/100", d.score), 44.0, p.accent), Label));
            row.spawn(t.text(w.tier(d.score), 24.0));
            row.spawn(t.colored(
                w.f(
                    "debrief-outcome",
                    &[("outcome", w.outcome(d.outcome).into())],
                ),
                19.0,
                outcome_color,
            ));
            row.spawn(t.colored(
                w.f("debrief-trust", &[("trust", d.trust.into())]),
                19.0,
                p.text,
            ));
            row.spawn(t.colored(
                w.f(
                    "debrief-days",
                    &[
                        ("days", w.days(d.days).into()),
                        ("needed", w.days(d.days_needed).into()),
                    ],
                ),
                19.0,
                if d.days > d.days_needed + 1e-9 {
                    p.warn
                } else {
                    p.text
                },
            ));
        });
        if let Some(h) = &habit {
            root.spawn((
                t.colored(
                    format!(
                        "{} {}",
                        w.f("habits-to-fix", &[("signal", w.signal(h.signal).into())]),
                        h.sentence(w)
                    ),
                    17.0,
                    p.warn,
                ),
                Label,
            ));
        }
        // A certification's verdict so far: each call passed or not, and why.
        if let Some(lines) = verdict.as_ref() {
            root.spawn(t.panel()).with_children(|panel| {
                for (depth, line) in lines {
                    let color = if *depth == 0 { p.accent } else { p.text };
                    panel.spawn((
                        Node {
                            margin: UiRect::left(px(18.0 * f32::from(*depth))),
                            ..default()
                        },
                        children![(t.colored(line.clone(), 18.0, color), Label)],
                    ));
                }
                if earned.is_some() {
                    panel.spawn((t.colored("", 16.0, p.dim), Label, certificate::SavedNote));
                }
            });
        }
        root.spawn((
            Scrollable,
            ScrollPosition::default(),
            Node {
                flex_direction: FlexDirection::Column,
                flex_grow: 1.0,
                flex_basis: px(0),
                row_gap: px(10),
                overflow: Overflow::scroll_y(),
                ..default()
            },
        ))
        .with_children(|list| {
            // The lesson and the truth scroll with the turns, so a long truth at large text
            // never pushes the turns and the buttons off the screen.
            list.spawn(Node {
                flex_direction: FlexDirection::Column,
                flex_shrink: 0.0,
                ..default()
            })
            .with_children(|wrap| {
                wrap.spawn(t.callout(p.panel, outcome_color, 14.0))
                    .with_children(|lesson| {
                        lesson.spawn(t.colored(w.t("debrief-lesson"), 15.0, p.accent));
                        lesson.spawn((t.text(d.lesson.clone(), 19.0), Label));
                        // Scenarios with hidden truths: what was really going on behind the request.
                        if let Some(truth) = &d.truth {
                            lesson.spawn((
                                t.colored(
                                    w.f("debrief-truth", &[("truth", truth.title.clone().into())]),
                                    17.0,
                                    p.accent,
                                ),
                                Label,
                            ));
                            if !truth.fits {
                                lesson
                                    .spawn((t.colored(w.t("debrief-misfit"), 16.0, p.warn), Label));
                            }
                            if !truth.debrief.is_empty() {
                                lesson.spawn((t.text(truth.debrief.clone(), 17.0), Label));
                            }
                            let told = match &truth.revealed_by {
                                Some((turn, line)) => w.f(
                                    "debrief-told",
                                    &[("turn", (*turn).into()), ("line", line.clone().into())],
                                ),
                                None => w.t("debrief-never-told"),
                            };
                            lesson.spawn((t.colored(told, 16.0, p.dim), Label));
                        }
                    });
            });
            for turn in &d.turns {
                let delta = turn.trust_after - turn.trust_before;
                let stance_color = match turn.signal.stance() {
                    Stance::Peer => p.good,
                    Stance::Advocate => p.bad,
                    Stance::Neutral => p.dim,
                };
                list.spawn((
                    Node {
                        flex_direction: FlexDirection::Column,
                        padding: UiRect::all(px(14)),
                        row_gap: px(5),
                        border_radius: BorderRadius::all(px(10)),
                        flex_shrink: 0.0,
                        ..default()
                    },
                    BackgroundColor(p.panel),
                ))
                .with_children(|card| {
                    card.spawn(Node {
                        justify_content: JustifyContent::SpaceBetween,
                        align_items: AlignItems::Center,
                        column_gap: px(12),
                        ..default()
                    })
                    .with_children(|row| {
                        row.spawn((
                            t.text(
                                w.f(
                                    "debrief-said",
                                    &[
                                        ("turn", turn.turn.into()),
                                        ("said", turn.said.clone().into()),
                                    ],
                                ),
                                18.0,
                            ),
                            Node {
                                flex_shrink: 1.0,
                                ..default()
                            },
                            Label,
                        ));
                        if competition.is_none() && !is_drill {
                            row.spawn((
                                t.button(
                                    w.f("debrief-replay", &[("turn", turn.turn.into())]),
                                    turn.turn + 10,
                                ),
                                ReplayFrom(turn.turn),
                            ))
                            .observe(replay_from);
                        }
                    });
                    card.spawn((
                        t.colored(
                            w.f(
                                "debrief-signal",
                                &[
                                    ("signal", w.signal(turn.signal).into()),
                                    ("delta", format!("{delta:+}").into()),
                                    ("before", turn.trust_before.into()),
                                    ("after", turn.trust_after.into()),
                                ],
                            ),
                            16.0,
                            stance_color,
                        ),
                        Label,
                    ));
                    card.spawn(t.colored(w.signal_why(turn.signal), 16.0, p.dim));
                    if !turn.feedback.is_empty() {
                        card.spawn(t.colored(turn.feedback.clone(), 16.0, p.text));
                    }
                    if let Some(b) = &turn.better {
                        card.spawn(t.callout(p.panel_alt, p.good, 10.0))
                            .with_children(|better| {
                                better.spawn(t.colored(
                                    w.f(
                                        "debrief-better",
                                        &[
                                            ("signal", w.signal(b.signal).into()),
                                            ("delta", format!("{:+}", b.trust).into()),
                                        ],
                                    ),
                                    15.0,
                                    p.good,
                                ));
                                better.spawn((t.text(format!("\"{}\"", b.say), 17.0), Label));
                            });
                    }
                });
            }
        });

        if is_drill {
            root.spawn(t.button_row()).with_children(|row| {
                row.spawn((
                    t.button(drill::next_label(drill_run.as_deref(), w), 0),
                    EscapeKey,
                ))
                .observe(drill::next);
            });
            return;
        }
        root.spawn(t.button_row()).with_children(|row| {
            row.spawn((t.button(w.t("debrief-retry"), 0), RetryButton))
                .observe(retry);
            row.spawn((t.button(w.t("back-to-scenarios-esc"), 1), EscapeKey))
                .observe(flow::go(Screen::Pick));
            row.spawn(t.button(w.t("leaderboard"), 2))
                .observe(flow::go(Screen::Board));
            if habit.is_some() {
                row.spawn(t.button(w.t("title-habits"), 5))
                    .observe(flow::go(Screen::Habits));
            }
            if ask_again {
                row.spawn(t.button(w.t("debrief-ask-again"), 3))
                    .observe(flow::go(Screen::Diagnostic));
            }
            if earned.is_some() {
                row.spawn(t.button(w.t("debrief-save-certificate"), 4))
                    .observe(certificate::save);
            }
        });
    });
}
