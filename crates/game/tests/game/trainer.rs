//! The trainer's tools in the game (`play --dialogues DIR`): the live inspector with the call's
//! state, the lines hidden and why, the path as picks, and a run saved as a playthrough.

use super::*;

#[test]
fn the_inspector_shows_the_state_and_hidden_lines_and_saves_the_run_as_a_playthrough() {
    use peercall_game::screens::call::inspector::{InspectorPanel, SavedRun};
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(dialogues().join("free-pilot.ron")).unwrap();
    std::fs::write(dir.path().join("free-pilot.ron"), &source).unwrap();
    let mut app = headless(
        Library::from_path(dir.path()).unwrap(),
        PlayOptions {
            dialogues: Some(dir.path().to_path_buf()),
            scenario: Some("free-pilot".into()),
            seed: Some(1),
            ..default()
        },
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    key(&mut app, KeyCode::F2);
    app.update();
    let panel = |app: &mut App| -> Vec<String> {
        let world = app.world_mut();
        let mut panels = world.query_filtered::<&Children, With<InspectorPanel>>();
        let kids: Vec<Entity> = panels.iter(world).flat_map(|c| c.iter()).collect();
        let mut texts = world.query::<&Text>();
        kids.iter()
            .filter_map(|e| texts.get(world, *e).ok().map(|t| t.0.clone()))
            .collect()
    };
    let shown = panel(&mut app);
    assert!(
        shown.iter().any(|t| t.starts_with("Node `ask` · truth: ")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|t| t == "Trust 50 · peer contract: no · committed: 0 person-days"),
        "{shown:?}"
    );
    // A peer contract, then straight to the money: the scoped pilot needs the criteria flag.
    for pick in [3, 1, 2] {
        let n = super::shown(&app, pick);
        key(&mut app, digit(n));
        app.update();
    }
    app.update();
    let shown = panel(&mut app);
    assert!(
        shown.iter().any(|t| t.starts_with("Node `budget`")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|t| t.contains("1. \"Then let's pilot one plant")
                && t.contains("needs Flag(\"criteria\")")),
        "{shown:?}"
    );
    assert!(
        shown.iter().any(|t| t == "Path so far, as picks: 3,1,2"),
        "{shown:?}"
    );
    // S saves the run beside the scenario, as a playthrough `peercall test` runs.
    key(&mut app, KeyCode::KeyS);
    app.update();
    let said = app.world().resource::<SavedRun>().0.clone();
    assert!(said.starts_with("Saved to "), "{said}");
    let tests = dir.path().join("free-pilot.tests.ron");
    let text = std::fs::read_to_string(&tests).unwrap();
    let file = peercall_dialogue::playtest::parse("t", &text).unwrap();
    assert_eq!(file.tests.len(), 1);
    assert_eq!(file.tests[0].picks, [3, 1, 2]);
    assert_eq!(file.tests[0].path, ["agreed", "why", "budget"]);
    let script = builtin_script("free-pilot");
    let ran = peercall_dialogue::playtest::run(&script, &file);
    assert!(ran.iter().all(|o| o.failures.is_empty()), "{ran:?}");
    // Play from here: again from the second answer, with the state it had then.
    let from_turn_2 = {
        let world = app.world_mut();
        let mut q = world.query::<(Entity, &peercall_game::screens::call::inspector::FromTurn)>();
        q.iter(world)
            .find(|(_, f)| f.0 == 2)
            .map(|(e, _)| e)
            .unwrap()
    };
    app.world_mut().trigger(peercall_game::nav::Press {
        entity: from_turn_2,
    });
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Call);
    assert_eq!(call(&app).call.turns().len(), 1, "one answer kept");
    let shown = panel(&mut app);
    assert!(
        shown.iter().any(|t| t.starts_with("Node `agreed`")),
        "{shown:?}"
    );
    // F2 again hides it.
    key(&mut app, KeyCode::F2);
    app.update();
    assert!(panel(&mut app).is_empty());
}

#[test]
fn the_inspector_is_only_for_a_trainers_folder() {
    let mut app = headless(
        Library::builtin(),
        PlayOptions {
            scenario: Some("free-pilot".into()),
            seed: Some(1),
            ..default()
        },
    );
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::F2);
    app.update();
    let world = app.world_mut();
    let mut panels = world
        .query_filtered::<Entity, With<peercall_game::screens::call::inspector::InspectorPanel>>();
    assert_eq!(panels.iter(world).count(), 0);
}

#[test]
fn play_from_here_starts_the_asked_for_call_at_a_node_in_a_given_state() {
    let mut app = headless(
        Library::builtin(),
        PlayOptions {
            scenario: Some("free-consulting".into()),
            seed: Some(1),
            from: Some(peercall_game::StartFrom {
                node: "move".into(),
                truth: Some("tender".into()),
                trust: Some(52),
                peer_contract: true,
                flags: vec![],
                days: 0.0,
            }),
            ..default()
        },
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    let a = call(&app);
    assert_eq!(a.script().node_id(a.call.state().node), "move");
    assert_eq!(a.call.trust(), 52);
    assert!(a.call.state().peer_contract);
    assert_eq!(
        a.script().scenario().truths.at(a.call.truth() as usize).0,
        "tender"
    );
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.contains("tender specification")),
        "the tender's line is said"
    );
}
