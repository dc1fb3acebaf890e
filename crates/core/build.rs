//! Build script: checks every `dialogues/*.ron` (at the top of the workspace) with the engine
//! and embeds them in the library, with their translations (`dialogues/*.po`).
//! A scenario with an error fails the build with the same file:line:column message as
//! `peercall check`.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read at run time: a build script compiled for one checkout may be run for another.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../../dialogues");
    println!("cargo:rerun-if-changed={}", dir.display());
    let files = match peercall_dialogue::scenario_files(&dir) {
        Ok(files) if !files.is_empty() => files,
        Ok(_) => fail(&format!("no scenarios (*.ron) in {}", dir.display())),
        Err(e) => fail(&format!("cannot read {}: {e}", dir.display())),
    };
    let mut out = String::from(
        "/// The shipped scenarios, checked at build time: (file name, text).\n\
         pub static BUILTIN: &[(&str, &str)] = &[\n",
    );
    let mut failed = 0;
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let shown = format!("dialogues/{name}");
        let bytes = std::fs::read(path).unwrap_or_default();
        let checked = peercall_dialogue::load_bytes(&shown, &bytes);
        if checked.has_errors() {
            for d in checked.diagnostics.iter().filter(|d| d.is_error()) {
                eprintln!("{d}");
            }
            eprintln!("{}", checked.render(false));
            failed += checked.error_count();
        }
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    if failed > 0 {
        eprintln!("error: {failed} error(s) in dialogues/; run `peercall check` for details");
        std::process::exit(1);
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin.rs");
    std::fs::write(dest, out).expect("write builtin.rs");
    // Their translations (`NAME.LANG.po`), embedded as they are: `peercall i18n check` is what
    // checks them, and a stale or missing line falls back to the source at run time.
    let mut po = String::from(
        "/// The shipped scenarios' translations: (file name, text).\n\
         pub static BUILTIN_PO: &[(&str, &str)] = &[\n",
    );
    let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    names.sort();
    for path in names
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "po"))
    {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let _ = writeln!(
            po,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    po.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_po.rs");
    std::fs::write(dest, po).expect("write builtin_po.rs");
}

/// Stops the build: the game without its shipped scenarios would be an empty game.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
