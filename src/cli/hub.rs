//! `peercall serve`, `peercall hub publish|send` and `peercall join`: the team hub and its
//! command-line client.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use peercall_core::hub_client;
use peercall_core::records::Queue;

/// Arguments of `peercall serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0: any free port; the one taken is printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Folder for the hub's SQLite databases (default: `hub` in the platform's data folder).
    #[arg(long)]
    pub data: Option<PathBuf>,
    /// Keep everything in PostgreSQL (`postgres://user@host:port/db`, or
    /// `PEERCALL_DATABASE_URL`), so several hubs serve one board; the data folder then holds only
    /// the queue of statements for the LRS. `sqlite:DIR` is the same as `--data DIR`.
    #[arg(long, env = "PEERCALL_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// The admin token trainers publish with (`PEERCALL_HUB_ADMIN`); without it the stored one
    /// is kept, or a new one is made and printed once.
    #[arg(long, env = "PEERCALL_HUB_ADMIN", hide_env_values = true)]
    pub admin_token: Option<String>,
    /// Results one player may post in a minute.
    #[arg(long, default_value_t = peercall_hub::POSTS_PER_MINUTE)]
    pub posts_per_minute: u32,
    /// The web game's folder (`scripts/build-web.sh` builds `target/web`), served at `/play/`
    /// (`PEERCALL_WEB`; default: the installed one, else `target/web` here if built).
    #[arg(long, env = "PEERCALL_WEB", value_name = "DIR")]
    pub web: Option<PathBuf>,
    /// A learning system the web game may send learning records to when it launches the game
    /// (cmi5), as its origin: `https://lms.example.com` (`PEERCALL_LMS_ORIGINS`, comma-separated).
    #[arg(
        long = "lms-origin",
        env = "PEERCALL_LMS_ORIGINS",
        value_delimiter = ',',
        value_name = "ORIGIN"
    )]
    pub lms_origins: Vec<String>,
}

/// The web game's folder: the one given, else one installed beside the program
/// (`../share/peercall/web`), else `target/web` in the current folder once built there.
fn web_folder(given: Option<PathBuf>) -> Result<Option<PathBuf>, String> {
    if let Some(dir) = given {
        return if dir.join("index.html").is_file() {
            Ok(Some(dir))
        } else {
            Err(peercall_core::words::say(
                "serve-no-web-folder",
                &[("path", dir.display().to_string().into())],
            ))
        };
    }
    let installed = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("share/peercall/web")));
    Ok(installed
        .into_iter()
        .chain([PathBuf::from("target/web")])
        .find(|d| d.join("index.html").is_file()))
}

