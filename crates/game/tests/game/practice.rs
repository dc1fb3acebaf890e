//! Practice in the game: the title says how many drills are due and plays them in a row from
//! the missed moment to a debrief that says when each comes back; the habit to fix on its own
//! screen and on the debrief.

use super::*;
use peercall_core::drills::day_of;
use peercall_core::records::{Record, Store};

/// Records, as of yesterday, Ana Lee's free-consulting call (undecided site) that sent the
/// scoped study anyway: one missed decision, due today.
fn missed_yesterday(db: &std::path::Path) {
    let (store, _) = Store::open(db).unwrap();
    store.set_setting("player", "Ana Lee").unwrap();
    let script = builtin_script("free-consulting");
    let undecided = script.scenario().truths.position("site-undecided").unwrap() as u32;
    let mut call = peercall_dialogue::Call::start_in(&script, 2, undecided);
    for pick in [2, 1, 1, 3, 2] {
        call.choose_index(&script, pick - 1).unwrap();
    }
    let yesterday = std::time::SystemTime::now() - Duration::from_secs(86_400);
    let r = Record::of(&call, &script, "Ana Lee", "", yesterday, yesterday, None).unwrap();
    let misses = peercall_dialogue::drill::misses(&call, &script);
    assert_eq!(misses.len(), 1);
    store
        .record_played(&r, false, &[], &misses, yesterday)
        .unwrap();
}

fn verdict(app: &mut App) -> String {
    let mut q = app
        .world_mut()
        .query_filtered::<&Text, With<peercall_game::screens::drill::VerdictText>>();
    q.iter(app.world()).map(|t| t.0.clone()).collect()
}

/// From the title: the due drill's briefing, its call by keys (`picks` by place in the file),
/// to its debrief.
fn play_drill(app: &mut App, picks: &[usize]) {
    assert_eq!(screen(app), Screen::Title);
    assert!(
        texts(app)
            .iter()
            .any(|t| t == "1 decision to practise today"),
        "{:?}",
        texts(app)
    );
    press(app, "Practise");
    assert_eq!(screen(app), Screen::Briefing);
    let briefing = texts(app);
    assert!(
        briefing
            .iter()
            .any(|t| t == "Drill 1 of 1: a decision you missed"),
        "{briefing:?}"
    );
    assert!(
        briefing
            .iter()
            .any(|t| t.starts_with("\"Then the study is worth doing")),
        "{briefing:?}"
    );
    key(app, KeyCode::Enter);
    assert_eq!(screen(app), Screen::Call);
    let a = call(app);
    assert!(a.drill.is_some());
    // The call picks up at `changing`, a moment before the decision, with the state that led
    // there: the peer contract and the trust earned.
    assert_eq!(a.script().node_id(a.call.state().node), "changing");
    assert!(a.call.state().peer_contract);
    for &pick in picks {
        let n = shown(app, pick);
        key(app, digit(n));
        app.update();
    }
    assert!(call(app).call.is_over());
    key(app, KeyCode::Enter);
    assert_eq!(screen(app), Screen::Debrief);
}

#[test]
fn a_due_drill_is_offered_on_the_title_played_from_its_moment_and_moved_on_when_passed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    missed_yesterday(&db);
    let mut app = headless_with_records(
        &db,
        PlayOptions {
            seed: Some(2),
            ..default()
        },
    );
    // A business question, then the options session that fits an undecided site.
    play_drill(&mut app, &[1, 1]);
    let said = verdict(&mut app);
    assert!(
        said.starts_with("Passed: it comes back later, further apart. Next: "),
        "{said}"
    );
    assert!(said.ends_with("(in 3 days)."), "{said}");
    // No retry, no replay from a turn: a drill goes on to the next, or is done.
    let labels = texts(&mut app);
    assert!(!labels.iter().any(|t| t.starts_with("Retry")), "{labels:?}");
    press(&mut app, "Done");
    assert_eq!(screen(&app), Screen::Title);
    // Nothing due any more today.
    assert!(
        !texts(&mut app)
            .iter()
            .any(|t| t.contains("to practise today"))
    );
    drop(app);
    let (store, _) = Store::open(&db).unwrap();
    let d = &store.drills("Ana Lee").unwrap()[0];
    assert_eq!((d.plays, d.passes, d.step.level), (1, 1, 1));
    assert_eq!(d.step.due, day_of(std::time::SystemTime::now()) + 3);
    // Recorded as a drill, not as a call.
    assert_eq!(store.results(Some("Ana Lee")).unwrap().len(), 1);
    assert_eq!(store.drill_plays("Ana Lee").unwrap().len(), 1);
}

