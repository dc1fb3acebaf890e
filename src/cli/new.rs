//! `peercall new ID`: a new scenario (and its test playthroughs) from a commented template
//! that passes `check`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

const SCENARIO: &str = include_str!("../../assets/templates/scenario.ron");
const TESTS: &str = include_str!("../../assets/templates/scenario.tests.ron");

/// Arguments of `peercall new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new scenario's id: lower-case letters, digits and dashes.
    pub id: String,
    /// Folder to write it in.
    #[arg(long, default_value = "dialogues")]
    pub dir: PathBuf,
}

/// Writes `DIR/ID.ron` and `DIR/ID.tests.ron`; never overwrites.
pub fn run(args: &NewArgs) -> Result<ExitCode, String> {
    let id = &args.id;
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(super::say("err-bad-id", &[("id", id.as_str().into())]));
    }
    let scenario = args.dir.join(format!("{id}.ron"));
    let tests = args.dir.join(format!("{id}.tests.ron"));
    for f in [&scenario, &tests] {
        if f.exists() {
            return Err(super::say(
                "err-exists",
                &[("path", f.display().to_string().into())],
            ));
        }
    }
    std::fs::create_dir_all(&args.dir)
        .map_err(|e| super::io_error("err-cannot-create", args.dir.display(), e))?;
    // Created, never opened over a file that appeared since the check above.
    let create = |path: &std::path::Path, text: String| {
        use std::io::Write;
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => {
                    super::say("err-exists", &[("path", path.display().to_string().into())])
                }
                _ => super::io_error("err-cannot-write", path.display(), e),
            })
    };
    create(&scenario, SCENARIO.replace("{id}", id))?;
    create(&tests, TESTS.replace("{id}", id))?;
    println!(
        "{}",
        super::words().f(
            "cli-new",
            &[
                ("file", scenario.display().to_string().into()),
                ("tests", tests.display().to_string().into()),
            ],
        )
    );
    Ok(ExitCode::SUCCESS)
}
