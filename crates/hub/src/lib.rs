//! The team hub (`peercall serve`): trainers publish competitions, players join with a team's
//! code and post their finished calls, each verified by replay, and everyone sees one board.
//!
//! A hub keeps its data in SQLite in one folder (`hub.sqlite` for competitions, teams and
//! players; `records.sqlite`, the same records store the game uses, for results), or in
//! PostgreSQL, where any number of hub processes serve one board.

pub mod analytics;
/// The hub's client side lives in the shared crate (the game and the command line use it).
pub use peercall_core::hub as client;
mod db;
mod store;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use peercall_core::competition::Competition;
use peercall_core::library::Library;
use peercall_core::records::{BoardRow, Record, Store};
use peercall_core::ui::{Words, say};
use serde::Deserialize;
use serde_json::json;

pub use db::{Db, DbError, PG_SCHEMA_VERSION, shown_url};
pub use store::{HubStore, Player, Published, hash_secret};

/// Largest request body the hub reads: a result is a few kilobytes, a published competition
/// with its scenario files a few hundred.
pub const MAX_BODY: usize = 4 << 20;

/// How the hub runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on (port 0: any free port; the one taken is printed).
    pub listen: SocketAddr,
    /// Folder for the hub's databases (with PostgreSQL: for the xAPI outbox only).
    pub data: PathBuf,
    /// A PostgreSQL URL (`postgres://...`): keep everything there instead of in the folder.
    pub database_url: Option<String>,
    /// The admin token; without one, the stored one is kept, or a new one is made and printed.
    pub admin_token: Option<String>,
    /// Results one player may post in a minute ([`POSTS_PER_MINUTE`] unless a load test says
    /// otherwise).
    pub posts_per_minute: u32,
    /// Join attempts one address may make in a minute ([`JOINS_PER_MINUTE`] unless a load test
    /// says otherwise).
    pub joins_per_minute: u32,
}

struct Hub {
    db: Db,
    /// Competition ids whose board just changed, for the live pages.
    changed: tokio::sync::broadcast::Sender<String>,
    /// Where players' xAPI accounts live, when results are forwarded to an LRS.
    forward: Option<String>,
    /// Published competitions parsed and compiled, by id, with the version they were built from.
    ready: Mutex<std::collections::HashMap<String, (String, Arc<Ready>)>>,
    /// Results one player may post in a minute.
    posts_per_minute: u32,
    /// Join attempts one address may make in a minute.
    joins_per_minute: u32,
    /// Requests per key (a player's token, or an address for joining) in the current minute.
    limits: Mutex<std::collections::HashMap<String, (std::time::Instant, u32)>>,
}

/// Results one player may post in a minute (a call takes minutes; a resend after being
/// offline sends a few at once).
pub const POSTS_PER_MINUTE: u32 = 60;
/// Join attempts one address may make in a minute (so join codes cannot be guessed).
pub const JOINS_PER_MINUTE: u32 = 20;

impl Hub {
    /// Competition `id` parsed, checked and compiled: from the cache while the published
    /// version is the same (another hub on the same database may have republished it).
    async fn ready(&self, id: &str) -> Result<Option<(String, Arc<Ready>)>, Refusal> {
        let Some(version) = self.db.version(id).await? else {
            return Ok(None);
        };
        if let Some((v, r)) = self.ready.lock().map_err(internal)?.get(id)
            && *v == version
        {
            return Ok(Some((r.competition.name.clone(), Arc::clone(r))));
        }
        let Some(p) = self.db.competition(id).await? else {
            return Ok(None);
        };
        let built = Arc::new(ready(&p.file, &p.scenarios).map_err(internal)?);
        self.ready
            .lock()
            .map_err(internal)?
            .insert(id.to_string(), (version, Arc::clone(&built)));
        Ok(Some((p.name, built)))
    }

    /// Counts one request under `key`; a refusal (429) once `per_minute` is spent.
    fn limit(&self, key: &str, per_minute: u32) -> Result<(), Refusal> {
        let mut limits = self.limits.lock().map_err(internal)?;
        let now = std::time::Instant::now();
        if limits.len() > 100_000 {
            limits.retain(|_, (since, _)| now.duration_since(*since).as_secs() < 60);
        }
        let (since, count) = limits.entry(key.to_string()).or_insert((now, 0));
        if now.duration_since(*since).as_secs() >= 60 {
            *since = now;
            *count = 0;
        }
        *count += 1;
        if *count > per_minute {
            let wait = 60 - now.duration_since(*since).as_secs().min(59);
            return Err(Refusal(
                StatusCode::TOO_MANY_REQUESTS,
                client().f("hub-err-too-many", &[("seconds", wait.to_string().into())]),
            ));
        }
        Ok(())
    }
}

type Shared = Arc<Hub>;

/// An error answer: a status and a sentence, sent as `{"error": "..."}`.
struct Refusal(StatusCode, String);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": self.1 }))).into_response()
    }
}

