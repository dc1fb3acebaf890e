//! Who may do what: the admin (a bearer token, or the password of HTTP Basic in a browser) and
//! players (the token joining gave them) as extractors, and the rule that no other site may
//! make a browser write to the hub.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::{HubError, WANTS_PAGE, refused};
use crate::lang::tell;
use crate::state::Shared;
use crate::storage::{Player, hash_secret};

/// The bearer token of a request, if it sent one.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// The admin token of a request: a bearer token, or the password of HTTP Basic (what a
/// browser sends after asking; any user name).
fn admin_token(headers: &HeaderMap) -> Option<String> {
    if let Some(t) = bearer(headers) {
        return Some(t.to_string());
    }
    use base64::Engine;
    let basic = headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(basic.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    text.split_once(':').map(|(_, p)| p.to_string())
}

/// A request made with the admin token.
#[derive(Debug, Clone, Copy)]
pub struct Admin;

/// Why a request is not the admin's: a browser asking for a page is asked for the token (as
/// the password of HTTP Basic); a program is told.
pub struct NotAdmin(HubError);

impl IntoResponse for NotAdmin {
    fn into_response(self) -> Response {
        let page = WANTS_PAGE.try_with(|p| *p).unwrap_or(false);
        let asked = matches!(
            &self.0,
            HubError::Refused(s, _) if *s == StatusCode::UNAUTHORIZED
                || (page && *s == StatusCode::FORBIDDEN)
        );
        let mut r = match self.0 {
            HubError::Refused(s, why) if page && s == StatusCode::FORBIDDEN => {
                HubError::Refused(StatusCode::UNAUTHORIZED, why).into_response()
            }
            e => e.into_response(),
        };
        if asked {
            r.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(
                    "Basic realm=\"peercall hub: the admin token is the password\"",
                ),
            );
        }
        r
    }
}

impl FromRequestParts<Shared> for Admin {
    type Rejection = NotAdmin;

    async fn from_request_parts(parts: &mut Parts, hub: &Shared) -> Result<Admin, NotAdmin> {
        let stored = hub.db.admin_hash().await.map_err(|e| NotAdmin(e.into()))?;
        match (admin_token(&parts.headers).as_deref(), stored) {
            (Some(t), Some(h)) if hash_secret(t) == h => Ok(Admin),
            (None, _) => Err(NotAdmin(refused(
                StatusCode::UNAUTHORIZED,
                tell("hub-err-needs-admin"),
            ))),
            _ => Err(NotAdmin(refused(
                StatusCode::FORBIDDEN,
                tell("hub-err-not-admin"),
            ))),
        }
    }
}

/// A request made with a player's token: who they are, and the token.
#[derive(Debug, Clone)]
pub struct Joined {
    /// The player.
    pub player: Player,
    /// Their token (as sent; stored only hashed).
    pub token: String,
}

impl FromRequestParts<Shared> for Joined {
    type Rejection = HubError;

    async fn from_request_parts(parts: &mut Parts, hub: &Shared) -> Result<Joined, HubError> {
        let token = bearer(&parts.headers)
            .ok_or_else(|| refused(StatusCode::UNAUTHORIZED, tell("hub-err-needs-player")))?
            .to_string();
        let player = hub
            .db
            .player(&token)
            .await?
            .ok_or_else(|| refused(StatusCode::FORBIDDEN, tell("hub-err-unknown-player")))?;
        Ok(Joined { player, token })
    }
}

/// Refuses a write (any method but GET, HEAD and OPTIONS) that a browser makes for another site:
/// `Sec-Fetch-Site` other than same-origin (or none: typed by the user), or an `Origin` that is
/// not this hub's. Programs (the game, the command line) send neither and are judged by their
/// tokens alone.
pub async fn same_site_writes(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let fetch_site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase);
    let cross = match fetch_site.as_deref() {
        Some("same-origin" | "none") => false,
        Some(_) => true,
        None => match headers.get(header::ORIGIN).map(|v| v.to_str()) {
            None => false,
            Some(Ok(origin)) => {
                let host = headers
                    .get(header::HOST)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default();
                let bare = origin
                    .strip_prefix("http://")
                    .or_else(|| origin.strip_prefix("https://"));
                host.is_empty() || bare != Some(host)
            }
            Some(Err(_)) => true,
        },
    };
    if cross {
        return refused(StatusCode::FORBIDDEN, tell("hub-err-cross-site")).into_response();
    }
    next.run(req).await
}
