//! Two costs a stranger could once push onto a hub, measured against a `peercall` binary run as
//! its own process on loopback: the CPU an idle hub spends while 500 live board pages are open
//! over 30,000 results, and the time to download the files of a 200-scenario competition.
//!
//! `cargo run --release -p peercall-hub --example live -- PATH/TO/peercall` (any build of the
//! command line with `serve`; `cargo build --release --no-default-features` makes one without
//! the game).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use peercall_core::competition::player_seed;
use peercall_core::hub_client;
use peercall_core::library::Library;
use peercall_core::records::Record;
use peercall_dialogue::Call;

const ADMIN: &str = "live-bench";
const RESULTS: u32 = 30_000;
const PAGES: usize = 500;
const SCENARIOS: usize = 200;

fn main() {
    let bin = std::env::args()
        .nth(1)
        .expect("the path of a peercall binary");
    let data = std::env::temp_dir().join(format!("peercall-live-{}", std::process::id()));
    // The competitions are published, a player joins the big one; then the hub stops while
    // 30,000 results are written into its records (the same rows posting would write; posting
    // them would take 300 joins, 20 a minute).
    let (mut child, url) = start(&bin, &data);
    let source = Library::builtin_source("dialogues/demo-request.ron").unwrap();
    let file = r#"Competition(id: "live", name: "Live", attempts: 100, scenarios: [(id: "demo-request", seed: 3)])"#;
    let teams: Vec<String> = (0..4).map(|t| format!("Team {t}")).collect();
    hub_client::publish(&url, ADMIN, file, &[source.to_string()], &teams, false).unwrap();
    let thank_you = Library::builtin_source("dialogues/thank-you.ron").unwrap();
    let sources: Vec<String> = (0..SCENARIOS)
        .map(|i| thank_you.replace("id: \"thank-you\"", &format!("id: \"thank-you-{i:03}\"")))
        .collect();
    let entries: Vec<String> = (0..SCENARIOS)
        .map(|i| format!(r#"(id: "thank-you-{i:03}", seed: {i})"#))
        .collect();
    let big = format!(
        r#"Competition(id: "big", name: "Big", attempts: 1, scenarios: [{}])"#,
        entries.join(", ")
    );
    let codes = hub_client::publish(&url, ADMIN, &big, &sources, &["East".into()], false).unwrap();
    let joined = hub_client::join(&url, &codes[0].1, "Downloader").unwrap();
    let _ = child.kill();
    let _ = child.wait();
    write_results(&data.join("records.sqlite"));

    let (mut child, url) = start(&bin, &data);
    let pid = child.id();
    let addr = url.trim_start_matches("http://").to_string();
    // 500 live pages open on the board, then the hub is left alone for 10 s.
    let pages: Vec<TcpStream> = (0..PAGES)
        .map(|_| {
            let mut s = TcpStream::connect(&addr).unwrap();
            write!(
                s,
                "GET /api/competitions/live/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
            )
            .unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_secs(3));
    let before = cpu_seconds(pid);
    std::thread::sleep(Duration::from_secs(10));
    let idle = cpu_seconds(pid) - before;
    println!(
        "idle hub, {PAGES} live pages open over {RESULTS} results: {idle:.2} s of CPU in 10 s"
    );
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent();
    let mut board: Vec<f64> = (0..50)
        .map(|_| {
            let t = Instant::now();
            let mut r = agent
                .get(&format!("{url}/api/competitions/live/board"))
                .call()
                .unwrap();
            let _ = r.body_mut().read_to_string();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    board.sort_by(f64::total_cmp);
    println!(
        "board while the pages are open: p50 {:.1} ms, worst {:.1} ms",
        board[board.len() / 2],
        board[board.len() - 1]
    );
    drop(pages);

    // The 200-scenario competition's files, as its player downloads them.
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let mut r = agent
                .get(&format!("{url}/api/competitions/big/files"))
                .header("Authorization", &format!("Bearer {}", joined.token))
                .call()
                .unwrap();
            assert_eq!(r.status().as_u16(), 200);
            let body = r
                .body_mut()
                .with_config()
                .limit(64 << 20)
                .read_to_string()
                .unwrap();
            assert!(body.contains("thank-you-199"));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let first = times[0];
    times.sort_by(f64::total_cmp);
    println!(
        "files of a {SCENARIOS}-scenario competition: first after a start {first:.0} ms, \
         p50 {:.0} ms, worst {:.0} ms",
        times[times.len() / 2],
        times[times.len() - 1]
    );
    let _ = child.kill();
    let _ = std::fs::remove_dir_all(&data);
}

/// `peercall serve` on a free port over `data`: the process and its address.
fn start(bin: &str, data: &std::path::Path) -> (std::process::Child, String) {
    let mut child = Command::new(bin)
        .args(["serve", "--listen", "127.0.0.1:0", "--admin-token", ADMIN])
        .args(["--posts-per-minute", "100000000", "--data"])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the hub starts");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("listening on") {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "the hub did not start"
        );
    }
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .to_string();
    (child, url)
}

/// 30,000 results of competition `live` (300 players, 100 calls each) written into the records
/// at `path`, with each player's best, in one transaction.
fn write_results(path: &std::path::Path) {
    let library = Library::builtin();
    let script = library.script("demo-request").unwrap();
    let mut db = rusqlite::Connection::open(path).unwrap();
    let tx = db.transaction().unwrap();
    for p in 0..RESULTS / 100 {
        let name = format!("Player {p:03}");
        let team = format!("Team {}", p % 4);
        let mut best = 0;
        for a in 0..100u32 {
            let seed = player_seed("live", script, 3, &name, a);
            let mut call = Call::start(script, seed);
            let mut k = (a as usize) ^ (p as usize);
            while !call.is_over() {
                let offered = call.offered(script);
                k = k.wrapping_mul(31).wrapping_add(7);
                let _ = call.choose_index(script, offered[k % offered.len()].index);
            }
            let t = SystemTime::now() - Duration::from_secs(3600);
            let r = Record::of(
                &call,
                script,
                &name,
                &team,
                t,
                t + Duration::from_secs(120),
                Some("live"),
            )
            .unwrap();
            best = best.max(r.score);
            tx.execute(
                "INSERT INTO results (id, player, team, scenario, scenario_hash, seed, choices,
                    waits, ending, outcome, score, trust, days, duration_ms, started_at,
                    finished_at, competition, imported)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '[]', ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                    'live', 1)",
                rusqlite::params![
                    r.id,
                    r.player,
                    r.team,
                    r.scenario,
                    r.scenario_hash,
                    r.seed as i64,
                    serde_json::to_string(&r.choices).unwrap(),
                    r.ending,
                    format!("{:?}", r.outcome),
                    r.score,
                    r.trust,
                    r.days,
                    r.duration_ms as i64,
                    r.started_at,
                    r.finished_at,
                ],
            )
            .unwrap();
        }
        tx.execute(
            "INSERT INTO best (competition, scenario, player, team, score, duration_ms)
             VALUES ('live', 'demo-request', ?1, ?2, ?3, 120000)",
            rusqlite::params![name, team, best],
        )
        .unwrap();
    }
    tx.commit().unwrap();
}

/// CPU seconds (user and system) the process `pid` has used.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
    let per_second: f64 = Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0);
    ticks / per_second
}
