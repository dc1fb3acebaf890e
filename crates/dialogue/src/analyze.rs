//! Every path through a scenario, explored exhaustively with identical states merged, plus
//! seeded random players; and the warnings a trainer needs when a scenario teaches the wrong
//! lesson.

use std::collections::HashMap;

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use serde::Serialize;

use crate::messages::Msg;
use crate::msg;
use crate::scenario::{Outcome, Stance};
use crate::score::score_at;
use crate::script::{Script, State};

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

/// What the paths of one truth teach, for `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TruthLesson {
    /// The truth, by position.
    pub truth: u32,
    /// Some path of only peer (and neutral) signals ends qualified at an ending that fits it.
    pub peer_wins: bool,
    /// Some path of only customer-advocate (and neutral) signals does.
    pub advocate_wins: bool,
}

/// For every truth, whether peer play and customer-advocate play can win it; `None` when some
/// truth has more than `limit` states to explore.
pub fn truth_lessons(script: &Script, limit: usize) -> Option<Vec<TruthLesson>> {
    let sc = script.scenario();
    (0..script.truth_count().max(1) as u32)
        .map(|truth| {
            let (graph, exhaustive) = explore(script, limit, truth);
            if !exhaustive {
                return None;
            }
            let mut lesson = TruthLesson {
                truth,
                peer_wins: false,
                advocate_wins: false,
            };
            for (s, edges) in graph.edges.iter().enumerate() {
                let (state, class) = graph.keys[s];
                for &(c, to) in edges {
                    let To::End { ending, .. } = to else {
                        continue;
                    };
                    let won = sc.endings.at(ending as usize).1.outcome.is_qualified()
                        && crate::score::fits(script, ending, truth);
                    let class = class.then(script.signal(state.node, c).stance());
                    lesson.peer_wins |= won && class.all_peer && !class.all_advocate;
                    lesson.advocate_wins |= won && class.all_advocate && !class.all_peer;
                }
            }
            Some(lesson)
        })
        .collect()
}

/// Share (percent) of mixed decisions above which a line's length or position is a cue.
pub const CUE_LIMIT: f64 = 70.0;

/// Longest answer sequence [`deaf_win`] tries.
const DEAF_DEPTH: usize = 40;

/// One sequence of answers (choice indices, file order) that wins the call in every truth, if
/// there is one: a player who never listens could learn it. Calls whose nodes part ways between
/// truths are told apart by what is offered, so such a branch does not count; `None` too when
/// the search passes `limit` states.
pub fn deaf_win(script: &Script, limit: usize) -> Option<Vec<usize>> {
    let start: Vec<Option<State>> = (0..script.truth_count().max(1) as u32)
        .map(|t| Some(script.start_state_in(t)))
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut path = Vec::new();
    deaf(script, &start, &mut seen, &mut path, limit).then_some(path)
}

/// Depth-first: can the same answers from `states` (None: that truth's call already won) win
/// every one?
fn deaf(
    script: &Script,
    states: &[Option<State>],
    seen: &mut std::collections::HashSet<Vec<Option<State>>>,
    path: &mut Vec<usize>,
    limit: usize,
) -> bool {
    let Some(first) = states.iter().flatten().next() else {
        return true;
    };
    if states.iter().flatten().any(|s| s.node != first.node)
        || path.len() >= DEAF_DEPTH
        || seen.len() >= limit
        || !seen.insert(states.to_vec())
    {
        return false;
    }
    let offered: Vec<usize> = script.offered(first).collect();
    'choice: for c in offered {
        let mut next = Vec::with_capacity(states.len());
        for s in states {
            match s {
                None => next.push(None),
                Some(s) => {
                    if !script.is_offered(s, c) {
                        continue 'choice;
                    }
                    match script.apply(s, c) {
                        (after, None) => next.push(Some(after)),
                        (_, Some(e)) => {
                            let won = script
                                .scenario()
                                .endings
                                .at(e as usize)
                                .1
                                .outcome
                                .is_qualified()
                                && crate::score::fits(script, e, u32::from(s.truth));
                            if !won {
                                continue 'choice;
                            }
                            next.push(None);
                        }
                    }
                }
            }
        }
        path.push(c);
        if deaf(script, &next, seen, path, limit) {
            return true;
        }
        path.pop();
    }
    false
}

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

