//! Scenarios in other languages: gettext PO files next to each scenario file
//! (`demo-request.de.po` beside `demo-request.ron`), keyed by the lines' stable ids
//! ([`peercall_dialogue::lines`]); templates to start from, the checks a translator needs
//! (missing, stale and unknown entries with file:line), the languages present, and a
//! pseudo-locale that shows where the layout breaks.
//!
//! A translation replaces text only: a call in any language plays the same path, gets the same
//! score and verifies against the source scenario. An entry is used only while its `msgid` is
//! the current source text (and it is not marked fuzzy); a stale one falls back to the source.

use std::collections::{HashMap, HashSet};

use crate::words::say;
use std::path::{Path, PathBuf};

use peercall_dialogue::Script;
use peercall_dialogue::lines::{Unit, units_located};

use crate::Error;
use crate::po;

/// The language scenarios are written in.
pub const SOURCE: &str = "en";
/// The pseudo-locale (its standard tag; `pseudo` is accepted for it): every text longer and
/// accented, generated, no file needed.
pub const PSEUDO: &str = peercall_dialogue::messages::PSEUDO;
/// Largest translation file read.
pub const MAX_PO_BYTES: usize = 8 << 20;

include!(concat!(env!("OUT_DIR"), "/builtin_po.rs"));

/// One language's translation of one scenario: by line id, (source text it was made from,
/// translation).
#[derive(Debug, Clone, Default)]
pub struct Translation {
    /// The language (`de`, `es`, ...).
    pub lang: String,
    entries: HashMap<String, (String, String)>,
}

impl Translation {
    /// Parses a PO file's text (`file` is its name for messages).
    pub fn parse(file: &str, text: &str, lang: &str) -> Result<Translation, Error> {
        if text.len() > MAX_PO_BYTES {
            return Err(Error::Invalid(say(
                "core-po-too-large",
                &[
                    ("file", file.into()),
                    ("megabytes", (MAX_PO_BYTES >> 20).into()),
                ],
            )));
        }
        let mut entries = HashMap::new();
        for m in po::parse(file, text)? {
            let Some(id) = m.context else { continue };
            if m.fuzzy || m.obsolete || m.text.is_empty() {
                continue;
            }
            entries.insert(id, (m.id, m.text));
        }
        Ok(Translation {
            lang: lang.to_string(),
            entries,
        })
    }

    /// The translation of line `id` whose source text is `source`, if there is a current one.
    pub fn get(&self, id: &str, source: &str) -> Option<&str> {
        self.entries
            .get(id)
            .filter(|(from, _)| from == source)
            .map(|(_, t)| t.as_str())
    }
}

/// Whether `lang` can name a language here: a short code such as `de`, `es-MX` or `pseudo`.
pub fn valid_lang(lang: &str) -> bool {
    !lang.is_empty()
        && lang.len() <= 16
        && lang
            .split('-')
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The PO file of `lang` beside the scenario file `scenario` (`x.ron` → `x.LANG.po`).
pub fn po_path(scenario: &Path, lang: &str) -> PathBuf {
    let stem = scenario
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    scenario.with_file_name(format!("{stem}.{lang}.po"))
}

/// The template beside the scenario file (`x.ron` → `x.pot`).
pub fn pot_path(scenario: &Path) -> PathBuf {
    scenario.with_extension("pot")
}

/// The text of the translation of scenario file `file` (as the library names it) into `lang`:
/// the PO file beside it, else the built-in one of the shipped scenario of that name. `None`
/// when there is none.
pub fn po_text(file: &str, lang: &str) -> Option<String> {
    let path = po_path(Path::new(file), lang);
    if let Ok(meta) = std::fs::metadata(&path)
        && meta.len() <= MAX_PO_BYTES as u64
        && let Ok(text) = std::fs::read_to_string(&path)
    {
        return Some(text);
    }
    // A shipped scenario anywhere (a trainer's copy, a competition downloaded from a hub) gets
    // the built-in translation: an entry is used only where its source text is the file's own,
    // so a scenario that differs falls back to its own words line by line.
    let stem = Path::new(file).file_stem()?.to_string_lossy().into_owned();
    builtin_po_text(&stem, lang).map(str::to_string)
}

/// The built-in translation into `lang` of the shipped scenario whose file is `stem.ron`.
pub fn builtin_po_text(stem: &str, lang: &str) -> Option<&'static str> {
    let po = format!("{stem}.{lang}.po");
    BUILTIN_PO.iter().find(|(n, _)| *n == po).map(|(_, t)| *t)
}

