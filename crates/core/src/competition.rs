//! Competitions: a RON file naming scenarios with a base seed each (every player's calls are
//! drawn from it), the scenario versions it accepts, the attempts allowed and the dates; checked
//! against the scenarios on hand.

use crate::Error;
use crate::words::say;
use std::path::Path;
use std::time::SystemTime;

use peercall_dialogue::load::Locator;
use peercall_dialogue::{Diagnostic, Severity};
use serde::{Deserialize, Serialize};

use crate::library::Library;

/// Largest competition file read.
pub const MAX_FILE_BYTES: u64 = 256 << 10;
/// Most attempts a competition may give.
pub const MAX_ATTEMPTS: u32 = 100;
/// Most scenarios in one competition.
pub const MAX_SCENARIOS: usize = 200;

/// Whether `id` can name a competition: 1 to 64 letters, digits, `-`, `_` or `.`, and not `*`
/// (which names the overall board). `Err` completes the sentence "the competition id ...".
pub fn valid_id(id: &str) -> Result<(), Error> {
    if id.is_empty() {
        return Err(Error::Invalid(say("core-id-empty", &[])));
    }
    if id.chars().count() > 64 {
        return Err(Error::Invalid(say("core-id-too-long", &[])));
    }
    if !id
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(Error::Invalid(say(
            "core-id-chars",
            &[(
                "id",
                crate::untrusted::terminal(&crate::untrusted::clip(id, 40))
                    .as_ref()
                    .into(),
            )],
        )));
    }
    Ok(())
}

/// A `YYYY-MM-DD` date (a real calendar day), as midnight UTC.
pub(crate) fn date(s: &str) -> Option<SystemTime> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    humantime::parse_rfc3339(&format!("{s}T00:00:00Z")).ok()
}

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
    /// Present when the competition is a certification: pass marks, rules on the signals, the
    /// due date and how long a pass is valid ([`crate::certification`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification: Option<crate::certification::Certification>,
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
    /// The scenario's base seed: each player's calls are drawn from it, the competition and the
    /// player's name ([`player_seed`]).
    pub seed: u64,
    /// Content hashes accepted (`peercall compete FILE --list` prints the current ones); empty
    /// accepts any version.
    #[serde(default)]
    pub hashes: Vec<String>,
    /// In a certification, this call's pass mark (0-100; default: the certification's
    /// `call_pass`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass: Option<u32>,
}

/// A competition scenario resolved against a library.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// Index in the library it was resolved against.
    pub index: usize,
    /// The scenario's id (what survives the library being reloaded or narrowed).
    pub scenario: String,
    /// The base seed each player's calls are drawn from ([`player_seed`]).
    pub seed: u64,
}

impl Competition {
    /// Loads a competition file, with positioned errors for its syntax and its meaning.
    pub fn load(path: &Path) -> Result<Competition, Error> {
        let shown = path.display().to_string();
        let size = std::fs::metadata(path)
            .map_err(Error::io(say(
                "core-cannot-read",
                &[("path", shown.as_str().into())],
            )))?
            .len();
        if size > MAX_FILE_BYTES {
            return Err(Error::Invalid(say(
                "core-competition-too-large",
                &[
                    ("file", shown.as_str().into()),
                    ("size", (size >> 10).to_string().into()),
                    ("max", (MAX_FILE_BYTES >> 10).to_string().into()),
                ],
            )));
        }
        let text = std::fs::read_to_string(path).map_err(Error::io(say(
            "core-cannot-read",
            &[("path", shown.as_str().into())],
        )))?;
        Competition::from_text(&shown, &text)
    }

