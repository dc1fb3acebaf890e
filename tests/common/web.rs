//! The web game in tests: whether it is built and a browser is here, the hub's environment to
//! serve it, and what a test does with the page (keys, the mirror's buttons, taps, tabs, the
//! records the page keeps).

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::browser::{Browser, have_driver};

/// Whether the web build and a browser are here; `false` skips (refused under CI).
pub fn available() -> bool {
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
pub fn serving() -> [(&'static str, String); 1] {
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/web");
    [("PEERCALL_WEB", web.display().to_string())]
}

impl Browser {
    /// Waits until the game has started in the page (it marks `data-started`).
    pub fn wait_started(&self) {
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
    pub fn keys(&self, keys: &str) {
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
    pub fn records(&self) -> Vec<Value> {
        let text = self.run("return window.peercall.exportRecords()");
        let v: Value = serde_json::from_str(text.as_str().unwrap_or("{}")).unwrap();
        v["records"].as_array().cloned().unwrap_or_default()
    }

    /// The screen the page's mirror shows ("Title", "Call", "Debrief", ...).
    pub fn screen(&self) -> String {
        self.run("return document.getElementById('mirror').dataset.screen || ''")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Presses the mirror's button whose label starts with `label` (the first button when
    /// `label` is empty), as a screen reader user activates it; `false` when there is none.
    pub fn press(&self, label: &str) -> bool {
        self.press_on(None, label)
    }

    /// [`Browser::press`], only while the mirror still shows `screen` (a screen that changed
    /// since it was read has other buttons).
    pub fn press_on(&self, screen: Option<&str>, label: &str) -> bool {
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
    pub fn press_until(&self, screen: &str, mut on_call: impl FnMut()) {
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
    pub fn new_tab(&self, url: &str) -> String {
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

    /// Drives the page's frame `index` (`None`: the page itself).
    pub fn frame(&self, index: Option<u32>) {
        self.send("POST", &self.session("frame"), json!({ "id": index }));
    }

    /// The tab being driven.
    pub fn tab(&self) -> String {
        self.send("GET", &self.session("window"), Value::Null)["value"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// The mirror's text: everything on the game's screen.
    pub fn mirrored(&self) -> String {
        self.run("return document.getElementById('mirror-text').innerText")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Switches to tab `handle`.
    pub fn switch_to(&self, handle: &str) {
        self.send("POST", &self.session("window"), json!({ "handle": handle }));
    }

    /// A screenshot of the page, as PNG bytes.
    pub fn screenshot(&self) -> Vec<u8> {
        use base64::Engine;
        let v = self.send("GET", &self.session("screenshot"), Value::Null);
        base64::engine::general_purpose::STANDARD
            .decode(v["value"].as_str().unwrap())
            .unwrap()
    }
}

impl Browser {
    /// The first button of the mirror on `screen` and where the canvas draws it: its label and
    /// the centre of its rectangle in CSS pixels.
    pub fn first_button(&self, screen: &str) -> Option<(String, f64, f64)> {
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
    pub fn tap(&self, x: f64, y: f64) {
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
