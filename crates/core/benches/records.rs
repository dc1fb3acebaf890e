//! Criterion benchmarks for the records: recording a finished call, a leaderboard over 100,000
//! results, and importing (replaying and verifying) 10,000 results.

use std::hint::black_box;
use std::time::{Duration, SystemTime};

use criterion::{Criterion, criterion_group, criterion_main};
use peercall_core::library::Library;
use peercall_core::records::{BoardQuery, Export, Record, Store, import};
use peercall_dialogue::{Call, Script};
use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

/// `n` genuine results: random players on the shipped scenarios.
fn results(n: usize, scripts: &[Script]) -> Vec<Record> {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_790_000_000);
    (0..n)
        .map(|i| {
            let script = &scripts[i % scripts.len()];
            let mut call = Call::start(script, i as u64);
            while !call.is_over() {
                let k = call.offered(script).len();
                call.choose(script, 1 + rng.next_u32() as usize % k)
                    .unwrap();
            }
            let start = t0 + Duration::from_secs(i as u64 * 60);
            Record::of(
                &call,
                script,
                &format!("player-{}", i % 1000),
                &format!("team-{}", i % 37),
                start,
                start + Duration::from_secs(120 + (i % 300) as u64),
                None,
            )
            .unwrap()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let library = Library::builtin();
    let scripts: Vec<Script> = library
        .entries
        .iter()
        .filter_map(|e| e.script().cloned())
        .collect();
    let dir = tempfile::tempdir().unwrap();

    let mut g = c.benchmark_group("records");
    let (store, _) = Store::open(&dir.path().join("one.sqlite")).unwrap();
    let pool = results(2000, &scripts);
    let mut i = 0;
    g.bench_function("record one finished call (WAL, synchronous=FULL)", |b| {
        b.iter(|| {
            let mut r = pool[i % pool.len()].clone();
            r.started_at = format!("{}-{i}", r.started_at);
            r.id = r.content_id();
            i += 1;
            store.record(black_box(&r), false).unwrap()
        })
    });

    let (big, _) = Store::open(&dir.path().join("big.sqlite")).unwrap();
    big.record_many(&results(100_000, &scripts), false).unwrap();
    assert_eq!(big.count().unwrap(), 100_000);
    g.bench_function("leaderboard over 100,000 results", |b| {
        b.iter(|| big.board(black_box(&BoardQuery::default())).unwrap())
    });
    g.bench_function("team leaderboard over 100,000 results", |b| {
        b.iter(|| {
            big.board(black_box(&BoardQuery {
                by_team: true,
                ..Default::default()
            }))
            .unwrap()
        })
    });

    let file = dir.path().join("export.json");
    std::fs::write(
        &file,
        serde_json::to_string(&Export {
            format: "peercall-records".into(),
            version: 1,
            records: results(10_000, &scripts),
        })
        .unwrap(),
    )
    .unwrap();
    g.sample_size(10);
    let mut n = 0;
    g.bench_function("import and verify 10,000 results", |b| {
        b.iter(|| {
            n += 1;
            let (fresh, _) = Store::open(&dir.path().join(format!("import-{n}.sqlite"))).unwrap();
            let report = import(&fresh, std::slice::from_ref(&file), &library, &[]).unwrap();
            assert_eq!(report.added, 10_000);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
