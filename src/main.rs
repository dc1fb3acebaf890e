//! The `peercall` command line: checks and plays RON call scenarios (the game comes later).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let paths = if args.is_empty() {
        vec![PathBuf::from("dialogues")]
    } else {
        args
    };
    let mut errors = 0;
    for path in paths {
        let files: Vec<PathBuf> = if path.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&path)
                .map(|d| {
                    d.filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                        .collect()
                })
                .unwrap_or_default();
            v.sort();
            v
        } else {
            vec![path]
        };
        for f in files {
            let checked = peercall_dialogue::load_path(&f);
            errors += checked.error_count();
            print!("{}", checked.render(false));
        }
    }
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
