//! One recorded call: its fields, its id (a hash of its content), and the checks that it is
//! what it claims (every field validated, the choice log replayed through the scenario).

use std::time::{Duration, SystemTime};

use peercall_dialogue::{Call, Outcome, Script};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::Error;
use crate::words::say;

/// One finished call, as stored and exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Content id: the same call recorded twice has the same id.
    pub id: String,
    /// Player's display name.
    pub player: String,
    /// Player's team ("" for none).
    pub team: String,
    /// Scenario id.
    pub scenario: String,
    /// Hash of the scenario's content.
    pub scenario_hash: String,
    /// Seed of the call.
    pub seed: u64,
    /// The choice taken at each turn (index in its node).
    pub choices: Vec<u32>,
    /// Trust lost to impatience: (turns taken, points).
    #[serde(default)]
    pub waits: Vec<(u32, i32)>,
    /// Ending id.
    pub ending: String,
    /// Outcome kind.
    pub outcome: Outcome,
    /// Score 0-100.
    pub score: u32,
    /// Final trust.
    pub trust: i32,
    /// Person-days committed.
    pub days: f64,
    /// How long the call took.
    pub duration_ms: u64,
    /// When it started (RFC 3339, UTC).
    pub started_at: String,
    /// When it ended (RFC 3339, UTC).
    pub finished_at: String,
    /// Competition it was played under, if any.
    #[serde(default)]
    pub competition: Option<String>,
    /// The truth the call was in ("" in a scenario without truths, or recorded before they
    /// were).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub truth: String,
    /// Where each chosen line was shown among the choices (1-based), turn by turn; empty in
    /// records from before this was kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shown: Vec<u32>,
    /// The language the call was played in ("" for the scenario's own). The choices, the score
    /// and the verification are the same in every language.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lang: String,
}

impl Record {
    /// The record of a finished call; `None` while the call is still going.
    pub fn of(
        call: &Call,
        script: &Script,
        player: &str,
        team: &str,
        started: SystemTime,
        finished: SystemTime,
        competition: Option<&str>,
    ) -> Option<Record> {
        let finish = call.finish()?;
        let mut r = Record {
            id: String::new(),
            player: player.to_string(),
            team: team.to_string(),
            scenario: script.id().to_string(),
            scenario_hash: script.hash().to_string(),
            seed: call.seed(),
            choices: call.turns().iter().map(|t| t.choice).collect(),
            waits: call.waits().to_vec(),
            ending: script.ending_id(finish.ending).to_string(),
            outcome: call.outcome(script)?,
            score: call.score(script)?,
            trust: call.trust(),
            days: call.days(),
            duration_ms: finished
                .duration_since(started)
                .unwrap_or(Duration::ZERO)
                .as_millis() as u64,
            started_at: rfc3339(started),
            finished_at: rfc3339(finished),
            competition: competition.map(str::to_string),
            truth: truth_id(script, call),
            shown: call.turns().iter().map(|t| t.shown).collect(),
            lang: String::new(),
        };
        r.id = r.content_id();
        Some(r)
    }

