//! Engine tests on a small inline scenario: parsing, checks, a deterministic call and its debrief.

use peercall_dialogue::{Call, Debrief, Outcome, load_str};

const SMALL: &str = r#"Scenario(
    id: "small",
    title: "Small call",
    briefing: "A prospect asks for free designs.",
    prospect: (name: "Pat", role: "IT director", company: "Acme"),
    days_needed: 0.25,
    start: "ask",
    nodes: {
        "ask": (
            prospect: ["Can you draw us some designs?", "We need designs, can you help?"],
            choices: [
                (say: "Sure, we'll start tomorrow.", signal: CommitResources, trust: -5,
                 effects: [Commit(days: 10, what: "designs")], next: "wasted"),
                (say: "Let's take ten minutes on the big picture first.", signal: PeerContract,
                 trust: 8, effects: [PeerContract], next: "why"),
            ],
        ),
        "why": (
            prospect: ["Sure."],
            choices: [
                (say: "Why expand?", signal: BusinessQuestion, trust: 6, next: "out"),
            ],
        ),
    },
    endings: {
        "wasted": (outcome: Wasted, lesson: "Ask first."),
        "out": (outcome: QualifiedOut, lesson: "Cheap and right."),
        "hung-up": (outcome: Lost, lesson: "Trust ran out."),
    },
)"#;

#[test]
fn small_scenario_is_clean_and_plays_deterministically() {
    let checked = load_str("small.ron", SMALL);
    assert!(!checked.has_errors(), "{}", checked.render(false));
    let script = checked.into_script().unwrap();
    for seed in 0..20 {
        let a = Call::replay(&script, seed, &[2, 1]).unwrap();
        let b = Call::replay(&script, seed, &[2, 1]).unwrap();
        assert_eq!(a.transcript(&script), b.transcript(&script));
        assert_eq!(a.outcome(&script), Some(Outcome::QualifiedOut));
        assert_eq!(a.trust(), 54);
        let bad = Call::replay(&script, seed, &[1]).unwrap();
        assert_eq!(bad.outcome(&script), Some(Outcome::Wasted));
        assert!(bad.score(&script).unwrap() < a.score(&script).unwrap());
        let d = Debrief::of(&bad, &script).unwrap();
        assert_eq!(
            d.turns[0].better.as_ref().unwrap().say,
            "Let's take ten minutes on the big picture first."
        );
    }
    let mut call = Call::start(&script, 1);
    assert!(call.choose(&script, 3).is_err());
}

#[test]
fn syntax_error_has_line_and_column() {
    let broken = SMALL.replace("trust: 6,", "trust: \"six\",");
    let checked = load_str("broken.ron", &broken);
    assert!(checked.has_errors());
    let d = &checked.diagnostics[0];
    assert_eq!(d.file, "broken.ron");
    assert_eq!((d.line, d.column), (21, 70), "{d}");
    assert!(d.message.contains("whole number"));
}

#[test]
fn unknown_target_is_reported_with_suggestion() {
    let broken = SMALL.replace("next: \"out\"", "next: \"ot\"");
    let checked = load_str("broken.ron", &broken);
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-target")
        .expect("reported");
    assert!(d.help.as_deref().unwrap_or("").contains("out"), "{d:?}");
}

#[test]
fn garbage_gets_an_answer() {
    for input in ["", "{\"id\": 1}", "(((((", &"[".repeat(50_000)] {
        assert!(load_str("x.ron", input).has_errors());
    }
    assert!(peercall_dialogue::load_bytes("x.ron", &[0xff, 0xfe, 0x00]).has_errors());
}

#[test]
fn patience_losses_are_recorded_and_can_hang_up() {
    let script = load_str("small.ron", SMALL).into_script().unwrap();
    let mut call = Call::start(&script, 3);
    assert!(!call.lose_patience(&script, 10));
    assert_eq!(call.trust(), 30);
    call.choose(&script, 2).unwrap();
    assert_eq!(call.turns()[0].trust_before, 30);
    // Saved and resumed, the loss is still there; the transcript replays it.
    let saved: Call = serde_json::from_str(&serde_json::to_string(&call).unwrap()).unwrap();
    assert_eq!(saved.waits(), &[(0, 10)]);
    assert_eq!(saved.transcript(&script), call.transcript(&script));
    assert!(call.lose_patience(&script, 100), "trust 0 hangs up");
    assert_eq!(call.outcome(&script), Some(Outcome::Lost));
    assert!(call.finish().unwrap().hung_up);
    let d = Debrief::of(&call, &script).unwrap();
    assert!(d.hung_up);
}

