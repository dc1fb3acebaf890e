//! The web game in a real browser (headless Chromium through ChromeDriver, WebGL2 through
//! SwiftShader), handed out by `peercall serve` at `/play/`: it loads and draws, a call is played
//! to its end by key presses and, separately, by the page's own buttons alone (the mirror a
//! screen reader reads), the result is still there after a reload, and a team's join link plays
//! the competition: results reach the hub's board at once, and exactly once when the hub was
//! away as the call ended.
//!
//! Needs `target/web` (`scripts/build-web.sh`) and chromium-driver: skipped without them, unless
//! `PEERCALL_REQUIRE_WEB` is set (CI sets it).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use common::browser::{Browser, have_driver};
use common::hub::{hub_listening, hub_with, publish};

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

/// The environment of a hub serving the web game built here.
fn serving() -> [(&'static str, String); 1] {
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/web");
    [("PEERCALL_WEB", web.display().to_string())]
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

    /// The screen the page's mirror shows ("Title", "Call", "Debrief", ...).
    fn screen(&self) -> String {
        self.run("return document.getElementById('mirror').dataset.screen || ''")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Presses the mirror's button whose label starts with `label` (the first button when
    /// `label` is empty), as a screen reader user activates it; `false` when there is none.
    fn press(&self, label: &str) -> bool {
        self.press_on(None, label)
    }

    /// [`Browser::press`], only while the mirror still shows `screen` (a screen that changed
    /// since it was read has other buttons).
    fn press_on(&self, screen: Option<&str>, label: &str) -> bool {
        let script = format!(
            "const m = document.getElementById('mirror');\
             if ({screen} !== null && m.dataset.screen !== {screen}) return false;\
             const b = [...document.querySelectorAll('#mirror-buttons button')]\
             .find((b) => b.textContent.startsWith({}));\
             if (!b) return false; b.click(); return true;",
            json!(label),
            screen = json!(screen),
        );
        self.run(&script).as_bool().unwrap_or(false)
    }

    /// Presses the first button on every screen (the first choice at every turn) until the
    /// mirror shows `screen`; `on_call` runs once when a call is first on screen.
    fn press_until(&self, screen: &str, mut on_call: impl FnMut()) {
        let deadline = Instant::now() + Duration::from_secs(240);
        let mut called = false;
        loop {
            let now = self.screen();
            if now == screen {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "never reached {screen}: on {} with {}; the page warned {}",
                self.screen(),
                self.mirrored(),
                self.run("return window.peercall.warnings")
            );
            if !called && now == "Call" {
                called = true;
                on_call();
            }
            self.press_on(Some(&now), "");
            std::thread::sleep(Duration::from_millis(300));
        }
    }

    /// Opens `url` in a new tab and switches to it; returns the tab it came from.
    fn new_tab(&self, url: &str) -> String {
        let from = self.tab();
        let tab = self.send(
            "POST",
            &self.session("window/new"),
            json!({ "type": "tab" }),
        );
        self.switch_to(tab["value"]["handle"].as_str().unwrap());
        self.open(url);
        from
    }

    /// The tab being driven.
    fn tab(&self) -> String {
        self.send("GET", &self.session("window"), Value::Null)["value"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// The mirror's text: everything on the game's screen.
    fn mirrored(&self) -> String {
        self.run("return document.getElementById('mirror-text').innerText")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Switches to tab `handle`.
    fn switch_to(&self, handle: &str) {
        self.send("POST", &self.session("window"), json!({ "handle": handle }));
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
    b.keys("Ana\u{E007}");
    // The name is taken before anything else is typed (a busy machine may take a moment).
    let deadline = Instant::now() + Duration::from_secs(30);
    while b.screen() == "Profile" {
        assert!(Instant::now() < deadline, "the name was never taken");
        std::thread::sleep(Duration::from_millis(200));
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

impl Browser {
    /// The first button of the mirror on `screen` and where the canvas draws it: its label and
    /// the centre of its rectangle in CSS pixels.
    fn first_button(&self, screen: &str) -> Option<(String, f64, f64)> {
        let v = self.run(&format!(
            "const m = document.getElementById('mirror');\
             if (m.dataset.screen !== {screen}) return null;\
             const b = document.querySelector('#mirror-buttons button');\
             if (!b || !b.dataset.rect) return null;\
             const [x, y, w, h] = b.dataset.rect.split(' ').map(Number);\
             const c = document.getElementById('bevy').getBoundingClientRect();\
             return [b.textContent, c.left + x + w / 2, c.top + y + h / 2];",
            screen = json!(screen)
        ));
        let v = v.as_array()?;
        Some((v[0].as_str()?.to_string(), v[1].as_f64()?, v[2].as_f64()?))
    }

    /// A finger's tap at (`x`, `y`) CSS pixels in the page.
    fn tap(&self, x: f64, y: f64) {
        let actions = json!([
            { "type": "pointerMove", "duration": 0, "origin": "viewport",
              "x": x.round() as i64, "y": y.round() as i64 },
            { "type": "pointerDown", "button": 0 },
            { "type": "pause", "duration": 60 },
            { "type": "pointerUp", "button": 0 },
        ]);
        self.send(
            "POST",
            &self.session("actions"),
            json!({ "actions": [{ "type": "pointer", "id": "finger",
                "parameters": { "pointerType": "touch" }, "actions": actions }] }),
        );
    }
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

/// A launch address from the learning system at `lms` for the game on `hub`.
fn launch_url(hub: &str, lms: &str, registration: &str) -> String {
    let actor = r#"{"objectType":"Agent","name":"Lou Learner","account":{"homePage":"https://lms.example.invalid","name":"lou-7"}}"#;
    let q: String = [
        ("scenario", "demo-request"),
        ("seed", "7"),
        ("endpoint", &format!("{lms}/xapi/")),
        ("fetch", &format!("{lms}/fetch")),
        ("actor", actor),
        ("registration", registration),
        ("activityId", "https://lms.example.invalid/au/demo-request"),
    ]
    .iter()
    .map(|(k, v)| format!("{k}={}", peercall_core::lms::url_component(v)))
    .collect::<Vec<_>>()
    .join("&");
    format!("{hub}/play/?{q}")
}

#[test]
fn launched_by_a_learning_system_a_call_sends_the_cmi5_statements_in_order() {
    if !available() {
        return;
    }
    let Some(venv) = common::lrs::venv() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let app = common::lrs::lrs_app(&venv, dir.path());
    let port = common::lrs::free_port();
    let _lrs = common::lrs::start(&venv, &app, port);
    let lms = common::lms::start(port);
    let registration = "d1beacde-b5fa-4d90-a6e5-da523d93e83d";
    let launch_data = |mode: &str, session: &str| {
        json!({
            "contextTemplate": {
                "contextActivities": {"grouping": [{"id": "https://lms.example.invalid/course"}]},
                "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": session}
            },
            "launchMode": mode, "masteryScore": 0.5, "moveOn": "CompletedAndPassed",
            "returnURL": format!("{}/back", lms.origin)
        })
        .to_string()
    };
    *lms.launch_data.lock().unwrap() = launch_data("Normal", "session-1");
    let mut env = serving().to_vec();
    env.push(("PEERCALL_LMS_ORIGINS", lms.origin.clone()));
    let (_hub, url) = hub_with(&dir.path().join("hub"), &env);
    let b = Browser::start();
    b.open(&launch_url(&url, &lms.origin, registration));
    b.wait_started();
    // The learner's name comes from the launch and the language from their preferences: the
    // call begins without asking, in German.
    b.press_until("Debrief", || {});
    let text = b.mirrored();
    assert!(
        text.contains("Ergebnis") || text.contains("Vertrauen"),
        "{text}"
    );
    let finish = "const f = document.getElementById('lms-finish'); \
                  if (f.hidden) return false; f.click(); return true;";
    assert_eq!(b.run(finish), json!(true), "no way back to the course");
    // The page goes back to the LMS once the last statement is sent.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !b
        .run("return location.pathname")
        .as_str()
        .unwrap_or_default()
        .ends_with("/back")
    {
        if Instant::now() >= deadline {
            let (posts, fetches, refused) = {
                let seen = lms.seen.lock().unwrap();
                (seen.posts.len(), seen.fetches, seen.unauthorized)
            };
            panic!(
                "the page never went back to the course: at {} {} {}; the LMS saw {posts} posts, \
                 {fetches} fetches, {refused} refused",
                b.run("return location.href"),
                b.run("return JSON.stringify(window.peercall.lms?.status)"),
                b.run("return window.peercall.warnings"),
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let seen = lms.seen.lock().unwrap();
    assert_eq!(seen.fetches, 1, "the token is fetched once");
    assert_eq!(seen.unauthorized, 0);
    assert!(
        seen.own_state
            .as_deref()
            .is_some_and(|s| s.contains("\"passed\""))
    );
    drop(seen);
    // In the LRS: the statements of this registration, in the order they were stored.
    let mut all: Vec<Value> = common::lrs::statements(port);
    all.sort_by(|a, b| a["stored"].as_str().cmp(&b["stored"].as_str()));
    let verbs: Vec<&str> = all
        .iter()
        .map(|s| {
            s["verb"]["id"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(verbs.first(), Some(&"initialized"), "{verbs:?}");
    assert_eq!(verbs.last(), Some(&"terminated"), "{verbs:?}");
    assert_eq!(
        verbs.iter().filter(|v| **v == "completed").count(),
        1,
        "{verbs:?}"
    );
    assert_eq!(
        verbs
            .iter()
            .filter(|v| matches!(**v, "passed" | "failed"))
            .count(),
        1,
        "{verbs:?}"
    );
    assert!(verbs.contains(&"answered"), "{verbs:?}");
    for s in &all {
        assert_eq!(s["context"]["registration"], registration, "{s}");
        assert_eq!(
            s["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/sessionid"],
            "session-1"
        );
        assert_eq!(s["actor"]["account"]["name"], "lou-7");
    }
    let judged = all
        .iter()
        .find(|s| {
            matches!(
                s["verb"]["display"]["en-US"].as_str(),
                Some("passed" | "failed")
            )
        })
        .unwrap();
    // What the LMS recorded, for whoever reads the test's output.
    eprintln!("statements in the LRS, in order: {verbs:?}");
    eprintln!(
        "{}",
        serde_json::to_string_pretty(judged).unwrap_or_default()
    );
    let scaled = judged["result"]["score"]["scaled"].as_f64().unwrap();
    assert_eq!(
        judged["result"]["success"],
        json!(scaled >= 0.5),
        "{judged}"
    );
    // Browse mode, a second session of the same registration: nothing is judged.
    *lms.launch_data.lock().unwrap() = launch_data("Browse", "session-2");
    lms.seen.lock().unwrap().fetches = 0;
    b.open(&launch_url(&url, &lms.origin, registration));
    b.wait_started();
    b.press_until("Debrief", || {});
    assert_eq!(b.run(finish), json!(true));
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let second: Vec<Value> = common::lrs::statements(port)
            .into_iter()
            .filter(|s| {
                s["context"]["extensions"]
                    ["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]
                    == "session-2"
            })
            .collect();
        let verbs: Vec<&str> = second
            .iter()
            .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap_or_default())
            .collect();
        if verbs.contains(&"terminated") {
            assert!(verbs.contains(&"initialized"), "{verbs:?}");
            assert!(
                !verbs
                    .iter()
                    .any(|v| matches!(*v, "completed" | "passed" | "failed")),
                "judged in Browse mode: {verbs:?}"
            );
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the second session never ended: {verbs:?}"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}
