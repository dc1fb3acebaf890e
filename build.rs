//! Build script: the commit the program is built from, for `peercall --version` (from
//! `PEERCALL_COMMIT` when set, as a package build from an archive sets it; else from git).

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=PEERCALL_COMMIT");
    // A new commit moves the branch HEAD points at: watch both.
    let git = Path::new(".git");
    if git.join("HEAD").is_file() {
        println!("cargo:rerun-if-changed=.git/HEAD");
        if let Ok(head) = std::fs::read_to_string(git.join("HEAD"))
            && let Some(branch) = head.trim().strip_prefix("ref: ")
            && git.join(branch).is_file()
        {
            println!("cargo:rerun-if-changed=.git/{branch}");
        }
        if git.join("packed-refs").is_file() {
            println!("cargo:rerun-if-changed=.git/packed-refs");
        }
    }
    let commit = std::env::var("PEERCALL_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(|| {
            let out = Command::new("git")
                .args(["rev-parse", "--short=12", "HEAD"])
                .output()
                .ok()?;
            out.status
                .success()
                .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
        })
        .filter(|c| c.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && !c.is_empty())
        .unwrap_or_else(|| "unknown commit".into());
    println!("cargo:rustc-env=PEERCALL_COMMIT={commit}");
}
