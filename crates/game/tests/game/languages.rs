//! The game in other languages: German played and remembered, the system's language at first
//! start, a translator's saved PO file, and a glyph for every letter.

use super::*;

#[test]
fn the_game_in_german_plays_the_same_call_records_its_language_and_remembers_the_choice() {
    use peercall_core::records::Store;
    use peercall_game::Language;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let game = |options: PlayOptions| headless_with_records(&db, options);
    let mut app = game(PlayOptions {
        lang: Some("de".into()),
        player: Some("Ute".into()),
        scenario: Some("demo-request".into()),
        seed: Some(6),
        ..default()
    });
    assert_eq!(screen(&app), Screen::Briefing);
    let all = texts(&mut app);
    assert!(
        all.iter()
            .any(|t| t == "Kommen Sie zur Demo vor dem Auswahlgremium"),
        "{all:?}"
    );
    assert!(
        all.iter().any(|t| t == "Gespräch annehmen (Enter)"),
        "{all:?}"
    );
    key(&mut app, KeyCode::Enter);
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.contains("Wann kann Ihr Team"))
    );
    for pick in [2, 1, 1, 1, 1, 1] {
        let n = shown(&app, pick);
        key(&mut app, digit(n));
        app.update();
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Debrief);
    let all = texts(&mut app);
    assert!(all.iter().any(|t| t == "Ausgang: qualifiziert"), "{all:?}");
    assert!(all.iter().any(|t| t == "Die Lehre"), "{all:?}");
    // The same call as in English: the same score, and it verifies against the source.
    let score = app
        .world()
        .resource::<peercall_game::screens::debrief::ShownDebrief>()
        .0
        .score;
    let script = builtin_script("demo-request");
    let mut english = peercall_dialogue::Call::start(&script, 6);
    for t in call(&app).call.turns() {
        english.choose_index(&script, t.choice as usize).unwrap();
    }
    assert_eq!(english.score(&script), Some(score));
    // Back on the title: the language button goes to the next language, and it is remembered.
    key(&mut app, KeyCode::Escape);
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Title);
    assert!(texts(&mut app).iter().any(|t| t == "Sprache: Deutsch"));
    press(&mut app, "Sprache: Deutsch");
    assert_eq!(
        app.world().resource::<Language>().lang,
        peercall_core::i18n::PSEUDO
    );
    assert!(
        texts(&mut app).iter().any(|t| t == "[Plàý ~~]"),
        "{:?}",
        texts(&mut app)
    );
    drop(app);
    let (store, _) = Store::open(&db).unwrap();
    let rows = store.results(None).unwrap();
    assert_eq!((rows.len(), rows[0].lang.as_str()), (1, "de"));
    rows[0]
        .verify(&script)
        .expect("the German call replays against the source");
    assert_eq!(
        store.setting("lang").unwrap().as_deref(),
        Some(peercall_core::i18n::PSEUDO)
    );
    drop(store);
    // Trainer mode: a call without a German translation shows its lines marked.
    let mut app = game(PlayOptions {
        lang: Some("de".into()),
        mark_untranslated: true,
        player: Some("Ute".into()),
        scenario: Some("free-consulting".into()),
        ..default()
    });
    let all = texts(&mut app);
    assert!(all.iter().any(|t| t.starts_with("[en] ")), "{all:?}");
    assert!(
        all.iter().any(|t| t == "Gespräch annehmen (Enter)"),
        "{all:?}"
    );
}

/// A first start speaks the player's system language; once the player picks one, that choice
/// wins over the system's.
#[test]
fn a_first_start_speaks_the_systems_language_until_the_player_picks_one() {
    use peercall_game::Language;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let german_system = || PlayOptions {
        user_lang: Some("de".into()),
        player: Some("Ute".into()),
        ..default()
    };
    let mut app = headless_with_records(&db, german_system());
    assert_eq!(screen(&app), Screen::Title);
    assert_eq!(app.world().resource::<Language>().lang, "de");
    assert!(
        texts(&mut app).iter().any(|t| t == "Sprache: Deutsch"),
        "{:?}",
        texts(&mut app)
    );
    press(&mut app, "Sprache: Deutsch");
    drop(app);
    let app = headless_with_records(&db, german_system());
    assert_eq!(
        app.world().resource::<Language>().lang,
        peercall_core::i18n::PSEUDO,
        "the player's choice is remembered over the system's language"
    );
    drop(app);
    // Without a system language or a choice, the scenarios' own.
    let app = headless_with_records(&dir.path().join("other.sqlite"), PlayOptions::default());
    assert_eq!(app.world().resource::<Language>().lang, "en");
}

