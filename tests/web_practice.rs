//! Practice in a real browser (headless Chromium, the hub's `/play/`): a call played with the
//! first line at every turn names the habit to fix on its debrief; two days later (the page's
//! clock moved forward) the title offers the decisions it missed, and a drill is played from its
//! briefing to its verdict; the habits have a screen of their own.
//!
//! Needs `target/web` (`scripts/build-web.sh`) and chromium-driver: skipped without them, unless
//! `PEERCALL_REQUIRE_WEB` is set (CI sets it).

mod common;

use std::time::{Duration, Instant};

use common::browser::Browser;
use common::hub::hub_with;
use common::web::{available, serving};
use serde_json::json;

/// Waits until the mirror shows `screen`.
fn wait_for(b: &Browser, screen: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while b.screen() != screen {
        assert!(
            Instant::now() < deadline,
            "never reached {screen}: on {} with {}",
            b.screen(),
            b.mirrored()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_missed_decision_comes_back_in_the_browser_and_the_habit_to_fix_is_named() {
    if !available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let (_hub, url) = hub_with(data.path(), &serving());
    let b = Browser::start();
    b.open(&format!("{url}/play/?seed=7"));
    b.wait_started();
    b.keys("Ana\u{E007}");
    // The first line at every turn: the customer-advocate lines the calls are written around.
    b.press_until("Debrief", || {});
    assert_eq!(b.records().len(), 1);
    let debrief = b.mirrored();
    assert!(debrief.contains("The habit to fix: "), "{debrief}");
    // The records are kept before the page is left.
    let deadline = Instant::now() + Duration::from_secs(10);
    while b.run("return window.peercall.saved").as_u64().unwrap_or(0) == 0 {
        assert!(Instant::now() < deadline, "the records were never kept");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_secs(1));
    // Two days on: the page's clock (what the game reads the date from) moves forward.
    let moved = b.send(
        "POST",
        &b.session("goog/cdp/execute"),
        json!({ "cmd": "Page.addScriptToEvaluateOnNewDocument", "params": { "source":
            "(() => { const now = Date.now; Date.now = () => now() + 2 * 86400000; })();" } }),
    );
    assert!(moved["value"].is_object(), "{moved}");
    b.open(&format!("{url}/play/"));
    b.wait_started();
    wait_for(&b, "Title");
    let title = b.mirrored();
    assert!(title.contains("to practise today"), "{title}");
    assert!(b.press_on(Some("Title"), "Practise"), "{title}");
    wait_for(&b, "Briefing");
    let briefing = b.mirrored();
    assert!(briefing.contains("Drill 1 of "), "{briefing}");
    assert!(briefing.contains("Last time you said"), "{briefing}");
    // Take the call, then the first line at every turn again: the drill is missed.
    b.press_until("Debrief", || {});
    let verdict = b.mirrored();
    assert!(
        verdict.contains("Missed: it goes back to the start."),
        "{verdict}"
    );
    // Still one recorded call: a drill is kept apart from results.
    assert_eq!(b.records().len(), 1);
    // The habits, from the title.
    let deadline = Instant::now() + Duration::from_secs(60);
    while b.screen() != "Title" {
        assert!(Instant::now() < deadline, "never back on the title");
        b.press_on(Some("Debrief"), "Done");
        b.press_on(Some("Debrief"), "Next drill");
        b.press_on(Some("Briefing"), "Back");
        std::thread::sleep(Duration::from_millis(300));
    }
    assert!(b.press_on(Some("Title"), "Your habits"));
    wait_for(&b, "Habits");
    let habits = b.mirrored();
    assert!(habits.contains("The habit to fix: "), "{habits}");
    assert!(habits.contains("in your last call."), "{habits}");
}

#[test]
fn play_from_here_opens_the_web_game_at_a_node_in_a_given_state() {
    if !available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let (_hub, url) = hub_with(data.path(), &serving());
    let b = Browser::start();
    // The link the hub's scenario page gives for free-consulting's decision, in the tender truth.
    b.open(&format!(
        "{url}/play/?scenario=free-consulting&from=move&truth=tender&trust=50&peer=1&seed=3"
    ));
    b.wait_started();
    b.keys("Ana\u{E007}");
    let deadline = Instant::now() + Duration::from_secs(60);
    while b.screen() != "Call" {
        assert!(
            Instant::now() < deadline,
            "never on the call: on {} with {}",
            b.screen(),
            b.mirrored()
        );
        b.press("");
        std::thread::sleep(Duration::from_millis(300));
    }
    let call = b.mirrored();
    assert!(call.contains("tender specification"), "{call}");
    assert!(call.contains("50"), "the trust given: {call}");
}
