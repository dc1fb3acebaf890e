//! The corpus of broken scenario files the golden diagnostics are rendered from.

use std::fmt::Write;

/// What the broken inputs are made from: a frozen copy of the shipped demo call, so that editing
/// the shipped scenario moves no position in the golden file.
pub const DEMO: &str = include_str!("../data/demo-request.ron");

/// A small valid scenario for the cases the shipped one cannot show.
pub const TINY: &str = r#"Scenario(
    id: "tiny",
    title: "Tiny",
    briefing: "A request.",
    prospect: (name: "Pat", role: "Buyer", company: "Acme"),
    start: "ask",
    nodes: {
        "ask": (
            prospect: ["Can you help?"],
            choices: [
                (say: "Let's look at the big picture first.", signal: PeerContract, trust: 5,
                 effects: [PeerContract], next: "why"),
                (say: "Sure, we'll start.", signal: CommitResources, trust: -5,
                 effects: [Commit(days: 3, what: "work")], next: "wasted"),
            ],
        ),
        "why": (
            prospect: ["Because."],
            choices: [(say: "Why now?", signal: BusinessQuestion, trust: 4, next: "out")],
        ),
    },
    endings: {
        "wasted": (outcome: Wasted, lesson: "Ask first."),
        "out": (outcome: QualifiedOut, lesson: "Cheap and right."),
        "hung-up": (outcome: Lost, lesson: "Trust ran out."),
    },
)"#;

fn once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "corpus mutation: `{from}` not found");
    text.replacen(from, to, 1)
}

fn all(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "corpus mutation: `{from}` not found");
    text.replace(from, to)
}