impl From<DbError> for Refusal {
    fn from(e: DbError) -> Refusal {
        match e {
            DbError::Unavailable(_) => Refusal(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
            DbError::Failed(_) => internal(e),
        }
    }
}

fn internal(e: impl std::fmt::Display) -> Refusal {
    Refusal(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

/// Runs the hub until it is stopped (Ctrl-C). Prints the address it listens on, and the admin
/// token when it made a new one.
pub fn serve(config: Config) -> Result<(), String> {
    std::fs::create_dir_all(&config.data)
        .map_err(|e| format!("cannot create {}: {e}", config.data.display()))?;
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        // Forwarding: with an LRS configured (`PEERCALL_LRS_*`, or `lrs.ron` in the data
        // folder), every accepted result's statements are queued and sent in the background, so
        // players' machines need no LRS credentials.
        let records_path = config.data.join(match config.database_url {
            Some(_) => "outbox.sqlite",
            None => "records.sqlite",
        });
        let lrs = peercall_core::xapi::LrsConfig::load(&records_path).map_err(|e| e.to_string())?;
        let open_records = || -> Result<Store, String> {
            let (records, notice) = Store::open(&records_path).map_err(|e| e.to_string())?;
            if let Some(n) = notice {
                eprintln!("{}", say("err-warning", &[("why", n.as_str().into())]));
            }
            Ok(records)
        };
        let db = match &config.database_url {
            Some(url) => {
                let outbox = match &lrs {
                    Some(_) => Some(open_records()?),
                    None => None,
                };
                let db = Db::postgres(url, outbox).await?;
                println!(
                    "{}",
                    say("hub-storing-in-postgres", &[("url", shown_url(url).into())])
                );
                db
            }
            None => Db::Sqlite {
                hub: Mutex::new(HubStore::open(&config.data.join("hub.sqlite"))?),
                records: Mutex::new(open_records()?),
            },
        };
        let stored = db.admin_hash().await.map_err(|e| e.to_string())?;
        match (&config.admin_token, stored) {
            (Some(t), _) => db.set_admin(t).await.map_err(|e| e.to_string())?,
            (None, Some(_)) => {}
            (None, None) => {
                let token = uuid::Uuid::new_v4().simple().to_string();
                db.set_admin(&token).await.map_err(|e| e.to_string())?;
                println!(
                    "{}",
                    say("hub-admin-token", &[("token", token.as_str().into())])
                );
            }
        }
        let forward = lrs
            .as_ref()
            .map(|c| peercall_core::xapi::home_page(Some(c)));
        if let Some(c) = lrs {
            println!(
                "{}",
                say(
                    "hub-forwarding",
                    &[("endpoint", c.endpoint.as_str().into())]
                )
            );
            peercall_core::xapi::spawn_sender(records_path.clone(), c);
        }
        let state: Shared = Arc::new(Hub {
            db,
            changed: tokio::sync::broadcast::channel(1024).0,
            forward,
            posts_per_minute: config.posts_per_minute,
            joins_per_minute: config.joins_per_minute,
            limits: Mutex::new(std::collections::HashMap::new()),
            ready: Mutex::new(std::collections::HashMap::new()),
        });
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .map_err(|e| {
                say(
                    "hub-cannot-listen",
                    &[
                        ("address", config.listen.to_string().into()),
                        ("why", e.to_string().into()),
                    ],
                )
            })?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        // In every language: scripts and tests wait for this line.
        println!("peercall hub listening on http://{addr}");
        axum::serve(
            listener,
            router(state).into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| e.to_string())
    })
}

fn router(state: Shared) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/competitions/{id}", get(board_page))
        .route("/competitions/{id}/wall", get(wall_page))
        .route("/api/competitions/{id}/events", get(events))
        .route("/competitions/{id}/analytics", get(analytics_page))
        .route("/competitions/{id}/analytics.csv", get(analytics_csv))
        .route("/competitions/{id}/moves.csv", get(moves_csv))
        .route("/api/competitions/{id}/analytics", get(analytics_json))
        .route("/api/competitions", post(publish))
        .route("/publish", get(publish_page).post(publish_form))
        .route("/api/competitions/{id}/board", get(board_json))
        .route("/api/competitions/{id}/files", get(files_json))
        .route("/api/join", post(join))
        .route("/api/results", post(post_result))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn(in_their_language))
        .with_state(state)
}

tokio::task_local! {
    /// The words of the language the request being answered asked for.
    static CLIENT: &'static Words;
}

/// Answers each request in the language it asks for (`?lang=`, else `Accept-Language`): its
/// pages, and its refusals, including the shared crate's words inside them.
async fn in_their_language(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let asked = req.uri().query().and_then(|q| {
        q.split('&')
            .find_map(|kv| kv.strip_prefix("lang="))
            .map(str::to_string)
    });
    let w = words_for(req.headers(), asked.as_deref());
    CLIENT.scope(w, next.run(req)).await
}

/// The words of the client being answered (English outside a request).
fn client() -> &'static Words {
    CLIENT
        .try_with(|w| *w)
        .unwrap_or_else(|_| peercall_core::ui::words("en"))
}

/// `script` in `lang` with its built-in translation (the hub's copy of a shipped scenario gets
/// it wherever its words are unchanged), or as written.
fn in_readers_language(
    script: &peercall_dialogue::Script,
    lang: &str,
) -> peercall_dialogue::Script {
    if lang == peercall_core::i18n::SOURCE {
        return script.clone();
    }
    // Only the built-in translation: nothing is read from the hub's working folder.
    match peercall_core::i18n::builtin_po_text(script.id(), lang) {
        Some(po) => peercall_core::i18n::translate(script, lang, Some(po), false)
            .map(|(t, _)| t)
            .unwrap_or_else(|_| script.clone()),
        None => script.clone(),
    }
}

/// The line of `shown` (a node in the reader's language) that is `heard` in `source` (the same
/// node as written): the same variant, of the same state line.
fn same_line<'a>(
    source: &peercall_dialogue::Node,
    shown: &'a peercall_dialogue::Node,
    heard: &str,
) -> Option<&'a str> {
    let pick = |a: &[String], b: &'a [String]| {
        a.iter()
            .position(|l| l == heard)
            .and_then(|i| b.get(i))
            .map(String::as_str)
    };
    pick(&source.prospect, &shown.prospect).or_else(|| {
        source
            .lines_if
            .iter()
            .zip(&shown.lines_if)
            .find_map(|(a, b)| pick(&a.prospect, &b.prospect))
    })
}

/// A signal named by its English label (as the analytics and their CSV keep it) in the words
/// of `w`'s language.
fn said_signal(w: &peercall_core::ui::Words, label: &str) -> String {
    peercall_dialogue::Signal::ALL
        .iter()
        .find(|s| s.label() == label)
        .map_or_else(|| label.to_string(), |s| w.signal(*s))
}

/// An outcome named by its English label, in the words of `w`'s language.
fn said_outcome(w: &peercall_core::ui::Words, label: &str) -> String {
    peercall_dialogue::Outcome::ALL
        .into_iter()
        .find(|o| o.label() == label)
        .map_or_else(|| label.to_string(), |o| w.outcome(o))
}

/// Message `key` in the client's language.
fn tell(key: &str) -> String {
    client().t(key)
}

/// `f` with the shared crate's messages in the client's language.
fn theirs<T>(f: impl FnOnce() -> T) -> T {
    peercall_core::ui::in_language(client().lang(), f)
}

