//! Text -> `Scenario`: parsing with positioned, trainer-friendly diagnostics, and a locator that
//! finds where ids and fields sit in the text so semantic findings can point at them too.

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use crate::diagnostic::{Diagnostic, Severity, byte_offset};
use crate::scenario::Scenario;

/// Deepest bracket nesting accepted; real scenarios stay under 10.
pub const MAX_NESTING: usize = 64;

/// Parses the bytes of a scenario file. Any input gets an answer: a scenario, or one error with
/// file, line and column.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Scenario, Box<Diagnostic>> {
    let text = as_text(file, bytes)?;
    parse_str(file, text)
}

/// The bytes as UTF-8 text, or an error saying where they stop being text.
pub fn as_text<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Box<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // Safe: `valid_up_to` is a UTF-8 boundary.
            let prefix = std::str::from_utf8(good).unwrap_or_default();
            let d = Diagnostic::at(
                Severity::Error,
                "not-utf8",
                "this file is not UTF-8 text",
                file,
                prefix,
                prefix.len()..prefix.len(),
            )
            .with_label("the text stops being UTF-8 here")
            .with_help(
                "scenarios are plain text files saved as UTF-8; is this the right file? \
                 Re-save it as UTF-8 in your editor.",
            );
            Err(Box::new(d))
        }
    }
}

/// Parses scenario text.
pub fn parse_str(file: &str, text: &str) -> Result<Scenario, Box<Diagnostic>> {
    parse_as::<Scenario>(file, text)
}

/// Parses RON text as any serde type, with the same checks and friendly positioned errors as a
/// scenario (used for test playthrough files too).
pub fn parse_as<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<T, Box<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(Box::new(
            Diagnostic::at(
                Severity::Error,
                "empty",
                "this file is empty",
                file,
                text,
                0..0,
            )
            .with_help("a scenario starts with `Scenario(`; run `peercall new ID` for a template"),
        ));
    }
    if let Some(pos) = text.bytes().position(|b| b == 0) {
        return Err(Box::new(
            Diagnostic::at(
                Severity::Error,
                "binary",
                "this looks like a binary file, not a RON scenario",
                file,
                text,
                pos..pos + 1,
            )
            .with_label("a NUL byte")
            .with_help("scenarios are plain text files ending in .ron"),
        ));
    }
    if let Some(pos) = too_deep(text) {
        return Err(Box::new(
            Diagnostic::at(
                Severity::Error,
                "too-deep",
                format!("brackets are nested more than {MAX_NESTING} deep"),
                file,
                text,
                pos..pos + 1,
            )
            .with_label("this bracket is too deep")
            .with_help(
                "a scenario never needs this much nesting; look for a missing closing bracket",
            ),
        ));
    }
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING + 8);
    options
        .from_str::<T>(text)
        .map_err(|e| Box::new(ron_diagnostic(file, text, &e)))
}

