//! Certification: a competition that judges each player passed or failed. Its rules (pass marks
//! per call and overall, rules on the signals sent, a due date, how long a pass is valid), the
//! verdict drawn from a player's results (each replayed, each seed checked against the fair
//! seeds), and the certificate's verification code, which anyone can recompute.

use std::time::{Duration, SystemTime};

use peercall_dialogue::{Call, Script, Signal};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::competition::{Competition, date, player_seed};
use crate::records::Record;
use crate::words::say;

/// Most signal rules in one certification.
pub const MAX_RULES: usize = 20;
/// Longest a pass may be valid (ten years).
pub const MAX_VALID_DAYS: u32 = 3660;

/// What makes a competition a certification (its `certification` field).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    /// Overall pass mark (0-100): the mean of the calls' counted scores must reach it.
    pub pass: u32,
    /// Each call's pass mark, unless the call names its own (`pass` in its entry); default 0.
    #[serde(default)]
    pub call_pass: u32,
    /// Rules every counted call must keep, on the signals its lines sent.
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// The day (YYYY-MM-DD, UTC) by which a player should have passed: after it, a player who
    /// has not is overdue.
    #[serde(default)]
    pub due: Option<String>,
    /// Days a pass stays valid, from the day of the last counted call (none: for ever).
    #[serde(default)]
    pub valid_days: Option<u32>,
}

/// A rule on the signals of one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// No line that commits resources before the first line that proposes a peer contract.
    PeerContractBeforeResources,
    /// At least this many lines sending this signal.
    AtLeast(Signal, u32),
    /// At most this many lines sending this signal.
    AtMost(Signal, u32),
}

impl Rule {
    /// The rule in words, in the current language.
    pub fn describe(self) -> String {
        let w = crate::words::current();
        match self {
            Rule::PeerContractBeforeResources => w.t("core-cert-rule-order"),
            Rule::AtLeast(s, n) => w.f(
                "core-cert-rule-at-least",
                &[("signal", w.signal(s).into()), ("n", n.into())],
            ),
            Rule::AtMost(s, n) => w.f(
                "core-cert-rule-at-most",
                &[("signal", w.signal(s).into()), ("n", n.into())],
            ),
        }
    }

    /// Whether the signals of a call's lines, in order, keep the rule; `Err` says how they
    /// broke it, in the current language.
    pub fn judge(self, signals: &[Signal]) -> Result<(), String> {
        let count = |s: Signal| signals.iter().filter(|&&x| x == s).count() as u32;
        match self {
            Rule::PeerContractBeforeResources => {
                let contract = signals.iter().position(|&s| s == Signal::PeerContract);
                match signals.iter().position(|&s| s == Signal::CommitResources) {
                    Some(commit) if contract.is_none_or(|c| commit < c) => Err(say(
                        "core-cert-broke-order",
                        &[("turn", (commit + 1).to_string().into())],
                    )),
                    _ => Ok(()),
                }
            }
            Rule::AtLeast(s, n) if count(s) < n => {
                Err(say("core-cert-broke-count", &[("count", count(s).into())]))
            }
            Rule::AtMost(s, n) if count(s) > n => {
                Err(say("core-cert-broke-count", &[("count", count(s).into())]))
            }
            _ => Ok(()),
        }
    }
}

/// The end of day `day` (YYYY-MM-DD): midnight UTC after it.
fn end_of(day: &str) -> Option<SystemTime> {
    date(day).map(|t| t + Duration::from_secs(86_400))
}

/// A rule a counted call broke.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Broken {
    /// The rule, in words.
    pub rule: String,
    /// How the call broke it.
    pub why: String,
}

/// One call of a certification, judged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallVerdict {
    /// The scenario.
    pub scenario: String,
    /// Its pass mark.
    pub pass: u32,
    /// Attempts made (results counted).
    pub attempts: u32,
    /// Attempts still open (0 once the call is passed).
    pub left: u32,
    /// The result that counts: the first that passed, or else the best.
    pub counted: Option<Record>,
    /// Whether the counted result reached the pass mark and kept every rule.
    pub passed: bool,
    /// The rules the counted result broke.
    pub broken: Vec<Broken>,
    /// Results left out, with the reason (a replay that does not hold, a seed that is not one
    /// of the player's fair seeds, a result outside the window or beyond the attempts).
    pub refused: Vec<(String, String)>,
}