/// The bearer token of a request, if it sent one.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// Now, in seconds since 1970 (when a competition was published, a player joined).
fn now() -> String {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        .to_string()
}

/// What a trainer publishes: the competition file, its scenario files, and the teams.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Publish {
    competition: String,
    scenarios: Vec<String>,
    teams: Vec<String>,
}

/// A competition file and its scenarios, parsed, checked and resolved.
struct Ready {
    competition: Competition,
    library: Library,
    entries: Vec<peercall_core::competition::Resolved>,
}

fn ready(file: &str, scenarios: &[String]) -> Result<Ready, String> {
    let competition = peercall_dialogue::load::parse_as::<Competition>("competition.ron", file)
        .map_err(|d| d.render(file, false))?;
    let findings = competition.check("competition.ron", file);
    if let Some(d) = findings.first() {
        return Err(d.render(file, false));
    }
    let checked: Vec<_> = scenarios
        .iter()
        .enumerate()
        .map(|(i, t)| peercall_dialogue::load_str(&format!("scenario-{}.ron", i + 1), t))
        .collect();
    if let Some(c) = checked.iter().find(|c| c.has_errors()) {
        return Err(c.render_ascii());
    }
    let library = Library::from_checked(checked);
    let entries = competition.resolve(&library).map_err(|e| e.to_string())?;
    Ok(Ready {
        competition,
        library,
        entries,
    })
}

async fn publish(
    State(hub): State<Shared>,
    headers: HeaderMap,
    body: Result<Json<Publish>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, Refusal> {
    admin(&hub, &headers).await?;
    let Json(p) = body.map_err(|e| Refusal(e.status(), e.body_text()))?;
    let (id, codes) = publish_files(&hub, &p.competition, p.scenarios, &p.teams).await?;
    let codes: serde_json::Map<String, serde_json::Value> =
        codes.into_iter().map(|(t, c)| (t, c.into())).collect();
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": id, "codes": codes })),
    )
        .into_response())
}

/// Checks and publishes a competition file with its scenario files for `teams`: its id and
/// each team's join code.
async fn publish_files(
    hub: &Hub,
    competition: &str,
    scenarios: Vec<String>,
    teams: &[String],
) -> Result<(String, Vec<(String, String)>), Refusal> {
    let teams: Vec<String> = teams
        .iter()
        .map(|t| peercall_core::shown::name("a team name", t, false))
        .collect::<Result<_, _>>()
        .map_err(|e| Refusal(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    if teams.is_empty() || teams.len() > 100 {
        return Err(Refusal(
            StatusCode::UNPROCESSABLE_ENTITY,
            tell("hub-err-teams"),
        ));
    }
    let r =
        ready(competition, &scenarios).map_err(|e| Refusal(StatusCode::UNPROCESSABLE_ENTITY, e))?;
    let published = Published {
        id: r.competition.id.clone(),
        name: r.competition.name.clone(),
        file: competition.to_string(),
        scenarios,
    };
    let codes = hub.db.publish(&published, &teams, &now()).await?;
    Ok((published.id, codes))
}

/// The trainer's page for publishing: the competition file, its scenario files (the built-in
/// ones stand in for any not given), and the teams.
async fn publish_page(State(hub): State<Shared>, headers: HeaderMap) -> Response {
    if let Err(r) = admin(&hub, &headers).await {
        return ask_for_admin(r);
    }
    let w = client();
    let body = format!(
        "<h1>{}</h1><p>{}</p>\
        <form method=\"post\" action=\"/publish\" enctype=\"multipart/form-data\">\
        <p><label>{}<br><input type=\"file\" name=\"competition\" accept=\".ron\" required></label></p>\
        <p><label>{}<br><input type=\"file\" name=\"scenarios\" accept=\".ron\" multiple></label></p>\
        <p><label>{}<br><input name=\"teams\" size=\"60\" required placeholder=\"East, West\"></label></p>\
        <p><button>{}</button></p></form>",
        h(w, "hub-publish-title"),
        h(w, "hub-publish-how"),
        h(w, "hub-publish-competition"),
        h(w, "hub-publish-scenarios"),
        h(w, "hub-publish-teams"),
        h(w, "hub-publish-button")
    );
    page(w, &w.t("hub-publish-title"), &body).into_response()
}

/// The publishing form sent: the competition is checked and published, and the join codes shown.
async fn publish_form(
    State(hub): State<Shared>,
    headers: HeaderMap,
    mut form: axum::extract::Multipart,
) -> Response {
    if let Err(r) = admin(&hub, &headers).await {
        return ask_for_admin(r);
    }
    let w = client();
    let mut competition = None;
    let mut scenarios = Vec::new();
    let mut teams = String::new();
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return refused_page(w, &e.body_text()),
        };
        let name = field.name().unwrap_or_default().to_string();
        let text = match field.text().await {
            Ok(t) => t,
            Err(e) => return refused_page(w, &e.body_text()),
        };
        match name.as_str() {
            "competition" => competition = Some(text),
            // An empty file input sends one empty part.
            "scenarios" if !text.trim().is_empty() => scenarios.push(text),
            "teams" => teams = text,
            _ => {}
        }
    }
    let Some(competition) = competition.filter(|c| !c.trim().is_empty()) else {
        return refused_page(w, &w.t("hub-publish-no-file"));
    };
    // Built-in scenarios stand in for the ones named but not given.
    if let Ok(c) = peercall_dialogue::load::parse_as::<Competition>("competition.ron", &competition)
    {
        let given: Vec<String> = scenarios.iter().map(|t| store::scenario_id(t)).collect();
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
    match publish_files(&hub, &competition, scenarios, &teams).await {
        Ok((id, codes)) => {
            let mut body = format!(
                "<h1>{}</h1><p>{}</p><table><tr><th>{}</th><th>{}</th></tr>",
                h(w, "hub-published"),
                h(w, "hub-published-how"),
                h(w, "hub-team"),
                h(w, "hub-join-code")
            );
            for (team, code) in &codes {
                body.push_str(&format!(
                    "<tr><td>{}</td><td><code>{}</code></td></tr>",
                    escape(team),
                    escape(code)
                ));
            }
            body.push_str(&format!(
                "</table><p><a href=\"/competitions/{0}\">{1}</a> · <a href=\"/competitions/{0}/analytics\">{2}</a></p>",
                escape(&id),
                h(w, "hub-the-board"),
                h(w, "hub-analytics")
            ));
            (StatusCode::CREATED, page(w, &w.t("hub-published"), &body)).into_response()
        }
        Err(Refusal(status, why)) => {
            let mut r = refused_page(w, &why);
            *r.status_mut() = status;
            r
        }
    }
}

/// A page saying why publishing was refused (a compiler-style message in a block).
fn refused_page(w: &Words, why: &str) -> Response {
    let body = format!(
        "<h1>{}</h1><pre>{}</pre><p><a href=\"/publish\">{}</a></p>",
        h(w, "hub-not-published"),
        escape(why),
        h(w, "hub-back")
    );
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        page(w, &w.t("hub-not-published"), &body),
    )
        .into_response()
}

