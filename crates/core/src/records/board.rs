//! Leaderboards: each player's best result per call, summed, ranked; teams by the mean of
//! their players' totals.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::Store;
use crate::Error;

impl Store {
    /// Number of results stored.
    pub fn count(&self) -> Result<u64, Error> {
        self.conn
            .query_row("SELECT COUNT(*) FROM results", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(Error::db)
    }

    /// A number that grows with every result recorded under `competition` (the newest one's
    /// row; 0 with none): a board changed when it did. One index lookup, however many results.
    pub fn last_in(&self, competition: &str) -> Result<i64, Error> {
        self.conn
            .query_row(
                "SELECT COALESCE(MAX(rowid), 0) FROM results WHERE competition = ?1",
                params![competition],
                |r| r.get::<_, i64>(0),
            )
            .map_err(Error::db)
    }

    /// The leaderboard: each player's best result per scenario (of equal scores, the first
    /// recorded), summed over scenarios; players ranked by total score, then by who reached it
    /// first. With `by_team`, a
    /// team's score is the mean of its players' totals, so teams of different sizes compare
    /// fairly; ties again go to the team that reached its score first.
    pub fn board(&self, q: &BoardQuery) -> Result<Vec<BoardRow>, Error> {
        let sql = "
            SELECT player, MAX(team), TOTAL(score), TOTAL(duration_ms), COUNT(*), MAX(reached)
            FROM best
            WHERE competition = ?1 AND (?2 IS NULL OR scenario = ?2)
            GROUP BY player";
        let mut stmt = self.conn.prepare(sql).map_err(Error::db)?;
        let rows: Vec<BoardRow> = stmt
            .query_map(
                params![q.competition.as_deref().unwrap_or("*"), q.scenario],
                |r| {
                    Ok(BoardRow {
                        place: 0,
                        name: r.get(0)?,
                        team: r.get(1)?,
                        score: r.get(2)?,
                        // Totals are summed as floating point: no stored value can overflow them.
                        time_ms: r.get::<_, f64>(3)?.clamp(0.0, u64::MAX as f64) as u64,
                        calls: r.get::<_, i64>(4)? as u64,
                        players: 1,
                        reached: r.get::<_, i64>(5)?.max(0) as u64,
                    })
                },
            )
            .map_err(Error::db)?
            .collect::<Result<_, _>>()
            .map_err(Error::db)?;
        Ok(rank(rows, q.by_team))
    }
}

/// Ranks players' totals (one row each, `place` unset) for a board: by total score, then by
/// who reached it first (`reached`), then by name. With `by_team`, a team's score is the mean
/// of its players' totals, so teams of different sizes compare fairly; ties again go to the
/// team that reached its score first. Durations are shown, never ranked: a player's machine
/// reports them and a result's id does not cover them.
pub fn rank(mut rows: Vec<BoardRow>, by_team: bool) -> Vec<BoardRow> {
    if by_team {
        let mut teams: std::collections::BTreeMap<String, BoardRow> = Default::default();
        for r in rows {
            let t = teams.entry(r.team.clone()).or_insert(BoardRow {
                place: 0,
                name: if r.team.is_empty() {
                    "(no team)".into()
                } else {
                    r.team.clone()
                },
                team: r.team.clone(),
                score: 0.0,
                time_ms: 0,
                calls: 0,
                players: 0,
                reached: 0,
            });
            t.score += r.score;
            t.time_ms = t.time_ms.saturating_add(r.time_ms);
            t.calls += r.calls;
            t.players += 1;
            t.reached = t.reached.max(r.reached);
        }
        rows = teams
            .into_values()
            .map(|mut t| {
                t.score /= t.players as f64;
                t.time_ms /= t.players;
                t
            })
            .collect();
    }
    rows.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.reached.cmp(&b.reached))
            .then(a.name.cmp(&b.name))
    });
    for (i, r) in rows.iter_mut().enumerate() {
        r.place = i + 1;
    }
    rows
}

/// What a leaderboard is over.
#[derive(Debug, Clone, Default)]
pub struct BoardQuery {
    /// Only results played under this competition.
    pub competition: Option<String>,
    /// Only this scenario.
    pub scenario: Option<String>,
    /// Rank teams instead of players.
    pub by_team: bool,
}

/// One line of a leaderboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardRow {
    /// 1-based place.
    pub place: usize,
    /// Player (or team) name.
    pub name: String,
    /// The player's team.
    pub team: String,
    /// Total score (for teams: the mean of the players' totals).
    pub score: f64,
    /// Total time of the counted calls (teams: mean per player).
    pub time_ms: u64,
    /// Calls counted.
    pub calls: u64,
    /// Players (1 for a player row).
    pub players: u64,
    /// When the total was reached, in the store's order of recording (for a team: its last
    /// player's): of equal scores, the one reached first ranks higher. The store sets it, never
    /// a player's machine.
    #[serde(default)]
    pub reached: u64,
}

/// The rows a board shows: the top ten, and the rows around `me` (two either side) if `me` is
/// further down.
pub fn board_view(rows: &[BoardRow], me: Option<&str>) -> Vec<BoardRow> {
    let mut out: Vec<BoardRow> = rows.iter().take(10).cloned().collect();
    if let Some(me) = me
        && let Some(i) = rows.iter().position(|r| r.name == me)
        && i >= 10
    {
        let from = i.saturating_sub(2).max(10);
        out.extend(rows[from..(i + 3).min(rows.len())].iter().cloned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, team: &str, score: f64, time_ms: u64, reached: u64) -> BoardRow {
        BoardRow {
            place: 0,
            name: name.into(),
            team: team.into(),
            score,
            time_ms,
            calls: 1,
            players: 1,
            reached,
        }
    }

    #[test]
    fn a_tie_goes_to_whoever_reached_the_score_first_not_to_a_reported_duration() {
        // Bo claims a one-millisecond call, but Ana reached 90 first.
        let rows = rank(
            vec![
                row("Bo", "West", 90.0, 1, 7),
                row("Ana", "East", 90.0, 600_000, 3),
            ],
            false,
        );
        assert_eq!((rows[0].name.as_str(), rows[0].place), ("Ana", 1));
        let teams = rank(
            vec![
                row("Bo", "West", 90.0, 1, 7),
                row("Ana", "East", 90.0, 600_000, 3),
            ],
            true,
        );
        assert_eq!(teams[0].name, "East");
    }
}