/// Where a player stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Calls are left to play and the due date has not passed.
    InProgress,
    /// Calls are left to play, after the due date.
    Overdue,
    /// Every call passed, and the overall mark too; still valid.
    Passed,
    /// Passed, but longer ago than the pass is valid.
    Expired,
    /// No attempt left can make it a pass, or the window closed before it was.
    Failed,
}

/// A player's verdict in a certification.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// The certification (competition) id.
    pub certification: String,
    /// The player.
    pub player: String,
    /// Each call, in the file's order.
    pub calls: Vec<CallVerdict>,
    /// Mean of the counted scores, once every call has one.
    pub overall: Option<u32>,
    /// The overall pass mark.
    pub pass: u32,
    /// Where the player stands.
    pub state: State,
    /// When the pass was earned (the last counted call's end, RFC 3339).
    pub passed_at: Option<String>,
    /// Until when the pass is valid (RFC 3339), if it expires.
    pub valid_until: Option<String>,
    /// The verification code of the certificate (a pass, valid or expired).
    pub code: Option<String>,
}

impl Verdict {
    /// Whether the player holds a pass (valid or expired).
    pub fn earned(&self) -> bool {
        matches!(self.state, State::Passed | State::Expired)
    }

    /// The verdict in words, line by line, with each line's depth (0: the state, the overall
    /// score and the code; 1: a call; 2: what a call broke or what was not counted). The
    /// terminal, the game and the hub show these same lines.
    pub fn lines(&self, w: &crate::words::Words) -> Vec<(u8, String)> {
        let mut head = w.f(
            "cert-verdict",
            &[
                ("state", w.t(self.state.key()).into()),
                (
                    "overall",
                    self.overall.map_or("-".into(), |o| o.to_string()).into(),
                ),
                ("pass", self.pass.into()),
            ],
        );
        if let Some(code) = &self.code {
            head.push_str(&format!(
                "  {}",
                w.f("cert-code", &[("code", code.as_str().into())])
            ));
        }
        let mut out = vec![(0, head)];
        if let Some(until) = &self.valid_until {
            let day: String = until.chars().take(10).collect();
            out.push((0, w.f("cli-certify-until", &[("date", day.into())])));
        }
        for c in &self.calls {
            let word = if c.passed {
                "cert-call-passed"
            } else if c.left > 0 {
                "cert-call-open"
            } else {
                "cert-call-failed"
            };
            let score = c
                .counted
                .as_ref()
                .map_or("-".to_string(), |r| r.score.to_string());
            out.push((
                1,
                format!(
                    "{}: {score}/{} {}",
                    c.scenario,
                    c.pass,
                    w.f(
                        word,
                        &[("attempts", c.attempts.into()), ("left", c.left.into())]
                    )
                ),
            ));
            for b in &c.broken {
                out.push((2, format!("• {}: {}", b.rule, b.why)));
            }
            for (id, why) in &c.refused {
                let id: String = id.chars().take(12).collect();
                out.push((
                    2,
                    w.f(
                        "cli-certify-refused",
                        &[("id", id.into()), ("why", why.as_str().into())],
                    ),
                ));
            }
        }
        out
    }
}

impl State {
    /// The message id of the state's word.
    pub fn key(self) -> &'static str {
        match self {
            State::InProgress => "cert-state-in-progress",
            State::Overdue => "cert-state-overdue",
            State::Passed => "cert-state-passed",
            State::Expired => "cert-state-expired",
            State::Failed => "cert-state-failed",
        }
    }
}

/// The signals of a recorded call's lines, in order, by replaying it through `script`; `Err`
/// says why it does not replay to what it claims.
pub fn signals(record: &Record, script: &Script) -> Result<Vec<Signal>, String> {
    crate::records::validate(record).map_err(|e| e.to_string())?;
    record.verify(script).map_err(|e| e.to_string())?;
    let call = Call::replay_log(script, record.seed, &record.choices, &record.waits)
        .map_err(|e| e.msg().localized(crate::words::current().lang()))?;
    Ok(call.turns().iter().map(|t| t.signal).collect())
}

