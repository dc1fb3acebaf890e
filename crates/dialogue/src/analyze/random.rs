//! Random players: uniform over the offered choices, each seeded, with what they reached.

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

use super::*;

/// Plays `runs` random players (uniform over the offered choices), player i seeded `seed + i`.
pub fn random_players(script: &Script, runs: u64, seed: u64) -> RandomReport {
    let sc = script.scenario();
    let mut counts = vec![0u64; sc.endings.len()];
    let mut unfinished = 0;
    let (mut sum, mut min, mut max) = (0u64, u32::MAX, 0u32);
    let mut histogram = [0u64; 10];
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut offered = Vec::with_capacity(8);
    for i in 0..runs {
        // Player i is in the truth its call's seed would draw.
        let mut state = script.start_state_in(script.truth_for_seed(seed.wrapping_add(i)));
        let mut finished = None;
        for _ in 0..MAX_STEPS {
            offered.clear();
            offered.extend(script.offered(&state));
            if offered.is_empty() {
                break;
            }
            let pick = offered[(rng.next_u32() as usize) % offered.len()];
            let (after, ending) = script.apply(&state, pick);
            state = after;
            if let Some(e) = ending {
                finished = Some(e);
                break;
            }
        }
        match finished {
            Some(e) => {
                counts[e as usize] += 1;
                let points = score_at(script, e, u32::from(state.truth), state.trust, state.days());
                sum += u64::from(points);
                min = min.min(points);
                max = max.max(points);
                histogram[(points as usize / 10).min(9)] += 1;
            }
            None => unfinished += 1,
        }
    }
    let finished = runs - unfinished;
    RandomReport {
        runs,
        seed,
        endings: sc
            .endings
            .iter()
            .map(|(id, _)| id.to_string())
            .zip(counts)
            .collect(),
        unfinished,
        score_mean: if finished > 0 {
            sum as f64 / finished as f64
        } else {
            0.0
        },
        score_min: if finished > 0 { min } else { 0 },
        score_max: max,
        score_histogram: histogram,
    }
}
