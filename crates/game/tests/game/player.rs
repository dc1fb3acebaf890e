//! The player's records in the game: finished calls recorded, competitions (fixed seeds,
//! attempts), the first launch's profile and self-diagnostic, the onboarding path, the leaderboard.

use super::*;

#[test]
fn a_finished_call_is_recorded_for_the_player() {
    use peercall_core::records::Store;
    use peercall_game::{Profile, RecordsDb};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let mut app = headless(
        Library::builtin(),
        PlayOptions {
            scenario: Some("network-expansion".into()),
            seed: Some(6),
            ..default()
        },
    );
    app.insert_resource(RecordsDb::new(Store::open(&db).unwrap().0))
        .insert_resource(Profile {
            player: "Dee".into(),
            team: "North".into(),
        });
    key(&mut app, KeyCode::Enter);
    for pick in [2, 1, 2, 1, 1, 1, 1] {
        let n = shown(&app, pick);
        key(&mut app, digit(n));
        app.update();
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    // A theme change draws the debrief anew; the call is still recorded once.
    app.world_mut().resource_mut::<Theme>().toggle_contrast();
    app.world_mut().write_message(peercall_game::flow::Redraw);
    app.update();
    app.update();
    drop(app);
    let (store, _) = Store::open(&db).unwrap();
    let rows = store.results(None).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].player, "Dee");
    assert_eq!(rows[0].team, "North");
    assert_eq!(rows[0].ending, "ballpark-estimate");
    let script = builtin_script("network-expansion");
    rows[0].verify(&script).expect("the recorded call replays");
}

#[test]
fn a_competition_fixes_the_seed_limits_attempts_and_records_under_its_id() {
    use peercall_core::competition::{Competition, Resolved};
    use peercall_core::records::{BoardQuery, Store};
    use peercall_game::{ActiveCompetition, Profile, RecordsDb};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let builtin = Library::builtin();
    let index = builtin.find("network-expansion").unwrap();
    let mut only = Library::default();
    only.entries.push(builtin.entries[index].clone());
    let competition = Competition {
        id: "cup".into(),
        name: "Cup".into(),
        starts: None,
        ends: None,
        attempts: 1,
        scenarios: vec![],
        certification: None,
    };
    let mut app = headless(
        only,
        PlayOptions {
            competition: Some(ActiveCompetition {
                competition,
                entries: vec![Resolved {
                    index: 0,
                    scenario: "network-expansion".into(),
                    seed: 14,
                }],
            }),
            ..default()
        },
    );
    app.insert_resource(RecordsDb::new(Store::open(&db).unwrap().0))
        .insert_resource(Profile {
            player: "Eve".into(),
            team: "".into(),
        });
    key(&mut app, KeyCode::Enter); // Play
    assert_eq!(screen(&app), Screen::Briefing);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "Cup: attempt 1 of 1, a call drawn for you alone")
    );
    key(&mut app, KeyCode::Enter);
    // Eve's own call: drawn from the competition, the base seed and her name.
    let script = builtin_script("network-expansion");
    let seed = peercall_core::competition::player_seed("cup", &script, 14, "Eve", 0);
    assert_eq!(call(&app).call.seed(), seed);
    assert_ne!(
        seed,
        peercall_core::competition::player_seed("cup", &script, 14, "Ann", 0),
        "another player gets another call"
    );
    // The peer process, ending in the decision that fits her call's truth.
    let picks: &[usize] = match script
        .scenario()
        .truths
        .at(call(&app).call.truth() as usize)
        .0
    {
        "consolidating" => &[2, 1, 2, 1, 1, 1, 1],
        "funded" => &[2, 1, 3, 2, 2],
        _ => &[2, 1, 3, 2, 3],
    };
    for &pick in picks {
        let n = shown(&app, pick);
        key(&mut app, digit(n));
        app.update();
    }
    assert!(call(&app).call.score(call(&app).script()).unwrap() >= 85);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    assert!(
        !texts(&mut app)
            .iter()
            .any(|t| t.starts_with("Replay from turn")),
        "no practice replays in a competition"
    );
    // The one attempt is used: retry is refused and the briefing says why.
    key(&mut app, KeyCode::KeyR);
    assert_eq!(screen(&app), Screen::Briefing);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "No attempts left: you have used 1 of 1.")
    );
    assert!(!texts(&mut app).iter().any(|t| t == "Take the call (Enter)"));
    drop(app);
    let (store, _) = Store::open(&db).unwrap();
    let rows = store
        .board(&BoardQuery {
            competition: Some("cup".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].name, "Eve");
}

#[test]
fn first_launch_asks_who_is_playing_then_the_self_diagnostic() {
    use peercall_core::records::Store;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let mut app = headless_with_records(&db, PlayOptions::default());
    assert_eq!(screen(&app), Screen::Profile);
    type_text(&mut app, "Ana Lee");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "East");
    assert!(texts(&mut app).iter().any(|t| t == "East|"));
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Diagnostic);
    key(&mut app, KeyCode::Digit1);
    assert_eq!(screen(&app), Screen::Title);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "Playing as Ana Lee (East)")
    );
    press(&mut app, "Leaderboard");
    assert_eq!(screen(&app), Screen::Board);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("No results yet"))
    );
    drop(app);
    let (store, _) = Store::open(&db).unwrap();
    assert_eq!(store.setting("player").unwrap().as_deref(), Some("Ana Lee"));
    assert_eq!(store.setting("team").unwrap().as_deref(), Some("East"));
    assert_eq!(
        store.setting("diagnostic-before").unwrap().as_deref(),
        Some("1")
    );
}

