//! Rules on ids: nodes and endings defined once, choice ids unique and usable in translations,
//! a start that is a node.

use std::collections::HashMap;

use super::ID_SHOWN;
use super::code::Code;
use super::context::Ctx;
use crate::diagnostic::{Severity, clip};
use crate::msg;

/// Every id is defined once and the start is a node.
pub(super) fn check<'s>(cx: &Ctx<'s, '_>) {
    use Severity::Error;
    let (scenario, spans) = (cx.scenario, &cx.spans);
    for dup in scenario.nodes.duplicates() {
        let dup_ = clip(dup, ID_SHOWN);
        cx.push(
            Error,
            Code::DuplicateId,
            msg!("check-duplicate-node", id = dup_),
            spans.node(dup, 1),
            msg!("label-second-definition"),
            Some(msg!("check-duplicate-id-help")),
        );
    }
    for dup in scenario.endings.duplicates() {
        let dup_ = clip(dup, ID_SHOWN);
        cx.push(
            Error,
            Code::DuplicateId,
            msg!("check-duplicate-ending", id = dup_),
            spans.ending(dup, 1),
            msg!("label-second-definition"),
            Some(msg!("check-duplicate-id-help")),
        );
    }
    for (id, _) in scenario.endings.iter() {
        let id_ = clip(id, ID_SHOWN);
        if scenario.nodes.contains_key(id) {
            cx.push(
                Error,
                Code::DuplicateId,
                msg!("check-node-and-ending", id = id_),
                spans.ending(id, 0),
                msg!("label-also-a-node"),
                Some(msg!("check-node-and-ending-help")),
            );
        }
    }
    // Choice ids name lines in translations: one line, one id.
    let mut choice_ids: HashMap<&str, &str> = HashMap::new();
    for (node_id, node) in scenario.nodes.iter() {
        for (i, c) in node.choices.iter().enumerate() {
            if c.id.is_empty() {
                continue;
            }
            let bad = c.id.trim() != c.id
                || c.id.chars().any(|ch| ch.is_control() || ch == '#')
                || c.id.chars().count() > 80;
            if bad {
                cx.push(
                    Error,
                    Code::BadLineId,
                    msg!("check-bad-choice-id", id = clip(&c.id, ID_SHOWN)),
                    spans.choice_field(node_id, i, "id"),
                    msg!("label-here"),
                    Some(msg!("check-bad-choice-id-help")),
                );
            }
            if let Some(first) = choice_ids.insert(&c.id, node_id) {
                cx.push(
                    Error,
                    Code::DuplicateLineId,
                    msg!(
                        "check-duplicate-choice-id",
                        id = clip(&c.id, ID_SHOWN),
                        first = clip(first, ID_SHOWN)
                    ),
                    spans.choice_field(node_id, i, "id"),
                    msg!("label-second-use"),
                    Some(msg!("check-duplicate-choice-id-help")),
                );
            }
        }
    }
    if scenario.nodes.is_empty() {
        cx.push(
            Error,
            Code::NoNodes,
            msg!("check-no-nodes"),
            spans.top("nodes"),
            msg!("label-here"),
            None,
        );
    }
    if scenario.endings.is_empty() {
        cx.push(
            Error,
            Code::NoEndings,
            msg!("check-no-endings"),
            spans.top("endings"),
            msg!("label-here"),
            None,
        );
    }
    if !scenario.nodes.contains_key(&scenario.start) {
        let span = spans
            .string_after(&scenario.start, 0)
            .unwrap_or_else(|| spans.top("start"));
        let start = clip(&scenario.start, ID_SHOWN);
        let what = if scenario.endings.contains_key(&scenario.start) {
            msg!("check-start-is-ending", id = start)
        } else {
            msg!("check-start-not-a-node", id = start)
        };
        cx.push(
            Error,
            Code::UnknownTarget,
            what,
            span,
            msg!("label-here"),
            cx.suggest(&scenario.start),
        );
    }
}
