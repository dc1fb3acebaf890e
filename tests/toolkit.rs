//! The trainer tools as a trainer runs them: `analyze`, `graph`, `test` and `new`.

use std::process::Command as Std;

use serde_json::Value;

mod common;
use common::peercall;

#[test]
fn the_shipped_test_playthroughs_pass() {
    let out = peercall().arg("test").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
    assert!(!stdout.contains("FAIL"), "{stdout}");
}

#[test]
fn a_failing_playthrough_names_the_turn_where_the_call_went_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("dialogues/network-expansion.ron"),
        dir.path().join("net.ron"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("net.tests.ron"),
        r#"Tests(tests: [
            (name: "wrong turn", truth: "consolidating", picks: [2, 1, 1], path: ["big-picture", "merger", "acquired"]),
            (name: "wrong ending", truth: "consolidating", picks: [1, 1, 1, 1, 1, 1, 1], outcome: QualifiedOut),
            (name: "not offered", picks: [2, 7]),
        ])"#,
    )
    .unwrap();
    let out = peercall().arg("test").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("turn 3: choice 1 at `merger` went to `who`, expected `acquired`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("outcome resources wasted, expected qualified out"),
        "{stdout}"
    );
    assert!(
        stdout.contains("turn 2 (at `big-picture`): choice 7 is not offered"),
        "{stdout}"
    );
    assert!(stdout.contains("0 passed, 3 failed"), "{stdout}");
    // The same failures for a German trainer.
    let out = peercall()
        .env("PEERCALL_LANG", "de")
        .arg("test")
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    for said in [
        "Zug 3: Antwort 1 bei `merger` führte zu `who`, erwartet war `acquired`",
        "Ausgang Ressourcen verschwendet, erwartet war herausqualifiziert",
        "Zug 2 (bei `big-picture`): die Antwort 7 steht nicht zur Wahl",
    ] {
        assert!(stdout.contains(said), "{said}: {stdout}");
    }

    // A test file with a typo gets a positioned error.
    std::fs::write(
        dir.path().join("net.tests.ron"),
        "Tests(tests: [(name: \"x\", choises: [1])])",
    )
    .unwrap();
    let out = peercall().arg("test").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("net.tests.ron:1:"), "{stdout}");
}

