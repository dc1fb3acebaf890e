//! Certification from the command line, as a trainer and a player use it: calls played in the
//! terminal under a certification show no signal or trust until the verdict, `certify status`
//! says who passed, and `certify verify` checks a certificate's code by replaying the results,
//! refusing a wrong code and a result whose score was written in.

use std::path::Path;

mod common;
use common::{peercall_db, text};

/// A certification of two built-in calls, open for years, `rules` and marks given.
fn certification(dir: &Path, id: &str, marks: &str, rules: &str) -> std::path::PathBuf {
    let file = dir.join(format!("{id}.ron"));
    std::fs::write(
        &file,
        format!(
            r#"Competition(
    id: "{id}",
    name: "Onboarding <certification>",
    starts: "2026-01-01",
    ends: "2099-12-31",
    attempts: 2,
    scenarios: [(id: "network-expansion", seed: 7), (id: "demo-request", seed: 9)],
    certification: Some(({marks}, rules: [{rules}], due: "2099-01-31", valid_days: 365)),
)"#
        ),
    )
    .unwrap();
    file
}

/// Plays `scenario` under `file` as `player`, answering `answer` to every question; the output.
fn play(db: &Path, file: &Path, scenario: &str, player: &str, answer: &str) -> String {
    let out = peercall_db(db)
        .args(["run", &format!("dialogues/{scenario}.ron"), "--competition"])
        .arg(file)
        .args(["--player", player])
        .write_stdin(format!("{answer}\n").repeat(60))
        .output()
        .unwrap();
    common::success(&out);
    text(&out)
}

fn code_in(s: &str) -> String {
    s.split_whitespace()
        .find(|w| w.len() == 19 && w.matches('-').count() == 3)
        .unwrap_or_else(|| panic!("no code in {s}"))
        .to_string()
}

#[test]
fn a_certification_is_played_blind_judged_and_its_code_verified_by_replay() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let file = certification(dir.path(), "easy", "pass: 0, call_pass: 0", "");
    let first = play(&db, &file, "network-expansion", "Ana", "2");
    // No trust meter, no signal per line, no teaching debrief: the verdict so far instead.
    assert!(!first.contains("Trust ["), "{first}");
    assert!(!first.contains(" trust: "), "{first}");
    assert!(!first.contains("What was really going on"), "{first}");
    assert!(first.contains("network-expansion"), "{first}");
    assert!(first.contains("in progress"), "{first}");
    let second = play(&db, &file, "demo-request", "Ana", "2");
    assert!(second.contains("passed"), "{second}");
    let code = code_in(&second);
    // The trainer's list: the name escaped for the terminal, Ana passed, with the same code.
    let out = peercall_db(&db)
        .args(["certify", "status"])
        .arg(&file)
        .output()
        .unwrap();
    common::success(&out);
    let status = text(&out);
    assert!(status.contains("Onboarding <certification>"), "{status}");
    assert!(status.contains("Ana") && status.contains(&code), "{status}");
    // Anyone with the file and the results checks the code by replay.
    let verify = |code: &str, records: Option<&Path>| {
        let mut cmd = peercall_db(&db);
        cmd.args(["certify", "verify"])
            .arg(&file)
            .args(["--player", "Ana", "--code", code]);
        if let Some(r) = records {
            cmd.arg("--records").arg(r);
        }
        cmd.output().unwrap()
    };
    let ok = verify(&code, None);
    common::success(&ok);
    assert!(text(&ok).starts_with("Valid: Ana passed"), "{}", text(&ok));
    let wrong = verify("0000-0000-0000-0000", None);
    assert_eq!(wrong.status.code(), Some(1), "{}", text(&wrong));
    assert!(text(&wrong).contains("Not valid"), "{}", text(&wrong));
    // From an export: valid as it is; a better score written in does not replay.
    let export = dir.path().join("ana.json");
    common::success(
        &peercall_db(&db)
            .args(["records", "export", "-o"])
            .arg(&export)
            .output()
            .unwrap(),
    );
    common::success(&verify(&code, Some(&export)));
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&export).unwrap()).unwrap();
    for r in v["records"].as_array_mut().unwrap() {
        if r["scenario"] == "demo-request" {
            r["score"] = serde_json::json!(r["score"].as_u64().unwrap() % 100 + 1);
        }
    }
    let forged = dir.path().join("forged.json");
    std::fs::write(&forged, v.to_string()).unwrap();
    let out = verify(&code, Some(&forged));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    // A broken export says where.
    std::fs::write(
        &forged,
        "{\"format\": \"peercall-records\",\n  \"records\": [}",
    )
    .unwrap();
    let out = verify(&code, Some(&forged));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("forged.json:2:"), "{}", text(&out));
}

