//! Who is playing: the profile (name and team, typed in the game on first launch and changeable
//! later) and the self-diagnostic question asked before and after the onboarding path.

use bevy::prelude::*;

use crate::fields::{Fields, field};
use crate::nav::{EscapeKey, Hotkey, Press, TextEntry};
use crate::theme::Theme;
use crate::{PlayOptions, Profile, RecordsDb, Scenarios, Screen};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, first_launch)
        .add_systems(OnEnter(Screen::Profile), spawn_profile)
        .add_systems(OnEnter(Screen::Diagnostic), spawn_diagnostic);
}

fn setting(db: Option<&RecordsDb>, key: &str) -> Option<String> {
    db.and_then(|db| {
        db.with("game-what-settings", |s| s.setting(key))
            .ok()
            .flatten()
    })
}

fn save(db: Option<&RecordsDb>, key: &str, value: &str) {
    if let Some(db) = db {
        // A failure is logged by `with`; the screen goes on with what was typed.
        let _ = db.with("game-what-settings", |s| s.set_setting(key, value));
    }
}

/// On first launch (no saved profile and none given on the command line) the game opens on the
/// profile screen; otherwise the saved profile is used.
fn first_launch(
    db: Option<Res<RecordsDb>>,
    options: Res<PlayOptions>,
    mut profile: ResMut<Profile>,
    mut redraw: MessageWriter<crate::flow::Redraw>,
    mut next: ResMut<NextState<Screen>>,
) {
    let db = db.as_deref();
    let given = options.player.is_some() || std::env::var_os("PEERCALL_PLAYER").is_some();
    match setting(db, "player") {
        Some(name) if !given => {
            profile.player = name;
            profile.team = setting(db, "team").unwrap_or_default();
            // The first screen may already show the profile: draw it again with the saved one.
            redraw.write(crate::flow::Redraw);
        }
        None if !given && db.is_some() && options.autoplay.is_none() => {
            next.set(Screen::Profile);
        }
        _ => {}
    }
}

fn spawn_profile(
    mut commands: Commands,
    theme: Res<Theme>,
    profile: Res<Profile>,
    db: Option<Res<RecordsDb>>,
    language: Res<crate::Language>,
) {
    let w = language.words();
    let known = setting(db.as_deref(), "player").is_some();
    let name = if known {
        profile.player.clone()
    } else {
        String::new()
    };
    // The profile being typed: the name (field 0) and the team (field 1).
    let draft = Fields {
        values: vec![name, profile.team.clone()],
        focus: 0,
        max: vec![32, 32],
    };
    let t = *theme;
    let p = t.palette;
    let root = commands
        .spawn((
            DespawnOnExit(Screen::Profile),
            TextEntry,
            t.root(),
            children![
                (t.colored(w.t("profile-title"), 40.0, p.accent), Label),
                t.colored(w.t("profile-how"), 18.0, p.dim),
                field(&t, &w.t("profile-name"), &draft.values[0], true, 0),
                field(&t, &w.t("profile-team"), &draft.values[1], false, 1),
            ],
        ))
        .id();
    commands.entity(root).insert(draft).with_children(|root| {
        root.spawn(Node {
            margin: UiRect::top(px(10)),
            ..default()
        })
        .with_children(|row| {
            row.spawn(t.button(w.t("profile-save"), 0))
                .observe(|_: On<Press>, mut commands: Commands| commands.queue(save_profile));
        });
    });
}

/// Where a first launch goes once the player is known: the call the game was opened on (a
/// link to one scenario, or "play from here"), else the title.
fn after_first_launch(world: &World) -> Screen {
    if world.resource::<crate::PlayOptions>().scenario.is_some() {
        Screen::Briefing
    } else {
        Screen::Title
    }
}

/// Saves the typed profile; then asks the self-diagnostic question if it was never answered.
pub fn save_profile(world: &mut World) {
    let Some(draft) = world.query::<&Fields>().iter(world).next().cloned() else {
        return;
    };
    // A blank name (or one no screen should show) is not saved: the screen stays open.
    let w = peercall_core::words::current();
    let (Ok(name), Ok(team)) = (
        peercall_core::untrusted::name(&w.t("profile-field-name"), &draft.values[0], false),
        peercall_core::untrusted::name(&w.t("profile-field-team"), &draft.values[1], true),
    ) else {
        return;
    };
    let db = world.get_resource::<RecordsDb>();
    save(db, "player", &name);
    save(db, "team", &team);
    let asked = setting(db, "diagnostic-before").is_some();
    let next = if asked || db.is_none() {
        after_first_launch(world)
    } else {
        Screen::Diagnostic
    };
    *world.resource_mut::<Profile>() = Profile { player: name, team };
    world.resource_mut::<NextState<Screen>>().set(next);
}

