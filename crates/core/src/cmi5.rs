//! cmi5: the game as an assignable unit an LMS launches. The launch parameters and the LMS's
//! launch data, checked as untrusted input; and a session that words the cmi5-defined
//! statements in the order the specification sets (initialized first, terminated last, at most
//! one completed and one passed per registration, never failed after passed, nothing judged
//! outside Normal mode), each with the LMS's context template, beside peercall's own `answered`
//! statements.

use std::time::SystemTime;

use peercall_dialogue::Script;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::records::Record;
use crate::words::say;

const VERBS: &str = "http://adlnet.gov/expapi/verbs/";
const CMI5_CATEGORY: &str = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
const MOVEON_CATEGORY: &str = "https://w3id.org/xapi/cmi5/context/categories/moveon";
const SESSION_ID: &str = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
const MASTERY_SCORE: &str = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
/// The state document the LMS writes before a launch.
pub const LAUNCH_DATA: &str = "LMS.LaunchData";
/// The agent profile holding the learner's preferences.
pub const LEARNER_PREFERENCES: &str = "cmi5LearnerPreferences";
/// The AU's own state document: what it has sent in this registration.
pub const OWN_STATE: &str = "peercall.cmi5";
/// Longest launch parameter read.
const MAX_PARAM: usize = 4096;

/// What the LMS puts in the launch URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Launch {
    /// The LRS's base URL.
    pub endpoint: String,
    /// Where the AU fetches its authorization token, once.
    pub fetch: String,
    /// The learner, as an xAPI Agent.
    pub actor: Value,
    /// The registration (a UUID).
    pub registration: String,
    /// The AU's activity id.
    #[serde(rename = "activityId")]
    pub activity_id: String,
}

impl Launch {
    /// The launch parameters from a URL's query (`key`, decoded `value` pairs); `None` when the
    /// page was not launched by an LMS (no `endpoint` and no `fetch`), `Err` naming the
    /// parameter that is missing or malformed.
    pub fn from_query<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Option<Result<Launch, String>> {
        let mut got = std::collections::HashMap::new();
        for (k, v) in pairs {
            if matches!(
                k,
                "endpoint" | "fetch" | "actor" | "registration" | "activityId"
            ) {
                got.insert(k, v);
            }
        }
        if !got.contains_key("endpoint") && !got.contains_key("fetch") {
            return None;
        }
        Some(Launch::checked(&got))
    }

    fn checked(got: &std::collections::HashMap<&str, &str>) -> Result<Launch, String> {
        let field = |k: &str| -> Result<String, String> {
            let v = got
                .get(k)
                .filter(|v| !v.trim().is_empty())
                .ok_or_else(|| say("core-cmi5-missing", &[("name", k.into())]))?;
            if v.len() > MAX_PARAM || v.chars().any(char::is_control) {
                return Err(say("core-cmi5-bad", &[("name", k.into())]));
            }
            Ok(v.to_string())
        };
        let url = |k: &str| -> Result<String, String> {
            let v = field(k)?;
            if v.starts_with("https://") || v.starts_with("http://") {
                Ok(v)
            } else {
                Err(say("core-cmi5-bad", &[("name", k.into())]))
            }
        };
        let actor: Value = serde_json::from_str(&field("actor")?)
            .map_err(|_| say("core-cmi5-bad", &[("name", "actor".into())]))?;
        let named =
            actor["account"]["name"].is_string() && actor["account"]["homePage"].is_string();
        if !actor.is_object() || !named {
            return Err(say("core-cmi5-bad", &[("name", "actor".into())]));
        }
        let registration = field("registration")?;
        if !is_uuid(&registration) {
            return Err(say("core-cmi5-bad", &[("name", "registration".into())]));
        }
        Ok(Launch {
            endpoint: url("endpoint")?,
            fetch: url("fetch")?,
            actor,
            registration,
            activity_id: field("activityId")?,
        })
    }

    /// The learner's name, for the records (the account's name: an LMS's learner id).
    pub fn learner(&self) -> String {
        let name = self.actor["name"]
            .as_str()
            .or_else(|| self.actor["account"]["name"].as_str())
            .unwrap_or("learner");
        crate::untrusted::clip(name.trim(), 64).into_owned()
    }
}

