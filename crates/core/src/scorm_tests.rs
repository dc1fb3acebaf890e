//! Tests of the SCORM runtime: the launch checked, the suspend state's round trip and bounds,
//! and the values set in each version and mode.

use super::*;

fn read(version: &str) -> Read {
    Read {
        version: version.into(),
        learner_id: "lee-7".into(),
        learner_name: "Lee, Ana".into(),
        mode: "normal".into(),
        ..Read::default()
    }
}

fn record(score: u32) -> Record {
    let (mut r, _) = crate::test_support::finished_demo_record();
    r.score = score;
    r
}

fn get<'a>(values: &'a [Value], element: &str) -> Option<&'a str> {
    values
        .iter()
        .find(|(e, _)| *e == element)
        .map(|(_, v)| v.as_str())
}

#[test]
fn a_launch_is_checked_and_its_name_read_first_name_first() {
    let l = Launch::check(&read("2004")).unwrap();
    assert_eq!(l.learner, "Ana Lee");
    assert_eq!(l.mode, Mode::Normal);
    assert_eq!(l.version, Version::V2004);
    assert!(l.resume.is_none());
    let mut r = read("1.2");
    r.learner_name = " ".into();
    r.mastery = "80".into();
    r.lang = "de-AT".into();
    let l = Launch::check(&r).unwrap();
    assert_eq!(l.learner, "lee-7");
    assert_eq!(l.mastery, Some(0.8));
    assert_eq!(l.lang.as_deref(), Some("de"));
    let mut r = read("2004");
    r.mastery = "0.65".into();
    assert_eq!(Launch::check(&r).unwrap().mastery, Some(0.65));
    // Each bad field is named.
    for (field, edit) in [
        (
            "version",
            (|r: &mut Read| r.version = "3".into()) as fn(&mut Read),
        ),
        ("mode", |r| r.mode = "exam".into()),
        ("mastery", |r| r.mastery = "1.5".into()),
        ("mastery", |r| r.mastery = "NaN".into()),
        ("learner", |r| {
            r.learner_id = String::new();
            r.learner_name = "\u{7}".into();
        }),
    ] {
        let mut r = read("2004");
        edit(&mut r);
        let e = Launch::check(&r).unwrap_err();
        assert!(e.contains(field), "{field}: {e}");
    }
}

#[test]
fn a_suspend_state_comes_back_whole_and_a_foreign_one_is_dropped() {
    let s = Suspended {
        v: 1,
        scenario: "demo-request".into(),
        seed: 42,
        choices: vec![1, 0, 2],
        waits: vec![(1, 3)],
    };
    let mut r = read("1.2");
    r.suspend = s.text();
    assert_eq!(Launch::check(&r).unwrap().resume, Some(s.clone()));
    for foreign in [
        "",
        "viewed=1,2,3|lastslide=4",
        r#"{"v":2,"scenario":"x","seed":1,"choices":[]}"#,
        r#"{"v":1,"scenario":"","seed":1,"choices":[]}"#,
    ] {
        r.suspend = foreign.into();
        assert_eq!(Launch::check(&r).unwrap().resume, None, "{foreign}");
    }
    // Longer than 1.2 keeps: not resumed, and not written either.
    let long = Suspended {
        choices: vec![12_345; 499],
        waits: vec![(100, -10); 400],
        ..s
    };
    assert!(long.text().len() > Version::V12.max_suspend());
    r.suspend = long.text();
    assert_eq!(Launch::check(&r).unwrap().resume, None);
    let session = Session::new(Launch::check(&read("1.2")).unwrap());
    assert!(session.in_call(&long).is_empty());
    let session = Session::new(Launch::check(&read("2004")).unwrap());
    assert_eq!(
        get(&session.in_call(&long), "cmi.suspend_data"),
        Some(long.text().as_str())
    );
}

