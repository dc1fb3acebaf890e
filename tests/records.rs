//! Players' records as a user meets them: recording calls, leaderboards, export and verified
//! import, and a damaged database.

use serde_json::Value;

mod common;
use common::{DEMO, NET, peercall_db as peercall};

/// Records a call of `file` played by place in the file (`--picks`), on the `seed`-th seed in
/// the truth the seed calls were written for (where the peer paths qualify).
fn play(db: &std::path::Path, file: &str, seed: u64, choices: &str, player: &str, team: &str) {
    let seed = if file == DEMO {
        common::demo_seed(seed)
    } else {
        common::net_seed(seed)
    };
    let out = peercall(db)
        .args(["run", file, "--seed", &seed.to_string(), "--picks", choices])
        .args(["--player", player, "--team", team])
        .output()
        .unwrap();
    common::success(&out);
}

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
    // Each record carries the truth its call was in and where each line was shown; both are
    // checked against the seed's replay.
    let data: Value = serde_json::from_str(&std::fs::read_to_string(&export).unwrap()).unwrap();
    let net = data["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["scenario"] == "network-expansion")
        .unwrap();
    assert_eq!(net["truth"], "consolidating", "{net}");
    assert_eq!(net["shown"].as_array().unwrap().len(), 7, "{net}");
    for (field, value, why) in [
        (
            "truth",
            Value::from("funded"),
            "the call was in truth consolidating",
        ),
        (
            "shown",
            serde_json::json!([1, 1, 1, 1, 1, 1, 1]),
            "shown order",
        ),
    ] {
        let mut forged = data.clone();
        forged["records"] = serde_json::json!([net.clone()]);
        forged["records"][0][field] = value;
        let f = dir.path().join(format!("forged-{field}.json"));
        std::fs::write(&f, forged.to_string()).unwrap();
        let out = peercall(&dir.path().join(format!("{field}.sqlite")))
            .args(["records", "import"])
            .arg(&f)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains(why) && stdout.contains("1 rejected"),
            "{stdout}"
        );
    }
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
            &common::net_seed(0).to_string(),
            "--picks",
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
    assert!(
        stdout.contains("network-expansion    base seed 11"),
        "{stdout}"
    );
    assert!(stdout.contains("Ana: 0 of 2 attempts used"), "{stdout}");
    // Each player's next call is their own: nobody can pass answers on.
    let next = |player: &str| {
        let out = peercall(&db)
            .args(["compete", "--list", "--player", player])
            .arg(&f)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        stdout
            .lines()
            .find(|l| l.contains("network-expansion"))
            .and_then(|l| l.split("your next call seed ").nth(1))
            .map(str::to_string)
            .unwrap_or_else(|| panic!("{stdout}"))
    };
    assert_ne!(next("Ana"), next("Ben"));
    assert_eq!(next("Ana"), next("Ana"), "the same player, the same call");

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

#[test]
fn a_competition_naming_a_hash_from_peercall_0_1_is_refused_with_the_new_hash() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    let text = std::fs::read_to_string(NET).unwrap();
    let script = peercall_dialogue::load_str(NET, &text)
        .into_script()
        .unwrap();
    let old = peercall_dialogue::script::legacy_content_hash(script.scenario());
    assert_ne!(old, script.hash());
    let f = competition_file(dir.path(), &format!("\"{}\"", &old[..12]));
    let out = peercall(&db)
        .args(["compete", "--list"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "the hash {} was written by peercall 0.1",
            &old[..12]
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("now has the hash {}", &script.hash()[..12])),
        "{stderr}"
    );
    // The new hash is accepted.
    let f = competition_file(dir.path(), &format!("\"{}\"", &script.hash()[..12]));
    let out = peercall(&db)
        .args(["compete", "--list", "--player", "Ana"])
        .arg(&f)
        .output()
        .unwrap();
    common::success(&out);
}

