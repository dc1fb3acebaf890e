//! The live inspector, for trainers playing their own folder (`play --dialogues DIR`): F2 shows
//! the call's state (node, truth, trust, peer contract, person-days, flags), the lines hidden
//! here and the condition hiding each, and the path so far as picks; S saves the run as a
//! playthrough in the scenario's `NAME.tests.ron`. Never in a competition or a certification.

use bevy::prelude::*;
use peercall_dialogue::scenario::conditions_text;

use super::CallMoved;
use crate::nav::Press;
use crate::theme::Theme;
use crate::{ActiveCall, GameSet, Screen};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<InspectorOn>().add_systems(
        Update,
        (toggle, save_key, show)
            .chain()
            .in_set(GameSet::View)
            .run_if(in_state(Screen::Call)),
    );
}

/// Whether the inspector is up (it stays up from call to call until F2 again).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct InspectorOn(pub bool);

/// The inspector's panel.
#[derive(Component)]
pub struct InspectorPanel;

/// What the last save said (tests and the panel read it).
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct SavedRun(pub String);

/// Whether this game may show the inspector: a trainer's folder, no competition.
fn allowed(world: &World) -> bool {
    world.resource::<crate::PlayOptions>().dialogues.is_some()
        && !world.contains_resource::<crate::ActiveCompetition>()
        && world
            .get_resource::<ActiveCall>()
            .is_some_and(|a| a.drill.is_none())
}

fn toggle(world: &mut World) {
    let pressed = world
        .resource::<ButtonInput<KeyCode>>()
        .just_pressed(KeyCode::F2);
    if pressed && allowed(world) {
        let mut on = world.resource_mut::<InspectorOn>();
        on.0 = !on.0;
        world.write_message(CallMoved { trust: None });
    }
}

fn save_key(world: &mut World) {
    let pressed = world
        .resource::<ButtonInput<KeyCode>>()
        .just_pressed(KeyCode::KeyS);
    if pressed && world.resource::<InspectorOn>().0 && allowed(world) {
        save(world);
    }
}

/// Saves the run so far as a playthrough beside its scenario.
fn save(world: &mut World) {
    let w = world.resource::<crate::Language>().words();
    let said = match write_playthrough(world) {
        Ok(file) => w.f("inspector-saved", &[("file", file.into())]),
        Err(why) => w.f("inspector-save-failed", &[("why", why.into())]),
    };
    info!("{said}");
    world.insert_resource(SavedRun(said));
    world.write_message(CallMoved { trust: None });
}

fn write_playthrough(world: &World) -> Result<String, String> {
    let active = world.get_resource::<ActiveCall>().ok_or("no call")?;
    let script = active.script();
    let entry = world
        .resource::<crate::Scenarios>()
        .0
        .get(script.id())
        .ok_or("the scenario is no longer in the folder")?;
    let file = std::path::Path::new(&entry.file);
    let tests = file.with_file_name(format!("{}.tests.ron", script.id()));
    let existing = match std::fs::read_to_string(&tests) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{}: {e}", tests.display())),
    };
    let n = existing
        .as_deref()
        .and_then(|t| peercall_dialogue::playtest::parse("t", t).ok())
        .map_or(0, |f| f.tests.len());
    let name = format!(
        "saved from the game {} (seed {})",
        n + 1,
        active.call.seed()
    );
    let p = peercall_dialogue::playtest::from_call(&active.call, script, &name);
    let text = peercall_dialogue::playtest::add_playthrough(existing.as_deref(), script.id(), &p)?;
    // Written whole, then moved into place: a crash never leaves half a file.
    let part = tests.with_extension("ron.part");
    std::fs::write(&part, text).map_err(|e| format!("{}: {e}", part.display()))?;
    std::fs::rename(&part, &tests).map_err(|e| format!("{}: {e}", tests.display()))?;
    Ok(tests.display().to_string())
}

fn save_pressed(_: On<Press>, mut commands: Commands) {
    commands.queue(save);
}

