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

/// The playthrough of a call as it went (its seed, truth, lines by place in the file, the path
/// and the ending), named `name`: what a trainer saves from a run to keep it as a test.
pub fn from_call(call: &Call, script: &Script, name: &str) -> Playthrough {
    let turns = call.turns();
    let path = (0..turns.len())
        .map(|i| match (turns.get(i + 1), call.finish()) {
            (Some(next), _) => script.node_id(next.node).to_string(),
            (None, Some(f)) => script.ending_id(f.ending).to_string(),
            (None, None) => script.node_id(call.state().node).to_string(),
        })
        .collect();
    let truths = &script.scenario().truths;
    Playthrough {
        name: name.to_string(),
        seeds: vec![call.seed()],
        choices: Vec::new(),
        picks: turns.iter().map(|t| t.choice as usize + 1).collect(),
        truth: (!truths.is_empty()).then(|| truths.at(call.truth() as usize).0.to_string()),
        path,
        ending: call
            .finish()
            .map(|f| script.ending_id(f.ending).to_string()),
        outcome: call.outcome(script),
        trust_at_least: None,
        trust_at_most: None,
        score_at_least: None,
        score_at_most: None,
        days_at_most: None,
        peer_contract: None,
        flags: Vec::new(),
    }
}

/// `text` with `entry` added as the last playthrough of its `tests: [...]` list (a new file for
/// `scenario` when there is none). The result is parsed before it is returned: a file it cannot
/// add to cleanly is left for the trainer, with the reason.
pub fn add_playthrough(
    text: Option<&str>,
    scenario: &str,
    entry: &Playthrough,
) -> Result<String, String> {
    let written = render(entry);
    let out = match text {
        None => format!(
            "// Expected playthroughs for {scenario}.ron (`peercall test`).\nTests(\n    scenario: {scenario:?},\n    tests: [\n{written}    ],\n)\n"
        ),
        Some(text) => {
            let close = list_end(text).ok_or("no `tests: [ ... ]` list to add to")?;
            let before = text[..close].trim_end();
            let comma = if before.ends_with(',') || before.ends_with('[') {
                ""
            } else {
                ","
            };
            format!("{before}{comma}\n{written}    {}", &text[close..])
        }
    };
    parse("tests.ron", &out).map_err(|d| d.message.clone())?;
    Ok(out)
}

/// Where the `tests: [` list's closing bracket is.
fn list_end(text: &str) -> Option<usize> {
    let mut scan = crate::load::Scanner::new(text);
    let mut depth = 0usize;
    let mut inside: Option<usize> = None;
    while let Some((pos, b)) = scan.next_code_byte() {
        match b {
            b'[' | b'(' | b'{' => {
                depth += 1;
                if b == b'['
                    && inside.is_none()
                    && let Some(head) = text[..pos].trim_end().strip_suffix(':')
                    && head.trim_end().ends_with("tests")
                {
                    inside = Some(depth);
                }
            }
            b']' | b')' | b'}' => {
                if b == b']' && inside == Some(depth) {
                    return Some(pos);
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    None
}

fn render(p: &Playthrough) -> String {
    let list = |v: &[String]| {
        v.iter()
            .map(|s| format!("{s:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let nums = |v: &[usize]| {
        v.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut o = format!("        (\n            name: {:?},\n", p.name);
    if let Some(t) = &p.truth {
        o.push_str(&format!("            truth: {t:?},\n"));
    }
    let seeds: Vec<String> = p.seeds.iter().map(ToString::to_string).collect();
    o.push_str(&format!("            seeds: [{}],\n", seeds.join(", ")));
    o.push_str(&format!("            picks: [{}],\n", nums(&p.picks)));
    o.push_str(&format!("            path: [{}],\n", list(&p.path)));
    if let Some(e) = &p.ending {
        o.push_str(&format!("            ending: {e:?},\n"));
    }
    if let Some(outcome) = p.outcome {
        o.push_str(&format!("            outcome: {outcome:?},\n"));
    }
    o.push_str("        ),\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_is_added_to_a_test_file_or_starts_one_and_passes_as_a_test() {
        let path = format!(
            "{}/../../dialogues/thank-you.ron",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(path).unwrap();
        let script = Script::compile(crate::load::parse_str("t", &text).unwrap()).unwrap();
        let mut call = Call::start(&script, 4);
        while !call.is_over() {
            call.choose_index(&script, 0).unwrap();
        }
        let p = from_call(&call, &script, "saved \"as it went\"");
        assert_eq!(p.picks.len(), call.turns().len());
        assert_eq!(p.path.last(), p.ending.as_ref());
        // A new file, then the same run added to it: both read back and pass.
        let new = add_playthrough(None, "thank-you", &p).unwrap();
        let two = add_playthrough(Some(&new), "thank-you", &p).unwrap();
        let file = parse("t.tests.ron", &two).unwrap();
        assert_eq!(file.tests.len(), 2);
        assert_eq!(file.tests[0].name, "saved \"as it went\"");
        assert!(run(&script, &file).iter().all(|o| o.failures.is_empty()));
        // The shipped file keeps its own playthroughs, with the run added last.
        let shipped = format!(
            "{}/../../dialogues/thank-you.tests.ron",
            env!("CARGO_MANIFEST_DIR")
        );
        let shipped = std::fs::read_to_string(shipped).unwrap();
        let before = parse("a", &shipped).unwrap().tests.len();
        let after = parse(
            "b",
            &add_playthrough(Some(&shipped), "thank-you", &p).unwrap(),
        )
        .unwrap();
        assert_eq!(after.tests.len(), before + 1);
        assert_eq!(after.tests[before], p);
        // Something that is not a test file is refused, with the reason.
        assert!(add_playthrough(Some("Scenario(id: \"x\")"), "x", &p).is_err());
    }
}