#[test]
fn the_content_hash_ignores_layout_and_comments_and_sees_every_change() {
    let hash = |text: &str| {
        load_str("s.ron", text)
            .into_script()
            .unwrap()
            .hash()
            .to_string()
    };
    let base = hash(SMALL);
    assert_eq!(base.len(), 64);
    // Comments, line breaks, indentation, field order and written-out defaults: the same call.
    let relaid = SMALL
        .replace("    ", "  ")
        .replace("Scenario(\n", "// a comment\nScenario( /* and another */\n")
        .replace(
            "title: \"Small call\",\n  briefing: \"A prospect asks for free designs.\",",
            "briefing: \"A prospect asks for free designs.\", title: \"Small call\",",
        )
        .replace(
            "(say: \"Why expand?\",",
            "(say: \"Why expand?\", effects: [],",
        )
        .replace("days_needed: 0.25", "days_needed: 0.250");
    assert_ne!(relaid, SMALL);
    assert_eq!(hash(&relaid), base);
    // Any change to a text, a number, an id or an order is another version.
    for changed in [
        SMALL.replace("Cheap and right.", "Cheap, and right."),
        SMALL.replace("trust: 6,", "trust: 7,"),
        SMALL.replace(
            "\"Can you draw us some designs?\", \"We need designs, can you help?\"",
            "\"We need designs, can you help?\", \"Can you draw us some designs?\"",
        ),
        SMALL.replace("signal: BusinessQuestion", "signal: RequestQuestion"),
    ] {
        assert_ne!(changed, SMALL);
        assert_ne!(hash(&changed), base, "{changed}");
    }
}

/// Four lines to choose from, the last pinned in its place; `shuffle` on.
const SHUFFLED: &str = r#"Scenario(
    id: "shuffled",
    title: "Shuffled call",
    briefing: "A prospect asks for a demo.",
    prospect: (name: "Lee", role: "COO", company: "Birch"),
    shuffle: true,
    start: "ask",
    nodes: {
        "ask": (
            prospect: ["Can you come and demo?"],
            choices: [
                (say: "Of course, thank you!", signal: Gratitude, trust: -3, next: "wasted"),
                (say: "Could we take ten minutes on the big picture first?", signal: PeerContract,
                 trust: 8, effects: [PeerContract], next: "out"),
                (say: "When would suit you?", signal: CommitResources, trust: -2, next: "wasted"),
                (say: "Anything else I should know?", signal: RequestQuestion, pin: true,
                 next: "wasted"),
            ],
        ),
    },
    endings: {
        "wasted": (outcome: Wasted, lesson: "Ask first."),
        "out": (outcome: QualifiedOut, lesson: "Right."),
        "hung-up": (outcome: Lost, lesson: "Trust ran out."),
    },
)"#;

#[test]
fn shuffled_choices_are_drawn_from_the_seed_and_the_log_names_the_line() {
    let checked = load_str("shuffled.ron", SHUFFLED);
    assert!(!checked.has_errors(), "{}", checked.render(false));
    let script = checked.into_script().unwrap();
    let shown = |seed: u64| -> Vec<String> {
        Call::start(&script, seed)
            .offered(&script)
            .iter()
            .map(|o| o.say.to_string())
            .collect()
    };
    let mut orders = std::collections::HashSet::new();
    let mut peer_at = [0; 4];
    for seed in 0..300 {
        let order = shown(seed);
        assert_eq!(order, shown(seed), "the same seed shows the same order");
        assert_eq!(
            order[3], "Anything else I should know?",
            "a pinned line keeps its place"
        );
        let at = order
            .iter()
            .position(|s| s.starts_with("Could we"))
            .unwrap();
        peer_at[at] += 1;
        orders.insert(order);
        // Pressing the number shown plays that line, and the log records the line itself.
        let call = Call::replay(&script, seed, &[at + 1]).unwrap();
        assert_eq!(call.outcome(&script), Some(Outcome::QualifiedOut));
        let turn = call.turns()[0];
        assert_eq!((turn.choice, turn.shown), (1, at as u32 + 1));
        let again = Call::replay_log(&script, seed, &[turn.choice], &[]).unwrap();
        assert_eq!(again.outcome(&script), Some(Outcome::QualifiedOut));
    }
    // Every order of the three free lines turns up, and the peer line is not always in one place.
    assert_eq!(orders.len(), 6);
    assert_eq!(peer_at[3], 0);
    assert!(peer_at[..3].iter().all(|&n| n > 60), "{peer_at:?}");
}

