//! The scenarios a game session offers: the built-in ones or a trainer's folder, each either
//! ready to play or broken with its diagnostics.

use crate::Error;
use crate::words::say;
use std::path::Path;
use std::sync::Arc;

use peercall_dialogue::{
    Checked, Diagnostic, Script, Severity, load_bytes, load_path, scenario_files,
};

/// Findings the error screen shows of one broken file; the rest are counted.
const MAX_SHOWN_FINDINGS: usize = 12;

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// One scenario file, ready or broken.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file name shown in messages.
    pub file: String,
    /// Playable script, or why not.
    pub kind: EntryKind,
    /// After a hot reload: the file was saved with errors, so this entry is the previous,
    /// still-playable version, and these are the new version's findings.
    pub newer_version_broken: Option<Arc<Checked>>,
    /// When the script is a translation: the scenario as written (what `Library::translate`
    /// starts from, and what results verify against: both have the same content hash).
    pub original: Option<Arc<Script>>,
    /// The translation into the language being played could not be read: what is wrong with
    /// it (its line). The entry plays the translation it had before, when there was one (then
    /// `original` is set), else the scenario as written.
    pub translation_error: Option<String>,
}

/// Whether an entry can be played.
#[derive(Debug, Clone)]
pub enum EntryKind {
    /// Checked and compiled; shared, so a call in progress keeps its script whatever happens
    /// to the library (a reload, a competition narrowing it).
    Ready(Arc<Script>),
    /// Has errors: the findings (in the language being played) and the first on a single line.
    Broken {
        /// The file, its text and every finding.
        checked: Arc<Checked>,
        /// The first error as `file:line:column: error[code]: message`.
        first: String,
        /// Number of errors.
        errors: usize,
    },
}

/// The first error of `checked` on one line.
fn first_error(checked: &Checked) -> String {
    checked
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .map(|d| d.to_string())
        .unwrap_or_default()
}

impl Entry {
    /// The findings the error screen shows, rendered like `peercall check` in plain ASCII (at
    /// most a screenful, the rest counted): the broken file's, or the broken newer save's.
    pub fn report(&self) -> Option<String> {
        match (&self.kind, &self.newer_version_broken) {
            (EntryKind::Broken { checked, .. }, _) | (EntryKind::Ready(_), Some(checked)) => {
                Some(checked.render_ascii_summary(MAX_SHOWN_FINDINGS))
            }
            (EntryKind::Ready(_), None) => None,
        }
    }

    /// Says the entry's findings in `lang`.
    fn localize_findings(&mut self, lang: &str) {
        if let EntryKind::Broken { checked, first, .. } = &mut self.kind {
            *checked = Arc::new((**checked).clone().localized(lang));
            *first = first_error(checked);
        }
        if let Some(c) = &mut self.newer_version_broken {
            *c = Arc::new((**c).clone().localized(lang));
        }
    }

    /// The script, when the entry is playable.
    pub fn script(&self) -> Option<&Script> {
        match &self.kind {
            EntryKind::Ready(s) => Some(s),
            EntryKind::Broken { .. } => None,
        }
    }

    /// The shared script, when the entry is playable.
    pub fn shared_script(&self) -> Option<Arc<Script>> {
        match &self.kind {
            EntryKind::Ready(s) => Some(Arc::clone(s)),
            EntryKind::Broken { .. } => None,
        }
    }

    /// What identifies the entry across reloads and re-sorts: the scenario's id when it plays,
    /// else its file name.
    pub fn key(&self) -> &str {
        self.script().map_or(self.file.as_str(), |s| s.id())
    }
}

/// Every scenario on offer, playable ones first (by difficulty, then title), broken ones last.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// The entries in display order.
    pub entries: Vec<Entry>,
}

impl Library {
    /// The scenarios built into the binary (checked when it was built).
    pub fn builtin() -> Library {
        Library::from_checked(
            BUILTIN
                .iter()
                .map(|(name, text)| load_bytes(&format!("dialogues/{name}"), text.as_bytes()))
                .collect(),
        )
    }

