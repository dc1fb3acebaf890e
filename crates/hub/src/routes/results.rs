//! Players post their finished calls: each is checked against who posted it, replayed through
//! the published scenario, checked to be one of the player's own calls, and counted once.

use std::sync::Arc;

use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use peercall_core::records::Record;
use serde_json::json;

use crate::auth::Joined;
use crate::error::{HubError, failed, refused};
use crate::lang::{client, tell, theirs};
use crate::state::Shared;
use crate::storage::{Recorded, hash_secret};

pub(super) fn router() -> Router<Shared> {
    Router::new().route("/api/results", post(post_result))
}

async fn post_result(
    State(hub): State<Shared>,
    who: Joined,
    body: Result<Json<Record>, JsonRejection>,
) -> Result<Response, HubError> {
    hub.limit(
        &format!("post {}", hash_secret(&who.token)),
        hub.posts_per_minute,
    )?;
    let player = who.player;
    let Json(r) = body.map_err(|e| refused(e.status(), e.body_text()))?;
    if r.player != player.name || r.team != player.team {
        let team = if player.team.is_empty() {
            tell("hub-no-team")
        } else {
            player.team.clone()
        };
        return Err(refused(
            StatusCode::FORBIDDEN,
            client().f(
                "hub-err-not-yours",
                &[("name", player.name.as_str().into()), ("team", team.into())],
            ),
        ));
    }
    if r.competition.as_deref() != Some(player.competition.as_str()) {
        return Err(refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            client().f(
                "hub-err-other-competition",
                &[("competition", player.competition.as_str().into())],
            ),
        ));
    }
    let ready = hub
        .ready(&player.competition)
        .await?
        .ok_or_else(|| refused(StatusCode::NOT_FOUND, tell("hub-err-gone")))?;
    // In a certification, the player's earlier results decide whether this one settles it.
    let earlier = match (&ready.competition.certification, &hub.forward) {
        (Some(_), Some(_)) => hub.db.results_of(&player.competition, &player.name).await?,
        _ => Vec::new(),
    };
    // The replay and the checks run on a blocking thread: a long call must not hold up the
    // requests of others.
    let lang = client().lang().to_string();
    let forward = hub.forward.clone();
    let (r, statements) = tokio::task::spawn_blocking({
        let ready = Arc::clone(&ready);
        move || {
            peercall_core::words::in_language(&lang, || {
                let (r, mut statements) = verify(&ready, &player.name, r, forward.clone())?;
                if let Some(home) = &forward {
                    statements.extend(decided(&ready, &earlier, &r, home));
                }
                Ok::<_, HubError>((r, statements))
            })
        }
    })
    .await
    .map_err(failed)??;
    let competition = r.competition.clone().unwrap_or_default();
    Ok(match hub.db.record(&r, &statements).await? {
        Recorded::Added => {
            hub.live.changed(&competition);
            (StatusCode::CREATED, Json(json!({ "status": "recorded" }))).into_response()
        }
        Recorded::AlreadyThere => (
            StatusCode::OK,
            Json(json!({ "status": "already recorded" })),
        )
            .into_response(),
        Recorded::AttemptUsed => {
            return Err(refused(
                StatusCode::CONFLICT,
                client().f(
                    "hub-err-attempt-used",
                    &[("seed", r.seed.to_string().into())],
                ),
            ));
        }
    })
}

/// Checks a posted result of `name`'s against the published competition: open today, every
/// field valid, its replay what it claims, its id its content's, its seed one of the player's
/// own calls. The result and its xAPI statements (when forwarding to `home`).
fn verify(
    ready: &crate::published::Ready,
    name: &str,
    r: Record,
    forward: Option<String>,
) -> Result<(Record, Vec<serde_json::Value>), HubError> {
    let unverified = |why: String| refused(StatusCode::UNPROCESSABLE_ENTITY, why);
    ready
        .competition
        .open_on(&peercall_core::competition::today())
        .map_err(|e| unverified(e.to_string()))?;
    peercall_core::records::validate(&r).map_err(|e| unverified(e.to_string()))?;
    let entry = ready
        .entries
        .iter()
        .find(|e| e.scenario == r.scenario)
        .ok_or_else(|| {
            unverified(client().f(
                "hub-err-not-in-competition",
                &[("scenario", r.scenario.as_str().into())],
            ))
        })?;
    let script = ready.library.entries[entry.index]
        .script()
        .ok_or_else(|| failed("a published scenario does not compile"))?;
    theirs(|| r.verify(script)).map_err(|e| unverified(e.to_string()))?;
    if r.content_id() != r.id {
        return Err(unverified(tell("hub-err-edited")));
    }
    // The call must be one of the player's own (competition, scenario, base seed, name), and
    // one of the attempts the competition allows.
    if !ready.competition.is_players_seed(script, name, r.seed) {
        return Err(unverified(client().f(
            "hub-err-not-their-seed",
            &[("seed", r.seed.to_string().into()), ("name", name.into())],
        )));
    }
    let statements = match &forward {
        Some(home) => peercall_core::xapi::statements(&r, script, home),
        None => Vec::new(),
    };
    Ok((r, statements))
}

/// The statement that `r` decides its player's certification (passed or failed as a whole),
/// when the competition is one and the verdict was open before `r`.
fn decided(
    ready: &crate::published::Ready,
    earlier: &[Record],
    r: &Record,
    home: &str,
) -> Option<serde_json::Value> {
    ready.competition.certification.as_ref()?;
    let scripts = ready.library.scripts();
    let now = peercall_core::clock::now();
    let judge = |results: &[Record]| {
        peercall_core::certification::judge(&ready.competition, &scripts, results, &r.player, now)
    };
    let before = judge(earlier)?;
    let mut with = earlier.to_vec();
    with.push(r.clone());
    let after = judge(&with)?;
    if before.state == after.state {
        return None;
    }
    peercall_core::xapi::certification_statement(
        &ready.competition,
        &after,
        &r.team,
        home,
        &r.finished_at,
    )
}
