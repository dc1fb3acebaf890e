//! Fault injection on the records, through the real `peercall` process: killed at every fsync
//! of a recording (strace's fault injection), a full disk, concurrent first opens, locked,
//! read-only, damaged, newer and foreign databases, a folder as `--db`. After each: the
//! integrity check passes, nothing printed as recorded is missing, nothing is half-written,
//! and no file but a database SQLite reports as corrupt is renamed or changed.

use std::path::Path;
use std::process::{Command, Output};

use rusqlite::Connection;

mod common;
use common::{NET, NET_PEER as WIN, bin, process as peercall, text};

fn record(db: &Path, player: &str, seed: u64) -> Output {
    peercall(db)
        .args([
            "run",
            NET,
            "--seed",
            &common::net_seed(seed).to_string(),
            "--picks",
            WIN,
        ])
        .args(["--player", player, "--team", "East"])
        .output()
        .unwrap()
}

/// strace, or `None` (with a note) on a machine without it; CI installs it and sets
/// `PEERCALL_REQUIRE_STRACE`.
fn strace() -> Option<&'static str> {
    common::tools(&["strace"], "PEERCALL_REQUIRE_STRACE").then_some("strace")
}

/// `peercall ARGS --db DB` under strace, with `trace` traced and `inject` injected.
fn traced(strace: &str, trace: &str, inject: &str, db: &Path, args: &[&str]) -> Output {
    Command::new(strace)
        .args(["-f", "-o", "/dev/null", "-e"])
        .arg(format!("trace={trace}"))
        .arg("-e")
        .arg(format!("inject={inject}"))
        .arg(bin())
        .args(args)
        .arg("--db")
        .arg(db)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("PEERCALL_LRS_ENDPOINT")
        .output()
        .unwrap()
}

/// The recording every fault test interrupts (seed 1 is in the truth where `WIN` qualifies:
/// checked by `the_interrupted_recording_qualifies`).
const RECORD_ANA: [&str; 8] = ["run", NET, "--seed", "1", "--picks", WIN, "--player", "Ana"];

#[test]
fn the_interrupted_recording_qualifies() {
    assert_eq!(common::net_seed(0), 1);
}

/// The files in `dir`, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Integrity, and the records' invariant: every result has its statements queued.
fn sound(db: &Path) -> (i64, i64) {
    let conn = Connection::open(db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok", "integrity check of {}", db.display());
    let tables: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    if tables == 0 {
        // Killed before the schema was committed: an empty database, nothing half-made.
        return (0, 0);
    }
    let results: i64 = conn
        .query_row("SELECT COUNT(*) FROM results", [], |r| r.get(0))
        .unwrap();
    let queued: i64 = conn
        .query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get(0))
        .unwrap();
    (results, queued)
}

fn no_file_set_aside(dir: &Path) {
    let names = files(dir);
    assert!(
        names.iter().all(|n| !n.contains(".corrupt-")),
        "a file was moved aside: {names:?}"
    );
}

#[test]
fn a_kill_at_every_fsync_of_a_recording_loses_nothing_and_half_writes_nothing() {
    let Some(strace) = strace() else { return };
    let mut kills = 0;
    let mut runs = 0;
    // A first recording on a new database, then a second on a database that has one: a kill
    // at each fsync of either.
    for existing in [false, true] {
        for n in 1.. {
            assert!(n < 80, "the recording never finished under strace");
            let dir = tempfile::tempdir().unwrap();
            let db = dir.path().join("r.sqlite");
            let before = if existing {
                assert!(record(&db, "Ben", 2).status.success());
                sound(&db)
            } else {
                (0, 0)
            };
            let out = traced(
                strace,
                "fsync,fdatasync",
                &format!("fsync,fdatasync:signal=KILL:when={n}"),
                &db,
                &RECORD_ANA,
            );
            runs += 1;
            let said_recorded = text(&out).contains("recorded in");
            let killed = !out.status.success();
            no_file_set_aside(dir.path());
            if !db.exists() {
                assert!(killed && !said_recorded);
                kills += 1;
                continue;
            }
            let (results, queued) = sound(&db);
            let per_call = if existing { before.1 / before.0 } else { 0 };
            match results - before.0 {
                0 => {
                    assert!(
                        !said_recorded,
                        "printed as recorded, but missing (kill {n})"
                    );
                    assert_eq!(
                        queued, before.1,
                        "statements without their result (kill {n})"
                    );
                }
                1 => {
                    assert!(
                        queued > before.1,
                        "a result without its statements (kill {n})"
                    );
                    if existing {
                        assert_eq!(queued - before.1, per_call, "some statements missing");
                    }
                }
                d => panic!("{d} results appeared"),
            }
            if killed {
                kills += 1;
                // Opening again after the kill works and keeps everything.
                let again = peercall(&db).arg("board").output().unwrap();
                assert!(again.status.success(), "{}", text(&again));
                assert_eq!(sound(&db).0, results);
                no_file_set_aside(dir.path());
            } else {
                assert!(said_recorded, "{}", text(&out));
                break;
            }
        }
    }
    eprintln!("{runs} runs, {kills} killed at an fsync, nothing lost");
    assert!(kills >= 5, "only {kills} kills");
}

