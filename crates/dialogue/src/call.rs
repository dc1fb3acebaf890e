//! The running call: a deterministic, serialisable state machine over a `Script`.

use std::fmt;

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::scenario::{Outcome, Signal};
use crate::script::{Script, State};

/// One player turn: where it happened, what was said and what it did to trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    /// The node the prospect spoke at.
    pub node: u32,
    /// Which prospect variant was said.
    pub variant: u32,
    /// The choice taken, by index in the node (file order).
    pub choice: u32,
    /// The signal it sent.
    pub signal: Signal,
    /// Trust before the line.
    pub trust_before: i32,
    /// Trust after the line (clamped).
    pub trust_after: i32,
    /// Where the line was shown among the choices (1-based; with `shuffle` the order is
    /// drawn from the seed). 0 in calls saved before this was recorded.
    #[serde(default)]
    pub shown: u32,
    /// Which wording of the line the player saw and said (0 is its `say`).
    #[serde(default)]
    pub wording: u32,
}

/// How the call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finish {
    /// The ending, by index in file order.
    pub ending: u32,
    /// Which of the ending's prospect variants was said, if it has any.
    pub variant: Option<u32>,
    /// Whether the prospect hung up because trust fell too low.
    pub hung_up: bool,
    /// Whether it happened while the prospect was waiting for an answer (patience ran out).
    #[serde(default)]
    pub waiting: bool,
}

/// Something the call cannot do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    /// The player picked a number that is not on offer.
    NotOffered {
        /// 1-based turn number.
        turn: usize,
        /// The number picked.
        number: usize,
        /// How many choices were offered.
        offered: usize,
    },
    /// The call has already ended.
    Over,
    /// The saved call belongs to another scenario or another version of it.
    WrongScenario {
        /// The scenario the call was saved from.
        saved: String,
        /// The scenario it was resumed with.
        given: String,
    },
}

impl CallError {
    /// What went wrong, to be said in the reader's language.
    pub fn msg(&self) -> crate::messages::Msg {
        match self {
            CallError::NotOffered {
                turn,
                number,
                offered,
            } => crate::msg!(
                "call-not-offered",
                turn = turn,
                number = number,
                offered = offered
            ),
            CallError::Over => crate::msg!("call-over"),
            CallError::WrongScenario { saved, given } => {
                crate::msg!("call-wrong-scenario", saved = saved, given = given)
            }
        }
    }
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().english())
    }
}

impl std::error::Error for CallError {}

/// A choice on offer, numbered as the player sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Offer<'s> {
    /// 1-based number shown to the player.
    pub number: usize,
    /// Index of the choice in its node.
    pub index: usize,
    /// The words.
    pub say: &'s str,
    /// The signal they send.
    pub signal: Signal,
}

/// A call in progress or finished. Serialise it to save; resume with the same `Script`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Call {
    scenario: String,
    scenario_hash: String,
    seed: u64,
    state: State,
    rng: ChaCha8Rng,
    variant: u32,
    turns: Vec<Turn>,
    /// Trust lost to the prospect's patience running out: (turns taken when it happened, points).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    waits: Vec<(u32, i32)>,
    finish: Option<Finish>,
    /// Where the call began, when not at the scenario's start: a drill begins at the moment of
    /// a missed decision, with the state that led there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<State>,
}

impl Call {
    /// Starts a call: the prospect's first line is drawn from the seed.
    pub fn start(script: &Script, seed: u64) -> Call {
        Call::start_in(script, seed, script.truth_for_seed(seed))
    }

    /// Starts a call in truth `truth` (by position in the scenario's `truths`) instead of the
    /// one the seed draws: practice with a chosen situation.
    pub fn start_in(script: &Script, seed: u64, truth: u32) -> Call {
        let mut call = Call::begin(script, seed, script.start_state_in(truth));
        call.from = None;
        call
    }

    /// Starts a call at `state`'s node with its trust, peer contract, person-days, flags and
    /// truth, as if the turns that lead there had been played: a drill of one decision. The
    /// state is clamped to what the script allows (a node or truth it does not have becomes its
    /// start or first truth, trust is kept in range, unknown flags are dropped).
    pub fn start_from(script: &Script, seed: u64, state: State) -> Call {
        let t = &script.scenario().trust;
        let mut s = state;
        if s.node as usize >= script.node_count() {
            s.node = script.start_state().node;
        }
        s.truth = s.truth.min(script.truth_count().saturating_sub(1) as u8);
        s.trust = s.trust.clamp(t.min, t.max);
        let known = script.flag_names().len();
        if known < 64 {
            s.flags &= (1u64 << known) - 1;
        }
        Call::begin(script, seed, s)
    }

