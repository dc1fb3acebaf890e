//! Publishing a competition: from a program (JSON, the admin's bearer token) or from the
//! trainer's form in a browser (the admin token as the password). Every file is checked before
//! anything is stored; moving the dates of a competition that is running needs a confirmation.

use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use peercall_core::competition::Competition;
use peercall_core::library::Library;
use serde::Deserialize;
use serde_json::json;

use crate::auth::Admin;
use crate::error::{HubError, refused};
use crate::lang::{client, tell};
use crate::state::{Hub, Shared};
use crate::storage::{Published, TeamCode, version_of};
use crate::templates;

pub(super) fn router() -> Router<Shared> {
    Router::new()
        .route("/api/competitions", post(publish_json))
        .route("/publish", get(form).post(publish_form))
}

/// What a trainer's program publishes: the competition file, its scenario files, the teams,
/// and whether moving a running competition's dates is meant.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Publish {
    competition: String,
    scenarios: Vec<String>,
    teams: Vec<String>,
    #[serde(default)]
    move_dates: bool,
}

async fn publish_json(
    State(hub): State<Shared>,
    _: Admin,
    body: Result<Json<Publish>, JsonRejection>,
) -> Result<Response, HubError> {
    let Json(p) = body.map_err(|e| refused(e.status(), e.body_text()))?;
    let (id, codes) = publish(&hub, &p.competition, p.scenarios, &p.teams, p.move_dates).await?;
    let codes: serde_json::Map<String, serde_json::Value> =
        codes.into_iter().map(|c| (c.team, c.code.into())).collect();
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": id, "codes": codes })),
    )
        .into_response())
}

/// Checks and publishes a competition file with its scenario files for `teams`: its id and
/// each team's join code.
async fn publish(
    hub: &Hub,
    competition: &str,
    scenarios: Vec<String>,
    teams: &[String],
    move_dates: bool,
) -> Result<(String, Vec<TeamCode>), HubError> {
    let teams: Vec<String> = teams
        .iter()
        .map(|t| peercall_core::untrusted::name("a team name", t, false))
        .collect::<Result<_, _>>()
        .map_err(|e| refused(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    if teams.is_empty() || teams.len() > 100 {
        return Err(refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            tell("hub-err-teams"),
        ));
    }
    let lang = client().lang().to_string();
    let file = competition.to_string();
    let (ready, files) = tokio::task::spawn_blocking(move || {
        peercall_core::words::in_language(&lang, || crate::published::ready(&file, &scenarios))
    })
    .await
    .map_err(crate::error::failed)?
    .map_err(|e| refused(StatusCode::UNPROCESSABLE_ENTITY, e))?;
    let id = ready.competition.id.clone();
    // A running competition's dates change only when the trainer says so: players who joined
    // would otherwise find it closed (or open again) without a word.
    if !move_dates && let Some(old) = hub.ready(&id).await? {
        let (was, now) = (&old.competition, &ready.competition);
        let running = was.open_on(&peercall_core::competition::today()).is_ok();
        if running && (was.starts != now.starts || was.ends != now.ends) {
            let dates = |c: &Competition| {
                format!(
                    "{} – {}",
                    c.starts.as_deref().unwrap_or("…"),
                    c.ends.as_deref().unwrap_or("…")
                )
            };
            return Err(refused(
                StatusCode::CONFLICT,
                client().f(
                    "hub-err-moves-dates",
                    &[
                        ("name", was.name.as_str().into()),
                        ("from", dates(was).into()),
                        ("to", dates(now).into()),
                    ],
                ),
            ));
        }
    }
    let published = Published {
        id: id.clone(),
        name: ready.competition.name.clone(),
        file: competition.to_string(),
        scenarios: files,
    };
    let codes = hub.db.publish(&published, &teams, &super::now()).await?;
    hub.keep(&id, version_of(&published), Arc::new(ready))?;
    Ok((id, codes))
}

/// The trainer's page for publishing.
async fn form(_: Admin) -> Html<String> {
    Html(templates::publish_form(client()).into_string())
}

/// The publishing form sent: the competition is checked and published, and the join codes
/// shown.
async fn publish_form(State(hub): State<Shared>, _: Admin, mut form: Multipart) -> Response {
    let w = client();
    let mut competition = None;
    let mut scenarios = Vec::new();
    let mut teams = String::new();
    let mut move_dates = false;
    let not_published = |status: StatusCode, why: &str| {
        (status, Html(templates::not_published(w, why).into_string())).into_response()
    };
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return not_published(e.status(), &e.body_text()),
        };
        let name = field.name().unwrap_or_default().to_string();
        let text = match field.text().await {
            Ok(t) => t,
            // Too large is 413, as for any other body.
            Err(e) => return not_published(e.status(), &e.body_text()),
        };
        match name.as_str() {
            "competition" => competition = Some(text),
            // An empty file input sends one empty part.
            "scenarios" if !text.trim().is_empty() => scenarios.push(text),
            "teams" => teams = text,
            "move-dates" => move_dates = !text.is_empty(),
            _ => {}
        }
    }
    let Some(competition) = competition.filter(|c| !c.trim().is_empty()) else {
        return not_published(
            StatusCode::UNPROCESSABLE_ENTITY,
            &w.t("hub-publish-no-file"),
        );
    };
    let parsed = peercall_dialogue::load::parse_as::<Competition>("competition.ron", &competition);
    let certification = parsed.as_ref().is_ok_and(|c| c.certification.is_some());
    // Built-in scenarios stand in for the ones named but not given.
    if let Ok(c) = parsed {
        let given: Vec<String> = scenarios
            .iter()
            .map(|t| {
                peercall_dialogue::load_str("scenario.ron", t)
                    .scenario
                    .map(|s| s.id)
                    .unwrap_or_default()
            })
            .collect();
        let builtin = Library::builtin();
        for e in &c.scenarios {
            if given.contains(&e.id) {
                continue;
            }
            if let Some(text) = builtin
                .find(&e.id)
                .and_then(|i| Library::builtin_source(&builtin.entries[i].file))
            {
                scenarios.push(text.to_string());
            }
        }
    }
    let teams: Vec<String> = teams
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    match publish(&hub, &competition, scenarios, &teams, move_dates).await {
        Ok((id, codes)) => (
            StatusCode::CREATED,
            Html(templates::published(w, &id, &codes, certification).into_string()),
        )
            .into_response(),
        Err(HubError::Refused(status, why)) => not_published(status, &why),
        Err(e) => e.into_response(),
    }
}
