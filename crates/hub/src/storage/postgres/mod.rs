//! The hub in PostgreSQL: any number of hub processes share one database and so one board. The
//! schema (`schema.rs`) is migrated at start under an advisory lock (two hubs starting together
//! migrate once); every query is retried on a fresh connection through a database restart.

mod results;
mod schema;

use schema::MIGRATIONS;
pub use schema::PG_SCHEMA_VERSION;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use peercall_core::records::{BoardRow, Record, Store, rank};
use serde_json::Value;
use tokio_postgres::NoTls;

use super::{
    Joined, Listed, Player, Published, Recorded, ScenarioFile, Storage, StorageError, TeamCode,
    failed, hash_secret, join_code, shown_url, version_of,
};

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

/// The hub on PostgreSQL.
pub struct Postgres {
    /// The connections.
    pool: Pool,
    /// Statements waiting for the LRS, in this hub's data folder, when forwarding.
    outbox: Option<Arc<Mutex<Store>>>,
}

impl Postgres {
    /// Opens PostgreSQL at `url`, waits for it (up to [`PATIENCE`]) and brings its schema up to
    /// date; refuses a database with a newer schema than this build knows. Messages show the
    /// URL without its password.
    pub async fn open(url: &str, outbox: Option<Store>) -> Result<Postgres, String> {
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
        let db = Postgres {
            pool,
            outbox: outbox.map(|o| Arc::new(Mutex::new(o))),
        };
        // The driver's errors can quote the connection string: only its own words are kept.
        let done = db
            .pg(|mut c| async move {
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
                    for (i, m) in MIGRATIONS.iter().enumerate().skip(done as usize) {
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
            .map_err(|e| format!("{}: {}", shown_url(url), hide_secrets(&e.to_string(), url)))?;
        if done > PG_SCHEMA_VERSION {
            return Err(format!(
                "{}: its schema is version {done}, newer than this hub's {PG_SCHEMA_VERSION}; \
                 upgrade the hub",
                shown_url(url)
            ));
        }
        Ok(db)
    }

    /// Runs `f` on a pooled connection, again on a fresh one while the failure is transient,
    /// for up to [`PATIENCE`]. Every `f` here may be run twice safely (inserts are idempotent
    /// by key).
    async fn pg<T, F, Fut>(&self, f: F) -> Result<T, StorageError>
    where
        F: Fn(deadpool_postgres::Object) -> Fut + Send + Sync,
        Fut: std::future::Future<Output = Result<T, tokio_postgres::Error>> + Send,
        T: Send,
    {
        let start = std::time::Instant::now();
        let mut pause = Duration::from_millis(100);
        loop {
            let error = match self.pool.get().await {
                Ok(c) => match f(c).await {
                    Ok(v) => return Ok(v),
                    Err(e) if transient(&e) => e.to_string(),
                    Err(e) => return Err(failed(e)),
                },
                Err(e) => e.to_string(),
            };
            if start.elapsed() > PATIENCE {
                return Err(StorageError::Unavailable(error));
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_secs(1));
        }
    }
}

/// `text` with every password the connection string `url` holds replaced (a driver's message
/// may quote it).
fn hide_secrets(text: &str, url: &str) -> String {
    let mut out = text.to_string();
    if let Ok(config) = url.parse::<tokio_postgres::Config>()
        && let Some(pw) = config.get_password()
        && !pw.is_empty()
    {
        out = out.replace(&*String::from_utf8_lossy(pw), "…");
    }
    out
}

#[async_trait]
impl Storage for Postgres {
    async fn admin_hash(&self) -> Result<Option<String>, StorageError> {
        self.pg(|c| async move {
            Ok(
                c.query_opt("SELECT value FROM settings WHERE key = 'admin_token'", &[])
                    .await?
                    .map(|r| r.get(0)),
            )
        })
        .await
    }

    async fn set_admin(&self, token: &str) -> Result<(), StorageError> {
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

    async fn publish(
        &self,
        p: &Published,
        teams: &[String],
        now: &str,
    ) -> Result<Vec<TeamCode>, StorageError> {
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
                for f in &p.scenarios {
                    tx.execute(
                        "INSERT INTO scenarios (competition, scenario, text) VALUES ($1, $2, $3)",
                        &[&p.id, &f.id, &f.text],
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
                    codes.push(TeamCode {
                        team: team.clone(),
                        code,
                    });
                }
                tx.commit().await?;
                Ok(codes)
            }
        })
        .await
    }

    async fn competitions(&self) -> Result<Vec<Listed>, StorageError> {
        self.pg(|c| async move {
            Ok(
                c.query("SELECT id, name FROM competitions ORDER BY id", &[])
                    .await?
                    .iter()
                    .map(|r| Listed {
                        id: r.get(0),
                        name: r.get(1),
                    })
                    .collect(),
            )
        })
        .await
    }

    async fn version(&self, id: &str) -> Result<Option<String>, StorageError> {
        self.pg(|c| async move {
            let s = c
                .prepare_cached("SELECT version FROM competitions WHERE id = $1")
                .await?;
            Ok(c.query_opt(&s, &[&id]).await?.map(|r| r.get(0)))
        })
        .await
    }

    async fn competition(&self, id: &str) -> Result<Option<Published>, StorageError> {
        self.pg(|c| async move {
            let Some(row) = c
                .query_opt("SELECT name, file FROM competitions WHERE id = $1", &[&id])
                .await?
            else {
                return Ok(None);
            };
            let scenarios = c
                .query(
                    "SELECT scenario, text FROM scenarios WHERE competition = $1
                     ORDER BY scenario",
                    &[&id],
                )
                .await?
                .iter()
                .map(|r| ScenarioFile {
                    id: r.get(0),
                    text: r.get(1),
                })
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

    async fn teams(&self, id: &str) -> Result<Vec<TeamCode>, StorageError> {
        self.pg(|c| async move {
            Ok(c.query(
                "SELECT team, code FROM teams WHERE competition = $1 ORDER BY team",
                &[&id],
            )
            .await?
            .iter()
            .map(|r| TeamCode {
                team: r.get(0),
                code: r.get(1),
            })
            .collect())
        })
        .await
    }

    async fn join(&self, code: &str, name: &str, now: &str) -> Result<Joined, StorageError> {
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
                    return Ok(Joined::UnknownCode);
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
                        return Ok(Joined::NameTaken);
                    }
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
        })
        .await
    }

    async fn team_of(&self, code: &str) -> Result<Option<(String, String)>, StorageError> {
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

    async fn player(&self, token: &str) -> Result<Option<Player>, StorageError> {
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

    async fn record(&self, r: &Record, statements: &[Value]) -> Result<Recorded, StorageError> {
        self.record_result(r, statements).await
    }

    async fn board(&self, id: &str, by_team: bool) -> Result<Vec<BoardRow>, StorageError> {
        let rows = self
            .pg(|c| async move {
                let s = c
                    .prepare_cached(
                        "SELECT player, MAX(team), SUM(score)::FLOAT8,
                            SUM(duration_ms)::FLOAT8, COUNT(*), MAX(reached)
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
                        reached: r.get::<_, i64>(5).max(0) as u64,
                    })
                    .collect())
            })
            .await?;
        Ok(rank(rows, by_team))
    }

    async fn results(&self, id: &str) -> Result<Vec<Record>, StorageError> {
        self.results_where(id, None).await
    }

    async fn results_of(&self, id: &str, player: &str) -> Result<Vec<Record>, StorageError> {
        self.results_where(id, Some(player)).await
    }

    async fn roster(&self, id: &str) -> Result<Vec<(String, String)>, StorageError> {
        self.pg(|c| async move {
            Ok(c.query(
                "SELECT name, team FROM players WHERE competition = $1 ORDER BY name",
                &[&id],
            )
            .await?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect())
        })
        .await
    }

    async fn marker(&self, id: &str) -> Result<i64, StorageError> {
        self.pg(|c| async move {
            let s = c
                .prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM results WHERE competition = $1")
                .await?;
            Ok(c.query_one(&s, &[&id]).await?.get(0))
        })
        .await
    }

    fn shared(&self) -> bool {
        true
    }
}
