//! The hub in tests: `peercall serve` as a process on a free port, the trainer's and players'
//! commands, HTTP as a client sends it, and players' own verified calls.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use super::{Kill, NET, bin, peercall_db};

/// The admin token test hubs run with.
pub const ADMIN: &str = "trainer-secret";

/// A hub on a free loopback port; returns its process and its address.
pub fn hub(data: &Path) -> (Kill, String) {
    hub_with(data, &[])
}

/// A hub with these environment variables set.
pub fn hub_with(data: &Path, env: &[(&str, String)]) -> (Kill, String) {
    hub_on(data, None, env)
}

/// A hub keeping its data in PostgreSQL at `database` (or in `data` without), with these
/// environment variables set.
pub fn hub_on(data: &Path, database: Option<&str>, env: &[(&str, String)]) -> (Kill, String) {
    hub_listening(data, "127.0.0.1:0", database, env)
}

/// A hub listening on `listen` (`127.0.0.1:0` for a free port; a hub's own address to bring
/// it back after it was stopped).
pub fn hub_listening(
    data: &Path,
    listen: &str,
    database: Option<&str>,
    env: &[(&str, String)],
) -> (Kill, String) {
    let mut cmd = Command::new(bin());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd
        .args([
            "serve",
            "--listen",
            listen,
            "--admin-token",
            ADMIN,
            "--data",
        ])
        .arg(data)
        .args(
            database
                .map(|url| ["--database-url", url])
                .into_iter()
                .flatten(),
        )
        .env_remove("PEERCALL_DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The address is on the line that says so (a forwarding notice may come first).
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("listening on") {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "the hub did not start"
        );
    }
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    (Kill(child), url)
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent()
}

