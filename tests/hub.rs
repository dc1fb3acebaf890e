//! The team hub as its users meet it: `peercall serve` as a process on loopback, a trainer
//! publishing with `peercall hub publish`, players joining with `peercall join`, playing their
//! own calls in the terminal and sending them with `peercall hub send`; and everything a hostile
//! client could post, over real HTTP.

use std::process::Command;

use serde_json::Value;

mod common;
#[path = "hub/competitions.rs"]
mod competitions;
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
