//! What the shared crate's unit tests share: a finished call on a built-in scenario.

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
