//! Players' finished calls in SQLite: crash-safe recording, versioned schema, leaderboards, and
//! export / import with every result replayed through the engine before it counts.

use crate::ui::say;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use peercall_dialogue::{Call, Outcome, Script};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::Error;
use crate::library::Library;

/// The schema version this build writes; older databases are migrated forward.
pub const SCHEMA_VERSION: i64 = 9;

const MIGRATIONS: [&str; 9] = [
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
    // 5: statements the LRS refused as invalid are set aside with its reason, so they do not
    // hold up the rest of the queue.
    "ALTER TABLE outbox ADD COLUMN parked TEXT;",
    // 6: competition attempts are counted when a call starts, not when it is recorded, so an
    // attempt abandoned half-way still counts. Calls recorded here before count as started.
    "CREATE TABLE attempts (
        player TEXT NOT NULL,
        competition TEXT NOT NULL,
        scenario TEXT NOT NULL,
        seed INTEGER NOT NULL,
        started_at TEXT NOT NULL
     );
     CREATE INDEX attempts_of ON attempts (competition, scenario, player);
     INSERT INTO attempts (player, competition, scenario, seed, started_at)
        SELECT player, competition, scenario, seed, started_at FROM results
        WHERE competition IS NOT NULL AND imported = 0;",
    // 7: the truth a call was in and where each line was shown (both follow from the seed and
    // the choices, and are checked against them on import), for trainers reading the records.
    "ALTER TABLE results ADD COLUMN truth TEXT NOT NULL DEFAULT '';
     ALTER TABLE results ADD COLUMN shown TEXT NOT NULL DEFAULT '[]';",
    // 8: results waiting for the team hub of the competition the player joined, queued in the
    // transaction that records them, so each is sent exactly once however the game ends.
    "CREATE TABLE hub_outbox (
        result TEXT PRIMARY KEY,
        server TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try INTEGER NOT NULL DEFAULT 0,
        sent INTEGER NOT NULL DEFAULT 0,
        refused TEXT
     );",
    // 9: the language a call was played in ('' for the scenario's own).
    "ALTER TABLE results ADD COLUMN lang TEXT NOT NULL DEFAULT '';",
];

/// Queues a new result of the joined competition for its hub (nothing when no hub was joined,
/// or the result is of another competition).
const QUEUE_FOR_HUB: &str = "
    INSERT OR IGNORE INTO hub_outbox (result, server)
    SELECT ?1, value FROM settings
    WHERE key = 'hub_server'
      AND ?2 = (SELECT value FROM settings WHERE key = 'hub_competition')";

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
    /// The truth the call was in ("" in a scenario without truths, or recorded before they
    /// were).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub truth: String,
    /// Where each chosen line was shown among the choices (1-based), turn by turn; empty in
    /// records from before this was kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shown: Vec<u32>,
    /// The language the call was played in ("" for the scenario's own). The choices, the score
    /// and the verification are the same in every language.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lang: String,
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
            truth: truth_id(script, call),
            shown: call.turns().iter().map(|t| t.shown).collect(),
            lang: String::new(),
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
    pub fn verify(&self, script: &Script) -> Result<(), Error> {
        self.replays(script).map_err(Error::Unverified)
    }

    fn replays(&self, script: &Script) -> Result<(), String> {
        if script.hash() != self.scenario_hash && script.legacy_hash() != self.scenario_hash {
            return Err(say(
                "core-rec-scenario-changed",
                &[("scenario", self.scenario.as_str().into())],
            ));
        }
        let call =
            Call::replay_log(script, self.seed, &self.choices, &self.waits).map_err(|e| {
                say(
                    "core-rec-no-replay",
                    &[("why", e.msg().localized(crate::ui::current().lang()).into())],
                )
            })?;
        let Some(finish) = call.finish() else {
            return Err(say("core-rec-unfinished", &[]));
        };
        let ending = script.ending_id(finish.ending);
        let score = call.score(script).unwrap_or(0);
        if self.scenario != script.id() {
            return Err(say(
                "core-rec-other-scenario",
                &[
                    (
                        "named",
                        crate::shown::clip(&self.scenario, 64).as_ref().into(),
                    ),
                    ("actual", script.id().into()),
                ],
            ));
        }
        if call.outcome(script) != Some(self.outcome) {
            return Err(say(
                "core-rec-outcome",
                &[
                    (
                        "replayed",
                        call.outcome(script)
                            .map_or("-".to_string(), |o| crate::ui::current().outcome(o))
                            .into(),
                    ),
                    (
                        "recorded",
                        crate::ui::current().outcome(self.outcome).into(),
                    ),
                ],
            ));
        }
        if ending != self.ending {
            return Err(say(
                "core-rec-ending",
                &[
                    ("replayed", ending.into()),
                    (
                        "recorded",
                        crate::shown::clip(&self.ending, 64).as_ref().into(),
                    ),
                ],
            ));
        }
        if score != self.score || call.trust() != self.trust {
            return Err(say(
                "core-rec-score",
                &[
                    ("score", score.to_string().into()),
                    ("trust", call.trust().to_string().into()),
                    ("recorded_score", self.score.to_string().into()),
                    ("recorded_trust", self.trust.to_string().into()),
                ],
            ));
        }
        if (call.days() - self.days).abs() > 1e-6 {
            return Err(say(
                "core-rec-days",
                &[
                    ("replayed", call.days().to_string().into()),
                    ("recorded", self.days.to_string().into()),
                ],
            ));
        }
        if !self.truth.is_empty() && self.truth != truth_id(script, &call) {
            return Err(say(
                "core-rec-truth",
                &[
                    ("replayed", truth_id(script, &call).into()),
                    (
                        "recorded",
                        crate::shown::clip(&self.truth, 64).as_ref().into(),
                    ),
                ],
            ));
        }
        let shown: Vec<u32> = call.turns().iter().map(|t| t.shown).collect();
        if !self.shown.is_empty() && self.shown != shown {
            return Err(say("core-rec-shown", &[]));
        }
        if self.content_id() != self.id {
            return Err(say("core-rec-id", &[]));
        }
        Ok(())
    }
}

