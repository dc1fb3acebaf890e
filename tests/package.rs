//! The packages `scripts/package.sh` builds, as a user installs them: the Debian package
//! installs with dpkg, its program runs from `/usr/bin` (`--version`, `check`, a scripted
//! `run --json`), its menu entry, icon and man pages are in place, and `dpkg -r` leaves nothing
//! behind; the Windows program runs under Wine and plays the same scripted call byte for byte as
//! the Linux one.
//!
//! Needs `target/dist` (or `PEERCALL_DIST`); the Debian test also root and dpkg, the Windows one
//! Wine: skipped without them, unless `PEERCALL_REQUIRE_PACKAGES` is set (CI sets it).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::text;

/// What `--version` prints: this source's version and commit.
const VERSION: &str = concat!(
    "peercall ",
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("PEERCALL_COMMIT"),
    ")"
);

/// The scripted call every build must play the same way.
const RUN: [&str; 7] = [
    "run",
    "demo-request",
    "--seed",
    "7",
    "--choices",
    "1,2,1,1,1,1,1",
    "--json",
];

/// The folder of packages, if they were built (refused when required and missing).
fn dist(needs: &[&str]) -> Option<PathBuf> {
    let dir = std::env::var_os("PEERCALL_DIST").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/dist"),
        PathBuf::from,
    );
    let built = dir.join("SHA256SUMS").is_file();
    let tools = needs.iter().all(|t| common::have(t));
    if !(built && tools) {
        assert!(
            std::env::var_os("PEERCALL_REQUIRE_PACKAGES").is_none(),
            "PEERCALL_REQUIRE_PACKAGES is set, but {} has packages: {built}, {needs:?} here: {tools}",
            dir.display()
        );
        eprintln!("skipped: needs scripts/package.sh and {needs:?}");
        return None;
    }
    Some(dir)
}

/// The one file in `dir` whose name ends with `suffix`.
fn artifact(dir: &Path, suffix: &str) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    assert_eq!(found.len(), 1, "{suffix} in {}: {found:?}", dir.display());
    found.into_iter().next().unwrap()
}

/// The scripted call played by the Linux program `bin` in `cwd`, its records apart.
fn play(bin: &Path, cwd: &Path, db: &str) -> String {
    ok(
        &Command::new(bin)
            .args(RUN)
            .current_dir(cwd)
            .env("PEERCALL_DB", cwd.join(db))
            .env("PEERCALL_LANG", "en")
            .output()
            .unwrap(),
        &format!("{} run --json", bin.display()),
    )
}

