//! Where the hub keeps its data, behind one trait: SQLite files in one folder (one hub process)
//! or PostgreSQL (any number of hub processes sharing one board). Each implementation sits
//! beside its own schema and migrations.

mod postgres;
mod sqlite;

use async_trait::async_trait;
use peercall_core::records::{BoardRow, Record};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub use postgres::{PG_SCHEMA_VERSION, Postgres};
pub use sqlite::{HubStore, Sqlite};

/// Why the database could not answer.
#[derive(Debug)]
pub enum StorageError {
    /// It cannot be reached now (restarting, down): the client should try again.
    Unavailable(String),
    /// Anything else: a fault the operator must see in the log.
    Failed(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable(e) => write!(f, "the hub's database is unavailable ({e})"),
            StorageError::Failed(e) => write!(f, "the hub's database failed: {e}"),
        }
    }
}

impl std::error::Error for StorageError {}

pub(crate) fn failed(e: impl std::fmt::Display) -> StorageError {
    StorageError::Failed(e.to_string())
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
    /// The scenario files' texts, each with the id of the scenario it holds.
    pub scenarios: Vec<ScenarioFile>,
}

/// One published scenario file.
#[derive(Debug, Clone)]
pub struct ScenarioFile {
    /// The id of the scenario in it.
    pub id: String,
    /// The file's text.
    pub text: String,
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

/// What joining with a code did.
#[derive(Debug)]
pub enum Joined {
    /// No team has that code.
    UnknownCode,
    /// The name is already on the competition.
    NameTaken,
    /// The new player, and their token (shown once, stored hashed).
    Player {
        /// The token the player posts with.
        token: String,
        /// Who they are.
        player: Player,
    },
}

/// A competition's team and its join code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamCode {
    /// The team's name.
    pub team: String,
    /// The code its players join with.
    pub code: String,
}

/// A published competition in the list of them.
#[derive(Debug, Clone)]
pub struct Listed {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// What recording a competition result did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    /// It is new.
    Added,
    /// The same result was recorded before.
    AlreadyThere,
    /// Another result was recorded for the same call (the same seed): an attempt counts once,
    /// and the first result stands.
    AttemptUsed,
}

/// The hub's data, whichever database holds it. Every method may be retried (inserts are
/// idempotent by key).
#[async_trait]
pub trait Storage: Send + Sync {
    /// The admin token's hash, if one was set.
    async fn admin_hash(&self) -> Result<Option<String>, StorageError>;
    /// Stores the admin token (hashed).
    async fn set_admin(&self, token: &str) -> Result<(), StorageError>;
    /// Publishes (or republishes) a competition; each team's join code (a team keeps its code).
    async fn publish(
        &self,
        p: &Published,
        teams: &[String],
        now: &str,
    ) -> Result<Vec<TeamCode>, StorageError>;
    /// Every published competition, by id.
    async fn competitions(&self) -> Result<Vec<Listed>, StorageError>;
    /// The version (a hash of what was published) of competition `id`, if it is published.
    async fn version(&self, id: &str) -> Result<Option<String>, StorageError>;
    /// One published competition, with its scenario files.
    async fn competition(&self, id: &str) -> Result<Option<Published>, StorageError>;
    /// The teams of competition `id` and their codes.
    async fn teams(&self, id: &str) -> Result<Vec<TeamCode>, StorageError>;
    /// Joins the competition whose team has `code`, as `name`.
    async fn join(&self, code: &str, name: &str, now: &str) -> Result<Joined, StorageError>;
    /// The competition and team of a join code, if a team has it.
    async fn team_of(&self, code: &str) -> Result<Option<(String, String)>, StorageError>;
    /// The player a token belongs to.
    async fn player(&self, token: &str) -> Result<Option<Player>, StorageError>;
    /// Records a verified result of a competition (with its xAPI statements when forwarding),
    /// unless the same call (player, scenario, seed) already has a result.
    async fn record(&self, r: &Record, statements: &[Value]) -> Result<Recorded, StorageError>;
    /// The competition's board: players, or teams with `by_team`.
    async fn board(&self, id: &str, by_team: bool) -> Result<Vec<BoardRow>, StorageError>;
    /// Every result recorded in competition `id`, oldest first.
    async fn results(&self, id: &str) -> Result<Vec<Record>, StorageError>;
    /// Every result of `player` in competition `id`, oldest first.
    async fn results_of(&self, id: &str, player: &str) -> Result<Vec<Record>, StorageError>;
    /// The players who joined competition `id`: name and team, by name.
    async fn roster(&self, id: &str) -> Result<Vec<(String, String)>, StorageError>;
    /// A number that grows whenever a result is recorded in competition `id` (by this hub or
    /// another on the same database).
    async fn marker(&self, id: &str) -> Result<i64, StorageError>;
    /// Whether other hub processes may write to the same data (the live pages then also look
    /// for their results).
    fn shared(&self) -> bool;
}

