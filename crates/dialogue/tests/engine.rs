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
