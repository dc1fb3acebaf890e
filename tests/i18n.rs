//! Calls in other languages, as trainers and translators use them: `peercall i18n` (ids,
//! templates, checks, the languages present) on copies of the shipped files, and calls played
//! in German and in the pseudo-locale that take the same path, score the same and verify
//! against the source scenario.

use std::path::Path;

use serde_json::Value;

mod common;
#[path = "i18n/files.rs"]
mod files;
use common::{DEMO, peercall, peercall_db, success, text};

/// A call on the demo request: seed 6 draws the third bid, where these lines qualify in.
const PICKS: &str = "2,1,1,1,1,1";

fn run_json(extra: &[&str]) -> Value {
    let out = peercall()
        .args(["run", DEMO, "--seed", "6", "--picks", PICKS, "--json"])
        .args(extra)
        .output()
        .unwrap();
    success(&out);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_call_in_german_plays_the_same_path_and_score_and_verifies_against_the_source() {
    let en = run_json(&[]);
    for lang in ["de", "pseudo"] {
        let other = run_json(&["--lang", lang]);
        for field in [
            "scenario_hash",
            "choices",
            "ending",
            "outcome",
            "score",
            "trust",
            "days",
        ] {
            assert_eq!(en[field], other[field], "{lang}: {field}");
        }
        let said = |v: &Value| v["transcript"][0]["text"].as_str().unwrap().to_string();
        assert_ne!(
            said(&en),
            said(&other),
            "{lang}: the prospect speaks {lang}"
        );
        if lang == "de" {
            assert!(said(&other).contains("Nachricht"), "{}", said(&other));
        } else {
            assert!(said(&other).starts_with('[') && said(&other).contains('~'));
        }
    }
    // Recorded in German: the record says so, and it imports (replayed against the source).
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    let out = peercall_db(&db)
        .args(["run", DEMO, "--seed", "6", "--picks", PICKS, "--lang", "de"])
        .args(["--player", "Ute"])
        .output()
        .unwrap();
    success(&out);
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    // The scenario's words and the interface's, both in German.
    assert!(said.contains("Qualifiziert"), "{said}");
    assert!(said.contains("Ausgang: qualifiziert"), "{said}");
    assert!(said.contains("Sie: Hallo Walt"), "{said}");
    let export = dir.path().join("ute.json");
    success(
        &peercall_db(&db)
            .args(["records", "export", "--output"])
            .arg(&export)
            .output()
            .unwrap(),
    );
    let records: Value = serde_json::from_str(&std::fs::read_to_string(&export).unwrap()).unwrap();
    assert_eq!(records["records"][0]["lang"], "de");
    assert_eq!(records["records"][0]["score"], en["score"]);
    let out = peercall_db(&dir.path().join("trainer.sqlite"))
        .args(["records", "import"])
        .arg(&export)
        .output()
        .unwrap();
    success(&out);
    assert!(text(&out).contains("1 added"), "{}", text(&out));
    // A language code that is not one is refused before the call.
    let out = peercall()
        .args(["run", DEMO, "--lang", "de<x>"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("is not a language code"),
        "{}",
        text(&out)
    );
}

/// A copy of the demo request and its German translation in a folder of their own.
fn copy(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let ron = dir.join("demo-request.ron");
    let po = dir.join("demo-request.de.po");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("dialogues");
    std::fs::copy(root.join("demo-request.ron"), &ron).unwrap();
    std::fs::copy(root.join("demo-request.de.po"), &po).unwrap();
    (ron, po)
}

fn check(dir: &Path) -> (Option<i32>, String) {
    let out = peercall()
        .args(["i18n", "check"])
        .arg(dir)
        .output()
        .unwrap();
    (out.status.code(), text(&out))
}

#[test]
fn both_seed_calls_play_the_same_in_german_on_every_truth() {
    let net = |truth: &str, picks: &str| {
        (
            common::NET,
            common::seeds_in(common::NET, truth).next().unwrap(),
            picks.to_string(),
        )
    };
    for (file, seed, picks) in [
        net("consolidating", common::NET_PEER),
        net("funded", "2,1,3,2,2"),
        net("third-bid", "2,1,3,2,3"),
        (DEMO, 6, PICKS.to_string()),
        (DEMO, common::demo_seed(1), "1,1,1,1,1,1".to_string()),
    ] {
        let play = |lang: Option<&str>| {
            let out = peercall()
                .args([
                    "run",
                    file,
                    "--seed",
                    &seed.to_string(),
                    "--picks",
                    &picks,
                    "--json",
                ])
                .args(lang.map(|l| ["--lang", l]).into_iter().flatten())
                .output()
                .unwrap();
            success(&out);
            serde_json::from_slice::<Value>(&out.stdout).unwrap()
        };
        let (en, de) = (play(None), play(Some("de")));
        for field in ["choices", "ending", "score", "trust", "days"] {
            assert_eq!(en[field], de[field], "{file} {seed} {picks}: {field}");
        }
        assert_ne!(
            en["transcript"], de["transcript"],
            "{file}: the words are German"
        );
    }
}

/// Not told a language, `run` plays in the user's own (`PEERCALL_LANG`, else `LANG`): a call
/// translated into it is played and recorded in it; one that is not is played and recorded in
/// its own words, with the interface still in the user's language and no note about it.
#[test]
fn run_plays_in_the_users_language_when_not_told() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    let free_pilot = "dialogues/free-pilot.ron";
    for (env, value) in [("PEERCALL_LANG", "de"), ("LANG", "de_DE.UTF-8")] {
        let out = peercall_db(&db)
            .env(env, value)
            .args([
                "run", DEMO, "--seed", "6", "--picks", PICKS, "--player", "Ute",
            ])
            .output()
            .unwrap();
        success(&out);
        let said = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(said.contains("Sie: Hallo Walt"), "{env}={value}: {said}");
        assert!(said.contains("Ausgang: qualifiziert"), "{said}");
        let out = peercall_db(&db)
            .env(env, value)
            .args([
                "run",
                free_pilot,
                "--seed",
                "1",
                "--choices",
                "1",
                "--player",
                "Ute",
            ])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            said.contains("forecasting module"),
            "the call in its own words: {said}"
        );
        assert!(said.contains("Sie: "), "the interface in German: {said}");
        assert!(!text(&out).contains("Hinweis"), "{}", text(&out));
    }
    // The English user's call is English, as before.
    let out = peercall()
        .args(["run", DEMO, "--seed", "6", "--choices", "1"])
        .output()
        .unwrap();
    assert!(text(&out).contains("You: "), "{}", text(&out));
    let out = peercall_db(&db)
        .args(["records", "export"])
        .output()
        .unwrap();
    success(&out);
    let records: Value = serde_json::from_slice(&out.stdout).unwrap();
    let langs: Vec<&str> = records["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["lang"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(langs.iter().filter(|l| **l == "de").count(), 2, "{langs:?}");
}

#[test]
fn the_command_line_speaks_the_language_it_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    for (env, lang, empty, error) in [
        (
            "PEERCALL_LANG",
            "de",
            "Noch keine Ergebnisse.",
            "Fehler: no-such-file.ron lässt sich nicht lesen: diese Datei gibt es nicht",
        ),
        (
            "LANG",
            "de_DE.UTF-8",
            "Noch keine Ergebnisse.",
            "Fehler: no-such-file.ron lässt sich nicht lesen: diese Datei gibt es nicht",
        ),
        (
            "LANG",
            "fr_FR.UTF-8",
            "No results yet.",
            "error: cannot read no-such-file.ron: there is no such file",
        ),
    ] {
        let out = peercall_db(&db)
            .env(env, lang)
            .arg("board")
            .output()
            .unwrap();
        success(&out);
        assert!(text(&out).contains(empty), "{env}={lang}: {}", text(&out));
        let out = peercall_db(&db)
            .env(env, lang)
            .args(["run", "no-such-file.ron"])
            .output()
            .unwrap();
        assert!(
            text(&out).lines().any(|l| l.starts_with(error)),
            "{env}={lang}: {}",
            text(&out)
        );
    }
}

