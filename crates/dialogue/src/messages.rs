//! The engine's own words (its diagnostics), by key and arguments, in Fluent files per language.
//!
//! English is the source: `i18n/en.ftl` beside this crate, built in, renders every message when
//! it is made. Another language ([`Diagnostic::localized`](crate::Diagnostic::localized)) renders
//! the same key and arguments from its own file, message by message falling back to English.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The engine's message files built in: (language, Fluent text). English comes first.
pub static FILES: &[(&str, &str)] = &[
    ("en", include_str!("../i18n/en.ftl")),
    ("de", include_str!("../i18n/de.ftl")),
];

/// The pseudo-locale's code: English made a third longer, accented and bracketed, to show where
/// a layout breaks.
pub const PSEUDO: &str = "qps-ploc";

/// Languages that write a decimal comma.
pub const DECIMAL_COMMA: &[&str] = &[
    "de", "es", "fr", "it", "nl", "pt", "pl", "sv", "da", "fi", "nb",
];

/// A message by its key in the Fluent files and its arguments (`$name` there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// The Fluent message id, such as `check-empty-field`.
    pub key: &'static str,
    /// Named arguments, already written out as text.
    pub args: Vec<(&'static str, String)>,
    /// Named numbers: plurals follow them (`{ $paths -> [one] ... *[other] ... }`).
    pub numbers: Vec<(&'static str, i64)>,
}

/// A [`Msg`] from a key and `name = value` arguments: `msg!("check-empty-field", field = f)`.
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Msg {
            key: $key,
            args: vec![$((stringify!($name), ($value).to_string())),*],
            numbers: Vec::new(),
        }
    };
}

/// A language's Fluent messages, shareable between threads.
pub type Bundle = FluentBundle<FluentResource>;

/// The messages of Fluent `text` in `lang`, without bidi isolation marks (terminals, JSON and
/// the game's text draw none); `None` if the code or the text does not parse.
pub fn bundle(lang: &str, text: &str) -> Option<Bundle> {
    let id: unic_langid::LanguageIdentifier = lang.parse().ok()?;
    let resource = FluentResource::try_new(text.to_string()).ok()?;
    let mut b = FluentBundle::new_concurrent(vec![id]);
    b.set_use_isolating(false);
    b.add_resource(resource).ok()?;
    Some(b)
}

/// The bundle of `lang`, built once; `None` for a language without a file. English, which
/// every finding is rendered in when it is made, is looked up without a lock.
fn bundle_of(lang: &str) -> Option<&'static Bundle> {
    static ENGLISH: OnceLock<Option<Bundle>> = OnceLock::new();
    if lang == "en" {
        return ENGLISH.get_or_init(|| bundle("en", FILES[0].1)).as_ref();
    }
    static ALL: OnceLock<Mutex<HashMap<String, Option<&'static Bundle>>>> = OnceLock::new();
    let mut all = match ALL.get_or_init(Default::default).lock() {
        Ok(a) => a,
        Err(p) => p.into_inner(),
    };
    *all.entry(lang.to_string()).or_insert_with(|| {
        FILES
            .iter()
            .find(|(l, _)| *l == lang)
            .and_then(|(l, t)| bundle(l, t))
            .map(|b| &*Box::leak(Box::new(b)))
    })
}

impl Msg {
    /// The message with the number `value` named `name` (plurals choose by it).
    pub fn number(mut self, name: &'static str, value: i64) -> Msg {
        self.numbers.push((name, value));
        self
    }

    /// The message in `lang`, if that language's file has it (and every argument it names).
    pub fn render_in(&self, lang: &str) -> Option<String> {
        let b = bundle_of(lang)?;
        let pattern = b.get_message(self.key)?.value()?;
        let mut args = FluentArgs::new();
        for (k, v) in &self.args {
            args.set(*k, FluentValue::from(v.as_str()));
        }
        for (k, v) in &self.numbers {
            args.set(*k, FluentValue::from(*v));
        }
        let mut errors = Vec::new();
        let s = b.format_pattern(pattern, Some(&args), &mut errors);
        errors.is_empty().then(|| s.into_owned())
    }

