//! The leaderboard: the top ten and the places around the player, by player or by team, names
//! shown or hidden; in a competition, that competition's board.

use bevy::prelude::*;

use crate::nav::{EscapeKey, Press};
use crate::theme::Theme;
use crate::{ActiveCompetition, GameSet, MonoFont, Profile, RecordsDb, Screen};
use peercall_core::records::{BoardQuery, board_view};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Board), spawn).add_systems(
        Update,
        fill.in_set(GameSet::View).run_if(in_state(Screen::Board)),
    );
}

/// How the board is shown, kept on the screen's root: the buttons change it and the board is
/// drawn again in place.
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct BoardView {
    /// Teams instead of players.
    pub by_team: bool,
    /// Other players' names hidden.
    pub hide_names: bool,
}

fn spawn(mut commands: Commands, theme: Res<Theme>) {
    commands.spawn((
        DespawnOnExit(Screen::Board),
        theme.root(),
        BoardView::default(),
    ));
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
) {
    let Ok((root, view)) = roots.single() else {
        return;
    };
    commands.entity(root).despawn_children();
    let t = *theme;
    let p = t.palette;
    let query = BoardQuery {
        competition: competition.as_ref().map(|c| c.competition.id.clone()),
        scenario: None,
        by_team: view.by_team,
    };
    let (rows, failure) = match db.map(|d| d.with("the leaderboard", |s| s.board(&query))) {
        Some(Ok(rows)) => (rows, None),
        Some(Err(e)) => (Vec::new(), Some(e)),
        None => (Vec::new(), None),
    };
    let me = if view.by_team {
        &profile.team
    } else {
        &profile.player
    };
    let shown = board_view(&rows, Some(me));
    let title = match &competition {
        Some(c) => format!("Leaderboard: {}", c.competition.name),
        None => "Leaderboard".to_string(),
    };
    commands.entity(root).with_children(|root| {
        root.spawn((t.colored(title, 40.0, p.accent), Label));
        root.spawn(t.colored(
            if view.by_team {
                "Teams: the mean of their players' totals, so team size does not count. Ties go to the faster team."
            } else {
                "Each player's best result per call, added up. Ties go to the faster player."
            },
            17.0,
            p.dim,
        ));
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
                    table.spawn(t.colored(format!("The leaderboard cannot be shown: {e}"), 20.0, p.bad));
                } else if shown.is_empty() {
                    table.spawn(t.text("No results yet: play a call and come back.", 20.0));
                }
                let mut last = 0;
                for r in &shown {
                    if r.place > last + 1 {
                        table.spawn(t.colored("...", 18.0, p.dim));
                    }
                    last = r.place;
                    let mine = r.name == *me;
                    let name = if view.hide_names && !mine { format!("#{}", r.place) } else { r.name.clone() };
                    let secs = r.time_ms / 1000;
                    // Monospace, so that places, scores and times line up in columns.
                    table.spawn((
                        Text::new(format!(
                            "{:>3}.  {:<24} {:>7.1}   {:>3}:{:02}   {} call{}",
                            r.place,
                            name,
                            r.score,
                            secs / 60,
                            secs % 60,
                            r.calls,
                            if r.calls == 1 { "" } else { "s" }
                        )),
                        t.font(19.0).with_font(mono.0.clone()),
                        TextColor(if mine { p.accent } else { p.text }),
                        Label,
                    ));
                }
            });
        root.spawn(Node { column_gap: px(12), ..default() }).with_children(|row| {
            row.spawn(t.button(
                if view.by_team { "Show players" } else { "Show teams" },
                0,
            ))
            .observe(|_: On<Press>, mut views: Query<&mut BoardView>| {
                for mut v in &mut views {
                    v.by_team = !v.by_team;
                }
            });
            row.spawn(t.button(
                if view.hide_names { "Show names" } else { "Hide names" },
                1,
            ))
            .observe(|_: On<Press>, mut views: Query<&mut BoardView>| {
                for mut v in &mut views {
                    v.hide_names = !v.hide_names;
                }
            });
            row.spawn((t.button("Back (Esc)", 2), EscapeKey))
                .observe(crate::flow::go(Screen::Title));
        });
    });
}