/// POSTs `body` (raw bytes) with an optional bearer token; the status and the JSON answer.
pub fn post(url: &str, token: Option<&str>, body: &[u8]) -> (u16, Value) {
    let mut req = agent().post(url).header("Content-Type", "application/json");
    if let Some(t) = token {
        req = req.header("Authorization", &format!("Bearer {t}"));
    }
    let mut resp = req.send(body).unwrap();
    let status = resp.status().as_u16();
    let text = resp.body_mut().read_to_string().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

pub fn get(url: &str) -> (u16, String) {
    let mut resp = agent().get(url).call().unwrap();
    let status = resp.status().as_u16();
    (status, resp.body_mut().read_to_string().unwrap_or_default())
}

/// The player's token, as `peercall join` saved it.
pub fn token(db: &Path) -> String {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(
            "SELECT value FROM settings WHERE key = 'hub_token'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// The competition file the tests publish.
pub fn cup(dir: &Path) -> PathBuf {
    let f = dir.join("cup.ron");
    std::fs::write(
        &f,
        r#"Competition(id: "cup", name: "Winter <cup>", attempts: 3, scenarios: [(id: "network-expansion", seed: 5)])"#,
    )
    .unwrap();
    f
}

/// Plays `player`'s next competition call with the peer process that fits its truth, and
/// records it in `db` (under `team`, or with `team` "-" without saying one); returns the score.
pub fn play_own_call(db: &Path, cup: &Path, player: &str, team: &str) -> u64 {
    let list = peercall_db(db)
        .args(["compete", "--list", "--player", player])
        .arg(cup)
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&list.stdout).into_owned();
    let seed = list
        .split("your next call seed ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_else(|| panic!("{list}"))
        .to_string();
    // Which situation is behind this call? A practice run with the same seed tells.
    let out = peercall_db(db)
        .args([
            "run",
            NET,
            "--seed",
            &seed,
            "--picks",
            super::NET_ADVOCATE,
            "--json",
        ])
        .output()
        .unwrap();
    let truth = serde_json::from_slice::<Value>(&out.stdout).unwrap()["debrief"]["truth"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let picks = match truth.as_str() {
        "consolidating" => super::NET_PEER,
        "funded" => "2,1,3,2,2",
        _ => "2,1,3,2,3",
    };
    let out = peercall_db(db)
        .args(["run", NET, "--picks", picks, "--json", "--competition"])
        .arg(cup)
        .args(["--player", player])
        .args(
            if team == "-" {
                None
            } else {
                Some(["--team", team])
            }
            .into_iter()
            .flatten(),
        )
        .output()
        .unwrap();
    super::success(&out);
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["seed"].to_string(), seed, "the call is the player's own");
    r["score"].as_u64().unwrap()
}

pub fn export(db: &Path) -> Vec<Value> {
    let out = peercall_db(db)
        .args(["records", "export"])
        .output()
        .unwrap();
    serde_json::from_slice::<Value>(&out.stdout).unwrap()["records"]
        .as_array()
        .unwrap()
        .clone()
}

/// Publishes the test competition on the hub at `url` for `teams` (comma-separated); returns
/// the join code of `team`, and what `hub publish` printed.
pub fn publish_for(dir: &Path, url: &str, teams: &str) -> String {
    let out = peercall_db(&dir.join("trainer.sqlite"))
        .args([
            "hub",
            "publish",
            "--server",
            url,
            "--teams",
            teams,
            "--admin-token",
            ADMIN,
        ])
        .arg(cup(dir))
        .output()
        .unwrap();
    super::success(&out);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The join code of `team` in what `hub publish` printed.
pub fn code_of(published: &str, team: &str) -> String {
    published
        .lines()
        .find(|l| l.trim_start().starts_with(team))
        // "team  CODE  http://…/play/?join=CODE"
        .and_then(|l| l.split_whitespace().rev().nth(1))
        .unwrap_or_else(|| panic!("{published}"))
        .to_string()
}

/// `name` joins with `code` from a machine of their own and plays their next call; returns
/// that machine's records.
pub fn join_and_play(dir: &Path, url: &str, code: &str, name: &str, team: &str) -> PathBuf {
    let db = dir.join(format!("{name}.sqlite"));
    let out = peercall_db(&db)
        .args(["join", url, code, "--player", name])
        .output()
        .unwrap();
    super::success(&out);
    assert!(play_own_call(&db, &cup(dir), name, team) >= 85);
    db
}

/// Publishes the test competition for one team; returns its join code.
pub fn publish(dir: &Path, url: &str, team: &str) -> String {
    code_of(&publish_for(dir, url, team), team)
}

/// Listens to server-sent events at `url` as a page's `EventSource` does; each event's data
/// arrives on the channel.
pub fn listen(url: &str) -> std::sync::mpsc::Receiver<String> {
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    let url = url.to_string();
    std::thread::spawn(move || {
        let mut resp = agent().get(&url).call().unwrap();
        let reader = BufReader::new(resp.body_mut().as_reader());
        for line in reader.lines() {
            let Ok(line) = line else { break };
            if let Some(data) = line.strip_prefix("data: ")
                && tx.send(data.to_string()).is_err()
            {
                break;
            }
        }
    });
    rx
}

/// `name`'s own calls in the test competition (`cup`, base seed 5), attempts `0..attempts`,
/// each played with the peer process that fits its truth: results the hub accepts.
pub fn own_calls(name: &str, team: &str, attempts: u32) -> Vec<peercall_core::records::Record> {
    use peercall_core::library::Library;
    use std::time::{Duration, SystemTime};
    let library = Library::builtin();
    let script = library.entries[library.find("network-expansion").unwrap()]
        .script()
        .unwrap()
        .clone();
    (0..attempts)
        .map(|a| {
            let seed = peercall_core::competition::player_seed("cup", &script, 5, name, a);
            let mut call = peercall_dialogue::Call::start(&script, seed);
            let picks: &[usize] = match script.scenario().truths.at(call.truth() as usize).0 {
                "consolidating" => &[2, 1, 2, 1, 1, 1, 1],
                "funded" => &[2, 1, 3, 2, 2],
                _ => &[2, 1, 3, 2, 3],
            };
            for &p in picks {
                call.choose_index(&script, p - 1).unwrap();
            }
            let t = SystemTime::now() - Duration::from_secs(600 - u64::from(a));
            peercall_core::records::Record::of(
                &call,
                &script,
                name,
                team,
                t,
                t + Duration::from_secs(200),
                Some("cup"),
            )
            .unwrap()
        })
        .collect()
}
