//! Findings with positions (file:line:column), rendered like a compiler's diagnostics.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError,
    MietteSpanContents, Report, SourceCode, SourceSpan, SpanContents,
};
use serde::Serialize;

use crate::messages::Msg;

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
    /// The messages behind `message`, `label` and `help`, by key and arguments, so that they
    /// can be said in another language ([`Diagnostic::localized`]).
    #[serde(skip)]
    pub texts: Texts,
}

/// The keyed messages a finding was made from (`None` where it was given plain text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    /// Behind `message`.
    pub message: Option<Msg>,
    /// Behind `label`.
    pub label: Option<Msg>,
    /// Behind `help`.
    pub help: Option<Msg>,
}

/// A finding's text: a keyed message of the engine's (translatable), or plain text (a file's
/// or the system's own words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// Said in the reader's language.
    Msg(Msg),
    /// Shown as it is.
    Plain(String),
}

impl From<Msg> for Text {
    fn from(m: Msg) -> Self {
        Text::Msg(m)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::Plain(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_string())
    }
}

impl Text {
    /// The English text, and the message behind it.
    fn split(self) -> (String, Option<Msg>) {
        match self {
            Text::Msg(m) => (m.english(), Some(m)),
            Text::Plain(s) => (s, None),
        }
    }
}

/// Longest message kept, in characters; longer ones end in an ellipsis.
pub const MAX_MESSAGE: usize = 300;
/// Longest label kept, in characters.
pub const MAX_LABEL: usize = 100;
/// Longest help kept, in characters.
pub const MAX_HELP: usize = 400;
/// A source line longer than this many characters (or four times as many bytes) is cut around
/// the caret when it is shown.
pub const MAX_SHOWN_LINE: usize = 300;
/// Characters of a cut line shown before the caret.
const CUT_BEFORE: usize = 60;
/// Characters a cut line shows in all.
const CUT_WIDTH: usize = 160;

impl Diagnostic {
    /// A finding at byte range `span` of `source`; line and column are computed from it (a scan
    /// of the text before the span: for many findings in one text use [`Diagnostic::at_indexed`]).
    pub fn at(
        severity: Severity,
        code: &'static str,
        message: impl Into<Text>,
        file: &str,
        source: &str,
        span: Range<usize>,
    ) -> Diagnostic {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let (line, column) = line_column(source, start);
        Self::positioned(
            severity,
            code,
            message.into(),
            file,
            source,
            span,
            (line, column),
        )
    }

    /// The same as [`Diagnostic::at`], with line and column looked up in `index` (built once for
    /// `source`), so that any number of findings cost time in proportion to their count.
    pub fn at_indexed(
        severity: Severity,
        code: &'static str,
        message: impl Into<Text>,
        file: &str,
        index: &LineIndex,
        source: &str,
        span: Range<usize>,
    ) -> Diagnostic {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let position = index.line_column(source, start);
        Self::positioned(severity, code, message.into(), file, source, span, position)
    }

    fn positioned(
        severity: Severity,
        code: &'static str,
        message: Text,
        file: &str,
        source: &str,
        span: Range<usize>,
        (line, column): (usize, usize),
    ) -> Diagnostic {
        let (message, key) = message.split();
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        Diagnostic {
            severity,
            code,
            message: clip(&message, MAX_MESSAGE).into_owned(),
            file: file.to_string(),
            line,
            column,
            span: start..end,
            label: String::new(),
            help: None,
            texts: Texts {
                message: key,
                ..Texts::default()
            },
        }
    }

    /// Sets the label drawn under the offending text.
    pub fn with_label(mut self, label: impl Into<Text>) -> Self {
        let (label, key) = label.into().split();
        self.label = clip(&label, MAX_LABEL).into_owned();
        self.texts.label = key;
        self
    }

    /// Adds advice on how to fix it.
    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        let (help, key) = help.into().split();
        self.help = Some(clip(&help, MAX_HELP).into_owned());
        self.texts.help = key;
        self
    }

    /// The same finding in `lang` (a language code, or [`PSEUDO`](crate::messages::PSEUDO)):
    /// each keyed text from that language's file, falling back to English; plain text as it is.
    /// Code, position and severity stay as they are, so tools read every language alike.
    pub fn localized(&self, lang: &str) -> Diagnostic {
        let mut d = self.clone();
        if let Some(m) = &self.texts.message {
            d.message = clip(&m.localized(lang), MAX_MESSAGE).into_owned();
        }
        if let Some(m) = &self.texts.label {
            d.label = clip(&m.localized(lang), MAX_LABEL).into_owned();
        }
        if let Some(m) = &self.texts.help {
            d.help = Some(clip(&m.localized(lang), MAX_HELP).into_owned());
        }
        d
    }

    /// Whether this is an error (as opposed to a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the finding like a compiler: header, file:line:column, the offending line with a
    /// marker under it, and the help. `color` adds ANSI colours for terminals. Only the lines
    /// around the finding are read, and a long line is cut around the caret.
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
        let snippet = Snippet::around(
            source,
            self.span.clone(),
            self.line,
            format!("{}:{}:{}", clip(&self.file, 200), self.line, self.column),
        );
        let len = snippet
            .span
            .len()
            .max(usize::from(snippet.span.start < snippet.text.len()));
        let label = if self.label.is_empty() {
            None
        } else {
            Some(self.label.clone())
        };
        diagnostic = diagnostic.with_label(LabeledSpan::new(label, snippet.span.start, len));
        if let Some(help) = &self.help {
            diagnostic = diagnostic.with_help(help.clone());
        }
        let report = Report::new(diagnostic).with_source_code(snippet);
        let mut out = String::new();
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_context_lines(1)
            .with_width(100)
            .without_primary_span_start();
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            out = format!("{self}\n");
        }
        out
    }
}

