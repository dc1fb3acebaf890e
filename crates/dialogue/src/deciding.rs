//! Deciding lines: where the call is decided differently in each truth (a line that ends the
//! call in some situation, and can end well in one situation and not in another), and whether
//! the prospect's reaction to such a line follows the situation: a deciding line that moves
//! trust the same way in every truth makes the meter teach one situation's answer. And tells:
//! lines offered in one situation only, on screen before the prospect has said it.

use std::collections::{BTreeMap, HashSet, VecDeque};

use crate::script::{Script, State, Target};

/// Whether line `c`, offered in `state`, decides the call: it ends the call in some truth, and
/// can end well in some truths and not in others.
pub fn deciding(script: &Script, state: &State, c: usize) -> bool {
    let truths = script.truth_count() as u8;
    let in_truth = |u: u8| State { truth: u, ..*state };
    let ends =
        (0..truths).any(|u| matches!(script.resolve(&in_truth(u), c).next, Target::Ending(_)));
    let well = |u: u8| {
        let s = in_truth(u);
        script.is_offered(&s, c) && script.can_end_well(&s, c)
    };
    ends && (0..truths).any(well) && !(0..truths).all(well)
}

/// Where a truth is still unsaid when the call reaches a decision: (truth, node) for each
/// decision reached on some path before any earlier line of the prospect told that truth (at
/// the decision's own node is too late: the player must hear it, then decide). Explores every
/// state, up to `limit` per truth (`None` when that is not enough, or with fewer than two
/// truths).
pub fn told_late(script: &Script, limit: usize) -> Option<Vec<(String, String)>> {
    let truths = script.truth_count();
    if truths < 2 {
        return None;
    }
    let mut found: Vec<(String, String)> = Vec::new();
    for t in 0..truths as u32 {
        let mut visited: HashSet<(State, bool)> = HashSet::new();
        let mut queue = VecDeque::from([(script.start_state_in(t), false)]);
        while let Some((state, heard_before)) = queue.pop_front() {
            if !visited.insert((state, heard_before)) {
                continue;
            }
            if visited.len() > limit {
                return None;
            }
            let offered: Vec<usize> = script.offered(&state).collect();
            if !heard_before && offered.iter().any(|&c| deciding(script, &state, c)) {
                let at = (
                    script.scenario().truths.at(t as usize).0.to_string(),
                    script.node_id(state.node).to_string(),
                );
                if !found.contains(&at) {
                    found.push(at);
                }
            }
            let heard = heard_before || script.reveals(&state);
            for c in offered {
                if let (next, None) = script.apply(&state, c) {
                    queue.push_back((next, heard));
                }
            }
        }
    }
    Some(found)
}

/// Every state a call in truth `truth` can reach (up to `limit`; `None` past it), in the order
/// they are first met.
pub fn reachable_states(script: &Script, truth: u32, limit: usize) -> Option<Vec<State>> {
    let mut visited: HashSet<State> = HashSet::new();
    let mut order = Vec::new();
    let mut queue = VecDeque::from([script.start_state_in(truth)]);
    while let Some(state) = queue.pop_front() {
        if !visited.insert(state) {
            continue;
        }
        if visited.len() > limit {
            return None;
        }
        order.push(state);
        for c in script.offered(&state) {
            if let (next, None) = script.apply(&state, c) {
                queue.push_back(next);
            }
        }
    }
    Some(order)
}

/// A line of a scenario, as a warning names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineAt {
    /// The node's id.
    pub node: String,
    /// The choice, by index in the node.
    pub choice: usize,
    /// Its words.
    pub say: String,
}

impl LineAt {
    fn of(script: &Script, node: u32, choice: usize) -> LineAt {
        LineAt {
            node: script.node_id(node).to_string(),
            choice,
            say: script.scenario().nodes.at(node as usize).1.choices[choice]
                .say
                .clone(),
        }
    }
}

/// A deciding line whose trust change is the same in every truth, wherever it is offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlindLine {
    /// The line.
    pub line: LineAt,
    /// The trust change it brings in every truth.
    pub trust: i32,
}

