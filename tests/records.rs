//! Players' records as a user meets them: recording calls, leaderboards, export and verified
//! import, and a damaged database.

use assert_cmd::Command;
use serde_json::Value;

fn peercall(db: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("peercall").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("PEERCALL_DB", db);
    cmd
}

fn play(db: &std::path::Path, file: &str, seed: u64, choices: &str, player: &str, team: &str) {
    let out = peercall(db)
        .args([
            "run",
            file,
            "--seed",
            &seed.to_string(),
            "--choices",
            choices,
        ])
        .args(["--player", player, "--team", team])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const NET: &str = "dialogues/network-expansion.ron";
const DEMO: &str = "dialogues/demo-request.ron";

#[test]
fn finished_calls_make_a_leaderboard_by_player_and_by_team() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    play(&db, NET, 1, "2,1,2,1,1,1,1", "Ana", "East");
    play(&db, NET, 1, "1,1,1,1,1,1,1", "Ben", "East");
    play(&db, NET, 2, "1,1,1,1,1,1,1", "Ana", "East"); // a worse attempt does not count
    play(&db, DEMO, 1, "2,1,1,1,1,1", "Ana", "East");
    play(&db, NET, 3, "2,1,2,1,1,1,1", "Cy", "West");
    let out = peercall(&db).args(["board", "--csv"]).output().unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "place,name,team,score,time_seconds,calls,players");
    assert!(lines[1].starts_with("1,Ana,East,190.0,"), "{csv}");
    assert!(lines[2].starts_with("2,Cy,West,95.0,"), "{csv}");
    assert!(lines[3].starts_with("3,Ben,East,26.0,"), "{csv}");
    // Teams: the mean of their players' totals.
    let out = peercall(&db)
        .args(["board", "--by", "team", "--csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.contains("1,East,East,108.0,"), "{csv}");
    assert!(csv.contains("2,West,West,95.0,"), "{csv}");
    // One scenario only, names hidden.
    let out = peercall(&db)
        .args(["board", "--scenario", "demo-request", "--hide-names"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("#1") && !text.contains("Ana"), "{text}");
}

#[test]
fn import_replays_every_result_and_counts_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.sqlite");
    play(&a, NET, 1, "2,1,2,1,1,1,1", "Ana", "East");
    play(&a, DEMO, 4, "1,1,1,1,1,1", "Ana", "East");
    let export = dir.path().join("ana.json");
    let out = peercall(&a)
        .args(["records", "export", "--player", "Ana", "-o"])
        .arg(&export)
        .output()
        .unwrap();
    assert!(out.status.success());
    let b = dir.path().join("b.sqlite");
    for expected in [
        "2 added, 0 already recorded, 0 rejected",
        "0 added, 2 already recorded, 0 rejected",
    ] {
        let out = peercall(&b)
            .args(["records", "import"])
            .arg(&export)
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains(expected));
    }
    // A faked score, and a result from a scenario version nobody knows, are rejected.
    let mut data: Value = serde_json::from_str(&std::fs::read_to_string(&export).unwrap()).unwrap();
    data["records"][0]["score"] = 100.into();
    data["records"][0]["id"] = "x1".into();
    data["records"][1]["scenario_hash"] = "0123456789abcdef".into();
    let forged = dir.path().join("forged.json");
    std::fs::write(&forged, data.to_string()).unwrap();
    let c = dir.path().join("c.sqlite");
    let out = peercall(&c)
        .args(["records", "import"])
        .arg(&forged)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("the record says 100"), "{stdout}");
    assert!(
        stdout.contains("unknown version of scenario demo-request"),
        "{stdout}"
    );
    assert!(
        stdout.contains("0 added, 0 already recorded, 2 rejected"),
        "{stdout}"
    );
}

#[test]
fn a_call_recorded_just_before_the_process_dies_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let out = peercall(&db)
        .args([
            "run",
            NET,
            "--seed",
            "1",
            "--choices",
            "2,1,2,1,1,1,1",
            "--player",
            "Ana",
        ])
        .env("PEERCALL_ABORT_AFTER_RECORD", "1")
        .output()
        .unwrap();
    assert!(!out.status.success(), "the process was killed");
    let out = peercall(&db).args(["records", "export"]).output().unwrap();
    let data: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(data["records"].as_array().unwrap().len(), 1);
    assert_eq!(data["records"][0]["ending"], "ballpark-estimate");
}

#[test]
fn a_damaged_database_is_kept_aside_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    std::fs::write(&db, b"this is not a database, it is a shopping list").unwrap();
    let out = peercall(&db).args(["board"]).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("were damaged") && stderr.contains(".corrupt-"),
        "{stderr}"
    );
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read(kept[0].path()).unwrap(),
        b"this is not a database, it is a shopping list"
    );
}

fn competition_file(dir: &std::path::Path, hashes: &str) -> std::path::PathBuf {
    let f = dir.join("cup.ron");
    std::fs::write(
        &f,
        format!(
            r#"Competition(
    id: "q4-cup",
    name: "Q4 cup",
    attempts: 2,
    scenarios: [
        (id: "network-expansion", seed: 11, hashes: [{hashes}]),
        (id: "demo-request", seed: 4),
    ],
)"#
        ),
    )
    .unwrap();
    f
}

#[test]
fn compete_lists_seeds_hashes_and_attempts_and_refuses_changed_scenarios() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    let f = competition_file(dir.path(), "");
    let out = peercall(&db)
        .args(["compete", "--list", "--player", "Ana"])
        .arg(&f)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("Q4 cup (q4-cup): 2 attempts per call"),
        "{stdout}"
    );
    assert!(stdout.contains("network-expansion    seed 11"), "{stdout}");
    assert!(stdout.contains("Ana: 0 of 2 attempts used"), "{stdout}");

    let f = competition_file(dir.path(), "\"0badc0ffee00\"");
    let out = peercall(&db)
        .args(["compete", "--list"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .contains("scenario `network-expansion` has changed since the competition was set up"),
        "{stderr}"
    );

    std::fs::write(
        &f,
        "Competition(id: \"x\", name: \"X\", scenarios: [(id: 3)])",
    )
    .unwrap();
    let out = peercall(&db)
        .args(["compete", "--list"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cup.ron:1:"));
}
