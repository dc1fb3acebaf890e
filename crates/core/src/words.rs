//! The interface's words in each language: Fluent files in `assets/i18n/` (`en.ftl`, the
//! source, and one file per language), built in, for the game's screens and what `peercall run`
//! prints to players. A message missing in a language falls back to English; the pseudo-locale
//! is English made longer and accented.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::{FluentArgs, FluentValue};
use peercall_dialogue::{Difficulty, Outcome, Signal};

/// The interface files built in: (language, Fluent text).
pub static FILES: &[(&str, &str)] = &[
    ("en", include_str!("../../../assets/i18n/en.ftl")),
    ("de", include_str!("../../../assets/i18n/de.ftl")),
];

use peercall_dialogue::messages::Bundle;

/// The words of one language.
pub struct Words {
    lang: String,
    own: Option<Bundle>,
    english: &'static Bundle,
    pseudo: bool,
}

use peercall_dialogue::messages::bundle;

fn english() -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    EN.get_or_init(|| bundle("en", FILES[0].1).expect("the built-in English interface file parses"))
}

/// The words of `lang` (cached; any code works: an unknown one is English).
pub fn words(lang: &str) -> &'static Words {
    static ALL: OnceLock<std::sync::Mutex<HashMap<String, &'static Words>>> = OnceLock::new();
    let all = ALL.get_or_init(Default::default);
    let mut all = match all.lock() {
        Ok(a) => a,
        Err(p) => p.into_inner(),
    };
    if let Some(w) = all.get(lang) {
        return w;
    }
    let own = FILES
        .iter()
        .find(|(l, _)| *l == lang && *l != "en")
        .and_then(|(l, t)| bundle(l, t));
    let w: &'static Words = Box::leak(Box::new(Words {
        lang: lang.to_string(),
        own,
        english: english(),
        pseudo: lang == crate::i18n::PSEUDO,
    }));
    all.insert(lang.to_string(), w);
    w
}

/// The language this process speaks to its user in: what the shared crate's own messages (its
/// errors, the translation checker's findings) are said in. English until a front end sets it.
static CURRENT: std::sync::RwLock<String> = std::sync::RwLock::new(String::new());

/// Sets the language the shared crate's messages are said in (the command line sets it from
/// `PEERCALL_LANG` or `LANG`, the game when the player picks a language).
pub fn set_language(lang: &str) {
    match CURRENT.write() {
        Ok(mut l) => *l = lang.to_string(),
        Err(p) => *p.into_inner() = lang.to_string(),
    }
}

thread_local! {
    /// A language this thread speaks for the moment ([`in_language`]).
    static SPEAKING: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with the shared crate's messages in `lang` on this thread (a server answering each
/// client in its own language); the process's language is back afterwards.
pub fn in_language<T>(lang: &str, f: impl FnOnce() -> T) -> T {
    let before = SPEAKING.with(|s| s.replace(Some(lang.to_string())));
    let out = f();
    SPEAKING.with(|s| *s.borrow_mut() = before);
    out
}

/// The words of the language set with [`set_language`] (English before that), or of the one
/// [`in_language`] speaks for the moment.
pub fn current() -> &'static Words {
    if let Some(l) = SPEAKING.with(|s| s.borrow().clone()) {
        return words(&l);
    }
    let lang = match CURRENT.read() {
        Ok(l) => l.clone(),
        Err(p) => p.into_inner().clone(),
    };
    words(if lang.is_empty() { "en" } else { &lang })
}

/// Why an I/O operation failed, in the current language: the common cases (no such file, no
/// permission, a folder, a full disk) in words; anything rarer as the system says it.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let key = match e.kind() {
        ErrorKind::NotFound => "io-not-found",
        ErrorKind::PermissionDenied => "io-permission-denied",
        ErrorKind::IsADirectory => "io-is-a-folder",
        ErrorKind::NotADirectory => "io-not-a-folder",
        ErrorKind::StorageFull => "io-disk-full",
        ErrorKind::ReadOnlyFilesystem => "io-read-only",
        ErrorKind::InvalidData => "io-not-text",
        _ => return e.to_string(),
    };
    say(key, &[])
}

/// Message `key` with its arguments in the current language: how the shared crate (and the
/// hub, to its operator) words its messages.
pub fn say(key: &str, args: &[(&str, Arg)]) -> String {
    current().f(key, args)
}

/// The languages the interface has a file for.
pub fn languages() -> Vec<&'static str> {
    FILES.iter().map(|(l, _)| *l).collect()
}

fn format(b: &Bundle, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let pattern = b.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let s = b.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| s.into_owned())
}

impl Words {
    /// The language.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Message `key`.
    pub fn t(&self, key: &str) -> String {
        self.f(key, &[])
    }