#[test]
fn analyze_reports_every_ending_and_no_warnings_on_the_shipped_scenarios() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = peercall_dialogue::scenario_files(&root.join("dialogues")).unwrap();
    assert!(files.len() >= 8);
    for path in files {
        let file = path.to_str().unwrap();
        let out = peercall()
            .args(["analyze", file, "--runs", "2000", "--json"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let a: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(a["exhaustive"], true);
        assert_eq!(a["warnings"].as_array().unwrap().len(), 0, "{file}: {a}");
        for e in a["endings"].as_array().unwrap() {
            assert!(
                e["reachable"] == true || e["id"] == "hung-up",
                "{file}: {e}"
            );
        }
        let best = &a["best"];
        assert!(
            best["outcome"] == "QualifiedIn" || best["outcome"] == "QualifiedOut",
            "{best}"
        );
        // The best path replays to the same score through `run`, by its places in the file and
        // in its truth.
        let picks: Vec<String> = best["picks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        let mut cmd = peercall();
        cmd.args(["run", file, "--json", "--seed", "0", "--picks"])
            .arg(picks.join(","));
        if let Some(t) = best["truth"].as_str() {
            cmd.args(["--truth", t]);
        }
        let out = cmd.output().unwrap();
        let r: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(r["score"], best["score"]);
        let random = &a["random"];
        assert_eq!(random["runs"], 2000);
        let total: u64 = random["endings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e[1].as_u64().unwrap())
            .sum();
        assert_eq!(total + random["unfinished"].as_u64().unwrap(), 2000);
        // Scripted habits over the first 1,000 seeds. Won: qualified at an ending that fits
        // the call's truth. Customer-advocate play never wins, a player who listens always
        // does, and habits that never listen win at most 40% of calls: the meter-chaser (what
        // raised the meter before), peer-sounding lines, and the lines or the keys that won
        // one call; a fixed position or the longest line no better than a random line, give
        // or take 5 points.
        let habits = a["habits"].as_array().unwrap();
        assert_eq!(habits.len(), 10, "{file}");
        let won = |habit: &str| {
            let h = habits.iter().find(|h| h["habit"] == habit).unwrap();
            assert_eq!(h["calls"], 1000);
            h["won"].as_u64().unwrap() as i64
        };
        assert_eq!(won("advocate"), 0, "{file}");
        assert_eq!(won("listener"), 1000, "{file}");
        for habit in ["meter", "peer-sounding", "same-lines", "same-keys"] {
            assert!(won(habit) <= 400, "{file}: {habit} {}", won(habit));
        }
        for fixed in ["first", "last", "longest"] {
            assert!(
                (won(fixed) - won("random")).abs() <= 50,
                "{file}: {fixed} {} against random {}",
                won(fixed),
                won("random")
            );
        }
    }
}

#[test]
fn analyze_warns_when_a_scenario_teaches_the_wrong_lesson() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("wrong.ron");
    // Committing at once ends qualified: the opposite of the method.
    std::fs::write(
        &f,
        r#"Scenario(id: "wrong", title: "Wrong", briefing: "b",
            prospect: (name: "P", role: "R", company: "C"), start: "a",
            nodes: { "a": (prospect: ["Designs?"], choices: [
                (say: "Sure, right away.", signal: CommitResources, trust: 5,
                 effects: [Commit(days: 1, what: "designs")], next: "good"),
                (say: "Big picture first?", signal: PeerContract, effects: [PeerContract], next: "bad"),
            ]) },
            endings: { "good": (outcome: QualifiedIn, lesson: "x"), "bad": (outcome: Wasted, lesson: "y"),
                       "hung-up": (outcome: Lost, lesson: "z") })"#,
    )
    .unwrap();
    let out = peercall().arg("analyze").arg(&f).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("wrong lesson: a path of only customer-advocate signals ends qualified (choices 1 -> good)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("wrong lesson: a path of only peer signals ends with resources wasted"),
        "{stdout}"
    );
}

#[test]
fn analyze_warns_when_the_meter_or_the_screen_gives_the_truth_away_or_it_is_told_too_late() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("blind.ron");
    // Two truths, told only at the decision, whose lines move trust alike in both, and a line
    // offered in one truth before anyone has said which.
    std::fs::write(
        &f,
        r#"Scenario(id: "blind", title: "Blind", briefing: "b",
            prospect: (name: "P", role: "R", company: "C"), start: "a",
            nodes: {
                "a": (prospect: ["Hello."], choices: [
                    (say: "Why now?", signal: BusinessQuestion, trust: 2, next: "d"),
                    (say: "About the merger?", signal: BusinessQuestion, requires: [Truth("merger")], next: "d"),
                ]),
                "d": (prospect: ["We are growing."],
                      lines_if: [(when: [Truth("merger")], prospect: ["We were bought."])],
                      choices: [
                    (say: "Then designs.", signal: MutualValue, trust: 5, next: "designs"),
                    (say: "Then a ballpark.", signal: MutualValue, trust: 5, next: "ballpark"),
                ]),
            },
            endings: { "designs": (outcome: QualifiedIn, lesson: "l"), "ballpark": (outcome: QualifiedOut, lesson: "l"),
                       "hung-up": (outcome: Lost, lesson: "l") },
            truths: { "growing": (title: "G", fits: ["designs"]), "merger": (title: "M", fits: ["ballpark"]) })"#,
    )
    .unwrap();
    let out = peercall().arg("analyze").arg(&f).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    for said in [
        "at `d`, choice 1 (\"Then designs.\") decides the call differently in each truth but moves trust by +5 in every one",
        "in truth `growing`: wrong lesson: the call reaches the decision at `d` before the prospect has said what is going on",
        "in truth `merger`: wrong lesson: the call reaches the decision at `d`",
        "at `a`, choice 2 (\"About the merger?\") is offered in some truths and not others before the prospect has said which",
    ] {
        assert!(stdout.contains(said), "{said}: {stdout}");
    }
    // In German too.
    let out = peercall()
        .env("PEERCALL_LANG", "de")
        .arg("analyze")
        .arg(&f)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("bewegt das Vertrauen aber in jeder um +5"),
        "{stdout}"
    );
}

#[test]
fn analyze_falls_back_to_sampling_when_a_tree_is_too_large() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("big.ron");
    std::fs::write(&f, peercall_dialogue::synthetic::scenario_text(2_000)).unwrap();
    let out = peercall()
        .arg("analyze")
        .arg(&f)
        .args(["--max-states", "500", "--json"])
        .output()
        .unwrap();
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["exhaustive"], false);
    assert!(a["warnings"][0].as_str().unwrap().contains("too large"));
    assert!(a["random"]["runs"].as_u64().unwrap() >= 10_000);
}

