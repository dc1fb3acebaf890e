//! The live boards: one feed per competition, however many pages watch it. A feed wakes when
//! this hub records a result there (and, when other hubs share the database, looks once a
//! second whether one of them did), builds the board once, and hands the same event to every
//! page. It stops when its last page closes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use serde_json::json;
use tokio::sync::{broadcast, watch};

use crate::state::Hub;

/// The board's event text (JSON), as pages receive it.
pub type BoardEvent = Arc<str>;

/// The feeds, by competition.
pub struct Live {
    /// Competition ids whose board this hub just changed.
    changed: broadcast::Sender<String>,
    /// The feed of each watched competition.
    feeds: Mutex<HashMap<String, watch::Receiver<BoardEvent>>>,
}

impl Live {
    /// No feeds yet.
    pub fn new() -> Live {
        Live {
            changed: broadcast::channel(1024).0,
            feeds: Mutex::new(HashMap::new()),
        }
    }

    /// Says that competition `id`'s board changed (nobody watching is fine).
    pub fn changed(&self, id: &str) {
        let _ = self.changed.send(id.to_string());
    }
}

impl Default for Live {
    fn default() -> Live {
        Live::new()
    }
}

/// The board of competition `id` as an event's JSON text; `None` if it is not published.
pub async fn board_event(hub: &Hub, id: &str) -> Result<Option<BoardEvent>, crate::HubError> {
    if hub.db.version(id).await?.is_none() {
        return Ok(None);
    }
    let players = hub.db.board(id, false).await?;
    let teams = hub.db.board(id, true).await?;
    Ok(Some(
        json!({ "competition": id, "players": players, "teams": teams })
            .to_string()
            .into(),
    ))
}

/// A watch on competition `id`'s board, starting with the board now; the competition's one feed
/// is started if no page watched it yet. `None` if it is not published.
pub async fn watch(
    hub: &Arc<Hub>,
    id: &str,
) -> Result<Option<watch::Receiver<BoardEvent>>, crate::HubError> {
    if let Some(rx) = hub.live.feeds.lock().map_err(crate::error::failed)?.get(id) {
        return Ok(Some(rx.clone()));
    }
    // Where the board is now, so that the feed redraws only after a change.
    let marker = if hub.db.shared() {
        Some(hub.db.marker(id).await?)
    } else {
        None
    };
    let Some(first) = board_event(hub, id).await? else {
        return Ok(None);
    };
    let mut feeds = hub.live.feeds.lock().map_err(crate::error::failed)?;
    // Another page may have started it meanwhile.
    if let Some(rx) = feeds.get(id) {
        return Ok(Some(rx.clone()));
    }
    let (tx, rx) = watch::channel(first);
    feeds.insert(id.to_string(), rx.clone());
    drop(feeds);
    tokio::spawn(feed(
        Arc::downgrade(hub),
        id.to_string(),
        tx,
        hub.live.changed.subscribe(),
        marker,
    ));
    Ok(Some(rx))
}

/// Keeps one competition's board fresh for its pages until the last one closes.
async fn feed(
    hub: Weak<Hub>,
    id: String,
    tx: watch::Sender<BoardEvent>,
    mut changes: broadcast::Receiver<String>,
    mut marker: Option<i64>,
) {
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    loop {
        let mine = tokio::select! {
            c = changes.recv() => match c {
                Ok(c) => c == id,
                // Fell behind: some change may have been ours.
                Err(broadcast::error::RecvError::Lagged(_)) => true,
                Err(broadcast::error::RecvError::Closed) => return,
            },
            _ = tick.tick() => false,
        };
        let Some(hub) = hub.upgrade() else { return };
        // The last page closed: stop (a page opened later starts a new feed). Checked under the
        // lock, so no page can take this feed's receiver meanwhile.
        {
            let Ok(mut feeds) = hub.live.feeds.lock() else {
                return;
            };
            // One receiver is the map's own.
            if tx.receiver_count() <= 1 {
                feeds.remove(&id);
                return;
            }
        }
        // Another hub on the same database may have recorded a result: its marker says so.
        let other = !mine && hub.db.shared();
        if !mine && !other {
            continue;
        }
        let now = match hub.db.marker(&id).await {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!(competition = %id, "the live board cannot read its marker: {e}");
                continue;
            }
        };
        if marker == Some(now) {
            continue;
        }
        marker = Some(now);
        match board_event(&hub, &id).await {
            Ok(Some(e)) => {
                tx.send_replace(e);
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(competition = %id, "the live board cannot be read: {e:?}"),
        }
    }
}
