//! The browser's entry point: wasm-bindgen calls `main` when the page has loaded the module.

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn main() {
    peercall_game::web::run();
}

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn main() {
    eprintln!("peercall-web runs in a browser: build it with scripts/build-web.sh");
    std::process::exit(2);
}