    fn begin(script: &Script, seed: u64, state: State) -> Call {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let variant = draw(&mut rng, script.line_variants(&state));
        Call {
            scenario: script.id().to_string(),
            scenario_hash: script.hash().to_string(),
            seed,
            state,
            rng,
            variant,
            turns: Vec::new(),
            waits: Vec::new(),
            finish: None,
            from: Some(state),
        }
    }

    /// Where a drill began; `None` for a call from the scenario's start.
    pub fn drill_start(&self) -> Option<&State> {
        self.from.as_ref()
    }

    /// The state the call began in: the scenario's start in its truth, or where a drill began.
    pub fn began_at(&self, script: &Script) -> State {
        self.from
            .unwrap_or_else(|| script.start_state_in(u32::from(self.state.truth)))
    }

    /// The prospect waited too long for an answer (scenarios with `patience`): trust falls by
    /// `points`, and the prospect hangs up if it falls below the scenario's threshold. Returns
    /// whether the call is now over. Recorded, so a saved call replays exactly.
    pub fn lose_patience(&mut self, script: &Script, points: i32) -> bool {
        if self.finish.is_some() || points <= 0 {
            return self.finish.is_some();
        }
        let t = &script.scenario().trust;
        let lines_before = script.line_set(&self.state);
        self.state.trust = self.state.trust.saturating_sub(points).clamp(t.min, t.max);
        if script.line_set(&self.state) != lines_before {
            // The prospect's mood changed their line (a `lines_if` on trust): draw it anew.
            self.variant = draw(&mut self.rng, script.line_variants(&self.state));
        }
        let turn = self.turns.len() as u32;
        match self.waits.last_mut() {
            Some((at, p)) if *at == turn => *p += points,
            _ => self.waits.push((turn, points)),
        }
        if let Some(h) = script.hang_up_ending()
            && self.state.trust < t.hang_up_below
        {
            let n = script.ending_variants(h);
            let variant = (n > 0).then(|| draw(&mut self.rng, n));
            self.finish = Some(Finish {
                ending: h,
                variant,
                hung_up: true,
                waiting: true,
            });
        }
        self.finish.is_some()
    }

    /// The state just before each turn was taken, in order (patience losses included).
    pub fn states_before_turns(&self, script: &Script) -> Vec<State> {
        let t = &script.scenario().trust;
        let mut state = self.began_at(script);
        let mut out = Vec::with_capacity(self.turns.len());
        for (i, turn) in self.turns.iter().enumerate() {
            for (_, p) in self.waits.iter().filter(|(at, _)| *at as usize == i) {
                state.trust = state.trust.saturating_sub(*p).clamp(t.min, t.max);
            }
            out.push(state);
            state = script.apply(&state, turn.choice as usize).0;
        }
        out
    }

    /// The turn (0-based) whose prospect line told the truth away (a line the scenario wrote for
    /// this truth only), if one has been said; the line on screen now counts as turn
    /// `turns().len()`.
    pub fn revealed_at(&self, script: &Script) -> Option<usize> {
        if script.truth_count() < 2 {
            return None;
        }
        self.states_before_turns(script)
            .iter()
            .position(|s| script.reveals(s))
            .or_else(|| {
                (self.finish.is_none() && script.reveals(&self.state)).then_some(self.turns.len())
            })
    }

    /// Trust lost to impatience, as (turns taken when it happened, points).
    pub fn waits(&self) -> &[(u32, i32)] {
        &self.waits
    }

    /// Plays `numbers` (1-based, as offered) from the start.
    pub fn replay(script: &Script, seed: u64, numbers: &[usize]) -> Result<Call, CallError> {
        let mut call = Call::start(script, seed);
        for &n in numbers {
            call.choose(script, n)?;
        }
        Ok(call)
    }

    /// Replays a recorded call: the choice taken at each turn (index in its node, as in
    /// [`Turn::choice`]) and the trust lost to impatience before each turn ([`Call::waits`]).
    pub fn replay_log(
        script: &Script,
        seed: u64,
        choices: &[u32],
        waits: &[(u32, i32)],
    ) -> Result<Call, CallError> {
        Call::replay_onto(script, Call::start(script, seed), choices, waits)
    }

