//! The board page (the top ten and the places around a name, kept live) and the wall (the
//! board full screen for a room's screen).

use maud::{Markup, html};
use peercall_core::records::{BoardRow, board_view};
use peercall_core::words::Words;

use super::page;

/// What a board page shows.
pub struct BoardPage<'a> {
    /// The competition's id.
    pub id: &'a str,
    /// Its name.
    pub name: &'a str,
    /// Players, ranked.
    pub players: &'a [BoardRow],
    /// Teams, ranked.
    pub teams: &'a [BoardRow],
    /// Names hidden (but the reader's own).
    pub hide: bool,
    /// The reader's name or team, whose place is shown below the top ten.
    pub me: Option<&'a str>,
    /// The language asked for in the address, kept in the page's links.
    pub lang: Option<&'a str>,
    /// Whether this hub serves the web game (the page links to it).
    pub play: bool,
}

/// The element the live script reads its settings from (a page's data, never script text).
fn live(w: &Words, id: &str, hide: bool, wall: bool, me: &str) -> Markup {
    let words: serde_json::Map<String, serde_json::Value> = [
        ("players", "hub-players"),
        ("teams", "hub-teams"),
        ("player", "hub-player"),
        ("team", "hub-team"),
        ("score", "hub-score"),
        ("calls", "hub-calls"),
        ("none", "hub-no-results"),
    ]
    .into_iter()
    .map(|(k, key)| (k.to_string(), serde_json::Value::from(w.t(key))))
    .collect();
    html! {
        div #live hidden data-competition=(id) data-hide=(hide) data-wall=(wall) data-me=(me)
            data-words=(serde_json::Value::Object(words).to_string()) {}
        script src="/assets/board.js" defer {}
    }
}

/// The board page.
pub fn board(w: &Words, b: &BoardPage) -> Markup {
    let query = |extra: &str| match b.lang {
        Some(l) => format!("?lang={l}&{extra}"),
        None => format!("?{extra}"),
    };
    let body = html! {
        h1 { (b.name) }
        p {
            a href={ "/competitions/" (b.id) "/wall" (query("")) } { (w.t("hub-wall-mode")) }
            " · "
            a href=(query("hide-names=1")) { (w.t("hub-hide-names")) }
            @if b.play {
                " · "
                a href="/play/" { (w.t("hub-play")) }
            }
        }
        form method="get" {
            @if let Some(l) = b.lang { input type="hidden" name="lang" value=(l); }
            label { (w.t("hub-your-place")) " "
                input name="me" value=(b.me.unwrap_or_default()) placeholder=(w.t("hub-your-place-hint")) maxlength="64";
            }
            " " button { (w.t("hub-show")) }
        }
        @for (title, rows, who, team_column) in [
            ("hub-players", b.players, "hub-player", true),
            ("hub-teams", b.teams, "hub-team", false),
        ] {
            section.static {
                h2 { (w.t(title)) }
                @if rows.is_empty() {
                    p { (w.t("hub-no-results")) }
                } @else {
                    table {
                        tr {
                            th.n { "#" } th { (w.t(who)) }
                            @if team_column { th { (w.t("hub-team")) } }
                            th.n { (w.t("hub-score")) } th.n { (w.t("hub-calls")) }
                        }
                        (rows_of(w, rows, who, team_column, b.hide, b.me))
                    }
                }
            }
        }
        (live(w, b.id, b.hide, false, b.me.unwrap_or_default()))
    };
    page(w, b.name, body)
}

fn rows_of(
    w: &Words,
    rows: &[BoardRow],
    who: &str,
    team_column: bool,
    hide: bool,
    me: Option<&str>,
) -> Markup {
    // Each row shown, and whether places were skipped before it.
    let mut last = 0;
    let shown: Vec<(bool, BoardRow)> = board_view(rows, me)
        .into_iter()
        .map(|r| {
            let gap = r.place > last + 1;
            last = r.place;
            (gap, r)
        })
        .collect();
    html! {
        @for (gap, r) in shown {
            @if gap { tr.gap { td colspan="5" { "…" } } }
            @let mine = Some(r.name.as_str()) == me;
            tr class=[mine.then_some("me")] {
                td.n { (r.place) }
                td { @if hide && !mine { (w.t(who)) " " (r.place) } @else { (r.name) } }
                @if team_column { td { (r.team) } }
                td.n { (format!("{:.0}", r.score)) }
                td.n { (r.calls) }
            }
        }
    }
}

/// The wall: the board full screen, in large type; the live script fills it.
pub fn wall(w: &Words, id: &str, name: &str, hide: bool, me: &str) -> Markup {
    page(
        w,
        name,
        html! {
            div.wall { h1 { (name) } div #boards {} }
            (live(w, id, hide, true, me))
        },
    )
}
