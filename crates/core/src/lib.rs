//! peercall-core: what every peercall front end shares, without Bevy or a web framework: the
//! scenario library (built-in and trainers' folders), the records store, competitions, the xAPI
//! outbox and sender, the team hub's client, and the checks on untrusted names and texts.

pub mod competition;
pub mod error;
pub mod finish;
pub mod hub;
pub mod i18n;
pub mod library;
pub mod po;
pub mod profile;
pub mod records;
pub mod shown;
pub mod ui;
pub mod xapi;

#[cfg(test)]
mod test_support;

pub use error::{Error, Result};