    /// Replays a recorded drill: [`Call::replay_log`] from the state it began in.
    pub fn replay_from(
        script: &Script,
        seed: u64,
        from: State,
        choices: &[u32],
        waits: &[(u32, i32)],
    ) -> Result<Call, CallError> {
        Call::replay_onto(script, Call::start_from(script, seed, from), choices, waits)
    }

    fn replay_onto(
        script: &Script,
        mut call: Call,
        choices: &[u32],
        waits: &[(u32, i32)],
    ) -> Result<Call, CallError> {
        for i in 0..=choices.len() {
            for (_, points) in waits.iter().filter(|(at, _)| *at as usize == i) {
                call.lose_patience(script, *points);
            }
            if let Some(&c) = choices.get(i) {
                call.choose_index(script, c as usize)?;
            }
        }
        Ok(call)
    }

    /// Checks that a resumed call belongs to this script (same id and content hash).
    pub fn verify(&self, script: &Script) -> Result<(), CallError> {
        if self.scenario != script.id() || self.scenario_hash != script.hash() {
            return Err(CallError::WrongScenario {
                saved: format!("{} ({})", self.scenario, short(&self.scenario_hash)),
                given: format!("{} ({})", script.id(), short(script.hash())),
            });
        }
        Ok(())
    }

    /// The truth behind the call, by position in the scenario's `truths` (0 when it has none).
    pub fn truth(&self) -> u32 {
        u32::from(self.state.truth)
    }

    /// The seed the call was started with.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The scenario id.
    pub fn scenario_id(&self) -> &str {
        &self.scenario
    }

    /// The current state (node, trust, peer contract, person-days, flags).
    pub fn state(&self) -> &State {
        &self.state
    }

    /// Trust now.
    pub fn trust(&self) -> i32 {
        self.state.trust
    }

    /// Person-days committed so far.
    pub fn days(&self) -> f64 {
        self.state.days()
    }

