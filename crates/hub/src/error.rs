//! The hub's one error type and how it becomes an answer: a refusal (4xx) says why in the
//! reader's language; a failure (5xx) is logged with its cause and answered with a generic
//! sentence and a reference the operator can find in the log.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::lang::client;
use crate::storage::StorageError;

/// Why a request was not done.
#[derive(Debug)]
pub enum HubError {
    /// The client's request cannot be done as it is (its reason, in the client's language).
    Refused(StatusCode, String),
    /// Too many requests: try again after `seconds`.
    TooMany {
        /// Seconds until the limit resets.
        seconds: u64,
    },
    /// The database cannot be reached now: try again shortly.
    Unavailable(String),
    /// The hub failed (its cause is for the log only).
    Failed(String),
}

/// Shorthand for a refusal.
pub fn refused(status: StatusCode, why: impl Into<String>) -> HubError {
    HubError::Refused(status, why.into())
}

impl From<StorageError> for HubError {
    fn from(e: StorageError) -> HubError {
        match e {
            StorageError::Unavailable(why) => HubError::Unavailable(why),
            StorageError::Failed(why) => HubError::Failed(why),
        }
    }
}

/// A failure's cause, for the log (a join error, a poisoned lock...).
pub fn failed(e: impl std::fmt::Display) -> HubError {
    HubError::Failed(e.to_string())
}

tokio::task_local! {
    /// Whether the request being answered is a browser's page request (errors then come as a
    /// page, not JSON).
    pub static WANTS_PAGE: bool;
}

impl IntoResponse for HubError {
    fn into_response(self) -> Response {
        let w = client();
        let (status, message, retry) = match self {
            HubError::Refused(status, why) => {
                tracing::info!(status = status.as_u16(), "refused: {why}");
                (status, why, None)
            }
            HubError::TooMany { seconds } => {
                tracing::info!(status = 429, "refused: too many requests");
                (
                    StatusCode::TOO_MANY_REQUESTS,
                    w.f(
                        "hub-err-too-many",
                        &[("seconds", seconds.to_string().into())],
                    ),
                    Some(seconds),
                )
            }
            HubError::Unavailable(cause) => {
                let reference = reference();
                tracing::error!(%reference, "database unavailable: {cause}");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    w.f("hub-err-unavailable", &[("reference", reference.into())]),
                    Some(5),
                )
            }
            HubError::Failed(cause) => {
                let reference = reference();
                tracing::error!(%reference, "failed: {cause}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    w.f("hub-err-failed", &[("reference", reference.into())]),
                    None,
                )
            }
        };
        let mut r = if WANTS_PAGE.try_with(|p| *p).unwrap_or(false) {
            (
                status,
                axum::response::Html(crate::templates::refusal(w, &message).into_string()),
            )
                .into_response()
        } else {
            (status, Json(json!({ "error": message }))).into_response()
        };
        if let Some(s) = retry
            && let Ok(v) = HeaderValue::from_str(&s.to_string())
        {
            r.headers_mut().insert(header::RETRY_AFTER, v);
        }
        r
    }
}

/// A short reference for one failure, printed in the log beside its cause.
fn reference() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..10].to_string()
}
