//! Joining a competition with a team's code: the player's token.

use std::net::SocketAddr;

use axum::extract::rejection::JsonRejection;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::error::{HubError, refused};
use crate::lang::{tell, theirs};
use crate::state::Shared;
use crate::storage::Joined;

pub(super) fn router() -> Router<Shared> {
    Router::new().route("/api/join", post(join))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Join {
    code: String,
    name: String,
}

async fn join(
    State(hub): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    body: Result<Json<Join>, JsonRejection>,
) -> Result<Response, HubError> {
    hub.limit(&format!("join {}", peer.ip()), hub.joins_per_minute)?;
    let Json(j) = body.map_err(|e| refused(e.status(), e.body_text()))?;
    let name = theirs(|| peercall_core::untrusted::name(&tell("hub-your-name"), &j.name, false))
        .map_err(|e| refused(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    let code = j.code.trim().to_ascii_uppercase();
    // A competition that has ended (or not begun) takes no one.
    if let Some((competition, _)) = hub.db.team_of(&code).await?
        && let Some(ready) = hub.ready(&competition).await?
    {
        theirs(|| {
            ready
                .competition
                .open_on(&peercall_core::competition::today())
        })
        .map_err(|e| refused(StatusCode::FORBIDDEN, e.to_string()))?;
    }
    match hub.db.join(&code, &name, &super::now()).await? {
        Joined::UnknownCode => Err(refused(StatusCode::NOT_FOUND, tell("hub-err-unknown-code"))),
        Joined::NameTaken => Err(refused(
            StatusCode::CONFLICT,
            crate::lang::client().f("hub-err-name-taken", &[("name", name.as_str().into())]),
        )),
        Joined::Player { token, player } => Ok((
            StatusCode::CREATED,
            Json(json!({
                "token": token,
                "competition": player.competition,
                "team": player.team,
                "name": player.name,
            })),
        )
            .into_response()),
    }
}
