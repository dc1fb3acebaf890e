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
        return Err(format!(
            "`{id}` is not a scenario id: use lower-case letters, digits and dashes, like `free-pilot`"
        ));
    }
    let scenario = args.dir.join(format!("{id}.ron"));
    let tests = args.dir.join(format!("{id}.tests.ron"));
    for f in [&scenario, &tests] {
        if f.exists() {
            return Err(format!("{} already exists; nothing written", f.display()));
        }
    }
    std::fs::create_dir_all(&args.dir)
        .map_err(|e| format!("cannot create {}: {e}", args.dir.display()))?;
    std::fs::write(&scenario, SCENARIO.replace("{id}", id))
        .map_err(|e| format!("cannot write {}: {e}", scenario.display()))?;
    std::fs::write(&tests, TESTS.replace("{id}", id))
        .map_err(|e| format!("cannot write {}: {e}", tests.display()))?;
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
