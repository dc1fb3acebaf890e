//! Players' finished calls in SQLite: crash-safe recording, versioned schema, leaderboards, and
//! export / import with every result replayed through the engine before it counts.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use peercall_dialogue::{Call, Outcome, Script};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::library::Library;

/// The schema version this build writes; older databases are migrated forward.
pub const SCHEMA_VERSION: i64 = 4;

const MIGRATIONS: [&str; 4] = [
    // 1: players' results.
    "CREATE TABLE results (
        id TEXT PRIMARY KEY,
        player TEXT NOT NULL,
        team TEXT NOT NULL,
        scenario TEXT NOT NULL,
        scenario_hash TEXT NOT NULL,
        seed INTEGER NOT NULL,
        choices TEXT NOT NULL,
        waits TEXT NOT NULL,
        ending TEXT NOT NULL,
        outcome TEXT NOT NULL,
        score INTEGER NOT NULL,
        trust INTEGER NOT NULL,
        days REAL NOT NULL,
        duration_ms INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        competition TEXT,
        imported INTEGER NOT NULL DEFAULT 0
     );
     CREATE INDEX results_board ON results (competition, scenario, player, score DESC, duration_ms);",
    // 2: the xAPI outbox: statements waiting for the LRS.
    "CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        statement TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try INTEGER NOT NULL DEFAULT 0,
        sent INTEGER NOT NULL DEFAULT 0
     );
     CREATE INDEX outbox_due ON outbox (sent, next_try, seq);",
    // 3: each player's best result per scenario, overall ('*') and per competition, kept up to
    // date on every insert so leaderboards read a few thousand rows, not every result.
    "CREATE TABLE best (
        competition TEXT NOT NULL,
        scenario TEXT NOT NULL,
        player TEXT NOT NULL,
        team TEXT NOT NULL,
        score INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        PRIMARY KEY (competition, scenario, player)
     );
     INSERT INTO best (competition, scenario, player, team, score, duration_ms)
        SELECT '*', scenario, player, team, score, duration_ms FROM results WHERE true
        ON CONFLICT DO UPDATE SET score = excluded.score, duration_ms = excluded.duration_ms,
            team = excluded.team
        WHERE excluded.score > best.score
           OR (excluded.score = best.score AND excluded.duration_ms < best.duration_ms);
     INSERT INTO best (competition, scenario, player, team, score, duration_ms)
        SELECT competition, scenario, player, team, score, duration_ms FROM results
        WHERE competition IS NOT NULL
        ON CONFLICT DO UPDATE SET score = excluded.score, duration_ms = excluded.duration_ms,
            team = excluded.team
        WHERE excluded.score > best.score
           OR (excluded.score = best.score AND excluded.duration_ms < best.duration_ms);",
    // 4: settings kept on this machine: the profile and the self-diagnostic answers.
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
];

const UPSERT_BEST: &str =
    "INSERT INTO best (competition, scenario, player, team, score, duration_ms)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6)
    ON CONFLICT DO UPDATE SET score = excluded.score, duration_ms = excluded.duration_ms,
        team = excluded.team
    WHERE excluded.score > best.score
       OR (excluded.score = best.score AND excluded.duration_ms < best.duration_ms)";

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
    pub fn verify(&self, script: &Script) -> Result<(), String> {
        if script.hash() != self.scenario_hash {
            return Err(format!(
                "scenario {} has changed since this result was played",
                self.scenario
            ));
        }
        let call = Call::replay_log(script, self.seed, &self.choices, &self.waits)
            .map_err(|e| format!("the choice log does not replay: {e}"))?;
        let Some(finish) = call.finish() else {
            return Err("the choice log does not finish the call".into());
        };
        let ending = script.ending_id(finish.ending);
        let score = call.score(script).unwrap_or(0);
        if ending != self.ending {
            return Err(format!(
                "replayed ending is {ending}, the record says {}",
                self.ending
            ));
        }
        if score != self.score || call.trust() != self.trust {
            return Err(format!(
                "replayed score {score} and trust {}, the record says {} and {}",
                call.trust(),
                self.score,
                self.trust
            ));
        }
        if (call.days() - self.days).abs() > 1e-6 {
            return Err(format!(
                "replayed person-days {}, the record says {}",
                call.days(),
                self.days
            ));
        }
        if self.content_id() != self.id {
            return Err("the record's id does not match its content".into());
        }
        Ok(())
    }
}

fn rfc3339(t: SystemTime) -> String {
    humantime::format_rfc3339_millis(t).to_string()
}

