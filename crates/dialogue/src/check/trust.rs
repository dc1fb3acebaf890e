//! Rules on the trust meter: its range, where it starts, the hang-up rule and its ending.

use super::ID_SHOWN;
use super::code::Code;
use super::context::Ctx;
use crate::diagnostic::{Severity, clip};
use crate::msg;
use crate::scenario::Outcome;

/// The trust meter is consistent; whether the prospect can hang up.
pub(super) fn check<'s>(cx: &Ctx<'s, '_>) -> bool {
    use Severity::{Error, Warning};
    let (scenario, spans) = (cx.scenario, &cx.spans);
    let t = &scenario.trust;
    if t.min >= t.max {
        cx.push(
            Error,
            Code::TrustRange,
            msg!("check-trust-range-empty", min = t.min, max = t.max),
            spans.top("trust"),
            msg!("label-here"),
            None,
        );
    }
    if t.start < t.min || t.start > t.max {
        cx.push(
            Error,
            Code::TrustRange,
            msg!(
                "check-trust-start-outside",
                start = t.start,
                min = t.min,
                max = t.max
            ),
            spans.top("trust"),
            msg!("label-here"),
            None,
        );
    }
    if t.hang_up_below < t.min || t.hang_up_below > t.max {
        cx.push(
            Error,
            Code::TrustRange,
            msg!(
                "check-hang-up-outside",
                value = t.hang_up_below,
                min = t.min,
                max = t.max
            ),
            spans.top("trust"),
            msg!("label-here"),
            None,
        );
    }
    if t.hang_up_below > t.start && t.start >= t.min {
        cx.push(
            Error,
            Code::TrustRange,
            msg!(
                "check-trust-start-below-hang-up",
                start = t.start,
                value = t.hang_up_below
            ),
            spans.top("trust"),
            msg!("label-here"),
            None,
        );
    }
    let hang_up_on = t.hang_up_below > t.min;
    if hang_up_on {
        match scenario.endings.get(&t.hang_up) {
            None => cx.push(
                Error,
                Code::UnknownTarget,
                msg!("check-no-hang-up-ending", id = clip(&t.hang_up, ID_SHOWN)),
                spans.top("trust"),
                msg!("label-hang-up-rule"),
                Some(msg!(
                    "check-no-hang-up-ending-help",
                    id = clip(&t.hang_up, ID_SHOWN)
                )),
            ),
            Some(e) if e.outcome != Outcome::Lost => cx.push(
                Warning,
                Code::HangUpOutcome,
                msg!("check-hang-up-not-lost", id = clip(&t.hang_up, ID_SHOWN)),
                spans.ending(&t.hang_up, 0),
                msg!("label-here"),
                None,
            ),
            Some(_) => {}
        }
    }
    hang_up_on
}
