//! The team hub from the browser: a join link's code, joining and downloading the competition's
//! files (checked against the hub's hashes, kept in memory), and sending each finished call
//! from the records' hub queue, retried with backoff while the hub is away.

use bevy::prelude::*;
use serde_json::json;

use peercall_core::competition::{Competition, today};
use peercall_core::hub_client::{self, Files, Joined, Membership};
use peercall_core::records::{Queue, Queued, Store};

use super::net;
use crate::{Profile, RecordsDb};

/// The team code of the join link the page was opened with (`/play/?join=CODE`): the join
/// screen joins with it once the player has a name.
#[derive(Resource, Debug, Clone)]
pub struct JoinLink(pub String);

/// A competition joined and its files downloaded and checked.
pub struct Downloaded {
    server: String,
    code: String,
    player: String,
    /// The hub's answer when this was a new join (`None`: joined before with this code).
    joined: Option<Joined>,
    files: Files,
}

/// Joins the competition of `code` at `server` as `player` (unless `member` says this browser
/// joined it with this code before), then downloads its files and checks them.
pub async fn join(
    server: String,
    code: String,
    player: String,
    member: Option<Membership>,
) -> Result<Downloaded, String> {
    let text = |e: peercall_core::Error| e.to_string();
    if let Some(m) = member {
        // A token the hub no longer knows (the hub was reset) is no reason to stop: join again.
        if let Ok(files) = download(&server, &m.competition, &m.token).await {
            return Ok(Downloaded {
                server,
                code,
                player,
                joined: None,
                files,
            });
        }
    }
    let body = json!({ "code": code, "name": player });
    let (status, answer) = net::request(&server, "POST", "/api/join", None, Some(&body)).await?;
    let joined = hub_client::join_answer(status, &answer).map_err(text)?;
    let files = download(&server, &joined.competition, &joined.token).await?;
    Ok(Downloaded {
        server,
        code,
        player,
        joined: Some(joined),
        files,
    })
}

/// The files of `competition`, checked.
async fn download(server: &str, competition: &str, token: &str) -> Result<Files, String> {
    let text = |e: peercall_core::Error| e.to_string();
    peercall_core::competition::valid_id(competition).map_err(text)?;
    let path = format!("/api/competitions/{competition}/files");
    let (status, answer) = net::request(server, "GET", &path, Some(token), None).await?;
    let files = hub_client::files_answer(status, answer).map_err(text)?;
    hub_client::check_files(&files).map_err(text)?;
    if files.id != competition {
        return Err(
            hub_client::unreachable(server, "the files are another competition's").to_string(),
        );
    }
    Ok(files)
}

/// Enters a downloaded competition: a new join is remembered in the records (the player's team
/// becomes the team of the code), and the competition opens with the hub's scenarios.
pub fn enter(world: &mut World, d: Downloaded) -> Result<(), String> {
    let text = |e: peercall_core::Error| e.to_string();
    if let Some(joined) = &d.joined {
        if let Some(db) = world.get_resource::<RecordsDb>() {
            db.with("game-what-team-hub", |s| {
                hub_client::remember(s, &d.server, &d.code, joined, &d.player)
            })
            .map_err(|e| e.said(world.resource::<crate::Language>().words()))?;
        }
        world.resource_mut::<Profile>().team = joined.team.clone();
    }
    let shown = format!("{}.competition.ron", d.files.id);
    let competition = Competition::from_text(&shown, &d.files.competition).map_err(text)?;
    competition.open_on(&today()).map_err(text)?;
    let library = d.files.library();
    let entries = competition.resolve(&library).map_err(text)?;
    crate::screens::competitions::enter_checked(world, competition, &entries, &library);
    Ok(())
}

/// Starts sending the hub queue of `db` from the page's event loop: every two seconds, each
/// result due goes to its hub; a hub that is away is tried again with backoff. The hub takes a
/// result it already has as done, so a result whose answer was lost is never counted twice.
pub fn spawn_sender(db: RecordsDb) {
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            sleep(2_000).await;
            while let Some((q, token, body)) = next_due(&db) {
                let took = match net::request(
                    &q.payload,
                    "POST",
                    "/api/results",
                    Some(&token),
                    Some(&body),
                )
                .await
                {
                    Ok((status, answer)) => hub_client::send_answer(status, &answer),
                    Err(why) => Err(peercall_core::Error::Hub(why)),
                };
                let waiting = took.is_err();
                let settled = db
                    .0
                    .lock()
                    .map_err(|_| crate::records::poisoned())
                    .and_then(|mut s| {
                        let mut round = hub_client::Delivery::default();
                        hub_client::settle(&s.outbox(Queue::Hub), &q, took, secs(), &mut round)?;
                        super::keep(&mut s);
                        Ok(())
                    });
                if let Err(e) = settled {
                    warn!("{e}");
                }
                if waiting {
                    break;
                }
            }
        }
    });
}

/// The first result due in the hub queue, with its token and its body.
fn next_due(db: &RecordsDb) -> Option<(Queued, String, serde_json::Value)> {
    let store = db.0.lock().ok()?;
    let first = |s: &Store| -> peercall_core::Result<Option<(Queued, String, serde_json::Value)>> {
        let remembered = s.setting(hub_client::TOKEN)?;
        let mut round = hub_client::Delivery::default();
        for q in s.outbox(Queue::Hub).due(secs())? {
            if let Some((token, record)) =
                hub_client::outgoing(s, &q, remembered.as_deref(), &mut round)?
            {
                let body = serde_json::to_value(&record)
                    .map_err(|e| peercall_core::Error::Invalid(e.to_string()))?;
                return Ok(Some((q, token, body)));
            }
        }
        Ok(None)
    };
    first(&store).unwrap_or_else(|e| {
        warn!("{e}");
        None
    })
}

/// Now, in Unix seconds.
fn secs() -> i64 {
    peercall_core::clock::now()
        .duration_since(std::time::SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Waits `ms` milliseconds on the page's timer.
async fn sleep(ms: i32) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}