/// The broken files: (name, bytes).
pub fn corpus() -> Vec<(&'static str, Vec<u8>)> {
    let d = DEMO;
    let t = TINY;
    let mut flags = String::new();
    for i in 0..70 {
        let _ = write!(flags, "Set(\"f{i}\"), ");
    }
    let text: Vec<(&str, String)> = vec![
        ("syntax-string", once(d, "trust: -3,", "trust: \"minus\",")),
        // The slips a trainer new to the format makes first.
        (
            "quote-in-text",
            once(
                d,
                "We'd love to come and demo.",
                "We'd love to \"come and demo\".",
            ),
        ),
        ("decimal-comma", once(d, "days_needed: 1,", "days_needed: 0,25,")),
        (
            "never-offered",
            once(
                d,
                "requires: [NoPeerContract],",
                "requires: [NoPeerContract, Truth(\"third-bid\"), Truth(\"open-race\")],",
            ),
        ),
        ("negated-condition", once(d, "when: [NoPeerContract]", "when: [NoContract]")),
        (
            "unclosed-choice",
            once(
                d,
                "a warm-up for the trip.\",\n                ),\n",
                "a warm-up for the trip.\",\n",
            ),
        ),
        (
            "unclosed-state-line",
            once(
                d,
                "Ask away.\"]),",
                "Ask away.\"],",
            ),
        ),
        ("unknown-field", once(d, "feedback:", "feedbak:")),
        ("missing-field", once(d, "signal: AskPermission,", "")),
        (
            "unknown-variant",
            once(d, "signal: FaceValue", "signal: FaceValu"),
        ),
        ("eof", d[..d.len() / 2].to_string()),
        ("json", "{\"id\": \"x\", \"nodes\": []}".to_string()),
        // A truth "told" by a line every situation hears tells nothing.
        (
            "shared-tell",
            once(
                t,
                "prospect: [\"Can you help?\"],",
                "prospect: [\"Can you help?\"], lines_if: [(when: [Truth(\"busy\")], prospect: [\"Can you help?\"])],",
            )
            .replace(
                "        \"hung-up\": (outcome: Lost, lesson: \"Trust ran out.\"),\n    },",
                "        \"hung-up\": (outcome: Lost, lesson: \"Trust ran out.\"),\n    },\n    truths: { \"calm\": (title: \"Calm\"), \"busy\": (title: \"Busy\") },",
            ),
        ),
        ("empty", "  \n".to_string()),
        ("too-deep", format!("Scenario(\n  id: {}\n", "[".repeat(70))),
        ("trailing", format!("{d})")),
        ("struct-name", once(d, "Scenario(", "Scenari(")),
        (
            "duplicate-field",
            once(
                d,
                "id: \"demo-request\",",
                "id: \"demo-request\",\n    title: \"Again\",",
            ),
        ),
        (
            "unknown-target",
            once(d, "next: \"dates\"", "next: \"datse\""),
        ),
        (
            "unknown-start",
            once(d, "start: \"callback\"", "start: \"calback\""),
        ),
        (
            "start-is-ending",
            once(t, "start: \"ask\"", "start: \"out\""),
        ),
        ("duplicate-node", once(t, "\"why\": (", "\"ask\": (")),
        (
            "node-and-ending",
            once(
                t,
                "\"out\": (outcome",
                "\"why\": (outcome: QualifiedIn, lesson: \"x\"),\n        \"out\": (outcome",
            ),
        ),
        (
            "duplicate-ending",
            once(
                t,
                "\"out\": (outcome",
                "\"wasted\": (outcome: Lost, lesson: \"x\"),\n        \"out\": (outcome",
            ),
        ),
        (
            "empty-texts",
            once(
                &once(
                    d,
                    "title: \"Come and demo for the committee\"",
                    "title: \"\"",
                ),
                "prospect: (name: \"Walt Brannigan\"",
                "prospect: (name: \" \"",
            ),
        ),
        ("empty-say", once(t, "say: \"Why now?\"", "say: \"\"")),
        (
            "empty-prospect",
            once(t, "prospect: [\"Because.\"]", "prospect: []"),
        ),
        (
            "empty-variant",
            once(t, "prospect: [\"Because.\"]", "prospect: [\"\"]"),
        ),
        (
            "empty-state-line",
            once(
                t,
                "prospect: [\"Because.\"],",
                "prospect: [\"Because.\"], lines_if: [(when: [PeerContract], prospect: [])],",
            ),
        ),
        (
            "empty-lesson",
            once(t, "lesson: \"Ask first.\"", "lesson: \"\""),
        ),
        ("empty-commit-what", once(t, "what: \"work\"", "what: \"\"")),
        (
            "trust-range",
            once(
                d,
                "trust: (start: 40, hang_up_below: 15)",
                "trust: (start: 10, min: 20, max: 5, hang_up_below: 150)",
            ),
        ),
        ("bad-days", once(d, "days_needed: 1,", "days_needed: -1,")),
        (
            "bad-commit-days",
            once(t, "Commit(days: 3", "Commit(days: 0"),
        ),
        (
            "bad-patience",
            once(d, "days_needed: 1,", "days_needed: 1,\n    patience: 0,"),
        ),
        ("trust-change", once(d, "trust: -3,", "trust: -300,")),
        (
            "unset-flag",
            once(
                t,
                "(say: \"Why now?\",",
                "(say: \"Why now?\", requires: [Flag(\"budgett\")],",
            ),
        ),
        (
            "trust-condition",
            once(
                t,
                "(say: \"Why now?\",",
                "(say: \"Why now?\", requires: [TrustAtLeast(500)],",
            ),
        ),
        (
            "unreachable",
            once(
                t,
                "    },\n    endings: {",
                "        \"lonely\": (prospect: [\"Hello?\"], choices: [(say: \"Hi.\", signal: Neutral, next: \"out\")]),\n    },\n    endings: {\n        \"never\": (outcome: QualifiedIn, lesson: \"Unseen.\"),",
            ),
        ),
        (
            "no-ending-loop",
            once(t, "trust: 4, next: \"out\"", "trust: 4, next: \"why\""),
        ),
        (
            "no-ending-hang-up",
            once(t, "trust: 4, next: \"out\"", "trust: -4, next: \"why\""),
        ),
        (
            "no-way-forward",
            once(
                t,
                "choices: [(say: \"Why now?\", signal: BusinessQuestion, trust: 4, next: \"out\")]",
                "choices: []",
            ),
        ),
        (
            "maybe-stuck",
            once(
                t,
                "(say: \"Why now?\",",
                "(say: \"Why now?\", requires: [Committed],",
            ),
        ),
        (
            "hang-up-outcome",
            once(
                t,
                "\"hung-up\": (outcome: Lost",
                "\"hung-up\": (outcome: Wasted",
            ),
        ),
        (
            "hang-up-missing",
            once(
                t,
                "\"hung-up\": (outcome: Lost, lesson: \"Trust ran out.\"),",
                "",
            ),
        ),
        ("no-peer-contract", all(d, "effects: [PeerContract],", "")),
        (
            "no-commitment",
            once(t, "effects: [Commit(days: 3, what: \"work\")], ", ""),
        ),
        (
            "unknown-truth",
            once(
                &once(
                    t,
                    "        \"hung-up\": (outcome: Lost, lesson: \"Trust ran out.\"),\n    },",
                    "        \"hung-up\": (outcome: Lost, lesson: \"Trust ran out.\"),\n    },\n    truths: { \"moving\": (title: \"IT may move\"), \"growing\": (title: \"Growth\") },",
                ),
                "trust: 4, next: \"out\")",
                "trust: 4, requires: [Truth(\"movng\")], next: \"out\")",
            ),
        ),
        (
            "truth-lessons",
            concat!(
                "Scenario(id: \"lessons\", title: \"Lessons\", briefing: \"A request.\",\n",
                "    prospect: (name: \"Pat\", role: \"Buyer\", company: \"Acme\"), start: \"ask\",\n",
                "    nodes: { \"ask\": (prospect: [\"Designs?\"],\n",
                "        lines_if: [(when: [Truth(\"a\")], prospect: [\"A.\"]), (when: [Truth(\"b\")], prospect: [\"B.\"])],\n",
                "        choices: [\n",
                "            (say: \"Sure, thanks!\", signal: Gratitude, trust: 1, effects: [Commit(days: 3, what: \"work\")], next: \"yes\"),\n",
                "            (say: \"Big picture first?\", signal: PeerContract, trust: 5, effects: [PeerContract], next: \"no\"),\n",
                "        ]) },\n",
                "    endings: { \"yes\": (outcome: QualifiedIn, lesson: \"Yes.\"), \"no\": (outcome: QualifiedOut, lesson: \"No.\"),\n",
                "        \"hung-up\": (outcome: Lost, lesson: \"Gone.\") },\n",
                "    truths: { \"a\": (title: \"A\", fits: [\"yes\"]), \"b\": (title: \"B\", fits: [\"yes\"]) },\n",
                ")\n",
            )
            .to_string(),
        ),
        (
            "too-many-truths",
            once(
                t,
                "        \"hung-up\": (outcome: Lost, lesson: \"Trust ran out.\"),\n    },",
                &format!(
                    "        \"hung-up\": (outcome: Lost, lesson: \"Trust ran out.\"),\n    }},\n    truths: {{ {} }},",
                    (0..20)
                        .map(|i| format!("\"t{i}\": (title: \"T{i}\")"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        ),
        (
            "too-many-flags",
            once(
                t,
                "effects: [PeerContract]",
                &format!("effects: [PeerContract, {flags}]"),
            ),
        ),
    ];
    let mut text = text;
    text.push((
        "no-nodes-no-endings",
        "Scenario(id: \"x\", title: \"X\", briefing: \"B\",\n  prospect: (name: \"P\", role: \"R\", company: \"C\"),\n  start: \"a\", nodes: {}, endings: {})\n".to_string(),
    ));
    let mut out: Vec<(&str, Vec<u8>)> =
        text.into_iter().map(|(n, s)| (n, s.into_bytes())).collect();
    out.push(("binary", b"Scenario(\0)".to_vec()));
    out.push(("not-utf8", b"Scenario(\n  id: \"\xff\xfe\",\n)".to_vec()));
    out
}
