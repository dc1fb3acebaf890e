//! The records database as the game uses it: one handle, failures logged and said in the
//! language of the screen that shows them.

use bevy::prelude::*;

/// The records database, when it could be opened. Shared: in the browser the hub sender works
/// on it between frames.
#[derive(Resource, Clone)]
pub struct RecordsDb(pub std::sync::Arc<std::sync::Mutex<peercall_core::records::Store>>);

/// The error for records a panic left locked (it cannot happen unless there is a bug).
pub fn poisoned() -> peercall_core::Error {
    peercall_core::Error::Records(peercall_core::words::current().t("game-records-poisoned"))
}

/// Why the records database could not be opened (the title screen says so).
#[derive(Resource, Debug, Clone)]
pub struct RecordsUnavailable(pub String);

impl RecordsDb {
    /// The game's handle on `store`.
    pub fn new(store: peercall_core::records::Store) -> RecordsDb {
        RecordsDb(std::sync::Arc::new(std::sync::Mutex::new(store)))
    }

    /// Runs `f` on the store. A failure is logged, and returned as what the screen says: see
    /// [`Unavailable::said`] (`what` is the message key naming what could not be read or
    /// written, e.g. `game-what-leaderboard`).
    pub fn with<T>(
        &self,
        what: &'static str,
        f: impl FnOnce(&peercall_core::records::Store) -> peercall_core::Result<T>,
    ) -> Result<T, Unavailable> {
        let result = match self.0.lock() {
            Ok(store) => f(&store),
            Err(_) => Err(poisoned()),
        };
        result.map_err(|e| {
            let failed = Unavailable {
                what,
                why: e.to_string(),
            };
            warn!("{}", failed.said(peercall_core::words::words("en")));
            failed
        })
    }
}

/// What the records could not be used for, and why: said in the language of the screen that
/// shows it (the game's language is the screen's, not the process's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable {
    /// The message key naming what could not be read or written.
    pub what: &'static str,
    /// The records' own words for why.
    pub why: String,
}

impl Unavailable {
    /// The sentence to show, in `w`'s language.
    pub fn said(&self, w: &peercall_core::words::Words) -> String {
        w.f(
            "game-cannot-use",
            &[
                ("what", w.t(self.what).into()),
                ("why", self.why.as_str().into()),
            ],
        )
    }
}

/// The home page of players' xAPI accounts, read once from the LRS configuration.
#[derive(Resource, Debug, Clone)]
pub struct HomePage(pub String);