#[test]
fn graph_renders_as_dot_and_mermaid() {
    let out = peercall()
        .args(["graph", "dialogues/network-expansion.ron"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let dot = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(dot.starts_with("digraph"));
    assert!(
        dot.contains("n_request -> n_big_picture [color=\"#2e9e5b\""),
        "{dot}"
    );
    assert!(dot.contains("e_never_real [shape=invhouse"), "{dot}");
    // Graphviz renders it, where installed.
    if let Ok(mut child) = Std::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(dot.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
    }
    let out = peercall()
        .args(["graph", "dialogues/demo-request.ron", "--format", "mermaid"])
        .output()
        .unwrap();
    let m = String::from_utf8_lossy(&out.stdout);
    assert!(m.starts_with("flowchart LR"));
    assert!(
        m.contains("n_callback -->|\"2. peer contract +8\"| n_contract_agreed"),
        "{m}"
    );
    assert!(m.contains("linkStyle 0 stroke:"), "{m}");
    // Every reaction that sends the call elsewhere is drawn, with its condition, in both formats.
    assert!(
        m.contains("n_quick_questions -.->|\"2. if NoPeerContract -6\"| n_impatient"),
        "{m}"
    );
    assert!(
        m.contains("n_decide -.->|\"1. if Truth(#quot;third-bid#quot;) -4\"| e_column_fodder"),
        "{m}"
    );
    let reactions = |text: &str, arrow: &str| text.lines().filter(|l| l.contains(arrow)).count();
    let written = std::fs::read_to_string("dialogues/demo-request.ron")
        .unwrap()
        .matches("next: \"")
        .count();
    let choices = m.lines().filter(|l| l.contains(" -->|")).count();
    assert_eq!(
        choices + reactions(&m, " -.->|"),
        written,
        "an edge for every `next` written, the reactions' included"
    );
    assert!(
        dot.contains(
            "n_month_later -> e_lost_the_brief [style=dashed, color=\"#d1453b\", fontcolor=\"#d1453b\", label=\"1. if Truth(\\\"funded\\\") (+0)\"];"
        ),
        "{dot}"
    );
}

#[test]
fn new_scaffolds_a_scenario_that_checks_and_tests_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = peercall()
        .args(["new", "free-pilot", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let f = dir.path().join("free-pilot.ron");
    let out = peercall().arg("check").arg(&f).output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("0 errors, 0 warnings"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = peercall().arg("test").arg(&f).output().unwrap();
    assert!(out.status.success());
    let out = peercall()
        .args(["analyze", "--json"])
        .arg(&f)
        .output()
        .unwrap();
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["warnings"].as_array().unwrap().len(), 0, "{a}");
    // Never overwrites.
    let out = peercall()
        .args(["new", "free-pilot", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    let out = peercall().args(["new", "Bad Id"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn run_plays_from_any_node_in_a_given_state_and_plays_on_after_its_picks() {
    // From the decision, in the tender truth, with the state that leads there.
    let out = peercall()
        .args([
            "run",
            "free-consulting",
            "--from",
            "move",
            "--truth",
            "tender",
        ])
        .args(["--peer-contract", "--trust", "50", "--picks", "5", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["ending"], "tender-out");
    assert!(
        r["transcript"][0]["text"]
            .as_str()
            .unwrap()
            .contains("tender specification"),
        "{r}"
    );
    assert_eq!(r["transcript"][1]["trust_before"], 50);
    assert_eq!(r["peer_contract"], true);
    // Flags and person-days count: the scoped pilot needs the criteria flag to be offered.
    let out = peercall()
        .args([
            "run",
            "free-pilot",
            "--from",
            "criteria",
            "--truth",
            "proof-needed",
        ])
        .args([
            "--flags", "criteria", "--days", "0.5", "--picks", "2", "--json",
        ])
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["ending"], "qualified-in", "{r}");
    assert_eq!(r["days"], 3.5);
    // What is wrong is said, with what would be right.
    for (args, said) in [
        (
            vec!["--from", "mvoe"],
            "--from mvoe: this scenario has no such node (did you mean `move`?); its nodes are: ask,",
        ),
        (
            vec!["--from", "move", "--flags", "nope"],
            "--flags nope: this scenario sets no flags",
        ),
        (
            vec!["--from", "move", "--trust", "500"],
            "--trust 500: trust runs from 0 to 100 in this scenario",
        ),
        (
            vec!["--from", "move", "--days", "-1"],
            "--days -1: person-days are a number from 0 to 1000",
        ),
        (
            vec!["--from", "move", "--player", "Ana"],
            "cannot be used with",
        ),
    ] {
        let out = peercall()
            .args(["run", "free-consulting"])
            .args(&args)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{args:?}: {err}");
    }
    let out = peercall()
        .args(["run", "free-pilot", "--from", "criteria", "--flags", "nope"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("--flags nope: no such flag; the flags are: criteria")
    );
    // A list that runs out before the call ends plays on, typed in the terminal.
    let out = peercall()
        .args(["run", "free-consulting", "--seed", "2", "--picks", "2,1"])
        .write_stdin("1\n1\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("(the call is not over after 2 choices: play on from here, or q to leave)"),
        "{text}"
    );
    assert!(
        text.contains("Lesson: "),
        "the typed answers ended the call: {text}"
    );
}

#[test]
fn analyze_says_why_an_ending_is_never_reached() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("unreached.ron");
    let shipped = std::fs::read_to_string("dialogues/free-consulting.ron").unwrap();
    // The tender's honest line leads to its ending only without a peer contract, which the call
    // always has by then; an ending nothing leads to; a line offered only without a contract.
    let text = shipped
        .replacen(
            r#"react_if: [(when: [Truth("tender")], trust: 6, next: "tender-out")],"#,
            r#"react_if: [(when: [Truth("tender"), NoPeerContract], trust: 6, next: "tender-out")],"#,
            1,
        )
        .replacen(
            r#"        "dismissed": ("#,
            "        \"orphan\": (outcome: Lost, lesson: \"x\"),\n        \"dismissed\": (",
            1,
        )
        .replacen(
            r#"                    next: "qualified-out",
                    react_if: ["#,
            r#"                    next: "qualified-out",
                    requires: [NoPeerContract],
                    react_if: ["#,
            1,
        );
    std::fs::write(&f, text).unwrap();
    let out = peercall()
        .args(["analyze", "--runs", "0"])
        .arg(&f)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    for said in [
        "ending `tender-out` is never reached by any path: choice 5 at `move` leads to it only when `Truth(\"tender\")`, `NoPeerContract` hold, which never happens when the call is there",
        "ending `orphan` is never reached by any path: no line's `next` or reaction leads to it",
        "ending `qualified-out` is never reached by any path: choice 2 at `move` leads to it, but is never offered when the call is there (it requires `NoPeerContract`)",
    ] {
        assert!(stdout.contains(said), "{said}: {stdout}");
    }
}

#[test]
fn check_watch_checks_again_on_every_save() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("call.ron");
    let good = std::fs::read_to_string("dialogues/thank-you.ron").unwrap();
    std::fs::write(&f, &good).unwrap();
    let mut child = Std::new(common::bin())
        .args(["check", "--watch"])
        .arg(dir.path())
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("PEERCALL_LANG")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(out).lines() {
            if tx.send(line.unwrap_or_default()).is_err() {
                break;
            }
        }
    });
    let wait_for = |wanted: &str| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let mut seen = String::new();
        while std::time::Instant::now() < deadline {
            if let Ok(line) = rx.recv_timeout(std::time::Duration::from_millis(200)) {
                seen.push_str(&line);
                seen.push('\n');
                if line.contains(wanted) {
                    return seen;
                }
            }
        }
        panic!("never printed {wanted:?}: {seen}");
    };
    wait_for("checked 1 file: 0 errors, 0 warnings");
    // A broken save is reported at once, where it is broken; the fix, too.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(
        &f,
        good.replacen("days_needed: 0.5,", "days_needed: 0,5,", 1),
    )
    .unwrap();
    let said = wait_for("checked 1 file: 1 error, 0 warnings");
    assert!(said.contains("call.ron changed: checking again"), "{said}");
    assert!(
        said.contains("decimal numbers are written with a point"),
        "{said}"
    );
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(&f, &good).unwrap();
    wait_for("checked 1 file: 0 errors, 0 warnings");
    let _ = child.kill();
    let _ = child.wait();
}