    /// Every player turn so far.
    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }

    /// How the call ended, once it has.
    pub fn finish(&self) -> Option<&Finish> {
        self.finish.as_ref()
    }

    /// Whether the call has ended.
    pub fn is_over(&self) -> bool {
        self.finish.is_some()
    }

    /// What the prospect is saying now (their last words, once the call is over).
    pub fn prospect_line<'s>(&self, script: &'s Script) -> &'s str {
        match &self.finish {
            Some(f) => ending_line(script, f).unwrap_or(""),
            None => &script.lines(&self.state)[self.variant as usize],
        }
    }

    /// The choices on offer now, numbered from 1 (none once the call is over).
    pub fn offered<'s>(&self, script: &'s Script) -> Vec<Offer<'s>> {
        if self.finish.is_some() {
            return Vec::new();
        }
        let node = script.scenario().nodes.at(self.state.node as usize).1;
        let turn = self.turns.len();
        script
            .shown_order(&self.state, self.seed, turn)
            .into_iter()
            .enumerate()
            .map(|(i, index)| Offer {
                number: i + 1,
                index,
                say: node.choices[index].wording(script.wording(
                    &self.state,
                    self.seed,
                    turn,
                    index,
                )),
                signal: node.choices[index].signal,
            })
            .collect()
    }

    /// How many choices are on offer now (0 once the call is over), without building them.
    pub fn offered_count(&self, script: &Script) -> usize {
        if self.finish.is_some() {
            0
        } else {
            script.offered(&self.state).count()
        }
    }

    /// Says the offered choice numbered `number` (1-based).
    pub fn choose(&mut self, script: &Script, number: usize) -> Result<&Turn, CallError> {
        if self.finish.is_some() {
            return Err(CallError::Over);
        }
        let index = match number {
            0 => None,
            n if script.shuffles() => script
                .shown_order(&self.state, self.seed, self.turns.len())
                .get(n - 1)
                .copied(),
            n => script.offered(&self.state).nth(n - 1),
        };
        match index {
            // The number pressed is where the line was shown: no need to look for it again.
            Some(index) => self.take(script, index, number as u32),
            None => Err(CallError::NotOffered {
                turn: self.turns.len() + 1,
                number,
                offered: script.offered(&self.state).count(),
            }),
        }
    }

    /// Says the choice at `index` in the current node (file order); it must be on offer.
    pub fn choose_index(&mut self, script: &Script, index: usize) -> Result<&Turn, CallError> {
        if self.finish.is_some() {
            return Err(CallError::Over);
        }
        if index >= script.choice_count(self.state.node) || !script.is_offered(&self.state, index) {
            return Err(CallError::NotOffered {
                turn: self.turns.len() + 1,
                number: index + 1,
                offered: script.offered(&self.state).count(),
            });
        }
        let shown = if script.shuffles() {
            script
                .shown_order(&self.state, self.seed, self.turns.len())
                .iter()
                .position(|&i| i == index)
        } else {
            script.offered(&self.state).position(|i| i == index)
        };
        self.take(script, index, shown.map_or(0, |p| p as u32 + 1))
    }

    /// Takes offered choice `index`, which was shown as number `shown`.
    fn take(&mut self, script: &Script, index: usize, shown: u32) -> Result<&Turn, CallError> {
        let before = self.state;
        let (after, ending) = script.apply(&before, index);
        self.turns.push(Turn {
            node: before.node,
            variant: self.variant,
            choice: index as u32,
            signal: script.signal(before.node, index),
            trust_before: before.trust,
            trust_after: after.trust,
            shown,
            wording: script.wording(&before, self.seed, self.turns.len(), index),
        });
        self.state = after;
        match ending {
            Some(e) => {
                let n = script.ending_variants(e);
                let variant = (n > 0).then(|| draw(&mut self.rng, n));
                let hung_up = script.hang_up_ending() == Some(e)
                    && after.trust < script.scenario().trust.hang_up_below;
                self.finish = Some(Finish {
                    ending: e,
                    variant,
                    hung_up,
                    waiting: false,
                });
            }
            None => self.variant = draw(&mut self.rng, script.line_variants(&self.state)),
        }
        Ok(self.turns.last().expect("a turn was just pushed"))
    }

    /// The outcome, once the call is over.
    pub fn outcome(&self, script: &Script) -> Option<Outcome> {
        self.finish
            .map(|f| script.scenario().endings.at(f.ending as usize).1.outcome)
    }

    /// The score (0-100), once the call is over.
    pub fn score(&self, script: &Script) -> Option<u32> {
        self.finish.map(|f| {
            crate::score::score_at(
                script,
                f.ending,
                self.truth(),
                self.state.trust,
                self.state.days(),
            )
        })
    }

    /// Every line of the call in order, prospect and player.
    pub fn transcript(&self, script: &Script) -> Vec<Line> {
        let mut lines = Vec::with_capacity(self.turns.len() * 2 + 2);
        let sc = script.scenario();
        for (t, state) in self.turns.iter().zip(self.states_before_turns(script)) {
            let node = sc.nodes.at(t.node as usize).1;
            lines.push(Line::Prospect {
                text: script.lines(&state)[t.variant as usize].clone(),
            });
            lines.push(Line::Player {
                text: node.choices[t.choice as usize]
                    .wording(t.wording)
                    .to_string(),
                signal: t.signal,
                trust_before: t.trust_before,
                trust_after: t.trust_after,
            });
        }
        match &self.finish {
            Some(f) => {
                if f.waiting {
                    // The question the player never answered.
                    lines.push(Line::Prospect {
                        text: script.lines(&self.state)[self.variant as usize].clone(),
                    });
                }
                if let Some(text) = ending_line(script, f) {
                    lines.push(Line::Prospect { text: text.into() });
                }
            }
            None => lines.push(Line::Prospect {
                text: self.prospect_line(script).into(),
            }),
        }
        lines
    }
}

/// One line of a transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "who", rename_all = "lowercase")]
pub enum Line {
    /// The prospect spoke.
    Prospect {
        /// What they said.
        text: String,
    },
    /// The player spoke.
    Player {
        /// What they said.
        text: String,
        /// The signal it sent.
        signal: Signal,
        /// Trust before.
        trust_before: i32,
        /// Trust after.
        trust_after: i32,
    },
}

fn ending_line<'s>(script: &'s Script, f: &Finish) -> Option<&'s str> {
    let ending = script.scenario().endings.at(f.ending as usize).1;
    f.variant.map(|v| ending.prospect[v as usize].as_str())
}

fn draw(rng: &mut ChaCha8Rng, n: usize) -> u32 {
    if n <= 1 {
        // Still advance the generator so that adding a variant elsewhere does not shift this one.
        rng.next_u32();
        0
    } else {
        (rng.next_u64() % n as u64) as u32
    }
}

fn short(hash: &str) -> &str {
    &hash[..hash.len().min(12)]
}