/// The deciding lines of `script` whose trust change never depends on the truth, over every
/// state reachable in any truth (up to `limit` states per truth; `None` when that is not
/// enough to see them all, or the scenario has fewer than two truths).
pub fn blind_lines(script: &Script, limit: usize) -> Option<Vec<BlindLine>> {
    let truths = script.truth_count();
    if truths < 2 {
        return None;
    }
    // Per (node, choice): whether it was seen deciding, and the trust changes seen there
    // (one entry per reachable state it decides in: equal in every truth or not).
    let mut seen: BTreeMap<(u32, usize), (bool, Option<i32>)> = BTreeMap::new();
    for t in 0..truths as u32 {
        for state in reachable_states(script, t, limit)? {
            let in_truth = |u: u8| State { truth: u, ..state };
            for c in script.offered(&state) {
                if deciding(script, &state, c) {
                    let changes: Vec<i32> = (0..truths as u8)
                        .map(|u| script.resolve(&in_truth(u), c).trust)
                        .collect();
                    let same = changes.iter().all(|d| *d == changes[0]);
                    let entry = seen
                        .entry((state.node, c))
                        .or_insert((true, Some(changes[0])));
                    if !same {
                        entry.0 = false;
                    }
                    if entry.1 != Some(changes[0]) {
                        entry.1 = None;
                    }
                }
            }
        }
    }
    Some(
        seen.into_iter()
            .filter(|(_, (blind, _))| *blind)
            .map(|((node, choice), (_, trust))| BlindLine {
                line: LineAt::of(script, node, choice),
                trust: trust.unwrap_or(0),
            })
            .collect(),
    )
}

