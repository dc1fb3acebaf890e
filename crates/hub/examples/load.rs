//! The hub under load, with real servers on loopback: 200 players join and post 20,000 verified
//! results at once (throughput, latency percentiles), then the board (JSON and page) is read over
//! 100,000 results, and the hub process's peak memory is read from /proc.
//!
//! `cargo run --release -p peercall-hub --example load [-- --database-url postgres://...]` (the
//! hub runs as a child process: this program started again with `--serve DIR [URL]`; with a
//! PostgreSQL URL, an empty database, the results beyond the 20,000 are posted too).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use peercall_core::competition::player_seed;
use peercall_core::hub_client;
use peercall_core::library::Library;
use peercall_core::records::{Record, Store};
use peercall_dialogue::Call;

const PLAYERS: usize = 200;
const ATTEMPTS: u32 = 100;
const BOARD_RESULTS: usize = 100_000;
const ADMIN: &str = "load-test-admin";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--serve") {
        let data = PathBuf::from(&args[2]);
        peercall_hub::serve(peercall_hub::Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            data,
            database_url: args.get(3).cloned(),
            admin_token: Some(ADMIN.into()),
            // The limit is for people; this measures the hub.
            posts_per_minute: u32::MAX,
            joins_per_minute: u32::MAX,
            header_timeout: peercall_hub::HEADER_TIMEOUT,
            web: None,
            lms_origins: Vec::new(),
        })
        .unwrap();
        return;
    }
    let database = match args.get(1).map(String::as_str) {
        Some("--database-url") => Some(args.get(2).expect("--database-url URL").clone()),
        _ => None,
    };
    let dir = tempfile_dir();
    let data = dir.join("hub");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .arg("--serve")
        .arg(&data)
        .args(database.iter())
        .env_remove("PEERCALL_LRS_ENDPOINT")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("listening on") {
        line.clear();
        out.read_line(&mut line).unwrap();
    }
    let url = line.split_whitespace().last().unwrap().to_string();
    let pid = child.id();

    // The trainer publishes the network call for ten teams.
    let file = format!(
        "Competition(id: \"load\", name: \"Load\", attempts: {ATTEMPTS}, scenarios: [(id: \"network-expansion\", seed: 7)])"
    );
    let source = Library::builtin_source("dialogues/network-expansion.ron").unwrap();
    let teams: Vec<String> = (1..=10).map(|t| format!("Team {t}")).collect();
    let codes =
        hub_client::publish(&url, ADMIN, &file, &[source.to_string()], &teams, false).unwrap();
    let library = Library::builtin();
    let script = library.entries[library.find("network-expansion").unwrap()]
        .script()
        .unwrap()
        .clone();

    // 200 players join; each plays their 100 own calls (the peer process that fits each truth).
    let started = Instant::now();
    let players: Vec<(String, String, String)> = (0..PLAYERS)
        .map(|p| {
            let (team, code) = &codes[p % codes.len()];
            let name = format!("Player {p:03}");
            let joined = hub_client::join(&url, code, &name).unwrap();
            (name, team.clone(), joined.token)
        })
        .collect();
    println!("{PLAYERS} players joined in {:?}", started.elapsed());
    let calls = move |name: &str, team: &str, competition: Option<&str>, attempts: u32| {
        (0..attempts)
            .map(|a| {
                let seed = player_seed("load", &script, 7, name, a);
                let mut call = Call::start(&script, seed);
                let truth = script.scenario().truths.at(call.truth() as usize).0;
                let picks: &[usize] = match truth {
                    "consolidating" => &[2, 1, 2, 1, 1, 1, 1],
                    "funded" => &[2, 1, 3, 2, 2],
                    _ => &[2, 1, 3, 2, 3],
                };
                for &p in picks {
                    call.choose_index(&script, p - 1).unwrap();
                }
                let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_764_000_000 + u64::from(a));
                Record::of(
                    &call,
                    &script,
                    name,
                    team,
                    t,
                    t + Duration::from_secs(240),
                    competition,
                )
                .unwrap()
            })
            .collect::<Vec<_>>()
    };
    let work: Vec<(String, Vec<Record>)> = players
        .iter()
        .map(|(name, team, token)| (token.clone(), calls(name, team, Some("load"), ATTEMPTS)))
        .collect();

    // All at once: one thread per player, each posting its results one after another.
    let started = Instant::now();
    let handles: Vec<_> = work
        .into_iter()
        .map(|(token, records)| {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut latencies = Vec::with_capacity(records.len());
                for r in &records {
                    let t = Instant::now();
                    let sent = hub_client::send(&url, &token, r);
                    assert_eq!(
                        sent.map_err(|e| e.to_string()),
                        Ok(hub_client::Sent::Recorded)
                    );
                    latencies.push(t.elapsed());
                }
                latencies
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let took = started.elapsed();
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!(
        "{} results from {PLAYERS} players in {took:.1?}: {:.0} results/s; latency p50 {:?}, p99 {:?}, max {:?}",
        latencies.len(),
        latencies.len() as f64 / took.as_secs_f64(),
        pct(0.50),
        pct(0.99),
        latencies.last().unwrap()
    );

    // The board over 100,000 results: the rest written straight into the hub's records (on
    // PostgreSQL, posted by 50 more players at once).
    let extra = BOARD_RESULTS - PLAYERS * ATTEMPTS as usize;
    let per_player = 100;
    if database.is_none() {
        let (store, _) = Store::open(&data.join("records.sqlite")).unwrap();
        let mut batch = Vec::new();
        for p in 0..extra / per_player {
            batch.extend(calls(
                &format!("Extra {p:04}"),
                "Team 1",
                Some("load"),
                per_player as u32,
            ));
            if batch.len() >= 10_000 {
                store.record_many(&batch, true).unwrap();
                batch.clear();
            }
        }
        store.record_many(&batch, true).unwrap();
    } else {
        let extras: Vec<(String, String)> = (0..extra / per_player)
            .map(|p| {
                let name = format!("Extra {p:04}");
                let joined = hub_client::join(&url, &codes[0].1, &name).unwrap();
                (name, joined.token)
            })
            .collect();
        let chunks: Vec<Vec<(String, String)>> = extras
            .chunks(extras.len().div_ceil(50))
            .map(<[_]>::to_vec)
            .collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let url = url.clone();
                let calls = calls.clone();
                std::thread::spawn(move || {
                    for (name, token) in chunk {
                        for r in calls(&name, "Team 1", Some("load"), per_player as u32) {
                            hub_client::send(&url, &token, &r).unwrap();
                        }
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
    }
    for (what, path) in [
        ("board JSON", "/api/competitions/load/board"),
        ("board page", "/competitions/load"),
    ] {
        let agent = ureq::Agent::new_with_defaults();
        let mut times = Vec::new();
        for _ in 0..200 {
            let t = Instant::now();
            let mut r = agent.get(&format!("{url}{path}")).call().unwrap();
            let _ = r.body_mut().read_to_string().unwrap();
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "{what} over {BOARD_RESULTS} results: p50 {:?}, p99 {:?}",
            times[100], times[197]
        );
    }
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: ?");
    println!(
        "hub process peak memory: {}",
        peak.trim_start_matches("VmHWM:").trim()
    );
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}

fn tempfile_dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("peercall-hub-load-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}
