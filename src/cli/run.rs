//! `peercall run`: plays a call in the terminal, interactively or from scripted choices.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use peercall_dialogue::{Call, Debrief, Line, Script};
use serde::Serialize;

/// Arguments of `peercall run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The scenario file to play (or a built-in scenario's id, e.g. `demo-request`).
    pub file: PathBuf,
    /// Seed for the prospect's line variants (default: drawn from the clock, and printed).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Play these choice numbers instead of asking, e.g. `2,1,3`.
    #[arg(long, value_delimiter = ',')]
    pub choices: Option<Vec<usize>>,
    /// Play these choices by their place in the file (1 is a node's first choice), whatever
    /// order they are shown in, e.g. `2,1,3`: a script that works on every seed.
    #[arg(long, value_delimiter = ',', conflicts_with = "choices")]
    pub picks: Option<Vec<usize>>,
    /// Practise one situation behind the request (a scenario's `truths` id) instead of the one
    /// the seed draws. Such a call is not recorded: its result would not verify by its seed.
    #[arg(long, conflicts_with = "player")]
    pub truth: Option<String>,
    /// Print one JSON object (transcript, trust, ending, outcome, person-days, score) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Record the finished call under this player's name.
    #[arg(long)]
    pub player: Option<String>,
    /// Play your next call of this competition (a competition file): its seed is your own,
    /// the attempt is counted, and the result is recorded under the competition.
    #[arg(long, requires = "player", conflicts_with_all = ["seed", "truth"])]
    pub competition: Option<PathBuf>,
    /// The player's team (with `--competition`, the team joined on its hub when not given).
    #[arg(long, requires = "player")]
    pub team: Option<String>,
    /// Play in this language (`de`, `pseudo`, ...; default: the system's, `PEERCALL_LANG` or
    /// `LANG`): the translation beside the file, or the built-in one; a line not translated (yet)
    /// is shown in the source language.
    #[arg(long)]
    pub lang: Option<String>,
    /// With `--lang`: mark each line left in the source language with `[en]`.
    #[arg(long, requires = "lang")]
    pub mark_untranslated: bool,
    #[command(flatten)]
    pub from: super::from::FromArgs,
    #[command(flatten)]
    pub db: super::records::DbArgs,
}

/// The JSON printed by `peercall run --json`.
#[derive(Serialize)]
struct RunReport<'a> {
    scenario: &'a str,
    scenario_hash: &'a str,
    seed: u64,
    choices: &'a [usize],
    finished: bool,
    transcript: Vec<Line>,
    trust: i32,
    peer_contract: bool,
    days: f64,
    ending: Option<&'a str>,
    outcome: Option<peercall_dialogue::Outcome>,
    score: Option<u32>,
    tier: Option<&'static str>,
    /// What is on offer next when the choices ran out before the call ended.
    offered: Vec<peercall_dialogue::Offer<'a>>,
    debrief: Option<Debrief>,
}