#[test]
fn a_full_disk_is_a_clear_error_and_changes_nothing() {
    let Some(strace) = strace() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    assert!(record(&db, "Ben", 2).status.success());
    let before = sound(&db);
    for when in ["1+", "3+", "6+"] {
        let out = traced(
            strace,
            "pwrite64,write,ftruncate",
            &format!("pwrite64,ftruncate:error=ENOSPC:when={when}"),
            &db,
            &RECORD_ANA,
        );
        let said = text(&out);
        assert!(!out.status.success(), "{said}");
        assert!(said.contains("full"), "{said}");
        assert!(!said.contains("recorded in"), "{said}");
        assert!(!said.contains("panicked"), "{said}");
        assert_eq!(sound(&db), before);
        no_file_set_aside(dir.path());
        // Reading on a full disk: the board, or a clear error; never a file moved aside.
        let board = traced(strace, "pwrite64", "pwrite64:error=ENOSPC", &db, &["board"]);
        let said = text(&board);
        assert!(
            (board.status.success() && said.contains("Ben"))
                || (board.status.code() == Some(1) && said.contains("full")),
            "{said}"
        );
        assert_eq!(sound(&db), before);
        no_file_set_aside(dir.path());
    }
}

#[test]
fn many_processes_opening_a_new_database_at_once_all_record() {
    for round in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("r.sqlite");
        let children: Vec<_> = (0..8)
            .map(|w| {
                peercall(&db)
                    .args([
                        "run",
                        NET,
                        "--seed",
                        &common::net_seed(w + 10 * round).to_string(),
                    ])
                    .args(["--picks", WIN, "--player", &format!("R{w}")])
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", text(&out));
        }
        let (results, queued) = sound(&db);
        assert_eq!(results, 8);
        assert_eq!(queued % 8, 0);
        no_file_set_aside(dir.path());
    }
}

/// Holds an exclusive lock on `db` for `hold` from another connection.
fn hold_lock(db: &Path, hold: std::time::Duration) -> std::thread::JoinHandle<()> {
    let db = db.to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel();
    let t = std::thread::spawn(move || {
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
            .unwrap();
        let _: i64 = conn
            .query_row("SELECT COUNT(*) FROM results", [], |r| r.get(0))
            .unwrap();
        tx.send(()).unwrap();
        std::thread::sleep(hold);
        conn.execute_batch("COMMIT").unwrap();
    });
    rx.recv().unwrap();
    t
}

#[test]
fn a_locked_database_is_waited_for_then_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    assert!(record(&db, "Ben", 2).status.success());
    // Held for a moment: peercall waits and goes on.
    let t = hold_lock(&db, std::time::Duration::from_millis(1500));
    let out = peercall(&db)
        .arg("board")
        .env("PEERCALL_BUSY_TIMEOUT_MS", "8000")
        .output()
        .unwrap();
    t.join().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Ben"));
    // Held for longer than peercall waits: a clear error, nothing changed.
    let bytes = std::fs::read(&db).unwrap();
    let t = hold_lock(&db, std::time::Duration::from_millis(2500));
    let out = peercall(&db)
        .arg("board")
        .env("PEERCALL_BUSY_TIMEOUT_MS", "300")
        .output()
        .unwrap();
    let rec = record_with_timeout(&db, "300");
    t.join().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("in use by another program"),
        "{}",
        text(&out)
    );
    assert!(!rec.status.success());
    assert!(
        text(&rec).contains("in use by another program"),
        "{}",
        text(&rec)
    );
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    assert_eq!(sound(&db).0, 1);
    no_file_set_aside(dir.path());
}

fn record_with_timeout(db: &Path, ms: &str) -> Output {
    peercall(db)
        .args(RECORD_ANA)
        .env("PEERCALL_BUSY_TIMEOUT_MS", ms)
        .output()
        .unwrap()
}

/// Runs peercall as an unprivileged user when the tests run as root (root may write any file).
fn as_player(db: &Path) -> Command {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(bin());
        c
    } else {
        Command::new(bin())
    };
    cmd.current_dir("/")
        .env("NO_COLOR", "1")
        .env_remove("PEERCALL_LRS_ENDPOINT")
        .env("PEERCALL_DB", db);
    cmd
}