    /// Message `key` with its arguments (`$name` in the Fluent file).
    pub fn f(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Text(s) => fa.set(*k, FluentValue::from(s.clone())),
                Arg::Number(n) => fa.set(*k, FluentValue::from(*n)),
            }
        }
        let args = (!args.is_empty()).then_some(&fa);
        let text = self
            .own
            .as_ref()
            .and_then(|b| format(b, key, args))
            .or_else(|| format(self.english, key, args))
            .unwrap_or_else(|| key.to_string());
        if self.pseudo {
            crate::i18n::pseudo(&text)
        } else {
            text
        }
    }

    /// Message `key` from this language's own file only (no English fallback): for texts whose
    /// English lives elsewhere (the command line's help is its doc comments).
    pub fn own(&self, key: &str) -> Option<String> {
        let text = format(self.own.as_ref()?, key, None)?;
        Some(if self.pseudo {
            crate::i18n::pseudo(&text)
        } else {
            text
        })
    }

    /// Person-days as this language writes a number (`2.5` or `2,5`).
    pub fn days(&self, days: f64) -> String {
        self.decimal_mark(peercall_dialogue::score::format_days(days))
    }

    /// `x` with `places` decimals, as this language writes them (`190.5` or `190,5`).
    pub fn decimal(&self, x: f64, places: usize) -> String {
        self.decimal_mark(format!("{x:.places$}"))
    }

    fn decimal_mark(&self, s: String) -> String {
        if DECIMAL_COMMA.contains(&self.lang.as_str()) {
            s.replace('.', ",")
        } else {
            s
        }
    }

    /// A signal's short name.
    pub fn signal(&self, s: Signal) -> String {
        self.t(&format!("signal-{}", kebab(&format!("{s:?}"))))
    }

    /// What a signal tells the prospect.
    pub fn signal_why(&self, s: Signal) -> String {
        self.t(&format!("signal-{}-why", kebab(&format!("{s:?}"))))
    }

    /// An outcome in plain words.
    pub fn outcome(&self, o: Outcome) -> String {
        self.t(&format!("outcome-{}", kebab(&format!("{o:?}"))))
    }

    /// A difficulty's word.
    pub fn difficulty(&self, d: Difficulty) -> String {
        self.t(&format!("difficulty-{}", kebab(&format!("{d:?}"))))
    }

    /// The word for a score band.
    pub fn tier(&self, score: u32) -> String {
        let key = peercall_dialogue::score::tier(score)
            .to_lowercase()
            .replace(' ', "-");
        self.t(&format!("tier-{key}"))
    }
}

impl Words {
    /// A call's transcript as plain text, for the terminal.
    pub fn transcript_text(&self, lines: &[peercall_dialogue::Line], prospect: &str) -> String {
        let mut out = String::new();
        for line in lines {
            match line {
                peercall_dialogue::Line::Prospect { text } => {
                    out.push_str(&format!("{prospect}: {text}\n"));
                }
                peercall_dialogue::Line::Player {
                    text,
                    signal,
                    trust_before,
                    trust_after,
                } => out.push_str(&format!(
                    "{}: {text}\n   [{}]\n",
                    self.t("call-you"),
                    self.f(
                        "run-turn",
                        &[
                            ("signal", self.signal(*signal).into()),
                            ("before", (*trust_before).into()),
                            ("after", (*trust_after).into()),
                        ],
                    )
                )),
            }
        }
        out
    }

    /// A debrief as plain text, for the terminal.
    pub fn debrief_text(&self, d: &peercall_dialogue::Debrief) -> String {
        let mut out = format!("== {} ==\n", d.headline);
        if let Some(t) = &d.truth {
            out.push_str(&self.f("debrief-truth", &[("truth", t.title.clone().into())]));
            out.push('\n');
            if !t.fits {
                out.push_str(&self.t("debrief-misfit"));
                out.push('\n');
            }
            if !t.debrief.is_empty() {
                out.push_str(&format!("{}\n", t.debrief));
            }
            out.push_str(&match &t.revealed_by {
                Some((turn, line)) => self.f(
                    "debrief-told",
                    &[("turn", (*turn).into()), ("line", line.clone().into())],
                ),
                None => self.t("debrief-never-told"),
            });
            out.push_str("\n\n");
        }
        out.push_str(&self.f(
            "run-summary",
            &[
                ("outcome", self.outcome(d.outcome).into()),
                ("score", d.score.into()),
                ("tier", self.tier(d.score).into()),
                ("trust", d.trust.into()),
                ("days", self.days(d.days).into()),
            ],
        ));
        out.push_str("\n\n");
        for t in &d.turns {
            out.push_str(&self.f(
                "debrief-said",
                &[("turn", t.turn.into()), ("said", t.said.clone().into())],
            ));
            out.push_str("\n   ");
            out.push_str(&self.f(
                "debrief-signal",
                &[
                    ("signal", self.signal(t.signal).into()),
                    (
                        "delta",
                        format!("{:+}", t.trust_after - t.trust_before).into(),
                    ),
                    ("before", t.trust_before.into()),
                    ("after", t.trust_after.into()),
                ],
            ));
            out.push_str(&format!("\n   {}\n", self.signal_why(t.signal)));
            if !t.feedback.is_empty() {
                out.push_str(&format!("   {}\n", t.feedback));
            }
            if let Some(b) = &t.better {
                out.push_str("   ");
                out.push_str(&self.f(
                    "debrief-better",
                    &[
                        ("signal", self.signal(b.signal).into()),
                        ("delta", format!("{:+}", b.trust).into()),
                    ],
                ));
                out.push_str(&format!(": \"{}\"\n", b.say));
            }
            out.push('\n');
        }
        out.push_str(&self.f("run-lesson", &[("lesson", d.lesson.clone().into())]));
        out.push('\n');
        out
    }
}

