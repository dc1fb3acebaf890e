//! Where `peercall run --from NODE` starts: the node, and the state given beside it on the
//! command line (trust, flags, peer contract, person-days, truth), each checked against the
//! scenario, with what is wrong and what would be right.

use clap::Args;
use peercall_dialogue::Script;
use peercall_dialogue::drill::Moment;
use peercall_dialogue::script::{State, to_centidays};

/// The state a call can be started in, for trying one part of a scenario.
#[derive(Debug, Args, Default)]
pub struct FromArgs {
    /// Start at this node (its id) instead of the scenario's start, in the state given by the
    /// options below (a practice call: not recorded).
    #[arg(long, conflicts_with_all = ["player", "competition"])]
    pub from: Option<String>,
    /// With `--from`: the trust to start with (default: the scenario's start).
    #[arg(long, requires = "from", allow_negative_numbers = true)]
    pub trust: Option<i32>,
    /// With `--from`: the flags set, by name, e.g. `criteria,asked-budget`.
    #[arg(long, value_delimiter = ',', requires = "from")]
    pub flags: Vec<String>,
    /// With `--from`: a peer contract has been set up.
    #[arg(long, requires = "from")]
    pub peer_contract: bool,
    /// With `--from`: person-days already committed, e.g. `1.5`.
    #[arg(long, requires = "from", allow_negative_numbers = true)]
    pub days: Option<f64>,
}

impl FromArgs {
    /// The state to start in, in truth `truth` (by position); `None` without `--from`.
    pub fn state(&self, script: &Script, truth: u32) -> Result<Option<State>, String> {
        let Some(node) = &self.from else {
            return Ok(None);
        };
        let sc = script.scenario();
        if !sc.nodes.contains_key(node) {
            let ids: Vec<&str> = sc.nodes.iter().map(|(k, _)| k).collect();
            return Err(super::say(
                "err-from-no-node",
                &[
                    ("node", node.as_str().into()),
                    ("near", nearest(node, &ids).into()),
                    ("list", ids.join(", ").into()),
                ],
            ));
        }
        for f in &self.flags {
            if !script.flag_names().iter().any(|n| n == f) {
                let known: Vec<&str> = script.flag_names().iter().map(String::as_str).collect();
                return Err(if known.is_empty() {
                    super::say("err-from-no-flags", &[("flag", f.as_str().into())])
                } else {
                    super::say(
                        "err-from-no-flag",
                        &[
                            ("flag", f.as_str().into()),
                            ("list", known.join(", ").into()),
                        ],
                    )
                });
            }
        }
        let t = &sc.trust;
        let trust = self.trust.unwrap_or(t.start);
        if trust < t.min || trust > t.max {
            return Err(super::say(
                "err-from-trust",
                &[
                    ("trust", trust.into()),
                    ("min", t.min.into()),
                    ("max", t.max.into()),
                ],
            ));
        }
        let days = self.days.unwrap_or(0.0);
        if !days.is_finite() || !(0.0..=1000.0).contains(&days) {
            return Err(super::say("err-from-days", &[("days", days.into())]));
        }
        let moment = Moment {
            node: node.clone(),
            trust,
            peer_contract: self.peer_contract,
            centidays: to_centidays(days as f32),
            flags: self.flags.clone(),
        };
        Ok(moment.state(script, truth))
    }
}

/// ` (did you mean `x`?)` for the id nearest to `given`, when one is close; otherwise nothing.
fn nearest(given: &str, ids: &[&str]) -> String {
    peercall_dialogue::nearest_id(given, ids)
        .map(|id| {
            format!(
                " ({})",
                super::say("err-did-you-mean", &[("id", id.into())])
            )
        })
        .unwrap_or_default()
}
