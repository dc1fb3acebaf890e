//! `peercall board` and `peercall records export|import`: leaderboards and verified results.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use peercall_core::library::Library;
use peercall_core::records::{self, BoardQuery, Export, Queue, Refused, Rejected, Store};
use peercall_core::untrusted;

/// Where the records are.
#[derive(Debug, Args, Clone, Default)]
pub struct DbArgs {
    /// Records database (default: `PEERCALL_DB`, else the platform's data folder).
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
}

impl DbArgs {
    /// Opens the records, printing any recovery notice to standard error.
    pub fn open(&self) -> Result<Store, String> {
        let path = self.db.clone().unwrap_or_else(records::default_path);
        let (store, notice) = Store::open(&path)?;
        if let Some(n) = notice {
            eprintln!(
                "{}",
                super::say("err-warning", &[("why", n.as_str().into())])
            );
        }
        Ok(store)
    }
}

/// Arguments of `peercall board`.
#[derive(Debug, Args)]
pub struct BoardArgs {
    /// Only results played under this competition.
    #[arg(long)]
    pub competition: Option<String>,
    /// Only this scenario.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Rank teams (mean of their players' totals) instead of players.
    #[arg(long, value_parser = ["team"])]
    pub by: Option<String>,
    /// Show the places around this player too.
    #[arg(long)]
    pub player: Option<String>,
    /// Replace names with their place.
    #[arg(long)]
    pub hide_names: bool,
    /// Print CSV.
    #[arg(long)]
    pub csv: bool,
    #[command(flatten)]
    db: DbArgs,
}

/// Runs `peercall board`.
pub fn board(args: &BoardArgs) -> Result<ExitCode, String> {
    let store = args.db.open()?;
    let rows = store.board(&BoardQuery {
        competition: args.competition.clone(),
        scenario: args.scenario.clone(),
        by_team: args.by.is_some(),
    })?;
    let view = records::board_view(&rows, args.player.as_deref());
    let name = |r: &records::BoardRow| {
        if args.hide_names && Some(r.name.as_str()) != args.player.as_deref() {
            format!("#{}", r.place)
        } else {
            r.name.clone()
        }
    };
    if args.csv {
        let mut out = csv::Writer::from_writer(std::io::stdout().lock());
        let row = |out: &mut csv::Writer<_>, cells: [&str; 7]| {
            out.write_record(cells.map(|c| untrusted::csv_cell(c).into_owned()))
                .map_err(|e| super::io_error("err-cannot-write", "CSV", e.into()))
        };
        row(
            &mut out,
            [
                "place",
                "name",
                "team",
                "score",
                "time_seconds",
                "calls",
                "players",
            ],
        )?;
        for r in &view {
            let team = if args.hide_names { "" } else { &r.team };
            row(
                &mut out,
                [
                    &r.place.to_string(),
                    &name(r),
                    team,
                    &format!("{:.1}", r.score),
                    &format!("{:.1}", r.time_ms as f64 / 1000.0),
                    &r.calls.to_string(),
                    &r.players.to_string(),
                ],
            )?;
        }
        out.flush()
            .map_err(|e| super::io_error("err-cannot-write", "CSV", e))?;
        return Ok(ExitCode::SUCCESS);
    }
    let w = super::words();
    if view.is_empty() {
        println!("{}", w.t("cli-board-empty"));
        return Ok(ExitCode::SUCCESS);
    }
    let title = w.t(if args.by.is_some() {
        "cli-board-team"
    } else {
        "cli-board-player"
    });
    println!(
        "{:>5}  {:<28} {:>8} {:>9} {:>6}",
        w.t("cli-board-place"),
        title,
        w.t("cli-board-score"),
        w.t("cli-board-time"),
        w.t("cli-board-calls")
    );
    let mut last = 0;
    for r in &view {
        if r.place > last + 1 {
            println!("{:>5}", "...");
        }
        last = r.place;
        let secs = r.time_ms / 1000;
        println!(
            "{:>5}  {:<28} {:>8} {:>5}:{:02} {:>6}",
            r.place,
            untrusted::terminal(&name(r)),
            w.decimal(r.score, 1),
            secs / 60,
            secs % 60,
            r.calls
        );
    }
    if args.by.is_some() {
        println!("\n{}", w.t("cli-board-team-mean"));
    }
    Ok(ExitCode::SUCCESS)
}

/// `peercall records ...`.
#[derive(Debug, Args)]
pub struct RecordsArgs {
    #[command(subcommand)]
    command: RecordsCommand,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Debug, Subcommand)]
