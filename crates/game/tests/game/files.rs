//! Scenario files as the game meets them: a broken file beside playable ones, and a file changed
//! while its call is on (hot reload).

use super::*;

#[test]
fn a_broken_scenario_shows_its_error_and_the_others_still_play() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(dialogues().join("demo-request.ron")).unwrap();
    std::fs::write(dir.path().join("good.ron"), &good).unwrap();
    std::fs::write(
        dir.path().join("broken.ron"),
        good.replacen("trust: 8,", "trust: eight,", 1),
    )
    .unwrap();
    let library = Library::from_path(dir.path()).unwrap();
    assert_eq!(library.playable(), 1);
    let mut app = headless(library, PlayOptions::default());
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Pick);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.contains("broken.ron: 1 error"))
    );
    key(&mut app, KeyCode::Digit2);
    assert_eq!(screen(&app), Screen::Error);
    let line = good.lines().position(|l| l.contains("trust: 8,")).unwrap() + 1;
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.contains(&format!("broken.ron:{line}:"))),
        "the error screen shows file:line:column"
    );
    key(&mut app, KeyCode::Escape);
    key(&mut app, KeyCode::Digit1);
    assert_eq!(screen(&app), Screen::Briefing);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);

    // A German trainer reads a finding in German, at the same place.
    std::fs::write(
        dir.path().join("broken.ron"),
        good.replacen("trust: 8,", "trsut: 8,", 1),
    )
    .unwrap();
    let library = Library::from_path(dir.path()).unwrap();
    let options = PlayOptions {
        lang: Some("de".into()),
        ..PlayOptions::default()
    };
    let mut app = headless(library, options);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Digit2);
    assert_eq!(screen(&app), Screen::Error);
    let shown = texts(&mut app).join("\n");
    assert!(shown.contains(&format!("broken.ron:{line}:")), "{shown}");
    assert!(
        shown.contains("unbekanntes Feld `trsut` in einer Antwort"),
        "{shown}"
    );
    assert!(!shown.contains("unknown field"), "{shown}");
}

#[test]
fn hot_reload_continues_the_call_and_keeps_the_previous_version_when_a_save_breaks() {
    use peercall_game::reload::Reloads;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("network-expansion.ron");
    let original = std::fs::read_to_string(dialogues().join("network-expansion.ron")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let mut app = headless(
        Library::from_path(dir.path()).unwrap(),
        PlayOptions {
            dialogues: Some(dir.path().to_path_buf()),
            scenario: Some("network-expansion".into()),
            seed: Some(1),
            ..default()
        },
    );
    key(&mut app, KeyCode::Enter);
    let n = shown(&app, 2);
    key(&mut app, digit(n));
    assert_eq!(call(&app).call.turns().len(), 1);

    // The trainer rewrites the line the prospect is saying now, and saves.
    let edited = original
        .replace(
            "\"Sure, that's fair. What do you want to know?\"",
            "\"Fine, ten minutes.\"",
        )
        .replace("\"Okay, ten minutes. Go ahead.\"", "\"Fine, ten minutes.\"");
    std::fs::write(&file, &edited).unwrap();
    update_until(&mut app, |a| a.world().resource::<Reloads>().0 >= 1);
    app.update();
    assert_eq!(screen(&app), Screen::Call);
    assert_eq!(call(&app).call.turns().len(), 1, "the call continues");
    assert!(
        texts(&mut app).iter().any(|t| t == "Fine, ten minutes."),
        "the new line is shown"
    );

    // A save with an error: the error screen, and the previous version still plays.
    std::fs::write(&file, edited.replacen("trust: 8,", "trust: 8,,", 1)).unwrap();
    update_until(&mut app, |a| a.world().resource::<Reloads>().0 >= 2);
    app.update();
    assert_eq!(screen(&app), Screen::Error);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.contains("network-expansion.ron:") && t.contains("error[syntax]")),
        "{:?}",
        texts(&mut app)
    );
    // The window is woken to show it at once.
    let asked = app
        .world_mut()
        .resource_mut::<Messages<bevy::window::RequestRedraw>>()
        .drain()
        .count();
    assert!(asked > 0, "no redraw asked for");
    // Esc goes back to the call in progress, on the version that still plays, as it was.
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "Back to the call (Esc)"),
        "{:?}",
        texts(&mut app)
    );
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Call);
    assert_eq!(call(&app).call.turns().len(), 1, "the call is not lost");

    // Broken again, then fixed: the error screen gives way to the call, with its state.
    std::fs::write(&file, edited.replacen("trust: 8,", "trust: 8,,", 1)).unwrap();
    update_until(&mut app, |a| a.world().resource::<Reloads>().0 >= 3);
    app.update();
    assert_eq!(screen(&app), Screen::Error);
    std::fs::write(&file, &edited).unwrap();
    update_until(&mut app, |a| a.world().resource::<Reloads>().0 >= 4);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Call, "{:?}", texts(&mut app));
    assert_eq!(call(&app).call.turns().len(), 1);
    assert!(
        !texts(&mut app).iter().any(|t| t.contains("0 errors")),
        "no error screen for a file without errors"
    );

    // From the list, a new call starts afresh.
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Pick);
    app.update();
    app.update();
    key(&mut app, KeyCode::Digit1);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    assert_eq!(call(&app).call.turns().len(), 0);
}
