//! The hub's routes, one file per area, each a `router()` merged here.

mod analytics;
mod assets;
mod board;
mod certify;
mod events;
mod files;
mod join;
mod play;
mod publish;
mod results;
mod scenario;

use axum::Router;

use crate::state::Shared;

/// Every route of the hub.
pub fn router() -> Router<Shared> {
    Router::new()
        .merge(board::router())
        .merge(certify::router())
        .merge(events::router())
        .merge(join::router())
        .merge(results::router())
        .merge(files::router())
        .merge(publish::router())
        .merge(analytics::router())
        .merge(assets::router())
        .merge(play::router())
        .merge(scenario::router())
}

/// Now, in seconds since 1970 (when a competition was published, a player joined).
fn now() -> String {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        .to_string()
}
