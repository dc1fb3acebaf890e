//! xAPI: the statements a finished call produces, an outbox in the records database, and a
//! sender that delivers them to a Learning Record Store, retrying with backoff while it is down.
//! Statement ids are derived from the result, so sending again never duplicates anything.

use crate::Error;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use peercall_dialogue::{Call, Script};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::records::{Queue, Queued, Record, Store};

const VERBS: &str = "http://adlnet.gov/expapi/verbs/";
const EXT: &str = "https://peercall.invalid/xapi/extensions/";

/// Where statements go: an LRS endpoint and its credentials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Lrs")]
pub struct LrsConfig {
    /// The LRS's xAPI base, e.g. `https://lrs.example.com/xAPI/`.
    pub endpoint: String,
    /// Basic-auth user.
    pub username: String,
    /// Basic-auth password.
    pub password: String,
    /// Home page of the players' accounts (the actor's `account.homePage`).
    #[serde(default = "default_home")]
    pub home_page: String,
}

fn default_home() -> String {
    "https://peercall.invalid".into()
}

impl LrsConfig {
    /// From the environment (`PEERCALL_LRS_ENDPOINT`, `PEERCALL_LRS_USER`,
    /// `PEERCALL_LRS_PASSWORD`, optional `PEERCALL_LRS_HOME_PAGE`), else from `lrs.ron` next to
    /// the records database; `None` when neither is set (statements then wait in the outbox).
    pub fn load(db_path: &std::path::Path) -> Result<Option<LrsConfig>, Error> {
        if let Ok(endpoint) = std::env::var("PEERCALL_LRS_ENDPOINT") {
            return Ok(Some(LrsConfig {
                endpoint,
                username: std::env::var("PEERCALL_LRS_USER").unwrap_or_default(),
                password: std::env::var("PEERCALL_LRS_PASSWORD").unwrap_or_default(),
                home_page: std::env::var("PEERCALL_LRS_HOME_PAGE")
                    .unwrap_or_else(|_| default_home()),
            }));
        }
        let file: PathBuf = db_path.with_file_name("lrs.ron");
        if !file.exists() {
            return Ok(None);
        }
        let text = std::fs::read_to_string(&file).map_err(Error::io(crate::words::say(
            "core-cannot-read",
            &[("path", file.display().to_string().into())],
        )))?;
        peercall_dialogue::load::parse_as::<LrsConfig>(&file.display().to_string(), &text)
            .map(Some)
            .map_err(|d| {
                Error::Invalid(
                    d.localized(crate::words::current().lang())
                        .render(&text, false),
                )
            })
    }

    fn statements_url(&self) -> String {
        format!("{}/statements", self.endpoint.trim_end_matches('/'))
    }
}

