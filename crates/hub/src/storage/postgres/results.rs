//! The results on PostgreSQL: recording a verified one (its attempt, the player's best and the
//! statements to forward, in one transaction) and reading them back, a competition's or one
//! player's.

use std::sync::Arc;

use peercall_core::records::Record;
use serde_json::Value;

use super::Postgres;
use crate::storage::{Recorded, StorageError, failed};

impl Postgres {
    /// Records a verified result (see [`Storage::record`]): the result, its attempt, the
    /// player's best and the statements to forward, in one transaction.
    pub(super) async fn record_result(
        &self,
        r: &Record,
        statements: &[Value],
    ) -> Result<Recorded, StorageError> {
        let json = serde_json::to_string(r).map_err(failed)?;
        let competition = r.competition.clone().unwrap_or_default();
        let seed = r.seed.to_string();
        let (score, ms) = (
            i64::from(r.score),
            r.duration_ms.min(i64::MAX as u64) as i64,
        );
        let done = self
            .pg(|mut c| {
                let (json, competition, seed) = (json.clone(), competition.clone(), seed.clone());
                async move {
                    let tx = c.transaction().await?;
                    // The attempt first: of two results of one call, the first stands.
                    let s = tx
                        .prepare_cached(
                            "INSERT INTO attempts (competition, scenario, player, seed, result)
                             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                        )
                        .await?;
                    let fresh = tx
                        .execute(&s, &[&competition, &r.scenario, &r.player, &seed, &r.id])
                        .await?
                        == 1;
                    if !fresh {
                        let first: String = tx
                            .query_one(
                                "SELECT result FROM attempts WHERE competition = $1
                                 AND scenario = $2 AND player = $3 AND seed = $4",
                                &[&competition, &r.scenario, &r.player, &seed],
                            )
                            .await?
                            .get(0);
                        let seen = tx
                            .query_opt("SELECT 1 FROM results WHERE id = $1", &[&r.id])
                            .await?
                            .is_some();
                        tx.commit().await?;
                        return Ok(if first == r.id && seen {
                            Recorded::AlreadyThere
                        } else if first == r.id {
                            // Cannot happen (both are written together), but never lose it.
                            Recorded::Added
                        } else {
                            Recorded::AttemptUsed
                        });
                    }
                    let s = tx
                        .prepare_cached(
                            "INSERT INTO results (id, competition, scenario, player, team,
                                score, duration_ms, record)
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                             ON CONFLICT (id) DO NOTHING RETURNING seq",
                        )
                        .await?;
                    let seq: Option<i64> = tx
                        .query_opt(
                            &s,
                            &[
                                &r.id,
                                &competition,
                                &r.scenario,
                                &r.player,
                                &r.team,
                                &score,
                                &ms,
                                &json,
                            ],
                        )
                        .await?
                        .map(|row| row.get(0));
                    if let Some(seq) = seq {
                        let s = tx
                            .prepare_cached(
                                "INSERT INTO best (competition, scenario, player, team,
                                    score, duration_ms, reached)
                                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                                 ON CONFLICT (competition, scenario, player) DO UPDATE
                                 SET score = excluded.score,
                                     duration_ms = excluded.duration_ms,
                                     team = excluded.team,
                                     reached = excluded.reached
                                 WHERE excluded.score > best.score",
                            )
                            .await?;
                        tx.execute(
                            &s,
                            &[
                                &competition,
                                &r.scenario,
                                &r.player,
                                &r.team,
                                &score,
                                &ms,
                                &seq,
                            ],
                        )
                        .await?;
                    }
                    tx.commit().await?;
                    Ok(if seq.is_some() {
                        Recorded::Added
                    } else {
                        Recorded::AlreadyThere
                    })
                }
            })
            .await?;
        // Queued after the result is safe, and again when it is posted again (a queued
        // statement is not queued twice), so a hub stopped in between loses nothing.
        if let Some(o) = &self.outbox
            && !statements.is_empty()
            && done != Recorded::AttemptUsed
        {
            let (o, statements) = (Arc::clone(o), statements.to_vec());
            tokio::task::spawn_blocking(move || {
                o.lock()
                    .map_err(failed)?
                    .queue_statements(&statements)
                    .map_err(failed)
            })
            .await
            .map_err(failed)??;
        }
        Ok(done)
    }

    /// The results of competition `id` (of `player` only, if given), oldest first.
    pub(super) async fn results_where(
        &self,
        id: &str,
        player: Option<&str>,
    ) -> Result<Vec<Record>, StorageError> {
        let rows: Vec<(i64, String)> = self
            .pg(|c| async move {
                let rows = match player {
                    None => {
                        c.query(
                            "SELECT seq, record FROM results WHERE competition = $1 ORDER BY seq",
                            &[&id],
                        )
                        .await?
                    }
                    Some(p) => {
                        c.query(
                            "SELECT seq, record FROM results WHERE competition = $1 AND player = $2
                             ORDER BY seq",
                            &[&id, &p],
                        )
                        .await?
                    }
                };
                Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
            })
            .await?;
        rows.iter()
            .map(|(seq, t)| {
                serde_json::from_str(t)
                    .map_err(|e| failed(format!("the result in row {seq} of `results`: {e}")))
            })
            .collect()
    }
}
