//! Criterion benchmarks: loading and checking scenarios, and random playthroughs.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use peercall_dialogue::{Call, Script, load_str, synthetic};
use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use std::hint::black_box;

const NETWORK: &str = include_str!("../../../dialogues/network-expansion.ron");
const DEMO: &str = include_str!("../../../dialogues/demo-request.ron");

fn load_and_check(c: &mut Criterion) {
    let mut g = c.benchmark_group("load+check");
    g.bench_function("network-expansion", |b| {
        b.iter(|| load_str("n.ron", black_box(NETWORK)))
    });
    g.bench_function("demo-request", |b| {
        b.iter(|| load_str("d.ron", black_box(DEMO)))
    });
    let big = synthetic::scenario_text(5_000);
    g.sample_size(20);
    g.bench_function("synthetic 5000 nodes", |b| {
        b.iter(|| {
            let checked = load_str("big.ron", black_box(&big));
            assert!(!checked.has_errors());
            checked
        })
    });
    g.finish();
}

/// Plays random calls through the compiled script until `choices` choices have been applied.
fn random_choices(script: &Script, rng: &mut ChaCha8Rng, choices: u64) -> u64 {
    let mut applied = 0;
    let mut endings = 0u64;
    while applied < choices {
        let mut state = script.start_state();
        loop {
            let offered: Vec<usize> = script.offered(&state).collect();
            let pick = offered[(rng.next_u32() as usize) % offered.len()];
            let (next, ending) = script.apply(&state, pick);
            applied += 1;
            if let Some(e) = ending {
                endings += u64::from(e);
                break;
            }
            state = next;
        }
    }
    endings
}

fn playthroughs(c: &mut Criterion) {
    let mut g = c.benchmark_group("random playthroughs");
    for (name, text) in [("network-expansion", NETWORK), ("demo-request", DEMO)] {
        let script = load_str("s.ron", text).into_script().unwrap();
        const N: u64 = 100_000;
        g.throughput(Throughput::Elements(N));
        g.bench_function(format!("{name}: script.apply, 100k choices"), |b| {
            let mut rng = ChaCha8Rng::seed_from_u64(1);
            b.iter(|| random_choices(&script, &mut rng, N))
        });
        g.throughput(Throughput::Elements(1));
        g.bench_function(format!("{name}: one Call, replayed with transcript"), |b| {
            let mut seed = 0;
            b.iter(|| {
                seed += 1;
                let mut call = Call::start(&script, seed);
                let mut rng = ChaCha8Rng::seed_from_u64(seed);
                while !call.is_over() {
                    let n = call.offered(&script).len();
                    call.choose(&script, 1 + rng.next_u32() as usize % n)
                        .unwrap();
                }
                black_box(call.transcript(&script))
            })
        });
    }
    g.finish();
}

/// Every shipped scenario.
const SHIPPED: [&str; 8] = [
    NETWORK,
    DEMO,
    include_str!("../../../dialogues/send-a-proposal.ron"),
    include_str!("../../../dialogues/free-pilot.ron"),
    include_str!("../../../dialogues/rfp-deadline.ron"),
    include_str!("../../../dialogues/free-consulting.ron"),
    include_str!("../../../dialogues/references-first.ron"),
    include_str!("../../../dialogues/thank-you.ron"),
];

fn analysis(c: &mut Criterion) {
    let scripts: Vec<Script> = SHIPPED
        .iter()
        .map(|t| load_str("s.ron", t).into_script().unwrap())
        .collect();
    let mut g = c.benchmark_group("analysis");
    g.bench_function("exhaustive, every shipped scenario", |b| {
        b.iter(|| {
            for s in &scripts {
                black_box(peercall_dialogue::analyze::analyze(
                    s,
                    0,
                    0,
                    peercall_dialogue::analyze::DEFAULT_STATE_LIMIT,
                ));
            }
        })
    });
    g.sample_size(10);
    g.bench_function("1 million random playthroughs, network-expansion", |b| {
        b.iter(|| peercall_dialogue::analyze::random_players(&scripts[0], 1_000_000, 7))
    });
    g.finish();
}

criterion_group!(benches, load_and_check, playthroughs, analysis);
criterion_main!(benches);
