//! Rules on the graph of the call (run only when every id resolves): every node reachable and
//! able to end, every ending reachable, and the method's two moves somewhere on the way.

use super::ID_SHOWN;
use super::code::Code;
use super::context::Ctx;
use crate::diagnostic::{Severity, clip};
use crate::msg;
use crate::scenario::Effect;

/// The call can be played from its start to its endings.
pub(super) fn check<'s>(cx: &Ctx<'s, '_>, hang_up_on: bool) {
    use Severity::{Error, Warning};
    let (scenario, spans) = (cx.scenario, &cx.spans);

    let n = scenario.nodes.len();
    let m = scenario.endings.len();
    // Vertices: nodes 0..n, endings n..n+m.
    let index = |id: &str| -> usize {
        scenario
            .nodes
            .position(id)
            .or_else(|| scenario.endings.position(id).map(|e| n + e))
            .expect("ids checked")
    };
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); n + m];
    let mut can_lose_trust = vec![false; n];
    for (i, (_, node)) in scenario.nodes.iter().enumerate() {
        for c in &node.choices {
            let targets =
                std::iter::once(&c.next).chain(c.react_if.iter().filter_map(|r| r.next.as_ref()));
            for target in targets {
                let j = index(target);
                edges[i].push(j);
                reverse[j].push(i);
            }
            if c.trust < 0 || c.react_if.iter().any(|r| r.trust.is_some_and(|t| t < 0)) {
                can_lose_trust[i] = true;
            }
        }
    }
    // Forward reachability from the start.
    let mut reached = vec![false; n + m];
    let start = scenario
        .nodes
        .position(&scenario.start)
        .expect("start checked");
    let mut stack = vec![start];
    reached[start] = true;
    while let Some(v) = stack.pop() {
        if v < n {
            for &w in &edges[v] {
                if !reached[w] {
                    reached[w] = true;
                    stack.push(w);
                }
            }
        } else {
            // An ending reached in some truth ends at its `by_truth` ending instead.
            let (_, ending) = scenario.endings.at(v - n);
            for (_, to) in ending.by_truth.iter() {
                if let Some(w) = scenario.endings.position(to).map(|e| n + e)
                    && !reached[w]
                {
                    reached[w] = true;
                    stack.push(w);
                }
            }
        }
    }
    // Backward: which nodes can reach some ending.
    let mut finishes = vec![false; n + m];
    let mut stack: Vec<usize> = (n..n + m).collect();
    for &e in &stack {
        finishes[e] = true;
    }
    while let Some(v) = stack.pop() {
        for &w in &reverse[v] {
            if !finishes[w] {
                finishes[w] = true;
                stack.push(w);
            }
        }
    }
    let hang_up = hang_up_on
        .then(|| scenario.endings.position(&scenario.trust.hang_up))
        .flatten();
    for (i, (id, _)) in scenario.nodes.iter().enumerate() {
        let id_ = clip(id, ID_SHOWN);
        if !reached[i] {
            cx.push(
                Warning,
                Code::Unreachable,
                msg!("check-unreachable-node", node = id_),
                spans.node(id, 0),
                msg!("label-unreachable"),
                Some(msg!("check-unreachable-node-help")),
            );
        } else if !finishes[i] {
            let (sev, help) = if hang_up.is_some() && can_lose_trust[i] {
                (Warning, msg!("check-only-hang-up"))
            } else {
                (Error, msg!("check-loops-forever"))
            };
            cx.push(
                sev,
                Code::NoEnding,
                msg!("check-no-ending", node = id_),
                spans.node(id, 0),
                msg!("label-stuck"),
                Some(help),
            );
        }
    }
    let any_trust_loss = (0..n).any(|i| reached[i] && can_lose_trust[i]);
    for (e, (id, _)) in scenario.endings.iter().enumerate() {
        let id_ = clip(id, ID_SHOWN);
        let by_hang_up = hang_up == Some(e) && any_trust_loss;
        if !reached[n + e] && !by_hang_up {
            cx.push(
                Warning,
                Code::Unreachable,
                msg!("check-unreachable-ending", id = id_),
                spans.ending(id, 0),
                msg!("label-never-reached"),
                None,
            );
        }
    }
    // The method's two moves: somewhere a peer contract, somewhere a commitment.
    let reachable_effects = || {
        scenario
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, _)| reached[*i])
            .flat_map(|(_, (_, node))| node.choices.iter().flat_map(|c| c.effects.iter()))
    };
    if !reachable_effects().any(|e| matches!(e, Effect::PeerContract)) {
        cx.push(
            Warning,
            Code::NoPeerContract,
            msg!("check-no-peer-contract"),
            spans.top("nodes"),
            msg!("label-here"),
            Some(msg!("check-no-peer-contract-help")),
        );
    }
    if !reachable_effects().any(|e| matches!(e, Effect::Commit { .. })) {
        cx.push(
            Warning,
            Code::NoCommitment,
            msg!("check-no-commitment"),
            spans.top("nodes"),
            msg!("label-here"),
            Some(msg!("check-no-commitment-help")),
        );
    }
}
