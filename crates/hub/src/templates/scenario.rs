//! A scenario's page for trainers: the graph as the analytics heatmap draws it, then every node
//! with its lines, choices, signals, conditions and where each leads, the truths, and "play
//! from here" links that open the web game at a node in the state a call first reaches it in.
//! Read-only: editing stays in the scenario's file.

use maud::{Markup, PreEscaped, html};
use peercall_core::words::Words;
use peercall_dialogue::scenario::conditions_text;
use peercall_dialogue::{Script, State};

use super::page;
use crate::analytics::{PathsReport, heatmap};

/// The web game's address that plays `script` from `state` (in its truth).
fn play_link(script: &Script, state: &State) -> String {
    let sc = script.scenario();
    let mut url = format!(
        "/play/?scenario={}&from={}&trust={}",
        urlencoding(script.id()),
        urlencoding(script.node_id(state.node)),
        state.trust
    );
    if !sc.truths.is_empty() {
        url.push_str(&format!(
            "&truth={}",
            urlencoding(sc.truths.at(state.truth as usize).0)
        ));
    }
    if state.peer_contract {
        url.push_str("&peer=1");
    }
    let flags = script.flags_set(state.flags);
    if !flags.is_empty() {
        url.push_str(&format!("&flags={}", urlencoding(&flags.join(","))));
    }
    if state.centidays > 0 {
        url.push_str(&format!("&days={}", state.days()));
    }
    url
}

/// Ids are letters, digits, dashes and dots; anything else is percent-encoded.
fn urlencoding(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b',' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The page of `script` in competition `id`; `paths` is what players did (the heatmap), and
/// `first` the state a call first reaches each node in, per truth.
pub fn scenario(
    w: &Words,
    id: &str,
    script: &Script,
    paths: &PathsReport,
    first: &[Vec<Option<State>>],
) -> Markup {
    let sc = script.scenario();
    let body = html! {
        h1 { (sc.title) }
        p { a href={ "/competitions/" (id) "/analytics" } { (w.t("hub-analytics")) } " · " code { (sc.id) } }
        p.sig { (w.t("hub-scenario-how")) }
        div.graph { (PreEscaped(heatmap(script, paths, w))) }
        @if !sc.truths.is_empty() {
            h2 { (w.t("hub-truths")) }
            ul {
                @for (tid, t) in sc.truths.iter() {
                    li { code { (tid) } " · " (t.title) " · " (w.t("hub-fits")) " " (t.fits.join(", ")) }
                }
            }
        }
        h2 { (w.t("hub-nodes")) }
        @for (n, (nid, node)) in sc.nodes.iter().enumerate() {
            div.node {
                div.id { (nid) }
                @for line in &node.prospect { div.say { (line) } }
                @for l in &node.lines_if {
                    @for line in &l.prospect {
                        div.say { span.sig { (w.t("hub-when")) " " (conditions_text(&l.when)) ": " } (line) }
                    }
                }
                ol {
                    @for c in &node.choices {
                        li {
                            (c.say) " "
                            span.sig { (w.signal(c.signal)) " " (format!("{:+}", c.trust)) " → " (c.next) }
                            @if !c.requires.is_empty() {
                                br; span.sig { (w.t("hub-requires")) " " (conditions_text(&c.requires)) }
                            }
                            @for r in &c.react_if {
                                br; span.sig {
                                    (w.t("hub-when")) " " (conditions_text(&r.when)) ": "
                                    @if let Some(t) = r.trust { (format!("{t:+}")) " " }
                                    @if let Some(next) = &r.next { "→ " (next) }
                                }
                            }
                        }
                    }
                }
                p {
                    (w.t("hub-play-from-here")) " "
                    @for (t, states) in first.iter().enumerate() {
                        @if let Some(state) = states.get(n).copied().flatten() {
                            a href=(play_link(script, &state)) {
                                @if sc.truths.is_empty() { (w.t("hub-play")) } @else { (sc.truths.at(t).0) }
                            }
                            " "
                        }
                    }
                }
            }
        }
    };
    page(w, &format!("{} · {}", sc.title, w.t("hub-scenario")), body)
}