fn explore(script: &Script, limit: usize, truth: u32) -> (Graph, bool) {
    let mut index: HashMap<Key, u32> = HashMap::new();
    let mut graph = Graph {
        keys: Vec::new(),
        edges: Vec::new(),
    };
    let start = (script.start_state_in(truth), Class::START);
    index.insert(start, 0);
    graph.keys.push(start);
    let mut next = 0;
    while next < graph.keys.len() {
        if graph.keys.len() > limit {
            return (graph, false);
        }
        let (state, class) = graph.keys[next];
        let mut out = Vec::new();
        for c in script.offered(&state) {
            let class = class.then(script.signal(state.node, c).stance());
            let (after, ending) = script.apply(&state, c);
            let to = match ending {
                Some(e) => To::End {
                    ending: e,
                    trust: after.trust,
                    days: after.days(),
                },
                None => {
                    let key = (after, class);
                    let id = *index.entry(key).or_insert_with(|| {
                        graph.keys.push(key);
                        (graph.keys.len() - 1) as u32
                    });
                    To::State(id)
                }
            };
            out.push((c, to));
        }
        graph.edges.push(out);
        next += 1;
    }
    (graph, true)
}

/// For every state, per ending: paths, score and trust range, and the edges toward the best and
/// worst path. Iterative post-order; an edge back into a state still being explored is a cycle
/// and is left out (the counts become lower bounds).
fn aggregate(script: &Script, graph: &Graph, n: usize) -> (Vec<Vec<Option<Agg>>>, bool) {
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut mark = vec![NEW; graph.keys.len()];
    let mut aggs: Vec<Vec<Option<Agg>>> = vec![Vec::new(); graph.keys.len()];
    let mut cycles = false;
    let mut stack = vec![(0usize, 0usize)];
    mark[0] = OPEN;
    while let Some(&mut (s, ref mut i)) = stack.last_mut() {
        if let Some(&(_, to)) = graph.edges[s].get(*i) {
            *i += 1;
            if let To::State(t) = to {
                let t = t as usize;
                match mark[t] {
                    NEW => {
                        mark[t] = OPEN;
                        stack.push((t, 0));
                    }
                    OPEN => cycles = true,
                    _ => {}
                }
            }
            continue;
        }
        // All successors done: combine.
        let mut mine: Vec<Option<Agg>> = vec![None; n];
        for (edge, &(_, to)) in graph.edges[s].iter().enumerate() {
            match to {
                To::End {
                    ending,
                    trust,
                    days,
                } => {
                    let truth = u32::from(graph.keys[s].0.truth);
                    let sc = score_at(script, ending, truth, trust, days);
                    merge(
                        &mut mine[ending as usize],
                        Agg {
                            paths: 1,
                            min: (sc, trust),
                            max: (sc, trust),
                            best: edge,
                            worst: edge,
                        },
                    );
                }
                To::State(t) => {
                    let t = t as usize;
                    if mark[t] != DONE {
                        continue;
                    }
                    for e in 0..n {
                        if let Some(a) = aggs[t][e] {
                            merge(
                                &mut mine[e],
                                Agg {
                                    best: edge,
                                    worst: edge,
                                    ..a
                                },
                            );
                        }
                    }
                }
            }
        }
        aggs[s] = mine;
        mark[s] = DONE;
        stack.pop();
    }
    (aggs, cycles)
}

fn merge(slot: &mut Option<Agg>, new: Agg) {
    match slot {
        None => *slot = Some(new),
        Some(a) => {
            a.paths = a.paths.saturating_add(new.paths);
            if new.max > a.max {
                a.max = new.max;
                a.best = new.best;
            }
            if new.min < a.min {
                a.min = new.min;
                a.worst = new.worst;
            }
        }
    }
}

/// Follows the best (or worst) edges from the start to ending `e`.
fn path(
    script: &Script,
    graph: &Graph,
    aggs: &[Vec<Option<Agg>>],
    e: usize,
    best: bool,
) -> PathReport {
    let mut s = 0usize;
    let mut choices = Vec::new();
    let mut picks = Vec::new();
    loop {
        let a = aggs[s][e].expect("the ending is reachable from here");
        let edge = if best { a.best } else { a.worst };
        let (c, to) = graph.edges[s][edge];
        let state = graph.keys[s].0;
        choices.push(script.offered(&state).position(|x| x == c).unwrap_or(0) + 1);
        picks.push(c + 1);
        match to {
            To::State(t) => s = t as usize,
            To::End {
                ending,
                trust,
                days,
            } => {
                let e_id = ending;
                let (id, ending) = script.scenario().endings.at(ending as usize);
                return PathReport {
                    choices: if script.shuffles() {
                        picks.clone()
                    } else {
                        choices
                    },
                    picks,
                    truth: (script.truth_count() > 1).then(|| {
                        script
                            .scenario()
                            .truths
                            .at(usize::from(state.truth))
                            .0
                            .to_string()
                    }),
                    ending: id.to_string(),
                    outcome: ending.outcome,
                    trust,
                    days,
                    score: score_at(script, e_id, u32::from(state.truth), trust, days),
                };
            }
        }
    }
}

