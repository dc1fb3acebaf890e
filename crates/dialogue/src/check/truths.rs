//! Rules on truths (the situations behind a call): declared, not too many, their endings known,
//! each one heard somewhere, every condition naming one that exists.

use std::collections::HashSet;

use super::ID_SHOWN;
use super::code::Code;
use super::context::Ctx;
use crate::diagnostic::{Severity, clip};
use crate::msg;
use crate::scenario::Condition;
use crate::script::MAX_TRUTHS;

/// The truths are declared, heard and named right.
pub(super) fn check<'s>(cx: &Ctx<'s, '_>) {
    use Severity::{Error, Warning};
    let (scenario, spans) = (cx.scenario, &cx.spans);
    if scenario.truths.len() > MAX_TRUTHS {
        cx.push(
            Error,
            Code::TooManyTruths,
            msg!(
                "check-too-many-truths",
                count = scenario.truths.len(),
                max = MAX_TRUTHS
            ),
            spans.top("truths"),
            msg!("label-here"),
            None,
        );
    }
    for (t, truth) in scenario.truths.iter() {
        if let Some(d) = truth.days_needed
            && !(d.is_finite() && d >= 0.0)
        {
            let at = spans.top("truths").start;
            cx.push(
                Error,
                Code::BadDays,
                msg!("check-truth-days", truth = clip(t, ID_SHOWN), days = d),
                spans.string_after(t, at).unwrap_or(at..at),
                msg!("label-here"),
                None,
            );
        }
        for f in truth
            .fits
            .iter()
            .filter(|f| !scenario.endings.contains_key(f.as_str()))
        {
            let at = spans.top("truths").start;
            let span = spans.string_after(f, at).unwrap_or(at..at);
            cx.push(
                Error,
                Code::UnknownTarget,
                msg!(
                    "check-truth-fits-unknown",
                    truth = clip(t, ID_SHOWN),
                    ending = clip(f, ID_SHOWN)
                ),
                span,
                msg!("label-unknown-ending"),
                Some(msg!(
                    "check-endings-are",
                    list = clip(
                        &scenario
                            .endings
                            .iter()
                            .map(|(k, _)| k)
                            .collect::<Vec<_>>()
                            .join(", "),
                        200
                    )
                )),
            );
        }
    }
    // Every truth can be heard: some prospect line is written for it alone.
    if scenario.truths.len() > 1 {
        // A truth is heard where a line is written for it, or where every other truth has a
        // line of its own (the node's own line then tells it).
        let mut heard: HashSet<&str> = HashSet::new();
        for (_, n) in scenario.nodes.iter() {
            // A line tells its truth only if it is not also said in another situation at the
            // same node (the node's own line, or another state line's).
            let told = |k: usize| {
                let others = n.prospect.iter().chain(
                    n.lines_if
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| *j != k)
                        .flat_map(|(_, l)| l.prospect.iter()),
                );
                let others: HashSet<&String> = others.collect();
                n.lines_if[k].prospect.iter().any(|p| !others.contains(p))
            };
            let here: HashSet<&str> = n
                .lines_if
                .iter()
                .enumerate()
                .filter(|(k, _)| told(*k))
                .flat_map(|(_, l)| l.when.iter())
                .filter_map(|c| match c {
                    Condition::Truth(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect();
            if here.len() + 1 == scenario.truths.len()
                && let Some((rest, _)) = scenario.truths.iter().find(|(t, _)| !here.contains(*t))
            {
                heard.insert(rest);
            }
            heard.extend(here);
        }
        for (t, _) in scenario.truths.iter().filter(|(t, _)| !heard.contains(*t)) {
            let at = spans.top("truths").start;
            cx.push(
                Warning,
                Code::UnheardTruth,
                msg!("check-unheard-truth", truth = clip(t, ID_SHOWN)),
                spans.string_after(t, at).unwrap_or(at..at),
                msg!("label-never-said"),
                Some(msg!("check-unheard-truth-help", truth = clip(t, ID_SHOWN))),
            );
        }
    }
    // `by_truth`: each entry names a declared truth and another ending, one that ends there.
    for (id, ending) in scenario.endings.iter() {
        let at = spans.ending(id, 0).start;
        for (t, to) in ending.by_truth.iter() {
            let span = spans.string_after(to, at).unwrap_or(at..at);
            if !scenario.truths.contains_key(t) {
                cx.push(
                    Error,
                    Code::UnknownTruth,
                    msg!("check-unknown-truth", truth = clip(t, ID_SHOWN)),
                    spans.string_after(t, at).unwrap_or(at..at),
                    msg!("label-unknown-truth"),
                    None,
                );
            }
            match scenario.endings.get(to) {
                None => cx.push(
                    Error,
                    Code::UnknownTarget,
                    msg!("check-by-truth-not-ending", id = clip(to, ID_SHOWN)),
                    span,
                    msg!("label-here"),
                    cx.suggest(to),
                ),
                Some(e) if !e.by_truth.is_empty() => cx.push(
                    Error,
                    Code::UnknownTarget,
                    msg!("check-by-truth-chain", id = clip(to, ID_SHOWN)),
                    span,
                    msg!("label-here"),
                    Some(msg!("check-by-truth-chain-help")),
                ),
                Some(_) => {}
            }
        }
    }
    let mut unknown_truths = HashSet::new();
    for (id, node) in scenario.nodes.iter() {
        let node_conds = node
            .lines_if
            .iter()
            .flat_map(|l| &l.when)
            .map(|c| (c, None));
        let choice_conds = node.choices.iter().enumerate().flat_map(|(i, c)| {
            c.requires
                .iter()
                .chain(c.react_if.iter().flat_map(|r| &r.when))
                .map(move |c| (c, Some(i)))
        });
        for (c, choice) in node_conds.chain(choice_conds) {
            let (Condition::Truth(t) | Condition::NotTruth(t)) = c else {
                continue;
            };
            if scenario.truths.contains_key(t) || !unknown_truths.insert((t, id, choice)) {
                continue;
            }
            let at = match choice {
                Some(i) => spans.choice(id, i).start,
                None => spans.node(id, 0).start,
            };
            let span = spans.string_after(t, at).unwrap_or(at..at);
            let declared: Vec<&str> = scenario.truths.iter().map(|(k, _)| k).collect();
            let help = declared
                .iter()
                .map(|k| (strsim::damerau_levenshtein(t, k), *k))
                .filter(|(d, _)| *d <= 3)
                .min_by_key(|(d, _)| *d)
                .map(|(_, k)| msg!("check-did-you-mean", id = clip(k, ID_SHOWN)))
                .or_else(|| {
                    Some(if declared.is_empty() {
                        msg!("check-declare-truths")
                    } else {
                        msg!("check-truths-are", list = clip(&declared.join(", "), 200))
                    })
                });
            cx.push(
                Error,
                Code::UnknownTruth,
                msg!("check-unknown-truth", truth = clip(t, ID_SHOWN)),
                span,
                msg!("label-unknown-truth"),
                help,
            );
        }
    }
}
