//! Bugs the game once had, each played through as a player would (key presses on a headless
//! game): a competition attempt dodged by leaving the call, patience lost by a replay, a hot
//! reload or a settings change, a library swapped under a screen, an answer refused in silence.

use std::time::Duration;

use bevy::prelude::*;

use peercall_core as core_;
use peercall_game as game;

use super::{
    builtin_script, call, dialogues, digit, headless, headless_with_records, key, screen, texts,
    typed,
};
use core_::library::Library;
use game::{ActiveCall, PlayOptions, Screen};

fn keys(app: &mut App, codes: &[KeyCode]) {
    for c in codes {
        key(app, *c);
    }
}

fn frames(app: &mut App, n: usize) {
    for _ in 0..n {
        app.update();
    }
}

/// The network-expansion call with a prospect who waits 2 s for an answer, then loses a
/// point of trust a second, in a folder of its own.
pub fn impatient() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(dialogues().join("network-expansion.ron"))
        .unwrap()
        .replacen(
            "days_needed: 0.25,",
            "days_needed: 0.25,\n    patience: 2,",
            1,
        );
    std::fs::write(dir.path().join("network-expansion.ron"), text).unwrap();
    dir
}

fn impatient_game(dir: &std::path::Path, watch: bool) -> App {
    headless(
        Library::from_path(dir).unwrap(),
        PlayOptions {
            dialogues: watch.then(|| dir.to_path_buf()),
            scenario: Some("network-expansion".into()),
            seed: Some(5),
            ..default()
        },
    )
}

#[test]
fn an_abandoned_competition_attempt_still_counts() {
    use core_::competition::{Competition, narrow};
    use core_::records::Store;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let file = dir.path().join("cup.ron");
    std::fs::write(
        &file,
        r#"Competition(id: "cup", name: "Cup", attempts: 1, scenarios: [(id: "network-expansion", seed: 42)])"#,
    )
    .unwrap();
    let competition = Competition::load(&file).unwrap();
    let library = Library::builtin();
    let resolved = competition.resolve(&library).unwrap();
    let (only, entries) = narrow(&library, &resolved);
    let mut app = headless(
        only,
        PlayOptions {
            player: Some("Gil".into()),
            db: Some(db.clone()),
            competition: Some(game::ActiveCompetition {
                competition,
                entries,
            }),
            ..default()
        },
    );
    app.insert_resource(game::RecordsDb::new(Store::open(&db).unwrap().0));
    key(&mut app, KeyCode::Enter); // Play: the competition's call
    assert_eq!(screen(&app), Screen::Briefing);
    key(&mut app, KeyCode::Enter); // Take the call
    assert_eq!(screen(&app), Screen::Call);
    key(&mut app, digit(1)); // A bad start...
    // ...so the player puts the call on hold and leaves it.
    keys(
        &mut app,
        &[
            KeyCode::Escape,
            KeyCode::ArrowDown,
            KeyCode::ArrowDown,
            KeyCode::Enter,
        ],
    );
    assert_eq!(screen(&app), Screen::Pick);
    key(&mut app, digit(1));
    assert_eq!(screen(&app), Screen::Briefing);
    let shown = texts(&mut app);
    assert!(
        !shown.iter().any(|t| t.starts_with("Take the call")),
        "the one attempt was used by the abandoned call: {shown:?}"
    );
    key(&mut app, KeyCode::Enter);
    assert_ne!(screen(&app), Screen::Call, "no second attempt");
    drop(app);
    let (store, _) = Store::open(&db).unwrap();
    assert_eq!(
        store.attempts("Gil", "cup", "network-expansion").unwrap(),
        1
    );
}

