//! The game's typefaces: Open Sans for reading, DejaVu Sans Mono for columns.

use bevy::prelude::*;

/// The typeface for prose and buttons (Open Sans, Apache-2.0, `assets/fonts/`): the
/// certificate's, so the program holds it once.
pub const READING_FONT: &[u8] = peercall_core::certificate::READING_FONT;

/// The monospace typeface, for text that must line up in columns (DejaVu Sans Mono, Bitstream
/// Vera license, `assets/fonts/`): every European alphabet, so names and findings show whole.
pub const MONO_FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansMono.ttf");

/// The monospace font, for figures that must line up in columns (leaderboards).
#[derive(Resource, Debug, Clone, Default)]
pub struct MonoFont(pub Handle<Font>);

/// Makes the reading typeface the default for every text, and keeps the monospace one under
/// [`MonoFont`]. Without a text plugin (headless tests) there is nothing to do.
pub(crate) fn install_fonts(app: &mut App) {
    let Some(mut fonts) = app.world_mut().get_resource_mut::<Assets<Font>>() else {
        app.init_resource::<MonoFont>();
        return;
    };
    let mono = fonts.add(Font::from_bytes(MONO_FONT.to_vec()));
    if let Err(e) = fonts.insert(AssetId::default(), Font::from_bytes(READING_FONT.to_vec())) {
        warn!("the reading font could not be installed ({e}); Bevy's default font is used");
    }
    app.insert_resource(MonoFont(mono));
}
