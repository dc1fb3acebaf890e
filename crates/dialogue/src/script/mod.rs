//! A checked scenario compiled for running: ids resolved to indices, flags to bits, so that a
//! call, an analysis or a million random players never look up a string.

use rand_core::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::scenario::{Condition, Effect, Scenario, Signal};

mod compile;
mod hash;

pub use hash::{content_hash, legacy_content_hash};

/// Most distinct flags one scenario may use.
pub const MAX_FLAGS: usize = 64;

/// Most truths a scenario may declare.
pub const MAX_TRUTHS: usize = 16;

/// Where a choice leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// Another prospect node, by index in file order.
    Node(u32),
    /// An ending, by index in file order.
    Ending(u32),
}

/// The state of a call that decides what happens next: small, `Copy` and hashable, so analysis
/// can merge identical states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct State {
    /// The node the prospect is speaking at.
    pub node: u32,
    /// Trust, within the scenario's range.
    pub trust: i32,
    /// Whether a peer contract has been set up.
    pub peer_contract: bool,
    /// Person-days committed, in hundredths of a day.
    pub centidays: u32,
    /// Flags, one bit each.
    pub flags: u64,
    /// The truth behind the call, by position in the scenario's `truths` (0 when it has none).
    pub truth: u8,
}

impl State {
    /// Person-days committed.
    pub fn days(&self) -> f64 {
        f64::from(self.centidays) / 100.0
    }
}

#[derive(Debug, Clone, Copy)]
enum Cond {
    PeerContract(bool),
    Committed(bool),
    Flag(u8, bool),
    TrustAtLeast(i32),
    TrustBelow(i32),
    Truth(u8, bool),
}

#[derive(Debug, Clone, Copy)]
enum Eff {
    PeerContract,
    Commit(u32),
    Set(u8),
    Clear(u8),
}

/// A run of rows in one of the script's flat tables.
#[derive(Debug, Clone, Copy, Default)]
struct Rows {
    start: u32,
    len: u32,
}

impl Rows {
    fn of<T>(table: &mut Vec<T>, rows: impl IntoIterator<Item = T>) -> Rows {
        let start = table.len();
        table.extend(rows);
        Rows {
            start: start as u32,
            len: (table.len() - start) as u32,
        }
    }

    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..(self.start + self.len) as usize
    }
}

/// One choice, compiled: plain numbers and runs into the flat tables.
#[derive(Debug, Clone, Copy)]
struct ChoiceRow {
    signal: Signal,
    pinned: bool,
    wordings: u32,
    trust: i32,
    next: Target,
    requires: Rows,
    effects: Rows,
    reactions: Rows,
}

/// A `react_if`, compiled.
#[derive(Debug, Clone, Copy)]
struct ReactionRow {
    when: Rows,
    trust: Option<i32>,
    next: Option<Target>,
}

/// A `lines_if`, compiled: its conditions and how many variants it has.
#[derive(Debug, Clone, Copy)]
struct LineSetRow {
    when: Rows,
    variants: u32,
    /// Whether its conditions include `Truth(...)`: hearing it tells the player the truth.
    reveals: bool,
}

/// One node, compiled.
#[derive(Debug, Clone, Copy)]
struct NodeRow {
    choices: Rows,
    lines_if: Rows,
    variants: u32,
    /// The truths this node's `lines_if` write lines for, a bit each: when all truths but one
    /// have their own line here, the node's own `prospect` tells the last one.
    truth_lines: u64,
}

/// What a choice does in a given state, once reactions are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    /// The trust change before clamping.
    pub trust: i32,
    /// Where the call goes, before the hang-up rule.
    pub next: Target,
}

