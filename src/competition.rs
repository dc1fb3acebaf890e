//! Competitions: a RON file naming scenarios with a fixed seed each, the scenario versions it
//! accepts, the attempts allowed and the dates; checked against the scenarios on hand.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::library::Library;

/// A competition file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Competition")]
pub struct Competition {
    /// Short id, used in the records and `peercall board --competition`.
    pub id: String,
    /// Name shown to players.
    pub name: String,
    /// First day (YYYY-MM-DD, UTC), if any.
    #[serde(default)]
    pub starts: Option<String>,
    /// Last day (YYYY-MM-DD, UTC, inclusive), if any.
    #[serde(default)]
    pub ends: Option<String>,
    /// Attempts each player has per scenario.
    #[serde(default = "one")]
    pub attempts: u32,
    /// The calls, each with its seed and the scenario version (content hash) accepted.
    pub scenarios: Vec<Entry>,
}

fn one() -> u32 {
    1
}

/// One scenario of a competition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Scenario id.
    pub id: String,
    /// The seed every attempt uses.
    pub seed: u64,
    /// Content hashes accepted (`peercall compete FILE --list` prints the current ones); empty
    /// accepts any version.
    #[serde(default)]
    pub hashes: Vec<String>,
}

/// A competition scenario resolved against a library.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// Index in the library.
    pub index: usize,
    /// The fixed seed.
    pub seed: u64,
}

impl Competition {
    /// Loads a competition file, with positioned errors.
    pub fn load(path: &Path) -> Result<Competition, String> {
        let shown = path.display().to_string();
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
        peercall_dialogue::load::parse_as::<Competition>(&shown, &text)
            .map_err(|d| d.render(&text, false))
    }

    /// Whether `today` (YYYY-MM-DD) is within the dates; `Err` says why not.
    pub fn open_on(&self, today: &str) -> Result<(), String> {
        if let Some(s) = &self.starts
            && today < s.as_str()
        {
            return Err(format!("{} starts on {s}", self.name));
        }
        if let Some(e) = &self.ends
            && today > e.as_str()
        {
            return Err(format!("{} ended on {e}", self.name));
        }
        Ok(())
    }

    /// Finds every scenario in `library`; a scenario that is missing or whose content changed
    /// since the competition was set up is refused, with a message.
    pub fn resolve(&self, library: &Library) -> Result<Vec<Resolved>, String> {
        let mut out = Vec::new();
        let mut problems = Vec::new();
        for e in &self.scenarios {
            match library.find(&e.id) {
                None => problems.push(format!("scenario `{}` is not available", e.id)),
                Some(i) => {
                    let hash = library.entries[i].script().expect("playable").hash();
                    if !e.hashes.is_empty()
                        && !e.hashes.iter().any(|h| hash.starts_with(h.as_str()))
                    {
                        problems.push(format!(
                            "scenario `{}` has changed since the competition was set up (its hash is now {}); \
                             results with this version would not count",
                            e.id,
                            &hash[..12]
                        ));
                    } else {
                        out.push(Resolved {
                            index: i,
                            seed: e.seed,
                        });
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(format!("{}: {}", self.name, problems.join("; ")))
        }
    }
}

/// Today's date as YYYY-MM-DD (UTC).
pub fn today() -> String {
    humantime::format_rfc3339(std::time::SystemTime::now()).to_string()[..10].to_string()
}

/// Only the competition's calls, in its order, and their seeds re-indexed to that list.
pub fn narrow(library: &Library, entries: &[Resolved]) -> (Library, Vec<Resolved>) {
    let mut only = Library::default();
    let mut resolved = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        only.entries.push(library.entries[e.index].clone());
        resolved.push(Resolved {
            index: i,
            seed: e.seed,
        });
    }
    (only, resolved)
}