    /// The names of the built-in scenario files (`NAME.ron`).
    pub fn builtin_files() -> Vec<&'static str> {
        BUILTIN.iter().map(|(n, _)| *n).collect()
    }

    /// The text of a built-in scenario file, by the name [`Library::builtin`] gives it
    /// (`dialogues/NAME.ron`).
    pub fn builtin_source(file: &str) -> Option<&'static str> {
        let name = file.strip_prefix("dialogues/")?;
        BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    /// Every scenario file in a folder (or one file).
    pub fn from_path(path: &Path) -> Result<Library, Error> {
        let files = scenario_files(path).map_err(Error::io(say(
            "core-cannot-read",
            &[("path", path.display().to_string().into())],
        )))?;
        if files.is_empty() {
            return Err(Error::Invalid(say(
                "core-no-scenario-files",
                &[("path", path.display().to_string().into())],
            )));
        }
        Ok(Library::from_checked(
            files.iter().map(|f| load_path(f)).collect(),
        ))
    }

    /// Builds the library from checked files.
    pub fn from_checked(checked: Vec<Checked>) -> Library {
        let entries: Vec<Entry> = checked
            .into_iter()
            .map(|c| {
                let file = c.file.clone();
                if c.has_errors() {
                    return Entry {
                        file,
                        newer_version_broken: None,
                        original: None,
                        translation_error: None,
                        kind: EntryKind::Broken {
                            first: first_error(&c),
                            errors: c.error_count(),
                            checked: Arc::new(c),
                        },
                    };
                }
                let source = c.source.clone();
                let kind = match c.into_script() {
                    Ok(s) => EntryKind::Ready(Arc::new(s)),
                    // A checked scenario that does not compile: the compiler's words, as one
                    // finding at the top of the file.
                    Err(why) => {
                        let d =
                            Diagnostic::at(Severity::Error, "compile", why, &file, &source, 0..0);
                        EntryKind::Broken {
                            first: d.to_string(),
                            errors: 1,
                            checked: Arc::new(Checked {
                                file: file.clone(),
                                source,
                                scenario: None,
                                diagnostics: vec![d],
                                lang: crate::i18n::SOURCE.into(),
                            }),
                        }
                    }
                };
                Entry {
                    file,
                    newer_version_broken: None,
                    original: None,
                    translation_error: None,
                    kind,
                }
            })
            .collect();
        let mut library = Library { entries };
        library.sort();
        library
    }

    /// The folder (or file) loaded again after a change. A file that was playable and is now
    /// broken keeps its previous version, with the new errors attached.
    pub fn reload(&self, path: &Path) -> Result<Library, Error> {
        let mut fresh = Library::from_path(path)?;
        for entry in &mut fresh.entries {
            if let EntryKind::Broken { checked, .. } = &entry.kind
                && let Some(old) = self
                    .entries
                    .iter()
                    .find(|o| o.file == entry.file && o.script().is_some())
            {
                let checked = checked.clone();
                *entry = Entry {
                    newer_version_broken: Some(checked),
                    ..old.clone()
                };
            }
        }
        fresh.sort();
        Ok(fresh)
    }

    /// Every playable scenario in `lang` (the source language undoes a translation): each file's
    /// translation beside it, or the built-in one; a text without a current translation stays in
    /// the source language, marked `[en]` with `mark`. Returns the texts translated and missing.
    pub fn translate(&mut self, lang: &str, mark: bool) -> crate::i18n::Coverage {
        let mut total = crate::i18n::Coverage::default();
        for e in &mut self.entries {
            e.localize_findings(lang);
            let Some(base) = e.original.clone().or_else(|| e.shared_script()) else {
                continue;
            };
            e.translation_error = None;
            if lang == crate::i18n::SOURCE {
                e.kind = EntryKind::Ready(base);
                e.original = None;
                continue;
            }
            let po = crate::i18n::po_text(&e.file, lang);
            match crate::i18n::translate(&base, lang, po.as_deref(), mark) {
                Ok((t, cov)) => {
                    total.translated += cov.translated;
                    total.missing += cov.missing;
                    e.kind = EntryKind::Ready(Arc::new(t));
                    e.original = Some(base);
                }
                // A translation file that cannot be read leaves the scenario as written, and
                // says why.
                Err(why) => {
                    total.missing += peercall_dialogue::lines::units(base.scenario()).len();
                    e.kind = EntryKind::Ready(base);
                    e.original = None;
                    e.translation_error = Some(why.to_string());
                }
            }
        }
        self.sort();
        total
    }

    /// After a reload in another language: an entry whose translation no longer reads (a
    /// translator saved it half-edited) plays the translation it had in `previous`, as long as
    /// the scenario itself is unchanged; its [`Entry::translation_error`] still says why.
    pub fn keep_translations_from(&mut self, previous: &Library) {
        for e in &mut self.entries {
            let Some(hash) = e
                .translation_error
                .as_ref()
                .and(e.script())
                .map(Script::hash)
            else {
                continue;
            };
            if let Some(old) = previous
                .entries
                .iter()
                .find(|o| o.file == e.file && o.original.as_ref().is_some_and(|s| s.hash() == hash))
            {
                e.kind = old.kind.clone();
                e.original = old.original.clone();
            }
        }
    }

    /// Display order: playable scenarios by difficulty then title, broken files last by name.
    fn sort(&mut self) {
        self.entries.sort_by_key(|e| match e.script() {
            Some(s) => (0, s.scenario().difficulty, s.scenario().title.clone()),
            None => (1, Default::default(), e.file.clone()),
        });
    }

    /// Index of the playable scenario with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.entries
            .iter()
            .position(|e| e.script().is_some_and(|s| s.id() == id))
    }

    /// Index of the entry with this [`Entry::key`].
    pub fn position(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.key() == key)
    }

    /// The entry with this [`Entry::key`].
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key() == key)
    }

    /// The playable scenario with this id.
    pub fn script(&self, id: &str) -> Option<&Script> {
        self.find(id).and_then(|i| self.entries[i].script())
    }

    /// Every playable scenario, in the library's order.
    pub fn scripts(&self) -> Vec<&Script> {
        self.entries.iter().filter_map(|e| e.script()).collect()
    }

    /// Number of playable scenarios.
    pub fn playable(&self) -> usize {
        self.entries.iter().filter(|e| e.script().is_some()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_scenario_is_built_in_and_playable() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dialogues");
        let files = scenario_files(&dir).unwrap();
        let library = Library::builtin();
        assert!(!files.is_empty());
        assert_eq!(library.entries.len(), files.len());
        assert_eq!(library.playable(), files.len());
    }
}