/// Runs `peercall serve`.
pub fn serve(args: ServeArgs) -> Result<ExitCode, String> {
    let default_data = || {
        peercall_core::records::default_path()
            .parent()
            .map(|p| p.join("hub"))
            .unwrap_or_else(|| PathBuf::from("hub"))
    };
    let (data, database_url) = match &args.database_url {
        Some(url) if url.starts_with("sqlite:") => (
            PathBuf::from(url.trim_start_matches("sqlite:").trim_start_matches("//")),
            None,
        ),
        // A URL, or a key=value connection string (`host=db user=hub password=...`).
        Some(url)
            if url.starts_with("postgres://")
                || url.starts_with("postgresql://")
                || url.contains("host=")
                || url.contains("dbname=") =>
        {
            (
                args.data.clone().unwrap_or_else(default_data),
                Some(url.clone()),
            )
        }
        Some(url) => {
            return Err(format!(
                "{}: give a `postgres://` URL, or a `sqlite:DIR` one (or `--data DIR`)",
                peercall_hub::shown_url(url)
            ));
        }
        None => (args.data.clone().unwrap_or_else(default_data), None),
    };
    peercall_hub::serve(peercall_hub::Config {
        listen: args.listen,
        data,
        database_url,
        admin_token: args.admin_token,
        posts_per_minute: args.posts_per_minute,
        joins_per_minute: peercall_hub::JOINS_PER_MINUTE,
        header_timeout: peercall_hub::HEADER_TIMEOUT,
        web: web_folder(args.web)?,
        lms_origins: lms_origins(args.lms_origins)?,
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The learning systems' origins, each checked: a bare `https://host` (or `http://host:port`).
fn lms_origins(given: Vec<String>) -> Result<Vec<String>, String> {
    given
        .into_iter()
        .map(|o| o.trim().trim_end_matches('/').to_string())
        .filter(|o| !o.is_empty())
        .map(|o| {
            if peercall_hub::valid_origin(&o) {
                Ok(o)
            } else {
                Err(super::say(
                    "cli-lms-origin",
                    &[(
                        "origin",
                        peercall_core::untrusted::clip(&o, 80).as_ref().into(),
                    )],
                ))
            }
        })
        .collect()
}

/// Arguments of `peercall hub`.
#[derive(Debug, Args)]
pub struct HubArgs {
    #[command(subcommand)]
    command: HubCommand,
}

#[derive(Debug, Subcommand)]
enum HubCommand {
    /// Publish a competition file and its scenarios on a hub; prints each team's join code.
    Publish(PublishArgs),
    /// Send your finished calls of the competition you joined to its hub (again is harmless).
    Send(SendArgs),
}

/// Arguments of `peercall hub publish`.
#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The competition file.
    pub file: PathBuf,
    /// Folder with its scenario files (default: the built-in scenarios).
    #[arg(long)]
    pub dialogues: Option<PathBuf>,
    /// The hub, e.g. `http://127.0.0.1:8080`.
    #[arg(long)]
    pub server: String,
    /// The teams, each of which gets a join code, e.g. `East,West`.
    #[arg(long, value_delimiter = ',', required = true)]
    pub teams: Vec<String>,
    /// The hub's admin token (`PEERCALL_HUB_ADMIN`).
    #[arg(long, env = "PEERCALL_HUB_ADMIN", hide_env_values = true)]
    pub admin_token: String,
    /// Confirm moving the dates of a competition that is running (players who joined find it
    /// open or closed on the new dates)
    #[arg(long)]
    pub move_dates: bool,
}

/// Arguments of `peercall hub send`.
#[derive(Debug, Args)]
pub struct SendArgs {
    #[command(flatten)]
    pub db: super::records::DbArgs,
}

/// Arguments of `peercall join`.
#[derive(Debug, Args)]
pub struct JoinArgs {
    /// The hub, e.g. `http://127.0.0.1:8080`.
    pub server: String,
    /// Your team's join code.
    pub code: String,
    /// Your name on the board (default: your saved profile or login name).
    #[arg(long)]
    pub player: Option<String>,
    #[command(flatten)]
    pub db: super::records::DbArgs,
}

/// Runs `peercall hub ...`.
pub fn run(args: HubArgs) -> Result<ExitCode, String> {
    match args.command {
        HubCommand::Publish(a) => publish(&a),
        HubCommand::Send(a) => send(&a),
    }
}

fn publish(a: &PublishArgs) -> Result<ExitCode, String> {
    let competition = peercall_core::competition::Competition::load(&a.file)?;
    let text = std::fs::read_to_string(&a.file)
        .map_err(|e| super::io_error("err-cannot-read", a.file.display(), e))?;
    // The scenario files the competition names, as the players will get them.
    let library = match &a.dialogues {
        Some(d) => peercall_core::library::Library::from_path(d)?,
        None => peercall_core::library::Library::builtin(),
    };
    competition.resolve(&library)?;
    let mut scenarios = Vec::new();
    for e in &competition.scenarios {
        let Some(i) = library.find(&e.id) else {
            continue;
        };
        let file = &library.entries[i].file;
        scenarios.push(match &a.dialogues {
            Some(_) => std::fs::read_to_string(file)
                .map_err(|e| super::io_error("err-cannot-read", file, e))?,
            None => peercall_core::library::Library::builtin_source(file)
                .ok_or_else(|| super::say("err-not-built-in", &[("file", file.as_str().into())]))?
                .to_string(),
        });
    }
    let codes = hub_client::publish(
        &a.server,
        &a.admin_token,
        &text,
        &scenarios,
        &a.teams,
        a.move_dates,
    )?;
    println!(
        "{}",
        super::words().f(
            "cli-published",
            &[
                (
                    "name",
                    peercall_core::untrusted::terminal(&competition.name)
                        .into_owned()
                        .into()
                ),
                ("id", competition.id.clone().into()),
                ("server", a.server.clone().into()),
            ],
        )
    );
    // The join link plays in a browser when the hub serves the web game.
    let base = a.server.trim_end_matches('/');
    for (team, code) in codes {
        let code = peercall_core::untrusted::terminal(&code);
        println!(
            "  {:<20} {code:<10} {base}/play/?join={code}",
            peercall_core::untrusted::terminal(&team)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `peercall join`: joins, remembers the hub, and downloads the competition's files
/// (checked against the hub's hashes) beside the records.
pub fn join(a: &JoinArgs) -> Result<ExitCode, String> {
    let store = a.db.open()?;
    let profile = peercall_core::profile::resolve(a.player.as_deref(), None, Some(&store));
    let joined = hub_client::join_and_remember(&store, &a.server, &a.code, &profile.player)?;
    let m =
        hub_client::membership(&store)?.ok_or_else(|| super::say("join-not-remembered", &[]))?;
    let files = hub_client::files(&m)?;
    let file = hub_client::save_files(&files, &hub_client::files_dir(&store, &m.competition))?;
    let w = super::words();
    println!(
        "{}",
        w.f(
            "cli-joined",
            &[
                ("competition", joined.competition.clone().into()),
                (
                    "name",
                    peercall_core::untrusted::terminal(&profile.player)
                        .into_owned()
                        .into()
                ),
                (
                    "team",
                    peercall_core::untrusted::terminal(&joined.team)
                        .into_owned()
                        .into()
                ),
                ("server", a.server.clone().into()),
            ],
        )
    );
    println!(
        "{}",
        w.f(
            "cli-joined-files",
            &[
                ("count", files.scenarios.len().into()),
                (
                    "dir",
                    file.parent()
                        .map_or_else(String::new, |d| d.display().to_string())
                        .into(),
                ),
                ("file", file.display().to_string().into()),
            ],
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Runs `peercall hub send`: queues this player's results of the joined competition that are
/// not queued yet (played before joining, say), then sends everything waiting now.
fn send(a: &SendArgs) -> Result<ExitCode, String> {
    let store = a.db.open()?;
    let m = hub_client::membership(&store)?.ok_or_else(|| super::say("err-join-first", &[]))?;
    let player = store
        .setting("player")?
        .ok_or_else(|| super::say("err-join-first", &[]))?;
    let mine: Vec<String> = store
        .results(Some(&player))?
        .into_iter()
        .filter(|r| r.competition.as_deref() == Some(m.competition.as_str()))
        .map(|r| r.id)
        .collect();
    store.queue_for_hub(&mine, &m.server, &m.token)?;
    let outbox = store.outbox(Queue::Hub);
    outbox.retry_now()?;
    let d = hub_client::deliver(&store, std::time::SystemTime::now())?;
    let (waiting, refused) = (outbox.waiting()?, outbox.refusals()?);
    println!(
        "{}",
        super::words().f(
            "cli-hub-sent",
            &[
                ("sent", d.sent.into()),
                ("waiting", waiting.into()),
                ("refused", refused.len().into()),
            ],
        )
    );
    for r in &refused {
        println!("  {}", peercall_core::untrusted::terminal(&r.reason));
    }
    if let Some(why) = &d.waiting {
        println!("  {}", peercall_core::untrusted::terminal(why));
    }
    Ok(if refused.is_empty() && waiting == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
