//! Missed decisions: which turns of a finished call become drills, where each drill starts, in
//! which truths it is worth playing, and whether a drill was passed.

use serde::{Deserialize, Serialize};

use crate::call::Call;
use crate::scenario::{Signal, Stance};
use crate::script::{Script, State};

/// What kind of decision was missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MissKind {
    /// The line after which the call could no longer end well in its truth, while a line that
    /// could was on offer: usually the deciding node, answered for the wrong situation.
    Decision,
    /// A customer-advocate line (thanks, permission, a request-only question, face value,
    /// resources committed) said while a peer line that could still end as well was on offer.
    Signal,
}

/// A moment of a call, as a drill keeps it: by names, not positions, so that it still means the
/// same after the scenario is edited (a node or flag that no longer exists is noticed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moment {
    /// The node the prospect is speaking at.
    pub node: String,
    /// Trust.
    pub trust: i32,
    /// Whether a peer contract was set up.
    pub peer_contract: bool,
    /// Person-days committed so far, in hundredths of a day.
    pub centidays: u32,
    /// The flags set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
}

impl Moment {
    /// The moment `state` names.
    pub fn of(script: &Script, state: &State) -> Moment {
        Moment {
            node: script.node_id(state.node).to_string(),
            trust: state.trust,
            peer_contract: state.peer_contract,
            centidays: state.centidays,
            flags: script.flags_set(state.flags),
        }
    }

    /// The state of this moment in truth `truth` (by position); `None` when the scenario no
    /// longer has the node or one of the flags.
    pub fn state(&self, script: &Script, truth: u32) -> Option<State> {
        let node = script.scenario().nodes.position(&self.node)? as u32;
        let mut flags = 0u64;
        for f in &self.flags {
            let bit = script.flag_names().iter().position(|n| n == f)?;
            flags |= 1 << bit;
        }
        let t = &script.scenario().trust;
        Some(State {
            node,
            trust: self.trust.clamp(t.min, t.max),
            peer_contract: self.peer_contract,
            centidays: self.centidays,
            flags,
            truth: truth.min(script.truth_count().saturating_sub(1) as u32) as u8,
        })
    }
}

/// One missed decision of a finished call: what a drill is made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Miss {
    /// The turn it happened at (0-based).
    pub turn: usize,
    /// What kind of miss.
    pub kind: MissKind,
    /// The node it happened at.
    pub node: String,
    /// The choice said there, by index in the node.
    pub choice: u32,
    /// Its words (the line's `say`).
    pub said: String,
    /// The signal it sent.
    pub signal: Signal,
    /// The better line that was on offer (its `say`).
    pub better: String,
    /// The signal the better line sends.
    pub better_signal: Signal,
    /// Where the drill starts: one turn earlier for a decision, so that the prospect's words
    /// that tell the situation are heard again; the moment itself for a signal.
    pub start: Moment,
    /// The truths (by id; empty in a scenario without truths) in which the drill is worth
    /// playing: the miss would miss again there, and a line that ends well is on offer.
    pub truths: Vec<String>,
}

/// Whether a finished call ended well: qualified, at an ending that fits its truth.
pub fn won(call: &Call, script: &Script) -> bool {
    call.finish().is_some_and(|f| {
        let ending = script.scenario().endings.at(f.ending as usize).1;
        ending.outcome.is_qualified() && crate::score::fits(script, f.ending, call.truth())
    })
}

