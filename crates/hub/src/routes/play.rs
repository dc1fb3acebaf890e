//! The game in the browser, handed out at `/play/`: the folder `scripts/build-web.sh` builds
//! (`peercall serve --web DIR`), sent compressed when the browser takes it, revalidated on
//! every load so that a new build is picked up at once. A team's join link is
//! `/play/?join=CODE`.

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::error::{HubError, refused};
use crate::lang::client;
use crate::state::Shared;

/// The game page's security policy: the hub's own script, with WebAssembly allowed to compile
/// (`wasm-unsafe-eval`, not `unsafe-eval`); styles the engine sets on its canvas; connections to
/// the hub only (and to the learning systems named with `--lms-origin`, see [`play_csp`]).
pub const PLAY_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; \
    form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

/// [`PLAY_CSP`] with the learning systems' origins (checked when the hub started) allowed as
/// places the game may connect to.
pub fn play_csp(lms_origins: &[String]) -> String {
    let extra: String = lms_origins
        .iter()
        .filter(|o| crate::valid_origin(o))
        .map(|o| format!(" {o}"))
        .collect();
    PLAY_CSP.replace(
        "connect-src 'self';",
        &format!("connect-src 'self'{extra};"),
    )
}

pub(super) fn router() -> Router<Shared> {
    Router::new()
        .route("/play", get(to_folder))
        .route("/play/", get(file))
        .route("/play/{*path}", get(file))
}

/// `/play` → `/play/`, keeping the query: the page's files are named relative to its folder.
async fn to_folder(uri: Uri) -> Redirect {
    match uri.query() {
        Some(q) => Redirect::permanent(&format!("/play/?{q}")),
        None => Redirect::permanent("/play/"),
    }
}

/// One of the web game's files, from the folder the hub was given.
async fn file(State(hub): State<Shared>, req: Request) -> Result<Response, HubError> {
    let Some(dir) = hub.web.clone() else {
        return Err(refused(
            StatusCode::NOT_FOUND,
            client().t("hub-no-web-game"),
        ));
    };
    let path = req.uri().path().trim_start_matches("/play");
    // ServeDir refuses `..` and anything outside the folder itself.
    let uri: Uri = if path.is_empty() { "/" } else { path }
        .parse()
        .map_err(|_| refused(StatusCode::NOT_FOUND, client().t("hub-no-such-file")))?;
    let (mut parts, body) = req.into_parts();
    parts.uri = uri;
    let served = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(true)
        .oneshot(Request::from_parts(parts, body))
        .await;
    let mut r = match served {
        Ok(r) => r.map(axum::body::Body::new),
        Err(e) => match e {},
    };
    if r.status() == StatusCode::NOT_FOUND {
        return Err(refused(
            StatusCode::NOT_FOUND,
            client().t("hub-no-such-file"),
        ));
    }
    let h = r.headers_mut();
    let csp = HeaderValue::from_str(&play_csp(&hub.lms_origins))
        .unwrap_or_else(|_| HeaderValue::from_static(PLAY_CSP));
    h.insert(header::CONTENT_SECURITY_POLICY, csp);
    // The files keep their names from build to build: the browser asks each time whether its
    // copy is still current (a 304 when it is).
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static("SAMEORIGIN"),
    );
    Ok(r.into_response())
}
