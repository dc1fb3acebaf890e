//! xAPI against a real Learning Record Store (Ralph, file-system backend, on loopback): the
//! statements of a call arrive and read back as sent; with the LRS down they wait in the outbox,
//! and once it is back every statement arrives exactly once.
//!
//! Needs `PEERCALL_RALPH`: a Python virtualenv with `ralph-malph[cli,lrs]` and `requests`
//! (`.ci/run` makes one). Without it the test is skipped, unless `PEERCALL_REQUIRE_LRS` is set.

use std::path::Path;

use serde_json::Value;

mod common;

use common::lrs::{free_port, lrs_app, start, statements, venv};

fn peercall(db: &Path, port: u16) -> assert_cmd::Command {
    let mut cmd = common::peercall_db(db);
    cmd.envs(common::lrs::env(port));
    cmd
}

#[test]
fn statements_reach_a_real_lrs_exactly_once_even_across_an_outage() {
    let Some(venv) = venv() else { return };
    let dir = tempfile::tempdir().unwrap();
    let app = lrs_app(&venv, dir.path());
    let db = dir.path().join("records.sqlite");
    let port = free_port();
    let lrs = start(&venv, &app, port);

    // A call: initialized, 7 answered, completed, passed, terminated.
    let out = peercall(&db, port)
        .args(["run", "dialogues/network-expansion.ron", "--seed", "1"])
        .args([
            "--picks",
            "2,1,2,1,1,1,1",
            "--player",
            "Ana",
            "--team",
            "East",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("sent 11 statement(s)"));
    let got = statements(port);
    assert_eq!(got.len(), 11);
    let verbs: Vec<&str> = got
        .iter()
        .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap())
        .collect();
    for v in ["initialized", "completed", "passed", "terminated"] {
        assert_eq!(verbs.iter().filter(|x| **x == v).count(), 1, "{verbs:?}");
    }
    assert_eq!(verbs.iter().filter(|x| **x == "answered").count(), 7);
    let completed = got
        .iter()
        .find(|s| s["verb"]["display"]["en-US"] == "completed")
        .unwrap();
    assert_eq!(completed["actor"]["account"]["name"], "Ana");
    assert_eq!(completed["result"]["score"]["raw"], 95);
    assert_eq!(completed["result"]["score"]["scaled"], 0.95);
    assert_eq!(completed["result"]["success"], true);
    assert!(
        completed["result"]["duration"]
            .as_str()
            .unwrap()
            .starts_with("PT")
    );
    let ext = &completed["context"]["extensions"];
    assert_eq!(ext["https://peercall.invalid/xapi/extensions/seed"], 1);
    assert_eq!(
        ext["https://peercall.invalid/xapi/extensions/final-trust"],
        80
    );
    let answered = got
        .iter()
        .find(|s| s["verb"]["display"]["en-US"] == "answered")
        .unwrap();
    assert_eq!(
        answered["object"]["definition"]["interactionType"],
        "choice"
    );
    assert_eq!(answered["result"]["response"], "request-2");
    // The truth the call was in, and where the player saw the line they chose.
    assert_eq!(
        ext["https://peercall.invalid/xapi/extensions/truth"],
        "consolidating"
    );
    let at = answered["result"]["extensions"]["https://peercall.invalid/xapi/extensions/shown-at"]
        .as_u64()
        .unwrap() as usize;
    assert_eq!(
        answered["object"]["definition"]["choices"][at - 1]["id"],
        "request-2",
        "the choices are listed in the order shown"
    );
    let registrations: std::collections::HashSet<String> = got
        .iter()
        .map(|s| s["context"]["registration"].to_string())
        .collect();
    assert_eq!(registrations.len(), 1, "one registration per call");

    // The LRS goes down: the next call is still recorded, its statements wait.
    drop(lrs);
    let out = peercall(&db, port)
        .args(["run", "dialogues/demo-request.ron", "--seed", "2"])
        .args([
            "--picks",
            "1,1,1,1,1,1",
            "--player",
            "Ana",
            "--team",
            "East",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "recording does not need the LRS");
    assert!(String::from_utf8_lossy(&out.stderr).contains("wait in the outbox"));
    let out = peercall(&db, port)
        .args(["records", "sync"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));

    // Back up: everything arrives, once.
    let lrs = start(&venv, &app, port);
    let out = peercall(&db, port)
        .args(["records", "sync"])
        .output()
        .unwrap();
    common::success(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("10 sent, 0 waiting"));
    let out = peercall(&db, port)
        .args(["records", "sync"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 sent, 0 waiting"));
    let got = statements(lrs.port);
    assert_eq!(got.len(), 21);
    let ids: std::collections::HashSet<String> = got.iter().map(|s| s["id"].to_string()).collect();
    assert_eq!(ids.len(), 21, "no statement twice");
    assert!(
        got.iter()
            .any(|s| s["verb"]["display"]["en-US"] == "failed"),
        "the wasted call failed"
    );
}

#[test]
fn a_statement_the_lrs_refuses_is_set_aside_and_does_not_block_the_rest() {
    let Some(venv) = venv() else { return };
    let dir = tempfile::tempdir().unwrap();
    let app = lrs_app(&venv, dir.path());
    let db = dir.path().join("records.sqlite");
    let port = free_port();
    // Recorded while the LRS is down; then the first statement is spoilt as an older peercall
    // could leave it (a blank player name), ahead of the others in the queue.
    let out = peercall(&db, port)
        .args(["run", "dialogues/network-expansion.ron", "--seed", "1"])
        .args(["--picks", "2,1,2,1,1,1,1", "--player", "Ana"])
        .output()
        .unwrap();
    assert!(out.status.success());
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let (seq, body): (i64, String) = conn
            .query_row(
                "SELECT seq, statement FROM outbox ORDER BY seq LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let mut v: Value = serde_json::from_str(&body).unwrap();
        v["actor"]["account"]["name"] = "".into();
        conn.execute(
            "UPDATE outbox SET statement = ?1 WHERE seq = ?2",
            rusqlite::params![v.to_string(), seq],
        )
        .unwrap();
    }
    let _lrs = start(&venv, &app, port);
    let out = peercall(&db, port)
        .args(["records", "sync"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("10 sent, 0 waiting, 1 set aside"),
        "{stdout}"
    );
    assert!(stdout.contains("the LRS refused it: 4"), "{stdout}");
    assert_eq!(statements(port).len(), 10);
    // Later calls are delivered; the refused one stays aside until asked for again.
    let out = peercall(&db, port)
        .args(["run", "dialogues/demo-request.ron", "--seed", "2"])
        .args(["--picks", "1,1,1,1,1,1", "--player", "Ana"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("sent 10 statement(s)"));
    let out = peercall(&db, port)
        .args(["records", "sync", "--retry-refused"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1 set-aside statement(s) put back"),
        "{stdout}"
    );
    assert!(
        stdout.contains("0 sent, 0 waiting, 1 set aside"),
        "{stdout}"
    );
}