#[test]
fn a_read_only_database_is_a_clear_error_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    assert!(record(&db, "Ben", 2).status.success());
    // Rollback-journal mode, as another tool may have left it.
    Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA journal_mode = DELETE", [], |r| {
            r.get::<_, String>(0)
        })
        .unwrap();
    let names = files(dir.path());
    let bytes = std::fs::read(&db).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let board = as_player(&db).arg("board").output().unwrap();
    let run = as_player(&db)
        .args(["run"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join(NET))
        .args(["--seed", "1", "--picks", WIN, "--player", "Ana"])
        .output()
        .unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    for out in [&board, &run] {
        assert_eq!(out.status.code(), Some(1), "{}", text(out));
        assert!(text(out).contains("read-only"), "{}", text(out));
        assert!(text(out).contains("nothing was changed"), "{}", text(out));
    }
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    assert_eq!(files(dir.path()), names);
}

#[test]
fn a_folder_given_as_the_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("d");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("keep.txt"), "hi").unwrap();
    for args in [vec!["board"], vec!["records", "export"]] {
        let out = peercall(&folder).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert!(text(&out).contains("is a folder"), "{}", text(&out));
    }
    assert_eq!(files(dir.path()), vec!["d"]);
    assert_eq!(files(&folder), vec!["keep.txt"]);
    assert_eq!(std::fs::read(folder.join("keep.txt")).unwrap(), b"hi");
}

#[test]
fn a_damaged_file_opened_by_several_processes_at_once_is_kept_exactly_once() {
    for round in 0..8 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("r.sqlite");
        let damaged = format!("shopping list {round}: eggs, milk\n");
        std::fs::write(&db, &damaged).unwrap();
        let children: Vec<_> = (0..3)
            .map(|_| {
                peercall(&db)
                    .arg("board")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outs: Vec<Output> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        for o in &outs {
            assert!(o.status.success(), "{}", text(o));
        }
        let kept: Vec<String> = files(dir.path())
            .into_iter()
            .filter(|n| n.contains(".corrupt-") && !n.ends_with("-wal") && !n.ends_with("-shm"))
            .collect();
        assert_eq!(kept.len(), 1, "round {round}: {:?}", files(dir.path()));
        let got = std::fs::read(dir.path().join(&kept[0])).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&got),
            damaged,
            "round {round}: the damaged file itself is kept ({:?})",
            files(dir.path())
        );
        assert_eq!(
            outs.iter()
                .filter(|o| text(o).contains("were damaged"))
                .count(),
            1
        );
        assert_eq!(sound(&db), (0, 0));
    }
}

#[test]
fn a_database_from_a_newer_peercall_is_refused_without_changing_a_byte() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    assert!(record(&db, "Ben", 2).status.success());
    {
        let conn = Connection::open(&db).unwrap();
        conn.query_row("PRAGMA journal_mode = DELETE", [], |r| {
            r.get::<_, String>(0)
        })
        .unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let names = files(dir.path());
    let bytes = std::fs::read(&db).unwrap();
    for args in [vec!["board"], vec!["records", "export"]] {
        let out = peercall(&db).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(text(&out).contains("newer peercall"), "{}", text(&out));
    }
    let out = record(&db, "Ana", 1);
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    assert_eq!(files(dir.path()), names);
}

#[test]
fn another_programs_database_is_refused_not_extended() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.sqlite");
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi');")
            .unwrap();
    }
    let bytes = std::fs::read(&db).unwrap();
    let out = peercall(&db).arg("board").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("another program's SQLite database"),
        "{}",
        text(&out)
    );
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    assert_eq!(files(dir.path()), vec!["notes.sqlite"]);
}

#[test]
fn export_refuses_to_overwrite_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    assert!(record(&db, "Ben", 2).status.success());
    let before = sound(&db);
    for target in [
        db.clone(),
        dir.path().join("r.sqlite-wal"),
        dir.path().join(".").join("r.sqlite"),
    ] {
        let out = peercall(&db)
            .args(["records", "export", "-o"])
            .arg(&target)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert!(
            text(&out).contains("the records database itself"),
            "{}",
            text(&out)
        );
    }
    assert_eq!(sound(&db), before);
}

#[test]
fn kills_at_random_moments_lose_nothing_printed_as_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    let (mut recorded, mut kills) = (0i64, 0);
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    for i in 0..40 {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let mut child = peercall(&db)
            .args([
                "run",
                NET,
                "--seed",
                &common::net_seed(i).to_string(),
                "--picks",
                WIN,
            ])
            .args(["--player", &format!("P{i}")])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(rng % 40_000));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if text(&out).contains("recorded in") {
            recorded += 1;
        }
        if !out.status.success() {
            kills += 1;
        }
        let (results, queued) = sound(&db);
        assert!(
            results >= recorded,
            "a result printed as recorded is missing"
        );
        if results > 0 {
            assert_eq!(queued % results, 0, "a result without all its statements");
        }
        no_file_set_aside(dir.path());
    }
    eprintln!(
        "40 runs, {kills} killed at random moments, {recorded} printed as recorded, none lost"
    );
}
