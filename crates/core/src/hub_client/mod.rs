//! The team hub's client side, for the command line and the game: publish a competition, join
//! it with a team's code (remembered in the records' settings), download its scenario files
//! (checked against the hub's hashes), send finished calls from the hub queue in the background
//! with backoff, and read the hub's board.

use crate::words::say;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::Deserialize;
use serde_json::{Value, json};

use crate::Error;
use crate::records::{BoardRow, Queue, Record, Store};

/// Settings keys where joining keeps the hub, the token and the competition.
pub const SERVER: &str = "hub_server";
/// The player's token on the hub (see [`SERVER`]).
pub const TOKEN: &str = "hub_token";
/// The competition joined (see [`SERVER`]).
pub const COMPETITION: &str = "hub_competition";
/// The team's join code it was joined with (see [`SERVER`]).
pub const CODE: &str = "hub_code";

mod protocol;
use protocol::refusal;
pub use protocol::{
    Files, Joined, ScenarioFile, Sent, board_answer, check_files, files_answer, join_answer,
    remember, send_answer, settle,
};

/// Largest answer read from a hub (a competition's files are a few hundred kilobytes).
const MAX_ANSWER: u64 = 8 << 20;

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .build()
        .new_agent()
}

/// The hub's base address without a trailing slash.
fn base(server: &str) -> &str {
    server.trim_end_matches('/')
}

/// The hub at `server` could not be reached, and why.
pub fn unreachable(server: &str, e: impl std::fmt::Display) -> Error {
    Error::Hub(say(
        "core-hub-unreachable",
        &[
            (
                "server",
                crate::untrusted::clip(base(server), 120).as_ref().into(),
            ),
            ("why", e.to_string().into()),
        ],
    ))
}

