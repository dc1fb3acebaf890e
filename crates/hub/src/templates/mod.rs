//! The hub's pages as maud templates: checked when the hub is compiled, and every value put in
//! a page is escaped (no page builds HTML by hand). The styles and the live board's script are
//! files of their own (`assets/`), so the pages need no inline script or style.

mod analytics;
pub mod board;
pub mod certify;
mod publish;
mod scenario;

pub use analytics::analytics;
pub use board::{board, wall};
pub use publish::{not_published, publish_form, published};
pub use scenario::scenario;

use maud::{DOCTYPE, Markup, html};
use peercall_core::words::Words;

use crate::storage::Listed;

/// A whole page in `w`'s language.
pub fn page(w: &Words, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(w.lang()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href="/assets/hub.css";
            }
            body { (body) }
        }
    }
}

/// A page saying why a request was refused.
pub fn refusal(w: &Words, why: &str) -> Markup {
    page(
        w,
        "peercall hub",
        html! {
            h1 { "peercall hub" }
            pre { (why) }
            p { a href="/" { (w.t("hub-back")) } }
        },
    )
}

/// The hub's front page: the published competitions.
pub fn index(w: &Words, list: &[Listed]) -> Markup {
    page(
        w,
        "peercall hub",
        html! {
            h1 { "peercall hub" }
            p { a href="/publish" { (w.t("hub-publish-link")) } " " (w.t("hub-for-trainers")) }
            @if list.is_empty() {
                p { (w.t("hub-none-published")) }
            } @else {
                ul {
                    @for c in list {
                        li { a href={ "/competitions/" (c.id) } { (c.name) } }
                    }
                }
            }
        },
    )
}