/// The records database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// Where the records live: `--db`, else `PEERCALL_DB`, else the platform's data folder.
pub fn default_path() -> PathBuf {
    if let Some(p) = std::env::var_os("PEERCALL_DB") {
        return PathBuf::from(p);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("peercall")
        .join("records.sqlite")
}

impl Store {
    /// Opens (or creates) the database. A file that is corrupt or not a database is moved aside
    /// as a backup and a fresh database is started; the returned notice says so. A database from
    /// a newer peercall, or one that cannot be read at all, is an error and is left untouched.
    pub fn open(path: &Path) -> Result<(Store, Option<String>), String> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        if path.exists() {
            std::fs::File::open(path)
                .map_err(|e| format!("cannot read the records at {}: {e}", path.display()))?;
        }
        match Store::try_open(path) {
            Ok(store) => Ok((store, None)),
            Err(OpenError::Fatal(e)) => Err(e),
            Err(OpenError::Corrupt(why)) => {
                let stamp = SystemTime::now()
                    .duration_since(SystemTime::UNIX_EPOCH)
                    .map(|d| d.as_secs())
                    .unwrap_or(0);
                let backup = PathBuf::from(format!("{}.corrupt-{stamp}", path.display()));
                std::fs::rename(path, &backup).map_err(|e| {
                    format!(
                        "the records at {} are damaged ({why}) and could not be moved aside: {e}",
                        path.display()
                    )
                })?;
                for ext in ["-wal", "-shm"] {
                    let side = PathBuf::from(format!("{}{ext}", path.display()));
                    if side.exists() {
                        let _ = std::fs::rename(
                            &side,
                            PathBuf::from(format!("{}{ext}", backup.display())),
                        );
                    }
                }
                let store = Store::try_open(path).map_err(|e| match e {
                    OpenError::Fatal(e) | OpenError::Corrupt(e) => e,
                })?;
                Ok((
                    store,
                    Some(format!(
                        "the records at {} were damaged ({why}); they were kept as {} and a new record was started",
                        path.display(),
                        backup.display()
                    )),
                ))
            }
        }
    }

    fn try_open(path: &Path) -> Result<Store, OpenError> {
        let conn = Connection::open(path).map_err(|e| OpenError::Corrupt(e.to_string()))?;
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| OpenError::Corrupt(e.to_string()))?;
        if check != "ok" {
            return Err(OpenError::Corrupt(check));
        }
        // Every finished call is on disk before `record` returns, even if the process is
        // killed right after.
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
            .map_err(|e| OpenError::Corrupt(e.to_string()))?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| OpenError::Corrupt(e.to_string()))?;
        if version > SCHEMA_VERSION {
            return Err(OpenError::Fatal(format!(
                "the records at {} were written by a newer peercall (schema {version}); update peercall to use them",
                path.display()
            )));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn
                .unchecked_transaction()
                .map_err(|e| OpenError::Fatal(e.to_string()))?;
            tx.execute_batch(sql)
                .and_then(|_| tx.pragma_update(None, "user_version", (i + 1) as i64))
                .and_then(|_| tx.commit())
                .map_err(|e| OpenError::Fatal(format!("cannot update the records: {e}")))?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Where this database is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stores a result; `false` when it was already there (same id). The result and the
    /// leaderboard's best-of table change together, in one transaction.
    pub fn record(&self, r: &Record, imported: bool) -> Result<bool, String> {
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(|e| format!("cannot record the call: {e}"))?;
        let n = tx
            .execute(
                "INSERT OR IGNORE INTO results (id, player, team, scenario, scenario_hash, seed,
                    choices, waits, ending, outcome, score, trust, days, duration_ms, started_at,
                    finished_at, competition, imported)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
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
                    r.duration_ms as i64,
                    r.started_at,
                    r.finished_at,
                    r.competition,
                    imported,
                ],
            )
            .map_err(|e| format!("cannot record the call: {e}"))?;
        if n == 1 {
            for competition in std::iter::once("*").chain(r.competition.as_deref()) {
                tx.execute(
                    UPSERT_BEST,
                    params![
                        competition,
                        r.scenario,
                        r.player,
                        r.team,
                        r.score,
                        r.duration_ms as i64
                    ],
                )
                .map_err(|e| format!("cannot record the call: {e}"))?;
            }
        }
        tx.commit()
            .map_err(|e| format!("cannot record the call: {e}"))?;
        Ok(n == 1)
    }

    /// Every result, optionally of one player, oldest first.
    pub fn results(&self, player: Option<&str>) -> Result<Vec<Record>, String> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, player, team, scenario, scenario_hash, seed, choices, waits, ending,
                    outcome, score, trust, days, duration_ms, started_at, finished_at, competition
                 FROM results WHERE (?1 IS NULL OR player = ?1) ORDER BY finished_at, id",
            )
            .map_err(|e| e.to_string())?;
        let rows = stmt
            .query_map(params![player], |r| {
                let choices: String = r.get(6)?;
                let waits: String = r.get(7)?;
                let outcome: String = r.get(9)?;
                Ok(Record {
                    id: r.get(0)?,
                    player: r.get(1)?,
                    team: r.get(2)?,
                    scenario: r.get(3)?,
                    scenario_hash: r.get(4)?,
                    seed: r.get::<_, i64>(5)? as u64,
                    choices: serde_json::from_str(&choices).unwrap_or_default(),
                    waits: serde_json::from_str(&waits).unwrap_or_default(),
                    ending: r.get(8)?,
                    outcome: serde_json::from_value(serde_json::Value::String(outcome))
                        .unwrap_or(Outcome::Lost),
                    score: r.get(10)?,
                    trust: r.get(11)?,
                    days: r.get(12)?,
                    duration_ms: r.get::<_, i64>(13)? as u64,
                    started_at: r.get(14)?,
                    finished_at: r.get(15)?,
                    competition: r.get(16)?,
                })
            })
            .map_err(|e| e.to_string())?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())
    }

    /// Queues xAPI statements for the LRS; a statement already queued (same id) is not queued
    /// twice.
    pub fn enqueue(&self, statements: &[serde_json::Value]) -> Result<(), String> {
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(|e| e.to_string())?;
        for s in statements {
            let id = s["id"].as_str().unwrap_or_default();
            tx.execute(
                "INSERT OR IGNORE INTO outbox (id, statement) VALUES (?1, ?2)",
                params![id, s.to_string()],
            )
            .map_err(|e| format!("cannot queue a statement: {e}"))?;
        }
        tx.commit().map_err(|e| e.to_string())
    }

    /// Statements due for sending (unsent, and their retry time has come), oldest first:
    /// (id, JSON, attempts so far).
    pub fn outbox_due(&self, now: i64) -> Result<Vec<(String, String, u32)>, String> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, statement, attempts FROM outbox
                 WHERE sent = 0 AND next_try <= ?1 ORDER BY seq",
            )
            .map_err(|e| e.to_string())?;
        stmt.query_map(params![now], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(|e| e.to_string())?
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())
    }

    /// Marks a statement delivered.
    pub fn outbox_sent(&self, id: &str) -> Result<(), String> {
        self.conn
            .execute("UPDATE outbox SET sent = 1 WHERE id = ?1", params![id])
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Counts a failed try and sets when to try again (seconds since the epoch).
    pub fn outbox_retry_later(&self, id: &str, next_try: i64) -> Result<(), String> {
        self.conn
            .execute(
                "UPDATE outbox SET attempts = attempts + 1, next_try = ?2 WHERE id = ?1",
                params![id, next_try],
            )
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Makes every waiting statement due now (after the LRS comes back, or on request).
    pub fn outbox_retry_now(&self) -> Result<(), String> {
        self.conn
            .execute("UPDATE outbox SET next_try = 0 WHERE sent = 0", [])
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Statements not yet delivered.
    pub fn outbox_waiting(&self) -> Result<u64, String> {
        self.conn
            .query_row("SELECT COUNT(*) FROM outbox WHERE sent = 0", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n as u64)
            .map_err(|e| e.to_string())
    }

    /// A setting kept on this machine.
    pub fn setting(&self, key: &str) -> Result<Option<String>, String> {
        self.conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                params![key],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| e.to_string())
    }

    /// Saves a setting.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), String> {
        self.conn
            .execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// A player's progress per scenario: (scenario, calls played, first score, best score).
    pub fn progress(&self, player: &str) -> Result<Vec<(String, u32, u32, u32)>, String> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT scenario, COUNT(*),
                        (SELECT score FROM results r2 WHERE r2.player = r.player
                           AND r2.scenario = r.scenario ORDER BY finished_at LIMIT 1),
                        MAX(score)
                 FROM results r WHERE player = ?1 GROUP BY scenario",
            )
            .map_err(|e| e.to_string())?;
        stmt.query_map(params![player], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .map_err(|e| e.to_string())?
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())
    }

    /// Attempts a player has made at a scenario under a competition.
    pub fn attempts(&self, player: &str, competition: &str, scenario: &str) -> Result<u32, String> {
        self.conn
            .query_row(
                "SELECT COUNT(*) FROM results WHERE player = ?1 AND competition = ?2 AND scenario = ?3",
                params![player, competition, scenario],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as u32)
            .map_err(|e| e.to_string())
    }

    /// Number of results stored.
    pub fn count(&self) -> Result<u64, String> {
        self.conn
            .query_row("SELECT COUNT(*) FROM results", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(|e| e.to_string())
    }

    /// The leaderboard: each player's best result per scenario (ties: the faster one), summed
    /// over scenarios; players ranked by total score, then by total time. With `by_team`, a
    /// team's score is the mean of its players' totals, so teams of different sizes compare
    /// fairly; ties again go to the faster team.
    pub fn board(&self, q: &BoardQuery) -> Result<Vec<BoardRow>, String> {
        let sql = "
            SELECT player, MAX(team), CAST(SUM(score) AS REAL), SUM(duration_ms), COUNT(*)
            FROM best
            WHERE competition = ?1 AND (?2 IS NULL OR scenario = ?2)
            GROUP BY player";
        let mut stmt = self.conn.prepare(sql).map_err(|e| e.to_string())?;
        let mut rows: Vec<BoardRow> = stmt
            .query_map(
                params![q.competition.as_deref().unwrap_or("*"), q.scenario],
                |r| {
                    Ok(BoardRow {
                        place: 0,
                        name: r.get(0)?,
                        team: r.get(1)?,
                        score: r.get(2)?,
                        time_ms: r.get::<_, i64>(3)? as u64,
                        calls: r.get::<_, i64>(4)? as u64,
                        players: 1,
                    })
                },
            )
            .map_err(|e| e.to_string())?
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
        if q.by_team {
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
                });
                t.score += r.score;
                t.time_ms += r.time_ms;
                t.calls += r.calls;
                t.players += 1;
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
                .then(a.time_ms.cmp(&b.time_ms))
                .then(a.name.cmp(&b.name))
        });
        for (i, r) in rows.iter_mut().enumerate() {
            r.place = i + 1;
        }
        Ok(rows)
    }
}

