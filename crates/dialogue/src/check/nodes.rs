//! Rules on nodes and choices: something said and something to answer, trust changes within
//! the meter, every next a known id, commitments with days, flags that are set somewhere;
//! endings with a lesson.

use std::collections::HashSet;

use super::ID_SHOWN;
use super::code::Code;
use super::context::Ctx;
use crate::diagnostic::{Severity, clip};
use crate::msg;
use crate::scenario::{Condition, Effect};
use crate::script::MAX_FLAGS;

/// The flags a scenario names, as the node rules found them.
#[derive(Default)]
pub(super) struct Flags<'s> {
    set: HashSet<&'s str>,
    /// Flag, node, choice (`usize::MAX` for a node's state line).
    used: Vec<(&'s str, &'s str, usize)>,
    all: HashSet<&'s str>,
}

/// Every node, choice and ending is complete and points somewhere known.
pub(super) fn check<'s>(cx: &Ctx<'s, '_>) -> Flags<'s> {
    use Severity::{Error, Warning};
    let (scenario, spans) = (cx.scenario, &cx.spans);
    let t = &scenario.trust;
    let range = (t.max - t.min).max(0);
    let mut flags = Flags::default();
    for (id, node) in scenario.nodes.iter() {
        let id_ = clip(id, ID_SHOWN);
        if node.prospect.is_empty() {
            cx.push(
                Error,
                Code::EmptyText,
                msg!("check-node-silent", node = id_),
                spans.node(id, 0),
                msg!("label-here"),
                Some(msg!("check-node-silent-help")),
            );
        }
        for (i, line) in node.lines_if.iter().enumerate() {
            if line.prospect.is_empty() {
                cx.push(
                    Error,
                    Code::EmptyText,
                    msg!("check-state-line-empty", number = i + 1, node = id_),
                    spans.node(id, 0),
                    msg!("label-here"),
                    None,
                );
            }
            for c in &line.when {
                note_flags(c, &mut flags.used, &mut flags.all, id, usize::MAX);
            }
        }
        if node
            .prospect
            .iter()
            .chain(node.lines_if.iter().flat_map(|l| l.prospect.iter()))
            .any(|l| l.trim().is_empty())
        {
            cx.push(
                Error,
                Code::EmptyText,
                msg!("check-empty-prospect-line", node = id_),
                spans.node(id, 0),
                msg!("label-here"),
                None,
            );
        }
        if node.choices.is_empty() {
            cx.push(
                Error,
                Code::NoWayForward,
                msg!("check-no-choices", node = id_),
                spans.node(id, 0),
                msg!("label-no-choices"),
                Some(msg!("check-no-choices-help")),
            );
        } else if node.choices.iter().all(|c| !c.requires.is_empty()) {
            cx.push(
                Warning,
                Code::MaybeStuck,
                msg!("check-maybe-stuck", node = id_),
                spans.node(id, 0),
                msg!("label-here"),
                Some(msg!("check-maybe-stuck-help")),
            );
        }
        for (i, c) in node.choices.iter().enumerate() {
            if std::iter::once(&c.say)
                .chain(&c.also)
                .any(|w| w.trim().is_empty())
            {
                cx.push(
                    Error,
                    Code::EmptyText,
                    msg!("check-choice-silent", number = i + 1, node = id_),
                    spans.choice(id, i),
                    msg!("label-empty"),
                    None,
                );
            }
            let trusts = std::iter::once(c.trust).chain(c.react_if.iter().filter_map(|r| r.trust));
            for tr in trusts {
                if tr.unsigned_abs() > range as u32 {
                    cx.push(
                        Error,
                        Code::TrustChange,
                        msg!(
                            "check-trust-change",
                            change = format!("{tr:+}"),
                            min = t.min,
                            max = t.max
                        ),
                        spans.choice_field(id, i, "trust"),
                        msg!("label-here"),
                        None,
                    );
                }
            }
            let nexts = std::iter::once((&c.next, "next")).chain(
                c.react_if
                    .iter()
                    .filter_map(|r| r.next.as_ref().map(|n| (n, "react_if"))),
            );
            for (next, field) in nexts {
                let next_ = clip(next, ID_SHOWN);
                if !scenario.nodes.contains_key(next) && !scenario.endings.contains_key(next) {
                    let at = spans.choice_field(id, i, field).start;
                    let span = spans.string_after(next, at).unwrap_or(at..at);
                    cx.push(
                        Error,
                        Code::UnknownTarget,
                        msg!("check-unknown-next", id = next_),
                        span,
                        msg!("label-unknown-id"),
                        cx.suggest(next),
                    );
                }
            }
            for e in &c.effects {
                match e {
                    Effect::Commit { days, what } => {
                        if !days.is_finite() || *days <= 0.0 {
                            cx.push(
                                Error,
                                Code::BadDays,
                                msg!("check-commit-days", days = days),
                                spans.choice_field(id, i, "effects"),
                                msg!("label-here"),
                                None,
                            );
                        }
                        if what.trim().is_empty() {
                            cx.push(
                                Warning,
                                Code::EmptyText,
                                msg!("check-commit-what"),
                                spans.choice_field(id, i, "effects"),
                                msg!("label-here"),
                                None,
                            );
                        }
                    }
                    Effect::Set(f) => {
                        flags.set.insert(f);
                        flags.all.insert(f);
                    }
                    Effect::Clear(f) => {
                        flags.all.insert(f);
                    }
                    Effect::PeerContract => {}
                }
            }
            for cond in c
                .requires
                .iter()
                .chain(c.react_if.iter().flat_map(|r| r.when.iter()))
            {
                note_flags(cond, &mut flags.used, &mut flags.all, id, i);
                if let Condition::TrustAtLeast(v) | Condition::TrustBelow(v) = cond
                    && (*v < t.min || *v > t.max + 1)
                {
                    cx.push(
                        Warning,
                        Code::TrustCondition,
                        msg!("check-trust-condition", value = v, min = t.min, max = t.max),
                        spans.choice_field(id, i, "requires"),
                        msg!("label-here"),
                        None,
                    );
                }
            }
        }
    }
    for (id, ending) in scenario.endings.iter() {
        let id_ = clip(id, ID_SHOWN);
        if ending.lesson.trim().is_empty() {
            cx.push(
                Error,
                Code::EmptyText,
                msg!("check-no-lesson", id = id_),
                spans.ending(id, 0),
                msg!("label-here"),
                Some(msg!("check-no-lesson-help")),
            );
        }
    }
    flags
}