#[test]
fn a_certificate_prints_as_a_pdf_whose_text_names_the_player_the_calls_and_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let file = certification(dir.path(), "print", "pass: 0, call_pass: 0", "");
    let player = "Zoë O'Brien-Łukasiewicz";
    play(&db, &file, "network-expansion", player, "2");
    let code = code_in(&play(&db, &file, "demo-request", player, "2"));
    let pdf = dir.path().join("certificate.pdf");
    let out = peercall_db(&db)
        .args(["certify", "certificate"])
        .arg(&file)
        .args(["--player", player, "--team", "Nord", "-o"])
        .arg(&pdf)
        .output()
        .unwrap();
    common::success(&out);
    assert!(text(&out).contains(&code), "{}", text(&out));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // Its text, as a PDF reader extracts it: the name whole, each call by its title, the code.
    if common::tools(&["pdftotext"], "PEERCALL_REQUIRE_PDF") {
        let o = std::process::Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        common::success(&o);
        let said = String::from_utf8_lossy(&o.stdout);
        for want in [
            player,
            "Nord",
            "Onboarding <certification>",
            "Come and demo for the committee",
            "Double the network?",
            &code,
            "peercall certify verify print.ron",
        ] {
            assert!(
                said.contains(want),
                "{want:?} not in the PDF's text:\n{said}"
            );
        }
    }
    // No pass, no certificate: refused, nothing written.
    play(&db, &file, "demo-request", "Bo", "2");
    let none = dir.path().join("none.pdf");
    let out = peercall_db(&db)
        .args(["certify", "certificate"])
        .arg(&file)
        .args(["--player", "Bo", "-o"])
        .arg(&none)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("no pass"), "{}", text(&out));
    assert!(!none.exists());
}

#[test]
fn a_rule_broken_fails_the_call_and_says_why_and_a_competition_is_not_a_certification() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let file = certification(
        dir.path(),
        "strict",
        "pass: 0, call_pass: 0",
        "AtLeast(PeerContract, 1)",
    );
    // The first line every time: never a peer contract.
    play(&db, &file, "demo-request", "Bo", "1");
    let out = peercall_db(&db)
        .args(["certify", "status"])
        .arg(&file)
        .args(["--player", "Bo"])
        .output()
        .unwrap();
    common::success(&out);
    let said = text(&out);
    assert!(
        said.contains("at least 1 × peer contract: 0 in the call"),
        "{said}"
    );
    assert!(said.contains("1 left"), "{said}");
    // In German.
    let out = peercall_db(&db)
        .env("PEERCALL_LANG", "de")
        .args(["certify", "status"])
        .arg(&file)
        .args(["--player", "Bo"])
        .output()
        .unwrap();
    assert!(
        text(&out).contains("mindestens 1 × Peer-Vertrag"),
        "{}",
        text(&out)
    );
    // A plain competition is refused by name.
    let plain = dir.path().join("plain.ron");
    std::fs::write(
        &plain,
        r#"Competition(id: "cup", name: "Cup", scenarios: [(id: "demo-request", seed: 1)])"#,
    )
    .unwrap();
    let out = peercall_db(&db)
        .args(["certify", "status"])
        .arg(&plain)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("not a certification"), "{}", text(&out));
}

#[test]
fn a_cmi5_course_package_holds_its_course_structure_at_the_root() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let file = certification(dir.path(), "marks", "pass: 70, call_pass: 60", "");
    let zip_path = dir.path().join("course.zip");
    let out = peercall_db(&db)
        .args(["lms", "cmi5", "--url", "https://hub.example.invalid/play/"])
        .arg("--certification")
        .arg(&file)
        .arg("-o")
        .arg(&zip_path)
        .output()
        .unwrap();
    common::success(&out);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    assert_eq!(zip.len(), 1);
    let mut xml = String::new();
    zip.by_name("cmi5.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(
        xml.contains("xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\""),
        "{xml}"
    );
    // One AU per call of the certification, its pass mark as the mastery score.
    assert_eq!(xml.matches("<au ").count(), 2, "{xml}");
    assert!(xml.contains("masteryScore=\"0.6\""), "{xml}");
    assert!(xml.contains("<url>https://hub.example.invalid/play/?scenario=demo-request</url>"));
    if common::have("xmllint") {
        let xml_file = dir.path().join("cmi5.xml");
        std::fs::write(&xml_file, &xml).unwrap();
        let lint = std::process::Command::new("xmllint")
            .arg("--noout")
            .arg(&xml_file)
            .output()
            .unwrap();
        assert!(lint.status.success(), "{}", text(&lint));
    }
    // Every built-in call by default; a relative address and a mastery over 1 are refused.
    let all = dir.path().join("all.zip");
    common::success(
        &peercall_db(&db)
            .args([
                "lms",
                "cmi5",
                "--url",
                "https://hub.example.invalid/play/",
                "-o",
            ])
            .arg(&all)
            .output()
            .unwrap(),
    );
    for bad in [
        vec!["--url", "play/"],
        vec!["--url", "https://h.invalid/play/", "--mastery", "1.5"],
        vec![
            "--url",
            "https://h.invalid/play/",
            "--calls",
            "no-such-call",
        ],
    ] {
        let out = peercall_db(&db)
            .args(["lms", "cmi5"])
            .args(&bad)
            .arg("-o")
            .arg(dir.path().join("bad.zip"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{bad:?}: {}", text(&out));
        assert!(!dir.path().join("bad.zip").exists());
    }
}
