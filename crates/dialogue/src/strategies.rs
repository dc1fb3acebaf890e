//! Scripted players with fixed habits, each playing the same calls as a person sees them
//! (shuffled order and drawn wordings included): how often does a habit that ignores what the
//! prospect says still qualify the call? A well-made scenario rewards only the peer process.

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use serde::Serialize;

use crate::call::{Call, Offer};
use crate::scenario::Stance;
use crate::script::{Script, State};

/// Most lines a scripted player says before it gives up on a call that never ends.
const MAX_LINES: usize = 500;

/// A habit a scripted player keeps on every turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Habit {
    /// Says a customer-advocate line whenever one is offered.
    Advocate,
    /// Says a peer line whenever one is offered, without reading what the prospect said.
    PeerSounding,
    /// Says the line that raises the trust meter most, as far as a player can know before
    /// saying it: the change it brings averaged over the situations the call could be in (the
    /// meter moves only once a line is said, so a player learns each line's effect from calls
    /// played before, not from this call's situation).
    Meter,
    /// Always the first line shown.
    First,
    /// Always the last line shown.
    Last,
    /// Always the longest line.
    Longest,
    /// A line at random.
    Random,
    /// Presses the numbers that won the first call (of the listening player) again, whatever
    /// is shown.
    SameKeys,
    /// Says again, at each prospect's question, the line that won the first call (of the
    /// listening player) there, wherever it is shown; the first line at a question not met then.
    SameLines,
    /// Listens: says peer lines that keep every good ending open until the prospect says what
    /// is really going on (a line written for one truth), then the line that can still end
    /// well in what was heard.
    Listener,
}

impl Habit {
    /// Every habit, in report order.
    pub const ALL: [Habit; 10] = [
        Habit::Listener,
        Habit::Advocate,
        Habit::PeerSounding,
        Habit::Meter,
        Habit::First,
        Habit::Last,
        Habit::Longest,
        Habit::Random,
        Habit::SameKeys,
        Habit::SameLines,
    ];

    /// The habit in a few words.
    pub fn label(self) -> &'static str {
        match self {
            Habit::Advocate => "customer advocate",
            Habit::PeerSounding => "peer-sounding lines, not listening",
            Habit::Meter => "whatever raises the meter most",
            Habit::First => "always the first line",
            Habit::Last => "always the last line",
            Habit::Longest => "always the longest line",
            Habit::Random => "a random line",
            Habit::SameKeys => "the keys that won the first call",
            Habit::SameLines => "the lines that won the first call",
            Habit::Listener => "listens, then decides on what was heard",
        }
    }
}

/// How one habit fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HabitReport {
    /// The habit.
    pub habit: Habit,
    /// Calls played (seeds `seed` to `seed + calls - 1`).
    pub calls: u64,
    /// Calls that ended qualified (in or out).
    pub qualified: u64,
    /// Calls won: qualified, at an ending that fits the call's truth.
    pub won: u64,
    /// Per truth (in file order; one entry, `""`, without truths): (id, calls, won).
    pub truths: Vec<(String, u64, u64)>,
    /// Mean score of the calls that ended.
    pub score_mean: f64,
}

impl HabitReport {
    /// Qualified calls in percent.
    pub fn qualified_pct(&self) -> f64 {
        100.0 * self.qualified as f64 / self.calls.max(1) as f64
    }

    /// Calls won in percent.
    pub fn won_pct(&self) -> f64 {
        100.0 * self.won as f64 / self.calls.max(1) as f64
    }
}

/// How the lines look where a call offers both customer-advocate and peer lines: could a
/// player who does not read them pick the peer line by its position or its length?
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Cues {
    /// Decisions seen (by random players) that offered both kinds of line.
    pub mixed: u64,
    /// The share of peer lines among the lines of those decisions, added up: what a player
    /// picking blindly would get (divide by `mixed`).
    pub peer_share: f64,
    /// Of those, how many had a peer line as the longest line.
    pub longest_peer: u64,
    /// Per position shown (1, 2, ...), how many had a peer line there, of those that showed
    /// that many lines.
    pub position_peer: Vec<(u64, u64)>,
    /// Per position shown, the share of peer lines among the lines of the decisions that showed
    /// that many lines, added up (what blind picking gets there).
    pub position_share: Vec<f64>,
    /// Per node (by id), mixed decisions seen there and how many had a peer line as the longest.
    pub nodes: std::collections::BTreeMap<String, (u64, u64)>,
}

