//! Tests of the cmi5 session: the launch checked, and each rule on the statements' order and
//! count, in Normal, Browse and Review modes.

use super::*;

const REG: &str = "d1beacde-b5fa-4d90-a6e5-da523d93e83d";

fn launch() -> Launch {
    let actor = r#"{"objectType":"Agent","name":"Ana Lee","account":{"homePage":"https://lms.example.invalid","name":"ana"}}"#;
    Launch::from_query([
        ("endpoint", "https://lms.example.invalid/xapi/"),
        ("fetch", "https://lms.example.invalid/fetch?k=1"),
        ("actor", actor),
        ("registration", REG),
        ("activityId", "https://lms.example.invalid/au/demo"),
        ("lang", "de"),
    ])
    .unwrap()
    .unwrap()
}

fn data(mode: &str, mastery: Option<f64>) -> LaunchData {
    let mastery = mastery.map_or(String::new(), |m| format!(r#""masteryScore": {m},"#));
    LaunchData::parse(&format!(
        r#"{{"contextTemplate": {{"contextActivities": {{"grouping": [{{"id": "https://lms.example.invalid/course"}}]}},
            "extensions": {{"https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1"}}}},
          "launchMode": "{mode}", {mastery} "moveOn": "CompletedAndPassed",
          "returnURL": "https://lms.example.invalid/back", "launchMethod": "AnyWindow"}}"#
    ))
    .unwrap()
}

fn call() -> (Record, Script) {
    crate::test_support::finished_demo_record()
}

