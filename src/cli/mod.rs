//! The command line's subcommands, one file each; they share the engine and nothing else.

pub mod analyze;
pub mod args;
pub mod certify;
pub mod check;
pub mod compete;
pub mod drills;
pub mod from;
pub mod graph;
pub mod habits;
pub mod hub;
pub mod i18n;
pub mod lms;
pub mod new;
pub mod play;
pub mod records;
pub mod run;
pub mod terminal;
pub mod test;

use std::io::IsTerminal;

/// The command line's words: in the language of `PEERCALL_LANG`, else of the system's `LANG`
/// when the interface has it, else English.
pub fn words() -> &'static peercall_core::words::Words {
    static WORDS: std::sync::OnceLock<&'static peercall_core::words::Words> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let w = chosen_words();
        // The shared crate's own messages (its errors) in the same language.
        peercall_core::words::set_language(w.lang());
        w
    })
}

fn chosen_words() -> &'static peercall_core::words::Words {
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
            peercall_core::words::languages().contains(&l.as_str())
                || l == peercall_core::i18n::PSEUDO
        });
    peercall_core::words::words(asked.as_deref().unwrap_or(peercall_core::i18n::SOURCE))
}

/// The user's language (`PEERCALL_LANG`, else `LANG`) when it is not the scenarios' source
/// language and the interface has it: what `play` and `run` start in when not told.
pub fn user_lang() -> Option<String> {
    let l = words().lang();
    (l != peercall_core::i18n::SOURCE).then(|| l.to_string())
}

/// The records, whose they are (`--player`, else the saved profile, `PEERCALL_PLAYER` or the
/// login name) and the scenarios they were played from (`--dialogues`, else the built-in ones):
/// what the commands about a player's own practice start from.
pub fn player_records(
    db: &records::DbArgs,
    player: Option<&str>,
    dialogues: Option<&std::path::Path>,
) -> Result<
    (
        peercall_core::records::Store,
        peercall_core::profile::Profile,
        peercall_core::library::Library,
    ),
    String,
> {
    let store = db.open()?;
    let player = player
        .map(|p| peercall_core::untrusted::name("--player", p, false))
        .transpose()?;
    let profile = peercall_core::profile::resolve(player.as_deref(), None, Some(&store));
    let library = match dialogues {
        Some(d) => peercall_core::library::Library::from_path(d)?,
        None => peercall_core::library::Library::builtin(),
    };
    Ok((store, profile, library))
}

/// Whether to colour output written to standard output.
pub fn color_stdout() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

/// Loads a scenario file for a tool that needs a clean one; errors are printed to standard error.
pub fn load_script(file: &std::path::Path) -> Result<peercall_dialogue::Script, String> {
    let checked = load(file);
    // A file that cannot be read at all: that, in one line, with no findings to fix.
    if let [d] = checked.diagnostics.as_slice()
        && d.code == "io"
    {
        return Err(say(
            "err-cannot-read",
            &[
                ("path", file.display().to_string().into()),
                ("why", d.message.as_str().into()),
            ],
        ));
    }
    if checked.has_errors() {
        eprintln!("{}", checked.render(false));
        return Err(words().f(
            "err-fix-first",
            &[
                ("file", file.display().to_string().into()),
                ("errors", checked.error_count().into()),
            ],
        ));
    }
    checked.into_script()
}

/// Message `key` with its arguments, in the user's language.
pub fn say(key: &str, args: &[(&str, peercall_core::words::Arg)]) -> String {
    words().f(key, args)
}

/// A failure to read, write or create (`key` is `err-cannot-read`, `-write` or `-create`)
/// `path`, in the user's language.
pub fn io_error(key: &str, path: impl std::fmt::Display, why: std::io::Error) -> String {
    say(
        key,
        &[
            ("path", path.to_string().into()),
            ("why", peercall_core::words::io_reason(&why).into()),
        ],
    )
}

/// Loads and checks a scenario file, its findings in the user's language.
pub fn load(file: &std::path::Path) -> peercall_dialogue::Checked {
    match builtin(file) {
        Some((name, text)) => peercall_dialogue::load_bytes(&name, text.as_bytes()),
        None => peercall_dialogue::load_path(file),
    }
    .localized(words().lang())
}

/// The built-in scenario `file` names when there is no such file here (an installed program
/// has no `dialogues/` beside it): `demo-request`, `demo-request.ron` and
/// `dialogues/demo-request.ron` all name it. Its name as the built-in library gives it, and its
/// text.
pub fn builtin(file: &std::path::Path) -> Option<(String, &'static str)> {
    if file.exists() {
        return None;
    }
    let text = file.to_str()?;
    let bare = text.strip_prefix("dialogues/").unwrap_or(text);
    let name = if bare.ends_with(".ron") {
        format!("dialogues/{bare}")
    } else {
        format!("dialogues/{bare}.ron")
    };
    peercall_core::library::Library::builtin_source(&name).map(|t| (name, t))
}