/// The admin token of a request: a bearer token, or the password of HTTP Basic (what a
/// browser sends after asking; any user name).
fn admin_token(headers: &HeaderMap) -> Option<String> {
    if let Some(t) = bearer(headers) {
        return Some(t.to_string());
    }
    use base64::Engine;
    let basic = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(basic.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    text.split_once(':').map(|(_, p)| p.to_string())
}

async fn admin(hub: &Hub, headers: &HeaderMap) -> Result<(), Refusal> {
    let stored = hub.db.admin_hash().await?;
    match (admin_token(headers).as_deref(), stored) {
        (Some(t), Some(h)) if hash_secret(t) == h => Ok(()),
        (None, _) => Err(Refusal(
            StatusCode::UNAUTHORIZED,
            tell("hub-err-needs-admin"),
        )),
        _ => Err(Refusal(StatusCode::FORBIDDEN, tell("hub-err-not-admin"))),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Join {
    code: String,
    name: String,
}

async fn join(
    State(hub): State<Shared>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<SocketAddr>,
    body: Result<Json<Join>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, Refusal> {
    hub.limit(&format!("join {}", peer.ip()), hub.joins_per_minute)?;
    let Json(j) = body.map_err(|e| Refusal(e.status(), e.body_text()))?;
    let name = theirs(|| peercall_core::shown::name(&tell("hub-your-name"), &j.name, false))
        .map_err(|e| Refusal(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    let code = j.code.trim().to_ascii_uppercase();
    // A competition that has ended (or not begun) takes no one.
    if let Some((competition, _)) = hub.db.team_of(&code).await?
        && let Some((_, ready)) = hub.ready(&competition).await?
    {
        theirs(|| {
            ready
                .competition
                .open_on(&peercall_core::competition::today())
        })
        .map_err(|e| Refusal(StatusCode::FORBIDDEN, e.to_string()))?;
    }
    match hub.db.join(&code, &name, &now()).await? {
        None => Err(Refusal(StatusCode::NOT_FOUND, tell("hub-err-unknown-code"))),
        Some(Err(why)) => Err(Refusal(StatusCode::CONFLICT, why)),
        Some(Ok((token, p))) => Ok((
            StatusCode::CREATED,
            Json(json!({
                "token": token,
                "competition": p.competition,
                "team": p.team,
                "name": p.name,
            })),
        )
            .into_response()),
    }
}

async fn post_result(
    State(hub): State<Shared>,
    headers: HeaderMap,
    body: Result<Json<Record>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, Refusal> {
    let token = bearer(&headers)
        .ok_or_else(|| Refusal(StatusCode::UNAUTHORIZED, tell("hub-err-needs-player")))?;
    hub.limit(
        &format!("post {}", hash_secret(token)),
        hub.posts_per_minute,
    )?;
    let player = hub
        .db
        .player(token)
        .await?
        .ok_or_else(|| Refusal(StatusCode::FORBIDDEN, tell("hub-err-unknown-player")))?;
    let Json(r) = body.map_err(|e| Refusal(e.status(), e.body_text()))?;
    if r.player != player.name || r.team != player.team {
        return Err(Refusal(
            StatusCode::FORBIDDEN,
            client().f(
                "hub-err-not-yours",
                &[
                    ("name", player.name.as_str().into()),
                    (
                        "team",
                        if player.team.is_empty() {
                            tell("hub-no-team")
                        } else {
                            player.team.clone()
                        }
                        .into(),
                    ),
                ],
            ),
        ));
    }
    if r.competition.as_deref() != Some(player.competition.as_str()) {
        return Err(Refusal(
            StatusCode::UNPROCESSABLE_ENTITY,
            client().f(
                "hub-err-other-competition",
                &[("competition", player.competition.as_str().into())],
            ),
        ));
    }
    let (_, ready) = hub
        .ready(&player.competition)
        .await?
        .ok_or_else(|| Refusal(StatusCode::NOT_FOUND, tell("hub-err-gone")))?;
    let unverified = |why: String| Refusal(StatusCode::UNPROCESSABLE_ENTITY, why);
    theirs(|| {
        ready
            .competition
            .open_on(&peercall_core::competition::today())
    })
    .map_err(|e| unverified(e.to_string()))?;
    theirs(|| peercall_core::records::validate(&r)).map_err(|e| unverified(e.to_string()))?;
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
        .ok_or_else(|| internal("a published scenario does not compile"))?;
    theirs(|| r.verify(script)).map_err(|e| unverified(e.to_string()))?;
    if r.content_id() != r.id {
        return Err(unverified(tell("hub-err-edited")));
    }
    // The call must be one of the player's own (competition, scenario, base seed, name).
    if !ready
        .competition
        .is_players_seed(script, &player.name, r.seed)
    {
        return Err(unverified(client().f(
            "hub-err-not-their-seed",
            &[
                ("seed", r.seed.to_string().into()),
                ("name", player.name.as_str().into()),
            ],
        )));
    }
    let statements = match &hub.forward {
        Some(home) => peercall_core::xapi::statements(&r, script, home),
        None => Vec::new(),
    };
    let added = hub.db.record(&r, &statements).await?;
    if added {
        // Nobody listening is fine.
        let _ = hub.changed.send(player.competition.clone());
    }
    Ok(if added {
        (StatusCode::CREATED, Json(json!({ "status": "recorded" }))).into_response()
    } else {
        (
            StatusCode::OK,
            Json(json!({ "status": "already recorded" })),
        )
            .into_response()
    })
}

async fn boards(hub: &Hub, id: &str) -> Result<(Vec<BoardRow>, Vec<BoardRow>), Refusal> {
    let known = hub.db.version(id).await?.is_some();
    if !known {
        return Err(Refusal(
            StatusCode::NOT_FOUND,
            tell("hub-err-no-competition"),
        ));
    }
    Ok((
        hub.db.board(id, false).await?,
        hub.db.board(id, true).await?,
    ))
}

async fn board_json(
    State(hub): State<Shared>,
    Path(id): Path<String>,
) -> Result<Response, Refusal> {
    let (players, teams) = boards(&hub, &id).await?;
    Ok(Json(json!({ "competition": id, "players": players, "teams": teams })).into_response())
}

/// A competition's files for its players (their token) or the admin: the competition file and
/// each scenario file with the hash results are verified against.
async fn files_json(
    State(hub): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, Refusal> {
    let player = match bearer(&headers) {
        Some(t) => hub.db.player(t).await?,
        None => None,
    };
    if player.as_ref().is_none_or(|p| p.competition != id) {
        admin(&hub, &headers)
            .await
            .map_err(|_| Refusal(StatusCode::FORBIDDEN, tell("hub-err-files-for-players")))?;
    }
    let (_, ready) = hub
        .ready(&id)
        .await?
        .ok_or_else(|| Refusal(StatusCode::NOT_FOUND, tell("hub-err-no-competition")))?;
    let published = hub
        .db
        .competition(&id)
        .await?
        .ok_or_else(|| Refusal(StatusCode::NOT_FOUND, tell("hub-err-no-competition")))?;
    let scenarios: Vec<serde_json::Value> = ready
        .entries
        .iter()
        .filter_map(|e| {
            let entry = &ready.library.entries[e.index];
            let script = entry.script()?;
            let text = published
                .scenarios
                .iter()
                .find(|t| store::scenario_id(t) == e.scenario)?;
            Some(json!({ "id": e.scenario, "text": text, "hash": script.hash() }))
        })
        .collect();
    Ok(
        Json(json!({ "id": id, "competition": published.file, "scenarios": scenarios }))
            .into_response(),
    )
}

/// The board as server-sent events: one `board` event (the board's JSON) at once, then one
/// each time a result is recorded: at once when this hub recorded it, within a second when
/// another hub on the same database did.
async fn events(
    State(hub): State<Shared>,
    Path(id): Path<String>,
) -> Result<
    axum::response::sse::Sse<
        impl tokio_stream::Stream<Item = Result<axum::response::sse::Event, std::convert::Infallible>>,
    >,
    Refusal,
> {
    use axum::response::sse::{Event, KeepAlive, Sse};
    async fn board(hub: &Hub, id: &str) -> Option<Event> {
        let (players, teams) = boards(hub, id).await.ok()?;
        let data = json!({ "competition": id, "players": players, "teams": teams });
        Some(Event::default().event("board").data(data.to_string()))
    }
    let mut marker = hub.db.marker(&id).await?;
    let first = board(&hub, &id)
        .await
        .ok_or_else(|| Refusal(StatusCode::NOT_FOUND, tell("hub-err-no-competition")))?;
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let _ = tx.send(Ok(first)).await;
    let mut changes = hub.changed.subscribe();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
        loop {
            tokio::select! {
                // This hub recorded a result (a listener that fell behind redraws too).
                c = changes.recv() => match c {
                    Ok(c) if c != id => continue,
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                    _ => {}
                },
                // Another hub may have.
                _ = tick.tick() => {}
                // The page was closed.
                _ = tx.closed() => return,
            }
            let Ok(now) = hub.db.marker(&id).await else {
                continue;
            };
            if now == marker {
                continue;
            }
            marker = now;
            if let Some(e) = board(&hub, &id).await
                && tx.send(Ok(e)).await.is_err()
            {
                return;
            }
        }
    });
    Ok(Sse::new(tokio_stream::wrappers::ReceiverStream::new(rx)).keep_alive(KeepAlive::default()))
}

/// The competition's analysis, for the admin.
async fn analysis(
    hub: &Hub,
    headers: &HeaderMap,
    id: &str,
) -> Result<(String, analytics::Analytics, Arc<Ready>), Refusal> {
    admin(hub, headers).await?;
    let (name, ready) = hub
        .ready(id)
        .await?
        .ok_or_else(|| Refusal(StatusCode::NOT_FOUND, tell("hub-err-no-competition")))?;
    let records = hub.db.results(id).await?;
    let a = analytics::analyze(&records, &ready.library);
    Ok((name, a, ready))
}

/// Asks a browser for the admin token (as the password), or says why it was refused.
fn ask_for_admin(refusal: Refusal) -> Response {
    let mut r = refusal.into_response();
    if r.status() == StatusCode::UNAUTHORIZED || r.status() == StatusCode::FORBIDDEN {
        *r.status_mut() = StatusCode::UNAUTHORIZED;
        r.headers_mut().insert(
            axum::http::header::WWW_AUTHENTICATE,
            axum::http::HeaderValue::from_static(
                "Basic realm=\"peercall hub: the admin token is the password\"",
            ),
        );
    }
    r
}

async fn analytics_json(
    State(hub): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, Refusal> {
    let (_, a, _) = analysis(&hub, &headers, &id).await?;
    Ok(Json(a).into_response())
}

async fn analytics_csv(
    State(hub): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let (_, a, _) = match analysis(&hub, &headers, &id).await {
        Ok(x) => x,
        Err(r) => return ask_for_admin(r),
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["team", "signal", "sent", "better line on offer", "rate"]);
    for t in &a.teams {
        for (signal, (sent, bettered)) in &t.signals {
            let rate = format!("{:.2}", *bettered as f64 / (*sent).max(1) as f64);
            let _ = w.write_record([
                peercall_core::shown::csv_cell(&t.team).as_ref(),
                signal,
                &sent.to_string(),
                &bettered.to_string(),
                &rate,
            ]);
        }
    }
    csv_download(w, "signals.csv")
}

/// A CSV written with `w`, as a download named `name`.
fn csv_download(w: csv::Writer<Vec<u8>>, name: &'static str) -> Response {
    let body = w.into_inner().unwrap_or_default();
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                axum::http::HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                axum::http::HeaderValue::from_str(&disposition)
                    .unwrap_or(axum::http::HeaderValue::from_static("attachment")),
            ),
        ],
        body,
    )
        .into_response()
}

/// Every move players made, per scenario and truth, as CSV (what the heatmap draws).
async fn moves_csv(
    State(hub): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let (_, a, ready) = match analysis(&hub, &headers, &id).await {
        Ok(x) => x,
        Err(r) => return ask_for_admin(r),
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "scenario",
        "truth",
        "node",
        "choice",
        "line",
        "signal",
        "to",
        "times",
        "share of the node",
    ]);
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
            let _ = w.write_record([
                p.scenario.as_str(),
                &p.truth,
                from,
                &(choice + 1).to_string(),
                &peercall_core::shown::csv_cell(c.map_or("", |c| c.say.as_str())),
                c.map_or("", |c| c.signal.label()),
                to,
                &n.to_string(),
                &format!("{share:.2}"),
            ]);
        }
    }
    csv_download(w, "moves.csv")
}

async fn analytics_page(
    State(hub): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let w = client();
    let (name, a, ready) = match analysis(&hub, &headers, &id).await {
        Ok(x) => x,
        Err(r) => return ask_for_admin(r),
    };
    let mut body = format!(
        "<h1>{} · {}</h1><p><a href=\"/competitions/{}/analytics.csv\">{}</a> · <a href=\"/competitions/{2}/moves.csv\">{}</a></p>",
        escape(&name),
        h(w, "hub-analytics"),
        escape(&id),
        h(w, "hub-signals-csv"),
        h(w, "hub-moves-csv")
    );
    body.push_str(&format!("<h2>{}</h2>", h(w, "hub-teams")));
    if a.teams.is_empty() {
        body.push_str(&format!("<p>{}</p>", h(w, "hub-no-results")));
    }
    let calls = |n: u64| escape(&w.f("hub-call-count", &[("count", n.into())]));
    for t in &a.teams {
        let team = if t.team.is_empty() {
            w.t("hub-no-team")
        } else {
            t.team.clone()
        };
        body.push_str(&format!(
            "<h3>{} · {}</h3><p>",
            escape(&team),
            calls(t.calls)
        ));
        let outcomes: Vec<String> = t
            .outcomes
            .iter()
            .map(|(o, n)| format!("{}: {n}", escape(&said_outcome(w, o))))
            .collect();
        body.push_str(&outcomes.join(" · "));
        body.push_str("</p>");
        let worst = t.worst_signals();
        if !worst.is_empty() {
            body.push_str(&format!(
                "<table><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr>",
                h(w, "hub-signal-bettered"),
                h(w, "hub-sent"),
                h(w, "hub-better-on-offer")
            ));
            for (s, sent, bettered) in worst.iter().take(5) {
                body.push_str(&format!(
                    "<tr><td>{}</td><td class=\"n\">{sent}</td><td class=\"n\">{bettered} ({:.0}%)</td></tr>",
                    escape(&said_signal(w, s)),
                    100.0 * *bettered as f64 / (*sent).max(1) as f64
                ));
            }
            body.push_str("</table>");
        }
    }
    body.push_str(&format!(
        "<h2>{}</h2><p class=\"sig\">{}</p>",
        h(w, "hub-where-players-went"),
        h(w, "hub-heatmap-how")
    ));
    let mut translated: std::collections::HashMap<String, peercall_dialogue::Script> =
        std::collections::HashMap::new();
    for p in &a.paths {
        body.push_str(&format!(
            "<h3>{}{} · {}</h3>",
            escape(&p.scenario),
            if p.truth.is_empty() {
                String::new()
            } else {
                format!(" · {} <em>{}</em>", h(w, "hub-truth"), escape(&p.truth))
            },
            calls(p.calls)
        ));
        let source = ready.library.script(&p.scenario);
        // The scenario's own lines in the reader's language, where it has a translation: once
        // per scenario, whatever the number of its truths.
        let shown: Option<&peercall_dialogue::Script> = match source {
            Some(s) => Some(
                translated
                    .entry(p.scenario.clone())
                    .or_insert_with(|| in_readers_language(s, w.lang())),
            ),
            None => None,
        };
        if let Some(script) = shown {
            body.push_str("<div class=\"graph\">");
            body.push_str(&analytics::heatmap(script, p, w));
            body.push_str("</div>");
        }
        body.push_str(&format!(
            "<details><summary>{}</summary>",
            h(w, "hub-lines-by-node")
        ));
        for n in &p.nodes {
            let total: u64 = n.choices.iter().map(|c| c.2).sum();
            let (source_node, shown_node) = (
                source.and_then(|s| s.scenario().nodes.get(&n.node)),
                shown.and_then(|s| s.scenario().nodes.get(&n.node)),
            );
            let heard = match (source_node, shown_node) {
                (Some(a), Some(b)) => same_line(a, b, &n.prospect),
                _ => None,
            };
            body.push_str(&format!(
                "<div class=\"node\"><div class=\"id\">{}</div><div class=\"say\">{}</div>",
                escape(&n.node),
                escape(heard.unwrap_or(&n.prospect))
            ));
            for (i, (say, signal, taken)) in n.choices.iter().enumerate() {
                let say = shown_node
                    .and_then(|node| node.choices.get(i))
                    .map_or(say.as_str(), |c| c.say.as_str());
                let share = 100.0 * *taken as f64 / total.max(1) as f64;
                body.push_str(&format!(
                    "<div class=\"choice\"><span class=\"bar\" style=\"width:{share:.0}%\"></span><span class=\"pct\">{share:.0}%</span> {} <span class=\"sig\">{}</span></div>",
                    escape(say),
                    escape(&said_signal(w, signal))
                ));
            }
            body.push_str("</div>");
        }
        body.push_str("</details>");
    }
    page(w, &format!("{name} · {}", w.t("hub-analytics")), &body).into_response()
}

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

/// Text for HTML: `&`, `<`, `>`, `"` and `'` escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn page(w: &Words, title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>{body}</body></html>\n",
        escape(w.lang()),
        escape(title)
    ))
}