/// A UUID (version 4 layout) derived from `parts`: the same inputs always give the same id.
pub fn stable_uuid(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    let digest = h.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

fn verb(name: &str) -> Value {
    json!({ "id": format!("{VERBS}{name}"), "display": { "en-US": name } })
}

/// ISO 8601 duration with seconds, e.g. `PT6M30.5S`.
pub fn iso_duration(ms: u64) -> String {
    let secs = ms / 1000;
    let (h, m, s, frac) = (secs / 3600, (secs / 60) % 60, secs % 60, ms % 1000);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if frac > 0 {
        out.push_str(&format!("{s}.{frac:03}S"));
    } else {
        out.push_str(&format!("{s}S"));
    }
    out
}

/// Every statement for one finished call: initialized, one `answered` per player turn (a
/// cmi.interaction of type choice), completed, passed or failed, terminated.
pub fn statements(record: &Record, script: &Script, home_page: &str) -> Vec<Value> {
    let sc = script.scenario();
    let base = home_page.trim_end_matches('/');
    let activity = format!("{base}/scenarios/{}", sc.id);
    let registration = stable_uuid(&["registration", &record.id]);
    let actor = json!({
        "objectType": "Agent",
        "name": record.player,
        "account": { "homePage": home_page, "name": record.player },
    });
    let context = json!({
        "registration": registration,
        "platform": "peercall",
        // The language the player saw (RFC 5646); the scenario's own when not translated.
        "language": if record.lang.is_empty() { crate::i18n::SOURCE } else { record.lang.as_str() },
        "extensions": {
            format!("{EXT}seed"): record.seed,
            format!("{EXT}scenario-hash"): record.scenario_hash,
            format!("{EXT}final-trust"): record.trust,
            format!("{EXT}person-days"): record.days,
            format!("{EXT}team"): record.team,
            format!("{EXT}truth"): record.truth,
        },
    });
    let scenario_object = json!({
        "objectType": "Activity",
        "id": activity,
        "definition": {
            "type": "http://adlnet.gov/expapi/activities/simulation",
            "name": { "en-US": sc.title },
            "description": { "en-US": sc.situation },
        },
    });
    let mut out = Vec::new();
    let mut push =
        |n: usize, verb_name: &str, object: Value, result: Option<Value>, timestamp: &str| {
            let mut s = json!({
                "id": stable_uuid(&["statement", &record.id, &n.to_string()]),
                "actor": actor,
                "verb": verb(verb_name),
                "object": object,
                "context": context,
                "timestamp": timestamp,
            });
            if let Some(r) = result {
                s["result"] = r;
            }
            out.push(s);
        };
    push(
        0,
        "initialized",
        scenario_object.clone(),
        None,
        &record.started_at,
    );
    // Replay the log to know the node and the offered choices at each turn, and the truth.
    let replayed = Call::replay_log(script, record.seed, &record.choices, &record.waits).ok();
    if let Some(call) = &replayed {
        for (i, (turn, state)) in call
            .turns()
            .iter()
            .zip(call.states_before_turns(script))
            .enumerate()
        {
            let node_id = script.node_id(turn.node);
            let node = sc.nodes.at(turn.node as usize).1;
            // In the order the player saw them (drawn from the seed in a shuffled scenario).
            let choices: Vec<Value> = script
                .shown_order(&state, record.seed, i)
                .into_iter()
                .map(|c| {
                    json!({
                        "id": format!("{node_id}-{}", c + 1),
                        "description": { "en-US": node.choices[c].say },
                    })
                })
                .collect();
            let line = &script.lines(&state)[turn.variant as usize];
            push(
                i + 1,
                "answered",
                json!({
                    "objectType": "Activity",
                    "id": format!("{activity}/nodes/{node_id}"),
                    "definition": {
                        "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                        "interactionType": "choice",
                        "description": { "en-US": line },
                        "choices": choices,
                    },
                }),
                Some(json!({
                    "response": format!("{node_id}-{}", turn.choice + 1),
                    "extensions": {
                        format!("{EXT}signal"): turn.signal.label(),
                        format!("{EXT}trust-before"): turn.trust_before,
                        format!("{EXT}trust-after"): turn.trust_after,
                        format!("{EXT}shown-at"): turn.shown,
                    },
                })),
                &record.finished_at,
            );
        }
    }
    let n = record.choices.len();
    // Passed: qualified at an ending that fits the call's truth (the score says the same).
    let success = record.outcome.is_qualified()
        && sc.endings.position(&record.ending).is_none_or(|e| {
            replayed
                .as_ref()
                .is_none_or(|c| peercall_dialogue::score::fits(script, e as u32, c.truth()))
        });
    let result = json!({
        "score": {
            "scaled": f64::from(record.score) / 100.0,
            "raw": record.score,
            "min": 0,
            "max": 100,
        },
        "success": success,
        "completion": true,
        "duration": iso_duration(record.duration_ms),
        "extensions": {
            format!("{EXT}ending"): record.ending,
            format!("{EXT}outcome"): record.outcome.label(),
        },
    });
    push(
        n + 1,
        "completed",
        scenario_object.clone(),
        Some(result.clone()),
        &record.finished_at,
    );
    push(
        n + 2,
        if success { "passed" } else { "failed" },
        scenario_object.clone(),
        Some(result),
        &record.finished_at,
    );
    push(
        n + 3,
        "terminated",
        scenario_object,
        None,
        &record.finished_at,
    );
    out
}

/// The statement that a certification was decided for its player: `passed` or `failed` for the
/// certification as a whole, with the overall score, the verification code of a pass and the
/// day it is valid until. `None` while the verdict is still open.
pub fn certification_statement(
    competition: &crate::competition::Competition,
    verdict: &crate::certification::Verdict,
    team: &str,
    home_page: &str,
    timestamp: &str,
) -> Option<Value> {
    use crate::certification::State;
    let success = match verdict.state {
        State::Passed | State::Expired => true,
        State::Failed => false,
        State::InProgress | State::Overdue => return None,
    };
    let base = home_page.trim_end_matches('/');
    let verb_name = if success { "passed" } else { "failed" };
    let mut extensions = json!({ format!("{EXT}team"): team });
    if let Some(code) = &verdict.code {
        extensions[format!("{EXT}verification-code")] = json!(code);
    }
    if let Some(until) = &verdict.valid_until {
        extensions[format!("{EXT}valid-until")] = json!(until);
    }
    let scaled = f64::from(verdict.overall.unwrap_or(0)) / 100.0;
    Some(json!({
        "id": stable_uuid(&["certification", &competition.id, &verdict.player, verb_name]),
        "actor": {
            "objectType": "Agent",
            "name": verdict.player,
            "account": { "homePage": home_page, "name": verdict.player },
        },
        "verb": verb(verb_name),
        "object": {
            "objectType": "Activity",
            "id": format!("{base}/certifications/{}", competition.id),
            "definition": {
                "type": "http://adlnet.gov/expapi/activities/assessment",
                "name": { "en-US": competition.name },
            },
        },
        "result": {
            "score": { "scaled": scaled, "raw": verdict.overall.unwrap_or(0), "min": 0, "max": 100 },
            "success": success,
            "completion": true,
        },
        "context": { "platform": "peercall", "extensions": extensions },
        "timestamp": timestamp,
    }))
}

/// Records a finished call and queues its statements in one transaction; `false` when the call
/// was already recorded.
pub fn record(
    store: &Store,
    record: &Record,
    script: &Script,
    home_page: &str,
) -> Result<bool, Error> {
    store.record_call(record, false, &statements(record, script, home_page))
}

/// [`record`], adding the call's missed decisions as the player's drills (due the day after
/// `now`), in the same transaction.
pub fn record_with_drills(
    store: &Store,
    record: &Record,
    script: &Script,
    home_page: &str,
    misses: &[peercall_dialogue::drill::Miss],
    now: SystemTime,
) -> Result<bool, Error> {
    let statements = statements(record, script, home_page);
    store.record_played(record, false, &statements, misses, now)
}

/// The home page for actors: from the LRS configuration, or the default.
pub fn home_page(config: Option<&LrsConfig>) -> String {
    config.map_or_else(default_home, |c| c.home_page.clone())
}

/// Keeps delivering the outbox in the background (a thread with its own connection): every
/// few seconds while statements wait, backing off while the LRS is down.
pub fn spawn_sender(db: PathBuf, config: LrsConfig) {
    crate::records::spawn_sender(db, "LRS", move |store| {
        deliver(store, &config, crate::clock::now()).map(|d| crate::records::Round {
            refused: d.refused,
            waiting: d.error,
        })
    });
}

/// Whether an LRS answer means the statement itself is wrong (a client error other than a
/// conflict, a time-out or too many requests), so retrying it as it is cannot help.
fn refused_as_invalid(status: u16) -> bool {
    (400..500).contains(&status) && !matches!(status, 401 | 403 | 404 | 408 | 409 | 429)
}

/// What one delivery attempt did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Delivery {
    /// Statements the LRS accepted (or already had).
    pub sent: usize,
    /// Statements still waiting (LRS unreachable or refusing).
    pub waiting: usize,
    /// Statements the LRS refused as invalid in this attempt, set aside with the reason.
    pub refused: usize,
    /// The last error, if any.
    pub error: Option<String>,
}