fn verbs(statements: &[Value]) -> Vec<String> {
    statements
        .iter()
        .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_launch_is_read_and_each_bad_parameter_is_named() {
    let l = launch();
    assert_eq!(l.learner(), "Ana Lee");
    assert!(
        Launch::from_query([("scenario", "x")]).is_none(),
        "not launched by an LMS"
    );
    let bad = Launch::from_query([("endpoint", "ftp://x"), ("fetch", "https://f")]).unwrap();
    assert!(bad.unwrap_err().contains("actor"));
    let mut pairs = vec![
        ("endpoint", "https://lms.example.invalid/xapi/"),
        ("fetch", "https://lms.example.invalid/fetch"),
        ("actor", r#"{"account":{"homePage":"h","name":"n"}}"#),
        ("registration", "not-a-uuid"),
        ("activityId", "https://a"),
    ];
    let e = Launch::from_query(pairs.clone()).unwrap().unwrap_err();
    assert!(e.contains("registration"), "{e}");
    pairs[3] = ("registration", REG);
    pairs[0] = ("endpoint", "javascript:alert(1)");
    let e = Launch::from_query(pairs).unwrap().unwrap_err();
    assert!(e.contains("endpoint"), "{e}");
    // Launch data without a session id, or with a mastery score over 1, is refused.
    assert!(LaunchData::parse(r#"{"contextTemplate": {}, "launchMode": "Normal"}"#).is_err());
    let e = LaunchData::parse(
        r#"{"contextTemplate": {"extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s"}},
            "launchMode": "Normal", "masteryScore": 7}"#,
    )
    .unwrap_err();
    assert!(e.contains("masteryScore"), "{e}");
    assert!(LaunchData::parse("{").is_err());
}

#[test]
fn a_normal_session_sends_initialized_first_terminated_last_and_judges_once() {
    let (record, script) = call();
    let t = humantime::parse_rfc3339("2026-05-01T09:59:00Z").unwrap();
    // The first-line call scores below a mastery score of 0.99: failed.
    let mut s = Session::new(launch(), data("Normal", Some(0.99)), Sent::default(), t);
    let mut all = vec![s.initialized(t)];
    all.extend(s.finished(&record, &script, "https://home.invalid"));
    // A second call in the same session: completed is not sent again, nor failed.
    all.extend(s.finished(&record, &script, "https://home.invalid"));
    all.extend(s.terminated(t + std::time::Duration::from_secs(200)));
    assert!(s.terminated(t).is_none(), "terminated once");
    assert!(
        s.finished(&record, &script, "h").is_empty(),
        "nothing after terminated"
    );
    let v = verbs(&all);
    assert_eq!(v.first().map(String::as_str), Some("initialized"));
    assert_eq!(v.last().map(String::as_str), Some("terminated"));
    assert_eq!(v.iter().filter(|x| *x == "completed").count(), 1, "{v:?}");
    assert_eq!(v.iter().filter(|x| *x == "failed").count(), 1, "{v:?}");
    assert_eq!(v.iter().filter(|x| *x == "passed").count(), 0, "{v:?}");
    assert!(v.iter().filter(|x| *x == "answered").count() >= 2);
    for st in &all {
        assert_eq!(st["context"]["registration"], REG);
        assert_eq!(st["context"]["extensions"][SESSION_ID], "s-1", "{st}");
        assert_eq!(st["actor"]["account"]["name"], "ana");
        let cats: Vec<&str> = st["context"]["contextActivities"]["category"]
            .as_array()
            .map(|a| a.iter().filter_map(|c| c["id"].as_str()).collect())
            .unwrap_or_default();
        let verb = st["verb"]["display"]["en-US"].as_str().unwrap();
        // cmi5-defined statements carry the cmi5 category; peercall's own do not.
        assert_eq!(cats.contains(&CMI5_CATEGORY), verb != "answered", "{verb}");
        assert_eq!(
            cats.contains(&MOVEON_CATEGORY),
            matches!(verb, "completed" | "passed" | "failed"),
            "{verb}"
        );
        if verb != "answered" {
            assert_eq!(st["object"]["id"], "https://lms.example.invalid/au/demo");
        }
    }
    let failed = all
        .iter()
        .find(|x| x["verb"]["display"]["en-US"] == "failed")
        .unwrap();
    assert_eq!(failed["result"]["success"], false);
    assert_eq!(failed["context"]["extensions"][MASTERY_SCORE], 0.99);
    assert_eq!(
        failed["result"]["score"]["scaled"].as_f64().unwrap(),
        f64::from(record.score) / 100.0
    );
    // Ids are unique.
    let mut ids: Vec<&str> = all.iter().map(|s| s["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all.len());
}

#[test]
fn passed_is_sent_once_per_registration_and_failed_never_after_it() {
    let (record, script) = call();
    let t = humantime::parse_rfc3339("2026-05-01T09:59:00Z").unwrap();
    let mut s = Session::new(launch(), data("Normal", Some(0.0)), Sent::default(), t);
    s.initialized(t);
    let first = verbs(&s.finished(&record, &script, "h"));
    assert!(first.contains(&"passed".to_string()), "{first:?}");
    assert_eq!(
        s.sent,
        Sent {
            completed: true,
            passed: true
        }
    );
    // A later session of the same registration, told what was sent: neither again.
    let mut later = Session::new(launch(), data("Normal", Some(0.0)), s.sent, t);
    later.initialized(t);
    let again = verbs(&later.finished(&record, &script, "h"));
    assert!(
        !again
            .iter()
            .any(|v| matches!(v.as_str(), "completed" | "passed" | "failed")),
        "{again:?}"
    );
    // Even a score below the mastery score sends no failed after a pass.
    let mut strict = Session::new(launch(), data("Normal", Some(1.0)), s.sent, t);
    assert!(!verbs(&strict.finished(&record, &script, "h")).contains(&"failed".to_string()));
}

#[test]
fn browse_and_review_sessions_judge_nothing() {
    let (record, script) = call();
    let t = humantime::parse_rfc3339("2026-05-01T09:59:00Z").unwrap();
    for mode in ["Browse", "Review"] {
        let mut s = Session::new(launch(), data(mode, Some(0.5)), Sent::default(), t);
        let mut all = vec![s.initialized(t)];
        all.extend(s.finished(&record, &script, "h"));
        all.extend(s.terminated(t));
        let v = verbs(&all);
        assert!(
            !v.iter()
                .any(|x| matches!(x.as_str(), "completed" | "passed" | "failed")),
            "{mode}: {v:?}"
        );
        assert_eq!(v.first().map(String::as_str), Some("initialized"));
        assert_eq!(v.last().map(String::as_str), Some("terminated"));
    }
}
