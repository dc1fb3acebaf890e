//! Rules on the scenario's own fields: its id, title, briefing, prospect, days and patience.

use super::code::Code;
use super::context::Ctx;
use crate::diagnostic::Severity;
use crate::msg;

/// The scenario's own fields are filled in and in range.
pub(super) fn check<'s>(cx: &Ctx<'s, '_>) {
    use Severity::Error;
    let (scenario, spans) = (cx.scenario, &cx.spans);
    for (field, value) in [
        ("id", &scenario.id),
        ("title", &scenario.title),
        ("briefing", &scenario.briefing),
    ] {
        if value.trim().is_empty() {
            cx.push(
                Error,
                Code::EmptyText,
                msg!("check-empty-field", field = field),
                spans.top(field),
                msg!("label-empty"),
                None,
            );
        }
    }
    if scenario.prospect.name.trim().is_empty() {
        cx.push(
            Error,
            Code::EmptyText,
            msg!("check-no-prospect-name"),
            spans.top("prospect"),
            msg!("label-here"),
            None,
        );
    }
    if !scenario.days_needed.is_finite() || scenario.days_needed < 0.0 {
        cx.push(
            Error,
            Code::BadDays,
            msg!("check-bad-days-needed"),
            spans.top("days_needed"),
            msg!("label-here"),
            None,
        );
    }
    if let Some(p) = scenario.patience
        && (!p.is_finite() || p <= 0.0)
    {
        cx.push(
            Error,
            Code::BadPatience,
            msg!("check-bad-patience"),
            spans.top("patience"),
            msg!("label-here"),
            Some(msg!("check-bad-patience-help")),
        );
    }
}