pub use peercall_dialogue::messages::pseudo;

/// How a script was translated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Texts translated.
    pub translated: usize,
    /// Texts left in the source language (no entry, or a stale one).
    pub missing: usize,
}

/// `script` in `lang` with the translation `po` (a PO file's text; the pseudo-locale needs
/// none). With `mark`, every text left in the source language is marked `[en] ` (for trainers
/// checking a translation).
pub fn translate(
    script: &Script,
    lang: &str,
    po: Option<&str>,
    mark: bool,
) -> Result<(Script, Coverage), Error> {
    let tr = match (lang, po) {
        (PSEUDO, _) | (SOURCE, _) => None,
        (_, Some(text)) => Some(Translation::parse(
            &format!("{}.{lang}.po", script.id()),
            text,
            lang,
        )?),
        (_, None) => None,
    };
    let mut cov = Coverage::default();
    let out = script.translated(&mut |id, source| {
        let t = match (lang, &tr) {
            (SOURCE, _) => return None,
            (PSEUDO, _) => Some(pseudo(source)),
            (_, Some(tr)) => tr.get(id, source).map(str::to_string),
            (_, None) => None,
        };
        match t {
            Some(t) => {
                cov.translated += 1;
                Some(t)
            }
            None => {
                cov.missing += 1;
                mark.then(|| format!("[{SOURCE}] {source}"))
            }
        }
    });
    Ok((out, cov))
}

/// The line (1-based) of a byte offset in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn comments(u: &Unit) -> String {
    let mut c = u.speaker.label().to_string();
    if let Some(n) = &u.node {
        c.push_str(&format!(" · at {n}"));
    }
    if let Some(s) = &u.signal {
        c.push_str(&format!(" · signal: {s}"));
    }
    c.push('\n');
    c.push_str(&u.note);
    c
}

/// A language's file brought up to date by [`template`]: its text, and what became of the old
/// translations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Template {
    /// The PO (or POT) file's text.
    pub text: String,
    /// Translations found again under a new id, by their unchanged source text (a line that
    /// moved or was renamed), marked fuzzy for the translator to confirm.
    pub moved: usize,
    /// Translations of lines the scenario no longer has, kept at the end as obsolete (`#~`).
    pub obsolete: usize,
}