#[test]
fn a_copy_of_a_shipped_call_gets_the_built_in_translation_where_its_words_are_the_same() {
    // A trainer's copy (or a competition downloaded from a hub) with one line rewritten.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("demo-request.ron");
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DEMO)).unwrap();
    let edited = source.replacen(
        "Walt Brannigan. Oh good, you got my message. So when can your team come down and show us the system?",
        "Walt Brannigan here. When can your team come and show us the system?",
        1,
    );
    assert_ne!(edited, source);
    std::fs::write(&copy, edited).unwrap();
    let play = |seed: &str| {
        let out = peercall()
            .args(["run"])
            .arg(&copy)
            .args(["--seed", seed, "--choices", "1", "--json", "--lang", "de"])
            .output()
            .unwrap();
        success(&out);
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["transcript"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["text"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    // Over a few seeds both wordings of the first line are drawn: the rewritten one stays in
    // English, the other is German; the rest of the call is German.
    let firsts: Vec<String> = (0..12).map(|s| play(&s.to_string())[0].clone()).collect();
    assert!(
        firsts
            .iter()
            .any(|l| l == "Walt Brannigan here. When can your team come and show us the system?"),
        "{firsts:?}"
    );
    assert!(
        firsts.iter().any(|l| l.starts_with("Brannigan am Apparat")),
        "{firsts:?}"
    );
    assert!(play("0")[2].chars().any(|c| "äöüß".contains(c)) || play("0")[2].contains("Sie"));
}

/// A German trainer's tools speak German: `check`'s findings (message, label and help, in the
/// terminal and in JSON), `i18n check`'s findings, a competition file's findings and the
/// command line's own errors. Codes and positions stay as they are, so tools read every
/// language alike; the pseudo-locale shows what would be left untranslated.
#[test]
fn a_trainers_tools_speak_the_language_they_are_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let (ron, po) = copy(dir.path());
    let broken = dir.path().join("broken.ron");
    let source = std::fs::read_to_string(&ron)
        .unwrap()
        .replacen("next: \"", "next: \"x", 1);
    std::fs::write(&broken, &source).unwrap();
    let run = |lang: &str, args: &[&std::ffi::OsStr]| {
        let out = peercall()
            .env("PEERCALL_LANG", lang)
            .args(args)
            .output()
            .unwrap();
        (out.status.code(), text(&out))
    };
    let check = |lang: &str| run(lang, &["check".as_ref(), broken.as_os_str()]);
    let (code, en) = check("en");
    let (code_de, de) = check("de");
    assert_eq!((code, code_de), (Some(1), Some(1)));
    assert!(en.contains("is neither a node nor an ending"), "{en}");
    assert!(de.contains("ist weder ein Knoten noch ein Ende"), "{de}");
    assert!(de.contains("unbekannte ID"), "the label: {de}");
    assert!(!de.contains("is neither"), "{de}");
    // The same place and code in both.
    let head = |s: &str| s.lines().find(|l| l.contains("╭─[")).map(str::to_string);
    assert!(head(&en).is_some() && head(&en) == head(&de), "{en}\n{de}");
    let (_, json) = run(
        "de",
        &[
            "check".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            broken.as_os_str(),
        ],
    );
    let v: Value = serde_json::from_str(&json).expect("JSON");
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "unknown-target", "{v}");
    assert!(
        d["message"].as_str().unwrap().contains("weder ein Knoten"),
        "{v}"
    );
    assert!(
        d["help"].as_str().unwrap().starts_with("meinten Sie"),
        "{v}"
    );
    let (_, pseudo) = check("pseudo");
    assert!(
        pseudo.contains("[`nöwhéré-") || pseudo.contains("îš ñéîthér"),
        "{pseudo}"
    );

    // Translation findings.
    let po_text = std::fs::read_to_string(&po).unwrap();
    // The second entry (after the header) made from an older source text.
    let second = po_text.match_indices("msgid \"").nth(1).unwrap().0 + 7;
    let emptied = format!("{}Old: {}", &po_text[..second], &po_text[second..]);
    std::fs::write(&po, emptied).unwrap();
    std::fs::remove_file(&broken).unwrap();
    let (code, de) = run(
        "de",
        &["i18n".as_ref(), "check".as_ref(), dir.path().as_os_str()],
    );
    assert_eq!(code, Some(1), "{de}");
    assert!(
        de.contains("wurde aus einem älteren Ausgangstext übersetzt"),
        "{de}"
    );
    assert!(
        de.contains("demo-request.de.po:"),
        "with its file and line: {de}"
    );

    // The analysis.
    let (code, de) = run(
        "de",
        &[
            "analyze".as_ref(),
            "dialogues/network-expansion.ron".as_ref(),
        ],
    );
    assert_eq!(code, Some(0), "{de}");
    for said in [
        "verschiedene Zustände",
        "Enden:",
        "Feste Spielweisen",
        "Keine Warnungen.",
    ] {
        assert!(de.contains(said), "{said}: {de}");
    }

    // A competition file's findings, and the command line's own errors.
    let cup = dir.path().join("cup.competition.ron");
    std::fs::write(
        &cup,
        "Competition(id: \"cup\", name: \"Cup\", attempts: 0, scenarios: [])",
    )
    .unwrap();
    let (code, de) = run(
        "de",
        &["compete".as_ref(), cup.as_os_str(), "--list".as_ref()],
    );
    assert_eq!(code, Some(1), "{de}");
    assert!(de.contains("der Wettbewerb hat keine Szenarien"), "{de}");
    assert!(de.contains("`attempts` muss zwischen 1 und"), "{de}");
    let (code, de) = run("de", &["check".as_ref(), "no/such/folder".as_ref()]);
    assert_eq!(code, Some(1));
    assert!(
        de.starts_with("Fehler: no/such/folder lässt sich nicht lesen"),
        "{de}"
    );
}