/// The id of the truth `call` is in ("" in a scenario without truths).
fn truth_id(script: &Script, call: &Call) -> String {
    let truths = &script.scenario().truths;
    if truths.is_empty() {
        String::new()
    } else {
        truths.at(call.truth() as usize).0.to_string()
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

/// Marks a SQLite file as peercall's records (`PRAGMA application_id`, "PEER").
pub const APPLICATION_ID: i32 = 0x5045_4552;

/// How long a database held by another program is waited for before giving up:
/// `PEERCALL_BUSY_TIMEOUT_MS`, default 10 s.
fn busy_timeout() -> Duration {
    std::env::var("PEERCALL_BUSY_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(Duration::from_secs(10), Duration::from_millis)
}

/// What SQLite said, in the words a player can act on: `Corrupt` only when SQLite itself reports
/// a damaged file or one that is not a database; everything else leaves the file alone.
fn classify(e: rusqlite::Error, path: &Path) -> OpenError {
    use rusqlite::ErrorCode as C;
    let shown = path.display();
    let Some(code) = e.sqlite_error_code() else {
        return OpenError::Fatal(Error::Records(say(
            "core-records-cannot-open",
            &[
                ("path", shown.to_string().into()),
                ("why", e.to_string().into()),
            ],
        )));
    };
    OpenError::Fatal(Error::Records(match code {
        C::NotADatabase | C::DatabaseCorrupt => return OpenError::Corrupt(e.to_string()),
        C::DatabaseBusy | C::DatabaseLocked => {
            return OpenError::Busy(Error::Busy {
                path: path.to_path_buf(),
                waited: busy_timeout(),
            });
        }
        C::ReadOnly => say(
            "core-records-read-only",
            &[("path", shown.to_string().into())],
        ),
        C::DiskFull => say(
            "core-records-disk-full",
            &[("path", shown.to_string().into())],
        ),
        C::SystemIoFailure => {
            return OpenError::Io(Error::Records(say(
                "core-records-failing",
                &[
                    ("path", shown.to_string().into()),
                    ("why", e.to_string().into()),
                ],
            )));
        }
        C::CannotOpen | C::PermissionDenied => say(
            "core-records-cannot-open",
            &[
                ("path", shown.to_string().into()),
                ("why", e.to_string().into()),
            ],
        ),
        _ => say(
            "core-records-cannot-use",
            &[
                ("path", shown.to_string().into()),
                ("why", e.to_string().into()),
            ],
        ),
    }))
}

impl Store {
    /// Opens (or creates) the database. Only a file SQLite itself reports as damaged or as not
    /// a database is moved aside (under a new name, by one process at a time) and a fresh
    /// database started; the returned notice says so. A folder, a read-only or locked database,
    /// a full disk, a database from a newer peercall or another program's database is an error,
    /// and nothing is changed.
    pub fn open(path: &Path) -> Result<(Store, Option<String>), Error> {
        let shown = path.display();
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                return Err(Error::Records(say(
                    "core-records-folder",
                    &[
                        ("path", shown.to_string().into()),
                        (
                            "example",
                            path.join("records.sqlite").display().to_string().into(),
                        ),
                    ],
                )));
            }
            Ok(m) if !m.is_file() => {
                return Err(Error::Records(say(
                    "core-records-not-a-file",
                    &[("path", shown.to_string().into())],
                )));
            }
            // Not opened here to test it: closing another handle to a database file that
            // this process also has open in SQLite would drop SQLite's locks on it. SQLite
            // reports an unreadable file itself.
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(Error::io(say(
                        "core-cannot-create",
                        &[("path", dir.display().to_string().into())],
                    )))?;
                }
            }
            Err(e) => {
                return Err(Error::Io {
                    what: say(
                        "core-records-cannot-read",
                        &[("path", shown.to_string().into())],
                    ),
                    source: e,
                });
            }
        }
        // Openers take turns, holding an exclusive lock on the folder (not on the file: closing
        // another handle to a database file would drop SQLite's own locks on it), so that none
        // sees another set a damaged file aside half-way: whoever comes after finds the fresh
        // database. Using the records needs no turn; only opening them does.
        let turn = Store::lock_folder(path);
        match Store::try_open_patiently(path) {
            Ok(store) => Ok((store, None)),
            Err(OpenError::Fatal(e) | OpenError::Busy(e) | OpenError::Io(e)) => Err(e),
            Err(OpenError::Corrupt(why)) => {
                // Setting aside needs the turn (held until the fresh database is open).
                let _held = turn?;
                Store::set_aside(path, &why)
            }
        }
    }

    /// The exclusive lock on the folder of the records at `path`, held while the file is opened
    /// (and, if damaged, set aside); released when dropped.
    fn lock_folder(path: &Path) -> Result<std::fs::File, Error> {
        let shown = path.display();
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let folder = std::fs::File::open(dir).map_err(Error::io(say(
            "core-records-folder-unopened",
            &[("path", shown.to_string().into())],
        )))?;
        folder.lock().map_err(Error::io(say(
            "core-records-folder-unlocked",
            &[("path", shown.to_string().into())],
        )))?;
        Ok(folder)
    }

    /// Moves a damaged database aside and starts a fresh one; called with the folder's lock
    /// held (see [`Store::open`]), so no other process is opening it meanwhile.
    fn set_aside(path: &Path, why: &str) -> Result<(Store, Option<String>), Error> {
        let shown = path.display();
        let stamp = humantime::format_rfc3339_seconds(SystemTime::now())
            .to_string()
            .replace([':', '-'], "");
        let tag = &uuid::Uuid::new_v4().simple().to_string()[..8];
        let backup = PathBuf::from(format!("{shown}.corrupt-{stamp}-{tag}"));
        // A hard link never replaces an existing file: the backup cannot land on anything.
        let stuck = || {
            say(
                "core-records-stuck",
                &[("path", shown.to_string().into()), ("why", why.into())],
            )
        };
        std::fs::hard_link(path, &backup).map_err(Error::io(stuck()))?;
        // The side files go first, while the damaged file still stands: no fresh database can
        // have made side files of its own yet.
        for ext in ["-wal", "-shm", "-journal"] {
            let side = PathBuf::from(format!("{shown}{ext}"));
            let kept = PathBuf::from(format!("{}{ext}", backup.display()));
            if side.exists() && std::fs::hard_link(&side, &kept).is_ok() {
                let _ = std::fs::remove_file(&side);
            }
        }
        std::fs::remove_file(path).map_err(Error::io(stuck()))?;
        let store = Store::try_open_patiently(path).map_err(|e| e.into_error(path))?;
        Ok((
            store,
            Some(say(
                "core-records-set-aside",
                &[
                    ("path", shown.to_string().into()),
                    ("why", why.into()),
                    ("backup", backup.display().to_string().into()),
                ],
            )),
        ))
    }

    /// [`Store::try_open`], tried again while another process holds the database. SQLite's own
    /// wait does not cover every case: when two connections would deadlock (one upgrading a
    /// read to a write while the other writes), it answers "busy" at once.
    fn try_open_patiently(path: &Path) -> Result<Store, OpenError> {
        let deadline = std::time::Instant::now() + busy_timeout();
        let mut pause = Duration::from_millis(5);
        loop {
            match Store::try_open(path) {
                Err(OpenError::Busy(_)) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                other => return other,
            }
        }
    }

    fn try_open(path: &Path) -> Result<Store, OpenError> {
        let fail = |e| classify(e, path);
        let conn = Connection::open(path).map_err(fail)?;
        conn.busy_timeout(busy_timeout()).map_err(fail)?;
        // Read before writing anything: what the file is, and who wrote it.
        let (app, version, tables, results): (i32, i64, i64, i64) = conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id),
                        (SELECT user_version FROM pragma_user_version),
                        (SELECT COUNT(*) FROM sqlite_master),
                        (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'results')",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .map_err(fail)?;
        let shown = path.display();
        if version > SCHEMA_VERSION {
            return Err(OpenError::Fatal(Error::Records(say(
                "core-records-newer",
                &[
                    ("path", shown.to_string().into()),
                    ("version", version.to_string().into()),
                ],
            ))));
        }
        // Databases written before the application id was set are recognised by their schema.
        let ours =
            app == APPLICATION_ID || (app == 0 && (tables == 0 || (version >= 1 && results == 1)));
        if !ours {
            return Err(OpenError::Fatal(Error::Records(say(
                "core-records-foreign",
                &[("path", shown.to_string().into())],
            ))));
        }
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(fail)?;
        if check != "ok" {
            return Err(OpenError::Corrupt(check));
        }
        if conn.is_readonly(rusqlite::MAIN_DB).map_err(fail)? {
            return Err(OpenError::Fatal(Error::Records(say(
                "core-records-read-only",
                &[("path", shown.to_string().into())],
            ))));
        }
        // Every finished call is on disk before `record` returns, even if the process is
        // killed right after.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(fail)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(OpenError::Fatal(Error::Records(say(
                "core-records-no-wal",
                &[
                    ("path", shown.to_string().into()),
                    ("mode", mode.as_str().into()),
                ],
            ))));
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(fail)?;
        // Migrations: the version is read again inside the write transaction, so processes
        // opening a new database at once apply each migration exactly once.
        if version < SCHEMA_VERSION || app != APPLICATION_ID {
            let tx =
                Transaction::new_unchecked(&conn, TransactionBehavior::Immediate).map_err(fail)?;
            let version: i64 = tx
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .map_err(fail)?;
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
                tx.execute_batch(sql).map_err(fail)?;
                tx.pragma_update(None, "user_version", (i + 1) as i64)
                    .map_err(fail)?;
            }
            tx.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(fail)?;
            tx.commit().map_err(fail)?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// A write transaction that takes the lock at once (waiting for other writers), so that it
    /// never fails half-way for want of it.
    fn write(&self) -> Result<Transaction<'_>, Error> {
        Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(|e| self.explain(e))
    }

    /// What a failed write means, in words a player can act on.
    fn explain(&self, e: rusqlite::Error) -> Error {
        match classify(e, &self.path) {
            OpenError::Busy(e) => e,
            OpenError::Fatal(e) | OpenError::Io(e) => Error::Records(say(
                "core-records-cannot-record",
                &[("why", e.to_string().into())],
            )),
            OpenError::Corrupt(m) => Error::Records(say(
                "core-records-cannot-record",
                &[("why", m.as_str().into())],
            )),
        }
    }

    /// Where this database is.
    pub fn path(&self) -> &Path {
        &self.path
    }

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
        let tx = self.write()?;
        let added = insert_record(&tx, r, imported).map_err(|e| self.explain(e))?;
        queue(&tx, statements).map_err(|e| self.explain(e))?;
        if added && !imported {
            tx.execute(QUEUE_FOR_HUB, params![r.id, r.competition])
                .map_err(|e| self.explain(e))?;
        }
        tx.commit().map_err(|e| self.explain(e))?;
        Ok(added)
    }

    /// Queues results already recorded for the hub at `server` (a result queued before is not
    /// queued again); returns how many were new in the queue.
    pub fn hub_queue(&self, ids: &[String], server: &str) -> Result<usize, Error> {
        let tx = self.write()?;
        let mut n = 0;
        for id in ids {
            n += tx
                .execute(
                    "INSERT OR IGNORE INTO hub_outbox (result, server) VALUES (?1, ?2)",
                    params![id, server],
                )
                .map_err(|e| self.explain(e))?;
        }
        tx.commit().map_err(|e| self.explain(e))?;
        Ok(n)
    }

    /// Results due for the hub (unsent, not refused, their retry time has come), oldest first:
    /// (result id, server, tries so far).
    pub fn hub_due(&self, now: i64) -> Result<Vec<(String, String, u32)>, Error> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT result, server, attempts FROM hub_outbox
                 WHERE sent = 0 AND refused IS NULL AND next_try <= ?1 ORDER BY rowid",
            )
            .map_err(Error::db)?;
        stmt.query_map(params![now], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(Error::db)?
            .collect::<Result<_, _>>()
            .map_err(Error::db)
    }

    /// Marks a result as taken by the hub.
    pub fn hub_sent(&self, id: &str) -> Result<(), Error> {
        self.conn
            .execute(
                "UPDATE hub_outbox SET sent = 1 WHERE result = ?1",
                params![id],
            )
            .map(|_| ())
            .map_err(Error::db)
    }

    /// Counts a failed try and sets when to try again (seconds since the epoch).
    pub fn hub_retry_later(&self, id: &str, next_try: i64) -> Result<(), Error> {
        self.conn
            .execute(
                "UPDATE hub_outbox SET attempts = attempts + 1, next_try = ?2 WHERE result = ?1",
                params![id, next_try],
            )
            .map(|_| ())
            .map_err(Error::db)
    }

    /// Sets aside a result the hub refused, with its reason: sending it again cannot help.
    pub fn hub_refused(&self, id: &str, reason: &str) -> Result<(), Error> {
        self.conn
            .execute(
                "UPDATE hub_outbox SET refused = ?2, attempts = attempts + 1 WHERE result = ?1",
                params![id, reason],
            )
            .map(|_| ())
            .map_err(Error::db)
    }

    /// What the hub queue holds: (waiting to be sent, refused with their reasons).
    pub fn hub_pending(&self) -> Result<(u64, Vec<(String, String)>), Error> {
        let waiting = self
            .conn
            .query_row(
                "SELECT COUNT(*) FROM hub_outbox WHERE sent = 0 AND refused IS NULL",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map_err(Error::db)? as u64;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT result, refused FROM hub_outbox WHERE refused IS NOT NULL ORDER BY rowid",
            )
            .map_err(Error::db)?;
        let refused = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(Error::db)?
            .collect::<Result<_, _>>()
            .map_err(Error::db)?;
        Ok((waiting, refused))
    }

    /// Makes every waiting result due now (the player asked, or the hub was just reached).
    pub fn hub_retry_now(&self) -> Result<(), Error> {
        self.conn
            .execute("UPDATE hub_outbox SET next_try = 0 WHERE sent = 0", [])
            .map(|_| ())
            .map_err(Error::db)
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

    /// Results chosen by a `WHERE ... ORDER BY ...` clause with its parameters.
    fn select(&self, clause: &str, args: impl rusqlite::Params) -> Result<Vec<Record>, Error> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT id, player, team, scenario, scenario_hash, seed, choices, waits, ending,
                    outcome, score, trust, days, duration_ms, started_at, finished_at, competition,
                    truth, shown, lang
                 FROM results {clause}"
            ))
            .map_err(Error::db)?;
        let rows = stmt
            .query_map(args, |r| {
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
                    truth: r.get(17)?,
                    shown: serde_json::from_str(&r.get::<_, String>(18)?).unwrap_or_default(),
                    lang: r.get(19)?,
                })
            })
            .map_err(Error::db)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(Error::db)
    }

    /// Queues xAPI statements for the LRS; a statement already queued (same id) is not queued
    /// twice.
    pub fn enqueue(&self, statements: &[serde_json::Value]) -> Result<(), Error> {
        let tx = self.write()?;
        queue(&tx, statements).map_err(|e| self.explain(e))?;
        tx.commit().map_err(|e| self.explain(e))
    }

    /// Statements due for sending (unsent, and their retry time has come), oldest first:
    /// (id, JSON, attempts so far).
    pub fn outbox_due(&self, now: i64) -> Result<Vec<(String, String, u32)>, Error> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, statement, attempts FROM outbox
                 WHERE sent = 0 AND parked IS NULL AND next_try <= ?1 ORDER BY seq",
            )
            .map_err(Error::db)?;
        stmt.query_map(params![now], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(Error::db)?
            .collect::<Result<_, _>>()
            .map_err(Error::db)
    }

    /// Marks a statement delivered.
    pub fn outbox_sent(&self, id: &str) -> Result<(), Error> {
        self.conn
            .execute("UPDATE outbox SET sent = 1 WHERE id = ?1", params![id])
            .map(|_| ())
            .map_err(Error::db)
    }

    /// Counts a failed try and sets when to try again (seconds since the epoch).
    pub fn outbox_retry_later(&self, id: &str, next_try: i64) -> Result<(), Error> {
        self.conn
            .execute(
                "UPDATE outbox SET attempts = attempts + 1, next_try = ?2 WHERE id = ?1",
                params![id, next_try],
            )
            .map(|_| ())
            .map_err(Error::db)
    }

    /// Sets a statement aside that the LRS refused as invalid, with the reason: it is not sent
    /// again (until [`Store::outbox_unpark`]) and no longer holds up the others.
    pub fn outbox_park(&self, id: &str, reason: &str) -> Result<(), Error> {
        self.conn
            .execute(
                "UPDATE outbox SET parked = ?2, attempts = attempts + 1 WHERE id = ?1",
                params![id, reason],
            )
            .map(|_| ())
            .map_err(Error::db)
    }

    /// Statements set aside, oldest first: (id, reason).
    pub fn outbox_parked(&self) -> Result<Vec<(String, String)>, Error> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, parked FROM outbox WHERE sent = 0 AND parked IS NOT NULL ORDER BY seq",
            )
            .map_err(Error::db)?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(Error::db)?
            .collect::<Result<_, _>>()
            .map_err(Error::db)
    }

    /// Puts every set-aside statement back in the queue (after the LRS or the data was fixed).
    pub fn outbox_unpark(&self) -> Result<usize, Error> {
        self.conn
            .execute(
                "UPDATE outbox SET parked = NULL, next_try = 0 WHERE sent = 0 AND parked IS NOT NULL",
                [],
            )
            .map_err(Error::db)
    }

    /// Makes every waiting statement due now (after the LRS comes back, or on request).
    pub fn outbox_retry_now(&self) -> Result<(), Error> {
        self.conn
            .execute("UPDATE outbox SET next_try = 0 WHERE sent = 0", [])
            .map(|_| ())
            .map_err(Error::db)
    }

    /// Statements waiting to be delivered (not counting those set aside).
    pub fn outbox_waiting(&self) -> Result<u64, Error> {
        self.conn
            .query_row(
                "SELECT COUNT(*) FROM outbox WHERE sent = 0 AND parked IS NULL",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as u64)
            .map_err(Error::db)
    }

    /// A setting kept on this machine.
    pub fn setting(&self, key: &str) -> Result<Option<String>, Error> {
        self.conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                params![key],
                |r| r.get(0),
            )
            .optional()
            .map_err(Error::db)
    }

    /// Saves a setting.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), Error> {
        self.conn
            .execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map(|_| ())
            .map_err(Error::db)
    }

    /// A player's progress per scenario: (scenario, calls played, first score, best score).
    pub fn progress(&self, player: &str) -> Result<Vec<(String, u32, u32, u32)>, Error> {
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
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
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

    /// Number of results stored.
    pub fn count(&self) -> Result<u64, Error> {
        self.conn
            .query_row("SELECT COUNT(*) FROM results", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(Error::db)
    }

    /// How many results were recorded under `competition`.
    pub fn count_in(&self, competition: &str) -> Result<u64, Error> {
        self.conn
            .query_row(
                "SELECT COUNT(*) FROM results WHERE competition = ?1",
                params![competition],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as u64)
            .map_err(Error::db)
    }

    /// The leaderboard: each player's best result per scenario (ties: the faster one), summed
    /// over scenarios; players ranked by total score, then by total time. With `by_team`, a
    /// team's score is the mean of its players' totals, so teams of different sizes compare
    /// fairly; ties again go to the faster team.
    pub fn board(&self, q: &BoardQuery) -> Result<Vec<BoardRow>, Error> {
        let sql = "
            SELECT player, MAX(team), TOTAL(score), TOTAL(duration_ms), COUNT(*)
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
/// total time, then by name. With `by_team`, a team's score is the mean of its players' totals,
/// so teams of different sizes compare fairly; ties again go to the faster team.
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
            });
            t.score += r.score;
            t.time_ms = t.time_ms.saturating_add(r.time_ms);
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
    rows
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
        for competition in std::iter::once("*").chain(r.competition.as_deref()) {
            tx.execute(
                UPSERT_BEST,
                params![
                    competition,
                    r.scenario,
                    r.player,
                    r.team,
                    r.score,
                    r.duration_ms.min(i64::MAX as u64) as i64
                ],
            )?;
        }
    }
    Ok(n == 1)
}

