//! gettext PO files, read and written: entries with their context, source text, translation,
//! flags and comments, each with the line it starts on. Every line is checked: a file that is
//! not PO is refused with the line and what is wrong, never a panic (a translation file is
//! untrusted input, and the game reads them).

use crate::Error;

/// One entry of a PO file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// `msgctxt`: here, the line's stable id.
    pub context: Option<String>,
    /// `msgid`: the source text.
    pub id: String,
    /// `msgstr`: the translation ("" when not translated yet).
    pub text: String,
    /// Marked `#, fuzzy`: to be checked by a translator, not used.
    pub fuzzy: bool,
    /// `#.` comments, for the translator.
    pub notes: Vec<String>,
    /// `#:` references (file:line).
    pub references: Vec<String>,
    /// The line the entry starts on (1-based).
    pub line: usize,
    /// Obsolete (written `#~`): a translation of a line the scenario no longer has, kept so a
    /// translator's work is not lost and comes back if the line does.
    pub obsolete: bool,
    /// `#| msgid`: on a fuzzy entry, the source text the translation was made from, so a
    /// translator's tool shows what changed in the source.
    pub previous: Option<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    None,
    Context,
    Id,
    Plural,
    Text,
    /// `msgstr[n]`: kept only for n = 0.
    PluralText(bool),
}

/// Parses a PO file's text; `file` names it in messages. The header entry (empty `msgid`) is
/// left out; obsolete entries (`#~`) are kept, marked [`Entry::obsolete`].
pub fn parse(file: &str, text: &str) -> Result<Vec<Entry>, Error> {
    parse_with_header(file, text).map(|(_, entries)| entries)
}

/// A PO file's header: its `Key: value` fields (the translator's name and team, the revision
/// date, plural forms...), in their order.
pub type Header = Vec<(String, String)>;

/// The same, with the header.
pub fn parse_with_header(file: &str, text: &str) -> Result<(Header, Vec<Entry>), Error> {
    let bad = |line: usize, why: &str| Error::Invalid(format!("{file}:{line}: {why}"));
    let say = crate::words::say;
    let mut out = Vec::new();
    let mut cur = Entry::default();
    let mut started = false;
    let mut field = Field::None;
    let mut has_id = false;
    // Inside a `#| msgid` (its continuation lines are `#| "..."`).
    let mut in_previous = false;
    let finish = |cur: &mut Entry, started: &mut bool, has_id: &mut bool, out: &mut Vec<Entry>| {
        if *started && *has_id {
            out.push(std::mem::take(cur));
        } else {
            *cur = Entry::default();
        }
        *started = false;
        *has_id = false;
    };
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end_matches('\r').trim();
        if line.is_empty() {
            finish(&mut cur, &mut started, &mut has_id, &mut out);
            field = Field::None;
            continue;
        }
        // An obsolete entry's strings, `#~ msgid "..."`, read as the strings they were
        // (`#~|`, the previous source of an obsolete entry, is a comment).
        let (line, obsolete) = match line.strip_prefix("#~") {
            Some(rest) if !rest.starts_with('|') => {
                if !cur.obsolete && has_id {
                    finish(&mut cur, &mut started, &mut has_id, &mut out);
                }
                (rest.trim(), true)
            }
            _ => (line, false),
        };
        if let Some(rest) = line.strip_prefix('#') {
            // A comment after the strings starts the next entry.
            if has_id && field != Field::None {
                finish(&mut cur, &mut started, &mut has_id, &mut out);
            }
            field = Field::None;
            if !started {
                cur.line = n;
                started = true;
            }
            let was_in_previous = std::mem::take(&mut in_previous);
            if let Some(prev) = rest.strip_prefix('|') {
                // A comment: a malformed one is not worth refusing the file for.
                let prev = prev.trim();
                if let Some(v) = prev.strip_prefix("msgid ") {
                    cur.previous = unquote(v.trim()).ok();
                    in_previous = cur.previous.is_some();
                } else if prev.starts_with('"')
                    && was_in_previous
                    && let (Ok(more), Some(p)) = (unquote(prev), cur.previous.as_mut())
                {
                    p.push_str(&more);
                    in_previous = true;
                }
            } else if let Some(flags) = rest.strip_prefix(',') {
                cur.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            } else if let Some(note) = rest.strip_prefix('.') {
                cur.notes.push(note.trim().to_string());
            } else if let Some(r) = rest.strip_prefix(':') {
                cur.references.push(r.trim().to_string());
            }
            continue;
        }
        in_previous = false;
        let (keyword, value) = match line.find(' ') {
            Some(at) if !line.starts_with('"') => (&line[..at], line[at..].trim()),
            _ => ("", line),
        };
        let value = unquote(value).map_err(|why| bad(n, &why))?;
        let next = match keyword {
            "" => {
                let target = match field {
                    Field::Context => cur.context.get_or_insert_with(String::new),
                    Field::Id => &mut cur.id,
                    Field::Text | Field::PluralText(true) => &mut cur.text,
                    Field::Plural | Field::PluralText(false) => continue,
                    Field::None => return Err(bad(n, &say("core-po-orphan-string", &[]))),
                };
                target.push_str(&value);
                continue;
            }
            "msgctxt" => Field::Context,
            "msgid" => Field::Id,
            "msgid_plural" => Field::Plural,
            "msgstr" => Field::Text,
            k if k.starts_with("msgstr[") && k.ends_with(']') => {
                let idx = &k[7..k.len() - 1];
                let idx: usize = idx
                    .parse()
                    .map_err(|_| bad(n, &say("core-po-bad-plural", &[("keyword", k.into())])))?;
                Field::PluralText(idx == 0)
            }
            other => {
                return Err(bad(
                    n,
                    &say(
                        "core-po-bad-keyword",
                        &[("keyword", crate::untrusted::clip(other, 30).as_ref().into())],
                    ),
                ));
            }
        };
        // A new msgctxt or msgid after a complete entry starts the next one.
        if matches!(next, Field::Context | Field::Id)
            && has_id
            && !(next == Field::Id && field == Field::Context)
        {
            finish(&mut cur, &mut started, &mut has_id, &mut out);
        }
        if !started {
            cur.line = n;
            started = true;
        }
        cur.obsolete |= obsolete;
        match next {
            Field::Context => cur.context = Some(value),
            Field::Id => {
                cur.id = value;
                has_id = true;
            }
            Field::Text | Field::PluralText(true) => cur.text = value,
            _ => {}
        }
        field = next;
    }
    finish(&mut cur, &mut started, &mut has_id, &mut out);
    let header = out
        .iter()
        .find(|e| e.id.is_empty() && e.context.is_none() && !e.obsolete)
        .map(|e| {
            e.text
                .lines()
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                .filter(|(k, _)| !k.is_empty())
                .collect()
        })
        .unwrap_or_default();
    out.retain(|e| !e.id.is_empty());
    Ok((header, out))
}

