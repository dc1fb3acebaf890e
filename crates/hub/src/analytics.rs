//! What a trainer reads from a competition's results: outcomes per team, the signals each team
//! gets wrong most (how often a better line was on offer when they sent it), and per scenario
//! and truth, the share of players who took each choice at each node; the habit to fix per
//! player and team.

use std::collections::BTreeMap;

use peercall_core::library::Library;
use peercall_core::records::Record;
use peercall_dialogue::{Call, Debrief};
use serde::Serialize;

/// One team's outcomes and signals.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TeamReport {
    /// The team ("" for players without one).
    pub team: String,
    /// Calls counted.
    pub calls: u64,
    /// Calls per outcome label ("qualified in", "resources wasted", ...).
    pub outcomes: BTreeMap<String, u64>,
    /// Per signal label: (times sent, times a better line was on offer).
    pub signals: BTreeMap<String, (u64, u64)>,
}

impl TeamReport {
    /// The signals in the order a trainer should look at them: most often bettered first (at
    /// least two sent), as (label, sent, bettered).
    pub fn worst_signals(&self) -> Vec<(String, u64, u64)> {
        let mut v: Vec<(String, u64, u64)> = self
            .signals
            .iter()
            .filter(|(_, (sent, bettered))| *sent >= 2 && *bettered > 0)
            .map(|(s, (sent, bettered))| (s.clone(), *sent, *bettered))
            .collect();
        v.sort_by(|a, b| {
            (b.2 * a.1)
                .cmp(&(a.2 * b.1))
                .then_with(|| b.2.cmp(&a.2))
                .then_with(|| a.0.cmp(&b.0))
        });
        v
    }
}

/// How often each choice was taken at one node, in one truth of one scenario.
#[derive(Debug, Clone, Serialize)]
pub struct NodeReport {
    /// The node's id.
    pub node: String,
    /// What the prospect said there, as the first of these players heard it.
    pub prospect: String,
    /// Per choice in file order: (what the player says, its signal label, times taken).
    pub choices: Vec<(String, String, u64)>,
}

/// The choices taken in one scenario and truth.
#[derive(Debug, Clone, Serialize)]
pub struct PathsReport {
    /// The scenario's id.
    pub scenario: String,
    /// The truth's id ("" in a scenario without truths).
    pub truth: String,
    /// Calls counted.
    pub calls: u64,
    /// Nodes in file order, those some player reached.
    pub nodes: Vec<NodeReport>,
    /// Each move players made: (from node, choice in file order from 0, to a node or
    /// `end:<ending>`, times).
    pub moves: Vec<(String, usize, String, u64)>,
}

impl PathsReport {
    /// Per node, how many moves players made from it (every choice taken there).
    pub fn taken_at(&self) -> BTreeMap<&str, u64> {
        let mut at: BTreeMap<&str, u64> = BTreeMap::new();
        for (from, _, _, n) in &self.moves {
            *at.entry(from.as_str()).or_default() += n;
        }
        at
    }
}

/// The whole analysis of a competition's results.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Analytics {
    /// Per team, by name.
    pub teams: Vec<TeamReport>,
    /// Per scenario and truth.
    pub paths: Vec<PathsReport>,
    /// The habit to fix, per player and per team.
    pub habits: crate::habits::Habits,
}

/// Per (scenario, truth): calls, per node and choice the times it was taken, and per node the
/// prospect's line as players heard it there.
type Taken = BTreeMap<
    (String, String),
    (
        u64,
        Vec<Vec<u64>>,
        Vec<Option<String>>,
        BTreeMap<(u32, u32, String), u64>,
    ),
>;

