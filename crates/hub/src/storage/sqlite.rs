//! The hub in SQLite: its own tables (published competitions and their scenario files, teams
//! and their join codes, players and their hashed tokens, the hashed admin token) in
//! `hub.sqlite`, and results in `records.sqlite`, the records store the game uses. Every call
//! runs on tokio's blocking threads, never on the async ones.

use std::path::Path;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use peercall_core::records::{Attempt, BoardQuery, BoardRow, Record, Store};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::{
    Joined, Listed, Player, Published, Recorded, ScenarioFile, Storage, StorageError, TeamCode,
    failed, hash_secret, join_code, version_of,
};

/// The schema, one migration per entry, applied in order and counted in SQLite's
/// `user_version` (the first one's tables may exist from before migrations were counted).
const MIGRATIONS: &[&str] = &["
    CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS competitions (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        file TEXT NOT NULL,
        published_at TEXT NOT NULL,
        version TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE IF NOT EXISTS scenarios (
        competition TEXT NOT NULL,
        scenario TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (competition, scenario)
    );
    CREATE TABLE IF NOT EXISTS teams (
        competition TEXT NOT NULL,
        team TEXT NOT NULL,
        code TEXT NOT NULL UNIQUE,
        PRIMARY KEY (competition, team)
    );
    CREATE TABLE IF NOT EXISTS players (
        token_hash TEXT PRIMARY KEY,
        competition TEXT NOT NULL,
        name TEXT NOT NULL,
        team TEXT NOT NULL,
        joined_at TEXT NOT NULL,
        UNIQUE (competition, name)
    );
"];

/// The hub's tables.
pub struct HubStore {
    conn: Connection,
}

impl HubStore {
    /// Opens (creating if needed) the hub's database.
    pub fn open(path: &Path) -> Result<HubStore, String> {
        let conn = Connection::open(path)
            .map_err(|e| format!("cannot open the hub database {}: {e}", path.display()))?;
        let mut conn = conn;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .and_then(|()| conn.execute_batch("PRAGMA journal_mode = WAL;"))
            .map_err(|e| format!("cannot prepare the hub database {}: {e}", path.display()))?;
        migrate(&mut conn)
            .map_err(|e| format!("cannot prepare the hub database {}: {e}", path.display()))?;
        Ok(HubStore { conn })
    }

    /// The admin token's hash, if one was set.
    pub fn admin_hash(&self) -> Result<Option<String>, String> {
        self.conn
            .query_row(
                "SELECT value FROM settings WHERE key = 'admin_token'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| e.to_string())
    }

    /// Stores the admin token (hashed).
    pub fn set_admin(&self, token: &str) -> Result<(), String> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('admin_token', ?1)",
                params![hash_secret(token)],
            )
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Publishes (or republishes) a competition with its scenario files and teams; returns each
    /// team's join code (a team keeps its code when the competition is published again).
    pub fn publish(
        &mut self,
        p: &Published,
        teams: &[String],
        now: &str,
    ) -> Result<Vec<TeamCode>, String> {
        let tx = self.conn.transaction().map_err(|e| e.to_string())?;
        // What was published, so a hub can tell its cached copy is stale.
        let version = version_of(p);
        tx.execute(
            "INSERT OR REPLACE INTO competitions (id, name, file, published_at, version)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![p.id, p.name, p.file, now, version],
        )
        .map_err(|e| e.to_string())?;
        tx.execute(
            "DELETE FROM scenarios WHERE competition = ?1",
            params![p.id],
        )
        .map_err(|e| e.to_string())?;
        for f in &p.scenarios {
            tx.execute(
                "INSERT INTO scenarios (competition, scenario, text) VALUES (?1, ?2, ?3)",
                params![p.id, f.id, f.text],
            )
            .map_err(|e| e.to_string())?;
        }
        let mut codes = Vec::new();
        for team in teams {
            let existing: Option<String> = tx
                .query_row(
                    "SELECT code FROM teams WHERE competition = ?1 AND team = ?2",
                    params![p.id, team],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| e.to_string())?;
            let code = match existing {
                Some(c) => c,
                None => {
                    let c = join_code();
                    tx.execute(
                        "INSERT INTO teams (competition, team, code) VALUES (?1, ?2, ?3)",
                        params![p.id, team, c],
                    )
                    .map_err(|e| e.to_string())?;
                    c
                }
            };
            codes.push(TeamCode {
                team: team.clone(),
                code,
            });
        }
        tx.commit().map_err(|e| e.to_string())?;
        Ok(codes)
    }

    /// Every published competition, by id.
    pub fn competitions(&self) -> Result<Vec<Listed>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name FROM competitions ORDER BY id")
            .map_err(|e| e.to_string())?;
        stmt.query_map([], |r| {
            Ok(Listed {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })
        .map_err(|e| e.to_string())?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())
    }

    /// The teams of competition `id` and their join codes, by team.
    pub fn teams(&self, id: &str) -> Result<Vec<TeamCode>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT team, code FROM teams WHERE competition = ?1 ORDER BY team")
            .map_err(|e| e.to_string())?;
        stmt.query_map(params![id], |r| {
            Ok(TeamCode {
                team: r.get(0)?,
                code: r.get(1)?,
            })
        })
        .map_err(|e| e.to_string())?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())
    }

    /// The version (a hash of what was published) of competition `id`, if it is published.
    pub fn version(&self, id: &str) -> Result<Option<String>, String> {
        self.conn
            .query_row(
                "SELECT version FROM competitions WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| e.to_string())
    }

    /// One published competition.
    pub fn competition(&self, id: &str) -> Result<Option<Published>, String> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT name, file FROM competitions WHERE id = ?1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| e.to_string())?;
        let Some((name, file)) = row else {
            return Ok(None);
        };
        Ok(Some(Published {
            id: id.to_string(),
            name,
            file,
            scenarios: self.scenario_texts(id)?,
        }))
    }

    fn scenario_texts(&self, competition: &str) -> Result<Vec<ScenarioFile>, String> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT scenario, text FROM scenarios WHERE competition = ?1 ORDER BY scenario",
            )
            .map_err(|e| e.to_string())?;
        stmt.query_map(params![competition], |r| {
            Ok(ScenarioFile {
                id: r.get(0)?,
                text: r.get(1)?,
            })
        })
        .map_err(|e| e.to_string())?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())
    }

    /// Joins the competition whose team has `code` as `name`: the player's token (shown once,
    /// stored hashed) and who they are.
    pub fn join(&self, code: &str, name: &str, now: &str) -> Result<Joined, String> {
        let team: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT competition, team FROM teams WHERE code = ?1",
                params![code],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| e.to_string())?;
        let Some((competition, team)) = team else {
            return Ok(Joined::UnknownCode);
        };
        let token = uuid::Uuid::new_v4().simple().to_string();
        let added = self
            .conn
            .execute(
                "INSERT OR IGNORE INTO players (token_hash, competition, name, team, joined_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![hash_secret(&token), competition, name, team, now],
            )
            .map_err(|e| e.to_string())?;
        if added == 0 {
            return Ok(Joined::NameTaken);
        }
        Ok(Joined::Player {
            token,
            player: Player {
                competition,
                name: name.to_string(),
                team,
            },
        })
    }

    /// The competition and team of a join code, if a team has it.
    pub fn team_of(&self, code: &str) -> Result<Option<(String, String)>, String> {
        self.conn
            .query_row(
                "SELECT competition, team FROM teams WHERE code = ?1",
                params![code],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| e.to_string())
    }

    /// The players who joined competition `id`: name and team, by name.
    pub fn roster(&self, id: &str) -> Result<Vec<(String, String)>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, team FROM players WHERE competition = ?1 ORDER BY name")
            .map_err(|e| e.to_string())?;
        stmt.query_map(params![id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| e.to_string())?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())
    }

    /// The player a token belongs to.
    pub fn player(&self, token: &str) -> Result<Option<Player>, String> {
        self.conn
            .query_row(
                "SELECT competition, name, team FROM players WHERE token_hash = ?1",
                params![hash_secret(token)],
                |r| {
                    Ok(Player {
                        competition: r.get(0)?,
                        name: r.get(1)?,
                        team: r.get(2)?,
                    })
                },
            )
            .optional()
            .map_err(|e| e.to_string())
    }
}