#[test]
fn a_replay_from_a_turn_keeps_the_trust_the_prospects_patience_cost() {
    let dir = impatient();
    let mut app = impatient_game(dir.path(), false);
    key(&mut app, KeyCode::Enter);
    // The prospect waits 5 s before each of the first two answers.
    for (i, c) in [2, 1, 2, 1, 1, 1, 1].into_iter().enumerate() {
        if i < 2 {
            frames(&mut app, 25);
        }
        key(&mut app, digit(c));
        frames(&mut app, 2);
    }
    let played = call(&app).call.clone();
    assert!(played.is_over());
    assert!(played.waits().len() >= 2, "{:?}", played.waits());
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    // Focus order: retry, back, leaderboard, then "Replay from turn 1", 2, 3.
    keys(&mut app, &[KeyCode::ArrowDown; 6]);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    let replayed = &call(&app).call;
    assert_eq!(replayed.turns().len(), 2);
    assert_eq!(
        replayed.trust(),
        played.turns()[2].trust_before,
        "the replay reaches turn 3 with the trust the player had there"
    );
}

#[test]
fn a_hot_reload_keeps_the_trust_the_prospects_patience_cost() {
    use game::reload::Reloads;
    let dir = impatient();
    let mut app = impatient_game(dir.path(), true);
    key(&mut app, KeyCode::Enter);
    frames(&mut app, 25);
    key(&mut app, digit(2));
    frames(&mut app, 25);
    // On hold while the trainer edits, so that waiting for the reload costs no trust.
    key(&mut app, KeyCode::Escape);
    let before = call(&app).call.clone();
    assert!(!before.waits().is_empty());
    // The trainer edits a line the call has not reached and saves.
    let file = dir.path().join("network-expansion.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen(
        "A big name. Where is their IT group based?",
        "A big name. Where does their IT team sit?",
        1,
    );
    assert!(edited != text, "the line to edit is in the scenario");
    std::fs::write(&file, edited).unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while app.world().resource::<Reloads>().0 == 0 {
        assert!(std::time::Instant::now() < deadline, "no reload");
        std::thread::sleep(Duration::from_millis(50));
        app.update();
    }
    frames(&mut app, 2);
    assert_eq!(screen(&app), Screen::Call);
    let after = &call(&app).call;
    assert_eq!(after.turns().len(), before.turns().len());
    assert_eq!(after.waits(), before.waits());
    assert_eq!(after.trust(), before.trust());
}

#[test]
fn a_settings_change_mid_call_leaves_the_call_as_it_was() {
    let dir = impatient();
    let mut app = impatient_game(dir.path(), false);
    key(&mut app, KeyCode::Enter);
    key(&mut app, digit(2));
    // 3 s into the wait for the second answer (a point already lost), the call goes on hold.
    frames(&mut app, 15);
    key(&mut app, KeyCode::Escape);
    let before = call(&app).clone();
    assert!(!before.call.waits().is_empty(), "{:?}", before.call.waits());
    // On hold: Resume, Back to scenarios, Text size.
    keys(
        &mut app,
        &[
            KeyCode::ArrowDown,
            KeyCode::ArrowDown,
            KeyCode::ArrowDown,
            KeyCode::Enter,
        ],
    );
    assert_eq!(app.world().resource::<game::Theme>().scale, 1.25);
    assert!(texts(&mut app).iter().any(|t| t == "Call on hold"));
    let now = &call(&app).call;
    assert_eq!(now.turns(), before.call.turns());
    assert_eq!(now.trust(), before.call.trust());
    assert_eq!(now.waits(), before.call.waits());
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Call);
    // The prospect's wait goes on where it was: within the next second the next point goes
    // (the 2 s of patience do not start again).
    frames(&mut app, 5);
    assert!(
        call(&app).call.trust() < before.call.trust(),
        "{} then {}",
        before.call.trust(),
        call(&app).call.trust()
    );
}

