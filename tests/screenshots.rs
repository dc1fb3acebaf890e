//! The scripted mode in a real window under Xvfb: every screen is drawn and saved as a PNG, and
//! no picture may be missing or blank.

use std::path::Path;
use std::process::Command;

const SHOTS: [&str; 9] = [
    "01-title",
    "02-pick",
    "03-briefing",
    "04-call",
    "05-pause",
    "06-call-first-answer",
    "07-call-ended",
    "08-debrief",
    "09-error",
];

mod common;

#[test]
fn autoplay_saves_a_picture_of_every_screen() {
    if !common::tools(&["xvfb-run"], "PEERCALL_REQUIRE_XVFB") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let dialogues = dir.path().join("dialogues");
    std::fs::create_dir(&dialogues).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for f in ["demo-request.ron", "network-expansion.ron"] {
        std::fs::copy(root.join("dialogues").join(f), dialogues.join(f)).unwrap();
    }
    // A broken file, so the error screen is drawn too.
    std::fs::write(
        dialogues.join("zz-broken.ron"),
        "Scenario(id: \"broken\", title: 42)",
    )
    .unwrap();
    let shots = dir.path().join("shots");
    let runtime = dir.path().join("xdg");
    std::fs::create_dir(&runtime).unwrap();
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24"])
        .arg(env!("CARGO_BIN_EXE_peercall"))
        .args([
            "play",
            // Seed 1 draws the third-bid truth, where these lines qualify in.
            "--seed",
            "1",
            "--autoplay",
            "2,1,1,1,1,1",
            "--dialogues",
        ])
        .arg(&dialogues)
        .arg("--screenshots")
        .arg(&shots)
        .env("XDG_RUNTIME_DIR", &runtime)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("autoplay: demo-request ended qualified-in"),
        "{stdout}"
    );
    for name in SHOTS {
        let path = shots.join(format!("{name}.png"));
        assert!(path.exists(), "{name}.png is missing\n{stderr}");
        let colours = common::distinct_colours(&std::fs::read(&path).unwrap());
        assert!(colours > 8, "{name}.png looks blank ({colours} colours)");
    }
}

#[test]
fn no_display_gives_a_clear_message() {
    let out = Command::new(env!("CARGO_BIN_EXE_peercall"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no display"), "{stderr}");
    assert!(stderr.contains("peercall run"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}
