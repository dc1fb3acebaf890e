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
/// `home_page`. Returns the record and whether it was new (recording the same call twice
/// changes nothing), or `None` when the call is not over.
pub fn finish_call(
    store: &Store,
    call: &Call,
    script: &Script,
    who: Played<'_>,
    home_page: &str,
) -> Result<Option<(Record, bool)>, Error> {
    let Some(mut record) = Record::of(
        call,
        script,
        who.player,
        who.team,
        who.started,
        crate::clock::now(),
        who.competition,
    ) else {
        return Ok(None);
    };
    record.lang = who
        .lang
        .filter(|l| *l != crate::i18n::SOURCE)
        .unwrap_or_default()
        .to_string();
    let added = crate::xapi::record(store, &record, script, home_page)?;
    Ok(Some((record, added)))
}
