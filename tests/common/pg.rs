//! A real, throwaway PostgreSQL server for tests: Debian's `postgresql` package, a fresh cluster
//! in a temporary folder on a free loopback port, stopped (and deleted) when the test ends.
//! Tests skip without it unless `PEERCALL_REQUIRE_PG` is set (CI installs it and sets it).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A running PostgreSQL server, stopped when dropped.
pub struct Pg {
    bin: PathBuf,
    dir: tempfile::TempDir,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

/// Where Debian keeps the server's programs (`/usr/lib/postgresql/<version>/bin`), if installed.
fn server_bin() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|b| b.join("initdb").exists())
        .collect();
    found.sort();
    found.pop()
}

/// Runs a server program, as the `postgres` user when this is root (it refuses root).
fn run(bin: &Path, tool: &str, args: &[&str]) -> std::process::Output {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let mut cmd = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(bin.join(tool));
        c
    } else {
        Command::new(bin.join(tool))
    };
    cmd.args(args).output().expect("run a PostgreSQL program")
}

/// Starts a fresh server, or `None` (the test is skipped) when PostgreSQL is not installed and
/// `PEERCALL_REQUIRE_PG` is not set.
pub fn start() -> Option<Pg> {
    let Some(bin) = server_bin() else {
        assert!(
            std::env::var_os("PEERCALL_REQUIRE_PG").is_none(),
            "PostgreSQL is required here (PEERCALL_REQUIRE_PG is set) but not installed"
        );
        eprintln!("skipped: needs PostgreSQL (Debian's postgresql package)");
        return None;
    };
    let dir = tempfile::tempdir().unwrap();
    // The server runs as `postgres` and must own its folder.
    let _ = Command::new("chown")
        .args(["-R", "postgres"])
        .arg(dir.path())
        .output();
    let data = dir.path().join("data");
    let out = run(
        &bin,
        "initdb",
        &[
            "-D",
            data.to_str().unwrap(),
            "-A",
            "trust",
            "-U",
            "peercall",
        ],
    );
    assert!(out.status.success(), "initdb: {out:?}");
    let pg = Pg {
        bin,
        dir,
        port: super::lrs::free_port(),
    };
    pg.start_server();
    let out = Command::new("psql")
        .args(["-h", "127.0.0.1", "-p", &pg.port.to_string()])
        .args([
            "-U",
            "peercall",
            "-d",
            "postgres",
            "-c",
            "CREATE DATABASE hub",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "create database: {out:?}");
    Some(pg)
}

impl Pg {
    /// The URL a hub connects with.
    pub fn url(&self) -> String {
        format!("postgres://peercall@127.0.0.1:{}/hub", self.port)
    }

    fn start_server(&self) {
        let (data, log, socket) = (
            self.dir.path().join("data"),
            self.dir.path().join("log"),
            self.dir.path().to_str().unwrap().to_string(),
        );
        let options = format!("-p {} -k {socket} -c listen_addresses=127.0.0.1", self.port);
        let out = run(
            &self.bin,
            "pg_ctl",
            &[
                "-D",
                data.to_str().unwrap(),
                "-l",
                log.to_str().unwrap(),
                "-w",
                "-o",
                &options,
                "start",
            ],
        );
        assert!(
            out.status.success(),
            "pg_ctl start: {out:?} {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "PostgreSQL did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Stops the server at once, as a crash would (no clean shutdown).
    pub fn crash(&self) {
        let data = self.dir.path().join("data");
        run(
            &self.bin,
            "pg_ctl",
            &["-D", data.to_str().unwrap(), "-m", "immediate", "stop"],
        );
    }

    /// Starts it again after [`Pg::crash`].
    pub fn restart(&self) {
        self.start_server();
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        self.crash();
    }
}
