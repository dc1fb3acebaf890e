//! Findings with positions (file:line:column), rendered like a compiler's diagnostics.

use std::fmt;
use std::ops::Range;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource, Report,
};
use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The scenario cannot be played as written.
    Error,
    /// The scenario plays, but probably not as the trainer meant.
    Warning,
}

/// One finding about a scenario file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable short code (`unknown-target`), for tools and for looking it up in the guide.
    pub code: &'static str,
    /// What is wrong, in words a trainer understands.
    pub message: String,
    /// The file it is in.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte range in the file that the finding points at.
    #[serde(skip)]
    pub span: Range<usize>,
    /// A short label drawn under the offending text.
    pub label: String,
    /// How to fix it, when there is something useful to say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// A finding at byte range `span` of `source`; line and column are computed from it.
    pub fn at(
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
        file: &str,
        source: &str,
        span: Range<usize>,
    ) -> Diagnostic {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        let (line, column) = line_column(source, start);
        Diagnostic {
            severity,
            code,
            message: message.into(),
            file: file.to_string(),
            line,
            column,
            span: start..end,
            label: String::new(),
            help: None,
        }
    }

    /// Sets the label drawn under the offending text.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Adds advice on how to fix it.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether this is an error (as opposed to a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the finding like a compiler: header, file:line:column, the offending line with a
    /// marker under it, and the help. `color` adds ANSI colours for terminals.
    pub fn render(&self, source: &str, color: bool) -> String {
        self.render_themed(
            source,
            if color {
                GraphicalTheme::unicode()
            } else {
                GraphicalTheme::unicode_nocolor()
            },
        )
    }

    /// The same rendering in plain ASCII, for places whose font lacks box-drawing characters
    /// (the game's error screen), headed by the one-line `file:line:column: error[code]: message`.
    pub fn render_ascii(&self, source: &str) -> String {
        format!(
            "{self}\n{}",
            self.render_themed(source, GraphicalTheme::none())
        )
    }

    fn render_themed(&self, source: &str, theme: GraphicalTheme) -> String {
        let mut diagnostic = MietteDiagnostic::new(self.message.clone())
            .with_code(self.code)
            .with_severity(match self.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
            });
        let len = self
            .span
            .len()
            .max(usize::from(self.span.start < source.len()));
        let label = if self.label.is_empty() {
            None
        } else {
            Some(self.label.clone())
        };
        diagnostic = diagnostic.with_label(LabeledSpan::new(label, self.span.start, len));
        if let Some(help) = &self.help {
            diagnostic = diagnostic.with_help(help.clone());
        }
        let shown = snippet_source(source, &self.span);
        let report = Report::new(diagnostic)
            .with_source_code(NamedSource::new(&self.file, shown.to_string()));
        let mut out = String::new();
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_context_lines(1)
            .with_width(100);
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            out = format!("{self}\n");
        }
        out
    }
}

/// The source handed to the renderer: the whole file when it is small, otherwise the text up to
/// a little past the finding, so a 50 MB file does not get copied per finding.
fn snippet_source<'a>(source: &'a str, span: &Range<usize>) -> &'a str {
    const LIMIT: usize = 1 << 20;
    if source.len() <= LIMIT {
        return source;
    }
    let end = floor_char_boundary(source, (span.end + 4096).min(source.len()));
    &source[..end]
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {kind}[{}]: {}",
            self.file, self.line, self.column, self.code, self.message
        )
    }
}

/// 1-based line and column (in characters) of byte `offset` in `source`.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = 1 + before[line_start..].chars().count();
    (line, column)
}

/// Byte offset of 1-based `line` and `column` (in characters) in `source`, clamped to the text.
pub fn byte_offset(source: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line.max(1) {
        match source[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return source.len(),
        }
    }
    let rest = &source[offset..];
    let line_len = rest.find('\n').unwrap_or(rest.len());
    let within = rest[..line_len]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_len, |(i, _)| i);
    offset + within
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_round_trip() {
        let src = "ab\ncdé\nf";
        assert_eq!(line_column(src, 0), (1, 1));
        assert_eq!(line_column(src, 3), (2, 1));
        assert_eq!(line_column(src, 7), (2, 4));
        assert_eq!(byte_offset(src, 2, 4), 7);
        assert_eq!(byte_offset(src, 3, 1), 8);
        assert_eq!(byte_offset(src, 9, 9), src.len());
    }

    #[test]
    fn render_shows_position_and_line() {
        let src = "Scenario(\n  id: 5,\n)";
        let d = Diagnostic::at(
            Severity::Error,
            "syntax",
            "expected a string",
            "x.ron",
            src,
            16..17,
        )
        .with_label("here");
        assert_eq!(d.to_string(), "x.ron:2:7: error[syntax]: expected a string");
        let out = d.render(src, false);
        assert!(out.contains("x.ron:2:7"), "{out}");
        assert!(out.contains("id: 5"), "{out}");
        assert!(out.contains("here"), "{out}");
    }
}
