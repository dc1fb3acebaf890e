//! The call's transcript: the prospect's lines and the player's answers as speech bubbles, each
//! answer with the signal it sent and what it did to trust; the ending once the call is over.

use bevy::prelude::*;
use peercall_dialogue::{Line, Script};

use super::CallMoved;
use super::layout::Transcript;
use crate::theme::Theme;
use crate::{ActiveCall, GameSet, Screen};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        draw.in_set(GameSet::View)
            .run_if(in_state(Screen::Call).and_then(on_message::<CallMoved>)),
    );
}

/// The prospect's line the player is answering (read by screen readers).
#[derive(Component)]
pub struct ProspectLine;

/// How much of the call the transcript shows (kept on the transcript itself).
#[derive(Component, Debug, Default, Clone, Copy)]
struct Drawn {
    lines: usize,
    over: bool,
}

/// Adds the lines the transcript does not show yet, and the ending once the call is over.
fn draw(
    mut commands: Commands,
    mut moved: MessageReader<CallMoved>,
    theme: Res<Theme>,
    active: Option<Res<ActiveCall>>,
    transcript: Single<(Entity, &mut ScrollPosition, Option<&mut Drawn>), With<Transcript>>,
    old_lines: Query<Entity, With<ProspectLine>>,
    language: Res<crate::Language>,
    certifying: Option<Res<crate::ActiveCompetition>>,
) {
    // In a certification the answers' signals and trust changes wait for the verdict.
    let blind = certifying.is_some_and(|c| c.is_certification());
    let w = language.words();
    moved.clear();
    let Some(active) = active else { return };
    let (list, mut scroll, drawn) = transcript.into_inner();
    let was = drawn.as_deref().copied().unwrap_or_default();
    let script = active.script();
    let sc = script.scenario();
    let over = active.call.is_over();
    let lines = active.call.transcript(script);
    if was.lines == lines.len() && was.over == over {
        return;
    }
    let t = *theme;
    let p = t.palette;
    // Only the newest prospect line is announced as the one to answer.
    for e in &old_lines {
        commands.entity(e).remove::<ProspectLine>();
    }
    for (i, line) in lines.iter().enumerate().skip(was.lines) {
        let newest = i + 1 == lines.len();
        commands
            .entity(list)
            .with_children(|l| spawn_line(l, &t, w, script, line, newest && !over, blind));
    }
    if let Some(finish) = active.call.finish().filter(|_| !was.over) {
        let (_, ending) = sc.endings.at(finish.ending as usize);
        let note = if finish.hung_up {
            w.f("call-hung-up", &[("name", sc.prospect.name.clone().into())])
        } else {
            w.t("call-over")
        };
        let color = if ending.outcome.is_qualified() {
            p.good
        } else {
            p.bad
        };
        commands.entity(list).with_children(|l| {
            l.spawn((
                Node {
                    align_self: AlignSelf::Center,
                    margin: UiRect::top(px(6)),
                    ..default()
                },
                children![(
                    t.colored(format!("{note}  {}", ending.title), 17.0, color),
                    Label
                )],
            ));
        });
    }
    if was.lines != lines.len() {
        scroll.y = 1.0e6;
    }
    commands.entity(list).insert(Drawn {
        lines: lines.len(),
        over,
    });
}

fn spawn_line(
    l: &mut ChildSpawnerCommands,
    t: &Theme,
    w: &peercall_core::words::Words,
    script: &Script,
    line: &Line,
    newest: bool,
    blind: bool,
) {
    let p = t.palette;
    let sc = script.scenario();
    match line {
        Line::Prospect { text } => {
            let mut bubble = l.spawn(t.bubble(AlignSelf::Start, p.prospect));
            bubble.with_children(|b| {
                b.spawn(t.colored(sc.prospect.name.clone(), 14.0, p.accent));
                let mut text = b.spawn((t.text(text.clone(), 19.0), Label));
                if newest {
                    text.insert(ProspectLine);
                }
            });
        }
        Line::Player {
            text,
            signal,
            trust_before,
            trust_after,
        } => {
            let delta = trust_after - trust_before;
            let delta_color = if delta > 0 {
                p.good
            } else if delta < 0 {
                p.bad
            } else {
                p.dim
            };
            l.spawn(t.bubble(AlignSelf::End, p.player))
                .with_children(|b| {
                    b.spawn(t.colored(w.t("call-you"), 14.0, p.accent));
                    b.spawn((t.text(text.clone(), 19.0), Label));
                    if blind {
                        return;
                    }
                    b.spawn(t.colored(
                        w.f(
                            "call-signal-trust",
                            &[
                                ("signal", w.signal(*signal).into()),
                                ("delta", format!("{delta:+}").into()),
                            ],
                        ),
                        14.0,
                        delta_color,
                    ));
                });
        }
    }
}
