//! Every path through a scenario, explored exhaustively with identical states merged, plus
//! seeded random players; and the warnings a trainer needs when a scenario teaches the wrong
//! lesson.

use serde::Serialize;

use crate::messages::Msg;
use crate::msg;
use crate::scenario::{Outcome, Stance};
use crate::score::score_at;
use crate::script::{Script, State};

mod explore;
mod lessons;
mod random;
mod text;

use explore::{aggregate, explore, path};
use lessons::lesson_warnings;
pub use lessons::{TruthLesson, deaf_win, truth_lessons};
pub use random::random_players;

/// Default cap on distinct states before exhaustive exploration gives up and samples instead.
pub const DEFAULT_STATE_LIMIT: usize = 400_000;
/// Steps after which a random player is stopped (a scenario loop that never ends).
const MAX_STEPS: usize = 10_000;
/// Score at or above which a customer-advocate path "scores well".
pub const WELL: u32 = 50;

/// One path through the call: the choice numbers as offered, and where it ends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathReport {
    /// Choice numbers, 1-based as offered in file order (`peercall run --choices`); in a scenario
    /// that shuffles its choices no number is shown the same on every seed, and these are the
    /// `picks`.
    pub choices: Vec<usize>,
    /// The same choices by their place in the file (`peercall run --picks`, on any seed).
    pub picks: Vec<usize>,
    /// The truth the path is in (`peercall run --truth`), in a scenario with several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truth: Option<String>,
    /// The ending's id.
    pub ending: String,
    /// The outcome kind.
    pub outcome: Outcome,
    /// Final trust.
    pub trust: i32,
    /// Person-days committed.
    pub days: f64,
    /// Score 0-100.
    pub score: u32,
}

/// What exploration found for one ending.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EndingReport {
    /// The ending's id.
    pub id: String,
    /// Its outcome kind.
    pub outcome: Outcome,
    /// Whether any path reaches it.
    pub reachable: bool,
    /// Number of distinct paths reaching it (saturating; a lower bound when `cycles`).
    pub paths: u64,
    /// Lowest and highest trust on arrival.
    pub trust: Option<(i32, i32)>,
    /// Lowest and highest score.
    pub score: Option<(u32, u32)>,
    /// The highest-scoring path to it.
    pub best: Option<PathReport>,
    /// The lowest-scoring path to it.
    pub worst: Option<PathReport>,
}

/// What random players did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RandomReport {
    /// Number of players.
    pub runs: u64,
    /// Seed of the first player (player i uses seed + i).
    pub seed: u64,
    /// How many ended at each ending, in file order: (id, count).
    pub endings: Vec<(String, u64)>,
    /// Players stopped after too many steps without an ending.
    pub unfinished: u64,
    /// Mean, lowest and highest score.
    pub score_mean: f64,
    /// Lowest score.
    pub score_min: u32,
    /// Highest score.
    pub score_max: u32,
    /// How many players scored in each tenth: 0-9, 10-19, ..., 90-100.
    pub score_histogram: [u64; 10],
}

/// The whole analysis of one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// Scenario id.
    pub scenario: String,
    /// Whether every path was explored (false: too large, only sampled).
    pub exhaustive: bool,
    /// Distinct states explored (a state: node, trust, peer contract, commitment, flags, and
    /// whether the path so far was all customer-advocate or all peer signals).
    pub states: usize,
    /// Whether some states can repeat (a loop that changes nothing); path counts are then lower
    /// bounds.
    pub cycles: bool,
    /// States where no choice is offered.
    pub dead_ends: usize,
    /// Every ending, in file order.
    pub endings: Vec<EndingReport>,
    /// The highest-scoring path.
    pub best: Option<PathReport>,
    /// The lowest-scoring path.
    pub worst: Option<PathReport>,
    /// Random players, when asked for.
    pub random: Option<RandomReport>,
    /// Scripted players with fixed habits (always the longest line, whatever raises the meter,
    /// ...), each over the same calls, as many as the random players up to 1,000.
    pub habits: Vec<crate::strategies::HabitReport>,
    /// Problems a trainer should fix (in JSON: in English words).
    pub warnings: Vec<Warning>,
    /// How lines look where customer-advocate and peer lines are both on offer (random players'
    /// decisions, as many calls as the habits): whether position or length gives the peer line
    /// away.
    pub cues: Option<crate::strategies::Cues>,
    /// For scenarios with truths: what each one allows.
    pub truths: Vec<TruthReport>,
}

/// The paths of one truth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TruthReport {
    /// The truth's id.
    pub id: String,
    /// What is going on in it.
    pub title: String,
    /// The endings reached in it.
    pub endings: Vec<TruthEnding>,
    /// Its highest-scoring path.
    pub best: Option<PathReport>,
}

/// An ending as reached in one truth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TruthEnding {
    /// The ending's id.
    pub id: String,
    /// Its outcome.
    pub outcome: Outcome,
    /// Paths to it in this truth.
    pub paths: u64,
    /// Lowest and highest score on arrival.
    pub score: Option<(u32, u32)>,
}

