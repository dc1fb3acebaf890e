//! The team hub (`peercall serve`): trainers publish competitions, players join with a team's
//! code and post their finished calls, each verified by replay, and everyone sees one board.
//!
//! Where things are: `routes/` holds the routes, one file per area; `templates/` the pages;
//! `auth` who may do what; `error` the one error type and how it becomes an answer; `storage/`
//! the data (SQLite in one folder, or PostgreSQL shared by any number of hubs); `live` the live
//! boards' feeds; `published` a competition made ready to serve; `server` the accept loop.
//! The hub's client (joining, downloading, sending results) is `peercall_core::hub_client`.

pub mod analytics;
mod auth;
mod error;
pub mod habits;
mod headers;
mod lang;
mod live;
mod published;
mod routes;
mod server;
mod state;
pub mod storage;
mod templates;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;

pub use error::HubError;
pub use server::{HEADER_TIMEOUT, init_log, run, serve};
pub use state::{FILES_PER_MINUTE, Hub, Shared};
pub use storage::shown_url;

/// Largest request body the hub reads: a result is a few kilobytes, a published competition
/// with its scenario files a few hundred.
pub const MAX_BODY: usize = 4 << 20;

/// Results one player may post in a minute (a call takes minutes; a resend after being
/// offline sends a few at once).
pub const POSTS_PER_MINUTE: u32 = 60;
/// Join attempts one address may make in a minute (so join codes cannot be guessed).
pub const JOINS_PER_MINUTE: u32 = 20;

/// How the hub runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on (port 0: any free port; the one taken is printed).
    pub listen: SocketAddr,
    /// Folder for the hub's databases (with PostgreSQL: for the xAPI outbox only).
    pub data: PathBuf,
    /// A PostgreSQL URL (`postgres://...`): keep everything there instead of in the folder.
    pub database_url: Option<String>,
    /// The admin token; without one, the stored one is kept, or a new one is made and printed.
    pub admin_token: Option<String>,
    /// Results one player may post in a minute ([`POSTS_PER_MINUTE`] unless a load test says
    /// otherwise).
    pub posts_per_minute: u32,
    /// Join attempts one address may make in a minute ([`JOINS_PER_MINUTE`] unless a load test
    /// says otherwise).
    pub joins_per_minute: u32,
    /// How long a client may take to send a request's headers, or leave a connection idle
    /// ([`HEADER_TIMEOUT`]).
    pub header_timeout: Duration,
    /// The web game's folder, served at `/play/` (`scripts/build-web.sh` builds it).
    pub web: Option<PathBuf>,
    /// Learning systems the web game may send learning records to when one launches it
    /// (`https://lms.example.com`): added to the game page's `connect-src`.
    pub lms_origins: Vec<String>,
}

/// Whether `origin` is a bare web origin (`https://host` or `http://host:port`), fit for a
/// security policy: no path, no wildcard, no space or quote.
pub fn valid_origin(origin: &str) -> bool {
    let Some(rest) = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
    else {
        return false;
    };
    !rest.is_empty()
        && rest.len() <= 253
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
}

/// The hub's routes with its layers: the reader's language, security headers, the same-site
/// rule for writes, a body limit, and one log line per request.
pub fn router(state: Shared) -> Router {
    use tower_http::trace::TraceLayer;
    routes::router()
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn(auth::same_site_writes))
        .layer(axum::middleware::from_fn(lang::in_their_language))
        .layer(axum::middleware::from_fn(headers::secure))
        .layer(
            TraceLayer::new_for_http()
                // The path only: a query may hold a player's name.
                .make_span_with(|req: &axum::http::Request<_>| {
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
                })
                .on_request(())
                .on_response(
                    |res: &axum::http::Response<_>, latency: Duration, _span: &tracing::Span| {
                        tracing::info!(
                            status = res.status().as_u16(),
                            latency_ms = latency.as_secs_f64() * 1000.0,
                            "answered"
                        );
                    },
                )
                .on_failure(()),
        )
        .with_state(state)
}
