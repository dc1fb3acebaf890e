//! The hub's router driven in-process (`tower::ServiceExt::oneshot`), one request at a time, over
//! SQLite in a temporary folder, or over a storage that fails or counts what it is asked: the
//! holes a stranger could use, each closed.

mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, SystemTime};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use peercall_core::library::Library;
use peercall_core::records::{Record, Store};
use peercall_dialogue::Call;
use peercall_hub::storage::{HubStore, Sqlite, Storage};
use peercall_hub::{Hub, router};

use common::{Broken, Counting};
use serde_json::{Value, json};
use tower::ServiceExt;

const ADMIN: &str = "trainer-secret";
const CUP: &str = r#"Competition(id: "cup", name: "Cup", attempts: 2, scenarios: [(id: "demo-request", seed: 3)])"#;

fn demo() -> String {
    Library::builtin_source("dialogues/demo-request.ron")
        .unwrap()
        .to_string()
}

/// A hub on SQLite in `dir`, with its storage wrapped in a counter.
async fn hub_in(dir: &std::path::Path) -> (Router, Arc<Hub>, Arc<Counting>) {
    let db = Sqlite::new(
        HubStore::open(&dir.join("hub.sqlite")).unwrap(),
        Store::open(&dir.join("records.sqlite")).unwrap().0,
    );
    let counting = Arc::new(Counting::new(Arc::new(db)));
    counting.set_admin(ADMIN).await.unwrap();
    let hub = Arc::new(Hub::new(counting.clone(), None, 60, 20));
    (router(Arc::clone(&hub)), hub, counting)
}

/// Sends one request; its status, headers and body.
async fn send(app: &Router, req: Request<Body>) -> (StatusCode, header::HeaderMap, String) {
    let mut req = req;
    req.extensions_mut()
        .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 4000))));
    let r = app.clone().oneshot(req).await.unwrap();
    let (parts, body) = r.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        parts.headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

fn post_json(uri: &str, token: Option<&str>, body: &Value) -> Request<Body> {
    let mut b = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    b.body(Body::from(body.to_string())).unwrap()
}

async fn publish(app: &Router, file: &str, scenarios: &[String]) -> (StatusCode, Value) {
    let (s, _, body) = send(
        app,
        post_json(
            "/api/competitions",
            Some(ADMIN),
            &json!({ "competition": file, "scenarios": scenarios, "teams": ["East"] }),
        ),
    )
    .await;
    (s, serde_json::from_str(&body).unwrap_or(Value::Null))
}

