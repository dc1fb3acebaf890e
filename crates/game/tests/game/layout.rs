//! The laid-out game: real mouse clicks, every button on screen at the largest text, settings
//! that rebuild the screen, and the focused scenario scrolled into view.

use super::*;

#[test]
fn text_size_and_high_contrast_settings_rebuild_the_screen() {
    let mut app = headless(Library::builtin(), PlayOptions::default());
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.world().resource::<Theme>().scale, 1.25);
    assert!(texts(&mut app).iter().any(|t| t == "Text size: 125%"));
    press(&mut app, "High contrast: off");
    assert!(app.world().resource::<Theme>().high_contrast);
    assert!(texts(&mut app).iter().any(|t| t == "High contrast: on"));
}

#[test]
fn real_clicks_play_a_whole_call() {
    let mut app = with_layout(PlayOptions {
        scenario: Some("network-expansion".into()),
        // Seed 6 draws the acquisition truth, where these lines qualify out.
        seed: Some(6),
        ..default()
    });
    assert_eq!(screen(&app), Screen::Briefing);
    let take = button(&mut app, "Take the call");
    click(&mut app, take);
    assert_eq!(screen(&app), Screen::Call);
    for (turn, number) in [2, 1, 2, 1, 1, 1, 1].into_iter().enumerate() {
        app.update();
        let n = shown(&app, number);
        let c = choice(&mut app, n);
        click(&mut app, c);
        assert_eq!(call(&app).call.turns().len(), turn + 1);
        // Let the cooldown pass.
        app.update();
        app.update();
    }
    assert_eq!(
        call(&app).call.outcome(call(&app).script()),
        Some(Outcome::QualifiedOut)
    );
    let debrief = button(&mut app, "See your debrief");
    click(&mut app, debrief);
    assert_eq!(screen(&app), Screen::Debrief);
    let back = button(&mut app, "Back to scenarios");
    click(&mut app, back);
    assert_eq!(screen(&app), Screen::Pick);
    // The scenario cards are numbered buttons too.
    let mut q = app.world_mut().query::<&Hotkey>();
    assert_eq!(
        q.iter(app.world()).count(),
        Library::builtin().entries.len()
    );
}

/// The labels of the buttons that run (partly) off the right edge of the window, and the
/// window's size: in the laid-out game, in physical pixels. (Below the window is where a list
/// scrolls to, so only the width is checked.)
fn buttons_off_screen(app: &mut App) -> (Vec<String>, Vec2) {
    let window = {
        let mut q = app
            .world_mut()
            .query_filtered::<&Window, With<PrimaryWindow>>();
        let w = q.single(app.world()).unwrap();
        Vec2::new(w.physical_width() as f32, w.physical_height() as f32)
    };
    let world = app.world_mut();
    let mut q =
        world.query_filtered::<(&ComputedNode, &UiGlobalTransform, &Children), With<Button>>();
    let mut labels = Vec::new();
    let mut off = Vec::new();
    for (node, at, children) in q.iter(world) {
        let (half, center) = (node.size() / 2.0, at.translation);
        if node.size().x > 0.0 && center.x + half.x > window.x + 0.5 {
            labels.extend(children.iter());
            off.push(center);
        }
    }
    let names = labels
        .into_iter()
        .filter_map(|e| world.get::<Text>(e).map(|t| t.0.clone()))
        .collect();
    (names, window)
}

/// The pseudo-locale at 150% text (longer words than any real language, at the largest size)
/// keeps every button of a call's screens on screen (the briefing, the call, the call on hold,
/// the debrief, the scenarios, the title, the leaderboard, the competitions, joining a hub): a
/// row of buttons too long for the window goes onto a second line.
#[test]
fn long_words_at_the_largest_text_keep_every_button_on_screen() {
    let mut app = with_layout(PlayOptions {
        scenario: Some("demo-request".into()),
        seed: Some(1),
        lang: Some(peercall_core::i18n::PSEUDO.into()),
        text_scale: Some(1.5),
        ..default()
    });
    assert_eq!(screen(&app), Screen::Briefing);
    let mut seen = Vec::new();
    let mut check = |app: &mut App, what: &str| {
        for _ in 0..3 {
            app.update();
        }
        let (off, window) = buttons_off_screen(app);
        assert!(off.is_empty(), "{what}: off a {window} window: {off:?}");
        seen.push(what.to_string());
    };
    check(&mut app, "briefing");
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    check(&mut app, "call");
    key(&mut app, KeyCode::Escape);
    check(&mut app, "call on hold");
    key(&mut app, KeyCode::Escape);
    for pick in [2, 1, 1, 1, 1, 1] {
        let n = shown(&app, pick);
        key(&mut app, digit(n));
        app.update();
        app.update();
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    check(&mut app, "debrief");
    // The debrief's row of buttons is two lines here: retry first, the leaderboard below it.
    let words = peercall_core::words::words(peercall_core::i18n::PSEUDO);
    let y = |app: &mut App, key: &str| {
        let b = button(app, &words.t(key));
        app.world()
            .get::<UiGlobalTransform>(b)
            .unwrap()
            .translation
            .y
    };
    let (retry, board) = (y(&mut app, "debrief-retry"), y(&mut app, "leaderboard"));
    assert!(
        board > retry + 10.0,
        "retry at {retry}, leaderboard at {board}"
    );
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Pick);
    check(&mut app, "scenarios");
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
    check(&mut app, "title");
    // The title's other screens: the leaderboard, the competitions, joining a hub.
    for (label, what) in [
        (words.t("leaderboard"), "leaderboard"),
        (
            words.f("title-competitions", &[("count", 0.into())]),
            "competitions",
        ),
        (words.t("title-join-hub"), "joining a hub"),
    ] {
        press(&mut app, &label);
        assert_ne!(screen(&app), Screen::Title, "{what}");
        check(&mut app, what);
        key(&mut app, KeyCode::Escape);
        assert_eq!(screen(&app), Screen::Title, "back from {what}");
    }
    assert_eq!(seen.len(), 9);
}

#[test]
fn arrow_keys_scroll_the_focused_scenario_into_view() {
    let mut app = with_layout(PlayOptions::default());
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::ArrowDown);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Pick);
    app.update();
    let scrolled = |app: &mut App| {
        let mut q = app
            .world_mut()
            .query_filtered::<&ScrollPosition, With<peercall_game::nav::Scrollable>>();
        q.single(app.world()).unwrap().y
    };
    assert_eq!(scrolled(&mut app), 0.0);
    // Up from nothing focuses the last button (Back); once more, the last scenario.
    key(&mut app, KeyCode::ArrowUp);
    key(&mut app, KeyCode::ArrowUp);
    app.update();
    assert!(
        scrolled(&mut app) > 0.0,
        "the list scrolled to the last card"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Briefing);
}
