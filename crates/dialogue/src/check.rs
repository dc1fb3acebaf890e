//! Semantic checks over a parsed scenario: every finding at once, each pointing at its place.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::diagnostic::{Diagnostic, LineIndex, Severity, clip};
use crate::load::Locator;
use crate::messages::Msg;
use crate::msg;
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
    let mut push = |severity, code, msg: Msg, span: Range<usize>, label: Msg, help: Option<Msg>| {
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
                msg!("check-empty-field", field = field),
                spans.top(field),
                msg!("label-empty"),
                None,
            );
        }
    }
    if scenario.prospect.name.trim().is_empty() {
        push(
            Error,
            "empty-text",
            msg!("check-no-prospect-name"),
            spans.top("prospect"),
            msg!("label-here"),
            None,
        );
    }
    if !scenario.days_needed.is_finite() || scenario.days_needed < 0.0 {
        push(
            Error,
            "bad-days",
            msg!("check-bad-days-needed"),
            spans.top("days_needed"),
            msg!("label-here"),
            None,
        );
    }
    if let Some(p) = scenario.patience
        && (!p.is_finite() || p <= 0.0)
    {
        push(
            Error,
            "bad-patience",
            msg!("check-bad-patience"),
            spans.top("patience"),
            msg!("label-here"),
            Some(msg!("check-bad-patience-help")),
        );
    }

    // Trust meter.
    let t = &scenario.trust;
    let range = (t.max - t.min).max(0);
    if t.min >= t.max {
        push(
            Error,
            "trust-range",
            msg!("check-trust-range-empty", min = t.min, max = t.max),
            spans.top("trust"),
            msg!("label-here"),
            None,
        );
    }
    if t.start < t.min || t.start > t.max {
        push(
            Error,
            "trust-range",
            msg!(
                "check-trust-start-outside",
                start = t.start,
                min = t.min,
                max = t.max
            ),
            spans.top("trust"),
            msg!("label-here"),
            None,
        );
    }
    if t.hang_up_below < t.min || t.hang_up_below > t.max {
        push(
            Error,
            "trust-range",
            msg!(
                "check-hang-up-outside",
                value = t.hang_up_below,
                min = t.min,
                max = t.max
            ),
            spans.top("trust"),
            msg!("label-here"),
            None,
        );
    }
    if t.hang_up_below > t.start && t.start >= t.min {
        push(
            Error,
            "trust-range",
            msg!(
                "check-trust-start-below-hang-up",
                start = t.start,
                value = t.hang_up_below
            ),
            spans.top("trust"),
            msg!("label-here"),
            None,
        );
    }
    let hang_up_on = t.hang_up_below > t.min;
    if hang_up_on {
        match scenario.endings.get(&t.hang_up) {
            None => push(
                Error,
                "unknown-target",
                msg!("check-no-hang-up-ending", id = clip(&t.hang_up, ID_SHOWN)),
                spans.top("trust"),
                msg!("label-hang-up-rule"),
                Some(msg!(
                    "check-no-hang-up-ending-help",
                    id = clip(&t.hang_up, ID_SHOWN)
                )),
            ),
            Some(e) if e.outcome != Outcome::Lost => push(
                Warning,
                "hang-up-outcome",
                msg!("check-hang-up-not-lost", id = clip(&t.hang_up, ID_SHOWN)),
                spans.ending(&t.hang_up, 0),
                msg!("label-here"),
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
            msg!("check-duplicate-node", id = dup_),
            spans.node(dup, 1),
            msg!("label-second-definition"),
            Some(msg!("check-duplicate-id-help")),
        );
    }
    for dup in scenario.endings.duplicates() {
        let dup_ = clip(dup, ID_SHOWN);
        push(
            Error,
            "duplicate-id",
            msg!("check-duplicate-ending", id = dup_),
            spans.ending(dup, 1),
            msg!("label-second-definition"),
            Some(msg!("check-duplicate-id-help")),
        );
    }
    for (id, _) in scenario.endings.iter() {
        let id_ = clip(id, ID_SHOWN);
        if scenario.nodes.contains_key(id) {
            push(
                Error,
                "duplicate-id",
                msg!("check-node-and-ending", id = id_),
                spans.ending(id, 0),
                msg!("label-also-a-node"),
                Some(msg!("check-node-and-ending-help")),
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
                    msg!("check-bad-choice-id", id = clip(&c.id, ID_SHOWN)),
                    spans.choice_field(node_id, i, "id"),
                    msg!("label-here"),
                    Some(msg!("check-bad-choice-id-help")),
                );
            }
            if let Some(first) = choice_ids.insert(&c.id, node_id) {
                push(
                    Error,
                    "duplicate-line-id",
                    msg!(
                        "check-duplicate-choice-id",
                        id = clip(&c.id, ID_SHOWN),
                        first = clip(first, ID_SHOWN)
                    ),
                    spans.choice_field(node_id, i, "id"),
                    msg!("label-second-use"),
                    Some(msg!("check-duplicate-choice-id-help")),
                );
            }
        }
    }
    if scenario.nodes.is_empty() {
        push(
            Error,
            "no-nodes",
            msg!("check-no-nodes"),
            spans.top("nodes"),
            msg!("label-here"),
            None,
        );
    }
    if scenario.endings.is_empty() {
        push(
            Error,
            "no-endings",
            msg!("check-no-endings"),
            spans.top("endings"),
            msg!("label-here"),
            None,
        );
    }
    // "Did you mean" compares an unknown id with every id: remembered per unknown id, and
    // given up once a draft with thousands of unknown ids has used its budget of comparisons.
    let mut suggested: HashMap<&str, Option<Msg>> = HashMap::new();
    let mut budget = SUGGESTION_BUDGET;
    let mut suggest = |id: &'s str| -> Option<Msg> {
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
            .map(|(_, c)| msg!("check-did-you-mean", id = clip(c, ID_SHOWN)));
        suggested.insert(id, s.clone());
        s
    };
    if !scenario.nodes.contains_key(&scenario.start) {
        let span = spans
            .string_after(&scenario.start, 0)
            .unwrap_or_else(|| spans.top("start"));
        let start = clip(&scenario.start, ID_SHOWN);
        let what = if scenario.endings.contains_key(&scenario.start) {
            msg!("check-start-is-ending", id = start)
        } else {
            msg!("check-start-not-a-node", id = start)
        };
        push(
            Error,
            "unknown-target",
            what,
            span,
            msg!("label-here"),
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
                msg!("check-node-silent", node = id_),
                spans.node(id, 0),
                msg!("label-here"),
                Some(msg!("check-node-silent-help")),
            );
        }
        for (i, line) in node.lines_if.iter().enumerate() {
            if line.prospect.is_empty() {
                push(
                    Error,
                    "empty-text",
                    msg!("check-state-line-empty", number = i + 1, node = id_),
                    spans.node(id, 0),
                    msg!("label-here"),
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
                msg!("check-empty-prospect-line", node = id_),
                spans.node(id, 0),
                msg!("label-here"),
                None,
            );
        }
        if node.choices.is_empty() {
            push(
                Error,
                "no-way-forward",
                msg!("check-no-choices", node = id_),
                spans.node(id, 0),
                msg!("label-no-choices"),
                Some(msg!("check-no-choices-help")),
            );
        } else if node.choices.iter().all(|c| !c.requires.is_empty()) {
            push(
                Warning,
                "maybe-stuck",
                msg!("check-maybe-stuck", node = id_),
                spans.node(id, 0),
                msg!("label-here"),
                Some(msg!("check-maybe-stuck-help")),
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
                    msg!("check-choice-silent", number = i + 1, node = id_),
                    spans.choice(id, i),
                    msg!("label-empty"),
                    None,
                );
            }
            let trusts = std::iter::once(c.trust).chain(c.react_if.iter().filter_map(|r| r.trust));
            for tr in trusts {
                if tr.unsigned_abs() > range as u32 {
                    push(
                        Error,
                        "trust-change",
                        msg!(
                            "check-trust-change",
                            change = format!("{tr:+}"),
                            min = t.min,
                            max = t.max
                        ),
                        spans.choice_field(id, i, "trust"),
                        msg!("label-here"),
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
                        msg!("check-unknown-next", id = next_),
                        span,
                        msg!("label-unknown-id"),
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
                                msg!("check-commit-days", days = days),
                                spans.choice_field(id, i, "effects"),
                                msg!("label-here"),
                                None,
                            );
                        }
                        if what.trim().is_empty() {
                            push(
                                Warning,
                                "empty-text",
                                msg!("check-commit-what"),
                                spans.choice_field(id, i, "effects"),
                                msg!("label-here"),
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
                        msg!("check-trust-condition", value = v, min = t.min, max = t.max),
                        spans.choice_field(id, i, "requires"),
                        msg!("label-here"),
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
                msg!("check-no-lesson", id = id_),
                spans.ending(id, 0),
                msg!("label-here"),
                Some(msg!("check-no-lesson-help")),
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
                .map(|(_, s)| msg!("check-unset-flag-guess", flag = clip(s, ID_SHOWN)))
                .or_else(|| Some(msg!("check-unset-flag-help")));
            push(
                Warning,
                "unset-flag",
                msg!("check-unset-flag", flag = flag_),
                span,
                msg!("label-never-set"),
                help,
            );
        }
    }
    // Truths: every condition names a declared one, and there are not too many.
    if scenario.truths.len() > MAX_TRUTHS {
        push(
            Error,
            "too-many-truths",
            msg!(
                "check-too-many-truths",
                count = scenario.truths.len(),
                max = MAX_TRUTHS
            ),
            spans.top("truths"),
            msg!("label-here"),
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
                msg!("check-truth-days", truth = clip(t, ID_SHOWN), days = d),
                spans.string_after(t, at).unwrap_or(at..at),
                msg!("label-here"),
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
                msg!(
                    "check-truth-fits-unknown",
                    truth = clip(t, ID_SHOWN),
                    ending = clip(f, ID_SHOWN)
                ),
                span,
                msg!("label-unknown-ending"),
                Some(msg!(
                    "check-endings-are",
                    list = clip(
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
                msg!("check-unheard-truth", truth = clip(t, ID_SHOWN)),
                spans.string_after(t, at).unwrap_or(at..at),
                msg!("label-never-said"),
                Some(msg!("check-unheard-truth-help", truth = clip(t, ID_SHOWN))),
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
                .map(|(_, k)| msg!("check-did-you-mean", id = clip(k, ID_SHOWN)))
                .or_else(|| {
                    Some(if declared.is_empty() {
                        msg!("check-declare-truths")
                    } else {
                        msg!("check-truths-are", list = clip(&declared.join(", "), 200))
                    })
                });
            push(
                Error,
                "unknown-truth",
                msg!("check-unknown-truth", truth = clip(t, ID_SHOWN)),
                span,
                msg!("label-unknown-truth"),
                help,
            );
        }
    }
    if all_flags.len() > MAX_FLAGS {
        push(
            Error,
            "too-many-flags",
            msg!(
                "check-too-many-flags",
                count = all_flags.len(),
                max = MAX_FLAGS
            ),
            spans.top("nodes"),
            msg!("label-here"),
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
                    msg!("check-no-peer-win", truth = id_),
                    span.clone(),
                    msg!("label-cannot-be-won"),
                    Some(msg!("check-no-peer-win-help")),
                ));
            }
            if l.advocate_wins {
                out.push(at.finding(
                    Severity::Warning,
                    "advocate-wins",
                    msg!("check-advocate-wins", truth = id_),
                    span,
                    msg!("label-won-without-method"),
                    Some(msg!("check-advocate-wins-help")),
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
        msg: Msg,
        span: Range<usize>,
        label: Msg,
        help: Option<Msg>,
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

type Report<'r> = dyn FnMut(Severity, &'static str, Msg, Range<usize>, Msg, Option<Msg>) + 'r;

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
                msg!("check-unreachable-node", node = id_),
                spans.node(id, 0),
                msg!("label-unreachable"),
                Some(msg!("check-unreachable-node-help")),
            );
        } else if !finishes[i] {
            let (sev, help) = if hang_up.is_some() && can_lose_trust[i] {
                (Severity::Warning, msg!("check-only-hang-up"))
            } else {
                (Severity::Error, msg!("check-loops-forever"))
            };
            report(
                sev,
                "no-ending",
                msg!("check-no-ending", node = id_),
                spans.node(id, 0),
                msg!("label-stuck"),
                Some(help),
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
                msg!("check-unreachable-ending", id = id_),
                spans.ending(id, 0),
                msg!("label-never-reached"),
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
            msg!("check-no-peer-contract"),
            spans.top("nodes"),
            msg!("label-here"),
            Some(msg!("check-no-peer-contract-help")),
        );
    }
    if !reachable_effects().any(|e| matches!(e, Effect::Commit { .. })) {
        report(
            Severity::Warning,
            "no-commitment",
            msg!("check-no-commitment"),
            spans.top("nodes"),
            msg!("label-here"),
            Some(msg!("check-no-commitment-help")),
        );
    }
}
