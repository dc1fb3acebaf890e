//! Rules on what each truth teaches: peer play can win it, customer-advocate play cannot (when
//! the file compiles; `peercall analyze` explores further).

use super::ID_SHOWN;
use super::code::Code;
use super::context::Ctx;
use crate::diagnostic::{Severity, clip};
use crate::msg;

/// States per truth that `check` explores for the truth rules before it leaves them to
/// `peercall analyze`.
const TRUTH_STATES: usize = 100_000;

/// Each truth is won by the method and not without it.
pub(super) fn check<'s>(cx: &Ctx<'s, '_>) {
    use Severity::Warning;
    let (scenario, spans) = (cx.scenario, &cx.spans);
    if !scenario.truths.is_empty()
        && !cx.has_error(|_| true)
        && let Ok(script) = crate::script::Script::compile(scenario.clone())
        && let Some(lessons) = crate::analyze::truth_lessons(&script, TRUTH_STATES)
    {
        let at_truths = spans.top("truths").start;
        for l in lessons {
            let id = scenario.truths.at(l.truth as usize).0;
            let id_ = clip(id, ID_SHOWN);
            let span = spans
                .string_after(id, at_truths)
                .unwrap_or(at_truths..at_truths);
            if !l.peer_wins {
                cx.push(
                    Warning,
                    Code::NoPeerWin,
                    msg!("check-no-peer-win", truth = id_),
                    span.clone(),
                    msg!("label-cannot-be-won"),
                    Some(msg!("check-no-peer-win-help")),
                );
            }
            if l.advocate_wins {
                cx.push(
                    Warning,
                    Code::AdvocateWins,
                    msg!("check-advocate-wins", truth = id_),
                    span,
                    msg!("label-won-without-method"),
                    Some(msg!("check-advocate-wins-help")),
                );
            }
        }
    }
}
