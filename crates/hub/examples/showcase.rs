//! A hub with a competition and a certification in progress, for looking at its pages and taking
//! screenshots: three teams of players who play their own calls, most with the peer process,
//! some as customer advocates, some at random; every result posted and verified as a player's
//! would be.
//!
//! `cargo run -p peercall-hub --example showcase -- 127.0.0.1:8080` (runs until stopped; the
//! admin token is `showcase`). `scripts/hub-screenshots.sh` uses it.

use std::time::{Duration, SystemTime};

use peercall_core::competition::player_seed;
use peercall_core::hub_client;
use peercall_core::library::Library;
use peercall_core::records::Record;
use peercall_dialogue::Call;

const ADMIN: &str = "showcase";

fn main() {
    let listen = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".into());
    let data = std::env::temp_dir().join(format!("peercall-showcase-{}", std::process::id()));
    let config = peercall_hub::Config {
        listen: listen.parse().expect("an address such as 127.0.0.1:8080"),
        data: data.clone(),
        database_url: None,
        admin_token: Some(ADMIN.into()),
        posts_per_minute: u32::MAX,
        joins_per_minute: u32::MAX,
        header_timeout: peercall_hub::HEADER_TIMEOUT,
        web: None,
        lms_origins: Vec::new(),
    };
    std::thread::spawn(move || peercall_hub::serve(config));
    let url = format!("http://{listen}");
    while ureq::get(&url).call().is_err() {
        std::thread::sleep(Duration::from_millis(100));
    }
    let winter = r#"Competition(id: "winter", name: "Winter qualifying cup", attempts: 3, scenarios: [(id: "network-expansion", seed: 7), (id: "demo-request", seed: 11)])"#;
    populate(&url, "winter", winter, &NAMES, 3, false);
    // A certification whose due date has passed: some passed, some failed, some overdue.
    let onboarding = r#"Competition(id: "onboarding", name: "Onboarding certification", attempts: 2, scenarios: [(id: "network-expansion", seed: 7), (id: "demo-request", seed: 11)], certification: Some((pass: 70, call_pass: 60, rules: [PeerContractBeforeResources], due: "2026-11-30", valid_days: 365)))"#;
    populate(&url, "onboarding", onboarding, &NAMES[..10], 2, true);
    println!("showcase hub ready at {url} (admin token {ADMIN}); Ctrl-C stops it");
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

/// Everyone on the showcase's boards.
const NAMES: [&str; 18] = [
    "Ana Lee",
    "Ben Ortiz",
    "Cara Singh",
    "Dev Patel",
    "Eli Moss",
    "Fay Chen",
    "Gus Nkemelu",
    "Hana Ito",
    "Ivo Kral",
    "Jo Brandt",
    "Kai Olsen",
    "Lia Romero",
    "Max Weber",
    "Nia Okafor",
    "Oli Byrne",
    "Pia Laine",
    "Quin Hale",
    "Rae Costa",
];

/// Publishes competition `file` (id `competition`) and has `names` join it and play up to `attempts`
/// calls of each scenario: most with the peer process, some at face value, some wandering; with
/// `idle`, one player in five joins and plays nothing.
fn populate(url: &str, competition: &str, file: &str, names: &[&str], attempts: u32, idle: bool) {
    let library = Library::builtin();
    let sources: Vec<String> = ["network-expansion", "demo-request"]
        .iter()
        .map(|id| {
            let e = &library.entries[library.find(id).unwrap()];
            Library::builtin_source(&e.file).unwrap().to_string()
        })
        .collect();
    let teams: Vec<String> = ["Omaha", "Denver", "Remote <team>"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let codes = hub_client::publish(url, ADMIN, file, &sources, &teams, false).unwrap();
    let mut rng = 0x5eed_u64;
    let mut next = move || {
        rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        rng >> 33
    };
    for (p, name) in names.iter().enumerate() {
        let (team, code) = &codes[p % codes.len()];
        let joined = hub_client::join(url, code, name).unwrap();
        if idle && next() % 5 == 0 {
            continue;
        }
        for (id, base) in [("network-expansion", 7), ("demo-request", 11)] {
            let script = library.entries[library.find(id).unwrap()].script().unwrap();
            for attempt in 0..1 + (next() % u64::from(attempts)) as u32 {
                let seed = player_seed(competition, script, base, name, attempt);
                let mut call = Call::start(script, seed);
                let truth = script.scenario().truths.at(call.truth() as usize).0;
                let peer: &[usize] = match (id, truth) {
                    ("network-expansion", "consolidating") => &[2, 1, 2, 1, 1, 1, 1],
                    ("network-expansion", "funded") => &[2, 1, 3, 2, 2],
                    ("network-expansion", _) => &[2, 1, 3, 2, 3],
                    (_, "third-bid") => &[2, 1, 1, 1, 1, 1],
                    (_, "open-race") => &[2, 1, 1, 1, 3, 1],
                    _ => &[2, 1, 1, 1, 3, 2],
                };
                match next() % 10 {
                    // Most play the peer process that fits the call.
                    0..=5 => {
                        for &pick in peer {
                            if call.is_over() {
                                break;
                            }
                            let _ = call.choose_index(script, pick - 1);
                        }
                    }
                    // Some take every request at face value.
                    6 | 7 => {
                        while !call.is_over() {
                            let _ = call.choose_index(script, 0);
                        }
                    }
                    // Some wander.
                    _ => {
                        for _ in 0..40 {
                            if call.is_over() {
                                break;
                            }
                            let offered = call.offered(script);
                            let o = offered[(next() as usize) % offered.len()].index;
                            let _ = call.choose_index(script, o);
                        }
                    }
                }
                if !call.is_over() {
                    continue;
                }
                let t = SystemTime::now() - Duration::from_secs(3600 - 60 * p as u64);
                let secs = 150 + next() % 200;
                let r = Record::of(
                    &call,
                    script,
                    name,
                    team,
                    t,
                    t + Duration::from_secs(secs),
                    Some(competition),
                )
                .unwrap();
                let sent = hub_client::send(url, &joined.token, &r).unwrap();
                assert!(matches!(sent, hub_client::Sent::Recorded), "{sent:?}");
            }
        }
    }
}
