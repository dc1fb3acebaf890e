//! The front page, a competition's board (page and JSON) and its wall.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use peercall_core::records::BoardRow;
use serde::Deserialize;
use serde_json::json;

use crate::error::{HubError, refused};
use crate::lang::{client, tell};
use crate::state::{Hub, Shared};
use crate::templates::{self, board::BoardPage};

pub(super) fn router() -> Router<Shared> {
    Router::new()
        .route("/", get(index))
        .route("/competitions/{id}", get(board_page))
        .route("/competitions/{id}/wall", get(wall_page))
        .route("/api/competitions/{id}/board", get(board_json))
}

/// What a board page may be asked for in its address.
#[derive(Debug, Deserialize)]
struct PageOptions {
    /// The page's language (`de`), instead of the browser's.
    #[serde(default)]
    lang: Option<String>,
    #[serde(rename = "hide-names", default)]
    hide_names: Option<String>,
    /// A player (or team) whose place is shown with the two places either side, below the top
    /// ten.
    #[serde(default)]
    me: Option<String>,
}

/// The boards of competition `id` (players, teams) and its name; 404 if it is not published.
async fn boards(hub: &Hub, id: &str) -> Result<(Vec<BoardRow>, Vec<BoardRow>, String), HubError> {
    let ready = hub
        .ready(id)
        .await?
        .ok_or_else(|| refused(StatusCode::NOT_FOUND, tell("hub-err-no-competition")))?;
    Ok((
        hub.db.board(id, false).await?,
        hub.db.board(id, true).await?,
        ready.competition.name.clone(),
    ))
}

async fn index(State(hub): State<Shared>) -> Result<Html<String>, HubError> {
    let list = hub.db.competitions().await?;
    Ok(Html(templates::index(client(), &list).into_string()))
}

async fn board_json(
    State(hub): State<Shared>,
    Path(id): Path<String>,
) -> Result<Response, HubError> {
    let (players, teams, _) = boards(&hub, &id).await?;
    Ok(Json(json!({ "competition": id, "players": players, "teams": teams })).into_response())
}

async fn board_page(
    State(hub): State<Shared>,
    Path(id): Path<String>,
    Query(opts): Query<PageOptions>,
) -> Result<Html<String>, HubError> {
    let w = client();
    let (players, teams, name) = boards(&hub, &id).await?;
    let me = opts.me.as_deref().map(str::trim).filter(|m| !m.is_empty());
    let page = BoardPage {
        id: &id,
        name: &name,
        players: &players,
        teams: &teams,
        hide: opts.hide_names.is_some(),
        me,
        // A language asked for in the address stays with the page's links and form.
        lang: opts.lang.as_ref().map(|_| w.lang()),
        play: hub.web.is_some(),
    };
    Ok(Html(templates::board(w, &page).into_string()))
}

/// The wall: the board full screen, in large type, for a room's screen; it shows every new
/// result as it is recorded.
async fn wall_page(
    State(hub): State<Shared>,
    Path(id): Path<String>,
    Query(opts): Query<PageOptions>,
) -> Result<Html<String>, HubError> {
    let name = hub
        .ready(&id)
        .await?
        .ok_or_else(|| refused(StatusCode::NOT_FOUND, tell("hub-err-no-competition")))?
        .competition
        .name
        .clone();
    Ok(Html(
        templates::wall(
            client(),
            &id,
            &name,
            opts.hide_names.is_some(),
            opts.me.as_deref().unwrap_or_default(),
        )
        .into_string(),
    ))
}
