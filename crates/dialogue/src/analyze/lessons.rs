//! What the paths teach: each truth's winnability by peer and customer-advocate play, the
//! answers that win every truth without listening, and the wrong-lesson warnings.

use super::*;

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

/// The wrong-lesson checks: an all-advocate path that ends qualified or scores well (or beats
/// every all-peer path), and an all-peer path that ends with resources wasted.
pub(super) fn lesson_warnings(script: &Script, graph: &Graph, warnings: &mut Vec<Msg>) {
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
