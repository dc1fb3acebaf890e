//! What a finished call means: the score, its tier, and the turn-by-turn debrief.

use serde::Serialize;

use crate::call::Call;
use crate::scenario::{Outcome, Signal};
use crate::script::Script;

/// Points for the outcome (out of 60).
pub fn outcome_points(outcome: Outcome) -> f64 {
    match outcome {
        Outcome::QualifiedIn | Outcome::QualifiedOut => 60.0,
        Outcome::Wasted => 15.0,
        Outcome::Lost => 0.0,
    }
}

/// The score of a finished call, 0-100:
/// - 60 for the outcome (qualified in or out 60, wasted 15, lost 0);
/// - 25 for trust, in proportion to where it ends in the meter's range;
/// - 15 for resources: full marks when no more than the scenario's `days_needed` was committed,
///   then falling as (needed + 0.5) / (committed + 0.5).
pub fn score(script: &Script, outcome: Outcome, trust: i32, days: f64) -> u32 {
    score_needing(script, outcome, trust, days, script.scenario().days_needed)
}

/// [`score`] with `needed` person-days in place of the scenario's `days_needed`.
fn score_needing(script: &Script, outcome: Outcome, trust: i32, days: f64, needed: f32) -> u32 {
    let sc = script.scenario();
    let range = f64::from((sc.trust.max - sc.trust.min).max(1));
    let trust_part = 25.0 * f64::from(trust - sc.trust.min) / range;
    let needed = f64::from(needed.max(0.0));
    let resources = if days <= needed + 1e-9 {
        1.0
    } else {
        (needed + 0.5) / (days + 0.5)
    };
    let total = outcome_points(outcome) + trust_part + 15.0 * resources;
    total.round().clamp(0.0, 100.0) as u32
}

/// Whether ending `ending` fits truth `truth` (always, in a scenario without truths or for a
/// truth that names no endings).
pub fn fits(script: &Script, ending: u32, truth: u32) -> bool {
    let sc = script.scenario();
    if sc.truths.is_empty() {
        return true;
    }
    let (_, t) = sc.truths.at((truth as usize).min(sc.truths.len() - 1));
    let (id, _) = sc.endings.at(ending as usize);
    t.fits.is_empty() || t.fits.iter().any(|f| f == id)
}

/// The score of ending `ending` reached in truth `truth`: [`score`], with a qualified ending
/// that does not fit the truth scored as a wasted call, and the truth's `days_needed` (if it
/// gives one) as the work the opportunity deserves.
pub fn score_at(script: &Script, ending: u32, truth: u32, trust: i32, days: f64) -> u32 {
    let sc = script.scenario();
    let outcome = sc.endings.at(ending as usize).1.outcome;
    let counted = if outcome.is_qualified() && !fits(script, ending, truth) {
        Outcome::Wasted
    } else {
        outcome
    };
    let needed = sc
        .truths
        .iter()
        .nth(truth as usize)
        .and_then(|(_, t)| t.days_needed)
        .unwrap_or(sc.days_needed);
    score_needing(script, counted, trust, days, needed)
}

/// A word for a score band, shown beside the number.
pub fn tier(score: u32) -> &'static str {
    match score {
        90.. => "Business peer",
        75..=89 => "Trusted resource",
        50..=74 => "Getting there",
        25..=49 => "Customer advocate",
        _ => "Order taker",
    }
}

/// The better line that was on offer at a turn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Better {
    /// Its words.
    pub say: String,
    /// The signal it would have sent.
    pub signal: Signal,
    /// The trust change it would have brought.
    pub trust: i32,
    /// What the debrief says about it.
    pub feedback: String,
}

/// One player turn, reviewed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TurnReview {
    /// 1-based turn number.
    pub turn: usize,
    /// Where the chosen line was shown among the choices (1-based; the order is drawn from the
    /// seed in a scenario that shuffles).
    pub shown: u32,
    /// What the prospect had just said.
    pub prospect: String,
    /// What the player said.
    pub said: String,
    /// The signal it sent.
    pub signal: Signal,
    /// The signal's name in plain words.
    pub signal_label: &'static str,
    /// What the signal tells a prospect.
    pub explanation: &'static str,
    /// Trust before the line.
    pub trust_before: i32,
    /// Trust after the line.
    pub trust_after: i32,
    /// The scenario's comment on this line.
    pub feedback: String,
    /// The best line on offer at this turn, when it would have done better.
    pub better: Option<Better>,
}

/// Everything a debrief shows about a finished call.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debrief {
    /// Scenario id.
    pub scenario: String,
    /// Ending id.
    pub ending: String,
    /// Outcome kind.
    pub outcome: Outcome,
    /// One-line headline.
    pub headline: String,
    /// What to take away.
    pub lesson: String,
    /// Score 0-100.
    pub score: u32,
    /// Tier for the score.
    pub tier: &'static str,
    /// Final trust.
    pub trust: i32,
    /// Person-days committed.
    pub days: f64,
    /// Person-days the scenario considers necessary.
    pub days_needed: f64,
    /// Whether the prospect hung up.
    pub hung_up: bool,
    /// Whether a peer contract was set up.
    pub peer_contract: bool,
    /// Turn by turn.
    pub turns: Vec<TurnReview>,
    /// What was really going on behind the request, for scenarios with `truths`.
    pub truth: Option<TruthReview>,
}

