//! The certification pages: the trainer's list of where each player stands, and a player's
//! certificate (or why there is none), printable, with its verification code and how anyone
//! can check it.

use maud::{Markup, html};
use peercall_core::certificate::Sheet;
use peercall_core::certification::{State, Verdict};
use peercall_core::competition::Competition;
use peercall_core::words::Words;

use super::page;

/// Where a state is listed: overdue first (the trainer acts on those), then failed, in
/// progress, expired and passed.
pub fn order(s: State) -> u8 {
    match s {
        State::Overdue => 0,
        State::Failed => 1,
        State::InProgress => 2,
        State::Expired => 3,
        State::Passed => 4,
    }
}

fn day(time: Option<&str>) -> String {
    time.map_or_else(|| "-".into(), |t| t.chars().take(10).collect())
}

/// The address of `player`'s certificate in certification `id`.
pub fn certificate_link(id: &str, player: &str) -> String {
    format!(
        "/competitions/{id}/certificate?player={}",
        peercall_core::lms::url_component(player)
    )
}

/// The trainer's list: each player (joined or played), their team, where they stand, the
/// overall score, the day they passed, until when, and their certificate.
pub fn list(w: &Words, id: &str, c: &Competition, rows: &[(String, Verdict)]) -> Markup {
    let cert = c.certification.as_ref();
    let count = |s: State| rows.iter().filter(|(_, v)| v.state == s).count();
    let body = html! {
        h1 { (c.name) }
        p {
            (w.f("hub-cert-summary", &[
                ("passed", count(State::Passed).into()),
                ("failed", count(State::Failed).into()),
                ("overdue", count(State::Overdue).into()),
                ("playing", count(State::InProgress).into()),
                ("expired", count(State::Expired).into()),
            ]))
        }
        p.sig {
            (w.f("hub-cert-rules", &[
                ("pass", cert.map_or(0, |c| c.pass).into()),
                ("attempts", c.attempts.into()),
                ("due", cert.and_then(|c| c.due.clone()).unwrap_or_else(|| "-".into()).into()),
            ]))
        }
        @if rows.is_empty() {
            p { (w.t("hub-no-results")) }
        } @else {
            table {
                tr {
                    th { (w.t("hub-player")) } th { (w.t("hub-team")) }
                    th { (w.t("hub-cert-state")) } th.n { (w.t("hub-score")) }
                    th { (w.t("hub-cert-passed-on")) } th { (w.t("hub-cert-valid-until")) }
                    th { (w.t("hub-cert-certificate")) }
                }
                @for (team, v) in rows {
                    tr class=(format!("cert-{}", order(v.state))) {
                        td { (v.player) } td { (team) }
                        td { (w.t(v.state.key())) }
                        td.n { (v.overall.map_or_else(|| "-".into(), |o| o.to_string())) }
                        td { (day(v.passed_at.as_deref())) }
                        td { (day(v.valid_until.as_deref())) }
                        td {
                            @if v.earned() {
                                a href=(certificate_link(id, &v.player)) { (v.code.clone().unwrap_or_default()) }
                            }
                        }
                    }
                }
            }
        }
        p { a href={ "/competitions/" (id) } { (w.t("hub-back")) } }
    };
    page(w, &c.name, body)
}

/// A player's certificate, as it stands now; `checked` is whether a code asked about is
/// theirs (none asked: `None`).
pub fn certificate(
    w: &Words,
    c: &Competition,
    library: &peercall_core::library::Library,
    team: &str,
    v: &Verdict,
    checked: Option<bool>,
) -> Markup {
    let sheet = Sheet::of(w, c, library, team, v).filter(|_| checked != Some(false));
    let body = html! {
        @match checked {
            Some(true) => p.valid { (w.t("hub-cert-code-valid")) },
            Some(false) => p.invalid { (w.t("hub-cert-code-invalid")) },
            None => {},
        }
        @if let Some(s) = &sheet {
            article.certificate {
                p.sig { (s.heading) }
                h1 { (s.player) }
                @if !s.team.is_empty() { p.sig { (s.team) } }
                p { (s.passed) }
                table {
                    tr { th { (s.header[0]) } th.n { (s.header[1]) } th.n { (s.header[2]) } th { (s.header[3]) } }
                    @for row in &s.rows {
                        tr { td { (row[0]) } td.n { (row[1]) } td.n { (row[2]) } td { (row[3]) } }
                    }
                    tr { th { (s.overall[0]) } th.n { (s.overall[1]) } th.n { (s.overall[2]) } th {} }
                }
                p { (s.dates) }
                @if let Some(expired) = &s.expired { p.invalid { (expired) } }
                p.code { (w.t("hub-cert-code")) " " strong { (v.code.clone().unwrap_or_default()) } }
                p.sig { (s.how) }
                pre { (s.command) }
                p { a href={ (certificate_link(&c.id, &v.player)) "&format=pdf" } download { (w.t("hub-cert-pdf")) } }
            }
        } @else {
            h1 { (c.name) }
            p { (w.f("hub-cert-none", &[("player", v.player.as_str().into())])) }
            ul {
                @for (_, line) in v.lines(w).iter().filter(|(d, _)| *d < 2) {
                    li { (line) }
                }
            }
        }
    };
    page(w, &c.name, body)
}
