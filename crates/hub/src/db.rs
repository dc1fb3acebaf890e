//! Where the hub keeps its data: SQLite files in one folder (one hub process), or PostgreSQL
//! (any number of hub processes sharing one database and so one board). Both run migrations at
//! start; the PostgreSQL side retries through a database restart.

use std::sync::Mutex;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use peercall_core::records::{BoardRow, Record, Store, rank};
use serde_json::Value;
use tokio_postgres::NoTls;

use crate::store::{HubStore, Joining, Player, Published, hash_secret, join_code, version_of};

/// Why the database could not answer.
#[derive(Debug)]
pub enum DbError {
    /// It cannot be reached now (restarting, down): the client should try again.
    Unavailable(String),
    /// Anything else.
    Failed(String),
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::Unavailable(e) => write!(f, "the hub's database is unavailable ({e})"),
            DbError::Failed(e) => write!(f, "the hub's database failed: {e}"),
        }
    }
}

fn failed(e: impl std::fmt::Display) -> DbError {
    DbError::Failed(e.to_string())
}

/// The hub's data.
pub enum Db {
    /// `hub.sqlite` and `records.sqlite` in the data folder.
    Sqlite {
        /// Competitions, teams, players, the admin token.
        hub: Mutex<HubStore>,
        /// Results, boards and the xAPI outbox: the records store the game uses.
        records: Mutex<Store>,
    },
    /// One PostgreSQL database for everything but the xAPI outbox.
    Postgres {
        /// The connections.
        pool: Pool,
        /// Statements waiting for the LRS, in this hub's data folder, when forwarding.
        outbox: Option<Mutex<Store>>,
    },
}

