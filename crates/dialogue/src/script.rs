//! A checked scenario compiled for running: ids resolved to indices, flags to bits, so that a
//! call, an analysis or a million random players never look up a string.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::scenario::{Condition, Effect, Scenario, Signal};

/// Most distinct flags one scenario may use.
pub const MAX_FLAGS: usize = 64;

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
}

impl State {
    /// Person-days committed.
    pub fn days(&self) -> f64 {
        f64::from(self.centidays) / 100.0
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Cond {
    PeerContract(bool),
    Committed(bool),
    Flag(u8, bool),
    TrustAtLeast(i32),
    TrustBelow(i32),
}

#[derive(Debug, Clone)]
pub(crate) enum Eff {
    PeerContract,
    Commit(u32),
    Set(u8),
    Clear(u8),
}

#[derive(Debug, Clone)]
pub(crate) struct CompiledChoice {
    pub signal: Signal,
    pub trust: i32,
    pub effects: Vec<Eff>,
    pub requires: Vec<Cond>,
    pub next: Target,
    pub reactions: Vec<(Vec<Cond>, Option<i32>, Option<Target>)>,
}

#[derive(Debug, Clone)]
pub(crate) struct CompiledNode {
    pub lines_if: Vec<Vec<Cond>>,
    pub choices: Vec<CompiledChoice>,
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
#[derive(Debug, Clone)]
pub struct Script {
    scenario: Scenario,
    hash: String,
    nodes: Vec<CompiledNode>,
    start: u32,
    hang_up: Option<u32>,
    flags: Vec<String>,
}

impl Script {
    /// Compiles a scenario. Fails, with a one-line reason, only on problems `check` reports as
    /// errors (unknown ids, too many flags, empty nodes).
    pub fn compile(scenario: Scenario) -> Result<Script, String> {
        let mut flags: Vec<String> = Vec::new();
        let mut flag = |name: &str| -> Result<u8, String> {
            if let Some(i) = flags.iter().position(|f| f == name) {
                return Ok(i as u8);
            }
            if flags.len() >= MAX_FLAGS {
                return Err(format!("more than {MAX_FLAGS} distinct flags"));
            }
            flags.push(name.to_string());
            Ok((flags.len() - 1) as u8)
        };
        let target = |id: &str| -> Result<Target, String> {
            if let Some(i) = scenario.nodes.position(id) {
                Ok(Target::Node(i as u32))
            } else if let Some(i) = scenario.endings.position(id) {
                Ok(Target::Ending(i as u32))
            } else {
                Err(format!("unknown node or ending `{id}`"))
            }
        };
        let conds = |cs: &[Condition], flag: &mut dyn FnMut(&str) -> Result<u8, String>| {
            cs.iter()
                .map(|c| {
                    Ok(match c {
                        Condition::PeerContract => Cond::PeerContract(true),
                        Condition::NoPeerContract => Cond::PeerContract(false),
                        Condition::Committed => Cond::Committed(true),
                        Condition::NotCommitted => Cond::Committed(false),
                        Condition::Flag(f) => Cond::Flag(flag(f)?, true),
                        Condition::NotFlag(f) => Cond::Flag(flag(f)?, false),
                        Condition::TrustAtLeast(t) => Cond::TrustAtLeast(*t),
                        Condition::TrustBelow(t) => Cond::TrustBelow(*t),
                    })
                })
                .collect::<Result<Vec<_>, String>>()
        };
        let mut nodes = Vec::with_capacity(scenario.nodes.len());
        for (id, node) in scenario.nodes.iter() {
            if node.choices.is_empty() {
                return Err(format!("node `{id}` has no choices"));
            }
            if node.prospect.is_empty() || node.lines_if.iter().any(|l| l.prospect.is_empty()) {
                return Err(format!("node `{id}` has no prospect line"));
            }
            let lines_if = node
                .lines_if
                .iter()
                .map(|l| conds(&l.when, &mut flag))
                .collect::<Result<_, _>>()?;
            let mut choices = Vec::with_capacity(node.choices.len());
            for c in &node.choices {
                let effects = c
                    .effects
                    .iter()
                    .map(|e| {
                        Ok(match e {
                            Effect::PeerContract => Eff::PeerContract,
                            Effect::Commit { days, .. } => Eff::Commit(to_centidays(*days)),
                            Effect::Set(f) => Eff::Set(flag(f)?),
                            Effect::Clear(f) => Eff::Clear(flag(f)?),
                        })
                    })
                    .collect::<Result<_, String>>()?;
                let reactions = c
                    .react_if
                    .iter()
                    .map(|r| {
                        let next = r.next.as_deref().map(target).transpose()?;
                        Ok((conds(&r.when, &mut flag)?, r.trust, next))
                    })
                    .collect::<Result<_, String>>()?;
                choices.push(CompiledChoice {
                    signal: c.signal,
                    trust: c.trust,
                    effects,
                    requires: conds(&c.requires, &mut flag)?,
                    next: target(&c.next)?,
                    reactions,
                });
            }
            nodes.push(CompiledNode { lines_if, choices });
        }
        let start = match target(&scenario.start)? {
            Target::Node(n) => n,
            Target::Ending(_) => return Err("the call must start at a node, not an ending".into()),
        };
        let hang_up = if scenario.trust.hang_up_below > scenario.trust.min {
            match scenario.endings.position(&scenario.trust.hang_up) {
                Some(i) => Some(i as u32),
                None => {
                    return Err(format!(
                        "unknown hang-up ending `{}`",
                        scenario.trust.hang_up
                    ));
                }
            }
        } else {
            None
        };
        let hash = content_hash(&scenario);
        Ok(Script {
            scenario,
            hash,
            nodes,
            start,
            hang_up,
            flags,
        })
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

    /// Number of prospect nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Number of choices at node `node`.
    pub fn choice_count(&self, node: u32) -> usize {
        self.nodes[node as usize].choices.len()
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
        State {
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
        self.nodes[state.node as usize]
            .lines_if
            .iter()
            .position(|cs| all_hold(cs, state))
    }

    /// The variants of the prospect's line at the state's node.
    pub fn lines(&self, state: &State) -> &[String] {
        let node = self.scenario.nodes.at(state.node as usize).1;
        match self.line_set(state) {
            Some(i) => &node.lines_if[i].prospect,
            None => &node.prospect,
        }
    }

    /// Whether choice `choice` at the state's node is offered in this state.
    pub fn is_offered(&self, state: &State, choice: usize) -> bool {
        all_hold(
            &self.nodes[state.node as usize].choices[choice].requires,
            state,
        )
    }

    /// Indices of the choices offered in this state, in file order.
    pub fn offered(&self, state: &State) -> impl Iterator<Item = usize> + '_ {
        let state = *state;
        (0..self.nodes[state.node as usize].choices.len())
            .filter(move |&i| self.is_offered(&state, i))
    }

    /// Where choice `choice` at node `node` leads, and where each of its reactions leads
    /// instead (`None` for a reaction that only changes trust), as compiled.
    pub fn targets(&self, node: u32, choice: usize) -> (Target, Vec<Option<Target>>) {
        let c = &self.nodes[node as usize].choices[choice];
        (c.next, c.reactions.iter().map(|r| r.2).collect())
    }

    /// The signal choice `choice` at node `node` sends.
    pub fn signal(&self, node: u32, choice: usize) -> Signal {
        self.nodes[node as usize].choices[choice].signal
    }

    /// What choice `choice` does in this state: its trust change and target, after reactions.
    pub fn resolve(&self, state: &State, choice: usize) -> Resolved {
        let c = &self.nodes[state.node as usize].choices[choice];
        let mut out = Resolved {
            trust: c.trust,
            next: c.next,
        };
        if let Some((_, trust, next)) = c.reactions.iter().find(|(cs, _, _)| all_hold(cs, state)) {
            if let Some(t) = trust {
                out.trust = *t;
            }
            if let Some(n) = next {
                out.next = *n;
            }
        }
        out
    }

    /// Applies choice `choice` to `state`: trust (clamped), effects, the hang-up rule and the
    /// move to the next node. Returns the new state and the ending reached, if any.
    pub fn apply(&self, state: &State, choice: usize) -> (State, Option<u32>) {
        let c = &self.nodes[state.node as usize].choices[choice];
        let r = self.resolve(state, choice);
        let t = &self.scenario.trust;
        let mut s = *state;
        s.trust = state.trust.saturating_add(r.trust).clamp(t.min, t.max);
        for e in &c.effects {
            match e {
                Eff::PeerContract => s.peer_contract = true,
                Eff::Commit(cd) => s.centidays = s.centidays.saturating_add(*cd),
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
            Target::Ending(e) => (s, Some(e)),
        }
    }
}

fn holds(c: &Cond, s: &State) -> bool {
    match *c {
        Cond::PeerContract(want) => s.peer_contract == want,
        Cond::Committed(want) => (s.centidays > 0) == want,
        Cond::Flag(f, want) => (s.flags & (1 << f) != 0) == want,
        Cond::TrustAtLeast(t) => s.trust >= t,
        Cond::TrustBelow(t) => s.trust < t,
    }
}

fn all_hold(cs: &[Cond], s: &State) -> bool {
    cs.iter().all(|c| holds(c, s))
}

/// Person-days as hundredths of a day.
pub fn to_centidays(days: f32) -> u32 {
    if days.is_finite() && days > 0.0 {
        (f64::from(days) * 100.0).round().min(f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

/// SHA-256 (hex) of the scenario's canonical RON form.
pub fn content_hash(scenario: &Scenario) -> String {
    let canonical = ron::to_string(scenario).unwrap_or_default();
    let digest = Sha256::digest(canonical.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
