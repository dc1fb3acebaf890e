//! A certification in the game: the call hides the trust meter and the lines' signals, there is
//! no practice replay, and the debrief gives the verdict so far from the recorded results.

use super::*;
use peercall_core::certification::{Certification, Rule};
use peercall_core::competition::{Competition, Entry, Resolved};
use peercall_core::records::Store;
use peercall_dialogue::Signal;
use peercall_game::{ActiveCompetition, Profile, RecordsDb};

/// A game on `ids` under a certification of them with `rules` (no pass marks), for player Flo,
/// keeping records in `db`.
fn certifying(db: &std::path::Path, ids: &[&str], rules: Vec<Rule>) -> App {
    let builtin = Library::builtin();
    let mut only = Library::default();
    for id in ids {
        only.entries
            .push(builtin.entries[builtin.find(id).unwrap()].clone());
    }
    let competition = Competition {
        id: "onboarding".into(),
        name: "Onboarding".into(),
        starts: None,
        ends: None,
        attempts: 2,
        scenarios: ids
            .iter()
            .map(|id| Entry {
                id: (*id).into(),
                seed: 3,
                hashes: vec![],
                pass: None,
            })
            .collect(),
        certification: Some(Certification {
            pass: 0,
            call_pass: 0,
            rules,
            due: None,
            valid_days: None,
        }),
    };
    let entries = ids
        .iter()
        .enumerate()
        .map(|(index, id)| Resolved {
            index,
            scenario: (*id).into(),
            seed: 3,
        })
        .collect();
    let mut app = headless(
        only,
        PlayOptions {
            competition: Some(ActiveCompetition {
                competition,
                entries,
            }),
            ..default()
        },
    );
    app.insert_resource(RecordsDb::new(Store::open(db).unwrap().0))
        .insert_resource(Profile {
            player: "Flo".into(),
            team: "".into(),
        });
    app
}

#[test]
fn a_certification_call_is_played_blind_and_the_debrief_gives_the_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let mut app = certifying(
        &db,
        &["network-expansion", "demo-request"],
        vec![Rule::AtLeast(Signal::PeerContract, 1)],
    );
    key(&mut app, KeyCode::Enter); // Play
    key(&mut app, KeyCode::Enter); // Take the call
    assert_eq!(screen(&app), Screen::Call);
    // The first line each time: no line says its signal or what it did to trust.
    while !call(&app).call.is_over() {
        key(&mut app, KeyCode::Digit1);
        app.update();
        let said = texts(&mut app);
        assert!(
            !said.iter().any(|t| t.contains("|  trust")),
            "a line shows its signal and trust change: {said:?}"
        );
        assert!(!said.iter().any(|t| t.starts_with("Mood:")), "{said:?}");
    }
    let said = texts(&mut app);
    assert!(
        said.iter()
            .any(|t| t.starts_with("Certification: trust and signals")),
        "{said:?}"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    let said = texts(&mut app);
    assert!(
        !said.iter().any(|t| t.starts_with("Replay from turn")),
        "no practice replays in a certification"
    );
    // The verdict: in progress; the first call's rule is named, if it was broken; the second
    // call has its two attempts open.
    assert!(
        said.iter()
            .any(|t| t.starts_with("Certification in progress: ")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|t| t.starts_with("demo-request: -/0 not passed yet (0 attempts, 2 left)")),
        "{said:?}"
    );
    let recorded = Store::open(&db).unwrap().0.results(None).unwrap();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].competition.as_deref(), Some("onboarding"));
}

#[test]
fn a_passed_certification_saves_its_certificate_from_the_debrief() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let mut app = certifying(&db, &["demo-request"], vec![]);
    key(&mut app, KeyCode::Enter); // Play
    key(&mut app, KeyCode::Enter); // Take the call
    while !call(&app).call.is_over() {
        key(&mut app, KeyCode::Digit1);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    let said = texts(&mut app);
    assert!(
        said.iter().any(|t| t.starts_with("Certification passed")),
        "{said:?}"
    );
    press(&mut app, "Save the certificate (PDF)");
    app.update();
    let folder = dir.path().join("certificates");
    let saved: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let pdf = std::fs::read(&saved[0]).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // The debrief says where it went.
    let said = texts(&mut app);
    let place = saved[0].display().to_string();
    assert!(
        said.iter()
            .any(|t| t.starts_with("Certificate saved: ") && t.contains(&place)),
        "{said:?}"
    );
}
