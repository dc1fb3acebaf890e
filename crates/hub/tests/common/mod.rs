//! Storages for the router's tests: one whose every answer is a failure in a database's own
//! words, and one that counts the reads the live boards and downloads are about.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_trait::async_trait;
use peercall_core::records::{BoardRow, Record};
use peercall_hub::storage::{
    Joined, Listed, Player, Published, Recorded, Storage, StorageError, TeamCode,
};
use serde_json::Value;

/// A storage whose every answer is a failure with a database's own words.
pub struct Broken;

#[async_trait]
impl Storage for Broken {
    async fn admin_hash(&self) -> Result<Option<String>, StorageError> {
        Err(fail())
    }
    async fn set_admin(&self, _: &str) -> Result<(), StorageError> {
        Err(fail())
    }
    async fn publish(
        &self,
        _: &Published,
        _: &[String],
        _: &str,
    ) -> Result<Vec<TeamCode>, StorageError> {
        Err(fail())
    }
    async fn competitions(&self) -> Result<Vec<Listed>, StorageError> {
        Err(fail())
    }
    async fn version(&self, _: &str) -> Result<Option<String>, StorageError> {
        Err(fail())
    }
    async fn competition(&self, _: &str) -> Result<Option<Published>, StorageError> {
        Err(fail())
    }
    async fn teams(&self, _: &str) -> Result<Vec<TeamCode>, StorageError> {
        Err(fail())
    }
    async fn join(&self, _: &str, _: &str, _: &str) -> Result<Joined, StorageError> {
        Err(fail())
    }
    async fn team_of(&self, _: &str) -> Result<Option<(String, String)>, StorageError> {
        Err(fail())
    }
    async fn player(&self, _: &str) -> Result<Option<Player>, StorageError> {
        Err(fail())
    }
    async fn record(&self, _: &Record, _: &[Value]) -> Result<Recorded, StorageError> {
        Err(fail())
    }
    async fn board(&self, _: &str, _: bool) -> Result<Vec<BoardRow>, StorageError> {
        Err(fail())
    }
    async fn results_of(&self, _: &str, _: &str) -> Result<Vec<Record>, StorageError> {
        Err(fail())
    }
    async fn roster(&self, _: &str) -> Result<Vec<(String, String)>, StorageError> {
        Err(fail())
    }
    async fn results(&self, _: &str) -> Result<Vec<Record>, StorageError> {
        Err(fail())
    }
    async fn marker(&self, _: &str) -> Result<i64, StorageError> {
        Err(fail())
    }
    fn shared(&self) -> bool {
        false
    }
}

pub fn fail() -> StorageError {
    StorageError::Failed("SQLITE_CORRUPT: database disk image is malformed (secret row)".into())
}

/// A storage that counts the reads the live boards and downloads are about.
pub struct Counting {
    pub inner: Arc<dyn Storage>,
    pub board: AtomicUsize,
    pub marker: AtomicUsize,
    pub competition: AtomicUsize,
}

impl Counting {
    pub fn new(inner: Arc<dyn Storage>) -> Counting {
        Counting {
            inner,
            board: AtomicUsize::new(0),
            marker: AtomicUsize::new(0),
            competition: AtomicUsize::new(0),
        }
    }
}

#[async_trait]
impl Storage for Counting {
    async fn admin_hash(&self) -> Result<Option<String>, StorageError> {
        self.inner.admin_hash().await
    }
    async fn set_admin(&self, t: &str) -> Result<(), StorageError> {
        self.inner.set_admin(t).await
    }
    async fn publish(
        &self,
        p: &Published,
        t: &[String],
        n: &str,
    ) -> Result<Vec<TeamCode>, StorageError> {
        self.inner.publish(p, t, n).await
    }
    async fn competitions(&self) -> Result<Vec<Listed>, StorageError> {
        self.inner.competitions().await
    }
    async fn version(&self, id: &str) -> Result<Option<String>, StorageError> {
        self.inner.version(id).await
    }
    async fn competition(&self, id: &str) -> Result<Option<Published>, StorageError> {
        self.competition.fetch_add(1, Ordering::SeqCst);
        self.inner.competition(id).await
    }
    async fn teams(&self, id: &str) -> Result<Vec<TeamCode>, StorageError> {
        self.inner.teams(id).await
    }
    async fn join(&self, c: &str, n: &str, t: &str) -> Result<Joined, StorageError> {
        self.inner.join(c, n, t).await
    }
    async fn team_of(&self, c: &str) -> Result<Option<(String, String)>, StorageError> {
        self.inner.team_of(c).await
    }
    async fn player(&self, t: &str) -> Result<Option<Player>, StorageError> {
        self.inner.player(t).await
    }
    async fn record(&self, r: &Record, s: &[Value]) -> Result<Recorded, StorageError> {
        self.inner.record(r, s).await
    }
    async fn board(&self, id: &str, by_team: bool) -> Result<Vec<BoardRow>, StorageError> {
        self.board.fetch_add(1, Ordering::SeqCst);
        self.inner.board(id, by_team).await
    }
    async fn results_of(&self, id: &str, player: &str) -> Result<Vec<Record>, StorageError> {
        self.inner.results_of(id, player).await
    }
    async fn roster(&self, id: &str) -> Result<Vec<(String, String)>, StorageError> {
        self.inner.roster(id).await
    }
    async fn results(&self, id: &str) -> Result<Vec<Record>, StorageError> {
        self.inner.results(id).await
    }
    async fn marker(&self, id: &str) -> Result<i64, StorageError> {
        self.marker.fetch_add(1, Ordering::SeqCst);
        self.inner.marker(id).await
    }
    fn shared(&self) -> bool {
        self.inner.shared()
    }
}
