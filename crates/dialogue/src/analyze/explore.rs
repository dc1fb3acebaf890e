//! Exhaustive exploration: every state of one truth's call, the graph of moves between them,
//! and per state and ending the paths, score and trust ranges and the best and worst path.

use std::collections::HashMap;

use super::*;

pub(super) fn explore(script: &Script, limit: usize, truth: u32) -> (Graph, bool) {
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
pub(super) fn aggregate(script: &Script, graph: &Graph, n: usize) -> (Vec<Vec<Option<Agg>>>, bool) {
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
pub(super) fn path(
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
