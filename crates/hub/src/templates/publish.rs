//! The trainer's publishing form, and the page that gives each team its join code.

use maud::{Markup, html};
use peercall_core::words::Words;

use super::page;
use crate::storage::TeamCode;

/// The form: the competition file, its scenario files (built-in ones stand in for any not
/// given), the teams, and the confirmation that moving a running competition's dates needs.
pub fn publish_form(w: &Words) -> Markup {
    page(
        w,
        &w.t("hub-publish-title"),
        html! {
            h1 { (w.t("hub-publish-title")) }
            p { (w.t("hub-publish-how")) }
            form method="post" action="/publish" enctype="multipart/form-data" {
                p { label { (w.t("hub-publish-competition")) br;
                    input type="file" name="competition" accept=".ron" required; } }
                p { label { (w.t("hub-publish-scenarios")) br;
                    input type="file" name="scenarios" accept=".ron" multiple; } }
                p { label { (w.t("hub-publish-teams")) br;
                    input name="teams" size="60" required placeholder="East, West"; } }
                p { label { input type="checkbox" name="move-dates" value="1"; " " (w.t("hub-publish-move-dates")) } }
                p { button { (w.t("hub-publish-button")) } }
            }
        },
    )
}

/// Published: each team's join code, and the links to the board, the analytics and, for a
/// certification, who passed.
pub fn published(w: &Words, id: &str, codes: &[TeamCode], certification: bool) -> Markup {
    page(
        w,
        &w.t("hub-published"),
        html! {
            h1 { (w.t("hub-published")) }
            p { (w.t("hub-published-how")) }
            table {
                tr { th { (w.t("hub-team")) } th { (w.t("hub-join-code")) } th { (w.t("hub-join-link")) } }
                @for c in codes {
                    @let link = join_link(&c.code);
                    tr { td { (c.team) } td { code { (c.code) } } td { a href=(link) { (link) } } }
                }
            }
            p {
                a href={ "/competitions/" (id) } { (w.t("hub-the-board")) }
                " · "
                a href={ "/competitions/" (id) "/analytics" } { (w.t("hub-analytics")) }
                @if certification {
                    " · "
                    a href={ "/competitions/" (id) "/certification" } { (w.t("hub-cert-who")) }
                }
            }
        },
    )
}

/// The web game's join link of a team's `code` (on this hub).
pub fn join_link(code: &str) -> String {
    let code: String = code.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("/play/?join={code}")
}

/// Publishing refused: the compiler's message, and the way back.
pub fn not_published(w: &Words, why: &str) -> Markup {
    page(
        w,
        &w.t("hub-not-published"),
        html! {
            h1 { (w.t("hub-not-published")) }
            pre { (why) }
            p { a href="/publish" { (w.t("hub-back")) } }
        },
    )
}