/// Brings the hub database's schema up to date; refuses one newer than this build.
fn migrate(conn: &mut Connection) -> Result<(), String> {
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| e.to_string())?;
    let done: i64 = tx
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    let done = usize::try_from(done).unwrap_or(usize::MAX);
    if done > MIGRATIONS.len() {
        return Err(format!(
            "its schema is version {done}, newer than this hub's {}; upgrade the hub",
            MIGRATIONS.len()
        ));
    }
    for m in &MIGRATIONS[done..] {
        tx.execute_batch(m).map_err(|e| e.to_string())?;
    }
    tx.execute_batch(&format!("PRAGMA user_version = {}", MIGRATIONS.len()))
        .map_err(|e| e.to_string())?;
    tx.commit().map_err(|e| e.to_string())
}

/// The hub on SQLite: its own tables and the records store, each used by one blocking thread
/// at a time.
pub struct Sqlite {
    hub: Arc<Mutex<HubStore>>,
    records: Arc<Mutex<Store>>,
}

impl Sqlite {
    /// The hub's tables and the records store, opened.
    pub fn new(hub: HubStore, records: Store) -> Sqlite {
        Sqlite {
            hub: Arc::new(Mutex::new(hub)),
            records: Arc::new(Mutex::new(records)),
        }
    }

