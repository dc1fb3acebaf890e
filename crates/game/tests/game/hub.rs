//! The game with a real team hub on loopback: joining from the title screen by typing the address
//! and code, playing the competition's downloaded call, and the result reaching the hub's board,
//! the in-game leaderboard and a board page open in a real browser (Chromium through
//! ChromeDriver) without a reload; then the hub going away (the game keeps playing, the result
//! waits) and coming back (the result is sent, once).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::*;
use peercall_core::records::{Queue, Store};
use peercall_game::Profile;

const ADMIN: &str = "game-test-admin";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A hub in this process (a thread), with its data in `data`; its address.
fn start_hub(data: &Path) -> String {
    let port = free_port();
    let config = peercall_hub::Config {
        listen: format!("127.0.0.1:{port}").parse().unwrap(),
        data: data.to_path_buf(),
        database_url: None,
        admin_token: Some(ADMIN.into()),
        posts_per_minute: peercall_hub::POSTS_PER_MINUTE,
        joins_per_minute: peercall_hub::JOINS_PER_MINUTE,
        header_timeout: peercall_hub::HEADER_TIMEOUT,
        web: None,
        lms_origins: Vec::new(),
    };
    std::thread::spawn(move || peercall_hub::serve(config));
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the hub did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    format!("http://127.0.0.1:{port}")
}

/// The way to the hub, which the test can cut (connections refused) and restore: the hub as
/// players' machines see it when the network or the hub goes down.
struct Link {
    up: Arc<AtomicBool>,
    url: String,
}

impl Link {
    fn to(hub_port: u16) -> Link {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let up = Arc::new(AtomicBool::new(true));
        let on = Arc::clone(&up);
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if !on.load(Ordering::SeqCst) {
                    // Down: the connection is dropped at once.
                    drop(client);
                    continue;
                }
                let Ok(server) = TcpStream::connect(("127.0.0.1", hub_port)) else {
                    continue;
                };
                pipe(client.try_clone().unwrap(), server.try_clone().unwrap());
                pipe(server, client);
            }
        });
        Link { up, url }
    }

    fn set(&self, up: bool) {
        self.up.store(up, Ordering::SeqCst);
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 16 * 1024];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 || to.write_all(&buf[..n]).is_err() {
                break;
            }
        }
        let _ = to.shutdown(std::net::Shutdown::Both);
    });
}

#[path = "../../../../tests/common/browser.rs"]
mod browser;

use browser::Browser;

/// Opens `url` in headless Chromium, or `None` (skipped) without ChromeDriver unless
/// `PEERCALL_REQUIRE_BROWSER` is set.
fn open_browser(url: &str) -> Option<Browser> {
    if !browser::have_driver() {
        assert!(
            std::env::var_os("PEERCALL_REQUIRE_BROWSER").is_none(),
            "chromedriver is required here (PEERCALL_REQUIRE_BROWSER is set)"
        );
        eprintln!("skipped the browser: needs chromium and chromium-driver");
        return None;
    }
    let b = Browser::start();
    b.open(url);
    Some(b)
}

impl Browser {
    /// How many times the page was loaded (a reload would count again).
    fn loads(&self) -> u64 {
        self.run("return performance.getEntriesByType('navigation').length + (window.__peercallMark ? 0 : (window.__peercallMark = 1, 0))")
            .as_u64()
            .unwrap_or(0)
    }

    /// Whether the mark set by [`Browser::loads`] is still there (it would be gone after a
    /// reload).
    fn same_page(&self) -> bool {
        self.run("return window.__peercallMark === 1").as_bool() == Some(true)
    }
}

/// Results the hub holds for competition `cup`.
fn on_hub(data: &Path) -> u64 {
    Store::open(&data.join("records.sqlite"))
        .unwrap()
        .0
        .results_in("cup")
        .unwrap()
        .len() as u64
}