/// The missed decisions of a finished call, in turn order (none while it is going): the turn
/// that lost a call which did not end well (see [`MissKind::Decision`]), and every
/// customer-advocate line said where a peer line was on offer. One miss per node: a node
/// missed twice in a call is drilled once.
pub fn misses(call: &Call, script: &Script) -> Vec<Miss> {
    if !call.is_over() {
        return Vec::new();
    }
    let states = call.states_before_turns(script);
    let lost = !won(call, script);
    let mut decided = false;
    let mut out: Vec<Miss> = Vec::new();
    for (i, (turn, state)) in call.turns().iter().zip(&states).enumerate() {
        let chosen = turn.choice as usize;
        let ends_well = script.can_end_well(state, chosen);
        let better = |want: &dyn Fn(usize) -> bool| {
            script
                .offered(state)
                .filter(|&c| c != chosen && want(c))
                .max_by_key(|&c| (peer(script, state, c), script.resolve(state, c).trust))
        };
        let miss = if lost && !decided && !ends_well {
            better(&|c| script.can_end_well(state, c)).map(|b| {
                decided = true;
                (MissKind::Decision, b)
            })
        } else {
            None
        };
        let miss = miss.or_else(|| {
            (turn.signal.stance() == Stance::Advocate)
                .then(|| better(&|c| peer_alternative(script, state, c, ends_well)))
                .flatten()
                .map(|b| (MissKind::Signal, b))
        });
        let Some((kind, better)) = miss else {
            continue;
        };
        let node = script.node_id(state.node).to_string();
        if out.iter().any(|m| m.node == node) {
            continue;
        }
        let start = match kind {
            MissKind::Decision if i > 0 => &states[i - 1],
            _ => state,
        };
        // A moment from which nothing can end well any more teaches nothing as a drill.
        let Some(truths) = truths_that_matter(script, kind, start, state, chosen) else {
            continue;
        };
        let choices = &script.scenario().nodes.at(state.node as usize).1.choices;
        out.push(Miss {
            turn: i,
            kind,
            node,
            choice: turn.choice,
            said: choices[chosen].say.clone(),
            signal: turn.signal,
            better: choices[better].say.clone(),
            better_signal: choices[better].signal,
            start: Moment::of(script, start),
            truths,
        });
    }
    out
}

fn peer(script: &Script, state: &State, c: usize) -> bool {
    script.signal(state.node, c).stance() == Stance::Peer
}

/// Whether line `c` is a peer line that could still end as well as the chosen one (which can
/// end well or not, `ends_well`).
fn peer_alternative(script: &Script, state: &State, c: usize, ends_well: bool) -> bool {
    peer(script, state, c) && (script.can_end_well(state, c) || !ends_well)
}

/// The customer-advocate signals a call sent while a peer line that could end as well was on
/// offer, turn by turn (0-based): the habits the player's profile counts.
pub fn habit_turns(call: &Call, script: &Script) -> Vec<(usize, Signal)> {
    let states = call.states_before_turns(script);
    call.turns()
        .iter()
        .zip(&states)
        .enumerate()
        .filter(|(_, (turn, state))| {
            let chosen = turn.choice as usize;
            let ends_well = script.can_end_well(state, chosen);
            turn.signal.stance() == Stance::Advocate
                && script
                    .offered(state)
                    .any(|c| c != chosen && peer_alternative(script, state, c, ends_well))
        })
        .map(|(i, (turn, _))| (i, turn.signal))
        .collect()
}

/// The truths in which a drill is worth playing: from its start a good ending can be reached,
/// and the missed line would miss again (for a decision: it cannot end well there either).
/// `None` when there is no such truth (or, without truths, no good ending from the start).
fn truths_that_matter(
    script: &Script,
    kind: MissKind,
    start: &State,
    at: &State,
    chosen: usize,
) -> Option<Vec<String>> {
    let truths = &script.scenario().truths;
    if truths.is_empty() {
        let open = script.offered(start).any(|c| script.can_end_well(start, c));
        return open.then(Vec::new);
    }
    let fit: Vec<String> = (0..truths.len() as u8)
        .filter(|&t| {
            let s = State { truth: t, ..*start };
            let m = State { truth: t, ..*at };
            let open = script.offered(&s).any(|c| script.can_end_well(&s, c));
            let misses = match kind {
                MissKind::Signal => true,
                MissKind::Decision => {
                    script.is_offered(&m, chosen) && !script.can_end_well(&m, chosen)
                }
            };
            open && misses
        })
        .map(|t| truths.at(t as usize).0.to_string())
        .collect();
    (!fit.is_empty()).then_some(fit)
}