/// Whether `s` is a UUID in its usual text form.
fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// How the LMS launched the AU.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LaunchMode {
    /// The learner is credited: completed, passed and failed are sent.
    Normal,
    /// Looking around, not credited.
    Browse,
    /// Looking back, not credited.
    Review,
}

/// What the LMS requires to move on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoveOn {
    /// Passed.
    Passed,
    /// Completed.
    Completed,
    /// Completed and passed.
    CompletedAndPassed,
    /// Completed or passed.
    CompletedOrPassed,
    /// Nothing.
    NotApplicable,
}

/// The LMS's `LMS.LaunchData` state document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LaunchData {
    /// Merged into every statement's context.
    pub context_template: Value,
    /// Normal, Browse or Review.
    pub launch_mode: LaunchMode,
    /// The scaled score (0 to 1) that passes, if the LMS sets one.
    #[serde(default)]
    pub mastery_score: Option<f64>,
    /// What the LMS needs to move on.
    #[serde(default = "not_applicable")]
    pub move_on: MoveOn,
    /// Where the learner goes when the AU is done.
    #[serde(default, alias = "returnUrl")]
    pub return_url: Option<String>,
    /// The course's parameters for this AU.
    #[serde(default)]
    pub launch_parameters: Option<String>,
}

fn not_applicable() -> MoveOn {
    MoveOn::NotApplicable
}

impl LaunchData {
    /// Reads the launch data document, checking what the session relies on: a context template
    /// with a session id, a mastery score between 0 and 1, an http(s) return URL.
    pub fn parse(text: &str) -> Result<LaunchData, String> {
        if text.len() > 64 << 10 {
            return Err(say("core-cmi5-bad", &[("name", LAUNCH_DATA.into())]));
        }
        let d: LaunchData = serde_json::from_str(text).map_err(|e| {
            say(
                "core-cmi5-launch-data",
                &[(
                    "why",
                    crate::untrusted::clip(&e.to_string(), 200).as_ref().into(),
                )],
            )
        })?;
        if !d.context_template["extensions"][SESSION_ID].is_string() {
            return Err(say("core-cmi5-bad", &[("name", "sessionid".into())]));
        }
        if d.mastery_score.is_some_and(|m| !(0.0..=1.0).contains(&m)) {
            return Err(say("core-cmi5-bad", &[("name", "masteryScore".into())]));
        }
        if d.return_url
            .as_deref()
            .is_some_and(|u| !(u.starts_with("https://") || u.starts_with("http://")))
        {
            return Err(say("core-cmi5-bad", &[("name", "returnURL".into())]));
        }
        Ok(d)
    }
}

/// What the AU has sent in this registration (kept in its own state document, so that a second
/// session does not send completed or passed again).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sent {
    /// A completed statement was sent.
    pub completed: bool,
    /// A passed statement was sent.
    pub passed: bool,
}

/// One launch of the AU: the statements it sends, in order.
#[derive(Debug, Clone)]
pub struct Session {
    launch: Launch,
    data: LaunchData,
    /// What was sent in this registration, this session included.
    pub sent: Sent,
    failed: bool,
    started: SystemTime,
    count: u64,
    terminated: bool,
}

impl Session {
    /// A session launched with `launch` and `data`, after `sent` in earlier sessions.
    pub fn new(launch: Launch, data: LaunchData, sent: Sent, started: SystemTime) -> Session {
        Session {
            launch,
            data,
            sent,
            failed: false,
            started,
            count: 0,
            terminated: false,
        }
    }

    /// The launch.
    pub fn launch(&self) -> &Launch {
        &self.launch
    }

    /// The launch data.
    pub fn data(&self) -> &LaunchData {
        &self.data
    }

    fn session_id(&self) -> &str {
        self.data.context_template["extensions"][SESSION_ID]
            .as_str()
            .unwrap_or_default()
    }

    /// A new statement id, the same for the same session and place (a statement sent again
    /// after a failed request is not counted twice).
    fn next_id(&mut self) -> String {
        self.count += 1;
        crate::xapi::stable_uuid(&[
            "cmi5",
            &self.launch.registration,
            self.session_id(),
            &self.count.to_string(),
        ])
    }

