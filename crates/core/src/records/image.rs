//! Records kept as a database image rather than a file: where there is no file system (the
//! browser keeps its records so, in IndexedDB), the store is opened in memory from the image and
//! handed back whole after each change.

use std::path::Path;

use rusqlite::Connection;

use crate::Error;
use crate::words::say;

use super::store::{OpenError, Store, classify};

impl Store {
    /// Opens records kept as a database image rather than a file (the browser keeps its records
    /// so: see [`Store::image`]): `None` starts empty. The image is checked, and migrated, as a
    /// file is; a damaged image is set aside by starting empty, and the notice says so.
    pub fn open_image(name: &Path, image: Option<&[u8]>) -> Result<(Store, Option<String>), Error> {
        let load = |image: Option<&[u8]>| -> Result<Store, OpenError> {
            let mut conn = Connection::open_in_memory().map_err(|e| classify(e, name))?;
            if let Some(bytes) = image {
                conn.deserialize_read_exact(rusqlite::MAIN_DB, bytes, bytes.len(), false)
                    .map_err(|e| classify(e, name))?;
            }
            Store::prepare(conn, name, false)
        };
        match load(image) {
            Ok(store) => Ok((store, None)),
            Err(OpenError::Corrupt(why)) => {
                let store = load(None).map_err(|e| e.into_error(name))?;
                Ok((
                    store,
                    Some(say(
                        "core-records-image-set-aside",
                        &[("why", why.as_str().into())],
                    )),
                ))
            }
            Err(e) => Err(e.into_error(name)),
        }
    }

    /// The whole database as bytes, for keeping where there is no file system (the browser's
    /// storage); [`Store::open_image`] opens it again.
    pub fn image(&mut self) -> Result<Vec<u8>, Error> {
        match self.conn.serialize(rusqlite::MAIN_DB) {
            Ok(data) => Ok(data.to_vec()),
            Err(e) => Err(self.explain(e)),
        }
    }

    /// How many rows this connection has changed since it was opened: a change in this number
    /// is a change to keep.
    pub fn changes(&self) -> u64 {
        self.conn.total_changes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_kept_as_an_image_open_again_with_everything_and_a_damaged_one_starts_afresh() {
        let name = Path::new("browser");
        let (mut store, notice) = Store::open_image(name, None).unwrap();
        assert!(notice.is_none());
        let before = store.changes();
        store.set_setting("lang", "de").unwrap();
        store
            .start_attempt("Ana", "cup", "demo-request", 7, crate::clock::now())
            .unwrap();
        assert!(store.changes() > before, "a write is a change to keep");
        let image = store.image().unwrap();
        let (again, notice) = Store::open_image(name, Some(&image)).unwrap();
        assert!(notice.is_none());
        assert_eq!(again.setting("lang").unwrap().as_deref(), Some("de"));
        assert_eq!(again.attempts("Ana", "cup", "demo-request").unwrap(), 1);
        // Half an image (a write cut short) or something else entirely: a notice and a fresh
        // store, never a panic.
        for damaged in [
            &image[..image.len() / 2],
            b"not a database at all".as_slice(),
        ] {
            let (fresh, notice) = Store::open_image(name, Some(damaged)).unwrap();
            assert!(notice.is_some(), "{} bytes", damaged.len());
            assert_eq!(fresh.attempts("Ana", "cup", "demo-request").unwrap(), 0);
        }
        // Another program's database is refused, not taken over.
        let other = Connection::open_in_memory().unwrap();
        other
            .execute_batch("CREATE TABLE t (x); CREATE TABLE u (y);")
            .unwrap();
        let mut other = other;
        let bytes = other.serialize(rusqlite::MAIN_DB).unwrap().to_vec();
        assert!(Store::open_image(name, Some(&bytes)).is_err());
    }
}
