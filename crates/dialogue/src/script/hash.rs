//! Content hashes of a scenario: the canonical one and the one peercall 0.1 used.

use sha2::{Digest, Sha256};

use crate::scenario::Scenario;

/// SHA-256 (hex) of the scenario's content: its canonical binary encoding (postcard's
/// documented format: every field in declaration order, nodes, choices and endings in file
/// order), streamed into the hasher. Comments, layout, and whether a default is written out or
/// left implicit do not change it; any change to a text, an id, a number or an order does.
pub fn content_hash(scenario: &Scenario) -> String {
    let digest = postcard::serialize_with_flavor(scenario, Hasher(Sha256::new()))
        .map(|h| h.0.finalize())
        .unwrap_or_default();
    hex(&digest)
}

/// The hash peercall 0.1 gave a scenario: SHA-256 of its RON text. Only used to recognise old
/// competition files and records and to say what changed.
pub fn legacy_content_hash(scenario: &Scenario) -> String {
    let canonical = ron::to_string(scenario).unwrap_or_default();
    hex(&Sha256::digest(canonical.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Feeds postcard's output straight into SHA-256.
struct Hasher(Sha256);

impl postcard::ser_flavors::Flavor for Hasher {
    type Output = Hasher;

    fn try_push(&mut self, data: u8) -> postcard::Result<()> {
        self.0.update([data]);
        Ok(())
    }

    fn try_extend(&mut self, data: &[u8]) -> postcard::Result<()> {
        self.0.update(data);
        Ok(())
    }

    fn finalize(self) -> postcard::Result<Hasher> {
        Ok(self)
    }
}
