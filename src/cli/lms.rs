//! `peercall lms`: course packages a learning system imports. `cmi5` writes a cmi5 course
//! (`cmi5.xml` at the root of a ZIP), one assignable unit per call, launched from the hub's web
//! game.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use peercall_core::competition::Competition;
use peercall_core::library::Library;
use peercall_core::lms::{Course, Unit, check_play_url, cmi5_xml};

use super::say;

/// Arguments of `peercall lms`.
#[derive(Debug, Args)]
pub struct LmsArgs {
    #[command(subcommand)]
    command: LmsCommand,
}

#[derive(Debug, Subcommand)]
enum LmsCommand {
    /// Write a cmi5 course package: one assignable unit per call, launched from the web game.
    Cmi5 {
        /// The web game's address on the hub, e.g. `https://hub.example.com/play/`.
        #[arg(long)]
        url: String,
        /// The calls, by scenario id (default: every built-in call, the onboarding path).
        #[arg(long, value_delimiter = ',', conflicts_with = "certification")]
        calls: Vec<String>,
        /// A certification file: its calls, each with its pass mark as the mastery score.
        #[arg(long)]
        certification: Option<PathBuf>,
        /// The mastery score (0 to 1) of every call, when no certification sets them.
        #[arg(long, conflicts_with = "certification")]
        mastery: Option<f64>,
        /// The course's title.
        #[arg(long, default_value = "peercall: qualify the call before you commit")]
        title: String,
        /// The package to write (a ZIP).
        #[arg(long, short)]
        output: PathBuf,
    },
}

/// Runs `peercall lms`.
pub fn run(args: &LmsArgs) -> Result<ExitCode, String> {
    match &args.command {
        LmsCommand::Cmi5 {
            url,
            calls,
            certification,
            mastery,
            title,
            output,
        } => {
            check_play_url(url)?;
            if mastery.is_some_and(|m| !(0.0..=1.0).contains(&m)) {
                return Err(say("cli-lms-mastery", &[]));
            }
            let library = Library::builtin();
            let (ids, marks): (Vec<String>, Vec<Option<f64>>) = match certification {
                Some(file) => {
                    let c = Competition::load(file)?;
                    let cert = c.certification.as_ref().ok_or_else(|| {
                        say(
                            "cli-certify-not-one",
                            &[("file", file.display().to_string().into())],
                        )
                    })?;
                    c.scenarios
                        .iter()
                        .map(|e| {
                            let pass = e.pass.unwrap_or(cert.call_pass);
                            (e.id.clone(), Some(f64::from(pass) / 100.0))
                        })
                        .unzip()
                }
                None if calls.is_empty() => library
                    .entries
                    .iter()
                    .filter_map(|e| e.script())
                    .map(|s| (s.id().to_string(), *mastery))
                    .unzip(),
                None => calls.iter().map(|c| (c.clone(), *mastery)).unzip(),
            };
            let mut units = Vec::new();
            for (id, mark) in ids.iter().zip(marks) {
                let script = library.script(id).ok_or_else(|| {
                    say("core-competition-missing", &[("id", id.as_str().into())])
                })?;
                let sc = script.scenario();
                units.push(Unit {
                    scenario: id.clone(),
                    title: sc.title.clone(),
                    description: sc.situation.clone(),
                    mastery: mark,
                });
            }
            let base = url.trim_end_matches('/').trim_end_matches("/play");
            let course = Course {
                id: format!("{base}/courses/{}", slug(title)),
                title: title.clone(),
                description: say("cli-lms-description", &[]),
                units,
            };
            let xml = cmi5_xml(&course, url);
            write_zip(output, &[("cmi5.xml", xml.as_bytes())])?;
            println!(
                "{}",
                say(
                    "cli-lms-written",
                    &[
                        ("file", output.display().to_string().into()),
                        ("count", course.units.len().into()),
                    ]
                )
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A title as a path segment: lowercase letters and digits, dashes between words.
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "course".into()
    } else {
        words.join("-").chars().take(60).collect()
    }
}

/// Writes a ZIP holding `files` to `path`, whole or not at all.
fn write_zip(path: &std::path::Path, files: &[(&str, &[u8])]) -> Result<(), String> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in files {
            zip.start_file(*name, options).map_err(|e| e.to_string())?;
            zip.write_all(bytes).map_err(|e| e.to_string())?;
        }
        zip.finish().map_err(|e| e.to_string())?;
    }
    let tmp = path.with_extension("zip.part");
    std::fs::write(&tmp, buf.into_inner())
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            super::io_error("err-cannot-write", path.display(), e)
        })
}