/// Replays every result (each was verified when it was posted) and adds it up.
pub fn analyze(records: &[Record], library: &Library) -> Analytics {
    let mut teams: BTreeMap<String, TeamReport> = BTreeMap::new();
    let mut paths: Taken = BTreeMap::new();
    let mut habits = crate::habits::Collector::default();
    for r in records {
        let Some(script) = library
            .entries
            .iter()
            .filter_map(|e| e.script())
            .find(|s| s.hash() == r.scenario_hash)
        else {
            continue;
        };
        let Ok(call) = Call::replay_log(script, r.seed, &r.choices, &r.waits) else {
            continue;
        };
        let Some(d) = Debrief::of(&call, script) else {
            continue;
        };
        habits.add(
            &r.player,
            &r.team,
            peercall_core::habits::CallHabits {
                result: r.id.clone(),
                scenario: r.scenario.clone(),
                finished_at: r.finished_at.clone(),
                signals: peercall_dialogue::drill::habit_turns(&call, script)
                    .into_iter()
                    .map(|(_, s)| s)
                    .collect(),
            },
        );
        let t = teams.entry(r.team.clone()).or_insert_with(|| TeamReport {
            team: r.team.clone(),
            ..TeamReport::default()
        });
        t.calls += 1;
        *t.outcomes.entry(d.outcome.label().to_string()).or_default() += 1;
        for turn in &d.turns {
            let s = t.signals.entry(turn.signal_label.to_string()).or_default();
            s.0 += 1;
            s.1 += u64::from(turn.better.is_some());
        }
        let sc = script.scenario();
        let truth = d.truth.as_ref().map(|t| t.id.clone()).unwrap_or_default();
        let (calls, counts, heard, moves) =
            paths.entry((sc.id.clone(), truth)).or_insert_with(|| {
                (
                    0,
                    sc.nodes
                        .iter()
                        .map(|(_, n)| vec![0; n.choices.len()])
                        .collect(),
                    vec![None; sc.nodes.len()],
                    BTreeMap::new(),
                )
            });
        let turns = call.turns();
        for (k, turn) in turns.iter().enumerate() {
            let to = match turns.get(k + 1) {
                Some(next) => script.node_id(next.node).to_string(),
                None => format!("end:{}", r.ending),
            };
            *moves.entry((turn.node, turn.choice, to)).or_default() += 1;
        }
        *calls += 1;
        for (turn, review) in call.turns().iter().zip(&d.turns) {
            if let Some(c) = counts
                .get_mut(turn.node as usize)
                .and_then(|n| n.get_mut(turn.choice as usize))
            {
                *c += 1;
            }
            if let Some(h) = heard.get_mut(turn.node as usize) {
                h.get_or_insert_with(|| review.prospect.clone());
            }
        }
    }
    let paths = paths
        .into_iter()
        .filter_map(|((scenario, truth), (calls, counts, heard, moves))| {
            let script = library.script(&scenario)?;
            let sc = script.scenario();
            let nodes = sc
                .nodes
                .iter()
                .zip(counts.into_iter().zip(heard))
                .filter(|(_, (c, _))| c.iter().any(|n| *n > 0))
                .map(|((id, node), (c, heard))| NodeReport {
                    node: id.to_string(),
                    prospect: heard.unwrap_or_default(),
                    choices: node
                        .choices
                        .iter()
                        .zip(c)
                        .map(|(ch, n)| (ch.say.clone(), ch.signal.label().to_string(), n))
                        .collect(),
                })
                .collect();
            let moves = moves
                .into_iter()
                .map(|((from, choice, to), n)| {
                    (script.node_id(from).to_string(), choice as usize, to, n)
                })
                .collect();
            Some(PathsReport {
                scenario,
                truth,
                calls,
                nodes,
                moves,
            })
        })
        .collect();
    Analytics {
        teams: teams.into_values().collect(),
        paths,
        habits: habits.finish(),
    }
}

