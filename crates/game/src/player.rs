//! Who is playing, for the records.

use bevy::prelude::*;

use crate::PlayOptions;

/// Who is playing, for the records.
#[derive(Resource, Debug, Clone)]
pub struct Profile {
    /// Display name.
    pub player: String,
    /// Team ("" for none).
    pub team: String,
}

impl Profile {
    /// The profile from the options, the environment, the records' saved profile or the login
    /// name ([`peercall_core::profile::resolve`]).
    pub fn from_options(
        options: &PlayOptions,
        store: Option<&peercall_core::records::Store>,
    ) -> Profile {
        let p = peercall_core::profile::resolve(
            options.player.as_deref(),
            options.team.as_deref(),
            store,
        );
        Profile {
            player: p.player,
            team: p.team,
        }
    }
}
