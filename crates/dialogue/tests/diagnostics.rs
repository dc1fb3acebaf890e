//! Golden diagnostics: every diagnostic code the loader and checker emit, on a corpus of broken
//! files made from a shipped scenario, rendered as text, as ASCII and as JSON and compared with
//! `tests/golden/diagnostics.txt` (the same findings, codes, positions and pictures whatever the
//! engine's insides). `PEERCALL_BLESS=1 cargo test -p peercall-dialogue --test diagnostics`
//! rewrites the file after a deliberate change.

use std::collections::BTreeSet;
use std::fmt::Write;

use peercall_dialogue::{Checked, load_bytes, load_path, load_str};

#[path = "diagnostics/corpus.rs"]
mod corpus;

use corpus::{TINY, corpus};

const GOLDEN_DE: &str = "tests/golden/diagnostics.de.txt";
const GOLDEN: &str = "tests/golden/diagnostics.txt";

fn rendered(name: &str, checked: &Checked) -> String {
    let mut s = format!("=== {name}\n");
    let json = serde_json::to_string_pretty(&checked.diagnostics).expect("diagnostics as JSON");
    let _ = write!(
        s,
        "--- text\n{}\n--- ascii\n{}\n--- json\n{json}\n",
        checked.render(false),
        checked.render_ascii()
    );
    s
}

fn actual() -> (String, BTreeSet<&'static str>) {
    actual_in("en")
}

/// The corpus's findings in `lang`: in English in full (text, ASCII and JSON), in another
/// language as the terminal shows them.
fn actual_in(lang: &str) -> (String, BTreeSet<&'static str>) {
    let mut out = String::new();
    let mut codes = BTreeSet::new();
    let rendered = |name: &str, checked: &Checked| {
        if lang == "en" {
            rendered(name, checked)
        } else {
            format!(
                "=== {name}
{}
",
                checked.clone().localized(lang).render(false)
            )
        }
    };
    for (name, bytes) in corpus() {
        let checked = load_bytes(&format!("{name}.ron"), &bytes);
        assert!(
            !checked.diagnostics.is_empty(),
            "corpus file {name} has no finding"
        );
        codes.extend(checked.diagnostics.iter().map(|d| d.code));
        out.push_str(&rendered(name, &checked));
    }
    let missing = load_path(std::path::Path::new("no/such/scenario.ron"));
    codes.extend(missing.diagnostics.iter().map(|d| d.code));
    out.push_str(&rendered("io", &missing));
    for (name, text) in [
        (
            "shipped demo-request",
            include_str!("../../../dialogues/demo-request.ron"),
        ),
        (
            "shipped network-expansion",
            include_str!("../../../dialogues/network-expansion.ron"),
        ),
    ] {
        let checked = load_str(&format!("{name}.ron"), text);
        assert!(checked.diagnostics.is_empty(), "{}", checked.render(false));
        out.push_str(&rendered(name, &checked));
    }
    (out, codes)
}

#[test]
fn diagnostics_match_the_golden_file() {
    let (actual, _) = actual();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN);
    if std::env::var_os("PEERCALL_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).expect("the golden file exists");
    if expected != actual {
        let (n, (e, a)) = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .find(|(_, (e, a))| e != a)
            .unwrap_or((0, ("(length differs)", "(length differs)")));
        panic!(
            "diagnostics differ from {GOLDEN} at line {}:\n  expected: {e}\n  actual:   {a}",
            n + 1
        );
    }
}

/// The same corpus in German, so a translator (and a reviewer) sees every finding as a German
/// trainer reads it, and a change to a message shows in review.
#[test]
fn german_diagnostics_match_their_golden_file_and_leave_no_english() {
    let (actual, _) = actual_in("de");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN_DE);
    if std::env::var_os("PEERCALL_BLESS").is_some() {
        std::fs::write(&path, &actual).unwrap();
    } else {
        let expected = std::fs::read_to_string(&path).expect("the German golden file exists");
        assert!(
            expected == actual,
            "German diagnostics differ from {GOLDEN_DE}; run with PEERCALL_BLESS=1 and review"
        );
    }
    // Every keyed text of every finding has its own German words.
    for (name, bytes) in corpus() {
        let checked = load_bytes(&format!("{name}.ron"), &bytes);
        for d in &checked.diagnostics {
            let texts = [&d.texts.message, &d.texts.label, &d.texts.help];
            for m in texts.into_iter().flatten() {
                assert!(
                    m.render_in("de").is_some(),
                    "{name}: `{}` has no German words",
                    m.key
                );
            }
            if d.texts.message.is_some() {
                let de = d.localized("de");
                assert_ne!(de.message, d.message, "{name}: {d}");
                assert_eq!((de.code, de.line, de.column), (d.code, d.line, d.column));
            }
        }
    }
}

