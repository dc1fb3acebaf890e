//! Test playthroughs: a trainer's expected calls (`NAME.tests.ron` next to `NAME.ron`), run
//! through the engine and compared turn by turn.

use crate::messages::Msg;
use crate::msg;
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
    /// Every way it went wrong (empty: passed), to be said in the reader's language.
    pub failures: Vec<Msg>,
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

/// A score as a test failure shows it: the number, or `none` for a call not over.
fn shown(score: Option<u32>) -> String {
    score.map_or("none".into(), |s| s.to_string())
}

fn check(script: &Script, t: &Playthrough, seed: u64) -> Vec<Msg> {
    let mut failures = Vec::new();
    let mut call = match &t.truth {
        None => Call::start(script, seed),
        Some(id) => match script.scenario().truths.position(id) {
            Some(truth) => Call::start_in(script, seed, truth as u32),
            None => {
                failures.push(msg!("test-no-truth", id = id));
                return failures;
            }
        },
    };
    if t.choices.is_empty() == t.picks.is_empty() {
        failures.push(msg!("test-choices-or-picks"));
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
            failures.push(match e {
                crate::CallError::NotOffered {
                    number, offered, ..
                } => msg!(
                    "test-not-offered",
                    turn = turn,
                    at = at,
                    number = number,
                    offered = offered
                ),
                _ => msg!("test-over", turn = turn, at = at),
            });
            return failures;
        }
        let now = match call.finish() {
            Some(f) => script.ending_id(f.ending).to_string(),
            None => script.node_id(call.state().node).to_string(),
        };
        if let Some(expected) = t.path.get(i)
            && *expected != now
        {
            failures.push(msg!(
                "test-went-elsewhere",
                turn = turn,
                choice = n,
                at = at,
                now = now,
                expected = expected
            ));
            return failures;
        }
        if call.is_over() && turn < answers.len() {
            failures.push(
                msg!("test-ended-early", turn = turn, now = now)
                    .number("left", (answers.len() - turn) as i64),
            );
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
            Some(got) => msg!("test-wrong-ending", got = got, want = want),
            None => msg!(
                "test-not-over",
                at = script.node_id(call.state().node),
                want = want
            )
            .number("count", answers.len() as i64),
        });
    }
    if let Some(want) = t.outcome {
        let got = call.outcome(script);
        if got != Some(want) {
            failures.push(msg!(
                "test-wrong-outcome",
                got = got.map_or("none".to_string(), |o| format!("{o:?}")),
                want = format!("{want:?}")
            ));
        }
    }
    let trust = call.trust();
    if let Some(min) = t.trust_at_least
        && trust < min
    {
        failures.push(msg!("test-trust-low", trust = trust, min = min));
    }
    if let Some(max) = t.trust_at_most
        && trust > max
    {
        failures.push(msg!("test-trust-high", trust = trust, max = max));
    }
    let score = call.score(script);
    if let Some(min) = t.score_at_least
        && score.is_none_or(|s| s < min)
    {
        failures.push(msg!("test-score-low", score = shown(score), min = min));
    }
    if let Some(max) = t.score_at_most
        && score.is_some_and(|s| s > max)
    {
        failures.push(msg!("test-score-high", score = shown(score), max = max));
    }
    if let Some(max) = t.days_at_most
        && call.days() > f64::from(max) + 1e-9
    {
        failures.push(msg!("test-days-high", days = call.days(), max = max));
    }
    if let Some(want) = t.peer_contract
        && call.state().peer_contract != want
    {
        failures.push(if want {
            msg!("test-no-peer-contract")
        } else {
            msg!("test-unwanted-peer-contract")
        });
    }
    let set = script.flags_set(call.state().flags);
    for f in &t.flags {
        if !set.contains(f) {
            failures.push(msg!("test-flag-unset", flag = f));
        }
    }
    failures
}
