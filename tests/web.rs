//! The web game in a real browser (headless Chromium through ChromeDriver, WebGL2 through
//! SwiftShader), handed out by `peercall serve` at `/play/`: it loads and draws, a call is played
//! to its end by key presses, and the result is still there after a reload.
//!
//! Needs `target/web` (`scripts/build-web.sh`) and chromium-driver: skipped without them, unless
//! `PEERCALL_REQUIRE_WEB` is set (CI sets it).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use common::browser::{Browser, have_driver};
use common::hub::hub_with;

/// Whether the web build and a browser are here; `false` skips (refused under CI).
fn available() -> bool {
    let built = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/web/index.html")
        .is_file();
    let driver = have_driver();
    if !(built && driver) {
        assert!(
            std::env::var_os("PEERCALL_REQUIRE_WEB").is_none(),
            "PEERCALL_REQUIRE_WEB is set, but target/web is built: {built}, chromedriver: {driver}"
        );
        eprintln!("skipped: needs scripts/build-web.sh and chromium-driver");
    }
    built && driver
}

impl Browser {
    /// Waits until the game has started in the page (it marks `data-started`).
    fn wait_started(&self) {
        let deadline = Instant::now() + Duration::from_secs(90);
        while self
            .run("return document.documentElement.dataset.started || null")
            .is_null()
        {
            let failed =
                self.run("return document.querySelector('#loading .error')?.textContent || null");
            assert!(failed.is_null(), "the game did not start: {failed}");
            assert!(Instant::now() < deadline, "the game did not start in 90 s");
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Types `keys` (WebDriver key codes: "\u{E007}" is Enter) into the focused canvas.
    fn keys(&self, keys: &str) {
        let mut actions = Vec::new();
        for k in keys.chars() {
            actions.push(json!({ "type": "keyDown", "value": k.to_string() }));
            actions.push(json!({ "type": "keyUp", "value": k.to_string() }));
        }
        self.send(
            "POST",
            &self.session("actions"),
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }),
        );
    }

    /// This browser's results, as the page exports them.
    fn records(&self) -> Vec<Value> {
        let text = self.run("return window.peercall.exportRecords()");
        let v: Value = serde_json::from_str(text.as_str().unwrap_or("{}")).unwrap();
        v["records"].as_array().cloned().unwrap_or_default()
    }

    /// A screenshot of the page, as PNG bytes.
    fn screenshot(&self) -> Vec<u8> {
        use base64::Engine;
        let v = self.send("GET", &self.session("screenshot"), Value::Null);
        base64::engine::general_purpose::STANDARD
            .decode(v["value"].as_str().unwrap())
            .unwrap()
    }
}

#[test]
fn the_web_game_draws_plays_a_call_by_keys_and_keeps_it_across_a_reload() {
    if !available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/web");
    let (_hub, url) = hub_with(data.path(), &[("PEERCALL_WEB", web.display().to_string())]);
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
    b.keys("Ana\u{E007}");
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
