//! The wall clock and the stopwatch, on every target: std's on the desktop, the page's in the
//! browser (where std's `SystemTime::now()` and `Instant::now()` abort the program).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The stopwatch: std's `Instant` on the desktop, the page's `performance.now()` in a browser.
pub use web_time::Instant;

/// Now, as std's `SystemTime` (what every record, date and statement is written with).
pub fn now() -> SystemTime {
    let since = web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .unwrap_or(Duration::ZERO);
    UNIX_EPOCH + since
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_clock_is_the_system_clock() {
        let ours = super::now();
        let std = std::time::SystemTime::now();
        let apart = std.duration_since(ours).unwrap_or_else(|e| e.duration());
        assert!(apart < std::time::Duration::from_secs(1), "{apart:?}");
    }
}