/// Sends every due statement in the outbox, oldest first; on failure each waits longer before
/// the next try (2 s, 4 s, ... up to 5 minutes). A statement the LRS already has counts as sent.
pub fn deliver(store: &Store, config: &LrsConfig, now: SystemTime) -> Result<Delivery, Error> {
    let agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(10)))
        .http_status_as_error(false)
        .build()
        .new_agent();
    let auth = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", config.username, config.password))
    );
    let now_s = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let mut d = Delivery::default();
    let outbox = store.outbox(Queue::Lrs);
    for Queued {
        id,
        payload: body,
        tries: attempts,
        ..
    } in outbox.due(now_s)?
    {
        let response = agent
            .post(&config.statements_url())
            .header("Authorization", &auth)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Content-Type", "application/json")
            .send(body.as_bytes());
        let ok = match response {
            Ok(r) if r.status().is_success() || r.status().as_u16() == 409 => true,
            Ok(mut r) if refused_as_invalid(r.status().as_u16()) => {
                // The LRS will never take this one as it is: set it aside with the reason and
                // go on with the rest.
                let status = r.status();
                let body = r.body_mut().read_to_string().unwrap_or_default();
                let why = crate::untrusted::clip(body.trim(), 300);
                let status = status.to_string();
                let reason = if why.is_empty() {
                    crate::words::say(
                        "core-lrs-refused-bare",
                        &[("status", status.as_str().into())],
                    )
                } else {
                    crate::words::say(
                        "core-lrs-refused",
                        &[
                            ("status", status.as_str().into()),
                            ("why", why.as_ref().into()),
                        ],
                    )
                };
                outbox.refused(&id, &reason)?;
                d.refused += 1;
                continue;
            }
            Ok(r) => {
                d.error = Some(crate::words::say(
                    "core-lrs-answered",
                    &[("status", r.status().to_string().into())],
                ));
                false
            }
            Err(e) => {
                d.error = Some(crate::words::say(
                    "core-lrs-unreachable",
                    &[("why", e.to_string().into())],
                ));
                false
            }
        };
        if ok {
            outbox.sent(&id)?;
            d.sent += 1;
        } else {
            let backoff = 2i64.saturating_pow((attempts + 1).min(8)).min(300);
            outbox.retry_later(&id, now_s + backoff)?;
            d.waiting += 1;
            // The LRS is down or refusing: stop for now, keep the order.
            break;
        }
    }
    d.waiting = outbox.waiting()? as usize;
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_stable_ids() {
        assert_eq!(iso_duration(390_000), "PT6M30S");
        assert_eq!(iso_duration(3_723_500), "PT1H2M3.500S");
        assert_eq!(iso_duration(0), "PT0S");
        assert_eq!(stable_uuid(&["x"]), stable_uuid(&["x"]));
        assert_ne!(stable_uuid(&["x"]), stable_uuid(&["y"]));
        assert_eq!(stable_uuid(&["x"]).len(), 36);
    }

    #[test]
    fn statements_say_which_language_the_call_was_played_in() {
        let (call, script) = crate::test_support::finished_demo_call();
        let script = &script;
        let now = crate::clock::now();
        let mut r = Record::of(&call, script, "Ute", "", now, now, None).unwrap();
        let lang = |r: &Record| {
            statements(r, script, "https://example.com")[0]["context"]["language"].clone()
        };
        assert_eq!(lang(&r), "en");
        r.lang = "de".into();
        assert_eq!(lang(&r), "de");
    }
}
