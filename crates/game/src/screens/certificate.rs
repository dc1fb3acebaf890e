//! The certificate on the debrief of a certification the player has passed: a button that
//! saves it as a PDF (beside the records on the desktop, a download in the browser) and a line
//! that says where it went.

use bevy::prelude::*;
use peercall_core::certificate::Sheet;

use crate::nav::Press;

/// The certificate the player has earned, while its debrief is up.
#[derive(Resource, Debug, Clone)]
pub struct Earned(pub Sheet);

/// The line under the verdict that says where the certificate was saved.
#[derive(Component, Debug)]
pub struct SavedNote;

/// Saves the earned certificate and says where.
pub fn save(
    _: On<Press>,
    earned: Option<Res<Earned>>,
    db: Option<Res<crate::RecordsDb>>,
    language: Option<Res<crate::Language>>,
    mut note: Query<&mut Text, With<SavedNote>>,
) {
    let Some(earned) = earned else {
        return;
    };
    let w = language
        .as_ref()
        .map_or_else(|| peercall_core::words::words("en"), |l| l.words());
    let said = match write(&earned.0, db.as_deref()) {
        Ok(place) => w.f("debrief-certificate-saved", &[("place", place.into())]),
        Err(why) => w.f("debrief-certificate-not-saved", &[("why", why.into())]),
    };
    info!("{said}");
    for mut text in &mut note {
        text.0.clone_from(&said);
    }
}

/// The file's name: the certificate's code, nothing of the player's text.
fn file_name(sheet: &Sheet) -> String {
    let code: String = sheet
        .code
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    format!("peercall-certificate-{code}.pdf")
}

/// Writes the PDF in a `certificates` folder beside the records; returns its path.
#[cfg(not(target_arch = "wasm32"))]
fn write(sheet: &Sheet, db: Option<&crate::RecordsDb>) -> Result<String, String> {
    let records = db
        .and_then(|d| d.0.lock().ok().map(|s| s.path().to_path_buf()))
        .unwrap_or_else(peercall_core::records::default_path);
    let dir = records
        .parent()
        .unwrap_or(std::path::Path::new("."))
        .join("certificates");
    let path = dir.join(file_name(sheet));
    let tmp = path.with_extension("pdf.part");
    std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&tmp, sheet.pdf()))
        .and_then(|()| std::fs::rename(&tmp, &path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("{}: {e}", path.display())
        })?;
    Ok(path.display().to_string())
}

/// Hands the PDF to the page, which offers it as a download; returns its name.
#[cfg(target_arch = "wasm32")]
fn write(sheet: &Sheet, _: Option<&crate::RecordsDb>) -> Result<String, String> {
    let name = file_name(sheet);
    crate::web::download(&name, "application/pdf", &sheet.pdf());
    Ok(name)
}