#[test]
fn a_missed_drill_says_it_starts_over_tomorrow() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    missed_yesterday(&db);
    let mut app = headless_with_records(
        &db,
        PlayOptions {
            seed: Some(2),
            ..default()
        },
    );
    // The same scoped study again, then a business question after the visit.
    play_drill(&mut app, &[1, 3, 1]);
    let said = verdict(&mut app);
    assert!(
        said.starts_with("Missed: it goes back to the start. Next: "),
        "{said}"
    );
    assert!(said.ends_with("(in 1 day)."), "{said}");
    // Esc is "Done".
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("Your next drill of a missed decision is due tomorrow"))
    );
}

/// Records `n` thank-you calls of Ana Lee with every node's first line (thanks and deference
/// where peer lines were on offer).
fn deferential_calls(db: &std::path::Path, n: usize) {
    let (store, _) = Store::open(db).unwrap();
    store.set_setting("player", "Ana Lee").unwrap();
    let script = builtin_script("thank-you");
    for seed in 0..n as u64 {
        let mut call = peercall_dialogue::Call::start(&script, seed);
        while !call.is_over() {
            call.choose_index(&script, 0).unwrap();
        }
        let t = std::time::SystemTime::now() - Duration::from_secs(3_600 * (10 - seed));
        let r = Record::of(&call, &script, "Ana Lee", "", t, t, None).unwrap();
        store.record(&r, false).unwrap();
    }
}

#[test]
fn the_habits_screen_names_the_habit_to_fix_with_a_square_per_call() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    deferential_calls(&db, 3);
    let mut app = headless_with_records(&db, PlayOptions::default());
    press(&mut app, "Your habits");
    assert_eq!(screen(&app), Screen::Habits);
    let shown = texts(&mut app);
    assert!(
        shown
            .iter()
            .any(|t| t == "The habit to fix: gratitude / deference."),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|t| t == "Thanked or deferred to the prospect in 3 of your last 3 calls."),
        "{shown:?}"
    );
    // Five habits, three calls: fifteen squares.
    let squares = {
        let world = app.world_mut();
        let mut q = world.query::<(&Node, &BackgroundColor)>();
        q.iter(world)
            .filter(|(n, _)| n.width == px(16.0) && n.height == px(16.0))
            .count()
    };
    assert_eq!(squares, 15);
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
}

#[test]
fn a_debrief_names_the_habit_to_fix_and_a_first_player_sees_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    Store::open(&db)
        .unwrap()
        .0
        .set_setting("player", "Ana Lee")
        .unwrap();
    let mut app = headless_with_records(&db, PlayOptions::default());
    press(&mut app, "Your habits");
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.starts_with("No calls of ")),
        "{:?}",
        texts(&mut app)
    );
    drop(app);
    deferential_calls(&db, 2);
    let mut app = headless_with_records(
        &db,
        PlayOptions {
            scenario: Some("thank-you".into()),
            seed: Some(3),
            ..default()
        },
    );
    key(&mut app, KeyCode::Enter);
    while !call(&app).call.is_over() {
        key(&mut app, KeyCode::Digit1);
        app.update();
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    let shown = texts(&mut app);
    assert!(
        shown.iter().any(|t| t.starts_with("The habit to fix: ")),
        "{shown:?}"
    );
    press(&mut app, "Your habits");
    assert_eq!(screen(&app), Screen::Habits);
}