    /// A hash of who played what, when, and how: the same call always gets the same id.
    pub fn content_id(&self) -> String {
        let mut h = Sha256::new();
        for part in [
            self.player.as_str(),
            &self.scenario_hash,
            &self.seed.to_string(),
            &format!("{:?}", self.choices),
            &format!("{:?}", self.waits),
            &self.started_at,
            self.competition.as_deref().unwrap_or(""),
        ] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        h.finalize()
            .iter()
            .take(16)
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Replays the choice log through `script` and checks that the ending, score, trust and
    /// person-days are what the record says. `Err` gives the reason.
    pub fn verify(&self, script: &Script) -> Result<(), Error> {
        self.replays(script).map_err(Error::Unverified)
    }

    fn replays(&self, script: &Script) -> Result<(), String> {
        if script.hash() != self.scenario_hash && script.legacy_hash() != self.scenario_hash {
            return Err(say(
                "core-rec-scenario-changed",
                &[("scenario", self.scenario.as_str().into())],
            ));
        }
        let call =
            Call::replay_log(script, self.seed, &self.choices, &self.waits).map_err(|e| {
                say(
                    "core-rec-no-replay",
                    &[(
                        "why",
                        e.msg().localized(crate::words::current().lang()).into(),
                    )],
                )
            })?;
        let Some(finish) = call.finish() else {
            return Err(say("core-rec-unfinished", &[]));
        };
        let ending = script.ending_id(finish.ending);
        let score = call.score(script).unwrap_or(0);
        if self.scenario != script.id() {
            return Err(say(
                "core-rec-other-scenario",
                &[
                    (
                        "named",
                        crate::untrusted::clip(&self.scenario, 64).as_ref().into(),
                    ),
                    ("actual", script.id().into()),
                ],
            ));
        }
        if call.outcome(script) != Some(self.outcome) {
            return Err(say(
                "core-rec-outcome",
                &[
                    (
                        "replayed",
                        call.outcome(script)
                            .map_or("-".to_string(), |o| crate::words::current().outcome(o))
                            .into(),
                    ),
                    (
                        "recorded",
                        crate::words::current().outcome(self.outcome).into(),
                    ),
                ],
            ));
        }
        if ending != self.ending {
            return Err(say(
                "core-rec-ending",
                &[
                    ("replayed", ending.into()),
                    (
                        "recorded",
                        crate::untrusted::clip(&self.ending, 64).as_ref().into(),
                    ),
                ],
            ));
        }
        if score != self.score || call.trust() != self.trust {
            return Err(say(
                "core-rec-score",
                &[
                    ("score", score.to_string().into()),
                    ("trust", call.trust().to_string().into()),
                    ("recorded_score", self.score.to_string().into()),
                    ("recorded_trust", self.trust.to_string().into()),
                ],
            ));
        }
        if (call.days() - self.days).abs() > 1e-6 {
            return Err(say(
                "core-rec-days",
                &[
                    ("replayed", call.days().to_string().into()),
                    ("recorded", self.days.to_string().into()),
                ],
            ));
        }
        if !self.truth.is_empty() && self.truth != truth_id(script, &call) {
            return Err(say(
                "core-rec-truth",
                &[
                    ("replayed", truth_id(script, &call).into()),
                    (
                        "recorded",
                        crate::untrusted::clip(&self.truth, 64).as_ref().into(),
                    ),
                ],
            ));
        }
        let shown: Vec<u32> = call.turns().iter().map(|t| t.shown).collect();
        if !self.shown.is_empty() && self.shown != shown {
            return Err(say("core-rec-shown", &[]));
        }
        if self.content_id() != self.id {
            return Err(say("core-rec-id", &[]));
        }
        Ok(())
    }
}

/// The id of the truth `call` is in ("" in a scenario without truths).
fn truth_id(script: &Script, call: &Call) -> String {
    let truths = &script.scenario().truths;
    if truths.is_empty() {
        String::new()
    } else {
        truths.at(call.truth() as usize).0.to_string()
    }
}

pub(crate) fn rfc3339(t: SystemTime) -> String {
    humantime::format_rfc3339_millis(t).to_string()
}

/// Longest call a result may claim (a day).
pub const MAX_CALL_MS: u64 = 24 * 60 * 60 * 1000;
/// Most turns (and patience losses) a result may hold.
pub const MAX_TURNS: usize = 10_000;
/// Largest export file read.
pub const MAX_EXPORT_BYTES: u64 = 512 << 20;

/// Checks the fields of an imported result that the replay cannot recompute: names, dates,
/// duration, sizes and the id. A replay proves that the call is possible, not who played it.
pub fn validate(r: &Record) -> Result<(), Error> {
    check_fields(r).map_err(Error::Invalid)
}

fn check_fields(r: &Record) -> Result<(), String> {
    let player = crate::untrusted::name(&say("core-rec-the-player", &[]), &r.player, false)?;
    if player != r.player {
        return Err(say("core-rec-player-spaces", &[]));
    }
    let team = crate::untrusted::name(&say("core-rec-the-team", &[]), &r.team, true)?;
    if team != r.team {
        return Err(say("core-rec-team-spaces", &[]));
    }
    if r.scenario.is_empty() || r.scenario.len() > 64 || r.scenario.chars().any(char::is_control) {
        return Err(say("core-rec-scenario-id", &[]));
    }
    if r.choices.len() > MAX_TURNS || r.waits.len() > MAX_TURNS {
        return Err(say(
            "core-rec-turns",
            &[("max", MAX_TURNS.to_string().into())],
        ));
    }
    if r.waits
        .iter()
        .any(|&(turn, points)| points <= 0 || points > 1000 || turn as usize > r.choices.len())
    {
        return Err(say("core-rec-patience", &[]));
    }
    if let Some(c) = &r.competition {
        crate::competition::valid_id(c)
            .map_err(|e| say("core-competition-id", &[("why", e.to_string().into())]))?;
    }
    if !r.lang.is_empty() && !crate::i18n::valid_lang(&r.lang) {
        return Err(say(
            "core-rec-lang",
            &[("lang", crate::untrusted::clip(&r.lang, 20).as_ref().into())],
        ));
    }
    if r.duration_ms > MAX_CALL_MS {
        return Err(say(
            "core-rec-too-long",
            &[("hours", (r.duration_ms / 3_600_000).to_string().into())],
        ));
    }
    let when = |key: &str, t: &str| {
        humantime::parse_rfc3339(t).map_err(|e| {
            say(
                key,
                &[
                    ("time", crate::untrusted::clip(t, 40).as_ref().into()),
                    ("why", e.to_string().into()),
                ],
            )
        })
    };
    let started = when("core-rec-start", &r.started_at)?;
    let finished = when("core-rec-end", &r.finished_at)?;
    let earliest = humantime::parse_rfc3339("2020-01-01T00:00:00Z").expect("a date");
    let latest = crate::clock::now() + Duration::from_secs(24 * 3600);
    if started < earliest || finished > latest {
        return Err(say("core-rec-dates", &[]));
    }
    let took = finished
        .duration_since(started)
        .map_err(|_| say("core-rec-backwards", &[]))?;
    if (took.as_millis() as i128 - r.duration_ms as i128).abs() > 2_000 {
        return Err(say("core-rec-duration", &[]));
    }
    Ok(())
}