/// Queues statements in the outbox; one already queued (same id) is not queued twice.
fn queue(tx: &Connection, statements: &[serde_json::Value]) -> rusqlite::Result<()> {
    for s in statements {
        let id = s["id"].as_str().unwrap_or_default();
        tx.execute(
            "INSERT OR IGNORE INTO outbox (id, statement) VALUES (?1, ?2)",
            params![id, s.to_string()],
        )?;
    }
    Ok(())
}

enum OpenError {
    /// Held by another connection: try again.
    Busy(Error),
    /// Damaged or not a database (SQLite's words): move it aside.
    Corrupt(String),
    /// Do not touch it.
    Fatal(Error),
    /// An I/O error: a failing disk, or another process setting the same damaged file aside
    /// under this one (its side files go): look again once that process is done.
    Io(Error),
}

impl OpenError {
    /// The error to report when the file cannot be used as it is.
    fn into_error(self, path: &Path) -> Error {
        match self {
            OpenError::Busy(e) | OpenError::Fatal(e) | OpenError::Io(e) => e,
            OpenError::Corrupt(why) => Error::Records(say(
                "core-records-damaged",
                &[
                    ("path", path.display().to_string().into()),
                    ("why", why.as_str().into()),
                ],
            )),
        }
    }
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

/// Longest call a result may claim (a day).
pub const MAX_CALL_MS: u64 = 24 * 60 * 60 * 1000;
/// Most turns (and patience losses) a result may hold.
pub const MAX_TURNS: usize = 10_000;
/// Largest export file read.
pub const MAX_EXPORT_BYTES: u64 = 512 << 20;

/// Whether `file` is the database at `db` or one of its side files (`-wal`, `-shm`).
pub fn is_part_of(db: &Path, file: &Path) -> bool {
    let canon = |p: &Path| {
        let dir = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::canonicalize(dir)
            .ok()
            .zip(p.file_name())
            .map(|(d, n)| d.join(n))
    };
    let (Some(db), Some(file)) = (canon(db), canon(file)) else {
        return false;
    };
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .any(|ext| file.as_os_str() == format!("{}{ext}", db.display()).as_str())
}

/// Checks the fields of an imported result that the replay cannot recompute: names, dates,
/// duration, sizes and the id. A replay proves that the call is possible, not who played it.
pub fn validate(r: &Record) -> Result<(), Error> {
    check_fields(r).map_err(Error::Invalid)
}

fn check_fields(r: &Record) -> Result<(), String> {
    let player = crate::shown::name(&say("core-rec-the-player", &[]), &r.player, false)?;
    if player != r.player {
        return Err(say("core-rec-player-spaces", &[]));
    }
    let team = crate::shown::name(&say("core-rec-the-team", &[]), &r.team, true)?;
    if team != r.team {
        return Err(say("core-rec-team-spaces", &[]));
    }
    if r.scenario.is_empty() || r.scenario.len() > 64 || r.scenario.chars().any(char::is_control) {
        return Err(say("core-rec-scenario-id", &[]));
    }
    if r.choices.len() > MAX_TURNS || r.waits.len() > MAX_TURNS {
        return Err(say(
            "core-rec-turns",
            &[("max", MAX_TURNS.to_string().into())],
        ));
    }
    if r.waits
        .iter()
        .any(|&(turn, points)| points <= 0 || points > 1000 || turn as usize > r.choices.len())
    {
        return Err(say("core-rec-patience", &[]));
    }
    if let Some(c) = &r.competition {
        crate::competition::valid_id(c)
            .map_err(|e| say("core-competition-id", &[("why", e.to_string().into())]))?;
    }
    if !r.lang.is_empty() && !crate::i18n::valid_lang(&r.lang) {
        return Err(say(
            "core-rec-lang",
            &[("lang", crate::shown::clip(&r.lang, 20).as_ref().into())],
        ));
    }
    if r.duration_ms > MAX_CALL_MS {
        return Err(say(
            "core-rec-too-long",
            &[("hours", (r.duration_ms / 3_600_000).to_string().into())],
        ));
    }
    let when = |key: &str, t: &str| {
        humantime::parse_rfc3339(t).map_err(|e| {
            say(
                key,
                &[
                    ("time", crate::shown::clip(t, 40).as_ref().into()),
                    ("why", e.to_string().into()),
                ],
            )
        })
    };
    let started = when("core-rec-start", &r.started_at)?;
    let finished = when("core-rec-end", &r.finished_at)?;
    let earliest = humantime::parse_rfc3339("2020-01-01T00:00:00Z").expect("a date");
    let latest = SystemTime::now() + Duration::from_secs(24 * 3600);
    if started < earliest || finished > latest {
        return Err(say("core-rec-dates", &[]));
    }
    let took = finished
        .duration_since(started)
        .map_err(|_| say("core-rec-backwards", &[]))?;
    if (took.as_millis() as i128 - r.duration_ms as i128).abs() > 2_000 {
        return Err(say("core-rec-duration", &[]));
    }
    Ok(())
}

/// Whether a competition result is one of its player's own calls (see [`import`]).
fn own_call(
    r: &Record,
    script: &Script,
    competitions: &[crate::competition::Competition],
) -> Result<(), Error> {
    let Some(id) = &r.competition else {
        return Ok(());
    };
    let shown_id = crate::shown::terminal(&crate::shown::clip(id, 64)).into_owned();
    match competitions.iter().find(|c| &c.id == id) {
        None => Err(Error::Unverified(say(
            "core-rec-unknown-competition",
            &[("competition", shown_id.as_str().into())],
        ))),
        Some(c) if !c.is_players_seed(script, &r.player, r.seed) => Err(Error::Unverified(say(
            "core-rec-not-their-seed",
            &[
                ("seed", r.seed.to_string().into()),
                (
                    "name",
                    crate::shown::terminal(&crate::shown::clip(&r.player, 64))
                        .as_ref()
                        .into(),
                ),
                ("competition", shown_id.as_str().into()),
            ],
        ))),
        Some(_) => Ok(()),
    }
}

/// Imports export files: every result is checked field by field and replayed through the
/// scenario version it names (found by content hash in `library`); what does not reproduce is
/// rejected with the reason. Verified results are written in batches, one transaction each.
///
/// A result played in a competition imports only with that competition's file among
/// `competitions`, and only if its seed is one of that player's own calls: so no one's score
/// counts a call they chose or took from someone else.
pub fn import(
    store: &Store,
    files: &[PathBuf],
    library: &Library,
    competitions: &[crate::competition::Competition],
) -> Result<ImportReport, Error> {
    const BATCH: usize = 2_000;
    let mut report = ImportReport::default();
    let scripts: Vec<&Script> = library.entries.iter().filter_map(|e| e.script()).collect();
    for file in files {
        let shown = file.display().to_string();
        if is_part_of(store.path(), file) {
            return Err(Error::Invalid(say(
                "core-rec-import-itself",
                &[("file", shown.as_str().into())],
            )));
        }
        let size = std::fs::metadata(file)
            .map_err(Error::io(say(
                "core-cannot-read",
                &[("path", shown.as_str().into())],
            )))?
            .len();
        if size > MAX_EXPORT_BYTES {
            return Err(Error::Invalid(say(
                "core-rec-import-too-large",
                &[
                    ("file", shown.as_str().into()),
                    ("megabytes", (MAX_EXPORT_BYTES >> 20).to_string().into()),
                ],
            )));
        }
        let text = std::fs::read_to_string(file).map_err(Error::io(say(
            "core-cannot-read",
            &[("path", shown.as_str().into())],
        )))?;
        let export: Export = serde_json::from_str(&text).map_err(|e| {
            Error::Invalid(format!(
                "{shown}:{}:{}: {}: {}",
                e.line(),
                e.column(),
                say("core-rec-not-records", &[]),
                crate::shown::clip(&e.to_string(), 200)
            ))
        })?;
        if export.format != "peercall-records" {
            return Err(Error::Invalid(format!(
                "{shown}: {}",
                say("core-rec-not-records", &[])
            )));
        }
        let mut batch = Vec::new();
        for r in export.records {
            let verdict = validate(&r)
                .and_then(|()| {
                    let script = scripts
                        .iter()
                        .find(|s| s.hash() == r.scenario_hash)
                        // Results recorded by peercall 0.1 name the scenario by its old hash.
                        .or_else(|| scripts.iter().find(|s| s.legacy_hash() == r.scenario_hash));
                    match script {
                        None => Err(Error::Unverified(say(
                            "core-rec-unknown-version",
                            &[
                                (
                                    "scenario",
                                    crate::shown::terminal(&crate::shown::clip(&r.scenario, 64))
                                        .as_ref()
                                        .into(),
                                ),
                                (
                                    "hash",
                                    crate::shown::terminal(&crate::shown::clip(
                                        &r.scenario_hash,
                                        12,
                                    ))
                                    .as_ref()
                                    .into(),
                                ),
                            ],
                        ))),
                        Some(s) => r.verify(s).and_then(|()| own_call(&r, s, competitions)),
                    }
                })
                .and_then(|()| {
                    // Last: the id must be the one its content gives, so a relabelled copy of a
                    // result is still the same result.
                    if r.content_id() == r.id {
                        Ok(())
                    } else {
                        Err(Error::Unverified(say("core-rec-edited", &[])))
                    }
                });
            match verdict {
                Err(why) => report.rejected.push((
                    shown.clone(),
                    crate::shown::clip(&r.id, 40).into_owned(),
                    why.to_string(),
                )),
                Ok(()) => batch.push(r),
            }
            if batch.len() >= BATCH {
                let (added, dups) = store.record_many(&batch, true)?;
                report.added += added;
                report.duplicates += dups;
                batch.clear();
            }
        }
        let (added, dups) = store.record_many(&batch, true)?;
        report.added += added;
        report.duplicates += dups;
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
            // A competition call played here, and one imported from another machine.
            conn.execute(
                "INSERT INTO results VALUES ('b', 'Ana', 'East', 'demo-request', 'h', 1, '[]', '[]',
                    'qualified-in', 'QualifiedIn', 80, 70, 1.0, 1000, 't0', 't1', 'cup', 0),
                    ('c', 'Ana', 'East', 'demo-request', 'h', 2, '[]', '[]',
                    'qualified-in', 'QualifiedIn', 85, 70, 1.0, 1000, 't0', 't1', 'cup', 1)",
                [],
            )
            .unwrap();
        }
        let (store, notice) = Store::open(&path).unwrap();
        // Both count as attempts; a call started now counts before it is recorded.
        assert_eq!(store.attempts("Ana", "cup", "demo-request").unwrap(), 2);
        store
            .start_attempt("Ana", "cup", "demo-request", 7, SystemTime::now())
            .unwrap();
        assert_eq!(store.attempts("Ana", "cup", "demo-request").unwrap(), 3);
        assert_eq!(store.attempts("Bo", "cup", "demo-request").unwrap(), 0);
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
        assert!(matches!(err, Error::Records(_)), "{err:?}");
        assert!(err.to_string().contains("newer peercall"), "{err}");
        assert!(path.exists());
    }
}
