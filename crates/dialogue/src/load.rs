//! Text -> `Scenario`: parsing with positioned, trainer-friendly diagnostics, and a locator that
//! finds where ids and fields sit in the text so semantic findings can point at them too.

use std::collections::HashMap;

use foldhash::fast::RandomState;
use std::ops::Range;

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use crate::diagnostic::{Diagnostic, Severity, Text, byte_offset, clip};
use crate::messages::Msg;
use crate::msg;
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
                msg!("load-not-utf8"),
                file,
                prefix,
                prefix.len()..prefix.len(),
            )
            .with_label(msg!("load-not-utf8-label"))
            .with_help(msg!("load-not-utf8-help"));
            Err(Box::new(d))
        }
    }
}

/// Parses scenario text.
pub fn parse_str(file: &str, text: &str) -> Result<Scenario, Box<Diagnostic>> {
    parse_located(file, text).map(|(s, _)| s)
}

/// Parses scenario text and returns, with the scenario, the [`Locator`] that the same scan built
/// (the checks use it to point at ids and fields).
pub fn parse_located<'a>(
    file: &str,
    text: &'a str,
) -> Result<(Scenario, Locator<'a>), Box<Diagnostic>> {
    precheck(file, text)?;
    let scenario = ron_parse::<Scenario>(file, text)?;
    let loc = Locator::new(text);
    match loc.too_deep {
        Some(pos) => Err(Box::new(too_deep_diagnostic(file, text, pos))),
        None => Ok((scenario, loc)),
    }
}

/// Parses RON text as any serde type, with the same checks and friendly positioned errors as a
/// scenario (used for test playthrough files too).
pub fn parse_as<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<T, Box<Diagnostic>> {
    precheck(file, text)?;
    let value = ron_parse::<T>(file, text)?;
    match too_deep(text) {
        Some(pos) => Err(Box::new(too_deep_diagnostic(file, text, pos))),
        None => Ok(value),
    }
}

/// An empty or binary file gets its own answer before the RON parser sees it.
fn precheck(file: &str, text: &str) -> Result<(), Box<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(Box::new(
            Diagnostic::at(
                Severity::Error,
                "empty",
                msg!("load-empty"),
                file,
                text,
                0..0,
            )
            .with_help(msg!("load-empty-help")),
        ));
    }
    if let Some(pos) = memchr::memchr(0, text.as_bytes()) {
        return Err(Box::new(
            Diagnostic::at(
                Severity::Error,
                "binary",
                msg!("load-binary"),
                file,
                text,
                pos..pos + 1,
            )
            .with_label(msg!("load-binary-label"))
            .with_help(msg!("load-binary-help")),
        ));
    }
    Ok(())
}

/// The RON parser, with its errors explained. When it fails, brackets nested too deep are the
/// first thing reported (they are why it failed, or the next thing to fix).
fn ron_parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, Box<Diagnostic>> {
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING + 8);
    options.from_str::<T>(text).map_err(|e| {
        Box::new(match too_deep(text) {
            Some(pos) => too_deep_diagnostic(file, text, pos),
            None => ron_diagnostic(file, text, &e),
        })
    })
}

fn too_deep_diagnostic(file: &str, text: &str, pos: usize) -> Diagnostic {
    Diagnostic::at(
        Severity::Error,
        "too-deep",
        msg!("load-too-deep", max = MAX_NESTING),
        file,
        text,
        pos..pos + 1,
    )
    .with_label(msg!("load-too-deep-label"))
    .with_help(msg!("load-too-deep-help"))
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
    // The usual slips of a hand-written file, said where the writer can fix them.
    if let Some(h) = crate::hints::hint(text, start, &e.code) {
        let mut d = Diagnostic::at(Severity::Error, "syntax", h.message, file, text, h.span)
            .with_help(h.help);
        if let Some(label) = h.label {
            d = d.with_label(label);
        }
        return d;
    }
    let (message, help) = explain(&e.code, text);
    let mut d = Diagnostic::at(Severity::Error, "syntax", message, file, text, start..end);
    if let Some(help) = help {
        d = d.with_help(help);
    }
    d
}

