//! The trainer's analytics page: per team the outcomes and the signals most often bettered,
//! per scenario and truth the heatmap of where players went, and the lines node by node, each
//! in the reader's language where the scenario has a built-in translation.

use std::collections::HashMap;

use maud::{Markup, PreEscaped, html};
use peercall_core::library::Library;
use peercall_core::words::Words;
use peercall_dialogue::{Node, Script};

use super::page;
use crate::analytics::{Analytics, heatmap};

/// `script` in `lang` with its built-in translation (the hub's copy of a shipped scenario gets
/// it wherever its words are unchanged), or as written.
fn in_readers_language(script: &Script, lang: &str) -> Script {
    if lang == peercall_core::i18n::SOURCE {
        return script.clone();
    }
    // Only the built-in translation: nothing is read from the hub's working folder.
    match peercall_core::i18n::builtin_po_text(script.id(), lang) {
        Some(po) => peercall_core::i18n::translate(script, lang, Some(po), false)
            .map(|(t, _)| t)
            .unwrap_or_else(|_| script.clone()),
        None => script.clone(),
    }
}

/// The line of `shown` (a node in the reader's language) that is `heard` in `source` (the same
/// node as written): the same variant, of the same state line.
fn same_line<'a>(source: &Node, shown: &'a Node, heard: &str) -> Option<&'a str> {
    let pick = |a: &[String], b: &'a [String]| {
        a.iter()
            .position(|l| l == heard)
            .and_then(|i| b.get(i))
            .map(String::as_str)
    };
    pick(&source.prospect, &shown.prospect).or_else(|| {
        source
            .lines_if
            .iter()
            .zip(&shown.lines_if)
            .find_map(|(a, b)| pick(&a.prospect, &b.prospect))
    })
}

/// A signal named by its English label (as the analytics and their CSV keep it) in `w`'s
/// language.
fn said_signal(w: &Words, label: &str) -> String {
    peercall_dialogue::Signal::ALL
        .iter()
        .find(|s| s.label() == label)
        .map_or_else(|| label.to_string(), |s| w.signal(*s))
}

/// An outcome named by its English label, in `w`'s language.
fn said_outcome(w: &Words, label: &str) -> String {
    peercall_dialogue::Outcome::ALL
        .into_iter()
        .find(|o| o.label() == label)
        .map_or_else(|| label.to_string(), |o| w.outcome(o))
}

/// `n` of `of` calls, and their share.
fn of_calls(n: u32, of: u32) -> String {
    if of == 0 {
        return "–".into();
    }
    format!("{n}/{of} ({:.0}%)", 100.0 * f64::from(n) / f64::from(of))
}

/// The habit to fix per team, then per player: the signal, its count in the last calls, and in
/// the calls before them.
fn habits(w: &Words, h: &crate::habits::Habits) -> Markup {
    let signal = |s: Option<peercall_dialogue::Signal>| {
        s.map_or_else(|| w.t("hub-no-habit"), |s| w.signal(s))
    };
    let team_name = |t: &str| {
        if t.is_empty() {
            w.t("hub-no-team")
        } else {
            t.to_string()
        }
    };
    html! {
        h2 { (w.t("hub-habits")) }
        p.sig { (w.t("hub-habits-how")) }
        @if !h.teams.is_empty() {
            table {
                tr { th { (w.t("hub-team")) } th.n { (w.t("hub-players")) } th { (w.t("hub-habit")) } th.n { (w.t("hub-last-calls")) } th.n { (w.t("hub-calls-before")) } }
                @for t in &h.teams {
                    @let c = t.counts.iter().find(|c| Some(c.signal) == t.to_fix);
                    tr {
                        td { (team_name(&t.team)) }
                        td.n { (t.players) }
                        td { (signal(t.to_fix)) }
                        td.n { (c.map_or_else(|| "–".into(), |c| of_calls(c.recent, c.recent_calls))) }
                        td.n { (c.map_or_else(|| "–".into(), |c| of_calls(c.before, c.before_calls))) }
                    }
                }
            }
        }
        @if !h.players.is_empty() {
            details {
                summary { (w.t("hub-habits-players")) }
                table {
                    tr { th { (w.t("hub-player")) } th { (w.t("hub-team")) } th { (w.t("hub-habit")) } th.n { (w.t("hub-last-calls")) } th.n { (w.t("hub-calls-before")) } }
                    @for (team, p) in &h.players {
                        @let c = p.to_fix_count();
                        tr {
                            td { (p.player) }
                            td { (team_name(team)) }
                            td { (signal(p.to_fix)) }
                            td.n { (c.map_or_else(|| "–".into(), |c| of_calls(c.recent, c.recent_calls))) }
                            td.n { (c.map_or_else(|| "–".into(), |c| of_calls(c.before, c.before_calls))) }
                        }
                    }
                }
            }
        }
    }
}