#[test]
fn without_shuffle_the_file_order_is_shown_and_the_hash_is_unchanged() {
    let script = load_str("small.ron", SMALL).into_script().unwrap();
    let call = Call::start(&script, 9);
    let says: Vec<&str> = call.offered(&script).iter().map(|o| o.say).collect();
    assert_eq!(
        says,
        [
            "Sure, we'll start tomorrow.",
            "Let's take ten minutes on the big picture first."
        ]
    );
    // `shuffle: false` and `pin: false` written out are the defaults: the same content.
    let explicit = SMALL
        .replace("start: \"ask\",", "shuffle: false,\n    start: \"ask\",")
        .replace("next: \"out\"),", "next: \"out\", pin: false),");
    assert_ne!(explicit, SMALL);
    let hash = |t: &str| {
        load_str("s.ron", t)
            .into_script()
            .unwrap()
            .hash()
            .to_string()
    };
    assert_eq!(hash(&explicit), hash(SMALL));
    assert_ne!(
        hash(&SMALL.replace("start: \"ask\",", "shuffle: true,\n    start: \"ask\",")),
        hash(SMALL)
    );
}

#[test]
fn a_line_with_several_wordings_shows_one_drawn_from_the_seed_and_says_it() {
    let text = SHUFFLED.replace(
        r#"(say: "Could we take ten minutes on the big picture first?","#,
        r#"(say: "Could we take ten minutes on the big picture first?",
                 also: ["Before anything else, can we spend ten minutes on the bigger picture?"],"#,
    );
    let script = load_str("worded.ron", &text).into_script().unwrap();
    let mut seen = std::collections::HashSet::new();
    for seed in 0..200 {
        let call = Call::start(&script, seed);
        let offer = call
            .offered(&script)
            .into_iter()
            .find(|o| o.index == 1)
            .unwrap();
        let words = offer.say.to_string();
        assert_eq!(
            Call::start(&script, seed).offered(&script)[offer.number - 1].say,
            words,
            "the same seed shows the same words"
        );
        seen.insert(words.clone());
        let played = Call::replay(&script, seed, &[offer.number]).unwrap();
        let said = played.transcript(&script)[1].clone();
        assert!(
            matches!(said, peercall_dialogue::Line::Player { ref text, .. } if *text == words),
            "the transcript has the words shown: {said:?}"
        );
        // The log names the line; the wording replays from the seed.
        let again = Call::replay_log(&script, seed, &[1], &[]).unwrap();
        assert_eq!(again.transcript(&script), played.transcript(&script));
    }
    assert_eq!(seen.len(), 2, "both wordings turn up");
    // An empty wording is an error, like an empty line.
    let empty = text.replace(
        "Before anything else, can we spend ten minutes on the bigger picture?",
        " ",
    );
    let checked = load_str("empty.ron", &empty);
    assert!(checked.has_errors());
    assert!(checked.render(false).contains("empty-text"));
}

