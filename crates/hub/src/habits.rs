//! The habit to fix in a competition, for its trainer: per player, each customer-advocate
//! signal sent while a peer line was on offer in their last calls against the ones before; per
//! team, the same added up over its players.

use std::collections::BTreeMap;

use peercall_core::habits::{self, CallHabits, HabitCount, HabitProfile};
use peercall_dialogue::Signal;
use serde::Serialize;

/// A team's habits: its players' last calls added up.
#[derive(Debug, Clone, Serialize)]
pub struct TeamHabits {
    /// The team ("" for players without one).
    pub team: String,
    /// Players counted.
    pub players: u64,
    /// Per customer-advocate signal, the players' counts added up; the most frequent (as a
    /// share of the last calls) first.
    pub counts: Vec<HabitCount>,
    /// The team's habit to fix, if any call showed one.
    pub to_fix: Option<Signal>,
}

/// Every player's and every team's habits.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Habits {
    /// Per player, by name: their team and profile (the calls' details left out).
    pub players: Vec<(String, HabitProfile)>,
    /// Per team, by name.
    pub teams: Vec<TeamHabits>,
}

/// A player's team (the last one seen) and calls, as (ended at, id, habits).
type PlayerCalls = (String, Vec<(String, String, CallHabits)>);

/// Collects each replayed call's habits, then adds them up per player and team.
#[derive(Debug, Default)]
pub struct Collector {
    /// Per player.
    calls: BTreeMap<String, PlayerCalls>,
}

impl Collector {
    /// Counts one replayed call of `player` in `team`.
    pub fn add(&mut self, player: &str, team: &str, call: CallHabits) {
        let entry = self
            .calls
            .entry(player.to_string())
            .or_insert_with(|| (team.to_string(), Vec::new()));
        entry.0 = team.to_string();
        entry
            .1
            .push((call.finished_at.clone(), call.result.clone(), call));
    }

    /// The habits of every player (their latest calls) and team.
    pub fn finish(self) -> Habits {
        let mut teams: BTreeMap<String, (u64, Vec<HabitCount>)> = BTreeMap::new();
        let mut players = Vec::with_capacity(self.calls.len());
        for (player, (team, mut calls)) in self.calls {
            calls.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
            let latest: Vec<CallHabits> = calls
                .into_iter()
                .rev()
                .take(habits::MAX_CALLS)
                .map(|(_, _, c)| c)
                .rev()
                .collect();
            let mut profile = habits::of_calls(&player, latest);
            let t = teams.entry(team.clone()).or_default();
            t.0 += 1;
            for c in &profile.counts {
                match t.1.iter_mut().find(|x| x.signal == c.signal) {
                    Some(x) => {
                        x.recent += c.recent;
                        x.recent_calls += c.recent_calls;
                        x.before += c.before;
                        x.before_calls += c.before_calls;
                    }
                    None => t.1.push(c.clone()),
                }
            }
            // The page shows the counts; the calls themselves stay in the records.
            profile.calls.clear();
            players.push((team, profile));
        }
        let teams = teams
            .into_iter()
            .map(|(team, (players, mut counts))| {
                let share = |c: &HabitCount| c.recent as f64 / c.recent_calls.max(1) as f64;
                counts.sort_by(|a, b| share(b).total_cmp(&share(a)));
                let to_fix = counts.first().filter(|c| c.recent > 0).map(|c| c.signal);
                TeamHabits {
                    team,
                    players,
                    counts,
                    to_fix,
                }
            })
            .collect();
        Habits { players, teams }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Signal::*;

    fn call(n: usize, signals: &[Signal]) -> CallHabits {
        CallHabits {
            result: format!("r{n}"),
            scenario: "s".into(),
            finished_at: format!("2026-01-{:02}T10:00:00Z", n + 1),
            signals: signals.to_vec(),
        }
    }

    #[test]
    fn a_team_adds_up_its_players_last_calls() {
        let mut c = Collector::default();
        // Ana asks permission in 2 of 3 calls (given out of order); Ben thanks once in 2.
        c.add("Ana", "East", call(3, &[AskPermission]));
        c.add("Ana", "East", call(1, &[AskPermission, Gratitude]));
        c.add("Ana", "East", call(2, &[]));
        c.add("Ben", "East", call(1, &[Gratitude]));
        c.add("Ben", "East", call(2, &[]));
        c.add("Cy", "West", call(1, &[]));
        let h = c.finish();
        assert_eq!(h.players.len(), 3);
        let (team, ana) = &h.players[0];
        assert_eq!((team.as_str(), ana.player.as_str()), ("East", "Ana"));
        assert_eq!(ana.to_fix, Some(AskPermission));
        assert!(ana.calls.is_empty(), "the page does not carry the calls");
        let east = &h.teams[0];
        assert_eq!((east.team.as_str(), east.players), ("East", 2));
        // Gratitude: 1 of Ana's 3 and 1 of Ben's 2 calls = 2 of 5 (40%); permission 2 of 5.
        let g = east.counts.iter().find(|c| c.signal == Gratitude).unwrap();
        assert_eq!((g.recent, g.recent_calls), (2, 5));
        assert!(matches!(east.to_fix, Some(AskPermission) | Some(Gratitude)));
        let west = &h.teams[1];
        assert_eq!(west.to_fix, None);
    }
}
