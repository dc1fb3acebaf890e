//! How the game was asked to start: the command line's options.

use std::path::PathBuf;

use bevy::prelude::*;

use crate::ActiveCompetition;

/// How the game was asked to start.
#[derive(Resource, Debug, Clone, Default)]
pub struct PlayOptions {
    /// A trainer's folder (or file) of scenarios instead of the built-in ones.
    pub dialogues: Option<PathBuf>,
    /// Go straight to this scenario's briefing.
    pub scenario: Option<String>,
    /// Seed for every call (default: a new one per call).
    pub seed: Option<u64>,
    /// Scripted mode: walk every screen, playing these choice numbers.
    pub autoplay: Option<Vec<usize>>,
    /// Scripted mode: save a PNG of every screen here.
    pub screenshots: Option<PathBuf>,
    /// Window size in logical pixels (default 1280x800).
    pub window: Option<(u32, u32)>,
    /// Start with the high-contrast theme.
    pub high_contrast: bool,
    /// Start with this text scale (1.0, 1.25 or 1.5).
    pub text_scale: Option<f32>,
    /// The player's name for the records (default: `PEERCALL_PLAYER`, else the login name).
    pub player: Option<String>,
    /// The player's team.
    pub team: Option<String>,
    /// Records database (default: `PEERCALL_DB`, else the platform's data folder).
    pub db: Option<PathBuf>,
    /// A competition to play (`peercall compete FILE`).
    pub competition: Option<ActiveCompetition>,
    /// The language to play in (default: the one chosen last in the game, else
    /// [`PlayOptions::user_lang`], else the scenarios' own).
    pub lang: Option<String>,
    /// The language the player's system speaks (`PEERCALL_LANG`, else `LANG`), when the
    /// interface has it: where a first start begins, before the player has chosen one.
    pub user_lang: Option<String>,
    /// Trainer mode for translations: every line left in the source language is marked `[en]`.
    pub mark_untranslated: bool,
    /// "Play from here": the call of [`PlayOptions::scenario`] starts at this node, in this
    /// state (practice: such a call is not recorded).
    pub from: Option<StartFrom>,
}

/// Where a call starts when not at its scenario's start, and in what state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StartFrom {
    /// The node's id.
    pub node: String,
    /// The truth's id (default: the one the seed draws).
    pub truth: Option<String>,
    /// Trust (default: the scenario's start).
    pub trust: Option<i32>,
    /// Whether a peer contract has been set up.
    pub peer_contract: bool,
    /// The flags set, by name.
    pub flags: Vec<String>,
    /// Person-days already committed.
    pub days: f32,
}

impl StartFrom {
    /// The state it names in `script` for a call on `seed`; `None` when the scenario has no such
    /// node, flag or truth.
    pub fn state(
        &self,
        script: &peercall_dialogue::Script,
        seed: u64,
    ) -> Option<peercall_dialogue::State> {
        let truth = match &self.truth {
            Some(t) => script.scenario().truths.position(t)? as u32,
            None => script.truth_for_seed(seed),
        };
        peercall_dialogue::drill::Moment {
            node: self.node.clone(),
            trust: self.trust.unwrap_or(script.scenario().trust.start),
            peer_contract: self.peer_contract,
            centidays: peercall_dialogue::script::to_centidays(self.days),
            flags: self.flags.clone(),
        }
        .state(script, truth)
    }
}
