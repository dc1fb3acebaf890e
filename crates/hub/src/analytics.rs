//! What a trainer reads from a competition's results: outcomes per team, the signals each team
//! gets wrong most (how often a better line was on offer when they sent it), and per scenario
//! and truth, the share of players who took each choice at each node.

use std::collections::BTreeMap;

use peercall_core::library::Library;
use peercall_core::records::Record;
use peercall_dialogue::{Call, Debrief};
use serde::Serialize;

/// One team's outcomes and signals.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamReport {
    /// The team ("" for players without one).
    pub team: String,
    /// Calls counted.
    pub calls: u64,
    /// Calls per outcome label ("qualified in", "resources wasted", ...).
    pub outcomes: BTreeMap<String, u64>,
    /// Per signal label: (times sent, times a better line was on offer).
    pub signals: BTreeMap<String, (u64, u64)>,
}

impl TeamReport {
    /// The signals in the order a trainer should look at them: most often bettered first (at
    /// least two sent), as (label, sent, bettered).
    pub fn worst_signals(&self) -> Vec<(String, u64, u64)> {
        let mut v: Vec<(String, u64, u64)> = self
            .signals
            .iter()
            .filter(|(_, (sent, bettered))| *sent >= 2 && *bettered > 0)
            .map(|(s, (sent, bettered))| (s.clone(), *sent, *bettered))
            .collect();
        v.sort_by(|a, b| {
            (b.2 * a.1)
                .cmp(&(a.2 * b.1))
                .then_with(|| b.2.cmp(&a.2))
                .then_with(|| a.0.cmp(&b.0))
        });
        v
    }
}

/// How often each choice was taken at one node, in one truth of one scenario.
#[derive(Debug, Clone, Serialize)]
pub struct NodeReport {
    /// The node's id.
    pub node: String,
    /// What the prospect said there, as the first of these players heard it.
    pub prospect: String,
    /// Per choice in file order: (what the player says, its signal label, times taken).
    pub choices: Vec<(String, String, u64)>,
}

/// The choices taken in one scenario and truth.
#[derive(Debug, Clone, Serialize)]
pub struct PathsReport {
    /// The scenario's id.
    pub scenario: String,
    /// The truth's id ("" in a scenario without truths).
    pub truth: String,
    /// Calls counted.
    pub calls: u64,
    /// Nodes in file order, those some player reached.
    pub nodes: Vec<NodeReport>,
}

/// The whole analysis of a competition's results.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Analytics {
    /// Per team, by name.
    pub teams: Vec<TeamReport>,
    /// Per scenario and truth.
    pub paths: Vec<PathsReport>,
}

/// Per (scenario, truth): calls, per node and choice the times it was taken, and per node the
/// prospect's line as players heard it there.
type Taken = BTreeMap<(String, String), (u64, Vec<Vec<u64>>, Vec<Option<String>>)>;

/// Replays every result (each was verified when it was posted) and adds it up.
pub fn analyze(records: &[Record], library: &Library) -> Analytics {
    let mut teams: BTreeMap<String, TeamReport> = BTreeMap::new();
    let mut paths: Taken = BTreeMap::new();
    for r in records {
        let Some(script) = library
            .entries
            .iter()
            .filter_map(|e| e.script())
            .find(|s| s.hash() == r.scenario_hash)
        else {
            continue;
        };
        let Ok(call) = Call::replay_log(script, r.seed, &r.choices, &r.waits) else {
            continue;
        };
        let Some(d) = Debrief::of(&call, script) else {
            continue;
        };
        let t = teams.entry(r.team.clone()).or_insert_with(|| TeamReport {
            team: r.team.clone(),
            ..TeamReport::default()
        });
        t.calls += 1;
        *t.outcomes.entry(d.outcome.label().to_string()).or_default() += 1;
        for turn in &d.turns {
            let s = t.signals.entry(turn.signal_label.to_string()).or_default();
            s.0 += 1;
            s.1 += u64::from(turn.better.is_some());
        }
        let sc = script.scenario();
        let truth = d.truth.as_ref().map(|t| t.id.clone()).unwrap_or_default();
        let (calls, counts, heard) = paths.entry((sc.id.clone(), truth)).or_insert_with(|| {
            (
                0,
                sc.nodes
                    .iter()
                    .map(|(_, n)| vec![0; n.choices.len()])
                    .collect(),
                vec![None; sc.nodes.len()],
            )
        });
        *calls += 1;
        for (turn, review) in call.turns().iter().zip(&d.turns) {
            if let Some(c) = counts
                .get_mut(turn.node as usize)
                .and_then(|n| n.get_mut(turn.choice as usize))
            {
                *c += 1;
            }
            if let Some(h) = heard.get_mut(turn.node as usize) {
                h.get_or_insert_with(|| review.prospect.clone());
            }
        }
    }
    let paths = paths
        .into_iter()
        .filter_map(|((scenario, truth), (calls, counts, heard))| {
            let script = library
                .entries
                .iter()
                .filter_map(|e| e.script())
                .find(|s| s.id() == scenario)?;
            let sc = script.scenario();
            let nodes = sc
                .nodes
                .iter()
                .zip(counts.into_iter().zip(heard))
                .filter(|(_, (c, _))| c.iter().any(|n| *n > 0))
                .map(|((id, node), (c, heard))| NodeReport {
                    node: id.to_string(),
                    prospect: heard.unwrap_or_default(),
                    choices: node
                        .choices
                        .iter()
                        .zip(c)
                        .map(|(ch, n)| (ch.say.clone(), ch.signal.label().to_string(), n))
                        .collect(),
                })
                .collect();
            Some(PathsReport {
                scenario,
                truth,
                calls,
                nodes,
            })
        })
        .collect();
    Analytics {
        teams: teams.into_values().collect(),
        paths,
    }
}
