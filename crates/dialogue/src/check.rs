//! Semantic checks over a parsed scenario: every finding at once, each pointing at its place.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::diagnostic::{Diagnostic, LineIndex, Severity, clip};
use crate::load::Locator;
use crate::scenario::{Condition, Effect, Outcome, Scenario};
use crate::script::{MAX_FLAGS, MAX_TRUTHS};

/// Finds where things are, falling back to the start of the file.
struct Spans<'a> {
    loc: Locator<'a>,
    nodes_at: usize,
    endings_at: usize,
}

impl<'a> Spans<'a> {
    fn new(loc: Locator<'a>) -> Self {
        let nodes_at = loc.field_after("nodes", 0).map_or(0, |r| r.start);
        let endings_at = loc.field_after("endings", 0).map_or(0, |r| r.start);
        Spans {
            loc,
            nodes_at,
            endings_at,
        }
    }

    fn top(&self, field: &str) -> Range<usize> {
        self.loc.field_after(field, 0).unwrap_or(0..0)
    }

    fn node(&self, id: &str, nth: usize) -> Range<usize> {
        self.loc
            .key_after(id, self.nodes_at, nth)
            .unwrap_or_else(|| self.top("nodes"))
    }

    fn ending(&self, id: &str, nth: usize) -> Range<usize> {
        self.loc
            .key_after(id, self.endings_at, nth)
            .unwrap_or_else(|| self.top("endings"))
    }

    fn choice(&self, node: &str, i: usize) -> Range<usize> {
        let at = self.node(node, 0).start;
        self.loc.nth_field_after("say", at, i).unwrap_or(at..at)
    }

    fn choice_field(&self, node: &str, i: usize, field: &str) -> Range<usize> {
        let at = self.choice(node, i).start;
        self.loc.field_after(field, at).unwrap_or(at..at)
    }

    /// The quoted string `"value"` at or after `from`.
    fn string_after(&self, value: &str, from: usize) -> Option<Range<usize>> {
        self.loc.string_after(value, from)
    }
}

/// Characters of an id quoted in a message; longer ids are cut with an ellipsis.
const ID_SHOWN: usize = 60;

/// Id comparisons that "did you mean" may make in one file.
const SUGGESTION_BUDGET: usize = 500_000;

/// Runs every semantic check on `scenario`, parsed from `text` in `file`.
pub fn check(scenario: &Scenario, file: &str, text: &str) -> Vec<Diagnostic> {
    check_located(scenario, file, text, Locator::new(text))
}

