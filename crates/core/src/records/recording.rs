//! Writing finished calls (with the best-of table and the queues, in one transaction) and
//! reading them back; competition attempts.

use std::time::SystemTime;

use peercall_dialogue::Outcome;
use rusqlite::{Connection, OptionalExtension, params};

use super::{Record, Store, rfc3339};
use crate::Error;

/// Queues a new result of the joined competition for its hub (nothing when no hub was joined,
/// or the result is of another competition).
/// It keeps the token of the player who joined, so joining another competition later does not
/// change who the result is sent as.
const QUEUE_FOR_HUB: &str = "
    INSERT OR IGNORE INTO hub_outbox (result, server, token)
    SELECT ?1, s.value, t.value FROM settings s LEFT JOIN settings t ON t.key = 'hub_token'
    WHERE s.key = 'hub_server'
      AND ?2 = (SELECT value FROM settings WHERE key = 'hub_competition')";

/// Keeps each player's best result per scenario: a strictly higher score replaces it, so of
/// equal scores the one recorded first (`reached`, the result's row) stands.
const UPSERT_BEST: &str =
    "INSERT INTO best (competition, scenario, player, team, score, duration_ms, reached)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
    ON CONFLICT DO UPDATE SET score = excluded.score, duration_ms = excluded.duration_ms,
        team = excluded.team, reached = excluded.reached
    WHERE excluded.score > best.score";

/// What recording a competition call did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// It is new.
    Added,
    /// The same result was recorded before.
    AlreadyThere,
    /// Another result of the same call (player, scenario, seed) was recorded before: an
    /// attempt counts once, and the first result stands.
    Used,
}

/// A player's progress at one scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The scenario's id.
    pub scenario: String,
    /// Calls played.
    pub calls: u32,
    /// The first call's score.
    pub first: u32,
    /// The best score.
    pub best: u32,
}

impl Store {
    /// Stores a result; `false` when it was already there (same id). The result and the
    /// leaderboard's best-of table change together, in one transaction.
    pub fn record(&self, r: &Record, imported: bool) -> Result<bool, Error> {
        self.record_call(r, imported, &[])
    }

    /// Stores a finished call and queues its xAPI statements, all in one transaction: after a
    /// crash either both are there or neither. `false` when the call was already recorded.
    pub fn record_call(
        &self,
        r: &Record,
        imported: bool,
        statements: &[serde_json::Value],
    ) -> Result<bool, Error> {
        self.record_played(r, imported, statements, &[], crate::clock::now())
    }

    /// [`Store::record_call`], adding the call's missed decisions as the player's drills (see
    /// [`crate::drills`]) in the same transaction, when the call is new; they come due the day
    /// after `now`.
    pub fn record_played(
        &self,
        r: &Record,
        imported: bool,
        statements: &[serde_json::Value],
        misses: &[peercall_dialogue::drill::Miss],
        now: SystemTime,
    ) -> Result<bool, Error> {
        let tx = self.write()?;
        let added = insert_record(&tx, r, imported).map_err(|e| self.explain(e))?;
        queue(&tx, statements).map_err(|e| self.explain(e))?;
        if added && !imported {
            tx.execute(QUEUE_FOR_HUB, params![r.id, r.competition])
                .map_err(|e| self.explain(e))?;
            super::drills::add_misses(&tx, &r.player, &r.scenario, misses, &r.id, now)
                .map_err(|e| self.explain(e))?;
        }
        tx.commit().map_err(|e| self.explain(e))?;
        Ok(added)
    }

    /// Stores a verified competition result (the hub does, for its players) and queues its
    /// statements, unless the same call (player, scenario, seed) already has another result:
    /// a replay of a used attempt never replaces it. One transaction.
    pub fn record_attempt(
        &self,
        r: &Record,
        statements: &[serde_json::Value],
    ) -> Result<Attempt, Error> {
        let tx = self.write()?;
        let first: Option<String> = tx
            .query_row(
                "SELECT id FROM results WHERE competition IS ?1 AND scenario = ?2
                 AND player = ?3 AND seed = ?4 ORDER BY rowid LIMIT 1",
                params![r.competition, r.scenario, r.player, r.seed as i64],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| self.explain(e))?;
        let done = match first {
            Some(id) if id == r.id => Attempt::AlreadyThere,
            Some(_) => Attempt::Used,
            None => {
                insert_record(&tx, r, true).map_err(|e| self.explain(e))?;
                Attempt::Added
            }
        };
        if done != Attempt::Used {
            queue(&tx, statements).map_err(|e| self.explain(e))?;
        }
        tx.commit().map_err(|e| self.explain(e))?;
        Ok(done)
    }