/// `--help` in the user's language: the commands, the arguments, the headings and the built-in
/// flags; in English as written in the source.
#[test]
fn the_help_speaks_the_language_it_is_asked_for() {
    let help = |lang: &str, args: &[&str]| {
        let out = peercall()
            .env("PEERCALL_LANG", lang)
            .args(args)
            .output()
            .unwrap();
        success(&out);
        text(&out)
    };
    let de = help("de", &["--help"]);
    for said in [
        "Aufruf: peercall [BEFEHL]",
        "Befehle:",
        "Szenariodateien auf Fehler und Warnungen prüfen",
        "-h, --help     Hilfe anzeigen",
    ] {
        assert!(de.contains(said), "{said}: {de}");
    }
    let de = help("de", &["records", "export", "--help"]);
    assert!(de.contains("Nur die Ergebnisse dieses Spielers"), "{de}");
    assert!(de.contains("Optionen:"), "{de}");
    // A mistake, in German too.
    let out = peercall()
        .env("PEERCALL_LANG", "de")
        .arg("chek")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out);
    assert!(
        said.contains("Fehler: unbekannter Befehl 'chek'") && said.contains("'check'"),
        "{said}"
    );
    assert!(said.contains("Aufruf: peercall"), "{said}");
    let en = help("en", &["--help"]);
    assert!(
        en.contains("Usage: peercall [COMMAND]") && en.contains("Commands:"),
        "{en}"
    );
    assert!(
        en.contains("Check scenario files for errors and warnings"),
        "{en}"
    );
}