/// [`check`] with the [`Locator`] that parsing `text` already built.
pub fn check_located<'s>(
    scenario: &'s Scenario,
    file: &str,
    text: &str,
    loc: Locator<'_>,
) -> Vec<Diagnostic> {
    let spans = Spans::new(loc);
    let at = Place {
        file,
        text,
        lines: std::cell::OnceCell::new(),
    };
    let mut out = Vec::new();
    let mut push =
        |severity, code, msg: String, span: Range<usize>, label: &str, help: Option<String>| {
            out.push(at.finding(severity, code, msg, span, label, help));
        };
    use Severity::{Error, Warning};

    // Metadata.
    for (field, value) in [
        ("id", &scenario.id),
        ("title", &scenario.title),
        ("briefing", &scenario.briefing),
    ] {
        if value.trim().is_empty() {
            push(
                Error,
                "empty-text",
                format!("`{field}` is empty"),
                spans.top(field),
                "empty",
                None,
            );
        }
    }
    if scenario.prospect.name.trim().is_empty() {
        push(
            Error,
            "empty-text",
            "the prospect has no name".into(),
            spans.top("prospect"),
            "here",
            None,
        );
    }
    if !scenario.days_needed.is_finite() || scenario.days_needed < 0.0 {
        push(
            Error,
            "bad-days",
            "`days_needed` must be zero or more person-days".into(),
            spans.top("days_needed"),
            "here",
            None,
        );
    }
    if let Some(p) = scenario.patience
        && (!p.is_finite() || p <= 0.0)
    {
        push(
            Error,
            "bad-patience",
            "`patience` must be a positive number of seconds".into(),
            spans.top("patience"),
            "here",
            Some("leave it out to turn patience off".into()),
        );
    }

    // Trust meter.
    let t = &scenario.trust;
    let range = (t.max - t.min).max(0);
    if t.min >= t.max {
        push(
            Error,
            "trust-range",
            format!("the trust range {}..{} is empty", t.min, t.max),
            spans.top("trust"),
            "here",
            None,
        );
    }
    if t.start < t.min || t.start > t.max {
        push(
            Error,
            "trust-range",
            format!(
                "trust starts at {} , outside the range {}..{}",
                t.start, t.min, t.max
            ),
            spans.top("trust"),
            "here",
            None,
        );
    }
    if t.hang_up_below < t.min || t.hang_up_below > t.max {
        push(
            Error,
            "trust-range",
            format!(
                "`hang_up_below` {} is outside the range {}..{}",
                t.hang_up_below, t.min, t.max
            ),
            spans.top("trust"),
            "here",
            None,
        );
    }
    if t.hang_up_below > t.start && t.start >= t.min {
        push(
            Error,
            "trust-range",
            format!(
                "trust starts at {}, already below `hang_up_below` {}",
                t.start, t.hang_up_below
            ),
            spans.top("trust"),
            "here",
            None,
        );
    }
    let hang_up_on = t.hang_up_below > t.min;
    if hang_up_on {
        match scenario.endings.get(&t.hang_up) {
            None => push(
                Error,
                "unknown-target",
                format!(
                    "no ending `{}` for the prospect hanging up",
                    clip(&t.hang_up, ID_SHOWN)
                ),
                spans.top("trust"),
                "the hang-up rule is on here",
                Some(format!(
                    "add an ending `\"{}\": (outcome: Lost, lesson: \"...\")`, name another with `hang_up: \"...\"`, or turn the rule off with `hang_up_below: 0`",
                    clip(&t.hang_up, ID_SHOWN)
                )),
            ),
            Some(e) if e.outcome != Outcome::Lost => push(
                Warning,
                "hang-up-outcome",
                format!(
                    "the hang-up ending `{}` is not a `Lost` outcome",
                    clip(&t.hang_up, ID_SHOWN)
                ),
                spans.ending(&t.hang_up, 0),
                "here",
                None,
            ),
            Some(_) => {}
        }
    }

    // Ids.
    let ids: Vec<&str> = scenario
        .nodes
        .iter()
        .map(|(k, _)| k)
        .chain(scenario.endings.iter().map(|(k, _)| k))
        .collect();
    for dup in scenario.nodes.duplicates() {
        let dup_ = clip(dup, ID_SHOWN);
        push(
            Error,
            "duplicate-id",
            format!("node `{dup_}` is defined twice"),
            spans.node(dup, 1),
            "second definition",
            Some("ids must be unique; rename one of them".into()),
        );
    }
    for dup in scenario.endings.duplicates() {
        let dup_ = clip(dup, ID_SHOWN);
        push(
            Error,
            "duplicate-id",
            format!("ending `{dup_}` is defined twice"),
            spans.ending(dup, 1),
            "second definition",
            Some("ids must be unique; rename one of them".into()),
        );
    }
    for (id, _) in scenario.endings.iter() {
        let id_ = clip(id, ID_SHOWN);
        if scenario.nodes.contains_key(id) {
            push(
                Error,
                "duplicate-id",
                format!("`{id_}` is both a node and an ending"),
                spans.ending(id, 0),
                "also a node",
                Some("a `next` could not tell them apart; rename one".into()),
            );
        }
    }
    // Choice ids name lines in translations: one line, one id.
    let mut choice_ids: HashMap<&str, &str> = HashMap::new();
    for (node_id, node) in scenario.nodes.iter() {
        for (i, c) in node.choices.iter().enumerate() {
            if c.id.is_empty() {
                continue;
            }
            let bad = c.id.trim() != c.id
                || c.id.chars().any(|ch| ch.is_control() || ch == '#')
                || c.id.chars().count() > 80;
            if bad {
                push(
                    Error,
                    "bad-line-id",
                    format!(
                        "the choice id `{}` cannot name a line",
                        clip(&c.id, ID_SHOWN)
                    ),
                    spans.choice_field(node_id, i, "id"),
                    "here",
                    Some("use up to 80 letters, digits, dashes and dots".into()),
                );
            }
            if let Some(first) = choice_ids.insert(&c.id, node_id) {
                push(
                    Error,
                    "duplicate-line-id",
                    format!(
                        "the choice id `{}` is used twice (first in node `{}`)",
                        clip(&c.id, ID_SHOWN),
                        clip(first, ID_SHOWN)
                    ),
                    spans.choice_field(node_id, i, "id"),
                    "second use",
                    Some("a translation could not tell the lines apart; rename one".into()),
                );
            }
        }
    }
    if scenario.nodes.is_empty() {
        push(
            Error,
            "no-nodes",
            "the scenario has no nodes".into(),
            spans.top("nodes"),
            "here",
            None,
        );
    }
    if scenario.endings.is_empty() {
        push(
            Error,
            "no-endings",
            "the scenario has no endings".into(),
            spans.top("endings"),
            "here",
            None,
        );
    }
    // "Did you mean" compares an unknown id with every id: remembered per unknown id, and
    // given up once a draft with thousands of unknown ids has used its budget of comparisons.
    let mut suggested: HashMap<&str, Option<String>> = HashMap::new();
    let mut budget = SUGGESTION_BUDGET;
    let mut suggest = |id: &'s str| -> Option<String> {
        if let Some(s) = suggested.get(id) {
            return s.clone();
        }
        if budget < ids.len() {
            return None;
        }
        budget -= ids.len();
        let s = ids
            .iter()
            .filter(|c| c.len().abs_diff(id.len()) <= 3.max(c.len() / 3))
            .map(|c| (strsim::damerau_levenshtein(id, c), *c))
            .filter(|(d, c)| *d <= 3.max(c.len() / 3))
            .min_by_key(|(d, _)| *d)
            .map(|(_, c)| format!("did you mean `{}`?", clip(c, ID_SHOWN)));
        suggested.insert(id, s.clone());
        s
    };
    if !scenario.nodes.contains_key(&scenario.start) {
        let span = spans
            .string_after(&scenario.start, 0)
            .unwrap_or_else(|| spans.top("start"));
        let what = if scenario.endings.contains_key(&scenario.start) {
            "is an ending; the call must start at a node"
        } else {
            "is not a node"
        };
        push(
            Error,
            "unknown-target",
            format!("start `{}` {what}", clip(&scenario.start, ID_SHOWN)),
            span,
            "here",
            suggest(&scenario.start),
        );
    }

    // Nodes and choices.
    let mut flags_set: HashSet<&str> = HashSet::new();
    let mut flags_used: Vec<(&str, &str, usize)> = Vec::new(); // flag, node, choice
    let mut all_flags: HashSet<&str> = HashSet::new();
    for (id, node) in scenario.nodes.iter() {
        let id_ = clip(id, ID_SHOWN);
        if node.prospect.is_empty() {
            push(
                Error,
                "empty-text",
                format!("node `{id_}` gives the prospect nothing to say"),
                spans.node(id, 0),
                "here",
                Some("write at least one line in `prospect: [\"...\"]`".into()),
            );
        }
        for (i, line) in node.lines_if.iter().enumerate() {
            if line.prospect.is_empty() {
                push(
                    Error,
                    "empty-text",
                    format!("state line {} of node `{id_}` has no variants", i + 1),
                    spans.node(id, 0),
                    "here",
                    None,
                );
            }
            for c in &line.when {
                note_flags(c, &mut flags_used, &mut all_flags, id, usize::MAX);
            }
        }
        if node
            .prospect
            .iter()
            .chain(node.lines_if.iter().flat_map(|l| l.prospect.iter()))
            .any(|l| l.trim().is_empty())
        {
            push(
                Error,
                "empty-text",
                format!("node `{id_}` has an empty prospect line"),
                spans.node(id, 0),
                "here",
                None,
            );
        }
        if node.choices.is_empty() {
            push(
                Error,
                "no-way-forward",
                format!("node `{id_}` has no choices: the call cannot go on from here"),
                spans.node(id, 0),
                "no choices",
                Some("add choices, or point the lines that lead here at an ending".into()),
            );
        } else if node.choices.iter().all(|c| !c.requires.is_empty()) {
            push(
                Warning,
                "maybe-stuck",
                format!(
                    "every choice at node `{id_}` has conditions: if none holds, the player is stuck"
                ),
                spans.node(id, 0),
                "here",
                Some("give at least one choice no `requires`".into()),
            );
        }
        for (i, c) in node.choices.iter().enumerate() {
            if std::iter::once(&c.say)
                .chain(&c.also)
                .any(|w| w.trim().is_empty())
            {
                push(
                    Error,
                    "empty-text",
                    format!("choice {} of node `{id_}` says nothing", i + 1),
                    spans.choice(id, i),
                    "empty",
                    None,
                );
            }
            let trusts = std::iter::once(c.trust).chain(c.react_if.iter().filter_map(|r| r.trust));
            for tr in trusts {
                if tr.unsigned_abs() > range as u32 {
                    push(
                        Error,
                        "trust-change",
                        format!(
                            "a trust change of {tr:+} is larger than the whole meter ({}..{})",
                            t.min, t.max
                        ),
                        spans.choice_field(id, i, "trust"),
                        "here",
                        None,
                    );
                }
            }
            let nexts = std::iter::once((&c.next, "next")).chain(
                c.react_if
                    .iter()
                    .filter_map(|r| r.next.as_ref().map(|n| (n, "react_if"))),
            );
            for (next, field) in nexts {
                let next_ = clip(next, ID_SHOWN);
                if !scenario.nodes.contains_key(next) && !scenario.endings.contains_key(next) {
                    let at = spans.choice_field(id, i, field).start;
                    let span = spans.string_after(next, at).unwrap_or(at..at);
                    push(
                        Error,
                        "unknown-target",
                        format!("`{next_}` is neither a node nor an ending"),
                        span,
                        "unknown id",
                        suggest(next),
                    );
                }
            }
            for e in &c.effects {
                match e {
                    Effect::Commit { days, what } => {
                        if !days.is_finite() || *days <= 0.0 {
                            push(
                                Error,
                                "bad-days",
                                format!(
                                    "`Commit` needs a positive number of person-days, not {days}"
                                ),
                                spans.choice_field(id, i, "effects"),
                                "here",
                                None,
                            );
                        }
                        if what.trim().is_empty() {
                            push(
                                Warning,
                                "empty-text",
                                "`Commit` does not say what the time is for".into(),
                                spans.choice_field(id, i, "effects"),
                                "here",
                                None,
                            );
                        }
                    }
                    Effect::Set(f) => {
                        flags_set.insert(f);
                        all_flags.insert(f);
                    }
                    Effect::Clear(f) => {
                        all_flags.insert(f);
                    }
                    Effect::PeerContract => {}
                }
            }
            for cond in c
                .requires
                .iter()
                .chain(c.react_if.iter().flat_map(|r| r.when.iter()))
            {
                note_flags(cond, &mut flags_used, &mut all_flags, id, i);
                if let Condition::TrustAtLeast(v) | Condition::TrustBelow(v) = cond
                    && (*v < t.min || *v > t.max + 1)
                {
                    push(
                        Warning,
                        "trust-condition",
                        format!(
                            "trust condition {v} is outside the range {}..{}",
                            t.min, t.max
                        ),
                        spans.choice_field(id, i, "requires"),
                        "here",
                        None,
                    );
                }
            }
        }
    }
    for (id, ending) in scenario.endings.iter() {
        let id_ = clip(id, ID_SHOWN);
        if ending.lesson.trim().is_empty() {
            push(
                Error,
                "empty-text",
                format!("ending `{id_}` has no lesson"),
                spans.ending(id, 0),
                "here",
                Some("say in a sentence what the player should take away".into()),
            );
        }
    }
    let mut reported = HashSet::new();
    for (flag, node, choice) in &flags_used {
        let flag_ = clip(flag, ID_SHOWN);
        if !flags_set.contains(flag) && reported.insert(*flag) {
            let at = if *choice == usize::MAX {
                spans.node(node, 0).start
            } else {
                spans.choice(node, *choice).start
            };
            let span = spans.string_after(flag, at).unwrap_or(at..at);
            let help = flags_set
                .iter()
                .map(|s| (strsim::damerau_levenshtein(flag, s), *s))
                .filter(|(d, _)| *d <= 3)
                .min_by_key(|(d, _)| *d)
                .map(|(_, s)| {
                    format!(
                        "did you mean `{}`? Flags are set with `Set(\"...\")` effects",
                        clip(s, ID_SHOWN)
                    )
                })
                .or_else(|| Some("set it with an effect `Set(\"...\")` on some choice".into()));
            push(
                Warning,
                "unset-flag",
                format!("condition on flag `{flag_}`, which nothing sets"),
                span,
                "never set",
                help,
            );
        }
    }
    // Truths: every condition names a declared one, and there are not too many.
    if scenario.truths.len() > MAX_TRUTHS {
        push(
            Error,
            "too-many-truths",
            format!(
                "{} truths; a scenario may declare at most {MAX_TRUTHS}",
                scenario.truths.len()
            ),
            spans.top("truths"),
            "here",
            None,
        );
    }
    for (t, truth) in scenario.truths.iter() {
        if let Some(d) = truth.days_needed
            && !(d.is_finite() && d >= 0.0)
        {
            let at = spans.top("truths").start;
            push(
                Error,
                "bad-days",
                format!(
                    "truth `{}` needs {d} person-days; give a number of days, 0 or more",
                    clip(t, ID_SHOWN)
                ),
                spans.string_after(t, at).unwrap_or(at..at),
                "here",
                None,
            );
        }
        for f in truth
            .fits
            .iter()
            .filter(|f| !scenario.endings.contains_key(f.as_str()))
        {
            let at = spans.top("truths").start;
            let span = spans.string_after(f, at).unwrap_or(at..at);
            push(
                Error,
                "unknown-target",
                format!(
                    "truth `{}` fits `{}`, which is not an ending",
                    clip(t, ID_SHOWN),
                    clip(f, ID_SHOWN)
                ),
                span,
                "unknown ending",
                Some(format!(
                    "the endings are: {}",
                    clip(
                        &scenario
                            .endings
                            .iter()
                            .map(|(k, _)| k)
                            .collect::<Vec<_>>()
                            .join(", "),
                        200
                    )
                )),
            );
        }
    }
    // Every truth can be heard: some prospect line is written for it alone.
    if scenario.truths.len() > 1 {
        // A truth is heard where a line is written for it, or where every other truth has a
        // line of its own (the node's own line then tells it).
        let mut heard: HashSet<&str> = HashSet::new();
        for (_, n) in scenario.nodes.iter() {
            let here: HashSet<&str> = n
                .lines_if
                .iter()
                .flat_map(|l| l.when.iter())
                .filter_map(|c| match c {
                    Condition::Truth(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect();
            if here.len() + 1 == scenario.truths.len()
                && let Some((rest, _)) = scenario.truths.iter().find(|(t, _)| !here.contains(*t))
            {
                heard.insert(rest);
            }
            heard.extend(here);
        }
        for (t, _) in scenario.truths.iter().filter(|(t, _)| !heard.contains(*t)) {
            let at = spans.top("truths").start;
            push(
                Warning,
                "unheard-truth",
                format!(
                    "no prospect line is written for truth `{}`: a player cannot hear which situation the call is in",
                    clip(t, ID_SHOWN)
                ),
                spans.string_after(t, at).unwrap_or(at..at),
                "never said",
                Some(format!(
                    "give a business question's answer a line for it: `lines_if: [(when: [Truth(\"{}\")], prospect: [\"...\"])]`",
                    clip(t, ID_SHOWN)
                )),
            );
        }
    }
    let mut unknown_truths = HashSet::new();
    for (id, node) in scenario.nodes.iter() {
        let node_conds = node
            .lines_if
            .iter()
            .flat_map(|l| &l.when)
            .map(|c| (c, None));
        let choice_conds = node.choices.iter().enumerate().flat_map(|(i, c)| {
            c.requires
                .iter()
                .chain(c.react_if.iter().flat_map(|r| &r.when))
                .map(move |c| (c, Some(i)))
        });
        for (c, choice) in node_conds.chain(choice_conds) {
            let (Condition::Truth(t) | Condition::NotTruth(t)) = c else {
                continue;
            };
            if scenario.truths.contains_key(t) || !unknown_truths.insert((t, id, choice)) {
                continue;
            }
            let at = match choice {
                Some(i) => spans.choice(id, i).start,
                None => spans.node(id, 0).start,
            };
            let span = spans.string_after(t, at).unwrap_or(at..at);
            let declared: Vec<&str> = scenario.truths.iter().map(|(k, _)| k).collect();
            let help = declared
                .iter()
                .map(|k| (strsim::damerau_levenshtein(t, k), *k))
                .filter(|(d, _)| *d <= 3)
                .min_by_key(|(d, _)| *d)
                .map(|(_, k)| format!("did you mean `{}`?", clip(k, ID_SHOWN)))
                .or_else(|| {
                    Some(if declared.is_empty() {
                        "declare the situations behind the request in `truths: { ... }`".into()
                    } else {
                        format!("the truths are: {}", clip(&declared.join(", "), 200))
                    })
                });
            push(
                Error,
                "unknown-truth",
                format!(
                    "condition on truth `{}`, which is not declared",
                    clip(t, ID_SHOWN)
                ),
                span,
                "unknown truth",
                help,
            );
        }
    }
    if all_flags.len() > MAX_FLAGS {
        push(
            Error,
            "too-many-flags",
            format!(
                "{} distinct flags; a scenario may use at most {MAX_FLAGS}",
                all_flags.len()
            ),
            spans.top("nodes"),
            "here",
            None,
        );
    }

    // Graph: only when the ids are sound, so every edge resolves.
    let ids_ok = !out.iter().any(|d| {
        d.is_error()
            && matches!(
                d.code,
                "unknown-target" | "duplicate-id" | "no-nodes" | "no-endings"
            )
    });
    if ids_ok {
        graph_checks(
            scenario,
            &spans,
            hang_up_on,
            &mut |sev, code, msg, span, label, help| {
                out.push(at.finding(sev, code, msg, span, label, help));
            },
        );
    }
    // Truths: what peer and customer-advocate play can win in each, when the file compiles.
    if !scenario.truths.is_empty()
        && !out.iter().any(Diagnostic::is_error)
        && let Ok(script) = crate::script::Script::compile(scenario.clone())
        && let Some(lessons) = crate::analyze::truth_lessons(&script, TRUTH_STATES)
    {
        let at_truths = spans.top("truths").start;
        for l in lessons {
            let id = scenario.truths.at(l.truth as usize).0;
            let id_ = clip(id, ID_SHOWN);
            let span = spans
                .string_after(id, at_truths)
                .unwrap_or(at_truths..at_truths);
            if !l.peer_wins {
                out.push(at.finding(
                    Severity::Warning,
                    "no-peer-win",
                    format!("in truth `{id_}`, no path of peer signals ends at an ending that fits it"),
                    span.clone(),
                    "cannot be won",
                    Some("let the peer path reach one of its `fits` endings, or fit it to the ending peer play reaches".into()),
                ));
            }
            if l.advocate_wins {
                out.push(at.finding(
                    Severity::Warning,
                    "advocate-wins",
                    format!("in truth `{id_}`, a path of only customer-advocate signals ends at an ending that fits it"),
                    span,
                    "won without the method",
                    Some("customer-advocate play should end wasted or lost in every truth: `peercall analyze` shows the path".into()),
                ));
            }
        }
    }
    out.sort_by_key(|d| (d.span.start, d.severity));
    out
}

/// States per truth that `check` explores for the truth rules before it leaves them to
/// `peercall analyze`.
const TRUTH_STATES: usize = 100_000;

/// The file a check reports on, with its line index.
struct Place<'a> {
    file: &'a str,
    text: &'a str,
    /// Built at the first finding: a clean file never needs it.
    lines: std::cell::OnceCell<LineIndex>,
}

impl Place<'_> {
    /// One finding with its label and optional help.
    fn finding(
        &self,
        severity: Severity,
        code: &'static str,
        msg: String,
        span: Range<usize>,
        label: &str,
        help: Option<String>,
    ) -> Diagnostic {
        let lines = self.lines.get_or_init(|| LineIndex::new(self.text));
        let d = Diagnostic::at_indexed(severity, code, msg, self.file, lines, self.text, span)
            .with_label(label);
        match help {
            Some(h) => d.with_help(h),
            None => d,
        }
    }
}

