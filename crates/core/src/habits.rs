//! The habit to fix: per player, the customer-advocate signals sent while a peer line was on
//! offer, call by call, and how the last calls compare with the ones before them.

use peercall_dialogue::{Call, Script, Signal, Stance};
use serde::Serialize;

use crate::records::Record;
use crate::words::Words;

/// How many calls "your last calls" means, and how many before them they are compared with.
pub const WINDOW: usize = 6;

/// Most calls a profile reads (the chart's width): the latest ones.
pub const MAX_CALLS: usize = 24;

/// The habits one call showed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallHabits {
    /// The result's id.
    pub result: String,
    /// The scenario's id.
    pub scenario: String,
    /// When it ended (RFC 3339).
    pub finished_at: String,
    /// Each customer-advocate signal sent where a peer line was on offer, in turn order.
    pub signals: Vec<Signal>,
}

impl CallHabits {
    /// Whether the call sent `signal` where a peer line was on offer.
    pub fn showed(&self, signal: Signal) -> bool {
        self.signals.contains(&signal)
    }
}

/// One habit over the latest calls.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HabitCount {
    /// The signal.
    pub signal: Signal,
    /// Of the last calls (up to [`WINDOW`]), how many showed it.
    pub recent: u32,
    /// How many calls that is.
    pub recent_calls: u32,
    /// Of the calls before those (up to [`WINDOW`]), how many showed it.
    pub before: u32,
    /// How many calls that is (0: no earlier calls to compare with).
    pub before_calls: u32,
}

impl HabitCount {
    /// The habit in a sentence: "Asked permission in 4 of your last 6 calls, down from 6 of
    /// the 6 before."
    pub fn sentence(&self, w: &Words) -> String {
        let trend = if self.before_calls == 0 {
            String::new()
        } else {
            // Compared as shares, so that 2 of 3 calls is not "down" from 3 of 6.
            let now = self.recent * self.before_calls;
            let then = self.before * self.recent_calls;
            let key = match now.cmp(&then) {
                std::cmp::Ordering::Less => "habit-trend-down",
                std::cmp::Ordering::Greater => "habit-trend-up",
                std::cmp::Ordering::Equal => "habit-trend-same",
            };
            w.f(
                key,
                &[
                    ("before", self.before.into()),
                    ("calls", self.before_calls.into()),
                ],
            )
        };
        w.f(
            "habit-line",
            &[
                (
                    "did",
                    w.t(&format!("habit-did-{}", key(self.signal))).into(),
                ),
                ("recent", self.recent.into()),
                ("calls", self.recent_calls.into()),
                ("trend", trend.into()),
            ],
        )
    }
}

/// A player's habits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HabitProfile {
    /// The player.
    pub player: String,
    /// The calls read, oldest first (the latest [`MAX_CALLS`] whose scenario version is known).
    pub calls: Vec<CallHabits>,
    /// Every customer-advocate signal, the most frequent in the last calls first.
    pub counts: Vec<HabitCount>,
    /// The habit to fix: the most frequent in the last calls, if any showed one.
    pub to_fix: Option<Signal>,
}

impl HabitProfile {
    /// The count of the habit to fix.
    pub fn to_fix_count(&self) -> Option<&HabitCount> {
        let s = self.to_fix?;
        self.counts.iter().find(|c| c.signal == s)
    }
}

/// The customer-advocate signals, in the order the guide lists them.
pub fn advocate_signals() -> impl Iterator<Item = Signal> {
    Signal::ALL
        .into_iter()
        .filter(|s| s.stance() == Stance::Advocate)
}

/// The message-key part naming a signal (`ask-permission`).
pub fn key(s: Signal) -> &'static str {
    match s {
        Signal::PeerContract => "peer-contract",
        Signal::HonestSelfInterest => "honest-self-interest",
        Signal::BusinessQuestion => "business-question",
        Signal::RequestQuestion => "request-question",
        Signal::Gratitude => "gratitude",
        Signal::AskPermission => "ask-permission",
        Signal::FaceValue => "face-value",
        Signal::CommitResources => "commit-resources",
        Signal::MutualValue => "mutual-value",
        Signal::Neutral => "neutral",
    }
}

/// The habits of one recorded call, replayed through its script (`None` when it does not
/// replay: another version of the scenario).
pub fn call_habits(record: &Record, script: &Script) -> Option<CallHabits> {
    if !script.matches_hash(&record.scenario_hash) {
        return None;
    }
    let call = Call::replay_log(script, record.seed, &record.choices, &record.waits).ok()?;
    Some(CallHabits {
        result: record.id.clone(),
        scenario: record.scenario.clone(),
        finished_at: record.finished_at.clone(),
        signals: peercall_dialogue::drill::habit_turns(&call, script)
            .into_iter()
            .map(|(_, s)| s)
            .collect(),
    })
}

