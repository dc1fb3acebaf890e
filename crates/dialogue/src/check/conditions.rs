//! Conditions that can never hold together: a choice that is never offered (its `requires`
//! contradict each other), a reaction that never applies, a state line never said.

use super::code::Code;
use super::context::Ctx;
use crate::diagnostic::Severity;
use crate::msg;
use crate::scenario::Condition;

/// The first two conditions of `when` that cannot both hold (or one that cannot hold at all in
/// this scenario's trust range and truths), as written.
fn contradiction(when: &[Condition], min: i32, max: i32, truths: &[&str]) -> Option<String> {
    use Condition::*;
    let both = |a: &Condition, b: &Condition| Some(format!("`{a}` and `{b}`"));
    for (i, a) in when.iter().enumerate() {
        match a {
            TrustAtLeast(t) if *t > max => {
                return Some(format!("`{a}` and `trust: (max: {max})`"));
            }
            TrustBelow(t) if *t <= min => {
                return Some(format!("`{a}` and `trust: (min: {min})`"));
            }
            _ => {}
        }
        for b in &when[i + 1..] {
            let clash = match (a, b) {
                (PeerContract, NoPeerContract) | (NoPeerContract, PeerContract) => true,
                (Committed, NotCommitted) | (NotCommitted, Committed) => true,
                (Flag(f), NotFlag(g)) | (NotFlag(g), Flag(f)) => f == g,
                (Truth(x), Truth(y)) => x != y,
                (Truth(x), NotTruth(y)) | (NotTruth(y), Truth(x)) => x == y,
                (TrustAtLeast(lo), TrustBelow(hi)) | (TrustBelow(hi), TrustAtLeast(lo)) => lo >= hi,
                _ => false,
            };
            if clash {
                return both(a, b);
            }
        }
    }
    // Every declared truth ruled out.
    if truths.len() > 1
        && truths
            .iter()
            .all(|t| when.iter().any(|c| matches!(c, NotTruth(n) if n == t)))
    {
        let all: Vec<String> = when
            .iter()
            .filter(|c| matches!(c, NotTruth(_)))
            .map(|c| format!("`{c}`"))
            .collect();
        let (last, rest) = all.split_last()?;
        return Some(format!("{} and {last}", rest.join(", ")));
    }
    None
}

/// Warns about every list of conditions that can never hold.
pub(super) fn check(cx: &Ctx<'_, '_>) {
    let sc = cx.scenario;
    let (min, max) = (sc.trust.min, sc.trust.max);
    let truths: Vec<&str> = sc.truths.iter().map(|(k, _)| k).collect();
    let never = |when: &[Condition]| contradiction(when, min, max, &truths);
    for (id, node) in sc.nodes.iter() {
        for (k, l) in node.lines_if.iter().enumerate() {
            if let Some(why) = never(&l.when) {
                cx.push(
                    Severity::Warning,
                    Code::NeverHolds,
                    msg!("check-line-never-said", node = id, why = why),
                    cx.spans.node(id, 0),
                    msg!("check-never-holds-label"),
                    Some(msg!("check-never-holds-help", n = k + 1, what = "lines_if")),
                );
            }
        }
        for (i, c) in node.choices.iter().enumerate() {
            let at = cx.spans.choice(id, i);
            if let Some(why) = never(&c.requires) {
                cx.push(
                    Severity::Warning,
                    Code::NeverHolds,
                    msg!("check-never-offered", why = why),
                    at.clone(),
                    msg!("check-never-holds-label"),
                    Some(msg!("check-never-offered-help")),
                );
            }
            for (k, r) in c.react_if.iter().enumerate() {
                if let Some(why) = never(&r.when) {
                    cx.push(
                        Severity::Warning,
                        Code::NeverHolds,
                        msg!("check-reaction-never-applies", why = why),
                        at.clone(),
                        msg!("check-never-holds-label"),
                        Some(msg!("check-never-holds-help", n = k + 1, what = "react_if")),
                    );
                }
            }
        }
    }
}