/// The text of a quoted PO string, escapes resolved.
fn unquote(s: &str) -> Result<String, String> {
    let inner = s
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .filter(|_| s.len() >= 2)
        .ok_or_else(|| crate::words::say("core-po-expected-string", &[]))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(match chars.next() {
                Some('n') => '\n',
                Some('t') => '\t',
                Some('r') => '\r',
                Some('"') => '"',
                Some('\\') => '\\',
                Some('a') => '\u{7}',
                Some('b') => '\u{8}',
                Some('f') => '\u{c}',
                Some('v') => '\u{b}',
                other => {
                    let escape = format!("\\{}", other.map(String::from).unwrap_or_default());
                    return Err(crate::words::say(
                        "core-po-bad-escape",
                        &[("escape", escape.as_str().into())],
                    ));
                }
            }),
            '"' => return Err(crate::words::say("core-po-bare-quote", &[])),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// A string as PO writes it: quoted and escaped; long texts wrapped (on spaces) over several
/// lines, the way gettext's tools write them, so changes show line by line in a diff.
fn quoted(keyword: &str, s: &str) -> String {
    let esc = |t: &str| {
        t.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
            .replace('\t', "\\t")
            .replace('\r', "\\r")
    };
    let one = format!("{keyword} \"{}\"", esc(s));
    if one.chars().count() <= 79 && !s.contains('\n') {
        return one + "\n";
    }
    let mut out = format!("{keyword} \"\"\n");
    let mut piece = String::new();
    for word in s.split_inclusive([' ', '\n']) {
        if piece.chars().count() + word.chars().count() > 76 && !piece.is_empty() {
            out.push_str(&format!("\"{}\"\n", esc(&piece)));
            piece.clear();
        }
        piece.push_str(word);
        if word.ends_with('\n') {
            out.push_str(&format!("\"{}\"\n", esc(&piece)));
            piece.clear();
        }
    }
    if !piece.is_empty() {
        out.push_str(&format!("\"{}\"\n", esc(&piece)));
    }
    out
}

/// A PO file: the header (its `Key: value` lines) and the entries.
pub fn write<K: AsRef<str>, V: AsRef<str>>(header: &[(K, V)], entries: &[Entry]) -> String {
    let mut out = String::from("msgid \"\"\n");
    let head: String = header
        .iter()
        .map(|(k, v)| format!("{}: {}\n", k.as_ref(), v.as_ref()))
        .collect();
    out.push_str(&quoted("msgstr", &head));
    for e in entries {
        out.push('\n');
        if e.obsolete {
            // Only the strings, each line behind `#~`, as gettext's tools keep them.
            if e.fuzzy {
                out.push_str("#, fuzzy\n");
            }
            let mut strings = String::new();
            if let Some(c) = &e.context {
                strings.push_str(&quoted("msgctxt", c));
            }
            strings.push_str(&quoted("msgid", &e.id));
            strings.push_str(&quoted("msgstr", &e.text));
            for l in strings.lines() {
                out.push_str(&format!("#~ {l}\n"));
            }
            continue;
        }
        for n in &e.notes {
            out.push_str(&format!("#. {n}\n"));
        }
        for r in &e.references {
            out.push_str(&format!("#: {r}\n"));
        }
        if e.fuzzy {
            out.push_str("#, fuzzy\n");
            if let Some(p) = e.previous.as_ref().filter(|p| **p != e.id) {
                for l in quoted("msgid", p).lines() {
                    out.push_str(&format!("#| {l}\n"));
                }
            }
        }
        if let Some(c) = &e.context {
            out.push_str(&quoted("msgctxt", c));
        }
        out.push_str(&quoted("msgid", &e.id));
        out.push_str(&quoted("msgstr", &e.text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_reads_back_and_what_is_not_po_is_refused_with_its_line() {
        let entries = vec![
            Entry {
                context: Some("node.a.line.1".into()),
                id: "He said \"no\".\nThen he left, and the long line goes on and on until it has to be wrapped somewhere sensible.".into(),
                text: "Er sagte \"nein\".\tDann ging er.".into(),
                fuzzy: true,
                notes: vec!["the prospect says".into()],
                references: vec!["dialogues/x.ron:12".into()],
                line: 0,
                obsolete: false,
                previous: Some("He said \"no\".\nThen he left, and the long line went on and on until it had to be wrapped somewhere.".into()),
            },
            Entry {
                context: Some("title".into()),
                id: "Title".into(),
                ..Entry::default()
            },
            Entry {
                context: Some("node.gone.line.1".into()),
                id: "A line long gone, long enough that its strings are wrapped over several lines of the file.".into(),
                text: "Eine längst gestrichene Zeile, lang genug, dass ihre Texte über mehrere Zeilen gehen.".into(),
                fuzzy: true,
                obsolete: true,
                ..Entry::default()
            },
            Entry {
                context: Some("node.gone.line.2".into()),
                id: "Short".into(),
                text: "Kurz".into(),
                obsolete: true,
                ..Entry::default()
            },
        ];
        let text = write(&[("Language", "de")], &entries);
        assert!(
            text.contains(
                "\n#, fuzzy\n#~ msgctxt \"node.gone.line.1\"\n#~ msgid \"\"\n#~ \"A line"
            )
        );
        // The previous source, as msgmerge writes it, wrapped like the strings.
        assert!(
            text.contains(
                "#, fuzzy\n#| msgid \"\"\n#| \"He said \\\"no\\\".\\n\"\n#| \"Then he left"
            ),
            "{text}"
        );
        let back = parse("x.de.po", &text).unwrap();
        assert_eq!(back.len(), 4);
        for (a, b) in back.iter().zip(&entries) {
            assert_eq!(
                (&a.context, &a.id, &a.text, a.fuzzy, a.obsolete, &a.previous),
                (&b.context, &b.id, &b.text, b.fuzzy, b.obsolete, &b.previous)
            );
        }
        // Obsolete entries as gettext's tools write them: no blank line between them, the
        // previous source (`#~|`) a comment, and a current entry right after one.
        let msgmerged = "msgid \"\"\nmsgstr \"\"\n\n#~ msgctxt \"a\"\n#~ msgid \"A\"\n#~ msgstr \"Ä\"\n#~| msgid \"Bee\"\n#~ msgctxt \"b\"\n#~ msgid \"B\"\n#~ msgstr \"\"\n#~ \"Bö\"\nmsgctxt \"c\"\nmsgid \"C\"\nmsgstr \"Cé\"\n";
        let got: Vec<(String, String, bool)> = parse("m.po", msgmerged)
            .unwrap()
            .into_iter()
            .map(|e| (e.context.unwrap(), e.text, e.obsolete))
            .collect();
        assert_eq!(
            got,
            [
                ("a".into(), "Ä".into(), true),
                ("b".into(), "Bö".into(), true),
                ("c".into(), "Cé".into(), false)
            ]
        );
        assert_eq!(back[0].notes, entries[0].notes);
        assert!(back[1].line > back[0].line);
        // A lone `#` (an empty comment, as other tools write) is fine.
        assert_eq!(
            parse(
                "x.po",
                "#\nmsgid \"\"\nmsgstr \"\"\n\nmsgid \"a\"\nmsgstr \"b\"\n"
            )
            .unwrap()
            .len(),
            1
        );
        for (bad, says) in [
            ("msgid \"a\nmsgstr \"\"", "x.po:1: expected a quoted string"),
            (
                "msgid \"a\"\nmsgstr \"\\q\"",
                "x.po:2: `\\q` is not an escape",
            ),
            ("\"orphan\"", "x.po:1: a string that continues nothing"),
            (
                "msgid \"a\"\nmsgfoo \"b\"",
                "x.po:2: `msgfoo` is not a PO keyword",
            ),
            (
                "msgid \"a\"\nmsgstr[x] \"b\"",
                "x.po:2: `msgstr[x]` is not a plural form",
            ),
        ] {
            let e = parse("x.po", bad).unwrap_err().to_string();
            assert!(e.contains(says), "{bad:?}: {e}");
        }
    }
}
