//! The records store: opening the SQLite file (and setting a damaged one aside), migrating its
//! schema, and the settings kept beside the results.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use crate::Error;
use crate::words::say;

use super::schema::MIGRATIONS;
pub use super::schema::SCHEMA_VERSION;

/// The records database.
pub struct Store {
    pub(super) conn: Connection,
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
pub(super) fn classify(e: rusqlite::Error, path: &Path) -> OpenError {
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
        let stamp = humantime::format_rfc3339_seconds(crate::clock::now())
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
        let deadline = crate::clock::Instant::now() + busy_timeout();
        let mut pause = Duration::from_millis(5);
        loop {
            match Store::try_open(path) {
                Err(OpenError::Busy(_)) if crate::clock::Instant::now() < deadline => {
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
        Store::prepare(conn, path, true)
    }

    /// Checks what was opened is peercall's records, and brings its schema up to date; a file
    /// is also put in write-ahead-log mode with full syncs.
    pub(super) fn prepare(conn: Connection, path: &Path, file: bool) -> Result<Store, OpenError> {
        let fail = |e| classify(e, path);
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
        if file {
            Store::durable(&conn, path)?;
        }
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

    /// Write-ahead logging with full syncs: a finished call is on disk before it is reported.
    fn durable(conn: &Connection, path: &Path) -> Result<(), OpenError> {
        let fail = |e| classify(e, path);
        let shown = path.display();
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
        Ok(())
    }

    /// A write transaction that takes the lock at once (waiting for other writers), so that it
    /// never fails half-way for want of it.
    pub(super) fn write(&self) -> Result<Transaction<'_>, Error> {
        Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(|e| self.explain(e))
    }

    /// What a failed write means, in words a player can act on.
    pub(super) fn explain(&self, e: rusqlite::Error) -> Error {
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
}

pub(super) enum OpenError {
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
    pub(super) fn into_error(self, path: &Path) -> Error {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::BoardQuery;

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
            .start_attempt("Ana", "cup", "demo-request", 7, crate::clock::now())
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
        assert_eq!(
            store.outbox(crate::records::Queue::Lrs).waiting().unwrap(),
            0
        );
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

    #[test]
    fn a_damaged_stored_row_is_an_error_that_names_it_never_an_empty_value() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.sqlite");
        let (store, _) = Store::open(&path).unwrap();
        store
            .conn
            .execute(
                "INSERT INTO results (id, player, team, scenario, scenario_hash, seed, choices,
                    waits, ending, outcome, score, trust, days, duration_ms, started_at,
                    finished_at, competition, imported)
                 VALUES ('abc', 'Ana', '', 'demo-request', 'h', 1, '[1, 2', '[]', 'e',
                    'QualifiedIn', 90, 70, 1.0, 1000, 't0', 't1', NULL, 0)",
                [],
            )
            .unwrap();
        let err = store.results(None).unwrap_err().to_string();
        assert!(
            err.contains("row 1") && err.contains("abc") && err.contains("choices"),
            "{err}"
        );
        store
            .conn
            .execute("UPDATE results SET choices = '[1]', outcome = 'Won?'", [])
            .unwrap();
        let err = store.results(None).unwrap_err().to_string();
        assert!(err.contains("outcome"), "{err}");
    }
}
