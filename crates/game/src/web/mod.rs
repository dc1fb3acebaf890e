//! The game in a browser: the page's canvas, the records kept in the browser's storage, the
//! language of the page's address or of the browser.
//!
//! The records are the desktop's SQLite store, opened in memory from an image that the page
//! loaded from IndexedDB before the game started (`window.peercall.loadedRecords()`), and
//! written back whole after every change (`window.peercall.saveRecords(bytes)`). See
//! `web/start.js` and the README's "The game in the browser" for why this store and not OPFS.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use bevy::prelude::*;
use wasm_bindgen::prelude::*;

use peercall_core::library::Library;

use crate::{ActiveCall, HomePage, PlayOptions, Profile, RecordsDb, RecordsUnavailable, Screen};

pub mod dom;
pub mod hub;
pub mod lms;
pub mod net;
pub mod scorm;

#[wasm_bindgen]
extern "C" {
    /// The records image the page read from IndexedDB before starting the game, if any.
    #[wasm_bindgen(js_namespace = peercall, js_name = loadedRecords)]
    fn loaded_records() -> Option<Vec<u8>>;
    /// Keeps the records image in IndexedDB (the page copies the bytes at once).
    #[wasm_bindgen(js_namespace = peercall, js_name = saveRecords)]
    fn save_records(bytes: &[u8]);
    /// Offers `bytes` (of media type `kind`) as a download named `name`.
    #[wasm_bindgen(js_namespace = peercall)]
    pub fn download(name: &str, kind: &str, bytes: &[u8]);
}

/// What the records kept in this browser are called in messages.
const NAME: &str = "this browser's records";

/// The changes already handed to the page to keep (the game's frames and the hub sender both
/// hand them over).
static KEPT: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// The records the game has open, for the page's import.
    static LIVE: std::cell::RefCell<Option<RecordsDb>> = const { std::cell::RefCell::new(None) };
}

/// Which learning system launched the page.
enum Lms {
    /// cmi5: the launch in the page's address.
    Cmi5,
    /// SCORM: the page inside a package, the LMS's API around it.
    Scorm,
}

