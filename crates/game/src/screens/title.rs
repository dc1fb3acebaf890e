//! The title screen: the name, a one-line promise, and play / scenarios / settings / quit.

use bevy::prelude::*;

use crate::flow;
use crate::nav::Press;
use crate::theme::Theme;
use crate::{Scenarios, Screen};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Title), (count_drills, spawn).chain())
        .add_systems(Update, fit_menu.run_if(in_state(Screen::Title)));
}

/// The title's menu of buttons.
#[derive(Component)]
struct Menu;

/// Below this width (logical pixels) the menu's buttons stand in one column.
const ONE_COLUMN: f32 = 600.0;

/// Two columns of buttons where the window is wide enough, one on a narrow screen (a phone
/// held upright), so that no button runs off the window.
fn fit_menu(windows: Query<&Window>, mut menu: Query<&mut Node, With<Menu>>) {
    let Some(window) = windows.iter().next() else {
        return;
    };
    let columns = if window.width() < ONE_COLUMN { 1 } else { 2 };
    for mut node in &mut menu {
        if node.grid_template_columns.len() != 1
            || node.grid_template_columns[0] != RepeatedGridTrack::flex(columns, 1.0)
        {
            node.grid_template_columns = RepeatedGridTrack::flex(columns, 1.0);
        }
    }
}

/// The drills the title offers: those due today (none in a competition).
#[derive(Resource, Debug, Clone, Default)]
struct TitleDrills(super::drill::Due);

fn count_drills(world: &mut World) {
    let due = if world.contains_resource::<crate::ActiveCompetition>() {
        super::drill::Due::default()
    } else {
        super::drill::due(world)
    };
    world.insert_resource(TitleDrills(due));
}

fn spawn(
    mut commands: Commands,
    drills: Res<TitleDrills>,
    theme: Res<Theme>,
    scenarios: Res<Scenarios>,
    profile: Res<crate::Profile>,
    files: Res<crate::CompetitionFiles>,
    competition: Option<Res<crate::ActiveCompetition>>,
    unrecorded: Option<Res<crate::RecordsUnavailable>>,
    db: Option<Res<crate::RecordsDb>>,
    language: Res<crate::Language>,
) {
    let joined = db
        .and_then(|d| {
            d.with("game-what-team-hub", peercall_core::hub_client::membership)
                .ok()
        })
        .flatten()
        .map(|m| m.competition);
    let t = *theme;
    let p = t.palette;
    let w = language.words();
    let count = scenarios.0.playable();
    let scale = (t.scale * 100.0).round();
    let root = commands
        .spawn((
            DespawnOnExit(Screen::Title),
            BackgroundColor(p.background),
            Node {
                width: percent(100),
                height: percent(100),
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                justify_content: JustifyContent::Center,
                row_gap: px(14),
                ..default()
            },
            children![
                // The name is a heading, not reading text: it keeps its size at every text
                // scale, so that the menu still fits at 150%.
                (
                    Text::new("peercall"),
                    TextFont::from_font_size(88.0),
                    TextColor(p.accent),
                    Label
                ),
                (t.colored(w.t("title-promise"), 26.0, p.text), Label),
                (
                    t.colored(w.t("title-how"), 18.0, p.dim),
                    Node {
                        max_width: px(760),
                        margin: UiRect::bottom(px(12)),
                        ..default()
                    },
                    TextLayout::justify(Justify::Center),
                ),
            ],
        ))
        .id();
    // Two columns of buttons, so that the menu fits the window at every text size.
    let menu = Node {
        display: Display::Grid,
        grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
        row_gap: px(10),
        column_gap: px(12),
        width: percent(100),
        max_width: px(if t.scale > 1.0 { 820 } else { 700 }),
        ..default()
    };
    // Decisions due for practice come first: a callout above the menu, its button first in
    // the keyboard's order.
    let due = drills.0.today.len();
    let o = usize::from(due > 0);
    commands.entity(root).with_children(|root| {
        if due > 0 {
            root.spawn(t.callout(p.panel, p.accent, 14.0))
                .insert(Node {
                    flex_direction: FlexDirection::Row,
                    flex_wrap: FlexWrap::Wrap,
                    align_items: AlignItems::Center,
                    column_gap: px(18),
                    row_gap: px(8),
                    padding: UiRect::axes(px(18), px(10)),
                    margin: UiRect::bottom(px(6)),
                    border: UiRect::left(px(5)),
                    border_radius: BorderRadius::all(px(8)),
                    max_width: px(900),
                    ..default()
                })
                .with_children(|c| {
                    c.spawn((
                        t.colored(
                            w.f("title-drills-due", &[("count", due.into())]),
                            20.0,
                            p.text,
                        ),
                        Label,
                    ));
                    c.spawn(t.button(w.t("title-drills-practise"), 0))
                        .observe(super::drill::practise);
                });
        } else if let Some(next) = drills.0.next {
            let days = (next - peercall_core::drills::day_of(peercall_core::clock::now())).max(1);
            root.spawn((
                t.colored(
                    w.f("title-drills-next", &[("days", (days as u64).into())]),
                    16.0,
                    p.dim,
                ),
                Label,
            ));
        }
        root.spawn((Menu, menu)).with_children(|m| {
            m.spawn(t.button(w.t("title-play"), o)).observe(play);
            m.spawn(t.button(w.f("title-scenarios", &[("count", count.into())]), o + 1))
                .observe(flow::go(Screen::Pick));
            m.spawn(t.button(w.f("text-size", &[("percent", scale.into())]), o + 2))
                .observe(flow::cycle_text_size);
            m.spawn(t.button(
                w.t(if t.high_contrast {
                    "high-contrast-on"
                } else {
                    "high-contrast-off"
                }),
                o + 3,
            ))
            .observe(flow::toggle_contrast);
            m.spawn(t.button(
                w.f(
                    "title-language",
                    &[("name", crate::Language::name(&language.lang).into())],
                ),
                o + 4,
            ))
            .observe(next_language);
            m.spawn(t.button(w.t("leaderboard"), o + 5))
                .observe(flow::go(Screen::Board));
            m.spawn(t.button(
                if profile.team.is_empty() {
                    w.f(
                        "title-playing-as",
                        &[("name", profile.player.clone().into())],
                    )
                } else {
                    w.f(
                        "title-playing-as-team",
                        &[
                            ("name", profile.player.clone().into()),
                            ("team", profile.team.clone().into()),
                        ],
                    )
                },
                o + 6,
            ))
            .observe(flow::go(Screen::Profile));
            match &competition {
                Some(c) => {
                    m.spawn(t.button(
                        w.f(
                            "title-leave",
                            &[("name", c.competition.name.clone().into())],
                        ),
                        o + 7,
                    ))
                    .observe(super::competitions::leave);
                }
                None => {
                    m.spawn(t.button(
                        w.f("title-competitions", &[("count", files.0.len().into())]),
                        o + 7,
                    ))
                    .observe(flow::go(Screen::Competitions));
                }
            }
            m.spawn(t.button(
                match &joined {
                    Some(c) => w.f("title-team-hub", &[("name", c.clone().into())]),
                    None => w.t("title-join-hub"),
                },
                o + 8,
            ))
            .observe(flow::go(Screen::Join));
            m.spawn(t.button(w.t("title-habits"), o + 9))
                .observe(flow::go(Screen::Habits));
            // A page cannot close its own tab: in the browser, leaving is closing the tab.
            if cfg!(not(target_arch = "wasm32")) {
                m.spawn(t.button(w.t("quit"), o + 10)).observe(flow::quit);
            }
        });
        if let Some(u) = &unrecorded {
            root.spawn((
                t.colored(
                    w.f("title-not-recorded", &[("why", u.0.clone().into())]),
                    16.0,
                    p.bad,
                ),
                Node {
                    max_width: px(900),
                    ..default()
                },
                Label,
            ));
        }
        root.spawn((
            t.colored(w.t("title-keys"), 15.0, p.dim),
            Node {
                margin: UiRect::top(px(16)),
                ..default()
            },
        ));
    });
}