fn note_flags<'a>(
    c: &'a Condition,
    used: &mut Vec<(&'a str, &'a str, usize)>,
    all: &mut HashSet<&'a str>,
    node: &'a str,
    choice: usize,
) {
    if let Condition::Flag(f) | Condition::NotFlag(f) = c {
        all.insert(f);
        if matches!(c, Condition::Flag(_)) {
            used.push((f, node, choice));
        }
    }
}

type Report<'r> =
    dyn FnMut(Severity, &'static str, String, Range<usize>, &str, Option<String>) + 'r;

fn graph_checks(scenario: &Scenario, spans: &Spans, hang_up_on: bool, report: &mut Report) {
    let n = scenario.nodes.len();
    let m = scenario.endings.len();
    // Vertices: nodes 0..n, endings n..n+m.
    let index = |id: &str| -> usize {
        scenario
            .nodes
            .position(id)
            .or_else(|| scenario.endings.position(id).map(|e| n + e))
            .expect("ids checked")
    };
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); n + m];
    let mut can_lose_trust = vec![false; n];
    for (i, (_, node)) in scenario.nodes.iter().enumerate() {
        for c in &node.choices {
            let targets =
                std::iter::once(&c.next).chain(c.react_if.iter().filter_map(|r| r.next.as_ref()));
            for target in targets {
                let j = index(target);
                edges[i].push(j);
                reverse[j].push(i);
            }
            if c.trust < 0 || c.react_if.iter().any(|r| r.trust.is_some_and(|t| t < 0)) {
                can_lose_trust[i] = true;
            }
        }
    }
    // Forward reachability from the start.
    let mut reached = vec![false; n + m];
    let start = scenario
        .nodes
        .position(&scenario.start)
        .expect("start checked");
    let mut stack = vec![start];
    reached[start] = true;
    while let Some(v) = stack.pop() {
        if v < n {
            for &w in &edges[v] {
                if !reached[w] {
                    reached[w] = true;
                    stack.push(w);
                }
            }
        }
    }
    // Backward: which nodes can reach some ending.
    let mut finishes = vec![false; n + m];
    let mut stack: Vec<usize> = (n..n + m).collect();
    for &e in &stack {
        finishes[e] = true;
    }
    while let Some(v) = stack.pop() {
        for &w in &reverse[v] {
            if !finishes[w] {
                finishes[w] = true;
                stack.push(w);
            }
        }
    }
    let hang_up = hang_up_on
        .then(|| scenario.endings.position(&scenario.trust.hang_up))
        .flatten();
    for (i, (id, _)) in scenario.nodes.iter().enumerate() {
        let id_ = clip(id, ID_SHOWN);
        if !reached[i] {
            report(
                Severity::Warning,
                "unreachable",
                format!("node `{id_}` cannot be reached from the start"),
                spans.node(id, 0),
                "unreachable",
                Some("point a choice's `next` at it, or remove it".into()),
            );
        } else if !finishes[i] {
            let (sev, help) = if hang_up.is_some() && can_lose_trust[i] {
                (
                    Severity::Warning,
                    "only the prospect hanging up can end the call from here",
                )
            } else {
                (
                    Severity::Error,
                    "the call would loop for ever: add a choice that leads to an ending",
                )
            };
            report(
                sev,
                "no-ending",
                format!("no ending can be reached from node `{id_}`"),
                spans.node(id, 0),
                "stuck in a loop",
                Some(help.into()),
            );
        }
    }
    let any_trust_loss = (0..n).any(|i| reached[i] && can_lose_trust[i]);
    for (e, (id, _)) in scenario.endings.iter().enumerate() {
        let id_ = clip(id, ID_SHOWN);
        let by_hang_up = hang_up == Some(e) && any_trust_loss;
        if !reached[n + e] && !by_hang_up {
            report(
                Severity::Warning,
                "unreachable",
                format!("no path reaches ending `{id_}`"),
                spans.ending(id, 0),
                "never reached",
                None,
            );
        }
    }
    // The method's two moves: somewhere a peer contract, somewhere a commitment.
    let reachable_effects = || {
        scenario
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, _)| reached[*i])
            .flat_map(|(_, (_, node))| node.choices.iter().flat_map(|c| c.effects.iter()))
    };
    if !reachable_effects().any(|e| matches!(e, Effect::PeerContract)) {
        report(
            Severity::Warning,
            "no-peer-contract",
            "no path sets up a peer contract".into(),
            spans.top("nodes"),
            "here",
            Some(
                "give the player a chance to propose one: a choice with `effects: [PeerContract]`"
                    .into(),
            ),
        );
    }
    if !reachable_effects().any(|e| matches!(e, Effect::Commit { .. })) {
        report(Severity::Warning, "no-commitment", "no path commits resources".into(), spans.top("nodes"), "here", Some("the player should be tempted to commit: a choice with `effects: [Commit(days: 10, what: \"...\")]`".into()));
    }
}
