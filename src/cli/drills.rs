//! `peercall drills`: the decisions a player missed, as drills on a spaced schedule: listed,
//! and played in a row in the terminal.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::Args;
use peercall_core::drills::{Drill, date, day_of};
use peercall_core::library::Library;
use peercall_core::words::Words;
use peercall_dialogue::drill::MissKind;
use peercall_dialogue::{Debrief, Script};
use serde::Serialize;

/// Arguments of `peercall drills`.
#[derive(Debug, Args)]
pub struct DrillsArgs {
    /// Whose drills (default: the profile saved in the records, `PEERCALL_PLAYER`, or the login
    /// name).
    #[arg(long)]
    pub player: Option<String>,
    /// List the drills and when each is due, without playing.
    #[arg(long)]
    pub list: bool,
    /// Play every drill still on the schedule, not only those due today. A pass before a drill
    /// is due does not move it on (practice too soon is not spaced); a miss sends it back.
    #[arg(long)]
    pub all: bool,
    /// Play the first drill with these choices, by their place in the file (1 is a node's first
    /// choice), instead of asking, e.g. `1,2`.
    #[arg(long, value_delimiter = ',')]
    pub picks: Option<Vec<usize>>,
    /// Seed of the first drill played (the next ones take the following seeds; default: drawn
    /// from the clock). It draws the wording, the order and the situation behind the request.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Print JSON: the list, or the drill played with `--picks`.
    #[arg(long)]
    pub json: bool,
    /// A folder of scenarios the drills come from, instead of the built-in ones.
    #[arg(long)]
    pub dialogues: Option<PathBuf>,
    #[command(flatten)]
    pub db: super::records::DbArgs,
}

/// One drill as listed.
#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    scenario: &'a str,
    title: &'a str,
    node: &'a str,
    kind: MissKind,
    said: &'a str,
    signal: peercall_dialogue::Signal,
    better: &'a str,
    better_signal: peercall_dialogue::Signal,
    level: u8,
    due: String,
    due_in_days: i64,
    retired: bool,
    plays: u32,
    passes: u32,
    /// The scenario no longer has the moment the drill starts at (or is not in the library).
    out_of_date: bool,
}

/// What `--picks --json` prints about the drill played.
#[derive(Serialize)]
struct Played<'a> {
    drill: &'a str,
    scenario: &'a str,
    node: &'a str,
    truth: String,
    seed: u64,
    passed: bool,
    score: u32,
    ending: String,
    level: u8,
    due: String,
    retired: bool,
    debrief: Option<Debrief>,
}