#[test]
fn a_translator_saving_the_po_file_sees_the_line_change_in_the_call() {
    use peercall_game::reload::Reloads;
    let dir = tempfile::tempdir().unwrap();
    for f in ["network-expansion.ron", "network-expansion.de.po"] {
        std::fs::copy(dialogues().join(f), dir.path().join(f)).unwrap();
    }
    let mut library = Library::from_path(dir.path()).unwrap();
    library.translate("de", false);
    let mut app = headless(
        library,
        PlayOptions {
            dialogues: Some(dir.path().to_path_buf()),
            scenario: Some("network-expansion".into()),
            seed: Some(1),
            lang: Some("de".into()),
            ..default()
        },
    );
    key(&mut app, KeyCode::Enter);
    let n = shown(&app, 2);
    key(&mut app, digit(n));
    assert_eq!(call(&app).call.turns().len(), 1);
    // The translator rewrites the prospect's answer (both wordings) and saves.
    let po = dir.path().join("network-expansion.de.po");
    let text = std::fs::read_to_string(&po).unwrap();
    let edited = text
        .replace(
            "\"Klar, das ist fair. Was möchten Sie wissen?\"",
            "\"Gut, zehn Minuten also.\"",
        )
        .replace(
            "\"Gut, zehn Minuten. Legen Sie los.\"",
            "\"Gut, zehn Minuten also.\"",
        );
    assert_ne!(edited, text);
    std::fs::write(&po, edited).unwrap();
    // After the `n`th reload: the call goes on, the prospect's answer in the new words.
    let goes_on_in_the_new_words = |app: &mut App, n: u32| {
        update_until(app, |a| a.world().resource::<Reloads>().0 >= n);
        app.update();
        assert_eq!(screen(app), Screen::Call);
        assert_eq!(call(app).call.turns().len(), 1, "the call goes on");
        assert!(
            texts(app).iter().any(|t| t == "Gut, zehn Minuten also."),
            "still in German after reload {n}: {:?}",
            texts(app)
        );
    };
    goes_on_in_the_new_words(&mut app, 1);
    // A save the translator has not finished (a string left open): the call goes on in the
    // last translation that read, and the scenario list says what is wrong, and where.
    let good = std::fs::read_to_string(&po).unwrap();
    std::fs::write(
        &po,
        format!("{good}\nmsgctxt \"title\"\nmsgid \"Unfinished\n"),
    )
    .unwrap();
    let broken_at = good.lines().count() + 3;
    goes_on_in_the_new_words(&mut app, 2);
    key(&mut app, KeyCode::Escape);
    press(&mut app, "Zurück zu den Gesprächen");
    assert_eq!(screen(&app), Screen::Pick);
    let said = texts(&mut app);
    let note = said
        .iter()
        .find(|t| t.contains("Die zuletzt gespeicherte Übersetzung lässt sich nicht lesen"))
        .unwrap_or_else(|| panic!("{said:?}"));
    assert!(
        note.contains(&format!(": network-expansion.de.po:{broken_at}: ")),
        "{note}"
    );
}

/// Every letter the game can show, in every language it ships (the interface, the engine's
/// findings, the scenarios and their translations, the pseudo-locale), has a glyph in both
/// fonts: no name or German finding is drawn with boxes.
#[test]
fn the_fonts_draw_every_letter_of_every_language() {
    use skrifa::MetadataProvider;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut text = String::new();
    let mut files = vec![
        root.join("assets/i18n/en.ftl"),
        root.join("assets/i18n/de.ftl"),
        root.join("crates/dialogue/i18n/en.ftl"),
        root.join("crates/dialogue/i18n/de.ftl"),
    ];
    for e in std::fs::read_dir(root.join("dialogues")).unwrap() {
        files.push(e.unwrap().path());
    }
    for f in &files {
        text.push_str(&std::fs::read_to_string(f).unwrap());
    }
    text.push_str(&peercall_core::i18n::pseudo("aceinousyACEINOUSY"));
    // Names players type: the letters of Europe's alphabets.
    text.push_str("ÄÖÜäöüßÉÈÊéèêëçñÅåØøÆæŁłŚśŻżČčŠšŽžĞğİıŐőŰű");
    for (name, bytes) in [
        ("reading", peercall_game::READING_FONT),
        ("monospace", peercall_game::MONO_FONT),
    ] {
        let font = skrifa::FontRef::new(bytes).expect("the font parses");
        let map = font.charmap();
        let missing: std::collections::BTreeSet<char> = text
            .chars()
            .filter(|c| !c.is_control() && map.map(*c).is_none())
            .collect();
        assert!(missing.is_empty(), "the {name} font lacks {missing:?}");
    }
}
