//! `peercall lms`: course packages a learning system imports. `cmi5` writes a cmi5 course
//! (`cmi5.xml` at the root of a ZIP), one assignable unit per call, launched from the hub's web
//! game; `scorm` a SCORM 1.2 or 2004 package with the web game inside.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use peercall_core::competition::Competition;
use peercall_core::library::Library;
use peercall_core::lms::{Course, Unit, check_play_url, cmi5_xml, scorm_manifest};
use peercall_core::scorm::Version;

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
        #[command(flatten)]
        course: CourseArgs,
    },
    /// Write a SCORM package: one SCO per call, the web game inside it (no server needed).
    Scorm {
        /// The SCORM version the learning system takes: `2004` (4th edition) or `1.2`.
        #[arg(long, value_parser = ["2004", "1.2"])]
        version: String,
        /// The web game's folder (built by `scripts/build-web.sh`).
        #[arg(long, env = "PEERCALL_WEB", default_value = "target/web")]
        web: PathBuf,
        #[command(flatten)]
        course: CourseArgs,
    },
}

/// What both packages take: the calls, their marks, the title, the file.
#[derive(Debug, Args)]
struct CourseArgs {
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
}

/// Runs `peercall lms`.
pub fn run(args: &LmsArgs) -> Result<ExitCode, String> {
    let (course, output, kind) = match &args.command {
        LmsCommand::Cmi5 { url, course: c } => {
            check_play_url(url)?;
            let base = url.trim_end_matches('/').trim_end_matches("/play");
            let course = course(c, base)?;
            let xml = cmi5_xml(&course, url);
            write_zip(&c.output, &[("cmi5.xml".into(), xml.into_bytes())])?;
            (course, &c.output, "cmi5")
        }
        LmsCommand::Scorm {
            version,
            web,
            course: c,
        } => {
            let version = Version::parse(version).unwrap_or(Version::V2004);
            let course = course(c, "https://peercall.invalid")?;
            let mut files = web_files(web, version)?;
            let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
            let manifest = scorm_manifest(&course, version, &names);
            files.insert(0, ("imsmanifest.xml".into(), manifest.into_bytes()));
            write_zip(&c.output, &files)?;
            let kind = match version {
                Version::V12 => "SCORM 1.2",
                Version::V2004 => "SCORM 2004",
            };
            (course, &c.output, kind)
        }
    };
    println!(
        "{}",
        say(
            "cli-lms-written",
            &[
                ("file", output.display().to_string().into()),
                ("kind", kind.into()),
                ("count", course.units.len().into()),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// The course `args` name: its calls (a certification's, the ones named, or every built-in
/// call), each with its mastery score; its id under `base`.
fn course(args: &CourseArgs, base: &str) -> Result<Course, String> {
    if args.mastery.is_some_and(|m| !(0.0..=1.0).contains(&m)) {
        return Err(say("cli-lms-mastery", &[]));
    }
    let library = Library::builtin();
    let (ids, marks): (Vec<String>, Vec<Option<f64>>) = match &args.certification {
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
        None if args.calls.is_empty() => library
            .scripts()
            .into_iter()
            .map(|s| (s.id().to_string(), args.mastery))
            .unzip(),
        None => args.calls.iter().map(|c| (c.clone(), args.mastery)).unzip(),
    };
    let mut units = Vec::new();
    for (id, mark) in ids.iter().zip(marks) {
        let script = library
            .script(id)
            .ok_or_else(|| say("core-competition-missing", &[("id", id.as_str().into())]))?;
        let sc = script.scenario();
        units.push(Unit {
            scenario: id.clone(),
            title: sc.title.clone(),
            description: sc.situation.clone(),
            mastery: mark,
        });
    }
    Ok(Course {
        id: format!("{base}/courses/{}", slug(&args.title)),
        title: args.title.clone(),
        description: say("cli-lms-description", &[]),
        units,
    })
}

/// The web game's files for a package: every file of the build but its compressed copies, the
/// page marked as a SCO of `version` (it then looks for the LMS's API).
fn web_files(web: &Path, version: Version) -> Result<Vec<(String, Vec<u8>)>, String> {
    let missing = || {
        say(
            "cli-lms-no-web",
            &[("dir", web.display().to_string().into())],
        )
    };
    if !web.join("index.html").is_file() || !web.join("scorm.js").is_file() {
        return Err(missing());
    }
    let mut files = Vec::new();
    let mut folders = vec![(web.to_path_buf(), String::new())];
    while let Some((dir, prefix)) = folders.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|_| missing())?;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if path.is_dir() && prefix.is_empty() {
                // One level down: the fonts' licences.
                folders.push((path, format!("{name}/")));
                continue;
            }
            if !path.is_file() || name.ends_with(".gz") || name.ends_with(".br") {
                continue;
            }
            let mut bytes = std::fs::read(&path)
                .map_err(|e| super::io_error("err-cannot-read", path.display(), e))?;
            if name == "index.html" {
                let page = String::from_utf8_lossy(&bytes).replacen(
                    "<html ",
                    &format!("<html data-scorm=\"{}\" ", version.name()),
                    1,
                );
                bytes = page.into_bytes();
            }
            files.push((name, bytes));
        }
    }
    files.sort();
    Ok(files)
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
fn write_zip(path: &Path, files: &[(String, Vec<u8>)]) -> Result<(), String> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in files {
            zip.start_file(name.as_str(), options)
                .map_err(|e| e.to_string())?;
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
