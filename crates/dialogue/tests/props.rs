//! Property tests: any input gets an answer, and random playthroughs keep the engine's promises.

use peercall_dialogue::{Call, Script, load_bytes, load_str, synthetic};
use proptest::prelude::*;

const NETWORK: &str = include_str!("../../../dialogues/network-expansion.ron");
const DEMO: &str = include_str!("../../../dialogues/demo-request.ron");

fn script(text: &str) -> Script {
    load_str("s.ron", text)
        .into_script()
        .expect("shipped scenario is clean")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random bytes never panic, and every diagnostic points inside the file.
    #[test]
    fn any_bytes_get_an_answer(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let checked = load_bytes("r.ron", &bytes);
        let lines = checked.source.lines().count().max(1);
        for d in &checked.diagnostics {
            prop_assert!(d.line >= 1 && d.line <= lines + 1, "{d}");
            let _ = d.render(&checked.source, false);
        }
    }

    /// A real scenario with a random cut, insertion or deletion never panics; whatever is left
    /// is either clean or reported with positions.
    #[test]
    fn mangled_scenarios_get_positioned_answers(
        which in 0..2usize,
        at in 0.0..1.0f64,
        len in 0..40usize,
        insert in "[\\(\\)\\[\\]\\{\\}\":,a-z0-9 ]{0,8}",
    ) {
        let text = if which == 0 { NETWORK } else { DEMO };
        let mut cut = ((text.len() as f64) * at) as usize;
        while !text.is_char_boundary(cut) { cut -= 1; }
        let mut end = (cut + len).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let mangled = format!("{}{}{}", &text[..cut], insert, &text[end..]);
        let checked = load_str("m.ron", &mangled);
        for d in &checked.diagnostics {
            prop_assert!(d.line >= 1 && d.column >= 1);
            prop_assert!(d.span.end <= mangled.len());
        }
        let truncated = load_str("t.ron", &text[..cut]);
        // Cutting only the trailing line break leaves a whole scenario.
        prop_assert!(text[cut..].trim().is_empty() || truncated.has_errors());
    }

    /// Random players: trust stays in range, the call always ends, replay and save/resume agree.
    #[test]
    fn random_playthroughs_keep_their_promises(
        which in 0..2usize,
        seed in any::<u64>(),
        picks in proptest::collection::vec(any::<u16>(), 1..40),
        save_at in 0..40usize,
    ) {
        let script = script(if which == 0 { NETWORK } else { DEMO });
        let mut call = Call::start(&script, seed);
        let mut numbers = Vec::new();
        let mut saved = None;
        for (i, p) in picks.iter().cycle().take(200).enumerate() {
            if call.is_over() { break; }
            if i == save_at { saved = Some((serde_json::to_string(&call).unwrap(), numbers.len())); }
            let offered = call.offered(&script);
            prop_assert!(!offered.is_empty());
            let n = offered[*p as usize % offered.len()].number;
            numbers.push(n);
            let t = *call.choose(&script, n).unwrap();
            prop_assert!((0..=100).contains(&t.trust_after));
        }
        prop_assert!(call.is_over(), "a call of 200 choices did not end");
        prop_assert!(call.score(&script).unwrap() <= 100);
        let replayed = Call::replay(&script, seed, &numbers).unwrap();
        prop_assert_eq!(replayed.transcript(&script), call.transcript(&script));
        if let Some((json, done)) = saved {
            let mut resumed: Call = serde_json::from_str(&json).unwrap();
            resumed.verify(&script).unwrap();
            for n in &numbers[done..] { resumed.choose(&script, *n).unwrap(); }
            prop_assert_eq!(resumed.transcript(&script), call.transcript(&script));
            prop_assert_eq!(resumed.score(&script), call.score(&script));
        }
    }
}

#[test]
fn synthetic_scenarios_are_clean_at_every_size() {
    for n in [1, 2, 7, 500] {
        let checked = load_str("syn.ron", &synthetic::scenario_text(n));
        assert!(!checked.has_errors(), "{n}: {}", checked.render(false));
        let script = checked.into_script().unwrap();
        assert_eq!(script.node_count(), n);
        let call = Call::replay(&script, 1, &vec![1; n]).unwrap();
        assert!(call.is_over());
    }
}

#[test]
fn tens_of_megabytes_get_an_answer() {
    let big = synthetic::scenario_text(60_000);
    assert!(big.len() > 20 << 20, "{} bytes", big.len());
    let checked = load_str("big.ron", &big);
    assert!(!checked.has_errors(), "{}", checked.render(false));
    let junk = "\"x\", ".repeat(5 << 20);
    assert!(load_str("junk.ron", &junk).has_errors());
}
