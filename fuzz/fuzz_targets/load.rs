//! Fuzz target: any bytes given to the scenario loader get an answer, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let checked = peercall_dialogue::load_bytes("fuzz.ron", data);
    for d in &checked.diagnostics {
        let _ = d.render(&checked.source, false);
    }
    if let Some(script) = checked.script() {
        // A clean scenario must also play: walk the first choice until the call ends.
        let mut call = peercall_dialogue::Call::start(&script, 0);
        for _ in 0..1000 {
            if call.is_over() {
                break;
            }
            let _ = call.choose(&script, 1);
        }
    }
});
