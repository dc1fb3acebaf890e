//! The translation files as trainers and translators handle them: `i18n check`'s findings, `extract` keeping every translation, ids, and gettext's own checker.

use super::*;

#[test]
fn i18n_check_finds_missing_stale_and_unknown_entries_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let (ron, po) = copy(dir.path());
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("1 translation file checked, 0 problems"),
        "{out}"
    );

    // The source of one line edited: its translation is stale, and no longer used.
    let source = std::fs::read_to_string(&ron).unwrap();
    let edited = source.replacen(
        "Sure, fire away. Though we can go through most of it when you're here.",
        "Sure, go ahead. Most of it can wait until you're here, though.",
        1,
    );
    assert_ne!(edited, source);
    std::fs::write(&ron, &edited).unwrap();
    // One entry's translation emptied, one entry removed, one entry for a line that is not
    // there.
    let text_po = std::fs::read_to_string(&po).unwrap();
    let text_po = text_po.replacen(
        "msgstr \"Klar, so haben wir es abgemacht. Fragen Sie.\"",
        "msgstr \"\"",
        1,
    );
    let cut_from = text_po.find("msgctxt \"choice.callback-4.say\"").unwrap();
    let cut_to = cut_from + text_po[cut_from..].find("\n\n").unwrap();
    let mut text_po = format!("{}{}", &text_po[..cut_from], &text_po[cut_to + 1..]);
    text_po.push_str("\nmsgctxt \"node.gone.line.1\"\nmsgid \"A line that was removed.\"\nmsgstr \"Eine gestrichene Zeile.\"\n");
    std::fs::write(&po, &text_po).unwrap();

    let (code, out) = check(dir.path());
    assert_eq!(code, Some(1), "{out}");
    let po_name = po.display().to_string();
    let ron_name = ron.display().to_string();
    let line_of = |file: &str, needle: &str| {
        std::fs::read_to_string(file)
            .unwrap()
            .lines()
            .position(|l| l.contains(needle))
            .unwrap()
            + 1
    };
    for (file, line, code, id) in [
        (
            &po_name,
            line_of(&po_name, "msgctxt \"node.quick-questions.line.1\"") - 3,
            "stale",
            "node.quick-questions.line.1",
        ),
        (
            &po_name,
            line_of(&po_name, "msgctxt \"node.quick-questions.if.1.line.1\"") - 3,
            "missing",
            "node.quick-questions.if.1.line.1",
        ),
        (
            &po_name,
            line_of(&po_name, "msgctxt \"node.gone.line.1\""),
            "unknown",
            "node.gone.line.1",
        ),
        (
            &ron_name,
            line_of(&ron_name, "Walt, thank you so much for thinking of us."),
            "missing",
            "choice.callback-4.say",
        ),
    ] {
        let want = format!("{file}:{line}: {code}[{id}]");
        assert!(out.contains(&want), "{want} in:\n{out}");
    }
    assert!(out.contains("4 problems"), "{out}");
    // `peercall check`, where a trainer checks an edit, says the translation is behind (and
    // still passes: the scenario is fine).
    let out = peercall().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let want = format!(
        "note: {po_name} is behind its scenario: 2 missing, 1 stale, 1 unknown (`peercall i18n check {ron_name}` lists them)"
    );
    assert!(text(&out).contains(&want), "{want} in:\n{}", text(&out));
    // And in its JSON, for editors.
    let out = peercall()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let t = &v["files"][0]["translations"][0];
    assert_eq!(
        (
            &t["file"],
            &t["lang"],
            &t["missing"],
            &t["stale"],
            &t["unknown"],
            &t["error"]
        ),
        (
            &Value::from(po_name.as_str()),
            &Value::from("de"),
            &Value::from(2),
            &Value::from(1),
            &Value::from(1),
            &Value::Null
        ),
        "{v}"
    );
    // The stale line is shown in the source language, not in the old translation.
    let played = peercall()
        .args(["run"])
        .arg(&ron)
        .args(["--seed", "6", "--choices", "1", "--json", "--lang", "de"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&played.stdout).unwrap();
    let lines: Vec<String> = v["transcript"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["text"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("Klar, schießen Sie los")),
        "{lines:?}"
    );

    // `extract --lang de` brings the file up to date: the missing entry is back (empty), the
    // stale one is kept for the translator and marked fuzzy, and the unknown one is kept at the
    // end as obsolete, where `check` no longer counts it.
    let out = peercall()
        .args(["i18n", "extract", "--lang", "de"])
        .arg(&ron)
        .output()
        .unwrap();
    success(&out);
    assert!(
        text(&out).contains(
            "1 translation of a line the scenario no longer has kept at the end as obsolete"
        ),
        "{}",
        text(&out)
    );
    let updated = std::fs::read_to_string(&po).unwrap();
    assert!(
        updated.ends_with(
            "\n#~ msgctxt \"node.gone.line.1\"\n#~ msgid \"A line that was removed.\"\n#~ msgstr \"Eine gestrichene Zeile.\"\n"
        ),
        "{}",
        &updated[updated.len() - 300..]
    );
    assert!(updated.contains("msgctxt \"choice.callback-4.say\""));
    let lines: Vec<&str> = updated.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == "msgctxt \"node.quick-questions.line.1\"")
        .unwrap();
    // Marked fuzzy, with the source it was translated from (`#|`, as msgmerge writes it), so
    // the translator's tool shows what changed.
    let flag = lines[..at].iter().rposition(|l| *l == "#, fuzzy").unwrap();
    let previous: String = lines[flag + 1..at]
        .iter()
        .map(|l| {
            l.strip_prefix("#| ")
                .expect("only the previous source in between")
        })
        .collect();
    assert_eq!(
        previous,
        "msgid \"Sure, fire away. Though we can go through most of it when you're here.\""
    );
    assert!(
        lines[at + 1..at + 8]
            .iter()
            .any(|l| l.contains("Klar, schießen Sie los"))
    );
    let (_, out) = check(dir.path());
    assert!(out.contains("stale[node.quick-questions.line.1]"), "{out}");
    assert!(out.contains("is marked fuzzy"), "{out}");
    assert!(!out.contains("node.gone.line.1"), "{out}");
    // Brought up to date again, it still names the source it was translated from.
    success(
        &peercall()
            .args(["i18n", "extract", "--lang", "de"])
            .arg(&ron)
            .output()
            .unwrap(),
    );
    assert_eq!(std::fs::read_to_string(&po).unwrap(), updated);
    // The translator checks it (their tool drops the mark and the old source): it is current.
    let checked = updated.replacen(&lines[flag..at].join("\n"), "", 1);
    std::fs::write(&po, &checked).unwrap();
    let (_, out) = check(dir.path());
    assert!(!out.contains("node.quick-questions.line.1"), "{out}");
}

