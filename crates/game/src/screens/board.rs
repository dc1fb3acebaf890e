//! The leaderboard: the top ten and the places around the player, by player or by team, names
//! shown or hidden; in a competition, that competition's board, read from its team hub when the
//! player joined it there (fetched off the frame; this machine's board while the hub is away).

use bevy::prelude::*;

use crate::background::{Pending, Waiting};
use crate::nav::{EscapeKey, Press};
use crate::theme::Theme;
use crate::{ActiveCompetition, GameSet, MonoFont, Profile, RecordsDb, Screen};
use peercall_core::records::{BoardQuery, board_view};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Board), spawn).add_systems(
        Update,
        (arrived.in_set(GameSet::Apply), fill.in_set(GameSet::View))
            .run_if(in_state(Screen::Board)),
    );
}

/// How the board is shown, kept on the screen's root: the buttons change it and the board is
/// drawn again in place.
#[derive(Component, Debug, Default, Clone)]
pub struct BoardView {
    /// Teams instead of players.
    pub by_team: bool,
    /// Other players' names hidden.
    pub hide_names: bool,
    /// The team hub's board, when the competition on is the one joined there.
    pub hub: Remote,
}

/// The hub's board as far as it has come.
#[derive(Debug, Default, Clone)]
pub enum Remote {
    /// Not a hub competition: this machine's board.
    #[default]
    Off,
    /// Being fetched from this hub.
    Loading(String),
    /// The hub's board, from this hub.
    Ready(String, peercall_core::hub_client::Board),
    /// The hub could not be read: why.
    Failed(String),
}

type Fetched = Result<peercall_core::hub_client::Board, String>;

fn spawn(
    mut commands: Commands,
    theme: Res<Theme>,
    db: Option<Res<RecordsDb>>,
    competition: Option<Res<ActiveCompetition>>,
) {
    let member = db
        .and_then(|d| {
            d.with("game-what-team-hub", peercall_core::hub_client::membership)
                .ok()
        })
        .flatten()
        .filter(|m| {
            competition
                .as_ref()
                .is_some_and(|c| c.competition.id == m.competition)
        });
    let mut root = commands.spawn((DespawnOnExit(Screen::Board), theme.root()));
    match member {
        Some(m) => {
            root.insert((
                BoardView {
                    hub: Remote::Loading(m.server.clone()),
                    ..default()
                },
                Waiting,
                fetch_board(m),
            ));
        }
        None => {
            root.insert(BoardView::default());
        }
    }
}

/// Reads the hub's board off the frame.
#[cfg(not(target_arch = "wasm32"))]
fn fetch_board(m: peercall_core::hub_client::Membership) -> Pending<Fetched> {
    Pending::start(move || {
        peercall_core::hub_client::board(&m.server, &m.competition).map_err(|e| e.to_string())
    })
}

/// Reads the hub's board with the browser's fetch.
#[cfg(target_arch = "wasm32")]
fn fetch_board(m: peercall_core::hub_client::Membership) -> Pending<Fetched> {
    Pending::start_local(async move {
        let path = format!("/api/competitions/{}/board", m.competition);
        let (status, answer) =
            crate::web::net::request(&m.server, "GET", &path, None, None).await?;
        peercall_core::hub_client::board_answer(status, answer).map_err(|e| e.to_string())
    })
}

/// The hub's board arrived (or could not be read): the board is drawn again with it.
fn arrived(
    mut commands: Commands,
    mut roots: Query<(Entity, &Pending<Fetched>, &mut BoardView)>,
    language: Res<crate::Language>,
) {
    for (e, pending, mut view) in &mut roots {
        let Some(answer) = pending.take() else {
            continue;
        };
        let server = match &view.hub {
            Remote::Loading(s) => s.clone(),
            _ => String::new(),
        };
        view.hub = match answer {
            Some(Ok(board)) => Remote::Ready(server, board),
            Some(Err(e)) => Remote::Failed(e),
            None => Remote::Failed(language.words().t("board-hub-unreadable")),
        };
        commands.entity(e).remove::<(Pending<Fetched>, Waiting)>();
    }
}

