//! A published competition as the hub uses it: parsed, checked and compiled once per version,
//! with the files its players download already written out, so no request parses a scenario.

use std::sync::Arc;

use peercall_core::competition::{Competition, Resolved};
use peercall_core::library::Library;
use serde_json::json;

use crate::storage::{Published, ScenarioFile};

/// A competition file and its scenarios, parsed, checked and resolved.
pub struct Ready {
    /// The competition.
    pub competition: Competition,
    /// Its scenarios, compiled.
    pub library: Library,
    /// Each of the competition's calls and the scenario that plays it.
    pub entries: Vec<Resolved>,
    /// What `GET /api/competitions/ID/files` answers, as JSON text (built once).
    pub files: Arc<str>,
}

/// Parses, checks and compiles a competition file with its scenario files. `Err` says what is
/// wrong, as the compiler says it. A scenario id given twice is refused: which copy the hub
/// kept would depend on the database, and players could be served a version nobody checked.
pub fn ready(file: &str, scenarios: &[String]) -> Result<(Ready, Vec<ScenarioFile>), String> {
    let competition = peercall_dialogue::load::parse_as::<Competition>("competition.ron", file)
        .map_err(|d| d.render(file, false))?;
    let findings = competition.check("competition.ron", file);
    if let Some(d) = findings.first() {
        return Err(d.render(file, false));
    }
    let checked: Vec<_> = scenarios
        .iter()
        .enumerate()
        .map(|(i, t)| peercall_dialogue::load_str(&format!("scenario-{}.ron", i + 1), t))
        .collect();
    if let Some(c) = checked.iter().find(|c| c.has_errors()) {
        return Err(c.render_ascii());
    }
    let mut files: Vec<ScenarioFile> = Vec::with_capacity(scenarios.len());
    for (c, text) in checked.iter().zip(scenarios) {
        let id = c
            .scenario
            .as_ref()
            .map(|s| s.id.clone())
            .unwrap_or_default();
        if files.iter().any(|f| f.id == id) {
            return Err(crate::lang::client().f(
                "hub-err-same-scenario-twice",
                &[("scenario", id.as_str().into())],
            ));
        }
        files.push(ScenarioFile {
            id,
            text: text.clone(),
        });
    }
    let library = Library::from_checked(checked);
    let entries = competition.resolve(&library).map_err(|e| e.to_string())?;
    let files_json = files_json(&competition.id, file, &library, &entries, &files);
    Ok((
        Ready {
            competition,
            library,
            entries,
            files: files_json,
        },
        files,
    ))
}

/// A stored competition made ready again (after a restart, or another hub republished it).
pub fn from_stored(p: &Published) -> Result<Ready, String> {
    let texts: Vec<String> = p.scenarios.iter().map(|s| s.text.clone()).collect();
    ready(&p.file, &texts).map(|(r, _)| r)
}

/// The competition file and each scenario file with the hash results are verified against.
fn files_json(
    id: &str,
    file: &str,
    library: &Library,
    entries: &[Resolved],
    files: &[ScenarioFile],
) -> Arc<str> {
    let scenarios: Vec<serde_json::Value> = entries
        .iter()
        .filter_map(|e| {
            let script = library.entries[e.index].script()?;
            let text = &files.iter().find(|f| f.id == e.scenario)?.text;
            Some(json!({ "id": e.scenario, "text": text, "hash": script.hash() }))
        })
        .collect();
    json!({ "id": id, "competition": file, "scenarios": scenarios })
        .to_string()
        .into()
}