/// No translation is lost when a scenario changes: a line that is removed keeps its translation
/// as obsolete until it comes back, a line whose id changes finds its translation again by its
/// words, and a translation file that cannot be read is never written over.
#[test]
fn extract_keeps_every_translation_when_lines_go_come_back_or_are_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let (ron, po) = copy(dir.path());
    let extract = || {
        let out = peercall()
            .args(["i18n", "extract", "--lang", "de"])
            .arg(&ron)
            .output()
            .unwrap();
        success(&out);
        text(&out)
    };
    let source = std::fs::read_to_string(&ron).unwrap();
    let translation = std::fs::read_to_string(&po).unwrap();
    let german = "Walt, vielen herzlichen Dank";
    let entry = |po: &str| {
        let at = po.find("msgctxt \"choice.callback-4.say\"")?;
        Some(po[at..at + po[at..].find("\n\n").unwrap_or(po.len() - at)].to_string())
    };
    let was = entry(&translation).expect("the demo's German file has the line");
    assert!(was.contains(german), "{was}");

    // The choice renamed: its translation is found under the new id, marked fuzzy.
    let renamed = source.replacen("id: \"callback-4\"", "id: \"callback-gushing\"", 1);
    assert_ne!(renamed, source);
    std::fs::write(&ron, &renamed).unwrap();
    let said = extract();
    // Its words and its feedback.
    assert!(
        said.contains("2 translations found again under their lines' new ids"),
        "{said}"
    );
    let now = std::fs::read_to_string(&po).unwrap();
    assert!(entry(&now).is_none());
    let at = now.find("msgctxt \"choice.callback-gushing.say\"").unwrap();
    assert!(
        now[..at].ends_with("#, fuzzy\n"),
        "{}",
        &now[at - 200..at + 200]
    );
    assert!(now[at..at + 400].contains(german));
    assert!(
        !now.contains("#~"),
        "a translation found again is not also obsolete"
    );

    // Back to the old id, then the whole choice removed: the translation stays, as obsolete.
    std::fs::write(&ron, &source).unwrap();
    std::fs::write(&po, &translation).unwrap();
    let at = source.find("id: \"callback-4\"").unwrap();
    let open = source[..at].rfind('(').unwrap();
    let start = source[..open].rfind('\n').unwrap() + 1;
    let end = at + source[at..].find("),\n").unwrap() + 3;
    let without = format!("{}{}", &source[..start], &source[end..]);
    std::fs::write(&ron, &without).unwrap();
    let said = extract();
    assert!(
        said.contains(
            "2 translations of lines the scenario no longer has kept at the end as obsolete"
        ),
        "{said}"
    );
    let now = std::fs::read_to_string(&po).unwrap();
    assert!(
        now.contains("#~ msgctxt \"choice.callback-4.say\""),
        "{now}"
    );
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(0), "an obsolete entry is not a problem: {out}");
    // Extracting again keeps it; putting the choice back brings the translation back as it was.
    extract();
    std::fs::write(&ron, &source).unwrap();
    let said = extract();
    assert!(!said.contains("obsolete"), "{said}");
    assert_eq!(entry(&std::fs::read_to_string(&po).unwrap()).unwrap(), was);
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(0), "{out}");

    // A translation file that is not UTF-8 is refused, and left exactly as it was.
    let mut broken = translation.clone().into_bytes();
    broken.extend_from_slice(b"\n# \xff\xfe\n");
    std::fs::write(&po, &broken).unwrap();
    let out = peercall()
        .args(["i18n", "extract", "--lang", "de"])
        .arg(&ron)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("cannot read"), "{}", text(&out));
    assert_eq!(std::fs::read(&po).unwrap(), broken);
    // `i18n check` says so too (not "there is no translation"), and `check` notes it.
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("cannot read") && out.contains("demo-request.de.po"),
        "{out}"
    );
    let out = peercall().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("note: cannot read"), "{}", text(&out));
    assert_eq!(std::fs::read(&po).unwrap(), broken);
}