    /// The message in English (the key itself if the built-in file lacks it, which a test
    /// rules out for every key the engine uses).
    pub fn english(&self) -> String {
        thread_local! {
            /// Messages without arguments (labels, most advice), rendered once: a draft with
            /// thousands of findings repeats them.
            static PLAIN: std::cell::RefCell<HashMap<&'static str, String>> =
                std::cell::RefCell::new(HashMap::new());
        }
        let render = || self.render_in("en").unwrap_or_else(|| self.key.to_string());
        if !self.args.is_empty() || !self.numbers.is_empty() {
            return render();
        }
        PLAIN.with(|p| {
            p.borrow_mut()
                .entry(self.key)
                .or_insert_with(render)
                .clone()
        })
    }

    /// The message in `lang`: its own file's words, else English; the pseudo-locale is English
    /// made longer and accented.
    pub fn localized(&self, lang: &str) -> String {
        if lang == PSEUDO {
            return pseudo(&self.english());
        }
        self.render_in(lang).unwrap_or_else(|| self.english())
    }
}

/// `text` in the pseudo-locale: vowels and some consonants accented, a third longer (padding
/// that breaks like words), bracketed so that a cut-off text shows.
pub fn pseudo(text: &str) -> String {
    const FROM: &str = "aceinousyACEINOUSY";
    const TO: &str = "àçéîñöûšýÀÇÉÎÑÖÛŠÝ";
    let map: HashMap<char, char> = FROM.chars().zip(TO.chars()).collect();
    let body: String = text.chars().map(|c| *map.get(&c).unwrap_or(&c)).collect();
    // The padding breaks like words do: a layout that cannot wrap it cannot wrap long words.
    let pad = text.chars().count().div_ceil(3).max(1);
    let groups: Vec<String> = (0..pad.div_ceil(6))
        .map(|g| "~".repeat((pad - g * 6).min(6)))
        .collect();
    format!("[{body} {}]", groups.join(" "))
}

/// In JSON a message is its English text.
impl serde::Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.english())
    }
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

/// The message ids of a Fluent file's text, in order.
pub fn message_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.starts_with([' ', '#', '\t', '.']) && !l.trim().is_empty())
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key of every `msg!` call in the engine's source.
    fn keys_in_source() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut keys = Vec::new();
        // The source files, those in folders (`check/`) too.
        let mut files = Vec::new();
        let mut folders = vec![dir];
        while let Some(d) = folders.pop() {
            for entry in std::fs::read_dir(d).expect("a source folder") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        for path in files {
            let text = std::fs::read_to_string(path).unwrap();
            for (i, _) in text.match_indices("msg!(") {
                let rest = text[i + 5..].trim_start();
                let key = rest.strip_prefix('"').and_then(|r| r.split_once('"'));
                if let Some((key, _)) = key
                    && key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
                {
                    keys.push(key.to_string());
                }
            }
        }
        keys
    }

    #[test]
    fn every_language_parses_and_has_every_message_the_engine_says() {
        let en = message_ids(FILES[0].1);
        let used = keys_in_source();
        assert!(used.len() > 100, "{} keys found", used.len());
        for key in &used {
            assert!(en.contains(key), "en.ftl lacks `{key}`");
        }
        for (lang, text) in FILES {
            assert!(bundle(lang, text).is_some(), "{lang}.ftl parses");
            let ids = message_ids(text);
            let missing: Vec<&String> = en.iter().filter(|k| !ids.contains(k)).collect();
            let extra: Vec<&String> = ids.iter().filter(|k| !en.contains(k)).collect();
            assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
            assert!(extra.is_empty(), "{lang}.ftl has unknown {extra:?}");
        }
        let unused: Vec<&String> = en.iter().filter(|k| !used.contains(k)).collect();
        assert!(
            unused.is_empty(),
            "en.ftl has messages nothing says: {unused:?}"
        );
    }

    #[test]
    fn a_message_falls_back_to_english_and_the_pseudo_locale_is_longer() {
        let m = crate::msg!("check-no-lesson", id = "won");
        assert_eq!(m.english(), "ending `won` has no lesson");
        assert_eq!(m.localized("de"), "das Ende `won` hat keine Lehre");
        assert_eq!(m.localized("fr"), m.english());
        let p = m.localized(PSEUDO);
        assert!(p.starts_with("[éñdîñg `wöñ`") && p.chars().count() > m.english().len());
        // A missing argument is not a message: the caller falls back rather than show `{$id}`.
        let broken = Msg {
            key: "check-no-lesson",
            args: Vec::new(),
            numbers: Vec::new(),
        };
        assert_eq!(broken.render_in("de"), None);
    }
}
