//! The error screen: a broken scenario file's diagnostics, exactly as `peercall check` prints them.

use bevy::prelude::*;

use crate::nav::{EscapeKey, Scrollable};
use crate::theme::Theme;
use crate::{MonoFont, Scenarios, Screen, Selected};
use peercall_core::library::EntryKind;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Error), spawn);
}

fn spawn(
    mut commands: Commands,
    theme: Res<Theme>,
    scenarios: Res<Scenarios>,
    selected: Res<Selected>,
    mono: Res<MonoFont>,
    language: Res<crate::Language>,
    interrupted: Option<Res<crate::reload::Interrupted>>,
) {
    let t = *theme;
    let p = t.palette;
    let w = language.words();
    let Some(entry) = selected.entry(&scenarios) else {
        // The file is gone (the library changed under the screen): back to the list.
        commands.queue(|w: &mut World| w.resource_mut::<NextState<Screen>>().set(Screen::Pick));
        return;
    };
    let report = entry.report().unwrap_or_default();
    let (report, errors) = match (&entry.kind, &entry.newer_version_broken) {
        (EntryKind::Broken { errors, .. }, _) => (report, *errors),
        (EntryKind::Ready(_), Some(newer)) => (
            format!("{report}\n{}", w.t("error-previous-plays")),
            newer.error_count(),
        ),
        (EntryKind::Ready(_), None) => (w.t("error-none"), 0),
    };
    let root = commands
        .spawn((
            DespawnOnExit(Screen::Error),
            t.root(),
            children![
                (
                    t.colored(
                        w.f(
                            if entry.script().is_some() {
                                "error-saved-broken"
                            } else {
                                "error-unplayable"
                            },
                            &[("file", entry.file.clone().into())],
                        ),
                        34.0,
                        p.bad
                    ),
                    Label
                ),
                t.colored(
                    w.f(
                        "error-found",
                        &[
                            ("errors", errors.into()),
                            ("file", entry.file.clone().into())
                        ],
                    ),
                    18.0,
                    p.dim
                ),
                (
                    Scrollable,
                    Node {
                        flex_direction: FlexDirection::Column,
                        flex_grow: 1.0,
                        width: percent(100),
                        padding: UiRect::all(px(16)),
                        overflow: Overflow::scroll_y(),
                        border_radius: BorderRadius::all(px(8)),
                        ..default()
                    },
                    BackgroundColor(p.panel),
                    // Monospace: the marker under the offending text must line up with it.
                    children![(
                        Text::new(report),
                        t.font(16.0).with_font(mono.0.clone()),
                        TextColor(p.text),
                        Label
                    )],
                ),
            ],
        ))
        .id();
    // While the previous version still plays, Esc goes back to what the save interrupted: a call
    // in progress goes on where it was.
    let back = interrupted
        .map(|i| i.0)
        .filter(|s| *s != Screen::Pick && entry.script().is_some());
    commands.entity(root).with_children(|root| {
        root.spawn(t.button_row()).with_children(|row| match back {
            Some(screen) => {
                let label = if screen == Screen::Call {
                    "error-back-to-call-esc"
                } else {
                    "back-esc"
                };
                row.spawn((t.button(w.t(label), 0), EscapeKey))
                    .observe(crate::flow::go(screen));
                row.spawn(t.button(w.t("back-to-scenarios"), 1))
                    .observe(crate::flow::go(Screen::Pick));
            }
            None => {
                row.spawn((t.button(w.t("back-to-scenarios-esc"), 0), EscapeKey))
                    .observe(crate::flow::go(Screen::Pick));
            }
        });
    });
}