#[test]
fn results_recorded_under_the_old_hash_still_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    play(&db, NET, 1, "2,1,2,1,1,1,1", "Ana", "East");
    let export = dir.path().join("ana.json");
    let out = peercall(&db)
        .args(["records", "export", "-o"])
        .arg(&export)
        .output()
        .unwrap();
    assert!(out.status.success());
    // Rewrite the export as peercall 0.1 would have written it.
    let text = std::fs::read_to_string(NET).unwrap();
    let script = peercall_dialogue::load_str(NET, &text)
        .into_script()
        .unwrap();
    let old = peercall_dialogue::script::legacy_content_hash(script.scenario());
    let mut json: Value = serde_json::from_str(&std::fs::read_to_string(&export).unwrap()).unwrap();
    let mut r: peercall_core::records::Record =
        serde_json::from_value(json["records"][0].clone()).unwrap();
    r.scenario_hash = old;
    r.id = r.content_id();
    json["records"][0] = serde_json::to_value(&r).unwrap();
    std::fs::write(&export, json.to_string()).unwrap();
    let other = dir.path().join("b.sqlite");
    let out = peercall(&other)
        .args(["records", "import"])
        .arg(&export)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("1 added"), "{stdout}");
}

/// An export of one genuine result, as JSON to edit.
fn exported(dir: &std::path::Path) -> (std::path::PathBuf, Value) {
    let db = dir.join("src.sqlite");
    play(&db, NET, 1, "2,1,2,1,1,1,1", "Ana", "East");
    let out = peercall(&db).args(["records", "export"]).output().unwrap();
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    (db, json)
}

fn import_json(dir: &std::path::Path, db: &std::path::Path, json: &Value) -> (i32, String) {
    let f = dir.join("edited.json");
    std::fs::write(&f, serde_json::to_string(json).unwrap()).unwrap();
    let out = peercall(db)
        .args(["records", "import"])
        .arg(&f)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn an_import_checks_every_field_and_no_value_can_break_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let (_, json) = exported(dir.path());
    let db = dir.path().join("dst.sqlite");
    type Edit = Box<dyn Fn(&mut Value)>;
    let edits: Vec<(&str, Edit)> = vec![
        (
            "non-ASCII hash",
            Box::new(|r| r["scenario_hash"] = "é".repeat(20).into()),
        ),
        ("outcome", Box::new(|r| r["outcome"] = "QualifiedIn".into())),
        (
            "year 1999",
            Box::new(|r| {
                r["started_at"] = "1999-01-01T00:00:00.000Z".into();
                r["finished_at"] = "1999-01-01T00:05:00.000Z".into();
            }),
        ),
        (
            "huge duration",
            Box::new(|r| r["duration_ms"] = serde_json::json!(u64::MAX / 2)),
        ),
        (
            "not a date",
            Box::new(|r| r["finished_at"] = "yesterday".into()),
        ),
        (
            "ends before it starts",
            Box::new(|r| r["finished_at"] = "2020-01-01T00:00:00.000Z".into()),
        ),
        ("blank player", Box::new(|r| r["player"] = " ".into())),
        (
            "control characters",
            Box::new(|r| r["player"] = "\u{1b}[2JRED".into()),
        ),
        (
            "20 MB team",
            Box::new(|r| r["team"] = "x".repeat(20 << 20).into()),
        ),
        (
            "scenario label",
            Box::new(|r| r["scenario"] = "demo-request".into()),
        ),
        ("ending", Box::new(|r| r["ending"] = "qualified-in".into())),
        ("competition *", Box::new(|r| r["competition"] = "*".into())),
        ("score", Box::new(|r| r["score"] = 100.into())),
    ];
    for (what, edit) in &edits {
        let mut j = json.clone();
        edit(&mut j["records"][0]);
        let (code, said) = import_json(dir.path(), &db, &j);
        assert_eq!(code, 1, "{what}: {said}");
        assert!(
            said.contains("0 added") && said.contains("1 rejected"),
            "{what}: {said}"
        );
        assert!(!said.contains("panicked"), "{what}: {said}");
        assert!(said.len() < 4096, "{what}: {} bytes", said.len());
    }
    // The genuine result imports; relabelled copies of it are duplicates, not new results.
    let (code, said) = import_json(dir.path(), &db, &json);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("1 added"), "{said}");
    let mut j = json.clone();
    j["records"][0]["team"] = "Winners".into();
    let (_, said) = import_json(dir.path(), &db, &j);
    assert!(said.contains("0 added, 1 already recorded"), "{said}");
    let out = peercall(&db).args(["board", "--csv"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("1,Ana,East,95.0,"));
}

