//! Peak memory of loading, checking and compiling one scenario file, as the game and
//! `peercall check` do: `cargo run --release -p peercall-dialogue --example load_memory -- FILE`
//! prints the process's peak resident memory (VmHWM) before and after.

fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: load_memory FILE");
        std::process::exit(2);
    };
    let before = peak_kb();
    let start = std::time::Instant::now();
    let checked = peercall_dialogue::load_path(std::path::Path::new(&path));
    let findings = checked.diagnostics.len();
    let script = checked.into_script();
    println!(
        "{path}: {findings} findings, {} in {:.0} ms; peak memory {} MB (process start {} MB)",
        if script.is_ok() {
            "compiled"
        } else {
            "not compiled"
        },
        start.elapsed().as_secs_f64() * 1000.0,
        peak_kb() / 1024,
        before / 1024
    );
}
