//! Practice as a player meets it in the terminal: a call that misses a decision leaves a drill,
//! `peercall drills` lists it with its due date and plays it from the missed moment, and
//! `peercall habits` says which customer-advocate habit to fix.

use serde_json::Value;

mod common;
use common::peercall_db;

/// Free-consulting on seed 2 (the site is undecided): peer contract, two business questions,
/// then the scoped study anyway: a missed decision at `move`.
const MISSED: &str = "2,1,1,3,2";

fn json(out: &std::process::Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_missed_decision_becomes_a_drill_due_tomorrow_that_starts_a_turn_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    let run = |picks: &str, player: &str| {
        peercall_db(&db)
            .args([
                "run",
                "free-consulting",
                "--seed",
                "2",
                "--json",
                "--picks",
                picks,
            ])
            .args(["--player", player])
            .output()
            .unwrap()
    };
    let call = json(&run(MISSED, "Ana Lee"));
    assert_eq!(call["ending"], "shelved");
    // The listener's call in the same situation leaves nothing to practise.
    let good = json(&run("2,1,1,1", "Ben Okafor"));
    assert_eq!(good["ending"], "qualified-in");
    let listed = |player: &str| {
        json(
            &peercall_db(&db)
                .args(["drills", "--list", "--json", "--player", player])
                .output()
                .unwrap(),
        )
    };
    assert_eq!(listed("Ben Okafor"), serde_json::json!([]));
    let drills = listed("Ana Lee");
    let drills = drills.as_array().unwrap();
    assert_eq!(drills.len(), 1, "{drills:?}");
    let d = &drills[0];
    assert_eq!(d["scenario"], "free-consulting");
    assert_eq!(d["node"], "move");
    assert_eq!(d["kind"], "decision");
    assert_eq!(d["level"], 0);
    assert_eq!(d["due_in_days"], 1);
    assert_eq!(d["out_of_date"], false);
    assert!(
        d["said"]
            .as_str()
            .unwrap()
            .starts_with("Then the study is worth doing")
    );
    // The text list says so, and nothing is due today.
    let text = peercall_db(&db)
        .args(["drills", "--list", "--player", "Ana Lee"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("No decisions to practise today, Ana Lee."),
        "{text}"
    );
    assert!(
        text.contains("Two days on our floor, free · due in 1 day"),
        "{text}"
    );
    let none = peercall_db(&db)
        .args(["drills", "--player", "Ana Lee"])
        .output()
        .unwrap();
    assert!(none.status.success());
    let said = String::from_utf8_lossy(&none.stderr);
    assert!(said.contains("Nothing due today for Ana Lee"), "{said}");
    assert!(said.contains("(play it now with --all)"), "{said}");
}

#[test]
fn a_drill_plays_from_the_missed_moment_and_early_practice_does_not_move_it_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    peercall_db(&db)
        .args(["run", "free-consulting", "--seed", "2", "--picks", MISSED])
        .args(["--player", "Ana Lee"])
        .assert()
        .success();
    let play = |picks: &str, seed: &str| {
        json(
            &peercall_db(&db)
                .args(["drills", "--all", "--json", "--player", "Ana Lee"])
                .args(["--seed", seed, "--picks", picks])
                .output()
                .unwrap(),
        )
    };
    // The drill starts at `changing`, where the COO says the lease ends: a business question,
    // then the options session that fits an undecided site.
    let passed = play("1,1", "2");
    assert_eq!(passed["truth"], "site-undecided");
    assert_eq!(passed["passed"], true, "{passed}");
    assert_eq!(passed["ending"], "qualified-in");
    let first = &passed["debrief"]["turns"][0];
    assert!(
        first["prospect"].as_str().unwrap().contains("lease"),
        "{first}"
    );
    assert_eq!(passed["debrief"]["turns"].as_array().unwrap().len(), 2);
    // Played before it was due: still at the start, due tomorrow.
    assert_eq!(passed["level"], 0);
    // The same line misses before an open tender too, so the drill is also played there: the
    // seed draws it, and only the line that fits it passes.
    let tender = play("1,5", "4");
    assert_eq!(tender["truth"], "tender");
    assert_eq!(tender["passed"], true, "{tender}");
    assert_eq!(tender["ending"], "tender-out");
    // The same mistake again: missed.
    let missed = play("1,3,1", "6");
    assert_eq!(missed["truth"], "site-undecided");
    assert_eq!(missed["passed"], false);
    assert_eq!(missed["ending"], "shelved");
    // A list of choices that does not finish the drill is refused, and nothing is recorded.
    let short = peercall_db(&db)
        .args(["drills", "--all", "--player", "Ana Lee", "--picks", "1"])
        .output()
        .unwrap();
    assert_eq!(short.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&short.stderr).contains("not over after the choices given"),
        "{}",
        String::from_utf8_lossy(&short.stderr)
    );
    let d = &json(
        &peercall_db(&db)
            .args(["drills", "--list", "--json", "--player", "Ana Lee"])
            .output()
            .unwrap(),
    )[0];
    assert_eq!(
        (d["plays"].as_u64(), d["passes"].as_u64()),
        (Some(3), Some(2))
    );
    // A choice that is not on offer says so.
    let bad = peercall_db(&db)
        .args(["drills", "--all", "--player", "Ana Lee", "--picks", "9"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not offered"));
}

#[test]
fn drills_in_the_terminal_are_played_by_typing_and_can_be_left() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    peercall_db(&db)
        .args(["run", "free-consulting", "--seed", "2", "--picks", MISSED])
        .args(["--player", "Ana Lee"])
        .assert()
        .success();
    let out = peercall_db(&db)
        .args(["drills", "--all", "--player", "Ana Lee", "--seed", "2"])
        .write_stdin("q\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1 decision to practise today"), "{text}");
    assert!(
        text.contains("Drill 1 of 1: Two days on our floor, free"),
        "{text}"
    );
    assert!(
        text.contains("Last time you said: \"Then the study is worth doing"),
        "{text}"
    );
    assert!(text.contains("lease"), "{text}");
    assert!(text.contains("(call left unfinished)"), "{text}");
    // Left unfinished: not counted.
    let d = &json(
        &peercall_db(&db)
            .args(["drills", "--list", "--json", "--player", "Ana Lee"])
            .output()
            .unwrap(),
    )[0];
    assert_eq!(d["plays"], 0);
}

