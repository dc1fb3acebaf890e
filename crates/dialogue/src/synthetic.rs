//! Generated scenarios of any size, for benchmarks and stress tests.

use std::fmt::Write;

/// What a generated scenario looks like.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shape {
    /// Number of nodes (at least 1).
    pub nodes: usize,
    /// Share of the nodes (0.0 to 0.5) that nothing leads to, as in a draft being rewritten:
    /// each of them is reported as unreachable, and as maybe stuck (every choice has a
    /// condition), so a draft of 20,000 nodes at 0.1 has about 4,000 warnings.
    pub unreachable: f64,
    /// Whether choices set and test flags (`Set`, `requires`, `react_if`, `lines_if` on flags
    /// and trust), as real scenarios do.
    pub conditions: bool,
}

impl Shape {
    /// A clean scenario of `nodes` nodes without conditions.
    pub fn plain(nodes: usize) -> Shape {
        Shape {
            nodes,
            unreachable: 0.0,
            conditions: false,
        }
    }
}

/// RON text of a valid scenario with `nodes` nodes (at least 1): each node offers a
/// business question that moves on by one and a commitment that skips one, the first node sets
/// up a peer contract, and every fifth node has a state-dependent line.
pub fn scenario_text(nodes: usize) -> String {
    generate(&Shape::plain(nodes))
}

/// Flags the generated conditions use.
const FLAGS: usize = 8;

/// RON text of a scenario of the given shape. With `unreachable` 0 it has no errors and no
/// warnings (with `conditions`, from 22 nodes on, when every flag is set somewhere).
pub fn generate(shape: &Shape) -> String {
    let nodes = shape.nodes.max(1);
    let stride = if shape.unreachable > 0.0 {
        ((1.0 / shape.unreachable.min(0.5)).round() as usize).max(2)
    } else {
        usize::MAX
    };
    let unreachable = |i: usize| i > 0 && stride != usize::MAX && i % stride == stride - 1;
    let reachable: Vec<usize> = (0..nodes).filter(|&i| !unreachable(i)).collect();
    let mut s = String::with_capacity(nodes * 700);
    s.push_str(
        "Scenario(\n    id: \"synthetic\",\n    title: \"Synthetic call\",\n    \
         briefing: \"A generated scenario.\",\n    \
         prospect: (name: \"Pat\", role: \"Buyer\", company: \"Acme\"),\n    \
         trust: (start: 50, hang_up_below: 5),\n    days_needed: 1,\n    start: \"n0\",\n    nodes: {\n",
    );
    let target = |k: usize| match reachable.get(k) {
        Some(i) => format!("n{i}"),
        None => "done".to_string(),
    };
    let mut k = 0; // position of the next reachable node
    for i in 0..nodes {
        if unreachable(i) {
            let _ = write!(
                s,
                "        \"n{i}\": (\n            prospect: [\"Line {i}, left over from a draft.\"],\n            \
                 choices: [\n                (say: \"About {i}, once we commit?\", signal: BusinessQuestion, trust: 1, requires: [Committed], next: \"{}\"),\n            \
                 ],\n        ),\n",
                target(k),
            );
            continue;
        }
        let mut effects = Vec::new();
        if k == 0 {
            effects.push("PeerContract".to_string());
        }
        if shape.conditions && k % 3 == 0 {
            effects.push(format!("Set(\"f{}\")", k % FLAGS));
        }
        let effects = format!("[{}]", effects.join(", "));
        let mut lines_if = String::new();
        if i % 5 == 4 {
            lines_if.push_str(
                "\n            lines_if: [(when: [PeerContract], prospect: [\"Go on, as agreed.\"])",
            );
            if shape.conditions {
                let _ = write!(
                    lines_if,
                    ", (when: [Flag(\"f{}\"), TrustBelow(30)], prospect: [\"You said {i} already.\", \"{i} again?\"])",
                    (k + 1) % FLAGS
                );
            }
            lines_if.push_str("],");
        }
        let _ = write!(
            s,
            "        \"n{i}\": (\n            prospect: [\"Line {i}, first take.\", \"Line {i}, second take.\"],{lines_if}\n            \
             choices: [\n                (say: \"Why does {i} matter?\", signal: BusinessQuestion, trust: 2, effects: {effects}, next: \"{}\"),\n                \
             (say: \"We'll do {i} for you.\", signal: CommitResources, trust: -1, effects: [Commit(days: 0.5, what: \"work {i}\")], next: \"{}\"),\n",
            target(k + 1),
            target(k + 2),
        );
        if shape.conditions {
            let _ = writeln!(
                s,
                "                (say: \"Since {i} came up, what is it worth to you?\", signal: MutualValue, trust: 1, requires: [Flag(\"f{}\")], \
                 react_if: [(when: [TrustBelow(30), NotCommitted], trust: -2), (when: [Committed], next: \"{}\")], next: \"{}\"),",
                (k + 3) % FLAGS,
                target(k + 2),
                target(k + 1),
            );
        }
        s.push_str("            ],\n        ),\n");
        k += 1;
    }
    s.push_str(
        "    },\n    endings: {\n        \"done\": (outcome: QualifiedIn, lesson: \"Done.\"),\n        \
         \"hung-up\": (outcome: Lost, lesson: \"Trust ran out.\"),\n    },\n)\n",
    );
    s
}

/// Plays random calls of `script` through [`crate::Call::choose`] (the numbers a player
/// presses), call after call from seed 1, until `choices` choices have been made; picks come
/// from a small generator seeded with `seed`. Returns the choices made. The engine's throughput
/// benchmark, the same on the desktop and in the browser (`peercall.benchEngine`).
pub fn random_calls(script: &crate::Script, seed: u64, choices: u64) -> u64 {
    let mut pick = seed | 1;
    let mut made = 0;
    let mut call_seed = 0;
    while made < choices {
        call_seed += 1;
        let mut call = crate::Call::start(script, call_seed);
        while !call.is_over() && made < choices {
            // xorshift64: enough to vary the picks, and the same on every target.
            pick ^= pick << 13;
            pick ^= pick >> 7;
            pick ^= pick << 17;
            let offered = call.offered_count(script) as u64;
            if offered == 0 || call.choose(script, 1 + (pick % offered) as usize).is_err() {
                // A call that cannot go on would be played again and again.
                return made;
            }
            made += 1;
        }
    }
    made
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_have_the_findings_they_promise() {
        for conditions in [false, true] {
            let clean = crate::load_str(
                "s.ron",
                &generate(&Shape {
                    nodes: 1_000,
                    unreachable: 0.0,
                    conditions,
                }),
            );
            assert!(clean.diagnostics.is_empty(), "{}", clean.render(false));
            let draft = crate::load_str(
                "s.ron",
                &generate(&Shape {
                    nodes: 1_000,
                    unreachable: 0.1,
                    conditions,
                }),
            );
            assert!(!draft.has_errors(), "{}", draft.render(false));
            let unreachable = draft
                .diagnostics
                .iter()
                .filter(|d| d.code == "unreachable")
                .count();
            assert_eq!(unreachable, 100);
            assert_eq!(draft.warning_count(), 200);
            assert!(draft.script().is_some());
        }
    }
}
