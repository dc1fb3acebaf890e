//! Drills in the records: adding the missed decisions of a recorded call, reading a player's
//! drills, and recording a drill's play with its new place on the schedule, in one transaction.

use std::time::SystemTime;

use peercall_dialogue::Outcome;
use peercall_dialogue::drill::Miss;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::{Store, rfc3339};
use crate::Error;
use crate::drills::{Drill, Step, day_of};

/// One play of a drill, as recorded: enough to replay it through the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrillPlay {
    /// Its id (a hash of the drill, the seed, the choices and the start time).
    pub id: String,
    /// The drill played.
    pub drill: String,
    /// Who played it.
    pub player: String,
    /// Their team ("" for none).
    pub team: String,
    /// The scenario's id.
    pub scenario: String,
    /// Hash of the scenario's content.
    pub scenario_hash: String,
    /// The seed of the play.
    pub seed: u64,
    /// The truth it was played in ("" without truths).
    pub truth: String,
    /// The choice taken at each turn (index in its node).
    pub choices: Vec<u32>,
    /// Trust lost to impatience: (turns taken, points).
    pub waits: Vec<(u32, i32)>,
    /// The ending reached.
    pub ending: String,
    /// Its outcome.
    pub outcome: Outcome,
    /// The score (0-100).
    pub score: u32,
    /// Whether the drill was passed.
    pub passed: bool,
    /// How long it took.
    pub duration_ms: u64,
    /// When it started (RFC 3339, UTC).
    pub started_at: String,
    /// When it ended (RFC 3339, UTC).
    pub finished_at: String,
}

impl Store {
    /// A player's drills: those still on the schedule first, soonest due first, then the
    /// retired ones.
    pub fn drills(&self, player: &str) -> Result<Vec<Drill>, Error> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, player, scenario, miss, level, due, retired, plays, passes, source,
                        missed_at
                 FROM drills WHERE player = ?1 ORDER BY retired, due, scenario, node",
            )
            .map_err(Error::db)?;
        let mut rows = stmt.query(params![player]).map_err(Error::db)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(Error::db)? {
            let id: String = r.get(0).map_err(Error::db)?;
            let miss: String = r.get(3).map_err(Error::db)?;
            let miss: Miss = serde_json::from_str(&miss).map_err(|e| {
                Error::Records(crate::words::say(
                    "core-records-bad-row",
                    &[
                        ("row", "drills".into()),
                        ("id", id.as_str().into()),
                        ("column", "miss".into()),
                        ("why", e.to_string().into()),
                    ],
                ))
            })?;
            out.push(Drill {
                id,
                player: r.get(1).map_err(Error::db)?,
                scenario: r.get(2).map_err(Error::db)?,
                miss,
                step: Step {
                    level: r.get(4).map_err(Error::db)?,
                    due: r.get(5).map_err(Error::db)?,
                    retired: r.get(6).map_err(Error::db)?,
                },
                plays: r.get(7).map_err(Error::db)?,
                passes: r.get(8).map_err(Error::db)?,
                source: r.get(9).map_err(Error::db)?,
                missed_at: r.get(10).map_err(Error::db)?,
            });
        }
        Ok(out)
    }

    /// A player's drills due on the day of `now`.
    pub fn due_drills(&self, player: &str, now: SystemTime) -> Result<Vec<Drill>, Error> {
        let today = day_of(now);
        let mut all = self.drills(player)?;
        all.retain(|d| d.step.is_due(today));
        Ok(all)
    }

    /// Records a finished drill and moves it on its schedule (see [`Step::after`]), with the
    /// play's xAPI statements, in one transaction. Returns the drill's new step; recording the
    /// same play twice changes nothing.
    pub fn record_drill(
        &self,
        play: &DrillPlay,
        statements: &[serde_json::Value],
        now: SystemTime,
    ) -> Result<Step, Error> {
        let tx = self.write()?;
        let step = record_drill_in(&tx, play, day_of(now)).map_err(|e| self.explain(e))?;
        super::recording::queue(&tx, statements).map_err(|e| self.explain(e))?;
        tx.commit().map_err(|e| self.explain(e))?;
        Ok(step)
    }

    /// Every recorded play of a player's drills, oldest first.
    pub fn drill_plays(&self, player: &str) -> Result<Vec<DrillPlay>, Error> {
        let mut stmt = self
            .conn
            .prepare("SELECT play FROM drill_plays WHERE player = ?1 ORDER BY finished_at, id")
            .map_err(Error::db)?;
        let rows = stmt
            .query_map(params![player], |r| r.get::<_, String>(0))
            .map_err(Error::db)?;
        let mut out = Vec::new();
        for text in rows {
            let text = text.map_err(Error::db)?;
            out.push(serde_json::from_str(&text).map_err(|e| {
                Error::Records(crate::words::say(
                    "core-records-bad-row",
                    &[
                        ("row", "drill_plays".into()),
                        ("id", "".into()),
                        ("column", "play".into()),
                        ("why", e.to_string().into()),
                    ],
                ))
            })?);
        }
        Ok(out)
    }
}

fn record_drill_in(tx: &Transaction<'_>, play: &DrillPlay, today: i64) -> rusqlite::Result<Step> {
    let current: Option<(u8, i64, bool)> = tx
        .query_row(
            "SELECT level, due, retired FROM drills WHERE id = ?1",
            params![play.drill],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((level, due, retired)) = current else {
        return Err(rusqlite::Error::QueryReturnedNoRows);
    };
    let step = Step {
        level,
        due,
        retired,
    };
    let added = tx.execute(
        "INSERT OR IGNORE INTO drill_plays (id, drill, player, finished_at, passed, play)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            play.id,
            play.drill,
            play.player,
            play.finished_at,
            play.passed,
            serde_json::to_string(play).expect("a drill play is plain data"),
        ],
    )?;
    if added == 0 {
        return Ok(step);
    }
    let next = step.after(play.passed, today);
    tx.execute(
        "UPDATE drills SET level = ?2, due = ?3, retired = ?4, plays = plays + 1,
            passes = passes + ?5 WHERE id = ?1",
        params![
            play.drill,
            next.level,
            next.due,
            next.retired,
            u32::from(play.passed)
        ],
    )?;
    Ok(next)
}

/// Adds a recorded call's missed decisions as drills of `player`, due the next day. A decision
/// already drilled (same scenario and node) starts its schedule over, with the new miss.
pub(super) fn add_misses(
    tx: &Transaction<'_>,
    player: &str,
    scenario: &str,
    misses: &[Miss],
    source: &str,
    now: SystemTime,
) -> rusqlite::Result<()> {
    let step = Step::missed(day_of(now));
    for m in misses {
        tx.execute(
            "INSERT INTO drills (id, player, scenario, node, miss, level, due, retired, plays,
                passes, source, missed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, 0, 0, ?8, ?9)
             ON CONFLICT (id) DO UPDATE SET miss = excluded.miss, level = excluded.level,
                due = excluded.due, retired = 0, source = excluded.source,
                missed_at = excluded.missed_at",
            params![
                Drill::id_of(player, scenario, &m.node),
                player,
                scenario,
                m.node,
                serde_json::to_string(m).expect("a miss is plain data"),
                step.level,
                step.due,
                source,
                rfc3339(now),
            ],
        )?;
    }
    Ok(())
}
