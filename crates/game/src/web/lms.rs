//! The game as a cmi5 assignable unit: when a learning system launched the page
//! (`web/lms.js` read the launch), the learner plays under the LMS's name and language, the
//! session's statements are worded by `peercall_core::cmi5` (initialized at start, each finished
//! call's, terminated when the learner finishes or leaves) and handed to the page to send in
//! order, and what was sent is kept in the AU's own state for the next session.

use std::cell::RefCell;
use std::sync::Arc;

use bevy::prelude::*;
use peercall_core::cmi5::{Launch, LaunchData, Sent, Session};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::{ActiveCall, Profile, RecordsDb, Screen};

#[wasm_bindgen]
extern "C" {
    /// The launch the page read (`web/lms.js`), as JSON; none when no LMS launched the page.
    #[wasm_bindgen(js_namespace = peercall, js_name = lmsLaunch)]
    fn lms_launch() -> Option<String>;
    /// Sends statements (a JSON array) to the LMS, after those handed over before.
    #[wasm_bindgen(js_namespace = peercall, js_name = lmsStatements)]
    fn lms_statements(json: &str);
    /// Keeps the AU's own state document (what was sent in this registration).
    #[wasm_bindgen(js_namespace = peercall, js_name = lmsKeep)]
    fn lms_keep(json: &str);
    /// Shows why the game cannot start, in place of the game.
    #[wasm_bindgen(js_namespace = peercall, js_name = fail)]
    pub(super) fn fail(why: &str);
}

thread_local! {
    /// The session, when an LMS launched the page.
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// What the page read from the launch.
#[derive(Debug, Deserialize)]
struct Read {
    launch: LaunchFields,
    #[serde(rename = "launchData")]
    launch_data: String,
    sent: String,
    lang: Option<String>,
}

#[derive(Debug, Deserialize)]
struct LaunchFields {
    endpoint: String,
    fetch: String,
    actor: String,
    registration: String,
    #[serde(rename = "activityId")]
    activity_id: String,
}

/// The learner and their language, when an LMS launched the page; `Err` says why the launch
/// cannot be used. Starts the session and hands over `initialized`.
pub(super) fn start() -> Option<Result<(String, Option<String>), String>> {
    let text = lms_launch()?;
    Some(begin(&text))
}

fn begin(text: &str) -> Result<(String, Option<String>), String> {
    let read: Read = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let l = &read.launch;
    let launch = Launch::from_query([
        ("endpoint", l.endpoint.as_str()),
        ("fetch", l.fetch.as_str()),
        ("actor", l.actor.as_str()),
        ("registration", l.registration.as_str()),
        ("activityId", l.activity_id.as_str()),
    ])
    .ok_or_else(|| "no launch".to_string())??;
    let data = LaunchData::parse(&read.launch_data)?;
    let sent: Sent = serde_json::from_str(&read.sent).unwrap_or_default();
    let learner = launch.learner();
    let lang = read
        .lang
        .map(|l| {
            l.split(['-', '_'])
                .next()
                .unwrap_or_default()
                .to_lowercase()
        })
        .filter(|l| !l.is_empty());
    let mut session = Session::new(launch, data, sent, peercall_core::clock::now());
    let first = session.initialized(peercall_core::clock::now());
    lms_statements(&serde_json::Value::Array(vec![first]).to_string());
    SESSION.with(|s| *s.borrow_mut() = Some(session));
    Ok((learner, lang))
}

pub(super) fn plugin(app: &mut App) {
    // After the debrief recorded the call (a result already reported is not sent again).
    app.add_systems(Update, report.run_if(in_state(Screen::Debrief)));
}

/// A call just ended (its debrief is on): its statements, and what is now sent, to the LMS.
fn report(
    db: Option<Res<RecordsDb>>,
    profile: Res<Profile>,
    active: Option<Res<ActiveCall>>,
    home: Option<Res<crate::HomePage>>,
    mut seen: Local<(u64, String)>,
) {
    let Some(script) = active.as_ref().map(|a| Arc::clone(&a.script)) else {
        return;
    };
    let Some(record) = super::just_recorded(db, &profile, active, &mut seen) else {
        return;
    };
    let home = home.map_or_else(|| peercall_core::xapi::home_page(None), |h| h.0.clone());
    SESSION.with(|s| {
        if let Some(session) = s.borrow_mut().as_mut() {
            let statements = session.finished(&record, &script, &home);
            if !statements.is_empty() {
                lms_statements(&serde_json::Value::Array(statements).to_string());
            }
            if let Ok(sent) = serde_json::to_string(&session.sent) {
                lms_keep(&sent);
            }
        }
    });
}

/// The session's last statement (`terminated`), as a JSON array for the page to send; none when
/// no LMS launched the page or it was sent already.
#[wasm_bindgen(js_name = lmsTerminate)]
pub fn lms_terminate() -> Option<String> {
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        let last = s.as_mut()?.terminated(peercall_core::clock::now())?;
        Some(serde_json::Value::Array(vec![last]).to_string())
    })
}
