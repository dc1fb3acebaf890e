//! The two queues of things waiting to leave this machine, with one vocabulary: xAPI statements
//! for the LRS and results for the team hub are *queued*, then *sent*, or *refused* with the
//! receiver's reason (set aside until asked to retry, so they hold up nothing else).

use rusqlite::params;

use super::Store;
use crate::Error;

/// Which queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    /// xAPI statements for the Learning Record Store.
    Lrs,
    /// Results for the team hub of the competition they were played in.
    Hub,
}

impl Queue {
    /// The table, its key column, what is sent, and the order items are sent in.
    fn sql(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Queue::Lrs => ("outbox", "id", "statement", "seq"),
            Queue::Hub => ("hub_outbox", "result", "server", "rowid"),
        }
    }
}

/// An item due for sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    /// The statement's id, or the result's.
    pub id: String,
    /// For the LRS, the statement (JSON); for the hub, the hub's address.
    pub payload: String,
    /// For the hub, the token of the player the result was made by (`None` for the LRS, and
    /// for results queued before tokens were kept).
    pub token: Option<String>,
    /// Tries so far.
    pub tries: u32,
}

/// An item the receiver refused, with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The statement's id, or the result's.
    pub id: String,
    /// What the receiver said.
    pub reason: String,
}

/// One queue of the records store.
#[derive(Debug)]
pub struct Outbox<'a> {
    store: &'a Store,
    queue: Queue,
}

impl Store {
    /// The queue `queue`.
    pub fn outbox(&self, queue: Queue) -> Outbox<'_> {
        Outbox { store: self, queue }
    }

    /// Queues xAPI statements for the LRS; a statement already queued (same id) is not queued
    /// twice.
    pub fn queue_statements(&self, statements: &[serde_json::Value]) -> Result<(), Error> {
        let tx = self.write()?;
        super::recording::queue(&tx, statements).map_err(|e| self.explain(e))?;
        tx.commit().map_err(|e| self.explain(e))
    }

    /// Queues results already recorded for the hub at `server`, to be sent with the player's
    /// `token` (a result queued before is not queued again); returns how many were new.
    pub fn queue_for_hub(&self, ids: &[String], server: &str, token: &str) -> Result<usize, Error> {
        let tx = self.write()?;
        let mut n = 0;
        for id in ids {
            n += tx
                .execute(
                    "INSERT OR IGNORE INTO hub_outbox (result, server, token) VALUES (?1, ?2, ?3)",
                    params![id, server, token],
                )
                .map_err(|e| self.explain(e))?;
        }
        tx.commit().map_err(|e| self.explain(e))?;
        Ok(n)
    }
}