impl Cues {
    /// The cues a reader could use, in words, where one gives the peer line away in more than
    /// `limit` percent of mixed decisions (at least 20 seen).
    pub fn warnings(&self, limit: f64) -> Vec<crate::messages::Msg> {
        let mut out = Vec::new();
        if self.mixed < 20 {
            return out;
        }
        let pct = |n: u64, of: u64| 100.0 * n as f64 / of.max(1) as f64;
        // A cue is a share above the limit and well above what picking blindly gets.
        let base = 100.0 * self.peer_share / self.mixed as f64;
        let cue = |share: f64| share > limit && share > base + 15.0;
        let longest = pct(self.longest_peer, self.mixed);
        if cue(longest) {
            let mut worst: Vec<(&String, &(u64, u64))> = self
                .nodes
                .iter()
                .filter(|(_, (seen, peer))| *peer * 10 > *seen * 7)
                .collect();
            worst.sort_by_key(|(_, (seen, peer))| std::cmp::Reverse(*peer * 1000 / (*seen).max(1)));
            let names: Vec<String> = worst
                .iter()
                .take(6)
                .map(|(id, _)| format!("`{id}`"))
                .collect();
            out.push(crate::msg!(
                "analyze-cue-longest",
                share = format!("{longest:.0}"),
                nodes = names.join(", ")
            ));
        }
        for (i, &(peer, of)) in self.position_peer.iter().enumerate() {
            let share = pct(peer, of);
            let blind =
                100.0 * self.position_share.get(i).copied().unwrap_or(0.0) / of.max(1) as f64;
            if of >= 20 && share > limit && share > blind + 15.0 {
                out.push(crate::msg!(
                    "analyze-cue-position",
                    number = i + 1,
                    share = format!("{share:.0}")
                ));
            }
        }
        out
    }
}

/// What the listening player did in the first call, when it won: the numbers pressed, and
/// the line said at each node (by index in the node).
#[derive(Debug, Default)]
struct Memory {
    keys: Vec<usize>,
    lines: std::collections::HashMap<u32, usize>,
}

/// Plays `calls` calls (seeds `seed`, `seed + 1`, ...) with every habit.
pub fn play_habits(script: &Script, calls: u64, seed: u64) -> Vec<HabitReport> {
    let keys = winning_call(script, seed);
    let truths = script.truth_count().max(1);
    Habit::ALL
        .iter()
        .map(|&habit| {
            let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5EED);
            let (mut qualified, mut won, mut sum, mut ended) = (0, 0, 0u64, 0u64);
            let mut per = vec![(0u64, 0u64); truths];
            for s in seed..seed.saturating_add(calls) {
                let call = play(script, s, habit, &keys, &mut rng, None);
                let t = call.truth() as usize;
                per[t.min(truths - 1)].0 += 1;
                if let Some(points) = call.score(script) {
                    ended += 1;
                    sum += u64::from(points);
                }
                if call.outcome(script).is_some_and(|o| o.is_qualified()) {
                    qualified += 1;
                }
                if is_won(script, &call) {
                    won += 1;
                    per[t.min(truths - 1)].1 += 1;
                }
            }
            HabitReport {
                habit,
                calls,
                qualified,
                won,
                truths: per
                    .into_iter()
                    .enumerate()
                    .map(|(t, (n, w))| {
                        let id = if script.truth_count() == 0 {
                            String::new()
                        } else {
                            script.scenario().truths.at(t).0.to_string()
                        };
                        (id, n, w)
                    })
                    .collect(),
                score_mean: if ended > 0 {
                    sum as f64 / ended as f64
                } else {
                    0.0
                },
            }
        })
        .collect()
}

/// The surface cues random players met over `calls` calls from `seed`.
pub fn cues(script: &Script, calls: u64, seed: u64) -> Cues {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0xC0E5);
    let mut cues = Cues::default();
    for s in seed..seed.saturating_add(calls) {
        play(
            script,
            s,
            Habit::Random,
            &Memory::default(),
            &mut rng,
            Some(&mut cues),
        );
    }
    cues
}

/// Whether the call ended qualified, at an ending that fits its truth.
pub fn is_won(script: &Script, call: &Call) -> bool {
    match (call.finish(), call.outcome(script)) {
        (Some(f), Some(o)) => {
            o.is_qualified() && crate::score::fits(script, f.ending, call.truth())
        }
        _ => false,
    }
}

/// What the listening player did on the first seed, if that call was won.
fn winning_call(script: &Script, seed: u64) -> Memory {
    let mut rng = ChaCha8Rng::seed_from_u64(0);
    let call = play(
        script,
        seed,
        Habit::Listener,
        &Memory::default(),
        &mut rng,
        None,
    );
    if is_won(script, &call) {
        Memory {
            keys: call.turns().iter().map(|t| t.shown as usize).collect(),
            lines: call
                .turns()
                .iter()
                .map(|t| (t.node, t.choice as usize))
                .collect(),
        }
    } else {
        Memory::default()
    }
}

