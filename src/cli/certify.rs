//! `peercall certify`: where players stand in a certification (passed, failed, overdue, in
//! progress, expired), one player's verdict call by call and rule by rule, a player's
//! certificate as a PDF, and the check of a certificate's code by replaying the player's results.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use peercall_core::certificate::Sheet;
use peercall_core::certification::{self, State, Verdict};
use peercall_core::competition::Competition;
use peercall_core::library::Library;
use peercall_core::records::Record;
use peercall_core::untrusted::terminal;

use super::say;

/// Arguments of `peercall certify`.
#[derive(Debug, Args)]
pub struct CertifyArgs {
    #[command(subcommand)]
    command: CertifyCommand,
    #[command(flatten)]
    db: super::records::DbArgs,
}

#[derive(Debug, Subcommand)]
enum CertifyCommand {
    /// Who passed, who failed, who is overdue; with `--player`, that player's verdict call by
    /// call and rule by rule.
    Status {
        /// The certification file (a competition file with `certification`).
        file: PathBuf,
        /// Only this player, in full.
        #[arg(long)]
        player: Option<String>,
        /// Read the results from this records export instead of the records database.
        #[arg(long)]
        records: Option<PathBuf>,
        /// Scenario folder (default: the built-in scenarios).
        #[arg(long)]
        dialogues: Option<PathBuf>,
    },
    /// Check a certificate's verification code by replaying the player's results: exits 0
    /// when it is valid, 1 when it is not.
    Verify {
        /// The certification file the certificate names.
        file: PathBuf,
        /// The player the certificate names.
        #[arg(long)]
        player: String,
        /// The verification code on the certificate.
        #[arg(long)]
        code: String,
        /// Read the results from this records export instead of the records database.
        #[arg(long)]
        records: Option<PathBuf>,
        /// Scenario folder (default: the built-in scenarios).
        #[arg(long)]
        dialogues: Option<PathBuf>,
    },
    /// Write a player's certificate as a PDF: the calls, the scores, the dates and the
    /// verification code.
    Certificate {
        /// The certification file (a competition file with `certification`).
        file: PathBuf,
        /// The player whose certificate it is.
        #[arg(long)]
        player: String,
        /// Their team, printed under their name.
        #[arg(long, default_value = "")]
        team: String,
        /// Read the results from this records export instead of the records database.
        #[arg(long)]
        records: Option<PathBuf>,
        /// Scenario folder (default: the built-in scenarios).
        #[arg(long)]
        dialogues: Option<PathBuf>,
        /// The PDF to write.
        #[arg(long, short)]
        output: PathBuf,
    },
}

