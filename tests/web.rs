//! The web game in a real browser (headless Chromium through ChromeDriver, WebGL2 through
//! SwiftShader), handed out by `peercall serve` at `/play/`: it loads and draws, a call is played
//! to its end by key presses and, separately, by the page's own buttons alone (the mirror a
//! screen reader reads) and by taps on a phone's screen, the result is still there after a
//! reload, and a team's join link plays the competition: results reach the hub's board at once,
//! and exactly once when the hub was away as the call ended.
//!
//! Needs `target/web` (`scripts/build-web.sh`) and chromium-driver: skipped without them, unless
//! `PEERCALL_REQUIRE_WEB` is set (CI sets it).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::browser::Browser;
use common::hub::{hub_listening, hub_with, publish};
use common::web::{available, serving};

#[test]
fn the_web_game_draws_plays_a_call_by_keys_and_keeps_it_across_a_reload() {
    if !available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let (_hub, url) = hub_with(data.path(), &serving());
    let b = Browser::start();
    // The seed is fixed so that the same keys play the same call every time.
    b.open(&format!("{url}/play/?seed=7"));
    b.wait_started();
    std::thread::sleep(Duration::from_secs(2));
    let shot = b.screenshot();
    assert!(common::distinct_colours(&shot) > 10, "the canvas is blank");
    assert!(b.records().is_empty());
    // First start: the profile (a name, then Enter). Then the first choice at every turn and
    // Enter on every other screen, until a call is recorded.
    // The profile screen is up before the name is typed; then Enter until the name is taken.
    // Four browsers drawing at once on two cores may drop a key: the name is typed again only
    // when the field does not show it, and nothing else is typed on this screen.
    let deadline = Instant::now() + Duration::from_secs(60);
    while b.screen() != "Profile" {
        assert!(
            Instant::now() < deadline,
            "no profile screen: on {}",
            b.screen()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while b.screen() == "Profile" {
        assert!(
            Instant::now() < deadline,
            "the name was never taken: {}",
            b.mirrored()
        );
        if !b.mirrored().contains("Ana") {
            b.keys("Ana");
            std::thread::sleep(Duration::from_millis(300));
        }
        b.keys("\u{E007}");
        std::thread::sleep(Duration::from_millis(500));
    }
    let deadline = Instant::now() + Duration::from_secs(240);
    while b.records().is_empty() {
        assert!(
            Instant::now() < deadline,
            "no call was recorded in 240 s of key presses"
        );
        b.keys("1");
        std::thread::sleep(Duration::from_millis(400));
        b.keys("\u{E007}");
        std::thread::sleep(Duration::from_millis(400));
    }
    let played = b.records();
    assert_eq!(played[0]["player"], "Ana", "{}", played[0]);
    // The records are kept in the browser: a reload finds them.
    let saved = |b: &Browser| b.run("return window.peercall.saved").as_u64().unwrap_or(0);
    let deadline = Instant::now() + Duration::from_secs(10);
    while saved(&b) == 0 {
        assert!(Instant::now() < deadline, "the records were never kept");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_secs(1));
    b.open(&format!("{url}/play/"));
    b.wait_started();
    let again = b.records();
    assert!(!again.is_empty(), "the reload lost the records");
    assert_eq!(again[0]["id"], played[0]["id"]);
}

#[test]
fn a_call_is_played_to_its_debrief_with_the_pages_own_buttons_alone() {
    if !available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let (_hub, url) = hub_with(data.path(), &serving());
    let b = Browser::start();
    b.open(&format!("{url}/play/?seed=7"));
    b.wait_started();
    // The name is typed (the only field); everything after it is the mirror's buttons.
    b.keys("Cy\u{E007}");
    let mut live = String::new();
    b.press_until("Debrief", || {
        live = b
            .run("return document.getElementById('mirror-log').getAttribute('aria-live')")
            .as_str()
            .unwrap_or_default()
            .to_string();
    });
    assert_eq!(live, "polite", "the call's lines are not announced");
    // The debrief is there as text: the outcome and the truth.
    let text = b.mirrored();
    assert!(text.contains("Outcome:"), "{text}");
    assert!(text.contains("What was really going on"), "{text}");
    let played = b.records();
    assert_eq!(played.len(), 1);
    assert_eq!(played[0]["player"], "Cy");
}

#[test]
fn on_a_phone_held_upright_a_call_is_played_by_taps_on_the_canvas() {
    if !available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let (_hub, url) = hub_with(data.path(), &serving());
    let b = Browser::start_phone();
    b.open(&format!("{url}/play/?seed=7"));
    b.wait_started();
    let width = b.run("return innerWidth").as_u64();
    assert_eq!(width, Some(390), "not a phone's width");
    // The name is typed; then a tap on the first button the canvas draws, on every screen.
    b.keys("Di\u{E007}");
    let deadline = Instant::now() + Duration::from_secs(240);
    let mut taps_in_call = 0;
    loop {
        let now = b.screen();
        if now == "Debrief" {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "never reached the debrief by taps: on {now} with {}",
            b.mirrored()
        );
        if let Some((label, x, y)) = b.first_button(&now) {
            assert!(
                (0.0..390.0).contains(&x) && (0.0..844.0).contains(&y),
                "{label} on {now} is drawn off the screen, at {x}, {y}"
            );
            b.tap(x, y);
            if now == "Call" {
                taps_in_call += 1;
            }
        }
        std::thread::sleep(Duration::from_millis(400));
    }
    assert!(
        taps_in_call >= 3,
        "only {taps_in_call} taps answered the call"
    );
    let played = b.records();
    assert_eq!(played.len(), 1);
    assert_eq!(played[0]["player"], "Di");
}

/// Rows recorded for `player` in the hub's results.
fn hub_results(data: &Path, player: &str) -> i64 {
    let db = rusqlite::Connection::open_with_flags(
        data.join("records.sqlite"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    db.query_row(
        "SELECT COUNT(*) FROM results WHERE player = ?1",
        [player],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn a_join_link_plays_the_competition_and_each_result_reaches_the_hub_once() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("hub");
    let env = serving();
    let (hub, url) = hub_with(&data, &env);
    let code = publish(dir.path(), &url, "Reds");
    // The publishing page and the command line give the join link; the board links to the game.
    let b = Browser::start();
    b.open(&format!("{url}/competitions/cup"));
    assert!(
        b.run("return !!document.querySelector('a[href=\"/play/\"]')")
            .as_bool()
            .unwrap(),
        "the board does not link to the game"
    );
    let board = b.new_tab(&format!("{url}/play/?join={code}"));
    b.wait_started();
    // The name, once; the link joins and opens the competition's calls.
    b.keys("Bo\u{E007}");
    b.press_until("Pick", || {});
    let pick = b.mirrored();
    assert!(
        pick.contains("Winter <cup>"),
        "not in the competition: {pick}"
    );
    b.press_until("Debrief", || {});
    // The board page, open in the other tab, shows the result as it arrives.
    let game = b.tab();
    b.switch_to(&board);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !b.text().contains("Bo") {
        assert!(
            Instant::now() < deadline,
            "the board never showed the result: {}",
            b.text()
        );
        std::thread::sleep(Duration::from_millis(300));
    }
    assert_eq!(hub_results(&data, "Bo"), 1);
    // A second call: the hub goes away as soon as the call is on, and comes back after it ended.
    b.switch_to(&game);
    assert!(b.press("Retry"), "no way to a second call");
    // The press is taken on the game's next frame: the debrief may still be showing.
    let deadline = Instant::now() + Duration::from_secs(20);
    while b.screen() == "Debrief" {
        assert!(Instant::now() < deadline, "Retry did not leave the debrief");
        std::thread::sleep(Duration::from_millis(100));
    }
    let address = url.trim_start_matches("http://").to_string();
    let mut hub = Some(hub);
    b.press_until("Debrief", || drop(hub.take()));
    assert!(hub.is_none(), "the second call never showed");
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(hub_results(&data, "Bo"), 1);
    let (_back, _) = hub_listening(&data, &address, None, &env);
    let deadline = Instant::now() + Duration::from_secs(60);
    while hub_results(&data, "Bo") < 2 {
        assert!(Instant::now() < deadline, "the queued result never arrived");
        std::thread::sleep(Duration::from_millis(500));
    }
    // Nothing arrives twice, however long the page keeps going.
    std::thread::sleep(Duration::from_secs(8));
    assert_eq!(hub_results(&data, "Bo"), 2);
}