/// The tells of `script`: lines offered, before the prospect has told the truth (no line of
/// theirs so far was written for it alone), in some truths and not in others, so that the
/// choices on screen give the situation away. Explores every
/// state in every truth, up to `limit` per truth (`None` when that is not enough, or with
/// fewer than two truths).
pub fn tells(script: &Script, limit: usize) -> Option<Vec<LineAt>> {
    let truths = script.truth_count();
    if truths < 2 {
        return None;
    }
    let mut found: BTreeMap<(u32, usize), ()> = BTreeMap::new();
    for t in 0..truths as u32 {
        let start = script.start_state_in(t);
        let mut visited: HashSet<(State, bool)> = HashSet::new();
        let mut queue = VecDeque::from([(start, false)]);
        while let Some((state, heard_before)) = queue.pop_front() {
            if !visited.insert((state, heard_before)) {
                continue;
            }
            if visited.len() > limit {
                return None;
            }
            let heard = heard_before || script.reveals(&state);
            for c in script.offered(&state) {
                let everywhere =
                    (0..truths as u8).all(|u| script.is_offered(&State { truth: u, ..state }, c));
                if !heard && !everywhere {
                    found.insert((state.node, c), ());
                }
                if let (next, None) = script.apply(&state, c) {
                    queue.push_back((next, heard));
                }
            }
        }
    }
    Some(
        found
            .into_keys()
            .map(|(node, choice)| LineAt::of(script, node, choice))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(text: &str) -> Script {
        Script::compile(crate::load::parse_str("t.ron", text).unwrap()).unwrap()
    }

    const TWO_TRUTHS: &str = r#"Scenario(id: "t", title: "T", briefing: "b",
        prospect: (name: "P", role: "R", company: "C"), start: "a",
        nodes: {
            "a": (prospect: ["Hello."], lines_if: [(when: [Truth("y")], prospect: ["Y here."])],
                  choices: [(say: "Why?", signal: BusinessQuestion, trust: 2, next: "d")]),
            "d": (prospect: ["So?"], choices: [
                (say: "Fits x.", signal: MutualValue, trust: 5, next: "good-x", REACT_X),
                (say: "Fits y.", signal: MutualValue, trust: 5, next: "good-y", REACT_Y),
                (say: "Thanks.", signal: Gratitude, trust: -3, next: "bad"),
            ]),
        },
        endings: { "good-x": (outcome: QualifiedIn, lesson: "l"), "good-y": (outcome: QualifiedOut, lesson: "l"),
                   "bad": (outcome: Wasted, lesson: "l"), "hung-up": (outcome: Lost, lesson: "l") },
        truths: { "x": (title: "X", fits: ["good-x"]), "y": (title: "Y", fits: ["good-y"]) })"#;

    #[test]
    fn a_deciding_line_with_the_same_trust_in_every_truth_is_named() {
        let s = script(&TWO_TRUTHS.replace("REACT_X", "").replace("REACT_Y", ""));
        let blind = blind_lines(&s, 1000).unwrap();
        let said: Vec<(&str, usize, i32)> = blind
            .iter()
            .map(|b| (b.line.node.as_str(), b.line.choice, b.trust))
            .collect();
        // The thanks decides nothing (it never ends well); both proposals do, blind to it.
        assert_eq!(said, [("d", 0, 5), ("d", 1, 5)]);
    }

    #[test]
    fn a_reaction_on_the_truth_makes_the_meter_follow_the_situation() {
        let s = script(
            &TWO_TRUTHS
                .replace("REACT_X", r#"react_if: [(when: [Truth("y")], trust: -4)]"#)
                .replace("REACT_Y", r#"react_if: [(when: [Truth("x")], trust: -4)]"#),
        );
        assert_eq!(blind_lines(&s, 1000).unwrap(), []);
        // Too few states to see them all: no verdict.
        assert_eq!(blind_lines(&s, 1), None);
    }

    /// Both truths, with y's line moved from the opening to the decision: told only there.
    fn told_only_at_the_decision() -> String {
        TWO_TRUTHS
            .replace("REACT_X", "")
            .replace("REACT_Y", "")
            .replace(
                r#"lines_if: [(when: [Truth("y")], prospect: ["Y here."])],"#,
                "",
            )
            .replace(
                r#""d": (prospect: ["So?"],"#,
                r#""d": (prospect: ["So?"], lines_if: [(when: [Truth("y")], prospect: ["Y."])],"#,
            )
    }

    #[test]
    fn a_truth_told_only_at_the_decision_is_told_too_late() {
        // Truth y is told at the opening, a turn before the decision; x is the opening's own
        // line where y has one of its own, so it is told there too.
        let s = script(&TWO_TRUTHS.replace("REACT_X", "").replace("REACT_Y", ""));
        assert_eq!(told_late(&s, 1000).unwrap(), Vec::<(String, String)>::new());
        // Told only at the decision itself: too late, in both truths.
        let late = told_only_at_the_decision();
        let said = told_late(&script(&late), 1000).unwrap();
        assert_eq!(
            said,
            [("x".to_string(), "d".to_string()), ("y".into(), "d".into())]
        );
    }

    #[test]
    fn a_line_offered_in_one_truth_before_it_is_told_is_a_tell() {
        // The opening says nothing of the truth; the decision's line does.
        let early = told_only_at_the_decision()
            .replace(
                r#"choices: [(say: "Why?", signal: BusinessQuestion, trust: 2, next: "d")]"#,
                r#"choices: [(say: "Why?", signal: BusinessQuestion, trust: 2, next: "d"),
                             (say: "About y?", signal: BusinessQuestion, requires: [Truth("y")], next: "d")]"#,
            );
        // Offered at the opening in truth y only: the screen gives y away before the
        // prospect does.
        let s = script(&early);
        let t = tells(&s, 1000).unwrap();
        assert_eq!(t.len(), 1);
        assert_eq!(
            (t[0].node.as_str(), t[0].choice, t[0].say.as_str()),
            ("a", 1, "About y?")
        );
        // After the prospect has said it, such a line gives nothing away.
        let late = TWO_TRUTHS
            .replace("REACT_X", r#"requires: [Truth("x")]"#)
            .replace("REACT_Y", "");
        assert_eq!(tells(&script(&late), 1000).unwrap(), []);
    }
}
