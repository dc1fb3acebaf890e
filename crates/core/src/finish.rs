//! Finishing a call: recording its result and queueing its xAPI statements, in one
//! transaction. Every front end (the game, `peercall run`) finishes calls through here.

use crate::Error;
use std::time::SystemTime;

use peercall_dialogue::{Call, Script};

use crate::records::{Record, Store};

/// Who played a call, and when and under which competition.
#[derive(Debug, Clone, Copy)]
pub struct Played<'a> {
    /// The player's name.
    pub player: &'a str,
    /// The player's team ("" for none).
    pub team: &'a str,
    /// When the call began.
    pub started: SystemTime,
    /// The competition it was played under.
    pub competition: Option<&'a str>,
    /// The language it was played in (`None` for the scenario's own).
    pub lang: Option<&'a str>,
}

/// Records a finished call and queues its statements for the LRS whose actors' home page is
/// `home_page`, with the decisions it missed as the player's drills. Returns the record and whether it was new (recording the same call twice
/// changes nothing), or `None` when the call is not over or is a drill's.
pub fn finish_call(
    store: &Store,
    call: &Call,
    script: &Script,
    who: Played<'_>,
    home_page: &str,
) -> Result<Option<(Record, bool)>, Error> {
    if call.drill_start().is_some() {
        // A drill begins mid-call: it is recorded by `drill_play::finish`, never as a call.
        return Ok(None);
    }
    let now = crate::clock::now();
    let Some(mut record) = Record::of(
        call,
        script,
        who.player,
        who.team,
        who.started,
        now,
        who.competition,
    ) else {
        return Ok(None);
    };
    record.lang = who
        .lang
        .filter(|l| *l != crate::i18n::SOURCE)
        .unwrap_or_default()
        .to_string();
    // The decisions missed come back as drills (a call replayed from a drill's moment is
    // recorded as a drill, never through here).
    let misses = peercall_dialogue::drill::misses(call, script);
    let added = crate::xapi::record_with_drills(store, &record, script, home_page, &misses, now)?;
    Ok(Some((record, added)))
}