/// The words of the language a page is asked in: `?lang=`, else the browser's
/// `Accept-Language`, among the languages the interface has; English otherwise.
fn words_for(headers: &HeaderMap, asked: Option<&str>) -> &'static Words {
    use fluent_langneg::{NegotiationStrategy, accepted_languages, negotiate_languages};
    let available: Vec<unic_langid::LanguageIdentifier> = peercall_core::ui::languages()
        .iter()
        .filter_map(|l| l.parse().ok())
        .collect();
    let requested = match asked {
        Some(l) => l.parse().map(|l| vec![l]).unwrap_or_default(),
        None => accepted_languages::parse(
            headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default(),
        ),
    };
    let english: Option<unic_langid::LanguageIdentifier> = "en".parse().ok();
    let chosen = negotiate_languages(
        &requested,
        &available,
        english.as_ref(),
        NegotiationStrategy::Lookup,
    );
    let lang = chosen
        .first()
        .map_or("en".to_string(), |l| l.language.to_string());
    peercall_core::ui::words(&lang)
}

/// `w`'s message `key`, escaped for HTML.
fn h(w: &Words, key: &str) -> String {
    escape(&w.t(key))
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;background:#12161f;color:#e6e9ef;\
    margin:2rem auto;max-width:60rem;padding:0 1rem}a{color:#7cc4ff}h1{color:#7cc4ff}\
    table{border-collapse:collapse;width:100%;margin-bottom:2rem}th,td{text-align:left;\
    padding:.4rem .6rem;border-bottom:1px solid #2a3140}th{color:#9aa3b2;font-weight:600}\
    td.n{text-align:right;font-variant-numeric:tabular-nums}\
    .node{margin:.8rem 0;padding:.6rem;background:#1b2130;border-radius:6px}\
    .node .id{color:#9aa3b2;font-size:.8rem}.node .say{margin-bottom:.4rem}\
    .choice{position:relative;padding:.2rem .4rem;margin:.15rem 0;z-index:0}\
    .choice .bar{position:absolute;left:0;top:0;bottom:0;background:#2f5d8a;opacity:.55;z-index:-1;border-radius:3px}\
    .choice .pct{display:inline-block;width:3rem;text-align:right;font-variant-numeric:tabular-nums}\
    .graph{overflow-x:auto;background:#151a24;border-radius:8px;padding:.4rem;margin:.6rem 0}\
    .heat text{font:12px system-ui,sans-serif;fill:#e6e9ef}.heat text.id{font-weight:600}\
    .heat text.n{fill:#c9cfda}.heat text.pct{font-size:11px;font-weight:600}\
    summary{cursor:pointer;color:#7cc4ff}\
    pre{white-space:pre-wrap;background:#1b2130;padding:.8rem;border-radius:6px}\
    .sig{color:#9aa3b2;font-size:.85rem}.wall{font-size:2rem}.wall h1{font-size:3.5rem}body:has(.wall){max-width:none;margin:1rem 3rem}\
    th.n{text-align:right}tr.me td{color:#ffd479;font-weight:600}tr.gap td{color:#9aa3b2}\
    form{margin:0 0 1rem}input{background:#1b2130;color:#e6e9ef;border:1px solid #2a3140;\
    padding:.3rem .5rem;border-radius:4px}button{background:#2f5d8a;color:#fff;border:0;\
    padding:.35rem .8rem;border-radius:4px}textarea{width:100%;background:#1b2130;color:#e6e9ef}";

async fn index(State(hub): State<Shared>) -> Result<Html<String>, Refusal> {
    let w = client();
    let list = hub.db.competitions().await?;
    let mut body = format!(
        "<h1>peercall hub</h1><p><a href=\"/publish\">{}</a> {}</p>",
        h(w, "hub-publish-link"),
        h(w, "hub-for-trainers")
    );
    if list.is_empty() {
        body.push_str(&format!("<p>{}</p>", h(w, "hub-none-published")));
    } else {
        body.push_str("<ul>");
        for c in &list {
            body.push_str(&format!(
                "<li><a href=\"/competitions/{}\">{}</a></li>",
                escape(&c.0),
                escape(&c.1)
            ));
        }
        body.push_str("</ul>");
    }
    Ok(page(w, "peercall hub", &body))
}

async fn board_page(
    State(hub): State<Shared>,
    Path(id): Path<String>,
    Query(opts): Query<PageOptions>,
) -> Result<Html<String>, Refusal> {
    let w = client();
    let (players, teams) = boards(&hub, &id).await?;
    let name = hub.ready(&id).await?.map(|(n, _)| n).unwrap_or_default();
    let hide = opts.hide_names.is_some();
    let me = opts.me.as_deref().map(str::trim).filter(|m| !m.is_empty());
    // A language asked for in the address stays with the page's links and form.
    let (lang_query, lang_field) = match &opts.lang {
        Some(l) => (
            format!("lang={}&amp;", escape(w.lang())),
            format!(
                "<input type=\"hidden\" name=\"lang\" value=\"{}\">",
                escape(l)
            ),
        ),
        None => (String::new(), String::new()),
    };
    let mut body = format!(
        "<h1>{}</h1><p><a href=\"/competitions/{}/wall?{lang_query}\">{}</a> · \
         <a href=\"?{lang_query}hide-names=1\">{}</a></p>\
         <form method=\"get\">{lang_field}<label>{} <input name=\"me\" value=\"{}\" \
         placeholder=\"{}\" maxlength=\"64\"></label> <button>{}</button></form>",
        escape(&name),
        escape(&id),
        h(w, "hub-wall-mode"),
        h(w, "hub-hide-names"),
        h(w, "hub-your-place"),
        escape(me.unwrap_or_default()),
        h(w, "hub-your-place-hint"),
        h(w, "hub-show")
    );
    for (title, rows, who, team_column) in [
        ("hub-players", &players, "hub-player", true),
        ("hub-teams", &teams, "hub-team", false),
    ] {
        body.push_str(&format!(
            "<section class=\"static\"><h2>{}</h2>",
            h(w, title)
        ));
        if rows.is_empty() {
            body.push_str(&format!("<p>{}</p></section>", h(w, "hub-no-results")));
            continue;
        }
        body.push_str(&format!(
            "<table><tr><th class=\"n\">#</th><th>{}</th>{}<th class=\"n\">{}</th><th class=\"n\">{}</th></tr>",
            h(w, who),
            if team_column {
                format!("<th>{}</th>", h(w, "hub-team"))
            } else {
                String::new()
            },
            h(w, "hub-score"),
            h(w, "hub-calls")
        ));
        let mut last = 0;
        for r in peercall_core::records::board_view(rows, me) {
            if r.place > last + 1 {
                body.push_str("<tr class=\"gap\"><td colspan=\"5\">…</td></tr>");
            }
            last = r.place;
            let shown = if hide && Some(r.name.as_str()) != me {
                format!("{} {}", w.t(who), r.place)
            } else {
                r.name.clone()
            };
            body.push_str(&format!(
                "<tr{}><td class=\"n\">{}</td><td>{}</td>{}<td class=\"n\">{:.0}</td><td class=\"n\">{}</td></tr>",
                if Some(r.name.as_str()) == me { " class=\"me\"" } else { "" },
                r.place,
                escape(&shown),
                if team_column {
                    format!("<td>{}</td>", escape(&r.team))
                } else {
                    String::new()
                },
                r.score,
                r.calls
            ));
        }
        body.push_str("</table></section>");
    }
    body.push_str(&live_script(w, &id, hide, false, me.unwrap_or_default()));
    Ok(page(w, &name, &body))
}

/// The wall: the board full screen, in large type, for a room's screen; it shows every new
/// result as it is recorded.
async fn wall_page(
    State(hub): State<Shared>,
    Path(id): Path<String>,
    Query(opts): Query<PageOptions>,
) -> Result<Html<String>, Refusal> {
    let w = client();
    boards(&hub, &id).await?;
    let name = hub.ready(&id).await?.map(|(n, _)| n).unwrap_or_default();
    let mut body = format!(
        "<div class=\"wall\"><h1>{}</h1><div id=\"boards\"></div></div>",
        escape(&name)
    );
    body.push_str(&live_script(
        w,
        &id,
        opts.hide_names.is_some(),
        true,
        opts.me.as_deref().unwrap_or_default(),
    ));
    Ok(page(w, &name, &body))
}

/// The little JavaScript that keeps a board page live: it listens to the board's events and
/// redraws the tables (names are set as text, never as HTML): the top ten (twenty on the
/// wall), and the places around `me` below them.
fn live_script(w: &Words, id: &str, hide: bool, wall: bool, me: &str) -> String {
    // The page's words as a JavaScript object (JSON, with `<` escaped like `me`).
    let words: serde_json::Map<String, serde_json::Value> = [
        ("players", "hub-players"),
        ("teams", "hub-teams"),
        ("player", "hub-player"),
        ("team", "hub-team"),
        ("score", "hub-score"),
        ("calls", "hub-calls"),
        ("none", "hub-no-results"),
    ]
    .into_iter()
    .map(|(k, key)| (k.to_string(), serde_json::Value::from(w.t(key))))
    .collect();
    let words = serde_json::Value::Object(words)
        .to_string()
        .replace('<', "\\u003c");
    format!(
        r#"<script>
(function () {{
  var hide = {hide}, wall = {wall}, me = {me}, words = {words};
  function view(rows) {{
    var top = wall ? 20 : 10, out = rows.slice(0, top);
    var i = rows.findIndex(function (r) {{ return r.name === me; }});
    if (me && i >= top) out = out.concat(rows.slice(Math.max(top, i - 2), i + 3));
    return out;
  }}
  function table(title, who, rows, team) {{
    var box = document.createElement('section');
    var h = document.createElement('h2'); h.textContent = title; box.appendChild(h);
    if (!rows.length) {{ var p = document.createElement('p'); p.textContent = words.none; box.appendChild(p); return box; }}
    var t = document.createElement('table');
    var head = ['#', who].concat(team ? [words.team] : []).concat([words.score, words.calls]);
    var tr = document.createElement('tr');
    head.forEach(function (c, i) {{ var th = document.createElement('th'); th.textContent = c; if (i === 0 || i >= head.length - 2) th.className = 'n'; tr.appendChild(th); }});
    t.appendChild(tr);
    var last = 0;
    view(rows).forEach(function (r) {{
      if (r.place > last + 1) {{ var gap = document.createElement('tr'); gap.className = 'gap'; var td = document.createElement('td'); td.colSpan = 5; td.textContent = '…'; gap.appendChild(td); t.appendChild(gap); }}
      last = r.place;
      var cells = [r.place, hide && r.name !== me ? who + ' ' + r.place : r.name].concat(team ? [r.team] : []).concat([Math.round(r.score), r.calls]);
      var tr = document.createElement('tr'); if (r.name === me) tr.className = 'me';
      cells.forEach(function (c, i) {{ var td = document.createElement('td'); td.textContent = c; if (i === 0 || i >= cells.length - 2) td.className = 'n'; tr.appendChild(td); }});
      t.appendChild(tr);
    }});
    box.appendChild(t); return box;
  }}
  var events = new EventSource('/api/competitions/{id}/events');
  events.addEventListener('board', function (e) {{
    var b = JSON.parse(e.data);
    var target = document.getElementById('boards');
    if (!target) {{ target = document.createElement('div'); target.id = 'boards'; var first = document.querySelector('.static'); first.parentNode.insertBefore(target, first); document.querySelectorAll('.static').forEach(function (n) {{ n.remove(); }}); }}
    target.replaceChildren(table(words.players, words.player, b.players, true), table(words.teams, words.team, b.teams, false));
    document.body.dataset.updated = String(Date.now());
  }});
}})();
</script>"#,
        id = escape(id).replace('\\', "\\\\").replace('\'', "\\'"),
        // JSON is a JavaScript string literal; `<` is escaped so no name can end the script.
        me = serde_json::to_string(me)
            .unwrap_or_else(|_| "\"\"".into())
            .replace('<', "\\u003c"),
    )
}
