//! Prints a generated scenario, for timing `peercall check`:
//! `cargo run -p peercall-dialogue --example synthetic -- 20000 --unreachable 0.1 --conditions`
//! (N nodes, default 5000; a share of unreachable nodes, as in a draft; flag conditions).

use peercall_dialogue::synthetic::{Shape, generate};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut shape = Shape::plain(5000);
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--unreachable" => {
                i += 1;
                shape.unreachable = args.get(i).and_then(|a| a.parse().ok()).unwrap_or(0.1);
            }
            "--conditions" => shape.conditions = true,
            n => shape.nodes = n.parse().unwrap_or(shape.nodes),
        }
        i += 1;
    }
    print!("{}", generate(&shape));
}