/// Runs `peercall certify`.
pub fn run(args: &CertifyArgs) -> Result<ExitCode, String> {
    let (file, records, dialogues) = match &args.command {
        CertifyCommand::Status {
            file,
            records,
            dialogues,
            ..
        }
        | CertifyCommand::Verify {
            file,
            records,
            dialogues,
            ..
        }
        | CertifyCommand::Certificate {
            file,
            records,
            dialogues,
            ..
        } => (file, records, dialogues),
    };
    let competition = Competition::load(file)?;
    if competition.certification.is_none() {
        return Err(say(
            "cli-certify-not-one",
            &[("file", file.display().to_string().into())],
        ));
    }
    let library = match dialogues {
        Some(d) => Library::from_path(d)?,
        None => Library::builtin(),
    };
    let scripts = library.scripts();
    let results = results(records.as_ref(), &args.db, &competition.id)?;
    let now = peercall_core::clock::now();
    match &args.command {
        CertifyCommand::Status { player: None, .. } => {
            let mut players: Vec<&str> = results.iter().map(|r| r.player.as_str()).collect();
            players.sort_unstable();
            players.dedup();
            println!("{}", head(&competition));
            for p in players {
                if let Some(v) = certification::judge(&competition, &scripts, &results, p, now) {
                    println!("  {:<24} {}", terminal(p), summary(&v));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        CertifyCommand::Status {
            player: Some(p), ..
        } => {
            let v = certification::judge(&competition, &scripts, &results, p, now)
                .expect("a certification");
            println!("{}", head(&competition));
            print!("{}", details(&v));
            Ok(ExitCode::SUCCESS)
        }
        CertifyCommand::Certificate {
            player,
            team,
            output,
            ..
        } => {
            let v = certification::judge(&competition, &scripts, &results, player, now)
                .expect("a certification");
            let sheet =
                Sheet::of(super::words(), &competition, &library, team, &v).ok_or_else(|| {
                    say(
                        "cli-certify-no-pass",
                        &[
                            ("player", terminal(player).into_owned().into()),
                            ("state", state_word(v.state).into()),
                        ],
                    )
                })?;
            let tmp = output.with_extension("pdf.part");
            std::fs::write(&tmp, sheet.pdf())
                .and_then(|()| std::fs::rename(&tmp, output))
                .map_err(|e| {
                    let _ = std::fs::remove_file(&tmp);
                    super::io_error("err-cannot-write", output.display(), e)
                })?;
            println!(
                "{}",
                say(
                    "cli-certify-written",
                    &[
                        ("file", output.display().to_string().into()),
                        ("code", v.code.clone().unwrap_or_default().into()),
                    ]
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        CertifyCommand::Verify { player, code, .. } => {
            match certification::verify(&competition, &scripts, &results, player, code, now) {
                Ok(v) => {
                    println!(
                        "{}",
                        say(
                            "cli-certify-valid",
                            &[
                                ("player", terminal(player).into_owned().into()),
                                ("name", terminal(&competition.name).into_owned().into()),
                                (
                                    "date",
                                    day(v.passed_at.as_deref().unwrap_or_default()).into()
                                ),
                            ]
                        )
                    );
                    print!("{}", details(&v));
                    Ok(ExitCode::SUCCESS)
                }
                Err(why) => {
                    println!("{}", say("cli-certify-invalid", &[("why", why.into())]));
                    Ok(ExitCode::from(1))
                }
            }
        }
    }
}

/// The results of `competition`: from an export file, or the records database.
fn results(
    export: Option<&PathBuf>,
    db: &super::records::DbArgs,
    competition: &str,
) -> Result<Vec<Record>, String> {
    let mut all = match export {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| super::io_error("err-cannot-read", path.display(), e))?;
            peercall_core::records::parse_export(&path.display().to_string(), &text)?.records
        }
        None => db.open()?.results_in(competition)?,
    };
    all.retain(|r| r.competition.as_deref() == Some(competition));
    Ok(all)
}

fn head(c: &Competition) -> String {
    let cert = c.certification.as_ref().expect("a certification");
    say(
        "cli-certify-head",
        &[
            ("name", terminal(&c.name).into_owned().into()),
            ("id", c.id.clone().into()),
            ("pass", cert.pass.into()),
            ("attempts", c.attempts.into()),
            ("due", cert.due.clone().unwrap_or_else(|| "-".into()).into()),
        ],
    )
}

/// The day of an RFC 3339 time.
fn day(time: &str) -> String {
    time.chars().take(10).collect()
}

/// A word for where a player stands.
pub fn state_word(s: State) -> String {
    super::words().t(s.key())
}

/// One line: the state, the overall score and the code.
fn summary(v: &Verdict) -> String {
    let mut out = format!("{:<12}", state_word(v.state));
    if let Some(o) = v.overall {
        out.push_str(&format!(" {o:>3}/{}", v.pass));
    }
    if let Some(code) = &v.code {
        out.push_str(&format!("  {code}"));
    }
    out
}

/// The verdict call by call, with the rules each counted call broke, for the terminal.
pub fn details(v: &Verdict) -> String {
    let mut out = format!("{}\n", terminal(&v.player));
    for (depth, line) in v.lines(super::words()) {
        out.push_str(&"  ".repeat(usize::from(depth) + 1));
        out.push_str(&terminal(&line));
        out.push('\n');
    }
    out
}
