//! The team hub as its users meet it: `peercall serve` as a process on loopback, a trainer
//! publishing with `peercall hub publish`, players joining with `peercall join`, playing their
//! own calls in the terminal and sending them with `peercall hub send`; and everything a hostile
//! client could post, over real HTTP.

use std::process::Command;

use serde_json::Value;

mod common;
use common::hub::*;
use common::{NET, bin, peercall_db};

#[test]
fn a_competition_published_joined_played_and_sent_shows_on_the_hubs_board() {
    let dir = tempfile::tempdir().unwrap();
    let (_hub, url) = hub(&dir.path().join("hub"));
    let cup = cup(dir.path());

    // The trainer publishes; each team gets a join code.
    let published = publish_for(dir.path(), &url, "East,West");
    let code = |team: &str| code_of(&published, team);
    // Publishing needs the admin token.
    let out = peercall_db(&dir.path().join("trainer.sqlite"))
        .args([
            "hub",
            "publish",
            "--server",
            &url,
            "--teams",
            "East",
            "--admin-token",
            "guess",
        ])
        .arg(&cup)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not the admin token"));

    // Two players join from their own machines, play their own calls and send them.
    let ana = dir.path().join("ana.sqlite");
    let ben = dir.path().join("ben.sqlite");
    for (db, name, team) in [(&ana, "Ana", "East"), (&ben, "Ben <b>", "West")] {
        let out = peercall_db(db)
            .args(["join", &url, &code(team), "--player", name])
            .output()
            .unwrap();
        common::success(&out);
        assert!(play_own_call(db, &cup, name, team) >= 85);
        let out = peercall_db(db).args(["hub", "send"]).output().unwrap();
        common::success(&out);
        assert!(String::from_utf8_lossy(&out.stdout).contains("1 sent, 0 waiting, 0 refused"));
        // Sending again sends nothing twice.
        let out = peercall_db(db).args(["hub", "send"]).output().unwrap();
        assert!(String::from_utf8_lossy(&out.stdout).contains("0 sent, 0 waiting, 0 refused"));
    }
    // A name taken in the competition cannot join again.
    let out = peercall_db(&dir.path().join("other.sqlite"))
        .args(["join", &url, &code("East"), "--player", "Ana"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already joined"));

    // One board for everyone, by player and by team.
    let (status, board) = get(&format!("{url}/api/competitions/cup/board"));
    assert_eq!(status, 200);
    let board: Value = serde_json::from_str(&board).unwrap();
    let names: Vec<&str> = board["players"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{board}");
    assert!(names.contains(&"Ana") && names.contains(&"Ben <b>"));
    assert_eq!(board["teams"].as_array().unwrap().len(), 2);
    // The page escapes every name; hide-names mode shows none.
    let (status, page) = get(&format!("{url}/competitions/cup"));
    assert_eq!(status, 200);
    assert!(
        page.contains("Winter &lt;cup&gt;") && page.contains("Ben &lt;b&gt;"),
        "{page}"
    );
    assert!(!page.contains("<b>") && !page.contains("<cup>"));
    let (_, hidden) = get(&format!("{url}/competitions/cup?hide-names=1"));
    assert!(
        !hidden.contains("Ana") && hidden.contains("Player 1"),
        "{hidden}"
    );
    let (_, index) = get(&format!("{url}/"));
    assert!(index.contains("/competitions/cup"));
    assert_eq!(get(&format!("{url}/competitions/nope")).0, 404);

    // The trainer's analytics: only with the admin token (a browser is asked for it).
    let analytics = format!("{url}/competitions/cup/analytics");
    let resp = agent().get(&analytics).call().unwrap();
    assert_eq!(resp.status().as_u16(), 401);
    assert!(resp.headers().get("www-authenticate").is_some());
    let basic = |path: &str| {
        use std::io::Read;
        let auth = format!("admin:{ADMIN}");
        let encoded = {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD.encode(auth)
        };
        let mut resp = agent()
            .get(&format!("{url}{path}"))
            .header("Authorization", &format!("Basic {encoded}"))
            .call()
            .unwrap();
        let status = resp.status().as_u16();
        let mut body = String::new();
        resp.body_mut()
            .as_reader()
            .read_to_string(&mut body)
            .unwrap();
        (status, body)
    };
    let (status, page) = basic("/competitions/cup/analytics");
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("Where players went") && page.contains("big-picture"),
        "{page}"
    );
    assert!(
        page.contains("West · 1 call<") && !page.contains("<b>"),
        "{page}"
    );
    // The heatmap: the scenario's graph with both players' moves drawn on it.
    assert!(page.contains("<svg class=\"heat\""), "{page}");
    assert!(
        page.contains("100% of calls"),
        "both calls reached the opening: {page}"
    );
    // In German, the outcomes, the signals and the heatmap's words are German too.
    let (status, de) = basic("/competitions/cup/analytics?lang=de");
    assert_eq!(status, 200, "{de}");
    for german in [
        "100 % der Gespräche",
        "Peer-Vertrag",
        "Wohin die Spieler gingen",
    ] {
        assert!(de.contains(german), "{german} in {de}");
    }
    for english in ["of calls", "calls went", "peer contract", "qualified out"] {
        assert!(!de.contains(english), "{english} in {de}");
    }
    // So are the scenario's own lines, from its built-in translation.
    assert!(de.contains("IT-Leiterin bei Halvorsen"), "{de}");
    assert!(!de.contains("IT director at Halvorsen"), "{de}");
    assert!(page.contains("IT director at Halvorsen"), "{page}");
    let (status, moves) = basic("/competitions/cup/moves.csv");
    assert_eq!(status, 200);
    assert!(moves.starts_with("scenario,truth,node,choice,line,signal,to,times,share of the node"));
    assert!(
        moves
            .lines()
            .any(|l| l.starts_with("network-expansion,") && l.contains(",peer contract,")),
        "{moves}"
    );
    let (status, csv) = basic("/competitions/cup/analytics.csv");
    assert_eq!(status, 200);
    assert!(
        csv.starts_with("team,signal,sent,better line on offer,rate"),
        "{csv}"
    );
    assert!(csv.contains("East,peer contract,"), "{csv}");
    let (status, json) = basic("/api/competitions/cup/analytics");
    assert_eq!(status, 200);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["teams"].as_array().unwrap().len(), 2);
    // Each scenario's page: its graph, every node's lines and choices with their conditions,
    // and links that open the web game at a node in the state a call first reaches it in.
    assert!(
        page.contains("href=\"/competitions/cup/scenarios/network-expansion\""),
        "{page}"
    );
    let (status, sc) = basic("/competitions/cup/scenarios/network-expansion");
    assert_eq!(status, 200, "{sc}");
    assert!(sc.contains("<svg class=\"heat\""), "{sc}");
    assert!(sc.contains("Play from here:"), "{sc}");
    assert!(
        sc.contains("/play/?scenario=network-expansion&amp;from=merger&amp;trust="),
        "{sc}"
    );
    assert!(sc.contains("&amp;truth=consolidating&amp;peer=1"), "{sc}");
    assert!(sc.contains("when Truth(&quot;consolidating&quot;)"), "{sc}");
    assert_eq!(basic("/competitions/cup/scenarios/nope").0, 404);
    assert_eq!(
        agent()
            .get(&format!(
                "{url}/competitions/cup/scenarios/network-expansion"
            ))
            .call()
            .unwrap()
            .status()
            .as_u16(),
        401
    );
    // The habit to fix, per player and per team: both played as peers, so none.
    let habits = &json["habits"];
    assert_eq!(habits["players"].as_array().unwrap().len(), 2, "{habits}");
    assert_eq!(habits["teams"].as_array().unwrap().len(), 2, "{habits}");
    assert!(habits["teams"][0]["to_fix"].is_null(), "{habits}");
    assert!(
        page.contains("The habit to fix") && page.contains("Habit to fix"),
        "{page}"
    );
    assert!(
        de.contains("Die Gewohnheit, an der gearbeitet wird"),
        "{de}"
    );

    // Everything a client could forge is refused with the reason, and nothing is counted.
    let results = format!("{url}/api/results");
    let ana_token = token(&ana);
    let mut mine = export(&ana)
        .into_iter()
        .find(|r| r["competition"] == "cup")
        .unwrap();
    let bens = export(&ben)
        .into_iter()
        .find(|r| r["competition"] == "cup")
        .unwrap();
    let cases: Vec<(Option<&str>, Vec<u8>, u16, &str)> = vec![
        (None, mine.to_string().into_bytes(), 401, "player token"),
        (
            Some("not-a-token"),
            mine.to_string().into_bytes(),
            403,
            "unknown player token",
        ),
        (
            Some(&ana_token),
            bens.to_string().into_bytes(),
            403,
            "only your own results",
        ),
        (Some(&ana_token), b"{not json".to_vec(), 400, ""),
    ];
    for (tok, body, want, why) in cases {
        let (status, answer) = post(&results, tok, &body);
        assert_eq!(status, want, "{answer}");
        assert!(
            answer["error"].as_str().unwrap_or("").contains(why),
            "{answer}"
        );
    }
    // A body over the limit is refused before it is read (413, or the connection closed while
    // the client was still sending), and the hub goes on serving.
    let huge = agent()
        .post(&results)
        .header("Authorization", &format!("Bearer {ana_token}"))
        .header("Content-Type", "application/json")
        .send(&vec![b' '; 5 << 20][..]);
    match huge {
        Ok(r) => assert_eq!(r.status().as_u16(), 413),
        Err(e) => assert!(
            e.to_string().to_lowercase().contains("pipe") || e.to_string().contains("reset"),
            "{e}"
        ),
    }
    assert_eq!(get(&format!("{url}/api/competitions/cup/board")).0, 200);
    mine["score"] = 100.into();
    let (status, answer) = post(&results, Some(&ana_token), mine.to_string().as_bytes());
    assert_eq!(status, 422, "{answer}");
    assert!(
        answer["error"]
            .as_str()
            .unwrap()
            .contains("the record says 100"),
        "{answer}"
    );
    // A practice call relabelled as a competition call is not one of hers.
    let out = peercall_db(&ana)
        .args([
            "run",
            NET,
            "--seed",
            "1",
            "--picks",
            common::NET_PEER,
            "--player",
            "Ana",
            "--team",
            "East",
        ])
        .output()
        .unwrap();
    common::success(&out);
    let mut practice: peercall_core::records::Record = serde_json::from_value(
        export(&ana)
            .into_iter()
            .find(|r| r["competition"].is_null())
            .unwrap(),
    )
    .unwrap();
    practice.competition = Some("cup".into());
    practice.id = practice.content_id();
    let (status, answer) = post(
        &results,
        Some(&ana_token),
        serde_json::to_string(&practice).unwrap().as_bytes(),
    );
    assert_eq!(status, 422, "{answer}");
    assert!(
        answer["error"]
            .as_str()
            .unwrap()
            .contains("is not one of Ana's calls"),
        "{answer}"
    );
    let (_, board) = get(&format!("{url}/api/competitions/cup/board"));
    let board: Value = serde_json::from_str(&board).unwrap();
    let ana_row = board["players"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Ana")
        .unwrap()
        .clone();
    assert_eq!(ana_row["calls"], 1, "nothing forged counted: {board}");
}

#[test]
fn the_hub_says_what_it_cannot_do() {
    let dir = tempfile::tempdir().unwrap();
    // A database the hub cannot use is named, without its password.
    let closed = common::lrs::free_port();
    for (url, says) in [
        (
            "mysql://peercall:pw@127.0.0.1:3306/hub".to_string(),
            "give a `postgres://` URL",
        ),
        (
            format!("postgres://peercall:pw@127.0.0.1:{closed}/hub"),
            "database is unavailable",
        ),
    ] {
        let out = Command::new(bin())
            .args(["serve", "--database-url", &url, "--data"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{stderr}");
        assert!(
            !stderr.contains("pw"),
            "the password is not echoed: {stderr}"
        );
    }
    // A port already taken is a clear error, not a panic.
    let (_hub, url) = hub(&dir.path().join("a"));
    let port = url.rsplit(':').next().unwrap().to_string();
    let out = Command::new(bin())
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--admin-token",
            ADMIN,
            "--data",
        ])
        .arg(dir.path().join("b"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot listen on"));
}

#[test]
fn the_live_board_shows_a_new_result_within_two_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let (_hub, url) = hub(&dir.path().join("hub"));
    let code = publish(dir.path(), &url, "East");
    // The wall page listens to the board's events.
    let (status, wall) = get(&format!("{url}/competitions/cup/wall"));
    assert_eq!(status, 200);
    assert!(wall.contains("data-competition=\"cup\"") && wall.contains("/assets/board.js"));
    let (status, script) = get(&format!("{url}/assets/board.js"));
    assert_eq!(status, 200);
    assert!(script.contains("/events") && script.contains("EventSource"));
    // A listener, as the page's EventSource is: the board at once, then each change.
    let rx = listen(&format!("{url}/api/competitions/cup/events"));
    let first = rx.recv_timeout(std::time::Duration::from_secs(5)).unwrap();
    assert!(first.contains("\"players\":[]"), "{first}");
    let ana = join_and_play(dir.path(), &url, &code, "Ana", "East");
    let sent = std::time::Instant::now();
    let out = peercall_db(&ana).args(["hub", "send"]).output().unwrap();
    common::success(&out);
    let next = rx.recv_timeout(std::time::Duration::from_secs(2)).unwrap();
    assert!(next.contains("\"name\":\"Ana\""), "{next}");
    eprintln!(
        "the live board had the new result {} ms after it was sent",
        sent.elapsed().as_millis()
    );
    assert_eq!(get(&format!("{url}/api/competitions/nope/events")).0, 404);
}

#[test]
fn results_posted_to_the_hub_are_forwarded_to_the_lrs_exactly_once() {
    use common::lrs;
    let Some(venv) = lrs::venv() else { return };
    let dir = tempfile::tempdir().unwrap();
    let app = lrs::lrs_app(&venv, dir.path());
    let port = lrs::free_port();
    let _lrs = lrs::start(&venv, &app, port);
    let (_hub, url) = hub_with(&dir.path().join("hub"), &lrs::env(port));
    let code = publish(dir.path(), &url, "East");
    // The player's machine has no LRS configured at all.
    let ana = join_and_play(dir.path(), &url, &code, "Ana", "East");
    for _ in 0..2 {
        let out = peercall_db(&ana).args(["hub", "send"]).output().unwrap();
        common::success(&out);
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let (all, done) = loop {
        let got = lrs::statements(port);
        let done: Vec<Value> = got
            .iter()
            .filter(|s| s["verb"]["display"]["en-US"] == "completed")
            .cloned()
            .collect();
        if !done.is_empty() {
            break (got, done);
        }
        assert!(
            std::time::Instant::now() < deadline,
            "nothing reached the LRS"
        );
        std::thread::sleep(std::time::Duration::from_millis(300));
    };
    assert_eq!(done.len(), 1, "sent twice, forwarded once");
    assert_eq!(done[0]["actor"]["account"]["name"], "Ana");
    assert!(
        all.iter()
            .any(|s| s["verb"]["display"]["en-US"] == "answered"),
        "{all:?}"
    );
}

#[test]
fn too_many_requests_are_turned_away_and_join_codes_cannot_be_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let (_hub, url) = hub(&dir.path().join("hub"));
    let code = publish(dir.path(), &url, "East");
    // A real player joins first; then someone tries codes.
    let (status, joined) = post(
        &format!("{url}/api/join"),
        None,
        format!(r#"{{"code": "{code}", "name": "Ana"}}"#).as_bytes(),
    );
    assert_eq!(status, 201, "{joined}");
    let token = joined["token"].as_str().unwrap().to_string();
    let mut statuses = Vec::new();
    for i in 0..25 {
        let (status, _) = post(
            &format!("{url}/api/join"),
            None,
            format!(r#"{{"code": "GUESS{i:03}", "name": "Mallory"}}"#).as_bytes(),
        );
        statuses.push(status);
    }
    assert!(statuses[..19].iter().all(|s| *s == 404), "{statuses:?}");
    assert_eq!(statuses[24], 429, "{statuses:?}");
    // A player posting far faster than anyone plays is slowed down too.
    let mut last = (0, Value::Null);
    for _ in 0..65 {
        last = post(&format!("{url}/api/results"), Some(&token), b"{}");
    }
    assert_eq!(last.0, 429, "{}", last.1);
    assert!(last.1["error"].as_str().unwrap().contains("try again in"));
    // The board is still there for everyone else.
    assert_eq!(get(&format!("{url}/api/competitions/cup/board")).0, 200);
}

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

#[test]
fn no_secret_is_printed_by_help_or_at_start() {
    let out = Command::new(bin())
        .args(["serve", "--help"])
        .env("PEERCALL_HUB_ADMIN", "adm1n-s3cret")
        .env(
            "PEERCALL_DATABASE_URL",
            "host=db user=hub password=pg-s3cret",
        )
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("PEERCALL_HUB_ADMIN"), "{help}");
    assert!(!help.contains("s3cret"), "{help}");
    // A key=value connection string to a database that is not there: named without its
    // password, at start and in the error.
    let dir = tempfile::tempdir().unwrap();
    let closed = common::lrs::free_port();
    for url in [
        format!("host=127.0.0.1 port={closed} user=hub password=pg-s3cret dbname=hub"),
        format!("postgres://hub@127.0.0.1:{closed}/hub?password=pg-s3cret"),
    ] {
        let out = Command::new(bin())
            .args(["serve", "--database-url", &url, "--data"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains("s3cret"), "{all}");
        assert!(all.contains("127.0.0.1"), "{all}");
    }
}