/// Draws the panel anew whenever the call moves (or the inspector is turned on or off).
fn show(world: &mut World) {
    let moved = world
        .resource_mut::<Messages<CallMoved>>()
        .iter_current_update_messages()
        .count()
        > 0;
    let on = world.resource::<InspectorOn>().0 && allowed(world);
    let present: Vec<Entity> = world
        .query_filtered::<Entity, With<InspectorPanel>>()
        .iter(world)
        .collect();
    if !moved && on != present.is_empty() {
        return;
    }
    for e in present {
        world.entity_mut(e).despawn();
    }
    if !on {
        return;
    }
    let Some(active) = world.get_resource::<ActiveCall>().cloned() else {
        return;
    };
    let t = *world.resource::<Theme>();
    let p = t.palette;
    let w = world.resource::<crate::Language>().words();
    let saved = world.get_resource::<SavedRun>().map(|s| s.0.clone());
    let script = active.script();
    let sc = script.scenario();
    let state = *active.call.state();
    let node = sc.nodes.at(state.node as usize);
    let truth = if sc.truths.is_empty() {
        w.t("inspector-none")
    } else {
        sc.truths.at(active.call.truth() as usize).0.to_string()
    };
    let flags = script.flags_set(state.flags);
    let mut lines = vec![
        w.f(
            "inspector-where",
            &[("node", node.0.into()), ("truth", truth.into())],
        ),
        w.f(
            "inspector-state",
            &[
                ("trust", state.trust.into()),
                (
                    "peer",
                    w.t(if state.peer_contract {
                        "inspector-yes"
                    } else {
                        "inspector-no"
                    })
                    .into(),
                ),
                ("days", w.days(state.days()).into()),
                ("count", state.days().into()),
            ],
        ),
        w.f(
            "inspector-flags",
            &[(
                "flags",
                if flags.is_empty() {
                    w.t("inspector-none")
                } else {
                    flags.join(", ")
                }
                .into(),
            )],
        ),
    ];
    if !active.call.is_over() {
        let hidden: Vec<String> = node
            .1
            .choices
            .iter()
            .enumerate()
            .filter(|(i, _)| !script.is_offered(&state, *i))
            .map(|(i, c)| {
                w.f(
                    "inspector-hidden-line",
                    &[
                        ("n", (i + 1).into()),
                        ("say", crate::screens::call::clip_line(&c.say).into()),
                        ("when", conditions_text(&c.requires).into()),
                    ],
                )
            })
            .collect();
        lines.push(if hidden.is_empty() {
            w.t("inspector-nothing-hidden")
        } else {
            format!("{}\n{}", w.t("inspector-hidden"), hidden.join("\n"))
        });
    }
    let picks: Vec<String> = active
        .call
        .turns()
        .iter()
        .map(|t| (t.choice + 1).to_string())
        .collect();
    lines.push(
        w.f(
            "inspector-path",
            &[(
                "picks",
                if picks.is_empty() {
                    w.t("inspector-none")
                } else {
                    picks.join(",")
                }
                .into(),
            )],
        ),
    );
    let panel = world
        .spawn((
            InspectorPanel,
            DespawnOnExit(Screen::Call),
            GlobalZIndex(5),
            Node {
                position_type: PositionType::Absolute,
                right: px(20),
                top: px(20),
                width: px(430),
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(12)),
                row_gap: px(6),
                border: UiRect::all(px(2)),
                border_radius: BorderRadius::all(px(8)),
                ..default()
            },
            BackgroundColor(p.panel_alt),
            BorderColor::all(p.accent),
        ))
        .id();
    let mut children = vec![
        world
            .spawn((t.colored(w.t("inspector-title"), 16.0, p.accent), Label))
            .id(),
    ];
    for line in lines {
        children.push(world.spawn((t.colored(line, 15.0, p.text), Label)).id());
    }
    if let Some(s) = saved {
        children.push(world.spawn((t.colored(s, 14.0, p.dim), Label)).id());
    }
    // Play from here: again from any answer so far, with the state it had then.
    let turns = active.call.turns().len();
    if turns > 0 {
        children.push(
            world
                .spawn((t.colored(w.t("inspector-play-from"), 14.0, p.dim), Label))
                .id(),
        );
        let row = world
            .spawn(Node {
                flex_wrap: FlexWrap::Wrap,
                column_gap: px(6),
                row_gap: px(6),
                ..default()
            })
            .id();
        for turn in 1..=turns {
            let b = world
                .spawn((t.button(turn.to_string(), 90 + turn), FromTurn(turn)))
                .id();
            world.entity_mut(b).observe(play_from);
            world.entity_mut(row).add_child(b);
        }
        children.push(row);
    }
    let button = world.spawn(t.button(w.t("inspector-save"), 90)).id();
    world.entity_mut(button).observe(save_pressed);
    children.push(button);
    world.entity_mut(panel).add_children(&children);
}

/// A "play from turn N" button.
#[derive(Component, Debug, Clone, Copy)]
pub struct FromTurn(pub usize);

fn play_from(press: On<Press>, buttons: Query<&FromTurn>, mut commands: Commands) {
    if let Ok(&FromTurn(turn)) = buttons.get(press.entity) {
        commands.queue(move |world: &mut World| {
            super::start(world, super::Start::ReplayFrom(turn));
        });
    }
}