/// Every flag a condition reads is set somewhere (a guess at the one meant).
pub(super) fn unset_flags<'s>(cx: &Ctx<'s, '_>, flags: &Flags<'s>) {
    use Severity::Warning;
    let spans = &cx.spans;
    let mut reported = HashSet::new();
    for (flag, node, choice) in &flags.used {
        let flag_ = clip(flag, ID_SHOWN);
        if !flags.set.contains(flag) && reported.insert(*flag) {
            let at = if *choice == usize::MAX {
                spans.node(node, 0).start
            } else {
                spans.choice(node, *choice).start
            };
            let span = spans.string_after(flag, at).unwrap_or(at..at);
            let help = flags
                .set
                .iter()
                .map(|s| (strsim::damerau_levenshtein(flag, s), *s))
                .filter(|(d, _)| *d <= 3)
                .min_by_key(|(d, _)| *d)
                .map(|(_, s)| msg!("check-unset-flag-guess", flag = clip(s, ID_SHOWN)))
                .or_else(|| Some(msg!("check-unset-flag-help")));
            cx.push(
                Warning,
                Code::UnsetFlag,
                msg!("check-unset-flag", flag = flag_),
                span,
                msg!("label-never-set"),
                help,
            );
        }
    }
}

/// Not more flags than a call can hold.
pub(super) fn too_many_flags<'s>(cx: &Ctx<'s, '_>, flags: &Flags<'s>) {
    use Severity::Error;
    let spans = &cx.spans;
    if flags.all.len() > MAX_FLAGS {
        cx.push(
            Error,
            Code::TooManyFlags,
            msg!(
                "check-too-many-flags",
                count = flags.all.len(),
                max = MAX_FLAGS
            ),
            spans.top("nodes"),
            msg!("label-here"),
            None,
        );
    }
}

fn note_flags<'a>(
    c: &'a Condition,
    used: &mut Vec<(&'a str, &'a str, usize)>,
    all: &mut HashSet<&'a str>,
    node: &'a str,
    choice: usize,
) {
    if let Condition::Flag(f) | Condition::NotFlag(f) = c {
        all.insert(f);
        if matches!(c, Condition::Flag(_)) {
            used.push((f, node, choice));
        }
    }
}
