//! Playing a drill: starting its call at the missed moment, and finishing it (the play's
//! record, its xAPI statement marked as a drill, and the drill's next step, in one transaction).

use std::time::{Duration, SystemTime};

use peercall_dialogue::drill::{drill_truth, passed};
use peercall_dialogue::{Call, Script};
use serde_json::{Value, json};

use crate::Error;
use crate::drills::{Drill, Step};
use crate::finish::Played;
use crate::records::{DrillPlay, Store};

/// The xAPI activity type and context category that mark a statement as a drill's.
pub const DRILL_CATEGORY: &str = "https://peercall.invalid/xapi/categories/drill";

/// Starts a play of `drill` with `seed`: at its moment, in one of the truths it is worth
/// playing in (drawn from the seed). `None` when the scenario no longer has the moment's node
/// or flags (the drill is then left alone, and said to be out of date).
pub fn start(drill: &Drill, script: &Script, seed: u64) -> Option<Call> {
    let truth = drill_truth(script, &drill.miss.truths, seed);
    let state = drill.miss.start.state(script, truth)?;
    Some(Call::start_from(script, seed, state))
}

/// Records a drill finished at `now` and moves it on its schedule; `None` while the call is
/// going or when it is not a drill's call. Returns the play and the drill's new step.
pub fn finish(
    store: &Store,
    drill: &Drill,
    call: &Call,
    script: &Script,
    who: Played<'_>,
    home_page: &str,
    now: SystemTime,
) -> Result<Option<(DrillPlay, Step)>, Error> {
    let (Some(f), Some(_)) = (call.finish(), call.drill_start()) else {
        return Ok(None);
    };
    let choices: Vec<u32> = call.turns().iter().map(|t| t.choice).collect();
    let started_at = crate::records::rfc3339(who.started);
    let truths = &script.scenario().truths;
    let mut play = DrillPlay {
        id: String::new(),
        drill: drill.id.clone(),
        player: who.player.to_string(),
        team: who.team.to_string(),
        scenario: script.id().to_string(),
        scenario_hash: script.hash().to_string(),
        seed: call.seed(),
        truth: if truths.is_empty() {
            String::new()
        } else {
            truths.at(call.truth() as usize).0.to_string()
        },
        choices,
        waits: call.waits().to_vec(),
        ending: script.ending_id(f.ending).to_string(),
        outcome: call.outcome(script).expect("the call is over"),
        score: call.score(script).expect("the call is over"),
        passed: passed(call, script),
        duration_ms: now
            .duration_since(who.started)
            .unwrap_or(Duration::ZERO)
            .as_millis() as u64,
        started_at,
        finished_at: crate::records::rfc3339(now),
    };
    play.id = crate::xapi::stable_uuid(&[
        "drill-play",
        &play.drill,
        &play.seed.to_string(),
        &format!("{:?}{:?}", play.choices, play.waits),
        &play.started_at,
    ]);
    let statement = statement(&play, drill, script, home_page);
    let step = store.record_drill(&play, &[statement], now)?;
    Ok(Some((play, step)))
}

