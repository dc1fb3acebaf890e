//! `peercall test`: runs the expected playthroughs written next to scenarios (`NAME.tests.ron`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use peercall_dialogue::playtest;

/// Arguments of `peercall test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Folders, scenario files or test files (default `dialogues/`).
    #[arg(default_value = "dialogues")]
    pub paths: Vec<PathBuf>,
}

/// The test files a path names: a `.tests.ron`, the one next to a scenario, or all in a folder.
fn test_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    let name = path.to_string_lossy();
    if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| super::io_error("err-cannot-read", path.display(), e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".tests.ron"))
            .collect();
        v.sort();
        Ok(v)
    } else if name.ends_with(".tests.ron") {
        Ok(vec![path.to_path_buf()])
    } else if let Some(stem) = name.strip_suffix(".ron") {
        let t = PathBuf::from(format!("{stem}.tests.ron"));
        if t.exists() {
            Ok(vec![t])
        } else {
            Err(super::say(
                "err-no-tests-for",
                &[
                    ("path", path.display().to_string().into()),
                    ("expected", t.display().to_string().into()),
                ],
            ))
        }
    } else {
        Err(super::say(
            "err-not-ron",
            &[("path", path.display().to_string().into())],
        ))
    }
}

/// Runs `peercall test`; exit 1 when any playthrough fails or a file has errors.
pub fn run(args: &TestArgs) -> Result<ExitCode, String> {
    let w = super::words();
    let mut files = Vec::new();
    for p in &args.paths {
        files.extend(test_files(p)?);
    }
    if files.is_empty() {
        return Err(super::say("err-no-playthroughs", &[]));
    }
    let (mut passed, mut failed, mut broken) = (0, 0, 0);
    for file in &files {
        let shown = file.display().to_string();
        let scenario_path = PathBuf::from(shown.replace(".tests.ron", ".ron"));
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                println!("{}", super::io_error("err-cannot-read", &shown, e));
                broken += 1;
                continue;
            }
        };
        let tests = match playtest::parse(&shown, &text) {
            Ok(t) => t,
            Err(d) => {
                let d = d.localized(super::words().lang());
                println!("{}", d.render(&text, super::color_stdout()));
                broken += 1;
                continue;
            }
        };
        let script = match super::load_script(&scenario_path) {
            Ok(s) => s,
            Err(e) => {
                println!("{shown}: {e}");
                broken += 1;
                continue;
            }
        };
        if let Some(id) = &tests.scenario
            && id != script.id()
        {
            println!(
                "{}",
                super::say(
                    "err-tests-for-other",
                    &[
                        ("file", shown.as_str().into()),
                        ("id", id.as_str().into()),
                        ("path", scenario_path.display().to_string().into()),
                        ("actual", script.id().into()),
                    ],
                )
            );
            broken += 1;
            continue;
        }
        for r in playtest::run(&script, &tests) {
            if r.failures.is_empty() {
                passed += 1;
                println!(
                    "{}",
                    w.f(
                        "cli-test-ok",
                        &[
                            ("scenario", script.id().into()),
                            ("name", r.name.clone().into()),
                            ("seed", r.seed.to_string().into()),
                        ],
                    )
                );
            } else {
                failed += 1;
                println!(
                    "{}",
                    w.f(
                        "cli-test-fail",
                        &[
                            ("scenario", script.id().into()),
                            ("name", r.name.clone().into()),
                            ("seed", r.seed.to_string().into()),
                        ],
                    )
                );
                for f in &r.failures {
                    println!("      {}", f.localized(w.lang()));
                }
            }
        }
    }
    println!(
        "\n{}",
        w.f(
            "cli-test-summary",
            &[
                ("passed", passed.into()),
                ("failed", failed.into()),
                ("broken", broken.into()),
            ],
        )
    );
    Ok(if failed + broken > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