/// Position of the first bracket nested deeper than `MAX_NESTING`, outside strings and comments.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut scan = Scanner::new(text);
    while let Some((pos, b)) = scan.next_code_byte() {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(pos);
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn ron_diagnostic(file: &str, text: &str, e: &SpannedError) -> Diagnostic {
    let start = byte_offset(text, e.span.start.line, e.span.start.col);
    let end = byte_offset(text, e.span.end.line, e.span.end.col).max(start);
    let (message, help) = explain(&e.code, text);
    let mut d = Diagnostic::at(Severity::Error, "syntax", message, file, text, start..end);
    if let Some(help) = help {
        d = d.with_help(help);
    }
    d
}

/// A trainer-friendly message and advice for a RON error.
fn explain(code: &RonError, text: &str) -> (String, Option<String>) {
    let looks_like_json = text.trim_start().starts_with('{') || text.trim_start().starts_with('[');
    match code {
        RonError::ExpectedNamedStructLike(_) | RonError::ExpectedStructLike if looks_like_json => (
            "expected `Scenario(`, found what looks like JSON".into(),
            Some("scenarios are written in RON: `Scenario( id: \"...\", title: \"...\", ... )`. See docs/authoring.md".into()),
        ),
        RonError::ExpectedDifferentStructName { expected, found } => (
            format!("expected `{expected}(`, found `{found}(`"),
            Some(format!("this file must describe a `{expected}`")),
        ),
        RonError::NoSuchStructField { expected, found, outer } => {
            let guess = closest(found, expected);
            let place = outer.as_deref().map(|o| format!(" in {}", describe(o))).unwrap_or_default();
            (
                format!("unknown field `{found}`{place}"),
                Some(match guess {
                    Some(g) => format!("did you mean `{g}`? Fields here: {}", expected.join(", ")),
                    None => format!("fields here: {}", expected.join(", ")),
                }),
            )
        }
        RonError::MissingStructField { field, outer } => {
            let place = outer.as_deref().map(|o| format!(" in {}", describe(o))).unwrap_or_default();
            (format!("missing field `{field}`{place}"), Some(format!("add `{field}: ...` here")))
        }
        RonError::NoSuchEnumVariant { expected, found, outer } => {
            let guess = closest(found, expected);
            let what = outer.as_deref().map(describe).unwrap_or("value");
            (
                format!("`{found}` is not a known {what}"),
                Some(match guess {
                    Some(g) => format!("did you mean `{g}`? Known: {}", expected.join(", ")),
                    None => format!("known: {}", expected.join(", ")),
                }),
            )
        }
        RonError::DuplicateStructField { field, .. } => (
            format!("field `{field}` is written twice"),
            Some("keep one of them".into()),
        ),
        RonError::Eof => (
            "the file ends in the middle of the scenario".into(),
            Some("a closing bracket or quote is probably missing".into()),
        ),
        RonError::ExpectedComma => (
            "expected a comma".into(),
            Some("separate fields and list items with commas".into()),
        ),
        RonError::ExpectedString | RonError::ExpectedStringEnd => (
            "expected text in double quotes".into(),
            Some("write text like \"this\"; a quote inside text is written \\\"".into()),
        ),
        RonError::ExpectedInteger | RonError::IntegerOutOfBounds => (
            "expected a whole number".into(),
            Some("trust values are whole numbers like 5 or -8".into()),
        ),
        RonError::ExceededRecursionLimit => (
            format!("brackets are nested more than {MAX_NESTING} deep"),
            None,
        ),
        RonError::TrailingCharacters => (
            "there is text after the end of the scenario".into(),
            Some("everything belongs inside `Scenario( ... )`; look for an extra closing bracket".into()),
        ),
        RonError::InvalidValueForType { expected, found } => (
            format!("expected {expected}, found {found}"),
            None,
        ),
        other => (lowercase_first(&other.to_string()), None),
    }
}

fn describe(outer: &str) -> &str {
    match outer {
        "Scenario" => "the scenario",
        "Node" => "a node",
        "Choice" => "a choice",
        "Ending" => "an ending",
        "Persona" => "the prospect",
        "Player" => "the player",
        "TrustSettings" => "the trust settings",
        "StateLine" => "a state line (`lines_if`)",
        "Reaction" => "a reaction (`react_if`)",
        "Signal" => "signal",
        "Effect" => "effect",
        "Condition" => "condition",
        "Outcome" => "outcome",
        "Difficulty" => "difficulty",
        other => other,
    }
}

fn closest<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    expected
        .iter()
        .map(|e| {
            (
                strsim::damerau_levenshtein(&found.to_lowercase(), &e.to_lowercase()),
                *e,
            )
        })
        .filter(|(d, e)| *d <= 2.max(e.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, e)| e)
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Walks RON text byte by byte, skipping string literals and comments.
struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    /// The next byte that is code (not inside a string or comment), with its offset. A string
    /// literal is returned as its opening quote.
    fn next_code_byte(&mut self) -> Option<(usize, u8)> {
        let b = self.bytes;
        while self.pos < b.len() {
            let at = self.pos;
            match b[at] {
                b'"' => {
                    self.pos += 1;
                    while self.pos < b.len() && b[self.pos] != b'"' {
                        if b[self.pos] == b'\\' {
                            self.pos += 1;
                        }
                        self.pos += 1;
                    }
                    self.pos += 1;
                    return Some((at, b'"'));
                }
                b'/' if b.get(at + 1) == Some(&b'/') => {
                    while self.pos < b.len() && b[self.pos] != b'\n' {
                        self.pos += 1;
                    }
                }
                b'/' if b.get(at + 1) == Some(&b'*') => {
                    self.pos += 2;
                    while self.pos + 1 < b.len()
                        && !(b[self.pos] == b'*' && b[self.pos + 1] == b'/')
                    {
                        self.pos += 1;
                    }
                    self.pos += 2;
                }
                c => {
                    self.pos += 1;
                    return Some((at, c));
                }
            }
        }
        None
    }
}