/// A scenario ready to run. Build it from a scenario that `check` found free of errors.
///
/// Everything a call step needs sits in a few flat tables indexed by integers (nodes, choices,
/// conditions, effects, reactions), so a step looks up no string and allocates nothing.
#[derive(Debug, Clone)]
pub struct Script {
    scenario: Scenario,
    hash: String,
    legacy_hash: std::sync::OnceLock<String>,
    /// Per node, the endings some path from it can reach (a bit per ending; built when first
    /// asked for).
    reach: std::sync::OnceLock<Vec<u64>>,
    nodes: Vec<NodeRow>,
    choices: Vec<ChoiceRow>,
    line_sets: Vec<LineSetRow>,
    reactions: Vec<ReactionRow>,
    conds: Vec<Cond>,
    effects: Vec<Eff>,
    ending_variants: Vec<u32>,
    /// Per ending, where it sends the call instead in some truths: (truth, ending).
    redirects: Vec<Vec<(u8, u32)>>,
    start: u32,
    hang_up: Option<u32>,
    flags: Vec<String>,
}

impl Script {
    /// The same script with its texts translated: `tr` gets each text's stable id
    /// ([`crate::lines`]) and source text and answers the translation, or `None` to keep the
    /// source. Nothing else changes, the content hash included, so a call plays the same path,
    /// scores the same and verifies against the source scenario in every language.
    pub fn translated(&self, tr: &mut dyn FnMut(&str, &str) -> Option<String>) -> Script {
        // The old-style hash is computed from the text: fix it from the source first.
        let _ = self.legacy_hash();
        let mut out = self.clone();
        crate::lines::translate(&mut out.scenario, tr);
        out
    }

    /// The scenario as written.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The scenario's id.
    pub fn id(&self) -> &str {
        &self.scenario.id
    }

    /// SHA-256 of the scenario's content (hex), independent of comments and layout.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The hash peercall 0.1 gave the same content ([`legacy_content_hash`]), computed on first
    /// use: old records still verify, and competition files naming it get a clear message.
    pub fn legacy_hash(&self) -> &str {
        self.legacy_hash
            .get_or_init(|| legacy_content_hash(&self.scenario))
    }

    /// Whether `hash` (or a prefix of it, as competition files write it) names this scenario's
    /// content under today's hash.
    pub fn matches_hash(&self, hash: &str) -> bool {
        !hash.is_empty() && self.hash.starts_with(hash)
    }

    /// Number of prospect nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Number of choices at node `node`.
    pub fn choice_count(&self, node: u32) -> usize {
        self.nodes[node as usize].choices.len as usize
    }

    fn choice(&self, node: u32, choice: usize) -> &ChoiceRow {
        &self.choices[self.nodes[node as usize].choices.start as usize + choice]
    }

    /// Number of endings.
    pub fn ending_count(&self) -> usize {
        self.scenario.endings.len()
    }

    /// The id of node `node`.
    pub fn node_id(&self, node: u32) -> &str {
        self.scenario.nodes.at(node as usize).0
    }

    /// The id of ending `ending`.
    pub fn ending_id(&self, ending: u32) -> &str {
        self.scenario.endings.at(ending as usize).0
    }

    /// The ending used when the prospect hangs up, if the scenario has the hang-up rule.
    pub fn hang_up_ending(&self) -> Option<u32> {
        self.hang_up
    }

    /// The state a call starts in.
    pub fn start_state(&self) -> State {
        self.start_state_in(0)
    }

    /// Where a call in truth `truth` (by position) begins.
    pub fn start_state_in(&self, truth: u32) -> State {
        State {
            truth: truth.min(self.truth_count().saturating_sub(1) as u32) as u8,
            node: self.start,
            trust: self
                .scenario
                .trust
                .start
                .clamp(self.scenario.trust.min, self.scenario.trust.max),
            peer_contract: false,
            centidays: 0,
            flags: 0,
        }
    }

    /// Names of flags, by bit.
    pub fn flag_names(&self) -> &[String] {
        &self.flags
    }

    /// Names of the flags set in `flags`.
    pub fn flags_set(&self, flags: u64) -> Vec<String> {
        (0..self.flags.len())
            .filter(|i| flags & (1 << i) != 0)
            .map(|i| self.flags[i].clone())
            .collect()
    }

    /// Which set of prospect lines applies at the state's node: `None` for the node's own
    /// `prospect`, `Some(i)` for `lines_if[i]`.
    pub fn line_set(&self, state: &State) -> Option<usize> {
        self.line_sets[self.nodes[state.node as usize].lines_if.range()]
            .iter()
            .position(|l| self.all_hold(l.when, state))
    }

