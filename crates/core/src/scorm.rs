//! SCORM 1.2 and 2004: the game as a SCO. What the LMS's API said at launch (checked as
//! untrusted input), the state that lets a call interrupted mid-way resume where it stopped,
//! and the data model values a call in progress and a finished call set, in each version's
//! names.

use serde::{Deserialize, Serialize};

use crate::records::Record;
use crate::words::say;

/// The SCORM versions a package is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// SCORM 1.2 (the API object `API`, `LMSInitialize` ...).
    V12,
    /// SCORM 2004 4th edition (the API object `API_1484_11`, `Initialize` ...).
    V2004,
}

impl Version {
    /// The version from its name on the command line or in the page: `1.2` or `2004`.
    pub fn parse(s: &str) -> Option<Version> {
        match s {
            "1.2" | "12" => Some(Version::V12),
            "2004" => Some(Version::V2004),
            _ => None,
        }
    }

    /// Its name, as [`Version::parse`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Version::V12 => "1.2",
            Version::V2004 => "2004",
        }
    }

    /// The longest suspend state the version's LMSs must keep (characters).
    pub fn max_suspend(self) -> usize {
        match self {
            Version::V12 => 4096,
            Version::V2004 => 64_000,
        }
    }

    fn el(self, v12: &'static str, v2004: &'static str) -> &'static str {
        match self {
            Version::V12 => v12,
            Version::V2004 => v2004,
        }
    }
}

/// How the LMS launched the SCO.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The learner's attempt: everything is recorded.
    Normal,
    /// A look without credit: nothing is judged.
    Browse,
    /// Looking back at a finished attempt: nothing is changed.
    Review,
}

/// What the page read from the LMS's API before the game started (`web/scorm.js`), as JSON.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Read {
    /// `1.2` or `2004`.
    pub version: String,
    /// The learner's id in the LMS.
    #[serde(default)]
    pub learner_id: String,
    /// The learner's name ("Last, First" by SCORM's convention).
    #[serde(default)]
    pub learner_name: String,
    /// `normal`, `browse` or `review`.
    #[serde(default)]
    pub mode: String,
    /// The suspend state the SCO left last time, if any.
    #[serde(default)]
    pub suspend: String,
    /// The mastery score as the LMS gives it: 0 to 100 (1.2) or a scaled score (2004); may be
    /// empty.
    #[serde(default)]
    pub mastery: String,
    /// The learner's language preference, may be empty.
    #[serde(default)]
    pub lang: String,
}

/// A launch, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Launch {
    /// The version of the LMS's API.
    pub version: Version,
    /// The learner's name as the game shows it ("First Last"), else their id.
    pub learner: String,
    /// How the LMS launched the SCO.
    pub mode: Mode,
    /// The scaled score (0 to 1) that passes, if the LMS sets one.
    pub mastery: Option<f64>,
    /// The call to resume, if one was interrupted.
    pub resume: Option<Suspended>,
    /// The learner's language (its first subtag, lowercase), if the LMS knows it.
    pub lang: Option<String>,
}

/// Longest learner id or name read.
const MAX_NAME: usize = 255;

impl Launch {
    /// Checks what the page read. An unreadable suspend state is dropped (the call starts
    /// afresh), not an error: the learner must not be locked out by the LMS's stored text.
    pub fn check(read: &Read) -> Result<Launch, String> {
        let bad = |name: &str| say("core-scorm-bad", &[("name", name.to_string().into())]);
        let version = Version::parse(&read.version).ok_or_else(|| bad("version"))?;
        let clean = |s: &str| -> String {
            crate::untrusted::clip(s.trim(), MAX_NAME)
                .chars()
                .filter(|c| !c.is_control())
                .collect()
        };
        let id = clean(&read.learner_id);
        let name = clean(&read.learner_name);
        // "Last, First" reads as "First Last"; any other form is kept as given.
        let shown = match name.split_once(',') {
            Some((last, first)) if !first.contains(',') && !first.trim().is_empty() => {
                format!("{} {}", first.trim(), last.trim())
            }
            _ => name.clone(),
        };
        let learner = if shown.trim().is_empty() { id } else { shown };
        if learner.is_empty() {
            return Err(bad("learner"));
        }
        let mode = match read.mode.as_str() {
            "" | "normal" => Mode::Normal,
            "browse" => Mode::Browse,
            "review" => Mode::Review,
            _ => return Err(bad("mode")),
        };
        let mastery = match read.mastery.trim() {
            "" => None,
            m => {
                let v: f64 = m.parse().map_err(|_| bad("mastery"))?;
                let scaled = match version {
                    Version::V12 => v / 100.0,
                    Version::V2004 => v,
                };
                if !scaled.is_finite() || !(0.0..=1.0).contains(&scaled) {
                    return Err(bad("mastery"));
                }
                Some(scaled)
            }
        };
        let resume = if read.suspend.len() > version.max_suspend() {
            None
        } else {
            Suspended::parse(&read.suspend)
        };
        let lang = read
            .lang
            .split(['-', '_', ','])
            .next()
            .map(|l| l.trim().to_lowercase())
            .filter(|l| {
                !l.is_empty() && l.len() <= 8 && l.chars().all(|c| c.is_ascii_alphabetic())
            });
        Ok(Launch {
            version,
            learner,
            mode,
            mastery,
            resume,
            lang,
        })
    }
}