/// The scenario's graph as SVG with what players did drawn on it, a heatmap read at a glance:
/// each node filled by the share of calls that reached it, each ending by the share that ended
/// there, each move drawn as thick as the share of the node's players who made it (green for
/// peer lines, red for customer-advocate ones); hovering a move shows its line. Columns follow
/// the distance from the start.
pub fn heatmap(
    script: &peercall_dialogue::Script,
    p: &PathsReport,
    w: &peercall_core::words::Words,
) -> String {
    use peercall_dialogue::{Stance, Target};
    use std::fmt::Write;
    let sc = script.scenario();
    let start = sc.nodes.position(&sc.start).unwrap_or(0);
    // Columns: breadth-first distance from the start over every way a choice can lead.
    let mut depth = vec![usize::MAX; sc.nodes.len()];
    let mut queue = std::collections::VecDeque::from([start]);
    depth[start] = 0;
    while let Some(n) = queue.pop_front() {
        let count = sc
            .nodes
            .iter()
            .nth(n)
            .map_or(0, |(_, node)| node.choices.len());
        for c in 0..count {
            let (to, reactions) = script.targets(n as u32, c);
            for t in std::iter::once(to).chain(reactions.into_iter().flatten()) {
                if let Target::Node(m) = t
                    && depth[m as usize] == usize::MAX
                {
                    depth[m as usize] = depth[n] + 1;
                    queue.push_back(m as usize);
                }
            }
        }
    }
    let deepest = depth
        .iter()
        .filter(|d| **d != usize::MAX)
        .max()
        .copied()
        .unwrap_or(0);
    for d in &mut depth {
        if *d == usize::MAX {
            *d = deepest + 1;
        }
    }
    let end_column = depth.iter().max().copied().unwrap_or(0) + 1;
    const W: f64 = 170.0;
    const H: f64 = 50.0;
    const DX: f64 = 240.0;
    const DY: f64 = 66.0;
    let mut rows = vec![0usize; end_column + 1];
    let mut at: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for (i, (id, _)) in sc.nodes.iter().enumerate() {
        let col = depth[i];
        at.insert(
            id.to_string(),
            (20.0 + col as f64 * DX, 40.0 + rows[col] as f64 * DY),
        );
        rows[col] += 1;
    }
    for (id, _) in sc.endings.iter() {
        at.insert(
            format!("end:{id}"),
            (
                20.0 + end_column as f64 * DX,
                40.0 + rows[end_column] as f64 * DY,
            ),
        );
        rows[end_column] += 1;
    }
    let width = 20.0 + (end_column + 1) as f64 * DX;
    let height = 60.0 + rows.iter().max().copied().unwrap_or(1) as f64 * DY;
    let calls = p.calls.max(1) as f64;
    // Reached: calls through each node (its choices' counts), and ending at each ending.
    let from_node = p.taken_at();
    let mut reached: BTreeMap<String, u64> = BTreeMap::new();
    for (_, _, to, n) in &p.moves {
        if to.starts_with("end:") {
            *reached.entry(to.clone()).or_default() += n;
        }
    }
    for (id, n) in &from_node {
        reached.insert(id.to_string(), *n);
    }
    let mut o = String::new();
    let _ = write!(
        o,
        "<svg class=\"heat\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"100%\" role=\"img\" aria-label=\"{}\">",
        escape(&w.f(
            "hub-heatmap-label",
            &[
                ("title", sc.title.as_str().into()),
                ("count", p.calls.into())
            ]
        ))
    );
    o.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c9cfda\"/></marker></defs>");
    // Moves first, so the boxes sit on top of them; their shares last, on top of everything.
    let mut labels = Vec::new();
    for (from, choice, to, n) in &p.moves {
        let (Some(&(x1, y1)), Some(&(x2, y2))) = (at.get(from), at.get(to)) else {
            continue;
        };
        let Some(c) = sc
            .nodes
            .get(from)
            .and_then(|node| node.choices.get(*choice))
        else {
            continue;
        };
        let share = *n as f64 / from_node.get(from.as_str()).copied().unwrap_or(1).max(1) as f64;
        let color = match c.signal.stance() {
            Stance::Peer => "#2e9e5b",
            Stance::Advocate => "#e0533f",
            Stance::Neutral => "#9aa3b2",
        };
        // Each choice leaves from its own height on the node's right side, so the shares
        // written there can be told apart.
        let choices = sc
            .nodes
            .get(from)
            .map_or(1, |node| node.choices.len().max(1));
        let sy = y1 + 6.0 + (*choice as f64 + 0.5) * (H - 12.0) / choices as f64;
        let (sx, ex, ey) = (x1 + W, x2, y2 + H / 2.0);
        let bend = if ex <= sx { -80.0 } else { 0.0 };
        let _ = write!(
            o,
            "<path d=\"M{sx:.0},{sy:.0} C{:.0},{:.0} {:.0},{:.0} {ex:.0},{ey:.0}\" fill=\"none\" stroke=\"{color}\" stroke-opacity=\"{:.2}\" stroke-width=\"{:.1}\" marker-end=\"url(#arrow)\"><title>{}</title></path>",
            sx + 60.0,
            sy + bend,
            ex - 60.0,
            ey + bend,
            0.35 + 0.65 * share,
            1.5 + 10.0 * share,
            escape(&w.f(
                "hub-heatmap-move",
                &[
                    ("percent", (share * 100.0).round().into()),
                    ("count", (*n).into()),
                    ("line", c.say.as_str().into()),
                    ("signal", w.signal(c.signal).into()),
                ]
            ))
        );
        labels.push(format!(
            "<text x=\"{:.0}\" y=\"{:.0}\" class=\"pct\" fill=\"{color}\">{:.0}%</text>",
            sx + 4.0,
            sy + 4.0,
            share * 100.0
        ));
    }
    let heat = |share: f64| {
        format!(
            "rgba(255,150,40,{:.2})",
            0.08 + 0.85 * share.clamp(0.0, 1.0)
        )
    };
    for (id, _) in sc.nodes.iter() {
        let (x, y) = at[id];
        let share = reached.get(id).copied().unwrap_or(0) as f64 / calls;
        let _ = write!(
            o,
            "<g><rect x=\"{x:.0}\" y=\"{y:.0}\" width=\"{W}\" height=\"{H}\" rx=\"8\" fill=\"{}\" stroke=\"#2a3140\"/><text x=\"{:.0}\" y=\"{:.0}\" class=\"id\">{}</text><text x=\"{:.0}\" y=\"{:.0}\" class=\"n\">{}</text></g>",
            heat(share),
            x + 10.0,
            y + 20.0,
            escape(&short(id, 24)),
            x + 10.0,
            y + 38.0,
            escape(&w.f(
                "hub-heatmap-reached",
                &[("percent", (share * 100.0).round().into())]
            ))
        );
    }
    for (id, ending) in sc.endings.iter() {
        let key = format!("end:{id}");
        let (x, y) = at[&key];
        let n = reached.get(&key).copied().unwrap_or(0);
        let stroke = match ending.outcome {
            peercall_dialogue::Outcome::QualifiedIn | peercall_dialogue::Outcome::QualifiedOut => {
                "#2e9e5b"
            }
            _ => "#e0533f",
        };
        let _ = write!(
            o,
            "<g><rect x=\"{x:.0}\" y=\"{y:.0}\" width=\"{W}\" height=\"{H}\" rx=\"18\" fill=\"{}\" stroke=\"{stroke}\" stroke-width=\"2\"/><text x=\"{:.0}\" y=\"{:.0}\" class=\"id\">{}</text><text x=\"{:.0}\" y=\"{:.0}\" class=\"n\">{} · {}</text></g>",
            heat(n as f64 / calls),
            x + 12.0,
            y + 20.0,
            escape(&short(id, 24)),
            x + 12.0,
            y + 38.0,
            escape(&w.outcome(ending.outcome)),
            escape(&w.f("hub-call-count", &[("count", n.into())]))
        );
    }
    for l in labels {
        o.push_str(&l);
    }
    o.push_str("</svg>");
    o
}

/// `s` cut to `n` characters, with an ellipsis when cut.
fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// Text for SVG (HTML rules): escaped by maud, as every page's text is.
fn escape(s: &str) -> String {
    maud::html! { (s) }.into_string()
}