fn wait_for(what: &str, secs: u64, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// From the scenario list of the joined competition: plays the player's next call with the
/// peer process that fits its truth; ends on the debrief.
fn play_competition_call(app: &mut App) {
    key(app, KeyCode::Digit1);
    assert_eq!(screen(app), Screen::Briefing);
    key(app, KeyCode::Enter);
    assert_eq!(screen(app), Screen::Call);
    let truth = {
        let a = call(app);
        a.script()
            .scenario()
            .truths
            .at(a.call.truth() as usize)
            .0
            .to_string()
    };
    let picks: &[usize] = match truth.as_str() {
        "consolidating" => &[2, 1, 2, 1, 1, 1, 1],
        "funded" => &[2, 1, 3, 2, 2],
        _ => &[2, 1, 3, 2, 3],
    };
    for &pick in picks {
        let n = shown(app, pick);
        key(app, digit(n));
        app.update();
    }
    assert!(call(app).call.is_over());
    key(app, KeyCode::Enter);
    assert_eq!(screen(app), Screen::Debrief);
}

#[test]
fn a_call_played_in_the_game_reaches_the_hub_and_a_board_open_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("hub");
    let hub = start_hub(&data);
    let source = Library::builtin_source("dialogues/network-expansion.ron").unwrap();
    let codes = peercall_core::hub_client::publish(
        &hub,
        ADMIN,
        r#"Competition(id: "cup", name: "Winter cup", attempts: 3, scenarios: [(id: "network-expansion", seed: 5)])"#,
        &[source.to_string()],
        &["East".to_string()],
        false,
    )
    .unwrap();
    let code = codes[0].1.clone();
    let hub_port: u16 = hub.rsplit(':').next().unwrap().parse().unwrap();
    let link = Link::to(hub_port);
    // The trainer's board page is open in a browser before anyone plays.
    let browser = open_browser(&format!("{hub}/competitions/cup"));
    if let Some(b) = &browser {
        wait_for("the board page", 20, || b.text().contains("No results yet"));
        b.loads();
    }

    // A player's machine: the game, with its records.
    let db = dir.path().join("player").join("records.sqlite");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let mut app = headless_with_records(
        &db,
        PlayOptions {
            db: Some(db.clone()),
            player: Some("Gia".into()),
            ..default()
        },
    );

    // Join from the title screen: the address, Tab, the code, Enter.
    press(&mut app, "Join a team hub");
    assert_eq!(screen(&app), Screen::Join);
    for _ in 0.."http://".len() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, &link.url);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, &code.to_lowercase());
    key(&mut app, KeyCode::Enter);
    update_until(&mut app, |a| screen(a) == Screen::Pick);
    assert_eq!(app.world().resource::<Profile>().team, "East");
    assert!(
        db.parent()
            .unwrap()
            .join("hub/cup/network-expansion.ron")
            .exists(),
        "the competition's scenario was downloaded"
    );

    // The call, played; the result goes to the hub in the background.
    play_competition_call(&mut app);
    wait_for("the result on the hub", 20, || on_hub(&data) == 1);
    if let Some(b) = &browser {
        let t = Instant::now();
        wait_for("the browser's board", 5, || b.text().contains("Gia"));
        eprintln!(
            "the open board page showed the game's result {} ms after the hub had it",
            t.elapsed().as_millis()
        );
        assert!(b.same_page(), "the page was not reloaded");
    }
    // The in-game leaderboard is the hub's.
    press(&mut app, "Leaderboard");
    update_until(&mut app, |a| {
        let mut q = a.world().try_query::<&Text>().unwrap();
        q.iter(a.world())
            .any(|t| t.0.starts_with("Live from the team hub"))
    });

    // The hub goes away: the next call plays all the same, its result waits.
    link.set(false);
    key(&mut app, KeyCode::Escape);
    press(&mut app, "Scenarios");
    assert_eq!(screen(&app), Screen::Pick);
    play_competition_call(&mut app);
    let waiting = || {
        Store::open(&db)
            .unwrap()
            .0
            .outbox(Queue::Hub)
            .waiting()
            .unwrap()
    };
    wait_for("the failed try", 10, || {
        Store::open(&db)
            .unwrap()
            .0
            .outbox(Queue::Hub)
            .due(i64::MAX)
            .unwrap()
            .iter()
            .any(|q| q.tries > 0)
    });
    assert_eq!(waiting(), 1);
    assert_eq!(on_hub(&data), 1);
    press(&mut app, "Leaderboard");
    update_until(&mut app, |a| {
        let mut q = a.world().try_query::<&Text>().unwrap();
        q.iter(a.world())
            .any(|t| t.0.starts_with("The team hub cannot be read now"))
    });

    // It comes back: the waiting result is sent (after the backoff), once.
    link.set(true);
    wait_for("the waiting result on the hub", 40, || on_hub(&data) == 2);
    assert_eq!(waiting(), 0);
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(on_hub(&data), 2, "nothing was sent twice");
    assert_eq!(Store::open(&db).unwrap().0.results(None).unwrap().len(), 2);
}

#[test]
fn joining_a_hub_that_is_not_there_says_why_and_the_game_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let mut app = headless_with_records(
        &db,
        PlayOptions {
            db: Some(db.clone()),
            player: Some("Hal".into()),
            ..default()
        },
    );
    let status = |app: &mut App| {
        texts(app)
            .into_iter()
            .find(|t| t.starts_with("Not joined") || t.starts_with("Type your"))
    };
    press(&mut app, "Join a team hub");
    // No code yet: said at once.
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status(&mut app).as_deref(),
        Some("Type your team's join code.")
    );
    // Not an address; then an address where nothing answers.
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "ABCD2345");
    key(&mut app, KeyCode::Tab);
    for _ in 0.."http://".len() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "ftp://hub");
    key(&mut app, KeyCode::Enter);
    update_until(&mut app, |a| {
        let mut q = a.world().try_query::<&Text>().unwrap();
        q.iter(a.world()).any(|t| t.0.starts_with("Not joined"))
    });
    assert!(
        status(&mut app)
            .unwrap()
            .contains("starts with http:// or https://")
    );
    for _ in 0.."ftp://hub".len() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, &format!("http://127.0.0.1:{}", free_port()));
    key(&mut app, KeyCode::Enter);
    update_until(&mut app, |a| {
        let mut q = a.world().try_query::<&Text>().unwrap();
        q.iter(a.world())
            .any(|t| t.0.starts_with("Not joined: cannot reach the hub"))
    });
    // Nothing was remembered, and the game goes on.
    assert!(
        peercall_core::hub_client::membership(&Store::open(&db).unwrap().0)
            .unwrap()
            .is_none()
    );
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
    assert!(texts(&mut app).iter().any(|t| t == "Join a team hub"));
}