impl Outbox<'_> {
    /// Items due (not sent, not refused, their retry time has come), oldest first.
    pub fn due(&self, now: i64) -> Result<Vec<Queued>, Error> {
        let (table, key, payload, order) = self.queue.sql();
        let token = match self.queue {
            Queue::Lrs => "NULL",
            Queue::Hub => "token",
        };
        let mut stmt = self
            .store
            .conn
            .prepare(&format!(
                "SELECT {key}, {payload}, {token}, attempts FROM {table}
                 WHERE sent = 0 AND refused IS NULL AND next_try <= ?1 ORDER BY {order}"
            ))
            .map_err(Error::db)?;
        stmt.query_map(params![now], |r| {
            Ok(Queued {
                id: r.get(0)?,
                payload: r.get(1)?,
                token: r.get(2)?,
                tries: r.get(3)?,
            })
        })
        .map_err(Error::db)?
        .collect::<Result<_, _>>()
        .map_err(Error::db)
    }

    /// Marks an item as taken by the receiver.
    pub fn sent(&self, id: &str) -> Result<(), Error> {
        self.update("sent = 1", id, None)
    }

    /// Counts a failed try and sets when to try again (seconds since the epoch).
    pub fn retry_later(&self, id: &str, next_try: i64) -> Result<(), Error> {
        self.update(
            "attempts = attempts + 1, next_try = ?2",
            id,
            Some(&next_try.to_string()),
        )
    }

    /// Sets aside an item the receiver refused, with its reason: sending it again as it is
    /// cannot help, and it no longer holds up the others.
    pub fn refused(&self, id: &str, reason: &str) -> Result<(), Error> {
        self.update("refused = ?2, attempts = attempts + 1", id, Some(reason))
    }

    fn update(&self, set: &str, id: &str, value: Option<&str>) -> Result<(), Error> {
        let (table, key, ..) = self.queue.sql();
        let sql = format!("UPDATE {table} SET {set} WHERE {key} = ?1");
        match value {
            Some(v) => self.store.conn.execute(&sql, params![id, v]),
            None => self.store.conn.execute(&sql, params![id]),
        }
        .map(|_| ())
        .map_err(Error::db)
    }

    /// Items set aside, oldest first, with the receiver's reasons.
    pub fn refusals(&self) -> Result<Vec<Refused>, Error> {
        let (table, key, _, order) = self.queue.sql();
        let mut stmt = self
            .store
            .conn
            .prepare(&format!(
                "SELECT {key}, refused FROM {table}
                 WHERE sent = 0 AND refused IS NOT NULL ORDER BY {order}"
            ))
            .map_err(Error::db)?;
        stmt.query_map([], |r| {
            Ok(Refused {
                id: r.get(0)?,
                reason: r.get(1)?,
            })
        })
        .map_err(Error::db)?
        .collect::<Result<_, _>>()
        .map_err(Error::db)
    }

    /// Puts every refused item back in the queue (after the receiver or the data was fixed);
    /// how many.
    pub fn retry_refused(&self) -> Result<usize, Error> {
        let (table, ..) = self.queue.sql();
        self.store
            .conn
            .execute(
                &format!(
                    "UPDATE {table} SET refused = NULL, next_try = 0
                     WHERE sent = 0 AND refused IS NOT NULL"
                ),
                [],
            )
            .map_err(Error::db)
    }

    /// Makes every waiting item due now (the receiver is back, or the player asked).
    pub fn retry_now(&self) -> Result<(), Error> {
        let (table, ..) = self.queue.sql();
        self.store
            .conn
            .execute(
                &format!("UPDATE {table} SET next_try = 0 WHERE sent = 0"),
                [],
            )
            .map(|_| ())
            .map_err(Error::db)
    }

    /// Items waiting to be sent (not counting those refused).
    pub fn waiting(&self) -> Result<u64, Error> {
        let (table, ..) = self.queue.sql();
        self.store
            .conn
            .query_row(
                &format!("SELECT COUNT(*) FROM {table} WHERE sent = 0 AND refused IS NULL"),
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as u64)
            .map_err(Error::db)
    }
}

/// What one round of a background sender did: how many items the receiver refused, and why the
/// rest wait (`None`: nothing waits for the receiver).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Round {
    /// Items the receiver refused in this round.
    pub refused: usize,
    /// Why the rest wait.
    pub waiting: Option<String>,
}

/// Keeps sending a queue in the background: a thread with its own connection to the records at
/// `db` runs `round` every two seconds. Failures are logged (`what` names the queue in the log):
/// a sender that cannot open the records, each new reason the receiver cannot be reached, and
/// each round in which it refused items.
pub fn spawn_sender(
    db: std::path::PathBuf,
    what: &'static str,
    mut round: impl FnMut(&Store) -> Result<Round, Error> + Send + 'static,
) {
    std::thread::spawn(move || {
        let store = match Store::open(&db) {
            Ok((store, _)) => store,
            Err(e) => {
                tracing::error!(records = %db.display(), "the {what} sender cannot start: {e}");
                return;
            }
        };
        let mut last = None;
        loop {
            let why = match round(&store) {
                Ok(r) => {
                    if r.refused > 0 {
                        tracing::warn!(
                            "the {what} refused {} item(s); its reasons are kept",
                            r.refused
                        );
                    }
                    r.waiting
                }
                Err(e) => Some(e.to_string()),
            };
            // Each new reason once, not every two seconds.
            if let Some(w) = why.as_deref()
                && why != last
            {
                tracing::warn!("items wait for the {what}: {w}");
            }
            last = why;
            std::thread::sleep(std::time::Duration::from_secs(2));
        }
    });
}