    /// Reads a competition file's `text` (named `shown` in messages), with positioned errors for
    /// its syntax and its meaning.
    pub fn from_text(shown: &str, text: &str) -> Result<Competition, Error> {
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(Error::Invalid(say(
                "core-competition-too-large",
                &[
                    ("file", shown.into()),
                    ("size", (text.len() >> 10).to_string().into()),
                    ("max", (MAX_FILE_BYTES >> 10).to_string().into()),
                ],
            )));
        }
        let lang = crate::words::current().lang();
        let competition = peercall_dialogue::load::parse_as::<Competition>(shown, text)
            .map_err(|d| Error::Invalid(d.localized(lang).render(text, false)))?;
        let findings = competition.check(shown, text);
        if findings.is_empty() {
            Ok(competition)
        } else {
            Err(Error::Invalid(
                findings
                    .iter()
                    .map(|d| d.render(text, false))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ))
        }
    }

    /// What makes no sense in the file: bad ids and dates, ends before starts, no attempts, no
    /// or repeated scenarios, empty or malformed hashes, overlong texts. Each finding points at
    /// its place in `text`.
    pub fn check(&self, file: &str, text: &str) -> Vec<Diagnostic> {
        let loc = Locator::new(text);
        let mut out = Vec::new();
        // Said in the current language as they are found (`help` is a message key, or empty).
        let mut push =
            |code: &'static str, msg: String, span: Option<std::ops::Range<usize>>, help: &str| {
                let mut d =
                    Diagnostic::at(Severity::Error, code, msg, file, text, span.unwrap_or(0..0))
                        .with_label(say("core-label-here", &[]));
                if !help.is_empty() {
                    d = d.with_help(say(help, &[]));
                }
                out.push(d);
            };
        let top = |field: &str| loc.field_after(field, 0);
        if let Err(e) = valid_id(&self.id) {
            push(
                "competition-id",
                say("core-competition-id", &[("why", e.to_string().into())]),
                top("id"),
                "core-competition-id-help",
            );
        }
        if self.name.trim().is_empty()
            || self.name.chars().count() > 100
            || self.name.chars().any(char::is_control)
        {
            push(
                "bad-name",
                say("core-competition-name", &[]),
                top("name"),
                "",
            );
        }
        for (field, value) in [("starts", &self.starts), ("ends", &self.ends)] {
            if let Some(v) = value
                && date(v).is_none()
            {
                push(
                    "bad-date",
                    say(
                        "core-competition-date",
                        &[
                            ("field", field.into()),
                            (
                                "value",
                                peercall_dialogue::diagnostic::clip(v, 40).as_ref().into(),
                            ),
                        ],
                    ),
                    top(field),
                    "core-competition-date-help",
                );
            }
        }
        let day = |value: &Option<String>| value.as_deref().and_then(date);
        if let (Some(s), Some(e)) = (day(&self.starts), day(&self.ends))
            && e < s
        {
            push(
                "date-order",
                say("core-competition-date-order", &[]),
                top("ends"),
                "",
            );
        }
        if !(1..=MAX_ATTEMPTS).contains(&self.attempts) {
            push(
                "bad-attempts",
                say(
                    "core-competition-attempts",
                    &[
                        ("max", MAX_ATTEMPTS.to_string().into()),
                        ("value", self.attempts.to_string().into()),
                    ],
                ),
                top("attempts"),
                "",
            );
        }
        let list_at = top("scenarios").map_or(0, |r| r.start);
        if self.scenarios.is_empty() {
            push(
                "no-scenarios",
                say("core-competition-no-scenarios", &[]),
                top("scenarios"),
                "core-competition-no-scenarios-help",
            );
        }
        if self.scenarios.len() > MAX_SCENARIOS {
            push(
                "too-many",
                say(
                    "core-competition-too-many",
                    &[("max", MAX_SCENARIOS.to_string().into())],
                ),
                top("scenarios"),
                "",
            );
        }
        let mut seen = std::collections::HashSet::new();
        for (i, e) in self.scenarios.iter().enumerate().take(MAX_SCENARIOS) {
            let at = loc.nth_field_after("id", list_at, i);
            if e.id.trim().is_empty()
                || e.id.chars().count() > 64
                || e.id.chars().any(char::is_control)
            {
                push(
                    "bad-scenario",
                    say("core-competition-scenario-id", &[]),
                    at.clone(),
                    "",
                );
            } else if !seen.insert(e.id.as_str()) {
                push(
                    "duplicate-id",
                    say(
                        "core-competition-twice",
                        &[(
                            "id",
                            peercall_dialogue::diagnostic::clip(&e.id, 60)
                                .as_ref()
                                .into(),
                        )],
                    ),
                    at.clone(),
                    "core-competition-twice-help",
                );
            }
            let hashes_at = at.as_ref().and_then(|r| loc.field_after("hashes", r.start));
            if e.hashes.len() > 100 {
                push(
                    "bad-hash",
                    say("core-competition-hashes", &[]),
                    hashes_at.clone(),
                    "",
                );
            }
            for h in e.hashes.iter().take(100) {
                if !(6..=64).contains(&h.len()) || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
                    push(
                        "bad-hash",
                        say(
                            "core-competition-hash",
                            &[(
                                "hash",
                                peercall_dialogue::diagnostic::clip(h, 20).as_ref().into(),
                            )],
                        ),
                        hashes_at.clone(),
                        "core-competition-hash-help",
                    );
                }
            }
            if e.pass.is_some_and(|p| p > 100) || (e.pass.is_some() && self.certification.is_none())
            {
                let pass_at = at.as_ref().and_then(|r| loc.field_after("pass", r.start));
                push("bad-pass", say("core-cert-entry-pass", &[]), pass_at, "");
            }
        }
        if let Some(cert) = &self.certification {
            let cert_at = top("certification").map_or(0, |r| r.start);
            for (code, msg, field) in cert.findings(self) {
                push(code, msg, loc.field_after(field, cert_at), "");
            }
        }
        out
    }

    /// Whether `seed` is one of `player`'s own calls of `script`'s scenario in this competition
    /// (one per attempt): what keeps anyone from playing someone else's call, or a seed of
    /// their choosing.
    pub fn is_players_seed(
        &self,
        script: &peercall_dialogue::Script,
        player: &str,
        seed: u64,
    ) -> bool {
        self.scenarios
            .iter()
            .filter(|e| e.id == script.id())
            .any(|e| {
                (0..self.attempts).any(|a| player_seed(&self.id, script, e.seed, player, a) == seed)
            })
    }

    /// Whether `today` (YYYY-MM-DD) is within the dates; `Err` says why not.
    pub fn open_on(&self, today: &str) -> Result<(), Error> {
        if let Some(s) = &self.starts
            && today < s.as_str()
        {
            return Err(Error::Competition(say(
                "core-competition-not-started",
                &[
                    ("name", self.name.as_str().into()),
                    ("date", s.as_str().into()),
                ],
            )));
        }
        if let Some(e) = &self.ends
            && today > e.as_str()
        {
            return Err(Error::Competition(say(
                "core-competition-ended",
                &[
                    ("name", self.name.as_str().into()),
                    ("date", e.as_str().into()),
                ],
            )));
        }
        Ok(())
    }

    /// Finds every scenario in `library`; a scenario that is missing or whose content changed
    /// since the competition was set up is refused, with a message.
    pub fn resolve(&self, library: &Library) -> Result<Vec<Resolved>, Error> {
        let mut out = Vec::new();
        let mut problems = Vec::new();
        for e in &self.scenarios {
            match library.find(&e.id) {
                None => problems.push(say(
                    "core-competition-missing",
                    &[("id", e.id.as_str().into())],
                )),
                Some(i) => {
                    let script = library.entries[i].script().expect("playable");
                    let hash = script.hash();
                    let old = e
                        .hashes
                        .iter()
                        .find(|h| !h.is_empty() && script.legacy_hash().starts_with(h.as_str()));
                    if !e.hashes.is_empty() && !e.hashes.iter().any(|h| script.matches_hash(h)) {
                        problems.push(match old {
                            Some(old) => say(
                                "core-competition-old-hash",
                                &[
                                    ("id", e.id.as_str().into()),
                                    ("old", old.as_str().into()),
                                    ("hash", (&hash[..12]).into()),
                                ],
                            ),
                            None => say(
                                "core-competition-changed",
                                &[("id", e.id.as_str().into()), ("hash", (&hash[..12]).into())],
                            ),
                        });
                    } else {
                        out.push(Resolved {
                            index: i,
                            scenario: e.id.clone(),
                            seed: e.seed,
                        });
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(Error::Competition(format!(
                "{}: {}",
                self.name,
                problems.join("; ")
            )))
        }
    }
}

/// Today's date as YYYY-MM-DD (UTC).
pub fn today() -> String {
    humantime::format_rfc3339(crate::clock::now()).to_string()[..10].to_string()
}

/// The seed of `player`'s attempt number `attempt` (from 0) at a competition scenario.
///
/// The fairness rule: every player gets calls of their own, drawn from the competition's id, the
/// scenario, the scenario's `seed` in the competition file and the player's name (SHA-256), so
/// no two players share a call and no answer can be passed on; and the calls walk through the
/// scenario's truths in turn, starting at one drawn from the name, so over as many attempts as
/// there are truths every player meets each truth once, and in any one round the players are
/// spread evenly over the truths. Anyone with the competition file can recompute a player's
/// seeds from their name.
pub fn player_seed(
    competition: &str,
    script: &peercall_dialogue::Script,
    base: u64,
    player: &str,
    attempt: u32,
) -> u64 {
    use sha2::{Digest, Sha256};
    let draw = |what: &str| {
        let mut h = Sha256::new();
        for part in [competition, script.id(), &base.to_string(), player, what] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        let d = h.finalize();
        u64::from_le_bytes(d[..8].try_into().expect("8 bytes"))
    };
    let truths = script.truth_count().max(1) as u64;
    let wanted = ((draw("first truth") % truths + u64::from(attempt)) % truths) as u32;
    let start = draw(&format!("attempt {attempt}"));
    // About one seed in `truths` draws each truth: the search is short.
    (0..)
        .map(|k: u64| start.wrapping_add(k))
        .find(|&s| script.truth_for_seed(s) == wanted)
        .expect("every truth is drawn by some seed")
}

/// Only the competition's calls, in its order, and their seeds re-indexed to that list.
pub fn narrow(library: &Library, entries: &[Resolved]) -> (Library, Vec<Resolved>) {
    let mut only = Library::default();
    let mut resolved = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        only.entries.push(library.entries[e.index].clone());
        resolved.push(Resolved {
            index: i,
            scenario: e.scenario.clone(),
            seed: e.seed,
        });
    }
    (only, resolved)
}