fn ok(o: &Output, what: &str) -> String {
    assert!(o.status.success(), "{what}: {}", text(o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every artifact's checksum is in SHA256SUMS, and it holds.
fn sums_hold(dir: &Path) {
    let o = Command::new("sha256sum")
        .args(["--check", "--strict", "SHA256SUMS"])
        .current_dir(dir)
        .output()
        .unwrap();
    let said = ok(&o, "sha256sum --check");
    for suffix in ["_amd64.deb", "linux-x86_64.tar.gz", "-web.zip"] {
        let name = artifact(dir, suffix);
        let name = name.file_name().unwrap().to_string_lossy();
        assert!(said.contains(&format!("{name}: OK")), "{said}");
    }
}

#[test]
fn the_debian_package_installs_runs_from_usr_bin_and_removes_cleanly() {
    let Some(dir) = dist(&["dpkg", "sha256sum"]) else {
        return;
    };
    sums_hold(&dir);
    let root = Command::new("id").arg("-u").output().unwrap();
    if String::from_utf8_lossy(&root.stdout).trim() != "0" {
        assert!(
            std::env::var_os("PEERCALL_REQUIRE_PACKAGES").is_none(),
            "installing the package needs root"
        );
        eprintln!("skipped: installing the package needs root");
        return;
    }
    // Never over someone's own installation.
    let before = Command::new("dpkg")
        .args(["-s", "peercall"])
        .output()
        .unwrap();
    if before.status.success() && text(&before).contains("Status: install ok installed") {
        eprintln!("skipped: peercall is installed on this machine already");
        return;
    }
    let deb = artifact(&dir, "_amd64.deb");
    ok(
        &Command::new("dpkg").arg("-i").arg(&deb).output().unwrap(),
        "dpkg -i",
    );
    let files: Vec<PathBuf> = ok(
        &Command::new("dpkg")
            .args(["-L", "peercall"])
            .output()
            .unwrap(),
        "dpkg -L",
    )
    .lines()
    .map(PathBuf::from)
    .filter(|p| p.is_file())
    .collect();
    let run = |args: &[&str], cwd: &Path| {
        Command::new("/usr/bin/peercall")
            .args(args)
            .current_dir(cwd)
            .env("PEERCALL_DB", cwd.join("records.sqlite"))
            .env("PEERCALL_LANG", "en")
            .output()
            .unwrap()
    };
    let empty = tempfile::tempdir().unwrap();
    let said = ok(&run(&["--version"], empty.path()), "--version");
    assert_eq!(said.trim(), VERSION);
    // Anywhere, with no scenario folder: the built-in calls are checked and played.
    let said = ok(&run(&["check"], empty.path()), "check");
    assert!(said.contains("0 errors"), "{said}");
    let installed = ok(&run(&RUN, empty.path()), "run --json");
    let here = play(&common::bin(), empty.path(), "here.sqlite");
    assert_eq!(installed, here, "the installed program plays another call");
    let json: serde_json::Value = serde_json::from_str(&installed).unwrap();
    assert_eq!(json["scenario"], "demo-request");
    // In the menu with its icon, and documented.
    for f in [
        "/usr/share/applications/peercall.desktop",
        "/usr/share/icons/hicolor/256x256/apps/peercall.png",
        "/usr/share/man/man1/peercall.1.gz",
        "/usr/share/man/man1/peercall-run.1.gz",
        "/usr/share/doc/peercall/copyright",
        "/usr/share/doc/peercall/LICENSE-OpenSans.txt",
    ] {
        assert!(files.contains(&PathBuf::from(f)), "{f} not installed");
    }
    let entry = std::fs::read_to_string("/usr/share/applications/peercall.desktop").unwrap();
    assert!(entry.contains("Exec=peercall play") && entry.contains("Icon=peercall"));
    // Removed: none of its files is left, and dpkg knows it no more.
    ok(
        &Command::new("dpkg")
            .args(["-r", "peercall"])
            .output()
            .unwrap(),
        "dpkg -r",
    );
    let left: Vec<&PathBuf> = files.iter().filter(|f| f.exists()).collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    let after = Command::new("dpkg")
        .args(["-s", "peercall"])
        .output()
        .unwrap();
    assert!(
        !text(&after).contains("Status: install") && !text(&after).contains("config-files"),
        "{}",
        text(&after)
    );
}

#[test]
fn the_windows_program_runs_under_wine_and_plays_as_the_linux_one_does() {
    let Some(dir) = dist(&["wine", "tar", "x86_64-w64-mingw32-gcc"]) else {
        return;
    };
    // Debian's 64-bit Wine (the `wine` wrapper wants the 32-bit one as well).
    let wine64 = ["/usr/lib/wine/wine64", "/usr/bin/wine64"]
        .into_iter()
        .find(|p| Path::new(p).is_file())
        .expect("wine64");
    let work = tempfile::tempdir().unwrap();
    // The Windows zip and the Linux tarball, unpacked as a user would.
    let zip = artifact(&dir, "-windows-x86_64.zip");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    archive.extract(work.path()).unwrap();
    let exe = artifact(
        &work
            .path()
            .join(zip.file_stem().unwrap().to_string_lossy().as_ref()),
        "peercall.exe",
    );
    let tarball = artifact(&dir, "-linux-x86_64.tar.gz");
    ok(
        &Command::new("tar")
            .arg("-xzf")
            .arg(&tarball)
            .arg("-C")
            .arg(work.path())
            .output()
            .unwrap(),
        "tar",
    );
    let linux = work
        .path()
        .join(
            tarball
                .file_name()
                .unwrap()
                .to_string_lossy()
                .trim_end_matches(".tar.gz"),
        )
        .join("peercall");
    let cwd = tempfile::tempdir().unwrap();
    let prefix = work.path().join("prefix");
    let wine = |program: &Path, args: &[&str]| {
        Command::new("timeout")
            .arg("600")
            .arg(wine64)
            .arg(program)
            .args(args)
            .current_dir(cwd.path())
            .env("WINEPREFIX", &prefix)
            .env("WINEDEBUG", "-all")
            // No Mono or Gecko installers (the command line needs neither), and the prefix's
            // own bcryptprimitives.dll, below.
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=;bcryptprimitives=n")
            .env("PEERCALL_LANG", "en")
            .env("DISPLAY", "")
            .output()
            .unwrap()
    };
    // A Windows for the program: Wine 8.0 has no bcryptprimitives.dll (every Windows since 8
    // has; Wine since 9.0), whose ProcessPrng Rust's standard library imports. The prefix gets
    // the tests' stand-in (tests/wine/processprng.c); the package is as shipped.
    wine(Path::new("wineboot"), &["--init"]);
    let system32 = prefix.join("drive_c/windows/system32");
    assert!(system32.is_dir(), "no Wine prefix at {}", prefix.display());
    ok(
        &Command::new("x86_64-w64-mingw32-gcc")
            .args(["-O2", "-shared", "-o"])
            .arg(system32.join("bcryptprimitives.dll"))
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wine/processprng.c"))
            .arg("-ladvapi32")
            .output()
            .unwrap(),
        "the stand-in for bcryptprimitives.dll",
    );
    let said = ok(&wine(&exe, &["--version"]), "wine peercall.exe --version");
    assert_eq!(said.trim(), VERSION);
    let said = ok(&wine(&exe, &["check"]), "wine peercall.exe check");
    assert!(said.contains("0 errors"), "{said}");
    let on_windows = ok(&wine(&exe, &RUN), "wine peercall.exe run --json");
    let on_linux = play(&linux, cwd.path(), "linux.sqlite");
    assert_eq!(
        on_windows.as_bytes(),
        on_linux.as_bytes(),
        "the Windows program plays another call"
    );
}