enum OpenError {
    /// Damaged or not a database: move it aside.
    Corrupt(String),
    /// Do not touch it.
    Fatal(String),
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// The file `records export` writes and `records import` reads.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Export {
    /// Always `peercall-records`.
    pub format: String,
    /// Format version.
    pub version: u32,
    /// The results.
    pub records: Vec<Record>,
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    /// Results verified and added.
    pub added: usize,
    /// Results already in the records.
    pub duplicates: usize,
    /// Results rejected, with the reason: (file, record id, reason).
    pub rejected: Vec<(String, String, String)>,
}

/// Imports export files: every result is replayed through the scenario version it names (found
/// by content hash in `library`) and rejected if it does not reproduce.
pub fn import(store: &Store, files: &[PathBuf], library: &Library) -> Result<ImportReport, String> {
    let mut report = ImportReport::default();
    for file in files {
        let shown = file.display().to_string();
        let text =
            std::fs::read_to_string(file).map_err(|e| format!("cannot read {shown}: {e}"))?;
        let export: Export = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{shown}:{}:{}: not a peercall records file: {e}",
                e.line(),
                e.column()
            )
        })?;
        if export.format != "peercall-records" {
            return Err(format!("{shown}: not a peercall records file"));
        }
        for r in export.records {
            let script = library
                .entries
                .iter()
                .filter_map(|e| e.script())
                .find(|s| s.hash() == r.scenario_hash);
            let verdict = match script {
                None => Err(format!(
                    "unknown version of scenario {} (hash {})",
                    r.scenario,
                    &r.scenario_hash[..r.scenario_hash.len().min(12)]
                )),
                Some(s) => r.verify(s),
            };
            match verdict {
                Err(why) => report.rejected.push((shown.clone(), r.id.clone(), why)),
                Ok(()) => {
                    if store.record(&r, true)? {
                        report.added += 1;
                    } else {
                        report.duplicates += 1;
                    }
                }
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_older_database_is_migrated_and_keeps_its_results() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            conn.execute(
                "INSERT INTO results VALUES ('a', 'Ana', 'East', 'demo-request', 'h', 1, '[]', '[]',
                    'qualified-in', 'QualifiedIn', 90, 70, 1.0, 1000, 't0', 't1', NULL, 0)",
                [],
            )
            .unwrap();
        }
        let (store, notice) = Store::open(&path).unwrap();
        assert!(notice.is_none());
        let version: i64 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let rows = store.board(&BoardQuery::default()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].name.as_str(), rows[0].score), ("Ana", 90.0));
        assert_eq!(store.outbox_waiting().unwrap(), 0);
    }

    #[test]
    fn a_database_from_a_newer_peercall_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.sqlite");
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(err.contains("newer peercall"), "{err}");
        assert!(path.exists());
    }
}
