//! The command line's arguments (clap), and their help in the user's language: the English is
//! the doc comments below and on each subcommand's arguments; a language's interface file
//! words them as `help-<command>` and `help-<command>--<argument>` (a test checks every one).

use clap::{
    Arg, ArgMatches, Command as ClapCommand, CommandFactory, FromArgMatches, Parser, Subcommand,
};
use peercall_core::words::Words;

/// The version and the commit the program was built from, as `--version` prints them.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("PEERCALL_COMMIT"),
    ")"
);

/// peercall: a sales-call simulator that teaches peer contracts and honest self-interest.
#[derive(Debug, Parser)]
#[command(name = "peercall", version = VERSION, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the game (the default): the built-in scenarios, or a trainer's folder.
    Play(super::play::PlayArgs),
    /// Check scenario files for errors and warnings (files or folders; default `dialogues/`).
    Check(super::check::CheckArgs),
    /// Play a call in the terminal, or replay scripted choices with `--choices`.
    Run(super::run::RunArgs),
    /// Practise the decisions you missed: drills due today, played in a row, or `--list`.
    Drills(super::drills::DrillsArgs),
    /// The habit to fix: the customer-advocate signals you sent while a peer line was on offer.
    Habits(super::habits::HabitsArgs),
    /// Explore every path of a scenario, run random players, and warn about wrong lessons.
    Analyze(super::analyze::AnalyzeArgs),
    /// Draw a scenario's tree as Graphviz DOT or Mermaid.
    Graph(super::graph::GraphArgs),
    /// Run the test playthroughs written next to scenarios (`NAME.tests.ron`).
    Test(super::test::TestArgs),
    /// Start a new scenario file from a commented template that passes `check`.
    New(super::new::NewArgs),
    /// Play a competition: a call of your own per attempt, limited attempts, a shared leaderboard.
    Compete(super::compete::CompeteArgs),
    /// Certifications: who passed, failed or is overdue, certificates, and the check of their codes.
    Certify(super::certify::CertifyArgs),
    /// The leaderboard, by player or by team.
    Board(super::records::BoardArgs),
    /// Export players' results, or import (and verify) results from other machines.
    Records(super::records::RecordsArgs),
    /// Run the team hub: published competitions, results verified by replay, live boards.
    Serve(super::hub::ServeArgs),
    /// Work with a hub: publish a competition, send your results.
    Hub(super::hub::HubArgs),
    /// Join a competition on a hub with your team's code.
    Join(super::hub::JoinArgs),
    /// Course packages for learning systems: cmi5 and SCORM.
    Lms(super::lms::LmsArgs),
    /// Scenarios in other languages: templates, checks, the languages present, line ids.
    I18n(super::i18n::I18nArgs),
}

/// The arguments, read with the help and headings in the user's language.
pub fn parse() -> Cli {
    let w = super::words();
    let matches: ArgMatches = match localized(Cli::command(), w).try_get_matches() {
        Ok(m) => m,
        Err(e) => match mistake(&e, w) {
            Some(said) => {
                eprintln!("{said}");
                std::process::exit(2);
            }
            None => e.exit(),
        },
    };
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// A mistake on the command line said in `w`'s language (the common kinds; clap words the
/// rest, and help and version are not mistakes), with clap's suggestion and the usage.
fn mistake(e: &clap::Error, w: &Words) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if w.lang() == peercall_core::i18n::SOURCE {
        return None;
    }
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let (key, args): (&str, Vec<(&str, String)>) = match e.kind() {
        ErrorKind::InvalidSubcommand => (
            "err-cli-unknown-command",
            vec![("command", get(ContextKind::InvalidSubcommand)?)],
        ),
        ErrorKind::UnknownArgument => (
            "err-cli-unknown-argument",
            vec![("argument", get(ContextKind::InvalidArg)?)],
        ),
        ErrorKind::MissingRequiredArgument => (
            "err-cli-missing",
            vec![("arguments", get(ContextKind::InvalidArg)?)],
        ),
        ErrorKind::InvalidValue => (
            "err-cli-bad-value",
            vec![
                ("value", get(ContextKind::InvalidValue)?),
                ("argument", get(ContextKind::InvalidArg)?),
                (
                    "valid",
                    get(ContextKind::ValidValue).unwrap_or_else(|| "none".into()),
                ),
            ],
        ),
        _ => return None,
    };
    let args: Vec<(&str, peercall_core::words::Arg)> = args
        .iter()
        .map(|(k, v)| (*k, peercall_core::words::Arg::from(v.as_str())))
        .collect();
    let mut out = w.f("cli-error", &[("why", w.f(key, &args).into())]);
    if let Some(s) =
        get(ContextKind::SuggestedSubcommand).or_else(|| get(ContextKind::SuggestedArg))
    {
        out.push_str(&format!(
            "\n\n  {}",
            w.f("err-cli-did-you-mean", &[("suggestion", s.as_str().into())])
        ));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = match w.own("help-usage") {
            Some(h) => usage.replacen("Usage:", &format!("{h}:"), 1),
            None => usage,
        };
        out.push_str(&format!("\n\n{}", usage.trim_end()));
    }
    out.push_str(&format!("\n\n{}", w.t("err-cli-more")));
    Some(out)
}

