//! The board as server-sent events: the board at once, then again each time it changes. Every
//! page on a competition shares that competition's one feed (see `live`).

use std::convert::Infallible;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::WatchStream;

use crate::error::{HubError, refused};
use crate::lang::tell;
use crate::state::Shared;

pub(super) fn router() -> Router<Shared> {
    Router::new().route("/api/competitions/{id}/events", get(events))
}

async fn events(
    State(hub): State<Shared>,
    Path(id): Path<String>,
) -> Result<Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>>, HubError> {
    let rx = crate::live::watch(&hub, &id)
        .await?
        .ok_or_else(|| refused(StatusCode::NOT_FOUND, tell("hub-err-no-competition")))?;
    let stream =
        WatchStream::new(rx).map(|board| Ok(Event::default().event("board").data(&*board)));
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}
