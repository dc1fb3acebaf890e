//! Criterion benchmarks: loading, checking and compiling scenarios from 1,000 to 50,000 nodes
//! (clean and with thousands of warnings), `Call::choose` at those sizes, random playthroughs
//! and analysis.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use peercall_dialogue::synthetic::{self, Shape};
use peercall_dialogue::{Call, Script, load_str, load_string};
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
    g.finish();
}

/// The generated sizes, clean and as a draft with 10% unreachable nodes (two warnings each),
/// with two choices a node (about 400 bytes) and with flag conditions and a third choice (about
/// 630 bytes).
fn shapes() -> Vec<(String, Shape)> {
    let mut out = Vec::new();
    for nodes in SIZES {
        for conditions in [false, true] {
            for (label, unreachable) in [("clean", 0.0), ("10% unreachable", 0.1)] {
                let kind = if conditions { "conditions" } else { "plain" };
                out.push((
                    format!("{nodes} nodes, {kind}, {label}"),
                    Shape {
                        nodes,
                        unreachable,
                        conditions,
                    },
                ));
            }
        }
    }
    out
}

const SIZES: [usize; 4] = [1_000, 5_000, 20_000, 50_000];

fn load_check_compile(c: &mut Criterion) {
    let mut g = c.benchmark_group("load+check+compile");
    g.sample_size(10);
    for (name, shape) in shapes() {
        let text = synthetic::generate(&shape);
        let warnings = load_str("big.ron", &text).warning_count();
        g.bench_function(format!("{name} ({warnings} warnings)"), |b| {
            // As `load_path` does: the file's text is handed over, not copied; freeing the
            // script afterwards is not part of loading it.
            b.iter_batched(
                || text.clone(),
                |text| {
                    let checked = load_string("big.ron", black_box(text));
                    assert!(!checked.has_errors());
                    checked.into_script().expect("compiles")
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

/// Random calls through `Call::choose` (the numbers a player presses), `n` choices in all.
fn calls(script: &Script, rng: &mut ChaCha8Rng, n: u64) -> u64 {
    let mut made = 0;
    let mut seed = 0;
    while made < n {
        seed += 1;
        let mut call = Call::start(script, seed);
        while !call.is_over() && made < n {
            let offered = call.offered_count(script);
            call.choose(script, 1 + rng.next_u32() as usize % offered)
                .expect("offered");
            made += 1;
        }
    }
    made
}

fn call_choose(c: &mut Criterion) {
    let mut g = c.benchmark_group("Call::choose");
    g.sample_size(20);
    const N: u64 = 200_000;
    g.throughput(Throughput::Elements(N));
    for nodes in SIZES {
        let text = synthetic::generate(&Shape {
            nodes,
            unreachable: 0.0,
            conditions: true,
        });
        let script = load_str("big.ron", &text).into_script().unwrap();
        g.bench_function(format!("{nodes} nodes"), |b| {
            let mut rng = ChaCha8Rng::seed_from_u64(1);
            b.iter(|| calls(&script, &mut rng, N))
        });
    }
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
        g.bench_function(format!("{name}: Call::choose, 100k choices"), |b| {
            let mut seed = 0;
            b.iter(|| {
                seed += 1;
                synthetic::random_calls(&script, seed, N)
            })
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

criterion_group!(
    benches,
    load_and_check,
    load_check_compile,
    call_choose,
    playthroughs,
    analysis
);
criterion_main!(benches);