/// The truth behind a call, revealed in the debrief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TruthReview {
    /// The truth's id.
    pub id: String,
    /// What was going on, in a few words.
    pub title: String,
    /// What the player could have heard, and what it should have changed.
    pub debrief: String,
    /// Whether the ending fits what was going on (a qualified ending that does not is scored as
    /// a wasted call).
    pub fits: bool,
    /// The prospect's line that told it away, and the turn (1-based) it was said at; `None`
    /// when the call ended before the prospect said it.
    pub revealed_by: Option<(usize, String)>,
}

impl Debrief {
    /// The debrief of a finished call; `None` while it is still going.
    pub fn of(call: &Call, script: &Script) -> Option<Debrief> {
        let finish = *call.finish()?;
        let sc = script.scenario();
        let (ending_id, ending) = sc.endings.at(finish.ending as usize);
        let outcome = ending.outcome;
        let score = call.score(script)?;
        let states = call.states_before_turns(script);
        let mut turns = Vec::with_capacity(call.turns().len());
        for (i, (t, state)) in call.turns().iter().zip(states).enumerate() {
            let node = sc.nodes.at(t.node as usize).1;
            let chosen = &node.choices[t.choice as usize];
            // The better line is one that can still end well in the call's truth, then the best
            // peer-stance line on offer, then the highest trust: a business question that costs
            // a little trust still beats a thank-you that gains some, and the decision that fits
            // what the prospect said beats one that sounds as good.
            let rank = |c: usize| {
                let peer = node.choices[c].signal.stance() == crate::scenario::Stance::Peer;
                (
                    script.can_end_well(&state, c),
                    peer,
                    script.resolve(&state, c).trust,
                )
            };
            let chosen_rank = rank(t.choice as usize);
            let best = script
                .offered(&state)
                .map(|c| (rank(c), c))
                .max_by_key(|&(r, c)| (r, std::cmp::Reverse(c)));
            let better = best
                .filter(|&(r, c)| r > chosen_rank && c != t.choice as usize)
                .map(|(r, c)| (r.2, c))
                .map(|(trust, c)| Better {
                    say: node.choices[c].say.clone(),
                    signal: node.choices[c].signal,
                    trust,
                    feedback: node.choices[c].feedback.clone(),
                });
            turns.push(TurnReview {
                turn: i + 1,
                shown: t.shown,
                prospect: script.lines(&state)[t.variant as usize].clone(),
                said: chosen.wording(t.wording).to_string(),
                signal: t.signal,
                signal_label: t.signal.label(),
                explanation: t.signal.explanation(),
                trust_before: t.trust_before,
                trust_after: t.trust_after,
                feedback: chosen.feedback.clone(),
                better,
            });
        }
        let days = call.days();
        let needed = f64::from(
            sc.truths
                .iter()
                .nth(call.truth() as usize)
                .and_then(|(_, t)| t.days_needed)
                .unwrap_or(sc.days_needed)
                .max(0.0),
        );
        let headline = if ending.title.is_empty() {
            headline(outcome, days, needed, finish.hung_up)
        } else {
            ending.title.clone()
        };
        let truth = (!sc.truths.is_empty()).then(|| {
            let (id, t) = sc.truths.at(call.truth() as usize);
            TruthReview {
                id: id.to_string(),
                title: t.title.clone(),
                debrief: t.debrief.clone(),
                fits: fits(script, finish.ending, call.truth()),
                revealed_by: call
                    .revealed_at(script)
                    .and_then(|i| turns.get(i).map(|r| (i + 1, r.prospect.clone()))),
            }
        });
        Some(Debrief {
            scenario: sc.id.clone(),
            ending: ending_id.to_string(),
            outcome,
            headline,
            lesson: ending.lesson.clone(),
            score,
            tier: tier(score),
            trust: call.trust(),
            days,
            days_needed: needed,
            hung_up: finish.hung_up,
            peer_contract: call.state().peer_contract,
            turns,
            truth,
        })
    }
}

/// A headline generated from the outcome when the ending has no title.
pub fn headline(outcome: Outcome, days: f64, needed: f64, hung_up: bool) -> String {
    let d = format_days(days);
    match outcome {
        Outcome::QualifiedIn => format!("Qualified in, with {d} person-days committed"),
        Outcome::QualifiedOut => format!("Qualified out early, with only {d} person-days spent"),
        Outcome::Wasted => format!(
            "{d} person-days of free work for a deal that was never real{}",
            if needed > 0.0 {
                format!(" (needed: {})", format_days(needed))
            } else {
                String::new()
            }
        ),
        Outcome::Lost if hung_up => "The prospect hung up".into(),
        Outcome::Lost => "The prospect walked away".into(),
    }
}

/// Person-days as a short number: `10`, `0.25`, `1.5`.
pub fn format_days(days: f64) -> String {
    let s = format!("{days:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}