/// The PostgreSQL schema, one migration per entry; applied in order, each once, recorded in
/// `hub_migrations`.
const PG_MIGRATIONS: &[&str] = &["
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE competitions (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        file TEXT NOT NULL,
        published_at TEXT NOT NULL,
        version TEXT NOT NULL
    );
    CREATE TABLE scenarios (
        competition TEXT NOT NULL,
        scenario TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (competition, scenario)
    );
    CREATE TABLE teams (
        competition TEXT NOT NULL,
        team TEXT NOT NULL,
        code TEXT NOT NULL UNIQUE,
        PRIMARY KEY (competition, team)
    );
    CREATE TABLE players (
        token_hash TEXT PRIMARY KEY,
        competition TEXT NOT NULL,
        name TEXT NOT NULL,
        team TEXT NOT NULL,
        joined_at TEXT NOT NULL,
        UNIQUE (competition, name)
    );
    CREATE TABLE results (
        seq BIGSERIAL UNIQUE,
        id TEXT PRIMARY KEY,
        competition TEXT NOT NULL,
        scenario TEXT NOT NULL,
        player TEXT NOT NULL,
        team TEXT NOT NULL,
        score BIGINT NOT NULL,
        duration_ms BIGINT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX results_of ON results (competition, seq);
    CREATE TABLE best (
        competition TEXT NOT NULL,
        scenario TEXT NOT NULL,
        player TEXT NOT NULL,
        team TEXT NOT NULL,
        score BIGINT NOT NULL,
        duration_ms BIGINT NOT NULL,
        PRIMARY KEY (competition, scenario, player)
    );
"];

/// The newest PostgreSQL schema this build knows.
pub const PG_SCHEMA_VERSION: i32 = PG_MIGRATIONS.len() as i32;

/// Whether a PostgreSQL failure is one a moment later may not have: a lost connection, a
/// server shutting down or starting, too many clients.
fn transient(e: &tokio_postgres::Error) -> bool {
    if e.is_closed() {
        return true;
    }
    match e.code() {
        None => true,
        Some(c) => {
            let c = c.code();
            c.starts_with("08") || c.starts_with("57P") || c == "53300"
        }
    }
}

/// How long a request waits for the database to come back before it is refused (503).
const PATIENCE: Duration = Duration::from_secs(15);

impl Db {
    /// Opens PostgreSQL at `url`, waits for it (up to [`PATIENCE`]) and brings its schema up to
    /// date; refuses a database with a newer schema than this build knows.
    pub async fn postgres(url: &str, outbox: Option<Store>) -> Result<Db, String> {
        let config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| format!("{}: not a PostgreSQL URL ({e})", shown_url(url)))?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(16)
            .build()
            .map_err(|e| e.to_string())?;
        let db = Db::Postgres {
            pool,
            outbox: outbox.map(Mutex::new),
        };
        db.pg(|mut c| async move {
            let tx = c.transaction().await?;
            // Two hubs starting at once: one migrates, the other waits here.
            tx.execute("SELECT pg_advisory_xact_lock(7261707)", &[])
                .await?;
            tx.batch_execute(
                "CREATE TABLE IF NOT EXISTS hub_migrations (
                    version INTEGER PRIMARY KEY,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                 )",
            )
            .await?;
            let done: i32 = tx
                .query_one("SELECT COALESCE(MAX(version), 0) FROM hub_migrations", &[])
                .await?
                .get(0);
            if done <= PG_SCHEMA_VERSION {
                for (i, m) in PG_MIGRATIONS.iter().enumerate().skip(done as usize) {
                    tx.batch_execute(m).await?;
                    tx.execute(
                        "INSERT INTO hub_migrations (version) VALUES ($1)",
                        &[&(i as i32 + 1)],
                    )
                    .await?;
                }
            }
            tx.commit().await?;
            Ok(done)
        })
        .await
        .map_err(|e| format!("{}: {e}", shown_url(url)))
        .and_then(|done| {
            if done > PG_SCHEMA_VERSION {
                Err(format!(
                    "{}: its schema is version {done}, newer than this hub's {PG_SCHEMA_VERSION}; \
                     upgrade the hub",
                    shown_url(url)
                ))
            } else {
                Ok(())
            }
        })?;
        Ok(db)
    }

    /// Runs `f` on a pooled PostgreSQL connection, again on a fresh one while the failure is
    /// transient, for up to [`PATIENCE`]. Every `f` here may be run twice safely (inserts are
    /// idempotent by key).
    async fn pg<T, F, Fut>(&self, f: F) -> Result<T, DbError>
    where
        F: Fn(deadpool_postgres::Object) -> Fut,
        Fut: std::future::Future<Output = Result<T, tokio_postgres::Error>>,
    {
        let Db::Postgres { pool, .. } = self else {
            return Err(failed("not a PostgreSQL hub"));
        };
        let start = std::time::Instant::now();
        let mut pause = Duration::from_millis(100);
        loop {
            let error = match pool.get().await {
                Ok(c) => match f(c).await {
                    Ok(v) => return Ok(v),
                    Err(e) if transient(&e) => e.to_string(),
                    Err(e) => return Err(failed(e)),
                },
                Err(e) => e.to_string(),
            };
            if start.elapsed() > PATIENCE {
                return Err(DbError::Unavailable(error));
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_secs(1));
        }
    }

    /// The admin token's hash, if one was set.
    pub async fn admin_hash(&self) -> Result<Option<String>, DbError> {
        match self {
            Db::Sqlite { hub, .. } => hub.lock().map_err(failed)?.admin_hash().map_err(failed),
            Db::Postgres { .. } => {
                self.pg(|c| async move {
                    Ok(
                        c.query_opt("SELECT value FROM settings WHERE key = 'admin_token'", &[])
                            .await?
                            .map(|r| r.get(0)),
                    )
                })
                .await
            }
        }
    }

    /// Stores the admin token (hashed).
    pub async fn set_admin(&self, token: &str) -> Result<(), DbError> {
        match self {
            Db::Sqlite { hub, .. } => hub.lock().map_err(failed)?.set_admin(token).map_err(failed),
            Db::Postgres { .. } => {
                let h = hash_secret(token);
                self.pg(|c| {
                    let h = h.clone();
                    async move {
                        c.execute(
                            "INSERT INTO settings (key, value) VALUES ('admin_token', $1)
                             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            &[&h],
                        )
                        .await
                        .map(|_| ())
                    }
                })
                .await
            }
        }
    }

    /// Publishes (or republishes) a competition; each team's join code (kept on republishing).
    pub async fn publish(
        &self,
        p: &Published,
        teams: &[String],
        now: &str,
    ) -> Result<Vec<(String, String)>, DbError> {
        match self {
            Db::Sqlite { hub, .. } => hub
                .lock()
                .map_err(failed)?
                .publish(p, teams, now)
                .map_err(failed),
            Db::Postgres { .. } => {
                let version = version_of(p);
                self.pg(|mut c| {
                    let version = version.clone();
                    async move {
                        let tx = c.transaction().await?;
                        tx.execute(
                            "INSERT INTO competitions (id, name, file, published_at, version)
                             VALUES ($1, $2, $3, $4, $5)
                             ON CONFLICT (id) DO UPDATE SET name = excluded.name,
                                file = excluded.file, published_at = excluded.published_at,
                                version = excluded.version",
                            &[&p.id, &p.name, &p.file, &now, &version],
                        )
                        .await?;
                        tx.execute("DELETE FROM scenarios WHERE competition = $1", &[&p.id])
                            .await?;
                        for text in &p.scenarios {
                            let id = crate::store::scenario_id(text);
                            tx.execute(
                                "INSERT INTO scenarios (competition, scenario, text)
                                 VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                                &[&p.id, &id, text],
                            )
                            .await?;
                        }
                        let mut codes = Vec::new();
                        for team in teams {
                            let code = join_code();
                            tx.execute(
                                "INSERT INTO teams (competition, team, code) VALUES ($1, $2, $3)
                                 ON CONFLICT (competition, team) DO NOTHING",
                                &[&p.id, team, &code],
                            )
                            .await?;
                            let code: String = tx
                                .query_one(
                                    "SELECT code FROM teams WHERE competition = $1 AND team = $2",
                                    &[&p.id, team],
                                )
                                .await?
                                .get(0);
                            codes.push((team.clone(), code));
                        }
                        tx.commit().await?;
                        Ok(codes)
                    }
                })
                .await
            }
        }
    }

    /// Every published competition: (id, name), by id.
    pub async fn competitions(&self) -> Result<Vec<(String, String)>, DbError> {
        match self {
            Db::Sqlite { hub, .. } => Ok(hub
                .lock()
                .map_err(failed)?
                .competitions()
                .map_err(failed)?
                .into_iter()
                .map(|p| (p.id, p.name))
                .collect()),
            Db::Postgres { .. } => {
                self.pg(|c| async move {
                    Ok(
                        c.query("SELECT id, name FROM competitions ORDER BY id", &[])
                            .await?
                            .iter()
                            .map(|r| (r.get(0), r.get(1)))
                            .collect(),
                    )
                })
                .await
            }
        }
    }

    /// The version (a hash of what was published) of competition `id`, if it is published.
    pub async fn version(&self, id: &str) -> Result<Option<String>, DbError> {
        match self {
            Db::Sqlite { hub, .. } => hub.lock().map_err(failed)?.version(id).map_err(failed),
            Db::Postgres { .. } => {
                self.pg(|c| async move {
                    let s = c
                        .prepare_cached("SELECT version FROM competitions WHERE id = $1")
                        .await?;
                    Ok(c.query_opt(&s, &[&id]).await?.map(|r| r.get(0)))
                })
                .await
            }
        }
    }

    /// One published competition, with its scenario files.
    pub async fn competition(&self, id: &str) -> Result<Option<Published>, DbError> {
        match self {
            Db::Sqlite { hub, .. } => hub.lock().map_err(failed)?.competition(id).map_err(failed),
            Db::Postgres { .. } => {
                self.pg(|c| async move {
                    let Some(row) = c
                        .query_opt("SELECT name, file FROM competitions WHERE id = $1", &[&id])
                        .await?
                    else {
                        return Ok(None);
                    };
                    let scenarios = c
                        .query(
                            "SELECT text FROM scenarios WHERE competition = $1 ORDER BY scenario",
                            &[&id],
                        )
                        .await?
                        .iter()
                        .map(|r| r.get(0))
                        .collect();
                    Ok(Some(Published {
                        id: id.to_string(),
                        name: row.get(0),
                        file: row.get(1),
                        scenarios,
                    }))
                })
                .await
            }
        }
    }

    /// Joins the competition of the team with `code` as `name`; see [`HubStore::join`].
    pub async fn join(&self, code: &str, name: &str, now: &str) -> Result<Joining, DbError> {
        match self {
            Db::Sqlite { hub, .. } => hub
                .lock()
                .map_err(failed)?
                .join(code, name, now)
                .map_err(failed),
            Db::Postgres { .. } => {
                let token = uuid::Uuid::new_v4().simple().to_string();
                let hash = hash_secret(&token);
                self.pg(|c| {
                    let (token, hash) = (token.clone(), hash.clone());
                    async move {
                        let Some(team) = c
                            .query_opt(
                                "SELECT competition, team FROM teams WHERE code = $1",
                                &[&code],
                            )
                            .await?
                        else {
                            return Ok(None);
                        };
                        let (competition, team): (String, String) = (team.get(0), team.get(1));
                        let added = c
                            .execute(
                                "INSERT INTO players (token_hash, competition, name, team, joined_at)
                                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                                &[&hash, &competition, &name, &team, &now],
                            )
                            .await?;
                        if added == 0 {
                            // A retry after the insert committed finds its own row.
                            let mine = c
                                .query_opt("SELECT 1 FROM players WHERE token_hash = $1", &[&hash])
                                .await?
                                .is_some();
                            if !mine {
                                return Ok(Some(Err(crate::store::name_taken(name))));
                            }
                        }
                        Ok(Some(Ok((
                            token,
                            Player {
                                competition,
                                name: name.to_string(),
                                team,
                            },
                        ))))
                    }
                })
                .await
            }
        }
    }

    /// The competition and team of a join code, if a team has it.
    pub async fn team_of(&self, code: &str) -> Result<Option<(String, String)>, DbError> {
        match self {
            Db::Sqlite { hub, .. } => hub.lock().map_err(failed)?.team_of(code).map_err(failed),
            Db::Postgres { .. } => {
                self.pg(|c| async move {
                    Ok(c.query_opt(
                        "SELECT competition, team FROM teams WHERE code = $1",
                        &[&code],
                    )
                    .await?
                    .map(|r| (r.get(0), r.get(1))))
                })
                .await
            }
        }
    }

    /// The player a token belongs to.
    pub async fn player(&self, token: &str) -> Result<Option<Player>, DbError> {
        match self {
            Db::Sqlite { hub, .. } => hub.lock().map_err(failed)?.player(token).map_err(failed),
            Db::Postgres { .. } => {
                let hash = hash_secret(token);
                self.pg(|c| {
                    let hash = hash.clone();
                    async move {
                        let s = c
                            .prepare_cached(
                                "SELECT competition, name, team FROM players WHERE token_hash = $1",
                            )
                            .await?;
                        Ok(c.query_opt(&s, &[&hash]).await?.map(|r| Player {
                            competition: r.get(0),
                            name: r.get(1),
                            team: r.get(2),
                        }))
                    }
                })
                .await
            }
        }
    }

    /// Records a verified result of a competition (with its xAPI statements when forwarding);
    /// `false` when it was recorded before.
    pub async fn record(&self, r: &Record, statements: &[Value]) -> Result<bool, DbError> {
        match self {
            Db::Sqlite { records, .. } => records
                .lock()
                .map_err(failed)?
                .record_call(r, true, statements)
                .map_err(failed),
            Db::Postgres { outbox, .. } => {
                let json = serde_json::to_string(r).map_err(failed)?;
                let competition = r.competition.clone().unwrap_or_default();
                let (score, ms) = (
                    i64::from(r.score),
                    r.duration_ms.min(i64::MAX as u64) as i64,
                );
                let added = self
                    .pg(|mut c| {
                        let (json, competition) = (json.clone(), competition.clone());
                        async move {
                            let tx = c.transaction().await?;
                            let s = tx
                                .prepare_cached(
                                    "INSERT INTO results (id, competition, scenario, player, team,
                                        score, duration_ms, record)
                                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                                     ON CONFLICT (id) DO NOTHING",
                                )
                                .await?;
                            let n = tx
                                .execute(
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
                                .await?;
                            if n == 1 {
                                let s = tx
                                    .prepare_cached(
                                        "INSERT INTO best (competition, scenario, player, team,
                                            score, duration_ms)
                                         VALUES ($1, $2, $3, $4, $5, $6)
                                         ON CONFLICT (competition, scenario, player) DO UPDATE
                                         SET score = excluded.score,
                                             duration_ms = excluded.duration_ms,
                                             team = excluded.team
                                         WHERE excluded.score > best.score
                                            OR (excluded.score = best.score
                                                AND excluded.duration_ms < best.duration_ms)",
                                    )
                                    .await?;
                                tx.execute(
                                    &s,
                                    &[&competition, &r.scenario, &r.player, &r.team, &score, &ms],
                                )
                                .await?;
                            }
                            tx.commit().await?;
                            Ok(n == 1)
                        }
                    })
                    .await?;
                // Queued after the result is safe, and again when it is posted again (a queued
                // statement is not queued twice), so a hub stopped in between loses nothing.
                if let Some(o) = outbox
                    && !statements.is_empty()
                {
                    o.lock()
                        .map_err(failed)?
                        .enqueue(statements)
                        .map_err(failed)?;
                }
                Ok(added)
            }
        }
    }

    /// The competition's board: players, or teams with `by_team`.
    pub async fn board(&self, id: &str, by_team: bool) -> Result<Vec<BoardRow>, DbError> {
        match self {
            Db::Sqlite { records, .. } => records
                .lock()
                .map_err(failed)?
                .board(&peercall_core::records::BoardQuery {
                    competition: Some(id.to_string()),
                    scenario: None,
                    by_team,
                })
                .map_err(failed),
            Db::Postgres { .. } => {
                let rows = self
                    .pg(|c| async move {
                        let s = c
                            .prepare_cached(
                                "SELECT player, MAX(team), SUM(score)::FLOAT8,
                                    SUM(duration_ms)::FLOAT8, COUNT(*)
                                 FROM best WHERE competition = $1 GROUP BY player",
                            )
                            .await?;
                        Ok(c.query(&s, &[&id])
                            .await?
                            .iter()
                            .map(|r| BoardRow {
                                place: 0,
                                name: r.get(0),
                                team: r.get(1),
                                score: r.get(2),
                                time_ms: r.get::<_, f64>(3).clamp(0.0, u64::MAX as f64) as u64,
                                calls: r.get::<_, i64>(4).max(0) as u64,
                                players: 1,
                            })
                            .collect())
                    })
                    .await?;
                Ok(rank(rows, by_team))
            }
        }
    }

    /// Every result recorded in competition `id`, oldest first.
    pub async fn results(&self, id: &str) -> Result<Vec<Record>, DbError> {
        match self {
            Db::Sqlite { records, .. } => Ok(records
                .lock()
                .map_err(failed)?
                .results(None)
                .map_err(failed)?
                .into_iter()
                .filter(|r| r.competition.as_deref() == Some(id))
                .collect()),
            Db::Postgres { .. } => {
                let texts: Vec<String> = self
                    .pg(|c| async move {
                        Ok(c.query(
                            "SELECT record FROM results WHERE competition = $1 ORDER BY seq",
                            &[&id],
                        )
                        .await?
                        .iter()
                        .map(|r| r.get(0))
                        .collect())
                    })
                    .await?;
                texts
                    .iter()
                    .map(|t| serde_json::from_str(t).map_err(failed))
                    .collect()
            }
        }
    }

    /// A number that grows whenever a result is recorded in competition `id` (by this hub or
    /// another on the same database): the live pages redraw when it changes.
    pub async fn marker(&self, id: &str) -> Result<i64, DbError> {
        match self {
            Db::Sqlite { records, .. } => records
                .lock()
                .map_err(failed)?
                .count_in(id)
                .map(|n| n as i64)
                .map_err(failed),
            Db::Postgres { .. } => {
                self.pg(|c| async move {
                    let s = c
                        .prepare_cached(
                            "SELECT COALESCE(MAX(seq), 0) FROM results WHERE competition = $1",
                        )
                        .await?;
                    Ok(c.query_one(&s, &[&id]).await?.get(0))
                })
                .await
            }
        }
    }
}

/// A database URL as shown in messages: without its password.
pub fn shown_url(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((_, host)) => format!("{scheme}://…@{host}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
    .chars()
    .take(120)
    .collect()
}
