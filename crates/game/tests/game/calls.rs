//! Whole calls played by key presses: outcomes, the debrief, hanging up, double presses, pausing,
//! replaying from a turn, an impatient prospect, and what a screen reader is given.

use super::*;

#[test]
fn keyboard_call_on_the_demo_request_ends_qualified_and_debriefs() {
    // Seed 6 draws the third-bid truth, where these lines qualify in.
    let mut app = play_by_keys(1, 6, &[2, 1, 1, 1, 1, 1]);
    let active = call(&app);
    assert_eq!(active.call.scenario_id(), "demo-request");
    assert_eq!(active.call.trust(), 78);
    let d = app.world().resource::<ShownDebrief>().0.clone();
    assert_eq!(d.outcome, Outcome::QualifiedIn);
    assert_eq!(d.turns.len(), 6);
    assert!(d.score >= 90, "{}", d.score);
    let shown = texts(&mut app);
    assert!(shown.iter().any(|t| t.contains(&d.headline)));
    assert!(shown.iter().any(|t| t.starts_with("Signal: peer contract")));
    assert!(shown.iter().any(|t| t == "Replay from turn 6"));
}

#[test]
fn keyboard_advocate_call_on_the_network_expansion_shows_the_better_lines() {
    let mut app = play_by_keys(2, 9, &[1, 1, 1, 1, 1, 1, 1]);
    let d = app.world().resource::<ShownDebrief>().0.clone();
    assert_eq!(d.scenario, "network-expansion");
    assert_eq!(d.outcome, Outcome::Wasted);
    assert_eq!(d.days, 10.0);
    // The first line asked permission; the debrief offers the peer contract instead.
    let better = d.turns[0].better.as_ref().expect("a better line");
    assert!(better.say.contains("big picture"), "{}", better.say);
    let shown = texts(&mut app);
    assert!(shown.iter().any(|t| t.contains(&better.say)));
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with("Person-days committed: 10"))
    );

    // Retry: the same call from the start, same seed.
    let seed = call(&app).call.seed();
    key(&mut app, KeyCode::KeyR);
    assert_eq!(screen(&app), Screen::Call);
    assert_eq!(call(&app).call.turns().len(), 0);
    assert_eq!(call(&app).call.seed(), seed);
}

#[test]
fn the_prospect_hangs_up_when_trust_falls_too_low() {
    let app = play_by_keys(2, 1, &[1, 2, 3, 3]);
    let d = &app.world().resource::<ShownDebrief>().0;
    assert!(d.hung_up);
    assert_eq!(d.outcome, Outcome::Lost);
    assert!(d.trust < 15);
}

#[test]
fn a_double_press_answers_only_once() {
    let mut app = headless(
        Library::builtin(),
        PlayOptions {
            scenario: Some("network-expansion".into()),
            seed: Some(2),
            ..default()
        },
    );
    assert_eq!(screen(&app), Screen::Briefing);
    key(&mut app, KeyCode::Enter);
    // Press 2 in two consecutive frames: the second press lands inside the cooldown.
    for _ in 0..2 {
        app.world_mut().write_message(KeyboardInput {
            key_code: KeyCode::Digit2,
            logical_key: Key::Unidentified(NativeKey::Unidentified),
            state: ButtonState::Pressed,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        });
        app.update();
        app.world_mut().write_message(KeyboardInput {
            key_code: KeyCode::Digit2,
            logical_key: Key::Unidentified(NativeKey::Unidentified),
            state: ButtonState::Released,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        });
    }
    app.update();
    assert_eq!(call(&app).call.turns().len(), 1);
    // A button of the turn before (kept by a test: the screen removed it) does nothing either.
    let current = choice(&mut app, 1);
    let mut c = *app.world().get::<Choice>(current).unwrap();
    c.turn = 0;
    app.world_mut().entity_mut(current).insert(c);
    app.world_mut().trigger(Press { entity: current });
    app.update();
    assert_eq!(call(&app).call.turns().len(), 1);
}

#[test]
fn escape_pauses_the_call_and_choices_wait() {
    let mut app = headless(
        Library::builtin(),
        PlayOptions {
            scenario: Some("demo-request".into()),
            ..default()
        },
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    key(&mut app, KeyCode::Escape);
    assert_eq!(pause(&app), Some(Pause::OnHold));
    assert!(texts(&mut app).iter().any(|t| t == "Call on hold"));
    key(&mut app, KeyCode::Digit2);
    assert_eq!(call(&app).call.turns().len(), 0, "no answer while on hold");
    key(&mut app, KeyCode::Escape);
    assert_eq!(pause(&app), Some(Pause::Running));
    key(&mut app, KeyCode::Digit2);
    assert_eq!(call(&app).call.turns().len(), 1);
}

#[test]
fn replay_from_a_turn_keeps_the_earlier_answers() {
    let mut app = play_by_keys(1, 3, &[1, 1, 1, 1, 1, 1]);
    assert_eq!(
        app.world().resource::<ShownDebrief>().0.outcome,
        Outcome::Wasted
    );
    press(&mut app, "Replay from turn 4");
    assert_eq!(screen(&app), Screen::Call);
    assert_eq!(call(&app).call.turns().len(), 3);
    assert!(!call(&app).call.is_over());
}

#[test]
fn an_impatient_prospect_loses_trust_while_waiting_and_can_hang_up() {
    let dir = regressions::impatient();
    let mut app = headless(
        Library::from_path(dir.path()).unwrap(),
        PlayOptions {
            scenario: Some("network-expansion".into()),
            ..default()
        },
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    let start = call(&app).call.trust();
    // 200 ms a frame: 2 s of patience, then a point a second.
    for _ in 0..25 {
        app.update();
    }
    let after = call(&app).call.trust();
    assert!(after < start && after >= start - 4, "{start} -> {after}");
    // On hold, nothing drains.
    key(&mut app, KeyCode::Escape);
    for _ in 0..25 {
        app.update();
    }
    assert_eq!(call(&app).call.trust(), after);
    key(&mut app, KeyCode::Escape);
    // Left alone long enough, the prospect hangs up.
    for _ in 0..400 {
        app.update();
    }
    let active = call(&app);
    assert!(active.call.is_over());
    assert!(active.call.finish().unwrap().hung_up);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    assert_eq!(
        app.world().resource::<ShownDebrief>().0.outcome,
        Outcome::Lost
    );
}

#[test]
fn screen_readers_get_the_prospect_line_and_the_choices() {
    let mut app = with_layout(PlayOptions {
        scenario: Some("demo-request".into()),
        seed: Some(1),
        ..default()
    });
    let take = button(&mut app, "Take the call");
    click(&mut app, take);
    app.update();
    let mut q = app
        .world_mut()
        .query_filtered::<&bevy::a11y::AccessibilityNode, With<Button>>();
    let roles: Vec<String> = q
        .iter(app.world())
        .map(|n| format!("{:?}", n.role()))
        .collect();
    assert!(roles.len() >= 4, "{roles:?}");
    assert!(roles.iter().all(|r| r == "Button"), "{roles:?}");
    let mut q = app.world_mut().query_filtered::<
        (&Text, &bevy::a11y::AccessibilityNode),
        With<peercall_game::screens::call::ProspectLine>,
    >();
    let (text, node) = q.single(app.world()).expect("one prospect line to answer");
    assert!(text.0.contains("demo"), "{}", text.0);
    assert_eq!(format!("{:?}", node.role()), "Label");
}