/// Judges `player` in certification `competition` at time `now`, from `results` (anyone's:
/// only this player's results in this competition are read), against the scenarios `scripts`
/// (by id). `None` when the competition is not a certification.
pub fn judge(
    competition: &Competition,
    scripts: &[&Script],
    results: &[Record],
    player: &str,
    now: SystemTime,
) -> Option<Verdict> {
    let cert = competition.certification.as_ref()?;
    let opens = competition.starts.as_deref().and_then(date);
    let closes = competition.ends.as_deref().and_then(end_of);
    let mut calls = Vec::new();
    for entry in &competition.scenarios {
        let pass = entry.pass.unwrap_or(cert.call_pass);
        let mut v = CallVerdict {
            scenario: entry.id.clone(),
            pass,
            attempts: 0,
            left: competition.attempts,
            counted: None,
            passed: false,
            broken: Vec::new(),
            refused: Vec::new(),
        };
        let script = scripts.iter().find(|s| s.id() == entry.id);
        let mut mine: Vec<&Record> = results
            .iter()
            .filter(|r| {
                r.player == player
                    && r.scenario == entry.id
                    && r.competition.as_deref() == Some(competition.id.as_str())
            })
            .collect();
        mine.sort_by(|a, b| a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id)));
        mine.dedup_by(|a, b| a.id == b.id);
        let fair: Vec<u64> = script.map_or_else(Vec::new, |s| {
            (0..competition.attempts)
                .map(|a| player_seed(&competition.id, s, entry.seed, player, a))
                .collect()
        });
        let mut used_seeds = Vec::new();
        let mut best: Option<(&Record, Vec<Broken>)> = None;
        for r in mine {
            let refuse = |why: String| (r.id.clone(), why);
            let Some(script) = script else {
                v.refused.push(refuse(say(
                    "core-competition-missing",
                    &[("id", entry.id.as_str().into())],
                )));
                continue;
            };
            let when = humantime::parse_rfc3339(&r.finished_at).ok();
            let inside = when.is_some_and(|t| {
                opens.is_none_or(|o| t >= o) && closes.is_none_or(|c| t < c) && t <= now
            });
            if !inside {
                v.refused.push(refuse(say("core-cert-outside", &[])));
                continue;
            }
            if v.passed || v.attempts >= competition.attempts {
                v.refused.push(refuse(say("core-cert-beyond", &[])));
                continue;
            }
            if !fair.contains(&r.seed) || used_seeds.contains(&r.seed) {
                v.refused.push(refuse(say("core-cert-unfair-seed", &[])));
                continue;
            }
            let signals = match signals(r, script) {
                Ok(s) => s,
                Err(why) => {
                    v.refused.push(refuse(why));
                    continue;
                }
            };
            used_seeds.push(r.seed);
            v.attempts += 1;
            let broken: Vec<Broken> = cert
                .rules
                .iter()
                .filter_map(|rule| {
                    rule.judge(&signals).err().map(|why| Broken {
                        rule: rule.describe(),
                        why,
                    })
                })
                .collect();
            let passed = r.score >= pass && broken.is_empty();
            if passed {
                v.passed = true;
                best = Some((r, broken));
            } else if best.as_ref().is_none_or(|(b, _)| r.score > b.score) {
                best = Some((r, broken));
            }
        }
        v.left = if v.passed {
            0
        } else {
            competition.attempts - v.attempts
        };
        if let Some((r, broken)) = best {
            v.counted = Some(r.clone());
            v.broken = broken;
        }
        calls.push(v);
    }
    let overall = calls
        .iter()
        .map(|c| c.counted.as_ref().map(|r| r.score))
        .collect::<Option<Vec<u32>>>()
        .filter(|s| !s.is_empty())
        .map(|s| (f64::from(s.iter().sum::<u32>()) / s.len() as f64).round() as u32);
    let all_passed = calls.iter().all(|c| c.passed);
    let lost = calls.iter().any(|c| !c.passed && c.left == 0)
        || (all_passed && overall.is_some_and(|o| o < cert.pass));
    let mut verdict = Verdict {
        certification: competition.id.clone(),
        player: player.to_string(),
        overall,
        pass: cert.pass,
        state: State::InProgress,
        passed_at: None,
        valid_until: None,
        code: None,
        calls,
    };
    if all_passed && !lost {
        let at = verdict
            .calls
            .iter()
            .filter_map(|c| c.counted.as_ref().map(|r| r.finished_at.clone()))
            .max()
            .unwrap_or_default();
        let until = cert.valid_days.and_then(|days| {
            humantime::parse_rfc3339(&at)
                .ok()
                .map(|t| t + Duration::from_secs(u64::from(days) * 86_400))
        });
        verdict.state = match until {
            Some(u) if now >= u => State::Expired,
            _ => State::Passed,
        };
        verdict.valid_until = until.map(|u| humantime::format_rfc3339(u).to_string());
        verdict.passed_at = Some(at);
        verdict.code = Some(code(competition, &verdict));
    } else if lost || closes.is_some_and(|c| now >= c) {
        verdict.state = State::Failed;
    } else if cert
        .due
        .as_deref()
        .and_then(end_of)
        .is_some_and(|d| now >= d)
    {
        verdict.state = State::Overdue;
    }
    Some(verdict)
}