#[test]
fn scripted_habits_show_what_a_fixed_order_gives_away() {
    use peercall_dialogue::strategies::{Habit, play_habits};
    let pct = |script: &peercall_dialogue::Script, habit: Habit| {
        play_habits(script, 600, 0)
            .into_iter()
            .find(|h| h.habit == habit)
            .unwrap()
            .qualified_pct()
    };
    // File order: the peer line is second and longest, so position and length give it away.
    let small = load_str("small.ron", SMALL).into_script().unwrap();
    assert_eq!(pct(&small, Habit::Advocate), 0.0);
    assert_eq!(pct(&small, Habit::PeerSounding), 100.0);
    assert_eq!(pct(&small, Habit::First), 0.0);
    assert_eq!(pct(&small, Habit::Last), 100.0);
    assert_eq!(pct(&small, Habit::Longest), 100.0);
    assert_eq!(pct(&small, Habit::SameKeys), 100.0);
    // Shuffled, the first line and the keys of one winning call win about one call in three.
    let shuffled = load_str("shuffled.ron", SHUFFLED).into_script().unwrap();
    assert_eq!(pct(&shuffled, Habit::PeerSounding), 100.0);
    assert_eq!(pct(&shuffled, Habit::Advocate), 0.0);
    for habit in [Habit::First, Habit::SameKeys, Habit::Random] {
        let p = pct(&shuffled, habit);
        assert!((20.0..47.0).contains(&p), "{habit:?}: {p}%");
    }
    // The pinned line is last: always-last never qualifies.
    assert_eq!(pct(&shuffled, Habit::Last), 0.0);
}

/// A request with two situations behind it; what the prospect says depends on which.
const TRUTHS: &str = include_str!("data/truths.ron");

#[test]
fn the_seed_draws_the_truth_and_lines_depend_on_it() {
    let checked = load_str("truths.ron", TRUTHS);
    assert!(!checked.has_errors(), "{}", checked.render(false));
    let script = checked.into_script().unwrap();
    let mut in_truth = [0; 2];
    for seed in 0..400 {
        let call = Call::replay(&script, seed, &[1]).unwrap();
        let truth = call.truth();
        assert_eq!(
            truth,
            Call::start(&script, seed).truth(),
            "the seed decides"
        );
        in_truth[truth as usize] += 1;
        let heard = call.prospect_line(&script);
        let offered = call.offered(&script).len();
        if truth == 0 {
            assert_eq!(heard, "Our new owners may move IT away.");
            assert_eq!(offered, 1, "full designs are not on offer");
        } else {
            assert_eq!(heard, "We are growing.");
            assert_eq!(offered, 2);
        }
        // The debrief names the truth; a replay of the log is in the same one.
        let done = Call::replay(&script, seed, &[1, 1]).unwrap();
        let d = peercall_dialogue::Debrief::of(&done, &script).unwrap();
        let t = d.truth.unwrap();
        assert_eq!(t.id, if truth == 0 { "moving" } else { "growing" });
        let again = Call::replay_log(&script, seed, &[0, 0], &[]).unwrap();
        assert_eq!(again.truth(), truth);
    }
    assert!(in_truth.iter().all(|&n| n > 150), "{in_truth:?}");
    // Practice in a chosen truth.
    assert_eq!(Call::start_in(&script, 0, 1).truth(), 1);
    assert_eq!(Call::start_in(&script, 0, 0).truth(), 0);
}

#[test]
fn a_condition_on_an_undeclared_truth_is_an_error_with_a_suggestion() {
    let checked = load_str(
        "typo.ron",
        &TRUTHS.replace("Truth(\"moving\")", "Truth(\"movng\")"),
    );
    assert!(checked.has_errors());
    let text = checked.render(false);
    assert!(text.contains("unknown-truth"), "{text}");
    assert!(text.contains("did you mean `moving`?"), "{text}");
    // Scenarios without truths keep their hash.
    let script = load_str("small.ron", SMALL).into_script().unwrap();
    assert_eq!(Call::start(&script, 5).truth(), 0);
    assert!(
        peercall_dialogue::Debrief::of(&Call::replay(&script, 0, &[1]).unwrap(), &script)
            .unwrap()
            .truth
            .is_none()
    );
}