#[test]
fn ids_are_written_once_and_change_no_result_and_the_languages_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (ron, _) = copy(dir.path());
    // Without ids (as a file written before them), then with them again.
    let source = std::fs::read_to_string(&ron).unwrap();
    // Choice ids are `<node>-<n>`; the scenario's own id stays.
    let is_choice_id = |l: &str| {
        l.trim()
            .strip_prefix("id: \"")
            .and_then(|r| r.strip_suffix("\","))
            .and_then(|id| id.rsplit_once('-'))
            .is_some_and(|(_, n)| n.chars().all(|c| c.is_ascii_digit()))
    };
    let bare: String = source
        .lines()
        .filter(|l| !is_choice_id(l))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&ron, &bare).unwrap();
    let hash = |file: &Path| {
        let out = peercall()
            .args(["run"])
            .arg(file)
            .args(["--seed", "6", "--picks", PICKS, "--json"])
            .output()
            .unwrap();
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["scenario_hash"].clone()
    };
    let before = hash(&ron);
    let out = peercall()
        .args(["i18n", "check"])
        .arg(&ron)
        .output()
        .unwrap();
    assert!(
        text(&out).contains("some choices have no id"),
        "{}",
        text(&out)
    );
    let out = peercall().args(["i18n", "ids"]).arg(&ron).output().unwrap();
    success(&out);
    assert!(
        text(&out).contains("53 choice ids written"),
        "{}",
        text(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&ron).unwrap(),
        source,
        "the same ids as shipped"
    );
    assert_eq!(hash(&ron), before, "ids are not content");
    let out = peercall().args(["i18n", "ids"]).arg(&ron).output().unwrap();
    assert!(text(&out).contains("every choice has an id"));
    // A choice id used twice is an error `check` points at.
    let twice = source.replacen("id: \"callback-2\"", "id: \"callback-1\"", 1);
    std::fs::write(&ron, twice).unwrap();
    let out = peercall().args(["check"]).arg(&ron).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("duplicate-line-id"), "{}", text(&out));
    std::fs::write(&ron, &source).unwrap();
    // The languages present, with what each covers.
    let out = peercall()
        .args(["i18n", "list"])
        .arg(dir.path())
        .output()
        .unwrap();
    success(&out);
    assert!(
        text(&out).contains("de  demo-request: 238 of 238 texts translated"),
        "{}",
        text(&out)
    );
    // And the shipped translations are complete and current.
    let out = peercall().args(["i18n", "check"]).output().unwrap();
    success(&out);
}

/// gettext's own checker (`msgfmt -c`) accepts the shipped translations, a template and a
/// language's file as `extract` writes them; and what a translator's tool wrote in the header
/// (their name, plural forms, its own fields) survives `extract`. On CI, where gettext is
/// installed, the checker must be there.
#[test]
fn gettext_accepts_the_files_and_extract_keeps_the_translators_header() {
    let msgfmt = |file: &Path| {
        std::process::Command::new("msgfmt")
            .args(["-c", "-o", "/dev/null"])
            .arg(file)
            .output()
    };
    let dir = tempfile::tempdir().unwrap();
    let (ron, po) = copy(dir.path());
    let header = "\"Language: de\\n\"\n";
    let mine = "\"Last-Translator: Ute Krause <ute@example.com>\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\"X-Generator: Poedit 3.4\\n\"\n";
    let text = std::fs::read_to_string(&po).unwrap();
    assert!(text.contains(header));
    std::fs::write(&po, text.replacen(header, &format!("{header}{mine}"), 1)).unwrap();
    for args in [
        vec!["i18n", "extract"],
        vec!["i18n", "extract", "--lang", "de"],
    ] {
        success(&peercall().args(&args).arg(&ron).output().unwrap());
    }
    let updated = std::fs::read_to_string(&po).unwrap();
    assert!(updated.contains(mine), "{}", &updated[..600]);
    let pot = std::fs::read_to_string(dir.path().join("demo-request.pot")).unwrap();
    assert!(pot.contains("\"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n\""));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("dialogues");
    let files = [
        root.join("demo-request.de.po"),
        root.join("network-expansion.de.po"),
        po.clone(),
        dir.path().join("demo-request.pot"),
    ];
    for f in &files {
        match msgfmt(f) {
            Ok(out) => assert!(
                out.status.success(),
                "{}: {}",
                f.display(),
                String::from_utf8_lossy(&out.stderr)
            ),
            Err(e) => {
                assert!(
                    std::env::var_os("CI").is_none(),
                    "msgfmt (gettext) is not installed: {e}"
                );
                return;
            }
        }
    }
}