/// Records an answer to the self-diagnostic question: the first time as "before", once the
/// onboarding path is complete as "after".
pub fn answer(world: &mut World, n: usize) {
    let db = world.get_resource::<RecordsDb>();
    let key = if setting(db, "diagnostic-before").is_none() {
        "diagnostic-before"
    } else {
        "diagnostic-after"
    };
    save(db, key, &n.to_string());
    let next = if key == "diagnostic-after" {
        Screen::Diagnostic
    } else {
        after_first_launch(world)
    };
    world.resource_mut::<NextState<Screen>>().set(next);
}

/// Whether the player has played every call of the onboarding path (the built-in scenarios).
pub fn path_complete(world: &World) -> bool {
    let Some(db) = world.get_resource::<RecordsDb>() else {
        return false;
    };
    let player = world.resource::<Profile>().player.clone();
    let played: Vec<String> = db
        .with("game-what-progress", |s| s.progress(&player))
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.scenario)
        .collect();
    let scenarios = &world.resource::<Scenarios>().0;
    scenarios.playable() > 0
        && scenarios
            .entries
            .iter()
            .filter_map(|e| e.script())
            .all(|s| played.iter().any(|p| p == s.id()))
}

fn spawn_diagnostic(world: &mut World) {
    let db = world.get_resource::<RecordsDb>();
    let before = setting(db, "diagnostic-before").and_then(|v| v.parse::<usize>().ok());
    let after = setting(db, "diagnostic-after").and_then(|v| v.parse::<usize>().ok());
    let player = world.resource::<Profile>().player.clone();
    let progress = db
        .and_then(|d| d.with("game-what-progress", |s| s.progress(&player)).ok())
        .unwrap_or_default();
    let t = *world.resource::<Theme>();
    let w = world.resource::<crate::Language>().words();
    let question = w.t("diagnostic-question");
    let answers = [
        w.t("diagnostic-answer-1"),
        w.t("diagnostic-answer-2"),
        w.t("diagnostic-answer-3"),
    ];
    let p = t.palette;
    let mut commands = world.commands();
    let root = commands
        .spawn((DespawnOnExit(Screen::Diagnostic), t.root()))
        .id();
    if before.is_none() || after.is_none() {
        // The question has no way back of its own: Escape goes to the title.
        commands
            .entity(root)
            .insert(EscapeKey)
            .observe(crate::flow::go(Screen::Title));
    }
    commands.entity(root).with_children(|root| {
        if let (Some(b), Some(a)) = (before, after) {
            // Both answers: side by side, with the scores.
            let n = progress.len().max(1) as f64;
            let first = progress.iter().map(|r| f64::from(r.first)).sum::<f64>() / n;
            let best = progress.iter().map(|r| f64::from(r.best)).sum::<f64>() / n;
            root.spawn((t.colored(w.t("diagnostic-compare"), 40.0, p.accent), Label));
            root.spawn(t.colored(question.clone(), 19.0, p.dim));
            root.spawn(Node {
                column_gap: px(20),
                ..default()
            })
            .with_children(|row| {
                for (label, answer, score) in [
                    (
                        w.t("diagnostic-before"),
                        b,
                        w.f("diagnostic-first", &[("score", first.round().into())]),
                    ),
                    (
                        w.t("diagnostic-after"),
                        a,
                        w.f("diagnostic-best", &[("score", best.round().into())]),
                    ),
                ] {
                    row.spawn(t.panel()).with_children(|col| {
                        col.spawn(t.colored(label, 16.0, p.accent));
                        col.spawn((t.text(answers[answer.clamp(1, 3) - 1].clone(), 20.0), Label));
                        col.spawn(t.colored(score, 18.0, p.good));
                    });
                }
            });
            root.spawn(t.colored(w.t("diagnostic-method"), 17.0, p.dim));
            root.spawn((t.button(w.t("diagnostic-back"), 0), EscapeKey))
                .observe(crate::flow::go(Screen::Title));
            return;
        }
        let title = w.t(if before.is_none() {
            "diagnostic-start"
        } else {
            "diagnostic-finished"
        });
        root.spawn((t.colored(title, 40.0, p.accent), Label));
        root.spawn((t.text(question.clone(), 22.0), Label));
        for (i, a) in answers.iter().enumerate() {
            let n = i + 1;
            root.spawn((t.button(format!("{n}. {a}"), i), Hotkey(n)))
                .observe(move |_: On<Press>, mut commands: Commands| {
                    commands.queue(move |world: &mut World| answer(world, n));
                });
        }
        root.spawn(t.colored(w.t("diagnostic-no-right-answer"), 16.0, p.dim));
    });
    world.flush();
}
