//! A certification on the hub, used as a trainer and players use it over HTTP: published,
//! joined, played and sent from players' own machines; the trainer's list says who passed and
//! who is overdue (overdue first, every name escaped); a certificate page shows the code, checks
//! a code asked about, and answers 404 for a wrong code or a player without a pass; the LRS gets
//! the certification's `passed` exactly once.

mod common;

use std::path::Path;

use common::hub::{ADMIN, agent, code_of, get, hub_on, play_own_call};
use common::{peercall_db, success};
use serde_json::Value;

/// The certification file: one call, two attempts, due on a day already past.
fn certification(dir: &Path) -> std::path::PathBuf {
    let f = dir.join("cert.ron");
    std::fs::write(
        &f,
        r#"Competition(
    id: "cert",
    name: "Peer <contract> certification",
    attempts: 2,
    scenarios: [(id: "network-expansion", seed: 5)],
    certification: Some((pass: 60, call_pass: 60, rules: [PeerContractBeforeResources],
        due: "2026-01-01", valid_days: 365)),
)"#,
    )
    .unwrap();
    f
}

/// GET `path` on the hub with the trainer's token, as a browser's Basic auth.
fn as_trainer(url: &str, path: &str) -> (u16, String) {
    use base64::Engine;
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("admin:{ADMIN}"));
    let mut resp = agent()
        .get(&format!("{url}{path}"))
        .header("Authorization", &format!("Basic {auth}"))
        .call()
        .unwrap();
    let status = resp.status().as_u16();
    (status, resp.body_mut().read_to_string().unwrap_or_default())
}

#[test]
fn a_certification_on_the_hub_says_who_passed_and_who_is_overdue_and_shows_certificates() {
    certification_on_a_hub(None);
}

#[test]
fn a_certification_on_a_hub_over_postgresql_says_the_same() {
    let Some(pg) = common::pg::start() else {
        return;
    };
    certification_on_a_hub(Some(&pg.url()));
}

/// The whole story on a hub over SQLite, or over the PostgreSQL at `database`.
fn certification_on_a_hub(database: Option<&str>) {
    use common::lrs;
    // The LRS once: the statements are the same over either database.
    let venv = lrs::venv().filter(|_| database.is_none());
    let dir = tempfile::tempdir().unwrap();
    let (_lrs, env, port) = match &venv {
        Some(v) => {
            let app = lrs::lrs_app(v, dir.path());
            let port = lrs::free_port();
            (Some(lrs::start(v, &app, port)), lrs::env(port), port)
        }
        None => (None, Vec::new(), 0),
    };
    let (_hub, url) = hub_on(&dir.path().join("hub"), database, &env);
    let file = certification(dir.path());
    let out = peercall_db(&dir.path().join("trainer.sqlite"))
        .args(["hub", "publish", "--server", &url, "--teams", "East"])
        .args(["--admin-token", ADMIN])
        .arg(&file)
        .output()
        .unwrap();
    success(&out);
    let code = code_of(&String::from_utf8_lossy(&out.stdout), "East");
    // Ana plays her own call with the peer process and sends it; Bo<i> joins and plays nothing.
    let ana = dir.path().join("ana.sqlite");
    success(
        &peercall_db(&ana)
            .args(["join", &url, &code, "--player", "Ana"])
            .output()
            .unwrap(),
    );
    assert!(play_own_call(&ana, &file, "Ana", "East") >= 85);
    success(&peercall_db(&ana).args(["hub", "send"]).output().unwrap());
    success(&peercall_db(&ana).args(["hub", "send"]).output().unwrap());
    let bo = dir.path().join("bo.sqlite");
    success(
        &peercall_db(&bo)
            .args(["join", &url, &code, "--player", "Bo<i>"])
            .output()
            .unwrap(),
    );
    // The trainer's list: only with the token; Bo overdue (listed first), Ana passed.
    let (status, _) = get(&format!("{url}/competitions/cert/certification"));
    assert_eq!(status, 401);
    let (status, page) = as_trainer(&url, "/competitions/cert/certification");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("1 passed · 0 failed · 1 overdue"), "{page}");
    assert!(
        page.contains("Bo&lt;i&gt;") && !page.contains("Bo<i>"),
        "{page}"
    );
    assert!(page.contains("Peer &lt;contract&gt;"), "{page}");
    let bo_at = page.find("Bo&lt;i&gt;").unwrap();
    let ana_at = page.find(">Ana<").unwrap();
    assert!(bo_at < ana_at, "overdue players come first");
    let cert_code = page
        .split("certificate?player=Ana\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap_or_else(|| panic!("no certificate link: {page}"))
        .to_string();
    assert_eq!(cert_code.len(), 19, "{cert_code}");
    // The certificate: anyone may read it and check a code.
    let (status, page) = get(&format!("{url}/competitions/cert/certificate?player=Ana"));
    assert_eq!(status, 200);
    assert!(
        page.contains(&cert_code) && page.contains("Double the network?"),
        "{page}"
    );
    let (status, page) = get(&format!(
        "{url}/competitions/cert/certificate?player=Ana&code={}",
        cert_code.to_lowercase()
    ));
    assert_eq!(status, 200);
    assert!(page.contains("This code is valid"), "{page}");
    // The same certificate as a PDF, named by its code.
    assert!(page.contains("format=pdf"), "{page}");
    let mut resp = agent()
        .get(&format!(
            "{url}/competitions/cert/certificate?player=Ana&format=pdf"
        ))
        .call()
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    let disposition = resp.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.contains(&cert_code.replace('-', "")),
        "{disposition}"
    );
    let pdf = resp.body_mut().read_to_vec().unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let (status, page) = get(&format!(
        "{url}/competitions/cert/certificate?player=Ana&code=0000-0000-0000-0000"
    ));
    assert_eq!(status, 404);
    assert!(page.contains("does not match"), "{page}");
    let (status, page) = get(&format!(
        "{url}/competitions/cert/certificate?player=Bo%3Ci%3E"
    ));
    assert_eq!(status, 404);
    assert!(page.contains("Bo&lt;i&gt; holds no certificate"), "{page}");
    // No pass, no PDF.
    let (status, page) = get(&format!(
        "{url}/competitions/cert/certificate?player=Bo%3Ci%3E&format=pdf"
    ));
    assert_eq!(status, 404);
    assert!(page.contains("holds no certificate"), "{page}");
    // A plain competition has no certification pages.
    let (status, _) = get(&format!(
        "{url}/competitions/nothing/certificate?player=Ana"
    ));
    assert_eq!(status, 404);
    // The LRS: the certification as a whole, passed, once (sent twice).
    if venv.is_none() {
        return;
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let passed: Vec<Value> = lrs::statements(port)
            .into_iter()
            .filter(|s| {
                s["object"]["id"]
                    .as_str()
                    .is_some_and(|id| id.ends_with("/certifications/cert"))
            })
            .collect();
        if !passed.is_empty() {
            assert_eq!(passed.len(), 1, "{passed:?}");
            let s = &passed[0];
            assert_eq!(s["verb"]["id"], "http://adlnet.gov/expapi/verbs/passed");
            assert_eq!(s["actor"]["account"]["name"], "Ana");
            assert_eq!(s["result"]["success"], true);
            let ext = &s["context"]["extensions"];
            let found = ext
                .as_object()
                .unwrap()
                .iter()
                .any(|(k, v)| k.ends_with("verification-code") && v == cert_code.as_str());
            assert!(found, "{s}");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the certification's statement never reached the LRS"
        );
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
}
