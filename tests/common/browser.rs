//! Headless Chromium through ChromeDriver (plain W3C WebDriver over HTTP), for the tests that
//! use a page as a person does: the hub's board, the web game. Shared by the command line's tests
//! and the game's (which include this file by path).

use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A browser session; the driver is stopped when dropped.
pub struct Browser {
    driver: std::process::Child,
    base: String,
    session: String,
    _profile: tempfile::TempDir,
}

/// Whether ChromeDriver can be run here.
pub fn have_driver() -> bool {
    std::process::Command::new("chromedriver")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

impl Browser {
    /// Starts headless Chromium (WebGL2 through SwiftShader) in a new profile, 1280x800.
    pub fn start() -> Browser {
        Browser::start_as(Value::Null)
    }

    /// Starts headless Chromium as a phone held upright: 390x844 CSS pixels with a touch screen
    /// (Chromium's device emulation). At one device pixel each: emulated at two, the canvas's
    /// `devicePixelContentBoxSize` still counts CSS pixels, so the game would be laid out for
    /// half the width, which a real phone does not do.
    #[allow(dead_code)]
    pub fn start_phone() -> Browser {
        Browser::start_as(json!({ "deviceMetrics": {
            "width": 390, "height": 844, "pixelRatio": 1.0, "touch": true, "mobile": true
        } }))
    }

    /// Starts headless Chromium with Chromium's `mobileEmulation` settings (none: `null`).
    fn start_as(mobile: Value) -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = std::process::Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
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
            driver,
            base: format!("http://127.0.0.1:{port}"),
            session: String::new(),
            _profile: profile,
        };
        let mut options = json!({ "binary": "/usr/bin/chromium", "args": args });
        if !mobile.is_null() {
            options["mobileEmulation"] = mobile;
        }
        let answer = b.send(
            "POST",
            "/session",
            json!({ "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": options
            } } }),
        );
        b.session = answer["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {answer}"))
            .to_string();
        b
    }

    /// One WebDriver request; its answer (or `null`).
    pub fn send(&self, method: &str, path: &str, body: Value) -> Value {
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

    /// The path of this session's `what` (`url`, `execute/sync`...).
    pub fn session(&self, what: &str) -> String {
        format!("/session/{}/{what}", self.session)
    }

    /// Loads `url`.
    pub fn open(&self, url: &str) {
        self.send("POST", &self.session("url"), json!({ "url": url }));
    }

    /// Runs `script` in the page; what it returned.
    pub fn run(&self, script: &str) -> Value {
        self.send(
            "POST",
            &self.session("execute/sync"),
            json!({ "script": script, "args": [] }),
        )["value"]
            .clone()
    }

    /// The page's text as shown.
    pub fn text(&self) -> String {
        self.run("return document.body.innerText")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            self.send("DELETE", &format!("/session/{}", self.session), Value::Null);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