/// The wrong-lesson checks: an all-advocate path that ends qualified or scores well (or beats
/// every all-peer path), and an all-peer path that ends with resources wasted.
fn lesson_warnings(script: &Script, graph: &Graph, warnings: &mut Vec<Msg>) {
    let sc = script.scenario();
    let mut advocate_best: Option<(u32, usize, usize)> = None;
    let mut peer_best: Option<u32> = None;
    let mut advocate_qualified = None;
    let mut peer_wasted = None;
    for (s, edges) in graph.edges.iter().enumerate() {
        let (state, class) = graph.keys[s];
        for (edge, &(c, to)) in edges.iter().enumerate() {
            let To::End {
                ending,
                trust,
                days,
            } = to
            else {
                continue;
            };
            let class = class.then(script.signal(state.node, c).stance());
            let outcome = sc.endings.at(ending as usize).1.outcome;
            let points = score_at(script, ending, u32::from(state.truth), trust, days);
            if class.all_advocate && !class.all_peer {
                if outcome.is_qualified() && advocate_qualified.is_none() {
                    advocate_qualified = Some((s, edge));
                }
                if advocate_best.is_none_or(|(b, _, _)| points > b) {
                    advocate_best = Some((points, s, edge));
                }
            }
            if class.all_peer && !class.all_advocate {
                // With several truths a peer path can decide wrongly for what it heard: that
                // is the listening the call tests, not a wrong lesson.
                if outcome == Outcome::Wasted && peer_wasted.is_none() && script.truth_count() < 2 {
                    peer_wasted = Some((s, edge));
                }
                peer_best = Some(peer_best.map_or(points, |b| b.max(points)));
            }
        }
    }
    if let Some((s, edge)) = advocate_qualified {
        let (choices, ending) = describe(script, graph, s, edge);
        warnings.push(msg!(
            "analyze-advocate-qualified",
            choices = choices,
            ending = ending
        ));
    }
    if let Some((points, s, edge)) = advocate_best {
        if points >= WELL {
            let (choices, ending) = describe(script, graph, s, edge);
            warnings.push(msg!(
                "analyze-advocate-scores",
                points = points,
                choices = choices,
                ending = ending
            ));
        } else if let Some(peer) = peer_best
            && points > peer
        {
            let (choices, ending) = describe(script, graph, s, edge);
            warnings.push(msg!(
                "analyze-advocate-above-peer",
                points = points,
                peer = peer,
                choices = choices,
                ending = ending
            ));
        }
    }
    if let Some((s, edge)) = peer_wasted {
        let (choices, ending) = describe(script, graph, s, edge);
        warnings.push(msg!(
            "analyze-peer-wasted",
            choices = choices,
            ending = ending
        ));
    }
}

/// `choices 1,2,3 -> ending`, by walking the first-found parents back to the start.
/// The path to a state's edge: the choices' numbers as shown, and the ending it reaches.
fn describe(script: &Script, graph: &Graph, s: usize, edge: usize) -> (String, String) {
    // Parents by breadth-first order: the first edge that reached each state.
    let mut parent: Vec<Option<(usize, usize)>> = vec![None; graph.keys.len()];
    let mut seen = vec![false; graph.keys.len()];
    seen[0] = true;
    let mut queue = std::collections::VecDeque::from([0usize]);
    while let Some(u) = queue.pop_front() {
        for (c, &(_, to)) in graph.edges[u].iter().enumerate() {
            if let To::State(t) = to
                && !seen[t as usize]
            {
                seen[t as usize] = true;
                parent[t as usize] = Some((u, c));
                queue.push_back(t as usize);
            }
        }
    }
    let mut steps = vec![(s, edge)];
    let mut at = s;
    while let Some((p, c)) = parent[at] {
        steps.push((p, c));
        at = p;
    }
    steps.reverse();
    let numbers: Vec<String> = steps
        .iter()
        .map(|&(u, c)| {
            let choice = graph.edges[u][c].0;
            let state = graph.keys[u].0;
            (script
                .offered(&state)
                .position(|x| x == choice)
                .unwrap_or(0)
                + 1)
            .to_string()
        })
        .collect();
    let ending = match graph.edges[s][edge].1 {
        To::End { ending, .. } => script.ending_id(ending),
        To::State(_) => "?",
    };
    (numbers.join(","), ending.to_string())
}

