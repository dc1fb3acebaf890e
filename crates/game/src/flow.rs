//! What many screens' buttons do alike: go to another screen, change the look, quit; and
//! drawing the current screen anew (after a new look, a reload or a new profile) without
//! leaving it, so that nothing the screen does on entry to a new visit (a call's patience, a
//! pause) starts again.

use bevy::prelude::*;

use crate::nav::Press;
use crate::pause::Pause;
use crate::theme::Theme;
use crate::{GameSet, Screen};

pub(super) fn plugin(app: &mut App) {
    app.add_message::<Redraw>()
        .add_systems(Update, redraw_when_asked.in_set(GameSet::Rebuild));
}

/// Ask for the current screen to be drawn anew (this frame, before the screens' views run).
#[derive(Message, Debug, Clone, Copy, Default)]
pub struct Redraw;

/// A button handler that goes to `screen`.
pub fn go(screen: Screen) -> impl Fn(On<Press>, ResMut<NextState<Screen>>) {
    move |_: On<Press>, mut next: ResMut<NextState<Screen>>| next.set(screen)
}

/// Quits the game.
pub fn quit(_: On<Press>, mut exit: MessageWriter<AppExit>) {
    exit.write(AppExit::Success);
}

/// Cycles the text size; the screen is drawn anew in it.
pub fn cycle_text_size(_: On<Press>, mut theme: ResMut<Theme>, mut redraw: MessageWriter<Redraw>) {
    theme.next_scale();
    redraw.write(Redraw);
}

/// Switches high contrast on or off; the screen is drawn anew in it.
pub fn toggle_contrast(_: On<Press>, mut theme: ResMut<Theme>, mut redraw: MessageWriter<Redraw>) {
    theme.toggle_contrast();
    redraw.write(Redraw);
}

fn redraw_when_asked(world: &mut World) {
    let asked = world.resource_mut::<Messages<Redraw>>().drain().count() > 0;
    if asked {
        redraw(world);
    }
}

/// Draws the current screen (and the pause menu, when it is up) anew: its entities are
/// despawned and its `OnEnter` systems run again, without a state transition.
pub fn redraw(world: &mut World) {
    let screen = *world.resource::<State<Screen>>().get();
    let pause = world.get_resource::<State<Pause>>().map(|s| *s.get());
    let mut doomed: Vec<Entity> = world
        .query::<(Entity, &DespawnOnExit<Screen>)>()
        .iter(world)
        .filter(|(_, d)| d.0 == screen)
        .map(|(e, _)| e)
        .collect();
    doomed.extend(
        world
            .query_filtered::<Entity, With<DespawnOnExit<Pause>>>()
            .iter(world),
    );
    for e in doomed {
        if let Ok(entity) = world.get_entity_mut(e) {
            entity.despawn();
        }
    }
    // A screen without entry systems has nothing to draw.
    let _ = world.try_run_schedule(OnEnter(screen));
    if let Some(p) = pause {
        let _ = world.try_run_schedule(OnEnter(p));
    }
}
