//! Running the hub: opening its storage, its admin token, forwarding to an LRS, the log, and
//! the accept loop, whose connections time out when a client sends its headers too slowly or
//! stays idle.

use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use peercall_core::records::Store;
use peercall_core::words::say;
use tower::ServiceExt;

use crate::Config;
use crate::state::{Hub, Shared};
use crate::storage::{HubStore, Postgres, Sqlite, Storage, shown_url};

/// How long a client may take to send a request's headers, and how long a kept-alive
/// connection may wait for its next request.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Threads for blocking work (SQLite, replays): enough to keep every core busy while some wait
/// for the database.
const BLOCKING_THREADS: usize = 16;

/// Logs to stderr: one line per request (method, path, status, latency), refusals at info,
/// failures at error (`RUST_LOG` chooses more or less). Lines are written by a thread of their
/// own; the log is flushed when the returned guard is dropped.
pub fn init_log() -> Option<tracing_appender::non_blocking::WorkerGuard> {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let (writer, guard) = tracing_appender::non_blocking(std::io::stderr());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .try_init()
        .ok()
        .map(|()| guard)
}

/// Runs the hub until it is stopped (Ctrl-C). Prints the address it listens on, and the admin
/// token when it made a new one.
pub fn serve(config: Config) -> Result<(), String> {
    let _log = init_log();
    std::fs::create_dir_all(&config.data)
        .map_err(|e| format!("cannot create {}: {e}", config.data.display()))?;
    // SQLite calls and replays run on the blocking pool; a small one keeps them from thrashing
    // two cores with hundreds of threads (they take turns on the database anyway).
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(BLOCKING_THREADS)
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let (state, listener) = start(&config).await?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        // Before the address: whoever reads up to that line may stop reading there.
        match &config.web {
            Some(dir) => println!(
                "{}",
                say(
                    "hub-web-game",
                    &[
                        ("url", format!("http://{addr}/play/").into()),
                        ("path", dir.display().to_string().into()),
                    ]
                )
            ),
            None => println!("{}", say("hub-no-web-game-served", &[])),
        }
        // In every language: scripts and tests wait for this line.
        println!("peercall hub listening on http://{addr}");
        run(listener, state, config.header_timeout).await;
        Ok(())
    })
}

/// Opens the storage and the listener.
async fn start(config: &Config) -> Result<(Shared, tokio::net::TcpListener), String> {
    // Forwarding: with an LRS configured (`PEERCALL_LRS_*`, or `lrs.ron` in the data folder),
    // every accepted result's statements are queued and sent in the background, so players'
    // machines need no LRS credentials.
    let records_path = config.data.join(match config.database_url {
        Some(_) => "outbox.sqlite",
        None => "records.sqlite",
    });
    let lrs = peercall_core::xapi::LrsConfig::load(&records_path).map_err(|e| e.to_string())?;
    let open_records = || -> Result<Store, String> {
        let (records, notice) = Store::open(&records_path).map_err(|e| e.to_string())?;
        if let Some(n) = notice {
            tracing::warn!("{n}");
            eprintln!("{}", say("err-warning", &[("why", n.as_str().into())]));
        }
        Ok(records)
    };
    let db: Arc<dyn Storage> = match &config.database_url {
        Some(url) => {
            let outbox = match &lrs {
                Some(_) => Some(open_records()?),
                None => None,
            };
            let db = Postgres::open(url, outbox).await?;
            println!(
                "{}",
                say("hub-storing-in-postgres", &[("url", shown_url(url).into())])
            );
            Arc::new(db)
        }
        None => Arc::new(Sqlite::new(
            HubStore::open(&config.data.join("hub.sqlite"))?,
            open_records()?,
        )),
    };
    let stored = db.admin_hash().await.map_err(|e| e.to_string())?;
    match (&config.admin_token, stored) {
        (Some(t), _) => db.set_admin(t).await.map_err(|e| e.to_string())?,
        (None, Some(_)) => {}
        (None, None) => {
            let token = uuid::Uuid::new_v4().simple().to_string();
            db.set_admin(&token).await.map_err(|e| e.to_string())?;
            // Shown once, to the operator who started the hub (never logged).
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
    let mut hub = Hub::new(
        db,
        forward,
        config.posts_per_minute,
        config.joins_per_minute,
    );
    hub.web = config.web.clone();
    hub.lms_origins = config.lms_origins.clone();
    let state: Shared = Arc::new(hub);
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
    Ok((state, listener))
}

/// Serves connections from `listener` until Ctrl-C, each with the hub's router; a client that
/// sends its headers slower than `header_timeout` (or leaves a connection idle that long) is
/// disconnected. In-flight requests finish before the hub stops.
pub async fn run(listener: tokio::net::TcpListener, state: Shared, header_timeout: Duration) {
    let app = crate::router(state);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let shutdown = tokio::signal::ctrl_c();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little, keep serving.
                    tracing::warn!("cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let service = app.clone();
        let hyper_service =
            hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                let mut req = req.map(axum::body::Body::new);
                req.extensions_mut()
                    .insert(axum::extract::ConnectInfo(peer));
                service.clone().oneshot(req)
            });
        let mut builder = auto::Builder::new(TokioExecutor::new());
        builder
            .http1()
            .timer(TokioTimer::new())
            .header_read_timeout(header_timeout)
            .keep_alive(true);
        builder
            .http2()
            .timer(TokioTimer::new())
            .keep_alive_interval(Some(header_timeout))
            .keep_alive_timeout(header_timeout);
        let watcher = graceful.watcher();
        tokio::spawn(async move {
            // A client that connects and sends nothing is dropped too (hyper's timer starts only
            // once it has read something).
            let mut first = [0u8; 1];
            if !matches!(
                tokio::time::timeout(header_timeout, stream.peek(&mut first)).await,
                Ok(Ok(1..))
            ) {
                return;
            }
            let connection = builder
                .serve_connection_with_upgrades(TokioIo::new(stream), hyper_service)
                .into_owned();
            if let Err(e) = watcher.watch(connection).await {
                tracing::debug!(%peer, "connection ended: {e}");
            }
        });
    }
    drop(listener);
    // Requests in flight finish (live pages end at once: they never would).
    let _ = tokio::time::timeout(Duration::from_secs(5), graceful.shutdown()).await;
}
