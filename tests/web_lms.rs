//! The web game launched by a learning system (cmi5) in a real browser: the launch read, the call
//! played under the learner's name and language, the statements in the order cmi5 sets, stored
//! in the Ralph LRS, and back to the course; a Browse session judges nothing.
//!
//! Needs `target/web`, chromium-driver and the Ralph LRS (`PEERCALL_RALPH`): skipped without
//! them, unless CI's `PEERCALL_REQUIRE_*` are set.

mod common;

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use common::browser::Browser;
use common::hub::hub_with;
use common::web::{available, serving};

/// A launch address from the learning system at `lms` for the game on `hub`.
fn launch_url(hub: &str, lms: &str, registration: &str) -> String {
    let actor = r#"{"objectType":"Agent","name":"Lou Learner","account":{"homePage":"https://lms.example.invalid","name":"lou-7"}}"#;
    let q: String = [
        ("scenario", "demo-request"),
        ("seed", "7"),
        ("endpoint", &format!("{lms}/xapi/")),
        ("fetch", &format!("{lms}/fetch")),
        ("actor", actor),
        ("registration", registration),
        ("activityId", "https://lms.example.invalid/au/demo-request"),
    ]
    .iter()
    .map(|(k, v)| format!("{k}={}", peercall_core::lms::url_component(v)))
    .collect::<Vec<_>>()
    .join("&");
    format!("{hub}/play/?{q}")
}

#[test]
fn launched_by_a_learning_system_a_call_sends_the_cmi5_statements_in_order() {
    if !available() {
        return;
    }
    let Some(venv) = common::lrs::venv() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let app = common::lrs::lrs_app(&venv, dir.path());
    let port = common::lrs::free_port();
    let _lrs = common::lrs::start(&venv, &app, port);
    let lms = common::lms::start(port);
    let registration = "d1beacde-b5fa-4d90-a6e5-da523d93e83d";
    let launch_data = |mode: &str, session: &str| {
        json!({
            "contextTemplate": {
                "contextActivities": {"grouping": [{"id": "https://lms.example.invalid/course"}]},
                "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": session}
            },
            "launchMode": mode, "masteryScore": 0.5, "moveOn": "CompletedAndPassed",
            "returnURL": format!("{}/back", lms.origin)
        })
        .to_string()
    };
    *lms.launch_data.lock().unwrap() = launch_data("Normal", "session-1");
    let mut env = serving().to_vec();
    env.push(("PEERCALL_LMS_ORIGINS", lms.origin.clone()));
    let (_hub, url) = hub_with(&dir.path().join("hub"), &env);
    let b = Browser::start();
    b.open(&launch_url(&url, &lms.origin, registration));
    b.wait_started();
    // The learner's name comes from the launch and the language from their preferences: the
    // call begins without asking, in German.
    b.press_until("Debrief", || {});
    let text = b.mirrored();
    assert!(
        text.contains("Ergebnis") || text.contains("Vertrauen"),
        "{text}"
    );
    let finish = "const f = document.getElementById('lms-finish'); \
                  if (f.hidden) return false; f.click(); return true;";
    assert_eq!(b.run(finish), json!(true), "no way back to the course");
    // The page goes back to the LMS once the last statement is sent.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !b
        .run("return location.pathname")
        .as_str()
        .unwrap_or_default()
        .ends_with("/back")
    {
        if Instant::now() >= deadline {
            let (posts, fetches, refused) = {
                let seen = lms.seen.lock().unwrap();
                (seen.posts.len(), seen.fetches, seen.unauthorized)
            };
            panic!(
                "the page never went back to the course: at {} {} {}; the LMS saw {posts} posts, \
                 {fetches} fetches, {refused} refused",
                b.run("return location.href"),
                b.run("return JSON.stringify(window.peercall.lms?.status)"),
                b.run("return window.peercall.warnings"),
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let seen = lms.seen.lock().unwrap();
    assert_eq!(seen.fetches, 1, "the token is fetched once");
    assert_eq!(seen.unauthorized, 0);
    assert!(
        seen.own_state
            .as_deref()
            .is_some_and(|s| s.contains("\"passed\""))
    );
    drop(seen);
    // In the LRS: the statements of this registration, in the order they were stored.
    let mut all: Vec<Value> = common::lrs::statements(port);
    all.sort_by(|a, b| a["stored"].as_str().cmp(&b["stored"].as_str()));
    let verbs: Vec<&str> = all
        .iter()
        .map(|s| {
            s["verb"]["id"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(verbs.first(), Some(&"initialized"), "{verbs:?}");
    assert_eq!(verbs.last(), Some(&"terminated"), "{verbs:?}");
    assert_eq!(
        verbs.iter().filter(|v| **v == "completed").count(),
        1,
        "{verbs:?}"
    );
    assert_eq!(
        verbs
            .iter()
            .filter(|v| matches!(**v, "passed" | "failed"))
            .count(),
        1,
        "{verbs:?}"
    );
    assert!(verbs.contains(&"answered"), "{verbs:?}");
    for s in &all {
        assert_eq!(s["context"]["registration"], registration, "{s}");
        assert_eq!(
            s["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/sessionid"],
            "session-1"
        );
        assert_eq!(s["actor"]["account"]["name"], "lou-7");
    }
    let judged = all
        .iter()
        .find(|s| {
            matches!(
                s["verb"]["display"]["en-US"].as_str(),
                Some("passed" | "failed")
            )
        })
        .unwrap();
    // What the LMS recorded, for whoever reads the test's output.
    eprintln!("statements in the LRS, in order: {verbs:?}");
    eprintln!(
        "{}",
        serde_json::to_string_pretty(judged).unwrap_or_default()
    );
    let scaled = judged["result"]["score"]["scaled"].as_f64().unwrap();
    assert_eq!(
        judged["result"]["success"],
        json!(scaled >= 0.5),
        "{judged}"
    );
    // Browse mode, a second session of the same registration: nothing is judged.
    *lms.launch_data.lock().unwrap() = launch_data("Browse", "session-2");
    lms.seen.lock().unwrap().fetches = 0;
    b.open(&launch_url(&url, &lms.origin, registration));
    b.wait_started();
    b.press_until("Debrief", || {});
    assert_eq!(b.run(finish), json!(true));
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let second: Vec<Value> = common::lrs::statements(port)
            .into_iter()
            .filter(|s| {
                s["context"]["extensions"]
                    ["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]
                    == "session-2"
            })
            .collect();
        let verbs: Vec<&str> = second
            .iter()
            .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap_or_default())
            .collect();
        if verbs.contains(&"terminated") {
            assert!(verbs.contains(&"initialized"), "{verbs:?}");
            assert!(
                !verbs
                    .iter()
                    .any(|v| matches!(*v, "completed" | "passed" | "failed")),
                "judged in Browse mode: {verbs:?}"
            );
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the second session never ended: {verbs:?}"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}
