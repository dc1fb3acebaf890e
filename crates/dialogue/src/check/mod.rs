//! Semantic checks over a parsed scenario: every finding at once, each pointing at its place.
//!
//! One file per family of rules, each a `check` over the same context (`context.rs`), folded
//! together here in a fixed order; diagnostic codes are the `Code` enum. To add a rule: put it
//! in its family's file (or a new family, called below), with a `Code` and its messages in
//! `i18n/*.ftl`.

mod code;
mod conditions;
mod context;
mod graph;
mod ids;
mod lessons;
mod metadata;
mod nodes;
mod trust;
mod truths;

pub use code::Code;

use context::Ctx;

use crate::diagnostic::Diagnostic;
use crate::load::Locator;
use crate::scenario::Scenario;

/// Characters of an id quoted in a message; longer ids are cut with an ellipsis.
const ID_SHOWN: usize = 60;

/// Runs every semantic check on `scenario`, parsed from `text` in `file`.
pub fn check(scenario: &Scenario, file: &str, text: &str) -> Vec<Diagnostic> {
    check_located(scenario, file, text, Locator::new(text))
}

/// [`check`] with the [`Locator`] that parsing `text` already built.
pub fn check_located(
    scenario: &Scenario,
    file: &str,
    text: &str,
    loc: Locator<'_>,
) -> Vec<Diagnostic> {
    let cx = Ctx::new(scenario, file, text, loc);
    metadata::check(&cx);
    let hang_up_on = trust::check(&cx);
    ids::check(&cx);
    let flags = nodes::check(&cx);
    nodes::unset_flags(&cx, &flags);
    truths::check(&cx);
    conditions::check(&cx);
    nodes::too_many_flags(&cx, &flags);
    // The graph follows every edge: only when the ids are sound.
    if !cx.has_error(Code::breaks_the_graph) {
        graph::check(&cx, hang_up_on);
    }
    // What each truth teaches, when the file compiles.
    if !cx.has_error(|_| true) {
        lessons::check(&cx);
    }
    cx.finish()
}
