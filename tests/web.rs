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

use common::hub::hub_with;

/// Whether the web build and a browser are here; `false` skips (refused under CI).
fn available() -> bool {
    let built = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/web/index.html")
        .is_file();
    let driver = std::process::Command::new("chromedriver")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !(built && driver) {
        assert!(
            std::env::var_os("PEERCALL_REQUIRE_WEB").is_none(),
            "PEERCALL_REQUIRE_WEB is set, but target/web is built: {built}, chromedriver: {driver}"
        );
        eprintln!("skipped: needs scripts/build-web.sh and chromium-driver");
    }
    built && driver
}

/// Headless Chromium through ChromeDriver.
struct Browser {
    driver: common::Kill,
    base: String,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Browser {
        let port = common::lrs::free_port();
        let driver = std::process::Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--use-angle=swiftshader",
            "--enable-unsafe-swiftshader",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,800",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let mut b = Browser {
            driver: common::Kill(driver),
            base,
            session: String::new(),
            _profile: profile,
        };
        let answer = b.send(
            "POST",
            "/session",
            json!({ "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": args }
            } } }),
        );
        b.session = answer["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {answer}"))
            .to_string();
        b
    }

    fn send(&self, method: &str, path: &str, body: Value) -> Value {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .new_agent();
        let url = format!("{}{path}", self.base);
        let mut resp = match method {
            "POST" => agent.post(&url).send_json(&body).unwrap(),
            "GET" => agent.get(&url).call().unwrap(),
            _ => agent.delete(&url).call().unwrap(),
        };
        serde_json::from_str(&resp.body_mut().read_to_string().unwrap()).unwrap_or(Value::Null)
    }

    fn session(&self, what: &str) -> String {
        format!("/session/{}/{what}", self.session)
    }

    fn open(&self, url: &str) {
        self.send("POST", &self.session("url"), json!({ "url": url }));
    }

    fn run(&self, script: &str) -> Value {
        self.send(
            "POST",
            &self.session("execute/sync"),
            json!({ "script": script, "args": [] }),
        )["value"]
            .clone()
    }

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

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            self.send("DELETE", &format!("/session/{}", self.session), Value::Null);
        }
        let _ = &self.driver;
    }
}

/// How many distinct colours a PNG shows (a blank canvas shows one).
fn colours(png: &[u8]) -> usize {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let step = info.color_type.samples();
    let mut seen = std::collections::HashSet::new();
    for px in buf[..info.buffer_size()].chunks(step) {
        seen.insert(px.to_vec());
        if seen.len() > 50 {
            break;
        }
    }
    seen.len()
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
    assert!(colours(&shot) > 10, "the canvas is blank");
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
