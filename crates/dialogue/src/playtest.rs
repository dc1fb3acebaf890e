//! Test playthroughs: a trainer's expected calls (`NAME.tests.ron` next to `NAME.ron`), run
//! through the engine and compared turn by turn.

use serde::{Deserialize, Serialize};

use crate::call::Call;
use crate::diagnostic::Diagnostic;
use crate::scenario::Outcome;
use crate::script::Script;

/// A file of expected playthroughs for one scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Tests")]
pub struct TestFile {
    /// The scenario's id (checked against the scenario file next to it).
    #[serde(default)]
    pub scenario: Option<String>,
    /// The playthroughs.
    pub tests: Vec<Playthrough>,
}

/// One expected playthrough. Everything but `name` and `choices` is optional: say only what
/// matters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Playthrough {
    /// What this playthrough shows, in words.
    pub name: String,
    /// Seeds to play it with (default: seed 0).
    #[serde(default)]
    pub seeds: Vec<u64>,
    /// Choice numbers as shown, 1-based. In a scenario that shuffles its choices the numbers
    /// depend on the seed: use `picks`.
    #[serde(default)]
    pub choices: Vec<usize>,
    /// Choices by their place in the file (1 is the node's first choice), whatever order they
    /// are shown in; instead of `choices`.
    #[serde(default)]
    pub picks: Vec<usize>,
    /// The truth to play in (default: the one each seed draws).
    #[serde(default)]
    pub truth: Option<String>,
    /// Where the call should be after each choice: node or ending ids (as many as you like).
    #[serde(default)]
    pub path: Vec<String>,
    /// The ending expected.
    #[serde(default)]
    pub ending: Option<String>,
    /// The outcome kind expected.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// Final trust at least this.
    #[serde(default)]
    pub trust_at_least: Option<i32>,
    /// Final trust at most this.
    #[serde(default)]
    pub trust_at_most: Option<i32>,
    /// Score at least this.
    #[serde(default)]
    pub score_at_least: Option<u32>,
    /// Score at most this.
    #[serde(default)]
    pub score_at_most: Option<u32>,
    /// Person-days committed at most this.
    #[serde(default)]
    pub days_at_most: Option<f32>,
    /// Whether a peer contract should have been set up.
    #[serde(default)]
    pub peer_contract: Option<bool>,
    /// Flags that should be set at the end.
    #[serde(default)]
    pub flags: Vec<String>,
}

/// The result of one playthrough on one seed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcomes {
    /// The playthrough's name.
    pub name: String,
    /// The seed it ran with.
    pub seed: u64,
    /// Every way it went wrong (empty: passed).
    pub failures: Vec<String>,
}

/// Parses a test file, with positioned errors.
pub fn parse(file: &str, text: &str) -> Result<TestFile, Box<Diagnostic>> {
    crate::load::parse_as::<TestFile>(file, text)
}

/// Runs every playthrough of `tests` against `script`.
pub fn run(script: &Script, tests: &TestFile) -> Vec<Outcomes> {
    let mut out = Vec::new();
    for t in &tests.tests {
        let seeds = if t.seeds.is_empty() {
            vec![0]
        } else {
            t.seeds.clone()
        };
        for seed in seeds {
            out.push(Outcomes {
                name: t.name.clone(),
                seed,
                failures: check(script, t, seed),
            });
        }
    }
    out
}

fn check(script: &Script, t: &Playthrough, seed: u64) -> Vec<String> {
    let mut failures = Vec::new();
    let mut call = match &t.truth {
        None => Call::start(script, seed),
        Some(id) => match script.scenario().truths.position(id) {
            Some(truth) => Call::start_in(script, seed, truth as u32),
            None => {
                failures.push(format!("the scenario declares no truth `{id}`"));
                return failures;
            }
        },
    };
    if t.choices.is_empty() == t.picks.is_empty() {
        failures.push(
            "give the answers as either `choices` (numbers shown) or `picks` (places in the file)"
                .into(),
        );
        return failures;
    }
    let by_file = !t.picks.is_empty();
    let answers = if by_file { &t.picks } else { &t.choices };
    for (i, &n) in answers.iter().enumerate() {
        let turn = i + 1;
        let at = script.node_id(call.state().node).to_string();
        let said = if by_file {
            call.choose_index(script, n.wrapping_sub(1))
        } else {
            call.choose(script, n)
        };
        if let Err(e) = said {
            failures.push(format!("turn {turn} (at `{at}`): {e}"));
            return failures;
        }
        let now = match call.finish() {
            Some(f) => script.ending_id(f.ending).to_string(),
            None => script.node_id(call.state().node).to_string(),
        };
        if let Some(expected) = t.path.get(i)
            && *expected != now
        {
            failures.push(format!(
                "turn {turn}: choice {n} at `{at}` went to `{now}`, expected `{expected}`"
            ));
            return failures;
        }
        if call.is_over() && turn < answers.len() {
            failures.push(format!(
                "turn {turn}: the call ended at `{now}` with {} choice(s) left to play",
                answers.len() - turn
            ));
            return failures;
        }
    }
    let ending = call
        .finish()
        .map(|f| script.ending_id(f.ending).to_string());
    if let Some(want) = &t.ending
        && ending.as_deref() != Some(want.as_str())
    {
        failures.push(match &ending {
            Some(got) => format!("ended at `{got}`, expected `{want}`"),
            None => format!(
                "the call is not over after {} choices (at `{}`), expected ending `{want}`",
                answers.len(),
                script.node_id(call.state().node)
            ),
        });
    }
    if let Some(want) = t.outcome {
        let got = call.outcome(script);
        if got != Some(want) {
            failures.push(format!(
                "outcome {}, expected {}",
                got.map_or("none (not over)", |o| o.label()),
                want.label()
            ));
        }
    }
    let trust = call.trust();
    if let Some(min) = t.trust_at_least
        && trust < min
    {
        failures.push(format!("final trust {trust}, expected at least {min}"));
    }
    if let Some(max) = t.trust_at_most
        && trust > max
    {
        failures.push(format!("final trust {trust}, expected at most {max}"));
    }
    let score = call.score(script);
    if let Some(min) = t.score_at_least
        && score.is_none_or(|s| s < min)
    {
        failures.push(format!("score {score:?}, expected at least {min}"));
    }
    if let Some(max) = t.score_at_most
        && score.is_some_and(|s| s > max)
    {
        failures.push(format!("score {score:?}, expected at most {max}"));
    }
    if let Some(max) = t.days_at_most
        && call.days() > f64::from(max) + 1e-9
    {
        failures.push(format!(
            "{} person-days committed, expected at most {max}",
            call.days()
        ));
    }
    if let Some(want) = t.peer_contract
        && call.state().peer_contract != want
    {
        failures.push(format!(
            "peer contract {}, expected {}",
            if want { "not set up" } else { "set up" },
            if want { "one" } else { "none" }
        ));
    }
    let set = script.flags_set(call.state().flags);
    for f in &t.flags {
        if !set.contains(f) {
            failures.push(format!("flag `{f}` is not set at the end"));
        }
    }
    failures
}
