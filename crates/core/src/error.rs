//! The shared crate's errors, by kind: each variant says what went wrong in words a player or a
//! trainer can act on, and callers can tell the kinds apart (a busy database is worth waiting
//! for, an invalid file is not).

use std::path::PathBuf;
use std::time::Duration;

/// Something peercall-core could not do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The records database was in use by another program for the whole wait.
    #[error("{}", crate::words::say("core-records-busy", &[
        ("path", path.display().to_string().into()),
        ("seconds", format!("{:.0}", waited.as_secs_f32()).as_str().into()),
    ]))]
    Busy {
        /// The database.
        path: PathBuf,
        /// How long it was waited for.
        waited: Duration,
    },
    /// The records database cannot be opened, read or written (a folder, read-only, a full or
    /// failing disk, a newer peercall's database, another program's). Nothing was changed.
    #[error("{0}")]
    Records(String),
    /// A file (a scenario folder, a competition, an export, the LRS settings) cannot be read
    /// or written.
    #[error("{what}: {}", crate::words::io_reason(source))]
    Io {
        /// What was being done, with the file's name.
        what: String,
        /// Why it failed.
        source: std::io::Error,
    },
    /// Input that does not hold up: an imported record, a competition file, a name, the LRS
    /// settings. The message says what and where.
    #[error("{0}")]
    Invalid(String),
    /// A recorded result that does not replay to what it claims.
    #[error("{0}")]
    Unverified(String),
    /// A competition that cannot be played now, or not with these scenarios.
    #[error("{0}")]
    Competition(String),
    /// The Learning Record Store could not be reached or refused the statements.
    #[error("{0}")]
    Lrs(String),
    /// The team hub could not be reached, failed, or refused the request (its reason is in
    /// the message).
    #[error("{0}")]
    Hub(String),
}

impl Error {
    /// An I/O failure while doing `what`.
    pub fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> Error {
        let what = what.into();
        move |source| Error::Io { what, source }
    }

    /// SQLite's answer to a read, as it said it.
    pub(crate) fn db(e: rusqlite::Error) -> Error {
        Error::Records(e.to_string())
    }
}

/// The command line reports errors as text.
impl From<Error> for String {
    fn from(e: Error) -> String {
        e.to_string()
    }
}

/// A result of peercall-core.
pub type Result<T, E = Error> = std::result::Result<T, E>;
