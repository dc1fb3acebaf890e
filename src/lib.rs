//! peercall: the command line, built on `peercall-core` (library, records, competitions, xAPI),
//! the `peercall-dialogue` engine and, with the default `game` feature, `peercall-game`.

pub mod cli;
