//! Why an ending is never reached: no line leads to it; the nodes that lead to it are never
//! reached; the line that leads to it is never offered (its `requires` never hold when the call
//! is there); or the reaction that leads to it never applies (its `when` never holds there).

use std::collections::HashSet;

use crate::messages::Msg;
use crate::msg;
use crate::scenario::Condition;
use crate::script::{Script, Target};

/// What every state the call can reach does (in every truth, up to `limit` states each): the
/// nodes reached, the lines offered there, and the reactions that apply.
struct Seen {
    nodes: HashSet<u32>,
    offered: HashSet<(u32, usize)>,
    applied: HashSet<(u32, usize, usize)>,
}

fn explore(script: &Script, limit: usize) -> Option<Seen> {
    let mut seen = Seen {
        nodes: HashSet::new(),
        offered: HashSet::new(),
        applied: HashSet::new(),
    };
    for t in 0..script.truth_count().max(1) as u32 {
        for state in crate::deciding::reachable_states(script, t, limit)? {
            seen.nodes.insert(state.node);
            for c in script.offered(&state) {
                seen.offered.insert((state.node, c));
                if let Some(r) = script.reaction_in(&state, c) {
                    seen.applied.insert((state.node, c, r));
                }
            }
        }
    }
    Some(seen)
}

/// Conditions as code, each in backticks: `` `Truth("x")`, `NoPeerContract` ``.
fn listed(when: &[Condition]) -> String {
    when.iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// That ending `ending` (by position) is never reached, and why; `None` when the states are too
/// many to tell.
pub fn reason(script: &Script, ending: u32, limit: usize) -> Option<Msg> {
    let seen = explore(script, limit)?;
    let sc = script.scenario();
    let id = script.ending_id(ending);
    // Every line and reaction that leads to the ending: (node, choice, reaction).
    let mut leads: Vec<(u32, usize, Option<usize>)> = Vec::new();
    for node in 0..script.node_count() as u32 {
        for c in 0..script.choice_count(node) {
            let (to, reactions) = script.targets(node, c);
            if to == Target::Ending(ending) {
                leads.push((node, c, None));
            }
            let with_next = sc.nodes.at(node as usize).1.choices[c]
                .react_if
                .iter()
                .enumerate()
                .filter(|(_, r)| r.next.is_some())
                .map(|(k, _)| k);
            for (t, k) in reactions.into_iter().flatten().zip(with_next) {
                if t == Target::Ending(ending) {
                    leads.push((node, c, Some(k)));
                }
            }
        }
    }
    // Reached instead of another ending, in some truth: fine when that ending is reached.
    let sends_here = (0..script.ending_count() as u32)
        .any(|from| script.redirects(from).iter().any(|&(_, to)| to == ending));
    if leads.is_empty() && sends_here {
        return None;
    }
    let Some(&(node, c, via)) = leads
        .iter()
        .find(|(n, _, _)| seen.nodes.contains(n))
        .or(leads.first())
    else {
        return Some(msg!("analyze-unreached-no-line", id = id));
    };
    let node_id = script.node_id(node);
    let choice = sc.nodes.at(node as usize).1.choices[c].clone();
    let n = c + 1;
    if !seen.nodes.contains(&node) {
        return Some(msg!(
            "analyze-unreached-node",
            id = id,
            node = node_id,
            choice = n
        ));
    }
    if !seen.offered.contains(&(node, c)) {
        return Some(msg!(
            "analyze-unreached-not-offered",
            id = id,
            node = node_id,
            choice = n,
            when = listed(&choice.requires)
        ));
    }
    match via {
        Some(k) if !seen.applied.contains(&(node, c, k)) => {
            let when: &[Condition] = &choice.react_if[k].when;
            Some(msg!(
                "analyze-unreached-reaction",
                id = id,
                node = node_id,
                choice = n,
                when = listed(when)
            ))
        }
        // A reaction before it, or its own `next` overridden in every state reached.
        _ => Some(msg!(
            "analyze-unreached-overridden",
            id = id,
            node = node_id,
            choice = n
        )),
    }
}