fn play(
    script: &Script,
    seed: u64,
    habit: Habit,
    memory: &Memory,
    rng: &mut ChaCha8Rng,
    mut cues: Option<&mut Cues>,
) -> Call {
    let mut call = Call::start(script, seed);
    let mut heard = script.reveals(call.state());
    for turn in 0..MAX_LINES {
        let offers = call.offered(script);
        if offers.is_empty() {
            break;
        }
        if let Some(c) = cues.as_deref_mut() {
            count_cues(c, &offers, script.node_id(call.state().node));
        }
        let number = pick(script, &call, &offers, habit, memory, turn, heard, rng);
        if call.choose(script, number).is_err() {
            break;
        }
        heard |= !call.is_over() && script.reveals(call.state());
    }
    call
}

fn count_cues(cues: &mut Cues, offers: &[Offer<'_>], node: &str) {
    let peer = |o: &Offer<'_>| o.signal.stance() == Stance::Peer;
    let mixed =
        offers.iter().any(peer) && offers.iter().any(|o| o.signal.stance() == Stance::Advocate);
    if !mixed {
        return;
    }
    cues.mixed += 1;
    cues.peer_share += offers.iter().filter(|o| peer(o)).count() as f64 / offers.len() as f64;
    let at = cues.nodes.entry(node.to_string()).or_default();
    at.0 += 1;
    if offers
        .iter()
        .rev()
        .max_by_key(|o| o.say.chars().count())
        .is_some_and(peer)
    {
        cues.longest_peer += 1;
        at.1 += 1;
    }
    if cues.position_peer.len() < offers.len() {
        cues.position_peer.resize(offers.len(), (0, 0));
        cues.position_share.resize(offers.len(), 0.0);
    }
    let share = offers.iter().filter(|o| peer(o)).count() as f64 / offers.len() as f64;
    for (i, o) in offers.iter().enumerate() {
        cues.position_peer[i].1 += 1;
        cues.position_share[i] += share;
        if peer(o) {
            cues.position_peer[i].0 += 1;
        }
    }
}

/// The number the habit presses among `offers` at turn `turn`; `heard` says whether the
/// prospect has told what is really going on.
#[allow(clippy::too_many_arguments)]
fn pick(
    script: &Script,
    call: &Call,
    offers: &[Offer<'_>],
    habit: Habit,
    memory: &Memory,
    turn: usize,
    heard: bool,
    rng: &mut ChaCha8Rng,
) -> usize {
    let by_stance = |wanted: Stance| {
        offers
            .iter()
            .find(|o| o.signal.stance() == wanted)
            .or_else(|| offers.iter().find(|o| o.signal.stance() == Stance::Neutral))
            .unwrap_or(&offers[0])
            .number
    };
    let gain = |o: &Offer<'_>| {
        let mut trial = call.clone();
        trial
            .choose(script, o.number)
            .map_or(i32::MIN, |t| t.trust_after - t.trust_before)
    };
    match habit {
        Habit::Advocate => by_stance(Stance::Advocate),
        Habit::PeerSounding => by_stance(Stance::Peer),
        Habit::First => 1,
        Habit::Last => offers.len(),
        // The first of equally long lines, as a reader's eye would settle.
        Habit::Longest => offers
            .iter()
            .rev()
            .max_by_key(|o| o.say.chars().count())
            .map_or(1, |o| o.number),
        Habit::Random => 1 + (rng.next_u64() % offers.len() as u64) as usize,
        Habit::Meter => {
            // What the line brings in each situation the call could be in, added up: the
            // player cannot know which one this call is in from the meter before saying it.
            let state = *call.state();
            let truths = script.truth_count().max(1) as u8;
            let learned = |o: &Offer<'_>| -> i64 {
                (0..truths)
                    .map(|t| i64::from(script.resolve(&State { truth: t, ..state }, o.index).trust))
                    .sum()
            };
            offers
                .iter()
                .rev()
                .max_by_key(|o| learned(o))
                .map_or(1, |o| o.number)
        }
        Habit::SameKeys => memory
            .keys
            .get(turn)
            .copied()
            .filter(|&k| k <= offers.len())
            .unwrap_or(1),
        Habit::SameLines => memory
            .lines
            .get(&call.state().node)
            .and_then(|&i| offers.iter().find(|o| o.index == i))
            .map_or(1, |o| o.number),
        Habit::Listener => {
            let state = *call.state();
            let truths = script.truth_count().max(1) as u8;
            // Before the prospect has said what is going on, a line must keep a good ending
            // open in every situation it could be; after, in the one that was heard.
            let good = |o: &Offer<'_>| {
                if heard {
                    script.can_end_well(&state, o.index)
                } else {
                    (0..truths).all(|t| script.can_end_well(&State { truth: t, ..state }, o.index))
                }
            };
            offers
                .iter()
                .rev()
                .max_by_key(|o| (good(o), o.signal.stance() == Stance::Peer, gain(o)))
                .map_or(1, |o| o.number)
        }
    }
}