#[test]
fn names_cannot_inject_formulas_into_csv_or_escapes_into_terminals() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    play(&db, NET, 1, "2,1,2,1,1,1,1", "+1+1", "@SUM(A1)");
    let out = peercall(&db)
        .args(["run", NET, "--seed", &common::net_seed(1).to_string()])
        .args(["--picks", "2,1,2,1,1,1,1"])
        .args(["--player==cmd|' /C calc'!A0", "--team=-x"])
        .output()
        .unwrap();
    common::success(&out);
    play(&db, NET, 3, "1,1,1,1,1,1,1", "Ann, \"the\" lead", "East");
    let out = peercall(&db).args(["board", "--csv"]).output().unwrap();
    let csv = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(csv.contains(",'+1+1,'@SUM(A1),"), "{csv}");
    assert!(csv.contains(",'=cmd|' /C calc'!A0,'-x,"), "{csv}");
    assert!(csv.contains(",\"Ann, \"\"the\"\" lead\",East,"), "{csv}");
    // Control characters never reach a name; a database that already holds them shows them
    // escaped.
    for (name, why) in [
        ("\u{1b}[2J\u{1b}[31mRED", "control character"),
        ("  ", "cannot be blank"),
    ] {
        let out = peercall(&db)
            .args(["run", NET, "--seed", &common::net_seed(0).to_string()])
            .args(["--picks", "2,1,2,1,1,1,1"])
            .args(["--player", name])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains(why));
    }
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE best SET player = ?1 WHERE player = '+1+1'",
            ["\u{1b}[2J\u{1b}[31mRED\r\nforged"],
        )
        .unwrap();
    }
    let out = peercall(&db).arg("board").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.contains("\\x1b[2J\\x1b[31mRED\\r\\nforged"), "{text}");
    let out = peercall(&db).args(["board", "--csv"]).output().unwrap();
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(&out.stdout[..])
        .records()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 3, "a name split a row");
    // Two players tie on score; whoever reached it first is first, so look the name up.
    assert!(
        rows.iter()
            .any(|r| &r[1] == "\u{1b}[2J\u{1b}[31mRED\r\nforged"),
        "{rows:?}"
    );
}

#[test]
fn competition_files_are_checked_for_meaning_with_positions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    let cases = [
        ("starts: \"2026-13-45\",", "bad-date", 3),
        (
            "starts: \"2026-12-01\", ends: \"2026-11-01\",",
            "date-order",
            3,
        ),
        ("attempts: 0,", "bad-attempts", 3),
        ("id: \"\",", "competition-id", 3),
        ("id: \"*\",", "competition-id", 3),
    ];
    for (line, code, row) in cases {
        let text = format!(
            "Competition(\n    name: \"Cup\",\n    {line}\n    {}scenarios: [(id: \"network-expansion\", seed: 1)],\n)\n",
            if line.starts_with("id:") {
                ""
            } else {
                "id: \"cup\", "
            }
        );
        let f = dir.path().join("cup.ron");
        std::fs::write(&f, &text).unwrap();
        let out = peercall(&db)
            .args(["compete", "--list"])
            .arg(&f)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{code}: {err}");
        assert!(err.contains(code), "{code}: {err}");
        assert!(err.contains(&format!("cup.ron:{row}:")), "{code}: {err}");
    }
    for (body, code) in [
        ("scenarios: []", "no-scenarios"),
        (
            "scenarios: [(id: \"demo-request\", seed: 1), (id: \"demo-request\", seed: 2)]",
            "duplicate-id",
        ),
        (
            "scenarios: [(id: \"demo-request\", seed: 1, hashes: [\"\"])]",
            "bad-hash",
        ),
    ] {
        let f = dir.path().join("cup.ron");
        std::fs::write(
            &f,
            format!("Competition(id: \"cup\", name: \"Cup\",\n  {body})"),
        )
        .unwrap();
        let out = peercall(&db)
            .args(["compete", "--list"])
            .arg(&f)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{code}: {err}");
        assert!(
            err.contains(code) && err.contains("cup.ron:2:"),
            "{code}: {err}"
        );
    }
    let f = dir.path().join("cup.ron");
    std::fs::write(
        &f,
        format!(
            "Competition(id: \"cup\", name: \"{}\", scenarios: [])",
            "n".repeat(20 << 20)
        ),
    )
    .unwrap();
    let out = peercall(&db)
        .args(["compete", "--list"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.len() < 4096);
}