/// `cmd` with its texts in `w`'s language where its interface file words them.
pub fn localized(cmd: ClapCommand, w: &Words) -> ClapCommand {
    if w.lang() == peercall_core::i18n::SOURCE {
        return cmd;
    }
    let path = String::from("help");
    localize(cmd, w, &path, true)
}

fn localize(mut cmd: ClapCommand, w: &Words, path: &str, top: bool) -> ClapCommand {
    let own = |key: &str| w.own(key);
    if let Some(about) = own(path) {
        cmd = cmd.about(about);
    }
    if let Some(usage) = own("help-usage") {
        cmd = cmd.help_template(format!(
            "{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
        ));
    }
    if let Some(h) = own("help-commands") {
        cmd = cmd.subcommand_help_heading(h);
    }
    if let Some(h) = own("help-command-value") {
        cmd = cmd.subcommand_value_name(h);
    }
    let options = own("help-options");
    let arguments = own("help-arguments");
    // The built-in flags, in these words (clap adds its own only when a command is built).
    if let Some(h) = own("help-flag-help") {
        cmd = cmd.disable_help_flag(true).arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(h),
        );
    }
    if top && let Some(v) = own("help-flag-version") {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(v),
        );
    }
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), builtin(a)))
        .collect();
    for (id, built_in) in ids {
        let key = format!("{path}--{id}");
        let text = if built_in { None } else { own(&key) };
        let (options, arguments) = (options.clone(), arguments.clone());
        cmd = cmd.mut_arg(id.as_str(), move |a: Arg| {
            let heading = if a.is_positional() {
                arguments
            } else {
                options
            };
            let a = match heading {
                Some(h) => a.help_heading(h),
                None => a,
            };
            match text {
                Some(t) => a.help(t),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if top {
            format!("help-{name}")
        } else {
            format!("{path}-{name}")
        };
        cmd = cmd.mut_subcommand(name.as_str(), |s| localize(s, w, &sub_path, false));
    }
    if top && let Some(h) = own("help-subcommand-help") {
        // The `help` command exists once clap has built the tree.
        cmd.build();
        if cmd.find_subcommand("help").is_some() {
            cmd = cmd.mut_subcommand("help", |s| s.about(h));
        }
    }
    cmd
}

/// Whether `a` is clap's own `--help` or `--version` (worded by the headings), not one of ours
/// that happens to share the name (`lms scorm --version`).
fn builtin(a: &Arg) -> bool {
    matches!(
        a.get_action(),
        clap::ArgAction::Help
            | clap::ArgAction::HelpShort
            | clap::ArgAction::HelpLong
            | clap::ArgAction::Version
    )
}

/// Every text of the help as (key, English): each command's about and each argument's help.
pub fn help_texts() -> Vec<(String, String)> {
    fn walk(cmd: &ClapCommand, path: &str, top: bool, out: &mut Vec<(String, String)>) {
        if let Some(about) = cmd.get_about() {
            out.push((path.to_string(), about.to_string()));
        }
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if builtin(a) {
                continue;
            }
            if let Some(h) = a.get_help() {
                out.push((format!("{path}--{id}"), h.to_string()));
            }
        }
        for s in cmd.get_subcommands() {
            let sub = if top {
                format!("help-{}", s.get_name())
            } else {
                format!("{path}-{}", s.get_name())
            };
            walk(s, &sub, false, out);
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), "help", true, &mut out);
    out
}

/// The help's own words (headings, the built-in flags), worded by a translation.
pub const HEADINGS: &[&str] = &[
    "help-usage",
    "help-commands",
    "help-command-value",
    "help-options",
    "help-arguments",
    "help-flag-help",
    "help-flag-version",
    "help-subcommand-help",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_help_text_is_in_every_language() {
        let texts = help_texts();
        assert!(texts.len() > 100, "{} texts", texts.len());
        let keys: Vec<&str> = texts.iter().map(|(k, _)| k.as_str()).collect();
        for (lang, ftl) in peercall_core::words::FILES.iter().skip(1) {
            let ids = peercall_core::words::message_ids(ftl);
            let missing: Vec<String> = texts
                .iter()
                .filter(|(k, _)| !ids.contains(k))
                .map(|(k, en)| format!("{k} = {en}"))
                .collect();
            assert!(
                missing.is_empty(),
                "{lang}.ftl lacks:\n{}",
                missing.join("\n")
            );
            let unknown: Vec<&String> = ids
                .iter()
                .filter(|id| id.starts_with("help-") && !keys.contains(&id.as_str()))
                .filter(|id| !HEADINGS.contains(&id.as_str()))
                .collect();
            assert!(
                unknown.is_empty(),
                "{lang}.ftl names no such help: {unknown:?}"
            );
        }
    }
}
