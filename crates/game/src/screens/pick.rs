//! The scenario list: every call with its difficulty, the prospect and the situation; broken
//! files are listed too, and open their diagnostics.

use bevy::prelude::*;

use crate::nav::{EscapeKey, Hotkey, Press, Scrollable};
use crate::theme::Theme;
use crate::{Scenarios, Screen, Selected};
use peercall_core::library::EntryKind;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Pick), spawn);
}

fn spawn(
    mut commands: Commands,
    theme: Res<Theme>,
    scenarios: Res<Scenarios>,
    profile: Res<crate::Profile>,
    db: Option<Res<crate::RecordsDb>>,
    competition: Option<Res<crate::ActiveCompetition>>,
    language: Res<crate::Language>,
) {
    let w = language.words();
    // A failure is logged and shown above the list.
    let (progress, failure) =
        match db.map(|d| d.with("game-what-progress", |s| s.progress(&profile.player))) {
            Some(Err(e)) => (Vec::new(), Some(e)),
            Some(Ok(p)) => (p, None),
            None => (Vec::new(), None),
        };
    let played = |id: &str| progress.iter().find(|r| r.scenario == id).map(|r| r.best);
    let total = scenarios.0.playable();
    let done = scenarios
        .0
        .entries
        .iter()
        .filter_map(|e| e.script())
        .filter(|s| played(s.id()).is_some())
        .count();
    let t = *theme;
    let p = t.palette;
    let root = commands.spawn((DespawnOnExit(Screen::Pick), t.root())).id();
    commands.entity(root).with_children(|root| {
        root.spawn((t.colored(w.t("pick-title"), 40.0, p.accent), Label));
        root.spawn(t.colored(w.t("pick-how"), 18.0, p.dim));
        root.spawn(t.colored(
            match &competition {
                Some(c) => w.f(
                    "pick-progress-competition",
                    &[
                        ("competition", c.competition.name.clone().into()),
                        ("done", done.into()),
                        ("total", total.into()),
                        ("name", profile.player.clone().into()),
                    ],
                ),
                None => w.f(
                    "pick-progress",
                    &[
                        ("done", done.into()),
                        ("total", total.into()),
                        ("name", profile.player.clone().into()),
                    ],
                ),
            },
            17.0,
            if done == total { p.good } else { p.accent },
        ));
        if let Some(e) = failure {
            root.spawn((t.colored(e.said(w), 17.0, p.bad), Label));
        }
        root.spawn((
            Scrollable,
            Node {
                flex_direction: FlexDirection::Column,
                flex_grow: 1.0,
                row_gap: px(10),
                overflow: Overflow::scroll_y(),
                ..default()
            },
        ))
        .with_children(|list| {
            for (i, entry) in scenarios.0.entries.iter().enumerate() {
                let number = i + 1;
                match &entry.kind {
                    EntryKind::Ready(script) => {
                        let sc = script.scenario();
                        let difficulty = w.difficulty(sc.difficulty);
                        let diff_color = match sc.difficulty {
                            peercall_dialogue::Difficulty::Beginner => p.good,
                            peercall_dialogue::Difficulty::Intermediate => p.warn,
                            peercall_dialogue::Difficulty::Advanced => p.bad,
                        };
                        list.spawn((card(&t, i), Card(entry.key().to_string()), Hotkey(number)))
                            .observe(open)
                            .with_children(|c| {
                                c.spawn(t.colored(format!("{number}"), 30.0, p.accent));
                                c.spawn(card_text()).with_children(|col| {
                                    col.spawn(Node {
                                        column_gap: px(12),
                                        align_items: AlignItems::Center,
                                        ..default()
                                    })
                                    .with_children(|row| {
                                        row.spawn(t.text(sc.title.clone(), 24.0));
                                        row.spawn(t.colored(difficulty, 16.0, diff_color));
                                        if let Some(best) = played(&sc.id) {
                                            row.spawn(t.colored(
                                                w.f("pick-best", &[("score", best.into())]),
                                                16.0,
                                                p.good,
                                            ));
                                        }
                                    });
                                    col.spawn(t.colored(
                                        w.f(
                                            "person-at",
                                            &[
                                                ("name", sc.prospect.name.clone().into()),
                                                ("role", sc.prospect.role.clone().into()),
                                                ("company", sc.prospect.company.clone().into()),
                                            ],
                                        ),
                                        17.0,
                                        p.accent,
                                    ));
                                    let situation = if sc.situation.is_empty() {
                                        sc.briefing.clone()
                                    } else {
                                        sc.situation.clone()
                                    };
                                    col.spawn(t.colored(situation, 17.0, p.dim));
                                    if entry.newer_version_broken.is_some() {
                                        col.spawn(t.colored(
                                            w.f(
                                                "pick-newer-broken",
                                                &[("file", entry.file.clone().into())],
                                            ),
                                            16.0,
                                            p.bad,
                                        ));
                                    }
                                    if let Some(why) = &entry.translation_error {
                                        let key = if entry.original.is_some() {
                                            "pick-translation-broken-previous"
                                        } else {
                                            "pick-translation-broken"
                                        };
                                        col.spawn(t.colored(
                                            w.f(key, &[("why", why.as_str().into())]),
                                            16.0,
                                            p.warn,
                                        ));
                                    }
                                });
                            });
                    }
                    EntryKind::Broken { first, errors, .. } => {
                        list.spawn((card(&t, i), Card(entry.key().to_string()), Hotkey(number)))
                            .observe(open)
                            .with_children(|c| {
                                c.spawn(t.colored(format!("{number}"), 30.0, p.bad));
                                c.spawn(card_text()).with_children(|col| {
                                    col.spawn(t.colored(
                                        w.f(
                                            "pick-broken",
                                            &[
                                                ("file", entry.file.clone().into()),
                                                ("errors", (*errors).into()),
                                            ],
                                        ),
                                        22.0,
                                        p.bad,
                                    ));
                                    col.spawn(t.colored(first.clone(), 16.0, p.dim));
                                });
                            });
                    }
                }
            }
        });
        root.spawn(t.button_row()).with_children(|row| {
            row.spawn((
                t.button(w.t("back-esc"), scenarios.0.entries.len()),
                EscapeKey,
            ))
            .observe(crate::flow::go(Screen::Title));
        });
    });
}

/// The column of text inside a card.
fn card_text() -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        row_gap: px(4),
        flex_shrink: 1.0,
        ..default()
    }
}

/// A scenario's card: the entry it opens, by key.
#[derive(Component, Debug, Clone)]
struct Card(String);

/// Opens a card: a playable scenario's briefing, or a broken file's diagnostics.
fn open(
    press: On<Press>,
    cards: Query<&Card>,
    scenarios: Res<Scenarios>,
    mut selected: ResMut<Selected>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Ok(card) = cards.get(press.entity) else {
        return;
    };
    let Some(entry) = scenarios.0.get(&card.0) else {
        return;
    };
    selected.0 = Some(card.0.clone());
    next.set(if entry.script().is_some() {
        Screen::Briefing
    } else {
        Screen::Error
    });
}

/// A wide button that holds a scenario's summary.
fn card(t: &Theme, order: usize) -> impl Bundle {
    (
        Button,
        crate::theme::Focusable(order),
        Node {
            width: percent(100),
            padding: UiRect::all(px(14)),
            column_gap: px(18),
            align_items: AlignItems::Center,
            border: UiRect::all(px(2)),
            border_radius: BorderRadius::all(px(10)),
            flex_shrink: 0.0,
            ..default()
        },
        BackgroundColor(t.palette.button),
        BorderColor::all(t.palette.button),
    )
}
