//! Tests of certification verdicts on a fake clock: attempts, the due date, overdue, expiry,
//! the signal rules, and the verification code.

use super::*;
use crate::competition::Entry;
use crate::library::Library;
use peercall_dialogue::Signal;

fn at(s: &str) -> SystemTime {
    humantime::parse_rfc3339(s).unwrap()
}

fn certification(attempts: u32, cert: Certification) -> Competition {
    Competition {
        id: "cert".into(),
        name: "Certification".into(),
        starts: Some("2026-01-01".into()),
        ends: Some("2026-03-31".into()),
        attempts,
        scenarios: ["network-expansion", "demo-request"]
            .into_iter()
            .map(|id| Entry {
                id: id.into(),
                seed: 11,
                hashes: vec![],
                pass: None,
            })
            .collect(),
        certification: Some(cert),
    }
}

fn rules(pass: u32, call_pass: u32, rules: Vec<Rule>) -> Certification {
    Certification {
        pass,
        call_pass,
        rules,
        due: Some("2026-02-15".into()),
        valid_days: Some(365),
    }
}

/// `player`'s attempt `attempt` at `scenario`, finished at `finished`, each line picked by
/// `pick` among the offers (their signals).
fn played(
    c: &Competition,
    scenario: &str,
    player: &str,
    attempt: u32,
    finished: &str,
    pick: impl Fn(&[Signal]) -> usize,
) -> Record {
    let library = Library::builtin();
    let script = library.script(scenario).unwrap();
    let seed = player_seed(&c.id, script, 11, player, attempt);
    let mut call = Call::start(script, seed);
    while !call.is_over() {
        let offers: Vec<Signal> = call.offered(script).iter().map(|o| o.signal).collect();
        let n = pick(&offers).min(offers.len() - 1) + 1;
        call.choose(script, n).unwrap();
    }
    let end = at(finished);
    Record::of(
        &call,
        script,
        player,
        "",
        end - Duration::from_secs(300),
        end,
        Some(&c.id),
    )
    .unwrap()
}

/// Lines that commit resources whenever offered.
fn committer(offers: &[Signal]) -> usize {
    offers
        .iter()
        .position(|&s| s == Signal::CommitResources)
        .unwrap_or(0)
}

/// A peer contract whenever offered, then business questions, never resources.
fn peer(offers: &[Signal]) -> usize {
    [
        Signal::PeerContract,
        Signal::BusinessQuestion,
        Signal::HonestSelfInterest,
        Signal::MutualValue,
    ]
    .iter()
    .find_map(|want| offers.iter().position(|s| s == want))
    .or_else(|| offers.iter().position(|&s| s != Signal::CommitResources))
    .unwrap_or(0)
}

fn judged(c: &Competition, results: &[Record], player: &str, now: &str) -> Verdict {
    let library = Library::builtin();
    let scripts = library.scripts();
    judge(c, &scripts, results, player, at(now)).unwrap()
}

#[test]
fn a_pass_earns_a_code_that_verifies_and_expires_after_its_validity() {
    let c = certification(2, rules(0, 0, vec![]));
    let results = vec![
        played(
            &c,
            "network-expansion",
            "Ana",
            0,
            "2026-01-10T10:00:00Z",
            peer,
        ),
        played(&c, "demo-request", "Ana", 0, "2026-01-12T10:00:00Z", peer),
    ];
    let v = judged(&c, &results, "Ana", "2026-01-20T00:00:00Z");
    assert_eq!(v.state, State::Passed, "{v:#?}");
    assert_eq!(v.passed_at.as_deref(), Some("2026-01-12T10:00:00.000Z"));
    assert!(v.valid_until.as_deref().unwrap().starts_with("2027-01-12"));
    let code = v.code.clone().unwrap();
    assert_eq!(code.len(), 19, "{code}");
    let library = Library::builtin();
    let scripts = library.scripts();
    let now = at("2026-02-01T00:00:00Z");
    assert!(verify(&c, &scripts, &results, "Ana", &code.to_lowercase(), now).is_ok());
    assert!(verify(&c, &scripts, &results, "Ana", "0000-0000-0000-0000", now).is_err());
    assert!(verify(&c, &scripts, &results, "Bo", &code, now).is_err());
    // A result with a better score written in: its replay does not hold, so no pass.
    let mut forged = results.clone();
    forged[1].score = (forged[1].score + 10).min(100);
    forged[1].id = forged[1].content_id();
    if forged[1].score != results[1].score {
        let v = judged(&c, &forged, "Ana", "2026-01-20T00:00:00Z");
        assert_ne!(v.state, State::Passed);
        assert_eq!(v.calls[1].refused.len(), 1, "{v:#?}");
    }
    // A day past the year's validity the same pass has expired; the code still verifies.
    let later = judged(&c, &results, "Ana", "2027-01-12T10:00:01Z");
    assert_eq!(later.state, State::Expired);
    assert_eq!(later.code, v.code);
}

