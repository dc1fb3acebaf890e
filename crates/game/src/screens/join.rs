//! Joining a team hub from the game: the hub's address and the team's join code (both
//! remembered), joined and downloaded off the frame; then the competition opens. When joined,
//! the screen says where results go and how many wait to be sent. In the browser the hub is
//! the one that served the page, and a join link (`/play/?join=CODE`) joins as soon as the
//! player has a name.

#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;

use bevy::prelude::*;

use crate::background::{Pending, Waiting};
use crate::fields::{Fields, field};
use crate::nav::{EscapeKey, Press, TextEntry};
use crate::theme::Theme;
#[cfg(not(target_arch = "wasm32"))]
use crate::{CompetitionFiles, PlayOptions};
use crate::{GameSet, Profile, RecordsDb, Screen};
use peercall_core::hub_client;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Join), spawn).add_systems(
        Update,
        joined.in_set(GameSet::Apply).run_if(in_state(Screen::Join)),
    );
}

/// The line under the fields: what is happening, or why joining failed.
#[derive(Component)]
struct Status;

/// What joining gives: the downloaded competition file and the team, or why not.
#[cfg(not(target_arch = "wasm32"))]
type Outcome = Result<(PathBuf, String), String>;
/// What joining gives in the browser: the competition's files, checked, or why not.
#[cfg(target_arch = "wasm32")]
type Outcome = Result<crate::web::hub::Downloaded, String>;

fn spawn(world: &mut World) {
    let t = *world.resource::<Theme>();
    let p = t.palette;
    let (member, pending) = match world.get_resource::<RecordsDb>() {
        Some(db) => (
            db.with("game-what-team-hub", hub_client::membership)
                .ok()
                .flatten(),
            db.with("game-what-team-hub", |s| {
                let outbox = s.outbox(peercall_core::records::Queue::Hub);
                Ok((outbox.waiting()?, outbox.refusals()?))
            })
            .ok(),
        ),
        None => (None, None),
    };
    #[cfg(not(target_arch = "wasm32"))]
    let server = member
        .as_ref()
        .map_or_else(|| "http://".to_string(), |m| m.server.clone());
    // In the browser the hub is the page's own; a join link brings its code.
    #[cfg(target_arch = "wasm32")]
    let server = crate::web::net::origin();
    #[cfg(target_arch = "wasm32")]
    let link = world
        .remove_resource::<crate::web::hub::JoinLink>()
        .map(|l| l.0);
    #[cfg(not(target_arch = "wasm32"))]
    let link: Option<String> = None;
    let draft = Fields {
        focus: usize::from(member.is_some() || cfg!(target_arch = "wasm32")),
        values: vec![server, link.clone().unwrap_or_default()],
        max: vec![200, 16],
    };
    let recorded = world.get_resource::<RecordsDb>().is_some();
    let w = world.resource::<crate::Language>().words();
    let mut commands = world.commands();
    let root = commands
        .spawn((DespawnOnExit(Screen::Join), TextEntry, t.root()))
        .id();
    // The join button, pressed by itself when the page was opened with a join link.
    let mut button = None;
    commands.entity(root).with_children(|root| {
        root.spawn((t.colored(w.t("join-title"), 40.0, p.accent), Label));
        root.spawn(t.colored(w.t("join-how"), 18.0, p.dim))
            .insert(Node {
                max_width: px(860),
                ..default()
            });
        if let Some(m) = &member {
            let (waiting, refused) = pending.clone().unwrap_or_default();
            let mut line = w.f(
                "join-joined",
                &[
                    ("competition", m.competition.clone().into()),
                    ("server", m.server.clone().into()),
                    ("waiting", waiting.into()),
                ],
            );
            if !refused.is_empty() {
                line.push(' ');
                line.push_str(&w.f(
                    "join-refused",
                    &[
                        ("count", refused.len().into()),
                        ("why", refused[0].reason.clone().into()),
                    ],
                ));
            }
            root.spawn((t.colored(line, 18.0, p.good), Label))
                .insert(Node {
                    max_width: px(860),
                    ..default()
                });
        }
        if !recorded {
            root.spawn(t.colored(w.t("join-no-records"), 18.0, p.bad));
        }
        root.spawn(field(
            &t,
            &w.t("join-address"),
            &draft.values[0],
            draft.focus == 0,
            0,
        ));
        root.spawn(field(
            &t,
            &w.t("join-code"),
            &draft.values[1],
            draft.focus == 1,
            1,
        ));
        root.spawn((Status, t.colored(w.t("join-keys"), 17.0, p.dim)));
        root.spawn(Node {
            margin: UiRect::top(px(8)),
            ..t.button_row()
        })
        .with_children(|row| {
            button = Some(
                row.spawn(t.button(w.t("join-button"), 0))
                    .observe(start)
                    .id(),
            );
            row.spawn((t.button(w.t("back-esc"), 1), EscapeKey))
                .observe(crate::flow::go(Screen::Title));
        });
    });
    commands.entity(root).insert(draft);
    if let Some(entity) = button.filter(|_| link.is_some()) {
        commands.trigger(Press { entity });
    }
    world.flush();
}