/// Play: the onboarding path's next call (the first playable scenario, easiest first, that
/// the player has not played), else the one picked last.
fn play(
    _: On<Press>,
    scenarios: Res<Scenarios>,
    profile: Res<crate::Profile>,
    db: Option<Res<crate::RecordsDb>>,
    mut selected: ResMut<crate::Selected>,
    mut next: ResMut<NextState<Screen>>,
) {
    let played = db
        .and_then(|db| {
            db.with("game-what-progress", |s| s.progress(&profile.player))
                .ok()
        })
        .unwrap_or_default();
    let unplayed = scenarios.0.entries.iter().find(|e| {
        e.script()
            .is_some_and(|s| !played.iter().any(|r| r.scenario == s.id()))
    });
    if let Some(e) = unplayed {
        selected.0 = Some(e.key().to_string());
    } else if selected
        .entry(&scenarios)
        .is_none_or(|e| e.script().is_none())
    {
        selected.0 = scenarios
            .0
            .entries
            .iter()
            .find_map(|e| e.script().map(|s| s.id().to_string()));
    }
    next.set(Screen::Briefing);
}

/// The language button: the next language on offer; the calls are shown in it at once, and it is
/// remembered for the next game.
fn next_language(_: On<Press>, mut commands: Commands) {
    commands.queue(|world: &mut World| {
        let options = world.resource::<crate::PlayOptions>().clone();
        let offered = crate::Language::offered(&options);
        let mut language = world.resource::<crate::Language>().clone();
        let at = offered
            .iter()
            .position(|l| *l == language.lang)
            .unwrap_or(0);
        language.lang = offered[(at + 1) % offered.len()].clone();
        if let Some(db) = world.get_resource::<crate::RecordsDb>() {
            // A failure is logged by `with`; the language still changes for this game.
            let _ = db.with("game-what-settings", |s| {
                s.set_setting("lang", &language.lang)
            });
        }
        language.apply(world);
        world.insert_resource(language);
        world.write_message(flow::Redraw);
    });
}