    /// Whether the prospect's line at the state's node tells the truth away: it comes from a
    /// `lines_if` whose conditions include `Truth(...)` (which then holds), or it is the node's
    /// own line where every other truth has a line of its own.
    pub fn reveals(&self, state: &State) -> bool {
        let node = &self.nodes[state.node as usize];
        match self.line_sets[node.lines_if.range()]
            .iter()
            .find(|l| self.all_hold(l.when, state))
        {
            Some(l) => l.reveals,
            // The node's own line, where every other truth has a line of its own.
            None => {
                let n = self.truth_count();
                n > 1
                    && node.truth_lines & (1 << state.truth) == 0
                    && node.truth_lines.count_ones() as usize == n - 1
            }
        }
    }

    /// The variants of the prospect's line at the state's node.
    pub fn lines(&self, state: &State) -> &[String] {
        let node = self.scenario.nodes.at(state.node as usize).1;
        match self.line_set(state) {
            Some(i) => &node.lines_if[i].prospect,
            None => &node.prospect,
        }
    }

    /// How many variants the prospect's line has at the state's node (`lines(state).len()`,
    /// from the compiled tables).
    pub fn line_variants(&self, state: &State) -> usize {
        let node = &self.nodes[state.node as usize];
        let sets = &self.line_sets[node.lines_if.range()];
        match sets.iter().find(|l| self.all_hold(l.when, state)) {
            Some(l) => l.variants as usize,
            None => node.variants as usize,
        }
    }

    /// How many prospect variants ending `ending` has.
    pub fn ending_variants(&self, ending: u32) -> usize {
        self.ending_variants[ending as usize] as usize
    }

    /// Whether choice `choice` at the state's node is offered in this state.
    pub fn is_offered(&self, state: &State, choice: usize) -> bool {
        self.all_hold(self.choice(state.node, choice).requires, state)
    }

    /// Indices of the choices offered in this state, in the order the player sees them at turn
    /// `turn` of a call with `seed`: file order, or with `shuffle` an order drawn from the seed,
    /// the turn and the node (pinned lines keep their places). The same inputs always give
    /// the same order, so a saved call replays as it was shown.
    pub fn shown_order(&self, state: &State, seed: u64, turn: usize) -> Vec<usize> {
        let mut order: Vec<usize> = self.offered(state).collect();
        if !self.scenario.shuffle || order.len() < 2 {
            return order;
        }
        let slots: Vec<usize> = (0..order.len())
            .filter(|&i| !self.choice(state.node, order[i]).pinned)
            .collect();
        let mut free: Vec<usize> = slots.iter().map(|&i| order[i]).collect();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(order_seed(seed, turn, state.node));
        // Fisher-Yates over the unpinned lines.
        for i in (1..free.len()).rev() {
            let j = (rng.next_u64() % (i as u64 + 1)) as usize;
            free.swap(i, j);
        }
        for (slot, index) in slots.into_iter().zip(free) {
            order[slot] = index;
        }
        order
    }

    /// Which wording of choice `choice` the player sees at turn `turn` of a call with `seed`
    /// (0 is `say`): drawn from the seed, the turn and the node, so a saved call shows the same
    /// words when it replays.
    pub fn wording(&self, state: &State, seed: u64, turn: usize, choice: usize) -> u32 {
        let n = self.choice(state.node, choice).wordings;
        if n <= 1 {
            return 0;
        }
        let z = order_seed(seed ^ 0xA076_1D64_78BD_642F, turn, state.node)
            ^ (choice as u64).wrapping_mul(0xE703_7ED1_A0B4_28DB);
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(z);
        (rng.next_u64() % u64::from(n)) as u32
    }

    /// How many truths the scenario has (0: one situation, no `truths`).
    pub fn truth_count(&self) -> usize {
        self.scenario.truths.len().min(MAX_TRUTHS)
    }

