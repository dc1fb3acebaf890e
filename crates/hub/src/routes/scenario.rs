//! A scenario's read-only page for trainers, with "play from here" links into the web game.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Html;
use axum::routing::get;

use crate::analytics::PathsReport;
use crate::auth::Admin;
use crate::error::{HubError, refused};
use crate::lang::{client, tell};
use crate::state::Shared;
use crate::templates;

pub(super) fn router() -> Router<Shared> {
    Router::new().route("/competitions/{id}/scenarios/{scenario}", get(page))
}

async fn page(
    State(hub): State<Shared>,
    _: Admin,
    Path((id, scenario)): Path<(String, String)>,
) -> Result<Html<String>, HubError> {
    let (analysis, ready) = super::analytics::analysis(&hub, &id).await?;
    let script = ready
        .library
        .script(&scenario)
        .ok_or_else(|| refused(StatusCode::NOT_FOUND, tell("hub-err-no-scenario")))?
        .clone();
    // What players did, over every truth (the heatmap of the first truth played, else none).
    let paths = analysis
        .paths
        .iter()
        .find(|p| p.scenario == scenario)
        .cloned()
        .unwrap_or_else(|| PathsReport {
            scenario: scenario.clone(),
            truth: String::new(),
            calls: 0,
            nodes: Vec::new(),
            moves: Vec::new(),
        });
    let first = tokio::task::spawn_blocking(move || {
        let s = script;
        let first = first_states(&s);
        (s, first)
    })
    .await
    .map_err(crate::error::failed)?;
    Ok(Html(
        templates::scenario(client(), &id, &first.0, &paths, &first.1).into_string(),
    ))
}

/// Per truth, per node: the state a call first reaches the node in (bounded: a tree too large
/// to walk gets no links).
fn first_states(script: &peercall_dialogue::Script) -> Vec<Vec<Option<peercall_dialogue::State>>> {
    (0..script.truth_count().max(1) as u32)
        .map(|t| {
            let mut first = vec![None; script.node_count()];
            for s in peercall_dialogue::deciding::reachable_states(script, t, 100_000)
                .unwrap_or_default()
            {
                first[s.node as usize].get_or_insert(s);
            }
            first
        })
        .collect()
}
