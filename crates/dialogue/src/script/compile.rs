//! Compiling a checked scenario into a script: ids to indices, flags to bits, flat tables.

use super::*;

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
        let truth = |id: &str| -> Result<u8, String> {
            scenario
                .truths
                .position(id)
                .filter(|&i| i < MAX_TRUTHS)
                .map(|i| i as u8)
                .ok_or_else(|| format!("unknown truth `{id}`"))
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
                        Condition::Truth(t) => Cond::Truth(truth(t)?, true),
                        Condition::NotTruth(t) => Cond::Truth(truth(t)?, false),
                    })
                })
                .collect::<Result<Vec<_>, String>>()
        };
        let mut nodes = Vec::with_capacity(scenario.nodes.len());
        let mut choices = Vec::new();
        let mut line_sets = Vec::new();
        let mut reactions = Vec::new();
        let mut table = Vec::new();
        let mut effects = Vec::new();
        for (id, node) in scenario.nodes.iter() {
            if node.choices.is_empty() {
                return Err(format!("node `{id}` has no choices"));
            }
            if node.prospect.is_empty() || node.lines_if.iter().any(|l| l.prospect.is_empty()) {
                return Err(format!("node `{id}` has no prospect line"));
            }
            let mut sets = Vec::with_capacity(node.lines_if.len());
            for l in &node.lines_if {
                let when = conds(&l.when, &mut flag)?;
                let reveals = when.iter().any(|c| matches!(c, Cond::Truth(_, true)));
                sets.push(LineSetRow {
                    when: Rows::of(&mut table, when),
                    variants: l.prospect.len() as u32,
                    reveals,
                });
            }
            let truth_lines = node
                .lines_if
                .iter()
                .flat_map(|l| l.when.iter())
                .filter_map(|c| match c {
                    Condition::Truth(t) => scenario.truths.position(t),
                    _ => None,
                })
                .fold(0u64, |m, t| m | 1 << t);
            let lines_if = Rows::of(&mut line_sets, sets);
            let mut rows = Vec::with_capacity(node.choices.len());
            for c in &node.choices {
                let effs = c
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
                    .collect::<Result<Vec<_>, String>>()?;
                let mut reacts = Vec::with_capacity(c.react_if.len());
                for r in &c.react_if {
                    let next = r.next.as_deref().map(target).transpose()?;
                    let when = conds(&r.when, &mut flag)?;
                    reacts.push(ReactionRow {
                        when: Rows::of(&mut table, when),
                        trust: r.trust,
                        next,
                    });
                }
                let requires = conds(&c.requires, &mut flag)?;
                rows.push(ChoiceRow {
                    signal: c.signal,
                    pinned: c.pin,
                    wordings: 1 + c.also.len() as u32,
                    trust: c.trust,
                    next: target(&c.next)?,
                    requires: Rows::of(&mut table, requires),
                    effects: Rows::of(&mut effects, effs),
                    reactions: Rows::of(&mut reactions, reacts),
                });
            }
            nodes.push(NodeRow {
                choices: Rows::of(&mut choices, rows),
                lines_if,
                variants: node.prospect.len() as u32,
                truth_lines,
            });
        }
        let ending_variants = scenario
            .endings
            .iter()
            .map(|(_, e)| e.prospect.len() as u32)
            .collect();
        let mut redirects = Vec::with_capacity(scenario.endings.len());
        for (id, e) in scenario.endings.iter() {
            let mut row = Vec::with_capacity(e.by_truth.len());
            for (t, to) in e.by_truth.iter() {
                let to_at = match target(to)? {
                    Target::Ending(x) => x,
                    Target::Node(_) => {
                        return Err(format!("`{to}` in `{id}`'s `by_truth` is not an ending"));
                    }
                };
                if !scenario.endings.at(to_at as usize).1.by_truth.is_empty() {
                    return Err(format!(
                        "`{to}` in `{id}`'s `by_truth` sends the call on again"
                    ));
                }
                row.push((truth(t)?, to_at));
            }
            redirects.push(row);
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
            legacy_hash: std::sync::OnceLock::new(),
            reach: std::sync::OnceLock::new(),
            nodes,
            choices,
            line_sets,
            reactions,
            conds: table,
            effects,
            ending_variants,
            redirects,
            start,
            hang_up,
            flags,
        })
    }
}
