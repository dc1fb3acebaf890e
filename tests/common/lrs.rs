//! A real Learning Record Store for tests: Ralph with its file-system backend on loopback
//! (`PEERCALL_RALPH` names its virtualenv; `.ci/run` makes one).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A running LRS, stopped when dropped.
pub struct Lrs {
    child: Child,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

impl Drop for Lrs {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The Ralph virtualenv, or `None` (the test is skipped) unless `PEERCALL_REQUIRE_LRS` is set.
pub fn venv() -> Option<PathBuf> {
    match std::env::var_os("PEERCALL_RALPH") {
        Some(p) => Some(PathBuf::from(p)),
        None => {
            assert!(
                std::env::var_os("PEERCALL_REQUIRE_LRS").is_none(),
                "PEERCALL_REQUIRE_LRS is set but PEERCALL_RALPH is not"
            );
            eprintln!("skipped: set PEERCALL_RALPH to a virtualenv with ralph-malph[cli,lrs]");
            None
        }
    }
}

/// A port nothing listens on now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts the LRS on `port` with its data in `app`, and waits until it answers.
pub fn start(venv: &Path, app: &Path, port: u16) -> Lrs {
    let child = Command::new(venv.join("bin/python"))
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/lrs.py"))
        .args(["--port", &port.to_string()])
        .env("RALPH_APP_DIR", app)
        .env("RALPH_RUNSERVER_BACKEND", "fs")
        .current_dir(app)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the LRS");
    let lrs = Lrs { child, port };
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the LRS did not start");
        std::thread::sleep(Duration::from_millis(200));
    }
    lrs
}

/// A folder for the LRS under `dir`, with the account peercall posts as.
pub fn lrs_app(venv: &Path, dir: &Path) -> PathBuf {
    let app = dir.join("lrs");
    std::fs::create_dir(&app).unwrap();
    let auth = Command::new(venv.join("bin/ralph"))
        .args(["auth", "-u", "peercall", "-p", "secret"])
        .args(["-s", "statements/write", "-s", "statements/read"])
        .args(["-M", "mailto:lrs@example.com", "-w"])
        .env("RALPH_APP_DIR", &app)
        .env("RALPH_RUNSERVER_BACKEND", "fs")
        .output()
        .unwrap();
    super::success(&auth);
    app
}

/// Every statement the LRS holds.
pub fn statements(port: u16) -> Vec<Value> {
    let out = Command::new("curl")
        .args([
            "-s",
            "-u",
            "peercall:secret",
            "-H",
            "X-Experience-API-Version: 1.0.3",
        ])
        .arg(format!("http://127.0.0.1:{port}/xAPI/statements?limit=500"))
        .output()
        .expect("curl");
    let v: Value = serde_json::from_slice(&out.stdout).expect("statements JSON");
    v["statements"].as_array().cloned().unwrap_or_default()
}

/// The environment that points peercall at the LRS on `port`, with the account `lrs_app` made.
pub fn env(port: u16) -> Vec<(&'static str, String)> {
    vec![
        (
            "PEERCALL_LRS_ENDPOINT",
            format!("http://127.0.0.1:{port}/xAPI"),
        ),
        ("PEERCALL_LRS_USER", "peercall".into()),
        ("PEERCALL_LRS_PASSWORD", "secret".into()),
    ]
}