#[test]
fn analyze_explores_every_truth() {
    let script = load_str("truths.ron", TRUTHS).into_script().unwrap();
    let a = peercall_dialogue::analyze::analyze(&script, 1000, 0, 10_000);
    assert!(a.exhaustive);
    assert_eq!(a.truths.len(), 2);
    let reached =
        |t: usize| -> Vec<&str> { a.truths[t].endings.iter().map(|e| e.id.as_str()).collect() };
    assert_eq!(
        reached(0),
        ["ballpark"],
        "full designs are not on offer in `moving`"
    );
    assert_eq!(reached(1), ["ballpark", "designs"]);
    // An ending reached in one truth only is not "never reached". (This small file tells its
    // truths at the decision itself, with lines the meter rewards alike: analyze says so.)
    assert!(
        !a.warnings
            .iter()
            .any(|w| w.msg.key == "analyze-never-reached"),
        "{:?}",
        a.warnings
    );
    assert!(
        a.warnings
            .iter()
            .any(|w| w.msg.key == "analyze-told-late" && w.truth.as_deref() == Some("moving")),
        "{:?}",
        a.warnings
    );
    let designs = a.endings.iter().find(|e| e.id == "designs").unwrap();
    assert!(designs.reachable);
    // Random players meet both truths, as calls with their seeds would.
    let r = a.random.as_ref().unwrap();
    let count = |id: &str| r.endings.iter().find(|e| e.0 == id).unwrap().1;
    assert!(
        count("designs") > 100 && count("ballpark") > 500,
        "{:?}",
        r.endings
    );
    assert!(
        a.to_text()
            .contains("Truth `moving` (IT may move to the new owner's site):")
    );
}

#[test]
fn a_qualified_ending_that_does_not_fit_the_truth_scores_as_wasted() {
    let script = load_str("truths.ron", TRUTHS).into_script().unwrap();
    // In `growing` the expansion is real: the ballpark qualifies out of a real project.
    let ballpark = Call::start_in(&script, 1, 1);
    let mut ballpark = ballpark;
    ballpark.choose(&script, 1).unwrap();
    let mut designs = ballpark.clone();
    ballpark.choose(&script, 1).unwrap();
    designs.choose(&script, 2).unwrap();
    assert_eq!(designs.trust(), ballpark.trust());
    let (fit, unfit) = (
        designs.score(&script).unwrap(),
        ballpark.score(&script).unwrap(),
    );
    assert_eq!(
        fit - unfit,
        45,
        "60 outcome points become the 15 of a wasted call"
    );
    let d = peercall_dialogue::Debrief::of(&ballpark, &script).unwrap();
    assert!(!d.truth.as_ref().unwrap().fits);
    // In `moving` the ballpark is right.
    let right = Call::start_in(&script, 1, 0);
    let mut right = right;
    right.choose(&script, 1).unwrap();
    right.choose(&script, 1).unwrap();
    assert_eq!(right.score(&script), Some(fit));
    // analyze scores paths in their truth.
    let a = peercall_dialogue::analyze::analyze(&script, 100, 0, 10_000);
    let growing = &a.truths[1];
    let score_of = |id: &str| growing.endings.iter().find(|e| e.id == id).unwrap().score;
    assert_eq!(score_of("ballpark"), Some((unfit, unfit)));
    assert_eq!(score_of("designs"), Some((fit, fit)));
    // A truth that fits an ending that does not exist is an error.
    let bad = load_str(
        "bad.ron",
        &TRUTHS.replace("fits: [\"designs\"]", "fits: [\"desing\"]"),
    );
    assert!(
        bad.render(false)
            .contains("fits `desing`, which is not an ending")
    );
}

#[test]
fn the_debrief_names_the_line_that_told_the_truth_and_the_listener_hears_it() {
    let script = load_str("truths.ron", TRUTHS).into_script().unwrap();
    // In `moving`, the prospect's answer at `why` is written for that truth: it reveals it.
    let call = Call::start_in(&script, 3, 0);
    assert_eq!(call.revealed_at(&script), None, "nothing said yet");
    let mut call = call;
    call.choose_index(&script, 0).unwrap();
    assert_eq!(call.revealed_at(&script), Some(1), "the line on screen now");
    call.choose_index(&script, 0).unwrap();
    let d = Debrief::of(&call, &script).unwrap();
    let truth = d.truth.clone().unwrap();
    assert!(truth.fits);
    assert_eq!(
        truth.revealed_by,
        Some((2, "Our new owners may move IT away.".to_string()))
    );
    // In `growing` the node's own line is said, and with a line written only for `moving`, it
    // tells `growing` as plainly: it reveals it too, and check finds every truth heard.
    let mut call = Call::start_in(&script, 3, 1);
    call.choose_index(&script, 0).unwrap();
    call.choose_index(&script, 1).unwrap();
    let d = Debrief::of(&call, &script).unwrap();
    assert_eq!(
        d.truth.unwrap().revealed_by,
        Some((2, "We are growing.".to_string()))
    );
    let checked = load_str("truths.ron", TRUTHS);
    assert!(
        !checked
            .diagnostics
            .iter()
            .any(|d| d.code == "unheard-truth"),
        "{}",
        checked.render(false)
    );
}