#[test]
fn attempts_due_date_overdue_and_failure_follow_the_clock() {
    let c = certification(2, rules(0, 0, vec![Rule::PeerContractBeforeResources]));
    // Nothing played: in progress before the due date, overdue after it, failed once closed.
    assert_eq!(
        judged(&c, &[], "Bo", "2026-02-15T23:59:59Z").state,
        State::InProgress
    );
    assert_eq!(
        judged(&c, &[], "Bo", "2026-02-16T00:00:00Z").state,
        State::Overdue
    );
    assert_eq!(
        judged(&c, &[], "Bo", "2026-04-01T00:00:00Z").state,
        State::Failed
    );
    // Resources committed before any peer contract: that call is not passed, whatever it
    // scored, and the debrief says which turn broke the rule.
    let first = played(
        &c,
        "network-expansion",
        "Bo",
        0,
        "2026-01-05T09:00:00Z",
        committer,
    );
    let v = judged(
        &c,
        std::slice::from_ref(&first),
        "Bo",
        "2026-01-06T00:00:00Z",
    );
    let call = &v.calls[0];
    assert!(!call.passed);
    assert_eq!(call.left, 1);
    assert_eq!(call.broken.len(), 1, "{call:#?}");
    assert!(
        call.broken[0].why.contains("turn"),
        "{}",
        call.broken[0].why
    );
    assert_eq!(v.state, State::InProgress);
    // The second attempt is the player's second fair seed, and breaks it again: no attempt
    // is left, so the certification is failed.
    let second = played(
        &c,
        "network-expansion",
        "Bo",
        1,
        "2026-01-07T09:00:00Z",
        committer,
    );
    let both = vec![first.clone(), second.clone()];
    let v = judged(&c, &both, "Bo", "2026-01-08T00:00:00Z");
    assert_eq!(v.calls[0].attempts, 2);
    assert_eq!(v.calls[0].left, 0);
    assert_eq!(v.state, State::Failed);
    // A third call beyond the attempts is left out, even a good one.
    let third = played(
        &c,
        "network-expansion",
        "Bo",
        1,
        "2026-01-09T09:00:00Z",
        peer,
    );
    let v = judged(&c, &[first, second, third], "Bo", "2026-01-10T00:00:00Z");
    assert_eq!(v.calls[0].refused.len(), 1);
    assert_eq!(v.state, State::Failed);
}

#[test]
fn seeds_that_are_not_the_players_own_and_calls_outside_the_window_do_not_count() {
    let c = certification(1, rules(0, 0, vec![]));
    // Ana's call recorded under Bo's name: not one of Bo's seeds.
    let mut borrowed = played(
        &c,
        "network-expansion",
        "Ana",
        0,
        "2026-01-10T10:00:00Z",
        peer,
    );
    borrowed.player = "Bo".into();
    borrowed.id = borrowed.content_id();
    let early = played(&c, "demo-request", "Bo", 0, "2025-12-31T23:00:00Z", peer);
    let v = judged(&c, &[borrowed, early], "Bo", "2026-01-20T00:00:00Z");
    assert_eq!(v.calls[0].refused.len(), 1, "{:#?}", v.calls[0]);
    assert_eq!(v.calls[1].refused.len(), 1, "{:#?}", v.calls[1]);
    assert_eq!(v.calls[0].attempts + v.calls[1].attempts, 0);
    assert_eq!(v.state, State::InProgress);
}

#[test]
fn pass_marks_per_call_and_overall_decide_the_verdict() {
    let probe = certification(1, rules(0, 0, vec![]));
    let a = played(
        &probe,
        "network-expansion",
        "Cy",
        0,
        "2026-01-10T10:00:00Z",
        peer,
    );
    let b = played(
        &probe,
        "demo-request",
        "Cy",
        0,
        "2026-01-11T10:00:00Z",
        peer,
    );
    let mean = ((f64::from(a.score) + f64::from(b.score)) / 2.0).round() as u32;
    // An overall mark one above the mean: every call passed, the certification failed.
    let c = certification(1, rules(mean + 1, 0, vec![]));
    let v = judged(&c, &[a.clone(), b.clone()], "Cy", "2026-01-12T00:00:00Z");
    assert_eq!(v.overall, Some(mean));
    assert!(v.calls.iter().all(|c| c.passed));
    assert_eq!(v.state, State::Failed);
    // A call's own mark above its score fails that call.
    let mut c = certification(1, rules(0, 0, vec![]));
    c.scenarios[1].pass = Some(b.score + 1);
    let v = judged(&c, &[a, b], "Cy", "2026-01-12T00:00:00Z");
    assert!(v.calls[0].passed && !v.calls[1].passed);
    assert_eq!(v.state, State::Failed);
}

#[test]
fn a_certification_file_is_read_and_its_mistakes_are_placed() {
    let text = r#"Competition(
    id: "onboarding",
    name: "Onboarding certification",
    starts: "2026-01-01",
    ends: "2026-03-31",
    attempts: 2,
    scenarios: [(id: "demo-request", seed: 5, pass: 60)],
    certification: Some((
        pass: 70,
        rules: [PeerContractBeforeResources, AtMost(CommitResources, 1)],
        due: "2026-02-15",
        valid_days: 365,
    )),
)"#;
    let c = Competition::from_text("cert.ron", text).unwrap();
    let cert = c.certification.as_ref().unwrap();
    assert_eq!(cert.rules.len(), 2);
    assert_eq!(c.scenarios[0].pass, Some(60));
    let bad = text
        .replace("pass: 70", "pass: 170")
        .replace("due: \"2026-02-15\"", "due: \"2026-05-01\"")
        .replace("valid_days: 365", "valid_days: 0");
    let e = Competition::from_text("cert.ron", &bad)
        .unwrap_err()
        .to_string();
    assert!(e.contains("cert.ron:9:"), "{e}");
    assert!(e.contains("170"), "{e}");
    assert!(e.contains("cert.ron:11:"), "{e}");
    assert!(e.contains("cert.ron:12:"), "{e}");
    // A call's pass mark in a plain competition is a mistake.
    let plain = text.replace("certification: Some", "certification: None // ");
    let plain = plain
        .split("certification: None")
        .next()
        .unwrap()
        .to_string()
        + ")";
    let e = Competition::from_text("plain.ron", &plain)
        .unwrap_err()
        .to_string();
    assert!(e.contains("plain.ron:7:"), "{e}");
}