#[test]
fn compete_list_uses_the_profile_saved_in_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    assert!(
        peercall(&db)
            .arg("board")
            .output()
            .unwrap()
            .status
            .success()
    );
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "INSERT INTO settings (key, value) VALUES ('player', 'Saved Sam'), ('team', 'North');",
        )
        .unwrap();
    }
    let f = competition_file(dir.path(), "");
    let list = |extra: &[&str]| {
        let out = peercall(&db)
            .args(["compete", "--list"])
            .args(extra)
            .arg(&f)
            .env_remove("PEERCALL_PLAYER")
            .env("USER", "login-name")
            .output()
            .unwrap();
        common::success(&out);
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let saved = list(&[]);
    assert!(saved.contains("Saved Sam: 0 of 2 attempts used"), "{saved}");
    assert!(!saved.contains("login-name"), "{saved}");
    // A name given on the command line still wins.
    let given = list(&["--player", "Ana"]);
    assert!(given.contains("Ana: 0 of 2 attempts used"), "{given}");
}

/// A competition result imports only as its player's own call: with the competition's file
/// (given, or beside the scenarios), and only under the name whose seed it is. No one's score
/// can count a call they chose, or one taken from someone else.
#[test]
fn a_competition_result_imports_only_as_its_players_own_call() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src.sqlite");
    let cup = common::hub::cup(dir.path());
    common::hub::play_own_call(&src, &cup, "Ana", "East");
    let out = peercall(&src).args(["records", "export"]).output().unwrap();
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let exported = dir.path().join("ana.json");
    std::fs::write(&exported, serde_json::to_string(&json).unwrap()).unwrap();
    let import = |db: &str, file: &std::path::Path, extra: &[&std::ffi::OsStr]| {
        let out = peercall(&dir.path().join(db))
            .args(["records", "import"])
            .arg(file)
            .args(extra)
            .output()
            .unwrap();
        (out.status.code(), common::text(&out))
    };
    // Without the competition's file its seed cannot be checked.
    let (code, said) = import("a.sqlite", &exported, &[]);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("0 added") && said.contains("--competition FILE"),
        "{said}"
    );
    // With it, Ana's own call counts, once.
    let with_cup = ["--competition".as_ref(), cup.as_os_str()];
    let (code, said) = import("b.sqlite", &exported, &with_cup);
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("1 added"), "{said}");
    // The same call under Ben's name, its id made to fit, is not one of Ben's calls.
    let mut r: peercall_core::records::Record =
        serde_json::from_value(json["records"][0].clone()).unwrap();
    r.player = "Ben".into();
    r.id = r.content_id();
    let mut taken = json.clone();
    taken["records"][0] = serde_json::to_value(&r).unwrap();
    let taken_file = dir.path().join("ben.json");
    std::fs::write(&taken_file, serde_json::to_string(&taken).unwrap()).unwrap();
    let (code, said) = import("c.sqlite", &taken_file, &with_cup);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("is not one of Ben's calls in competition cup"),
        "{said}"
    );
    // A competition file beside the scenarios is found there.
    let scenarios = dir.path().join("scenarios");
    std::fs::create_dir(&scenarios).unwrap();
    std::fs::copy(NET, scenarios.join("network-expansion.ron")).unwrap();
    std::fs::copy(&cup, scenarios.join("cup.competition.ron")).unwrap();
    let (code, said) = import(
        "d.sqlite",
        &exported,
        &["--dialogues".as_ref(), scenarios.as_os_str()],
    );
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("1 added"), "{said}");
}
