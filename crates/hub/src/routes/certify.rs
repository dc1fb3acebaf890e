//! Certifications on the hub: the trainer's list of who passed, failed, is overdue or still
//! playing; each player's certificate, judged again from their results (each replayed); and the
//! check of a certificate's verification code, for anyone; the certificate as a PDF.

use std::collections::BTreeMap;

use axum::Router;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use peercall_core::certificate::Sheet;
use peercall_core::certification::{self, Verdict};
use peercall_core::records::Record;
use serde::Deserialize;

use crate::auth::Admin;
use crate::error::{HubError, failed, refused};
use crate::lang::{client, tell};
use crate::published::Ready;
use crate::state::{Hub, Shared};
use crate::templates;

pub(super) fn router() -> Router<Shared> {
    Router::new()
        .route("/competitions/{id}/certification", get(list))
        .route("/competitions/{id}/certificate", get(certificate))
}

/// Whom a certificate is asked for, and the code to check, from the page's address.
#[derive(Debug, Deserialize)]
struct Asked {
    player: String,
    #[serde(default)]
    code: Option<String>,
    /// `pdf` for the certificate as a PDF file, else the page.
    #[serde(default)]
    format: Option<String>,
}

/// Certification `id` as published; 404 when it is not published or not a certification.
async fn certification_of(hub: &Hub, id: &str) -> Result<std::sync::Arc<Ready>, HubError> {
    let ready = hub
        .ready(id)
        .await?
        .ok_or_else(|| refused(StatusCode::NOT_FOUND, tell("hub-err-no-competition")))?;
    if ready.competition.certification.is_none() {
        return Err(refused(
            StatusCode::NOT_FOUND,
            tell("hub-err-not-certification"),
        ));
    }
    Ok(ready)
}

/// Judges each of `players` from `results` (grouped once by player: every result is read once)
/// on a blocking thread.
async fn judged(
    ready: std::sync::Arc<Ready>,
    players: Vec<(String, String)>,
    results: Vec<Record>,
) -> Result<Vec<(String, Verdict)>, HubError> {
    let lang = client().lang().to_string();
    tokio::task::spawn_blocking(move || {
        peercall_core::words::in_language(&lang, || {
            let mut by_player: BTreeMap<String, Vec<Record>> = BTreeMap::new();
            for r in results {
                by_player.entry(r.player.clone()).or_default().push(r);
            }
            let mut teams: BTreeMap<String, String> = players.into_iter().collect();
            for (p, rs) in &by_player {
                teams
                    .entry(p.clone())
                    .or_insert_with(|| rs.first().map(|r| r.team.clone()).unwrap_or_default());
            }
            let scripts = ready.library.scripts();
            let now = peercall_core::clock::now();
            teams
                .into_iter()
                .filter_map(|(player, team)| {
                    let mine = by_player.get(&player).map_or(&[][..], Vec::as_slice);
                    certification::judge(&ready.competition, &scripts, mine, &player, now)
                        .map(|v| (team, v))
                })
                .collect()
        })
    })
    .await
    .map_err(failed)
}

/// The trainer's list: every player who joined or played, where they stand, overdue first.
async fn list(
    State(hub): State<Shared>,
    _: Admin,
    Path(id): Path<String>,
) -> Result<Html<String>, HubError> {
    let ready = certification_of(&hub, &id).await?;
    let roster = hub.db.roster(&id).await?;
    let results = hub.db.results(&id).await?;
    let mut rows = judged(std::sync::Arc::clone(&ready), roster, results).await?;
    rows.sort_by_key(|(_, v)| templates::certify::order(v.state));
    Ok(Html(
        templates::certify::list(client(), &id, &ready.competition, &rows).into_string(),
    ))
}

/// A player's certificate, judged again now; with `code`, whether that code is theirs; with
/// `format=pdf`, as a PDF file.
/// Anyone may ask (a certificate is meant to be shown), a few times a minute from one address.
async fn certificate(
    State(hub): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(id): Path<String>,
    Query(asked): Query<Asked>,
) -> Result<Response, HubError> {
    // Each look replays a player's results: as many a minute from one address as joins.
    hub.limit(&format!("certificate {}", peer.ip()), hub.joins_per_minute)?;
    let ready = certification_of(&hub, &id).await?;
    let player = peercall_core::untrusted::clip(asked.player.trim(), 64).into_owned();
    let results = hub.db.results_of(&id, &player).await?;
    let team = results.first().map(|r| r.team.clone()).unwrap_or_default();
    let verdict = judged(
        std::sync::Arc::clone(&ready),
        vec![(player.clone(), team.clone())],
        results,
    )
    .await?
    .into_iter()
    .next()
    .map(|(_, v)| v)
    .ok_or_else(|| failed("a certification without a verdict"))?;
    let checked = asked.code.as_deref().map(|code| {
        verdict
            .code
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case(code.trim()))
    });
    let status = if verdict.earned() && checked != Some(false) {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    if asked.format.as_deref() == Some("pdf") && status == StatusCode::OK {
        let sheet = Sheet::of(
            client(),
            &ready.competition,
            &ready.library,
            &team,
            &verdict,
        )
        .ok_or_else(|| failed("an earned pass without a certificate"))?;
        let pdf = tokio::task::spawn_blocking(move || sheet.pdf())
            .await
            .map_err(failed)?;
        // The file's name from the certificate's code: no player's text in a header.
        let name = format!(
            "attachment; filename=\"certificate-{}.pdf\"",
            verdict
                .code
                .as_deref()
                .unwrap_or_default()
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        );
        return Ok((
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (header::CONTENT_DISPOSITION, name),
            ],
            pdf,
        )
            .into_response());
    }
    let page = templates::certify::certificate(
        client(),
        &ready.competition,
        &ready.library,
        &team,
        &verdict,
        checked,
    );
    Ok((status, Html(page.into_string())).into_response())
}
