//! Players' finished calls in SQLite: crash-safe recording, versioned schema, leaderboards, the
//! queues for the LRS and the team hub, and export / import with every result replayed through
//! the engine before it counts. One file per concern; each item is reached as `records::Item`.

mod board;
mod drills;
mod exchange;
mod image;
mod outbox;
mod recording;
mod result;
mod schema;
mod store;

pub use board::{BoardQuery, BoardRow, board_view, rank};
pub use drills::DrillPlay;
pub use exchange::{Export, ImportReport, Rejected, import, import_text, is_part_of, parse_export};
pub use outbox::{Outbox, Queue, Queued, Refused, Round, spawn_sender};
pub use recording::{Attempt, Progress};
pub use result::{MAX_CALL_MS, MAX_EXPORT_BYTES, MAX_TURNS, Record, validate};
pub use store::{APPLICATION_ID, SCHEMA_VERSION, Store, default_path};

pub(crate) use result::rfc3339;