/// Every screen, reached by keys from the title (a competition folder and a broken file make
/// every screen reachable).
fn screens() -> Vec<(&'static str, Screen, Vec<KeyCode>)> {
    use KeyCode::*;
    vec![
        ("title", Screen::Title, vec![]),
        ("pick", Screen::Pick, vec![ArrowDown, ArrowDown, Enter]),
        (
            "briefing",
            Screen::Briefing,
            vec![ArrowDown, ArrowDown, Enter, Digit1],
        ),
        (
            "call",
            Screen::Call,
            vec![ArrowDown, ArrowDown, Enter, Digit1, Enter],
        ),
        (
            "call answered",
            Screen::Call,
            vec![ArrowDown, ArrowDown, Enter, Digit1, Enter, Digit2],
        ),
        (
            "call on hold",
            Screen::Call,
            vec![ArrowDown, ArrowDown, Enter, Digit1, Enter, Escape],
        ),
        (
            "debrief",
            Screen::Debrief,
            vec![
                ArrowDown, ArrowDown, Enter, Digit1, Enter, Digit1, Digit1, Digit1, Digit1, Digit1,
                Digit1, Enter,
            ],
        ),
        (
            "error",
            Screen::Error,
            vec![ArrowDown, ArrowDown, Enter, Digit2],
        ),
        (
            "board",
            Screen::Board,
            vec![ArrowDown; 6].into_iter().chain([Enter]).collect(),
        ),
        (
            "profile",
            Screen::Profile,
            vec![ArrowDown; 7].into_iter().chain([Enter]).collect(),
        ),
        (
            "competitions",
            Screen::Competitions,
            vec![ArrowDown; 8].into_iter().chain([Enter]).collect(),
        ),
        (
            "join",
            Screen::Join,
            vec![ArrowDown; 9].into_iter().chain([Enter]).collect(),
        ),
    ]
}

#[test]
fn swapping_the_library_under_any_screen_cannot_panic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        dialogues().join("demo-request.ron"),
        dir.path().join("demo-request.ron"),
    )
    .unwrap();
    std::fs::write(dir.path().join("broken.ron"), "Scenario(").unwrap();
    let broken_only = {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("other.ron"), "(").unwrap();
        Library::from_path(d.path()).unwrap()
    };
    for (name, expected, path) in screens() {
        for swap in [Library::default(), broken_only.clone()] {
            let mut app = headless(
                Library::from_path(dir.path()).unwrap(),
                PlayOptions {
                    seed: Some(3),
                    ..default()
                },
            );
            keys(&mut app, &path);
            let at = screen(&app);
            assert_eq!(at, expected, "{name}: the keys reach the screen");
            // The library changes under the screen (a competition entered or left, a reload).
            app.world_mut().resource_mut::<game::Scenarios>().0 = swap;
            frames(&mut app, 3);
            // Whatever the player presses next, nothing panics.
            for k in [
                KeyCode::Digit1,
                KeyCode::Enter,
                KeyCode::KeyR,
                KeyCode::ArrowDown,
                KeyCode::Enter,
                KeyCode::Escape,
                KeyCode::Digit2,
                KeyCode::Enter,
            ] {
                key(&mut app, k);
            }
            eprintln!("{name}: was on {at:?}, now on {:?}", screen(&app));
        }
    }
}

#[test]
fn an_answer_the_call_refuses_is_reported_on_the_call_screen() {
    let mut app = headless(
        Library::builtin(),
        PlayOptions {
            scenario: Some("network-expansion".into()),
            seed: Some(1),
            ..default()
        },
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    // The prospect hangs up in the very frame the player answers (the call ends behind the
    // screen's back): the answer cannot be taken, and the player is told.
    let script = builtin_script("network-expansion");
    app.world_mut()
        .resource_mut::<ActiveCall>()
        .call
        .lose_patience(&script, 1000);
    key(&mut app, digit(1));
    let shown = texts(&mut app);
    assert!(
        shown
            .iter()
            .any(|t| t.contains("could not be taken") && t.contains("already ended")),
        "{shown:?}"
    );
}

#[test]
fn a_name_and_enter_in_the_same_frame_save_the_whole_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let mut app = headless_with_records(&db, game::PlayOptions::default());
    assert_eq!(screen(&app), game::Screen::Profile);
    // Everything a quick typist (or a browser under load) delivers between two frames.
    for c in "Ana".chars() {
        app.world_mut().write_message(typed(c));
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        screen(&app),
        game::Screen::Diagnostic,
        "the name was not taken"
    );
    drop(app);
    let (store, _) = peercall_core::records::Store::open(&db).unwrap();
    assert_eq!(store.setting("player").unwrap().as_deref(), Some("Ana"));
}