/// Draws the board on its root whenever the view changes (and when it appears).
fn fill(
    mut commands: Commands,
    roots: Query<(Entity, &BoardView), Changed<BoardView>>,
    theme: Res<Theme>,
    profile: Res<Profile>,
    db: Option<Res<RecordsDb>>,
    competition: Option<Res<ActiveCompetition>>,
    mono: Res<MonoFont>,
    language: Res<crate::Language>,
) {
    let w = language.words();
    let Ok((root, view)) = roots.single() else {
        return;
    };
    let view = view.clone();
    commands.entity(root).despawn_children();
    let t = *theme;
    let p = t.palette;
    let query = BoardQuery {
        competition: competition.as_ref().map(|c| c.competition.id.clone()),
        scenario: None,
        by_team: view.by_team,
    };
    let (rows, failure) = match (&view.hub, db) {
        (Remote::Ready(_, b), _) => (
            if view.by_team {
                b.teams.clone()
            } else {
                b.players.clone()
            },
            None,
        ),
        (_, Some(d)) => match d.with("game-what-leaderboard", |s| s.board(&query)) {
            Ok(rows) => (rows, None),
            Err(e) => (Vec::new(), Some(e)),
        },
        (_, None) => (Vec::new(), None),
    };
    let source = match &view.hub {
        Remote::Off => None,
        Remote::Loading(s) => Some((
            w.f("board-hub-loading", &[("server", s.clone().into())]),
            p.dim,
        )),
        Remote::Ready(s, _) => Some((
            w.f("board-hub-live", &[("server", s.clone().into())]),
            p.good,
        )),
        Remote::Failed(e) => Some((w.f("board-hub-away", &[("why", e.clone().into())]), p.bad)),
    };
    let me = if view.by_team {
        &profile.team
    } else {
        &profile.player
    };
    let shown = board_view(&rows, Some(me));
    let title = match &competition {
        Some(c) => w.f(
            "board-title-competition",
            &[("name", c.competition.name.clone().into())],
        ),
        None => w.t("leaderboard"),
    };
    commands.entity(root).with_children(|root| {
        root.spawn((t.colored(title, 40.0, p.accent), Label));
        root.spawn(t.colored(
            w.t(if view.by_team {
                "board-teams-how"
            } else {
                "board-players-how"
            }),
            17.0,
            p.dim,
        ));
        if let Some((line, color)) = source {
            root.spawn((
                t.colored(line, 16.0, color),
                Node {
                    max_width: px(900),
                    ..default()
                },
            ));
        }
        root.spawn((
            Node {
                flex_direction: FlexDirection::Column,
                row_gap: px(6),
                padding: UiRect::all(px(16)),
                min_width: px(640),
                border_radius: BorderRadius::all(px(10)),
                ..default()
            },
            BackgroundColor(p.panel),
        ))
        .with_children(|table| {
            if let Some(e) = &failure {
                table.spawn(t.colored(
                    w.f("board-unreadable", &[("why", e.said(w).into())]),
                    20.0,
                    p.bad,
                ));
            } else if shown.is_empty() {
                table.spawn(t.text(w.t("board-empty"), 20.0));
            }
            let mut last = 0;
            for r in &shown {
                if r.place > last + 1 {
                    table.spawn(t.colored("...", 18.0, p.dim));
                }
                last = r.place;
                let mine = r.name == *me;
                let name = if view.hide_names && !mine {
                    format!("#{}", r.place)
                } else {
                    r.name.clone()
                };
                let secs = r.time_ms / 1000;
                // Monospace, so that places, scores and times line up in columns.
                table.spawn((
                    Text::new(format!(
                        "{:>3}.  {:<24} {:>7}   {:>3}:{:02}   {}",
                        r.place,
                        name,
                        w.decimal(r.score, 1),
                        secs / 60,
                        secs % 60,
                        w.f("board-calls", &[("calls", r.calls.into())]),
                    )),
                    t.font(19.0).with_font(mono.0.clone()),
                    TextColor(if mine { p.accent } else { p.text }),
                    Label,
                ));
            }
        });
        root.spawn(t.button_row()).with_children(|row| {
            row.spawn(t.button(
                w.t(if view.by_team {
                    "board-show-players"
                } else {
                    "board-show-teams"
                }),
                0,
            ))
            .observe(|_: On<Press>, mut views: Query<&mut BoardView>| {
                for mut v in &mut views {
                    v.by_team = !v.by_team;
                }
            });
            row.spawn(t.button(
                w.t(if view.hide_names {
                    "board-show-names"
                } else {
                    "board-hide-names"
                }),
                1,
            ))
            .observe(|_: On<Press>, mut views: Query<&mut BoardView>| {
                for mut v in &mut views {
                    v.hide_names = !v.hide_names;
                }
            });
            row.spawn((t.button(w.t("back-esc"), 2), EscapeKey))
                .observe(crate::flow::go(Screen::Title));
        });
    });
}
