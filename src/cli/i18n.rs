//! `peercall i18n`: scenarios in other languages. `extract` writes templates (and brings a
//! language's file up to date), `check` finds missing, stale and unknown entries with
//! file:line, `list` names the languages present with their coverage, `ids` writes the choice
//! ids translations need into the scenario files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use peercall_core::i18n;

/// Arguments of `peercall i18n`.
#[derive(Debug, Args)]
pub struct I18nArgs {
    #[command(subcommand)]
    command: I18nCommand,
}

#[derive(Debug, Subcommand)]
enum I18nCommand {
    /// Write each scenario's template (`NAME.pot`); with `--lang`, create or update
    /// `NAME.LANG.po`, keeping its translations (those whose source changed are marked fuzzy).
    Extract(Paths),
    /// Find missing, stale (the source changed since) and unknown entries, with file:line.
    Check(Paths),
    /// The languages present, and how much of each scenario each one covers.
    List(Paths),
    /// Give every choice without one a stable id (`id: "..."`), written into the file.
    Ids(Paths),
}

/// Scenario files or folders, and a language.
#[derive(Debug, Args)]
struct Paths {
    /// Scenario files or folders (default: `dialogues/`).
    paths: Vec<PathBuf>,
    /// One language (`de`, `es`, ...) instead of every one present.
    #[arg(long)]
    lang: Option<String>,
}

/// Runs `peercall i18n ...`.
pub fn run(args: &I18nArgs) -> Result<ExitCode, String> {
    match &args.command {
        I18nCommand::Extract(p) => extract(p),
        I18nCommand::Check(p) => check(p),
        I18nCommand::List(p) => list(p),
        I18nCommand::Ids(p) => ids(p),
    }
}

/// Every scenario file the paths name, in order.
fn scenario_files(p: &Paths) -> Result<Vec<PathBuf>, String> {
    let roots = if p.paths.is_empty() {
        vec![PathBuf::from("dialogues")]
    } else {
        p.paths.clone()
    };
    let mut out = Vec::new();
    for r in roots {
        out.extend(
            peercall_dialogue::scenario_files(&r)
                .map_err(|e| super::io_error("err-cannot-read", r.display(), e))?,
        );
    }
    Ok(out)
}

/// The language asked for, checked.
fn lang(p: &Paths) -> Result<Option<String>, String> {
    p.lang
        .as_deref()
        .map(|l| i18n::parse_lang(l).map_err(|e| e.to_string()))
        .transpose()
}

/// The languages to look at beside `file`: the one asked for, or every one present.
fn langs_for(file: &Path, asked: &Option<String>) -> Result<Vec<String>, String> {
    match asked {
        Some(l) => Ok(vec![l.clone()]),
        None => i18n::languages(file).map_err(|e| e.to_string()),
    }
}

/// A scenario file read and compiled (its errors printed), with its text.
fn load(file: &Path) -> Result<(peercall_dialogue::Script, String), String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| super::io_error("err-cannot-read", file.display(), e))?;
    Ok((super::load_script(file)?, text))
}

/// Writes `text` to `path` whole, or not at all.
fn write(path: &Path, text: &str) -> Result<(), String> {
    peercall_core::write_whole(path, text)
        .map_err(|e| super::io_error("err-cannot-write", path.display(), e))
}

/// A language's translation file: `None` when there is none. One that is there but cannot be
/// read (not UTF-8, larger than any translation) is an error naming it, never taken for absent.
fn read_po(path: &Path) -> Result<Option<String>, String> {
    let too_large = || {
        super::say(
            "core-po-too-large",
            &[
                ("file", path.display().to_string().into()),
                ("megabytes", (i18n::MAX_PO_BYTES >> 20).into()),
            ],
        )
    };
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Ok(m) if m.len() > i18n::MAX_PO_BYTES as u64 => return Err(too_large()),
        _ => {}
    }
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(super::io_error("err-cannot-read", path.display(), e)),
    }
}