enum RecordsCommand {
    /// Write results to a file (all players, or one).
    Export {
        /// Only this player's results.
        #[arg(long)]
        player: Option<String>,
        /// Output file (default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Send the statements waiting in the outbox to the LRS now.
    Sync {
        /// Also send again the statements the LRS refused as invalid before.
        #[arg(long, alias = "retry-parked")]
        retry_refused: bool,
    },
    /// Merge results from other machines; each is replayed through the engine first.
    Import {
        /// Export files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Scenario folder the results were played with (default: the built-in scenarios).
        #[arg(long)]
        dialogues: Option<PathBuf>,
        /// The competition files of competition results (also every `*.competition.ron` in
        /// `--dialogues`): each such result's seed must be its player's own.
        #[arg(long = "competition", value_name = "FILE")]
        competitions: Vec<PathBuf>,
    },
}

/// Runs `peercall records`.
pub fn run(args: &RecordsArgs) -> Result<ExitCode, String> {
    let store = args.db.open()?;
    match &args.command {
        RecordsCommand::Export { player, output } => {
            let export = Export {
                format: "peercall-records".into(),
                version: 1,
                records: store.results(player.as_deref())?,
            };
            let text = serde_json::to_string_pretty(&export).map_err(|e| e.to_string())?;
            match output {
                Some(f) => {
                    if records::is_part_of(store.path(), f) {
                        return Err(super::say(
                            "err-export-onto-records",
                            &[("path", f.display().to_string().into())],
                        ));
                    }
                    peercall_core::write_whole(f, &text)
                        .map_err(|e| super::io_error("err-cannot-write", f.display(), e))?;
                    eprintln!(
                        "{}",
                        super::words().f(
                            "cli-exported",
                            &[
                                ("count", export.records.len().into()),
                                ("file", f.display().to_string().into()),
                            ],
                        )
                    );
                }
                None => println!("{text}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        RecordsCommand::Sync { retry_refused } => {
            let config = peercall_core::xapi::LrsConfig::load(store.path())?.ok_or(
                "no LRS configured: set PEERCALL_LRS_ENDPOINT, PEERCALL_LRS_USER and \
                 PEERCALL_LRS_PASSWORD, or write lrs.ron next to the records",
            )?;
            if *retry_refused {
                let n = store.outbox(Queue::Lrs).retry_refused()?;
                println!(
                    "{}",
                    super::words().f("cli-unparked", &[("count", n.into())])
                );
            }
            store.outbox(Queue::Lrs).retry_now()?;
            let d = peercall_core::xapi::deliver(&store, &config, std::time::SystemTime::now())?;
            let parked = store.outbox(Queue::Lrs).refusals()?;
            let w = super::words();
            println!(
                "{}",
                w.f(
                    "cli-synced",
                    &[
                        ("sent", d.sent.into()),
                        ("waiting", d.waiting.into()),
                        ("parked", parked.len().into()),
                    ],
                )
            );
            for Refused { id, reason: why } in parked.iter().take(20) {
                println!(
                    "  {}",
                    w.f(
                        "cli-parked",
                        &[
                            ("id", untrusted::terminal(id).into_owned().into()),
                            ("why", untrusted::terminal(why).into_owned().into()),
                        ],
                    )
                );
            }
            if parked.len() > 20 {
                println!(
                    "  {}",
                    w.f("cli-more", &[("count", (parked.len() - 20).into())])
                );
            }
            if !parked.is_empty() {
                println!("{}", w.t("cli-parked-how"));
            }
            match d.error {
                Some(e) => Err(e),
                None => Ok(ExitCode::SUCCESS),
            }
        }
        RecordsCommand::Import {
            files,
            dialogues,
            competitions,
        } => {
            let library = match dialogues {
                Some(d) => Library::from_path(d)?,
                None => Library::builtin(),
            };
            let mut paths = competitions.clone();
            if let Some(d) = dialogues.as_ref().filter(|d| d.is_dir())
                && let Ok(entries) = std::fs::read_dir(d)
            {
                let mut found: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.to_string_lossy().ends_with(".competition.ron"))
                    .collect();
                found.sort();
                paths.extend(found);
            }
            let competitions = paths
                .iter()
                .map(|p| peercall_core::competition::Competition::load(p))
                .collect::<Result<Vec<_>, _>>()?;
            let report = records::import(&store, files, &library, &competitions)?;
            let w = super::words();
            for Rejected {
                file,
                id,
                reason: why,
            } in &report.rejected
            {
                println!(
                    "{}",
                    w.f(
                        "cli-rejected",
                        &[
                            ("file", file.clone().into()),
                            (
                                "id",
                                untrusted::terminal(&untrusted::clip(id, 40))
                                    .into_owned()
                                    .into()
                            ),
                            ("why", untrusted::terminal(why).into_owned().into()),
                        ],
                    )
                );
            }
            println!(
                "{}",
                w.f(
                    "cli-imported",
                    &[
                        ("added", report.added.into()),
                        ("duplicates", report.duplicates.into()),
                        ("rejected", report.rejected.len().into()),
                    ],
                )
            );
            Ok(if report.rejected.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