#[test]
fn a_call_in_progress_is_kept_to_be_resumed() {
    let s = Suspended {
        v: 1,
        scenario: "demo-request".into(),
        seed: 7,
        choices: vec![0, 1],
        waits: vec![],
    };
    let v12 = Session::new(Launch::check(&read("1.2")).unwrap()).in_call(&s);
    assert_eq!(get(&v12, "cmi.core.exit"), Some("suspend"));
    assert_eq!(get(&v12, "cmi.core.lesson_status"), Some("incomplete"));
    assert_eq!(
        get(&v12, "cmi.core.lesson_location"),
        Some("demo-request/2")
    );
    let v2004 = Session::new(Launch::check(&read("2004")).unwrap()).in_call(&s);
    assert_eq!(get(&v2004, "cmi.exit"), Some("suspend"));
    assert_eq!(get(&v2004, "cmi.completion_status"), Some("incomplete"));
    let mut r = read("2004");
    r.mode = "review".into();
    assert!(
        Session::new(Launch::check(&r).unwrap())
            .in_call(&s)
            .is_empty()
    );
}

#[test]
fn a_finished_call_reports_completion_success_and_score_in_each_version() {
    let mut r = read("2004");
    r.mastery = "0.6".into();
    let mut s = Session::new(Launch::check(&r).unwrap());
    let v = s.finished(&record(72));
    assert_eq!(get(&v, "cmi.completion_status"), Some("completed"));
    assert_eq!(get(&v, "cmi.success_status"), Some("passed"));
    assert_eq!(get(&v, "cmi.score.scaled"), Some("0.72"));
    assert_eq!(get(&v, "cmi.score.raw"), Some("72"));
    assert_eq!(get(&v, "cmi.exit"), Some("normal"));
    assert_eq!(get(&v, "cmi.suspend_data"), Some(""));
    // A worse call later in the session does not lower what the LMS keeps.
    let v = s.finished(&record(30));
    assert_eq!(get(&v, "cmi.success_status"), Some("passed"));
    assert_eq!(get(&v, "cmi.score.raw"), Some("72"));
    let v = s.finished(&record(90));
    assert_eq!(get(&v, "cmi.score.scaled"), Some("0.9"));

    let mut r = read("1.2");
    r.mastery = "80".into();
    let mut s = Session::new(Launch::check(&r).unwrap());
    let v = s.finished(&record(79));
    assert_eq!(get(&v, "cmi.core.lesson_status"), Some("failed"));
    assert_eq!(get(&v, "cmi.core.score.raw"), Some("79"));
    assert_eq!(get(&v, "cmi.core.exit"), Some(""));
    assert_eq!(
        get(&s.finished(&record(80)), "cmi.core.lesson_status"),
        Some("passed")
    );
    // No mastery score in 1.2: completed, and the LMS judges by the score.
    let mut s = Session::new(Launch::check(&read("1.2")).unwrap());
    assert_eq!(
        get(&s.finished(&record(10)), "cmi.core.lesson_status"),
        Some("completed")
    );
    assert_eq!(
        get(&s.finished(&record(0)), "cmi.core.score.raw"),
        Some("10")
    );
    assert_eq!(scaled(0), "0");
    assert_eq!(scaled(100), "1");
}

#[test]
fn browse_and_review_judge_nothing() {
    let mut r = read("1.2");
    r.mode = "browse".into();
    let v = Session::new(Launch::check(&r).unwrap()).finished(&record(90));
    assert_eq!(get(&v, "cmi.core.lesson_status"), Some("browsed"));
    assert_eq!(get(&v, "cmi.core.score.raw"), None);
    let mut r = read("2004");
    r.mode = "browse".into();
    let v = Session::new(Launch::check(&r).unwrap()).finished(&record(90));
    assert_eq!(get(&v, "cmi.success_status"), None);
    assert_eq!(get(&v, "cmi.completion_status"), None);
    r.mode = "review".into();
    assert!(
        Session::new(Launch::check(&r).unwrap())
            .finished(&record(90))
            .is_empty()
    );
}