/// How up to date one translation beside a scenario is: what `peercall check` reports.
#[derive(Debug, serde::Serialize)]
pub struct Status {
    /// The translation file.
    pub file: String,
    /// Its language.
    pub lang: String,
    /// Texts of the scenario without a translation.
    pub missing: usize,
    /// Translations made from a source text that has changed since (or marked fuzzy).
    pub stale: usize,
    /// Entries for lines the scenario no longer has.
    pub unknown: usize,
    /// Why the file cannot be read, when it cannot (then the counts are 0).
    pub error: Option<String>,
}

impl Status {
    /// Whether the scenario's edits have left it behind, or it cannot be read.
    pub fn is_behind(&self) -> bool {
        self.missing + self.stale + self.unknown > 0 || self.error.is_some()
    }
}

/// The findings of the `lang` translation beside scenario `file` (parsed as `script` from
/// `text`): `None` when there is no such file. The file's name comes first.
fn findings(
    file: &Path,
    lang: &str,
    script: &peercall_dialogue::Script,
    text: &str,
) -> (String, Result<Option<Vec<i18n::Finding>>, String>) {
    let po_file = i18n::po_path(file, lang).display().to_string();
    let found = read_po(Path::new(&po_file)).and_then(|po| {
        po.map(|po| {
            i18n::check(script, text, &file.display().to_string(), &po, &po_file)
                .map_err(|e| e.to_string())
        })
        .transpose()
    });
    (po_file, found)
}

/// The translations into `langs` beside a scenario that compiles, and how up to date each is.
pub fn statuses(
    file: &Path,
    langs: &[String],
    script: &peercall_dialogue::Script,
    text: &str,
) -> Vec<Status> {
    let mut out = Vec::new();
    for lang in langs {
        let lang = lang.clone();
        let (shown, found) = findings(file, &lang, script, text);
        let findings = found.map(Option::unwrap_or_default);
        let count =
            |f: &[i18n::Finding], p: i18n::Problem| f.iter().filter(|x| x.problem == p).count();
        out.push(match findings {
            Ok(f) => Status {
                file: shown,
                lang,
                missing: count(&f, i18n::Problem::Missing),
                stale: count(&f, i18n::Problem::Stale),
                unknown: count(&f, i18n::Problem::Unknown),
                error: None,
            },
            Err(e) => Status {
                file: shown,
                lang,
                missing: 0,
                stale: 0,
                unknown: 0,
                error: Some(e),
            },
        });
    }
    out
}

/// What `peercall check` says of the translations beside a scenario: a note for each one the
/// scenario's edits have left behind (entries missing, stale or unknown), or that cannot be
/// read, so a trainer sees it where they check their work. Nothing when all are up to date.
pub fn behind(file: &Path, statuses: &[Status]) -> Vec<String> {
    statuses
        .iter()
        .filter(|s| s.is_behind())
        .map(|s| match &s.error {
            Some(e) => super::say(
                "cli-check-translation-broken",
                &[("why", peercall_core::untrusted::terminal(e).as_ref().into())],
            ),
            None => super::say(
                "cli-check-translation-behind",
                &[
                    ("file", s.file.as_str().into()),
                    ("missing", s.missing.into()),
                    ("stale", s.stale.into()),
                    ("unknown", s.unknown.into()),
                    ("scenario", file.display().to_string().into()),
                ],
            ),
        })
        .collect()
}