/// The analytics page of competition `id` (named `name`), its scenarios in `library`.
pub fn analytics(w: &Words, id: &str, name: &str, a: &Analytics, library: &Library) -> Markup {
    let calls = |n: u64| w.f("hub-call-count", &[("count", n.into())]);
    // Each scenario translated once, however many truths it has.
    let mut translated: HashMap<String, Script> = HashMap::new();
    for p in &a.paths {
        if let Some(s) = library.script(&p.scenario) {
            translated
                .entry(p.scenario.clone())
                .or_insert_with(|| in_readers_language(s, w.lang()));
        }
    }
    let body = html! {
        h1 { (name) " · " (w.t("hub-analytics")) }
        p {
            a href={ "/competitions/" (id) "/analytics.csv" } { (w.t("hub-signals-csv")) }
            " · "
            a href={ "/competitions/" (id) "/moves.csv" } { (w.t("hub-moves-csv")) }
        }
        h2 { (w.t("hub-teams")) }
        @if a.teams.is_empty() { p { (w.t("hub-no-results")) } }
        @for t in &a.teams {
            h3 { @if t.team.is_empty() { (w.t("hub-no-team")) } @else { (t.team) } " · " (calls(t.calls)) }
            p {
                @for (i, (o, n)) in t.outcomes.iter().enumerate() {
                    @if i > 0 { " · " }
                    (said_outcome(w, o)) ": " (n)
                }
            }
            @let worst = t.worst_signals();
            @if !worst.is_empty() {
                table {
                    tr { th { (w.t("hub-signal-bettered")) } th.n { (w.t("hub-sent")) } th.n { (w.t("hub-better-on-offer")) } }
                    @for (s, sent, bettered) in worst.iter().take(5) {
                        tr {
                            td { (said_signal(w, s)) }
                            td.n { (sent) }
                            td.n { (bettered) " (" (format!("{:.0}", 100.0 * *bettered as f64 / (*sent).max(1) as f64)) "%)" }
                        }
                    }
                }
            }
        }
        (habits(w, &a.habits))
        h2 { (w.t("hub-where-players-went")) }
        p.sig { (w.t("hub-heatmap-how")) }
        @for p in &a.paths {
            @let source = library.script(&p.scenario);
            @let shown = translated.get(&p.scenario);
            h3 {
                a href={ "/competitions/" (id) "/scenarios/" (p.scenario) } { (p.scenario) }
                @if !p.truth.is_empty() { " · " (w.t("hub-truth")) " " em { (p.truth) } }
                " · " (calls(p.calls))
            }
            @if let Some(script) = shown {
                // The heatmap is SVG drawn by the analytics, every text in it escaped there.
                div.graph { (PreEscaped(heatmap(script, p, w))) }
            }
            details {
                summary { (w.t("hub-lines-by-node")) }
                @for n in &p.nodes {
                    @let total: u64 = n.choices.iter().map(|c| c.2).sum();
                    @let source_node = source.and_then(|s| s.scenario().nodes.get(&n.node));
                    @let shown_node = shown.and_then(|s| s.scenario().nodes.get(&n.node));
                    @let heard = match (source_node, shown_node) {
                        (Some(a), Some(b)) => same_line(a, b, &n.prospect),
                        _ => None,
                    };
                    div.node {
                        div.id { (n.node) }
                        div.say { (heard.unwrap_or(&n.prospect)) }
                        @for (i, (say, signal, taken)) in n.choices.iter().enumerate() {
                            @let say = shown_node.and_then(|node| node.choices.get(i)).map_or(say.as_str(), |c| c.say.as_str());
                            @let share = 100.0 * *taken as f64 / total.max(1) as f64;
                            div.choice {
                                svg.bar viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" {
                                    rect width=(format!("{share:.0}")) height="1" {}
                                }
                                span.pct { (format!("{share:.0}")) "%" }
                                " " (say) " "
                                span.sig { (said_signal(w, signal)) }
                            }
                        }
                    }
                }
            }
        }
    };
    page(w, &format!("{name} · {}", w.t("hub-analytics")), body)
}