/// Plays `runs` random players (uniform over the offered choices), player i seeded `seed + i`.
pub fn random_players(script: &Script, runs: u64, seed: u64) -> RandomReport {
    let sc = script.scenario();
    let mut counts = vec![0u64; sc.endings.len()];
    let mut unfinished = 0;
    let (mut sum, mut min, mut max) = (0u64, u32::MAX, 0u32);
    let mut histogram = [0u64; 10];
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut offered = Vec::with_capacity(8);
    for i in 0..runs {
        // Player i is in the truth its call's seed would draw.
        let mut state = script.start_state_in(script.truth_for_seed(seed.wrapping_add(i)));
        let mut finished = None;
        for _ in 0..MAX_STEPS {
            offered.clear();
            offered.extend(script.offered(&state));
            if offered.is_empty() {
                break;
            }
            let pick = offered[(rng.next_u32() as usize) % offered.len()];
            let (after, ending) = script.apply(&state, pick);
            state = after;
            if let Some(e) = ending {
                finished = Some(e);
                break;
            }
        }
        match finished {
            Some(e) => {
                counts[e as usize] += 1;
                let points = score_at(script, e, u32::from(state.truth), state.trust, state.days());
                sum += u64::from(points);
                min = min.min(points);
                max = max.max(points);
                histogram[(points as usize / 10).min(9)] += 1;
            }
            None => unfinished += 1,
        }
    }
    let finished = runs - unfinished;
    RandomReport {
        runs,
        seed,
        endings: sc
            .endings
            .iter()
            .map(|(id, _)| id.to_string())
            .zip(counts)
            .collect(),
        unfinished,
        score_mean: if finished > 0 {
            sum as f64 / finished as f64
        } else {
            0.0
        },
        score_min: if finished > 0 { min } else { 0 },
        score_max: max,
        score_histogram: histogram,
    }
}

impl Analysis {
    /// The analysis as text for the terminal, in English.
    pub fn to_text(&self) -> String {
        self.to_text_in("en")
    }

