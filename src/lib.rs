//! peercall: the game and the command line, built on `peercall-core` (library, records,
//! competitions, xAPI) and the `peercall-dialogue` engine.

pub mod cli;
pub mod game;

pub use peercall_core::{competition, library, profile, records, shown, xapi};
