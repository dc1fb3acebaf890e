//! The hub on a real PostgreSQL server (started by the test): migrations, two hub processes
//! serving one consistent board, and the database crashing and restarting while players post,
//! with no result lost or counted twice.

use std::time::{Duration, Instant};

use serde_json::Value;

mod common;
use common::hub::*;
use common::{peercall_db, pg};

/// Runs SQL on the test server; its output, one row a line, fields split by `|`.
fn psql(pg: &pg::Pg, sql: &str) -> String {
    let out = std::process::Command::new("psql")
        .args(["-h", "127.0.0.1", "-p", &pg.port.to_string()])
        .args(["-U", "peercall", "-d", "hub", "-At", "-c", sql])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn board(url: &str) -> Value {
    let (status, body) = get(&format!("{url}/api/competitions/cup/board"));
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

#[test]
fn two_hubs_on_one_postgres_database_serve_one_board() {
    let Some(pg) = pg::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (_a, a) = hub_on(&dir.path().join("a"), Some(&pg.url()), &[]);
    let (_b, b) = hub_on(&dir.path().join("b"), Some(&pg.url()), &[]);
    // The schema was made once, by whichever hub started first.
    assert_eq!(
        psql(&pg, "SELECT version FROM hub_migrations ORDER BY version"),
        (1..=peercall_hub::storage::PG_SCHEMA_VERSION)
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );

    // Published through one hub, joined through the other.
    let code = publish(dir.path(), &a, "East");
    assert!(get(&format!("{b}/")).1.contains("Winter &lt;cup&gt;"));
    let live_on_b = listen(&format!("{b}/api/competitions/cup/events"));
    let first = live_on_b.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(first.contains("\"players\":[]"), "{first}");
    let ana = join_and_play(dir.path(), &b, &code, "Ana", "East");

    // Sent to the first hub: the second hub's live board shows it within 2 s.
    let record = peercall_db(&ana)
        .args(["records", "export"])
        .output()
        .unwrap();
    let record = serde_json::from_slice::<Value>(&record.stdout).unwrap()["records"][0].clone();
    let body = serde_json::to_vec(&record).unwrap();
    let sent = Instant::now();
    let (status, answer) = post(&format!("{a}/api/results"), Some(&token(&ana)), &body);
    assert_eq!(status, 201, "{answer}");
    let next = live_on_b.recv_timeout(Duration::from_secs(2)).unwrap();
    assert!(next.contains("\"name\":\"Ana\""), "{next}");
    eprintln!(
        "the other hub's live board had it {} ms after it was sent",
        sent.elapsed().as_millis()
    );
    assert_eq!(board(&a), board(&b));
    assert_eq!(board(&b)["players"][0]["calls"], 1);

    // The same result through the other hub is the same result.
    let (status, answer) = post(&format!("{b}/api/results"), Some(&token(&ana)), &body);
    assert_eq!(
        (status, answer["status"].as_str()),
        (200, Some("already recorded"))
    );
    assert_eq!(psql(&pg, "SELECT COUNT(*) FROM results"), "1");

    // A third hub starting on the same database finds the schema current.
    let (_c, c) = hub_on(&dir.path().join("c"), Some(&pg.url()), &[]);
    assert_eq!(board(&c), board(&a));
    assert_eq!(
        psql(&pg, "SELECT COUNT(*) FROM hub_migrations"),
        peercall_hub::storage::PG_SCHEMA_VERSION.to_string()
    );
}

#[test]
fn the_database_restarting_under_load_loses_and_doubles_nothing() {
    let Some(pg) = pg::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (_a, a) = hub_on(&dir.path().join("a"), Some(&pg.url()), &[]);
    let (_b, b) = hub_on(&dir.path().join("b"), Some(&pg.url()), &[]);
    let code = publish(dir.path(), &a, "East");

    // Sixteen players, three calls each, posted to either hub, each result twice; a client
    // tries again (as the game's outbox does) while the hub cannot answer.
    const PLAYERS: usize = 16;
    let mut work = Vec::new();
    for p in 0..PLAYERS {
        let name = format!("Player {p:02}");
        let hub = if p % 2 == 0 { &a } else { &b };
        let body = serde_json::to_vec(&serde_json::json!({ "code": code, "name": name })).unwrap();
        let (status, joined) = post(&format!("{hub}/api/join"), None, &body);
        assert_eq!(status, 201, "{joined}");
        let token = joined["token"].as_str().unwrap().to_string();
        work.push((hub.clone(), token, own_calls(&name, "East", 3)));
    }
    let posting: Vec<_> = work
        .into_iter()
        .map(|(hub, token, calls)| {
            std::thread::spawn(move || {
                let (mut recorded, mut again, mut retries) = (0, 0, 0);
                let mut slowest = Duration::ZERO;
                for r in calls.iter().chain(calls.iter()) {
                    let body = serde_json::to_vec(r).unwrap();
                    let t = Instant::now();
                    loop {
                        let (status, answer) =
                            post_or_fail(&format!("{hub}/api/results"), &token, &body);
                        match status {
                            201 => recorded += 1,
                            200 => again += 1,
                            // Unreachable, or the database is: try again shortly.
                            0 | 500..=599 => {
                                retries += 1;
                                std::thread::sleep(Duration::from_millis(200));
                                continue;
                            }
                            _ => panic!("refused: {status} {answer}"),
                        }
                        break;
                    }
                    slowest = slowest.max(t.elapsed());
                    std::thread::sleep(Duration::from_millis(150));
                }
                (recorded, again, retries, slowest)
            })
        })
        .collect();
    // The database crashes half-way, and is back two seconds later.
    std::thread::sleep(Duration::from_millis(400));
    pg.crash();
    std::thread::sleep(Duration::from_secs(2));
    pg.restart();
    let (mut recorded, mut again, mut retries, mut slowest) = (0, 0, 0, Duration::ZERO);
    for h in posting {
        let (r, g, t, s) = h.join().unwrap();
        recorded += r;
        again += g;
        retries += t;
        slowest = slowest.max(s);
    }
    eprintln!(
        "{recorded} recorded, {again} already there, {retries} tries again; the slowest post \
         waited {slowest:?} for the database"
    );
    // The crash came while players were posting: some post waited through the restart.
    assert!(slowest > Duration::from_secs(1), "{slowest:?}");
    // Every result once: 48 in the database, each player's three on both boards.
    assert_eq!(recorded + again, PLAYERS * 6);
    assert_eq!(
        psql(&pg, "SELECT COUNT(*), COUNT(DISTINCT id) FROM results"),
        format!("{n}|{n}", n = PLAYERS * 3)
    );
    let (board_a, board_b) = (board(&a), board(&b));
    assert_eq!(board_a, board_b);
    let players = board_a["players"].as_array().unwrap();
    assert_eq!(players.len(), PLAYERS);
    assert!(players.iter().all(|p| p["calls"] == 1), "{board_a}");
}

/// POSTs a result with a player's token; status 0 when the hub cannot be reached.
fn post_or_fail(url: &str, token: &str, body: &[u8]) -> (u16, Value) {
    let resp = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .new_agent()
        .post(url)
        .header("Content-Type", "application/json")
        .header("Authorization", &format!("Bearer {token}"))
        .send(body);
    match resp {
        Ok(mut r) => {
            let status = r.status().as_u16();
            let text = r.body_mut().read_to_string().unwrap_or_default();
            (status, serde_json::from_str(&text).unwrap_or(Value::Null))
        }
        Err(e) => (0, Value::String(e.to_string())),
    }
}
