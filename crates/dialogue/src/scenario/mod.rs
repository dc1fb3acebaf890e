//! The RON data model: the serde types a trainer writes in a `dialogues/*.ron` file.

use std::fmt;

use serde::{Deserialize, Serialize};

mod ordered_map;
mod signal;

pub use ordered_map::OrderedMap;
pub use signal::{Signal, Stance};

/// One call, as a trainer writes it: who is on the line, the trust meter, the prospect's lines,
/// the player's choices and the endings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Short id, unique among scenarios (`"network-expansion"`).
    pub id: String,
    /// Title shown on the scenario list.
    pub title: String,
    /// One line that sums up the situation, for the scenario list.
    #[serde(default)]
    pub situation: String,
    /// One paragraph: who is calling, what they asked for, what the player's company sells.
    pub briefing: String,
    /// What the player should try to achieve on this call.
    #[serde(default)]
    pub goal: String,
    /// How hard the call is.
    #[serde(default)]
    pub difficulty: Difficulty,
    /// The player's side of the call.
    #[serde(default)]
    pub player: Player,
    /// The person on the other end.
    pub prospect: Persona,
    /// The trust meter's settings.
    #[serde(default)]
    pub trust: TrustSettings,
    /// Person-days a well-qualified call needs to commit; more than this counts against the score.
    #[serde(default)]
    pub days_needed: f32,
    /// Seconds the prospect waits for an answer before trust starts to drain (the game only);
    /// `None` (the default) turns patience off.
    #[serde(default)]
    pub patience: Option<f32>,
    /// Show each turn's choices in an order drawn from the call's seed (the same seed always
    /// gives the same order), so that a line's place on screen says nothing about it. Lines
    /// marked `pin` keep their place.
    #[serde(default, skip_serializing_if = "is_false")]
    pub shuffle: bool,
    /// Id of the node where the call begins.
    pub start: String,
    /// The prospect's lines and the player's answers, by id, in file order.
    pub nodes: OrderedMap<Node>,
    /// How the call can end, by id, in file order.
    pub endings: OrderedMap<Ending>,
    /// The situations that may lie behind the same request, by id. Each call is in one of them,
    /// drawn from its seed (or chosen for practice); lines, reactions and choices can depend on
    /// it (`Truth("id")`), and the player learns which it was only in the debrief.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub truths: OrderedMap<Truth>,
}

/// One situation behind the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Truth {
    /// What was really going on, in a few words, for the debrief.
    pub title: String,
    /// What the player could have heard, and what it should have changed.
    #[serde(default)]
    pub debrief: String,
    /// The endings that fit this truth. A qualified ending that does not fit (qualifying out of a
    /// real project, say) earns the points of a wasted call. Empty: every ending fits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fits: Vec<String>,
    /// Person-days the opportunity deserves in this truth, instead of the scenario's
    /// `days_needed` (a real project deserves real engineering).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_needed: Option<f32>,
}

/// How hard a scenario is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Difficulty {
    /// A first call: the signals are easy to tell apart.
    #[default]
    Beginner,
    /// The better line is less obvious.
    Intermediate,
    /// Subtle signals, state-dependent reactions, a short fuse.
    Advanced,
}

impl Difficulty {
    /// The word shown to players.
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Beginner => "Beginner",
            Difficulty::Intermediate => "Intermediate",
            Difficulty::Advanced => "Advanced",
        }
    }
}

/// The salesperson the player plays.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Player {
    /// The player's name on the call.
    pub name: String,
    /// The player's job title.
    pub role: String,
    /// The player's company.
    pub company: String,
    /// What the player's company sells.
    pub sells: String,
}

/// The prospect on the other end of the line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// Full name.
    pub name: String,
    /// Job title.
    pub role: String,
    /// Company.
    pub company: String,
}

/// The trust meter: where it starts, its range and the hang-up rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TrustSettings {
    /// Where the meter starts (default 40).
    pub start: i32,
    /// Lowest value (default 0).
    pub min: i32,
    /// Highest value (default 100).
    pub max: i32,
    /// When trust falls below this, the prospect ends the call (default 10; 0 turns it off).
    pub hang_up_below: i32,
    /// The ending the call goes to when the prospect hangs up (default `"hung-up"`).
    pub hang_up: String,
}

impl Default for TrustSettings {
    fn default() -> Self {
        TrustSettings {
            start: 40,
            min: 0,
            max: 100,
            hang_up_below: 10,
            hang_up: "hung-up".into(),
        }
    }
}

/// A moment where the prospect speaks and the player answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// What the prospect says: one variant is drawn per call from the seed.
    pub prospect: Vec<String>,
    /// Lines that replace `prospect` when their conditions hold; the first that matches wins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines_if: Vec<StateLine>,
    /// What the player can answer.
    pub choices: Vec<Choice>,
}

/// Prospect lines said only in some states of the call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateLine {
    /// All of these must hold.
    pub when: Vec<Condition>,
    /// What the prospect says in that state: variants, one drawn from the seed.
    pub prospect: Vec<String>,
}