/// The template (`.pot`) for a scenario: one entry per text, with its id as the context, who
/// says it, the node, the signal, a note and where it is in `file`. With `previous`, a PO file's
/// name and text, that language's file is brought up to date the way gettext's `msgmerge` does
/// it, and no translation is lost:
/// - a translation whose source is unchanged is kept;
/// - one whose source changed is kept and marked fuzzy, for the translator to fix;
/// - a line with a new id whose source text was translated under an old id (it moved, or was
///   renamed) gets that translation, marked fuzzy;
/// - the translation of a line that is gone is kept at the end as obsolete (`#~`), and comes back
///   when a line of that id does.
pub fn template(
    script: &Script,
    source: &str,
    file: &str,
    lang: Option<&str>,
    previous: Option<(&str, &str)>,
) -> Result<Template, Error> {
    let (old_header, old_entries) = match previous {
        Some((name, text)) => po::parse_with_header(name, text)?,
        None => Default::default(),
    };
    let translated = |m: &po::Entry| m.context.is_some() && !m.text.is_empty();
    let id_of = |i: usize| old_entries[i].context.as_deref().unwrap_or_default();
    // By id, the index of its old entry: a current one before an obsolete one.
    let mut old: HashMap<&str, usize> = HashMap::new();
    for (i, m) in old_entries.iter().enumerate() {
        let current = old
            .get(id_of(i))
            .is_some_and(|&had| !old_entries[had].obsolete);
        if translated(m) && !current {
            old.insert(id_of(i), i);
        }
    }
    let units = units_located(script.scenario(), source);
    let ids: HashSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
    // Translations whose id is gone, in the old file's order (the output does not depend on a
    // map's order), and by their source text: where a moved line is found again.
    let mut gone: Vec<usize> = old
        .iter()
        .filter(|(id, _)| !ids.contains(*id))
        .map(|(_, &i)| i)
        .collect();
    gone.sort_unstable();
    let mut orphans: HashMap<&str, usize> = HashMap::new();
    for &i in &gone {
        orphans.entry(old_entries[i].id.as_str()).or_insert(i);
    }
    let mut used: HashSet<usize> = HashSet::new();
    let mut moved = 0;
    let mut entries: Vec<po::Entry> = units
        .iter()
        .map(|u| {
            // The translation, whether it is to be checked, and the source it was made from
            // (for a translator's tool to show what changed): the one the entry already names
            // if it was waiting for a check, else its old source.
            let (text, fuzzy, previous) = match old.get(u.id.as_str()) {
                Some(&i) => {
                    let m = &old_entries[i];
                    let changed = m.id != u.text;
                    let previous = match (&m.previous, m.fuzzy, changed) {
                        (Some(p), true, _) => Some(p.clone()),
                        (_, _, true) => Some(m.id.clone()),
                        _ => None,
                    };
                    (m.text.clone(), changed || m.fuzzy, previous)
                }
                None => match orphans.get(u.text.as_str()) {
                    Some(&i) if used.insert(i) => {
                        moved += 1;
                        (old_entries[i].text.clone(), true, None)
                    }
                    _ => (String::new(), false, None),
                },
            };
            po::Entry {
                context: Some(u.id.clone()),
                id: u.text.clone(),
                text,
                fuzzy,
                notes: comments(u).lines().map(str::to_string).collect(),
                references: u
                    .offset
                    .map(|at| format!("{file}:{}", line_of(source, at)))
                    .into_iter()
                    .collect(),
                line: 0,
                obsolete: false,
                previous,
            }
        })
        .collect();
    // What is left of the old translations is kept, in the old file's order.
    gone.retain(|i| !used.contains(i));
    let obsolete = gone.len();
    entries.extend(gone.into_iter().map(|i| po::Entry {
        obsolete: true,
        notes: Vec::new(),
        references: Vec::new(),
        ..old_entries[i].clone()
    }));
    // The header gettext's tools expect. What the translator's tool wrote there (their name and
    // team, the revision date, plural forms, its own fields) is kept; the fields peercall owns
    // are written anew.
    let ours = [
        (
            "Project-Id-Version",
            format!("peercall scenario {}", script.id()),
        ),
        ("MIME-Version", "1.0".to_string()),
        ("Content-Type", "text/plain; charset=UTF-8".to_string()),
        ("Content-Transfer-Encoding", "8bit".to_string()),
        ("Language", lang.unwrap_or_default().to_string()),
    ];
    let mut header: Vec<(String, String)> = ours
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let placeholders = [
        ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
        ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
        ("Language-Team", "LANGUAGE <LL@li.org>"),
    ];
    for (k, v) in &old_header {
        if !ours.iter().any(|(o, _)| o.eq_ignore_ascii_case(k)) {
            header.push((k.clone(), v.clone()));
        }
    }
    // A template carries gettext's placeholders for them, as xgettext writes one; a
    // translator's tool fills them in.
    if lang.is_none() {
        for (k, v) in placeholders {
            if !header.iter().any(|(h, _)| h.eq_ignore_ascii_case(k)) {
                header.push((k.to_string(), v.to_string()));
            }
        }
    }
    Ok(Template {
        text: po::write(&header, &entries),
        moved,
        obsolete,
    })
}

/// What is wrong with one entry of a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A text of the scenario has no translation (or an empty one).
    Missing,
    /// The entry was translated from a source text that has changed since (or is fuzzy).
    Stale,
    /// The entry names a line the scenario does not have.
    Unknown,
}

impl Problem {
    /// Its code in messages.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Missing => "missing",
            Problem::Stale => "stale",
            Problem::Unknown => "unknown",
        }
    }
}

/// One finding of [`check`]: where (file and line), what, and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The file to fix: the scenario for a missing line, the PO file otherwise.
    pub file: String,
    /// Its line (1-based).
    pub line: usize,
    /// What is wrong.
    pub problem: Problem,
    /// The line's id.
    pub id: String,
    /// What to do.
    pub message: String,
}

