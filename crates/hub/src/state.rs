//! What every request shares: the storage, the competitions made ready, the rate limits, and
//! the live boards' change signals.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::error::{HubError, failed};
use crate::live::Live;
use crate::published::{Ready, from_stored};
use crate::storage::Storage;

/// The hub's shared state.
pub struct Hub {
    /// Where the data is.
    pub db: Arc<dyn Storage>,
    /// Competitions whose board changed, and the live pages' feeds.
    pub live: Live,
    /// Where players' xAPI accounts live, when results are forwarded to an LRS.
    pub forward: Option<String>,
    /// Published competitions parsed and compiled, by id, with the version they were built from.
    ready: Mutex<HashMap<String, (String, Arc<Ready>)>>,
    /// Requests per key in the current minute.
    limits: Limits,
    /// Results one player may post in a minute.
    pub posts_per_minute: u32,
    /// Join attempts one address may make in a minute.
    pub joins_per_minute: u32,
    /// Downloads of a competition's files one player may make in a minute.
    pub files_per_minute: u32,
    /// The web game's folder (`scripts/build-web.sh` builds it), served at `/play/`.
    pub web: Option<std::path::PathBuf>,
    /// Learning systems the web game may report to (see [`crate::Config::lms_origins`]).
    pub lms_origins: Vec<String>,
}

/// The state as handlers receive it.
pub type Shared = Arc<Hub>;

impl Hub {
    /// The hub's state over `db`.
    pub fn new(
        db: Arc<dyn Storage>,
        forward: Option<String>,
        posts_per_minute: u32,
        joins_per_minute: u32,
    ) -> Hub {
        Hub {
            live: Live::new(),
            db,
            forward,
            ready: Mutex::new(HashMap::new()),
            limits: Limits::default(),
            posts_per_minute,
            joins_per_minute,
            files_per_minute: FILES_PER_MINUTE,
            web: None,
            lms_origins: Vec::new(),
        }
    }

    /// Competition `id` parsed, checked and compiled, with its name: from the cache while the
    /// published version is the same (another hub on the same database may have republished
    /// it). The compiling runs on a blocking thread.
    pub async fn ready(&self, id: &str) -> Result<Option<Arc<Ready>>, HubError> {
        let Some(version) = self.db.version(id).await? else {
            return Ok(None);
        };
        if let Some((v, r)) = self.ready.lock().map_err(failed)?.get(id)
            && *v == version
        {
            return Ok(Some(Arc::clone(r)));
        }
        let Some(p) = self.db.competition(id).await? else {
            return Ok(None);
        };
        let built = tokio::task::spawn_blocking(move || from_stored(&p))
            .await
            .map_err(failed)?
            .map_err(failed)?;
        let built = Arc::new(built);
        self.keep(id, version, Arc::clone(&built))?;
        Ok(Some(built))
    }

    /// Keeps a competition just made ready (by publishing) for requests to come.
    pub fn keep(&self, id: &str, version: String, r: Arc<Ready>) -> Result<(), HubError> {
        self.ready
            .lock()
            .map_err(failed)?
            .insert(id.to_string(), (version, r));
        Ok(())
    }

    /// Counts one request under `key`; refused (429, with the seconds to wait) once
    /// `per_minute` is spent.
    pub fn limit(&self, key: &str, per_minute: u32) -> Result<(), HubError> {
        self.limits.count(key, per_minute)
    }
}

/// Downloads of a competition's files one player may make in a minute (a player downloads them
/// once when joining; a few more for a reinstall).
pub const FILES_PER_MINUTE: u32 = 10;

/// Requests per key (a player's token, or an address for joining) in the current minute.
#[derive(Default)]
struct Limits(Mutex<HashMap<String, (Instant, u32)>>);

impl Limits {
    fn count(&self, key: &str, per_minute: u32) -> Result<(), HubError> {
        let mut limits = self.0.lock().map_err(failed)?;
        let now = Instant::now();
        if limits.len() > 100_000 {
            limits.retain(|_, (since, _)| now.duration_since(*since).as_secs() < 60);
        }
        let (since, count) = limits.entry(key.to_string()).or_insert((now, 0));
        if now.duration_since(*since).as_secs() >= 60 {
            *since = now;
            *count = 0;
        }
        *count = count.saturating_add(1);
        if *count > per_minute {
            let seconds = 60 - now.duration_since(*since).as_secs().min(59);
            return Err(HubError::TooMany { seconds });
        }
        Ok(())
    }
}
