//! Scripted players with fixed habits, each playing the same calls as a person sees them
//! (shuffled order and drawn wordings included): how often does a habit that ignores what the
//! prospect says still qualify the call? A well-made scenario rewards only the peer process.

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use serde::Serialize;

use crate::call::{Call, Offer};
use crate::scenario::Stance;
use crate::script::Script;

/// Most lines a scripted player says before it gives up on a call that never ends.
const MAX_LINES: usize = 500;

/// A habit a scripted player keeps on every turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Habit {
    /// Says a customer-advocate line whenever one is offered.
    Advocate,
    /// Says a peer line whenever one is offered, without reading what the prospect said.
    PeerSounding,
    /// Says whichever line raises the trust meter most right now.
    Meter,
    /// Always the first line shown.
    First,
    /// Always the last line shown.
    Last,
    /// Always the longest line.
    Longest,
    /// A line at random.
    Random,
    /// Presses the numbers that qualified the first call (of the peer-sounding player) again,
    /// whatever is shown.
    SameKeys,
}

impl Habit {
    /// Every habit, in report order.
    pub const ALL: [Habit; 8] = [
        Habit::Advocate,
        Habit::PeerSounding,
        Habit::Meter,
        Habit::First,
        Habit::Last,
        Habit::Longest,
        Habit::Random,
        Habit::SameKeys,
    ];

    /// The habit in a few words.
    pub fn label(self) -> &'static str {
        match self {
            Habit::Advocate => "customer advocate",
            Habit::PeerSounding => "peer-sounding lines, not listening",
            Habit::Meter => "whatever raises the meter most",
            Habit::First => "always the first line",
            Habit::Last => "always the last line",
            Habit::Longest => "always the longest line",
            Habit::Random => "a random line",
            Habit::SameKeys => "the keys that won the first call",
        }
    }
}

/// How one habit fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HabitReport {
    /// The habit.
    pub habit: Habit,
    /// Calls played (seeds `seed` to `seed + calls - 1`).
    pub calls: u64,
    /// Calls that ended qualified (in or out).
    pub qualified: u64,
    /// Mean score of the calls that ended.
    pub score_mean: f64,
}

impl HabitReport {
    /// Qualified calls in percent.
    pub fn qualified_pct(&self) -> f64 {
        100.0 * self.qualified as f64 / self.calls.max(1) as f64
    }
}

/// Plays `calls` calls (seeds `seed`, `seed + 1`, ...) with every habit.
pub fn play_habits(script: &Script, calls: u64, seed: u64) -> Vec<HabitReport> {
    let keys = winning_keys(script, seed);
    Habit::ALL
        .iter()
        .map(|&habit| {
            let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5EED);
            let (mut qualified, mut sum, mut ended) = (0, 0u64, 0u64);
            for s in seed..seed.saturating_add(calls) {
                let call = play(script, s, habit, &keys, &mut rng);
                if let Some(points) = call.score(script) {
                    ended += 1;
                    sum += u64::from(points);
                }
                if call.outcome(script).is_some_and(|o| o.is_qualified()) {
                    qualified += 1;
                }
            }
            HabitReport {
                habit,
                calls,
                qualified,
                score_mean: if ended > 0 {
                    sum as f64 / ended as f64
                } else {
                    0.0
                },
            }
        })
        .collect()
}

/// The numbers the peer-sounding player pressed on the first seed, if that call qualified.
fn winning_keys(script: &Script, seed: u64) -> Vec<usize> {
    let mut rng = ChaCha8Rng::seed_from_u64(0);
    let call = play(script, seed, Habit::PeerSounding, &[], &mut rng);
    if call.outcome(script).is_some_and(|o| o.is_qualified()) {
        call.turns().iter().map(|t| t.shown as usize).collect()
    } else {
        Vec::new()
    }
}

fn play(script: &Script, seed: u64, habit: Habit, keys: &[usize], rng: &mut ChaCha8Rng) -> Call {
    let mut call = Call::start(script, seed);
    for turn in 0..MAX_LINES {
        let offers = call.offered(script);
        if offers.is_empty() {
            break;
        }
        let number = pick(script, &call, &offers, habit, keys.get(turn).copied(), rng);
        if call.choose(script, number).is_err() {
            break;
        }
    }
    call
}

/// The number the habit presses among `offers`.
fn pick(
    script: &Script,
    call: &Call,
    offers: &[Offer<'_>],
    habit: Habit,
    key: Option<usize>,
    rng: &mut ChaCha8Rng,
) -> usize {
    let by_stance = |wanted: Stance| {
        offers
            .iter()
            .find(|o| o.signal.stance() == wanted)
            .or_else(|| offers.iter().find(|o| o.signal.stance() == Stance::Neutral))
            .unwrap_or(&offers[0])
            .number
    };
    match habit {
        Habit::Advocate => by_stance(Stance::Advocate),
        Habit::PeerSounding => by_stance(Stance::Peer),
        Habit::First => 1,
        Habit::Last => offers.len(),
        // The first of equally long lines, as a reader's eye would settle.
        Habit::Longest => offers
            .iter()
            .rev()
            .max_by_key(|o| o.say.chars().count())
            .map_or(1, |o| o.number),
        Habit::Random => 1 + (rng.next_u64() % offers.len() as u64) as usize,
        Habit::Meter => offers
            .iter()
            .rev()
            .max_by_key(|o| {
                let mut trial = call.clone();
                trial
                    .choose(script, o.number)
                    .map_or(i32::MIN, |t| t.trust_after - t.trust_before)
            })
            .map_or(1, |o| o.number),
        Habit::SameKeys => key.filter(|&k| k <= offers.len()).unwrap_or(1),
    }
}