/// Runs `peercall drills`.
pub fn run(args: &DrillsArgs) -> Result<ExitCode, String> {
    let w = super::words();
    let (store, profile, library) =
        super::player_records(&args.db, args.player.as_deref(), args.dialogues.as_deref())?;
    let now = peercall_core::clock::now();
    let today = day_of(now);
    let drills = store.drills(&profile.player)?;
    let playable = |d: &Drill| {
        library
            .script(&d.scenario)
            .filter(|s| d.miss.start.state(s, 0).is_some())
    };
    if args.list {
        return list(&drills, &library, today, args.json, &profile.player, w);
    }
    let chosen: Vec<&Drill> = drills
        .iter()
        .filter(|d| !d.step.retired && (args.all || d.step.is_due(today)))
        .filter(|d| playable(d).is_some())
        .collect();
    if chosen.is_empty() {
        let next = drills
            .iter()
            .filter(|d| !d.step.retired)
            .map(|d| d.step.due)
            .min();
        let said = match next {
            Some(due) => w.f(
                "drills-none-due",
                &[
                    ("player", profile.player.as_str().into()),
                    ("date", date(due).into()),
                ],
            ),
            None => w.f("drills-none", &[("player", profile.player.as_str().into())]),
        };
        if args.json {
            println!("null");
        }
        eprintln!("{said}");
        return Ok(ExitCode::SUCCESS);
    }
    if !args.json {
        println!(
            "{}",
            w.f(
                "drills-today",
                &[
                    ("count", chosen.len().into()),
                    ("player", profile.player.as_str().into())
                ]
            )
        );
    }
    let lrs = peercall_core::xapi::LrsConfig::load(store.path())?;
    let home = peercall_core::xapi::home_page(lrs.as_ref());
    let first_seed = args.seed.unwrap_or_else(clock_seed);
    for (i, drill) in chosen.iter().enumerate() {
        let script = playable(drill).expect("only playable drills are chosen");
        let seed = first_seed.wrapping_add(i as u64);
        let call = peercall_core::drill_play::start(drill, script, seed)
            .expect("only playable drills are chosen");
        let started = SystemTime::now();
        let call = match &args.picks {
            Some(picks) => {
                let mut call = call;
                for &p in picks {
                    call.choose_index(script, p.wrapping_sub(1))
                        .map_err(|e| e.msg().localized(w.lang()))?;
                }
                Some(call)
            }
            None => {
                println!("\n{}", header(drill, script, i + 1, chosen.len(), w));
                super::terminal::interactive(script, call, false, false, w)?.1
            }
        };
        let Some(call) = call.filter(|c| c.is_over()) else {
            if args.picks.is_some() {
                return Err(w.t("drills-picks-short"));
            }
            break;
        };
        let who = peercall_core::finish::Played {
            player: &profile.player,
            team: &profile.team,
            started,
            competition: None,
            lang: None,
        };
        let now = peercall_core::clock::now();
        let (play, step) =
            peercall_core::drill_play::finish(&store, drill, &call, script, who, &home, now)?
                .expect("a finished drill's call");
        if args.json {
            let out = Played {
                drill: &drill.id,
                scenario: &drill.scenario,
                node: &drill.miss.node,
                truth: play.truth.clone(),
                seed,
                passed: play.passed,
                score: play.score,
                ending: play.ending.clone(),
                level: step.level,
                due: date(step.due),
                retired: step.retired,
                debrief: Debrief::of(&call, script),
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
            );
        } else {
            if args.picks.is_some() {
                print!(
                    "{}",
                    w.transcript_text(&call.transcript(script), &script.scenario().prospect.name)
                );
            }
            println!("\n{}", verdict(play.passed, &step, drill, today, w));
        }
        if args.picks.is_some() {
            break;
        }
    }
    if let Some(config) = &lrs {
        let d = peercall_core::xapi::deliver(&store, config, SystemTime::now())?;
        if let Some(e) = d.error {
            eprintln!(
                "{}",
                w.f(
                    "cli-lrs-waiting",
                    &[("why", e.into()), ("count", d.waiting.into())]
                )
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list(
    drills: &[Drill],
    library: &Library,
    today: i64,
    json: bool,
    player: &str,
    w: &Words,
) -> Result<ExitCode, String> {
    let listed: Vec<Listed> = drills
        .iter()
        .map(|d| {
            let script = library.script(&d.scenario);
            Listed {
                id: &d.id,
                scenario: &d.scenario,
                title: script.map_or("", |s| s.scenario().title.as_str()),
                node: &d.miss.node,
                kind: d.miss.kind,
                said: &d.miss.said,
                signal: d.miss.signal,
                better: &d.miss.better,
                better_signal: d.miss.better_signal,
                level: d.step.level,
                due: date(d.step.due),
                due_in_days: (d.step.due - today).max(0),
                retired: d.step.retired,
                plays: d.plays,
                passes: d.passes,
                out_of_date: script.is_none_or(|s| d.miss.start.state(s, 0).is_none()),
            }
        })
        .collect();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&listed).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    let due = drills.iter().filter(|d| d.step.is_due(today)).count();
    println!(
        "{}",
        w.f(
            "drills-today",
            &[("count", due.into()), ("player", player.into())]
        )
    );
    for l in &listed {
        let when = if l.retired {
            w.t("drills-retired")
        } else if l.out_of_date {
            w.t("drills-out-of-date")
        } else if l.due_in_days == 0 {
            w.t("drills-due-today")
        } else {
            w.f(
                "drills-due-in",
                &[
                    ("days", (l.due_in_days as u64).into()),
                    ("date", l.due.as_str().into()),
                ],
            )
        };
        println!(
            "\n  {} · {} · {}\n{}\n{}",
            peercall_core::untrusted::terminal(l.title),
            when,
            w.f(
                "drills-step",
                &[
                    ("level", u32::from(l.level + 1).into()),
                    ("of", 4u32.into())
                ]
            ),
            super::terminal::wrap(
                &w.f(
                    "drills-you-said",
                    &[
                        (
                            "said",
                            peercall_core::untrusted::terminal(l.said)
                                .into_owned()
                                .into()
                        ),
                        ("signal", w.signal(l.signal).into()),
                    ],
                ),
                84,
                "    ",
            ),
            super::terminal::wrap(
                &match l.kind {
                    MissKind::Decision => w.t("drills-better-decision"),
                    MissKind::Signal => w.f(
                        "drills-better-signal",
                        &[("signal", w.signal(l.better_signal).into())],
                    ),
                },
                84,
                "    ",
            ),
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// What is shown before a drill: which one of how many, where it comes from, and what was said.
fn header(drill: &Drill, script: &Script, n: usize, of: usize, w: &Words) -> String {
    let said = w.f(
        "drills-you-said",
        &[
            ("said", drill.miss.said.as_str().into()),
            ("signal", w.signal(drill.miss.signal).into()),
        ],
    );
    format!(
        "{}\n{}\n{}",
        w.f(
            "drills-header",
            &[
                ("n", n.into()),
                ("of", of.into()),
                ("title", script.scenario().title.as_str().into()),
            ]
        ),
        super::terminal::wrap(&said, 86, "  "),
        super::terminal::wrap(&w.t("drills-listen"), 86, "  "),
    )
}

/// What a finished drill changed on the schedule.
fn verdict(
    passed: bool,
    step: &peercall_core::drills::Step,
    drill: &Drill,
    today: i64,
    w: &Words,
) -> String {
    if step.retired {
        return w.t("drills-passed-retired");
    }
    let next = w.f(
        "drills-next",
        &[
            ("date", date(step.due).into()),
            ("days", ((step.due - today).max(0) as u64).into()),
        ],
    );
    match (passed, drill.step.is_due(today)) {
        (true, true) => format!("{} {next}", w.t("drills-passed")),
        (true, false) => format!("{} {next}", w.t("drills-passed-early")),
        (false, _) => format!("{} {next}", w.t("drills-missed")),
    }
}

fn clock_seed() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64 % 1_000_000)
        .unwrap_or(0)
}