#[test]
fn an_ending_sends_each_truth_on_to_the_ending_that_fits_it() {
    // Without the ballpark's `by_truth`, a ballpark in the growing truth ends at `ballpark`,
    // which does not fit it. With it, the call ends at `too-small` instead: one entry on the
    // ending, not a `react_if` on every line that leads there.
    let redirected = TRUTHS.replace(
        r#""ballpark": (outcome: QualifiedOut, lesson: "Sized to what you heard."),"#,
        r#""ballpark": (outcome: QualifiedOut, lesson: "Sized to what you heard.",
                       by_truth: { "growing": "too-small" }),
        "too-small": (outcome: Lost, lesson: "A real project, answered with a ballpark."),"#,
    );
    let checked = load_str("redirect.ron", &redirected);
    assert!(!checked.has_errors(), "{}", checked.render(false));
    let script = checked.into_script().unwrap();
    let growing = script.scenario().truths.position("growing").unwrap() as u32;
    let mut call = Call::start_in(&script, 3, growing);
    call.choose_index(&script, 0).unwrap();
    call.choose_index(&script, 0).unwrap();
    let d = Debrief::of(&call, &script).unwrap();
    assert_eq!(d.ending, "too-small");
    assert_eq!(d.outcome, Outcome::Lost);
    // In the truth it fits, the ballpark is the ballpark.
    let moving = script.scenario().truths.position("moving").unwrap() as u32;
    let mut call = Call::start_in(&script, 3, moving);
    call.choose_index(&script, 0).unwrap();
    call.choose_index(&script, 0).unwrap();
    assert_eq!(Debrief::of(&call, &script).unwrap().ending, "ballpark");
    // `too-small` is reached (through the ballpark), so analyze says nothing of it.
    let a = peercall_dialogue::analyze::analyze(&script, 0, 0, 10_000);
    assert!(
        !a.warnings
            .iter()
            .any(|w| w.msg.key.starts_with("analyze-unreached")
                || w.msg.key == "analyze-never-reached"),
        "{:?}",
        a.warnings
    );
    // A file without `by_truth` keeps its hash: an empty one is not part of the content.
    let plain = load_str("a.ron", TRUTHS).into_script().unwrap();
    let empty = load_str(
        "b.ron",
        &TRUTHS.replace(
            r#""designs": (outcome: QualifiedIn, lesson: "A real project."),"#,
            r#""designs": (outcome: QualifiedIn, lesson: "A real project.", by_truth: {}),"#,
        ),
    )
    .into_script()
    .unwrap();
    assert_eq!(plain.hash(), empty.hash());
    assert_ne!(plain.hash(), script.hash());
    // What `by_truth` may name is checked: an ending, one that does not send the call on again.
    for (bad, said) in [
        (
            r#"by_truth: { "growing": "why" }"#,
            "`why` in `by_truth` is not an ending",
        ),
        (
            r#"by_truth: { "growing": "ballpark" }"#,
            "`ballpark` in `by_truth` sends the call on again",
        ),
        (r#"by_truth: { "grwoing": "ballpark" }"#, "unknown truth"),
    ] {
        let text = TRUTHS
            .replace(
                r#""designs": (outcome: QualifiedIn, lesson: "A real project."),"#,
                &format!(r#""designs": (outcome: QualifiedIn, lesson: "A real project.", {bad}),"#),
            )
            .replace(
                r#""ballpark": (outcome: QualifiedOut, lesson: "Sized to what you heard."),"#,
                r#""ballpark": (outcome: QualifiedOut, lesson: "Sized to what you heard.", by_truth: { "moving": "designs" }),"#,
            );
        let c = load_str("bad.ron", &text);
        assert!(c.has_errors(), "{bad}");
        assert!(c.render(false).contains(said), "{bad}: {}", c.render(false));
    }
}