    /// The context: the LMS's template, the registration, and for a cmi5-defined statement
    /// the cmi5 category (with `moveon` for completed, passed and failed).
    fn context(&self, defined: bool, moveon: bool) -> Value {
        let mut c = self.data.context_template.clone();
        if !c.is_object() {
            c = json!({});
        }
        c["registration"] = json!(self.launch.registration);
        if defined {
            let mut cats = vec![json!({ "id": CMI5_CATEGORY })];
            if moveon {
                cats.push(json!({ "id": MOVEON_CATEGORY }));
            }
            if !c["contextActivities"].is_object() {
                c["contextActivities"] = json!({});
            }
            let mut existing = c["contextActivities"]["category"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            existing.extend(cats);
            c["contextActivities"]["category"] = Value::Array(existing);
        }
        c
    }

    fn statement(
        &mut self,
        verb: &str,
        result: Option<Value>,
        moveon: bool,
        at: SystemTime,
    ) -> Value {
        let id = self.next_id();
        let mut s = json!({
            "id": id,
            "actor": self.launch.actor,
            "verb": { "id": format!("{VERBS}{verb}"), "display": { "en-US": verb } },
            "object": { "objectType": "Activity", "id": self.launch.activity_id },
            "context": self.context(true, moveon),
            "timestamp": humantime::format_rfc3339_millis(at).to_string(),
        });
        if let Some(r) = result {
            s["result"] = r;
        }
        s
    }

    /// The first statement of the session.
    pub fn initialized(&mut self, at: SystemTime) -> Value {
        self.statement("initialized", None, false, at)
    }

    /// The statements of a finished call: peercall's `answered`, one per turn (cmi5 allowed:
    /// the context template without the cmi5 category), then, in Normal mode, completed (once
    /// per registration) and passed or failed, judged against the mastery score (once passed,
    /// neither again; failed at most once per session). Nothing after terminated.
    pub fn finished(&mut self, record: &Record, script: &Script, home_page: &str) -> Vec<Value> {
        if self.terminated {
            return Vec::new();
        }
        let mut out = Vec::new();
        for mut s in crate::xapi::statements(record, script, home_page)
            .into_iter()
            .filter(|s| s["verb"]["id"] == format!("{VERBS}answered"))
        {
            s["id"] = json!(self.next_id());
            s["actor"] = self.launch.actor.clone();
            let ours = s["context"]["extensions"].clone();
            s["context"] = self.context(false, false);
            if let Some(map) = ours.as_object() {
                for (k, v) in map {
                    s["context"]["extensions"][k] = v.clone();
                }
            }
            out.push(s);
        }
        if self.data.launch_mode != LaunchMode::Normal {
            return out;
        }
        let at = humantime::parse_rfc3339(&record.finished_at).unwrap_or(self.started);
        let duration = crate::xapi::iso_duration(record.duration_ms);
        if !self.sent.completed {
            self.sent.completed = true;
            out.push(self.statement(
                "completed",
                Some(json!({ "completion": true, "duration": duration })),
                true,
                at,
            ));
        }
        let scaled = f64::from(record.score) / 100.0;
        // Against the LMS's mastery score; without one, peercall's own judgement of the call.
        let success = match self.data.mastery_score {
            Some(m) => scaled + 1e-9 >= m,
            None => record.outcome.is_qualified(),
        };
        if self.sent.passed || (!success && self.failed) {
            return out;
        }
        let verb = if success { "passed" } else { "failed" };
        let mut s = self.statement(
            verb,
            Some(json!({
                "score": { "scaled": scaled, "raw": record.score, "min": 0, "max": 100 },
                "success": success,
                "duration": duration,
            })),
            true,
            at,
        );
        if let Some(m) = self.data.mastery_score {
            s["context"]["extensions"][MASTERY_SCORE] = json!(m);
        }
        if success {
            self.sent.passed = true;
        } else {
            self.failed = true;
        }
        out.push(s);
        out
    }

    /// The last statement of the session, with how long it lasted; `None` if it was sent.
    pub fn terminated(&mut self, at: SystemTime) -> Option<Value> {
        if self.terminated {
            return None;
        }
        self.terminated = true;
        let ms = at
            .duration_since(self.started)
            .map_or(0, |d| d.as_millis() as u64);
        Some(self.statement(
            "terminated",
            Some(json!({ "duration": crate::xapi::iso_duration(ms) })),
            false,
            at,
        ))
    }
}

#[cfg(test)]
#[path = "cmi5_tests.rs"]
mod tests;