use peercall_dialogue::messages::DECIMAL_COMMA;

/// An argument of a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text (a name, a title).
    Text(String),
    /// A number (plurals follow it).
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as f64)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(f64::from(n))
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Number(f64::from(n))
    }
}

impl From<f32> for Arg {
    fn from(n: f32) -> Arg {
        Arg::Number(f64::from(n))
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Number(n as f64)
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Arg {
        Arg::Number(n)
    }
}

/// `PeerContract` → `peer-contract`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

pub use peercall_dialogue::messages::message_ids;

#[cfg(test)]
mod tests {
    use super::*;

    /// The message keys given to `say(`, `io_error(`, `w.t(`, `w.f(`, `current().t(`, `h(w, `,
    /// the records' `.with(` and the hub's `tell(` and `client().f(` in the files under `dir`.
    fn keys_said_in(dir: &std::path::Path) -> Vec<String> {
        let mut keys = Vec::new();
        for entry in std::fs::read_dir(dir).expect("a source folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                keys.extend(keys_said_in(&path));
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            for call in [
                "say(",
                "io_error(",
                "w.t(",
                "w.f(",
                "current().t(",
                "h(w, ",
                ".with(",
                "tell(",
                "client().f(",
                "client()\n                .f(",
            ] {
                for (i, _) in text.match_indices(call) {
                    let rest = text[i + call.len()..].trim_start();
                    if let Some((key, _)) = rest.strip_prefix('"').and_then(|r| r.split_once('"'))
                        && !key.is_empty()
                        && key.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    {
                        keys.push(key.to_string());
                    }
                }
            }
        }
        keys
    }

    #[test]
    fn every_message_the_crates_say_is_in_english() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let en = message_ids(FILES[0].1);
        let mut said = keys_said_in(&root.join("src"));
        let core = said.len();
        said.extend(keys_said_in(&root.join("../../src/cli")));
        let cli = said.len();
        said.extend(keys_said_in(&root.join("../hub/src")));
        said.extend(keys_said_in(&root.join("../game/src")));
        assert!(core > 40 && cli > core + 20, "{core} / {cli}");
        assert!(said.len() > cli + 150, "{cli} / {}", said.len());
        for key in &said {
            assert!(en.contains(key), "en.ftl lacks `{key}`");
        }
        // (The current language is process-wide: the command line's tests switch it.)
        let m = |lang| words(lang).f("core-i18n-untranslated", &[("id", "x".into())]);
        assert_eq!(m("de"), "`x` ist noch nicht übersetzt");
        assert_eq!(m("en"), "`x` is not translated yet");
    }

    #[test]
    fn every_language_has_every_message_and_parses_and_the_engine_words_are_there() {
        let en = message_ids(FILES[0].1);
        for (lang, text) in FILES {
            assert!(bundle(lang, text).is_some(), "{lang}.ftl parses");
            let ids = message_ids(text);
            let missing: Vec<&String> = en.iter().filter(|k| !ids.contains(k)).collect();
            // `help-...` words the command line's help, whose English is its doc comments (the
            // command line's own test checks those).
            let extra: Vec<&String> = ids
                .iter()
                .filter(|k| !(en.contains(k) || k.as_str() == "help" || k.starts_with("help-")))
                .collect();
            assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
            assert!(extra.is_empty(), "{lang}.ftl has unknown {extra:?}");
        }
        for lang in ["en", "de"] {
            let w = words(lang);
            for s in Signal::ALL {
                assert!(!w.signal(s).starts_with("signal-"), "{lang}: {s:?}");
                assert!(!w.signal_why(s).starts_with("signal-"), "{lang}: {s:?}");
            }
            for o in Outcome::ALL {
                assert!(!w.outcome(o).starts_with("outcome-"), "{lang}: {o:?}");
            }
            for score in [95, 80, 60, 30, 10] {
                assert!(!w.tier(score).starts_with("tier-"), "{lang}: {score}");
            }
        }
        assert_eq!(words("en").signal(Signal::PeerContract), "peer contract");
        assert_eq!(words("de").signal(Signal::PeerContract), "Peer-Vertrag");
        assert_eq!(words("xx").signal(Signal::PeerContract), "peer contract");
        assert!(
            words(crate::i18n::PSEUDO)
                .signal(Signal::PeerContract)
                .contains('~')
        );
    }
}
