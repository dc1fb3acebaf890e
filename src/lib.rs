//! peercall: the game, the command line and the scenario library, built on the
//! `peercall-dialogue` engine.

pub mod cli;
pub mod competition;
pub mod game;
pub mod library;
pub mod records;
pub mod shown;
pub mod xapi;