/// SHA-256 of a secret, in hex: tokens are stored only this way.
pub fn hash_secret(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What was published (the competition file and its scenario files), as a hash, so a hub can
/// tell its cached copy is stale.
pub(crate) fn version_of(p: &Published) -> String {
    let texts: Vec<&str> = p.scenarios.iter().map(|s| s.text.as_str()).collect();
    hash_secret(&format!("{}\u{0}{}", p.file, texts.join("\u{0}")))
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

/// A database URL or connection string as shown in messages and logs: without its password,
/// whether it is in the URL's user part (`postgres://u:pw@host`), its query
/// (`?password=pw`) or a key=value string (`host=h password=pw`).
pub fn shown_url(url: &str) -> String {
    let hidden = if let Some((scheme, rest)) = url.split_once("://") {
        let (authority_and_path, query) = match rest.split_once('?') {
            Some((a, q)) => (a, Some(q)),
            None => (rest, None),
        };
        let mut out = format!("{scheme}://");
        match authority_and_path.rsplit_once('@') {
            Some((user, host)) => {
                let user = user.split(':').next().unwrap_or_default();
                out.push_str(&format!("{user}:…@{host}"));
            }
            None => out.push_str(authority_and_path),
        }
        if let Some(q) = query {
            let parts: Vec<String> = q
                .split('&')
                .map(|kv| match kv.split_once('=') {
                    Some((k, _)) if secret_key(k) => format!("{k}=…"),
                    _ => kv.to_string(),
                })
                .collect();
            out.push('?');
            out.push_str(&parts.join("&"));
        }
        out
    } else {
        hide_key_values(url)
    };
    hidden.chars().take(160).collect()
}

/// Whether a connection parameter holds a secret.
fn secret_key(k: &str) -> bool {
    let k = k.trim().to_ascii_lowercase();
    k == "password" || k == "pass" || k.contains("secret") || k.contains("token")
}

/// A key=value connection string with its secret values hidden (values may be quoted with
/// single quotes and hold spaces and escaped quotes).
fn hide_key_values(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while chars.peek().is_some() {
        // Spaces between pairs.
        while let Some(c) = chars.peek().copied().filter(|c| c.is_whitespace()) {
            out.push(c);
            chars.next();
        }
        let mut key = String::new();
        while let Some(c) = chars
            .peek()
            .copied()
            .filter(|c| *c != '=' && !c.is_whitespace())
        {
            key.push(c);
            chars.next();
        }
        out.push_str(&key);
        // Spaces and `=`.
        let mut saw_equals = false;
        while let Some(c) = chars
            .peek()
            .copied()
            .filter(|c| c.is_whitespace() || *c == '=')
        {
            saw_equals |= c == '=';
            out.push(c);
            chars.next();
            if saw_equals && c == '=' {
                break;
            }
        }
        if !saw_equals {
            continue;
        }
        while let Some(c) = chars.peek().copied().filter(|c| c.is_whitespace()) {
            out.push(c);
            chars.next();
        }
        let mut value = String::new();
        if chars.peek() == Some(&'\'') {
            value.push('\'');
            chars.next();
            while let Some(c) = chars.next() {
                value.push(c);
                if c == '\\' {
                    if let Some(n) = chars.next() {
                        value.push(n);
                    }
                } else if c == '\'' {
                    break;
                }
            }
        } else {
            while let Some(c) = chars.peek().copied().filter(|c| !c.is_whitespace()) {
                value.push(c);
                chars.next();
            }
        }
        out.push_str(if secret_key(&key) { "…" } else { &value });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::shown_url;

    #[test]
    fn no_password_is_shown_in_any_form_of_connection_string() {
        for (url, secret) in [
            ("postgres://ana:s3cret@db.example:5432/hub", "s3cret"),
            ("postgresql://ana:s3cret@db/hub?sslmode=require", "s3cret"),
            (
                "postgres://db/hub?user=ana&password=s3cret&sslmode=off",
                "s3cret",
            ),
            ("host=db user=ana password=s3cret dbname=hub", "s3cret"),
            ("host=db password = 's3 cr\\'et' dbname=hub", "cr"),
            ("host=db PASSWORD=s3cret", "s3cret"),
        ] {
            let shown = shown_url(url);
            assert!(!shown.contains(secret), "{url} shown as {shown}");
            assert!(
                shown.contains("db"),
                "{url} shown as {shown}: the host is useful"
            );
        }
        assert_eq!(
            shown_url("host=db user=ana password=s3cret dbname=hub"),
            "host=db user=ana password=… dbname=hub"
        );
        assert_eq!(
            shown_url("postgres://ana:s3cret@db/hub"),
            "postgres://ana:…@db/hub"
        );
    }
}