#[test]
fn a_competition_can_be_opened_and_left_from_the_game() {
    use peercall_game::{ActiveCompetition, Scenarios};
    let dir = tempfile::tempdir().unwrap();
    for f in ["network-expansion.ron", "demo-request.ron"] {
        std::fs::copy(dialogues().join(f), dir.path().join(f)).unwrap();
    }
    std::fs::write(
        dir.path().join("cup.competition.ron"),
        r#"Competition(id: "cup", name: "Cup", scenarios: [(id: "demo-request", seed: 9)])"#,
    )
    .unwrap();
    let mut app = headless(
        Library::from_path(dir.path()).unwrap(),
        PlayOptions {
            dialogues: Some(dir.path().to_path_buf()),
            db: Some(dir.path().join("records.sqlite")),
            ..default()
        },
    );
    assert_eq!(app.world().resource::<Scenarios>().0.entries.len(), 2);
    assert!(texts(&mut app).iter().any(|t| t == "Competitions (1)"));
    press(&mut app, "Competitions (1)");
    assert_eq!(screen(&app), Screen::Competitions);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "1. Cup: 1 call, 1 attempt each")
    );
    key(&mut app, KeyCode::Digit1);
    assert_eq!(screen(&app), Screen::Pick);
    assert_eq!(app.world().resource::<Scenarios>().0.entries.len(), 1);
    key(&mut app, KeyCode::Digit1);
    key(&mut app, KeyCode::Enter);
    // The player's own call, drawn from the base seed 9.
    let player = app
        .world()
        .resource::<peercall_game::Profile>()
        .player
        .clone();
    let script = builtin_script("demo-request");
    assert_eq!(
        call(&app).call.seed(),
        peercall_core::competition::player_seed("cup", &script, 9, &player, 0)
    );
    assert_eq!(call(&app).call.scenario_id(), "demo-request");
    key(&mut app, KeyCode::Escape);
    press(&mut app, "Back to scenarios");
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
    assert!(texts(&mut app).iter().any(|t| t == "Leave Cup"));
    press(&mut app, "Leave Cup");
    assert!(!app.world().contains_resource::<ActiveCompetition>());
    assert_eq!(app.world().resource::<Scenarios>().0.entries.len(), 2);
}

#[test]
fn play_follows_the_onboarding_path() {
    use peercall_core::records::{Record, Store};
    use peercall_game::{Profile, RecordsDb, Scenarios, Selected};
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(&dir.path().join("r.sqlite")).unwrap();
    let library = Library::builtin();
    let first = library.entries[0].script().unwrap().clone();
    let call = peercall_dialogue::Call::replay(&first, 1, &[2, 1, 1, 1, 1, 1]).unwrap();
    let now = std::time::SystemTime::now();
    let record = Record::of(&call, &first, "Fay", "", now, now, None).unwrap();
    store.record(&record, false).unwrap();
    let mut app = headless(library, PlayOptions::default());
    app.insert_resource(RecordsDb::new(store))
        .insert_resource(Profile {
            player: "Fay".into(),
            team: "".into(),
        });
    key(&mut app, KeyCode::Enter); // Play
    assert_eq!(screen(&app), Screen::Briefing);
    let selected = app.world().resource::<Selected>().0.clone();
    let second = app.world().resource::<Scenarios>().0.entries[1]
        .script()
        .unwrap()
        .id()
        .to_string();
    assert_eq!(
        selected.as_deref(),
        Some(second.as_str()),
        "the first call is done; the path moves on"
    );
    assert_ne!(second, first.id());
}

#[test]
fn a_saved_profile_is_shown_from_the_first_screen() {
    use peercall_core::records::Store;
    use peercall_game::RecordsDb;
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(&dir.path().join("r.sqlite")).unwrap();
    store.set_setting("player", "Gus").unwrap();
    store.set_setting("team", "South").unwrap();
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin))
        .insert_resource(RecordsDb::new(store));
    add_game(&mut app, Library::builtin(), PlayOptions::default());
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Title);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "Playing as Gus (South)")
    );
}

#[test]
fn a_leaderboard_that_cannot_be_read_says_so() {
    use peercall_core::records::Store;
    use peercall_game::RecordsDb;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let mut app = headless(Library::builtin(), PlayOptions::default());
    app.insert_resource(RecordsDb::new(Store::open(&db).unwrap().0));
    // Another program damages the database while the game runs.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("DROP TABLE best")
        .unwrap();
    press(&mut app, "Leaderboard");
    assert_eq!(screen(&app), Screen::Board);
    let shown = texts(&mut app);
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with("The leaderboard cannot be shown: cannot use the leaderboard")),
        "{shown:?}"
    );
    assert!(!shown.iter().any(|t| t.starts_with("No results yet")));
}