/// The statement a drill's play sends: passed or failed, on the decision's activity, with the
/// drill category and the decision in the context, so a learning record tells drills from calls.
pub fn statement(play: &DrillPlay, drill: &Drill, script: &Script, home_page: &str) -> Value {
    let base = home_page.trim_end_matches('/');
    let sc = script.scenario();
    let ext = "https://peercall.invalid/xapi/extensions/";
    let verb = if play.passed { "passed" } else { "failed" };
    json!({
        "id": crate::xapi::stable_uuid(&["statement", &play.id]),
        "actor": {
            "objectType": "Agent",
            "name": play.player,
            "account": { "homePage": home_page, "name": play.player },
        },
        "verb": {
            "id": format!("http://adlnet.gov/expapi/verbs/{verb}"),
            "display": { "en-US": verb },
        },
        "object": {
            "objectType": "Activity",
            "id": format!("{base}/scenarios/{}/drills/{}", sc.id, drill.miss.node),
            "definition": {
                "type": "http://adlnet.gov/expapi/activities/simulation",
                "name": { "en-US": format!("{} (drill)", sc.title) },
                "description": { "en-US": drill.miss.said },
            },
        },
        "result": {
            "score": {
                "scaled": f64::from(play.score) / 100.0,
                "raw": play.score, "min": 0, "max": 100,
            },
            "success": play.passed,
            "completion": true,
            "duration": crate::xapi::iso_duration(play.duration_ms),
            "extensions": { format!("{ext}ending"): play.ending },
        },
        "context": {
            "platform": "peercall",
            "contextActivities": {
                "parent": [{ "objectType": "Activity", "id": format!("{base}/scenarios/{}", sc.id) }],
                "category": [{ "objectType": "Activity", "id": DRILL_CATEGORY }],
            },
            "extensions": {
                format!("{ext}drill"): {
                    "node": drill.miss.node,
                    "kind": drill.miss.kind,
                    "level": drill.step.level,
                },
                format!("{ext}seed"): play.seed,
                format!("{ext}scenario-hash"): play.scenario_hash,
                format!("{ext}team"): play.team,
                format!("{ext}truth"): play.truth,
            },
        },
        "timestamp": play.finished_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drills::day_of;
    use std::time::UNIX_EPOCH;

    /// The fake clock: day `d` of the test, at 10:00 UTC.
    fn day(d: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(20_400 * 86_400 + d * 86_400 + 36_000)
    }

    fn who(started: SystemTime) -> Played<'static> {
        Played {
            player: "Ana Lee",
            team: "North",
            started,
            competition: None,
            lang: None,
        }
    }

    /// Plays the lines with these ids.
    fn play(script: &Script, call: &mut Call, ids: &[&str]) {
        for id in ids {
            let node = script.scenario().nodes.at(call.state().node as usize).1;
            let i = node.choices.iter().position(|c| c.id == *id).unwrap();
            call.choose_index(script, i).unwrap();
        }
    }

    /// A recorded call in free-consulting's undecided site that sends the scoped study
    /// anyway: one missed decision, at `move`.
    fn missed_call(store: &Store, script: &Script, when: SystemTime) {
        let truth = script.scenario().truths.position("site-undecided").unwrap() as u32;
        let mut call = Call::start_in(script, 3, truth);
        play(
            script,
            &mut call,
            &["ask-2", "agreed-1", "changing-1", "move-3", "visit-2"],
        );
        let r = crate::records::Record::of(&call, script, "Ana Lee", "North", when, when, None)
            .unwrap();
        let misses = peercall_dialogue::drill::misses(&call, script);
        let statements = crate::xapi::statements(&r, script, "https://lms.example");
        assert!(
            store
                .record_played(&r, false, &statements, &misses, when)
                .unwrap()
        );
    }

    /// Plays the drill with the line that fits whatever truth it was drawn in (or not).
    fn drill_once(
        store: &Store,
        script: &Script,
        d: &Drill,
        seed: u64,
        right: bool,
        when: SystemTime,
    ) -> (DrillPlay, Step) {
        let mut call = start(d, script, seed).unwrap();
        let truth = script.scenario().truths.at(call.truth() as usize).0;
        // The line that fits each situation, and one that does not.
        let decision = match (truth, right) {
            ("staying", true) => "move-3",
            ("tender", true) => "move-5",
            ("site-undecided", true) | ("staying", false) => "move-1",
            _ => "move-3",
        };
        play(script, &mut call, &["changing-1", decision]);
        while !call.is_over() {
            call.choose_index(script, 0).unwrap();
        }
        finish(
            store,
            d,
            &call,
            script,
            who(when),
            "https://lms.example",
            when,
        )
        .unwrap()
        .unwrap()
    }

    #[test]
    fn a_missed_decision_comes_back_on_the_chosen_days_and_moves_with_each_answer() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(&dir.path().join("r.sqlite")).unwrap();
        let library = crate::library::Library::builtin();
        let script = library.script("free-consulting").unwrap().clone();
        missed_call(&store, &script, day(0));
        let drills = store.drills("Ana Lee").unwrap();
        assert_eq!(drills.len(), 1);
        assert_eq!(drills[0].miss.node, "move");
        assert_eq!(drills[0].miss.start.node, "changing");
        // Not due the day it was missed; due the next day.
        assert!(store.due_drills("Ana Lee", day(0)).unwrap().is_empty());
        assert!(store.due_drills("Someone Else", day(1)).unwrap().is_empty());
        let mut due_on = Vec::new();
        for d in 1..40 {
            for drill in store.due_drills("Ana Lee", day(d)).unwrap() {
                due_on.push(d);
                let (p, step) = drill_once(&store, &script, &drill, d, true, day(d));
                assert!(p.passed, "day {d}: {p:?}");
                assert_eq!(step, drill.step.after(true, day_of(day(d))));
            }
        }
        assert_eq!(due_on, [1, 4, 11, 32]);
        let done = &store.drills("Ana Lee").unwrap()[0];
        assert!(done.step.retired);
        assert_eq!((done.plays, done.passes), (4, 4));
        // Missed again in a new call on day 50: back on the schedule, due on day 51.
        missed_call(&store, &script, day(50));
        let back = store.due_drills("Ana Lee", day(51)).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].step.level, 0);
        // A wrong answer on day 51 keeps it at the start: due on day 52.
        let (p, step) = drill_once(&store, &script, &back[0], 7, false, day(51));
        assert!(!p.passed);
        assert_eq!((step.level, step.due), (0, day_of(day(52))));
        assert_eq!(store.drill_plays("Ana Lee").unwrap().len(), 5);
    }

    #[test]
    fn a_drill_statement_says_it_is_a_drill_and_a_drill_is_never_recorded_as_a_call() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(&dir.path().join("r.sqlite")).unwrap();
        let library = crate::library::Library::builtin();
        let script = library.script("free-consulting").unwrap().clone();
        missed_call(&store, &script, day(0));
        let drill = store.drills("Ana Lee").unwrap().remove(0);
        let (p, _) = drill_once(&store, &script, &drill, 2, true, day(1));
        let s = statement(&p, &drill, &script, "https://lms.example");
        assert_eq!(
            s["context"]["contextActivities"]["category"][0]["id"],
            DRILL_CATEGORY
        );
        assert_eq!(
            s["object"]["id"],
            "https://lms.example/scenarios/free-consulting/drills/move"
        );
        assert_eq!(s["verb"]["display"]["en-US"], "passed");
        assert_eq!(s["result"]["success"], true);
        // Only the call's own results are results; the drill's play is apart.
        assert_eq!(store.results(Some("Ana Lee")).unwrap().len(), 1);
        let call = start(&drill, &script, 2).unwrap();
        let r = crate::finish::finish_call(&store, &call, &script, who(day(1)), "h").unwrap();
        assert!(r.is_none());
        // The play replays through the engine to the same score.
        let from = drill
            .miss
            .start
            .state(
                &script,
                script.scenario().truths.position(&p.truth).unwrap() as u32,
            )
            .unwrap();
        let again = Call::replay_from(&script, p.seed, from, &p.choices, &p.waits).unwrap();
        assert_eq!(again.score(&script), Some(p.score));
    }
}