/// Checks the translation `po` (the text of `po_file`) of the scenario `script`, parsed from
/// `source` in `file`: every text missing, stale or unknown, in file order.
pub fn check(
    script: &Script,
    source: &str,
    file: &str,
    po: &str,
    po_file: &str,
) -> Result<Vec<Finding>, Error> {
    let entries = po::parse(po_file, po)?;
    let units = units_located(script.scenario(), source);
    let by_id: HashMap<&str, &Unit> = units.iter().map(|u| (u.id.as_str(), u)).collect();
    let mut seen: HashMap<String, ()> = HashMap::new();
    let mut out = Vec::new();
    for m in entries.iter().filter(|m| !m.obsolete) {
        let Some(id) = m.context.as_deref() else {
            continue;
        };
        seen.insert(id.to_string(), ());
        let line = m.line;
        match by_id.get(id) {
            None => out.push(Finding {
                file: po_file.into(),
                line,
                problem: Problem::Unknown,
                id: id.into(),
                message: say(
                    "core-i18n-unknown",
                    &[
                        ("id", crate::untrusted::clip(id, 80).as_ref().into()),
                        ("scenario", script.id().into()),
                    ],
                ),
            }),
            Some(u) if m.text.is_empty() => out.push(Finding {
                file: po_file.into(),
                line,
                problem: Problem::Missing,
                id: id.into(),
                message: say("core-i18n-untranslated", &[("id", u.id.as_str().into())]),
            }),
            Some(u) if m.id != u.text || m.fuzzy => out.push(Finding {
                file: po_file.into(),
                line,
                problem: Problem::Stale,
                id: id.into(),
                message: if m.id != u.text {
                    say(
                        "core-i18n-stale",
                        &[
                            ("id", u.id.as_str().into()),
                            ("now", crate::untrusted::clip(&u.text, 120).as_ref().into()),
                        ],
                    )
                } else {
                    say("core-i18n-fuzzy", &[("id", u.id.as_str().into())])
                },
            }),
            Some(_) => {}
        }
    }
    for u in &units {
        if !seen.contains_key(&u.id) {
            out.push(Finding {
                file: file.into(),
                line: u.offset.map_or(1, |o| line_of(source, o)),
                problem: Problem::Missing,
                id: u.id.clone(),
                message: say(
                    "core-i18n-no-entry",
                    &[("id", u.id.as_str().into()), ("file", po_file.into())],
                ),
            });
        }
    }
    out.sort_by(|a, b| (a.file.as_str(), a.line).cmp(&(b.file.as_str(), b.line)));
    Ok(out)
}

/// The languages with a translation file beside the scenario files in `dir` (or beside the one
/// file `dir` names), sorted.
pub fn languages(dir: &Path) -> Result<Vec<String>, Error> {
    let (folder, only) = if dir.is_dir() {
        (dir.to_path_buf(), None)
    } else {
        (
            dir.parent().map(Path::to_path_buf).unwrap_or_default(),
            dir.file_stem().map(|s| s.to_string_lossy().into_owned()),
        )
    };
    let mut langs: Vec<String> = std::fs::read_dir(&folder)
        .map_err(Error::io(say(
            "core-cannot-read",
            &[("path", folder.display().to_string().into())],
        )))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_suffix(".po")?;
            let (stem, lang) = rest.rsplit_once('.')?;
            if only.as_deref().is_some_and(|o| o != stem) || !valid_lang(lang) {
                return None;
            }
            Some(lang.to_string())
        })
        .collect();
    langs.sort();
    langs.dedup();
    Ok(langs)
}

/// The languages the built-in scenarios are translated into.
pub fn builtin_languages() -> Vec<String> {
    let mut langs: Vec<String> = BUILTIN_PO
        .iter()
        .filter_map(|(n, _)| {
            n.strip_suffix(".po")?
                .rsplit_once('.')
                .map(|(_, l)| l.to_string())
        })
        .collect();
    langs.sort();
    langs.dedup();
    langs
}

/// The language a player asked for, as stored: `pseudo` is the pseudo-locale's tag; an invalid
/// code is refused with what is wrong.
pub fn parse_lang(lang: &str) -> Result<String, Error> {
    let l = lang.trim();
    if l.eq_ignore_ascii_case("pseudo") {
        return Ok(PSEUDO.to_string());
    }
    if !valid_lang(l) {
        return Err(Error::Invalid(say(
            "core-bad-lang",
            &[("lang", crate::untrusted::clip(l, 20).as_ref().into())],
        )));
    }
    Ok(l.to_string())
}
