//! The player's numbered choices: one button per line on offer, pressed by click, number key
//! or Enter; each says its line to the engine, which answers with the turn it took. After the
//! last line, the way to the debrief.

use bevy::prelude::*;

use super::CallMoved;
use super::layout::{CallNotice, Choices};
use crate::nav::{Hotkey, Press};
use crate::pause::Pause;
use crate::theme::{Focusable, Theme};
use crate::{ActiveCall, GameSet, Screen};

/// How long choices stay locked after one is made, so that a double press cannot answer the
/// next line by accident.
pub const COOLDOWN_SECS: f64 = 0.35;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        offer
            .in_set(GameSet::View)
            .run_if(in_state(Screen::Call).and_then(on_message::<CallMoved>)),
    );
}

/// A choice button: says choice `number` at turn `turn`.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// Turns taken when the button was made; a stale button does nothing.
    pub turn: usize,
    /// The 1-based choice number.
    pub number: usize,
}

/// What the choices show (kept on the choices' container): the turn they answer, and until
/// when they are locked after an answer.
#[derive(Component, Debug, Default, Clone, Copy)]
struct Offered {
    turns: Option<usize>,
    over: bool,
    locked_until: f64,
}

/// Rebuilds the choices when the call reaches a new turn or ends.
fn offer(
    mut commands: Commands,
    mut moved: MessageReader<CallMoved>,
    theme: Res<Theme>,
    active: Option<Res<ActiveCall>>,
    choices: Single<(Entity, Option<&Offered>), With<Choices>>,
    language: Res<crate::Language>,
) {
    let w = language.words();
    moved.clear();
    let Some(active) = active else { return };
    let (container, offered) = choices.into_inner();
    let was = offered.copied().unwrap_or_default();
    let turns = active.call.turns().len();
    let over = active.call.is_over();
    if was.turns == Some(turns) && was.over == over {
        return;
    }
    let t = *theme;
    let p = t.palette;
    let script = active.script();
    commands.entity(container).despawn_children();
    commands.entity(container).insert(Offered {
        turns: Some(turns),
        over,
        ..was
    });
    commands.entity(container).with_children(|c| {
        if over {
            c.spawn(t.button(w.t("call-see-debrief"), 0))
                .observe(crate::flow::go(Screen::Debrief));
            return;
        }
        for offer in active.call.offered(script) {
            c.spawn((
                Button,
                Choice {
                    turn: turns,
                    number: offer.number,
                },
                Focusable(offer.number - 1),
                Hotkey(offer.number),
                Node {
                    padding: UiRect::axes(px(14), px(9)),
                    border: UiRect::all(px(2)),
                    column_gap: px(12),
                    align_items: AlignItems::Center,
                    border_radius: BorderRadius::all(px(8)),
                    ..default()
                },
                BackgroundColor(p.button),
                BorderColor::all(p.button),
            ))
            .observe(say)
            .with_children(|b| {
                b.spawn(t.colored(format!("{}", offer.number), 22.0, p.accent));
                b.spawn((
                    Text::new(offer.say),
                    t.font(18.0),
                    TextColor(p.button_text),
                    Node {
                        flex_shrink: 1.0,
                        ..default()
                    },
                ));
            });
        }
    });
}

/// Says the pressed choice: the engine takes the turn and the screen follows its trust change.
/// An answer the engine refuses is shown on the call screen and logged, never dropped.
fn say(
    press: On<Press>,
    buttons: Query<&Choice>,
    time: Res<Time>,
    pause: Option<Res<State<Pause>>>,
    active: Option<ResMut<ActiveCall>>,
    mut offered: Query<&mut Offered>,
    mut notice: Query<(&mut Text, &mut Node), With<CallNotice>>,
    mut moved: MessageWriter<CallMoved>,
    language: Res<crate::Language>,
) {
    let (Ok(choice), Some(mut active)) = (buttons.get(press.entity), active) else {
        return;
    };
    let now = time.elapsed_secs_f64();
    let locked = offered.iter().any(|o| now < o.locked_until);
    let held = pause.is_some_and(|p| *p.get() == Pause::OnHold);
    // A button from an earlier turn, a double press or a press while on hold does nothing.
    if held || locked || active.call.turns().len() != choice.turn {
        return;
    }
    let script = std::sync::Arc::clone(&active.script);
    let result = active
        .call
        .choose(&script, choice.number)
        .map(|turn| (turn.trust_before, turn.trust_after));
    let shown = match result {
        Ok(trust) => {
            for mut o in &mut offered {
                o.locked_until = now + COOLDOWN_SECS;
            }
            moved.write(CallMoved { trust: Some(trust) });
            None
        }
        Err(e) => {
            warn!("answer {} not taken: {e}", choice.number);
            moved.write(CallMoved { trust: None });
            Some(
                language
                    .words()
                    .f("call-answer-refused", &[("why", e.to_string().into())]),
            )
        }
    };
    for (mut text, mut node) in &mut notice {
        text.0 = shown.clone().unwrap_or_default();
        node.display = if shown.is_some() {
            Display::Flex
        } else {
            Display::None
        };
    }
}
