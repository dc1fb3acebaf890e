//! The command line's subcommands, one file each; they share the engine and nothing else.

pub mod analyze;
pub mod check;
pub mod compete;
pub mod graph;
pub mod hub;
pub mod i18n;
pub mod new;
pub mod play;
pub mod records;
pub mod run;
pub mod test;

use std::io::IsTerminal;

/// The command line's words: in the language of `PEERCALL_LANG`, else of the system's `LANG`
/// when the interface has it, else English.
pub fn words() -> &'static peercall_core::ui::Words {
    let asked = std::env::var("PEERCALL_LANG")
        .ok()
        .filter(|l| !l.trim().is_empty())
        .or_else(|| {
            std::env::var("LANG")
                .ok()
                .and_then(|l| l.split(['_', '.', '-']).next().map(str::to_string))
        })
        .and_then(|l| peercall_core::i18n::parse_lang(&l).ok())
        .filter(|l| {
            peercall_core::ui::languages().contains(&l.as_str()) || l == peercall_core::i18n::PSEUDO
        });
    peercall_core::ui::words(asked.as_deref().unwrap_or(peercall_core::i18n::SOURCE))
}

/// Whether to colour output written to standard output.
pub fn color_stdout() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

/// Loads a scenario file for a tool that needs a clean one; errors are printed to standard error.
pub fn load_script(file: &std::path::Path) -> Result<peercall_dialogue::Script, String> {
    let checked = peercall_dialogue::load_path(file);
    if checked.has_errors() {
        eprintln!("{}", checked.render(false));
        return Err(format!(
            "{} has {} error{}; fix them first (`peercall check {}`)",
            file.display(),
            checked.error_count(),
            if checked.error_count() == 1 { "" } else { "s" },
            file.display()
        ));
    }
    checked.into_script()
}