/// A trainer-friendly message and advice for a RON error.
fn explain(code: &RonError, text: &str) -> (Text, Option<Msg>) {
    let short = |s: &str| clip(s, 60).into_owned();
    let looks_like_json = text.trim_start().starts_with('{') || text.trim_start().starts_with('[');
    let outer_of = |o: &Option<String>| o.as_deref().unwrap_or("none").to_string();
    let (message, help) = match code {
        RonError::ExpectedNamedStructLike(_) | RonError::ExpectedStructLike if looks_like_json => {
            (msg!("load-json"), Some(msg!("load-json-help")))
        }
        RonError::ExpectedDifferentStructName { expected, found } => (
            msg!(
                "load-wrong-struct",
                expected = expected,
                found = short(found)
            ),
            Some(msg!("load-wrong-struct-help", expected = expected)),
        ),
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            msg!(
                "load-unknown-field",
                field = short(found),
                outer = outer_of(outer)
            ),
            Some(match closest(found, expected) {
                Some(g) => msg!("load-fields-guess", guess = g, fields = expected.join(", ")),
                None => msg!("load-fields", fields = expected.join(", ")),
            }),
        ),
        RonError::MissingStructField { field, outer } => (
            msg!("load-missing-field", field = field, outer = outer_of(outer)),
            Some(msg!("load-missing-field-help", field = field)),
        ),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            msg!(
                "load-unknown-variant",
                found = short(found),
                what = outer_of(outer)
            ),
            Some(match closest(found, expected) {
                Some(g) => msg!(
                    "load-variants-guess",
                    guess = g,
                    known = expected.join(", ")
                ),
                None => msg!("load-variants", known = expected.join(", ")),
            }),
        ),
        RonError::DuplicateStructField { field, .. } => (
            msg!("load-duplicate-field", field = field),
            Some(msg!("load-duplicate-field-help")),
        ),
        RonError::Eof => (msg!("load-eof"), Some(msg!("load-eof-help"))),
        RonError::ExpectedComma => (
            msg!("load-expected-comma"),
            Some(msg!("load-expected-comma-help")),
        ),
        RonError::ExpectedString | RonError::ExpectedStringEnd => (
            msg!("load-expected-string"),
            Some(msg!("load-expected-string-help")),
        ),
        RonError::ExpectedInteger | RonError::IntegerOutOfBounds => (
            msg!("load-expected-integer"),
            Some(msg!("load-expected-integer-help")),
        ),
        RonError::ExceededRecursionLimit => (msg!("load-too-deep", max = MAX_NESTING), None),
        RonError::TrailingCharacters => (msg!("load-trailing"), Some(msg!("load-trailing-help"))),
        RonError::InvalidValueForType { expected, found } => (
            msg!(
                "load-invalid-value",
                expected = expected,
                found = short(&found.to_string())
            ),
            None,
        ),
        // The parser's own words, for the rare errors a trainer's file does not make.
        other => return (Text::Plain(lowercase_first(&other.to_string())), None),
    };
    (Text::Msg(message), help)
}

fn closest<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    // A negated name (`NoContract`) is never offered its opposite (`PeerContract`), nor a plain
    // one a negation: followed, that advice would pass `check` and teach the wrong lesson.
    let negated = |s: &str| s.starts_with("No") || s.starts_with("Not");
    expected
        .iter()
        .filter(|e| negated(e) == negated(found))
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
pub(crate) struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Scanner {
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    /// The next byte that is code (not inside a string or comment), with its offset. A string
    /// literal is returned as its opening quote.
    pub(crate) fn next_code_byte(&mut self) -> Option<(usize, u8)> {
        let b = self.bytes;
        while self.pos < b.len() {
            let at = self.pos;
            match b[at] {
                b'"' => {
                    // To the closing quote, stepping over escapes.
                    let mut i = at + 1;
                    loop {
                        match memchr::memchr2(b'"', b'\\', &b[i.min(b.len())..]) {
                            None => {
                                i = b.len();
                                break;
                            }
                            Some(j) if b[i + j] == b'\\' => i += j + 2,
                            Some(j) => {
                                i += j;
                                break;
                            }
                        }
                    }
                    self.pos = i + 1;
                    return Some((at, b'"'));
                }
                b'/' if b.get(at + 1) == Some(&b'/') => {
                    self.pos = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |j| at + j);
                }
                b'/' if b.get(at + 1) == Some(&b'*') => {
                    self.pos = memchr::memmem::find(&b[at + 2..], b"*/")
                        .map_or(b.len() + 1, |j| at + 2 + j + 2);
                }
                c if c.is_ascii_whitespace() => self.pos += 1,
                c => {
                    self.pos += 1;
                    return Some((at, c));
                }
            }
        }
        None
    }
}