/// Reads an answer's status and JSON body (bounded).
fn answer(server: &str, resp: ureq::http::Response<ureq::Body>) -> Result<(u16, Value), Error> {
    let status = resp.status().as_u16();
    let text = resp
        .into_body()
        .with_config()
        .limit(MAX_ANSWER)
        .read_to_string()
        .map_err(|e| unreachable(server, e))?;
    Ok((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
}

/// Sends `body` to `path` on the hub and returns the status and the JSON answer.
fn post(
    server: &str,
    path: &str,
    token: Option<&str>,
    body: &Value,
) -> Result<(u16, Value), Error> {
    let mut req = agent(Duration::from_secs(15))
        .post(&format!("{}{path}", base(server)))
        .header("Accept-Language", crate::words::current().lang());
    if let Some(t) = token {
        req = req.header("Authorization", &format!("Bearer {t}"));
    }
    let resp = req.send_json(body).map_err(|e| unreachable(server, e))?;
    answer(server, resp)
}

fn get(
    server: &str,
    path: &str,
    token: Option<&str>,
    timeout: Duration,
) -> Result<(u16, Value), Error> {
    // The hub words its refusals in the player's language.
    let mut req = agent(timeout)
        .get(&format!("{}{path}", base(server)))
        .header("Accept-Language", crate::words::current().lang());
    if let Some(t) = token {
        req = req.header("Authorization", &format!("Bearer {t}"));
    }
    let resp = req.call().map_err(|e| unreachable(server, e))?;
    answer(server, resp)
}

/// Publishes a competition file with its scenario files for `teams`; returns each team's join
/// code.
pub fn publish(
    server: &str,
    admin_token: &str,
    competition: &str,
    scenarios: &[String],
    teams: &[String],
    move_dates: bool,
) -> Result<Vec<(String, String)>, Error> {
    let mut body = json!({ "competition": competition, "scenarios": scenarios, "teams": teams });
    // Said only when meant: a hub older than the confirmation takes the request as before.
    if move_dates {
        body["move_dates"] = json!(true);
    }
    let (status, answer) = post(server, "/api/competitions", Some(admin_token), &body)?;
    if status != 201 {
        return Err(refusal(status, &answer));
    }
    Ok(answer["codes"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(t, c)| (t.clone(), c.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default())
}

/// Joins the competition of a team's `code` as `name`.
pub fn join(server: &str, code: &str, name: &str) -> Result<Joined, Error> {
    let (status, answer) = post(
        server,
        "/api/join",
        None,
        &json!({ "code": code, "name": name }),
    )?;
    protocol::join_answer(status, &answer)
}

/// A joined competition as kept on this machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    /// The hub.
    pub server: String,
    /// The player's token there.
    pub token: String,
    /// The competition's id.
    pub competition: String,
}

/// Joins and remembers it in the records' settings (the name and team become the player's
/// profile); returns what was joined.
pub fn join_and_remember(
    store: &Store,
    server: &str,
    code: &str,
    name: &str,
) -> Result<Joined, Error> {
    let server = server.trim();
    if !(server.starts_with("http://") || server.starts_with("https://")) {
        return Err(Error::Invalid(format!(
            "{}: the hub's address starts with http:// or https://",
            crate::untrusted::clip(server, 80)
        )));
    }
    let joined = join(server, code.trim(), name)?;
    protocol::remember(store, base(server), code.trim(), &joined, name)?;
    Ok(joined)
}

/// The competition this machine joined, if any.
pub fn membership(store: &Store) -> Result<Option<Membership>, Error> {
    let (Some(server), Some(token), Some(competition)) = (
        store.setting(SERVER)?,
        store.setting(TOKEN)?,
        store.setting(COMPETITION)?,
    ) else {
        return Ok(None);
    };
    Ok(Some(Membership {
        server,
        token,
        competition,
    }))
}

/// Downloads the joined competition's files.
pub fn files(m: &Membership) -> Result<Files, Error> {
    let (status, answer) = get(
        &m.server,
        &format!("/api/competitions/{}/files", m.competition),
        Some(&m.token),
        Duration::from_secs(30),
    )?;
    protocol::files_answer(status, answer)
}

/// Checks downloaded files (every scenario compiles, is the one named, and has the hub's hash)
/// and writes them to `dir` (`<id>.competition.ron` and one file per scenario), each written
/// whole before it replaces the old one. Returns the competition file's path.
pub fn save_files(f: &Files, dir: &Path) -> Result<PathBuf, Error> {
    protocol::check_files(f)?;
    std::fs::create_dir_all(dir).map_err(Error::io(say(
        "core-cannot-create",
        &[("path", dir.display().to_string().into())],
    )))?;
    let write = |name: &str, text: &str| -> Result<PathBuf, Error> {
        let path = dir.join(name);
        crate::write_whole(&path, text).map_err(Error::io(say(
            "core-cannot-write",
            &[("path", path.display().to_string().into())],
        )))?;
        Ok(path)
    };
    for s in &f.scenarios {
        write(&format!("{}.ron", safe_name(&s.id)), &s.text)?;
    }
    write(
        &format!("{}.competition.ron", safe_name(&f.id)),
        &f.competition,
    )
}

/// A competition id as a file name: letters, digits and dashes kept, anything else `_`.
fn safe_name(id: &str) -> String {
    id.chars()
        .take(80)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Where a joined competition's files are kept: `hub/<competition>` beside the records.
pub fn files_dir(store: &Store, competition: &str) -> PathBuf {
    hub_folder(store.path()).join(safe_name(competition))
}

/// The folder joined competitions' files are kept in, beside the records at `db`.
pub fn hub_folder(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("hub")
}

/// Sends one finished call. `Err` when the hub cannot be reached or fails (try again later).
pub fn send(server: &str, token: &str, record: &Record) -> Result<Sent, Error> {
    let body = serde_json::to_value(record).map_err(|e| Error::Invalid(e.to_string()))?;
    let (status, answer) = post(server, "/api/results", Some(token), &body)?;
    protocol::send_answer(status, &answer)
}

/// What one round of delivery did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delivery {
    /// Results the hub took (recorded now or already there).
    pub sent: usize,
    /// Results the hub refused (set aside with the reason).
    pub refused: usize,
    /// Why the rest wait, when the hub could not be reached.
    pub waiting: Option<String>,
}

/// Seconds to wait before try `attempts + 1` after a failure: 5 s doubling to 5 minutes.
pub fn backoff(attempts: u32) -> i64 {
    (5i64 << attempts.min(6)).min(300)
}

/// Sends every result due in the hub queue. A hub that cannot be reached leaves them queued
/// with a later try ([`backoff`]); nothing is ever sent twice once taken.
pub fn deliver(store: &Store, now: SystemTime) -> Result<Delivery, Error> {
    let secs = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let mut d = Delivery::default();
    let outbox = store.outbox(Queue::Hub);
    let due = outbox.due(secs)?;
    if due.is_empty() {
        return Ok(d);
    }
    let remembered = store.setting(TOKEN)?;
    for q in due {
        let Some((token, record)) = outgoing(store, &q, remembered.as_deref(), &mut d)? else {
            continue;
        };
        let took = send(&q.payload, &token, &record);
        if protocol::settle(&outbox, &q, took, secs, &mut d)? {
            break;
        }
    }
    Ok(d)
}

/// What queued result `q` goes with: its token (results queued before tokens were kept go with
/// the token `remembered` now) and the result itself. `None` to skip it: no token, or a result
/// no longer in the records (set aside as refused, counted in `d`).
pub fn outgoing(
    store: &Store,
    q: &crate::records::Queued,
    remembered: Option<&str>,
    d: &mut Delivery,
) -> Result<Option<(String, Record)>, Error> {
    let Some(token) = q.token.as_deref().or(remembered) else {
        return Ok(None);
    };
    let Some(record) = store.result(&q.id)? else {
        store
            .outbox(Queue::Hub)
            .refused(&q.id, "the result is no longer in the records")?;
        d.refused += 1;
        return Ok(None);
    };
    Ok(Some((token.to_string(), record)))
}

/// Keeps delivering the hub queue in the background (a thread with its own connection to the
/// records at `db`), checking every two seconds; a hub that is down is retried with backoff.
pub fn spawn_sender(db: PathBuf) {
    crate::records::spawn_sender(db, "hub", move |store| {
        deliver(store, crate::clock::now()).map(|d| crate::records::Round {
            refused: d.refused,
            waiting: d.waiting,
        })
    });
}

/// A competition's board on the hub: players and teams, ranked.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Board {
    /// Players, best first.
    pub players: Vec<BoardRow>,
    /// Teams, best first.
    pub teams: Vec<BoardRow>,
}

/// Reads the board of `competition` from the hub (a short wait: a board on screen should not
/// hang on a hub that is down).
pub fn board(server: &str, competition: &str) -> Result<Board, Error> {
    let (status, answer) = get(
        server,
        &format!("/api/competitions/{competition}/board"),
        None,
        Duration::from_secs(5),
    )?;
    protocol::board_answer(status, answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files_of(text: &str, hash: &str) -> Files {
        Files {
            id: "cup/../x".into(),
            competition: "Competition(id: \"cup\", name: \"Cup\", scenarios: [])".into(),
            scenarios: vec![ScenarioFile {
                id: "demo-request".into(),
                text: text.into(),
                hash: hash.into(),
            }],
        }
    }

    #[test]
    fn downloaded_files_are_kept_only_when_they_are_the_versions_the_hub_verifies() {
        let text = crate::library::Library::builtin_source("dialogues/demo-request.ron").unwrap();
        let hash = peercall_dialogue::load_str("demo-request.ron", text)
            .script()
            .unwrap()
            .hash()
            .to_string();
        let dir = tempfile::tempdir().unwrap();
        // A scenario that is not the version the hub names is refused, and nothing is written.
        let edited = text.replacen("title: \"", "title: \"Edited: ", 1);
        assert_ne!(edited, text);
        let e = save_files(&files_of(&edited, &hash), dir.path()).unwrap_err();
        assert!(e.to_string().contains("not the version it says"), "{e}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        let e = save_files(&files_of("Scenario(", &hash), dir.path()).unwrap_err();
        assert!(e.to_string().contains("does not compile here"), "{e}");
        // The real one is written, under a file name made safe.
        let file = save_files(&files_of(text, &hash), dir.path()).unwrap();
        assert_eq!(file, dir.path().join("cup____x.competition.ron"));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("demo-request.ron")).unwrap(),
            text
        );
    }

    #[test]
    fn tries_back_off_from_five_seconds_to_five_minutes() {
        let waits: Vec<i64> = (0..9).map(backoff).collect();
        assert_eq!(waits, [5, 10, 20, 40, 80, 160, 300, 300, 300]);
    }

    #[test]
    fn a_hub_that_cannot_be_reached_leaves_the_result_queued_for_later() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(&dir.path().join("r.sqlite")).unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        store
            .set_setting(SERVER, &format!("http://127.0.0.1:{port}"))
            .unwrap();
        store.set_setting(TOKEN, "t").unwrap();
        store.set_setting(COMPETITION, "cup").unwrap();
        let (call, script) = crate::test_support::finished_demo_call();
        let script = &script;
        let now = crate::clock::now();
        let r = Record::of(&call, script, "Ana", "", now, now, Some("cup")).unwrap();
        assert!(store.record_call(&r, false, &[]).unwrap());
        // Another competition's result is not the hub's business.
        let other = Record::of(&call, script, "Ana", "", now, now, Some("other")).unwrap();
        store.record_call(&other, false, &[]).unwrap();
        let outbox = store.outbox(Queue::Hub);
        assert_eq!(outbox.waiting().unwrap(), 1);
        // Joining another competition later changes the remembered token, not the one the
        // queued result goes with.
        store.set_setting(TOKEN, "another competition's").unwrap();
        store.set_setting(COMPETITION, "cup-2").unwrap();
        let d = deliver(&store, now).unwrap();
        assert_eq!(d.sent, 0);
        assert!(d.waiting.unwrap().contains("cannot reach the hub"));
        // Not due again until the backoff has passed.
        let secs = now
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        assert!(outbox.due(secs).unwrap().is_empty());
        let due = outbox.due(secs + backoff(0)).unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].token.as_deref(), Some("t"));
        assert_eq!(outbox.waiting().unwrap(), 1);
    }
}