/// Runs `peercall run`.
pub fn run(args: &RunArgs) -> Result<ExitCode, String> {
    // A name is checked before the call, not after the player has played it.
    let player = args
        .player
        .as_deref()
        .map(|p| peercall_core::untrusted::name("--player", p, false))
        .transpose()?;
    let mut team =
        peercall_core::untrusted::name("--team", args.team.as_deref().unwrap_or_default(), true)?;
    let script = super::load_script(&args.file)?;
    let asked = args
        .lang
        .as_deref()
        .map(peercall_core::i18n::parse_lang)
        .transpose()?;
    // Not told: the user's own language, for the call where it has a translation.
    let implicit = asked.is_none();
    let mut lang = asked.or_else(super::user_lang);
    let words = peercall_core::words::words(lang.as_deref().unwrap_or(peercall_core::i18n::SOURCE));
    let script = match lang.clone() {
        Some(l) => {
            let file = args.file.display().to_string();
            let po = peercall_core::i18n::po_text(&file, &l);
            let (translated, cov) =
                peercall_core::i18n::translate(&script, &l, po.as_deref(), args.mark_untranslated)?;
            if implicit && cov.translated == 0 {
                // A call with no translation into the user's language is played (and
                // recorded) in its own, without a word about it.
                lang = None;
                script
            } else {
                if cov.missing > 0 && !args.json {
                    eprintln!(
                        "{}",
                        words.f(
                            "run-partly-translated",
                            &[
                                ("missing", cov.missing.into()),
                                ("total", (cov.missing + cov.translated).into()),
                                ("lang", l.as_str().into()),
                            ],
                        )
                    );
                }
                translated
            }
        }
        None => script,
    };
    let mut seed = args.seed.unwrap_or_else(clock_seed);
    let certification = match (&args.competition, &player) {
        (Some(file), Some(player)) => {
            let (c, s) = competition_attempt(file, &script, player, &args.db)?;
            seed = s;
            Some(c)
        }
        _ => None,
    };
    let competition = certification.as_ref().map(|c| c.id.clone());
    // In a certification the lines' signals and the meter stay hidden until the verdict.
    let blind = certification
        .as_ref()
        .is_some_and(|c| c.certification.is_some());
    let start = |script: &Script| -> Result<Call, String> {
        let truth = match &args.truth {
            None => script.truth_for_seed(seed),
            Some(id) => {
                let truths = &script.scenario().truths;
                let at = truths.position(id).ok_or_else(|| {
                    let ids: Vec<&str> = truths.iter().map(|(k, _)| k).collect();
                    if ids.is_empty() {
                        super::say("err-no-truths", &[("id", id.as_str().into())])
                    } else {
                        super::say(
                            "err-no-such-truth",
                            &[("id", id.as_str().into()), ("list", ids.join(", ").into())],
                        )
                    }
                })?;
                at as u32
            }
        };
        Ok(match args.from.state(script, truth)? {
            Some(state) => Call::start_from(script, seed, state),
            None => Call::start_in(script, seed, truth),
        })
    };
    let first = start(&script)?;
    let started = std::time::SystemTime::now();
    let (code, call) = match (&args.choices, &args.picks) {
        (Some(numbers), _) => scripted(&script, first, numbers, false, args.json, blind, words)?,
        (None, Some(picks)) => scripted(&script, first, picks, true, args.json, blind, words)?,
        (None, None) if args.json => {
            return Err(super::say("err-json-needs-lines", &[]));
        }
        (None, None) => super::terminal::interactive(&script, first, blind, true, words)?,
    };
    if let (Some(player), Some(call)) = (&player, call.filter(|c| c.is_over())) {
        let store = args.db.open()?;
        // A competition call of a player who joined its hub goes under the team they joined
        // with, unless told otherwise: the hub refuses a result under another team.
        if args.team.is_none()
            && let Some(id) = competition.as_deref()
            && let Some(m) = peercall_core::hub_client::membership(&store)?
            && m.competition == id
            && store.setting("player")?.as_deref() == Some(player.as_str())
        {
            team = store.setting("team")?.unwrap_or_default();
        }
        let lrs = peercall_core::xapi::LrsConfig::load(store.path())?;
        let who = peercall_core::finish::Played {
            player,
            team: &team,
            started,
            competition: competition.as_deref(),
            lang: lang.as_deref(),
        };
        peercall_core::finish::finish_call(
            &store,
            &call,
            &script,
            who,
            &peercall_core::xapi::home_page(lrs.as_ref()),
        )?;
        eprintln!(
            "{}",
            words.f(
                "cli-recorded",
                &[("db", store.path().display().to_string().into())]
            )
        );
        if let Some(config) = &lrs {
            let d = peercall_core::xapi::deliver(&store, config, std::time::SystemTime::now())?;
            match d.error {
                None => eprintln!("{}", words.f("cli-lrs-sent", &[("count", d.sent.into())])),
                Some(e) => eprintln!(
                    "{}",
                    words.f(
                        "cli-lrs-waiting",
                        &[("why", e.into()), ("count", d.waiting.into())],
                    )
                ),
            }
        }
        if blind && let Some(c) = &certification {
            // The verdict so far: each call passed or not, and why.
            let library = peercall_core::library::Library::builtin();
            let mut scripts = library.scripts();
            scripts.retain(|s| s.id() != script.id());
            scripts.push(&script);
            let results = store.results_in(&c.id)?;
            let now = std::time::SystemTime::now();
            if let Some(v) = peercall_core::certification::judge(c, &scripts, &results, player, now)
            {
                // Standard output holds only the JSON report when one was asked for.
                if args.json {
                    eprintln!("\n{}", super::certify::details(&v));
                } else {
                    println!("\n{}", super::certify::details(&v));
                }
            }
        }
        // Crash-safety test hook: die the hardest way right after recording.
        if std::env::var_os("PEERCALL_ABORT_AFTER_RECORD").is_some() {
            std::process::abort();
        }
    }
    Ok(code)
}