/// Where things are in a scenario's text, found by one scan and indexed, so that any number of
/// lookups cost a hash and a binary search each: map keys written as strings (`"id": (`), field
/// names (`say:`) and every string literal, outside comments.
#[derive(Debug, Default)]
pub struct Locator<'a> {
    /// Spans of string keys followed by a colon, by key text, in file order.
    string_keys: HashMap<&'a str, Vec<(usize, usize)>, RandomState>,
    /// Offsets of field names followed by a colon, by name, in file order.
    fields: HashMap<&'a str, Vec<usize>, RandomState>,
    /// The text, for finding string values near a place.
    text: &'a str,
    /// The first bracket nested deeper than [`MAX_NESTING`], if any.
    pub too_deep: Option<usize>,
}

impl<'a> Locator<'a> {
    /// Scans `text` once.
    pub fn new(text: &'a str) -> Locator<'a> {
        let b = text.as_bytes();
        let mut loc = Locator {
            text,
            ..Locator::default()
        };
        let mut scan = Scanner::new(text);
        let mut depth = 0usize;
        while let Some((pos, c)) = scan.next_code_byte() {
            match c {
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_NESTING && loc.too_deep.is_none() {
                        loc.too_deep = Some(pos);
                    }
                    continue;
                }
                b')' | b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    continue;
                }
                _ => {}
            }
            if c == b'"' {
                let end = scan.pos.min(b.len());
                if end > pos + 1 && next_non_space(b, end) == Some(b':') {
                    let key = text.get(pos + 1..end - 1).unwrap_or_default();
                    loc.string_keys.entry(key).or_default().push((pos, end));
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
                    loc.fields.entry(&text[pos..end]).or_default().push(pos);
                }
            }
        }
        loc
    }

    /// The span of the `n`-th (0-based) map key `"key"`.
    pub fn key(&self, key: &str, n: usize) -> Option<Range<usize>> {
        self.key_after(key, 0, n)
    }

    /// The `nth` (0-based) map key `"key"` at or after `from`.
    pub fn key_after(&self, key: &str, from: usize, nth: usize) -> Option<Range<usize>> {
        nth_span_after(self.string_keys.get(key)?, from, nth)
    }

    /// The span of the first field `name` at or after `from`.
    pub fn field_after(&self, name: &str, from: usize) -> Option<Range<usize>> {
        self.nth_field_after(name, from, 0)
    }

    /// The span of the `n`-th (0-based) field `name` at or after `from`.
    pub fn nth_field_after(&self, name: &str, from: usize, n: usize) -> Option<Range<usize>> {
        let at = self.fields.get(name)?;
        let i = at.partition_point(|&p| p < from) + n;
        at.get(i).map(|&p| p..p + name.len())
    }

    /// The span of the first `"value"` (as written) at or after `from`, within
    /// [`NEAR`] bytes: findings look for a value inside the node or choice they are about.
    pub fn string_after(&self, value: &str, from: usize) -> Option<Range<usize>> {
        let from = floor_boundary(self.text, from.min(self.text.len()));
        let to = floor_boundary(self.text, from.saturating_add(NEAR).min(self.text.len()));
        let needle = format!("\"{value}\"");
        self.text[from..to]
            .find(&needle)
            .map(|i| from + i..from + i + needle.len())
    }
}

/// How far after a place [`Locator::string_after`] looks.
pub const NEAR: usize = 64 * 1024;

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn nth_span_after(spans: &[(usize, usize)], from: usize, nth: usize) -> Option<Range<usize>> {
    let i = spans.partition_point(|&(s, _)| s < from) + nth;
    spans.get(i).map(|&(s, e)| s..e)
}

fn next_non_space(b: &[u8], mut i: usize) -> Option<u8> {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    b.get(i).copied()
}
