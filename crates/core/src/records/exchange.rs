//! Export and import: the records file format, and an import that replays every result
//! through the scenario version it names before it counts.

use std::path::{Path, PathBuf};

use peercall_dialogue::Script;

use serde::{Deserialize, Serialize};

use super::{MAX_EXPORT_BYTES, Record, Store, validate};
use crate::Error;
use crate::library::Library;
use crate::words::say;

/// The file `records export` writes and `records import` reads.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Export {
    /// Always `peercall-records`.
    pub format: String,
    /// Format version.
    pub version: u32,
    /// The results.
    pub records: Vec<Record>,
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    /// Results verified and added.
    pub added: usize,
    /// Results already in the records.
    pub duplicates: usize,
    /// Results rejected, with the reason.
    pub rejected: Vec<Rejected>,
}

/// A result an import rejected.
#[derive(Debug, Clone, Serialize)]
pub struct Rejected {
    /// The file it was in.
    pub file: String,
    /// Its id (clipped).
    pub id: String,
    /// Why it was rejected.
    pub reason: String,
}

/// Whether `file` is the database at `db` or one of its side files (`-wal`, `-shm`).
pub fn is_part_of(db: &Path, file: &Path) -> bool {
    let canon = |p: &Path| {
        let dir = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::canonicalize(dir)
            .ok()
            .zip(p.file_name())
            .map(|(d, n)| d.join(n))
    };
    let (Some(db), Some(file)) = (canon(db), canon(file)) else {
        return false;
    };
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .any(|ext| file.as_os_str() == format!("{}{ext}", db.display()).as_str())
}

/// Whether a competition result is one of its player's own calls (see [`import`]).
fn own_call(
    r: &Record,
    script: &Script,
    competitions: &[crate::competition::Competition],
) -> Result<(), Error> {
    let Some(id) = &r.competition else {
        return Ok(());
    };
    let shown_id = crate::untrusted::terminal(&crate::untrusted::clip(id, 64)).into_owned();
    match competitions.iter().find(|c| &c.id == id) {
        None => Err(Error::Unverified(say(
            "core-rec-unknown-competition",
            &[("competition", shown_id.as_str().into())],
        ))),
        Some(c) if !c.is_players_seed(script, &r.player, r.seed) => Err(Error::Unverified(say(
            "core-rec-not-their-seed",
            &[
                ("seed", r.seed.to_string().into()),
                (
                    "name",
                    crate::untrusted::terminal(&crate::untrusted::clip(&r.player, 64))
                        .as_ref()
                        .into(),
                ),
                ("competition", shown_id.as_str().into()),
            ],
        ))),
        Some(_) => Ok(()),
    }
}

/// Imports export files: every result is checked field by field and replayed through the
/// scenario version it names (found by content hash in `library`); what does not reproduce is
/// rejected with the reason. Verified results are written in batches, one transaction each.
///
/// A result played in a competition imports only with that competition's file among
/// `competitions`, and only if its seed is one of that player's own calls: so no one's score
/// counts a call they chose or took from someone else.
pub fn import(
    store: &Store,
    files: &[PathBuf],
    library: &Library,
    competitions: &[crate::competition::Competition],
) -> Result<ImportReport, Error> {
    let mut report = ImportReport::default();
    let scripts: Vec<&Script> = library.entries.iter().filter_map(|e| e.script()).collect();
    for file in files {
        let shown = file.display().to_string();
        if is_part_of(store.path(), file) {
            return Err(Error::Invalid(say(
                "core-rec-import-itself",
                &[("file", shown.as_str().into())],
            )));
        }
        let size = std::fs::metadata(file)
            .map_err(Error::io(say(
                "core-cannot-read",
                &[("path", shown.as_str().into())],
            )))?
            .len();
        if size > MAX_EXPORT_BYTES {
            return Err(Error::Invalid(say(
                "core-rec-import-too-large",
                &[
                    ("file", shown.as_str().into()),
                    ("megabytes", (MAX_EXPORT_BYTES >> 20).to_string().into()),
                ],
            )));
        }
        let text = std::fs::read_to_string(file).map_err(Error::io(say(
            "core-cannot-read",
            &[("path", shown.as_str().into())],
        )))?;
        import_text(store, &shown, &text, &scripts, competitions, &mut report)?;
    }
    Ok(report)
}

/// Reads a records export's `text` (named `shown` in messages), bounded in size, with the line
/// and column of a syntax error. The results in it are not verified yet.
pub fn parse_export(shown: &str, text: &str) -> Result<Export, Error> {
    if text.len() as u64 > MAX_EXPORT_BYTES {
        return Err(Error::Invalid(say(
            "core-rec-import-too-large",
            &[
                ("file", shown.into()),
                ("megabytes", (MAX_EXPORT_BYTES >> 20).to_string().into()),
            ],
        )));
    }
    let export: Export = serde_json::from_str(text).map_err(|e| {
        Error::Invalid(format!(
            "{shown}:{}:{}: {}: {}",
            e.line(),
            e.column(),
            say("core-rec-not-records", &[]),
            crate::untrusted::clip(&e.to_string(), 200)
        ))
    })?;
    if export.format != "peercall-records" {
        return Err(Error::Invalid(format!(
            "{shown}: {}",
            say("core-rec-not-records", &[])
        )));
    }
    Ok(export)
}

/// Imports the records export `text` (named `shown` in messages: a file, or what a browser's
/// player picked), each result verified as [`import`] does; counts what happened in `report`.
pub fn import_text(
    store: &Store,
    shown: &str,
    text: &str,
    scripts: &[&Script],
    competitions: &[crate::competition::Competition],
    report: &mut ImportReport,
) -> Result<(), Error> {
    const BATCH: usize = 2_000;
    let export = parse_export(shown, text)?;
    let mut batch = Vec::new();
    for r in export.records {
        let verdict = validate(&r)
            .and_then(|()| {
                let script = scripts
                    .iter()
                    .find(|s| s.hash() == r.scenario_hash)
                    // Results recorded by peercall 0.1 name the scenario by its old hash.
                    .or_else(|| scripts.iter().find(|s| s.legacy_hash() == r.scenario_hash));
                match script {
                    None => Err(Error::Unverified(say(
                        "core-rec-unknown-version",
                        &[
                            (
                                "scenario",
                                crate::untrusted::terminal(&crate::untrusted::clip(
                                    &r.scenario,
                                    64,
                                ))
                                .as_ref()
                                .into(),
                            ),
                            (
                                "hash",
                                crate::untrusted::terminal(&crate::untrusted::clip(
                                    &r.scenario_hash,
                                    12,
                                ))
                                .as_ref()
                                .into(),
                            ),
                        ],
                    ))),
                    Some(s) => r.verify(s).and_then(|()| own_call(&r, s, competitions)),
                }
            })
            .and_then(|()| {
                // Last: the id must be the one its content gives, so a relabelled copy of a
                // result is still the same result.
                if r.content_id() == r.id {
                    Ok(())
                } else {
                    Err(Error::Unverified(say("core-rec-edited", &[])))
                }
            });
        match verdict {
            Err(why) => report.rejected.push(Rejected {
                file: shown.to_string(),
                id: crate::untrusted::clip(&r.id, 40).into_owned(),
                reason: why.to_string(),
            }),
            Ok(()) => batch.push(r),
        }
        if batch.len() >= BATCH {
            let (added, dups) = store.record_many(&batch, true)?;
            report.added += added;
            report.duplicates += dups;
            batch.clear();
        }
    }
    let (added, dups) = store.record_many(&batch, true)?;
    report.added += added;
    report.duplicates += dups;
    Ok(())
}
