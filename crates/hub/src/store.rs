//! The hub's own tables in SQLite: published competitions and their scenario files, teams and
//! their join codes, players and their (hashed) tokens, the (hashed) admin token; and the parts
//! the PostgreSQL side shares.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

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

/// SHA-256 of a secret, in hex: tokens are stored only this way.
pub fn hash_secret(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A published competition as stored.
#[derive(Debug, Clone)]
pub struct Published {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The competition file's text.
    pub file: String,
    /// The scenario files' texts.
    pub scenarios: Vec<String>,
}

/// A player who joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Player {
    /// The competition joined.
    pub competition: String,
    /// The name results are posted under.
    pub name: String,
    /// The team the join code belonged to.
    pub team: String,
}

/// What joining with a code gives: nothing for an unknown code; a refusal (the name is taken);
/// or the new token and who the player is.
pub type Joining = Option<Result<(String, Player), String>>;

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
    ) -> Result<Vec<(String, String)>, String> {
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
        for text in &p.scenarios {
            let id = scenario_id(text);
            tx.execute(
                "INSERT OR REPLACE INTO scenarios (competition, scenario, text) VALUES (?1, ?2, ?3)",
                params![p.id, id, text],
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
            codes.push((team.clone(), code));
        }
        tx.commit().map_err(|e| e.to_string())?;
        Ok(codes)
    }

    /// Every published competition, by id.
    pub fn competitions(&self) -> Result<Vec<Published>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, file FROM competitions ORDER BY id")
            .map_err(|e| e.to_string())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(|e| e.to_string())?
            .collect::<Result<Vec<(String, String, String)>, _>>()
            .map_err(|e| e.to_string())?;
        rows.into_iter()
            .map(|(id, name, file)| {
                let scenarios = self.scenario_texts(&id)?;
                Ok(Published {
                    id,
                    name,
                    file,
                    scenarios,
                })
            })
            .collect()
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

    fn scenario_texts(&self, competition: &str) -> Result<Vec<String>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT text FROM scenarios WHERE competition = ?1 ORDER BY scenario")
            .map_err(|e| e.to_string())?;
        stmt.query_map(params![competition], |r| r.get(0))
            .map_err(|e| e.to_string())?
            .collect::<Result<Vec<String>, _>>()
            .map_err(|e| e.to_string())
    }

    /// Joins the competition whose team has `code` as `name`; returns the player's token (shown
    /// once, stored hashed) and who they are. `Ok(None)` for an unknown code.
    pub fn join(&self, code: &str, name: &str, now: &str) -> Result<Joining, String> {
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
            return Ok(None);
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
            return Ok(Some(Err(name_taken(name))));
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

/// What was published (the competition file and its scenario files), as a hash, so a hub can
/// tell its cached copy is stale.
pub(crate) fn version_of(p: &Published) -> String {
    hash_secret(&format!("{}\u{0}{}", p.file, p.scenarios.join("\u{0}")))
}

/// The id of the scenario in a scenario file's text ("" when it has none).
pub(crate) fn scenario_id(text: &str) -> String {
    peercall_dialogue::load_str("scenario.ron", text)
        .scenario
        .map(|s| s.id)
        .unwrap_or_default()
}

/// The refusal for a name already on a competition.
pub(crate) fn name_taken(name: &str) -> String {
    format!("{name} has already joined this competition; choose another name")
}

/// A join code players type: eight characters from an alphabet without look-alikes.
pub(crate) fn join_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    uuid::Uuid::new_v4()
        .as_bytes()
        .iter()
        .take(8)
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect()
}
