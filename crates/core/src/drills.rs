//! Drills of missed decisions: what a drill is, and the spaced schedule it comes back on.
//!
//! A drill comes due 1 day after the call that missed it, then 3, 7 and 21 days after each
//! pass; passing the 21-day drill retires it. A miss sends it back to the start (due the next
//! day). The first return is the next day, not at once: a retrieval after a night's delay is
//! what makes it stick, while a replay straight after the debrief only repeats what was just
//! read. The gaps widen about threefold, the expanding schedule of the spaced-retrieval
//! studies, and four of them reach three weeks: past the month most new hires spend in
//! onboarding. Days are counted in UTC, so a drill is due on the same day everywhere.

use std::time::{SystemTime, UNIX_EPOCH};

use peercall_dialogue::drill::Miss;
use serde::{Deserialize, Serialize};

/// Days between a drill's returns: after the miss, then after each pass.
pub const INTERVALS: [i64; 4] = [1, 3, 7, 21];

/// The day (since 1 January 1970, UTC) that `t` falls on.
pub fn day_of(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => (d.as_secs() / 86_400) as i64,
        Err(e) => -((e.duration().as_secs().div_ceil(86_400)) as i64),
    }
}

/// Day `day` (see [`day_of`]) as `YYYY-MM-DD`.
pub fn date(day: i64) -> String {
    let t = UNIX_EPOCH + std::time::Duration::from_secs(day.max(0) as u64 * 86_400);
    humantime::format_rfc3339(t).to_string()[..10].to_string()
}

/// Where a drill stands on its schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// How many spaced passes it has had in a row (0 to 3).
    pub level: u8,
    /// The day it is due (see [`day_of`]).
    pub due: i64,
    /// Passed at every interval: it does not come back unless missed again.
    pub retired: bool,
}

impl Step {
    /// A decision missed on day `today`: due the next day.
    pub fn missed(today: i64) -> Step {
        Step {
            level: 0,
            due: today + INTERVALS[0],
            retired: false,
        }
    }

    /// Whether it is due on day `today`.
    pub fn is_due(&self, today: i64) -> bool {
        !self.retired && self.due <= today
    }

    /// The step after a drill is played on day `today`. A pass of a due drill moves it on to
    /// the next interval (or retires it after the last); a pass before it is due changes
    /// nothing, since practice too soon is not spaced; a miss, due or not, sends it back to the
    /// start.
    pub fn after(self, passed: bool, today: i64) -> Step {
        if !passed {
            return Step::missed(today);
        }
        if !self.is_due(today) {
            return self;
        }
        let level = self.level + 1;
        match INTERVALS.get(level as usize) {
            Some(days) => Step {
                level,
                due: today + days,
                retired: false,
            },
            None => Step {
                level: self.level,
                due: self.due,
                retired: true,
            },
        }
    }
}

/// A drill: a missed decision of one player, and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Drill {
    /// Its id (player, scenario and node name it: one drill per decision).
    pub id: String,
    /// The player who missed it.
    pub player: String,
    /// The scenario's id.
    pub scenario: String,
    /// The decision missed, and where the drill starts.
    pub miss: Miss,
    /// Where it stands.
    pub step: Step,
    /// Times played, and passed.
    pub plays: u32,
    /// Times passed.
    pub passes: u32,
    /// The result it was last missed in.
    pub source: String,
    /// When it was last missed (RFC 3339).
    pub missed_at: String,
}

impl Drill {
    /// The id of the drill of `player`'s decision at `node` of `scenario`.
    pub fn id_of(player: &str, scenario: &str, node: &str) -> String {
        crate::xapi::stable_uuid(&["drill", player, scenario, node])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// A fake clock: day `d` at `hour` o'clock, UTC.
    fn at(d: u64, hour: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(20_000 * 86_400 + d * 86_400 + hour * 3_600)
    }

    fn today(d: u64) -> i64 {
        day_of(at(d, 9))
    }

    #[test]
    fn days_are_calendar_days() {
        assert_eq!(day_of(at(0, 0)), day_of(at(0, 23)));
        assert_eq!(day_of(at(0, 23)) + 1, day_of(at(1, 0)));
        assert_eq!(day_of(UNIX_EPOCH - Duration::from_secs(1)), -1);
        assert_eq!(date(day_of(at(0, 5))), "2024-10-04");
    }

    #[test]
    fn a_missed_decision_comes_back_on_days_1_3_7_and_21_after_each_pass() {
        // Missed on day 0, late in the evening: due the next morning, not at once.
        let mut step = Step::missed(day_of(at(0, 23)));
        assert!(!step.is_due(today(0)));
        let mut due_days = Vec::new();
        let mut d = 0;
        while !step.retired {
            d += 1;
            if step.is_due(today(d)) {
                due_days.push(d);
                step = step.after(true, today(d));
            }
            assert!(d < 100, "never retired");
        }
        // Due on day 1; passed, due 3 days later (4); then 7 (11); then 21 (32); then done.
        assert_eq!(due_days, [1, 4, 11, 32]);
        assert!(!step.is_due(today(400)));
    }

    #[test]
    fn a_right_answer_moves_it_on_and_a_miss_moves_it_back_to_the_start() {
        let step = Step::missed(today(0));
        let step = step.after(true, today(1));
        assert_eq!((step.level, step.due), (1, today(4)));
        let step = step.after(true, today(4));
        assert_eq!((step.level, step.due), (2, today(11)));
        // Missed on day 11: back to the start, due on day 12.
        let step = step.after(false, today(11));
        assert_eq!((step.level, step.due), (0, today(12)));
        assert!(!step.retired);
        // Played late: the interval counts from the day it was played.
        let step = step.after(true, today(15));
        assert_eq!((step.level, step.due), (1, today(18)));
    }

    #[test]
    fn practice_before_it_is_due_does_not_move_it_on_but_a_miss_still_counts() {
        let step = Step::missed(today(0)).after(true, today(1));
        assert_eq!(step.due, today(4));
        assert_eq!(step.after(true, today(2)), step);
        assert_eq!(step.after(false, today(2)), Step::missed(today(2)));
    }

    #[test]
    fn a_retired_drill_missed_again_starts_over() {
        let mut step = Step::missed(today(0));
        for d in [1, 4, 11, 32] {
            step = step.after(true, today(d));
        }
        assert!(step.retired);
        assert_eq!(step.after(false, today(50)), Step::missed(today(50)));
    }
}
