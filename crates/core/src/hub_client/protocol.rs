//! What the hub's answers mean, apart from how they travel: the desktop sends its requests with
//! ureq on a thread, the web game with the browser's fetch, and both read the answers here.

use serde::Deserialize;
use serde_json::Value;

use crate::Error;
use crate::library::Library;
use crate::records::{Outbox, Queued, Store};
use crate::words::say;

use super::{CODE, COMPETITION, Delivery, SERVER, TOKEN, backoff};

pub(super) fn refusal(status: u16, answer: &Value) -> Error {
    Error::Hub(match answer["error"].as_str() {
        Some(e) => say(
            "core-hub-refused",
            &[
                ("status", status.to_string().into()),
                ("why", crate::untrusted::clip(e, 300).as_ref().into()),
            ],
        ),
        None => say(
            "core-hub-answered",
            &[("status", status.to_string().into())],
        ),
    })
}

/// What joining gives a player.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    /// The player's token: results are posted with it.
    pub token: String,
    /// The competition joined.
    pub competition: String,
    /// The team of the code.
    pub team: String,
}

/// A competition's files as the hub serves them to its players.
#[derive(Debug, Clone, Deserialize)]
pub struct Files {
    /// The competition's id.
    pub id: String,
    /// The competition file's text.
    pub competition: String,
    /// Its scenario files.
    pub scenarios: Vec<ScenarioFile>,
}

/// One scenario file of a competition, with the hash of the scenario the hub verifies against.
#[derive(Debug, Clone, Deserialize)]
pub struct ScenarioFile {
    /// The scenario's id.
    pub id: String,
    /// The file's text.
    pub text: String,
    /// The scenario's content hash.
    pub hash: String,
}

/// How the hub took one result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    /// Recorded now.
    Recorded,
    /// It had it already (sending again is harmless).
    AlreadyThere,
    /// Refused, with the hub's reason: sending again will not help.
    Refused(String),
}

/// The hub's answer to joining (`POST /api/join`).
pub fn join_answer(status: u16, answer: &Value) -> Result<Joined, Error> {
    if status != 201 {
        return Err(refusal(status, answer));
    }
    let field = |k: &str| answer[k].as_str().unwrap_or_default().to_string();
    let joined = Joined {
        token: field("token"),
        competition: field("competition"),
        team: field("team"),
    };
    if joined.token.is_empty() || joined.competition.is_empty() {
        return Err(Error::Hub(say(
            "core-hub-answered",
            &[("status", status.to_string().into())],
        )));
    }
    Ok(joined)
}

/// Remembers a join in the records' settings: the hub, the code joined with, the token and the
/// competition; the name and team become the player's profile.
pub fn remember(
    store: &Store,
    server: &str,
    code: &str,
    joined: &Joined,
    name: &str,
) -> Result<(), Error> {
    store.set_setting(SERVER, server.trim_end_matches('/'))?;
    store.set_setting(CODE, code)?;
    store.set_setting(TOKEN, &joined.token)?;
    store.set_setting(COMPETITION, &joined.competition)?;
    store.set_setting("player", name)?;
    store.set_setting("team", &joined.team)?;
    Ok(())
}

/// The hub's answer to a competition's files (`GET /api/competitions/ID/files`).
pub fn files_answer(status: u16, answer: Value) -> Result<Files, Error> {
    if status != 200 {
        return Err(refusal(status, &answer));
    }
    serde_json::from_value(answer)
        .map_err(|e| Error::Hub(say("core-hub-bad-files", &[("why", e.to_string().into())])))
}

/// Checks downloaded files: every scenario compiles, is the one named, and has the hub's hash.
pub fn check_files(f: &Files) -> Result<(), Error> {
    for s in &f.scenarios {
        let checked = peercall_dialogue::load_str(&format!("{}.ron", s.id), &s.text);
        let script = checked.script().ok_or_else(|| {
            Error::Invalid(format!(
                "{}\n{}",
                say(
                    "core-hub-scenario-broken",
                    &[("id", crate::untrusted::clip(&s.id, 80).as_ref().into())],
                ),
                checked
                    .clone()
                    .localized(crate::words::current().lang())
                    .render_ascii()
            ))
        })?;
        if script.id() != s.id || script.hash() != s.hash {
            return Err(Error::Invalid(say(
                "core-hub-scenario-changed",
                &[
                    ("id", crate::untrusted::clip(&s.id, 80).as_ref().into()),
                    ("hash", script.hash().into()),
                    (
                        "claimed",
                        crate::untrusted::clip(&s.hash, 80).as_ref().into(),
                    ),
                ],
            )));
        }
    }
    Ok(())
}

impl Files {
    /// The competition's scenarios as a library (after [`check_files`]).
    pub fn library(&self) -> Library {
        Library::from_checked(
            self.scenarios
                .iter()
                .map(|s| peercall_dialogue::load_str(&format!("{}.ron", s.id), &s.text))
                .collect(),
        )
    }
}

/// The hub's answer to a posted result (`POST /api/results`). `Err` when the hub is busy or
/// failing: try again later.
pub fn send_answer(status: u16, answer: &Value) -> Result<Sent, Error> {
    Ok(match status {
        201 => Sent::Recorded,
        200 => Sent::AlreadyThere,
        // Too many at once: later.
        429 => return Err(refusal(status, answer)),
        400..=499 => Sent::Refused(refusal(status, answer).to_string()),
        _ => return Err(refusal(status, answer)),
    })
}

/// Notes in the hub queue how sending `q` went, at `secs` (Unix seconds), and counts it in `d`.
/// `true` when the hub could not take it: the rest wait too.
pub fn settle(
    outbox: &Outbox<'_>,
    q: &Queued,
    took: Result<Sent, Error>,
    secs: i64,
    d: &mut Delivery,
) -> Result<bool, Error> {
    match took {
        Ok(Sent::Recorded | Sent::AlreadyThere) => {
            outbox.sent(&q.id)?;
            d.sent += 1;
            Ok(false)
        }
        Ok(Sent::Refused(why)) => {
            outbox.refused(&q.id, &why)?;
            d.refused += 1;
            Ok(false)
        }
        Err(e) => {
            // The hub is down or busy: this and the rest wait.
            outbox.retry_later(&q.id, secs + backoff(q.tries))?;
            d.waiting = Some(e.to_string());
            Ok(true)
        }
    }
}

/// The hub's answer to a board (`GET /api/competitions/ID/board`).
pub fn board_answer(status: u16, answer: Value) -> Result<super::Board, Error> {
    if status != 200 {
        return Err(refusal(status, &answer));
    }
    serde_json::from_value(answer)
        .map_err(|e| Error::Hub(say("core-hub-bad-board", &[("why", e.to_string().into())])))
}
