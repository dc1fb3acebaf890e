//! Which screen is showing, the scenarios on offer, the one picked, and a message for the next
//! screen.

use bevy::prelude::*;
use peercall_core::library::Library;

/// The screens of the game.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// Name, promise, play / scenarios / quit.
    #[default]
    Title,
    /// Every scenario, with its difficulty and situation.
    Pick,
    /// Who is calling and what they asked for.
    Briefing,
    /// The call itself.
    Call,
    /// The outcome, the score and the turn-by-turn review.
    Debrief,
    /// The diagnostics of a broken scenario file.
    Error,
    /// Who is playing: name and team.
    Profile,
    /// The self-diagnostic question, before and after the onboarding path.
    Diagnostic,
    /// The leaderboard.
    Board,
    /// Competitions found on this machine.
    Competitions,
    /// Joining a team hub: its address and a join code.
    Join,
    /// The habit to fix, with a chart of the calls read.
    Habits,
}

/// The scenarios on offer.
#[derive(Resource, Debug, Clone)]
pub struct Scenarios(pub Library);

/// The scenario the player picked, by its [`peercall_core::library::Entry::key`] (the
/// scenario's id, or a broken file's name), so that it survives the library being re-sorted
/// or swapped.
#[derive(Resource, Debug, Clone, Default)]
pub struct Selected(pub Option<String>);

impl Selected {
    /// The picked entry, if it is still in `scenarios`.
    pub fn entry<'a>(&self, scenarios: &'a Scenarios) -> Option<&'a peercall_core::library::Entry> {
        scenarios.0.get(self.0.as_deref()?)
    }
}

/// A message for the player on the next screen (for example, no attempts left).
#[derive(Resource, Debug, Clone, Default)]
pub struct LastNotice(pub Option<String>);
