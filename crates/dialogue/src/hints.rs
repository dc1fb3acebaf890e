//! Hints for the syntax slips of a hand-written scenario, said where the writer can fix them: a
//! bracket opened and never closed (pointed at where it was opened, not where reading stopped),
//! a quote inside a line of text, and a decimal comma.

use std::ops::Range;

use ron::error::Error as RonError;

use crate::load::Scanner;
use crate::messages::Msg;
use crate::msg;

/// A hint: what to say, where, and how to fix it.
pub(crate) struct Hint {
    pub message: Msg,
    pub span: Range<usize>,
    pub label: Option<Msg>,
    pub help: Msg,
}

/// The hint for a parser error found at byte `at` of `text`, when the slip is one of these.
pub(crate) fn hint(text: &str, at: usize, code: &RonError) -> Option<Hint> {
    unclosed(text, at, code)
        .or_else(|| quote_in_text(text, at, code))
        .or_else(|| decimal_comma(text, at, code))
}

/// The line (1-based) of byte `at`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// A bracket opened before the error and never closed: the first closing bracket that does not
/// match names the opening one; so do brackets still open at the end of the file, unless the
/// file simply ends early (the parser says so itself).
fn unclosed(text: &str, at: usize, code: &RonError) -> Option<Hint> {
    let mut stack: Vec<(usize, u8)> = Vec::new();
    let mut scan = Scanner::new(text);
    let mut found = None;
    while let Some((pos, b)) = scan.next_code_byte() {
        match b {
            b'(' | b'[' | b'{' => stack.push((pos, b)),
            b')' | b']' | b'}' => match stack.last() {
                Some(&(_, open)) if closer(open) == b => {
                    stack.pop();
                }
                Some(&top) => {
                    found = Some(top);
                    break;
                }
                None => break,
            },
            _ => {}
        }
    }
    let (open_at, open) = match found {
        Some(top) => top,
        None if matches!(code, RonError::Eof) => return None,
        None => *stack.last()?,
    };
    // Only when the bracket was opened before the parser stopped: that is why it stopped.
    if open_at >= at {
        return None;
    }
    let (o, c) = (
        char::from(open).to_string(),
        char::from(closer(open)).to_string(),
    );
    Some(Hint {
        message: msg!("load-unclosed", open = o.as_str()),
        span: open_at..open_at + 1,
        label: Some(msg!("load-unclosed-label", close = c.as_str())),
        help: msg!(
            "load-unclosed-help",
            close = c.as_str(),
            line = line_of(text, at)
        ),
    })
}

fn closer(open: u8) -> u8 {
    match open {
        b'(' => b')',
        b'[' => b']',
        _ => b'}',
    }
}

/// `"He said "yes" to me"`: the text ended at the second quote, and words follow where a comma
/// was expected.
fn quote_in_text(text: &str, at: usize, code: &RonError) -> Option<Hint> {
    if !matches!(
        code,
        RonError::ExpectedComma | RonError::ExpectedStructLikeEnd
    ) {
        return None;
    }
    let b = text.as_bytes();
    let before = b[..at.min(b.len())]
        .iter()
        .rev()
        .find(|c| !c.is_ascii_whitespace())?;
    let here = *b.get(at)?;
    if *before != b'"' || !(here.is_ascii_alphanumeric() || here == b'"' || here >= 0x80) {
        return None;
    }
    // The whole line's text, from the opening quote of the string that ended too early.
    let end = at + memchr::memchr(b'\n', &b[at..]).unwrap_or(b.len() - at);
    Some(Hint {
        message: msg!("load-quote-in-text"),
        span: at..end.max(at + 1),
        label: Some(msg!("load-quote-in-text-label")),
        help: msg!("load-quote-in-text-help"),
    })
}

/// `days_needed: 0,25`: a decimal comma, read as a number and then a field named `25`.
fn decimal_comma(text: &str, at: usize, code: &RonError) -> Option<Hint> {
    let RonError::SuggestRawIdentifier(found) = code else {
        return None;
    };
    if found.is_empty() || !found.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let b = text.as_bytes();
    let comma = b[..at].iter().rposition(|c| !c.is_ascii_whitespace())?;
    if b[comma] != b',' {
        return None;
    }
    let start = b[..comma]
        .iter()
        .rposition(|c| !c.is_ascii_digit())
        .map_or(0, |p| p + 1);
    if start == comma {
        return None;
    }
    let whole = &text[start..comma];
    let written = format!("{whole},{found}");
    let number = format!("{whole}.{found}");
    Some(Hint {
        message: msg!("load-decimal-comma"),
        span: start..at + found.len(),
        label: None,
        help: msg!(
            "load-decimal-comma-help",
            number = number.as_str(),
            written = written.as_str()
        ),
    })
}
