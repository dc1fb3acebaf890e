//! A competition's files for its players (or the admin): written out once when it was made
//! ready, so a download costs no parsing; rate-limited per player.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Router, extract::FromRequestParts};

use crate::auth::{Admin, bearer};
use crate::error::{HubError, refused};
use crate::lang::tell;
use crate::state::Shared;
use crate::storage::hash_secret;

pub(super) fn router() -> Router<Shared> {
    Router::new().route("/api/competitions/{id}/files", get(files))
}

async fn files(
    State(hub): State<Shared>,
    Path(id): Path<String>,
    request: axum::extract::Request,
) -> Result<Response, HubError> {
    let (mut parts, _) = request.into_parts();
    let headers: &HeaderMap = &parts.headers;
    let player = match bearer(headers) {
        Some(t) => hub.db.player(t).await?.map(|p| (p, t.to_string())),
        None => None,
    };
    match &player {
        Some((p, token)) if p.competition == id => {
            hub.limit(
                &format!("files {}", hash_secret(token)),
                hub.files_per_minute,
            )?;
        }
        _ => {
            Admin::from_request_parts(&mut parts, &hub)
                .await
                .map_err(|_| refused(StatusCode::FORBIDDEN, tell("hub-err-files-for-players")))?;
        }
    }
    let ready = hub
        .ready(&id)
        .await?
        .ok_or_else(|| refused(StatusCode::NOT_FOUND, tell("hub-err-no-competition")))?;
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        ready.files.to_string(),
    )
        .into_response())
}