/// The few lines a diagnostic shows, copied out of the source (long lines cut around the
/// caret), with the span moved into them and the number of lines before them, so that the
/// renderer never reads the rest of the file.
struct Snippet {
    /// `file:line:column`, shown in the header.
    name: String,
    text: String,
    span: Range<usize>,
    /// Lines of the source before the snippet's first line.
    lines_before: usize,
}

impl Snippet {
    /// The snippet for `span`, which starts on 1-based `line`.
    fn around(source: &str, span: Range<usize>, line: usize, name: String) -> Snippet {
        let b = source.as_bytes();
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        // The span's own lines, and one line of context on each side.
        let line_start = line_start_of(b, start);
        let ctx_start = if line_start == 0 {
            0
        } else {
            line_start_of(b, line_start - 1)
        };
        let last_line_end = line_end_of(b, end.saturating_sub(1).max(start));
        let ctx_end = if last_line_end >= b.len() {
            b.len()
        } else {
            line_end_of(b, last_line_end + 1)
        };
        // The context ends after its last line's newline, as the renderer expects.
        let ctx_end = (ctx_end + 1).min(b.len());
        let lines_before = line.saturating_sub(1 + usize::from(ctx_start < line_start));
        let window = &source[ctx_start..ctx_end];
        let long = window
            .split('\n')
            .any(|l| l.len() > 4 * MAX_SHOWN_LINE || l.chars().count() > MAX_SHOWN_LINE);
        if !long {
            return Snippet {
                name,
                text: window.to_string(),
                span: start - ctx_start..end - ctx_start,
                lines_before,
            };
        }
        // Cut every line of the window to the same columns around the caret; the span keeps to
        // its first line.
        let caret_col = source[line_start..start].chars().count();
        let from_col = caret_col.saturating_sub(CUT_BEFORE);
        let to_col = from_col + CUT_WIDTH;
        let mut text = String::new();
        let mut new_span = 0..0;
        let mut offset = ctx_start;
        for (i, line) in window.split('\n').enumerate() {
            if i > 0 {
                text.push('\n');
            }
            let (cut, shift, visible_end) = cut_line(line, from_col, to_col);
            if offset == line_start {
                let skipped = byte_at_col(line, from_col);
                let caret = (shift + (start - offset).saturating_sub(skipped)).min(visible_end);
                let caret_end = (caret + (end - start)).min(visible_end);
                new_span = text.len() + caret..text.len() + caret_end;
            }
            text.push_str(&cut);
            offset += line.len() + 1;
        }
        Snippet {
            name,
            text,
            span: new_span,
            lines_before,
        }
    }
}

/// The part of `line` between character columns `from` and `to` (0-based), with an ellipsis on
/// each side where it was cut; the byte length of the leading ellipsis; and where the kept text
/// ends.
fn cut_line(line: &str, from: usize, to: usize) -> (String, usize, usize) {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let a = byte_at_col(line, from);
    let z = byte_at_col(line, to);
    let mut out = String::new();
    if a > 0 {
        out.push('…');
    }
    let shift = out.len();
    out.push_str(&line[a..z]);
    let visible_end = out.len();
    if z < line.len() {
        out.push('…');
    }
    (out, shift, visible_end)
}

/// Byte offset of character column `col` in `line` (its length when the line is shorter).
fn byte_at_col(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
}

/// Byte offset where the line holding byte `at` begins.
fn line_start_of(b: &[u8], at: usize) -> usize {
    b[..at.min(b.len())]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |i| i + 1)
}

/// Byte offset of the end of the line holding byte `at` (its `\n`, or the end of the text).
fn line_end_of(b: &[u8], at: usize) -> usize {
    let at = at.min(b.len());
    b[at..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |i| at + i)
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.lines_before,
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// `s` cut to at most `max` characters, the last of them an ellipsis when it was longer.
pub fn clip(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some(_) => {
            let keep = s
                .char_indices()
                .nth(max.saturating_sub(1))
                .map_or(s.len(), |(i, _)| i);
            Cow::Owned(format!("{}…", &s[..keep]))
        }
    }
}

/// Where each line of a text starts, built once, so that any number of positions can be turned
/// into line and column without reading the text again.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset of each line's start.
    starts: Vec<usize>,
    /// Whether each line is plain ASCII (its column is then its byte distance).
    ascii: Vec<bool>,
}

impl LineIndex {
    /// Indexes `source` in one pass.
    pub fn new(source: &str) -> LineIndex {
        let b = source.as_bytes();
        let mut starts = vec![0];
        let mut ascii = Vec::new();
        for nl in memchr::memchr_iter(b'\n', b) {
            ascii.push(b[*starts.last().expect("one start")..nl].is_ascii());
            starts.push(nl + 1);
        }
        ascii.push(b[*starts.last().expect("one start")..].is_ascii());
        LineIndex { starts, ascii }
    }

    /// 1-based line and column (in characters) of byte `offset` in `source`, the text this
    /// index was built from.
    pub fn line_column(&self, source: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = if self.ascii[line] {
            offset - start
        } else {
            source[start..offset].chars().count()
        };
        (line + 1, column + 1)
    }
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
