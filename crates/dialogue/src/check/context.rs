//! What every rule family works with: the scenario, where things are in its text, the
//! findings so far, and the "did you mean" suggestions (remembered, and bounded per file).

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use super::ID_SHOWN;
use super::code::Code;
use crate::diagnostic::{Diagnostic, LineIndex, Severity, clip};
use crate::load::Locator;
use crate::messages::Msg;
use crate::msg;
use crate::scenario::Scenario;

/// Id comparisons that "did you mean" may make in one file.
const SUGGESTION_BUDGET: usize = 500_000;

/// Finds where things are, falling back to the start of the file.
pub(super) struct Spans<'a> {
    loc: Locator<'a>,
    nodes_at: usize,
    endings_at: usize,
}

impl<'a> Spans<'a> {
    pub(super) fn new(loc: Locator<'a>) -> Self {
        let nodes_at = loc.field_after("nodes", 0).map_or(0, |r| r.start);
        let endings_at = loc.field_after("endings", 0).map_or(0, |r| r.start);
        Spans {
            loc,
            nodes_at,
            endings_at,
        }
    }

    pub(super) fn top(&self, field: &str) -> Range<usize> {
        self.loc.field_after(field, 0).unwrap_or(0..0)
    }

    pub(super) fn node(&self, id: &str, nth: usize) -> Range<usize> {
        self.loc
            .key_after(id, self.nodes_at, nth)
            .unwrap_or_else(|| self.top("nodes"))
    }

    pub(super) fn ending(&self, id: &str, nth: usize) -> Range<usize> {
        self.loc
            .key_after(id, self.endings_at, nth)
            .unwrap_or_else(|| self.top("endings"))
    }

    pub(super) fn choice(&self, node: &str, i: usize) -> Range<usize> {
        let at = self.node(node, 0).start;
        self.loc.nth_field_after("say", at, i).unwrap_or(at..at)
    }

    pub(super) fn choice_field(&self, node: &str, i: usize, field: &str) -> Range<usize> {
        let at = self.choice(node, i).start;
        self.loc.field_after(field, at).unwrap_or(at..at)
    }

    /// The quoted string `"value"` at or after `from`.
    pub(super) fn string_after(&self, value: &str, from: usize) -> Option<Range<usize>> {
        self.loc.string_after(value, from)
    }
}

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

/// A check in progress over one scenario.
pub(super) struct Ctx<'s, 't> {
    /// The scenario.
    pub scenario: &'s Scenario,
    /// Where things are in its text.
    pub spans: Spans<'t>,
    place: Place<'t>,
    out: RefCell<Vec<Diagnostic>>,
    /// The codes of the errors found so far.
    errors: RefCell<Vec<Code>>,
    suggestions: RefCell<Suggestions<'s>>,
}

/// "Did you mean" compares an unknown id with every id: remembered per unknown id, and given
/// up once a draft with thousands of unknown ids has used its budget of comparisons.
struct Suggestions<'s> {
    ids: Vec<&'s str>,
    known: HashMap<&'s str, Option<Msg>>,
    budget: usize,
}

impl<'s, 't> Ctx<'s, 't> {
    /// A check of `scenario`, parsed from `text` in `file`.
    pub fn new(scenario: &'s Scenario, file: &'t str, text: &'t str, loc: Locator<'t>) -> Self {
        let ids = scenario
            .nodes
            .iter()
            .map(|(k, _)| k)
            .chain(scenario.endings.iter().map(|(k, _)| k))
            .collect();
        Ctx {
            scenario,
            spans: Spans::new(loc),
            place: Place {
                file,
                text,
                lines: std::cell::OnceCell::new(),
            },
            out: RefCell::new(Vec::new()),
            errors: RefCell::new(Vec::new()),
            suggestions: RefCell::new(Suggestions {
                ids,
                known: HashMap::new(),
                budget: SUGGESTION_BUDGET,
            }),
        }
    }

    /// Adds a finding.
    pub fn push(
        &self,
        severity: Severity,
        code: Code,
        msg: Msg,
        span: Range<usize>,
        label: Msg,
        help: Option<Msg>,
    ) {
        if severity == Severity::Error {
            self.errors.borrow_mut().push(code);
        }
        self.out.borrow_mut().push(self.place.finding(
            severity,
            code.as_str(),
            msg,
            span,
            label,
            help,
        ));
    }

    /// Whether an error of a kind `which` holds for was found.
    pub fn has_error(&self, which: impl Fn(Code) -> bool) -> bool {
        self.errors.borrow().iter().any(|c| which(*c))
    }

    /// The nearest known id to `id`, as a "did you mean" help.
    pub fn suggest(&self, id: &'s str) -> Option<Msg> {
        let mut s = self.suggestions.borrow_mut();
        if let Some(known) = s.known.get(id) {
            return known.clone();
        }
        if s.budget < s.ids.len() {
            return None;
        }
        s.budget -= s.ids.len();
        let found = s
            .ids
            .iter()
            .filter(|c| c.len().abs_diff(id.len()) <= 3.max(c.len() / 3))
            .map(|c| (strsim::damerau_levenshtein(id, c), *c))
            .filter(|(d, c)| *d <= 3.max(c.len() / 3))
            .min_by_key(|(d, _)| *d)
            .map(|(_, c)| msg!("check-did-you-mean", id = clip(c, ID_SHOWN)));
        s.known.insert(id, found.clone());
        found
    }

    /// Every finding, in the order they are in the file.
    pub fn finish(self) -> Vec<Diagnostic> {
        let mut out = self.out.into_inner();
        out.sort_by_key(|d| (d.span.start, d.severity));
        out
    }
}
