//! peercall-core: what every peercall front end shares, without Bevy or a web framework: the
//! scenario library (built-in and trainers' folders), the records store, competitions, the xAPI
//! outbox and sender, the team hub's client, and the checks on untrusted names and texts.

pub mod certificate;
pub mod certification;
pub mod clock;
pub mod cmi5;
pub mod competition;
pub mod drill_play;
pub mod drills;
pub mod error;
pub mod finish;
pub mod habits;
pub mod hub_client;
pub mod i18n;
pub mod library;
pub mod lms;
pub mod po;
pub mod profile;
pub mod records;
pub mod scorm;
pub mod untrusted;
pub mod words;
pub mod xapi;

#[cfg(test)]
mod test_support;

pub use error::{Error, Result};

/// Writes `text` to `path` whole or not at all: into a hidden file beside it, flushed to disk,
/// then renamed over it. A full disk or a kill midway leaves the old file as it was (and at
/// worst a `.NAME.part` beside it), never half a file. Something that is not a file (a pipe,
/// `/dev/stdout`) is written to as it is.
pub fn write_whole(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return std::fs::write(path, text);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.part"));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod write_tests {
    use super::write_whole;

    #[test]
    fn a_file_is_replaced_whole_and_a_failed_write_leaves_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.de.po");
        write_whole(&path, "one").unwrap();
        write_whole(&path, "two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no part file left behind");
        // A folder where the file should be: refused, the folder untouched, nothing left over.
        let taken = dir.path().join("taken");
        std::fs::create_dir(&taken).unwrap();
        std::fs::write(taken.join("inside"), "kept").unwrap();
        assert!(write_whole(&taken, "text").is_err());
        assert_eq!(
            std::fs::read_to_string(taken.join("inside")).unwrap(),
            "kept"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        // A full disk (`/dev/full` refuses every write) is an error, not a panic.
        if std::path::Path::new("/dev/full").exists() {
            let e = write_whole(std::path::Path::new("/dev/full"), "text").unwrap_err();
            assert_eq!(e.raw_os_error(), Some(28), "{e}");
        }
    }
}
