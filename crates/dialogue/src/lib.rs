//! peercall-dialogue: the conversation engine behind peercall — RON scenarios, positioned
//! diagnostics, semantic checks, deterministic calls, scores and debriefs. No Bevy, no CLI.
#![warn(missing_docs)]

pub mod analyze;
pub mod call;
pub mod check;
pub mod deciding;
pub mod diagnostic;
pub mod drill;
mod hints;
pub mod lines;
pub mod load;
pub mod messages;
pub mod playtest;
pub mod scenario;
pub mod score;
pub mod script;
pub mod strategies;
pub mod synthetic;
pub mod unreached;

use std::path::Path;

pub use call::{Call, CallError, Finish, Line, Offer, Turn};
pub use diagnostic::{Diagnostic, Severity, Text};
pub use messages::Msg;
pub use scenario::{
    Choice, Condition, Difficulty, Effect, Ending, Node, Outcome, Persona, Scenario, Signal, Stance,
};
pub use score::{Debrief, TurnReview};
pub use script::{Script, State, Target};

/// A scenario file after loading and checking: its text, the scenario if it parsed, and every
/// finding.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The file name used in diagnostics.
    pub file: String,
    /// The text (empty when the file was not UTF-8 or could not be read).
    pub source: String,
    /// The scenario, when the text parsed.
    pub scenario: Option<Scenario>,
    /// Every finding, errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The language the findings are said in (`en` until [`Checked::localize`]).
    pub lang: String,
}

impl Checked {
    /// Says every finding in `lang` (a language code, or the pseudo-locale): see
    /// [`Diagnostic::localized`].
    pub fn localize(&mut self, lang: &str) {
        for d in &mut self.diagnostics {
            *d = d.localized(lang);
        }
        self.lang = lang.to_string();
    }

    /// The same, by value.
    pub fn localized(mut self, lang: &str) -> Checked {
        self.localize(lang);
        self
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    /// Every finding rendered like a compiler's diagnostics.
    pub fn render(&self, color: bool) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.render(&self.source, color))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Every finding in plain ASCII, each headed by its `file:line:column` line.
    pub fn render_ascii(&self) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.render_ascii(&self.source))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// At most `max` findings in plain ASCII, errors first, and a line counting the rest: what
    /// a screen shows of a draft with thousands of warnings.
    pub fn render_ascii_summary(&self, max: usize) -> String {
        let mut shown: Vec<&Diagnostic> =
            self.diagnostics.iter().filter(|d| d.is_error()).collect();
        shown.extend(self.diagnostics.iter().filter(|d| !d.is_error()));
        let rest = shown.len().saturating_sub(max);
        shown.truncate(max);
        let mut out = shown
            .iter()
            .map(|d| d.render_ascii(&self.source))
            .collect::<Vec<_>>()
            .join("\n");
        if rest > 0 {
            let more = if rest == 1 {
                msg!("findings-one-more", file = self.file)
            } else {
                msg!("findings-more", count = rest, file = self.file)
            };
            out.push_str(&format!("\n{}\n", more.localized(&self.lang)));
        }
        out
    }

    /// The runnable script, when there are no errors.
    pub fn script(&self) -> Option<Script> {
        if self.has_errors() {
            return None;
        }
        Script::compile(self.scenario.clone()?).ok()
    }

    /// The runnable script, or the rendered errors.
    pub fn into_script(self) -> Result<Script, String> {
        if self.has_errors() {
            return Err(self.render(false));
        }
        let file = self.file;
        let scenario = self
            .scenario
            .ok_or_else(|| format!("{file}: no scenario"))?;
        Script::compile(scenario).map_err(|e| format!("{file}: {e}"))
    }
}

/// Loads and checks scenario bytes. Never panics, whatever the bytes.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Checked {
    match load::as_text(file, bytes) {
        Ok(text) => load_str(file, text),
        Err(d) => Checked {
            file: file.to_string(),
            source: String::from_utf8_lossy(&bytes[..bytes.len().min(1 << 20)]).into_owned(),
            scenario: None,
            diagnostics: vec![*d],
            lang: "en".into(),
        },
    }
}

/// Loads and checks scenario text.
pub fn load_str(file: &str, text: &str) -> Checked {
    load_string(file, text.to_string())
}

/// Loads and checks scenario text, keeping it (no copy) as the result's `source`.
pub fn load_string(file: &str, text: String) -> Checked {
    let (scenario, diagnostics) = match load::parse_located(file, &text) {
        Ok((s, loc)) => {
            let d = check::check_located(&s, file, &text, loc);
            (Some(s), d)
        }
        Err(d) => (None, vec![*d]),
    };
    Checked {
        file: file.to_string(),
        source: text,
        scenario,
        diagnostics,
        lang: "en".into(),
    }
}

/// Loads and checks a scenario file from disk; an unreadable file is a diagnostic too.
pub fn load_path(path: &Path) -> Checked {
    let file = path.display().to_string();
    match std::fs::read(path) {
        Ok(mut bytes) => {
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                bytes.drain(..3);
            }
            match String::from_utf8(bytes) {
                Ok(text) => load_string(&file, text),
                Err(e) => load_bytes(&file, e.as_bytes()),
            }
        }
        Err(e) => Checked {
            file: file.clone(),
            source: String::new(),
            scenario: None,
            diagnostics: vec![
                Diagnostic::at(
                    Severity::Error,
                    "io",
                    match e.kind() {
                        std::io::ErrorKind::NotFound => msg!("load-not-found"),
                        std::io::ErrorKind::PermissionDenied => msg!("load-permission-denied"),
                        std::io::ErrorKind::IsADirectory => msg!("load-is-a-folder"),
                        _ => msg!("load-unreadable", error = e),
                    },
                    &file,
                    "",
                    0..0,
                )
                .with_help(msg!("load-unreadable-help")),
            ],
            lang: "en".into(),
        },
    }
}

/// The scenario files a path names: the file itself, or every `*.ron` directly inside a folder
/// (sorted by name), leaving out test playthrough files (`*.tests.ron`) and competitions
/// (`*.competition.ron`).
pub fn scenario_files(path: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    if !path.is_dir() {
        // Reading the metadata reports a missing path with the OS's own words.
        std::fs::metadata(path)?;
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(path)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|x| x == "ron")
                && !p.to_string_lossy().ends_with(".tests.ron")
                && !p.to_string_lossy().ends_with(".competition.ron")
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The id in `ids` nearest to `given` (a typo away: at most three edits, or a third of its
/// length), for a "did you mean" help; `None` when none is that close.
pub fn nearest_id<'a>(given: &str, ids: &[&'a str]) -> Option<&'a str> {
    ids.iter()
        .map(|c| (strsim::damerau_levenshtein(given, c), *c))
        .filter(|(d, c)| *d <= 3.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}