/// A call interrupted mid-way: enough to play it again to where it stopped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suspended {
    /// The format's version (1).
    pub v: u32,
    /// The scenario's id.
    pub scenario: String,
    /// The call's seed.
    pub seed: u64,
    /// The answers given, in order.
    pub choices: Vec<u32>,
    /// The patience lost before an answer: (turn, trust lost).
    #[serde(default)]
    pub waits: Vec<(u32, i32)>,
}

/// Most answers a suspend state holds (no call is anywhere near this long).
const MAX_TURNS: usize = 500;

impl Suspended {
    /// The state as the LMS keeps it (`cmi.suspend_data`).
    pub fn text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a kept state; `None` when it is empty, not ours or out of bounds.
    pub fn parse(text: &str) -> Option<Suspended> {
        let s: Suspended = serde_json::from_str(text).ok()?;
        let ok = s.v == 1
            && !s.scenario.is_empty()
            && s.scenario.len() <= 200
            && s.choices.len() <= MAX_TURNS
            && s.waits.len() <= MAX_TURNS;
        ok.then_some(s)
    }
}

/// One data model value to set: the element and its value.
pub type Value = (&'static str, String);

/// The SCO's side of a session: what it sets as the call goes on and when it ends.
#[derive(Debug, Clone)]
pub struct Session {
    launch: Launch,
    /// The best finished call of this session (score, passed), so that a worse call played
    /// after it does not lower what the LMS records.
    best: Option<(u32, bool)>,
}

impl Session {
    /// A session of `launch`.
    pub fn new(launch: Launch) -> Session {
        Session { launch, best: None }
    }

    /// The launch.
    pub fn launch(&self) -> &Launch {
        &self.launch
    }

    /// What to set after each answer of a call in progress: the suspend state, where the
    /// learner is, and that the SCO is to be resumed if the window closes now. Nothing in
    /// Review mode, nor when the state is longer than the LMS keeps.
    pub fn in_call(&self, state: &Suspended) -> Vec<Value> {
        let v = self.launch.version;
        let text = state.text();
        if self.launch.mode == Mode::Review || text.len() > v.max_suspend() {
            return Vec::new();
        }
        let mut out = vec![
            ("cmi.suspend_data", text),
            (
                v.el("cmi.core.lesson_location", "cmi.location"),
                format!("{}/{}", state.scenario, state.choices.len()),
            ),
            (v.el("cmi.core.exit", "cmi.exit"), "suspend".into()),
        ];
        if self.best.is_none() && self.launch.mode == Mode::Normal {
            out.push((
                v.el("cmi.core.lesson_status", "cmi.completion_status"),
                "incomplete".into(),
            ));
        }
        out
    }

    /// What to set when a call ends: completion, success against the mastery score (else
    /// peercall's own judgement of the call), the score, and the suspend state cleared. The
    /// best call of the session is what counts. Browse mode records only that the learner
    /// looked (1.2's `browsed`); Review mode changes nothing.
    pub fn finished(&mut self, record: &Record) -> Vec<Value> {
        let v = self.launch.version;
        let cleared = [
            ("cmi.suspend_data", String::new()),
            (
                v.el("cmi.core.exit", "cmi.exit"),
                v.el("", "normal").to_string(),
            ),
        ];
        match self.launch.mode {
            Mode::Review => return Vec::new(),
            Mode::Browse => {
                let mut out = cleared.to_vec();
                if v == Version::V12 {
                    out.push(("cmi.core.lesson_status", "browsed".into()));
                }
                return out;
            }
            Mode::Normal => {}
        }
        let score = record.score.min(100);
        let passed = match self.launch.mastery {
            Some(m) => f64::from(score) / 100.0 + 1e-9 >= m,
            None => record.outcome.is_qualified(),
        };
        let (score, passed) = match self.best {
            Some((s, p)) if (p, s) >= (passed, score) => (s, p),
            _ => (score, passed),
        };
        self.best = Some((score, passed));
        let mut out = cleared.to_vec();
        match v {
            Version::V12 => {
                // 1.2 has one status: passed or failed where a mastery score judges, else
                // completed (the LMS then judges by the score, if it can).
                let status = match (self.launch.mastery, passed) {
                    (None, _) => "completed",
                    (Some(_), true) => "passed",
                    (Some(_), false) => "failed",
                };
                out.extend([
                    ("cmi.core.score.min", "0".into()),
                    ("cmi.core.score.max", "100".into()),
                    ("cmi.core.score.raw", score.to_string()),
                    ("cmi.core.lesson_status", status.into()),
                ]);
            }
            Version::V2004 => out.extend([
                ("cmi.score.min", "0".into()),
                ("cmi.score.max", "100".into()),
                ("cmi.score.raw", score.to_string()),
                ("cmi.score.scaled", scaled(score)),
                ("cmi.completion_status", "completed".into()),
                (
                    "cmi.success_status",
                    if passed { "passed" } else { "failed" }.into(),
                ),
            ]),
        }
        out
    }
}

/// A score of 0 to 100 as SCORM 2004's scaled score, as its shortest decimal.
fn scaled(score: u32) -> String {
    (f64::from(score.min(100)) / 100.0).to_string()
}

#[cfg(test)]
#[path = "scorm_tests.rs"]
mod tests;