    /// The analysis as text for the terminal, in `lang` (its words from the engine's message
    /// files; ids, numbers and paths as they are).
    pub fn to_text_in(&self, lang: &str) -> String {
        use std::fmt::Write;
        let t = |m: Msg| m.localized(lang);
        let yes = |b: bool| if b { "yes" } else { "no" };
        let outcome = |o: Outcome| t(msg!("analyze-outcome", outcome = format!("{o:?}")));
        // The outcome column is as wide as this language's longest outcome.
        let ow = Outcome::ALL
            .map(|o| outcome(o).chars().count())
            .into_iter()
            .max()
            .unwrap_or(0)
            .max(16);
        let mut o = String::new();
        let _ = writeln!(
            o,
            "{}",
            t(msg!(
                "analyze-head",
                scenario = self.scenario,
                exhaustive = yes(self.exhaustive),
                cycles = yes(self.cycles)
            )
            .number("states", self.states as i64))
        );
        if self
            .best
            .as_ref()
            .is_some_and(|b| b.choices == b.picks && b.truth.is_some())
        {
            let _ = writeln!(o, "{}", t(msg!("analyze-picks-note")));
        }
        if self.exhaustive {
            let _ = writeln!(o, "\n{}", t(msg!("analyze-endings")));
            for e in &self.endings {
                let row = match (&e.best, e.score, e.trust) {
                    (Some(best), Some((smin, smax)), Some((tmin, tmax))) => t(msg!(
                        "analyze-ending-row",
                        count = format!("{:>6}", e.paths),
                        score = format!("{smin}-{smax}"),
                        trust = format!("{tmin}-{tmax}"),
                        best = join(&best.choices)
                    )
                    .number("paths", e.paths as i64)),
                    _ => t(msg!("analyze-unreachable")),
                };
                let _ = writeln!(o, "  {:<20} {:<ow$} {row}", e.id, outcome(e.outcome));
            }
            for (m, path, gap) in [
                (msg!("analyze-highest"), &self.best, "\n"),
                (msg!("analyze-lowest"), &self.worst, ""),
            ] {
                if let Some(p) = path {
                    let mut m = m;
                    m.args = vec![
                        ("choices", join(&p.choices)),
                        ("ending", p.ending.clone()),
                        ("outcome", outcome(p.outcome)),
                        ("score", p.score.to_string()),
                    ];
                    let _ = writeln!(o, "{gap}{}", t(m));
                }
            }
            let _ = writeln!(
                o,
                "{}",
                t(msg!("analyze-dead-end-count", count = self.dead_ends))
            );
        }
        if let Some(r) = &self.random {
            let _ = writeln!(
                o,
                "\n{}",
                t(msg!(
                    "analyze-random",
                    seed = r.seed,
                    mean = decimal(r.score_mean, lang),
                    min = r.score_min,
                    max = r.score_max
                )
                .number("runs", r.runs as i64))
            );
            for (id, n) in &r.endings {
                let pct = 100.0 * *n as f64 / r.runs.max(1) as f64;
                let _ = writeln!(
                    o,
                    "  {id:<20} {n:>8}  {:>5}%  {}",
                    decimal(pct, lang),
                    "#".repeat((pct / 2.5).round() as usize)
                );
            }
            if r.unfinished > 0 {
                let _ = writeln!(
                    o,
                    "  {:<20} {:>8}",
                    t(msg!("analyze-never-ended")),
                    r.unfinished
                );
            }
        }
        for tr in &self.truths {
            let _ = writeln!(
                o,
                "\n{}",
                t(msg!("analyze-truth", id = tr.id, title = tr.title))
            );
            for e in &tr.endings {
                let row = t(msg!(
                    "analyze-truth-row",
                    count = format!("{:>6}", e.paths),
                    score = e.score.map_or("-".into(), |(a, b)| format!("{a}-{b}"))
                )
                .number("paths", e.paths as i64));
                let _ = writeln!(o, "  {:<20} {:<ow$} {row}", e.id, outcome(e.outcome));
            }
            if let Some(b) = &tr.best {
                let _ = writeln!(
                    o,
                    "  {}",
                    t(msg!(
                        "analyze-truth-best",
                        choices = join(&b.choices),
                        ending = b.ending,
                        score = b.score
                    ))
                );
            }
        }
        if let Some(first) = self.habits.first() {
            let per_truth = first.truths.len() > 1;
            let _ = writeln!(
                o,
                "\n{}",
                t(msg!("analyze-habits", per_truth = yes(per_truth))
                    .number("calls", first.calls as i64))
            );
            let label = |h: &crate::strategies::HabitReport| {
                t(msg!("analyze-habit", habit = format!("{:?}", h.habit)))
            };
            // The habit column is as wide as this language's longest habit.
            let hw = self
                .habits
                .iter()
                .map(|h| label(h).chars().count())
                .max()
                .unwrap_or(0)
                .max(42);
            for h in &self.habits {
                let label = label(h);
                let mut line = format!(
                    "  {label:<hw$} {}",
                    t(msg!(
                        "analyze-habit-row",
                        won = format!("{:>5}", decimal(h.won_pct(), lang)),
                        score = format!("{:>5}", decimal(h.score_mean, lang))
                    ))
                );
                if per_truth {
                    let parts: Vec<String> = h
                        .truths
                        .iter()
                        .map(|(id, n, w)| {
                            format!("{id} {:.0}%", 100.0 * *w as f64 / (*n).max(1) as f64)
                        })
                        .collect();
                    line.push_str(&format!("  ({})", parts.join(", ")));
                }
                let _ = writeln!(o, "{line}");
            }
        }
        if self.warnings.is_empty() {
            let _ = writeln!(o, "\n{}", t(msg!("analyze-no-warnings")));
        } else {
            let _ = writeln!(o);
            for w in &self.warnings {
                let _ = writeln!(
                    o,
                    "{}",
                    t(msg!("analyze-warning", warning = w.said_in(lang)))
                );
            }
        }
        o
    }
}

/// `x` with one decimal, as `lang` writes it (`2.5`, or `2,5` where a comma is the decimal mark).
fn decimal(x: f64, lang: &str) -> String {
    let s = format!("{x:.1}");
    if crate::messages::DECIMAL_COMMA.contains(&lang) {
        s.replace('.', ",")
    } else {
        s
    }
}

fn join(choices: &[usize]) -> String {
    choices
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(",")
}