    /// The truth a call with `seed` is in: drawn from the seed on a stream of its own, so that
    /// adding truths changes none of the prospect's lines.
    pub fn truth_for_seed(&self, seed: u64) -> u32 {
        match self.truth_count() {
            0 | 1 => 0,
            n => (order_seed(seed ^ 0x7275_7468_5F73_6565, 0, u32::MAX) % n as u64) as u32,
        }
    }

    /// Whether the scenario shows its choices in a drawn order.
    pub fn shuffles(&self) -> bool {
        self.scenario.shuffle
    }

    /// Indices of the choices offered in this state, in file order.
    pub fn offered(&self, state: &State) -> impl Iterator<Item = usize> + '_ {
        let state = *state;
        let rows = &self.choices[self.nodes[state.node as usize].choices.range()];
        rows.iter()
            .enumerate()
            .filter(move |(_, c)| self.all_hold(c.requires, &state))
            .map(|(i, _)| i)
    }

    /// Where choice `choice` at node `node` leads, and where each of its reactions leads
    /// instead (`None` for a reaction that only changes trust), as compiled.
    pub fn targets(&self, node: u32, choice: usize) -> (Target, Vec<Option<Target>>) {
        let c = self.choice(node, choice);
        (
            c.next,
            self.reactions[c.reactions.range()]
                .iter()
                .map(|r| r.next)
                .collect(),
        )
    }

    /// The signal choice `choice` at node `node` sends.
    pub fn signal(&self, node: u32, choice: usize) -> Signal {
        self.choice(node, choice).signal
    }

    /// What choice `choice` does in this state: its trust change and target, after reactions.
    pub fn resolve(&self, state: &State, choice: usize) -> Resolved {
        let c = self.choice(state.node, choice);
        let mut out = Resolved {
            trust: c.trust,
            next: c.next,
        };
        if let Some(r) = self.reactions[c.reactions.range()]
            .iter()
            .find(|r| self.all_hold(r.when, state))
        {
            if let Some(t) = r.trust {
                out.trust = t;
            }
            if let Some(n) = r.next {
                out.next = n;
            }
        }
        out
    }

    /// The ending the call ends at when it reaches ending `ending` in truth `truth`: its
    /// `by_truth` entry for the truth, or itself.
    pub fn ending_in(&self, ending: u32, truth: u8) -> u32 {
        self.redirects
            .get(ending as usize)
            .and_then(|r| r.iter().find(|(t, _)| *t == truth))
            .map_or(ending, |(_, e)| *e)
    }

    /// Where ending `ending` sends the call instead in some truths: (truth, ending).
    pub fn redirects(&self, ending: u32) -> &[(u8, u32)] {
        self.redirects
            .get(ending as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// Which of choice `choice`'s reactions applies in `state` (the first whose conditions all
    /// hold), by index in its `react_if`; `None` when none does.
    pub fn reaction_in(&self, state: &State, choice: usize) -> Option<usize> {
        let c = self.choice(state.node, choice);
        self.reactions[c.reactions.range()]
            .iter()
            .position(|r| self.all_hold(r.when, state))
    }

    /// Applies choice `choice` to `state`: trust (clamped), effects, the hang-up rule and the
    /// move to the next node. Returns the new state and the ending reached, if any.
    pub fn apply(&self, state: &State, choice: usize) -> (State, Option<u32>) {
        let c = self.choice(state.node, choice);
        let r = self.resolve(state, choice);
        let t = &self.scenario.trust;
        let mut s = *state;
        s.trust = state.trust.saturating_add(r.trust).clamp(t.min, t.max);
        for e in &self.effects[c.effects.range()] {
            match *e {
                Eff::PeerContract => s.peer_contract = true,
                Eff::Commit(cd) => s.centidays = s.centidays.saturating_add(cd),
                Eff::Set(f) => s.flags |= 1 << f,
                Eff::Clear(f) => s.flags &= !(1 << f),
            }
        }
        if let Some(h) = self.hang_up
            && s.trust < t.hang_up_below
        {
            return (s, Some(h));
        }
        match r.next {
            Target::Node(n) => {
                s.node = n;
                (s, None)
            }
            Target::Ending(e) => (s, Some(self.ending_in(e, s.truth))),
        }
    }

    /// Whether choice `choice`, said in `state`, can still end the call well in the state's
    /// truth: at a qualified ending that fits it, or at a node from which some path leads to one
    /// (conditions aside). Always true in a scenario with more than 64 endings.
    pub fn can_end_well(&self, state: &State, choice: usize) -> bool {
        if self.ending_count() > 64 {
            return true;
        }
        let good = self.good_endings(u32::from(state.truth));
        match self.resolve(state, choice).next {
            Target::Ending(e) => {
                let e = self.ending_in(e, state.truth);
                e < 64 && good & (1 << e) != 0
            }
            Target::Node(n) => self.reach()[n as usize] & good != 0,
        }
    }

    /// The qualified endings that fit truth `truth`, a bit per ending (the first 64).
    pub fn good_endings(&self, truth: u32) -> u64 {
        self.scenario
            .endings
            .iter()
            .enumerate()
            .take(64)
            .filter(|(e, (_, ending))| {
                ending.outcome.is_qualified() && crate::score::fits(self, *e as u32, truth)
            })
            .fold(0, |m, (e, _)| m | 1 << e)
    }

    /// The endings reachable from node `node`, a bit per ending (the first 64; conditions aside).
    pub fn reachable_endings(&self, node: u32) -> u64 {
        self.reach()[node as usize]
    }

    fn reach(&self) -> &[u64] {
        self.reach.get_or_init(|| {
            let n = self.nodes.len();
            let bit = |e: u32| if e < 64 { 1u64 << e } else { 0 };
            // Each node's direct endings and the nodes that lead to it.
            let mut reach = vec![0u64; n];
            let mut into: Vec<Vec<u32>> = vec![Vec::new(); n];
            for (from, node) in self.nodes.iter().enumerate() {
                for c in &self.choices[node.choices.range()] {
                    let targets = std::iter::once(c.next).chain(
                        self.reactions[c.reactions.range()]
                            .iter()
                            .filter_map(|r| r.next),
                    );
                    for t in targets {
                        match t {
                            Target::Ending(e) => {
                                reach[from] |= bit(e);
                                for &(_, to) in &self.redirects[e as usize] {
                                    reach[from] |= bit(to);
                                }
                            }
                            Target::Node(to) => into[to as usize].push(from as u32),
                        }
                    }
                }
                if let Some(h) = self.hang_up {
                    reach[from] |= bit(h);
                }
            }
            // Spread backwards until nothing grows; a node is queued again only when it gains
            // an ending, so this ends after at most 64 passes over any node.
            let mut queue: std::collections::VecDeque<u32> = (0..n as u32).collect();
            while let Some(to) = queue.pop_front() {
                let bits = reach[to as usize];
                for &from in &into[to as usize] {
                    if reach[from as usize] | bits != reach[from as usize] {
                        reach[from as usize] |= bits;
                        queue.push_back(from);
                    }
                }
            }
            reach
        })
    }

    fn all_hold(&self, rows: Rows, s: &State) -> bool {
        self.conds[rows.range()].iter().all(|c| holds(c, s))
    }
}

fn holds(c: &Cond, s: &State) -> bool {
    match *c {
        Cond::PeerContract(want) => s.peer_contract == want,
        Cond::Committed(want) => (s.centidays > 0) == want,
        Cond::Flag(f, want) => (s.flags & (1 << f) != 0) == want,
        Cond::TrustAtLeast(t) => s.trust >= t,
        Cond::TrustBelow(t) => s.trust < t,
        Cond::Truth(t, want) => (s.truth == t) == want,
    }
}

/// Person-days as hundredths of a day.
pub fn to_centidays(days: f32) -> u32 {
    if days.is_finite() && days > 0.0 {
        (f64::from(days) * 100.0).round().min(f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

/// The seed of the order shown at one turn: its own stream, apart from the call's generator,
/// so that shuffling changes none of the prospect's lines.
fn order_seed(seed: u64, turn: usize, node: u32) -> u64 {
    // SplitMix64's finaliser over the three inputs.
    let mut z =
        seed ^ (turn as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ u64::from(node).rotate_left(32);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