fn extract(p: &Paths) -> Result<ExitCode, String> {
    let asked = lang(p)?;
    for file in scenario_files(p)? {
        let (script, text) = load(&file)?;
        let shown = file.display().to_string();
        let (path, previous) = match &asked {
            None => (i18n::pot_path(&file), None),
            Some(l) => {
                let path = i18n::po_path(&file, l);
                // A file that is there but cannot be read is never written over: it holds a
                // translator's work.
                let previous = read_po(&path)?;
                (path, previous)
            }
        };
        let po_name = path.display().to_string();
        let po = i18n::template(
            &script,
            &text,
            &shown,
            asked.as_deref(),
            previous.as_deref().map(|p| (po_name.as_str(), p)),
        )
        .map_err(|e| e.to_string())?;
        write(&path, &po.text)?;
        let units = peercall_dialogue::lines::units(script.scenario()).len();
        let w = super::words();
        println!(
            "{}",
            w.f(
                "i18n-wrote",
                &[
                    ("file", path.display().to_string().into()),
                    ("count", units.into())
                ],
            )
        );
        for (key, count) in [("i18n-moved", po.moved), ("i18n-obsolete", po.obsolete)] {
            if count > 0 {
                println!("  {}", w.f(key, &[("count", count.into())]));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(p: &Paths) -> Result<ExitCode, String> {
    let asked = lang(p)?;
    let mut problems = 0;
    let mut checked = 0;
    for file in scenario_files(p)? {
        let (script, text) = load(&file)?;
        if script
            .scenario()
            .nodes
            .iter()
            .any(|(_, n)| n.choices.iter().any(|c| c.id.is_empty()))
        {
            println!(
                "{}",
                super::words().f(
                    "i18n-no-ids",
                    &[("file", file.display().to_string().into())]
                )
            );
        }
        for l in langs_for(&file, &asked)? {
            let (_, found) = findings(&file, &l, &script, &text);
            let Some(findings) = found? else {
                println!(
                    "{}",
                    super::words().f(
                        "i18n-no-file",
                        &[
                            ("file", file.display().to_string().into()),
                            ("lang", l.clone().into())
                        ],
                    )
                );
                problems += 1;
                continue;
            };
            checked += 1;
            for f in &findings {
                println!(
                    "{}:{}: {}[{}]: {}",
                    f.file,
                    f.line,
                    f.problem.code(),
                    peercall_core::untrusted::terminal(&f.id),
                    peercall_core::untrusted::terminal(&f.message)
                );
            }
            problems += findings.len();
        }
    }
    println!(
        "{}",
        super::words().f(
            "i18n-checked",
            &[("files", checked.into()), ("problems", problems.into())],
        )
    );
    Ok(if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn list(p: &Paths) -> Result<ExitCode, String> {
    let asked = lang(p)?;
    let mut any = false;
    for file in scenario_files(p)? {
        let (script, text) = load(&file)?;
        let total = peercall_dialogue::lines::units(script.scenario()).len();
        for l in langs_for(&file, &asked)? {
            let Some(po) = read_po(&i18n::po_path(&file, &l))? else {
                continue;
            };
            any = true;
            let (_, cov) =
                i18n::translate(&script, &l, Some(&po), false).map_err(|e| e.to_string())?;
            let _ = &text;
            println!(
                "{}",
                super::words().f(
                    "i18n-coverage",
                    &[
                        ("lang", l.clone().into()),
                        ("scenario", script.id().into()),
                        ("translated", cov.translated.into()),
                        ("total", total.into()),
                        ("missing", cov.missing.into()),
                    ],
                )
            );
        }
    }
    if !any {
        println!("{}", super::words().t("i18n-none"));
    }
    Ok(ExitCode::SUCCESS)
}

fn ids(p: &Paths) -> Result<ExitCode, String> {
    for file in scenario_files(p)? {
        let (script, text) = load(&file)?;
        match peercall_dialogue::lines::with_choice_ids(script.scenario(), &text) {
            None => println!(
                "{}",
                super::words().f(
                    "i18n-ids-none",
                    &[("file", file.display().to_string().into())]
                )
            ),
            Some(new) => {
                // The file must still be the same scenario, with every choice named.
                let checked = peercall_dialogue::load_str(&file.display().to_string(), &new)
                    .localized(super::words().lang());
                let Some(after) = checked.script() else {
                    return Err(format!(
                        "{}\n{}",
                        super::say(
                            "err-ids-break",
                            &[("file", file.display().to_string().into())]
                        ),
                        checked.render_ascii()
                    ));
                };
                if after.hash() != script.hash() {
                    return Err(super::say(
                        "err-ids-change",
                        &[("file", file.display().to_string().into())],
                    ));
                }
                let added =
                    peercall_dialogue::lines::missing_choice_ids(script.scenario(), &text).len();
                write(&file, &new)?;
                println!(
                    "{}",
                    super::words().f(
                        "i18n-ids-written",
                        &[
                            ("file", file.display().to_string().into()),
                            ("count", added.into())
                        ],
                    )
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