    /// Every result of competition `id`, in the order they were recorded.
    pub fn results_in(&self, competition: &str) -> Result<Vec<Record>, Error> {
        self.select(
            "WHERE competition = ?1 ORDER BY rowid",
            params![competition],
        )
    }

    /// Every result of `player` recorded under `competition`, oldest first.
    pub fn results_of(&self, competition: &str, player: &str) -> Result<Vec<Record>, Error> {
        self.select(
            "WHERE competition = ?1 AND player = ?2 ORDER BY rowid",
            params![competition, player],
        )
    }

    /// The result with this id.
    pub fn result(&self, id: &str) -> Result<Option<Record>, Error> {
        Ok(self
            .select("WHERE id = ?1", params![id])?
            .into_iter()
            .next())
    }

    /// Stores many verified results in one transaction (an import): (added, already there).
    pub fn record_many(&self, records: &[Record], imported: bool) -> Result<(usize, usize), Error> {
        let tx = self.write()?;
        let mut added = 0;
        for r in records {
            added += usize::from(insert_record(&tx, r, imported).map_err(|e| self.explain(e))?);
        }
        tx.commit().map_err(|e| self.explain(e))?;
        Ok((added, records.len() - added))
    }

    /// Every result, optionally of one player, oldest first.
    pub fn results(&self, player: Option<&str>) -> Result<Vec<Record>, Error> {
        self.select(
            "WHERE (?1 IS NULL OR player = ?1) ORDER BY finished_at, id",
            params![player],
        )
    }

    /// Results chosen by a `WHERE ... ORDER BY ...` clause with its parameters. A stored row
    /// whose JSON columns cannot be read is an error naming the row, never an empty value.
    fn select(&self, clause: &str, args: impl rusqlite::Params) -> Result<Vec<Record>, Error> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT id, player, team, scenario, scenario_hash, seed, choices, waits, ending,
                    outcome, score, trust, days, duration_ms, started_at, finished_at, competition,
                    truth, shown, lang, rowid
                 FROM results {clause}"
            ))
            .map_err(Error::db)?;
        let mut rows = stmt.query(args).map_err(Error::db)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(Error::db)? {
            let (id, row): (String, i64) =
                (r.get(0).map_err(Error::db)?, r.get(20).map_err(Error::db)?);
            let bad = |column: &str, why: String| {
                Error::Records(crate::words::say(
                    "core-records-bad-row",
                    &[
                        ("row", row.to_string().into()),
                        ("id", id.as_str().into()),
                        ("column", column.into()),
                        ("why", why.into()),
                    ],
                ))
            };
            let text = |i: usize| -> Result<String, Error> { r.get(i).map_err(Error::db) };
            let choices =
                serde_json::from_str(&text(6)?).map_err(|e| bad("choices", e.to_string()))?;
            let waits = serde_json::from_str(&text(7)?).map_err(|e| bad("waits", e.to_string()))?;
            let outcome: Outcome = serde_json::from_value(serde_json::Value::String(text(9)?))
                .map_err(|e| bad("outcome", e.to_string()))?;
            let shown =
                serde_json::from_str(&text(18)?).map_err(|e| bad("shown", e.to_string()))?;
            out.push(Record {
                player: text(1)?,
                team: text(2)?,
                scenario: text(3)?,
                scenario_hash: text(4)?,
                seed: r.get::<_, i64>(5).map_err(Error::db)? as u64,
                choices,
                waits,
                ending: text(8)?,
                outcome,
                score: r.get(10).map_err(Error::db)?,
                trust: r.get(11).map_err(Error::db)?,
                days: r.get(12).map_err(Error::db)?,
                duration_ms: r.get::<_, i64>(13).map_err(Error::db)? as u64,
                started_at: text(14)?,
                finished_at: text(15)?,
                competition: r.get(16).map_err(Error::db)?,
                truth: text(17)?,
                shown,
                lang: text(19)?,
                id,
            });
        }
        Ok(out)
    }

    /// A player's progress per scenario.
    pub fn progress(&self, player: &str) -> Result<Vec<Progress>, Error> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT scenario, COUNT(*),
                        (SELECT score FROM results r2 WHERE r2.player = r.player
                           AND r2.scenario = r.scenario ORDER BY finished_at LIMIT 1),
                        MAX(score)
                 FROM results r WHERE player = ?1 GROUP BY scenario",
            )
            .map_err(Error::db)?;
        stmt.query_map(params![player], |r| {
            Ok(Progress {
                scenario: r.get(0)?,
                calls: r.get(1)?,
                first: r.get(2)?,
                best: r.get(3)?,
            })
        })
        .map_err(Error::db)?
        .collect::<Result<_, _>>()
        .map_err(Error::db)
    }

    /// Attempts a player has made at a scenario under a competition: every call started on this
    /// machine ([`Store::start_attempt`]), finished or not, and every result imported from
    /// another machine.
    pub fn attempts(&self, player: &str, competition: &str, scenario: &str) -> Result<u32, Error> {
        self.conn
            .query_row(
                "SELECT (SELECT COUNT(*) FROM attempts
                         WHERE player = ?1 AND competition = ?2 AND scenario = ?3)
                      + (SELECT COUNT(*) FROM results
                         WHERE player = ?1 AND competition = ?2 AND scenario = ?3 AND imported = 1)",
                params![player, competition, scenario],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as u32)
            .map_err(Error::db)
    }

    /// Counts a competition attempt as the call starts, before any answer: leaving the call,
    /// quitting or a crash cannot take it back.
    pub fn start_attempt(
        &self,
        player: &str,
        competition: &str,
        scenario: &str,
        seed: u64,
        at: SystemTime,
    ) -> Result<(), Error> {
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO attempts (player, competition, scenario, seed, started_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![player, competition, scenario, seed as i64, rfc3339(at)],
        )
        .map_err(|e| self.explain(e))?;
        tx.commit().map_err(|e| self.explain(e))
    }
}