    /// Runs `f` on the hub's tables on a blocking thread.
    async fn hub<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut HubStore) -> Result<T, String> + Send + 'static,
    ) -> Result<T, StorageError> {
        let hub = Arc::clone(&self.hub);
        tokio::task::spawn_blocking(move || {
            let mut h = hub.lock().map_err(failed)?;
            f(&mut h).map_err(failed)
        })
        .await
        .map_err(failed)?
    }

    /// Runs `f` on the records store on a blocking thread.
    async fn records<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, peercall_core::Error> + Send + 'static,
    ) -> Result<T, StorageError> {
        let records = Arc::clone(&self.records);
        tokio::task::spawn_blocking(move || {
            let r = records.lock().map_err(failed)?;
            f(&r).map_err(failed)
        })
        .await
        .map_err(failed)?
    }
}

#[async_trait]
impl Storage for Sqlite {
    async fn admin_hash(&self) -> Result<Option<String>, StorageError> {
        self.hub(|h| h.admin_hash()).await
    }

    async fn set_admin(&self, token: &str) -> Result<(), StorageError> {
        let token = token.to_string();
        self.hub(move |h| h.set_admin(&token)).await
    }

    async fn publish(
        &self,
        p: &Published,
        teams: &[String],
        now: &str,
    ) -> Result<Vec<TeamCode>, StorageError> {
        let (p, teams, now) = (p.clone(), teams.to_vec(), now.to_string());
        self.hub(move |h| h.publish(&p, &teams, &now)).await
    }

    async fn competitions(&self) -> Result<Vec<Listed>, StorageError> {
        self.hub(|h| h.competitions()).await
    }

    async fn version(&self, id: &str) -> Result<Option<String>, StorageError> {
        let id = id.to_string();
        self.hub(move |h| h.version(&id)).await
    }

    async fn competition(&self, id: &str) -> Result<Option<Published>, StorageError> {
        let id = id.to_string();
        self.hub(move |h| h.competition(&id)).await
    }

    async fn teams(&self, id: &str) -> Result<Vec<TeamCode>, StorageError> {
        let id = id.to_string();
        self.hub(move |h| h.teams(&id)).await
    }

    async fn join(&self, code: &str, name: &str, now: &str) -> Result<Joined, StorageError> {
        let (code, name, now) = (code.to_string(), name.to_string(), now.to_string());
        self.hub(move |h| h.join(&code, &name, &now)).await
    }

    async fn team_of(&self, code: &str) -> Result<Option<(String, String)>, StorageError> {
        let code = code.to_string();
        self.hub(move |h| h.team_of(&code)).await
    }

    async fn player(&self, token: &str) -> Result<Option<Player>, StorageError> {
        let token = token.to_string();
        self.hub(move |h| h.player(&token)).await
    }

    async fn record(&self, r: &Record, statements: &[Value]) -> Result<Recorded, StorageError> {
        let (r, statements) = (r.clone(), statements.to_vec());
        let done = self
            .records(move |s| s.record_attempt(&r, &statements))
            .await?;
        Ok(match done {
            Attempt::Added => Recorded::Added,
            Attempt::AlreadyThere => Recorded::AlreadyThere,
            Attempt::Used => Recorded::AttemptUsed,
        })
    }

    async fn board(&self, id: &str, by_team: bool) -> Result<Vec<BoardRow>, StorageError> {
        let q = BoardQuery {
            competition: Some(id.to_string()),
            scenario: None,
            by_team,
        };
        self.records(move |s| s.board(&q)).await
    }

    async fn results(&self, id: &str) -> Result<Vec<Record>, StorageError> {
        let id = id.to_string();
        self.records(move |s| s.results_in(&id)).await
    }

    async fn marker(&self, id: &str) -> Result<i64, StorageError> {
        let id = id.to_string();
        self.records(move |s| s.last_in(&id)).await
    }

    async fn results_of(&self, id: &str, player: &str) -> Result<Vec<Record>, StorageError> {
        let (id, player) = (id.to_string(), player.to_string());
        self.records(move |s| s.results_of(&id, &player)).await
    }

    async fn roster(&self, id: &str) -> Result<Vec<(String, String)>, StorageError> {
        let id = id.to_string();
        self.hub(move |h| h.roster(&id)).await
    }

    fn shared(&self) -> bool {
        false
    }
}