/// Join: off the frame, join with the typed code, download the competition's files and check
/// them, then open the competition.
fn start(
    _: On<Press>,
    mut commands: Commands,
    roots: Query<(Entity, &Fields), Without<Pending<Outcome>>>,
    db: Option<Res<RecordsDb>>,
    profile: Res<Profile>,
    theme: Res<Theme>,
    mut status: Query<(&mut Text, &mut TextColor), With<Status>>,
    language: Res<crate::Language>,
) {
    let w = language.words();
    let Ok((root, f)) = roots.single() else {
        return;
    };
    let say = |status: &mut Query<(&mut Text, &mut TextColor), With<Status>>, s: &str, c| {
        for (mut text, mut color) in status.iter_mut() {
            text.0 = s.to_string();
            color.0 = c;
        }
    };
    let p = theme.palette;
    let (server, code) = (
        f.values[0].trim().to_string(),
        f.values[1].trim().to_string(),
    );
    if code.is_empty() {
        say(&mut status, &w.t("join-need-code"), p.bad);
        return;
    }
    #[cfg(not(target_arch = "wasm32"))]
    let Some(path) = db.and_then(|d| d.0.lock().ok().map(|s| s.path().to_path_buf())) else {
        say(&mut status, &w.t("join-cannot"), p.bad);
        return;
    };
    #[cfg(target_arch = "wasm32")]
    let Some(member) = db.map(|d| {
        // Joined with this code before (a reload): the same player, no second join.
        d.with("game-what-team-hub", |s| {
            let same = s.setting(hub_client::CODE)?.as_deref() == Some(code.as_str());
            Ok(hub_client::membership(s)?.filter(|m| same && m.server == server))
        })
        .ok()
        .flatten()
    }) else {
        say(&mut status, &w.t("join-cannot"), p.bad);
        return;
    };
    let player = profile.player.clone();
    say(
        &mut status,
        &w.f("join-joining", &[("server", server.clone().into())]),
        p.dim,
    );
    #[cfg(not(target_arch = "wasm32"))]
    let work = Pending::<Outcome>::start(move || {
        let store = peercall_core::records::Store::open(&path)
            .map_err(|e| e.to_string())?
            .0;
        let joined = hub_client::join_and_remember(&store, &server, &code, &player)
            .map_err(|e| e.to_string())?;
        let m = hub_client::membership(&store)
            .map_err(|e| e.to_string())?
            .ok_or_else(|| w.t("join-not-remembered"))?;
        let files = hub_client::files(&m).map_err(|e| e.to_string())?;
        let file = hub_client::save_files(&files, &hub_client::files_dir(&store, &m.competition))
            .map_err(|e| e.to_string())?;
        Ok((file, joined.team))
    });
    #[cfg(target_arch = "wasm32")]
    let work = Pending::<Outcome>::start_local(crate::web::hub::join(server, code, player, member));
    commands.entity(root).insert((Waiting, work));
}

/// The answer of [`start`]: the competition opens, or the reason shows.
fn joined(world: &mut World) {
    let mut q = world.query::<(Entity, &Pending<Outcome>)>();
    let Some((root, answer)) = q.iter(world).find_map(|(e, p)| p.take().map(|a| (e, a))) else {
        return;
    };
    world
        .entity_mut(root)
        .remove::<(Pending<Outcome>, Waiting)>();
    let w = world.resource::<crate::Language>().words();
    let answer = answer.unwrap_or_else(|| Err(w.t("join-stopped")));
    match answer {
        #[cfg(not(target_arch = "wasm32"))]
        Ok((file, team)) => {
            world.resource_mut::<Profile>().team = team;
            let options = world.resource::<PlayOptions>().clone();
            let files = crate::competition_files(&options);
            let n = files.iter().position(|f| *f == file);
            world.insert_resource(CompetitionFiles(files));
            match n {
                Some(n) => super::competitions::open(world, n),
                None => world
                    .resource_mut::<NextState<Screen>>()
                    .set(Screen::Competitions),
            }
        }
        #[cfg(target_arch = "wasm32")]
        Ok(downloaded) => {
            if let Err(e) = crate::web::hub::enter(world, downloaded) {
                show_failure(world, e);
            }
        }
        Err(e) => show_failure(world, e),
    }
}

/// Says why joining failed under the fields.
fn show_failure(world: &mut World, e: String) {
    let bad = world.resource::<Theme>().palette.bad;
    let shown = world
        .resource::<crate::Language>()
        .words()
        .f("join-failed", &[("why", e.into())]);
    let mut status = world.query_filtered::<(&mut Text, &mut TextColor), With<Status>>();
    for (mut text, mut color) in status.iter_mut(world) {
        text.0 = shown.clone();
        color.0 = bad;
    }
}