/// Inserts one result and updates the best-of table; `false` when it was already there.
fn insert_record(tx: &Connection, r: &Record, imported: bool) -> rusqlite::Result<bool> {
    let n = tx
        .execute(
            "INSERT OR IGNORE INTO results (id, player, team, scenario, scenario_hash, seed,
                choices, waits, ending, outcome, score, trust, days, duration_ms, started_at,
                finished_at, competition, imported, truth, shown, lang)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                ?19, ?20, ?21)",
            params![
                r.id,
                r.player,
                r.team,
                r.scenario,
                r.scenario_hash,
                r.seed as i64,
                serde_json::to_string(&r.choices).unwrap_or_default(),
                serde_json::to_string(&r.waits).unwrap_or_default(),
                r.ending,
                serde_json::to_value(r.outcome)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                r.score,
                r.trust,
                r.days,
                r.duration_ms.min(i64::MAX as u64) as i64,
                r.started_at,
                r.finished_at,
                r.competition,
                imported,
                r.truth,
                serde_json::to_string(&r.shown).unwrap_or_default(),
                r.lang,
            ],
        )?;
    if n == 1 {
        let reached = tx.last_insert_rowid();
        for competition in std::iter::once("*").chain(r.competition.as_deref()) {
            tx.execute(
                UPSERT_BEST,
                params![
                    competition,
                    r.scenario,
                    r.player,
                    r.team,
                    r.score,
                    r.duration_ms.min(i64::MAX as u64) as i64,
                    reached
                ],
            )?;
        }
    }
    Ok(n == 1)
}

/// Queues statements in the outbox; one already queued (same id) is not queued twice.
pub(super) fn queue(tx: &Connection, statements: &[serde_json::Value]) -> rusqlite::Result<()> {
    for s in statements {
        let id = s["id"].as_str().unwrap_or_default();
        tx.execute(
            "INSERT OR IGNORE INTO outbox (id, statement) VALUES (?1, ?2)",
            params![id, s.to_string()],
        )?;
    }
    Ok(())
}