/// One line the player can say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The line's stable id, for translations (`peercall i18n ids` writes missing ones). Not
    /// part of the content hash: adding ids changes no result and no competition.
    #[serde(default, skip_serializing)]
    pub id: String,
    /// The player's words.
    pub say: String,
    /// Other wordings of the same line. Each turn draws one from the call's seed, as for the
    /// prospect's lines, so that the words to press cannot be learnt by heart.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// The signal those words send to the prospect.
    pub signal: Signal,
    /// How the prospect's trust moves (default 0).
    #[serde(default)]
    pub trust: i32,
    /// What saying it changes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<Effect>,
    /// The choice is only offered when all of these hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<Condition>,
    /// Where the call goes next: a node id or an ending id.
    pub next: String,
    /// Reactions that replace `trust` and/or `next` in some states; the first that matches wins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub react_if: Vec<Reaction>,
    /// What the debrief says about this line.
    #[serde(default)]
    pub feedback: String,
    /// With `shuffle`, this line keeps its place in the file's order (for a line that only
    /// reads right in one place, like "anything else?" last).
    #[serde(default, skip_serializing_if = "is_false")]
    pub pin: bool,
}

impl Choice {
    /// Wording `n`: 0 is `say`, then the `also` lines in order.
    pub fn wording(&self, n: u32) -> &str {
        match n {
            0 => &self.say,
            n => self.also.get(n as usize - 1).unwrap_or(&self.say),
        }
    }
}

/// For fields left out of the content hash while they have their default value, so that a
/// scenario that does not use them keeps its hash.
fn is_false(b: &bool) -> bool {
    !*b
}

/// A state-dependent reaction to a choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reaction {
    /// All of these must hold.
    pub when: Vec<Condition>,
    /// Trust change in this state, instead of the choice's own.
    #[serde(default)]
    pub trust: Option<i32>,
    /// Where the call goes in this state, instead of the choice's own `next`.
    #[serde(default)]
    pub next: Option<String>,
}

/// What a player's line changes besides trust.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    /// Both sides agreed to a short big-picture conversation before deciding anything.
    PeerContract,
    /// The player committed the company's time: person-days, and what they are for.
    Commit {
        /// Person-days committed.
        days: f32,
        /// What the time is for ("designs and cost estimates").
        what: String,
    },
    /// Sets a named flag.
    Set(String),
    /// Clears a named flag.
    Clear(String),
}

/// A test on the state of the call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// A peer contract has been set up.
    PeerContract,
    /// No peer contract yet.
    NoPeerContract,
    /// Some of the company's time has been committed.
    Committed,
    /// Nothing committed yet.
    NotCommitted,
    /// The named flag is set.
    Flag(String),
    /// The named flag is not set.
    NotFlag(String),
    /// Trust is at least this value.
    TrustAtLeast(i32),
    /// Trust is below this value.
    TrustBelow(i32),
    /// The call is in the named truth.
    Truth(String),
    /// The call is in another truth than the named one.
    NotTruth(String),
}

/// A condition as it is written in a scenario file (`Truth("staying")`, `TrustBelow(30)`).
impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Condition::PeerContract => f.write_str("PeerContract"),
            Condition::NoPeerContract => f.write_str("NoPeerContract"),
            Condition::Committed => f.write_str("Committed"),
            Condition::NotCommitted => f.write_str("NotCommitted"),
            Condition::Flag(n) => write!(f, "Flag({n:?})"),
            Condition::NotFlag(n) => write!(f, "NotFlag({n:?})"),
            Condition::TrustAtLeast(t) => write!(f, "TrustAtLeast({t})"),
            Condition::TrustBelow(t) => write!(f, "TrustBelow({t})"),
            Condition::Truth(n) => write!(f, "Truth({n:?})"),
            Condition::NotTruth(n) => write!(f, "NotTruth({n:?})"),
        }
    }
}

/// Conditions as a `when` list reads: joined by "and".
pub fn conditions_text(when: &[Condition]) -> String {
    when.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" and ")
}

/// How a call can end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// What kind of outcome this is.
    pub outcome: Outcome,
    /// One-line headline for the debrief.
    #[serde(default)]
    pub title: String,
    /// The prospect's last words, if any (variants, one drawn from the seed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prospect: Vec<String>,
    /// What the player should take away.
    pub lesson: String,
    /// Where the call ends instead in some truths: truth id → another ending's id. The late
    /// lines all lead here, and each truth is sent on to the ending that fits it, without a
    /// `react_if` copied onto every one of them. Not part of the hash when empty.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub by_truth: OrderedMap<String>,
}

/// The kind of outcome an ending is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    /// The opportunity is real and the next step fits it.
    QualifiedIn,
    /// The opportunity is not real (or not now), found out early and cheaply.
    QualifiedOut,
    /// The company's time went into a deal that was never real.
    Wasted,
    /// The prospect hung up or walked away.
    Lost,
}

impl Outcome {
    /// Every outcome, best first.
    pub const ALL: [Outcome; 4] = [
        Outcome::QualifiedIn,
        Outcome::QualifiedOut,
        Outcome::Wasted,
        Outcome::Lost,
    ];

    /// Plain words for the outcome.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::QualifiedIn => "qualified in",
            Outcome::QualifiedOut => "qualified out",
            Outcome::Wasted => "resources wasted",
            Outcome::Lost => "prospect lost",
        }
    }

    /// Whether this outcome is a success for the method: the opportunity was qualified.
    pub fn is_qualified(self) -> bool {
        matches!(self, Outcome::QualifiedIn | Outcome::QualifiedOut)
    }
}
