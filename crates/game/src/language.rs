//! The language the calls and the interface are shown in.

use bevy::prelude::*;

use crate::{FullLibrary, PlayOptions, Scenarios};

/// The language the calls are shown in, and whether lines left in the source language are
/// marked (trainer mode).
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// `en` (the scenarios' own), `de`, ... or the pseudo-locale's tag.
    pub lang: String,
    /// Mark untranslated lines `[en]`.
    pub mark: bool,
}

impl Language {
    /// The languages on offer: the source, each one the scenarios have a translation for, and
    /// the pseudo-locale.
    pub fn offered(options: &PlayOptions) -> Vec<String> {
        let mut langs = vec![peercall_core::i18n::SOURCE.to_string()];
        langs.extend(peercall_core::i18n::builtin_languages());
        if let Some(d) = &options.dialogues
            && let Ok(more) = peercall_core::i18n::languages(d)
        {
            langs.extend(more);
        }
        langs.push(peercall_core::i18n::PSEUDO.to_string());
        let mut seen = std::collections::HashSet::new();
        langs.retain(|l| seen.insert(l.clone()));
        langs
    }

    /// The interface's words in this language.
    pub fn words(&self) -> &'static peercall_core::words::Words {
        peercall_core::words::words(&self.lang)
    }

    /// A language's name in itself, for the settings button.
    pub fn name(lang: &str) -> String {
        match lang {
            "en" => "English".into(),
            "de" => "Deutsch".into(),
            "es" => "Español".into(),
            "fr" => "Français".into(),
            peercall_core::i18n::PSEUDO => "Pseudo (layout test)".into(),
            other => other.to_string(),
        }
    }

    /// Shows every scenario in the world in this language (the ones on offer, and the whole
    /// library behind a competition).
    pub fn apply(&self, world: &mut World) {
        let (lang, mark) = (self.lang.clone(), self.mark);
        peercall_core::words::set_language(&lang);
        world.resource_mut::<Scenarios>().0.translate(&lang, mark);
        if let Some(mut full) = world.get_resource_mut::<FullLibrary>() {
            full.0.translate(&lang, mark);
        }
    }
}
