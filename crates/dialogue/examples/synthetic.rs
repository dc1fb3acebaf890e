//! Prints a generated scenario with N nodes (default 5000), for timing `peercall check`:
//! `cargo run -p peercall-dialogue --example synthetic -- 5000 > /tmp/big.ron`.

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5000);
    print!("{}", peercall_dialogue::synthetic::scenario_text(n));
}