/// The truth a drill's play is in: one of `truths` (ids) drawn from the play's seed, so that
/// the situation must be heard each time; the first truth when none of them is known.
pub fn drill_truth(script: &Script, truths: &[String], seed: u64) -> u32 {
    let known: Vec<u32> = truths
        .iter()
        .filter_map(|t| script.scenario().truths.position(t))
        .map(|p| p as u32)
        .collect();
    match known.len() {
        0 => 0,
        n => known[(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize % n],
    }
}

/// Whether a finished drill was passed: it ended well and no customer-advocate line was said
/// where a peer line was on offer.
pub fn passed(call: &Call, script: &Script) -> bool {
    won(call, script) && misses(call, script).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(name: &str) -> Script {
        let path = format!("{}/../../dialogues/{name}.ron", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        Script::compile(crate::load::parse_str(name, &text).unwrap()).unwrap()
    }

    /// Plays the lines with these ids, in order.
    fn play(script: &Script, call: &mut Call, ids: &[&str]) {
        for id in ids {
            let node = script.scenario().nodes.at(call.state().node as usize).1;
            let i = node.choices.iter().position(|c| c.id == *id).unwrap();
            call.choose_index(script, i).unwrap();
        }
    }

    #[test]
    fn a_lost_call_gives_the_deciding_turn_and_the_thanks_after_it_teaches_nothing() {
        let s = script("free-consulting");
        let undecided = s.scenario().truths.position("site-undecided").unwrap() as u32;
        let mut call = Call::start_in(&s, 3, undecided);
        play(
            &s,
            &mut call,
            &["ask-2", "agreed-1", "changing-1", "move-3", "visit-1"],
        );
        assert!(call.is_over() && !won(&call, &s));
        let m = misses(&call, &s);
        // The scoped study said in a building that may be left: the decision. The thanks at
        // the end is a signal, but nothing can end well from there, so it is not drilled.
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].kind, MissKind::Decision);
        assert_eq!((m[0].turn, m[0].node.as_str()), (3, "move"));
        assert_eq!(m[0].better_signal, Signal::MutualValue);
        // The drill starts a turn earlier, where the prospect says what is going on.
        assert_eq!(m[0].start.node, "changing");
        assert!(m[0].start.peer_contract);
        // Where the project is real the same line is the right one: not worth drilling there.
        // Before an open tender it misses too: the drill is played in either.
        assert_eq!(m[0].truths, ["site-undecided", "tender"]);
    }

    #[test]
    fn advocate_lines_with_a_peer_line_on_offer_are_misses_and_a_clean_win_has_none() {
        let s = script("free-consulting");
        let staying = s.scenario().truths.position("staying").unwrap() as u32;
        let mut call = Call::start_in(&s, 1, staying);
        play(&s, &mut call, &["ask-4", "needs-2"]);
        let mut won_call = Call::start_in(&s, 1, staying);
        play(
            &s,
            &mut won_call,
            &["ask-2", "agreed-1", "changing-1", "move-3"],
        );
        assert!(won(&won_call, &s));
        assert!(misses(&won_call, &s).is_empty());
        assert!(passed(&won_call, &s));
        // Unfinished: nothing yet.
        assert!(misses(&call, &s).is_empty());
    }

    #[test]
    fn a_drill_starts_at_its_moment_and_replays_from_it() {
        let s = script("free-consulting");
        let moment = Moment {
            node: "changing".into(),
            trust: 44,
            peer_contract: true,
            centidays: 0,
            flags: vec![],
        };
        let staying = s.scenario().truths.position("staying").unwrap() as u32;
        let from = moment.state(&s, staying).unwrap();
        let mut call = Call::start_from(&s, 9, from);
        assert_eq!(s.node_id(call.state().node), "changing");
        assert_eq!(call.trust(), 44);
        assert!(
            call.prospect_line(&s).contains("ten"),
            "the truth is told here"
        );
        play(&s, &mut call, &["changing-1", "move-3"]);
        assert!(passed(&call, &s));
        let choices: Vec<u32> = call.turns().iter().map(|t| t.choice).collect();
        let again = Call::replay_from(&s, 9, from, &choices, &[]).unwrap();
        assert_eq!(again.score(&s), call.score(&s));
        assert_eq!(again.transcript(&s), call.transcript(&s));
        // A moment at a node the scenario no longer has cannot be played.
        let gone = Moment {
            node: "gone".into(),
            ..moment
        };
        assert!(gone.state(&s, 0).is_none());
    }

    #[test]
    fn each_play_draws_its_truth_from_those_that_matter() {
        let s = script("free-consulting");
        let both = ["site-undecided".to_string(), "staying".to_string()];
        assert_eq!(drill_truth(&s, &both, 0), 0);
        assert_eq!(drill_truth(&s, &both, 1), 1);
        let drawn: std::collections::BTreeSet<u32> =
            (0..40).map(|seed| drill_truth(&s, &both, seed)).collect();
        assert_eq!(drawn.len(), 2);
        let one = ["staying".to_string(), "unknown".to_string()];
        assert!((0..20).all(|seed| drill_truth(&s, &one, seed) == 1));
    }
}
