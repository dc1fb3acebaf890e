//! The game's screens, one plugin per file.

use bevy::prelude::*;

pub mod board;
pub mod briefing;
pub mod call;
pub mod certificate;
pub mod competitions;
pub mod debrief;
pub mod drill;
pub mod error;
pub mod habits;
pub mod join;
pub mod pick;
pub mod profile;
pub(crate) mod state;
pub mod title;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        title::plugin,
        pick::plugin,
        briefing::plugin,
        call::plugin,
        debrief::plugin,
        drill::plugin,
        error::plugin,
        habits::plugin,
        profile::plugin,
        board::plugin,
        competitions::plugin,
        join::plugin,
    ));
}

/// Up to two initials of a name, for an avatar.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect::<String>()
        .to_uppercase()
}
