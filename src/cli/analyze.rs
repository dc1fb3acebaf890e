//! `peercall analyze`: every path through a scenario, random players, and wrong-lesson warnings.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use peercall_dialogue::analyze::{DEFAULT_STATE_LIMIT, analyze};

/// Arguments of `peercall analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// Random players to run after the exhaustive exploration.
    #[arg(long, default_value_t = 10_000)]
    pub runs: u64,
    /// Seed of the first random player.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Most distinct states to explore before falling back to sampling.
    #[arg(long, default_value_t = DEFAULT_STATE_LIMIT)]
    pub max_states: usize,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Runs `peercall analyze`; exit 1 when the file has errors, 0 otherwise (warnings included).
pub fn run(args: &AnalyzeArgs) -> Result<ExitCode, String> {
    let script = super::load_script(&args.file)?;
    let analysis = analyze(&script, args.runs, args.seed, args.max_states);
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&analysis).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", analysis.to_text_in(super::words().lang()));
    }
    Ok(ExitCode::SUCCESS)
}
