//! A competition's life on the hub: closed and unknown ones, the board page, publishing from the page, and calls played without a team.

use super::*;

#[test]
fn a_closed_competition_takes_no_one_and_no_result_and_unknown_ones_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let (_hub, url) = hub(&dir.path().join("hub"));
    let code = publish(dir.path(), &url, "East");
    let ana = join_and_play(dir.path(), &url, &code, "Ana", "East");
    // The trainer closes the competition by publishing it again with an end in the past: a
    // running competition's dates move only when the trainer confirms it.
    let closed = dir.path().join("closed.ron");
    std::fs::write(
        &closed,
        r#"Competition(id: "cup", name: "Winter <cup>", ends: "2020-01-31", attempts: 3, scenarios: [(id: "network-expansion", seed: 5)])"#,
    )
    .unwrap();
    let republish = |confirmed: bool| {
        peercall_db(&dir.path().join("trainer.sqlite"))
            .args(["hub", "publish", "--server", &url, "--teams", "East"])
            .args(["--admin-token", ADMIN])
            .args(confirmed.then_some("--move-dates"))
            .arg(&closed)
            .output()
            .unwrap()
    };
    let out = republish(false);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("(409)")
            && stderr.contains("2020-01-31")
            && stderr.contains("--move-dates"),
        "{stderr}"
    );
    let body = serde_json::json!({ "code": code, "name": "Early" }).to_string();
    assert_eq!(
        post(&format!("{url}/api/join"), None, body.as_bytes()).0,
        201,
        "still open: nothing was changed"
    );
    let out = republish(true);
    common::success(&out);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&code),
        "the team keeps its code"
    );
    // Ana's call, played while it was open, is refused now, with the reason, and waits no more.
    let out = peercall_db(&ana).args(["hub", "send"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("0 sent, 0 waiting, 1 refused"), "{stdout}");
    assert!(stdout.contains("ended on 2020-01-31"), "{stdout}");
    // Nobody joins it.
    let body = serde_json::json!({ "code": code, "name": "Ben" }).to_string();
    let (status, answer) = post(&format!("{url}/api/join"), None, body.as_bytes());
    assert_eq!(status, 403, "{answer}");
    assert!(
        answer["error"]
            .as_str()
            .unwrap()
            .contains("ended on 2020-01-31")
    );
    // Unknown ones: the code, the competition's board, page and files.
    let body = serde_json::json!({ "code": "NOPE2345", "name": "Ben" }).to_string();
    let (status, answer) = post(&format!("{url}/api/join"), None, body.as_bytes());
    assert_eq!(
        (status, answer["error"].as_str()),
        (404, Some("no team has that join code"))
    );
    for path in [
        "/api/competitions/nope/board",
        "/competitions/nope",
        "/competitions/nope/wall",
    ] {
        let (status, body) = get(&format!("{url}{path}"));
        assert_eq!(status, 404, "{path}");
        assert!(
            body.contains("no competition with that id"),
            "{path}: {body}"
        );
    }
    // A German player hears why in German, from the hub (the shared crate's words too) and
    // from the command line.
    let out = peercall_db(&dir.path().join("ben.sqlite"))
        .env("PEERCALL_LANG", "de")
        .args(["join", &url, &code, "--player", "Ben"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("der Hub hat abgelehnt (403)")
            && stderr.contains("ist am 2020-01-31 zu Ende gegangen"),
        "{stderr}"
    );
    let out = peercall_db(&dir.path().join("ben.sqlite"))
        .env("PEERCALL_LANG", "de")
        .args(["join", &url, "NOPE2345", "--player", "Ben"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("kein Team hat diesen Beitrittscode"),
        "{stderr}"
    );
    let (status, _) = get(&format!("{url}/api/competitions/cup/files"));
    assert_eq!(status, 403, "a competition's files are for its players");
    let (status, answer) = get(&format!("{url}/api/competitions/cup/board"));
    assert_eq!(status, 200);
    assert!(
        answer.contains("\"players\":[]"),
        "nothing was counted: {answer}"
    );
}

#[test]
fn the_board_page_shows_the_top_ten_and_the_places_around_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let (_hub, url) = hub(&dir.path().join("hub"));
    let code = publish(dir.path(), &url, "East");
    // Fifteen players, each with one call.
    for p in 0..15u32 {
        let name = format!("P{p:02} <i>");
        let body = serde_json::json!({ "code": code, "name": name }).to_string();
        let (status, joined) = post(&format!("{url}/api/join"), None, body.as_bytes());
        assert_eq!(status, 201, "{joined}");
        let r = own_calls(&name, "East", 1).remove(0);
        let (status, answer) = post(
            &format!("{url}/api/results"),
            joined["token"].as_str(),
            serde_json::to_string(&r).unwrap().as_bytes(),
        );
        assert_eq!(status, 201, "{answer}");
    }
    let (_, board) = get(&format!("{url}/api/competitions/cup/board"));
    let board: Value = serde_json::from_str(&board).unwrap();
    let at = |place: usize| {
        board["players"][place - 1]["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let html = |name: &str| name.replace('<', "&lt;").replace('>', "&gt;");
    let me = at(14);
    let query = me
        .replace(' ', "%20")
        .replace('<', "%3C")
        .replace('>', "%3E");
    let (status, page) = get(&format!("{url}/competitions/cup?me={query}"));
    assert_eq!(status, 200);
    let players = page.split("<h2>Teams</h2>").next().unwrap();
    // The top ten, a gap, then places 12 to 15 around place 14; names escaped.
    for place in (1..=10).chain(12..=15) {
        assert!(
            players.contains(&html(&at(place))),
            "place {place}: {players}"
        );
    }
    assert!(!players.contains(&html(&at(11))), "place 11 is not shown");
    assert!(players.contains("class=\"gap\"") && players.contains("class=\"me\""));
    assert!(!page.contains("<i>"), "no name is markup");
    // With names hidden, only the player's own shows.
    let (_, hidden) = get(&format!("{url}/competitions/cup?hide-names=1&me={query}"));
    assert!(hidden.contains(&html(&me)) && !hidden.contains(&html(&at(1))));
    assert!(hidden.contains("Player 1<"));

    // A German browser gets the page in German (the live script's words too); `?lang=`
    // chooses; a language the interface lacks gets English.
    let in_lang = |path: &str, accept: &str| {
        let mut resp = agent()
            .get(&format!("{url}{path}"))
            .header("Accept-Language", accept)
            .call()
            .unwrap();
        resp.body_mut().read_to_string().unwrap()
    };
    let de = in_lang("/competitions/cup?hide-names=1", "de-DE,de;q=0.9,en;q=0.5");
    assert!(de.contains("<html lang=\"de\">"), "{de}");
    for said in [
        "<h2>Spieler</h2>",
        "Wandansicht",
        "Ihr Platz:",
        ">Punkte<",
        "Spieler 1<",
    ] {
        assert!(de.contains(said), "{said}: {de}");
    }
    assert!(
        de.contains("&quot;none&quot;:&quot;Noch keine Ergebnisse.&quot;"),
        "the live script's words: {de}"
    );
    assert!(!de.contains("<i>"), "no name is markup");
    let fr = in_lang("/competitions/cup", "fr-FR,fr;q=0.9");
    assert!(fr.contains("<html lang=\"en\">") && fr.contains("<h2>Players</h2>"));
    let board_de = in_lang("/competitions/cup?lang=de", "en-US");
    assert!(
        board_de.contains("href=\"?lang=de&amp;hide-names=1\""),
        "the links keep it"
    );
    let asked = in_lang("/competitions/cup/wall?lang=de", "en-US");
    assert!(
        asked.contains("<html lang=\"de\">")
            && asked.contains("&quot;teams&quot;:&quot;Teams&quot;")
    );
}

/// A `multipart/form-data` body of (field, file name or "", text) parts, and its content type.
fn multipart(parts: &[(&str, &str, &str)]) -> (String, Vec<u8>) {
    let boundary = "peercall-test-boundary-7261";
    let mut body = Vec::new();
    for (name, file, text) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        if file.is_empty() {
            body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            );
        } else {
            body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend_from_slice(text.as_bytes());
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[test]
fn a_trainer_publishes_from_the_hubs_page() {
    use base64::Engine;
    let dir = tempfile::tempdir().unwrap();
    let (_hub, url) = hub(&dir.path().join("hub"));
    // The page asks a browser for the admin token.
    let resp = agent().get(&format!("{url}/publish")).call().unwrap();
    assert_eq!(resp.status().as_u16(), 401);
    assert!(resp.headers().contains_key("www-authenticate"));
    let basic = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("trainer:{ADMIN}"))
    );
    let mut resp = agent()
        .get(&format!("{url}/publish"))
        .header("Authorization", &basic)
        .call()
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let form = resp.body_mut().read_to_string().unwrap();
    assert!(form.contains("enctype=\"multipart/form-data\"") && form.contains("name=\"teams\""));
    let send = |parts: &[(&str, &str, &str)]| {
        let (kind, body) = multipart(parts);
        let mut resp = agent()
            .post(&format!("{url}/publish"))
            .header("Authorization", &basic)
            .header("Content-Type", &kind)
            .send(&body[..])
            .unwrap();
        let status = resp.status().as_u16();
        (status, resp.body_mut().read_to_string().unwrap())
    };
    // A broken file is refused with the compiler's message, escaped.
    let (status, page) = send(&[
        (
            "competition",
            "cup.ron",
            "Competition(id: \"cup\", name: \"<b>\", scenarios: [(id: 7)])",
        ),
        ("teams", "", "East"),
    ]);
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("competition.ron:1:"), "{page}");
    assert!(!page.contains("<b>"));
    // The competition file alone: the built-in scenario stands in; two teams, two codes.
    let cup = std::fs::read_to_string(cup(dir.path())).unwrap();
    let (status, page) = send(&[
        ("competition", "cup.ron", &cup),
        ("scenarios", "", ""),
        ("teams", "", "East, West <w>"),
    ]);
    assert_eq!(status, 201, "{page}");
    assert!(page.contains("West &lt;w&gt;"), "{page}");
    let code = page
        .split("<td>East</td><td><code>")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap_or_else(|| panic!("{page}"))
        .to_string();
    // A player joins with it and plays.
    join_and_play(dir.path(), &url, &code, "Ana", "East");
}

#[test]
fn a_competition_call_played_without_a_team_goes_under_the_team_joined() {
    let dir = tempfile::tempdir().unwrap();
    let (_hub, url) = hub(&dir.path().join("hub"));
    let code = publish(dir.path(), &url, "East");
    // Ana joins East, then plays her call without saying her team.
    let ana = join_and_play(dir.path(), &url, &code, "Ana", "-");
    let out = peercall_db(&ana).args(["hub", "send"]).output().unwrap();
    common::success(&out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("1 sent, 0 waiting, 0 refused"), "{stdout}");
    assert_eq!(common::hub::export(&ana)[0]["team"], "East");
}