/// The union of two ranges.
fn widest<T: Ord + Copy>(a: Option<(T, T)>, b: Option<(T, T)>) -> Option<(T, T)> {
    match (a, b) {
        (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
        (a, None) => a,
        (None, b) => b,
    }
}

/// Whether a path so far used only customer-advocate signals, only peer signals, or both kinds.
/// Neutral signals keep either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Class {
    all_advocate: bool,
    all_peer: bool,
}

impl Class {
    const START: Class = Class {
        all_advocate: true,
        all_peer: true,
    };

    fn then(self, stance: Stance) -> Class {
        match stance {
            Stance::Peer => Class {
                all_advocate: false,
                ..self
            },
            Stance::Advocate => Class {
                all_peer: false,
                ..self
            },
            Stance::Neutral => self,
        }
    }
}

type Key = (State, Class);

/// An edge: the choice index taken and where it goes.
#[derive(Debug, Clone, Copy)]
enum To {
    State(u32),
    End { ending: u32, trust: i32, days: f64 },
}

/// Per-ending aggregate from one state to the end.
#[derive(Debug, Clone, Copy)]
struct Agg {
    paths: u64,
    min: (u32, i32),
    max: (u32, i32),
    /// The edge taken toward the best and the worst path.
    best: usize,
    worst: usize,
}

struct Graph {
    keys: Vec<Key>,
    edges: Vec<Vec<(usize, To)>>,
}

/// Share (percent) of mixed decisions above which a line's length or position is a cue.
pub const CUE_LIMIT: f64 = 70.0;

/// Calls each scripted habit plays in an analysis.
pub const HABIT_CALLS: u64 = 1_000;

/// Explores every path of `script`, up to `limit` distinct states; with `runs` > 0 also plays
/// that many random players from `seed`.
/// What the exhaustive exploration of one truth found.
struct Explored {
    exhaustive: bool,
    states: usize,
    cycles: bool,
    dead_ends: usize,
    endings: Vec<EndingReport>,
    best: Option<PathReport>,
    worst: Option<PathReport>,
    warnings: Vec<Msg>,
}

/// A problem the analysis found: a message, and the truth it was found in when the scenario
/// has several.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// The truth, when the problem is in one of several.
    pub truth: Option<String>,
    /// What is wrong.
    pub msg: Msg,
}

impl Warning {
    /// The warning in `lang`.
    pub fn said_in(&self, lang: &str) -> String {
        let said = self.msg.localized(lang);
        match &self.truth {
            Some(t) => msg!("analyze-in-truth", truth = t, warning = said).localized(lang),
            None => said,
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said_in("en"))
    }
}

/// In JSON a warning is its English text, as tools have always read it.
impl Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.said_in("en"))
    }
}

/// Every path of the call in truth `truth`.
fn explore_truth(script: &Script, truth: u32, limit: usize) -> Explored {
    let sc = script.scenario();
    let n_endings = sc.endings.len();
    let (graph, exhaustive) = explore(script, limit, truth);
    let mut warnings = Vec::new();
    let mut endings: Vec<EndingReport> = sc
        .endings
        .iter()
        .map(|(id, e)| EndingReport {
            id: id.to_string(),
            outcome: e.outcome,
            reachable: false,
            paths: 0,
            trust: None,
            score: None,
            best: None,
            worst: None,
        })
        .collect();
    let mut cycles = false;
    let mut dead_ends = 0;
    let (mut best, mut worst) = (None, None);
    if exhaustive {
        let (aggs, has_cycles) = aggregate(script, &graph, n_endings);
        cycles = has_cycles;
        dead_ends = graph.edges.iter().filter(|e| e.is_empty()).count();
        for (e, report) in endings.iter_mut().enumerate() {
            if let Some(a) = aggs[0][e] {
                report.reachable = true;
                report.paths = a.paths;
                report.trust = Some((a.min.1.min(a.max.1), a.max.1.max(a.min.1)));
                report.score = Some((a.min.0, a.max.0));
                report.best = Some(path(script, &graph, &aggs, e, true));
                report.worst = Some(path(script, &graph, &aggs, e, false));
            }
        }
        best = endings
            .iter()
            .filter_map(|e| e.best.clone())
            .max_by_key(|p| p.score);
        worst = endings
            .iter()
            .filter_map(|e| e.worst.clone())
            .min_by_key(|p| p.score);
        lesson_warnings(script, &graph, &mut warnings);
        if dead_ends > 0 {
            warnings.push(msg!("analyze-dead-ends").number("count", dead_ends as i64));
        }
    } else {
        warnings.push(msg!("analyze-too-large", limit = limit));
    }
    Explored {
        exhaustive,
        states: graph.keys.len(),
        cycles,
        dead_ends,
        endings,
        best,
        worst,
        warnings,
    }
}

