//! `peercall check`: loads and checks scenario files and reports every finding.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use peercall_dialogue::{Checked, Diagnostic, scenario_files};
use serde::Serialize;

/// Arguments of `peercall check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Scenario files or folders of them (default: `dialogues/`, else the built-in scenarios).
    #[arg(default_value = "dialogues")]
    pub paths: Vec<PathBuf>,
    /// Output format: diagnostics for people, or one JSON object for tools.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Keep watching: check again each time a scenario file is saved (Ctrl-C stops).
    #[arg(long)]
    pub watch: bool,
}

/// How `check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Compiler-style diagnostics with the offending line.
    Text,
    /// One JSON object on standard output.
    Json,
}

#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    scenario: Option<&'a str>,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
    /// The translations beside the file and how up to date each is (when it compiles).
    translations: Vec<super::i18n::Status>,
}

#[derive(Serialize)]
struct Report<'a> {
    files: Vec<FileReport<'a>>,
    errors: usize,
    warnings: usize,
}

/// Loads every named file and reports; exit code 1 when any error was found. With `--watch`,
/// reports again after every save, until stopped.
pub fn check(args: &CheckArgs) -> Result<ExitCode, String> {
    if !args.watch {
        return report(args);
    }
    let mut before = fingerprint(&args.paths);
    report(args)?;
    loop {
        std::thread::sleep(std::time::Duration::from_millis(250));
        if fingerprint(&args.paths) == before {
            continue;
        }
        // A save can arrive in pieces: give it a moment to settle.
        std::thread::sleep(std::time::Duration::from_millis(150));
        let after = fingerprint(&args.paths);
        let changed: Vec<String> = after
            .iter()
            .filter(|f| !before.contains(f))
            .map(|(p, _)| p.display().to_string())
            .chain(
                before
                    .iter()
                    .filter(|(p, _)| !after.iter().any(|(q, _)| q == p))
                    .map(|(p, _)| p.display().to_string()),
            )
            .collect();
        before = after;
        println!(
            "\n{}",
            super::words().f("cli-watch-again", &[("files", changed.join(", ").into())])
        );
        if let Err(e) = report(args) {
            eprintln!("{}", super::say("cli-error", &[("why", e.into())]));
        }
    }
}

/// Every scenario file the paths name, with when it was last written (a file that cannot be
/// read counts as changed when it can again).
fn fingerprint(paths: &[PathBuf]) -> Vec<(PathBuf, Option<std::time::SystemTime>)> {
    let mut out: Vec<(PathBuf, Option<std::time::SystemTime>)> = paths
        .iter()
        .flat_map(|p| scenario_files(p).unwrap_or_default())
        .map(|f| {
            let written = std::fs::metadata(&f).and_then(|m| m.modified()).ok();
            (f, written)
        })
        .collect();
    out.sort();
    out
}

/// One round of checking and reporting.
fn report(args: &CheckArgs) -> Result<ExitCode, String> {
    let checked = load_all(&args.paths)?;
    let errors: usize = checked.iter().map(Checked::error_count).sum();
    let warnings: usize = checked.iter().map(Checked::warning_count).sum();
    match args.format {
        Format::Json => {
            let report = Report {
                files: checked
                    .iter()
                    .map(|c| FileReport {
                        file: &c.file,
                        scenario: c.scenario.as_ref().map(|s| s.id.as_str()),
                        errors: c.error_count(),
                        warnings: c.warning_count(),
                        diagnostics: &c.diagnostics,
                        translations: translations(c),
                    })
                    .collect(),
                errors,
                warnings,
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
            );
        }
        Format::Text => {
            let color = super::color_stdout();
            // One finding at a time: a draft with thousands of them is never held as one text.
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for c in &checked {
                for d in &c.diagnostics {
                    let _ = writeln!(out, "{}", d.render(&c.source, color));
                }
                for note in super::i18n::behind(Path::new(&c.file), &translations(c)) {
                    let _ = writeln!(out, "{note}");
                }
            }
            let _ = out.flush();
            drop(out);
            println!(
                "{}",
                super::words().f(
                    "cli-checked",
                    &[
                        ("files", checked.len().into()),
                        ("errors", errors.into()),
                        ("warnings", warnings.into()),
                    ],
                )
            );
        }
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The translations beside a checked file, when it compiles (compiled again only when a
/// translation file is there: most scenarios have none).
fn translations(c: &Checked) -> Vec<super::i18n::Status> {
    let file = Path::new(&c.file);
    let langs = peercall_core::i18n::languages(file).unwrap_or_default();
    if langs.is_empty() || c.has_errors() {
        return Vec::new();
    }
    c.script()
        .map(|script| super::i18n::statuses(file, &langs, &script, &c.source))
        .unwrap_or_default()
}

/// Loads and checks every scenario file the paths name; a path that does not exist is an error.
pub fn load_all(paths: &[PathBuf]) -> Result<Vec<Checked>, String> {
    let mut out = Vec::new();
    for path in paths {
        // No `dialogues/` here (an installed program, run anywhere): the built-in scenarios.
        if path.as_os_str() == "dialogues" && !path.exists() {
            out.extend(
                peercall_core::library::Library::builtin_files()
                    .into_iter()
                    .map(|name| super::load(&PathBuf::from(format!("dialogues/{name}")))),
            );
            continue;
        }
        let files = scenario_files(path)
            .map_err(|e| super::io_error("err-cannot-read", path.display(), e))?;
        if files.is_empty() {
            return Err(super::say(
                "err-no-scenario-files",
                &[("path", path.display().to_string().into())],
            ));
        }
        out.extend(files.iter().map(|f| super::load(f)));
    }
    Ok(out)
}