/// The profile of `player` from their records (any order), with `script` finding each
/// scenario by id. Only the latest [`MAX_CALLS`] calls are replayed.
pub fn profile<'s>(
    player: &str,
    records: &[Record],
    script: impl Fn(&str) -> Option<&'s Script>,
) -> HabitProfile {
    let mut mine: Vec<&Record> = records.iter().filter(|r| r.player == player).collect();
    mine.sort_by(|a, b| (&a.finished_at, &a.id).cmp(&(&b.finished_at, &b.id)));
    let mut calls: Vec<CallHabits> = mine
        .iter()
        .rev()
        .filter_map(|r| call_habits(r, script(&r.scenario)?))
        .take(MAX_CALLS)
        .collect();
    calls.reverse();
    of_calls(player, calls)
}

/// The profile of calls already read (oldest first).
pub fn of_calls(player: &str, calls: Vec<CallHabits>) -> HabitProfile {
    let n = calls.len();
    let recent = &calls[n.saturating_sub(WINDOW)..];
    let before = &calls[n.saturating_sub(2 * WINDOW)..n.saturating_sub(WINDOW)];
    let count = |calls: &[CallHabits], s: Signal| calls.iter().filter(|c| c.showed(s)).count();
    let mut counts: Vec<HabitCount> = advocate_signals()
        .map(|s| HabitCount {
            signal: s,
            recent: count(recent, s) as u32,
            recent_calls: recent.len() as u32,
            before: count(before, s) as u32,
            before_calls: before.len() as u32,
        })
        .collect();
    // Most frequent first; of equal counts, the one seen last.
    let last_seen = |s: Signal| calls.iter().rposition(|c| c.showed(s));
    counts.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.recent),
            std::cmp::Reverse(last_seen(c.signal)),
        )
    });
    let to_fix = counts.first().filter(|c| c.recent > 0).map(|c| c.signal);
    HabitProfile {
        player: player.to_string(),
        calls,
        counts,
        to_fix,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(n: usize, signals: &[Signal]) -> CallHabits {
        CallHabits {
            result: format!("r{n}"),
            scenario: "s".into(),
            finished_at: format!("2026-01-{:02}T10:00:00Z", n + 1),
            signals: signals.to_vec(),
        }
    }

    #[test]
    fn the_last_six_calls_are_compared_with_the_six_before() {
        use Signal::*;
        // Twelve calls: permission asked in all of the first six, in four of the last six.
        let mut calls: Vec<CallHabits> = (0..6).map(|n| call(n, &[AskPermission])).collect();
        for (n, s) in [
            &[AskPermission, Gratitude][..],
            &[AskPermission],
            &[],
            &[AskPermission],
            &[AskPermission, AskPermission],
            &[Gratitude],
        ]
        .iter()
        .enumerate()
        {
            calls.push(call(6 + n, s));
        }
        let p = of_calls("Ana", calls);
        assert_eq!(p.to_fix, Some(AskPermission));
        let c = p.to_fix_count().unwrap();
        assert_eq!(
            (c.recent, c.recent_calls, c.before, c.before_calls),
            (4, 6, 6, 6)
        );
        let w = crate::words::words("en");
        assert_eq!(
            c.sentence(w),
            "Asked permission to ask questions in 4 of your last 6 calls, down from 6 of the 6 before."
        );
        let g = p.counts.iter().find(|c| c.signal == Gratitude).unwrap();
        assert_eq!(
            g.sentence(w),
            "Thanked or deferred to the prospect in 2 of your last 6 calls, up from 0 of the 6 before."
        );
        assert_eq!(p.counts.len(), 5);
    }

    #[test]
    fn few_calls_say_so_and_a_clean_record_has_nothing_to_fix() {
        let p = of_calls("Ana", vec![call(0, &[Signal::FaceValue]), call(1, &[])]);
        let c = p.to_fix_count().unwrap();
        let w = crate::words::words("en");
        assert_eq!(
            c.sentence(w),
            "Took the request at face value in 1 of your last 2 calls."
        );
        let clean = of_calls("Bo", vec![call(0, &[]), call(1, &[])]);
        assert_eq!(clean.to_fix, None);
        assert_eq!(of_calls("Cy", vec![]).to_fix, None);
    }

    #[test]
    fn a_recorded_call_is_replayed_for_its_habits() {
        let (r, script) = crate::test_support::finished_demo_record();
        let h = call_habits(&r, &script).unwrap();
        // Every node's first line: customer-advocate lines where peer lines were on offer.
        assert!(!h.signals.is_empty());
        assert!(h.signals.iter().all(|s| s.stance() == Stance::Advocate));
        let p = profile("Ana Lee", std::slice::from_ref(&r), |id| {
            (id == script.id()).then_some(&script)
        });
        assert_eq!(p.calls.len(), 1);
        assert!(p.to_fix.is_some());
        // Another player's records are not theirs; another version does not replay.
        assert!(
            profile("Bo", std::slice::from_ref(&r), |_| Some(&script))
                .calls
                .is_empty()
        );
        let mut other = r.clone();
        other.scenario_hash = "0".repeat(64);
        assert!(call_habits(&other, &script).is_none());
    }
}