/// Explores every path of `script`, up to `limit` distinct states, in every truth it declares;
/// with `runs` > 0 also plays that many random players from `seed`, and the scripted habits.
pub fn analyze(script: &Script, runs: u64, seed: u64, limit: usize) -> Analysis {
    let sc = script.scenario();
    let per: Vec<Explored> = (0..script.truth_count().max(1) as u32)
        .map(|t| explore_truth(script, t, limit))
        .collect();
    let exhaustive = per.iter().all(|p| p.exhaustive);
    let mut warnings = Vec::new();
    let named = script.truth_count() > 1;
    for (t, p) in per.iter().enumerate() {
        for w in &p.warnings {
            warnings.push(Warning {
                truth: named.then(|| sc.truths.at(t).0.to_string()),
                msg: w.clone(),
            });
        }
    }
    // Endings over every truth: reached in any, paths added up, the widest ranges.
    let mut endings = per[0].endings.clone();
    for p in &per[1..] {
        for (e, other) in endings.iter_mut().zip(&p.endings) {
            e.reachable |= other.reachable;
            e.paths += other.paths;
            e.trust = widest(e.trust, other.trust);
            e.score = widest(e.score, other.score);
            if other.best.as_ref().map(|b| b.score) > e.best.as_ref().map(|b| b.score) {
                e.best = other.best.clone();
            }
            let worse = match (&e.worst, &other.worst) {
                (Some(w), Some(o)) => o.score < w.score,
                (None, Some(_)) => true,
                _ => false,
            };
            if worse {
                e.worst = other.worst.clone();
            }
        }
    }
    if exhaustive {
        for e in endings.iter().filter(|e| !e.reachable) {
            if sc.trust.hang_up != e.id {
                warnings.push(Warning {
                    truth: None,
                    msg: sc
                        .endings
                        .position(&e.id)
                        .and_then(|i| crate::unreached::reason(script, i as u32, limit))
                        .unwrap_or_else(|| msg!("analyze-never-reached", id = e.id)),
                });
            }
        }
    }
    let best = per
        .iter()
        .filter_map(|p| p.best.clone())
        .max_by_key(|p| p.score);
    let worst = per
        .iter()
        .filter_map(|p| p.worst.clone())
        .min_by_key(|p| p.score);
    let truths = if named {
        per.iter()
            .enumerate()
            .map(|(t, p)| TruthReport {
                id: sc.truths.at(t).0.to_string(),
                title: sc.truths.at(t).1.title.clone(),
                endings: p
                    .endings
                    .iter()
                    .filter(|e| e.reachable)
                    .map(|e| TruthEnding {
                        id: e.id.clone(),
                        outcome: e.outcome,
                        paths: e.paths,
                        score: e.score,
                    })
                    .collect(),
                best: p.best.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let states = per.iter().map(|p| p.states).sum();
    let cycles = per.iter().any(|p| p.cycles);
    let dead_ends = per.iter().map(|p| p.dead_ends).sum();
    let runs = if exhaustive { runs } else { runs.max(10_000) };
    let random = (runs > 0).then(|| random_players(script, runs, seed));
    if let Some(r) = &random
        && r.unfinished > 0
    {
        warnings.push(Warning {
            truth: None,
            msg: msg!("analyze-unfinished", lines = MAX_STEPS).number("count", r.unfinished as i64),
        });
    }
    let habits = if runs > 0 {
        crate::strategies::play_habits(script, runs.min(HABIT_CALLS), seed)
    } else {
        Vec::new()
    };
    let cues = (runs > 0).then(|| crate::strategies::cues(script, runs.min(HABIT_CALLS), seed));
    if let Some(c) = &cues {
        warnings.extend(
            c.warnings(CUE_LIMIT)
                .into_iter()
                .map(|msg| Warning { truth: None, msg }),
        );
    }
    // The meter must follow the situation where the call is decided.
    for b in crate::deciding::blind_lines(script, limit).unwrap_or_default() {
        warnings.push(Warning {
            truth: None,
            msg: msg!(
                "analyze-blind-meter",
                node = b.line.node,
                choice = b.line.choice + 1,
                say = crate::diagnostic::clip(&b.line.say, 60),
                trust = format!("{:+}", b.trust)
            ),
        });
    }
    for (truth, node) in crate::deciding::told_late(script, limit).unwrap_or_default() {
        warnings.push(Warning {
            truth: Some(truth),
            msg: msg!("analyze-told-late", node = node),
        });
    }
    for t in crate::deciding::tells(script, limit).unwrap_or_default() {
        warnings.push(Warning {
            truth: None,
            msg: msg!(
                "analyze-tell",
                node = t.node,
                choice = t.choice + 1,
                say = crate::diagnostic::clip(&t.say, 60)
            ),
        });
    }
    if named && let Some(answers) = deaf_win(script, limit) {
        warnings.push(Warning {
            truth: None,
            msg: msg!(
                "analyze-deaf-win",
                choices = join(&answers.iter().map(|c| c + 1).collect::<Vec<_>>())
            ),
        });
    }
    Analysis {
        scenario: sc.id.clone(),
        cues,
        habits,
        truths,
        exhaustive,
        states,
        cycles,
        dead_ends,
        endings,
        best,
        worst,
        random,
        warnings,
    }
}

fn join(choices: &[usize]) -> String {
    choices
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(",")
}
