//! Who is playing: one answer for the game, `peercall run` and `peercall compete`.

use crate::records::Store;

/// A player's name and team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// Display name.
    pub player: String,
    /// Team ("" for none).
    pub team: String,
}

/// The profile, from the first of: what was given on the command line, `PEERCALL_PLAYER` and
/// `PEERCALL_TEAM`, the profile saved in the records (typed in the game), the login name, and
/// "Player". Names that [`crate::untrusted::name`] refuses are passed over.
pub fn resolve(player: Option<&str>, team: Option<&str>, store: Option<&Store>) -> Profile {
    let valid = |what: &str, v: &str, blank: bool| crate::untrusted::name(what, v, blank).ok();
    let env = |k: &str, blank: bool| std::env::var(k).ok().and_then(|v| valid(k, &v, blank));
    let saved = |key: &str| {
        store
            .and_then(|s| s.setting(key).ok().flatten())
            .and_then(|v| valid(key, &v, key == "team"))
    };
    let given = player.and_then(|p| valid("--player", p, false));
    let from_env = env("PEERCALL_PLAYER", false);
    let explicit = given.is_some() || from_env.is_some();
    let player = given
        .or(from_env)
        .or_else(|| saved("player"))
        .or_else(|| env("USER", false))
        .or_else(|| env("USERNAME", false))
        .unwrap_or_else(|| "Player".into());
    // The saved team goes with the saved name, not with a name given now.
    let team = team
        .and_then(|t| valid("--team", t, true))
        .or_else(|| env("PEERCALL_TEAM", true))
        .or_else(|| if explicit { None } else { saved("team") })
        .unwrap_or_default();
    Profile { player, team }
}