#[test]
fn habits_count_the_advocate_lines_said_where_a_peer_line_was_on_offer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    // Nobody has played: the command says so.
    let none = peercall_db(&db)
        .args(["habits", "--player", "Ana Lee"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&none.stdout).contains("No calls of Ana Lee to read yet"));
    // Two thank-you calls with every node's first line, then a clean one.
    let mut played = 0;
    for seed in 1..40 {
        for n in 3..9 {
            let picks = vec!["1"; n].join(",");
            let out = peercall_db(&db)
                .args(["run", "thank-you", "--json", "--seed", &seed.to_string()])
                .args(["--picks", &picks])
                .output()
                .unwrap();
            if serde_json::from_slice::<Value>(&out.stdout).is_ok_and(|v| v["finished"] == true) {
                peercall_db(&db)
                    .args(["run", "thank-you", "--seed", &seed.to_string()])
                    .args(["--picks", &picks, "--player", "Ana Lee"])
                    .assert()
                    .success();
                played += 1;
                break;
            }
        }
        if played == 2 {
            break;
        }
    }
    assert_eq!(played, 2);
    peercall_db(&db)
        .args([
            "run",
            "free-consulting",
            "--seed",
            "2",
            "--picks",
            "2,1,1,1",
        ])
        .args(["--player", "Ana Lee"])
        .assert()
        .success();
    let p = json(
        &peercall_db(&db)
            .args(["habits", "--json", "--player", "Ana Lee"])
            .output()
            .unwrap(),
    );
    assert_eq!(p["calls"].as_array().unwrap().len(), 3);
    assert_eq!(p["to_fix"], "Gratitude", "{p}");
    let top = &p["counts"][0];
    assert_eq!(
        (top["recent"].as_u64(), top["recent_calls"].as_u64()),
        (Some(2), Some(3))
    );
    // The clean call shows no habit.
    assert_eq!(p["calls"][2]["signals"], serde_json::json!([]));
    let text = peercall_db(&db)
        .args(["habits", "--player", "Ana Lee"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("The habit to fix: gratitude / deference"),
        "{text}"
    );
    assert!(
        text.contains("Thanked or deferred to the prospect in 2 of your last 3 calls."),
        "{text}"
    );
    assert!(text.contains("gratitude / deference    # # ."), "{text}");
}