async fn join(app: &Router, code: &str, name: &str) -> String {
    let (s, _, body) = send(
        app,
        post_json("/api/join", None, &json!({ "code": code, "name": name })),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    serde_json::from_str::<Value>(&body).unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string()
}

/// `name`'s call of the cup in attempt `attempt`, played by picking `pick` at every turn.
fn call(name: &str, attempt: u32, pick: usize) -> Record {
    let library = Library::builtin();
    let script = library.script("demo-request").unwrap();
    let seed = peercall_core::competition::player_seed("cup", script, 3, name, attempt);
    let mut call = Call::start(script, seed);
    for _ in 0..60 {
        if call.is_over() {
            break;
        }
        let offered = call.offered(script);
        let o = offered[pick.min(offered.len() - 1)].index;
        call.choose_index(script, o).unwrap();
    }
    let t = SystemTime::now() - Duration::from_secs(600);
    Record::of(
        &call,
        script,
        name,
        "East",
        t,
        t + Duration::from_secs(200),
        Some("cup"),
    )
    .unwrap()
}

#[tokio::test]
async fn a_write_from_another_site_is_refused_and_the_same_site_or_a_program_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let (app, ..) = hub_in(dir.path()).await;
    let body = json!({ "competition": CUP, "scenarios": [demo()], "teams": ["East"] });
    for (origin, site) in [
        (Some("http://evil.example"), Some("cross-site")),
        (Some("http://evil.example"), None),
        (None, Some("same-site")),
        (Some("null"), None),
    ] {
        let mut req = post_json("/api/competitions", Some(ADMIN), &body);
        req.headers_mut()
            .insert(header::HOST, "hub.example:8080".parse().unwrap());
        if let Some(o) = origin {
            req.headers_mut().insert(header::ORIGIN, o.parse().unwrap());
        }
        if let Some(s) = site {
            req.headers_mut()
                .insert("sec-fetch-site", s.parse().unwrap());
        }
        let (status, _, text) = send(&app, req).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{origin:?} {site:?}: {text}");
        assert!(text.contains("another site"), "{text}");
    }
    // Nothing was published by them.
    let (s, ..) = send(
        &app,
        Request::get("/api/competitions/cup/board")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    // The hub's own page (same origin) and a program (no Origin) publish.
    let mut req = post_json("/api/competitions", Some(ADMIN), &body);
    req.headers_mut()
        .insert(header::HOST, "hub.example:8080".parse().unwrap());
    req.headers_mut()
        .insert(header::ORIGIN, "http://hub.example:8080".parse().unwrap());
    assert_eq!(send(&app, req).await.0, StatusCode::CREATED);
    assert_eq!(publish(&app, CUP, &[demo()]).await.0, StatusCode::CREATED);
}

#[tokio::test]
async fn the_same_scenario_twice_is_refused_at_publishing() {
    let dir = tempfile::tempdir().unwrap();
    let (app, ..) = hub_in(dir.path()).await;
    let changed = demo().replacen("title: \"", "title: \"Changed: ", 1);
    let (status, answer) = publish(&app, CUP, &[demo(), changed]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert!(
        answer["error"]
            .as_str()
            .unwrap()
            .contains("demo-request is given twice"),
        "{answer}"
    );
}

#[tokio::test]
async fn an_attempt_counts_once_and_no_attempt_beyond_the_files_number_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let (app, ..) = hub_in(dir.path()).await;
    let (_, published) = publish(&app, CUP, &[demo()]).await;
    let code = published["codes"]["East"].as_str().unwrap().to_string();
    let token = join(&app, &code, "Ana").await;
    let post = |r: &Record| {
        post_json(
            "/api/results",
            Some(&token),
            &serde_json::to_value(r).unwrap(),
        )
    };
    // The first result of attempt 0 stands.
    let first = call("Ana", 0, 0);
    assert_eq!(send(&app, post(&first)).await.0, StatusCode::CREATED);
    assert_eq!(
        send(&app, post(&first)).await.0,
        StatusCode::OK,
        "a resend is harmless"
    );
    // The same call replayed with other choices is refused, and the board keeps the first.
    let replay = call("Ana", 0, 1);
    assert_eq!(replay.seed, first.seed);
    assert_ne!(replay.id, first.id);
    let (status, _, text) = send(&app, post(&replay)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{text}");
    assert!(text.contains("counts once"), "{text}");
    // Attempt 1 is Ana's second and last; attempt 2 is beyond the file's two.
    assert_eq!(
        send(&app, post(&call("Ana", 1, 1))).await.0,
        StatusCode::CREATED
    );
    let (status, _, text) = send(&app, post(&call("Ana", 2, 1))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    let (_, _, board) = send(
        &app,
        Request::get("/api/competitions/cup/board")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let board: Value = serde_json::from_str(&board).unwrap();
    let best = first.score.max(call("Ana", 1, 1).score);
    assert_eq!(
        board["players"][0]["score"].as_f64().unwrap(),
        f64::from(best)
    );
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_limits_say_when_to_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let (app, ..) = hub_in(dir.path()).await;
    let (status, headers, page) = send(&app, Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(
        !page.contains("<script>") && !page.contains("style=\""),
        "nothing inline: {page}"
    );
    // Too large a body: 413, for JSON and for the publishing form.
    let big = "x".repeat(peercall_hub::MAX_BODY + 10);
    let (status, ..) = send(
        &app,
        post_json(
            "/api/competitions",
            Some(ADMIN),
            &json!({ "competition": big, "scenarios": [], "teams": ["E"] }),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let boundary = "b7261";
    let form = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"competition\"; filename=\"c.ron\"\r\n\r\n{big}\r\n--{boundary}--\r\n"
    );
    let req = Request::post("/publish")
        .header(header::AUTHORIZATION, format!("Bearer {ADMIN}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(form))
        .unwrap();
    assert_eq!(send(&app, req).await.0, StatusCode::PAYLOAD_TOO_LARGE);
    // Joining too often: 429 with Retry-After.
    let mut last = None;
    for _ in 0..25 {
        let (s, h, _) = send(
            &app,
            post_json("/api/join", None, &json!({ "code": "NOPE", "name": "X" })),
        )
        .await;
        last = Some((s, h));
    }
    let (s, h) = last.unwrap();
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = h[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait));
}

#[tokio::test]
async fn a_competitions_files_are_served_from_what_was_parsed_and_rate_limited() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _, counting) = hub_in(dir.path()).await;
    let (_, published) = publish(&app, CUP, &[demo()]).await;
    let code = published["codes"]["East"].as_str().unwrap().to_string();
    let token = join(&app, &code, "Ana").await;
    let before = counting.competition.load(Ordering::SeqCst);
    let get = || {
        Request::get("/api/competitions/cup/files")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap()
    };
    for _ in 0..peercall_hub::FILES_PER_MINUTE {
        let (s, _, body) = send(&app, get()).await;
        assert_eq!(s, StatusCode::OK);
        let files: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(files["scenarios"][0]["id"], "demo-request");
    }
    assert_eq!(
        counting.competition.load(Ordering::SeqCst),
        before,
        "no download read (or parsed) the stored files again"
    );
    assert_eq!(send(&app, get()).await.0, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_failure_is_logged_with_a_reference_and_the_client_sees_neither_its_cause_nor_sql() {
    let hub = Arc::new(Hub::new(Arc::new(Broken), None, 60, 20));
    let app = router(hub);
    let (status, _, body) = send(
        &app,
        Request::get("/api/competitions/cup/board")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        !body.contains("SQLITE") && !body.contains("secret"),
        "{body}"
    );
    assert!(body.contains("reference"), "{body}");
    // A page asked for by a browser gets a page.
    let req = Request::get("/")
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap();
    let (status, _, page) = send(&app, req).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        page.starts_with("<!DOCTYPE html>") && page.contains("reference"),
        "{page}"
    );
}

#[tokio::test]
async fn every_live_page_of_a_competition_shares_one_feed() {
    let dir = tempfile::tempdir().unwrap();
    let (app, hub, counting) = hub_in(dir.path()).await;
    publish(&app, CUP, &[demo()]).await;
    // 200 pages open.
    let mut pages = Vec::new();
    for _ in 0..200 {
        let r = app
            .clone()
            .oneshot(
                Request::get("/api/competitions/cup/events")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        pages.push(r.into_body());
    }
    let opened = counting.board.load(Ordering::SeqCst);
    assert!(
        opened <= 4,
        "the board was read {opened} times for 200 pages"
    );
    // Two seconds of quiet: no page costs a query.
    tokio::time::sleep(Duration::from_millis(2200)).await;
    assert_eq!(counting.board.load(Ordering::SeqCst), opened);
    assert_eq!(
        counting.marker.load(Ordering::SeqCst),
        0,
        "SQLite has one writer: no polling"
    );
    // A change: the board is read once (players and teams), and every page gets it.
    let mut received = 0;
    let mut next = async |pages: &mut Vec<Body>| {
        for body in pages.iter_mut() {
            let frame = tokio::time::timeout(Duration::from_secs(5), body.frame()).await;
            if matches!(frame, Ok(Some(Ok(_)))) {
                received += 1;
            }
        }
    };
    // Each page has the board first, then the new one.
    next(&mut pages).await;
    hub.live.changed("cup");
    next(&mut pages).await;
    assert_eq!(received, 400);
    let after = counting.board.load(Ordering::SeqCst) - opened;
    assert!(after <= 2, "one change read the board {after} times");
}

#[tokio::test]
async fn a_half_sent_request_and_an_idle_connection_are_closed() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = tempfile::tempdir().unwrap();
    let (_, hub, _) = hub_in(dir.path()).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(peercall_hub::run(listener, hub, Duration::from_secs(1)));
    for sent in [
        &b"GET / HTTP/1.1\r\nHost: x\r\n"[..],
        b"",
        b"GET /assets/hub.css HTTP/1.1\r\nHost: x\r\n\r\n",
    ] {
        let mut c = tokio::net::TcpStream::connect(addr).await.unwrap();
        c.write_all(sent).await.unwrap();
        let started = std::time::Instant::now();
        let mut buf = [0u8; 256];
        let n = tokio::time::timeout(Duration::from_secs(10), async {
            loop {
                match c.read(&mut buf).await {
                    Ok(0) | Err(_) => return 0,
                    Ok(n) => {
                        let _ = n;
                    }
                }
            }
        })
        .await;
        assert!(n.is_ok(), "{sent:?}: still open after 10 s");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }
}

#[tokio::test]
async fn no_cell_of_the_moves_csv_can_be_read_as_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let (app, ..) = hub_in(dir.path()).await;
    // A trainer's scenario whose first node's id a spreadsheet would run as a formula.
    let formula = "=HYPERLINK(\\\"http://evil.example\\\")";
    let text = demo().replace("\"callback\"", &format!("\"{formula}\""));
    let checked = peercall_dialogue::load_str("demo.ron", &text);
    assert!(!checked.has_errors(), "{}", checked.render_ascii());
    let (status, published) = publish(&app, CUP, std::slice::from_ref(&text)).await;
    assert_eq!(status, StatusCode::CREATED, "{published}");
    let code = published["codes"]["East"].as_str().unwrap().to_string();
    let token = join(&app, &code, "Ana").await;
    let library = Library::from_checked(vec![checked]);
    let script = library.script("demo-request").unwrap();
    let seed = peercall_core::competition::player_seed("cup", script, 3, "Ana", 0);
    let mut call = Call::start(script, seed);
    while !call.is_over() {
        let o = call.offered(script)[0].index;
        call.choose_index(script, o).unwrap();
    }
    let t = SystemTime::now() - Duration::from_secs(600);
    let r = Record::of(
        &call,
        script,
        "Ana",
        "East",
        t,
        t + Duration::from_secs(200),
        Some("cup"),
    )
    .unwrap();
    let (s, _, body) = send(
        &app,
        post_json(
            "/api/results",
            Some(&token),
            &serde_json::to_value(&r).unwrap(),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let req = Request::get("/competitions/cup/moves.csv")
        .header(header::AUTHORIZATION, format!("Bearer {ADMIN}"))
        .body(Body::empty())
        .unwrap();
    let (status, _, csv) = send(&app, req).await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.contains("HYPERLINK"), "{csv}");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    for row in reader.records() {
        for cell in row.unwrap().iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "a formula: {cell}");
        }
    }
}
