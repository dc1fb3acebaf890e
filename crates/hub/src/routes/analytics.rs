//! The trainer's analytics of a competition: the page, its JSON, and two CSV downloads (signals
//! per team, every move players made) in which every cell is guarded against spreadsheet
//! formulas.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use peercall_core::untrusted::csv_cell;

use crate::analytics::{Analytics, analyze};
use crate::auth::Admin;
use crate::error::{HubError, failed, refused};
use crate::lang::{client, tell};
use crate::published::Ready;
use crate::state::{Hub, Shared};
use crate::templates;

pub(super) fn router() -> Router<Shared> {
    Router::new()
        .route("/competitions/{id}/analytics", get(page))
        .route("/competitions/{id}/analytics.csv", get(signals_csv))
        .route("/competitions/{id}/moves.csv", get(moves_csv))
        .route("/api/competitions/{id}/analytics", get(json))
}

/// Competition `id`'s analysis and the competition it is of. Adding up the results runs on a
/// blocking thread.
pub(super) async fn analysis(hub: &Hub, id: &str) -> Result<(Analytics, Arc<Ready>), HubError> {
    let ready = hub
        .ready(id)
        .await?
        .ok_or_else(|| refused(StatusCode::NOT_FOUND, tell("hub-err-no-competition")))?;
    let records = hub.db.results(id).await?;
    let r = Arc::clone(&ready);
    let a = tokio::task::spawn_blocking(move || analyze(&records, &r.library))
        .await
        .map_err(failed)?;
    Ok((a, ready))
}

async fn page(
    State(hub): State<Shared>,
    _: Admin,
    Path(id): Path<String>,
) -> Result<Html<String>, HubError> {
    let (a, ready) = analysis(&hub, &id).await?;
    Ok(Html(
        templates::analytics(client(), &id, &ready.competition.name, &a, &ready.library)
            .into_string(),
    ))
}

async fn json(
    State(hub): State<Shared>,
    _: Admin,
    Path(id): Path<String>,
) -> Result<Response, HubError> {
    let (a, _) = analysis(&hub, &id).await?;
    Ok(Json(a).into_response())
}

/// A CSV of `rows` under `head`, every cell guarded, as a download named `name`.
fn csv_download(head: &[&str], rows: Vec<Vec<String>>, name: &'static str) -> Response {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(head);
    for row in rows {
        let _ = w.write_record(row.iter().map(|c| csv_cell(c).into_owned()));
    }
    let body = w.into_inner().unwrap_or_default();
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        body,
    )
        .into_response()
}

async fn signals_csv(
    State(hub): State<Shared>,
    _: Admin,
    Path(id): Path<String>,
) -> Result<Response, HubError> {
    let (a, _) = analysis(&hub, &id).await?;
    let mut rows = Vec::new();
    for t in &a.teams {
        for (signal, (sent, bettered)) in &t.signals {
            rows.push(vec![
                t.team.clone(),
                signal.clone(),
                sent.to_string(),
                bettered.to_string(),
                format!("{:.2}", *bettered as f64 / (*sent).max(1) as f64),
            ]);
        }
    }
    Ok(csv_download(
        &["team", "signal", "sent", "better line on offer", "rate"],
        rows,
        "signals.csv",
    ))
}

/// Every move players made, per scenario and truth (what the heatmap draws).
async fn moves_csv(
    State(hub): State<Shared>,
    _: Admin,
    Path(id): Path<String>,
) -> Result<Response, HubError> {
    let (a, ready) = analysis(&hub, &id).await?;
    let mut rows = Vec::new();
    for p in &a.paths {
        let script = ready.library.script(&p.scenario);
        let at_node = p.taken_at();
        for (from, choice, to, n) in &p.moves {
            let c = script.and_then(|s| {
                s.scenario()
                    .nodes
                    .get(from)
                    .and_then(|node| node.choices.get(*choice))
            });
            let share = *n as f64 / at_node.get(from.as_str()).copied().unwrap_or(1).max(1) as f64;
            rows.push(vec![
                p.scenario.clone(),
                p.truth.clone(),
                from.clone(),
                (choice + 1).to_string(),
                c.map_or(String::new(), |c| c.say.clone()),
                c.map_or("", |c| c.signal.label()).to_string(),
                to.clone(),
                n.to_string(),
                format!("{share:.2}"),
            ]);
        }
    }
    Ok(csv_download(
        &[
            "scenario",
            "truth",
            "node",
            "choice",
            "line",
            "signal",
            "to",
            "times",
            "share of the node",
        ],
        rows,
        "moves.csv",
    ))
}