/// Where things are in a scenario's text, found by one scan: map keys written as strings
/// (`"id": (`) and field names (`say:`), outside strings and comments.
#[derive(Debug, Default)]
pub struct Locator {
    /// (offset, key text) of string keys followed by a colon.
    string_keys: Vec<(usize, usize, String)>,
    /// (offset, name) of field names followed by a colon.
    fields: Vec<(usize, String)>,
}

impl Locator {
    /// Scans `text` once.
    pub fn new(text: &str) -> Locator {
        let b = text.as_bytes();
        let mut loc = Locator::default();
        let mut scan = Scanner::new(text);
        while let Some((pos, c)) = scan.next_code_byte() {
            if c == b'"' {
                let end = scan.pos.min(b.len());
                if next_non_space(b, end) == Some(b':') && end > pos + 1 {
                    let key = text.get(pos + 1..end - 1).unwrap_or_default().to_string();
                    loc.string_keys.push((pos, end, key));
                }
            } else if c.is_ascii_alphabetic() || c == b'_' {
                if pos > 0 && (b[pos - 1].is_ascii_alphanumeric() || b[pos - 1] == b'_') {
                    continue;
                }
                let mut end = pos;
                while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'_') {
                    end += 1;
                }
                scan.pos = end;
                if next_non_space(b, end) == Some(b':') {
                    loc.fields.push((pos, text[pos..end].to_string()));
                }
            }
        }
        loc
    }

    /// The span of the `n`-th (0-based) map key `"key"`.
    pub fn key(&self, key: &str, n: usize) -> Option<std::ops::Range<usize>> {
        self.string_keys
            .iter()
            .filter(|(_, _, k)| k == key)
            .nth(n)
            .map(|(s, e, _)| *s..*e)
    }

    /// The `nth` (0-based) map key `"key"` at or after `from`.
    pub fn key_after(&self, key: &str, from: usize, nth: usize) -> Option<std::ops::Range<usize>> {
        self.string_keys
            .iter()
            .filter(|(s, _, k)| *s >= from && k == key)
            .nth(nth)
            .map(|(s, e, _)| *s..*e)
    }

    /// The span of the first field `name` at or after `from`.
    pub fn field_after(&self, name: &str, from: usize) -> Option<std::ops::Range<usize>> {
        self.fields
            .iter()
            .find(|(p, f)| *p >= from && f == name)
            .map(|(p, f)| *p..*p + f.len())
    }

    /// The span of the `n`-th (0-based) field `name` at or after `from`.
    pub fn nth_field_after(
        &self,
        name: &str,
        from: usize,
        n: usize,
    ) -> Option<std::ops::Range<usize>> {
        self.fields
            .iter()
            .filter(|(p, f)| *p >= from && f == name)
            .nth(n)
            .map(|(p, f)| *p..*p + f.len())
    }
}

fn next_non_space(b: &[u8], mut i: usize) -> Option<u8> {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    b.get(i).copied()
}