/// The verification code of a pass: a hash of the certification file's rules, the player and
/// each counted result (its id, which is a hash of the call's choices, seed and scenario
/// version, and its score). Sixteen hex digits in groups of four.
pub fn code(competition: &Competition, verdict: &Verdict) -> String {
    let mut h = Sha256::new();
    let rules = serde_json::to_string(competition).unwrap_or_default();
    let mut part = |s: &str| {
        h.update((s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    part("peercall certificate 1");
    part(&rules);
    part(&verdict.player);
    for c in &verdict.calls {
        part(&c.scenario);
        if let Some(r) = &c.counted {
            part(&r.id);
            part(&r.score.to_string());
        }
    }
    let hex: String = h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect();
    hex.as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("-")
}

/// Checks a certificate's `code` for `player` by judging their `results` again (each replayed):
/// `Ok` with the verdict when it is a pass with exactly that code, `Err` saying why not.
pub fn verify(
    competition: &Competition,
    scripts: &[&Script],
    results: &[Record],
    player: &str,
    code: &str,
    now: SystemTime,
) -> Result<Verdict, String> {
    let verdict = judge(competition, scripts, results, player, now)
        .ok_or_else(|| say("core-cert-not-certification", &[]))?;
    let wanted = code.trim().to_ascii_uppercase();
    match &verdict.code {
        Some(c) if *c == wanted => Ok(verdict),
        Some(_) => Err(say("core-cert-code-differs", &[])),
        None => Err(say("core-cert-not-passed", &[])),
    }
}

impl Certification {
    /// What makes no sense in a certification within `competition`: marks over 100, too many
    /// rules, a bad or late due date, a validity of no days or too many. Each finding is its
    /// code, its message and the field it is about.
    pub(crate) fn findings(
        &self,
        competition: &Competition,
    ) -> Vec<(&'static str, String, &'static str)> {
        let mut out = Vec::new();
        for (field, mark) in [("pass", self.pass), ("call_pass", self.call_pass)] {
            if mark > 100 {
                out.push((
                    "bad-pass",
                    say(
                        "core-cert-mark",
                        &[("field", field.into()), ("value", mark.into())],
                    ),
                    field,
                ));
            }
        }
        if self.rules.len() > MAX_RULES {
            out.push((
                "too-many",
                say("core-cert-rules", &[("max", MAX_RULES.into())]),
                "rules",
            ));
        }
        if let Some(due) = &self.due {
            match date(due) {
                None => out.push((
                    "bad-date",
                    say(
                        "core-competition-date",
                        &[
                            ("field", "due".into()),
                            ("value", crate::untrusted::clip(due, 40).as_ref().into()),
                        ],
                    ),
                    "due",
                )),
                Some(d) => {
                    let before_start = competition
                        .starts
                        .as_deref()
                        .and_then(date)
                        .is_some_and(|s| d < s);
                    let after_end = competition
                        .ends
                        .as_deref()
                        .and_then(date)
                        .is_some_and(|e| d > e);
                    if before_start || after_end {
                        out.push(("date-order", say("core-cert-due-outside", &[]), "due"));
                    }
                }
            }
        }
        if self
            .valid_days
            .is_some_and(|d| !(1..=MAX_VALID_DAYS).contains(&d))
        {
            out.push((
                "bad-validity",
                say("core-cert-valid-days", &[("max", MAX_VALID_DAYS.into())]),
                "valid_days",
            ));
        }
        out
    }
}

#[cfg(test)]
#[path = "certification_tests.rs"]
mod tests;