#[test]
fn every_diagnostic_code_is_in_the_corpus() {
    let (_, codes) = actual();
    let expected = [
        "bad-days",
        "bad-patience",
        "binary",
        "duplicate-id",
        "empty",
        "empty-text",
        "hang-up-outcome",
        "io",
        "maybe-stuck",
        "no-commitment",
        "no-ending",
        "no-endings",
        "no-nodes",
        "no-peer-contract",
        "no-way-forward",
        "not-utf8",
        "syntax",
        "too-deep",
        "too-many-flags",
        "too-many-truths",
        "trust-change",
        "trust-condition",
        "trust-range",
        "advocate-wins",
        "no-peer-win",
        "unheard-truth",
        "unknown-target",
        "unknown-truth",
        "unreachable",
        "unset-flag",
    ];
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|c| !codes.contains(c))
        .collect();
    assert!(missing.is_empty(), "codes never emitted: {missing:?}");
}

/// Every rendering of every finding of `checked` is under 4 KB.
fn assert_bounded(name: &str, checked: &Checked) {
    assert!(!checked.diagnostics.is_empty(), "{name}: no finding");
    for d in &checked.diagnostics {
        let text = d.render(&checked.source, true);
        let ascii = d.render_ascii(&checked.source);
        let json = serde_json::to_string(d).unwrap();
        for (how, s) in [("text", &text), ("ascii", &ascii), ("json", &json)] {
            assert!(s.len() < 4096, "{name}: {how} is {} bytes:\n{s}", s.len());
        }
        assert!(ascii.contains(&format!("{}:{}:{}", d.file, d.line, d.column)));
    }
}

#[test]
fn huge_lines_and_deep_nesting_render_in_under_4_kb() {
    let long = "a".repeat(5 << 20);
    // A syntax error after a 5 MB string on one line: the line is cut around the caret.
    let after_long = format!("Scenario(id: \"x\", title: \"{long}\", briefing: 7)");
    let checked = load_str("long.ron", &after_long);
    assert_bounded("syntax after a long line", &checked);
    let d = &checked.diagnostics[0];
    assert!(d.line == 1 && d.column > 5 << 20, "{d}");
    let shown = d.render(&checked.source, false);
    assert!(shown.contains("…"), "{shown}");
    assert!(shown.contains("briefing: 7"), "{shown}");
    // Multi-byte text on the same long line.
    let wide = format!(
        "Scenario(id: \"x\", title: \"{}\", oops: 1)",
        "é".repeat(1 << 20)
    );
    assert_bounded("multi-byte line", &load_str("wide.ron", &wide));
    // 100,000 brackets on one line, and nested on as many lines.
    assert_bounded(
        "deep nesting",
        &load_str("deep.ron", &format!("Scenario(id: {}", "[".repeat(100_000))),
    );
    assert_bounded(
        "deep nesting over lines",
        &load_str(
            "deep2.ron",
            &format!("Scenario(id: {}", "[\n".repeat(100_000)),
        ),
    );
    // Long ids in semantic findings: the message quotes a cut id.
    let id = "z".repeat(1 << 20);
    let broken = TINY.replacen("next: \"why\"", &format!("next: \"{id}\""), 1);
    let checked = load_str("id.ron", &broken);
    assert_bounded("long unknown id", &checked);
    assert!(
        checked
            .diagnostics
            .iter()
            .any(|d| d.code == "unknown-target"
                && d.message.ends_with("is neither a node nor an ending"))
    );
    // An unknown field with a long name, and a long context line around a short finding.
    let field = format!("Scenario(id: \"x\", {}: 1)", "q".repeat(1 << 20));
    assert_bounded("long field", &load_str("field.ron", &field));
    let context = TINY.replacen(
        "briefing: \"A request.\",",
        &format!("briefing: \"{long}\",\n    title: 5,"),
        1,
    );
    assert_bounded("long context line", &load_str("ctx.ron", &context));
}

#[test]
fn the_line_index_agrees_with_counting_from_the_start() {
    use peercall_dialogue::diagnostic::{LineIndex, line_column};
    let text = "ab\ncdé\n\nfgh — ij\r\nk\n";
    let index = LineIndex::new(text);
    for offset in 0..=text.len() + 2 {
        assert_eq!(
            index.line_column(text, offset),
            line_column(text, offset),
            "offset {offset}"
        );
    }
}

#[test]
fn a_draft_with_many_warnings_lists_every_one() {
    use peercall_dialogue::synthetic::{Shape, generate};
    let text = generate(&Shape {
        nodes: 2_000,
        unreachable: 0.1,
        conditions: true,
    });
    let checked = load_str("draft.ron", &text);
    assert!(!checked.has_errors());
    assert_eq!(checked.warning_count(), 400);
    // Each finding points at its own node, in file order.
    for d in checked
        .diagnostics
        .iter()
        .filter(|d| d.code == "unreachable")
    {
        let line = text.lines().nth(d.line - 1).unwrap();
        let id = d.message.split('`').nth(1).unwrap();
        assert!(line.contains(&format!("\"{id}\": (")), "{d}: {line}");
    }
    let summary = checked.render_ascii_summary(12);
    assert!(summary.contains("... and 388 more findings"), "{summary}");
}
