//! The hub's client side, for the command line and the game: publish a competition, join it
//! with a team's code, send finished calls.

use std::time::Duration;

use peercall_core::records::Record;
use serde_json::{Value, json};

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(15)))
        .http_status_as_error(false)
        .build()
        .new_agent()
}

/// The hub's base address without a trailing slash.
fn base(server: &str) -> &str {
    server.trim_end_matches('/')
}

/// Sends `body` to `path` on the hub and returns the status and the JSON answer.
fn post(
    server: &str,
    path: &str,
    token: Option<&str>,
    body: &Value,
) -> Result<(u16, Value), String> {
    let mut req = agent().post(&format!("{}{path}", base(server)));
    if let Some(t) = token {
        req = req.header("Authorization", &format!("Bearer {t}"));
    }
    let mut resp = req
        .send_json(body)
        .map_err(|e| format!("cannot reach the hub at {}: {e}", base(server)))?;
    let status = resp.status().as_u16();
    let text = resp.body_mut().read_to_string().unwrap_or_default();
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    Ok((status, json))
}

fn refusal(status: u16, answer: &Value) -> String {
    match answer["error"].as_str() {
        Some(e) => format!("the hub refused it ({status}): {e}"),
        None => format!("the hub answered {status}"),
    }
}

/// Publishes a competition file with its scenario files for `teams`; returns each team's join
/// code.
pub fn publish(
    server: &str,
    admin_token: &str,
    competition: &str,
    scenarios: &[String],
    teams: &[String],
) -> Result<Vec<(String, String)>, String> {
    let (status, answer) = post(
        server,
        "/api/competitions",
        Some(admin_token),
        &json!({ "competition": competition, "scenarios": scenarios, "teams": teams }),
    )?;
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

/// Joins the competition of a team's `code` as `name`.
pub fn join(server: &str, code: &str, name: &str) -> Result<Joined, String> {
    let (status, answer) = post(
        server,
        "/api/join",
        None,
        &json!({ "code": code, "name": name }),
    )?;
    if status != 201 {
        return Err(refusal(status, &answer));
    }
    let field = |k: &str| answer[k].as_str().unwrap_or_default().to_string();
    Ok(Joined {
        token: field("token"),
        competition: field("competition"),
        team: field("team"),
    })
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

/// Sends one finished call. `Err` when the hub cannot be reached or fails (try again later).
pub fn send(server: &str, token: &str, record: &Record) -> Result<Sent, String> {
    let body = serde_json::to_value(record).map_err(|e| e.to_string())?;
    let (status, answer) = post(server, "/api/results", Some(token), &body)?;
    Ok(match status {
        201 => Sent::Recorded,
        200 => Sent::AlreadyThere,
        400..=499 => Sent::Refused(refusal(status, &answer)),
        _ => return Err(refusal(status, &answer)),
    })
}
