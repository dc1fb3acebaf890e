//! The call being played: its script, the engine's call, its clocks, and the seeds calls are
//! drawn with. Part of the call, not of its screen: drawing the screen anew changes nothing here.

use std::sync::Arc;

use bevy::prelude::*;
use peercall_dialogue::{Call, Script};

/// The call being played (or just finished). It holds its own script, so nothing that
/// happens to the library (a reload, a competition narrowing it) can leave it without one.
#[derive(Resource, Debug, Clone)]
pub struct ActiveCall {
    /// The scenario being played.
    pub script: Arc<Script>,
    /// The engine's call.
    pub call: Call,
    /// Seconds since start-up when the call began (for the call clock).
    pub started: f64,
    /// Wall-clock time the call began (for the records).
    pub wall_start: std::time::SystemTime,
    /// The prospect's patience clock for the answer being awaited.
    pub wait: Wait,
    /// The drill this call plays, when it is one (it began at a missed moment).
    pub drill: Option<crate::screens::drill::DrillCall>,
}

impl ActiveCall {
    /// A call that starts now.
    pub fn new(script: Arc<Script>, call: Call, now: f64) -> ActiveCall {
        ActiveCall {
            script,
            call,
            started: now,
            wall_start: peercall_core::clock::now(),
            wait: Wait::default(),
            drill: None,
        }
    }

    /// The call's scenario.
    pub fn script(&self) -> &Script {
        &self.script
    }
}

/// How long the prospect has waited for the current answer (scenarios with `patience`). Part
/// of the call, not of its screen: drawing the screen anew changes nothing here.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Wait {
    /// When the wait began (seconds since start-up, moved on by time spent on hold).
    pub since: f64,
    /// Whole seconds past the scenario's patience already charged.
    pub charged: u32,
    /// Turns taken when the wait began (`None`: not started yet).
    pub turn: Option<usize>,
    /// When the call was put on hold, while it is.
    pub held_at: Option<f64>,
}

/// The seed the next call uses, and how the one after it is chosen.
#[derive(Resource, Debug, Clone, Copy)]
pub struct Seeds {
    /// Fixed seed from the command line, if any.
    pub fixed: Option<u64>,
    /// Counter for fresh seeds.
    pub next: u64,
}

impl Seeds {
    /// The seed for a new call.
    pub fn take(&mut self) -> u64 {
        match self.fixed {
            Some(s) => s,
            None => {
                self.next = self
                    .next
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                self.next >> 44
            }
        }
    }
}