/// Counts `player`'s next attempt at `script` in the competition in `file` and returns the
/// competition and the attempt's seed (the player's own call).
fn competition_attempt(
    file: &std::path::Path,
    script: &Script,
    player: &str,
    db: &super::records::DbArgs,
) -> Result<(peercall_core::competition::Competition, u64), String> {
    let c = peercall_core::competition::Competition::load(file)?;
    c.open_on(&peercall_core::competition::today())?;
    let entry = c
        .scenarios
        .iter()
        .find(|e| e.id == script.id())
        .ok_or_else(|| {
            super::say(
                "err-not-in-competition",
                &[
                    ("scenario", script.id().into()),
                    ("competition", c.id.as_str().into()),
                ],
            )
        })?;
    if !entry.hashes.is_empty()
        && !entry
            .hashes
            .iter()
            .any(|h| script.hash().starts_with(h.as_str()))
    {
        return Err(super::say(
            "err-other-version",
            &[
                ("competition", c.id.as_str().into()),
                ("scenario", script.id().into()),
                ("hash", script.hash()[..12].to_string().into()),
            ],
        ));
    }
    let store = db.open()?;
    let used = store.attempts(player, &c.id, script.id())?;
    if used >= c.attempts {
        return Err(super::say(
            "err-no-attempts-left",
            &[
                ("player", player.into()),
                ("used", used.into()),
                ("allowed", c.attempts.into()),
                ("scenario", script.id().into()),
                ("competition", c.id.as_str().into()),
            ],
        ));
    }
    let seed = peercall_core::competition::player_seed(&c.id, script, entry.seed, player, used);
    store.start_attempt(
        player,
        &c.id,
        script.id(),
        seed,
        std::time::SystemTime::now(),
    )?;
    Ok((c, seed))
}

fn scripted(
    script: &Script,
    mut call: Call,
    numbers: &[usize],
    by_file: bool,
    json: bool,
    blind: bool,
    words: &peercall_core::words::Words,
) -> Result<(ExitCode, Option<Call>), String> {
    let seed = call.seed();
    let mut shown = Vec::with_capacity(numbers.len());
    for &n in numbers {
        let turn = if by_file {
            call.choose_index(script, n.wrapping_sub(1))
        } else {
            call.choose(script, n)
        };
        shown.push(turn.map_err(|e| e.to_string())?.shown as usize);
    }
    let numbers = &shown[..];
    // A certification call's report waits for its end: nothing of it is shown midway.
    if json && (!blind || call.is_over()) {
        let report = RunReport {
            scenario: script.id(),
            scenario_hash: script.hash(),
            seed,
            choices: numbers,
            finished: call.is_over(),
            transcript: call.transcript(script),
            trust: call.trust(),
            peer_contract: call.state().peer_contract,
            days: call.days(),
            ending: call
                .finish()
                .map(|f| script.scenario().endings.at(f.ending as usize).0),
            outcome: call.outcome(script),
            score: call.score(script),
            tier: call.score(script).map(peercall_dialogue::score::tier),
            offered: if call.is_over() {
                Vec::new()
            } else {
                call.offered(script)
            },
            debrief: Debrief::of(&call, script),
        };
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
        return Ok((ExitCode::SUCCESS, Some(call)));
    }
    let name = &script.scenario().prospect.name;
    if blind {
        print!("{}", blind_transcript(&call, script, words));
        return Ok((ExitCode::SUCCESS, Some(call)));
    }
    let mut lines = call.transcript(script);
    if !call.is_over() {
        // The prospect's waiting line is said again as the call plays on.
        lines.pop();
    }
    print!("{}", words.transcript_text(&lines, name));
    match Debrief::of(&call, script) {
        Some(d) => println!("\n{}", words.debrief_text(&d)),
        None => {
            // The list ran out before the call ended: it plays on from here, in the terminal.
            println!(
                "\n{}",
                words.f("run-not-over", &[("choices", numbers.len().into())])
            );
            return super::terminal::interactive(script, call, false, false, words);
        }
    }
    Ok((ExitCode::SUCCESS, Some(call)))
}

/// A certification call's transcript: the words, without the signals or the trust.
fn blind_transcript(call: &Call, script: &Script, words: &peercall_core::words::Words) -> String {
    let name = &script.scenario().prospect.name;
    let mut out = String::new();
    for line in call.transcript(script) {
        match line {
            Line::Prospect { text } => out.push_str(&format!("{name}: {text}\n")),
            Line::Player { text, .. } => {
                out.push_str(&format!("{}: {text}\n", words.t("call-you")));
            }
        }
    }
    out
}

fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64 % 1_000_000)
        .unwrap_or(0)
}