/// Starts the game in the page's `#bevy` canvas.
pub fn run() {
    let query = Query::from_page();
    // Launched by a learning system (cmi5, or SCORM inside a package): its learner plays, in
    // the language they chose there; a SCORM call interrupted mid-way is resumed.
    let refuse = |why: String| {
        lms::fail(&peercall_core::words::current().f("web-lms-launch", &[("why", why.into())]));
    };
    let (mut kind, mut learner, mut lms_lang, mut resumed) = (None, None, None, None);
    match lms::start() {
        Some(Ok((l, lang))) => (kind, learner, lms_lang) = (Some(Lms::Cmi5), Some(l), lang),
        Some(Err(why)) => return refuse(why),
        None => match scorm::start() {
            Some(Ok(s)) => {
                (kind, learner, lms_lang) = (Some(Lms::Scorm), Some(s.learner), s.lang);
                resumed = s.scenario;
            }
            Some(Err(why)) => return refuse(why),
            None => {}
        },
    }
    let options = PlayOptions {
        lang: query.get("lang"),
        // The learning system's language for the learner, else the browser's without its
        // region ("de-AT" is German).
        user_lang: lms_lang.or_else(|| {
            web_sys::window()
                .and_then(|w| w.navigator().language())
                .and_then(|l| l.split(['-', '_']).next().map(str::to_lowercase))
        }),
        player: learner,
        scenario: resumed.or_else(|| query.get("scenario")),
        // The same calls again (a trainer's demonstration, a test): as `play --seed`.
        seed: query.get("seed").and_then(|s| s.parse().ok()),
        // "Play from here", from the hub's scenario page.
        from: query.get("from").map(|node| crate::options::StartFrom {
            node,
            truth: query.get("truth"),
            trust: query.get("trust").and_then(|t| t.parse().ok()),
            peer_contract: query.get("peer").is_some_and(|p| p == "1"),
            flags: query
                .get("flags")
                .map(|f| {
                    f.split(',')
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default(),
            days: query
                .get("days")
                .and_then(|d| d.parse().ok())
                .filter(|d: &f32| d.is_finite() && (0.0..=1000.0).contains(d))
                .unwrap_or(0.0),
        }),
        ..default()
    };
    let mut app = App::new();
    app.add_plugins(crate::plugins(Window {
        title: "peercall".into(),
        canvas: Some("#bevy".into()),
        fit_canvas_to_parent: true,
        // The page's own keys (reload, zoom, tab to the page's buttons) stay the page's.
        prevent_default_event_handling: false,
        ..default()
    }));
    app.insert_resource(crate::resting());
    match peercall_core::records::Store::open_image(Path::new(NAME), loaded_records().as_deref()) {
        Ok((store, notice)) => {
            if let Some(n) = notice {
                warn!("{n}");
            }
            let db = RecordsDb::new(store);
            hub::spawn_sender(db.clone());
            LIVE.with(|l| *l.borrow_mut() = Some(db.clone()));
            app.insert_resource(db).add_systems(Last, keep_records);
        }
        Err(e) => {
            warn!("{e}; calls will not be recorded this time");
            app.insert_resource(RecordsUnavailable(e.to_string()));
        }
    }
    app.insert_resource(HomePage(peercall_core::xapi::home_page(None)));
    if let Some(code) = query.get("join") {
        app.insert_resource(hub::JoinLink(code.chars().take(16).collect()))
            .add_systems(
                Update,
                follow_join_link
                    .run_if(in_state(Screen::Title).and_then(resource_exists::<hub::JoinLink>)),
            );
    }
    crate::add_game(&mut app, Library::builtin(), options);
    app.add_plugins(dom::plugin);
    match kind {
        Some(Lms::Cmi5) => {
            app.add_plugins(lms::plugin);
        }
        Some(Lms::Scorm) => {
            app.add_plugins(scorm::plugin);
        }
        None => {}
    }
    app.run();
}

/// The active call's result, once, when the debrief has just recorded it: `seen` holds the
/// records' change count last looked at and the last result handed over (the records are read
/// only when they changed, and a debrief drawn again hands over nothing).
fn just_recorded(
    db: Option<Res<RecordsDb>>,
    profile: &Profile,
    active: Option<Res<ActiveCall>>,
    seen: &mut (u64, String),
) -> Option<peercall_core::records::Record> {
    let (db, active) = (db?, active?);
    let changes = db.0.lock().map_or(seen.0, |s| s.changes());
    if changes == seen.0 {
        return None;
    }
    seen.0 = changes;
    let results = db
        .with("game-what-results", |s| s.results(Some(&profile.player)))
        .ok()?;
    let record = results
        .into_iter()
        .filter(|r| r.scenario == active.script().id())
        .max_by(|a, b| a.finished_at.cmp(&b.finished_at))?;
    if seen.1 == record.id {
        return None;
    }
    seen.1 = record.id.clone();
    Some(record)
}

/// Hands the records to the page to keep whenever they changed since last kept.
fn keep_records(db: Res<RecordsDb>) {
    if let Ok(mut store) = db.0.lock() {
        keep(&mut store);
    }
}

/// Hands the records to the page to keep if they changed since last kept.
pub fn keep(store: &mut peercall_core::records::Store) {
    let changes = store.changes();
    if changes == KEPT.load(Ordering::Relaxed) {
        return;
    }
    match store.image() {
        Ok(bytes) => {
            save_records(&bytes);
            KEPT.store(changes, Ordering::Relaxed);
        }
        Err(e) => warn!("{e}"),
    }
}

/// Opened with a join link: once the player has a name (typed on the profile screen the first
/// time), the join screen joins with the link's code.
fn follow_join_link(
    db: Option<Res<RecordsDb>>,
    mut next: ResMut<NextState<Screen>>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    let named = db.is_some_and(|d| {
        d.with("game-what-settings", |s| s.setting("player"))
            .ok()
            .flatten()
            .is_some()
    });
    if named {
        next.set(Screen::Join);
        // The game rests between inputs: the next frame makes the move.
        redraw.write(bevy::window::RequestRedraw);
    }
}

/// The records kept in `image` (what the page holds in IndexedDB) in the records' export format
/// (`peercall records export`), for the page's "export" link and for `peercall records import`.
#[wasm_bindgen(js_name = exportRecords)]
pub fn export_records(image: &[u8]) -> Result<String, JsError> {
    let (store, _) = peercall_core::records::Store::open_image(Path::new(NAME), Some(image))
        .map_err(|e| JsError::new(&e.to_string()))?;
    let export = peercall_core::records::Export {
        format: "peercall-records".into(),
        version: 1,
        records: store
            .results(None)
            .map_err(|e| JsError::new(&e.to_string()))?,
    };
    serde_json::to_string_pretty(&export).map_err(|e| JsError::new(&e.to_string()))
}

/// Adds the results of a records export (`peercall records export`, or another browser's
/// export) to the records the game has open, each verified as `peercall records import` does;
/// `name` is the file's name for messages. Returns what happened, in the player's language.
#[wasm_bindgen(js_name = importRecords)]
pub fn import_records(name: &str, text: &str) -> Result<String, JsError> {
    let db = LIVE
        .with(|l| l.borrow().clone())
        .ok_or_else(|| JsError::new(&peercall_core::words::current().t("web-no-records")))?;
    let library = Library::builtin();
    let scripts = library.scripts();
    let mut store =
        db.0.lock()
            .map_err(|_| JsError::new(&crate::records::poisoned().to_string()))?;
    let mut report = peercall_core::records::ImportReport::default();
    let name = peercall_core::untrusted::clip(name, 80);
    peercall_core::records::import_text(&store, &name, text, &scripts, &[], &mut report)
        .map_err(|e| JsError::new(&e.to_string()))?;
    keep(&mut store);
    let w = peercall_core::words::current();
    let mut said = w.f(
        "cli-imported",
        &[
            ("added", report.added.into()),
            ("duplicates", report.duplicates.into()),
            ("rejected", report.rejected.len().into()),
        ],
    );
    if let Some(r) = report.rejected.first() {
        said.push_str(&format!(": {}", r.reason));
    }
    Ok(said)
}

/// The page address's query (`?lang=de&scenario=demo-request`).
struct Query(Option<web_sys::UrlSearchParams>);

impl Query {
    fn from_page() -> Query {
        let search = web_sys::window().and_then(|w| w.location().search().ok());
        Query(search.and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok()))
    }

    fn get(&self, key: &str) -> Option<String> {
        self.0.as_ref()?.get(key).filter(|v| !v.is_empty())
    }
}

/// The engine's throughput in this browser: random calls of the built-in network-expansion
/// scenario through `Call::choose` (the benchmark `cargo bench -p peercall-dialogue` runs on the
/// desktop), for about `ms` milliseconds. Returns choices per second (`scripts/measure-web.py`).
#[wasm_bindgen(js_name = benchEngine)]
pub fn bench_engine(ms: f64) -> Result<f64, JsError> {
    let library = Library::builtin();
    let script = library
        .script("network-expansion")
        .ok_or_else(|| JsError::new("the built-in network-expansion scenario is missing"))?;
    let started = web_time::Instant::now();
    let (mut made, mut round) = (0u64, 0u64);
    while started.elapsed().as_secs_f64() * 1000.0 < ms.clamp(1.0, 60_000.0) {
        round += 1;
        made += peercall_dialogue::synthetic::random_calls(script, round, 100_000);
    }
    Ok(made as f64 / started.elapsed().as_secs_f64())
}
