//! The game as a SCORM 1.2 or 2004 SCO: when the page found the LMS's API (`web/scorm.js`), the
//! learner plays under the LMS's name and language; after each answer the call so far is kept
//! in the LMS's suspend state, so that a call interrupted mid-way resumes where it stopped; a
//! finished call reports completion, success and the score. `peercall_core::scorm` decides the
//! values; the page sets them.

use std::cell::RefCell;
use std::sync::Arc;

use bevy::prelude::*;
use peercall_core::scorm::{Launch, Read, Session, Suspended};
use peercall_dialogue::Call;
use wasm_bindgen::prelude::*;

use crate::{ActiveCall, Profile, RecordsDb, Screen};

#[wasm_bindgen]
extern "C" {
    /// What the page read from the LMS's API, as JSON; none when the page is not a SCO.
    #[wasm_bindgen(js_namespace = peercall, js_name = scormLaunch)]
    fn scorm_launch() -> Option<String>;
    /// Sets data model values (a JSON array of `[element, value]`) in order, then commits.
    #[wasm_bindgen(js_namespace = peercall, js_name = scormSet)]
    fn scorm_set(json: &str);
}

thread_local! {
    /// The session, when the page is a SCO.
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// A call to resume where it stopped, until the game has opened it.
#[derive(Resource, Debug)]
struct Resume(Suspended);

/// What the game needs from a SCORM launch: the learner, their language, the call to resume.
pub(super) struct Started {
    /// The learner's name.
    pub learner: String,
    /// Their language, if the LMS knows it.
    pub lang: Option<String>,
    /// The scenario of the call to resume, if one was interrupted.
    pub scenario: Option<String>,
}

/// The learner, their language and the call to resume, when the page is a SCO; `Err` says why
/// the launch cannot be used.
pub(super) fn start() -> Option<Result<Started, String>> {
    let text = scorm_launch()?;
    Some(begin(&text))
}

fn begin(text: &str) -> Result<Started, String> {
    let read: Read = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let launch = Launch::check(&read)?;
    let started = Started {
        learner: launch.learner.clone(),
        lang: launch.lang.clone(),
        scenario: launch.resume.as_ref().map(|r| r.scenario.clone()),
    };
    SESSION.with(|s| *s.borrow_mut() = Some(Session::new(launch)));
    Ok(started)
}

/// Adds the SCO's systems: the call resumed, kept after each answer, reported when it ends.
pub(super) fn plugin(app: &mut App) {
    let resume = SESSION.with(|s| s.borrow().as_ref().and_then(|s| s.launch().resume.clone()));
    if let Some(r) = resume {
        app.insert_resource(Resume(r)).add_systems(
            Update,
            resume_call.run_if(in_state(Screen::Briefing).and_then(resource_exists::<Resume>)),
        );
    }
    app.add_systems(Update, keep_call.run_if(in_state(Screen::Call)))
        .add_systems(Update, report.run_if(in_state(Screen::Debrief)));
}

/// Sets `values` through the page.
fn set(values: &[peercall_core::scorm::Value]) {
    if !values.is_empty() {
        scorm_set(&serde_json::to_string(values).unwrap_or_else(|_| "[]".into()));
    }
}

/// The interrupted call, played again to where it stopped, in place of its briefing. A state
/// that no longer fits the call (another version of it) starts the call afresh.
fn resume_call(world: &mut World) {
    let Some(Resume(state)) = world.remove_resource::<Resume>() else {
        return;
    };
    let Some(script) = world
        .resource::<crate::Scenarios>()
        .0
        .get(&state.scenario)
        .and_then(|e| e.shared_script())
    else {
        return;
    };
    let call = match Call::replay_log(&script, state.seed, &state.choices, &state.waits) {
        Ok(call) => call,
        Err(e) => {
            warn!("the interrupted call could not be resumed ({e}); it starts afresh");
            return;
        }
    };
    let now = world.resource::<Time>().elapsed_secs_f64();
    world.insert_resource(ActiveCall::new(Arc::clone(&script), call, now));
    world.resource_mut::<NextState<Screen>>().set(Screen::Call);
}

/// After each answer (and as a call begins), the call so far goes to the LMS's suspend state.
fn keep_call(active: Option<Res<ActiveCall>>, mut kept: Local<(String, u64, usize)>) {
    let Some(active) = active else {
        return;
    };
    let (id, seed, turns) = (
        active.script().id(),
        active.call.seed(),
        active.call.turns().len(),
    );
    if kept.0 == id && kept.1 == seed && kept.2 == turns {
        return;
    }
    let now = (id.to_string(), seed, turns);
    let state = Suspended {
        v: 1,
        scenario: now.0.clone(),
        seed: now.1,
        choices: active.call.turns().iter().map(|t| t.choice).collect(),
        waits: active.call.waits().to_vec(),
    };
    *kept = now;
    SESSION.with(|s| {
        if let Some(session) = s.borrow().as_ref() {
            set(&session.in_call(&state));
        }
    });
}

/// A call just ended (its debrief is on): completion, success and the score to the LMS.
fn report(
    db: Option<Res<RecordsDb>>,
    profile: Res<Profile>,
    active: Option<Res<ActiveCall>>,
    mut seen: Local<(u64, String)>,
) {
    let Some(record) = super::just_recorded(db, &profile, active, &mut seen) else {
        return;
    };
    SESSION.with(|s| {
        if let Some(session) = s.borrow_mut().as_mut() {
            set(&session.finished(&record));
        }
    });
}
