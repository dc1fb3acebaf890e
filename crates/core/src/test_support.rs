//! What the shared crate's unit tests share: a finished call on a built-in scenario, and its
//! record.

use peercall_dialogue::{Call, Script};

/// The built-in demo-request call on seed 6, played with every node's first line to its end,
/// and its script.
pub fn finished_demo_call() -> (Call, Script) {
    let library = crate::library::Library::builtin();
    let script = library.script("demo-request").unwrap().clone();
    let mut call = Call::start(&script, 6);
    while !call.is_over() {
        call.choose_index(&script, 0).unwrap();
    }
    (call, script)
}

/// [`finished_demo_call`] recorded for Ana Lee, 90 s from 2026-05-01T10:00:00Z, and its script.
pub fn finished_demo_record() -> (crate::records::Record, Script) {
    let (call, script) = finished_demo_call();
    let t = humantime::parse_rfc3339("2026-05-01T10:00:00Z").unwrap();
    let r = crate::records::Record::of(
        &call,
        &script,
        "Ana Lee",
        "",
        t,
        t + std::time::Duration::from_secs(90),
        None,
    )
    .unwrap();
    (r, script)
}
