//! Competitions opened from the game: every competition file found on this machine, whether it
//! can be played now (dates, scenario versions), and entering or leaving one.

use bevy::prelude::*;

use crate::nav::{EscapeKey, Hotkey, Press};
use crate::theme::Theme;
use crate::{ActiveCompetition, CompetitionFiles, FullLibrary, Scenarios, Screen};
use peercall_core::competition::{Competition, today};
use peercall_core::library::Library;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Competitions), spawn);
}

/// Loads competition `n` and checks it against the whole library: the competition and its
/// resolved scenarios, or why it cannot be played.
fn check(
    path: &std::path::Path,
    library: &Library,
) -> Result<(Competition, Vec<peercall_core::competition::Resolved>), String> {
    let c = Competition::load(path)?;
    c.open_on(&today())?;
    let entries = c.resolve(library)?;
    Ok((c, entries))
}

/// The scenarios a competition file is played with: those downloaded beside it from a team
/// hub, else the game's own.
fn library_for(path: &std::path::Path, world: &World) -> Library {
    let db = world
        .resource::<crate::PlayOptions>()
        .db
        .clone()
        .unwrap_or_else(peercall_core::records::default_path);
    if let Some(dir) = path.parent()
        && dir.parent() == Some(peercall_core::hub_client::hub_folder(&db).as_path())
        && let Ok(l) = Library::from_path(dir)
    {
        return l;
    }
    world
        .get_resource::<FullLibrary>()
        .map(|f| f.0.clone())
        .unwrap_or_else(|| world.resource::<Scenarios>().0.clone())
}

fn spawn(world: &mut World) {
    let files = world.resource::<CompetitionFiles>().0.clone();
    let libraries: Vec<Library> = files.iter().map(|f| library_for(f, world)).collect();
    let w = world.resource::<crate::Language>().words();
    let t = *world.resource::<Theme>();
    let p = t.palette;
    let mut commands = world.commands();
    let root = commands
        .spawn((DespawnOnExit(Screen::Competitions), t.root()))
        .id();
    commands.entity(root).with_children(|root| {
        root.spawn((t.colored(w.t("competitions-title"), 40.0, p.accent), Label));
        root.spawn(t.colored(w.t("competitions-fair"), 18.0, p.dim));
        if files.is_empty() {
            root.spawn(t.text(w.t("competitions-none"), 19.0));
        }
        for (i, f) in files.iter().enumerate() {
            match check(f, &libraries[i]) {
                Ok((c, entries)) => {
                    root.spawn((
                        t.button(
                            w.f(
                                "competitions-entry",
                                &[
                                    ("n", (i + 1).into()),
                                    ("name", c.name.clone().into()),
                                    ("calls", entries.len().into()),
                                    ("attempts", c.attempts.into()),
                                ],
                            ),
                            i,
                        ),
                        Hotkey(i + 1),
                        File(i),
                    ))
                    .observe(enter);
                }
                Err(e) => {
                    root.spawn(t.colored(
                        format!(
                            "{}. {}: {}",
                            i + 1,
                            f.display(),
                            e.lines().next().unwrap_or("")
                        ),
                        17.0,
                        p.bad,
                    ));
                }
            }
        }
        root.spawn((t.button(w.t("back-esc"), files.len()), EscapeKey))
            .observe(crate::flow::go(Screen::Title));
    });
    world.flush();
}

/// A competition's button: its place in [`CompetitionFiles`].
#[derive(Component, Debug, Clone, Copy)]
struct File(usize);

fn enter(press: On<Press>, files: Query<&File>, mut commands: Commands) {
    if let Ok(&File(n)) = files.get(press.entity) {
        commands.queue(move |world: &mut World| open(world, n));
    }
}

/// Enters competition `n`: the scenario list narrows to its calls, seeds are fixed, attempts
/// counted, results recorded under its id.
pub fn open(world: &mut World, n: usize) {
    let Some(path) = world.resource::<CompetitionFiles>().0.get(n).cloned() else {
        return;
    };
    let full = library_for(&path, world);
    let (competition, entries) = match check(&path, &full) {
        Ok(c) => c,
        Err(e) => {
            // The file changed since the list was drawn: say why, and draw the list again.
            warn!("{}: {e}", path.display());
            world.write_message(crate::flow::Redraw);
            return;
        }
    };
    enter_checked(world, competition, &entries, &full);
}

/// Enters a checked competition whose scenarios were resolved (`entries`) against `full`.
pub fn enter_checked(
    world: &mut World,
    competition: Competition,
    entries: &[peercall_core::competition::Resolved],
    full: &Library,
) {
    let (only, resolved) = peercall_core::competition::narrow(full, entries);
    // What leaving the competition goes back to: the game's own scenarios.
    let whole = world
        .get_resource::<FullLibrary>()
        .map(|f| f.0.clone())
        .unwrap_or_else(|| world.resource::<Scenarios>().0.clone());
    world.insert_resource(FullLibrary(whole));
    world.resource_mut::<Scenarios>().0 = only;
    // A competition's own scenarios (downloaded from a hub) in the language being played.
    if let Some(l) = world.get_resource::<crate::Language>().cloned() {
        world
            .resource_mut::<Scenarios>()
            .0
            .translate(&l.lang, l.mark);
    }
    world.resource_mut::<crate::Selected>().0 = None;
    world.insert_resource(ActiveCompetition {
        competition,
        entries: resolved,
    });
    world.resource_mut::<NextState<Screen>>().set(Screen::Pick);
}

/// Leaves the competition opened from the game (the title screen's button).
pub fn leave(_: On<Press>, mut commands: Commands) {
    commands.queue(|world: &mut World| {
        if let Some(full) = world.remove_resource::<FullLibrary>() {
            world.resource_mut::<Scenarios>().0 = full.0;
        }
        world.remove_resource::<ActiveCompetition>();
        world.resource_mut::<crate::Selected>().0 = None;
        world.resource_mut::<NextState<Screen>>().set(Screen::Title);
    });
}
