//! Untrusted names and texts where they are entered and where they are shown: validated names,
//! terminal-safe text, spreadsheet-safe CSV cells.

use crate::Error;
use crate::words::say;
use std::borrow::Cow;

/// Longest player or team name, in characters.
pub const MAX_NAME: usize = 64;

/// A player or team name as entered: trimmed, at most [`MAX_NAME`] characters, no control
/// characters; a player name may not be blank. `what` names the field in the error.
pub fn name(what: &str, value: &str, may_be_blank: bool) -> Result<String, Error> {
    let v = value.trim();
    if v.is_empty() && !may_be_blank {
        return Err(Error::Invalid(say(
            "core-name-blank",
            &[("what", what.into())],
        )));
    }
    if v.chars().count() > MAX_NAME {
        return Err(Error::Invalid(say(
            "core-name-too-long",
            &[("what", what.into()), ("max", MAX_NAME.to_string().into())],
        )));
    }
    if let Some(c) = v.chars().find(|c| is_unsafe(*c)) {
        return Err(Error::Invalid(say(
            "core-name-control",
            &[
                ("what", what.into()),
                ("character", escape_char(c).as_str().into()),
            ],
        )));
    }
    Ok(v.to_string())
}

/// Characters never shown raw: C0 and C1 controls, DEL, and the bidirectional overrides that
/// can make a terminal line read differently from what it holds.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn escape_char(c: char) -> String {
    match c {
        '\n' => "\\n".into(),
        '\r' => "\\r".into(),
        '\t' => "\\t".into(),
        c if (c as u32) < 0x100 => format!("\\x{:02x}", c as u32),
        c => format!("\\u{{{:x}}}", c as u32),
    }
}

/// `s` with every control character written as an escape (`\x1b`, `\n`), so that a name can
/// neither move the cursor, clear the screen nor forge a line of a terminal report.
pub fn terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&escape_char(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A CSV cell that a spreadsheet will show as text: a cell starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return (the characters that start a formula) gets a leading apostrophe.
/// Quoting is left to the `csv` writer.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// `s` cut to at most `max` characters, with an ellipsis when it was longer.
pub fn clip(s: &str, max: usize) -> Cow<'_, str> {
    peercall_dialogue::diagnostic::clip(s, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_validated() {
        assert_eq!(name("player", "  Ana Lee ", false).unwrap(), "Ana Lee");
        assert!(matches!(
            name("player", "   ", false),
            Err(Error::Invalid(m)) if m.contains("blank")
        ));
        assert_eq!(name("team", "", true).unwrap(), "");
        assert!(
            name("player", "\u{1b}[2JRED", false)
                .unwrap_err()
                .to_string()
                .contains("\\x1b")
        );
        assert!(name("player", &"x".repeat(65), false).is_err());
    }

    #[test]
    fn terminal_and_csv_are_safe() {
        assert_eq!(terminal("\u{1b}[2J\u{1b}[31mRED"), "\\x1b[2J\\x1b[31mRED");
        assert_eq!(terminal("a\r\nb\u{202e}"), "a\\r\\nb\\u{202e}");
        assert_eq!(terminal("Zoë"), "Zoë");
        for bad in ["=1+1", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_cell(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(csv_cell("Ana"), "Ana");
    }
}
