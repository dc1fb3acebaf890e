//! Generated scenarios of any size, for benchmarks and stress tests.

use std::fmt::Write;

/// RON text of a valid scenario with `nodes` nodes (at least 1): each node offers a
/// business question that moves on by one and a commitment that skips one, the first node sets
/// up a peer contract, and every fifth node has a state-dependent line.
pub fn scenario_text(nodes: usize) -> String {
    let nodes = nodes.max(1);
    let mut s = String::with_capacity(nodes * 520);
    s.push_str(
        "Scenario(\n    id: \"synthetic\",\n    title: \"Synthetic call\",\n    \
         briefing: \"A generated scenario.\",\n    \
         prospect: (name: \"Pat\", role: \"Buyer\", company: \"Acme\"),\n    \
         trust: (start: 50, hang_up_below: 5),\n    days_needed: 1,\n    start: \"n0\",\n    nodes: {\n",
    );
    let target = |i: usize| {
        if i < nodes {
            format!("n{i}")
        } else {
            "done".to_string()
        }
    };
    for i in 0..nodes {
        let effects = if i == 0 { "[PeerContract]" } else { "[]" };
        let lines_if = if i % 5 == 4 {
            "\n            lines_if: [(when: [PeerContract], prospect: [\"Go on, as agreed.\"])],"
        } else {
            ""
        };
        let _ = write!(
            s,
            "        \"n{i}\": (\n            prospect: [\"Line {i}, first take.\", \"Line {i}, second take.\"],{lines_if}\n            \
             choices: [\n                (say: \"Why does {i} matter?\", signal: BusinessQuestion, trust: 2, effects: {effects}, next: \"{}\"),\n                \
             (say: \"We'll do {i} for you.\", signal: CommitResources, trust: -1, effects: [Commit(days: 0.5, what: \"work {i}\")], next: \"{}\"),\n            \
             ],\n        ),\n",
            target(i + 1),
            target(i + 2),
        );
    }
    s.push_str(
        "    },\n    endings: {\n        \"done\": (outcome: QualifiedIn, lesson: \"Done.\"),\n        \
         \"hung-up\": (outcome: Lost, lesson: \"Trust ran out.\"),\n    },\n)\n",
    );
    s
}
